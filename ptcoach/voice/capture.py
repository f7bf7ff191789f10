"""The microphone, through PulseAudio (PipeWire's pulse server too): `parec` records the chosen
source as 16 kHz mono and a thread hands each chunk on, stamped with time.monotonic() at arrival.

Every failure ends in one plain line through `on_error`: no recorder installed, no such (or no)
microphone, a busy one, one that goes away mid-session.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt

from ptcoach.voice.devices import microphones
from ptcoach.voice.segmenter import RATE

CHUNK_BYTES = 3200  # 100 ms of 16-bit mono at 16 kHz
WATCH_S = 1.5  # how often the chosen microphone is checked for


class Capture:
    def __init__(
        self,
        device: str | None,
        on_audio: Callable[[npt.NDArray[Any], float], None],
        on_error: Callable[[str], None],
    ) -> None:
        self.device = device or None  # None: the default source
        self._on_audio = on_audio
        self._on_error = on_error
        self._proc: subprocess.Popen[bytes] | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()

    def start(self) -> None:
        """Starts the recorder and returns at once; audio and errors arrive on a thread."""
        self._stopping.clear()
        self._thread = threading.Thread(target=self._run, name="ptcoach-voice-capture", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        proc = self._proc
        if proc is not None and proc.poll() is None:
            proc.terminate()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=2)

    def _watch(self, proc: subprocess.Popen[bytes]) -> None:
        while proc.poll() is None and not self._stopping.wait(WATCH_S):
            names = [n for n, _ in microphones()]
            if names and self.device not in names:
                self._gone = True
                proc.terminate()
                return

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _run(self) -> None:
        parec = shutil.which("parec")
        if parec is None:
            self._on_error("Voice commands are off: no PulseAudio recorder (parec) is installed.")
            return
        cmd = [
            parec,
            f"--rate={RATE}",
            "--channels=1",
            "--format=s16le",
            "--raw",
            "--latency-msec=50",
        ]
        if self.device:
            cmd += ["-d", self.device]
        try:
            self._proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        except OSError as exc:
            self._on_error(f"Voice commands are off: the microphone cannot be opened ({exc}).")
            return
        proc = self._proc
        self._gone = False
        if self.device:  # PulseAudio moves a stream whose source vanishes: notice it ourselves
            threading.Thread(target=self._watch, args=(proc,), daemon=True).start()
        assert proc.stdout is not None
        fd = proc.stdout.fileno()
        got_any = False
        rest = b""
        while True:
            data = os.read(fd, CHUNK_BYTES)
            if not data:
                break
            now = time.monotonic()
            data = rest + data
            usable = len(data) // 2 * 2
            rest = data[usable:]
            if usable:
                got_any = True
                self._on_audio(np.frombuffer(data[:usable], dtype="<i2").copy(), now)
        proc.wait()
        if self._stopping.is_set():
            return
        err = proc.stderr.read().decode(errors="replace").strip() if proc.stderr else ""
        what = self.device or "the default microphone"
        if not got_any and not self._gone:
            reason = err.splitlines()[-1] if err else f"exit status {proc.returncode}"
            self._on_error(f"Voice commands are off: {what} cannot be opened ({reason}).")
        else:
            self._on_error(f"Voice commands stopped: {what} went away. The session goes on.")
