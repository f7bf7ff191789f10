"""The fallback player: playsound3, which runs an external player (aplay on Debian) per cue.

playsound3 has no volume, so each clip is written once more, scaled, into a private temp dir.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import wave
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from ptcoach.audio.player import PROBE_CLIP, PlayerUnavailable
from ptcoach.translate import translator

DEFAULT_LATENCY_S = 0.12  # until measured: process start plus the stream's buffer


_tr = translator("PlaysoundPlayer")


class PlaysoundPlayer:
    name = "playsound"

    def __init__(self, sink: str | None = None) -> None:
        import logging

        # playsound3 logs a warning at import when no backend exists; we say it ourselves.
        logging.getLogger("playsound3").setLevel(logging.ERROR)
        try:
            import playsound3
        except ImportError as exc:
            raise PlayerUnavailable(
                _tr("playsound3 is not installed ({error}).").format(error=exc)
            ) from exc
        if not playsound3.AVAILABLE_BACKENDS:
            raise PlayerUnavailable(
                _tr(
                    "playsound3 finds no external player (install alsa-utils and mpg123, "
                    "or gstreamer1.0-tools)."
                )
            )
        self._ps = playsound3
        self.backend = str(playsound3.DEFAULT_BACKEND or playsound3.AVAILABLE_BACKENDS[0])
        self.sink = sink
        self.why = ""
        self.latency_s = DEFAULT_LATENCY_S
        self._sources: dict[str, Path] = {}
        sweep_leftovers()
        self._dir = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-"))
        atexit.register(self.close)
        self._gain = 1.0
        try:
            self._check_output()
        except BaseException:  # no player after all: leave no folder behind
            self.close()
            raise

    @contextlib.contextmanager
    def _env(self) -> Iterator[None]:
        """The external player inherits our environment: steer it to the chosen sink while it
        is started, and put the variable back (left set, it leaked into every later player
        and child of the process)."""
        if not self.sink:
            yield
            return
        before = os.environ.get("PULSE_SINK")
        os.environ["PULSE_SINK"] = self.sink
        try:
            yield
        finally:
            if before is None:
                os.environ.pop("PULSE_SINK", None)
            else:
                os.environ["PULSE_SINK"] = before

    def _check_output(self) -> None:
        """Play nothing (a 10 ms silent WAV) once: fails plainly when no output device works."""
        silent = self._dir / "silence.wav"
        _write(silent, np.zeros(220, dtype=np.int16), 22050)
        with self._env():
            sound = self._ps.playsound(str(silent), block=False, backend=self.backend)
        proc = sound.subprocess
        self._note_child(proc)
        code = proc.wait() if isinstance(proc, subprocess.Popen) else 0
        if code != 0:
            raise PlayerUnavailable(
                _tr("playsound3 ({backend}) cannot reach an audio output.").format(
                    backend=self.backend
                )
            )

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
        with self._env():
            sound = self._ps.playsound(
                str(self._dir / f"{clip_id}.wav"), block=False, backend=self.backend
            )
        self._note_child(getattr(sound, "subprocess", None))
        return True

    def _note_child(self, proc: object) -> None:
        """Remember the external player's pid, so the next start can end it if we were
        killed before it finished (its command line names our folder)."""
        pid = getattr(proc, "pid", None)
        if isinstance(pid, int):
            with contextlib.suppress(OSError), open(self._dir / CHILDREN, "a") as f:
                f.write(f"{pid}\n")

    def set_volume(self, gain: float) -> None:
        self._gain = gain
        for clip_id in self._sources:
            self._render(clip_id)

    def has(self, clip_id: str) -> bool:
        return clip_id in self._sources

    def close(self) -> None:
        _end_children(self._dir)
        shutil.rmtree(self._dir, ignore_errors=True)


PREFIX = "ptcoach-cues-"
CHILDREN = "children"


def sweep_leftovers(temp: Path | None = None) -> list[Path]:
    """Remove the cue folders of ptcoach processes that are gone (a crash or kill -9 skips
    `close`), ending any external player still playing from one. Returns what was removed."""
    temp = Path(temp or tempfile.gettempdir())
    removed: list[Path] = []
    try:
        candidates = list(temp.glob(f"{PREFIX}*"))
    except OSError:
        return removed
    for folder in candidates:
        pid_text = folder.name[len(PREFIX) :].split("-", 1)[0]
        try:
            if folder.stat().st_uid != os.getuid() or not folder.is_dir():
                continue
        except OSError:
            continue
        if pid_text.isdigit() and _alive(int(pid_text)):
            continue
        _end_children(folder)
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _end_children(folder: Path) -> None:
    """SIGKILL each listed player still running from `folder` (checked by its command line,
    so a reused pid is never touched)."""
    try:
        pids = (folder / CHILDREN).read_text().split()
    except OSError:
        return
    for text in pids:
        if not text.isdigit():
            continue
        try:
            with open(f"/proc/{text}/cmdline", "rb") as f:
                cmdline = f.read()
        except OSError:
            continue
        if str(folder).encode() in cmdline:
            with contextlib.suppress(OSError):
                os.kill(int(text), signal.SIGKILL)


def _write(path: Path, samples: npt.NDArray[Any], rate: int) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(samples.tobytes())
