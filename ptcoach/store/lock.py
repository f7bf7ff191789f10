"""One writer per data dir across processes: the running app holds an exclusive lock
(fcntl.flock) on `<data dir>/ptcoach.lock` (0600) for its whole life, with its pid written
in the file. Commands that write (restore) check it and refuse, naming the app's pid.

The kernel drops the lock when the process ends, however it ends (kill -9 included), so a
lock file left behind never blocks anyone.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

LOCK_FILE = "ptcoach.lock"


def lock_path(data_dir: Path) -> Path:
    return Path(data_dir) / LOCK_FILE


class DataDirLock:
    """`acquire()` is True in the one process that may write the data dir's history."""

    def __init__(self, data_dir: Path) -> None:
        self.path = lock_path(data_dir)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        """Take the lock without waiting. True: held (also when the folder cannot hold a lock
        file at all, e.g. read-only: then nothing can be written there either)."""
        import fcntl

        if self._fd is not None:
            return True
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        except OSError:
            return True
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            # Held by another process: False. A file system without locks: no worse than before.
            return exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing drops the flock
            self._fd = None


def running_app(data_dir: Path) -> int | None:
    """The pid of the ptcoach app holding `data_dir` (0 when it did not say), else None."""
    import fcntl

    try:
        fd = os.open(lock_path(data_dir), os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                return None
            text = os.read(fd, 32).decode("ascii", "replace").strip()
            return int(text) if text.isdigit() else 0
        return None
    finally:
        os.close(fd)


def running_app_message(data_dir: Path, what: str) -> str | None:
    """Why `what` must wait, when the app is running on `data_dir`; else None."""
    pid = running_app(data_dir)
    if pid is None:
        return None
    who = f"the ptcoach app (pid {pid})" if pid else "the ptcoach app"
    return (
        f"{who} is running and writing the history in {data_dir}, so {what} was refused "
        "and nothing was changed. Quit the app (menu File > Quit, or the tray's Quit), "
        "then try again."
    )
