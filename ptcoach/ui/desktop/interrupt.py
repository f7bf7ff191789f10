"""Ctrl+C (SIGINT) and SIGTERM quit the GUI cleanly.

Python runs a signal handler only when the interpreter gets control, which Qt's event loop in
C++ never gives it by itself. So the C-level handler writes the signal number into a pipe
(`signal.set_wakeup_fd`); a QSocketNotifier on the other end wakes the event loop, and the
slot drains the pipe and posts the quit: a session in progress is stopped (its done sets were
committed as each ended; the session is closed as stopped), then the event loop ends and the
normal quit path (aboutToQuit) runs. Nothing here blocks: the pipe is non-blocking. (A pipe,
not a socket pair: importing `socket` cost ~4 ms before the first paint.)
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, QTimer

log = logging.getLogger(__name__)
SIGNALS = (signal.SIGINT, signal.SIGTERM)


class QuitOnSignal(QObject):
    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._app = app
        self._read_fd, self._write_fd = os.pipe2(os.O_NONBLOCK | os.O_CLOEXEC)
        self._notifier = QSocketNotifier(self._read_fd, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        self._old_fd = signal.set_wakeup_fd(self._write_fd, warn_on_full_buffer=False)
        self.received: list[int] = []
        for signum in SIGNALS:
            signal.signal(signum, self._on_signal)
        app.aboutToQuit.connect(self.uninstall)

    def _on_signal(self, signum: int, _frame: Any) -> None:
        # Runs in Python at the next bytecode after the wake-up (from _drain's slot).
        self.received.append(signum)
        QTimer.singleShot(0, self._quit)

    def _drain(self) -> None:
        with contextlib.suppress(OSError):  # BlockingIOError: drained
            while os.read(self._read_fd, 512):
                pass

    def _quit(self) -> None:
        log.info("quit on signal %s", self.received[-1] if self.received else "?")
        shell = self._app.property("ptcoach_shell")
        services = getattr(shell, "services", None)
        if services is not None:
            services.ask_ratings = False  # quitting: no questions (their dialogs would block)
        window = getattr(shell, "session_window", None)
        driver = getattr(window, "driver", None)
        if driver is not None:
            from ptcoach.engine.state import State

            if driver.state in (State.RUNNING, State.PAUSED):
                driver.stop()  # the session is closed as stopped; its done sets are stored
            if window is not None:
                with contextlib.suppress(Exception):
                    window.guard.release()
        QCoreApplication.exit(130 if signal.SIGINT in self.received else 143)

    def uninstall(self) -> None:
        for signum in SIGNALS:
            signal.signal(
                signum, signal.SIG_DFL if signum == signal.SIGTERM else signal.default_int_handler
            )
        with contextlib.suppress(ValueError):
            signal.set_wakeup_fd(self._old_fd)
        self._notifier.setEnabled(False)


def install(app: QCoreApplication) -> QuitOnSignal:
    return QuitOnSignal(app)
