"""Adherence from the history database, aggregated in SQL and numpy (per-exercise trends:
exercise_trends.py).

Weeks run Monday to Sunday by each session's `local_date`, so time zones and daylight saving
never move a session to another week. A plan is spread over its days: a weekdays plan counts
its weekdays, an "N per week" plan counts N/7 a day, so a plan that starts or changes mid-week
is prorated. A session counts as done in proportion to its sets done (capped at 1). Weeks with
no plan neither extend nor break a streak; the current week breaks nothing until it is over.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import numpy as np
import numpy.typing as npt

from ptcoach.store.columns import columns, period

Days = npt.NDArray[np.datetime64]  # datetime64[D]
Floats = npt.NDArray[np.float64]  # NaN where there is no value
Ints = npt.NDArray[np.int64]

_EPSILON = 1e-9  # prorated plans give fractions; 2/7 * 7 must still meet 2
_WEEK = "date({0}, '-6 days', 'weekday 1')"  # the Monday on or before a YYYY-MM-DD
_WEEKDAY = "((CAST(strftime('%w', {0}) AS INTEGER) + 6) % 7)"  # Monday = 0
# Credit for one session: sets done over sets prescribed, at most 1.
_CREDIT = (
    "CASE WHEN s.planned_sets > 0 THEN MIN(1.0, {done} * 1.0 / s.planned_sets)"
    " WHEN s.status = 'completed' THEN 1.0 ELSE 0.0 END"
)
_DONE = "(SELECT COUNT(*) FROM sets t WHERE t.session_id = s.id AND t.skipped = 0)"
# Sessions from :lo to :hi with their sets done. Counting the sets is most of a query's time,
# so `weekly_and_daily` counts them once for both figures (a CTE used twice is materialized).
_PER_SESSION = f"""
    per_session AS MATERIALIZED (
      SELECT s.local_date, s.status, s.planned_sets, s.pain_before, s.pain, s.effort,
             {_DONE} AS done
      FROM sessions s
      WHERE s.local_date BETWEEN :lo AND :hi
        AND (:routine IS NULL OR s.routine_id = :routine))"""
# Weeks :first to :last (Mondays to Sundays) and the plans over them.
_WEEKLY_CTES = f"""
    days(d) AS (SELECT :first UNION ALL SELECT date(d, '+1 day') FROM days WHERE d < :last),
    weeks(w) AS (SELECT :first UNION ALL SELECT date(w, '+7 days') FROM weeks
                 WHERE w < date(:last, '-6 days')),
    spans AS (
      SELECT start_date AS s, sessions_per_week AS n, weekdays AS wd,
             LEAD(start_date) OVER (PARTITION BY routine_id ORDER BY start_date, id) AS e
      FROM plans WHERE :routine IS NULL OR routine_id = :routine),
    planned AS (
      SELECT {_WEEK.format("d")} AS w,
             SUM(CASE WHEN wd IS NOT NULL  -- in sevenths of a session, summed exactly
                      THEN 7 * (instr(',' || wd || ',', ',' || {_WEEKDAY.format("d")} || ',') > 0)
                      ELSE n END) / 7.0 AS n
      FROM days JOIN spans ON d >= s AND (e IS NULL OR d < e)
      WHERE n IS NOT NULL OR wd IS NOT NULL  -- an ending row leaves its weeks unplanned
      GROUP BY w),
    done AS (
      SELECT {_WEEK.format("s.local_date")} AS w, SUM({_CREDIT.format(done="done")}) AS credit,
             COUNT(*) AS started, SUM(status = 'completed') AS completed,
             SUM(done) AS sets_done, SUM(planned_sets) AS sets_prescribed
      FROM per_session s WHERE s.local_date BETWEEN :first AND :last GROUP BY 1)"""
_WEEKLY_SELECT = """
    SELECT weeks.w, planned.n, COALESCE(credit, 0), COALESCE(started, 0),
           COALESCE(completed, 0), COALESCE(sets_done, 0), COALESCE(sets_prescribed, 0)
    FROM weeks LEFT JOIN planned ON planned.w = weeks.w LEFT JOIN done ON done.w = weeks.w"""
# Days :since to :until with a session.
_DAILY_SELECT = f"""
    SELECT local_date, COUNT(*), SUM({_CREDIT.format(done="done")}), SUM(done),
           AVG(pain_before), AVG(pain), AVG(effort)
    FROM per_session s WHERE s.local_date BETWEEN :since AND :until GROUP BY local_date"""


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class WeeklyAdherence:
    """One entry per week (Monday), every week from the first to the last, gaps included."""

    week: Days
    planned: Floats  # sessions the plan asks for (prorated); NaN where no plan applies
    done: Floats  # session credit: a half-done session counts 0.5
    started: Ints  # sessions begun, whatever their status
    completed: Ints
    sets_done: Ints
    sets_prescribed: Ints

    @property
    def has_plan(self) -> npt.NDArray[np.bool_]:
        return np.nan_to_num(self.planned) > 0

    @property
    def met(self) -> npt.NDArray[np.bool_]:
        return self.has_plan & (self.done + _EPSILON >= np.nan_to_num(self.planned))

    def between(self, start: date | None, end: date | None) -> WeeklyAdherence:
        """The weeks overlapping [start, end] (either end open when None)."""
        keep = np.ones(len(self.week), dtype=bool)
        if start is not None:
            keep &= self.week >= np.datetime64(monday(start), "D")
        if end is not None:
            keep &= self.week <= np.datetime64(end, "D")
        return WeeklyAdherence(*(getattr(self, f)[keep] for f in _WEEKLY_FIELDS))


_WEEKLY_FIELDS = ("week", "planned", "done", "started", "completed", "sets_done", "sets_prescribed")


@dataclass(frozen=True)
class Streaks:
    current: int  # weeks in a row that met the plan, up to now
    best: int


@dataclass(frozen=True)
class Summary:
    """Figures for a period of whole weeks."""

    first_day: date | None  # a Monday
    last_day: date | None  # a Sunday
    weeks: int
    planned_weeks: int
    met_weeks: int
    planned: float
    done: float
    started: int
    completed: int
    sets_done: int
    sets_prescribed: int

    @property
    def adherence(self) -> float | None:
        """Share of planned sessions done; a week's extra sessions don't make up another's."""
        return None if self.planned <= 0 else min(1.0, self.done / self.planned)

    @property
    def set_completion(self) -> float | None:
        return None if self.sets_prescribed <= 0 else self.sets_done / self.sets_prescribed


