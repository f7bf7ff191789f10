#!/usr/bin/env python3
"""Store benchmarks: the commit latency of one set (real file, WAL, synchronous=FULL), what a
set write costs the GUI thread through the HistoryWriter (enqueue) against the worker's
journal + commit + checkpoint, and `ptcoach history` (text and json) over ten years of daily
sessions (scripts/gen_history.py)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ptcoach.store.db import database_path, open_database  # noqa: E402
from ptcoach.store.sessions import SetRow, insert_session, upsert_set  # noqa: E402
from ptcoach.store.writer import HistoryWriter, session_op, set_op  # noqa: E402

COMMITS = 300
RUNS = 3


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def commit_latency(folder: Path) -> list[float]:
    conn = open_database(database_path(folder))
    sid = insert_session(
        conn,
        routine_id="bench",
        routine_name="Bench",
        started_at="2026-01-01T07:00:00.000Z",
        local_date="2026-01-01",
        utc_offset_min=0,
        planned_sets=COMMITS,
        plan_json="{}",
    )
    times = []
    for i in range(COMMITS):
        row = SetRow(
            i,
            "clamshell",
            "Clamshell",
            i // 2 + 1,
            "left" if i % 2 else "right",
            15,
            None,
            15,
            None,
            False,
            "2026-01-01T07:00:01.000Z",
            "2026-01-01T07:00:31.000Z",
        )
        t0 = time.perf_counter()
        upsert_set(conn, sid, row)
        times.append((time.perf_counter() - t0) * 1000)
    conn.close()
    return times


def writer_latency(folder: Path) -> tuple[list[float], list[float]]:
    """(the submitting thread's time per set, the worker's time from submit to committed)."""
    import threading

    committed = threading.Event()
    writer = HistoryWriter(
        folder, on_event=lambda kind, _t: kind == "committed" and committed.set()
    ).start()
    writer.submit(
        session_op(
            "bench",
            routine_id="bench",
            routine_name="Bench",
            started_at="2026-01-01T07:00:00.000Z",
            local_date="2026-01-01",
            utc_offset_min=0,
            planned_sets=COMMITS,
            plan_json="{}",
        )
    )
    writer.wait_idle(30)
    enqueue, commit = [], []
    for i in range(COMMITS):
        row = SetRow(
            i,
            "clamshell",
            "Clamshell",
            i // 2 + 1,
            "left" if i % 2 else "right",
            15,
            None,
            15,
            None,
            False,
            "2026-01-01T07:00:01.000Z",
            "2026-01-01T07:00:31.000Z",
        )
        committed.clear()
        t0 = time.perf_counter()
        writer.submit(set_op("bench", row))
        t1 = time.perf_counter()
        committed.wait(30)
        t2 = time.perf_counter()
        enqueue.append((t1 - t0) * 1000)
        commit.append((t2 - t0) * 1000)
        writer.wait_idle(30)
    writer.close()
    return enqueue, commit


def history_times(data_dir: Path, fmt: str) -> tuple[list[float], int]:
    times, size = [], 0
    for _ in range(RUNS):
        t0 = time.perf_counter()
        out = subprocess.run(
            [
                sys.executable,
                "-m",
                "ptcoach",
                "--data-dir",
                str(data_dir),
                "history",
                "--format",
                fmt,
            ],
            capture_output=True,
            cwd=ROOT,
            check=True,
        )
        times.append(time.perf_counter() - t0)
        size = len(out.stdout)
    return times, size


def main() -> int:
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as tmp:
        base = Path(tmp)
        latency = commit_latency(base / "commit")
        ten_years = base / "ten-years"
        ten_years.mkdir()
        gen = subprocess.run(
            [
                sys.executable,
                str(ROOT / "scripts" / "gen_history.py"),
                "--days",
                "3650",
                "--db",
                str(database_path(ten_years)),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        print(f"file system of the benchmark: {base}")
        print()
        print(f"{'one set committed (ms)':<28}{'p50':>8}{'p99':>8}{'max':>8}{'n':>6}")
        print(
            f"{'  WAL, synchronous=FULL':<28}{statistics.median(latency):8.2f}"
            f"{percentile(latency, 0.99):8.2f}{max(latency):8.2f}{len(latency):6d}"
        )
        enqueue, worker = writer_latency(base / "writer")
        print(
            f"{'  GUI thread: enqueue':<28}{statistics.median(enqueue):8.3f}"
            f"{percentile(enqueue, 0.99):8.3f}{max(enqueue):8.3f}{len(enqueue):6d}"
        )
        print(
            f"{'  worker: journal+commit':<28}{statistics.median(worker):8.2f}"
            f"{percentile(worker, 0.99):8.2f}{max(worker):8.2f}{len(worker):6d}"
        )
        print()
        print(gen.stdout.strip())
        print(f"{'ptcoach history':<28}{'best s':>8}{'median s':>10}{'output':>12}")
        for fmt in ("text", "json", "csv"):
            times, size = history_times(ten_years, fmt)
            print(
                f"{'  --format ' + fmt:<28}{min(times):8.2f}{statistics.median(times):10.2f}"
                f"{size / 1e6:10.1f} MB"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
