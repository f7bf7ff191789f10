"""Contrast as drawn (issue 14): every window of the app grabbed in the light and the dark
theme, and again after a live switch between them, with every label and button measured
against what is painted behind it (4.5:1, 3:1 for large text). The session is measured in
each kind of phase, so every banner colour is. tests/helpers/contrast.py does the measuring."""

from __future__ import annotations

from collections import Counter

import pytest
from helpers.app_shell import open_progress_read
from helpers.contrast import failures
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLabel

from ptcoach.ui.look import theme
from ptcoach.ui.settings import AppSettings, Theme

LIGHT, DARK = Theme.LIGHT, Theme.DARK


def settle(qtbot) -> None:
    qtbot.wait(30)


def open_all(app):
    from ptcoach.ui.home.schedule_editor import ScheduleEditor

    shell = app.shell
    shell.home.select_routine("runners-knee")
    schedule = ScheduleEditor("Runner's knee", weekdays=(0, 3), remind_at=None, parent=shell.home)
    windows = {
        "home": shell.home,
        "progress": open_progress_read(shell),
        "learn": shell.open_learn("runners-knee"),
        "builder": shell.open_builder("runners-knee"),
        "preferences": shell.open_preferences(),
        "schedule": schedule,
    }
    schedule.show()
    session = shell.open_session(shell.routines["runners-knee"], shell.home.targets())
    return windows, session


def check(qtbot, windows, session) -> list[str]:
    found = []
    for name, window in windows.items():
        window.show()
        settle(qtbot)
        found += [f"{name}: {f}" for f in failures(window)]
    driver = session.driver
    driver.start()
    kinds = set()
    for phase in driver.session.plan.phases:  # one phase of each kind: every banner colour
        kind = (phase.kind, phase.segments[0].rep is None)
        if kind in kinds:
            continue
        kinds.add(kind)
        driver.goto(phase.index)
        settle(qtbot)
        found += [f"session {phase.kind.value}: {f}" for f in failures(session)]
    driver.pause()
    settle(qtbot)
    found += [f"session paused: {f}" for f in failures(session)]
    driver.stop()
    settle(qtbot)
    found += [f"summary: {f}" for f in failures(session)]
    return found


@pytest.mark.parametrize(
    "themes",
    [(LIGHT,), (DARK,), (LIGHT, DARK), (DARK, LIGHT)],
    ids=["light", "dark", "light-to-dark", "dark-to-light"],
)
def test_every_window_reads_at_aa_contrast_as_drawn(qtbot, make_app, restore_theme, themes):
    qapp = QApplication.instance()
    theme.apply(qapp, AppSettings(theme=themes[0]))
    app = make_app()
    app.services.ask_ratings = False
    windows, session = open_all(app)
    session.show()
    settle(qtbot)
    if len(themes) > 1:  # a live switch, every window open, as OK in Preferences does
        theme.apply(qapp, AppSettings(theme=themes[1]))
        settle(qtbot)
    assert check(qtbot, windows, session) == []
    for window in windows.values():
        if window is not app.shell.home:
            window.close()


def test_links_take_the_new_themes_colour_after_a_live_switch(qtbot, make_app, restore_theme):
    qapp = QApplication.instance()
    theme.apply(qapp, AppSettings(theme=LIGHT))
    app = make_app()
    home = app.shell.home
    home.select_routine("runners-knee")
    link = home.editor.findChild(QLabel, "exerciseName_0")
    settle(qtbot)
    theme.apply(qapp, AppSettings(theme=DARK))
    settle(qtbot)
    shot = home.grab(
        link.geometry().translated(
            link.mapTo(home, link.rect().topLeft()) - link.geometry().topLeft()
        )
    ).toImage()
    shot = shot.convertToFormat(shot.Format.Format_RGB32)
    colours = Counter(
        QColor(shot.pixel(x, y)).name() for y in range(shot.height()) for x in range(shot.width())
    )
    assert colours[theme.DARK[theme.Role.Link]] >= 10  # the dark theme's link colour...
    assert colours[theme.LIGHT[theme.Role.Link]] == 0  # ...and none of the light one's
