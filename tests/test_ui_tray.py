"""Reminders on a fake clock, and the tray's reminder window (no tray exists offscreen)."""

from __future__ import annotations

import logging
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QSettings

from ptcoach.schedule import Schedule
from ptcoach.ui.desktop.reminders import COARSE_CHECK_MS, ReminderClock
from ptcoach.ui.desktop.tray import ENABLED_KEY, Tray

TZ = ZoneInfo("Europe/Berlin")
KNEE = Schedule("runners-knee", frozenset({0, 2, 4}), time(7, 0))  # Mon, Wed, Fri


def at(day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, second, tzinfo=TZ)  # 23 Nov 2026 is a Monday


class FakeClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def make_clock(qtbot, start: datetime, schedules=(KNEE,)) -> tuple[ReminderClock, FakeClock]:
    fake = FakeClock(start)
    clock = ReminderClock(lambda: list(schedules), clock=fake)
    return clock, fake


def test_a_fake_clock_crossing_the_reminder_time_raises_it_once(qtbot):
    clock, fake = make_clock(qtbot, at(23, 6, 50))
    fake.now = at(23, 6, 59)
    assert clock.check() == []
    fake.now = at(23, 7, 0, 1)
    with qtbot.waitSignal(clock.reminder_due) as blocker:
        clock.check()
    assert blocker.args[0].routine_id == "runners-knee"
    assert blocker.args[0].due_at == at(23, 7)
    fake.now = at(23, 7, 2)
    assert clock.check() == []


def test_the_timer_is_aimed_at_the_next_reminder_and_a_coarse_check_runs_every_minute(qtbot):
    clock, _fake = make_clock(qtbot, at(23, 6, 0))
    assert clock.next_timer.isActive()
    assert 3600_000 <= clock.next_timer.interval() <= 3600_000 + 1000
    assert clock.coarse_timer.isActive()
    assert clock.coarse_timer.interval() == COARSE_CHECK_MS
    assert clock.next_time() == at(23, 7)


def test_after_a_reminder_the_timer_is_aimed_at_the_next_scheduled_day(qtbot):
    clock, fake = make_clock(qtbot, at(23, 6, 59))
    fake.now = at(23, 7, 0, 1)
    clock.check()
    assert clock.next_time() == at(25, 7)  # Wednesday
    assert clock.next_timer.interval() >= int(timedelta(days=2).total_seconds() * 1000) - 1000


def test_snoozing_raises_the_reminder_again_thirty_minutes_later(qtbot):
    clock, fake = make_clock(qtbot, at(23, 6, 59))
    fake.now = at(23, 7, 0, 30)
    [reminder] = clock.check()
    fake.now = at(23, 7, 1)
    clock.snooze(reminder)
    assert clock.next_time() == at(23, 7, 31)
    fake.now = at(23, 7, 30)
    assert clock.check() == []
    fake.now = at(23, 7, 31, 1)
    with qtbot.waitSignal(clock.reminder_due) as blocker:
        clock.check()
    assert blocker.args[0].routine_id == "runners-knee"
    assert blocker.args[0].snoozed


def test_a_five_hour_sleep_across_the_reminder_raises_nothing_and_logs_it_skipped(qtbot, caplog):
    clock, fake = make_clock(qtbot, at(23, 6, 30))
    raised = []
    clock.reminder_due.connect(raised.append)
    fake.now = at(23, 11, 30)
    with (
        caplog.at_level(logging.INFO, logger="ptcoach.ui.desktop.reminders"),
        qtbot.waitSignal(clock.reminder_skipped) as blocker,
    ):
        assert clock.check() == []
    assert raised == []
    assert blocker.args[0].due_at == at(23, 7)
    assert any(
        "skipped the runners-knee reminder due at 2026-11-23T07:00" in r.getMessage()
        for r in caplog.records
    )


