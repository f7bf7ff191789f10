"""Repository functions for sessions and their sets: write as a session runs, read for the
history command and the progress views, and record the runner's pain and effort ratings."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from ptcoach.store.timefmt import from_iso


class Status(StrEnum):
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    PARTIAL = "partial"
    ABANDONED = "abandoned"


@dataclass(frozen=True)
class SetRow:
    phase_index: int
    exercise_id: str
    exercise_name: str
    set_number: int
    side: str | None  # "left", "right" or None
    target_reps: int | None
    target_hold_s: float | None
    reps: int | None
    hold_s: float | None
    skipped: bool
    started_at: str  # UTC ISO 8601, e.g. 2026-11-27T07:30:00.000Z
    ended_at: str
    camera_reps: int | None = None  # reps the camera counted; None: it did not count
    form_flags: str | None = None  # form cue ids, comma-separated; None: the camera was off


@dataclass(frozen=True)
class SessionRow:
    id: int
    routine_id: str
    routine_name: str
    started_at: str
    local_date: str
    utc_offset_min: int
    ended_at: str | None
    status: Status
    planned_sets: int
    plan_json: str
    pain_before: int | None
    pain: int | None
    effort: int | None
    note: str | None
    sets: tuple[SetRow, ...] = ()

    @property
    def sets_done(self) -> int:
        return sum(1 for s in self.sets if not s.skipped)


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction, committed on exit (the connection is in autocommit mode)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:  # SQLite already rolled back after e.g. SQLITE_FULL
            conn.execute("ROLLBACK")
        raise


def insert_session(
    conn: sqlite3.Connection,
    *,
    routine_id: str,
    routine_name: str,
    started_at: str,
    local_date: str,
    utc_offset_min: int,
    planned_sets: int,
    plan_json: str,
    pain_before: int | None = None,
) -> int:
    with transaction(conn):
        cur = conn.execute(
            "INSERT INTO sessions (routine_id, routine_name, started_at, local_date,"
            " utc_offset_min, planned_sets, plan_json, pain_before)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                routine_id,
                routine_name,
                started_at,
                local_date,
                utc_offset_min,
                planned_sets,
                plan_json,
                _rating(pain_before, "pain before"),
            ),
        )
    assert cur.lastrowid is not None
    return int(cur.lastrowid)


_UPSERT_SET = (
    "INSERT INTO sets (session_id, phase_index, exercise_id, exercise_name, set_number, side,"
    " target_reps, target_hold_s, reps, hold_s, skipped, started_at, ended_at, camera_reps,"
    " form_flags)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (session_id, phase_index) DO UPDATE SET"
    " exercise_id = excluded.exercise_id, exercise_name = excluded.exercise_name,"
    " set_number = excluded.set_number, side = excluded.side,"
    " target_reps = excluded.target_reps, target_hold_s = excluded.target_hold_s,"
    " reps = excluded.reps, hold_s = excluded.hold_s, skipped = excluded.skipped,"
    " started_at = excluded.started_at, ended_at = excluded.ended_at,"
    " camera_reps = excluded.camera_reps, form_flags = excluded.form_flags"
)


def set_params(session_id: int, row: SetRow) -> tuple[object, ...]:
    return (
        session_id,
        row.phase_index,
        row.exercise_id,
        row.exercise_name,
        row.set_number,
        row.side,
        row.target_reps,
        row.target_hold_s,
        row.reps,
        row.hold_s,
        int(row.skipped),
        row.started_at,
        row.ended_at,
        row.camera_reps,
        row.form_flags,
    )


def upsert_set(conn: sqlite3.Connection, session_id: int, row: SetRow) -> None:
    """Store one set (a redone set replaces the earlier row) and commit it at once."""
    with transaction(conn):
        conn.execute(_UPSERT_SET, set_params(session_id, row))


def status_of(conn: sqlite3.Connection, session_id: int) -> Status:
    """completed when every planned set is done unskipped, partial when some, else abandoned."""
    planned = conn.execute(
        "SELECT planned_sets FROM sessions WHERE id = ?", (session_id,)
    ).fetchone()
    if planned is None:
        raise KeyError(f"no session {session_id}")
    done = int(
        conn.execute(
            "SELECT count(*) FROM sets WHERE session_id = ? AND skipped = 0", (session_id,)
        ).fetchone()[0]
    )
    if done >= int(planned[0]):
        return Status.COMPLETED
    return Status.PARTIAL if done > 0 else Status.ABANDONED


def end_session(
    conn: sqlite3.Connection, session_id: int, ended_at: str, status: Status | None = None
) -> Status:
    with transaction(conn):
        final = status or status_of(conn, session_id)
        conn.execute(
            "UPDATE sessions SET ended_at = ?, status = ? WHERE id = ?",
            (ended_at, final.value, session_id),
        )
    return final


def set_ratings(
    conn: sqlite3.Connection,
    session_id: int,
    *,
    pain: int | None,
    effort: int | None,
    note: str | None = None,
) -> None:
    """Pain and effort after the session (0-10 each) and an optional note."""
    note = (note or "").strip() or None
    with transaction(conn):
        conn.execute(
            "UPDATE sessions SET pain = ?, effort = ?, note = ? WHERE id = ?",
            (_rating(pain, "pain"), _rating(effort, "effort"), note, session_id),
        )


def set_pain_before(conn: sqlite3.Connection, session_id: int, pain_before: int | None) -> None:
    with transaction(conn):
        conn.execute(
            "UPDATE sessions SET pain_before = ? WHERE id = ?",
            (_rating(pain_before, "pain before"), session_id),
        )


def _rating(value: int | None, what: str) -> int | None:
    if value is not None and not (isinstance(value, int) and 0 <= value <= 10):
        raise ValueError(f"{what} must be a whole number from 0 to 10, not {value!r}")
    return value


_SESSION_COLUMNS = (
    "id, routine_id, routine_name, started_at, local_date, utc_offset_min, ended_at, status,"
    " planned_sets, plan_json, pain_before, pain, effort, note"
)
_SET_COLUMNS = (
    "session_id, phase_index, exercise_id, exercise_name, set_number, side, target_reps,"
    " target_hold_s, reps, hold_s, skipped, started_at, ended_at, camera_reps, form_flags"
)


def list_sessions(
    conn: sqlite3.Connection,
    since: date | None = None,
    until: date | None = None,
    *,
    status: Status | None = None,
) -> list[SessionRow]:
    """Sessions whose local start date lies in [since, until], oldest first, with their sets
    in the order they were done."""
    where, params = ["1"], []
    if since is not None:
        where.append("local_date >= ?")
        params.append(since.isoformat())
    if until is not None:
        where.append("local_date <= ?")
        params.append(until.isoformat())
    if status is not None:
        where.append("status = ?")
        params.append(status.value)
    cond = " AND ".join(where)
    sets: dict[int, list[SetRow]] = {}
    for r in conn.execute(
        f"SELECT {_SET_COLUMNS} FROM sets WHERE session_id IN"
        f" (SELECT id FROM sessions WHERE {cond}) ORDER BY session_id, phase_index",
        params,
    ):
        sets.setdefault(int(r[0]), []).append(
            SetRow(
                phase_index=r[1],
                exercise_id=r[2],
                exercise_name=r[3],
                set_number=r[4],
                side=r[5],
                target_reps=r[6],
                target_hold_s=r[7],
                reps=r[8],
                hold_s=r[9],
                skipped=bool(r[10]),
                started_at=r[11],
                ended_at=r[12],
                camera_reps=r[13],
                form_flags=r[14],
            )
        )
    return [
        SessionRow(
            id=r[0],
            routine_id=r[1],
            routine_name=r[2],
            started_at=r[3],
            local_date=r[4],
            utc_offset_min=r[5],
            ended_at=r[6],
            status=Status(r[7]),
            planned_sets=r[8],
            plan_json=r[9],
            pain_before=r[10],
            pain=r[11],
            effort=r[12],
            note=r[13],
            sets=tuple(sets.get(int(r[0]), ())),
        )
        for r in conn.execute(
            f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE {cond} ORDER BY started_at, id", params
        )
    ]


def get_session(conn: sqlite3.Connection, session_id: int) -> SessionRow | None:
    row = conn.execute("SELECT local_date FROM sessions WHERE id = ?", (session_id,)).fetchone()
    if row is None:
        return None
    day = date.fromisoformat(str(row[0]))
    return next((s for s in list_sessions(conn, day, day) if s.id == session_id), None)


def last_done_by_routine(conn: sqlite3.Connection) -> dict[str, datetime]:
    """When each routine was last done (completed or partial), as aware UTC datetimes."""
    rows = conn.execute(
        "SELECT routine_id, max(started_at) FROM sessions"
        " WHERE status IN ('completed', 'partial') GROUP BY routine_id"
    )
    return {str(r[0]): from_iso(str(r[1])) for r in rows}
