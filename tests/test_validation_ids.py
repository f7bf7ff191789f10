"""Ids are matched whole: no trailing newline slips through `$`, no id starts with '-' (it could
not be named on the command line), and a built-in's id with a newline is not a new id. Each
case is a hostile routine file run through `ptcoach validate` and `ptcoach import`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ptcoach.catalog.fields import ID_PATTERN

ROOT = Path(__file__).resolve().parents[1]

ROUTINE = """id = {id}
name = "Mine"
description = "A test routine."

[[exercises]]
id = "plank"
"""


def ptcoach(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ptcoach", *args],
        cwd=ROOT,
        env=os.environ,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    "bad",
    [
        '"mine\\n"',
        '"runners-knee\\n"',
        '"--help"',
        '"-x"',
        '"mine\\r"',
        '"\\nmine"',
        '""',
        '"Mine"',
        '"mine "',
    ],
)
def test_a_hostile_id_is_refused_by_validate_and_import(tmp_path, bad):
    path = tmp_path / "r.toml"
    path.write_text(ROUTINE.format(id=bad), encoding="utf-8")
    data_dir = tmp_path / "data"
    checked = ptcoach("validate", str(path))
    assert checked.returncode == 1, checked.stdout
    assert "is not a valid id" in checked.stderr
    imported = ptcoach("import", str(path), "--data-dir", str(data_dir))
    assert imported.returncode == 1
    assert not (data_dir / "routines").exists() or not list((data_dir / "routines").iterdir())


def test_good_ids_still_pass(tmp_path):
    for good in ("mine", "a", "x-1", "9lives", "a" * 64):
        assert ID_PATTERN.fullmatch(good)
    for bad in ("a" * 65, "-a", "a\n", "a_b"):
        assert not ID_PATTERN.fullmatch(bad)
    path = tmp_path / "r.toml"
    path.write_text(ROUTINE.format(id='"mine-2"'), encoding="utf-8")
    assert ptcoach("validate", str(path)).returncode == 0
