"""The session window's aids: "why this helps" (W), pain now before Start, the flash a cue
gives the banner and number, and the line saying how cues sound. Real engine, fake clock."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest
from factories import exercise, routine
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel, QPushButton
from test_ui_session_window import key, open_window

from ptcoach.catalog.model import Kind, Targets
from ptcoach.engine.plan import expand
from ptcoach.engine.session import State
from ptcoach.ui.look import theme
from ptcoach.ui.session import text as txt


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


def pixels(widget) -> tuple[QImage, Counter[str]]:
    """The widget as drawn, and how many pixels it has of each colour."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    counts = Counter(
        QColor(image.pixel(x, y)).name()
        for y in range(image.height())
        for x in range(image.width())
    )
    return image, counts


def share(counts: Counter[str], colour: QColor) -> float:
    return counts[colour.name()] / sum(counts.values())


def phase_colours(view) -> tuple[QColor, QColor]:
    """The phase colour on screen now and the text colour on it, in the theme in force."""
    dark = theme.is_dark()
    phase = txt.phase_look(view.snapshot()).colour
    return theme.phase_colors(dark)[phase], theme.phase_text_color(dark)


def test_a_cue_flashes_the_banner_and_number_briefly(qtbot, win):
    window, driver, _ = win
    driver.start()
    view = window.view
    colour, text = phase_colours(view)
    banner, banner_px = pixels(view.banner)
    number, number_px = pixels(view.big_label)
    assert share(banner_px, colour) > 0.5 and share(number_px, colour) < 0.5  # phase colour
    assert number_px[colour.name()] > 0  # the digits are in it
    window.flash("voice")
    assert view.flashing
    _, banner_px = pixels(view.banner)
    _, number_px = pixels(view.big_label)
    assert share(banner_px, text) > 0.5  # the banner inverted
    assert share(number_px, colour) > 0.5  # the number lit: phase colour behind it
    qtbot.waitUntil(lambda: not view.flashing, timeout=3000)
    assert pixels(view.banner)[0] == banner and pixels(view.big_label)[0] == number


def test_a_tone_flashes_the_number_but_leaves_the_banner(qtbot, win):
    window, driver, _ = win
    driver.start()
    view = window.view
    colour, _text = phase_colours(view)
    banner, _ = pixels(view.banner)
    number, number_px = pixels(view.big_label)
    assert share(number_px, colour) < 0.5
    window.flash("tone")
    assert pixels(view.banner)[0] == banner
    assert share(pixels(view.big_label)[1], colour) > 0.5
    qtbot.waitUntil(lambda: not view.flashing, timeout=3000)
    assert pixels(view.big_label)[0] == number


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
