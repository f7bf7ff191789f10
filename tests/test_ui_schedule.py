"""The schedule dialog: weekdays and reminder time to plan values, the start-at-login opt-in,
and the plans table as the reminders' source."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import QTime

from ptcoach import autostart
from ptcoach.schedule import Schedule
from ptcoach.store.db import database_path, open_database
from ptcoach.ui.home.schedule_editor import (
    PlanValues,
    ScheduleEditor,
    save_plan,
    schedules_from_store,
)


@pytest.fixture(autouse=True)
def config_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path / "config"


@pytest.fixture
def conn(data_dir):
    data_dir.mkdir(parents=True, exist_ok=True)
    c = open_database(database_path(data_dir))
    yield c
    c.close()


def editor(qtbot, **kw) -> ScheduleEditor:
    d = ScheduleEditor("Runner's knee", **kw)
    qtbot.addWidget(d)
    d.show()
    return d


def test_the_dialog_starts_from_the_current_plan(qtbot):
    d = editor(qtbot, weekdays=(0, 2, 4), remind_at=time(18, 30))
    assert [b.isChecked() for b in d.day_boxes] == [True, False, True, False, True, False, False]
    assert d.time_edit.time() == QTime(18, 30)
    assert d.values() == PlanValues((0, 2, 4), time(18, 30))
    assert "3 days a week, reminder at 18:30" in d.hint_label.text()


def test_ticking_days_and_a_time_gives_a_schedule(qtbot):
    d = editor(qtbot)
    assert not d.time_edit.isEnabled()
    d.day_boxes[1].click()
    d.day_boxes[3].click()
    d.remind_box.click()
    assert d.time_edit.isEnabled()
    d.time_edit.setTime(QTime(7, 15))
    assert d.schedule("runners-knee") == Schedule("runners-knee", frozenset({1, 3}), time(7, 15))
    assert d.values().remind_at_text == "07:15"


def test_no_reminder_time_means_days_but_no_schedule_to_remind(qtbot):
    d = editor(qtbot, weekdays=(5,))
    assert d.values() == PlanValues((5,), None)
    assert d.schedule("runners-knee") is None
    assert "no reminder" in d.hint_label.text()


def test_start_at_login_is_off_by_default_and_ok_writes_the_autostart_entry(qtbot, config_home):
    d = editor(qtbot)
    assert not d.autostart_box.isChecked()
    d.autostart_box.click()
    assert not autostart.is_enabled()  # nothing changes before OK
    d.accept()
    assert autostart.is_enabled()
    assert "--tray" in autostart.entry_path().read_text(encoding="utf-8")
    again = editor(qtbot)
    assert again.autostart_box.isChecked()
    again.autostart_box.click()
    again.accept()
    assert not autostart.is_enabled()


def test_cancel_leaves_start_at_login_alone(qtbot):
    d = editor(qtbot)
    d.autostart_box.click()
    d.reject()
    assert not autostart.is_enabled()


def test_saved_plans_become_the_reminder_schedules_in_force_today(conn):
    monday = date(2026, 11, 23)
    save_plan(conn, "runners-knee", PlanValues((0, 2, 4), time(7, 0)), monday)
    save_plan(conn, "shin-splints", PlanValues((1,), None), monday)  # no reminder time
    save_plan(conn, "core", PlanValues((6,), time(9, 0)), date(2026, 12, 1))  # not yet
    assert schedules_from_store(conn, monday) == [
        Schedule("runners-knee", frozenset({0, 2, 4}), time(7, 0))
    ]
    assert {s.routine_id for s in schedules_from_store(conn, date(2026, 12, 2))} == {
        "runners-knee",
        "core",
    }


def test_saving_no_days_ends_the_plan_and_its_reminders(conn):
    save_plan(conn, "runners-knee", PlanValues((0,), time(7, 0)), date(2026, 11, 23))
    save_plan(conn, "runners-knee", PlanValues((), None), date(2026, 11, 30))
    assert schedules_from_store(conn, date(2026, 11, 29)) != []
    assert schedules_from_store(conn, date(2026, 11, 30)) == []
