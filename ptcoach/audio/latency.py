"""Measure a player's output latency: play a near-silent probe blip a few times and find it on
the sink's monitor. Gives up (None) when the sink is not quiet (music).

`LatencyProbe` does it without ever blocking the GUI thread: parec starts, stops and is analysed
in a worker thread, only the blips are played on the GUI thread, and the figure comes back by a
queued signal. `load_cached`/`save_cached` keep the last figure per output device, used until a
fresh one exists. `measure_latency` is the blocking form (tests, benchmarks).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from ptcoach.audio.player import PROBE_CLIP, Player

if TYPE_CHECKING:  # numpy: imported in the worker thread, never on the GUI thread's path
    from ptcoach.audio.monitor import MonitorRecorder, Recording

CACHE_FILE = "audio-latency.json"

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
    out = subprocess.run(["pactl", "get-default-sink"], capture_output=True, text=True, timeout=5)
    return out.stdout.strip() or None if out.returncode == 0 else None


def open_recorder(player_sink: str | None) -> MonitorRecorder | None:
    """A running parec on the player's sink (blocking: up to a few seconds), or None."""
    from ptcoach.audio.monitor import MonitorRecorder, pulse_available

    try:
        if not pulse_available():
            return None
        sink = player_sink or default_sink()
        if sink is None:
            return None
        return MonitorRecorder(sink).start()
    except (OSError, RuntimeError, subprocess.SubprocessError):
        return None


def measure_latency(player: Player, *, tries: int = 3) -> float | None:
    """Median seconds from play() to the probe reaching the sink, or None if unmeasurable."""
    if player.name == "none" or not player.has(PROBE_CLIP):
        return None
    recorder = open_recorder(player.sink)
    if recorder is None:
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
    return latency_from(rec, asked)


def latency_from(rec: Recording, asked: list[float]) -> float | None:
    """The median delay from each play() time in `asked` to its blip in the recording."""
    onsets = [rec.time_of(i) for i in rec.onsets(PROBE_THRESHOLD, gap_s=0.1)]
    delays = []
    for t in asked:
        after = [o - t for o in onsets if -0.01 <= o - t < SPACING_S / 2]
        if len(after) != 1:  # missing, or something else is playing (music): no figure
            return None
        delays.append(after[0])
    return max(0.0, statistics.median(delays))


class LatencyProbe(QObject):
    """Measures in the background: `start()` returns at once, `finished(float | None)` comes
    later. Nothing here blocks the GUI thread for more than a play() call."""

    finished = Signal(object)  # seconds, or None when it could not be measured
    _opened = Signal(object)  # from the worker: MonitorRecorder | None
    _measured = Signal(object)  # from the worker: seconds | None

    def __init__(
        self,
        player: Player,
        *,
        tries: int = 3,
        settle_s: float = 0.15,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.player = player
        self.tries = tries
        self.settle_s = settle_s
        self.running = False
        self._asked: list[float] = []
        self._recorder: MonitorRecorder | None = None
        self._opened.connect(self._on_opened)  # queued: emitted from the worker thread
        self._measured.connect(self._on_measured)

    def start(self) -> None:
        if self.running:
            return
        self.running = True
        if self.player.name == "none" or not self.player.has(PROBE_CLIP):
            QTimer.singleShot(0, lambda: self._on_measured(None))
            return
        sink = self.player.sink
        threading.Thread(
            target=lambda: self._opened.emit(open_recorder(sink)),
            name="ptcoach-latency-open",
            daemon=True,
        ).start()

    def _on_opened(self, recorder: MonitorRecorder | None) -> None:
        if recorder is None:
            self._on_measured(None)
            return
        self._recorder = recorder
        self._asked = []
        QTimer.singleShot(round(self.settle_s * 1000), self._blip)

    def _blip(self) -> None:
        self._asked.append(time.monotonic())
        try:
            self.player.play(PROBE_CLIP)
        except Exception:  # the player broke: no figure; the director finds out at its next cue
            self._asked.clear()
            QTimer.singleShot(0, self._stop)
            return
        if len(self._asked) < self.tries:
            QTimer.singleShot(round(SPACING_S * 1000), self._blip)
        else:
            QTimer.singleShot(round(SPACING_S * 1000), self._stop)

    def _stop(self) -> None:
        recorder, asked = self._recorder, list(self._asked)
        self._recorder = None
        assert recorder is not None

        def work() -> None:
            try:
                value = latency_from(recorder.stop(), asked)
            except Exception:  # a failed measurement only means no new figure
                value = None
            self._measured.emit(value)

        threading.Thread(target=work, name="ptcoach-latency-measure", daemon=True).start()

    def _on_measured(self, value: float | None) -> None:
        self.running = False
        self.finished.emit(value)


def _cache_path() -> Path:
    from ptcoach.catalog.builtin_cache import cache_dir

    return cache_dir() / CACHE_FILE


def load_cached(device: str | None) -> float | None:
    """The last figure measured on this output device, if any."""
    if not device:
        return None
    try:
        value = json.loads(_cache_path().read_text(encoding="utf-8")).get(device)
    except (OSError, ValueError, AttributeError):
        return None
    return float(value) if isinstance(value, int | float) and 0 <= value < 2 else None


def save_cached(device: str | None, seconds: float) -> None:
    """Remember this device's figure (atomically; a failure only loses the cache)."""
    if not device:
        return
    path = _cache_path()
    try:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            data = data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            data = {}
        data[device] = round(seconds, 4)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass
