"""Whole sessions through the integrated app: the home window's Start, the session window on
the real clock at high speed, the history file, the ratings and the progression afterwards."""

from __future__ import annotations

import sqlite3

import pytest
from helpers.app_shell import App, answer_modal, named
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from ptcoach.engine.session import State
from ptcoach.store.sessions import Status, list_sessions
from ptcoach.ui.session.rating_dialog import RatingDialog
from ptcoach.ui.session.window import SessionWindow
from ptcoach.ui.settings import open_settings

pytestmark = pytest.mark.usefixtures("silent")


ROUTINE = "heat-and-cold"  # 3 rounds of 180 s heat / 60 s cold: 0.4 s at speed 2000


def start_from_home(qtbot, app: App, routine_id: str = ROUTINE) -> SessionWindow:
    app.shell.home.select_routine(routine_id)
    qtbot.mouseClick(app.shell.home.start_button, Qt.MouseButton.LeftButton)
    window = app.shell.session_window
    assert window is not None
    qtbot.waitExposed(window)
    return window


def press_start(qtbot, window: SessionWindow) -> None:
    qtbot.mouseClick(window.findChild(QPushButton, "startButton"), Qt.MouseButton.LeftButton)


def rate(pain: int, effort: int):
    def act(dialog: RatingDialog) -> None:
        dialog.pain.group.button(pain).click()
        dialog.effort.group.button(effort).click()
        dialog.save_button.click()

    return act


def sessions(conn: sqlite3.Connection):
    return list_sessions(conn)


def test_a_whole_session_is_recorded_rated_and_its_progression_accepted(qtbot, make_app):
    app = make_app(speed=2000.0)
    window = start_from_home(qtbot, app)
    assert not app.shell.home.isVisible()
    rating = answer_modal(named("ratingDialog"), rate(pain=1, effort=3))
    progression = answer_modal(named("progressionDialog"), lambda d: d.accept_all_button.click())
    with qtbot.waitSignal(window.driver.session_finished, timeout=20_000):
        press_start(qtbot, window)
    qtbot.waitUntil(lambda: bool(progression) and not progression[0].isVisible(), timeout=20_000)
    assert rating and rating[0].objectName() == "ratingDialog"

    (row,) = sessions(app.conn)
    assert row.routine_id == ROUTINE and row.status is Status.COMPLETED
    assert row.planned_sets == 3 and len(row.sets) == 3
    assert [s.set_number for s in row.sets] == [1, 2, 3]
    assert not any(s.skipped for s in row.sets)
    assert (row.pain, row.effort) == (1, 3)
    assert row.ended_at is not None

    # Low pain, easy effort, every round done: five more seconds of heat next time.
    stored = open_settings()
    assert float(stored.value("targets/contrast-therapy/hold_s")) == 185.0
    window.close()
    qtbot.waitUntil(app.shell.home.isVisible)
    assert app.shell.session_window is None
    (shown,) = app.shell.home.targets()
    assert shown.hold_s == 185.0 and shown.sets == 3
    assert "last done today" in app.shell.home.routine_list.currentItem().text()


def test_esc_and_yes_ends_the_session_as_partial_and_skipping_the_rating_loses_nothing(
    qtbot, make_app
):
    app = make_app(speed=300.0)  # a round takes 0.8 s: time to stop after the first
    window = start_from_home(qtbot, app)
    with qtbot.waitSignal(window.driver.set_completed, timeout=20_000):
        press_start(qtbot, window)
    stop = answer_modal(
        named("stopConfirm"), lambda box: box.button(QMessageBox.StandardButton.Yes).click()
    )
    skipped = answer_modal(named("ratingDialog"), lambda d: d.skip_button.click())
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert stop, "the stop question was not asked"
    assert window.driver.state is State.STOPPED
    qtbot.waitUntil(lambda: bool(skipped) and not skipped[0].isVisible(), timeout=20_000)

    (row,) = sessions(app.conn)
    done = [r for r in window.records if not r.skipped]
    assert 1 <= len(done) < 3
    assert row.status is Status.PARTIAL and row.ended_at is not None
    assert [(s.phase_index, s.skipped) for s in row.sets] == [
        (r.phase_index, r.skipped) for r in window.records
    ]
    assert (row.pain, row.effort, row.note) == (None, None, None)
    assert "progression" not in app.shell.windows  # nothing to suggest without ratings
    assert float(open_settings().value("targets/contrast-therapy/hold_s")) == 180.0
    window.close()
    qtbot.waitUntil(app.shell.home.isVisible)
    assert "last done today" in app.shell.home.routine_list.currentItem().text()
