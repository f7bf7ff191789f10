"""The primary player: QSoundEffects per clip, all loaded before the session starts.

Every cue plays as an endlessly looping voice over a copy of its clip padded with silence, and
is stopped from the GUI thread inside that silence. Qt 6.10+'s QSoundEffect (QRtAudioEngine)
otherwise lets a voice that *finishes by itself* be destroyed on the PulseAudio thread when the
GUI thread wakes fast enough to drop its own references first; the voice's QSocketNotifier (made
on the GUI thread) is then torn down from the wrong thread ("Socket notifiers cannot be enabled
or disabled from another thread"), its eventfd closes under the GUI's poll and the event loop
spins on "Invalid socket" for good. A voice that is stopped is handed back to the GUI thread to
be destroyed, so a stopped voice is safe; `scripts/qsoundeffect_race.py` shows the bug.
"""

from __future__ import annotations

import shutil
import tempfile
import time
import wave
import weakref
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer, QUrl

from ptcoach.audio.player import PROBE_CLIP, PlayerUnavailable
from ptcoach.translate import translator

DEFAULT_LATENCY_S = 0.03  # until measured: a typical PulseAudio stream start
LOAD_TIMEOUT_S = 5.0
SINK_WAIT_S = 2.0  # for a named sink not (yet) among the outputs
PROBE_VOICES = 3
PAD_S = 1.0  # silence after each clip: the voice is stopped inside it
STOP_AFTER_S = 0.35  # ...this long after the clip's sound ends (a GUI stall up to ~0.6 s is ok)


_tr = translator("QtPlayer")


