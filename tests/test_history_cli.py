"""`ptcoach history`, `backup` and `restore`, run as the real command in a subprocess."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from ptcoach.engine.session import State
from ptcoach.store.db import database_path, open_database

ROOT = Path(__file__).resolve().parents[1]


def ptcoach(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ptcoach", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


def generate(data_dir: Path, days: int = 20) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "gen_history.py"),
            "--days",
            str(days),
            "--end",
            "2026-03-20",
            "--seed",
            "2",
            "--db",
            str(database_path(data_dir)),
        ],
        check=True,
        capture_output=True,
    )


def test_no_database_yet_is_an_empty_history_not_an_error(data_dir: Path):
    assert ptcoach(data_dir, "history", "--format", "json").stdout.strip() == "[]"
    text = ptcoach(data_dir, "history")
    assert text.returncode == 0 and "No sessions recorded yet" in text.stdout
    assert not data_dir.exists()  # reading creates nothing


def test_json_lists_sessions_with_their_sets_in_the_documented_shape(data_dir: Path):
    generate(data_dir)
    out = ptcoach(
        data_dir, "history", "--format", "json", "--since", "2026-03-10", "--until", "2026-03-12"
    )
    sessions = json.loads(out.stdout)
    assert sessions and {s["started_at"][:10] for s in sessions} <= {
        "2026-03-09",
        "2026-03-10",
        "2026-03-11",
        "2026-03-12",
    }
    for s in sessions:
        assert {
            "id",
            "routine",
            "started_at",
            "ended_at",
            "status",
            "pain",
            "effort",
            "sets",
        } <= set(s)
        assert s["status"] in ("completed", "partial", "abandoned", "in_progress")
        for x in s["sets"]:
            assert {"exercise", "set", "side", "reps", "hold_s", "skipped", "ended_at"} <= set(x)
            assert x["side"] in ("left", "right", None) and isinstance(x["skipped"], bool)


def test_csv_has_one_row_per_set(data_dir: Path):
    generate(data_dir, days=3)
    rows = list(csv.DictReader(io.StringIO(ptcoach(data_dir, "history", "--format", "csv").stdout)))
    conn = open_database(database_path(data_dir), read_only=True)
    assert len(rows) == conn.execute("SELECT count(*) FROM sets").fetchone()[0]
    assert rows[0]["exercise"] == "clamshell" and rows[0]["side"] == "left"


def test_text_shows_each_session_and_its_sets(data_dir: Path):
    generate(data_dir, days=2)
    out = ptcoach(data_dir, "history").stdout
    assert "Runner's knee" in out and "Wall sit set 1" in out and "Clamshell set 1 left" in out


@pytest.mark.parametrize(
    "args, message",
    [
        (["--since", "2026-02-30"], "'2026-02-30' is not a date; write it as YYYY-MM-DD"),
        (["--until", "yesterday"], "'yesterday' is not a date"),
        (["--since", "2026-03-02", "--until", "2026-03-01"], "is after --until"),
    ],
)
def test_bad_dates_exit_2_with_a_clear_message(data_dir: Path, args, message):
    out = ptcoach(data_dir, "history", *args)
    assert out.returncode == 2 and message in out.stderr and "Traceback" not in out.stderr


def test_history_reads_while_the_app_is_recording_a_session(data_dir: Path):
    conn = open_database(database_path(data_dir))
    from helpers.run_sessions import record_sets

    session, _recorder = record_sets(conn, 2)
    assert session.state is State.RUNNING
    shown = json.loads(ptcoach(data_dir, "history", "--format", "json").stdout)
    assert shown[0]["status"] == "in_progress" and len(shown[0]["sets"]) >= 2
    conn.execute("BEGIN IMMEDIATE")  # the app holds the write lock: reading still works
    assert ptcoach(data_dir, "history").returncode == 0
    conn.execute("ROLLBACK")


def test_backup_then_restore_round_trips_and_keeps_the_replaced_file(data_dir, tmp_path):
    generate(data_dir, days=5)
    copy = tmp_path / "copy.sqlite3"
    out = ptcoach(data_dir, "backup", "-o", str(copy))
    assert out.returncode == 0 and str(copy) in out.stdout
    before = ptcoach(data_dir, "history", "--format", "json").stdout
    conn = open_database(database_path(data_dir))
    conn.execute("DELETE FROM sessions")
    conn.close()
    out = ptcoach(data_dir, "restore", str(copy))
    assert out.returncode == 0 and "kept as" in out.stdout
    assert ptcoach(data_dir, "history", "--format", "json").stdout == before
    assert len(list(data_dir.glob("history.sqlite3.before-restore-*"))) == 1


def test_restore_of_a_bad_file_says_why_and_changes_nothing(data_dir, tmp_path):
    generate(data_dir, days=2)
    before = ptcoach(data_dir, "history", "--format", "json").stdout
    bad = tmp_path / "notes.txt"
    bad.write_text("not a database")
    out = ptcoach(data_dir, "restore", str(bad))
    assert out.returncode == 1 and "not a usable ptcoach history" in out.stderr
    assert "nothing was changed" in out.stderr
    assert ptcoach(data_dir, "history", "--format", "json").stdout == before
