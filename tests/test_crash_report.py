"""An uncaught exception in the GUI writes a crash report into the state folder and tells the
runner where it is, in a window; the app keeps running. The real app in its own process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_a_fault_in_the_gui_writes_a_report_and_shows_where_it_is(tmp_path):
    state = tmp_path / "state"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PTCOACH_AUDIO": "none",
        "PTCOACH_STATE_DIR": str(state),
        "PTCOACH_CONFIG_DIR": str(tmp_path / "config"),
        "PYTHONPATH": str(ROOT),
    }
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "tests" / "helpers" / "crash_probe.py"),
            "--data-dir",
            str(tmp_path / "data"),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    reports = sorted((state / "crash").glob("crash-*.txt"))
    assert len(reports) == 1
    text = reports[0].read_text(encoding="utf-8")
    assert "RuntimeError: a planted fault" in text and "Traceback" in text
    assert "Python " in text and "PySide6 " in text
    assert len(seen["dialogs"]) == 1 and str(reports[0]) in seen["dialogs"][0]
    assert seen["home_visible"] and seen["exit_code"] == 0
    assert str(reports[0]) in result.stderr
    log = (state / "log" / "ptcoach.log").read_text(encoding="utf-8")
    assert "uncaught exception" in log
