"""Weekly reminders: on time, snoozed, and skipped (not stacked) across a sleep."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from ptcoach.schedule import Reminders, Schedule

TZ = ZoneInfo("Europe/Berlin")
MON_WED_FRI = frozenset({0, 2, 4})


def at(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=TZ)


def reminders(start: datetime) -> Reminders:
    return Reminders([Schedule("runners-knee", MON_WED_FRI, time(7, 0))], last_check=start)


def test_a_reminder_fires_when_the_clock_crosses_its_time() -> None:
    r = reminders(at(23, 6, 50))  # Monday 23 November 2026
    assert r.due(at(23, 6, 59)) == []
    fired = r.due(
        at(
            23,
            7,
            0,
        )
    )
    assert [(x.routine_id, x.due_at) for x in fired] == [("runners-knee", at(23, 7))]
    assert r.due(at(23, 7, 1)) == []  # once only


def test_no_reminder_on_a_day_not_in_the_schedule() -> None:
    r = reminders(at(24, 6, 0))  # Tuesday
    assert r.due(at(24, 8, 0)) == []


def test_next_time_aims_the_timer_at_the_next_weekday_in_the_schedule() -> None:
    r = reminders(at(23, 8, 0))  # Monday after the reminder
    assert r.next_time(at(23, 8, 0)) == at(25, 7, 0)  # Wednesday


def test_snooze_raises_it_again_thirty_minutes_later() -> None:
    r = reminders(at(23, 6, 0))
    (first,) = r.due(at(23, 7, 0))
    again = r.snooze(first, at(23, 7, 1))
    assert again.due_at == at(23, 7, 31) and again.snoozed
    assert r.next_time(at(23, 7, 2)) == at(23, 7, 31)
    assert r.due(at(23, 7, 30)) == []
    assert [x.due_at for x in r.due(at(23, 7, 31))] == [at(23, 7, 31)]


def test_a_reminder_slept_through_is_skipped_not_shown_late() -> None:
    r = reminders(at(23, 6, 0))
    assert r.due(at(23, 12, 0)) == []  # woke at noon: nothing
    assert [x.due_at for x in r.skipped] == [at(23, 7, 0)]


def test_a_long_sleep_shows_at_most_one_reminder_never_a_stack() -> None:
    r = reminders(at(16, 6, 0))  # a week earlier
    fired = r.due(at(23, 7, 5))  # woke 5 minutes after Monday's reminder
    assert [x.due_at for x in fired] == [at(23, 7, 0)]
    assert len(r.skipped) == 3  # Mon 16, Wed 18, Fri 20


def test_a_reminder_keeps_its_local_time_across_the_dst_change() -> None:
    # Europe/Berlin leaves summer time on Sunday 25 October 2026.
    r = reminders(at(23, 8, 0, month=10))  # Friday 23 October, after the reminder
    nxt = r.next_time(at(23, 8, 0, month=10))
    assert nxt == at(26, 7, 0, month=10)
    assert nxt.utcoffset() == timedelta(hours=1)  # winter time now


def test_a_schedule_needs_weekdays() -> None:
    with pytest.raises(ValueError, match="weekdays"):
        Schedule("x", frozenset(), time(7))
    with pytest.raises(ValueError, match="weekdays"):
        Schedule("x", frozenset({7}), time(7))
