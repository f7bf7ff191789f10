"""The playsound3 fallback's cue folder is removed at a clean exit, and a folder (and a still
playing external player) left by a process killed with SIGKILL is cleaned at the next start.
Real processes, a private TMPDIR, real SIGKILLs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ptcoach.audio.monitor import pulse_available

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(not pulse_available(), reason="needs a PulseAudio server")

MAKE = """
import sys, time
from PySide6.QtCore import QCoreApplication
app = QCoreApplication([])
from ptcoach.audio.player import choose_player
player, message = choose_player(force="playsound")
assert player.name == "playsound", message
player.load({"probe": sys.argv[1]})
if sys.argv[2] == "stay":
    player.play("probe")
    print("ready", flush=True)
    time.sleep(60)
print("done", flush=True)
"""


def run(tmp: Path, mode: str, **kw):
    # PULSE_SINK: an earlier test's private sink may be gone; play to the default one.
    env = {
        **{k: v for k, v in os.environ.items() if k != "PULSE_SINK"},
        "TMPDIR": str(tmp),
        "PYTHONPATH": str(ROOT),
    }
    clip = ROOT / "assets" / "sounds" / "session_complete.wav"
    return subprocess.Popen(
        [sys.executable, "-c", MAKE, str(clip), mode],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kw,
    )


def cue_dirs(tmp: Path) -> list[Path]:
    return sorted(tmp.glob("ptcoach-cues-*"))


def test_a_clean_exit_leaves_no_cue_folder(tmp_path):
    proc = run(tmp_path, "exit")
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert cue_dirs(tmp_path) == []


def test_a_killed_process_s_folder_and_player_are_cleaned_at_the_next_start(tmp_path):
    proc = run(tmp_path, "stay")
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        left = cue_dirs(tmp_path)
        assert len(left) == 1
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert cue_dirs(tmp_path) == left  # SIGKILL skips every clean-up
    children = (left[0] / "children").read_text().split()
    assert children
    nxt = run(tmp_path, "exit")
    _out, err = nxt.communicate(timeout=60)
    assert nxt.returncode == 0, err
    assert cue_dirs(tmp_path) == []
    deadline = time.monotonic() + 5
    for pid in children:  # no player still playing from the removed folder
        while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
            try:
                cmd = Path(f"/proc/{pid}/cmdline").read_bytes()
            except OSError:
                break
            if str(left[0]).encode() not in cmd:
                break
            time.sleep(0.05)
        else:
            continue
        assert (
            not Path(f"/proc/{pid}").exists()
            or str(left[0]).encode() not in Path(f"/proc/{pid}/cmdline").read_bytes()
        )
