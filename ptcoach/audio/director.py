"""The Qt side of the cues: follows engine events, starts each cue early by the player's
latency so it is *heard* on time, keeps speech to one voice at a time, and emits cue_played.

Wiring (the session driver does this): `driver.events_emitted -> director.handle(events)`, and
after every engine command or advance `director.look_ahead(session)`. Cues whose start time
(due - latency) lies ahead are put on precise timers; when the event then arrives, a cue
already started is not played again.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal, SignalInstance

from ptcoach.audio import clips
from ptcoach.audio.cues import Cue, CueKind, cues_for
from ptcoach.audio.lookahead import upcoming_events
from ptcoach.audio.player import PROBE_CLIP, Player
from ptcoach.audio.queue import VoiceQueue
from ptcoach.audio.settings import AudioSettings
from ptcoach.engine.events import Event, Paused, SessionStarted, Stopped
from ptcoach.engine.plan import Plan
from ptcoach.engine.session import Session


class SessionDriverLike(Protocol):
    """What `follow` needs of ptcoach.ui.session.driver.SessionDriver (audio does not import
    ui)."""

    session: Session
    events_emitted: SignalInstance
    mute_toggled: SignalInstance

    def set_muted(self, muted: bool) -> None: ...


log = logging.getLogger(__name__)
LOOKAHEAD_MARGIN_S = 0.25  # schedule cues due within latency + this
FALLBACK_TONE = "notice"  # said instead of a missing clip when no speech engine exists


class CueDirector(QObject):
    cue_played = Signal(object)  # the Cue just started (or shown, when there is no sound)
    # (player, exception): its play() raised; the director has gone silent (cues flash) and
    # whoever set the player up may swap in the next one (ptcoach.ui.session.sound).
    player_failed = Signal(object, object)
    settings_changed = Signal(object)  # AudioSettings

    def __init__(
        self,
        player: Player,
        settings: AudioSettings | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.player = player
        self.message = ""  # what the app tells the runner about the player (choose_player)
        self.clock = clock
        self._settings = settings or AudioSettings()
        # M in a session mutes that session only; the lasting choice is `settings.muted`
        # (Preferences). Each followed session starts from the lasting choice.
        self._session_muted = self._settings.muted
        self._plan: Plan | None = None
        self._queue = VoiceQueue(lead_s=player.latency_s)
        self._durations: dict[str, float] = {}
        self._started: dict[tuple[str, float], float] = {}  # cue key -> when started
        self._timers: dict[tuple[str, float], QTimer] = {}
        self._pump_timer = QTimer(self)
        self._pump_timer.setSingleShot(True)
        self._pump_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._pump_timer.timeout.connect(self._on_pump_timeout)
        self._tts: object | None = None
        self._tts_tried = False
        self._session: Session | None = None
        self._ahead_timer = QTimer(self)
        self._ahead_timer.setSingleShot(True)
        self._ahead_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._ahead_timer.timeout.connect(self._on_ahead_timeout)
        self.player.set_volume(self._gain())

    def follow(self, driver: SessionDriverLike) -> None:
        """Follow a session driver: play its events, look ahead shortly before each of its
        deadlines (so each cue starts `latency` early), and share its mute state (M)."""
        self._session = driver.session
        driver.events_emitted.connect(self._on_driver_events)
        driver.mute_toggled.connect(self._on_driver_mute_toggled)
        self._set_session_muted(self._settings.muted)
        driver.set_muted(self._settings.muted)
        self.settings_changed.connect(lambda s: driver.set_muted(s.muted))

    def _on_driver_events(self, events: Sequence[Event]) -> None:
        self.handle(events)
        self._look_ahead_and_rearm()

    def _on_driver_mute_toggled(self, muted: bool) -> None:
        """M in the session: this session only; the settings (what is saved) stay as they are."""
        self._set_session_muted(muted)

    @property
    def session_muted(self) -> bool:
        """Whether the session followed now is muted (by M, or by the lasting setting)."""
        return self._session_muted

    def _set_session_muted(self, muted: bool) -> None:
        self._session_muted = muted
        self.player.set_volume(self._gain())
        if muted:
            self._cancel_pending()
            self._queue.clear()

    def _on_ahead_timeout(self) -> None:
        self._look_ahead_and_rearm()

    def _look_ahead_and_rearm(self) -> None:
        session = self._session
        if session is None:
            return
        self.look_ahead(session)
        deadline = session.next_deadline()
        self._ahead_timer.stop()
        if deadline is None:
            return
        # Wake inside the look-ahead window of the next deadline, before its cue must start.
        wake = deadline - self.player.latency_s - LOOKAHEAD_MARGIN_S / 2
        delay_ms = math.floor((wake - self.clock()) * 1000)
        if delay_ms > 0:
            self._ahead_timer.start(delay_ms)

    # ------------------------------------------------------------------ set-up
    def prepare(
        self, clip_ids: Iterable[str] | None = None, *, measure: bool = True
    ) -> float | None:
        """Load the clips (all shipped ones by default) before the session starts, open the
        output with an inaudible probe (the first sound on a fresh stream loses its start),
        and measure the output latency. Returns the measured latency, or None."""
        known = clips.available()
        ids = set(known) if clip_ids is None else {*clip_ids, PROBE_CLIP, FALLBACK_TONE}
        wanted = {c: known[c] for c in ids if c in known}
        self.player.load(wanted)
        self._durations.update({c: clips.duration_s(p) for c, p in wanted.items()})
        if self.player.name == "none":
            return None
        self.player.play(PROBE_CLIP)
        if not measure:
            return None
        from ptcoach.audio.latency import measure_latency  # numpy, parec: only when asked

        measured = measure_latency(self.player)
        if measured is not None:
            self.set_latency(measured)
        return measured

    def set_player(self, player: Player, durations: dict[str, float] | None = None) -> None:
        """Swap in the player once it is ready (ptcoach.ui.session.sound builds it after the
        first paint; until then the director holds a silent stand-in)."""
        self.player = player
        self._queue.lead_s = player.latency_s
        if durations:
            self._durations.update(durations)
        self.player.set_volume(self._gain())

    @property
    def settings(self) -> AudioSettings:
        return self._settings

    def set_settings(self, settings: AudioSettings) -> None:
        """The lasting settings (Preferences); their mute choice also applies to the session."""
        self._settings = settings
        self._set_session_muted(settings.muted)
        self.settings_changed.emit(settings)

    def toggle_mute(self) -> None:
        """Toggle the lasting mute setting (as Preferences does)."""
        self.set_settings(self._settings.toggled_mute())

    def set_latency(self, seconds: float) -> None:
        self.player.latency_s = seconds
        self._queue.lead_s = seconds

    @property
    def silent(self) -> bool:
        return self.player.name == "none"

    def _gain(self) -> float:
        return 0.0 if self._session_muted else self._settings.volume**2  # perceptual

    def _cue_settings(self) -> AudioSettings:
        """The settings cues are chosen with: the session's mute state overrides the lasting one."""
        if self._session_muted == self._settings.muted:
            return self._settings
        return replace(self._settings, muted=self._session_muted)

    # ------------------------------------------------------------------ events
    def handle(self, events: Sequence[Event]) -> None:
        """Slot for the driver's events: play what they need, unless started early."""
        now = self.clock()
        for event in events:
            if isinstance(event, SessionStarted):
                self._plan = event.plan
            if isinstance(event, Paused | Stopped):
                self._cancel_pending()
                self._queue.clear()
                continue
            for cue in cues_for(event, self._cue_settings(), self._plan):
                pending = self._timers.pop(cue.key, None)
                if pending is not None:
                    pending.stop()
                    pending.deleteLater()
                if cue.key not in self._started:
                    self._start(cue, now)
        self._forget_old(now)

    def look_ahead(self, session: Session) -> None:
        """Schedule the cues of the session's next events to start `latency` early."""
        now = self.clock()
        lead = self.player.latency_s
        plan = self._plan or session.plan
        wanted: dict[tuple[str, float], Cue] = {}
        for event in upcoming_events(session, now + lead + LOOKAHEAD_MARGIN_S):
            for cue in cues_for(event, self._cue_settings(), plan):
                if cue.key not in self._started:
                    wanted[cue.key] = cue
        for key in [k for k in self._timers if k not in wanted]:
            cancelled = self._timers.pop(key)
            cancelled.stop()
            cancelled.deleteLater()
        for key, cue in wanted.items():
            if key in self._timers:
                continue
            delay_ms = round((cue.at - lead - now) * 1000)
            if delay_ms <= 0:
                self._start(cue, now)
                continue
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.setTimerType(Qt.TimerType.PreciseTimer)
            timer.timeout.connect(lambda c=cue: self._on_cue_timeout(c))
            timer.start(delay_ms)
            self._timers[key] = timer

    # ------------------------------------------------------------------ playing
    def _on_cue_timeout(self, cue: Cue) -> None:
        timer = self._timers.pop(cue.key, None)
        if timer is not None:
            timer.deleteLater()
        if cue.key not in self._started:
            self._start(cue, self.clock())

    def _start(self, cue: Cue, now: float) -> None:
        self._started[cue.key] = now
        if cue.kind is CueKind.TONE:
            if now + self.player.latency_s <= cue.at + cue.max_late_s:
                self.play_clip(cue.clip)
                self.cue_played.emit(cue)
            return
        self._queue.push(cue)
        self._pump(now)

    def _pump(self, now: float) -> None:
        cue = self._queue.pop_due(now)
        if cue is not None:
            duration = self._say(cue)
            self._queue.started(now, duration)
            self.cue_played.emit(cue)
        if len(self._queue):
            wait = self._queue.busy_until - self._queue.lead_s - now
            self._pump_timer.start(max(0, int(wait * 1000) + 1))

    def _on_pump_timeout(self) -> None:
        self._pump(self.clock())

    def play_clip(self, clip_id: str) -> bool:
        """Play a clip through the player. A player whose play() raises (its external program
        gone, its temp copy deleted, its output lost) never takes the session down: the
        director goes silent at once, so cues flash on screen, says why once (the log, and
        `message`), and emits `player_failed` so the next player can be set up."""
        player = self.player
        try:
            return player.play(clip_id)
        except Exception as exc:
            from ptcoach.audio.player import SilentPlayer, failed

            why = failed(player.name, exc, playing=True)
            log.warning("%s", why)
            self.player = SilentPlayer(why)
            self.message = why
            self.player_failed.emit(player, exc)
            return False

    def _say(self, cue: Cue) -> float:
        """Play a voice cue; a missing clip is spoken by a speech engine, else a tone."""
        if self.silent:  # sound is off (or there is none): cues are shown, never spoken
            return self._durations.get(cue.clip, 0.6)
        if self.player.has(cue.clip) and self.play_clip(cue.clip):
            return self._durations.get(cue.clip, 0.6)
        tts = self._speech()
        if tts is not None and cue.text:
            tts.say(cue.text)  # type: ignore[attr-defined]
            return 0.3 + 0.07 * len(cue.text)
        self.play_clip(FALLBACK_TONE)
        return self._durations.get(FALLBACK_TONE, 0.2)

    def _speech(self) -> object | None:
        """QTextToSpeech on a real engine (not Qt's 'mock'), created on first need."""
        if self._tts_tried:
            return self._tts
        self._tts_tried = True
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError:
            return None
        engines = [e for e in QTextToSpeech.availableEngines() if e != "mock"]
        if not engines:
            return None
        tts = QTextToSpeech(engines[0], self)
        if tts.state() == QTextToSpeech.State.Error:
            tts.deleteLater()
            return None
        tts.setVolume(self._gain())
        self._tts = tts
        return tts

    def _cancel_pending(self) -> None:
        for timer in self._timers.values():
            timer.stop()
            timer.deleteLater()
        self._timers.clear()

    def _forget_old(self, now: float) -> None:
        if len(self._started) > 256:
            self._started = {k: t for k, t in self._started.items() if now - t < 30.0}
