"""The history as other processes see it: `ptcoach history --format json` run as its own
process, and small sqlite3 programs that hold the history's write lock or a read snapshot
while a test acts (each prints one line once it holds it, and lets go at a line on stdin)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

LOCK_HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("LOCKED", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
"""

READER = """
import sqlite3, sys
conn = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True, isolation_level=None)
conn.execute("BEGIN")
conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # holds this snapshot
print("READING", flush=True)
sys.stdin.readline()
"""


def holding(script: str, db: Path, said: str) -> subprocess.Popen[str]:
    """Run one of the programs above on `db`; returns once it says `said` (it holds). The
    caller ends it with `.communicate("go\\n")`."""
    proc = subprocess.Popen(
        [sys.executable, "-c", script, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == said
    return proc


def run_history(
    data_dir: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`ptcoach --data-dir DATA_DIR history --format json`, its own process; never a
    traceback, whatever the history's state."""
    ptcoach = [sys.executable, "-m", "ptcoach", "--data-dir", str(data_dir)]
    out = subprocess.run(
        [*ptcoach, "history", "--format", "json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert "Traceback" not in out.stderr, out.stderr
    return out


def history_json(data_dir: Path, env: dict[str, str] | None = None) -> list[dict]:
    """Every session `ptcoach history` lists; the command must succeed."""
    out = run_history(data_dir, env)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)
