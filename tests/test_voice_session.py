"""Voice commands in a real session window, heard through a microphone: espeak-ng speech played
into a private PulseAudio null sink, whose monitor is the microphone the session listens to."""

from __future__ import annotations

import subprocess
import threading
import time
from pathlib import Path

import pytest
from helpers import voice_render as vr
from PySide6.QtCore import QSettings, Qt
from test_ui_session_window import knee_plan, open_window

from ptcoach.audio.cues import Cue, CueKind
from ptcoach.audio.monitor import null_sink, pulse_available
from ptcoach.engine.session import Session, State
from ptcoach.ui.voice import voice_settings
from ptcoach.ui.voice.indicator import VoiceIndicator
from ptcoach.ui.voice.session_voice import SessionVoice

pytestmark = [
    pytest.mark.audio,
    pytest.mark.slow,
    pytest.mark.skipif(not pulse_available(), reason="needs a PulseAudio server (test-env.sh)"),
]


@pytest.fixture
def sink():
    with null_sink() as name:
        yield name


def settings_for(tmp_path: Path, device: str, enabled: bool = True) -> QSettings:
    s = QSettings(str(tmp_path / "voice.ini"), QSettings.Format.IniFormat)
    voice_settings.save(s, voice_settings.VoiceSettings(enabled=enabled, device=device))
    return s


def play(sink: str, samples, tmp_path: Path) -> None:
    wav = vr.write_wav(tmp_path / f"say_{time.monotonic_ns()}.wav", samples)
    subprocess.run(["paplay", "-d", sink, str(wav)], check=True, timeout=60)


def qt_player_on(qtbot, sink: str):
    """A Qt player on `sink`, once Qt's device list (updated from the event loop) has it."""
    from PySide6.QtMultimedia import QMediaDevices

    from ptcoach.audio.player import choose_player

    qtbot.waitUntil(
        lambda: any(bytes(d.id().data()).decode() == sink for d in QMediaDevices.audioOutputs()),
        timeout=10000,
    )
    return choose_player("qt", sink=sink)


def listening_voice(qtbot, tmp_path, sink, plan=None):
    window, driver, _clock = open_window(qtbot, plan or knee_plan())
    voice = SessionVoice(window, settings=settings_for(tmp_path, f"{sink}.monitor"))
    qtbot.waitUntil(lambda: voice.listening, timeout=20000)
    time.sleep(0.3)  # parec delivering
    return window, driver, voice


def close(window, driver, voice) -> None:
    voice.stop()
    driver.stop()
    window.close()
    window.deleteLater()


def say_and_wait(qtbot, voice, sink, tmp_path, word: str, voice_name: str = "en-us+f5"):
    samples = vr.say(word, voice_name, 150, tmp_path)
    n = len(voice.log)
    with qtbot.waitSignal(voice.taken, timeout=10000) as sig:
        play(sink, vr.sequence([samples], gap_s=0.4)[0], tmp_path)
    assert len(voice.log) > n
    return sig.args


def test_spoken_commands_drive_the_session(qtbot, tmp_path, sink):
    window, driver, voice = listening_voice(qtbot, tmp_path, sink)
    indicator = window.view.findChild(VoiceIndicator)
    try:
        assert indicator.isVisible() and "Listening" in indicator.text()
        assert say_and_wait(qtbot, voice, sink, tmp_path, "go") == ["resume", True]
        assert driver.state is State.RUNNING
        assert "go" in indicator.text()  # the command's name, shown briefly
        assert say_and_wait(qtbot, voice, sink, tmp_path, "pause") == ["pause", True]
        assert driver.state is State.PAUSED
        assert say_and_wait(qtbot, voice, sink, tmp_path, "resume", "en-us+klatt") == [
            "resume",
            True,
        ]
        assert driver.state is State.RUNNING
        phase = driver.snapshot().phase
        assert say_and_wait(qtbot, voice, sink, tmp_path, "next") == ["next", True]
        assert driver.snapshot().phase != phase
        assert say_and_wait(qtbot, voice, sink, tmp_path, "back") == ["back", True]
        assert say_and_wait(qtbot, voice, sink, tmp_path, "repeat", "en-us+klatt") == [
            "repeat",
            True,
        ]
        assert say_and_wait(qtbot, voice, sink, tmp_path, "done") == ["done", False]  # paced
        muted = driver.muted
        assert say_and_wait(qtbot, voice, sink, tmp_path, "mute") == ["mute", True]
        assert driver.muted is not muted
        # "stop" pauses and asks; nothing said: the session carries on.
        play(sink, vr.sequence([vr.say("stop", "en-us+f5", 150, tmp_path)], 0.4)[0], tmp_path)
        qtbot.waitUntil(lambda: voice.confirming, timeout=10000)
        assert driver.state is State.PAUSED and "yes" in indicator.text()
        voice._confirm_timer.setInterval(300)
        voice._confirm_timer.start()
        qtbot.waitUntil(lambda: not voice.confirming and driver.state is State.RUNNING)
        # "stop", then "yes": stopped.
        play(sink, vr.sequence([vr.say("stop", "en-us+f5", 150, tmp_path)], 0.4)[0], tmp_path)
        qtbot.waitUntil(lambda: voice.confirming, timeout=10000)
        assert say_and_wait(qtbot, voice, sink, tmp_path, "yes") == ["stop", True]
        assert driver.state is State.STOPPED
    finally:
        close(window, driver, voice)