class QtPlayer:
    name = "qt"

    def __init__(self, sink: str | None = None) -> None:
        try:
            from PySide6.QtMultimedia import QMediaDevices
        except ImportError as exc:  # e.g. a system library Qt Multimedia links to is missing
            raise PlayerUnavailable(
                _tr("Qt Multimedia cannot load ({error}).").format(error=exc)
            ) from exc
        outputs = QMediaDevices.audioOutputs()
        if not outputs:
            raise PlayerUnavailable(_tr("Qt Multimedia finds no audio output."))
        device = QMediaDevices.defaultAudioOutput()
        if sink:
            named = [d for d in outputs if bytes(d.id().data()).decode() == sink]
            deadline = time.monotonic() + SINK_WAIT_S
            while not named and time.monotonic() < deadline:
                # A sink made just now (tests' private null sinks) reaches a process whose device
                # list is already loaded only through its event loop.
                QCoreApplication.processEvents()
                time.sleep(0.01)
                outputs = QMediaDevices.audioOutputs()
                named = [d for d in outputs if bytes(d.id().data()).decode() == sink]
            if not named:
                raise PlayerUnavailable(
                    _tr("Qt Multimedia has no output named {sink}.").format(sink=sink)
                )
            device = named[0]
        if device.isNull():
            device = outputs[0]
        self._device = device
        self.device_name = device.description()
        self.sink = bytes(device.id().data()).decode() or None
        self.why = ""
        self.latency_s = DEFAULT_LATENCY_S
        self._effects: dict[str, list[object]] = {}  # clip -> its voices' effects
        self._busy: dict[int, QTimer] = {}  # id(effect) -> the timer that stops it
        self._sources: dict[str, Path] = {}  # clip -> padded copy
        self._durations: dict[str, float] = {}
        self._dir: Path | None = None
        self._gain = 1.0

    def load(self, clips: Mapping[str, Path]) -> None:
        """Load every clip now (decoding happens here, not at the cue); raise if one fails."""
        self.load_async(clips)
        deadline = time.monotonic() + LOAD_TIMEOUT_S
        while self.pending() and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.005)
        if self.pending():
            raise PlayerUnavailable(
                _tr("Qt Multimedia took too long to load {path}.").format(
                    path=self._sources[self.pending()[0]]
                )
            )

    def load_async(self, clips: Mapping[str, Path]) -> None:
        """Start loading the clips and return at once; `pending()` says which are not ready."""
        if QCoreApplication.instance() is None:
            raise PlayerUnavailable(_tr("Qt Multimedia needs the application to be running."))
        if self._dir is None:
            self._dir = Path(tempfile.mkdtemp(prefix="ptcoach-qt-cues-"))
            # Removed by close(), else when the player goes or the process exits.
            weakref.finalize(self, shutil.rmtree, str(self._dir), True)
        for clip_id, path in clips.items():
            if clip_id in self._effects:
                continue
            try:
                self._durations[clip_id] = _pad(Path(path), self._dir / f"{clip_id}.wav")
            except (OSError, EOFError, wave.Error) as exc:
                raise PlayerUnavailable(
                    _tr("Qt Multimedia cannot load {path}.").format(path=path)
                ) from exc
            self._sources[clip_id] = self._dir / f"{clip_id}.wav"
            # The latency probe's blips come faster than a voice is stopped: ready voices, so
            # none waits for its sample to load (which would skew the measurement).
            count = PROBE_VOICES if clip_id == PROBE_CLIP else 1
            self._effects[clip_id] = [self._new_effect(clip_id) for _ in range(count)]

    @property
    def durations(self) -> dict[str, float]:
        """Each loaded clip's own length in seconds (without the padding)."""
        return dict(self._durations)

    def pending(self) -> list[str]:
        """Clips still loading; raises PlayerUnavailable if one cannot load."""
        from PySide6.QtMultimedia import QSoundEffect

        waiting = []
        for clip_id, effects in self._effects.items():
            statuses = {e.status() for e in effects}  # type: ignore[attr-defined]
            if QSoundEffect.Status.Error in statuses:
                raise PlayerUnavailable(
                    _tr("Qt Multimedia cannot load {path}.").format(path=self._sources[clip_id])
                )
            if statuses != {QSoundEffect.Status.Ready}:
                waiting.append(clip_id)
        return waiting

    def _new_effect(self, clip_id: str) -> object:
        from PySide6.QtMultimedia import QSoundEffect

        effect = QSoundEffect(self._device)
        effect.setLoopCount(QSoundEffect.Loop.Infinite.value)  # never finishes by itself
        effect.setSource(QUrl.fromLocalFile(str(self._sources[clip_id])))
        effect.setVolume(1.0 if clip_id == PROBE_CLIP else self._gain)
        return effect

    def play(self, clip_id: str) -> bool:
        effects = self._effects.get(clip_id)
        if effects is None:
            return False
        effect = next((e for e in effects if id(e) not in self._busy), None)
        if effect is None:  # every voice of this clip still sounds: one more (overlap)
            effect = self._new_effect(clip_id)
            effects.append(effect)
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(lambda e=effect: self._stop(e))
        self._busy[id(effect)] = timer
        effect.play()  # type: ignore[attr-defined]
        timer.start(round((self._durations[clip_id] + STOP_AFTER_S) * 1000))
        return True

    def _stop(self, effect: object) -> None:
        self._busy.pop(id(effect), None)
        effect.stop()  # type: ignore[attr-defined]

    def set_volume(self, gain: float) -> None:
        self._gain = gain
        for clip_id, effects in self._effects.items():
            if clip_id != PROBE_CLIP:
                for effect in effects:
                    effect.setVolume(gain)  # type: ignore[attr-defined]

    def has(self, clip_id: str) -> bool:
        return clip_id in self._effects

    def close(self) -> None:
        from PySide6.QtCore import QEvent

        for timer in self._busy.values():
            timer.stop()
        self._busy.clear()
        for effects in self._effects.values():
            for effect in effects:
                effect.stop()  # type: ignore[attr-defined]
                effect.deleteLater()  # type: ignore[attr-defined]
        self._effects.clear()
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None
        # Delete now, while the output still exists: a stream torn down later, after its
        # device went away (a sink unloaded, a headset unplugged), can hang the backend.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _pad(src: Path, dest: Path) -> float:
    """Copy a WAV clip with PAD_S of silence after it; returns the clip's own duration."""
    with wave.open(str(src), "rb") as r:
        params = r.getparams()
        frames = r.readframes(r.getnframes())
    silence = bytes(round(PAD_S * params.framerate) * params.nchannels * params.sampwidth)
    with wave.open(str(dest), "wb") as w:
        w.setparams(params)
        w.writeframes(frames + silence)
    return params.nframes / float(params.framerate)
