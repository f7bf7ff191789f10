"""The session window driven through its keys and buttons, on a real engine and a fake clock."""

from __future__ import annotations

import pytest
from factories import exercise, routine
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton

from ptcoach.catalog.model import Kind, Pacing, Targets
from ptcoach.engine.clock import FakeClock
from ptcoach.engine.plan import PhaseKind, expand
from ptcoach.engine.session import Session, State
from ptcoach.ui.session.driver import SessionDriver
from ptcoach.ui.session.sleep_guard import SleepGuard
from ptcoach.ui.session.window import SessionWindow


@pytest.fixture
def make_window(qtbot):
    """Builds session windows; each is stopped (no question asked) and closed afterwards."""
    made: list[SessionWindow] = []

    def make(plan) -> tuple[SessionWindow, SessionDriver, FakeClock]:
        window, driver, clock = open_window(qtbot, plan)
        made.append(window)
        return window, driver, clock

    yield make
    for window in made:
        window.driver.stop()
        window.close()
        window.deleteLater()


def open_window(qtbot, plan) -> tuple[SessionWindow, SessionDriver, FakeClock]:
    clock = FakeClock()
    driver = SessionDriver(Session(plan), clock=clock)
    window = SessionWindow(driver)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # shortcuts need it
    return window, driver, clock


def knee_plan():
    return expand(
        routine(
            (
                exercise("clam", per_side=True, tempo=(("lift", 2), ("hold", 1), ("lower", 2))),
                Targets(sets=2, reps=2, rest_s=10),
            ),
            (exercise("wall-sit", Kind.HOLD), Targets(sets=1, hold_s=20, rest_s=0)),
            lead_in_s=5,
            rest_between_exercises_s=15,
        )
    )


@pytest.fixture
def win(make_window):
    return make_window(knee_plan())


def label(window, name: str) -> str:
    return window.findChild(QLabel, name).text()


def key(qtbot, window, k) -> None:
    qtbot.keyClick(window.view, k)


def test_the_view_waits_for_start_showing_the_first_exercise(win):
    window, driver, _ = win
    assert driver.state is State.READY
    assert label(window, "exerciseNameLabel") == "Clam"
    assert window.findChild(QPushButton, "startButton").isVisible()
    assert not window.findChild(QPushButton, "pauseButton").isVisible()
    assert "Do it." in window.view.instructions.toPlainText()


def test_space_starts_pauses_and_resumes(qtbot, win):
    window, driver, clock = win
    key(qtbot, window, Qt.Key.Key_Space)
    assert driver.state is State.RUNNING
    assert label(window, "phaseLabel") == "Get ready"
    assert label(window, "bigNumberLabel") == "5"
    driver.step(2.0)
    assert label(window, "bigNumberLabel") == "3"
    key(qtbot, window, Qt.Key.Key_Space)
    assert driver.state is State.PAUSED
    assert label(window, "phaseLabel").startswith("Paused")
    clock.advance(30)
    driver.poll()
    assert label(window, "bigNumberLabel") == "3"
    key(qtbot, window, Qt.Key.Key_Space)
    assert driver.state is State.RUNNING
    driver.step(3.0)
    assert label(window, "phaseLabel") == "Work"
    assert label(window, "setLabel") == "Set 1 of 2"
    assert label(window, "sideLabel") == "Left side"
    assert label(window, "tempoLabel") == "Lift"
    assert label(window, "bigNumberLabel") == "1"


def test_a_whole_routine_runs_through_the_window_to_the_summary(qtbot, win):
    window, driver, _ = win
    window.findChild(QPushButton, "startButton").click()
    words, sides = set(), set()
    while driver.state is State.RUNNING:
        driver.step(1.0)
        words.add(label(window, "phaseLabel"))
        sides.add(label(window, "sideLabel"))
    assert {"Get ready", "Work", "Hold", "Rest", "Switch sides"} <= words
    assert {"Left side", "Right side"} <= sides
    assert window.stack.currentWidget() is window.summary
    assert label(window, "summaryTitleLabel") == "Session complete"
    assert "5 sets done, 0 skipped, 0 not reached" in label(window, "summaryTotalsLabel")
    table = window.summary.table
    assert table.item(0, 0).text() == "Clam" and table.item(0, 1).text() == "4"
    assert table.item(0, 4).text() == "2, 2, 2, 2 reps"
    assert table.item(1, 4).text() == "20 s"


