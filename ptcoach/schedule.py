"""Weekly schedules and the reminders they raise (no Qt: the tray calls `due(now)`).

Reminders fire at a local wall-clock time on chosen weekdays. One that is noticed more than
`grace` after its time (the computer slept through it) is skipped, not stacked: waking at
noon never shows the 7:00 reminder, nor several at once. Snoozing re-raises it later.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

DEFAULT_GRACE = timedelta(minutes=10)
SNOOZE = timedelta(minutes=30)


@dataclass(frozen=True)
class Schedule:
    routine_id: str
    weekdays: frozenset[int]  # Monday = 0
    at: time  # local wall-clock time

    def __post_init__(self) -> None:
        if not self.weekdays or not self.weekdays <= set(range(7)):
            raise ValueError(f"weekdays must be a non-empty subset of 0..6, not {self.weekdays}")

    def occurrences(self, start: datetime, end: datetime) -> Iterable[datetime]:
        """Reminder times in (start, end], in the tz of `start` (aware datetimes)."""
        day: date = start.date()
        while True:
            when = _localize(datetime.combine(day, self.at), start.tzinfo)
            if when > end:
                return
            if when > start and day.weekday() in self.weekdays:
                yield when
            day += timedelta(days=1)


def _localize(naive: datetime, tz: tzinfo | None) -> datetime:
    """A local wall-clock time made aware, with the right DST offset for its own date."""
    if isinstance(tz, ZoneInfo):
        return naive.replace(tzinfo=tz)
    return naive.astimezone()  # the system's local rules


@dataclass(frozen=True)
class Reminder:
    routine_id: str
    due_at: datetime
    snoozed: bool = False


@dataclass
class Reminders:
    """Tracks what has been raised. `now` values must be aware datetimes in local time."""

    schedules: list[Schedule]
    last_check: datetime
    grace: timedelta = DEFAULT_GRACE
    snoozed: list[Reminder] = field(default_factory=list)
    skipped: list[Reminder] = field(default_factory=list)

    def due(self, now: datetime) -> list[Reminder]:
        """Reminders to show now; the ones missed by more than the grace are skipped."""
        if now <= self.last_check:  # the clock went back: wait for it to catch up
            return []
        out: list[Reminder] = []
        for s in self.schedules:
            missed = [Reminder(s.routine_id, t) for t in s.occurrences(self.last_check, now)]
            if missed and now - missed[-1].due_at <= self.grace:
                out.append(missed.pop())
            self.skipped.extend(missed)
        for r in list(self.snoozed):
            if r.due_at <= now:
                self.snoozed.remove(r)
                out.append(r)
        self.last_check = now
        return sorted(out, key=lambda r: r.due_at)

    def snooze(self, reminder: Reminder, now: datetime, delay: timedelta = SNOOZE) -> Reminder:
        again = Reminder(reminder.routine_id, now + delay, snoozed=True)
        self.snoozed.append(again)
        return again

    def next_time(self, now: datetime) -> datetime | None:
        """When the next reminder is due (to aim a timer at), or None."""
        horizon = now + timedelta(days=8)
        candidates = [next(iter(s.occurrences(now, horizon)), None) for s in self.schedules]
        times = [t for t in candidates if t is not None] + [r.due_at for r in self.snoozed]
        return min(times, default=None)
