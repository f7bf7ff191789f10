"""Nothing is clipped at 1280x800 or 800x600, and the big number takes a sixth of the height."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from ptcoach.catalog.catalog import Catalog
from ptcoach.engine.clock import FakeClock
from ptcoach.engine.plan import expand
from ptcoach.engine.session import Session, State
from ptcoach.ui.session.driver import SessionDriver
from ptcoach.ui.session.window import SessionWindow

SIZES = [(1280, 800), (800, 600)]


def assert_nothing_clipped(window: QWidget) -> None:
    frame = QRect(QPoint(0, 0), window.size())
    for w in window.findChildren(QWidget):
        if not w.isVisibleTo(window) or w.isWindow():
            continue
        box = QRect(w.mapTo(window, QPoint(0, 0)), w.size())
        assert frame.contains(box), f"{w.objectName() or w} at {box} is outside {frame}"
        text = w.text() if isinstance(w, QLabel | QAbstractButton) else ""
        if (
            text
            and "\n" not in text
            and not (isinstance(w, QLabel) and w.wordWrap())
            and not text.startswith("<")
        ):
            room = w.contentsRect().width()
            need = w.fontMetrics().horizontalAdvance(text)
            assert need <= room, f"{w.objectName()}: {text!r} needs {need} px, has {room}"


@pytest.fixture(scope="module")
def routines():
    return Catalog.load(__import__("pathlib").Path("/nonexistent-ptcoach-dir")).routines


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("routine_id", ["runners-knee", "heat-and-cold", "flexibility"])
def test_the_session_view_fits_its_window_through_a_whole_routine(
    qtbot, routines, size, routine_id
):
    clock = FakeClock()
    driver = SessionDriver(Session(expand(routines[routine_id])), clock=clock)
    window = SessionWindow(driver)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    assert_nothing_clipped(window)
    driver.start()
    checked = 0
    while driver.state is State.RUNNING:
        driver.step(7.0)
        window.grab()  # lays out and paints, as the screen would
        assert_nothing_clipped(window)
        big = window.view.big_label
        assert big.height() >= window.height() / 6
        assert big.font().pixelSize() >= window.height() / 6 or len(big.text()) > 3
        checked += 1
    assert checked > 10
    window.grab()
    assert_nothing_clipped(window)  # the summary
    window.close()
