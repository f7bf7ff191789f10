"""The fault-test child: runs sessions at high speed through the Recorder into a database and
announces each step on stdout *after* it is committed (or, for ENDING/STARTING, before it is
attempted), so a parent that kills it with SIGKILL knows what must be in the file.

    python tests/helpers/run_sessions.py --db PATH [--seed N] [--sessions N]

Lines: `STARTING`, `START <id>`, `SET <id> <phase_index> <skipped 0|1>`, `ENDING <id>`,
`END <id> <status>`. `--sessions 0` (the default) runs until killed.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for factories
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the source tree

from factories import exercise, routine

from ptcoach.catalog.model import Kind, Routine, Targets
from ptcoach.engine.clock import FakeClock
from ptcoach.engine.events import SessionCompleted, SessionStarted, SetCompleted, Stopped
from ptcoach.engine.plan import expand
from ptcoach.engine.session import Session, State
from ptcoach.store.db import open_database
from ptcoach.store.recorder import Recorder


def fault_routine(routine_id: str = "test") -> Routine:
    """A short routine with every shape of set: per-side reps, a hold, body areas."""
    return routine(
        (
            exercise("clamshell", per_side=True, tempo=(("lift", 1.0), ("lower", 1.0))),
            Targets(sets=2, reps=3, rest_s=5),
        ),
        (exercise("wall-sit", Kind.HOLD), Targets(sets=2, hold_s=8, rest_s=5)),
        (
            exercise("foam-roll", Kind.AREAS, areas=("calf", "quad")),
            Targets(sets=1, hold_s=4, rest_s=0),
        ),
        lead_in_s=2,
        rest_between_exercises_s=3,
    )


def record_sets(conn: sqlite3.Connection, count: int) -> tuple[Session, Recorder]:
    """Run the fault routine on a fake clock until `count` sets are committed, then stop
    feeding the recorder (as a crash would); the session is still running."""
    plan = expand(fault_routine())
    clock = FakeClock()
    session = Session(plan, clock=clock)
    recorder = Recorder(conn, plan, clock=clock)
    recorder.on_events(session.start())
    while (
        conn.execute(
            "SELECT COUNT(*) FROM sets WHERE session_id = ?", (recorder.session_id,)
        ).fetchone()[0]
        < count
    ):
        clock.advance(0.5)
        recorder.on_events(session.advance())
    return session, recorder


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()  # the parent must see it before we can possibly be killed


def run_one(conn: sqlite3.Connection, rng: random.Random) -> None:
    plan = expand(fault_routine())
    clock = FakeClock()
    session = Session(plan, clock=clock)
    recorder = Recorder(conn, plan, clock=clock)
    say("STARTING")
    events = session.start()
    stop_after = rng.random() < 0.2  # one session in five is stopped part-way
    while True:
        for event in events:
            if isinstance(event, SessionCompleted | Stopped):
                say(f"ENDING {recorder.session_id}")
            recorder.on_events([event])
            if isinstance(event, SessionStarted):
                say(f"START {recorder.session_id}")
            if isinstance(event, SetCompleted):
                r = event.record
                say(f"SET {recorder.session_id} {r.phase_index} {int(r.skipped)}")
        if session.state in (State.FINISHED, State.STOPPED):
            say(f"END {recorder.session_id} {recorder.status}")
            return
        roll = rng.random()
        if roll < 0.02:
            events = session.skip()
        elif roll < 0.03:
            events = session.back()
        elif stop_after and roll < 0.04:
            events = session.stop()
        elif session.segment is not None and session.segment.duration_s is None:
            events = session.mark_rep()
        else:
            clock.advance(rng.uniform(0.2, 1.5))
            events = session.advance()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--sessions", type=int, default=0)
    args = p.parse_args(argv)
    rng = random.Random(args.seed)
    conn = open_database(args.db)
    n = 0
    while args.sessions == 0 or n < args.sessions:
        run_one(conn, rng)
        n += 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
