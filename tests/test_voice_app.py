"""The installed app as its own process, in Xvfb with a window manager, listening to a private
null sink's monitor as its microphone (chosen in its preferences file): "go" starts the session,
"pause" pauses it, "stop" then "yes" ends it; the history says what happened."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from helpers import voice_render as vr

from ptcoach.audio.monitor import null_sink, pulse_available

ROOT = Path(__file__).resolve().parent.parent
pytestmark = [
    pytest.mark.audio,
    pytest.mark.slow,
    pytest.mark.skipif(
        not pulse_available() or shutil.which("Xvfb") is None or shutil.which("openbox") is None,
        reason="needs PulseAudio, Xvfb and openbox (make test sets them up)",
    ),
]


@contextmanager
def x_display() -> Iterator[str]:
    """A private Xvfb (the project's helper: it picks a free display) with openbox on it."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from shots.display import xvfb

    with xvfb() as display:
        wm = subprocess.Popen(
            ["openbox"],
            env={**os.environ, "DISPLAY": display},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            yield display
        finally:
            wm.kill()
            wm.wait(timeout=10)


def click_start(env: dict[str, str]) -> None:
    """Click the home window's Start button (bottom right of the window)."""

    def xdo(*args: str) -> str:
        return subprocess.run(
            ["xdotool", *args], env=env, capture_output=True, text=True, timeout=60
        ).stdout

    wid = xdo("search", "--sync", "--onlyvisible", "--name", "^ptcoach$").split()[0]
    time.sleep(1.0)  # the first paint, then the history opens
    geometry = xdo("getwindowgeometry", wid)
    w, h = (int(v) for v in geometry.split("Geometry:")[1].split()[0].split("x"))
    xdo("windowactivate", "--sync", wid)
    xdo("mousemove", "--window", wid, str(int(w * 0.7)), str(h - 45), "click", "1")


def history(env: dict[str, str]) -> list[dict[str, object]]:
    out = subprocess.run(
        [sys.executable, "-m", "ptcoach", "history", "--format", "json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    )
    return json.loads(out.stdout)


def test_voice_drives_the_app_and_stop_yes_is_stored(tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from ptcoach.ui.voice import voice_settings

    app = None
    with x_display() as display, null_sink() as sink:
        try:
            config = Path(os.environ["PTCOACH_CONFIG_DIR"])
            config.mkdir(parents=True, exist_ok=True)
            ini = QSettings(str(config / "ptcoach.ini"), QSettings.Format.IniFormat)
            voice_settings.save(ini, voice_settings.VoiceSettings(True, f"{sink}.monitor"))
            del ini
            env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
            log = open(tmp_path / "app.log", "wb")  # noqa: SIM115 - the child writes to it
            # From home (Start clicked), the path whose sessions are recorded.
            app = subprocess.Popen(
                [sys.executable, "-m", "ptcoach"], env=env, stdout=log, stderr=subprocess.STDOUT
            )
            click_start(env)

            def listening() -> bool:
                out = subprocess.run(
                    ["pactl", "list", "short", "source-outputs"],
                    capture_output=True,
                    text=True,
                    timeout=10,
                ).stdout
                sources = subprocess.run(
                    ["pactl", "list", "short", "sources"],
                    capture_output=True,
                    text=True,
                    timeout=10,
                ).stdout
                index = [
                    ln.split("\t")[0] for ln in sources.splitlines() if f"\t{sink}.monitor\t" in ln
                ]
                return bool(index) and any(
                    ln.split("\t")[1] == index[0] for ln in out.splitlines() if "\t" in ln
                )

            deadline = time.monotonic() + 60
            while not listening():
                assert app.poll() is None, (tmp_path / "app.log").read_text()
                assert time.monotonic() < deadline, "the app never opened the microphone"
                time.sleep(0.3)
            time.sleep(1.0)

            def say(word: str) -> None:
                wav = vr.write_wav(
                    tmp_path / f"{word}.wav",
                    vr.sequence([vr.say(word, "en-us+f5", 150, tmp_path)], 0.4)[0],
                )
                subprocess.run(["paplay", "-d", sink, str(wav)], check=True, timeout=30)
                time.sleep(1.5)

            say("go")  # then "get ready", the exercise and the side are spoken (and ignored)
            wait_until = time.monotonic() + 20
            while not history(env) and time.monotonic() < wait_until:
                time.sleep(0.5)
            rows = history(env)
            assert rows and rows[0]["status"] == "in_progress", rows
            time.sleep(4.0)  # past the opening cues: words said over a cue are not taken
            say("pause")
            say("stop")
            say("yes")
            wait_until = time.monotonic() + 20
            while history(env)[0]["status"] == "in_progress" and time.monotonic() < wait_until:
                time.sleep(0.5)
            ended = history(env)[0]
            # Stopped before any set was done: stored as abandoned, with its end time.
            assert ended["status"] == "abandoned" and ended["ended_at"], ended
            assert app.poll() is None  # stopping a session never ends the app by itself
        finally:
            if app is not None:
                app.kill()
                app.wait(timeout=10)
