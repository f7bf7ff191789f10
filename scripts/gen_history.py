#!/usr/bin/env python3
"""Generate a realistic ptcoach history for benchmarks and demos.

    scripts/gen_history.py --days 3650 --db PATH [--seed 1] [--end YYYY-MM-DD]
                           [--tz Europe/Berlin] [--force]

About one session a day ending on --end (default today): skipped days and breaks of a few
weeks, partial and abandoned sessions, a few skipped sets, pain falling after a flare-up
and rising again now and then, effort ratings, and the wall-sit hold growing from 30 to 60 s.
The file is an ordinary schema-v1 history (made through ptcoach.store.db.open_database).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ptcoach.store.db import open_database
from ptcoach.store.timefmt import to_iso


@dataclass(frozen=True)
class Ex:
    id: str
    name: str
    per_side: bool
    sets: int
    reps: int | None  # reps kind
    hold_s: float | None  # hold / areas kind
    rest_s: float
    rep_s: float = 3.0  # seconds one rep takes
    areas: int = 1


RUNNERS_KNEE = (
    "runners-knee",
    "Runner's knee",
    (
        Ex("clamshell", "Clamshell", True, 3, 15, None, 30, rep_s=3.0),
        Ex("straight-leg-raise", "Straight-leg raise", True, 3, 12, None, 30, rep_s=4.0),
        Ex("step-up", "Step-up", True, 3, 10, None, 45, rep_s=3.0),
        Ex("wall-sit", "Wall sit", False, 3, None, 30.0, 60),
    ),
)
RECOVERY = (
    "recovery",
    "Easy-day recovery",
    (
        Ex("foam-roll", "Foam roll", False, 2, None, 60.0, 30, areas=4),
        Ex("straight-leg-raise", "Straight-leg raise", True, 2, 12, None, 30, rep_s=4.0),
    ),
)
LEAD_IN_S, SWITCH_S, BETWEEN_S = 10.0, 5.0, 30.0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--days", type=int, default=3650, help="days of history (default 3650)")
    p.add_argument("--db", type=Path, required=True, help="the history file to create")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument(
        "--end", type=date.fromisoformat, default=None, help="last day, YYYY-MM-DD (default today)"
    )
    p.add_argument("--tz", default="Europe/Berlin", help="the runner's time zone")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.db.exists():
        if not args.force:
            print(f"{args.db} exists; use --force to replace it", file=sys.stderr)
            return 2
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.db}{suffix}").unlink(missing_ok=True)
    rng = random.Random(args.seed)
    tz = ZoneInfo(args.tz)
    end = args.end or date.today()
    start = end - timedelta(days=args.days - 1)
    conn = open_database(args.db)
    conn.execute("BEGIN IMMEDIATE")
    n_sessions = n_sets = 0
    break_left = 0
    flare = 0.0  # pain added by the current flare-up, fading away
    for i in range(args.days):
        day = start + timedelta(days=i)
        progress = i / max(1, args.days - 1)
        flare *= 0.93
        if rng.random() < 0.004:
            flare += rng.uniform(2, 4)
        if break_left > 0:
            break_left -= 1
            continue
        if rng.random() < 0.003:  # a holiday, an illness: a break of one to three weeks
            break_left = rng.randint(7, 21)
            continue
        plans = []
        if rng.random() < 0.93:
            plans.append(RUNNERS_KNEE)
        if rng.random() < 0.16:
            plans.append(RECOVERY)
        hour = rng.choice([6.5, 7.0, 7.5, 18.0, 19.0, 20.0]) + rng.random() * 0.5
        for routine in plans:
            local = datetime(day.year, day.month, day.day, tzinfo=tz) + timedelta(hours=hour)
            sets = write_session(conn, rng, routine, local, progress, flare)
            n_sessions += 1
            n_sets += sets
            hour += 1.0
    conn.execute("COMMIT")
    conn.close()
    print(f"{args.db}: {n_sessions} sessions, {n_sets} set rows, {start} to {end}")
    return 0


def write_session(
    conn, rng: random.Random, routine, local: datetime, progress: float, flare: float
) -> int:
    routine_id, routine_name, exercises = routine
    wall_hold = round(30 + 30 * min(1.0, max(0.0, progress * 1.4 + rng.uniform(-0.03, 0.03))))
    plan = []  # (phase_index, ex, set_number, side, target_reps, target_hold)
    phase = 0
    for ex_i, ex in enumerate(exercises):
        phase += 1  # get ready
        hold = float(wall_hold) if ex.id == "wall-sit" else ex.hold_s
        for set_no in range(1, ex.sets + 1):
            sides = ["left", "right"] if ex.per_side else [None]
            for side_i, side in enumerate(sides):
                if side_i:
                    phase += 1  # switch sides
                plan.append((phase, ex, set_no, side, ex.reps, hold))
                phase += 1
            if set_no < ex.sets:
                phase += 1  # rest
        if ex_i < len(exercises) - 1:
            phase += 1  # rest between exercises
    roll = rng.random()
    stop_at = len(plan)
    if roll < 0.012:
        stop_at = 0  # abandoned right after starting
    elif roll < 0.08:
        stop_at = rng.randint(1, len(plan) - 1) if len(plan) > 1 else 0
    start_utc = local.astimezone(UTC)
    offset = local.utcoffset()
    t = start_utc + timedelta(seconds=LEAD_IN_S)
    rows = []
    done = 0
    for k, (phase_index, ex, set_no, side, reps, hold) in enumerate(plan[: stop_at + 1]):
        if k >= len(plan):
            break
        stopped_here = k == stop_at  # the set in progress when the runner pressed stop
        skipped = stopped_here or rng.random() < 0.004
        if ex.reps is not None:
            done_reps = rng.randint(0, reps - 1) if skipped else reps
            seconds, held = max(1, done_reps) * ex.rep_s, None
        else:
            full = hold * ex.areas
            held = round(full * rng.uniform(0.2, 0.9), 1) if skipped else full
            seconds, done_reps = held, None
        ended = t + timedelta(seconds=seconds + rng.uniform(0, 2))
        rows.append(
            (
                phase_index,
                ex.id,
                ex.name,
                set_no,
                side,
                reps if ex.reps is not None else None,
                hold if ex.reps is None else None,
                done_reps,
                held,
                int(skipped),
                to_iso(t),
                to_iso(ended),
            )
        )
        done += not skipped
        t = ended + timedelta(seconds=SWITCH_S if side == "left" else ex.rest_s or BETWEEN_S)
    planned = len(plan)
    status = "completed" if done >= planned else ("partial" if done else "abandoned")
    base = 1.0 + 4.0 * math.exp(-progress * 12) + flare
    pain_before = round(min(10, max(0, base + rng.gauss(0, 0.8))))
    pain = round(min(10, max(0, base - 0.3 + rng.gauss(0, 0.8))))
    effort = round(min(10, max(0, 6 - 2 * progress + rng.gauss(0, 1.2))))
    rated = rng.random() < 0.75 and status != "abandoned"
    note = rng.choice(
        [None] * 12
        + [
            "Knee felt stiff at first.",
            "Easy today.",
            "Did it after a long run.",
            "Left side weaker.",
        ]
    )
    targets = [
        {
            "sets": ex.sets,
            "reps": ex.reps,
            "hold_s": (float(wall_hold) if ex.id == "wall-sit" else ex.hold_s),
            "cold_s": None,
            "rest_s": ex.rest_s,
        }
        for ex in exercises
    ]
    cur = conn.execute(
        "INSERT INTO sessions (routine_id, routine_name, started_at, local_date, utc_offset_min,"
        " ended_at, status, planned_sets, plan_json, pain_before, pain, effort, note)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            routine_id,
            routine_name,
            to_iso(start_utc),
            local.date().isoformat(),
            int(offset.total_seconds() // 60) if offset else 0,
            to_iso(t),
            status,
            planned,
            json.dumps(
                {
                    "routine_id": routine_id,
                    "targets": targets,
                    "speed": 1.0,
                    "self_paced": False,
                    "lead_in_s": None,
                },
                sort_keys=True,
            ),
            pain_before if rng.random() < 0.5 else None,
            pain if rated else None,
            effort if rated else None,
            note if rated else None,
        ),
    )
    conn.executemany(
        "INSERT INTO sets (session_id, phase_index, exercise_id, exercise_name, set_number,"
        " side, target_reps, target_hold_s, reps, hold_s, skipped, started_at, ended_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(cur.lastrowid, *r) for r in rows],
    )
    return len(rows)


if __name__ == "__main__":
    sys.exit(main())
