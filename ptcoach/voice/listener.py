"""A microphone and a recogniser together: audio is decoded on the capture thread, never the
caller's; detections and errors come back through callbacks (on that thread)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import numpy.typing as npt

from ptcoach.voice.capture import Capture
from ptcoach.voice.recogniser import Detection, Recogniser


class Listener:
    def __init__(
        self,
        device: str | None,
        on_detect: Callable[[Detection], None],
        on_error: Callable[[str], None],
        recogniser: Recogniser | None = None,
    ) -> None:
        self.recogniser = recogniser or Recogniser()
        self._on_detect = on_detect
        self._on_error = on_error
        self._lock = threading.Lock()
        self.cpu_s = 0.0  # thread CPU time spent decoding
        self.capture = Capture(device, self._on_audio, on_error)

    def start(self) -> None:
        self.capture.start()

    def stop(self) -> None:
        self.capture.stop()

    def ignore(self, start: float, end: float) -> None:
        """Thread-safe: words overlapping [start, end] (monotonic) are never taken."""
        with self._lock:
            self.recogniser.ignore(start, end)

    def _on_audio(self, samples: npt.NDArray[Any], t_end: float) -> None:
        c0 = time.thread_time()
        with self._lock:
            found = self.recogniser.feed(samples, t_end)
        self.cpu_s += time.thread_time() - c0
        for d in found:
            self._on_detect(d)
