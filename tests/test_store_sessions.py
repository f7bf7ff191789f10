"""Repository functions: date ranges, last done per routine, ratings; and backups."""

from __future__ import annotations

import sqlite3
import stat
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from ptcoach.store.backups import backups_dir, daily_backup, list_backups, restore_from
from ptcoach.store.db import database_path, open_database
from ptcoach.store.errors import StoreError
from ptcoach.store.sessions import (
    SetRow,
    Status,
    end_session,
    get_session,
    insert_session,
    last_done_by_routine,
    list_sessions,
    set_pain_before,
    set_ratings,
    upsert_set,
)


@pytest.fixture
def conn(data_dir: Path) -> sqlite3.Connection:
    return open_database(database_path(data_dir))


def add(conn, routine_id: str, day: str, *, done: int = 1, planned: int = 2) -> int:
    sid = insert_session(
        conn,
        routine_id=routine_id,
        routine_name=routine_id.title(),
        started_at=f"{day}T07:00:00.000Z",
        local_date=day,
        utc_offset_min=60,
        planned_sets=planned,
        plan_json="{}",
    )
    for i in range(done):
        upsert_set(
            conn,
            sid,
            SetRow(
                i,
                "clamshell",
                "Clamshell",
                1,
                "left",
                15,
                None,
                15,
                None,
                False,
                f"{day}T07:01:00.000Z",
                f"{day}T07:0{2 + i}:00.000Z",
            ),
        )
    end_session(conn, sid, f"{day}T07:10:00.000Z")
    return sid


def test_list_sessions_keeps_to_the_local_date_range_inclusive(conn):
    for day in ("2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04"):
        add(conn, "knee", day)
    got = list_sessions(conn, date(2026, 1, 2), date(2026, 1, 3))
    assert [s.local_date for s in got] == ["2026-01-02", "2026-01-03"]
    assert all(len(s.sets) == 1 for s in got)


def test_status_follows_the_sets_done_against_the_plan(conn):
    ids = [add(conn, "knee", "2026-01-01", done=n) for n in (2, 1, 0)]
    assert [get_session(conn, i).status for i in ids] == [
        Status.COMPLETED,
        Status.PARTIAL,
        Status.ABANDONED,
    ]


def test_last_done_by_routine_ignores_abandoned_and_unfinished_sessions(conn):
    add(conn, "knee", "2026-01-01")
    add(conn, "knee", "2026-01-05", done=0)
    add(conn, "hips", "2026-01-03", done=2)
    insert_session(
        conn,
        routine_id="hips",
        routine_name="Hips",
        planned_sets=1,
        started_at="2026-01-09T07:00:00.000Z",
        local_date="2026-01-09",
        utc_offset_min=0,
        plan_json="{}",
    )
    assert last_done_by_routine(conn) == {
        "knee": datetime(2026, 1, 1, 7, tzinfo=UTC),
        "hips": datetime(2026, 1, 3, 7, tzinfo=UTC),
    }


def test_ratings_are_stored_and_out_of_range_values_refused(conn):
    sid = add(conn, "knee", "2026-01-01")
    set_pain_before(conn, sid, 3)
    set_ratings(conn, sid, pain=2, effort=7, note="  Felt fine.  ")
    row = get_session(conn, sid)
    assert (row.pain_before, row.pain, row.effort, row.note) == (3, 2, 7, "Felt fine.")
    with pytest.raises(ValueError, match="0 to 10"):
        set_ratings(conn, sid, pain=11, effort=1)
    assert get_session(conn, sid).pain == 2


def test_daily_backups_are_one_per_day_private_and_only_the_last_seven_kept(conn, data_dir):
    add(conn, "knee", "2026-01-01")
    for day in range(1, 11):
        daily_backup(conn, data_dir, today=date(2026, 1, day))
    assert daily_backup(conn, data_dir, today=date(2026, 1, 10)) is None  # already made
    names = [p.name for p in list_backups(backups_dir(data_dir))]
    assert names == [f"history-2026-01-{d:02d}.sqlite3" for d in range(10, 3, -1)]
    newest = list_backups(backups_dir(data_dir))[0]
    assert stat.S_IMODE(newest.stat().st_mode) == 0o600
    copy = sqlite3.connect(newest)
    assert copy.execute("SELECT count(*) FROM sessions").fetchone()[0] == 1
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_restore_checks_the_file_and_keeps_the_current_history_aside(conn, data_dir, tmp_path):
    add(conn, "knee", "2026-01-01")
    daily_backup(conn, data_dir, today=date(2026, 1, 1))
    add(conn, "knee", "2026-01-02")
    conn.close()
    kept = restore_from(data_dir, backups_dir(data_dir) / "history-2026-01-01.sqlite3")
    assert kept is not None and kept.name.startswith("history.sqlite3.before-restore-")
    assert len(list_sessions(open_database(kept, read_only=True))) == 2
    assert len(list_sessions(open_database(database_path(data_dir)))) == 1


def test_restore_refuses_a_file_that_is_not_a_history_and_changes_nothing(conn, data_dir, tmp_path):
    add(conn, "knee", "2026-01-01")
    conn.close()
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"hello")
    with pytest.raises(StoreError, match="not a usable ptcoach history"):
        restore_from(data_dir, bad)
    with pytest.raises(StoreError, match="does not exist"):
        restore_from(data_dir, tmp_path / "nope.sqlite3")
    assert len(list_sessions(open_database(database_path(data_dir)))) == 1
    assert not list(data_dir.glob("*before-restore*"))


def test_open_history_makes_todays_backup_and_reports_nothing_when_all_is_well(data_dir):
    from ptcoach.store.db import open_history

    conn, notices = open_history(data_dir)
    assert notices == []
    assert [p.name for p in list_backups(backups_dir(data_dir))] == [
        f"history-{date.today().isoformat()}.sqlite3"
    ]
    conn.close()
