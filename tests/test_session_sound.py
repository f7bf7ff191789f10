"""Sound never holds up a session, and a whole session with real sound raises no Qt warning of
the wrong-thread kind (issue 11: QSoundEffect voices freed on the PulseAudio thread froze the
window for good). Sound goes to a private null sink and is read back."""

from __future__ import annotations

import json
import os
import sys

import pytest
from factories import exercise, routine
from helpers.app_shell import build_app
from PySide6.QtWidgets import QApplication

from ptcoach.audio.latency import load_cached, save_cached
from ptcoach.audio.monitor import MonitorRecorder, null_sink, pulse_available
from ptcoach.audio.settings import AudioSettings
from ptcoach.catalog.model import Kind, Targets
from ptcoach.engine.session import State
from ptcoach.ui import main, qt_messages
from ptcoach.ui.session.handsfree import Command, perform
from ptcoach.ui.session.sound import sound_for

needs_pulse = pytest.mark.skipif(not pulse_available(), reason="needs a PulseAudio server")


def short_routine():
    """Reps and a hold, two sets each: ticks, counts, starts and ends close together."""
    return routine(
        (exercise("clamshell", Kind.REPS), Targets(sets=2, reps=4)),
        (exercise("wall-sit", Kind.HOLD), Targets(sets=2, hold_s=3)),
        lead_in_s=3,
        rest_between_exercises_s=2,
    )


def test_a_second_start_brings_the_open_session_window_to_front(make_app):
    app = make_app(speed=50.0)
    app.services.ask_ratings = False
    app.shell.home.select_routine("heat-and-cold")
    first = app.shell.open_session(app.shell.routines["heat-and-cold"], app.shell.home.targets())
    app.shell.home.show()  # as if a key reached the home window during the start
    app.shell.home.start_button.click()
    again = app.shell.open_session(app.shell.routines["heat-and-cold"], app.shell.home.targets())
    assert again is first and app.shell.session_window is first
    from ptcoach.ui.session.window import SessionWindow

    windows = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, SessionWindow) and w.isVisible()
    ]
    assert windows == [first]


def test_the_latency_figure_is_kept_per_output_device(data_dir):
    assert load_cached("sink_a") is None
    save_cached("sink_a", 0.031)
    save_cached("sink_b", 0.120)
    assert load_cached("sink_a") == pytest.approx(0.031)
    assert load_cached("sink_b") == pytest.approx(0.120)
    save_cached("sink_a", 0.045)  # a fresh figure replaces the old one
    assert load_cached("sink_a") == pytest.approx(0.045)
    assert load_cached(None) is None


