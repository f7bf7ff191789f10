"""The primary player: one QSoundEffect per clip, all loaded before the session starts."""

from __future__ import annotations

import time
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl

from ptcoach.audio.player import PROBE_CLIP, PlayerUnavailable
from ptcoach.translate import translator

DEFAULT_LATENCY_S = 0.03  # until measured: a typical PulseAudio stream start
LOAD_TIMEOUT_S = 5.0


_tr = translator("QtPlayer")


class QtPlayer:
    name = "qt"

    def __init__(self, sink: str | None = None) -> None:
        try:
            from PySide6.QtMultimedia import QMediaDevices
        except ImportError as exc:  # e.g. a system library Qt Multimedia links to is missing
            raise PlayerUnavailable(
                _tr("Qt Multimedia cannot load ({error}).").format(error=exc)) from exc
        outputs = QMediaDevices.audioOutputs()
        if not outputs:
            raise PlayerUnavailable(_tr("Qt Multimedia finds no audio output."))
        device = QMediaDevices.defaultAudioOutput()
        if sink:
            named = [d for d in outputs if bytes(d.id().data()).decode() == sink]
            if not named:
                raise PlayerUnavailable(
                    _tr("Qt Multimedia has no output named {sink}.").format(sink=sink))
            device = named[0]
        if device.isNull():
            device = outputs[0]
        self._device = device
        self.device_name = device.description()
        self.sink = bytes(device.id().data()).decode() or None
        self.why = ""
        self.latency_s = DEFAULT_LATENCY_S
        self._effects: dict[str, object] = {}
        self._gain = 1.0

    def load(self, clips: Mapping[str, Path]) -> None:
        """Load every clip now (decoding happens here, not at the cue); raise if one fails."""
        from PySide6.QtMultimedia import QSoundEffect

        if QCoreApplication.instance() is None:
            raise PlayerUnavailable(_tr("Qt Multimedia needs the application to be running."))
        pending = []
        for clip_id, path in clips.items():
            if clip_id in self._effects:
                continue
            effect = QSoundEffect(self._device)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effect.setVolume(1.0 if clip_id == PROBE_CLIP else self._gain)
            self._effects[clip_id] = effect
            pending.append((clip_id, path, effect))
        deadline = time.monotonic() + LOAD_TIMEOUT_S
        while pending and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            still = []
            for item in pending:
                status = item[2].status()
                if status == QSoundEffect.Status.Error:
                    raise PlayerUnavailable(
                        _tr("Qt Multimedia cannot load {path}.").format(path=item[1]))
                if status != QSoundEffect.Status.Ready:
                    still.append(item)
            pending = still
            if pending:
                time.sleep(0.005)
        if pending:
            raise PlayerUnavailable(_tr("Qt Multimedia took too long to load {path}.").format(
                path=pending[0][1]))

    def play(self, clip_id: str) -> bool:
        effect = self._effects.get(clip_id)
        if effect is None:
            return False
        effect.play()  # type: ignore[attr-defined]
        return True

    def set_volume(self, gain: float) -> None:
        self._gain = gain
        for clip_id, effect in self._effects.items():
            if clip_id != PROBE_CLIP:
                effect.setVolume(gain)  # type: ignore[attr-defined]

    def has(self, clip_id: str) -> bool:
        return clip_id in self._effects

    def close(self) -> None:
        from PySide6.QtCore import QEvent

        for effect in self._effects.values():
            effect.stop()  # type: ignore[attr-defined]
            effect.deleteLater()  # type: ignore[attr-defined]
        self._effects.clear()
        # Delete now, while the output still exists: a stream torn down later, after its
        # device went away (a sink unloaded, a headset unplugged), can hang the backend.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