def test_sentences_and_the_apps_cues_trigger_nothing(qtbot, tmp_path, sink):
    window, driver, voice = listening_voice(qtbot, tmp_path, sink)
    try:
        driver.toggle()
        state = driver.state
        for sentence in vr.distractors(voices=("en-us+f5",))[:6]:
            play(sink, vr.sequence([sentence], gap_s=0.3)[0], tmp_path)
        # The app's cue clips, each announced as the cue director does when it plays one.
        clips = vr.cue_clips()
        for cid in (
            "get_ready",
            "rest",
            "last_set",
            "halfway",
            "switch_sides",
            "left_side",
            "ten_seconds",
            "rep_3",
            "rep_13",
            "rep_19",
            "ex_toe-raise",
            "ex_foam-roll",
            "ex_bridge-walkout",
            "tick",
            "start",
            "end",
            "tempo_lift",
            "notice",
        ):
            kind = (
                CueKind.VOICE
                if cid not in ("tick", "start", "end", "tempo_lift", "notice")
                else CueKind.TONE
            )
            voice._on_cue_played(Cue(cid, kind, time.monotonic()))
            play(sink, clips[cid], tmp_path)
            play(sink, vr.silence(0.3), tmp_path)
        qtbot.wait(800)
        assert voice.log == []
        assert driver.state is state
        assert voice.listening
    finally:
        close(window, driver, voice)


def test_a_missing_microphone_gives_one_line_and_the_session_goes_on(qtbot, tmp_path):
    window, driver, _clock = open_window(qtbot, knee_plan())
    voice = SessionVoice(window, settings=settings_for(tmp_path, "ptcoach_no_such_mic"))
    indicator = window.view.findChild(VoiceIndicator)
    try:
        qtbot.waitUntil(lambda: "cannot be opened" in indicator.text(), timeout=20000)
        assert "ptcoach_no_such_mic" in indicator.text() and "\n" not in indicator.text()
        assert not voice.listening
        qtbot.keyClick(window.view, Qt.Key.Key_Space)
        assert driver.state is State.RUNNING
    finally:
        close(window, driver, voice)


def test_a_microphone_that_goes_away_gives_one_line(qtbot, tmp_path):
    with null_sink() as name:
        window, driver, voice = listening_voice(qtbot, tmp_path, name)
    indicator = window.view.findChild(VoiceIndicator)
    try:
        qtbot.waitUntil(lambda: "went away" in indicator.text(), timeout=10000)
        assert not voice.listening
        driver.toggle()
        assert driver.state is State.RUNNING
    finally:
        close(window, driver, voice)


def test_the_v_key_turns_listening_on_and_off(qtbot, tmp_path, sink):
    window, driver, _clock = open_window(qtbot, knee_plan())
    voice = SessionVoice(window, settings=settings_for(tmp_path, f"{sink}.monitor", False))
    indicator = window.view.findChild(VoiceIndicator)
    try:
        assert not voice.wanted and not indicator.isVisible()
        qtbot.keyClick(window.view, Qt.Key.Key_V)
        qtbot.waitUntil(lambda: voice.listening, timeout=20000)
        assert "Listening" in indicator.text()
        qtbot.keyClick(window.view, Qt.Key.Key_V)
        assert not voice.listening and not indicator.isVisible()
    finally:
        close(window, driver, voice)