def test_a_damaged_latency_cache_is_ignored(data_dir, tmp_path):
    from ptcoach.audio.latency import _cache_path

    path = _cache_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{not json")
    assert load_cached("sink_a") is None
    save_cached("sink_a", 0.05)  # and is rewritten whole
    assert json.loads(path.read_text()) == {"sink_a": 0.05}


def test_the_director_exists_before_any_sound_is_set_up(qtbot, data_dir, monkeypatch):
    monkeypatch.setenv("PTCOACH_AUDIO", "none")
    app = build_app(
        data_dir,
        speed=50.0,
        make_director=lambda: main._make_director(AudioSettings(), holder[0].shell),
    )
    holder = [app]
    try:
        director = app.services.make_director()
        assert director.player.name == "none"  # the stand-in: nothing was chosen or loaded
        sound = app.services.sound
        assert not sound.is_ready
        with qtbot.waitSignal(sound.ready, timeout=10_000):
            sound.start()
        assert director.message.startswith("Sound is off")
    finally:
        app.close()


@needs_pulse
def test_a_whole_session_with_real_sound_raises_no_wrong_thread_warning(
    qtbot, data_dir, monkeypatch
):
    warnings: list[str] = []

    def on_message(_kind: object, message: str) -> None:
        if qt_messages.is_thread_warning(message):
            warnings.append(message)
        if len(warnings) > 500:  # Qt spins in its event loop for good: no test code runs again
            sys.stderr.write(
                "FAILED: Qt spins on wrong-thread socket notifiers "
                f"(first: {warnings[0]!r}); ending the run.\n"
            )
            os._exit(3)

    stop_listening = qt_messages.listen(on_message)
    monkeypatch.delenv("PTCOACH_AUDIO", raising=False)
    with null_sink() as sink:
        monkeypatch.setenv("PULSE_SINK", sink)
        holder: list = []
        app = build_app(
            data_dir,
            speed=4.0,
            make_director=lambda: main._make_director(AudioSettings(), holder[0].shell),
        )
        holder.append(app)
        app.services.ask_ratings = False
        recorder = MonitorRecorder(sink).start()
        try:
            sound = sound_for(app.shell, AudioSettings())
            with qtbot.waitSignal(sound.ready, timeout=20_000):
                sound.start()
            director = sound.director
            assert director.player.name == "qt", director.message
            r = short_routine()
            window = app.shell.open_session(r, [Targets(sets=2, reps=4), Targets(sets=2, hold_s=3)])
            played: list = []
            director.cue_played.connect(played.append)
            assert perform(window, Command.TOGGLE)  # Space: start
            qtbot.waitUntil(
                lambda: window.driver.state is State.FINISHED or bool(warnings), timeout=120_000
            )
            qtbot.wait(1500)  # the last voices end and are stopped
        finally:
            rec = recorder.stop()
            stop_listening()
            app.close()
    assert warnings == []
    assert window.driver.state is State.FINISHED
    assert {"start", "end", "tick"} <= {c.clip for c in played}
    # Heard, not only scheduled: the sink received sound for a good part of the session.
    assert len(rec.segments(gap_s=0.05)) >= 10


@needs_pulse
def test_the_qt_player_stops_every_voice_itself(qtbot, monkeypatch):
    """No voice is left to end by itself (Qt 6.10+ may then free it on PulseAudio's thread):
    each loops over its clip padded with silence until the player stops it."""
    import wave

    from PySide6.QtMultimedia import QSoundEffect

    from ptcoach.audio import clips
    from ptcoach.audio.qt_player import PAD_S, QtPlayer

    with null_sink() as sink:
        player = QtPlayer(sink)
        known = clips.available()
        player.load({c: known[c] for c in ("tick", "rep_1", "probe")})
        try:
            for clip_id, effects in player._effects.items():
                for effect in effects:
                    assert effect.loopCount() == QSoundEffect.Loop.Infinite.value
                with (
                    wave.open(str(known[clip_id])) as src,
                    wave.open(str(player._sources[clip_id])) as padded,
                ):
                    extra = padded.getnframes() - src.getnframes()
                    assert extra == round(PAD_S * src.getframerate())
                assert player.durations[clip_id] == pytest.approx(clips.duration_s(known[clip_id]))
            assert player.play("tick") and player.play("tick")  # overlapping: a second voice
            assert len(player._effects["tick"]) == 2
            qtbot.waitUntil(
                lambda: any(e.isPlaying() for e in player._effects["tick"]), timeout=5000
            )
            qtbot.waitUntil(lambda: not player._busy, timeout=5000)  # stopped by the player
            qtbot.waitUntil(
                lambda: not any(e.isPlaying() for e in player._effects["tick"]), timeout=5000
            )
        finally:
            player.close()


def test_a_start_waits_for_the_sound_so_the_first_cue_is_heard(qapp):
    """Space pressed while the player is still being set up starts the session once it is in
    (once, however often Space was pressed), not with a silent "get ready"."""
    from ptcoach.audio.settings import AudioSettings
    from ptcoach.ui.session.sound import SoundSetup, start_gate

    sound = SoundSetup(AudioSettings())
    started: list[int] = []
    gate = start_gate(sound)
    assert gate(lambda: started.append(1)) is True  # not ready: wait
    assert gate(lambda: started.append(2)) is True  # a second Space: still one start
    assert started == []
    sound.is_ready = True
    sound.ready.emit(sound.director)
    assert started == [1]
    assert gate(lambda: started.append(3)) is False  # ready: start at once
    assert start_gate(None)(lambda: None) is False  # no sound set-up at all: no wait
