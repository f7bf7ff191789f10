"""Which player the app picks, and what it says: forced by PTCOACH_AUDIO, or with no server."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ptcoach.audio.monitor import pulse_available

ROOT = Path(__file__).resolve().parent.parent
PROBE = """
from PySide6.QtCore import QCoreApplication
app = QCoreApplication([])
from ptcoach.audio.player import choose_player
player, message = choose_player()
print(player.name)
print(message)
"""


def choose_in_child(**env: str) -> tuple[str, str]:
    full = {**os.environ, "PYTHONPATH": str(ROOT), **env}
    out = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        env=full,
        timeout=60,
        check=True,
    )
    name, message = out.stdout.strip().split("\n", 1)
    return name, message


needs_pulse = pytest.mark.skipif(not pulse_available(), reason="needs a PulseAudio server")


def test_forcing_none_keeps_quiet_and_says_cues_are_shown_on_screen():
    name, message = choose_in_child(PTCOACH_AUDIO="none")
    assert name == "none"
    assert message == "Sound is off (PTCOACH_AUDIO=none): cues will be shown on screen."


@needs_pulse
def test_forcing_qt_uses_qsoundeffect_and_names_the_device():
    name, message = choose_in_child(PTCOACH_AUDIO="qt")
    assert name == "qt"
    assert message.startswith("Sound: Qt Multimedia on ")


@needs_pulse
def test_forcing_playsound_uses_the_external_player():
    name, message = choose_in_child(PTCOACH_AUDIO="playsound")
    assert name == "playsound"
    assert message.startswith("Sound: playsound3 (")


def test_with_no_sound_server_the_app_says_so_once_and_goes_silent(tmp_path):
    name, message = choose_in_child(PULSE_SERVER=f"unix:{tmp_path}/no-such-server")
    assert name == "none"
    assert message.startswith("No audio output found: cues will be shown on screen.")


def test_an_unknown_choice_is_named_and_the_best_player_is_chosen_anyway():
    _, message = choose_in_child(PTCOACH_AUDIO="loud")
    assert message.startswith("PTCOACH_AUDIO=loud is not one of qt, playsound, none")


def test_a_player_whose_set_up_raises_anything_moves_on_with_one_message(tmp_path):
    """playsound3 2.5.2 has no DEFAULT_BACKEND: forcing the fallback used to crash with an
    AttributeError. A stand-in module shaped like that release is put first on the path."""
    fake = tmp_path / "playsound3"
    fake.mkdir()
    (fake / "__init__.py").write_text(
        "AVAILABLE_BACKENDS = ['gstreamer']\ndef playsound(*a, **k):\n    pass\n", encoding="utf-8"
    )
    code = (
        "from ptcoach.audio.player import choose_player\n"
        "p, message = choose_player(force='playsound')\n"
        "print(p.name); print(message)\n"
    )
    root = Path(__file__).resolve().parents[1]
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(root)]),
        "QT_QPA_PLATFORM": "offscreen",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    name, message = result.stdout.splitlines()[:2]
    assert name == "none"
    assert "playsound failed to start (AttributeError" in message
    assert "Traceback" not in result.stderr
