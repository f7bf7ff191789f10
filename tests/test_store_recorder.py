"""The Recorder follows a real engine on a fake clock into a real SQLite file."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from helpers.run_sessions import fault_routine

from ptcoach.engine.clock import FakeClock
from ptcoach.engine.plan import PhaseKind, expand
from ptcoach.engine.session import Session, State
from ptcoach.store.db import database_path, open_database
from ptcoach.store.errors import StoreError
from ptcoach.store.recorder import Recorder, close_as_partial, resume_info
from ptcoach.store.sessions import Status, get_session

T0 = datetime(2026, 3, 29, 0, 30, tzinfo=UTC)  # the night Europe switches to summer time


@pytest.fixture
def conn(data_dir: Path) -> sqlite3.Connection:
    return open_database(database_path(data_dir))


def rig(conn, *, tz=None, session_id=None, plan=None):
    plan = plan or expand(fault_routine())
    clock = FakeClock(5000.0)
    start = clock.now
    recorder = Recorder(
        conn,
        plan,
        clock=clock,
        local_tz=tz,
        session_id=session_id,
        wall_clock=lambda: T0 + timedelta(seconds=clock.now - start),
    )
    return plan, clock, Session(plan, clock=clock), recorder


def run_to_end(session, clock, recorder, *, stop_after_sets=None):
    sets = 0
    while session.state is State.RUNNING:
        if stop_after_sets is not None and sets >= stop_after_sets:
            recorder.on_events(session.stop())
            break
        clock.advance(0.5)
        events = session.advance()
        sets += sum(1 for e in events if type(e).__name__ == "SetCompleted")
        recorder.on_events(events)


def test_a_session_row_is_written_the_moment_the_session_starts(conn):
    plan, _clock, session, recorder = rig(conn)
    recorder.on_events(session.start())
    row = get_session(conn, recorder.session_id)
    assert row.status is Status.IN_PROGRESS and row.ended_at is None
    assert row.started_at == "2026-03-29T00:30:00.000Z"
    assert row.planned_sets == len(plan.work_phases()) == 7
    assert json.loads(row.plan_json)["routine_id"] == "test"


def test_each_set_is_committed_and_visible_to_another_connection_at_once(conn, data_dir):
    _plan, clock, session, recorder = rig(conn)
    recorder.on_events(session.start())
    other = sqlite3.connect(database_path(data_dir))
    seen = []
    while session.state is State.RUNNING:
        clock.advance(0.5)
        for event in session.advance():
            recorder.on_events([event])
            if type(event).__name__ == "SetCompleted":
                seen.append(other.execute("SELECT count(*) FROM sets").fetchone()[0])
    assert seen == list(range(1, 8))


def test_a_finished_session_is_completed_with_what_was_done_and_when(conn):
    plan, clock, session, recorder = rig(conn)
    recorder.on_events(session.start())
    run_to_end(session, clock, recorder)
    row = get_session(conn, recorder.session_id)
    assert row.status is Status.COMPLETED and recorder.status is Status.COMPLETED
    assert [(s.exercise_id, s.set_number, s.side) for s in row.sets] == [
        ("clamshell", 1, "left"),
        ("clamshell", 1, "right"),
        ("clamshell", 2, "left"),
        ("clamshell", 2, "right"),
        ("wall-sit", 1, None),
        ("wall-sit", 2, None),
        ("foam-roll", 1, None),
    ]
    assert [s.reps for s in row.sets[:4]] == [3, 3, 3, 3]
    assert [s.hold_s for s in row.sets[4:]] == [8.0, 8.0, 8.0]  # foam roll: 2 areas x 4 s
    first_work = plan.work_phases()[0]
    assert row.sets[0].started_at == (T0 + timedelta(seconds=first_work.start_offset_s)).strftime(
        "%Y-%m-%dT%H:%M:%S.000Z"
    )
    assert row.ended_at == row.sets[-1].ended_at


def test_local_date_and_offset_come_from_the_runners_zone_at_the_start(conn):
    tz = timezone(timedelta(hours=-5))
    _, _, session, recorder = rig(conn, tz=tz)
    recorder.on_events(session.start())
    row = get_session(conn, recorder.session_id)
    assert (row.local_date, row.utc_offset_min) == ("2026-03-28", -300)


def test_a_stopped_session_with_some_sets_done_is_partial(conn):
    _, clock, session, recorder = rig(conn)
    recorder.on_events(session.start())
    run_to_end(session, clock, recorder, stop_after_sets=2)
    row = get_session(conn, recorder.session_id)
    assert row.status is Status.PARTIAL and [s.skipped for s in row.sets] == [False, False]


def test_stopping_in_the_middle_of_a_set_records_it_as_skipped_with_what_was_done(conn):
    _, clock, session, recorder = rig(conn)
    recorder.on_events(session.start())
    while not (session.phase.kind is PhaseKind.WORK and session.phase.set_number == 2):
        clock.advance(0.5)
        recorder.on_events(session.advance())
    clock.advance(2.5)  # one 2-second rep and a bit
    recorder.on_events(session.advance())
    recorder.on_events(session.stop())
    row = get_session(conn, recorder.session_id)
    assert row.status is Status.PARTIAL
    assert [(s.set_number, s.side, s.skipped, s.reps) for s in row.sets] == [
        (1, "left", False, 3),
        (1, "right", False, 3),
        (2, "left", True, 1),
    ]


def test_a_session_stopped_before_any_set_is_abandoned(conn):
    _, _, session, recorder = rig(conn)
    recorder.on_events(session.start())
    recorder.on_events(session.stop())
    assert get_session(conn, recorder.session_id).status is Status.ABANDONED


def test_a_skipped_set_makes_the_finished_session_partial(conn):
    _, clock, session, recorder = rig(conn)
    recorder.on_events(session.start())
    while session.phase.kind is not PhaseKind.WORK:
        clock.advance(0.5)
        recorder.on_events(session.advance())
    recorder.on_events(session.skip())
    run_to_end(session, clock, recorder)
    row = get_session(conn, recorder.session_id)
    assert row.status is Status.PARTIAL and row.sets[0].skipped and row.sets_done == 6


def test_a_set_redone_after_back_replaces_the_earlier_row(conn):
    _, clock, session, recorder = rig(conn)
    recorder.on_events(session.start())
    while True:
        clock.advance(0.5)
        events = session.advance()
        recorder.on_events(events)
        if any(type(e).__name__ == "SetCompleted" for e in events):
            break
    recorder.on_events(session.back())  # back to the set just done
    run_to_end(session, clock, recorder)
    row = get_session(conn, recorder.session_id)
    assert len(row.sets) == 7 and row.status is Status.COMPLETED


def test_resume_info_offers_the_next_work_phase_after_the_last_committed_set(conn):
    plan, clock, session, recorder = rig(conn)
    recorder.on_events(session.start())
    done = 0
    while done < 3:  # then the process "dies": nothing more happens
        clock.advance(0.5)
        events = session.advance()
        done += sum(1 for e in events if type(e).__name__ == "SetCompleted")
        recorder.on_events(events)
    info = resume_info(conn, lambda routine_id: fault_routine(routine_id))
    assert info is not None and info.can_resume
    assert info.session.id == recorder.session_id
    assert info.from_phase == plan.work_phases()[3].index
    assert (info.exercise_name, info.set_number, info.side) == ("Clamshell", 2, "right")


def test_a_resumed_session_continues_in_the_same_row_and_completes(conn):
    _plan, clock, session, recorder = rig(conn)
    recorder.on_events(session.start())
    while len(get_session(conn, recorder.session_id).sets) < 4:
        clock.advance(0.5)
        recorder.on_events(session.advance())
    info = resume_info(conn, fault_routine)
    _, clock2, _, recorder2 = rig(conn, session_id=info.session.id, plan=info.plan)
    session2 = Session(info.plan, clock=clock2)
    recorder2.on_events(session2.start(from_phase=info.from_phase))
    run_to_end(session2, clock2, recorder2)
    row = get_session(conn, info.session.id)
    assert row.status is Status.COMPLETED and len(row.sets) == 7
    assert resume_info(conn, fault_routine) is None
    assert conn.execute("SELECT count(*) FROM sessions").fetchone()[0] == 1


def test_a_session_whose_routine_is_gone_can_only_be_closed(conn):
    _, _clock, session, recorder = rig(conn)
    recorder.on_events(session.start())

    def missing(routine_id):
        raise KeyError(routine_id)

    info = resume_info(conn, missing)
    assert info is not None and not info.can_resume and "cannot be loaded" in info.problem


def test_close_as_partial_ends_the_session_where_its_last_set_ended(conn):
    _, clock, session, recorder = rig(conn)
    recorder.on_events(session.start())
    while len(get_session(conn, recorder.session_id).sets) < 2:
        clock.advance(0.5)
        recorder.on_events(session.advance())
    assert close_as_partial(conn, recorder.session_id) is Status.PARTIAL
    row = get_session(conn, recorder.session_id)
    assert row.status is Status.PARTIAL and row.ended_at == row.sets[-1].ended_at
    assert resume_info(conn, fault_routine) is None
    with pytest.raises(StoreError, match="not unfinished"):
        close_as_partial(conn, recorder.session_id)


def test_a_full_disk_raises_a_clear_error_and_the_set_is_written_once_there_is_room(conn):
    _, clock, session, recorder = rig(conn)
    recorder.on_events(session.start())
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 2}")
    for size in (500, 50, 1):  # use up every free page, then every byte on the last ones
        with pytest.raises(sqlite3.OperationalError, match="full"):
            for i in range(10_000):
                conn.execute(
                    "INSERT INTO sets (session_id, phase_index, exercise_id, exercise_name,"
                    " set_number, started_at, ended_at) VALUES (?, ?, 'filler', ?, 1, '', '')",
                    (recorder.session_id, -1 - i - 100_000 * size, "x" * size),
                )
    with pytest.raises(StoreError, match="full") as failure:
        run_to_end(session, clock, recorder)
    assert "safe" in str(failure.value) and recorder.pending >= 1
    conn.execute("PRAGMA max_page_count = 1000000")
    conn.execute("DELETE FROM sets WHERE exercise_id = 'filler'")
    recorder.flush()
    assert recorder.pending == 0
    run_to_end(session, clock, recorder)
    assert get_session(conn, recorder.session_id).status is Status.COMPLETED


def test_resume_rebuilds_a_built_in_routine_through_the_catalogue(conn, data_dir):
    from ptcoach.catalog.catalog import Catalog
    from ptcoach.store.recorder import catalog_lookup

    routine = Catalog.load(data_dir).routine("runners-knee")
    plan = expand(routine, lead_in_s=3.0)
    _, clock, session, recorder = rig(conn, plan=plan)
    recorder = Recorder(conn, plan, clock=clock, lead_in_s=3.0)
    recorder.on_events(session.start())
    while len(get_session(conn, recorder.session_id).sets) < 2:
        clock.advance(0.5)
        events = session.mark_rep() if session.segment.duration_s is None else session.advance()
        recorder.on_events(events)
    info = resume_info(conn, catalog_lookup(data_dir))
    assert info is not None and info.can_resume and info.lead_in_s == 3.0
    assert info.plan.phases == plan.phases
    assert info.from_phase == plan.work_phases()[2].index
