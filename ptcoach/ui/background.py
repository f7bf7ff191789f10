"""Work that must not run on the GUI thread, and work split over event-loop turns.

`in_background(work, then)` runs `work` in a worker thread and hands its result (or the
exception it raised) to `then` on the GUI thread; `Stream` does the same for the many results
of a long-lived worker (the camera's pose thread); `one_per_turn(steps)` runs steps one per
event-loop turn, so a window never stalls for their sum. Nothing Qt-owned is touched by the
worker: only the queued signal of an object that lives on the GUI thread (issue 11: a
QSocketNotifier touched from another thread froze the session window for good).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal


class _Then(QObject):
    """Calls `then(result)` on the thread it was made on when `done` is emitted from another:
    a bound method of a QObject runs in that object's thread (a queued call).

    Its parent is the application, so Qt owns it and deletes it with deleteLater() after the
    call. Owned by Python instead (no parent), its wrapper's cycle with its own connection was
    freed by the garbage collector at any moment, deleting the object while Qt used it.
    """

    done = Signal(object)

    def __init__(self, then: Callable[[Any], None]) -> None:
        super().__init__(QCoreApplication.instance())
        self._then = then
        self.done.connect(self._run)

    def _run(self, result: object) -> None:
        self.deleteLater()  # once this call is over
        self._then(result)


def in_background(
    work: Callable[[], Any], then: Callable[[Any], None], *, name: str = "ptcoach-background"
) -> threading.Thread:
    """Run `work()` in a daemon thread; `then` gets its return value, or the exception it
    raised, on the calling (GUI) thread."""
    carrier = _Then(then)

    def run() -> None:
        result: Any
        try:
            result = work()
        except Exception as exc:  # handed to `then`, which decides what to tell
            result = exc
        carrier.done.emit(result)

    thread = threading.Thread(target=run, name=name, daemon=True)
    thread.start()
    return thread


class Stream(QObject):
    """Carries items from a worker thread to `then(item)` on the GUI thread, for as long as it
    is open: the worker calls `send(item)`, a queued signal of this application-owned object.

    The rule that keeps it safe: close() only once the worker can no longer send (its stop()
    has returned); items already on their way are dropped, and the object is deleted with
    deleteLater(). `then` is a method of `owner`: an owner Qt has deleted gets nothing
    (shiboken6.isValid is checked before each call).
    """

    arrived = Signal(object)

    def __init__(self, owner: QObject, then: Callable[[Any], None]) -> None:
        super().__init__(QCoreApplication.instance())
        self._owner = owner
        self._then = then
        self.open = True
        self.arrived.connect(self._run)

    def send(self, item: object) -> None:
        """From any thread, while the stream is open."""
        self.arrived.emit(item)

    def _run(self, item: object) -> None:
        import shiboken6

        if self.open and shiboken6.isValid(self._owner):
            self._then(item)

    def close(self) -> None:
        """GUI thread, after the sender has stopped for good."""
        if self.open:
            self.open = False
            self.arrived.disconnect(self._run)
            self.deleteLater()


def one_per_turn(steps: Sequence[Callable[[], None]]) -> None:
    """Run `steps` in order, each on its own event-loop turn, so none adds to another's stall."""
    todo = list(steps)

    def next_step() -> None:
        todo.pop(0)()
        if todo:
            QTimer.singleShot(0, next_step)

    if todo:
        QTimer.singleShot(0, next_step)
