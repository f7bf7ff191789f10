"""Measure a player's output latency once at start-up: play a near-silent probe blip a few
times and find it on the sink's monitor. Gives up (None) when the sink is not quiet (music)."""

from __future__ import annotations

import statistics
import subprocess
import time

from ptcoach.audio.monitor import MonitorRecorder, pulse_available
from ptcoach.audio.player import PROBE_CLIP, Player

PROBE_THRESHOLD = 10 ** (-60 / 20)  # the probe peaks at -46 dBFS on a silent sink
SPACING_S = 0.25


def _wait(seconds: float) -> None:
    """Sleep while letting Qt deliver its events (QSoundEffect needs them)."""
    from PySide6.QtCore import QCoreApplication

    end = time.monotonic() + seconds
    while (left := end - time.monotonic()) > 0:
        if QCoreApplication.instance() is not None:
            QCoreApplication.processEvents()
        time.sleep(min(left, 0.002))


def default_sink() -> str | None:
    out = subprocess.run(["pactl", "get-default-sink"], capture_output=True, text=True,
                         timeout=5)
    return out.stdout.strip() or None if out.returncode == 0 else None


def measure_latency(player: Player, *, tries: int = 3) -> float | None:
    """Median seconds from play() to the probe reaching the sink, or None if unmeasurable."""
    if player.name == "none" or not player.has(PROBE_CLIP) or not pulse_available():
        return None
    sink = player.sink or default_sink()
    if sink is None:
        return None
    try:
        recorder = MonitorRecorder(sink).start()
    except (OSError, RuntimeError):
        return None
    asked: list[float] = []
    try:
        _wait(0.15)  # let any earlier sound (the warm-up probe) end first
        for _ in range(tries):
            asked.append(time.monotonic())
            player.play(PROBE_CLIP)
            _wait(SPACING_S)
    finally:
        rec = recorder.stop()
    onsets = [rec.time_of(i) for i in rec.onsets(PROBE_THRESHOLD, gap_s=0.1)]
    delays = []
    for t in asked:
        after = [o - t for o in onsets if -0.01 <= o - t < SPACING_S / 2]
        if len(after) != 1:  # missing, or something else is playing (music): no figure
            return None
        delays.append(after[0])
    return max(0.0, statistics.median(delays))
