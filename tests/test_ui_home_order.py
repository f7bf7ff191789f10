"""The home window lists the core programme first, and each exercise name in the targets
links to its Learn page ("why this helps")."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QLabel, QListWidget

from ptcoach.catalog.catalog import Catalog
from ptcoach.ui.home.window import HomeWindow


@pytest.fixture
def routines(data_dir):
    return Catalog.load(data_dir).routines


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def open_home(qtbot, routines, settings) -> HomeWindow:
    home = HomeWindow(routines, settings)
    qtbot.addWidget(home)
    home.resize(1100, 720)
    home.show()
    return home


def listed(home: HomeWindow) -> list[str]:
    lst = home.findChild(QListWidget, "routineList")
    return [lst.item(i).data(Qt.ItemDataRole.UserRole) for i in range(lst.count())]


def test_the_core_programme_comes_first_then_built_ins_by_name_then_the_runners_own(
    qtbot, routines, settings
):
    knee = routines["runners-knee"]
    own = {
        "zz-mine": replace(knee, id="zz-mine", name="A morning of my own", builtin=False),
        "aa-mine": replace(knee, id="aa-mine", name="Bedtime stretches", builtin=False),
    }
    shuffled = dict(reversed(list({**routines, **own}.items())))
    home = open_home(qtbot, shuffled, settings)
    ids = listed(home)
    built_ins = sorted(
        (r.name.casefold(), rid) for rid, r in routines.items() if rid != "runners-knee"
    )
    assert ids[0] == "runners-knee"
    assert ids[1:-2] == [rid for _, rid in built_ins]
    assert ids[-2:] == ["zz-mine", "aa-mine"]  # by name: "A morning…" before "Bedtime…"
    assert home.selected_routine().id == "runners-knee"  # nothing remembered: the core one
    home.set_routines(dict(reversed(list(shuffled.items()))))
    assert listed(home) == ids


def test_an_exercise_name_in_the_targets_opens_its_learn_page(qtbot, routines, settings):
    home = open_home(qtbot, routines, settings)
    home.select_routine("runners-knee")
    first = routines["runners-knee"].items[0].exercise
    name = home.editor.findChild(QLabel, "exerciseName_0")
    assert first.learn and f'href="{first.learn}"' in name.text()
    assert first.name in name.text()
    qtbot.waitExposed(home)
    on_the_name = QPoint(8, name.fontMetrics().height() // 2 + name.contentsMargins().top())
    with qtbot.waitSignal(home.learn_requested) as blocker:
        qtbot.mouseClick(name, Qt.MouseButton.LeftButton, pos=on_the_name)
    assert blocker.args == [first.learn]


def test_an_exercise_without_a_learn_page_shows_its_name_as_plain_text(qtbot, routines, settings):
    knee = routines["runners-knee"]
    item = knee.items[0]
    plain = replace(
        knee, items=(replace(item, exercise=replace(item.exercise, learn="")), *knee.items[1:])
    )
    home = open_home(qtbot, {"runners-knee": plain}, settings)
    name = home.editor.findChild(QLabel, "exerciseName_0")
    assert name.textFormat() is Qt.TextFormat.PlainText
    assert name.text().startswith(item.exercise.name)
