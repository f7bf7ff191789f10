"""How close to the true second boundaries the driver refreshes the big number, in a real Qt
event loop, beside a naive 1000 ms repeating QTimer measured in the same run.

A 60-minute session (hold sets and rests) runs at speed 20 (3 minutes of wall time would be
too long, so each pass runs a slice: the first 24 minutes of session time, 72 s of wall time).
The error of each boundary is when the view's slot ran minus when the boundary was due, in
wall milliseconds. The naive timer's error is its n-th tick minus start + n * 1000 ms, at speed
1. A second pass repeats both with a busy-loop process on another core.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import statistics
import sys
import time

from PySide6.QtCore import QCoreApplication, QTimer

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests"))
from factories import exercise, routine

from ptcoach.catalog.model import Kind, Targets
from ptcoach.engine import events as ev
from ptcoach.engine.plan import expand
from ptcoach.engine.session import Session
from ptcoach.ui.session.driver import SessionDriver

SPEED = 20.0
SLICE_S = 24 * 60  # session seconds per pass
NAIVE_TICKS = 60


def plan_60_min():
    hold = exercise("plank", Kind.HOLD)
    pairs = [(hold, Targets(sets=6, hold_s=60, rest_s=30))] * 7
    return expand(routine(*pairs, lead_in_s=10, rest_between_exercises_s=60))


def busy(stop_at: float) -> None:
    if hasattr(os, "sched_setaffinity") and os.cpu_count() and os.cpu_count() > 1:
        os.sched_setaffinity(0, {os.cpu_count() - 1})
    x = 0
    while time.monotonic() < stop_at:
        x += 1


def run_pass(app: QCoreApplication) -> dict[str, list[float]]:
    plan = plan_60_min()
    session = Session(plan, speed=SPEED)
    driver = SessionDriver(session)
    boundary_err: list[float] = []
    end_err: list[float] = []
    stop_session_at = [0.0]

    def on_events(events: list[ev.Event]) -> None:
        now = time.monotonic()
        for e in events:
            if isinstance(e, ev.Countdown | ev.PhaseStarted):
                boundary_err.append((now - e.at) * 1000.0)
            if isinstance(e, ev.SessionCompleted):
                end_err.append((now - e.at) * 1000.0)
        if now >= stop_session_at[0] and session.state.value == "running":
            # The slice is done: measure how late the "end" lands by skipping to the last
            # phase's final second instead of running all 60 minutes.
            last = len(plan.phases) - 1
            if session.phase is not None and session.phase.index != last:
                driver.goto(last)
        if end_err:
            app.quit()

    driver.events_emitted.connect(on_events)
    naive: list[float] = []
    naive_timer = QTimer()
    naive_timer.setInterval(1000)
    t0 = [0.0]

    def on_naive() -> None:
        naive.append(time.monotonic())
        if len(naive) >= NAIVE_TICKS:
            naive_timer.stop()

    naive_timer.timeout.connect(on_naive)
    start = time.monotonic()
    stop_session_at[0] = start + SLICE_S / SPEED
    t0[0] = time.monotonic()
    naive_timer.start()
    driver.start()
    app.exec()
    while naive_timer.isActive():
        app.processEvents()
        time.sleep(0.001)
    naive_err = [(t - (t0[0] + (i + 1) * 1.0)) * 1000.0 for i, t in enumerate(naive)]
    return {"boundary": boundary_err, "end": end_err, "naive": naive_err}


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, round(q * (len(s) - 1)))]


def row(name: str, values: list[float]) -> str:
    return (
        f"{name:<46} {len(values):>6} {statistics.median(values):>8.2f} "
        f"{pct(values, 0.99):>8.2f} {max(values):>8.2f}"
    )


def main() -> int:
    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    print(
        f"60-minute plan at speed {SPEED:g}: {SLICE_S // 60} session minutes per pass, "
        f"then a jump to the last phase to time the end; naive timer: {NAIVE_TICKS} ticks "
        "of 1000 ms at speed 1."
    )
    print(f"{'measure (ms late)':<46} {'n':>6} {'p50':>8} {'p99':>8} {'max':>8}")
    results = {}
    for label, load in (("idle", False), ("other core busy", True)):
        proc = None
        if load:
            proc = mp.Process(target=busy, args=(time.monotonic() + 200,), daemon=True)
            proc.start()
        try:
            r = run_pass(app)
        finally:
            if proc is not None:
                proc.terminate()
                proc.join()
        results[label] = r
        print(row(f"driver: second boundaries ({label})", r["boundary"]))
        print(row(f"driver: session end ({label})", r["end"]))
        print(row(f"naive 1000 ms QTimer ({label})", r["naive"]))
        drift = r["naive"][-1] / len(r["naive"])
        print(f"{'':<46} naive drift: {drift:.2f} ms per tick")
    ok = all(max(r["end"]) < 5 and pct(r["boundary"], 0.99) < 15 for r in results.values())
    print("targets (end < 5 ms, p99 boundary < 15 ms):", "met" if ok else "NOT met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