def test_right_skips_left_goes_back_and_r_restarts_the_set(qtbot, win):
    window, driver, _ = win
    driver.start()
    key(qtbot, window, Qt.Key.Key_Right)  # past the get-ready
    assert driver.snapshot().phase.kind is PhaseKind.WORK
    driver.step(6.0)  # into rep 2
    assert label(window, "bigNumberLabel") == "2"
    key(qtbot, window, Qt.Key.Key_R)  # a get-ready countdown first, not rep 1 at once
    assert label(window, "phaseLabel") == "Get ready" and label(window, "bigNumberLabel") == "5"
    driver.step(5.0)
    assert label(window, "bigNumberLabel") == "1"
    assert driver.snapshot().remaining_s == pytest.approx(2.0)
    key(qtbot, window, Qt.Key.Key_Right)  # skip the set: recorded as skipped
    assert driver.snapshot().phase.kind is PhaseKind.SWITCH
    assert window.records[-1].skipped
    key(qtbot, window, Qt.Key.Key_Left)
    assert driver.snapshot().getting_ready and label(window, "phaseLabel") == "Get ready"
    driver.step(5.0)
    assert driver.snapshot().phase.kind is PhaseKind.WORK
    assert label(window, "sideLabel") == "Left side"


def test_enter_marks_a_rep_when_the_runner_sets_the_pace(qtbot, make_window):
    plan = expand(
        routine((exercise("squat", pacing=Pacing.SELF), Targets(sets=1, reps=3)), lead_in_s=0)
    )
    window, driver, _ = make_window(plan)
    driver.start()
    assert window.findChild(QPushButton, "repButton").isVisible()
    assert "Enter when done" in label(window, "bigCaptionLabel")
    key(qtbot, window, Qt.Key.Key_Return)
    key(qtbot, window, Qt.Key.Key_Enter)
    assert label(window, "bigNumberLabel") == "3"
    window.findChild(QPushButton, "repButton").click()
    assert driver.state is State.FINISHED
    assert window.records[-1].reps == 3


def test_m_mutes_and_unmutes(qtbot, win):
    window, driver, _ = win
    with qtbot.waitSignal(driver.mute_toggled) as blocker:
        key(qtbot, window, Qt.Key.Key_M)
    assert blocker.args == [True]
    assert window.findChild(QPushButton, "muteButton").text() == "Unmute"
    key(qtbot, window, Qt.Key.Key_M)
    assert not driver.muted


@pytest.mark.parametrize("k", [Qt.Key.Key_F, Qt.Key.Key_F11])
def test_f_and_f11_toggle_full_screen(qtbot, win, k):
    window, _, _ = win
    key(qtbot, window, k)
    qtbot.waitUntil(lambda: bool(window.windowState() & Qt.WindowState.WindowFullScreen))
    key(qtbot, window, k)
    qtbot.waitUntil(lambda: not window.windowState() & Qt.WindowState.WindowFullScreen)


def answer_stop_question(qtbot, button: QMessageBox.StandardButton) -> list[str]:
    """Click `button` on the stop question once it is up; returns the question's text."""
    seen: list[str] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        seen.append(box.objectName())
        box.button(button).click()

    QTimer.singleShot(0, click)
    return seen


def test_esc_asks_and_no_carries_on_running(qtbot, win):
    window, driver, _ = win
    driver.start()
    seen = answer_stop_question(qtbot, QMessageBox.StandardButton.No)
    key(qtbot, window, Qt.Key.Key_Escape)
    assert seen == ["stopConfirm"]
    assert driver.state is State.RUNNING
    assert window.stack.currentWidget() is window.view


def test_esc_asks_and_yes_stops_and_shows_what_was_done_and_skipped(qtbot, win):
    window, driver, _ = win
    driver.start()
    driver.step(5.0 + 10.0 + 0.5)  # get ready, the left side's two reps, into the switch
    driver.step(5.0 + 6.0)  # into the right side's second rep
    seen = answer_stop_question(qtbot, QMessageBox.StandardButton.Yes)
    window.findChild(QPushButton, "stopButton").click()
    assert seen == ["stopConfirm"]
    assert driver.state is State.STOPPED
    assert window.stack.currentWidget() is window.summary
    assert label(window, "summaryTitleLabel") == "Session stopped"
    assert "1 sets done, 1 skipped, 3 not reached" in label(window, "summaryTotalsLabel")


def test_the_figure_animates_only_while_a_tempo_step_runs(qtbot, win):
    window, driver, _ = win
    driver.start()
    assert not window.view.animating  # get ready: a countdown, nothing to animate
    driver.step(5.0 + 1.0)  # half-way through the first lift
    assert window.view.animating
    fig = window.view.illustration.figure
    if fig is not None:
        window.view._on_frame()
        assert fig.pose_fraction == pytest.approx(0.5, abs=0.05)
    driver.pause()
    assert not window.view.animating


def test_the_screen_is_kept_awake_only_while_the_session_runs(qtbot, win):
    window, driver, _ = win
    calls = []
    guard = window.guard
    guard.inhibit = lambda reason: calls.append(("inhibit", reason)) or True
    driver.start()
    assert calls and calls[0][0] == "inhibit"
    assert isinstance(guard, SleepGuard)


def test_a_coming_sleep_pauses_the_session(qtbot, win):
    window, driver, _ = win
    driver.start()
    window.guard._on_prepare_for_sleep(True)
    assert driver.state is State.PAUSED
