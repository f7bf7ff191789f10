"""Voice commands in a session window: listen while on (Preferences, or the V key), take each
command through the session's hands-free actions, and never hear the app's own cues.

The microphone and the recogniser run on their own thread (ptcoach.voice.listener); even the
decoder is built off the GUI thread. Detections come back as a queued signal. Each spoken cue
the director plays makes the recogniser ignore that stretch (player latency + clip + a tail),
and so do the acknowledgement tone and the stop question. A spoken "stop" pauses the session
and asks "say yes to end the session"; "yes" within a few seconds stops it, anything else (or
nothing) carries on. No microphone, or one that fails, gives one line in the indicator; the
session carries on with the keys.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut

from ptcoach.ui.session.handsfree import Command, perform
from ptcoach.ui.voice import voice_settings
from ptcoach.ui.voice.indicator import VoiceIndicator

if TYPE_CHECKING:
    from ptcoach.ui.session.window import SessionWindow

TAIL_S = 0.35  # after a cue ends: room echo, and the player's last buffer
CONFIRM_S = 6.0  # how long "say yes to end the session" waits
ACK_CLIP = "ack"
CONFIRM_CLIP = "confirm_stop"


class SessionVoice(QObject):
    detected = Signal(object)  # a ptcoach.voice.recogniser.Detection (from the capture thread)
    failed = Signal(str)  # one line: why listening stopped (from any thread)
    ready = Signal(object)  # the Listener, built off the GUI thread
    taken = Signal(str, bool)  # action, whether it applied now (after it was carried out)

    def __init__(
        self,
        window: SessionWindow,
        *,
        director: Any = None,
        settings: QSettings | None = None,
        make_listener: Callable[..., Any] | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.director = director
        self.settings = settings
        prefs = (
            voice_settings.load(settings)
            if settings is not None
            else voice_settings.VoiceSettings()
        )
        self.device = prefs.device
        self._make_listener = make_listener
        self.listener: Any = None
        self.wanted = False
        self.confirming = False
        self._was_running = False
        self.log: list[tuple[str, float, float]] = []  # (action, word end, action done)
        self.indicator = window.view.findChild(VoiceIndicator) or VoiceIndicator(window.view)
        self._confirm_timer = QTimer(self)
        self._confirm_timer.setSingleShot(True)
        self._confirm_timer.timeout.connect(self._cancel_stop)
        self.detected.connect(self._on_detected, Qt.ConnectionType.QueuedConnection)
        self.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self.ready.connect(self._on_ready, Qt.ConnectionType.QueuedConnection)
        # The listener's threads send through application-owned streams, never through this
        # object's own signals: it is deleted with its window while they may still be sending
        # (emitting on a deleted object from another thread raced its deletion). The streams
        # drop what arrives once this object is gone; they are small and live with the app.
        from ptcoach.ui.background import Stream

        self._detections = Stream(self, self._on_detected)
        self._failures = Stream(self, self._on_failed)
        self._built = Stream(self, self._on_ready)
        self.shortcut = QShortcut(QKeySequence(Qt.Key.Key_V), window)
        self.shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.shortcut.activated.connect(self.toggle)
        if director is not None:
            director.cue_played.connect(self._on_cue_played)
        window.closed.connect(self.stop)
        if prefs.enabled:
            self.start()

    # ------------------------------------------------------------ on / off
    def toggle(self) -> None:
        """The V key."""
        if self.wanted:
            self.stop()
        else:
            self.start()

    def start(self) -> None:
        if self.wanted:
            return
        self.wanted = True
        if self._make_listener is None and not voice_settings.extra_installed():
            self.wanted = False
            self.indicator.set_listening(False, self.tr(voice_settings.MISSING_EXTRA))
            return
        self.indicator.set_listening(False, self.tr("Starting the microphone…"))
        threading.Thread(
            target=self._build_listener, name="ptcoach-voice-start", daemon=True
        ).start()

    def stop(self) -> None:
        self.wanted = False
        listener, self.listener = self.listener, None
        if listener is not None:
            threading.Thread(target=listener.stop, daemon=True).start()
        self._confirm_timer.stop()
        self.confirming = False
        self.indicator.set_listening(False)

    @property
    def listening(self) -> bool:
        return self.listener is not None

    def _build_listener(self) -> None:
        """On its own thread: only the streams are touched here."""
        heard, failed = self._detections.send, self._failures.send
        try:
            if self._make_listener is not None:
                listener = self._make_listener(self.device or None, heard, failed)
            else:
                from ptcoach.voice.listener import Listener
                from ptcoach.voice.recogniser import VoiceUnavailable

                try:
                    listener = Listener(self.device or None, heard, failed)
                except VoiceUnavailable as exc:
                    failed(f"Voice commands are off: {exc}")
                    return
        except Exception as exc:  # any failure is one line, never a crash
            failed(f"Voice commands are off: {exc}")
            return
        self._built.send(listener)

    def _on_ready(self, listener: Any) -> None:
        if not self.wanted:  # turned off while it was being built
            threading.Thread(target=listener.stop, daemon=True).start()
            return
        self.listener = listener
        listener.start()
        self.indicator.set_listening(True)

    def _on_failed(self, message: str) -> None:
        self.listener = None
        self.wanted = False
        self.confirming = False
        self.indicator.set_listening(False, message)

    # ------------------------------------------------------------ not hearing ourselves
    def _on_cue_played(self, cue: Any) -> None:
        if str(getattr(cue, "kind", "")) == "voice":
            self.ignore_clip(cue.clip)

    def ignore_clip(self, clip: str) -> None:
        """The app is about to sound `clip`: ignore the microphone until it (and a tail) ends."""
        if self.listener is None:
            return
        now = time.monotonic()
        latency = getattr(getattr(self.director, "player", None), "latency_s", 0.0) or 0.0
        self.listener.ignore(now, now + latency + _duration(clip) + TAIL_S)

    def _play(self, clip: str) -> None:
        director = self.director
        if director is None or director.silent or director.settings.muted:
            return
        self.ignore_clip(clip)
        director.play_clip(clip)

    # ------------------------------------------------------------ commands
    def _on_detected(self, detection: Any) -> None:
        if self.listener is None:
            return
        action = detection.action
        if self.confirming:
            if action == "yes":
                self._confirm_timer.stop()
                self.confirming = False
                self._done(Command.STOP, detection, perform(self.window, Command.STOP))
            elif action in ("no", "resume"):
                self._cancel_stop()
            return
        if action in ("yes", "no"):
            return  # nothing was asked
        command = Command(action)
        if command is Command.STOP:
            self._ask_stop(detection)
            return
        applied = perform(self.window, command)
        self._done(command, detection, applied)

    def _done(self, command: Command, detection: Any, applied: bool) -> None:
        self.log.append((command.value, detection.t, time.monotonic()))
        if applied:
            self._play(ACK_CLIP)
            self.indicator.show_command(detection.word)
        else:
            self.indicator.show_command(
                self.tr("{0}” — not now").format(detection.word).rstrip("”")
            )
        self.taken.emit(command.value, applied)

    def _ask_stop(self, detection: Any) -> None:
        from ptcoach.engine.session import State

        state = self.window.driver.state
        if state in (State.FINISHED, State.STOPPED):
            return
        self._was_running = state is State.RUNNING
        if self._was_running:
            self.window.driver.pause()  # the clock must not run on while the runner answers
        self.confirming = True
        self.log.append(("stop?", detection.t, time.monotonic()))
        self._play(CONFIRM_CLIP)
        self.indicator.ask(self.tr("Say “yes” to stop"))
        self._confirm_timer.start(int(CONFIRM_S * 1000))

    def _cancel_stop(self) -> None:
        self._confirm_timer.stop()
        if not self.confirming:
            return
        self.confirming = False
        if self._was_running:
            self.window.driver.resume()
        self.indicator.set_listening(self.listener is not None)
        self.taken.emit("stop-cancelled", True)


_DURATIONS: dict[str, float] = {}


def _duration(clip: str) -> float:
    if clip not in _DURATIONS:
        from ptcoach.audio import clips

        path = clips.available().get(clip)
        _DURATIONS[clip] = clips.duration_s(path) if path is not None else 2.0
    return _DURATIONS[clip]


def attach_voice(
    window: SessionWindow, director: Any = None, settings: QSettings | None = None
) -> SessionVoice:
    """Give a session window voice commands (listening at once when Preferences say so)."""
    voice = SessionVoice(window, director=director, settings=settings)
    window.voice = voice  # type: ignore[attr-defined]
    return voice
