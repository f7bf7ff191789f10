#!/usr/bin/env python3
"""The SIGKILL fault test, 200 times: a child records sessions at high speed and is killed
at a random moment; each time the file must pass integrity_check, hold every set the child
announced, and offer to resume the unfinished session. Prints a table.

    python benchmarks/fault_kill.py [--kills 200] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from helpers.run_sessions import fault_routine  # noqa: E402
from test_fault_kill import _unfinished, check_after_kill, run_and_kill  # noqa: E402

from ptcoach.store.recorder import close_as_partial, resume_info  # noqa: E402


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--kills", type=int, default=200)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()
    rng = random.Random(args.seed)
    counts = {
        "kills": 0,
        "integrity ok": 0,
        "announced sets stored": 0,
        "mid-session kills": 0,
        "resume offered": 0,
        "failures": 0,
    }
    announced = 0
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "history.sqlite3"
        for i in range(args.kills):
            lines = run_and_kill(db, seed=i, lines_before_kill=rng.randint(1, 120))
            counts["kills"] += 1
            announced += sum(1 for x in lines if x.startswith("SET "))
            try:
                conn = check_after_kill(db, lines)
            except AssertionError as exc:
                counts["failures"] += 1
                print(f"kill {i}: {exc}", file=sys.stderr)
                continue
            counts["integrity ok"] += 1
            counts["announced sets stored"] += 1
            info = resume_info(conn, fault_routine)
            if _unfinished(lines) is not None:
                counts["mid-session kills"] += 1
                counts["resume offered"] += info is not None
            if info is not None:
                close_as_partial(conn, info.session.id)
            rows = conn.execute("SELECT count(*) FROM sets").fetchone()[0]
            conn.close()
    elapsed = time.perf_counter() - t0
    print(f"{'SIGKILL fault runs':<34}{'count':>8}")
    for name, value in counts.items():
        print(f"  {name:<32}{value:>8}")
    print(f"  {'sets announced (total)':<32}{announced:>8}")
    print(f"  {'set rows in the file at the end':<32}{rows:>8}")
    print(f"  {'seconds':<32}{elapsed:>8.1f}")
    return 1 if counts["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
