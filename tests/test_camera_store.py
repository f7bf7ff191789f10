"""The history keeps what the camera saw in each set: schema version 2 (camera_reps,
form_flags), migrated from every earlier version, written by the Recorder directly and
through the HistoryWriter's durable queue, shown by `ptcoach history`."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.run_sessions import fault_routine

from ptcoach.engine.clock import FakeClock
from ptcoach.engine.plan import PhaseKind, expand
from ptcoach.engine.session import Session, State
from ptcoach.store.db import database_path, open_database
from ptcoach.store.migrations import latest_version, user_version
from ptcoach.store.recorder import Recorder
from ptcoach.store.sessions import SetRow, list_sessions
from ptcoach.store.writer import HistoryWriter, set_op

FIXTURES = Path(__file__).parent / "store_fixtures"
pytestmark = pytest.mark.unit


@pytest.mark.parametrize("fixture", ["v0-empty.sqlite3", "v1-sample.sqlite3"])
def test_every_earlier_version_migrates_keeping_its_sets_with_no_camera_data(data_dir, fixture):
    path = database_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(FIXTURES / fixture, path)
    before = sqlite3.connect(path)
    had = before.execute("SELECT name FROM sqlite_master WHERE name = 'sets'").fetchone()
    old_sets = before.execute("SELECT * FROM sets ORDER BY id").fetchall() if had else []
    before.close()
    conn = open_database(path)
    assert user_version(conn) == latest_version() == 2
    rows = conn.execute("SELECT * FROM sets ORDER BY id").fetchall()
    assert [r[:-2] for r in rows] == old_sets  # every set kept as it was
    assert all(r[-2:] == (None, None) for r in rows)  # the camera was never on for them
    if fixture.startswith("v1"):
        assert len(rows) == 234
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "UPDATE sets SET camera_reps = -1 WHERE id = (SELECT min(id) FROM sets)"
        ) if rows else conn.execute(
            "INSERT INTO sets (session_id, phase_index, exercise_id, exercise_name,"
            " set_number, started_at, ended_at, camera_reps) VALUES (1,0,'x','x',1,'a','b',-1)"
        )


def drive(recorder: Recorder, plan, clock: FakeClock, note) -> None:
    """Run the plan to its end, telling the recorder what the camera saw in each work set
    (note(phase) -> (reps, flags) or None) just before the set ends."""
    session = Session(plan, clock=clock)
    recorder.on_events(session.start())
    noted: set[int] = set()
    while session.state is State.RUNNING:
        phase = session.phase
        if phase is not None and phase.kind is PhaseKind.WORK and phase.index not in noted:
            noted.add(phase.index)
            seen = note(phase)
            if seen is not None:
                recorder.note_camera(phase.index, *seen)
        clock.advance(0.25)
        recorder.on_events(session.advance())


def camera_note(phase):
    if phase.exercise_id == "clamshell":
        return (phase.target_reps, ["pelvis-back"] if phase.set_number == 2 else [])
    if phase.exercise_id == "wall-sit":
        return (None, ["too-low"])
    return None  # foam rolling: the camera cannot see it


def check_stored(sets: list[SetRow]) -> None:
    for s in sets:
        if s.exercise_id == "clamshell":
            assert s.camera_reps == 3
            assert s.form_flags == ("pelvis-back" if s.set_number == 2 else "")
        elif s.exercise_id == "wall-sit":
            assert (s.camera_reps, s.form_flags) == (None, "too-low")
        else:
            assert (s.camera_reps, s.form_flags) == (None, None)


def test_the_recorder_stores_the_camera_count_and_flags_with_each_set(data_dir):
    conn = open_database(database_path(data_dir))
    plan = expand(fault_routine())
    clock = FakeClock(100.0)
    drive(Recorder(conn, plan, clock=clock), plan, clock, camera_note)
    (session,) = list_sessions(conn)
    assert len(session.sets) == 7  # clamshell 2 sets x 2 sides, wall sit 2, foam roll 1
    check_stored(list(session.sets))


def test_camera_data_goes_through_the_writers_durable_queue(data_dir):
    writer = HistoryWriter(data_dir, retry_s=0.05).start()
    try:
        plan = expand(fault_routine())
        clock = FakeClock(100.0)
        drive(Recorder(None, plan, clock=clock, writer=writer), plan, clock, camera_note)
        # An op queued by the version before (its set row has no camera fields) still applies.
        old = set_op("x", SetRow(0, "a", "A", 1, None, 1, None, 1, None, False, "s", "e"))
        del old["row"]["camera_reps"], old["row"]["form_flags"]
        assert SetRow(**old["row"]).camera_reps is None
        assert writer.wait_idle(20)
    finally:
        writer.close(2.0)
    out = subprocess.run(
        [sys.executable, "-m", "ptcoach", "--data-dir", str(data_dir), "history", "--format",
         "json"],
        capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    (session,) = json.loads(out.stdout)
    got = [(s["exercise"], s["set"], s["camera_reps"], s["form_flags"]) for s in session["sets"]]
    assert ("clamshell", 2, 3, ["pelvis-back"]) in got
    assert ("clamshell", 1, 3, []) in got
    assert ("wall-sit", 1, None, ["too-low"]) in got
    assert [g for g in got if g[0] == "foam-roll"] == [("foam-roll", 1, None, None)]
    text = subprocess.run(
        [sys.executable, "-m", "ptcoach", "--data-dir", str(data_dir), "history"],
        capture_output=True, text=True, timeout=60, check=True,
    ).stdout  # fmt: skip
    assert "camera 3  form: pelvis-back" in text
