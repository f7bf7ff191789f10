"""The app's Qt message handler: every Qt message still reaches stderr, formatted as Qt's own
handler does (QT_MESSAGE_PATTERN included), and listeners can watch them (tests fail on the
kind that means a Qt object was touched from a thread other than its own).

Installed by run_gui. The handler runs in whichever thread Qt warns from, so it does as little
as possible: format, write, call the listeners.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QtMsgType, qFormatLogMessage, qInstallMessageHandler

# Qt's words when an object is used from the wrong thread (the session freeze of issue 11).
THREAD_WARNINGS = (
    "another thread",
    "QSocketNotifier",
    "Cannot create children for a parent that is in a different thread",
    "Timers cannot be started from another thread",
    "Timers cannot be stopped from another thread",
    "QBasicTimer",
)

Listener = Callable[[QtMsgType, str], None]
_listeners: list[Listener] = []
_installed = False


def is_thread_warning(message: str) -> bool:
    return any(marker in message for marker in THREAD_WARNINGS)


def _handle(kind: QtMsgType, context: Any, message: str) -> None:
    try:
        line = qFormatLogMessage(kind, context, message)
    except (TypeError, RuntimeError):
        line = message
    try:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass  # no stderr (a closed pipe): the message is lost, the app goes on
    for listener in list(_listeners):
        listener(kind, message)


def install() -> None:
    """Route Qt's messages through `_handle` (once per process)."""
    global _installed
    if not _installed:
        qInstallMessageHandler(_handle)
        _installed = True


def listen(listener: Listener) -> Callable[[], None]:
    """Call `listener(kind, message)` for every Qt message; returns the way to stop."""
    install()
    _listeners.append(listener)
    return lambda: _listeners.remove(listener) if listener in _listeners else None
