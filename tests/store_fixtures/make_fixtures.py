"""Regenerate the fixture databases (run once per schema version; the files are committed).

    python tests/store_fixtures/make_fixtures.py

v0-empty.sqlite3: an empty file (schema version 0). v1-sample.sqlite3: a small schema-v1
history, frozen as this version wrote it, so later migrations are tested against real v1 data.
other-app.sqlite3: another application's SQLite database.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def main() -> None:
    (HERE / "v0-empty.sqlite3").write_bytes(b"")
    v1 = HERE / "v1-sample.sqlite3"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "gen_history.py"),
            "--days",
            "12",
            "--seed",
            "7",
            "--end",
            "2026-01-12",
            "--tz",
            "Europe/Berlin",
            "--db",
            str(v1),
            "--force",
        ],
        check=True,
    )
    conn = sqlite3.connect(v1)
    conn.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
    conn.close()
    other = HERE / "other-app.sqlite3"
    other.unlink(missing_ok=True)
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE moz_bookmarks (id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("INSERT INTO moz_bookmarks (url) VALUES ('https://example.org/')")
    conn.commit()
    conn.close()


if __name__ == "__main__":
    main()
