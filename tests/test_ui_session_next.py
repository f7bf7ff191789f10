"""What the session view shows between sets (issue 14): the next exercise during the rest
before it, a get-ready after Next/Back, foam rolling as rolling per area, and a clear muted
state for M. Real engine and widgets, fake clock."""

from __future__ import annotations

from dataclasses import replace

import pytest
from factories import exercise, routine
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from test_ui_session_window import key, open_window

from ptcoach.catalog.model import Kind, Targets
from ptcoach.engine.plan import PhaseKind, expand


def two_exercise_plan():  # ready 5 | clam 2 reps | rest 20 | ready 5 | roll 2 areas x 10
    clam = exercise("clam", tempo=(("lift", 1), ("lower", 1)))
    roll = replace(
        exercise("foam-roll", Kind.AREAS, areas=("calves", "quads")),
        instructions=("Lie on the roller.", "Roll slowly."),
    )
    return expand(
        routine(
            (clam, Targets(sets=2, reps=2, rest_s=30)),
            (roll, Targets(sets=1, hold_s=10, rest_s=0)),
            lead_in_s=5,
            rest_between_exercises_s=20,
        )
    )


@pytest.fixture
def win(qtbot):
    window, driver, clock = open_window(qtbot, two_exercise_plan())
    yield window, driver, clock
    driver.stop()
    window.close()
    window.deleteLater()


def text(window, name: str) -> str:
    return window.findChild(QLabel, name).text()


def go_to(driver, clock, kind: PhaseKind, exercise_index: int) -> None:
    target = next(
        p
        for p in driver.session.plan.phases
        if p.kind is kind
        and p.exercise_index == exercise_index
        and (kind is not PhaseKind.REST or p.set_number == 2)
    )
    driver.goto(target.index)
    clock.advance(0.5)
    driver.poll()


def test_the_rest_before_a_new_exercise_shows_the_next_one(qtbot, win):
    window, driver, clock = win
    key(qtbot, window, Qt.Key.Key_Space)
    go_to(driver, clock, PhaseKind.REST, 0)  # the rest after the clam's last set
    assert text(window, "phaseLabel") == "Rest"
    assert text(window, "exerciseNameLabel") == "Foam-Roll"
    assert "Lie on the roller." in window.view.instructions.toPlainText()
    assert window.view._shown_exercise == "foam-roll"  # the figure too


def test_the_rest_between_sets_of_one_exercise_keeps_it(qtbot, win):
    window, driver, _ = win
    key(qtbot, window, Qt.Key.Key_Space)
    rest = next(p for p in driver.session.plan.phases if p.kind is PhaseKind.REST)
    driver.goto(rest.index)
    driver.poll()
    assert text(window, "exerciseNameLabel") == "Clam"


def test_next_from_a_rest_shows_a_get_ready_not_rep_one(qtbot, win):
    window, driver, clock = win
    key(qtbot, window, Qt.Key.Key_Space)
    rest = next(p for p in driver.session.plan.phases if p.kind is PhaseKind.REST)
    driver.goto(rest.index)
    clock.advance(1)
    key(qtbot, window, Qt.Key.Key_Right)
    assert text(window, "phaseLabel") == "Get ready"
    assert text(window, "bigNumberLabel") == "5"
    assert text(window, "setLabel") == "Set 2 of 2"
    driver.step(5.0)
    assert text(window, "phaseLabel") == "Work" and text(window, "bigNumberLabel") == "1"


def test_foam_rolling_is_rolling_per_area_not_hold(qtbot, win):
    window, driver, clock = win
    key(qtbot, window, Qt.Key.Key_Space)
    go_to(driver, clock, PhaseKind.WORK, 1)
    assert text(window, "phaseLabel") == "Roll"
    assert text(window, "tempoLabel") == "Calves"
    assert text(window, "bigCaptionLabel") == "seconds on this area (1 of 2)"


def test_m_shows_muted_in_the_banner_for_this_session(qtbot, win):
    window, driver, _ = win
    indicator = window.findChild(QLabel, "mutedLabel")
    assert not indicator.isVisible()
    key(qtbot, window, Qt.Key.Key_M)
    assert driver.muted and indicator.isVisible() and "Sound off" in indicator.text()
    key(qtbot, window, Qt.Key.Key_M)
    assert not indicator.isVisible()


def test_a_set_straight_after_a_set_counts_down_before_rep_one(qtbot):
    plan = expand(
        routine(
            (
                exercise("squat", tempo=(("lift", 1), ("lower", 1))),
                Targets(sets=2, reps=3, rest_s=0),
            ),
            lead_in_s=5,
        )
    )
    window, driver, _ = open_window(qtbot, plan)
    key(qtbot, window, Qt.Key.Key_Space)
    key(qtbot, window, Qt.Key.Key_Right)  # past the get-ready phase: set 1, rep 1
    assert text(window, "phaseLabel") == "Work"
    key(qtbot, window, Qt.Key.Key_Right)  # set 2 follows set 1 directly
    assert text(window, "phaseLabel") == "Get ready"
    assert (text(window, "bigNumberLabel"), text(window, "bigCaptionLabel")) == ("5", "seconds")
    assert text(window, "setLabel") == "Set 2 of 2"
    driver.step(5.0)
    assert text(window, "phaseLabel") == "Work" and text(window, "bigNumberLabel") == "1"
    driver.stop()
    window.close()
