"""Opening the history: pragmas, permissions, migrations from every earlier version."""

from __future__ import annotations

import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

from ptcoach.store.db import database_path, open_database
from ptcoach.store.errors import StoreError
from ptcoach.store.migrations import (
    MIGRATIONS,
    Migration,
    latest_version,
    migrate,
    statements,
    user_version,
)
from ptcoach.store.schema import APPLICATION_ID

FIXTURES = Path(__file__).parent / "store_fixtures"


def fixture_copy(name: str, dest_dir: Path) -> Path:
    dest_dir.mkdir(parents=True, exist_ok=True)
    dest = database_path(dest_dir)
    shutil.copyfile(FIXTURES / name, dest)
    return dest


def test_a_new_history_uses_wal_full_sync_foreign_keys_and_a_busy_timeout(data_dir: Path):
    conn = open_database(database_path(data_dir))
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert user_version(conn) == latest_version()
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_the_data_dir_is_created_0700_and_the_database_0600(data_dir: Path):
    open_database(database_path(data_dir)).close()
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE(database_path(data_dir).stat().st_mode) == 0o600


def test_the_schema_has_exactly_the_documented_tables_and_columns(data_dir: Path):
    conn = open_database(database_path(data_dir))
    cols = {
        t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})")]
        for t in ("sessions", "sets", "plans")
    }
    assert cols["sessions"] == [
        "id",
        "routine_id",
        "routine_name",
        "started_at",
        "local_date",
        "utc_offset_min",
        "ended_at",
        "status",
        "planned_sets",
        "plan_json",
        "pain_before",
        "pain",
        "effort",
        "note",
    ]
    assert cols["sets"] == [
        "id",
        "session_id",
        "phase_index",
        "exercise_id",
        "exercise_name",
        "set_number",
        "side",
        "target_reps",
        "target_hold_s",
        "reps",
        "hold_s",
        "skipped",
        "started_at",
        "ended_at",
        "camera_reps",  # version 2
        "form_flags",
    ]
    assert cols["plans"] == [
        "id",
        "routine_id",
        "start_date",
        "sessions_per_week",
        "weekdays",
        "remind_at",
        "created_at",
    ]


def test_an_empty_file_is_schema_version_zero_and_migrates_to_the_latest(data_dir: Path):
    path = fixture_copy("v0-empty.sqlite3", data_dir)
    notices: list[str] = []
    conn = open_database(path, notices=notices)
    assert user_version(conn) == latest_version()
    assert notices == []  # an empty file is a fresh history, nothing to report
    assert conn.execute("SELECT count(*) FROM sessions").fetchone()[0] == 0


def test_opening_twice_applies_no_migration_again(data_dir: Path):
    open_database(database_path(data_dir)).close()
    conn = open_database(database_path(data_dir))
    assert migrate(conn) == []


def test_the_v1_fixture_opens_with_its_data(data_dir: Path):
    conn = open_database(fixture_copy("v1-sample.sqlite3", data_dir))
    assert conn.execute("SELECT count(*) FROM sessions").fetchone()[0] == 14
    assert conn.execute("SELECT count(*) FROM sets").fetchone()[0] == 234


NEXT = latest_version() + 1
FUTURE = (
    *MIGRATIONS,
    Migration(
        NEXT,
        "add sessions.location",
        statements(
            "ALTER TABLE sessions ADD COLUMN location TEXT",
            "CREATE INDEX sessions_location ON sessions(location)",
        ),
    ),
)


@pytest.mark.parametrize("fixture", ["v0-empty.sqlite3", "v1-sample.sqlite3"])
def test_a_future_migration_applies_from_every_earlier_version(data_dir: Path, fixture):
    path = fixture_copy(fixture, data_dir)
    before = (
        sqlite3.connect(path)
        .execute("SELECT count(*) FROM sqlite_master WHERE name = 'sets'")
        .fetchone()[0]
    )
    rows_before = (
        sqlite3.connect(path).execute("SELECT count(*) FROM sets").fetchone()[0] if before else 0
    )
    conn = open_database(path, migrations=FUTURE)
    assert user_version(conn) == NEXT
    cols = [r[1] for r in conn.execute("PRAGMA table_info(sessions)")]
    assert cols[-1] == "location"
    assert conn.execute("SELECT count(*) FROM sets").fetchone()[0] == rows_before


def test_a_failing_migration_leaves_the_file_at_its_previous_version(data_dir: Path):
    path = fixture_copy("v1-sample.sqlite3", data_dir)
    broken = (
        *MIGRATIONS,
        Migration(
            NEXT,
            "half done",
            statements(
                "ALTER TABLE sessions ADD COLUMN location TEXT",
                "CREATE TABLE sets (x)",  # fails: the table exists
            ),
        ),
    )
    with pytest.raises(StoreError, match="already exists"):
        open_database(path, migrations=broken)
    conn = open_database(path)
    assert user_version(conn) == latest_version()  # the migrations before the broken one
    assert "location" not in [r[1] for r in conn.execute("PRAGMA table_info(sessions)")]
    assert conn.execute("SELECT count(*) FROM sets").fetchone()[0] == 234


def test_migrations_must_be_listed_in_rising_order(data_dir: Path):
    conn = open_database(database_path(data_dir))
    with pytest.raises(ValueError, match="rise"):
        migrate(conn, (MIGRATIONS[0], MIGRATIONS[0]))


def test_a_newer_schema_is_refused_and_left_untouched(data_dir: Path):
    path = fixture_copy("v1-sample.sqlite3", data_dir)
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA user_version = 7")
    raw.commit()
    raw.close()
    before = path.read_bytes()
    for read_only in (False, True):
        with pytest.raises(StoreError, match="made by a newer ptcoach"):
            open_database(path, read_only=read_only)
    assert path.read_bytes() == before
    assert sorted(p.name for p in data_dir.iterdir()) == ["history.sqlite3"]


def test_read_only_open_never_writes(data_dir: Path):
    path = database_path(data_dir)
    open_database(path).close()
    conn = open_database(path, read_only=True)
    with pytest.raises(sqlite3.OperationalError):
        conn.execute(
            "INSERT INTO plans (routine_id, start_date, created_at)"
            " VALUES ('x', '2026-01-01', '2026-01-01T00:00:00.000Z')"
        )


def test_read_only_open_of_a_missing_file_says_there_is_no_history(data_dir: Path):
    with pytest.raises(StoreError, match="no history yet"):
        open_database(database_path(data_dir), read_only=True)
    assert not data_dir.exists()
