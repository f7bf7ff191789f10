"""Per-exercise trends from the history: daily reps and holds (the wall sit growing from 30 to
60 s) with what the camera counted and flagged, totals over a period for the therapist's
report, and what has been done at all."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

from ptcoach.store.adherence import Days, Floats, Ints
from ptcoach.store.columns import columns, period


@dataclass(frozen=True)
class ExerciseSeries:
    """One exercise per local day: sets done, reps (total, best set), hold seconds (same)."""

    exercise_id: str
    day: Days
    sets_done: Ints
    reps: Floats
    best_reps: Floats
    hold_s: Floats
    best_hold_s: Floats
    camera_reps: Floats  # reps the camera counted that day (NaN: it counted none)
    form_flagged: Floats  # sets the camera gave a form cue in (NaN: it watched none)


def exercise_series(
    conn: sqlite3.Connection,
    exercise_id: str,
    *,
    since: date | None = None,
    until: date | None = None,
) -> ExerciseSeries:
    sql = """
    SELECT s.local_date, COUNT(*), SUM(t.reps), MAX(t.reps), SUM(t.hold_s), MAX(t.hold_s),
           SUM(t.camera_reps), SUM(CASE WHEN t.form_flags IS NULL THEN NULL
                                        ELSE t.form_flags <> '' END)
    FROM sets t JOIN sessions s ON s.id = t.session_id
    WHERE t.exercise_id = :exercise AND t.skipped = 0
      AND s.local_date BETWEEN :first AND :last
    GROUP BY s.local_date ORDER BY s.local_date
    """
    params = period(since, until, None) | {"exercise": exercise_id}
    rows = conn.execute(sql, params).fetchall()
    kinds = ("D", "i", "f", "f", "f", "f", "f", "f")
    return ExerciseSeries(exercise_id, *columns(rows, kinds))


@dataclass(frozen=True)
class ExerciseTotals:
    """One exercise over a period, with its best set on the first and the last day done."""

    exercise_id: str
    name: str
    days: int
    sets_done: int
    sets_skipped: int
    reps: int | None
    hold_s: float | None
    first_best_reps: int | None
    last_best_reps: int | None
    first_best_hold_s: float | None
    last_best_hold_s: float | None


def exercise_totals(
    conn: sqlite3.Connection,
    *,
    routine_id: str | None = None,
    since: date | None = None,
    until: date | None = None,
) -> list[ExerciseTotals]:
    """Every exercise done in the period, by name."""
    sql = """
    WITH per_day AS (
      SELECT t.exercise_id AS id, s.local_date AS d, SUM(t.skipped = 0) AS sets,
             SUM(t.skipped) AS skipped, SUM(CASE WHEN t.skipped = 0 THEN t.reps END) AS reps,
             MAX(CASE WHEN t.skipped = 0 THEN t.reps END) AS best_reps,
             SUM(CASE WHEN t.skipped = 0 THEN t.hold_s END) AS hold,
             MAX(CASE WHEN t.skipped = 0 THEN t.hold_s END) AS best_hold
      FROM sets t JOIN sessions s ON s.id = t.session_id
      WHERE s.local_date BETWEEN :first AND :last
        AND (:routine IS NULL OR s.routine_id = :routine)
      GROUP BY t.exercise_id, s.local_date),
    done AS (SELECT * FROM per_day WHERE sets > 0),
    ends AS (
      SELECT id, FIRST_VALUE(best_reps) OVER up AS r0, FIRST_VALUE(best_reps) OVER down AS r1,
             FIRST_VALUE(best_hold) OVER up AS h0, FIRST_VALUE(best_hold) OVER down AS h1
      FROM done
      WINDOW up AS (PARTITION BY id ORDER BY d), down AS (PARTITION BY id ORDER BY d DESC))
    SELECT p.id, (SELECT exercise_name FROM sets WHERE exercise_id = p.id
                  ORDER BY ended_at DESC LIMIT 1),
           SUM(p.sets > 0), SUM(p.sets), SUM(p.skipped), SUM(p.reps), SUM(p.hold),
           (SELECT MAX(r0) FROM ends WHERE ends.id = p.id),
           (SELECT MAX(r1) FROM ends WHERE ends.id = p.id),
           (SELECT MAX(h0) FROM ends WHERE ends.id = p.id),
           (SELECT MAX(h1) FROM ends WHERE ends.id = p.id)
    FROM per_day p GROUP BY p.id ORDER BY 2, 1
    """
    rows = conn.execute(sql, period(since, until, routine_id)).fetchall()
    return [ExerciseTotals(*row) for row in rows]


def exercises_done(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(id, latest name) of every exercise with at least one set done, by name."""
    rows = conn.execute(
        # DISTINCT over the (exercise_id, ended_at) index: no scan of the whole table.
        "SELECT id, (SELECT exercise_name FROM sets n WHERE n.exercise_id = ids.id"
        " ORDER BY ended_at DESC LIMIT 1) AS name FROM (SELECT DISTINCT exercise_id AS id"
        " FROM sets) ids WHERE EXISTS (SELECT 1 FROM sets d WHERE d.exercise_id = ids.id"
        " AND d.skipped = 0) ORDER BY name COLLATE NOCASE, id"
    ).fetchall()
    return [(str(i), str(n)) for i, n in rows]


def routines_done(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(id, latest name) of every routine with a session or a plan, by name."""
    rows = conn.execute(
        "SELECT id, COALESCE((SELECT routine_name FROM sessions s WHERE s.routine_id = ids.id"
        " ORDER BY started_at DESC LIMIT 1), id) AS name FROM"
        " (SELECT routine_id AS id FROM sessions UNION SELECT routine_id FROM plans) ids"
        " ORDER BY name COLLATE NOCASE, id"
    ).fetchall()
    return [(str(i), str(n)) for i, n in rows]
