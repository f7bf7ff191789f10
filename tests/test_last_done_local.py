"""'Last done' counts days on the runner's local dates, not UTC dates (issue 13: a session in
Auckland on 2 December at 10:00 showed as 'yesterday' at 14:00 and 23:30 the same day). Run in
a process with TZ set, as the runner's machine would be."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CODE = """
import json, sys
from datetime import datetime
from ptcoach.store.timefmt import local_days_ago, from_iso
pairs = json.loads(sys.argv[1])
print(json.dumps([local_days_ago(from_iso(w), from_iso(n)) for w, n in pairs]))
"""


def days(tz: str, pairs: list[tuple[str, str]]) -> list[int]:
    env = {**os.environ, "TZ": tz}
    out = subprocess.run(
        [sys.executable, "-c", CODE, json.dumps(pairs)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    return json.loads(out)


@pytest.mark.parametrize("tz", ["Pacific/Auckland", "NZST-12NZDT,M9.5.0,M4.1.0/3"])
def test_auckland_same_local_day_is_today(tz):
    # 2 December 10:00 NZDT = 1 December 21:00 UTC; 14:00 and 23:30 NZDT are 2 December UTC
    # (01:00) and 2 December (10:30); 3 December 09:00 NZDT is the next local day.
    session = "2026-12-01T21:00:00+00:00"
    later = ["2026-12-02T01:00:00+00:00", "2026-12-02T10:30:00+00:00", "2026-12-02T20:00:00+00:00"]
    assert days(tz, [(session, n) for n in later]) == [0, 0, 1]


def test_utc_runner_is_unchanged():
    assert days("UTC", [("2026-12-01T21:00:00+00:00", "2026-12-02T01:00:00+00:00")]) == [1]
