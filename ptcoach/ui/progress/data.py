"""What the progress view shows, loaded from the history in a few aggregate queries, and the
ranges the runner can pick. Plain numpy; no widgets here."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

import numpy as np
import numpy.typing as npt

from ptcoach.store import adherence, exercise_trends
from ptcoach.store.adherence import Daily, Streaks, WeeklyAdherence
from ptcoach.store.exercise_trends import ExerciseSeries

DAY_S = 86400.0
WEEK_S = 7 * DAY_S
# Points further apart than this are not joined by a line: a line across a multi-week break
# would invent a trend for weeks with nothing recorded (one missed week is still bridged).
GAP_S = 2 * WEEK_S


class Span(Enum):
    """The range picker's choices: how many days back from today (None: everything)."""

    WEEKS_4 = 28
    MONTHS_3 = 91
    YEAR = 365
    ALL = None


@dataclass(frozen=True)
class ProgressData:
    today: date
    routine_id: str | None
    weekly: WeeklyAdherence
    daily: Daily
    streaks: Streaks
    exercises: tuple[tuple[str, str], ...]  # (id, name)

    def first_day(self) -> date:
        if len(self.weekly.week):
            return adherence.monday(_to_date(self.weekly.week[0]))
        return adherence.monday(self.today)

    def span_start(self, span: Span) -> date:
        """The first day shown for `span` (a Monday, so whole weeks are shown)."""
        if span.value is None:
            return self.first_day()
        this_week = adherence.monday(self.today)
        return adherence.monday(this_week - timedelta(days=span.value - 7))

    def span_end(self) -> date:
        return adherence.monday(self.today) + timedelta(days=6)


def load(conn: sqlite3.Connection, today: date, routine_id: str | None = None) -> ProgressData:
    weekly, daily = adherence.weekly_and_daily(conn, routine_id=routine_id, today=today)
    return ProgressData(
        today=today,
        routine_id=routine_id,
        weekly=weekly,
        daily=daily,
        streaks=adherence.streaks(weekly, today),
        exercises=tuple(exercise_trends.exercises_done(conn)),
    )


def exercise(conn: sqlite3.Connection, exercise_id: str, today: date) -> ExerciseSeries:
    return exercise_trends.exercise_series(conn, exercise_id, until=today)


def seconds(days: npt.NDArray[np.datetime64]) -> npt.NDArray[np.float64]:
    """Epoch seconds of local dates taken as UTC midnight (the axes show them with offset 0,
    so a date is drawn as itself whatever the machine's time zone)."""
    return days.astype("datetime64[D]").astype(np.int64).astype(np.float64) * DAY_S


def day_seconds(day: date) -> float:
    return float((day - date(1970, 1, 1)).days) * DAY_S


def _to_date(value: np.datetime64) -> date:
    result = value.astype("datetime64[D]").item()
    assert isinstance(result, date)
    return result


def weekly_means(
    days: npt.NDArray[np.datetime64], values: npt.NDArray[np.float64]
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """The mean of each Monday-to-Sunday week's values (NaN left out), placed mid-week; weeks
    without a value are left out. Returns (x in epoch seconds, means)."""
    keep = ~np.isnan(values)
    day_no = days[keep].astype("datetime64[D]").astype(np.int64)
    week = (day_no + 3) // 7  # 1970-01-01 was a Thursday: week numbers start on Mondays
    weeks, index = np.unique(week, return_inverse=True)
    sums = np.bincount(index, weights=values[keep], minlength=len(weeks))
    counts = np.bincount(index, minlength=len(weeks))
    monday_s = (weeks * 7 - 3).astype(np.float64) * DAY_S
    return monday_s + 3.5 * DAY_S, sums / np.maximum(counts, 1)


def broken_at_gaps(
    x: npt.NDArray[np.float64], *ys: npt.NDArray[np.float64], max_gap_s: float = GAP_S
) -> tuple[npt.NDArray[np.float64], ...]:
    """x and ys with a NaN point put into every gap wider than `max_gap_s`, so a line drawn
    with connect="finite" breaks there instead of bridging it."""
    at = np.flatnonzero(np.diff(x) > max_gap_s) + 1
    mid = (x[at - 1] + x[at]) / 2
    return (np.insert(x, at, mid), *(np.insert(y.astype(np.float64), at, np.nan) for y in ys))
