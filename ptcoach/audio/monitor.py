"""Hear what a PulseAudio sink plays: a private null sink, and a parec recorder of its monitor
that maps every recorded sample to time.monotonic().

Clock mapping: each chunk parec hands over is stamped with monotonic() on arrival; a chunk cannot
arrive before its last sample was rendered, so sample i of a chunk ending at sample e, stamped t,
was rendered at or before t - (e - i)/rate. The tightest such bound over the chunks just after i
(parec asks for 5 ms fragments) places i to within a few milliseconds. Used by the start-up
latency probe, the audio tests and the latency benchmark.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

RATE = 48000


@contextmanager
def null_sink(name: str | None = None) -> Iterator[str]:
    """A private null sink for the duration of the block (unique name per process)."""
    name = name or f"ptc_test_{os.getpid()}_{time.monotonic_ns() % 10**6}"
    out = subprocess.run(
        [
            "pactl",
            "load-module",
            "module-null-sink",
            f"sink_name={name}",
            f"rate={RATE}",
            f"sink_properties=device.description={name}",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=10,
    )
    module = out.stdout.strip()
    try:
        yield name
    finally:
        subprocess.run(["pactl", "unload-module", module], capture_output=True, timeout=10)


def pulse_available() -> bool:
    if shutil.which("pactl") is None or shutil.which("parec") is None:
        return False
    return subprocess.run(["pactl", "info"], capture_output=True, timeout=10).returncode == 0


@dataclass(frozen=True)
class Recording:
    samples: npt.NDArray[Any]  # float32, -1..1, mono
    chunk_ends: npt.NDArray[Any]  # sample index after each chunk
    chunk_times: npt.NDArray[Any]  # monotonic arrival of each chunk
    rate: int = RATE

    def time_of(self, index: int) -> float:
        k = int(np.searchsorted(self.chunk_ends, index, side="right"))
        sel = slice(k, k + 10)
        ends, times = self.chunk_ends[sel], self.chunk_times[sel]
        if len(ends) == 0:
            ends, times = self.chunk_ends[-1:], self.chunk_times[-1:]
        return float(np.min(times - (ends - index) / self.rate))

    def onsets(self, threshold: float = 10 ** (-50 / 20), gap_s: float = 0.03) -> list[int]:
        """Sample indices where sound starts after at least `gap_s` of silence."""
        loud = np.flatnonzero(np.abs(self.samples) > threshold)
        if len(loud) == 0:
            return []
        gap = int(gap_s * self.rate)
        starts = [int(loud[0])]
        breaks = np.flatnonzero(np.diff(loud) > gap)
        starts.extend(int(loud[b + 1]) for b in breaks)
        return starts

    def segments(
        self, threshold: float = 10 ** (-50 / 20), gap_s: float = 0.03
    ) -> list[tuple[int, int]]:
        """(start, end) sample ranges of each sound."""
        loud = np.flatnonzero(np.abs(self.samples) > threshold)
        if len(loud) == 0:
            return []
        gap = int(gap_s * self.rate)
        breaks = np.flatnonzero(np.diff(loud) > gap)
        starts = [int(loud[0]), *(int(loud[b + 1]) for b in breaks)]
        ends = [*(int(loud[b]) + 1 for b in breaks), int(loud[-1]) + 1]
        return list(zip(starts, ends, strict=True))


class MonitorRecorder:
    """Records `<sink>.monitor` with parec in a thread until stop()."""

    def __init__(self, sink: str) -> None:
        self.sink = sink
        self._chunks: list[tuple[float, bytes]] = []
        self._proc: subprocess.Popen[bytes] | None = None
        self._thread: threading.Thread | None = None
        self._first = threading.Event()

    def start(self, timeout_s: float = 5.0) -> MonitorRecorder:
        self._proc = subprocess.Popen(
            [
                "parec",
                "-d",
                f"{self.sink}.monitor",
                "--format=s16le",
                f"--rate={RATE}",
                "--channels=1",
                "--latency-msec=5",
                "--raw",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()
        if not self._first.wait(timeout_s):
            self.stop()
            raise RuntimeError(f"parec on {self.sink}.monitor gave no data in {timeout_s} s")
        return self

    def _read(self) -> None:
        assert self._proc is not None and self._proc.stdout is not None
        fd = self._proc.stdout.fileno()
        while True:
            data = os.read(fd, 4096)
            if not data:
                return
            self._chunks.append((time.monotonic(), data))
            self._first.set()

    def stop(self) -> Recording:
        if self._proc is not None:
            self._proc.terminate()
            self._proc.wait(timeout=5)
        if self._thread is not None:
            self._thread.join(timeout=5)
        raw = b"".join(d for _, d in self._chunks)
        # A chunk may end mid-sample: keep the byte count per chunk for exact sample ends.
        ends = np.cumsum([len(d) for _, d in self._chunks]) // 2 if self._chunks else np.zeros(0)
        samples = np.frombuffer(raw[: len(raw) // 2 * 2], dtype="<i2").astype(np.float32)
        return Recording(
            samples / 32768.0,
            np.asarray(ends, dtype=np.int64),
            np.array([t for t, _ in self._chunks]),
        )
