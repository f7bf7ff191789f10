"""The home window: routines with duration and last done, targets remembered, sessions opened."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QListWidget, QPushButton, QSpinBox

from ptcoach.catalog.catalog import Catalog
from ptcoach.engine.session import State
from ptcoach.ui.home.window import FIRST_PAINT_ENV, HomeWindow
from ptcoach.ui.main import Shell, run_gui

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def routines(data_dir):
    return Catalog.load(data_dir).routines


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def open_home(qtbot, routines, settings, **kw) -> HomeWindow:
    home = HomeWindow(routines, settings, **kw)
    qtbot.addWidget(home)
    home.resize(1100, 720)
    home.show()
    return home


def test_routines_are_listed_with_duration_and_when_last_done(qtbot, routines, settings):
    yesterday = datetime.now(UTC) - timedelta(days=1)
    home = open_home(qtbot, routines, settings, last_done={"runners-knee": yesterday})
    lst = home.findChild(QListWidget, "routineList")
    texts = {lst.item(i).data(0x0100): lst.item(i).text() for i in range(lst.count())}
    assert set(texts) == set(routines)
    knee = texts["runners-knee"]
    assert "Runner's knee" in knee and "last done yesterday" in knee and " min" in knee
    assert "not done yet" in texts["strength"]


def test_targets_stay_in_range_and_are_remembered_per_exercise(qtbot, routines, settings):
    home = open_home(qtbot, routines, settings)
    lst = home.findChild(QListWidget, "routineList")
    ids = [lst.item(i).data(0x0100) for i in range(lst.count())]
    lst.setCurrentRow(ids.index("runners-knee"))
    routine = routines["runners-knee"]
    sets_spin = home.editor.findChild(QSpinBox, "setsSpin_0")
    sets_spin.setValue(99)
    assert sets_spin.value() == routine.items[0].sets.high
    estimate_before = home.estimate_label.text()
    sets_spin.setValue(int(routine.items[0].sets.low))
    assert home.estimate_label.text() != estimate_before
    sets_spin.setValue(int(routine.items[0].sets.high))
    with qtbot.waitSignal(home.start_requested) as blocker:
        home.findChild(QPushButton, "startButton").click()
    chosen, targets = blocker.args
    assert chosen.id == "runners-knee" and targets[0].sets == routine.items[0].sets.high
    again = open_home(qtbot, routines, settings)
    assert again.selected_routine().id == "runners-knee"
    assert again.editor.findChild(QSpinBox, "setsSpin_0").value() == routine.items[0].sets.high


def test_starting_opens_the_session_window_and_closing_it_returns_home(qtbot, routines, settings):
    shell = Shell(routines, settings, speed=4.0)
    qtbot.addWidget(shell.home)
    drivers = []
    shell.driver_created.connect(drivers.append)
    shell.home.show()
    shell.home.findChild(QPushButton, "startButton").click()
    window = shell.session_window
    assert window is not None and window.isVisible() and not shell.home.isVisible()
    assert drivers and drivers[0].state is State.READY and drivers[0].session.speed == 4.0
    window.close()
    assert shell.home.isVisible()


def test_run_with_an_unknown_routine_says_which_ones_exist(qtbot, data_dir, capsys):
    args = argparse.Namespace(data_dir=data_dir, routine="runners-kne", speed=1.0)
    assert run_gui(args) == 2
    err = capsys.readouterr().err
    assert "no routine 'runners-kne'" in err and "runners-knee" in err


def test_the_app_paints_its_home_window_without_heavy_modules(tmp_path):
    code = (
        "import sys, ptcoach.app; rc = ptcoach.app.main([]); "
        "import json; print(json.dumps(sorted(sys.modules)))"
    )
    env = dict(
        os.environ,
        **{
            FIRST_PAINT_ENV: "1",
            "PTCOACH_DATA_DIR": str(tmp_path / "d"),
            "PTCOACH_CONFIG_DIR": str(tmp_path / "c"),
            "QT_QPA_PLATFORM": "offscreen",
        },
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout.splitlines()
    assert out[0].startswith("first-paint ")
    modules = set(json.loads(out[-1]))
    assert "PySide6.QtWidgets" in modules
    heavy = {"pyqtgraph", "numpy", "fit_tool", "ptcoach.ui.progress", "playsound3"}
    assert not heavy & modules


def test_ptcoach_run_is_a_command(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "ptcoach", "run", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    assert "--speed" in out


PROBE_FIRST_PAINT = """
import json, sys
import PySide6.QtCore as QtCore
from ptcoach.ui.home import window as home_window
seen = {}
paint = home_window.HomeWindow.paintEvent
def probe(self, event):
    if not seen:
        seen.update(modules=sorted(sys.modules), qt_namespace="Qt" in vars(QtCore))
    paint(self, event)
