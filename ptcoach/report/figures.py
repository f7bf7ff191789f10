"""The figures a report shows, gathered from the history for a period of whole weeks (no Qt)."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta

import numpy as np
import numpy.typing as npt

from ptcoach.store import adherence, exercise_trends
from ptcoach.store.adherence import Streaks, Summary, WeeklyAdherence
from ptcoach.store.exercise_trends import ExerciseTotals

DEFAULT_WEEKS = 12


@dataclass(frozen=True)
class ReportFigures:
    since: date  # a Monday
    until: date  # a Sunday, or today when that Sunday is still to come
    made_on: date
    routine_label: str
    summary: Summary
    streaks: Streaks
    weekly: WeeklyAdherence
    pain_weeks: npt.NDArray[np.datetime64]
    pain: npt.NDArray[np.float64]  # weekly mean of pain after sessions
    effort_weeks: npt.NDArray[np.datetime64]
    effort: npt.NDArray[np.float64]
    exercises: tuple[ExerciseTotals, ...]


def period(since: date | None, until: date | None, today: date) -> tuple[date, date]:
    """Whole weeks: `until` (default today) to its Sunday, `since` (default 12 weeks earlier)
    back to its Monday; but never past today (a period ending in the future read oddly)."""
    sunday = adherence.monday(until or today) + timedelta(days=6)
    start = adherence.monday(since) if since else sunday - timedelta(weeks=DEFAULT_WEEKS, days=-1)
    end = min(sunday, max(today, start))
    if start > end:
        raise ValueError(
            f"the period starts ({start}) after it ends ({end}); give --since before --until"
        )
    return start, end


def gather(
    conn: sqlite3.Connection,
    *,
    since: date | None = None,
    until: date | None = None,
    today: date | None = None,
    routine_id: str | None = None,
    routine_names: Mapping[str, str] | None = None,
    exercise_names: Mapping[str, str] | None = None,
) -> ReportFigures:
    today = today or date.today()
    start, end = period(since, until, today)
    weekly = adherence.weekly_adherence(conn, routine_id=routine_id, since=start, until=end)
    whole = adherence.weekly_adherence(conn, routine_id=routine_id, until=min(end, today))
    daily = adherence.daily(conn, routine_id=routine_id, since=start, until=end)
    pain_weeks, pain = adherence.weekly_means(daily.day, daily.pain)
    effort_weeks, effort = adherence.weekly_means(daily.day, daily.effort)
    names = dict(routine_names or {})
    known = dict(exercise_trends.routines_done(conn))
    label = (names.get(routine_id) or known.get(routine_id) or routine_id) if routine_id else ""
    renamed = dict(exercise_names or {})
    totals = exercise_trends.exercise_totals(conn, routine_id=routine_id, since=start, until=end)
    exercises = tuple(replace(t, name=renamed.get(t.exercise_id, t.name)) for t in totals)
    return ReportFigures(
        since=start,
        until=end,
        made_on=today,
        routine_label=label,
        summary=adherence.summarize(weekly),
        streaks=adherence.streaks(whole, min(end, today)),
        weekly=weekly,
        pain_weeks=pain_weeks,
        pain=pain,
        effort_weeks=effort_weeks,
        effort=effort,
        exercises=exercises,
    )
