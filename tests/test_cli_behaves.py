"""The command line seen from outside, as a shell user would: real processes, real pipes.

Broken pipes end quietly, bad data folders get a message instead of a traceback, an unknown
id is exit status 2 everywhere (and is checked before any window is made), global options work
after the command, Ctrl+C quits the GUI with the done sets stored, and a built-in exported,
validated and imported back lands under a free id.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def ptcoach(
    *args: str,
    env: dict[str, str] | None = None,
    stdout: int | None = subprocess.PIPE,
    timeout: float = 60,
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ptcoach", *args],
        cwd=ROOT,
        env=env or os.environ,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        timeout=timeout,
    )


def with_closed_reader(*args: str) -> subprocess.CompletedProcess[str]:
    """Run with stdout a real pipe whose reader has already gone (as `| head -1` ends up)."""
    r, w = os.pipe()
    os.close(r)
    try:
        return ptcoach(*args, stdout=w)
    finally:
        os.close(w)


@pytest.mark.parametrize(
    "args",
    [
        ("routines",),
        ("routines", "--format", "json"),
        ("routines", "show", "runners-knee"),
        ("history",),
    ],
)
def test_a_reader_that_stops_reading_ends_the_command_quietly(args):
    result = with_closed_reader(*args)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr


def test_head_of_routines_in_a_real_shell_pipeline():
    script = f"set -o pipefail; '{sys.executable}' -m ptcoach routines show runners-knee | head -1"
    result = subprocess.run(
        ["bash", "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Runner's knee")
    assert "Traceback" not in result.stderr


def test_import_into_a_data_dir_that_is_a_file_gets_a_message(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    export = tmp_path / "mine.toml"
    assert ptcoach("export", "strength", "-o", str(export)).returncode == 0
    for data_dir in (blocker, blocker / "below"):
        result = ptcoach("import", str(export), "--data-dir", str(data_dir))
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        assert "Nothing was imported" in result.stderr
    assert blocker.read_text() == "x"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_import_into_a_read_only_data_dir_gets_a_message(tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    export = tmp_path / "mine.toml"
    assert ptcoach("export", "strength", "-o", str(export)).returncode == 0
    data_dir.chmod(0o500)
    try:
        result = ptcoach("import", str(export), "--data-dir", str(data_dir))
    finally:
        data_dir.chmod(0o700)
    assert result.returncode == 1 and "Traceback" not in result.stderr


def test_run_with_an_unknown_id_and_no_display_says_so_before_any_window(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = ptcoach("run", "nope", env=env)
    assert result.returncode == 2, result.stderr
    assert "no routine 'nope'" in result.stderr
    assert "could not connect to display" not in result.stderr


@pytest.mark.parametrize(
    "args", [("run", "nope"), ("export", "nope"), ("routines", "show", "nope")]
)
def test_an_unknown_id_is_exit_status_2_for_every_command(args):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = ptcoach(*args, env=env)
    assert result.returncode == 2, (args, result.stderr)
    assert "nope" in result.stderr


def test_help_documents_the_exit_statuses():
    out = ptcoach("--help").stdout
    assert "exit status:" in out
    assert "2    the command line is wrong" in out


def test_global_options_work_after_the_command_too(tmp_path):
    here, there = tmp_path / "here", tmp_path / "there"
    export = tmp_path / "mine.toml"
    assert ptcoach("export", "strength", "-o", str(export)).returncode == 0
    text = export.read_text(encoding="utf-8").replace('id = "strength"', 'id = "mine"', 1)
    export.write_text(text, encoding="utf-8")
    assert ptcoach("import", str(export), "--data-dir", str(here)).returncode == 0
    assert (here / "routines" / "mine.toml").is_file()
    listed = ptcoach("routines", "--format", "json", "--data-dir", str(here)).stdout
    assert "mine" in [r["id"] for r in json.loads(listed)]
    shown = ptcoach("routines", "show", "mine", "--data-dir", str(here), "--verbose")
    assert shown.returncode == 0, shown.stderr
    # Before the command still works, and an option after it wins over one before it.
    assert ptcoach("--data-dir", str(here), "routines", "show", "mine").returncode == 0
    assert (
        ptcoach(
            "--data-dir", str(here), "routines", "show", "mine", "--data-dir", str(there)
        ).returncode
        == 2
    )
    history = ptcoach("history", "--data-dir", str(there), "--format", "json")
    assert history.returncode == 0 and json.loads(history.stdout) == []


def test_a_built_in_exported_validates_and_imports_back_under_a_free_id(tmp_path):
    data_dir = tmp_path / "data"
    out = tmp_path / "f.toml"
    assert ptcoach("export", "runners-knee", "-o", str(out)).returncode == 0
    assert out.stat().st_mode & 0o777 == 0o600
    checked = ptcoach("validate", str(out))
    assert checked.returncode == 0, checked.stderr
    assert f"{out}: ok" in checked.stdout
    first = ptcoach("import", str(out), "--data-dir", str(data_dir))
    assert first.returncode == 0, first.stderr
    assert "'runners-knee-2'" in first.stderr
    second = ptcoach("import", str(out), "--data-dir", str(data_dir))
    assert second.returncode == 0 and "'runners-knee-3'" in second.stderr
    listed = json.loads(ptcoach("routines", "--format", "json", "--data-dir", str(data_dir)).stdout)
    by_id = {r["id"]: r for r in listed}
    assert by_id["runners-knee"]["source"] == "built-in"
    assert by_id["runners-knee-2"]["source"] != "built-in"
    assert by_id["runners-knee-2"]["name"] == by_id["runners-knee"]["name"]
    assert "runners-knee-3" in by_id


@pytest.mark.slow
def test_ctrl_c_quits_the_gui_cleanly_with_the_done_sets_stored(tmp_path):
    data_dir = tmp_path / "data"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PTCOACH_AUDIO": "none",
        "PYTHONPATH": str(ROOT),
        "PTCOACH_CONFIG_DIR": str(tmp_path / "config"),
    }
    proc = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "tests" / "helpers" / "start_session.py"),
            "strength",
            "--data-dir",
            str(data_dir),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "started"
        deadline = time.monotonic() + 60
        sets: list = []
        while time.monotonic() < deadline:
            rows = json.loads(
                ptcoach("history", "--format", "json", "--data-dir", str(data_dir)).stdout
            )
            sets = [s for row in rows for s in row["sets"]]
            if len(sets) >= 2:
                break
            time.sleep(0.2)
        assert len(sets) >= 2
        proc.send_signal(signal.SIGINT)
        code = proc.wait(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    stderr = proc.stderr.read() if proc.stderr else ""
    assert code == 130, stderr
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr
    rows = json.loads(ptcoach("history", "--format", "json", "--data-dir", str(data_dir)).stdout)
    assert len(rows) == 1
    stored = rows[0]["sets"]
    assert len(stored) >= len(sets)
    assert rows[0]["ended_at"] is not None
