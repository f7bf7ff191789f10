"""Progress view timings on ten years of daily sessions: open (query, aggregate, draw), change
the range, switch exercise; with tracemalloc's peak and the process's RSS. Prints a table.

Uses the store's scripts/gen_history.py when it exists, else the generator below.
"""

from __future__ import annotations

import json
import os
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# (id, name, sets, per side, reps or None, hold seconds or None)
EXERCISES = (
    ("clamshell", "Clamshell", 3, True, 15, None),
    ("straight-leg-raise", "Straight leg raise", 3, True, 12, None),
    ("step-up", "Step-up", 2, True, 10, None),
    ("wall-sit", "Wall sit", 3, False, None, 30.0),
    ("foam-roll", "Foam roll", 1, False, None, 60.0),
)


def generate(conn: sqlite3.Connection, days: int, end: date, seed: int = 6) -> None:
    """About one session a day for `days` days up to `end`: some partial, a few missed, the
    wall-sit hold growing from 30 to 60 s over the first year, pain easing, plans changing."""
    rng = random.Random(seed)
    start = end - timedelta(days=days - 1)
    plans = [
        (start, 3, None),
        (start + timedelta(days=days // 4), None, "0,2,4,5"),
        (start + timedelta(days=days // 2), 5, None),
        (end - timedelta(days=120), 4, None),
    ]
    conn.executemany(
        "INSERT INTO plans (routine_id, start_date, sessions_per_week, weekdays, remind_at,"
        " created_at) VALUES ('runners-knee', ?, ?, ?, '07:30', ?)",
        [(d.isoformat(), n, w, f"{d.isoformat()}T06:00:00.000Z") for d, n, w in plans],
    )
    planned_sets = sum(s * (2 if side else 1) for _, _, s, side, _, _ in EXERCISES)
    sessions, sets = [], []
    for offset in range(days):
        day = start + timedelta(days=offset)
        if rng.random() < 0.06 + 0.1 * (day.weekday() == 6):
            continue  # a missed day
        progress = min(1.0, offset / 365)
        utc_offset = 60 if not 3 < day.month < 11 else 120  # Europe, roughly, DST included
        local = datetime(
            day.year, day.month, day.day, rng.choice((7, 7, 12, 18, 21)), rng.randrange(60)
        )
        at = local.replace(tzinfo=UTC) - timedelta(minutes=utc_offset)
        session_id = len(sessions) + 1
        quit_after = planned_sets if rng.random() > 0.08 else rng.randrange(planned_sets)
        phase = 0
        for ex_id, name, count, per_side, reps, hold in EXERCISES:
            for number in range(1, count + 1):
                for side in ("left", "right") if per_side else (None,):
                    phase += 2
                    done = phase // 2 <= quit_after
                    skipped = done and rng.random() < 0.03
                    got_reps = (
                        None
                        if reps is None or not done
                        else max(1, reps + int(4 * progress) - rng.randrange(3))
                    )
                    got_hold = None
                    if hold is not None and done:
                        grow = 30 * progress if ex_id == "wall-sit" else 0
                        got_hold = round(hold + grow - rng.random() * 4, 1)
                    if not done:
                        continue
                    at += timedelta(seconds=45)
                    sets.append(
                        (
                            session_id,
                            phase,
                            ex_id,
                            name,
                            number,
                            side,
                            reps,
                            hold,
                            None if skipped else got_reps,
                            None if skipped else got_hold,
                            int(skipped),
                            _iso(at),
                            _iso(at + timedelta(seconds=40)),
                        )
                    )
        pain = max(0, min(10, round(6 - 4 * progress + rng.gauss(0, 1.2))))
        sessions.append(
            (
                session_id,
                "runners-knee",
                "Runner's knee",
                _iso(at - timedelta(minutes=20)),
                day.isoformat(),
                utc_offset,
                _iso(at + timedelta(minutes=1)),
                "completed" if quit_after == planned_sets else "partial",
                planned_sets,
                json.dumps({"routine_id": "runners-knee", "targets": []}),
                min(10, pain + rng.randrange(2)),
                pain,
                max(0, min(10, round(rng.gauss(6, 1.3)))),
            )
        )
    with conn:
        conn.executemany(
            "INSERT INTO sessions (id, routine_id, routine_name, started_at,"
            " local_date, utc_offset_min, ended_at, status, planned_sets, plan_json,"
            " pain_before, pain, effort) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            sessions,
        )
        conn.executemany(
            "INSERT INTO sets (session_id, phase_index, exercise_id, exercise_name,"
            " set_number, side, target_reps, target_hold_s, reps, hold_s, skipped,"
            " started_at, ended_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            sets,
        )


_APP = None


def add_plans(path: Path, days: int, today: date) -> None:
    """A plan for each routine in the history, changed a few times, if it has none."""
    from ptcoach.store.db import open_database
    from ptcoach.store.plans import end_plan, list_plans, set_plan

    conn = open_database(path)
    if not list_plans(conn):
        start = today - timedelta(days=days - 1)
        for (routine_id,) in conn.execute("SELECT DISTINCT routine_id FROM sessions").fetchall():
            if routine_id != "runners-knee":
                set_plan(conn, routine_id, start, sessions_per_week=1)
                continue
            set_plan(conn, routine_id, start, sessions_per_week=4)
            set_plan(
                conn, routine_id, start + timedelta(days=days // 3), weekdays=[0, 1, 2, 3, 4, 5]
            )
            end_plan(conn, routine_id, start + timedelta(days=days // 2))
            set_plan(
                conn,
                routine_id,
                start + timedelta(days=days // 2 + 60),
                sessions_per_week=5,
                remind_at="07:30",
            )
            set_plan(conn, routine_id, today - timedelta(days=150), sessions_per_week=6)
    conn.close()


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def make_history(path: Path, days: int, today: date) -> str:
    script = ROOT / "scripts" / "gen_history.py"
    if script.exists():
        subprocess.run(
            [
                sys.executable,
                str(script),
                "--days",
                str(days),
                "--db",
                str(path),
                "--end",
                today.isoformat(),
            ],
            check=True,
            capture_output=True,
        )
        add_plans(path, days, today)
        return "scripts/gen_history.py"
    from ptcoach.store.db import open_database

    conn = open_database(path)
    generate(conn, days, today)
    conn.close()
    return "bench_progress.generate"


def best_of(runs: int, action) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        action()
        times.append(time.perf_counter() - t0)
    return min(times) * 1000, sorted(times)[len(times) // 2] * 1000


def main() -> int:
    from PySide6.QtWidgets import QApplication

    # One application for the whole process, outliving every widget (a QApplication that
    # goes away before its widgets crashes the interpreter on exit).
    global _APP
    app = _APP = QApplication.instance() or QApplication([])
    today = date.today()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "history.sqlite3"
        source = make_history(path, 3650, today)
        from ptcoach.store.db import open_database

        conn = open_database(path)
        n_sessions, n_sets = conn.execute(
            "SELECT (SELECT COUNT(*) FROM sessions), (SELECT COUNT(*) FROM sets)"
        ).fetchone()
        rows: list[tuple[str, str, str]] = []

        t0 = time.perf_counter()
        from ptcoach.ui.progress import ProgressView  # first open: imports pyqtgraph
        from ptcoach.ui.progress.data import Span

        t_import = (time.perf_counter() - t0) * 1000
        t0 = time.perf_counter()
        view = ProgressView(conn, today=today)
        view.resize(1200, 760)
        view.show()
        app.processEvents()
        view.grab()  # draw every chart once
        t_first = (time.perf_counter() - t0) * 1000
        view.close()
        tracemalloc.start()  # after the timings: tracing slows Python down several times
        view = ProgressView(conn, today=today)
        view.show()
        app.processEvents()
        view.grab()
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        view.close()

        def open_view() -> None:
            v = ProgressView(conn, today=today)
            v.resize(1200, 760)
            v.show()
            app.processEvents()
            v.grab()
            v.close()
            v.deleteLater()

        view = ProgressView(conn, today=today)
        view.resize(1200, 760)
        view.show()
        spans = iter([Span.ALL, Span.WEEKS_4, Span.YEAR, Span.MONTHS_3] * 10)

        def change_range() -> None:
            view.set_span(next(spans))
            view.grab()

        exercises = iter(["wall-sit", "clamshell"] * 10)

        def change_exercise() -> None:
            view.set_exercise(next(exercises))
            view.grab()

        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        open_best, open_median = best_of(5, open_view)
        span_best, span_median = best_of(8, change_range)
        ex_best, ex_median = best_of(6, change_exercise)
        rows = [
            ("history", f"{n_sessions} sessions, {n_sets} sets", f"from {source}"),
            ("import ptcoach.ui.progress (pyqtgraph)", f"{t_import:.0f} ms", "once per process"),
            ("first open: query, aggregate, draw", f"{t_first:.0f} ms", "budget 300 ms"),
            (
                "open again (best / median of 5)",
                f"{open_best:.0f} / {open_median:.0f} ms",
                "budget 300 ms",
            ),
            (
                "change range (best / median of 8)",
                f"{span_best:.1f} / {span_median:.1f} ms",
                "budget 50 ms",
            ),
            ("switch exercise (best / median of 6)", f"{ex_best:.1f} / {ex_median:.1f} ms", ""),
            ("tracemalloc peak, one open", f"{peak / 2**20:.1f} MiB", "Python allocations"),
            ("max RSS", f"{rss_mb:.0f} MiB", "whole process"),
        ]
        view.close()
        view.deleteLater()
        app.processEvents()
        conn.close()
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'value':>28}  note")
    for name, value, note in rows:
        print(f"{name:<{width}}  {value:>28}  {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
