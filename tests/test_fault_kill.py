"""SIGKILL at random moments while sessions are recorded: every set announced as committed
is in the file, the file is intact, and the next start offers to resume."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.run_sessions import fault_routine

from ptcoach.engine.clock import FakeClock
from ptcoach.engine.session import Session, State
from ptcoach.store.db import open_database
from ptcoach.store.recorder import Recorder, close_as_partial, resume_info
from ptcoach.store.sessions import Status, get_session

CHILD = Path(__file__).parent / "helpers" / "run_sessions.py"


def run_and_kill(db: Path, seed: int, lines_before_kill: int) -> list[str]:
    """Start the child, SIGKILL it after it has announced `lines_before_kill` lines, and
    return every line it announced (the pipe holds what it wrote before dying)."""
    child = subprocess.Popen(
        [sys.executable, str(CHILD), "--db", str(db), "--seed", str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    lines = []
    for _ in range(lines_before_kill):
        line = child.stdout.readline()
        if not line:
            break
        lines.append(line.strip())
    child.send_signal(signal.SIGKILL)
    # Read through the same buffered stream: communicate() would read the raw pipe and miss
    # what readline() already buffered.
    rest = child.stdout.read()
    err = child.stderr.read() if child.stderr else ""
    assert child.wait(timeout=30) == -signal.SIGKILL, err
    return lines + [x for x in rest.splitlines() if x]


def check_after_kill(db: Path, lines: list[str]) -> sqlite3.Connection:
    conn = open_database(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = {
        (int(r[0]), int(r[1]), int(r[2]))
        for r in conn.execute("SELECT session_id, phase_index, skipped FROM sets")
    }
    announced = [tuple(map(int, x.split()[1:])) for x in lines if x.startswith("SET ")]
    # A set redone after "back" replaces its row, so only each phase's last record counts.
    last = {(s, p): k for s, p, k in announced}
    missing = {(s, p, k) for (s, p), k in last.items()} - stored
    assert not missing, f"announced but not stored: {sorted(missing)[:5]}"
    info = resume_info(conn, fault_routine)
    unfinished = _unfinished(lines)
    if unfinished is not None:
        assert info is not None and info.session.id == unfinished, lines
        assert info.can_resume or info.problem == "every set was already recorded"
    elif lines and lines[-1].startswith("END "):
        assert info is None, lines
    return conn


def _unfinished(lines: list[str]) -> int | None:
    """The session the child was in the middle of, judging by what it announced."""
    current = None
    for line in lines:
        word, *rest = line.split()
        if word == "START":
            current = int(rest[0])
        elif word == "ENDING":
            current = None
    return current


@pytest.mark.slow
def test_sigkill_at_random_moments_never_loses_an_announced_set(tmp_path: Path):
    rng = random.Random(20261127)
    db = tmp_path / "history.sqlite3"
    kills = 0
    total_sets = 0
    for round_no in range(12):
        lines = run_and_kill(db, seed=round_no, lines_before_kill=rng.randint(1, 60))
        conn = check_after_kill(db, lines)
        total_sets += sum(1 for x in lines if x.startswith("SET "))
        info = resume_info(conn, fault_routine)
        if info is not None:  # as the runner would on the next start
            close_as_partial(conn, info.session.id)
        conn.close()
        kills += 1
    assert kills >= 10 and total_sets > 0


def test_a_killed_session_can_be_resumed_to_the_end(tmp_path: Path):
    db = tmp_path / "history.sqlite3"
    lines = run_and_kill(db, seed=99, lines_before_kill=6)  # STARTING, START, a few sets
    conn = check_after_kill(db, lines)
    info = resume_info(conn, fault_routine)
    assert info is not None and info.can_resume
    clock = FakeClock()
    session = Session(info.plan, clock=clock)
    recorder = Recorder(conn, info.plan, clock=clock, session_id=info.session.id)
    recorder.on_events(session.start(from_phase=info.from_phase))
    while session.state is State.RUNNING:
        clock.advance(0.5)
        recorder.on_events(
            session.mark_rep() if session.segment.duration_s is None else session.advance()
        )
    row = get_session(conn, info.session.id)
    assert row.status in (Status.COMPLETED, Status.PARTIAL)
    assert len({s.phase_index for s in row.sets}) == row.planned_sets
    assert resume_info(conn, fault_routine) is None
