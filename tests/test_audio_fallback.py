"""Which player the app picks, and what it says: forced by PTCOACH_AUDIO, or with no server."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ptcoach.audio.monitor import null_sink, pulse_available

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


# ------------------------------------------------------------ a player failing at a play()
APLAY, MPG123, RM = (shutil.which(name) for name in ("aplay", "mpg123", "rm"))


def aplay_that_vanishes(bin_dir: Path, when: str) -> None:
    """A PATH holding only aplay and mpg123 (what playsound3's ALSA backend needs), where aplay
    is uninstalled by the run that plays `when`: that run still plays, the next play finds no
    aplay (FileNotFoundError from playsound3, as when the package goes mid-session)."""
    bin_dir.mkdir()
    aplay = bin_dir / "aplay"
    aplay.write_text(
        f'#!/bin/sh\ncase "$*" in *{when}*) {RM} -f "$0";; esac\nexec {APLAY} "$@"\n',
        encoding="utf-8",
    )
    aplay.chmod(0o755)
    (bin_dir / "mpg123").symlink_to(str(MPG123))


needs_aplay = pytest.mark.skipif(
    not (APLAY and MPG123 and RM),
    reason="needs alsa-utils and mpg123 (scripts/sysdeps.sh)",
)


def sound_setup(qtbot):
    from ptcoach.audio.settings import AudioSettings
    from ptcoach.ui.session.sound import SoundSetup

    sound = SoundSetup(AudioSettings())
    with qtbot.waitSignal(sound.ready, timeout=30_000):
        sound.start()
    return sound


@needs_pulse
@needs_aplay
def test_a_player_whose_first_play_raises_gives_way_to_the_next_with_one_message(
    qtbot, tmp_path, monkeypatch, capfd
):
    """playsound3 set itself up (aplay answered), then aplay is gone at the first play (the
    probe that opens the stream): the set-up moves on to the next player (here silence, the
    fallback being forced) and prints one line saying why, instead of a traceback."""
    aplay_that_vanishes(tmp_path / "bin", when="silence.wav")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.setenv("PTCOACH_AUDIO", "playsound")
    capfd.readouterr()
    sound = sound_setup(qtbot)
    director = sound.director
    assert director.silent and director.player.name == "none"
    assert director.message.startswith("No audio output found: cues will be shown on screen.")
    assert "playsound failed to play (FileNotFoundError" in director.message
    err = capfd.readouterr().err
    assert [line for line in err.splitlines() if line.strip()] == [director.message]


@needs_pulse
@needs_aplay
def test_a_play_that_raises_mid_session_flashes_the_cues_and_moves_on_once(
    qtbot, tmp_path, monkeypatch, capfd
):
    """The player worked (set-up and the first play went through aplay), then aplay is gone:
    the next cue's play() raises. The session runs on to its end, its cues flash (cue_played
    still comes for each), the next player is set up once, and the runner is told once."""
    from factories import exercise, routine
    from PySide6.QtWidgets import QApplication

    from ptcoach.catalog.model import Kind, Targets
    from ptcoach.engine.clock import FakeClock
    from ptcoach.engine.plan import expand
    from ptcoach.engine.session import Session, State
    from ptcoach.ui.session.driver import SessionDriver

    aplay_that_vanishes(tmp_path / "bin", when="probe.wav")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.setenv("PTCOACH_AUDIO", "playsound")
    sound = sound_setup(qtbot)
    director = sound.director
    assert director.player.name == "playsound", director.message
    capfd.readouterr()
    director.clock = clock = FakeClock(1000.0)  # the session's clock
    readies = []
    sound.ready.connect(readies.append)
    played = []
    director.cue_played.connect(lambda cue: played.append(cue.clip))
    plan = expand(
        routine((exercise("wall-sit", Kind.HOLD), Targets(sets=1, hold_s=3)), lead_in_s=0)
    )
    driver = SessionDriver(Session(plan, clock=clock), clock=clock)
    director.follow(driver)
    driver.start()  # the start tone: aplay is gone
    assert director.silent  # at once: the next cues flash
    for _ in range(4):
        driver.step(1.0)
        QApplication.processEvents()
    assert driver.state is State.FINISHED
    assert played == ["start", "tick", "tick", "end", "session_complete"]
    qtbot.waitUntil(lambda: len(readies) == 1, timeout=10_000)
    assert readies == [director] and director.silent and sound.is_ready
    assert "playsound failed to play (FileNotFoundError" in director.message
    err = [line for line in capfd.readouterr().err.splitlines() if line.strip()]
    assert err == [director.message]


@needs_pulse
def test_after_a_failed_player_the_choice_starts_from_the_next_one_and_keeps_the_reasons(
    qapp, monkeypatch
):
    from ptcoach.audio.player import choose_player

    with null_sink() as sink:
        monkeypatch.setenv("PULSE_SINK", sink)  # playsound steers its children here; undone
        player, message = choose_player(
            after="qt", sink=sink, reasons=["qt failed to play (OSError: gone)."]
        )
        try:
            assert player.name == "playsound"
            assert message.startswith("Sound: playsound3 (")
            assert message.endswith("qt failed to play (OSError: gone).")
        finally:
            player.close()
        silent, why = choose_player(after="playsound", sink=sink, reasons=["a.", "b."])
        assert silent.name == "none"
        assert why == "No audio output found: cues will be shown on screen. (a. b.)"


SETUP_PROBE = """
import sys, tempfile
from PySide6.QtWidgets import QApplication
app = QApplication([])
tempfile.tempdir = sys.argv[1]  # the temp folder is gone (cleaned away under the app)
from ptcoach.audio.settings import AudioSettings
from ptcoach.ui.session.sound import SoundSetup
sound = SoundSetup(AudioSettings())
def ready(director):
    print("PLAYER", director.player.name, flush=True)
    app.quit()
sound.ready.connect(ready)
sound.start()
app.exec()
"""


@needs_pulse
def test_qt_failing_to_load_moves_on_to_playsound_then_silence_with_one_line(tmp_path):
    """The app's own set-up, in its own process: QSoundEffect is there but cannot write its
    padded clips (the temp folder is gone), so it gives way to playsound3, which cannot make
    its folder either, so the cues are shown on screen; one line on stderr says all of it."""
    out = subprocess.run(
        [sys.executable, "-c", SETUP_PROBE, str(tmp_path / "gone")],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
    )
    assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr
    assert out.stdout.split() == ["PLAYER", "none"]
    said = [x for x in out.stderr.splitlines() if "failed to start" in x]
    assert len(said) == 1, out.stderr  # one line, however many players were tried
    line = said[0]
    assert line.startswith("No audio output found: cues will be shown on screen. (")
    qt, playsound = (
        line.index("qt failed to start (FileNotFoundError"),
        line.index("playsound failed to start (FileNotFoundError"),
    )
    assert qt < playsound  # tried in that order
