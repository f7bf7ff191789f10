"""Builds small, exact histories in a real history database for the adherence, progress and
report tests (this module holds no tests itself)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from ptcoach.store.db import open_database
from ptcoach.store.timefmt import to_iso


@dataclass(frozen=True)
class SetRow:
    exercise_id: str = "clamshell"
    reps: int | None = 15
    hold_s: float | None = None
    skipped: bool = False
    side: str | None = None


class History:
    """Writes sessions and sets as the recorder would, but with every field under control."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.conn: sqlite3.Connection = open_database(path)

    def session(
        self,
        local_date: str,
        *,
        routine: str = "knee",
        planned_sets: int = 4,
        done: int | None = None,
        skipped: int = 0,
        sets: Sequence[SetRow] = (),
        status: str | None = None,
        local_time: str = "07:30",
        offset_min: int = 0,
        pain: int | None = None,
        pain_before: int | None = None,
        effort: int | None = None,
    ) -> int:
        """One session on `local_date` (local time `local_time` at `offset_min` from UTC).

        Without `sets`, `done` clamshell sets (default: all planned) and `skipped` skipped ones.
        """
        if not sets:
            count = planned_sets if done is None else done
            sets = [SetRow()] * count + [SetRow(skipped=True)] * skipped
        local = datetime.fromisoformat(f"{local_date}T{local_time}")
        start = local - timedelta(minutes=offset_min)  # UTC wall time
        done_count = sum(not s.skipped for s in sets)
        if status is None:
            status = "completed" if done_count >= planned_sets else "partial"
        end = start + timedelta(minutes=2 * len(sets) + 1)
        cur = self.conn.execute(
            "INSERT INTO sessions (routine_id, routine_name, started_at, local_date,"
            " utc_offset_min, ended_at, status, planned_sets, plan_json, pain_before, pain,"
            " effort) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                routine,
                routine.replace("-", " ").title(),
                to_iso(start),
                local_date,
                offset_min,
                to_iso(end),
                status,
                planned_sets,
                json.dumps({"routine_id": routine}),
                pain_before,
                pain,
                effort,
            ),
        )
        session_id = int(cur.lastrowid or 0)
        for index, row in enumerate(sets):
            at = start + timedelta(minutes=2 * index)
            self.conn.execute(
                "INSERT INTO sets (session_id, phase_index, exercise_id, exercise_name,"
                " set_number, side, target_reps, target_hold_s, reps, hold_s, skipped,"
                " started_at, ended_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    session_id,
                    index * 2 + 1,
                    row.exercise_id,
                    row.exercise_id.replace("-", " ").capitalize(),
                    index + 1,
                    row.side,
                    row.reps,
                    row.hold_s,
                    None if row.skipped else row.reps,
                    None if row.skipped else row.hold_s,
                    int(row.skipped),
                    to_iso(at),
                    to_iso(at + timedelta(minutes=1)),
                ),
            )
        return session_id

    def close(self) -> None:
        self.conn.close()


def day(text: str) -> date:
    return date.fromisoformat(text)