def test_without_the_extra_the_v_key_says_how_to_get_it(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(voice_settings, "extra_installed", lambda: False)
    window, driver, _clock = open_window(qtbot, knee_plan())
    voice = SessionVoice(window, settings=settings_for(tmp_path, "", False))
    try:
        qtbot.keyClick(window.view, Qt.Key.Key_V)
        indicator = window.view.findChild(VoiceIndicator)
        assert "ptcoach[voice]" in indicator.text() and not voice.listening
    finally:
        close(window, driver, voice)


def test_the_apps_own_cues_from_its_speakers_are_not_taken(qtbot, tmp_path, sink):
    """The real cue director plays a session's cues into the very sink the microphone hears;
    commands said in the quiet between cues are still taken."""
    from factories import exercise, routine

    from ptcoach.audio.director import CueDirector
    from ptcoach.catalog.model import Targets
    from ptcoach.engine.plan import expand
    from ptcoach.ui.session.driver import SessionDriver
    from ptcoach.ui.session.window import SessionWindow

    player, message = qt_player_on(qtbot, sink)
    assert player.name == "qt", message
    director = CueDirector(player)
    director.prepare()
    plan = expand(
        routine(
            (
                exercise("toe-raise", per_side=True, tempo=(("lift", 1.0), ("lower", 1.0))),
                Targets(sets=2, reps=3, rest_s=2),
            ),
            lead_in_s=2,
        )
    )
    driver = SessionDriver(Session(plan))
    director.follow(driver)
    window = SessionWindow(driver)
    window.show()
    voice = SessionVoice(
        window, director=director, settings=settings_for(tmp_path, f"{sink}.monitor")
    )
    spoken = []
    director.cue_played.connect(lambda c: spoken.append(c.clip))
    try:
        qtbot.waitUntil(lambda: voice.listening, timeout=20000)
        driver.toggle()  # the whole session, its cues sounding into the microphone
        qtbot.waitUntil(lambda: driver.state is State.FINISHED, timeout=90000)
        qtbot.wait(1500)
        assert {"get_ready", "rep_1", "rep_3", "switch_sides", "rest"} <= set(spoken)
        assert voice.log == [], voice.log
        why = [w for _t, _word, w in voice.listener.recogniser.rejected]
        assert why.count("cue playing") >= 5, why  # the cues were heard, and ignored
    finally:
        voice.stop()
        window.close()
        player.close()


def test_a_command_taken_is_acknowledged_by_a_tone_heard_in_the_sink(qtbot, tmp_path, sink):
    import numpy as np
    from factories import exercise, routine

    from ptcoach.audio.director import CueDirector
    from ptcoach.audio.monitor import MonitorRecorder
    from ptcoach.catalog.model import Kind, Targets
    from ptcoach.engine.plan import expand
    from ptcoach.ui.session.driver import SessionDriver
    from ptcoach.ui.session.window import SessionWindow

    player, message = qt_player_on(qtbot, sink)
    assert player.name == "qt", message
    director = CueDirector(player)
    director.prepare()
    plan = expand(
        routine((exercise("wall-sit", Kind.HOLD), Targets(sets=1, hold_s=60)), lead_in_s=0)
    )
    driver = SessionDriver(Session(plan))
    director.follow(driver)
    window = SessionWindow(driver)
    window.show()
    voice = SessionVoice(
        window, director=director, settings=settings_for(tmp_path, f"{sink}.monitor")
    )
    try:
        qtbot.waitUntil(lambda: voice.listening, timeout=20000)
        driver.toggle()
        qtbot.wait(1500)  # the start tone is over; the hold is quiet until halfway
        # When the command is taken, is the ack tone already sounding (started in the same
        # call as the action)? The player's own bookkeeping of the voices it has started says.
        ack_started: list[bool] = []
        voice.taken.connect(
            lambda *_: ack_started.append(
                any(id(e) in player._busy for e in player._effects["ack"])
            )
        )
        recorder = MonitorRecorder(sink).start()
        say_and_wait(qtbot, voice, sink, tmp_path, "pause")
        qtbot.wait(800)
        rec = recorder.stop()
        assert driver.state is State.PAUSED
        assert ack_started == [True]  # started with the action, not later
        word_end, action_done = voice.log[-1][1], voice.log[-1][2]
        later = [(a, b) for a, b in rec.segments(gap_s=0.1) if rec.time_of(a) > word_end]
        assert later, "nothing sounded after the word"
        a, b = later[0]
        spectrum = np.abs(np.fft.rfft(rec.samples[a:b]))
        peak_hz = np.argmax(spectrum) * rec.rate / (b - a)
        assert 1150 <= peak_hz <= 1650, peak_hz  # the ack tone: 1200 -> 1600 Hz
        # The first sound after the word is that tone, heard once the action was done
        # (time_of() is never earlier than the true onset). How long a play() takes to be heard
        # is measured by benchmarks/bench_audio_latency.py ("raw"), not asserted with a slack.
        assert rec.time_of(a) >= action_done
    finally:
        voice.stop()
        driver.stop()
        window.close()
        player.close()


def test_what_the_listener_sends_after_its_window_is_gone_is_dropped(qtbot, tmp_path):
    """The listener's threads may still send when the session window (and its SessionVoice)
    has been deleted: what they send is dropped, with no error in their thread."""
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent

    sent: dict[str, object] = {}
    built = threading.Event()

    class Quiet:  # stands in for the microphone only: started and stopped, never hears
        def start(self) -> None:
            pass

        def stop(self) -> None:
            pass

    def make_listener(device, heard, failed):
        sent["heard"], sent["failed"] = heard, failed
        built.set()
        return Quiet()

    window, driver, _clock = open_window(qtbot, knee_plan())
    voice = SessionVoice(window, make_listener=make_listener)
    voice.start()
    assert built.wait(5)
    qtbot.waitUntil(lambda: voice.listening, timeout=5000)
    taken: list[tuple[str, bool]] = []
    voice.taken.connect(lambda action, applied: taken.append((action, applied)))
    driver.stop()
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(voice)
    errors: list[BaseException] = []

    def late() -> None:
        try:
            sent["failed"]("the microphone went away")
            sent["heard"](object())
        except BaseException as exc:  # any error in the thread fails the test
            errors.append(exc)

    thread = threading.Thread(target=late)
    thread.start()
    thread.join(5)
    qtbot.wait(100)  # the streams' queued calls arrive, and are dropped
    assert errors == [] and taken == []
