"""The fallback player: playsound3, which runs an external player (aplay on Debian) per cue.

playsound3 has no volume, so each clip is written once more, scaled, into a private temp dir.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import wave
from collections.abc import Mapping
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication

from ptcoach.audio.player import PROBE_CLIP, PlayerUnavailable

DEFAULT_LATENCY_S = 0.12  # until measured: process start plus the stream's buffer


def _tr(text: str) -> str:
    return QCoreApplication.translate("PlaysoundPlayer", text)


class PlaysoundPlayer:
    name = "playsound"

    def __init__(self, sink: str | None = None) -> None:
        import logging

        # playsound3 logs a warning at import when no backend exists; we say it ourselves.
        logging.getLogger("playsound3").setLevel(logging.ERROR)
        try:
            import playsound3
        except ImportError as exc:
            raise PlayerUnavailable(_tr("playsound3 is not installed ({error}).").format(
                error=exc)) from exc
        if not playsound3.AVAILABLE_BACKENDS:
            raise PlayerUnavailable(_tr(
                "playsound3 finds no external player (install alsa-utils and mpg123, "
                "or gstreamer1.0-tools)."))
        self._ps = playsound3
        self.backend = str(playsound3.DEFAULT_BACKEND or playsound3.AVAILABLE_BACKENDS[0])
        self.sink = sink
        self.why = ""
        self.latency_s = DEFAULT_LATENCY_S
        self._sources: dict[str, Path] = {}
        self._dir = Path(tempfile.mkdtemp(prefix="ptcoach-cues-"))
        self._gain = 1.0
        self._check_output()

    def _env(self) -> None:
        # The external player inherits our environment: steer it to the chosen sink.
        if self.sink:
            os.environ["PULSE_SINK"] = self.sink

    def _check_output(self) -> None:
        """Play nothing (a 10 ms silent WAV) once: fails plainly when no output device works."""
        silent = self._dir / "silence.wav"
        _write(silent, np.zeros(220, dtype=np.int16), 22050)
        self._env()
        sound = self._ps.playsound(str(silent), block=False, backend=self.backend)
        proc = sound.subprocess
        code = proc.wait() if isinstance(proc, subprocess.Popen) else 0
        if code != 0:
            raise PlayerUnavailable(_tr(
                "playsound3 ({backend}) cannot reach an audio output.").format(
                    backend=self.backend))

    def load(self, clips: Mapping[str, Path]) -> None:
        for clip_id, path in clips.items():
            self._sources[clip_id] = Path(path)
            self._render(clip_id)

    def _render(self, clip_id: str) -> None:
        src = self._sources[clip_id]
        dest = self._dir / f"{clip_id}.wav"
        if clip_id == PROBE_CLIP or self._gain >= 0.999:
            shutil.copyfile(src, dest)
            return
        with wave.open(str(src), "rb") as w:
            rate = w.getframerate()
            data = np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16)
        _write(dest, (data.astype(np.float32) * self._gain).astype(np.int16), rate)

    def play(self, clip_id: str) -> bool:
        if clip_id not in self._sources:
            return False
        self._env()
        self._ps.playsound(str(self._dir / f"{clip_id}.wav"), block=False,
                           backend=self.backend)
        return True

    def set_volume(self, gain: float) -> None:
        self._gain = gain
        for clip_id in self._sources:
            self._render(clip_id)

    def has(self, clip_id: str) -> bool:
        return clip_id in self._sources

    def close(self) -> None:
        shutil.rmtree(self._dir, ignore_errors=True)


def _write(path: Path, samples: np.ndarray, rate: int) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(samples.tobytes())
