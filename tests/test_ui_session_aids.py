"""The session window's aids: "why this helps" (W), pain now before Start, the flash a cue
gives the banner and number, and the line saying how cues sound. Real engine, fake clock."""

from __future__ import annotations

from dataclasses import replace

import pytest
from factories import exercise, routine
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from test_ui_session_window import key, open_window

from ptcoach.catalog.model import Kind, Targets
from ptcoach.engine.plan import expand
from ptcoach.engine.session import State


def learn_plan():
    clam = replace(exercise("clam", tempo=(("lift", 2), ("lower", 2))), learn="why-hips")
    return expand(
        routine(
            (clam, Targets(sets=1, reps=2, rest_s=0)),
            (exercise("wall-sit", Kind.HOLD), Targets(sets=1, hold_s=20, rest_s=0)),
            lead_in_s=5,
            rest_between_exercises_s=5,
        )
    )


@pytest.fixture
def win(qtbot):
    window, driver, clock = open_window(qtbot, learn_plan())
    yield window, driver, clock
    driver.stop()
    window.close()
    window.deleteLater()


def test_w_asks_for_the_current_exercises_learn_page(qtbot, win):
    window, _, _ = win
    assert window.findChild(QPushButton, "learnButton").isVisible()
    with qtbot.waitSignal(window.learn_requested) as blocker:
        key(qtbot, window, Qt.Key.Key_W)
    assert blocker.args == ["why-hips"]


def test_why_this_helps_pauses_a_running_set_and_hides_where_there_is_no_page(qtbot, win):
    window, driver, _ = win
    driver.start()
    driver.step(6.0)
    with qtbot.waitSignal(window.learn_requested) as blocker:
        window.findChild(QPushButton, "learnButton").click()
    assert blocker.args == ["why-hips"]
    assert driver.state is State.PAUSED  # nobody reads and counts reps at once
    driver.resume()
    driver.step(8.0 + 5.0)  # the clam's reps, the rest: now the wall sit, with no page
    assert driver.snapshot().phase.exercise_id == "wall-sit"
    assert not window.findChild(QPushButton, "learnButton").isVisible()
    with qtbot.assertNotEmitted(window.learn_requested):
        key(qtbot, window, Qt.Key.Key_W)


def test_pain_now_is_asked_before_start_only_and_is_optional(qtbot, win):
    window, driver, _ = win
    row = window.view.pain_now
    assert row.isVisible()
    assert window.pain_before() is None  # nothing chosen: nothing recorded
    with qtbot.waitSignal(window.pain_before_changed) as blocker:
        qtbot.mouseClick(row.button(3), Qt.MouseButton.LeftButton)
    assert blocker.args == [3]
    assert window.pain_before() == 3
    assert row.button(3).isChecked()
    key(qtbot, window, Qt.Key.Key_Space)  # Space still starts the session
    assert driver.state is State.RUNNING
    assert not row.isVisible()
    assert window.pain_before() == 3


def test_a_cue_flashes_the_banner_and_number_briefly(qtbot, win):
    window, driver, _ = win
    driver.start()
    view = window.view
    banner, number = view.banner.styleSheet(), view.big_label.styleSheet()
    window.flash("voice")
    assert view.flashing
    assert view.banner.styleSheet() != banner and view.big_label.styleSheet() != number
    qtbot.waitUntil(lambda: not view.flashing, timeout=3000)
    assert view.banner.styleSheet() == banner and view.big_label.styleSheet() == number


def test_a_tone_flashes_the_number_but_leaves_the_banner(qtbot, win):
    window, driver, _ = win
    driver.start()
    view = window.view
    banner, number = view.banner.styleSheet(), view.big_label.styleSheet()
    window.flash("tone")
    assert view.banner.styleSheet() == banner and view.big_label.styleSheet() != number
    qtbot.waitUntil(lambda: not view.flashing, timeout=3000)
    assert view.big_label.styleSheet() == number


def test_the_sound_line_says_once_how_cues_are_given(qtbot, win):
    window, _, _ = win
    assert not window.statusBar().isVisible()
    window.set_sound_message("No audio output found: cues will be shown on screen.")
    line = window.findChild(QLabel, "soundMessageLabel")
    assert window.statusBar().isVisible() and line.isVisible()
    assert line.text() == "No audio output found: cues will be shown on screen."


def test_before_start_a_resumed_session_shows_the_set_it_will_pick_up(qtbot):
    from ptcoach.engine.clock import FakeClock
    from ptcoach.engine.plan import PhaseKind
    from ptcoach.engine.session import Session
    from ptcoach.ui.session.driver import SessionDriver
    from ptcoach.ui.session.window import SessionWindow

    plan = expand(routine((exercise("wall-sit", Kind.HOLD), Targets(sets=3, hold_s=20))))
    second = [p for p in plan.phases if p.kind is PhaseKind.WORK][1]
    driver = SessionDriver(Session(plan), clock=FakeClock())
    window = SessionWindow(driver)
    qtbot.addWidget(window)
    driver.from_phase = second.index  # set after the window was built, as the shell does
    window.show()
    assert window.findChild(QLabel, "setLabel").text() == "Set 2 of 3"
    assert window.findChild(QLabel, "bigNumberLabel").text() == "20"
    window.findChild(QPushButton, "startButton").click()
    assert driver.snapshot().phase.index == second.index
    driver.stop()
