"""Bad history files: each gets a clear message, and nothing is ever lost."""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from ptcoach.store.backups import backups_dir, daily_backup
from ptcoach.store.db import database_path, open_database
from ptcoach.store.errors import StoreError
from ptcoach.store.sessions import list_sessions

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "store_fixtures"


def make_history(data_dir: Path, days: int = 30) -> Path:
    """A real history made by scripts/gen_history.py, closed so it is one file."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = database_path(data_dir)
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "gen_history.py"),
            "--days",
            str(days),
            "--db",
            str(path),
            "--end",
            "2026-02-01",
            "--seed",
            "3",
        ],
        check=True,
        capture_output=True,
    )
    return path


def moved_aside(data_dir: Path, label: str) -> Path:
    found = sorted(
        p
        for p in data_dir.glob(f"history.sqlite3.{label}-*")
        if not p.name.endswith(("-wal", "-shm"))
    )
    assert len(found) == 1, sorted(p.name for p in data_dir.iterdir())
    return found[0]


def test_an_empty_file_opens_as_a_new_history(data_dir: Path):
    data_dir.mkdir()
    database_path(data_dir).write_bytes(b"")
    notices: list[str] = []
    conn = open_database(database_path(data_dir), notices=notices)
    assert notices == [] and list_sessions(conn) == []


def test_a_truncated_file_is_moved_aside_and_the_latest_backup_restored(data_dir: Path):
    path = make_history(data_dir)
    conn = open_database(path)
    daily_backup(conn, data_dir, today=date(2026, 1, 31))
    sessions_in_backup = len(list_sessions(conn))
    conn.close()
    size = path.stat().st_size
    with path.open("r+b") as f:
        f.truncate(size // 2)
    damaged = path.read_bytes()
    notices: list[str] = []
    conn = open_database(path, notices=notices)
    aside = moved_aside(data_dir, "corrupt")
    assert aside.read_bytes() == damaged  # kept exactly as it was
    assert len(notices) == 1
    assert "is damaged" in notices[0] and str(aside) in notices[0]
    assert "history-2026-01-31.sqlite3" in notices[0] and "nothing was deleted" in notices[0]
    assert len(list_sessions(conn)) == sessions_in_backup
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_random_bytes_are_moved_aside_and_a_new_history_started(data_dir: Path):
    data_dir.mkdir()
    junk = random.Random(5).randbytes(50_000)
    database_path(data_dir).write_bytes(junk)
    notices: list[str] = []
    conn = open_database(database_path(data_dir), notices=notices)
    aside = moved_aside(data_dir, "not-ptcoach")
    assert aside.read_bytes() == junk
    assert "not a ptcoach history" in notices[0] and "not an SQLite database" in notices[0]
    assert "No good backup was found" in notices[0]
    assert list_sessions(conn) == []


def test_another_applications_database_is_moved_aside_untouched(data_dir: Path):
    data_dir.mkdir()
    shutil.copyfile(FIXTURES / "other-app.sqlite3", database_path(data_dir))
    original = database_path(data_dir).read_bytes()
    notices: list[str] = []
    open_database(database_path(data_dir), notices=notices)
    aside = moved_aside(data_dir, "not-ptcoach")
    assert aside.read_bytes() == original
    assert "moz_bookmarks" in notices[0] and str(aside) in notices[0]


def test_a_damaged_backup_is_passed_over_for_an_older_good_one(data_dir: Path):
    path = make_history(data_dir)
    conn = open_database(path)
    daily_backup(conn, data_dir, today=date(2026, 1, 30))
    conn.close()
    (backups_dir(data_dir) / "history-2026-01-31.sqlite3").write_bytes(b"garbage" * 100)
    path.write_bytes(b"not a database at all")
    notices: list[str] = []
    conn = open_database(path, notices=notices)
    assert "history-2026-01-30.sqlite3" in notices[0]
    assert len(list_sessions(conn)) > 20


def test_the_read_only_history_command_reports_a_damaged_file_without_moving_it(data_dir):
    data_dir.mkdir()
    database_path(data_dir).write_bytes(b"SQLite format 3\x00" + b"\x07" * 4000)
    with pytest.raises(StoreError, match="cannot be read"):
        open_database(database_path(data_dir), read_only=True)
    assert sorted(p.name for p in data_dir.iterdir()) == ["history.sqlite3"]


@contextlib.contextmanager
def mounted(kind: str, target: Path, options: str):
    """A real mount (root only); skips the test where mounting is not allowed."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("needs root to mount a file system")
    target.mkdir(parents=True, exist_ok=True)
    args = (
        ["mount", "--bind", "-o", options, str(target), str(target)]
        if kind == "bind"
        else ["mount", "-t", kind, "-o", options, kind, str(target)]
    )
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount here: {done.stderr.strip()}")
    try:
        yield target
    finally:
        subprocess.run(["umount", str(target)], check=True)


def read_only_dir(data_dir: Path):
    if os.geteuid() != 0:  # an ordinary user: permissions are enough
        os.chmod(data_dir, 0o500)
        return contextlib.nullcontext(data_dir)
    return mounted("bind", data_dir, "ro")


def test_a_read_only_data_dir_gives_a_clear_message_and_loses_nothing(data_dir: Path):
    path = make_history(data_dir)
    before = path.read_bytes()
    with read_only_dir(data_dir):
        with pytest.raises(StoreError, match="read-only") as failure:
            open_database(path)
        assert "chmod" in str(failure.value) and "--data-dir" in str(failure.value)
        conn = open_database(path, read_only=True)  # reading still works
        assert len(list_sessions(conn)) > 20
        conn.close()
    os.chmod(data_dir, 0o700)
    assert path.read_bytes() == before


def test_a_new_history_in_a_read_only_folder_is_refused_clearly(data_dir: Path):
    data_dir.mkdir()
    with read_only_dir(data_dir), pytest.raises(StoreError, match="read-only"):
        open_database(database_path(data_dir))
    os.chmod(data_dir, 0o700)
    assert list(data_dir.iterdir()) == []


def test_a_full_disk_when_creating_the_history_gives_a_clear_message(tmp_path: Path):
    with mounted("tmpfs", tmp_path / "small", "size=64k") as disk:
        with contextlib.suppress(OSError), (disk / "filler").open("wb") as f:
            f.write(b"\0" * 200_000)
        with pytest.raises(StoreError, match="is full") as failure:
            open_database(database_path(disk))
        assert "Free some space" in str(failure.value)
