"""Cue onset latency: from the moment a cue is requested to its first audible sample.

Each player plays a click 60 times into a private null sink whose monitor parec records.
Clock offset: parec's chunks (5 ms fragments) are stamped with time.monotonic() on arrival; a
sample is placed at the earliest bound `arrival - samples_after_it / rate` over the chunks that
follow it (ptcoach/audio/monitor.py), good to a few ms. "raw" plays at the request; "aimed" runs
a real session (tempo clicks every 0.5 s) through CueDirector, which starts each cue early by the
latency it measured at start-up; its error is the onset minus the event's due time.
Run: source scripts/test-env.sh && .venv/bin/python benchmarks/bench_audio_latency.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from PySide6.QtCore import QCoreApplication

from ptcoach.audio import clips
from ptcoach.audio.director import CueDirector
from ptcoach.audio.latency import _wait
from ptcoach.audio.monitor import MonitorRecorder, null_sink, pulse_available
from ptcoach.audio.player import choose_player
from ptcoach.audio.settings import AudioSettings

N = 60
THRESHOLD = 10 ** (-50 / 20)


def match(requests: list[float], onsets: list[float], window: float = 0.4) -> list[float]:
    """Delay from each request to the first onset after it (within `window`)."""
    out = []
    for t in requests:
        after = [o - t for o in onsets if -0.05 <= o - t <= window]
        if after:
            out.append(after[0])
    return out


def raw(kind: str, sink: str) -> tuple[list[float], int]:
    player, message = choose_player(kind, sink=sink)
    if player.name != kind:
        print(f"  {kind}: unavailable: {message}")
        return [], 0
    player.load({"tick": clips.available()["tick"], "probe": clips.available()["probe"]})
    player.play("probe")
    _wait(0.3)
    rec = MonitorRecorder(sink).start()
    asked = []
    for _ in range(N):
        asked.append(time.monotonic())
        player.play("tick")
        _wait(0.3)
    _wait(0.4)
    r = rec.stop()
    player.close()
    onsets = [r.time_of(i) for i in r.onsets(THRESHOLD, gap_s=0.1)]
    return match(asked, onsets), N


def aimed(kind: str, sink: str) -> tuple[list[float], int, float | None]:
    import factories

    from ptcoach.catalog.model import Targets
    from ptcoach.engine.plan import expand
    from ptcoach.engine.session import Session

    player, _ = choose_player(kind, sink=sink)
    if player.name != kind:
        return [], 0, None
    director = CueDirector(player, AudioSettings(voice=False))
    measured = director.prepare(["start", "tempo_lift", "tempo_lower", "end"])
    due: list[float] = []
    director.cue_played.connect(lambda cue: due.append(cue.at))
    ex = factories.exercise("clamshell", tempo=(("lift", 0.5), ("lower", 0.5)))
    routine = factories.routine((ex, Targets(sets=1, reps=30)), lead_in_s=0)
    session = Session(expand(routine))
    rec = MonitorRecorder(sink).start()
    director.handle(session.start())
    director.look_ahead(session)
    while session.next_deadline() is not None:
        _wait(0.005)  # a driver polling at 5 ms, like a real QTimer-driven one
        events = session.advance()
        if events:
            director.handle(events)
        director.look_ahead(session)
    _wait(0.6)
    r = rec.stop()
    player.close()
    onsets = [r.time_of(i) for i in r.onsets(THRESHOLD, gap_s=0.1)]
    errors = []
    for t in due:
        near = [o - t for o in onsets if abs(o - t) < 0.25]
        if near:
            errors.append(min(near, key=abs))
    return errors, len(due), measured


def row(label: str, values: list[float], asked: int) -> str:
    if not values:
        return f"{label:<42} {'-':>8} {'-':>8} {'-':>8} {0:>4}/{asked}"
    ms = np.array(values) * 1000
    return (
        f"{label:<42} {np.percentile(ms, 50):8.1f} {np.percentile(np.abs(ms), 95):8.1f} "
        f"{ms.max():8.1f} {len(ms):>4}/{asked}"
    )


def main() -> int:
    if not pulse_available():
        print("bench_audio_latency: no PulseAudio server (source scripts/test-env.sh); skipped")
        return 0
    app = QCoreApplication.instance() or QCoreApplication([])
    rows = []
    with null_sink() as sink:
        for kind in ("qt", "playsound"):
            values, asked = raw(kind, sink)
            rows.append(row(f"{kind}: request -> onset (raw)", values, asked))
        for kind in ("qt", "playsound"):
            errors, asked, measured = aimed(kind, sink)
            lat = "unmeasured" if measured is None else f"{measured * 1000:.0f} ms"
            rows.append(row(f"{kind}: onset - due (aimed, L={lat})", errors, asked))
    del app
    print(f"{'cue onset, ms':<42} {'p50':>8} {'p95|x|':>8} {'max':>8} {'heard':>9}")
    print("\n".join(rows))
    print("targets: qt raw p95 <= 40 ms; aimed |onset - due| p95 <= 15 ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
