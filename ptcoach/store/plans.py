"""A routine's plan (how often it should be done) in the `plans` table: set, list, look up.

A change is a new row from a later start date; the latest row on or before a date applies, and
a row with neither a weekly count nor weekdays means "no plan from this date on".
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from ptcoach.store.timefmt import to_iso

WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_REMIND_AT = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


class PlanError(ValueError):
    """A plan that cannot be stored; the message says which value and what to do."""


@dataclass(frozen=True)
class Plan:
    """One row of `plans`: from `start_date` on, `routine_id` is planned this often."""

    id: int
    routine_id: str
    start_date: date
    sessions_per_week: int | None
    weekdays: tuple[int, ...] | None  # Monday = 0
    remind_at: time | None  # local time of day (stored as "HH:MM")
    created_at: str

    @property
    def is_active(self) -> bool:
        """False for a row that ends an earlier plan ("no plan from this date on")."""
        return self.sessions_per_week is not None or self.weekdays is not None

    @property
    def per_week(self) -> int:
        """Sessions planned in a full week (0 when no plan)."""
        if self.weekdays is not None:
            return len(self.weekdays)
        return self.sessions_per_week or 0

    def describe(self) -> str:
        if self.weekdays is not None:
            text = ", ".join(WEEKDAY_NAMES[d] for d in self.weekdays)
        elif self.sessions_per_week is not None:
            text = f"{self.sessions_per_week} per week"
        else:
            return f"no plan from {self.start_date.isoformat()}"
        reminder = f", reminder at {self.remind_at:%H:%M}" if self.remind_at else ""
        return f"{text} from {self.start_date.isoformat()}{reminder}"


def set_plan(
    conn: sqlite3.Connection,
    routine_id: str,
    start_date: date,
    *,
    sessions_per_week: int | None = None,
    weekdays: Iterable[int] | None = None,
    remind_at: str | time | None = None,
    created_at: datetime | None = None,
) -> Plan:
    """Plan `routine_id` from `start_date`: either a weekly count or weekdays (Monday = 0).

    Giving neither ends any earlier plan from that date. Earlier rows are kept, so past weeks
    are still judged against the plan that applied then.
    """
    if not routine_id:
        raise PlanError("routine id is empty; give the id of the routine to plan")
    if sessions_per_week is not None and weekdays is not None:
        raise PlanError("give either sessions per week or weekdays, not both")
    if sessions_per_week is not None and not 1 <= sessions_per_week <= 14:
        raise PlanError(f"sessions per week must be 1 to 14, not {sessions_per_week}")
    days: tuple[int, ...] | None = None
    if weekdays is not None:
        days = tuple(sorted(set(weekdays)))
        bad = [d for d in days if not 0 <= d <= 6]
        if bad or not days:
            raise PlanError(
                f"weekdays must be 0 (Monday) to 6 (Sunday) and at least one, not {list(days)}"
            )
    if isinstance(remind_at, time):
        remind_at = f"{remind_at:%H:%M}"
    if remind_at is not None and not _REMIND_AT.match(remind_at):
        raise PlanError(f"reminder time {remind_at!r} is not HH:MM (24-hour), e.g. 07:30")
    created = to_iso(created_at or datetime.now(UTC))
    with conn:
        cursor = conn.execute(
            "INSERT INTO plans (routine_id, start_date, sessions_per_week, weekdays, remind_at,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?)",
            (
                routine_id,
                start_date.isoformat(),
                sessions_per_week,
                None if days is None else ",".join(map(str, days)),
                remind_at,
                created,
            ),
        )
    plan_id = cursor.lastrowid
    assert plan_id is not None
    at = None if remind_at is None else time.fromisoformat(remind_at)
    return Plan(plan_id, routine_id, start_date, sessions_per_week, days, at, created)


def end_plan(conn: sqlite3.Connection, routine_id: str, start_date: date) -> Plan:
    """No plan for `routine_id` from `start_date` on (earlier weeks keep theirs)."""
    return set_plan(conn, routine_id, start_date)


_COLUMNS = "id, routine_id, start_date, sessions_per_week, weekdays, remind_at, created_at"


def list_plans(conn: sqlite3.Connection, routine_id: str | None = None) -> list[Plan]:
    """Every plan row, oldest first (by start date, then by when it was set)."""
    if routine_id is None:
        rows = conn.execute(f"SELECT {_COLUMNS} FROM plans ORDER BY routine_id, start_date, id")
    else:
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM plans WHERE routine_id = ? ORDER BY start_date, id",
            (routine_id,),
        )
    return [_plan(row) for row in rows]


def plan_on(conn: sqlite3.Connection, routine_id: str, day: date) -> Plan | None:
    """The plan that applies to `routine_id` on `day`, or None if there is none."""
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM plans WHERE routine_id = ? AND start_date <= ?"
        " ORDER BY start_date DESC, id DESC LIMIT 1",
        (routine_id, day.isoformat()),
    ).fetchone()
    if row is None:
        return None
    plan = _plan(row)
    return plan if plan.is_active else None


def current_plan(
    conn: sqlite3.Connection, routine_id: str, today: date | None = None
) -> Plan | None:
    """The plan in force today (local date), or None."""
    return plan_on(conn, routine_id, today or date.today())


def _plan(row: tuple[object, ...]) -> Plan:
    plan_id, routine_id, start, per_week, weekdays, remind_at, created = row
    days = None
    if isinstance(weekdays, str) and weekdays:
        days = tuple(int(d) for d in weekdays.split(","))
    return Plan(
        id=int(str(plan_id)),
        routine_id=str(routine_id),
        start_date=date.fromisoformat(str(start)),
        sessions_per_week=None if per_week is None else int(str(per_week)),
        weekdays=days,
        remind_at=None if remind_at is None else time.fromisoformat(str(remind_at)),
        created_at=str(created),
    )
