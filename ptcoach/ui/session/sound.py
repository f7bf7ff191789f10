"""Builds the cue director off the critical path, so no window waits for sound.

The director exists at once (a session can follow it from its first frame) with a silent
stand-in player; the real player is chosen, its clips loaded and its stream opened in small
steps on later event-loop turns, each a few milliseconds, and then swapped in. The output
latency starts from the last figure measured on that device (kept in the cache folder) and is
measured afresh in the background (`LatencyProbe`: parec runs in a worker thread), replacing
the figure only when the new one exists. Nothing here blocks the GUI thread.

Anything that is a QObject (QSoundEffect, QMediaDevices) is made on the GUI thread; only parec
and its analysis run in a thread, and their results come back by queued signals.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)
CHUNK = 4  # clips loaded per event-loop turn (each QSoundEffect takes ~0.5 ms, plus file IO)
READY_POLL_MS = 20
READY_TIMEOUT_S = 5.0
MEASURE_AFTER_MS = 400  # after the stream is open and the window has settled


class SoundSetup(QObject):
    """Owns the one CueDirector of the app. `director` is usable at once; `start()` (called
    after the first paint, and again harmlessly by every session) makes it sound."""

    ready = Signal(object)  # the CueDirector, once its real player is in
    latency_measured = Signal(object)  # seconds | None

    def __init__(
        self,
        audio_settings: Any,
        *,
        on_settings_changed: Callable[[Any], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        from ptcoach.audio.director import CueDirector
        from ptcoach.audio.player import SilentPlayer

        self.director = CueDirector(SilentPlayer(""), audio_settings, parent=self)
        if on_settings_changed is not None:
            self.director.settings_changed.connect(on_settings_changed)
        self.is_ready = False
        self.probe: Any = None
        self._started = False
        self._player: Any = None
        self._message = ""
        self._todo: list[tuple[str, Any]] = []
        self._deadline = 0.0
        self._failed_name: str | None = None  # the last player that failed, if one did
        self._reasons: list[str] = []  # why each player before this one gave way
        self.director.player_failed.connect(self._on_player_failed)

    def start(self) -> None:
        """Begin (once): each step runs on its own event-loop turn."""
        if self._started:
            return
        self._started = True
        QTimer.singleShot(0, self._import_multimedia)

    def _import_multimedia(self) -> None:
        import contextlib

        # ~40 ms on its own turn; the player's choice then takes another ~40 ms. On failure
        # choose_player says why and falls back.
        with contextlib.suppress(ImportError):
            import PySide6.QtMultimedia  # noqa: F401
        QTimer.singleShot(0, self._devices)

    def _devices(self) -> None:
        """The first device query connects to the sound server (~40 ms): a turn of its own."""
        import contextlib

        with contextlib.suppress(ImportError):
            from PySide6.QtMultimedia import QMediaDevices

            QMediaDevices.audioOutputs()
        QTimer.singleShot(0, self._choose)

    def _choose(self) -> None:
        from ptcoach.audio.player import choose_player

        self._player, self._message = choose_player(after=self._failed_name, reasons=self._reasons)
        self._begin_loading()

    def _begin_loading(self) -> None:
        from ptcoach.audio import clips

        self._todo = list(clips.available().items())
        QTimer.singleShot(0, self._load_chunk)

    def _move_on(self, exc: BaseException, *, playing: bool = False) -> None:
        """The player raised (loading, or at a play): close it and try the next one in the
        order QSoundEffect, playsound3, silence. The reasons gather into the one message
        `_finish` prints, however many players were tried."""
        from ptcoach.audio.player import failed

        player = self._player
        self._reasons.append(failed(player.name, exc, playing=playing))
        self._failed_name = player.name
        with contextlib.suppress(Exception):
            player.close()
        self._choose()

    def _load_chunk(self) -> None:
        import time

        chunk, self._todo = dict(self._todo[:CHUNK]), self._todo[CHUNK:]
        try:
            loader = getattr(self._player, "load_async", None)
            if loader is not None:
                loader(chunk)
            else:
                self._player.load(chunk)
        except Exception as exc:  # an unreadable clip, a full temp dir, a library's own error
            self._move_on(exc)
            return
        if self._todo:
            QTimer.singleShot(0, self._load_chunk)
        else:
            self._deadline = time.monotonic() + READY_TIMEOUT_S
            QTimer.singleShot(0, self._wait_ready)

    def _wait_ready(self) -> None:
        import time

        from ptcoach.audio.player import PlayerUnavailable

        pending = getattr(self._player, "pending", None)
        try:
            waiting = bool(pending()) if pending is not None else False
        except Exception as exc:
            self._move_on(exc)
            return
        if waiting and time.monotonic() < self._deadline:
            QTimer.singleShot(READY_POLL_MS, self._wait_ready)
            return
        if waiting:
            from PySide6.QtCore import QCoreApplication

            why = QCoreApplication.translate(
                "SoundSetup", "{name} took too long to load the sounds."
            ).format(name=self._player.name)
            self._move_on(PlayerUnavailable(why))
            return
        self._finish()

    def _finish(self) -> None:
        from ptcoach.audio import clips
        from ptcoach.audio.latency import load_cached
        from ptcoach.audio.player import PROBE_CLIP

        player = self._player
        if player.name != "none":
            try:
                # The first play opens the stream (the first sound on it loses its start): a
                # player that cannot play gives way to the next one here, before any cue.
                player.play(PROBE_CLIP)
            except Exception as exc:
                self._move_on(exc, playing=True)
                return
        durations = getattr(player, "durations", None) or {
            c: clips.duration_s(p) for c, p in clips.available().items()
        }
        cached = load_cached(player.sink) if player.name != "none" else None
        if cached is not None:
            player.latency_s = cached
        self.director.message = self._message
        self.director.set_player(player, durations)
        print(self._message, file=sys.stderr)  # the one line on the terminal
        log.info("%s", self._message)  # and in the log file (never a second terminal line)
        if player.name != "none":
            QTimer.singleShot(MEASURE_AFTER_MS, self.measure)
        self.is_ready = True
        self.ready.emit(self.director)

    def _on_player_failed(self, player: Any, exc: BaseException) -> None:
        """A cue's play() raised mid-session: the director went silent (cues flash) at once;
        the next player is set up in the same small steps, and `ready` tells the window."""
        if player is not self._player:
            return  # an old player's news
        self.is_ready = False
        self._move_on(exc, playing=True)

    def measure(self) -> None:
        """Measure the output latency in the background; the figure replaces the current one
        (and is remembered for this device) only when it exists."""
        from ptcoach.audio.latency import LatencyProbe

        player = self.director.player
        if player.name == "none" or (self.probe is not None and self.probe.running):
            return
        self.probe = LatencyProbe(player, parent=self)
        self.probe.finished.connect(self._on_measured)
        self.probe.start()

    def _on_measured(self, seconds: float | None) -> None:
        from ptcoach.audio.latency import save_cached

        if seconds is not None:
            self.director.set_latency(seconds)
            save_cached(self.director.player.sink, seconds)
        self.latency_measured.emit(seconds)


def sound_for(shell: Any, audio_settings: Any) -> SoundSetup:
    """The shell's SoundSetup (made on first call; kept in shell.services.sound).
    Nothing here saves the sound settings (M mutes one session; Preferences saves the lasting
    choice); once the player is in, an open session window tells the runner what to do if
    there is no sound."""
    sound = shell.services.sound
    if sound is None:
        sound = SoundSetup(audio_settings, parent=shell)

        def tell(director: Any) -> None:
            from ptcoach.ui.shell import runner_sound_message

            window = getattr(shell, "session_window", None)
            if window is not None:
                window.set_sound_message(runner_sound_message(director))

        sound.ready.connect(tell)
        shell.services.sound = sound
    assert isinstance(sound, SoundSetup)
    return sound


START_WAIT_MS = 2000  # the longest a Start waits for sound: then it starts, shown on screen


def start_gate(sound: SoundSetup | None) -> Callable[[Callable[[], None]], bool]:
    """For SessionDriver.start_gate: while the player is still being set up (the first
    seconds after the window shows), a Start waits until it is in, at most START_WAIT_MS, so
    "get ready" is heard rather than lost; a second Start meanwhile is ignored."""
    waiting: list[Callable[[], None]] = []

    def gate(start: Callable[[], None]) -> bool:
        if sound is None or sound.is_ready:
            return False
        if waiting:
            return True  # already waiting: one start

        def go(*_: object) -> None:
            if waiting:
                waiting.clear()
                with contextlib.suppress(RuntimeError, TypeError):
                    sound.ready.disconnect(go)
                start()

        waiting.append(start)
        sound.ready.connect(go)
        QTimer.singleShot(START_WAIT_MS, go)
        return True

    return gate