def weekly_adherence(
    conn: sqlite3.Connection,
    *,
    routine_id: str | None = None,
    since: date | None = None,
    until: date | None = None,
    today: date | None = None,
) -> WeeklyAdherence:
    """Sessions done against planned for each week from `since` (default: the first session
    or plan) to `until` (default: today), for one routine or all of them."""
    last = until or today or date.today()
    first = since or _first_day(conn, routine_id)
    if first is None or first > last:
        return WeeklyAdherence(*_empty(7))
    first, last = monday(first), monday(last) + timedelta(days=6)
    params = {
        "first": first.isoformat(),
        "last": last.isoformat(),
        "routine": routine_id,
        "lo": first.isoformat(),
        "hi": last.isoformat(),
    }
    sql = f"WITH RECURSIVE {_PER_SESSION}, {_WEEKLY_CTES} {_WEEKLY_SELECT} ORDER BY 1"
    rows = conn.execute(sql, params).fetchall()
    return WeeklyAdherence(*columns(rows, ("D", "f", "f", "i", "i", "i", "i")))


def streaks(weekly: WeeklyAdherence, today: date | None = None) -> Streaks:
    """Current and best runs of weeks that met the plan (weeks with no plan are skipped)."""
    this_week = np.datetime64(monday(today or date.today()), "D")
    met = weekly.met
    # The week under way only counts once it is met; weeks after it not at all.
    keep = weekly.has_plan & (weekly.week <= this_week) & ~((weekly.week == this_week) & ~met)
    runs = met[keep].astype(np.int8)
    if runs.size == 0:
        return Streaks(0, 0)
    edges = np.diff(np.concatenate(([0], runs, [0])))
    lengths = np.flatnonzero(edges == -1) - np.flatnonzero(edges == 1)
    misses = np.flatnonzero(runs == 0)
    current = runs.size - (int(misses[-1]) + 1 if misses.size else 0)
    return Streaks(current=current, best=int(lengths.max(initial=0)))


