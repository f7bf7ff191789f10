"""`ptcoach report`: a real subprocess writes a PDF whose text shows the period and figures."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from test_adherence_support import History, SetRow, day

from ptcoach.store.plans import set_plan


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run(
        [sys.executable, "-m", "ptcoach", "--data-dir", str(data_dir), "report", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def pdf_text(path: Path) -> str:
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return unicodedata.normalize("NFKC", text)  # undo ligatures such as "ﬁ"


@pytest.fixture
def history(data_dir: Path) -> Path:
    h = History(data_dir / "history.sqlite3")
    set_plan(h.conn, "knee", day("2026-01-05"), sessions_per_week=2)
    wall = "wall-sit"
    h.session(
        "2026-01-05",
        planned_sets=2,
        pain=4,
        effort=6,
        sets=[SetRow(wall, None, 30), SetRow(wall, None, 30)],
    )
    h.session(
        "2026-01-07",
        planned_sets=2,
        pain=3,
        effort=6,
        sets=[SetRow(wall, None, 40), SetRow(wall, None, 45)],
    )
    h.session(
        "2026-01-14",
        planned_sets=2,
        pain=2,
        effort=5,
        sets=[SetRow(wall, None, 60), SetRow(wall, None, 60, skipped=True)],
    )
    h.close()
    return data_dir


def test_the_report_shows_the_period_adherence_and_exercises(history: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"

    result = run(history, "--since", "2026-01-05", "--until", "2026-01-18", "-o", str(out))

    assert result.returncode == 0, result.stderr
    assert "report for 2026-01-05 to 2026-01-18" in result.stdout
    text = pdf_text(out)
    assert "Period: 2026-01-05 to 2026-01-18 (2 weeks)" in text
    # Week 1: 2 of 2; week 2: half of one session of 2 planned.
    assert "Sessions done: 2.5 of 4 planned (62%)" in text
    assert "Weeks that met the plan: 1 of 2" in text
    assert "Sets done: 5 of 6 prescribed (83%)" in text
    assert "Pain after sessions: 3.5 in the first week rated, 2 in the last" in text
    assert "Wall sit" in text and "30 s → 60 s" in text
    pages = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert any(
        line.split()[-1] in ("1", "2") for line in pages.splitlines() if line.startswith("Pages:")
    )


def test_the_default_period_is_the_last_twelve_whole_weeks(history: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"

    result = run(history, "--until", "2026-03-25", "-o", str(out))

    assert result.returncode == 0, result.stderr
    assert "Period: 2026-01-05 to 2026-03-29 (12 weeks)" in pdf_text(out)


def test_a_bad_date_is_refused_with_the_format_to_use(history: Path, tmp_path: Path) -> None:
    result = run(history, "--since", "5/1/2026", "-o", str(tmp_path / "r.pdf"))

    assert result.returncode == 2
    assert "'5/1/2026' is not a date; write it as YYYY-MM-DD" in result.stderr
    assert not (tmp_path / "r.pdf").exists()


def test_no_history_yet_is_said_plainly(data_dir: Path, tmp_path: Path) -> None:
    result = run(data_dir, "-o", str(tmp_path / "r.pdf"))

    assert result.returncode == 1
    assert "there is no history yet" in result.stderr
    assert "Traceback" not in result.stderr