def test_turned_off_reminders_raise_nothing_and_turning_on_does_not_replay_the_missed(qtbot):
    clock, fake = make_clock(qtbot, at(23, 6, 59))
    clock.set_enabled(False)
    assert not clock.next_timer.isActive() and not clock.coarse_timer.isActive()
    fake.now = at(23, 7, 1)
    assert clock.check() == []
    clock.set_enabled(True)
    fake.now = at(23, 7, 2)
    assert clock.check() == []
    assert clock.next_time() == at(25, 7)


def test_schedules_are_read_again_on_reload_and_when_the_date_changes(qtbot):
    schedules = [KNEE]
    fake = FakeClock(at(23, 6, 0))
    clock = ReminderClock(lambda: list(schedules), clock=fake)
    schedules.append(Schedule("shin-splints", frozenset({1}), time(18, 0)))  # Tuesday
    assert clock.next_time() == at(23, 7)
    clock.reload()
    assert {s.routine_id for s in clock.schedules} == {"runners-knee", "shin-splints"}
    schedules.pop()
    fake.now = at(24, 0, 1)  # past midnight: the loader is asked again
    clock.check()
    assert [s.routine_id for s in clock.schedules] == ["runners-knee"]


@pytest.fixture
def tray_and_clock(qtbot, tmp_path):
    clock, fake = make_clock(qtbot, at(23, 6, 59))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    tray = Tray(
        {"runners-knee": "Runner's knee", "shin-splints": "Shin splints"},
        clock,
        settings=settings,
        notifier=None,
    )
    yield tray, clock, fake, settings
    if tray.popup is not None:
        tray.popup.close()


def test_without_a_tray_or_notification_server_a_reminder_opens_the_popup(qtbot, tray_and_clock):
    tray, clock, fake, _ = tray_and_clock
    assert tray.icon is None  # offscreen has no system tray
    fake.now = at(23, 7, 0, 5)
    clock.check()
    assert tray.popup is not None and tray.popup.isVisible()
    qtbot.addWidget(tray.popup)
    assert "Runner's knee" in tray.popup.message_label.text()
    assert "07:00" in tray.popup.message_label.text()


def test_the_popups_start_now_emits_start_requested_with_the_routine(qtbot, tray_and_clock):
    tray, clock, fake, _ = tray_and_clock
    fake.now = at(23, 7, 0, 5)
    clock.check()
    qtbot.addWidget(tray.popup)
    with qtbot.waitSignal(tray.start_requested) as blocker:
        tray.popup.start_button.click()
    assert blocker.args == ["runners-knee"]
    assert not tray.popup.isVisible()


def test_the_popups_snooze_raises_the_reminder_again_thirty_minutes_later(qtbot, tray_and_clock):
    tray, clock, fake, _ = tray_and_clock
    fake.now = at(23, 7, 0, 5)
    clock.check()
    qtbot.addWidget(tray.popup)
    fake.now = at(23, 7, 2)
    tray.popup.snooze_button.click()
    assert not tray.popup.isVisible()
    assert clock.next_time() == at(23, 7, 32)
    fake.now = at(23, 7, 32, 1)
    clock.check()
    assert tray.popup.isVisible()


def test_the_menu_starts_a_routine_and_turns_reminders_off_persistently(qtbot, tray_and_clock):
    tray, clock, _, settings = tray_and_clock
    names = [a.text() for a in tray.start_menu.actions()]
    assert names == ["Runner's knee", "Shin splints"]
    with qtbot.waitSignal(tray.start_requested) as blocker:
        tray.start_menu.actions()[1].trigger()
    assert blocker.args == ["shin-splints"]
    assert tray.reminders_action.isChecked()
    tray.reminders_action.trigger()
    assert not clock.enabled
    settings.sync()
    assert settings.value(ENABLED_KEY) in (False, "false")
    again = Tray({}, clock, settings=settings, notifier=None)
    assert not again.reminders_action.isChecked()
    assert not again.start_menu.isEnabled()


def test_open_and_quit_in_the_menu_emit_their_signals(qtbot, tray_and_clock):
    tray, *_ = tray_and_clock
    with qtbot.waitSignal(tray.open_requested):
        tray.open_action.trigger()
    with qtbot.waitSignal(tray.quit_requested):
        tray.quit_action.trigger()