def summarize(weekly: WeeklyAdherence) -> Summary:
    has = weekly.has_plan
    planned = np.nan_to_num(weekly.planned)
    return Summary(
        first_day=_day(weekly.week[0]) if len(weekly.week) else None,
        last_day=_day(weekly.week[-1]) + timedelta(days=6) if len(weekly.week) else None,
        weeks=len(weekly.week),
        planned_weeks=int(has.sum()),
        met_weeks=int(weekly.met.sum()),
        planned=float(planned[has].sum()),
        done=float(np.minimum(weekly.done, planned)[has].sum()),
        started=int(weekly.started.sum()),
        completed=int(weekly.completed.sum()),
        sets_done=int(weekly.sets_done.sum()),
        sets_prescribed=int(weekly.sets_prescribed.sum()),
    )


@dataclass(frozen=True)
class Daily:
    """Per local day with at least one session: activity, pain and effort (NaN if unrated)."""

    day: Days
    sessions: Ints
    done: Floats  # session credit, as in the weekly figures
    sets_done: Ints
    pain_before: Floats
    pain: Floats
    effort: Floats


def daily(
    conn: sqlite3.Connection,
    *,
    routine_id: str | None = None,
    since: date | None = None,
    until: date | None = None,
) -> Daily:
    """Per-day activity and the day's mean pain (before, after) and effort."""
    params = period(since, until, routine_id)
    params |= {
        "lo": params["first"],
        "hi": params["last"],
        "since": params["first"],
        "until": params["last"],
    }
    rows = conn.execute(f"WITH {_PER_SESSION} {_DAILY_SELECT} ORDER BY 1", params).fetchall()
    return Daily(*columns(rows, ("D", "i", "f", "i", "f", "f", "f")))


def weekly_and_daily(
    conn: sqlite3.Connection,
    *,
    routine_id: str | None = None,
    today: date | None = None,
) -> tuple[WeeklyAdherence, Daily]:
    """`weekly_adherence(today=today)` and `daily(until=today)` in one query, which counts
    each session's sets once for both (the progress view shows both on opening)."""
    today = today or date.today()
    first = _first_day(conn, routine_id)
    if first is None or first > today:
        return WeeklyAdherence(*_empty(7)), daily(conn, routine_id=routine_id, until=today)
    first, last = monday(first), monday(today) + timedelta(days=6)
    params = {
        "first": first.isoformat(),
        "last": last.isoformat(),
        "routine": routine_id,
        "lo": date.min.isoformat(),
        "hi": last.isoformat(),
        "since": date.min.isoformat(),
        "until": today.isoformat(),
    }
    sql = (
        f"WITH RECURSIVE {_PER_SESSION}, {_WEEKLY_CTES}"
        f" SELECT 0, * FROM ({_WEEKLY_SELECT}) UNION ALL SELECT 1, * FROM ({_DAILY_SELECT})"
        " ORDER BY 1, 2"
    )
    rows = conn.execute(sql, params).fetchall()
    weeks = [row[1:] for row in rows if row[0] == 0]
    days = [row[1:] for row in rows if row[0] == 1]
    return (
        WeeklyAdherence(*columns(weeks, ("D", "f", "f", "i", "i", "i", "i"))),
        Daily(*columns(days, ("D", "i", "f", "i", "f", "f", "f"))),
    )


def _first_day(conn: sqlite3.Connection, routine_id: str | None) -> date | None:
    row = conn.execute(
        "SELECT MIN(d) FROM (SELECT MIN(local_date) AS d FROM sessions"
        " WHERE :r IS NULL OR routine_id = :r UNION ALL"
        " SELECT MIN(start_date) FROM plans WHERE :r IS NULL OR routine_id = :r)",
        {"r": routine_id},
    ).fetchone()
    return None if row is None or row[0] is None else date.fromisoformat(row[0])


def _empty(count: int) -> list[npt.NDArray[Any]]:
    return columns([], ("D", "f", "f", "i", "i", "i", "i")[:count])


def _day(value: np.datetime64) -> date:
    result = value.astype("datetime64[D]").item()
    assert isinstance(result, date)
    return result


def weekly_means(day: Days, values: Floats) -> tuple[Days, Floats]:
    """Mean of the rated values per week (Monday), for the weeks with at least one rating."""
    rated = ~np.isnan(values)
    if not rated.any():
        return np.array([], dtype="datetime64[D]"), np.array([], dtype=np.float64)
    # 1970-01-01 was a Thursday: shifting by 3 days makes every week number start on Monday.
    week_number = (day[rated].astype(np.int64) + 3) // 7
    weeks, index = np.unique(week_number, return_inverse=True)
    sums = np.bincount(index, weights=values[rated])
    counts = np.bincount(index)
    mondays = (weeks * 7 - 3).astype("datetime64[D]")
    return mondays, sums / counts
