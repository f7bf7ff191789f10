"""scripts/screenshots.py (`make screenshots`) run as a real subprocess, one shot at a time."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "screenshots.py"
HOME_SIZE = (1100, 720)


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")


def run_script(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("DISPLAY", None)  # the script must bring its own display when it wants one
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args, "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=90,
        env=env,
        cwd=tmp_path,
    )


def test_an_offscreen_run_writes_the_home_window_at_its_size(tmp_path: Path) -> None:
    result = run_script(tmp_path, "--only", "home", "--offscreen")

    assert result.returncode == 0, result.stderr
    png = tmp_path / "out" / "home.png"
    assert png_size(png) == HOME_SIZE
    assert png.stat().st_size > 10_000, "a blank window compresses to a few KiB"
    assert "QWidget.grab()" in result.stdout
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["home.png"]


@pytest.mark.skipif(
    shutil.which("Xvfb") is None or shutil.which("import") is None,
    reason="needs Xvfb and ImageMagick's import",
)
def test_a_run_on_its_own_xvfb_crops_the_screen_to_the_session_window(tmp_path: Path) -> None:
    result = run_script(tmp_path, "--only", "session-hold")

    assert result.returncode == 0, result.stderr
    assert "on Xvfb display :" in result.stdout
    assert "import -window root" in result.stdout
    png = tmp_path / "out" / "session-hold.png"
    assert png_size(png) == (1280, 800)
    assert png.stat().st_size > 10_000


def test_an_unknown_shot_name_is_refused_with_the_names_there_are(tmp_path: Path) -> None:
    result = run_script(tmp_path, "--only", "nonsense", "--offscreen")

    assert result.returncode == 2
    assert "invalid choice: 'nonsense'" in result.stderr
    assert "preferences-dark" in result.stderr
    assert not (tmp_path / "out").exists()
