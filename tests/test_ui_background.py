"""Work off the GUI thread comes back on it; steps split over event-loop turns keep order."""

from __future__ import annotations

import threading

from PySide6.QtCore import QTimer

from ptcoach.ui.background import in_background, one_per_turn


def test_the_work_runs_in_a_worker_and_its_result_comes_back_on_the_gui_thread(qtbot):
    seen: list[tuple[str, object, bool]] = []

    def work() -> int:
        seen.append(
            (
                "work",
                threading.current_thread().name,
                threading.current_thread() is threading.main_thread(),
            )
        )
        return 42

    got: list[object] = []

    def then(result: object) -> None:
        got.append(result)
        seen.append(
            (
                "then",
                threading.current_thread().name,
                threading.current_thread() is threading.main_thread(),
            )
        )

    in_background(work, then, name="test-worker")
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert got == [42]
    assert seen == [("work", "test-worker", False), ("then", "MainThread", True)]


def test_an_exception_in_the_work_is_handed_over_not_lost(qtbot):
    got: list[object] = []

    def work() -> None:
        raise OSError(28, "No space left on device")

    in_background(work, got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert isinstance(got[0], OSError) and got[0].errno == 28


def test_steps_run_in_order_each_on_its_own_turn(qtbot):
    order: list[str] = []

    def first() -> None:
        order.append("first")
        QTimer.singleShot(0, lambda: order.append("a turn in between"))

    one_per_turn([first, lambda: order.append("second"), lambda: order.append("third")])
    assert order == []  # nothing runs before the event loop turns
    qtbot.waitUntil(lambda: len(order) == 4, timeout=5000)
    assert order == ["first", "a turn in between", "second", "third"]


def test_a_stream_carries_a_threads_items_to_the_gui_thread_in_order_until_closed(qtbot):
    from PySide6.QtCore import QObject

    from ptcoach.ui.background import Stream

    owner = QObject()
    got: list[tuple[int, str]] = []
    stream = Stream(owner, lambda item: got.append((item, threading.current_thread().name)))
    sender = threading.Thread(target=lambda: [stream.send(i) for i in range(50)], name="sender")
    sender.start()
    sender.join(5)
    qtbot.waitUntil(lambda: len(got) == 50, timeout=5000)
    assert got == [(i, "MainThread") for i in range(50)]
    late = threading.Thread(target=lambda: stream.send(50))
    late.start()
    late.join(5)  # on its way (queued) when the stream closes: dropped
    stream.close()
    qtbot.wait(20)
    assert len(got) == 50
    owner.deleteLater()


def test_a_stream_never_calls_into_an_owner_qt_has_deleted(qtbot):
    from PySide6.QtCore import QCoreApplication, QEvent, QObject

    from ptcoach.ui.background import Stream

    owner = QObject()
    got: list[object] = []
    stream = Stream(owner, got.append)
    sender = threading.Thread(target=lambda: stream.send("before"))
    sender.start()
    sender.join(5)
    owner.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    qtbot.wait(20)
    assert got == []  # queued before the deletion, delivered after it: not called
    assert stream.open
    stream.close()
