"""The reminder clock: asks `Reminders.due(now)` when the next reminder is due and once a minute.

The minute check is there because a QTimer does not count time the machine slept; the
schedule itself (`ptcoach.schedule`) decides what is shown and what was slept through.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from ptcoach.schedule import Reminder, Reminders, Schedule

log = logging.getLogger(__name__)

COARSE_CHECK_MS = 60_000
_SLACK_MS = 200  # aim a little after the reminder time so the check lands on or past it
_MAX_AIM_MS = 2**31 - 1


def local_now() -> datetime:
    """The wall-clock time now, aware, in the system's local zone."""
    return datetime.now().astimezone()


class ReminderClock(QObject):
    """Raises `reminder_due` for each reminder when its time comes; snoozes on request.

    `load_schedules` is called at start, on `reload()`, and when the local date changes (a
    plan may begin on a later date); `clock` returns aware local datetimes (tests inject one).
    """

    reminder_due = Signal(object)  # Reminder
    reminder_skipped = Signal(object)  # Reminder slept through (also logged)

    def __init__(
        self,
        load_schedules: Callable[[], list[Schedule]],
        *,
        clock: Callable[[], datetime] = local_now,
        enabled: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._load = load_schedules
        self._clock = clock
        now = clock()
        self.reminders = Reminders(list(load_schedules()), last_check=now)
        self._loaded_on: date = now.date()
        self._enabled = enabled
        self.next_timer = QTimer(self)
        self.next_timer.setSingleShot(True)
        # A coarse timer may fire up to 5% early; over hours that would be many minutes.
        self.next_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.next_timer.timeout.connect(self.check)
        self.coarse_timer = QTimer(self)
        self.coarse_timer.setInterval(COARSE_CHECK_MS)
        self.coarse_timer.timeout.connect(self.check)
        if enabled:
            self.coarse_timer.start()
            self._aim(now)

    # ----------------------------------------------------------------- state
    @property
    def enabled(self) -> bool:
        return self._enabled

    def set_enabled(self, on: bool) -> None:
        """Turn reminders on or off; turning on does not raise what passed while off."""
        if on == self._enabled:
            return
        self._enabled = on
        if on:
            now = self._clock()
            self.reminders.last_check = max(self.reminders.last_check, now)
            self.coarse_timer.start()
            self._aim(now)
        else:
            self.coarse_timer.stop()
            self.next_timer.stop()

    @property
    def schedules(self) -> list[Schedule]:
        return list(self.reminders.schedules)

    def reload(self) -> None:
        """Read the schedules again (after a plan changed); snoozed reminders are kept."""
        now = self._clock()
        self.reminders.schedules = list(self._load())
        self._loaded_on = now.date()
        if self._enabled:
            self._aim(now)

    def next_time(self) -> datetime | None:
        return self.reminders.next_time(self._clock())

    # ---------------------------------------------------------------- checks
    def check(self) -> list[Reminder]:
        """Raise what is due now; log what was slept through; aim the timer at the next one."""
        if not self._enabled:
            return []
        now = self._clock()
        if now.date() != self._loaded_on:
            self.reminders.schedules = list(self._load())
            self._loaded_on = now.date()
        skipped_before = len(self.reminders.skipped)
        due = self.reminders.due(now)
        for missed in self.reminders.skipped[skipped_before:]:
            log.info(
                "skipped the %s reminder due at %s: noticed only at %s (asleep?)",
                missed.routine_id,
                missed.due_at.isoformat(timespec="minutes"),
                now.isoformat(timespec="minutes"),
            )
            self.reminder_skipped.emit(missed)
        for reminder in due:
            self.reminder_due.emit(reminder)
        self._aim(now)
        return due

    def snooze(self, reminder: Reminder) -> Reminder:
        """Raise `reminder` again 30 minutes from now."""
        now = self._clock()
        again = self.reminders.snooze(reminder, now)
        if self._enabled:
            self._aim(now)
        return again

    def _aim(self, now: datetime) -> None:
        upcoming = self.reminders.next_time(now)
        if upcoming is None:
            self.next_timer.stop()
            return
        ms = int((upcoming - now).total_seconds() * 1000) + _SLACK_MS
        self.next_timer.start(max(0, min(ms, _MAX_AIM_MS)))
