"""The log, fatal-error dumps and crash reports, all under `paths.state_dir()`, all private.

- `setup(verbose)`: a log file (`paths.log_file()`, 0600 in 0700 folders) at INFO, rotated at
  start when over 1 MB (four older ones kept; logging.handlers stays out of start-up), and with
  `verbose` every DEBUG line on stderr too. A log that cannot be opened only means no log file.
- `faulthandler` dumps the Python stacks of every thread into `fatal.log` beside the log on a
  crash Python cannot catch (segfault, abort), and on stderr.
- `install_excepthook(tell)`: an uncaught exception (in the main thread, a worker thread, or a
  Qt slot) writes a crash report into `paths.crash_dir()` (version, platform, traceback and the
  last log lines, with the home folder written as `~` and no routine or history content), and
  calls `tell(path)` so the runner learns where it is. Sets already done were committed when
  they ended, so they stay stored.
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import os
import sys
import threading
from collections import deque
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from ptcoach import __version__, paths, private

LOG_LINES_IN_REPORT = 50
_recent: deque[str] = deque(maxlen=LOG_LINES_IN_REPORT)
_fatal_file: IO[str] | None = None
Tell = Callable[[Path], None]


class _RecentLines(logging.Handler):
    """Keeps the last log lines in memory for a crash report."""

    def emit(self, record: logging.LogRecord) -> None:
        with contextlib.suppress(Exception):
            _recent.append(self.format(record))


MAX_BYTES = 1_000_000
KEEP = 4


class _PrivateFileHandler(logging.FileHandler):
    """Appends to the log, created 0600; opened at the first line logged."""

    def _open(self) -> Any:
        private.reserve(Path(self.baseFilename))
        return super()._open()


def _rotate(path: Path) -> None:
    """ptcoach.log -> ptcoach.log.1 -> ... -> ptcoach.log.KEEP, when the log is over MAX_BYTES."""
    try:
        if path.stat().st_size < MAX_BYTES:
            return
    except OSError:
        return
    for n in range(KEEP - 1, 0, -1):
        with contextlib.suppress(OSError):
            os.replace(f"{path}.{n}", f"{path}.{n + 1}")
    with contextlib.suppress(OSError):
        os.replace(path, f"{path}.1")


def setup(verbose: bool = False) -> Path | None:
    """Configure the `ptcoach` loggers; returns the log file, or None if it cannot be kept."""
    root = logging.getLogger("ptcoach")
    if getattr(root, "_ptcoach_configured", False):
        return _log_path(root)
    root.setLevel(logging.DEBUG)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    recent = _RecentLines(logging.DEBUG)
    recent.setFormatter(fmt)
    root.addHandler(recent)
    if verbose:
        console = logging.StreamHandler(sys.stderr)
        console.setLevel(logging.DEBUG)
        console.setFormatter(fmt)
        root.addHandler(console)
    log_path: Path | None = paths.log_file()
    wanted = paths.log_file()
    try:
        private.make_dir(paths.state_dir())
        private.make_dir(wanted.parent)
        _rotate(wanted)
        handler = _PrivateFileHandler(wanted, encoding="utf-8", delay=True)
        handler.setLevel(logging.DEBUG if verbose else logging.INFO)
        handler.setFormatter(fmt)
        root.addHandler(handler)
        _enable_faulthandler(wanted.parent / "fatal.log")
    except OSError:
        log_path = None
        with contextlib.suppress(Exception):
            faulthandler.enable()
    root._ptcoach_configured = True  # type: ignore[attr-defined]
    root.debug("ptcoach %s on Python %s", __version__, sys.version.split()[0])
    return log_path


def _log_path(root: logging.Logger) -> Path | None:
    for h in root.handlers:
        if isinstance(h, _PrivateFileHandler):
            return Path(h.baseFilename)
    return None


def _enable_faulthandler(path: Path) -> None:
    global _fatal_file
    if _fatal_file is None:
        _fatal_file = private.open_new(path, "a")
    faulthandler.enable(file=_fatal_file, all_threads=True)


def _scrub(text: str) -> str:
    home = str(Path.home())
    return text.replace(home, "~") if len(home) > 1 else text


def write_crash_report(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None, *, thread: str = ""
) -> Path | None:
    """A crash report file in `paths.crash_dir()`; None if it cannot be written."""
    import datetime as dt
    import platform
    import traceback

    now = dt.datetime.now().astimezone()
    lines = [
        f"ptcoach {__version__} crash report, {now.isoformat(timespec='seconds')}",
        f"Python {platform.python_version()} ({sys.implementation.name}) on {platform.platform()}",
    ]
    qt = sys.modules.get("PySide6")
    if qt is not None:
        lines.append(f"PySide6 {getattr(qt, '__version__', '?')}")
    if thread:
        lines.append(f"thread: {thread}")
    lines += [
        "",
        "Traceback:",
        *"".join(traceback.format_exception(exc_type, exc, tb)).rstrip().splitlines(),
        "",
        f"Last {len(_recent)} log lines:",
        *_recent,
    ]
    text = _scrub("\n".join(lines)) + "\n"
    try:
        folder = private.make_dir(paths.crash_dir())
        path = folder / f"crash-{now:%Y%m%d-%H%M%S}-{os.getpid()}.txt"
        with private.open_new(path, "w") as f:
            f.write(text)
    except OSError:
        return None
    return path


def install_excepthook(tell: Tell | None = None) -> None:
    """Uncaught exceptions write a crash report and `tell` the runner (default: stderr)."""
    log = logging.getLogger("ptcoach")

    def report(
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
        thread: str = "",
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.error("uncaught exception", exc_info=(exc_type, exc, tb))
        path = write_crash_report(exc_type, exc, tb, thread=thread)
        print(
            f"ptcoach: an unexpected error ({exc_type.__name__}: {exc}). "
            + (f"A crash report is in {path}" if path else "No crash report could be written")
            + "; please send it with a bug report. Sets already done are "
            "stored.",
            file=sys.stderr,
        )
        if tell is not None and path is not None:
            with contextlib.suppress(Exception):
                tell(path)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        name = args.thread.name if args.thread is not None else "?"
        report(args.exc_type, args.exc_value, args.exc_traceback, thread=name)

    sys.excepthook = report
    threading.excepthook = thread_hook