home_window.HomeWindow.paintEvent = probe
import ptcoach.app
ptcoach.app.main([])
print(json.dumps(seen))
"""


def test_the_first_paint_comes_before_the_engine_the_history_and_the_qt_namespace(tmp_path):
    env = dict(
        os.environ,
        **{
            FIRST_PAINT_ENV: "1",
            "PTCOACH_DATA_DIR": str(tmp_path / "d"),
            "PTCOACH_CONFIG_DIR": str(tmp_path / "c"),
            "QT_QPA_PLATFORM": "offscreen",
        },
    )
    out = subprocess.run(
        [sys.executable, "-c", PROBE_FIRST_PAINT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    seen = json.loads(out.splitlines()[-1])
    modules = set(seen["modules"])
    assert {"ptcoach.ui.home.window", "ptcoach.engine.plan"} <= modules
    later = {
        "ptcoach.engine.session",
        "ptcoach.engine.events",
        "sqlite3",
        "hashlib",
        "PySide6.QtNetwork",
        "ptcoach.ui.look.a11y",
        "ptcoach.ui.session.text",
    }
    assert not later & modules
    assert seen["qt_namespace"] is False  # building `Qt` and its ~90 enums costs ~15 ms


def test_the_ints_used_before_the_first_paint_are_the_qt_enum_values():
    from PySide6.QtCore import Qt

    from ptcoach.ui.home import targets_editor
    from ptcoach.ui.home import window as home_window

    assert Qt.ItemDataRole.UserRole.value == home_window.USER_ROLE
    assert Qt.TextFormat.PlainText.value == targets_editor.PLAIN_TEXT
    assert Qt.TextFormat.RichText.value == targets_editor.RICH_TEXT
    links = (
        Qt.TextInteractionFlag.LinksAccessibleByMouse
        | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
    )
    assert links.value == targets_editor.LINKS_BY_MOUSE_AND_KEYBOARD


def test_a_new_last_done_relabels_the_list_in_place_and_a_start_refreshes_durations(
    qtbot, routines, settings
):
    home = open_home(qtbot, routines, settings)
    lst = home.findChild(QListWidget, "routineList")
    home.select_routine("runners-knee")
    row, editor = lst.currentRow(), home.editor

    def text(rid: str) -> str:
        return next(
            lst.item(i).text() for i in range(lst.count()) if lst.item(i).data(0x0100) == rid
        )

    before = text("runners-knee")
    assert "not done yet" in before
    home.set_last_done({"runners-knee": datetime.now(UTC)})
    assert "last done today" in text("runners-knee")
    assert before.split(" · ")[0] == text("runners-knee").split(" · ")[0]  # same duration
    assert lst.currentRow() == row and home.editor is editor  # nothing rebuilt

    sets_spin = home.editor.findChild(QSpinBox, "setsSpin_0")
    sets_spin.setValue(
        sets_spin.minimum() if sets_spin.value() != sets_spin.minimum() else sets_spin.maximum()
    )
    home.start_requested.connect(lambda *_: None)
    home.findChild(QPushButton, "startButton").click()  # the targets are remembered here
    home.set_last_done({"runners-knee": datetime.now(UTC)})
    assert text("runners-knee").split(" · ")[0] != before.split(" · ")[0]  # the new duration
