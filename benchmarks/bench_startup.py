"""Start-up time: process start to the home window's first paint, against a bare PySide6 window.

Each run is a fresh subprocess; the parent notes time.monotonic() (system-wide on Linux) just
before starting it, and the child prints time.monotonic() at its first paint, then exits.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7

BARE = """
import time
from PySide6.QtWidgets import QApplication, QLabel
class Hello(QLabel):
    def paintEvent(self, e):
        super().paintEvent(e)
        print(f"first-paint {time.monotonic():.6f}", flush=True)
        app.quit()
app = QApplication([])
w = Hello("hello"); w.resize(1100, 720); w.show()
app.exec()
"""

APP = "import sys, ptcoach.app; sys.exit(ptcoach.app.main([]))"


def one_run(code: str, env: dict[str, str]) -> float:
    start = time.monotonic()
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=60, check=True).stdout
    line = next(x for x in out.splitlines() if x.startswith("first-paint "))
    return (float(line.split()[1]) - start) * 1000.0


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, PTCOACH_EXIT_AFTER_FIRST_PAINT="1",
                   PTCOACH_DATA_DIR=str(Path(tmp) / "data"),
                   PTCOACH_CONFIG_DIR=str(Path(tmp) / "config"))
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        # As installed: bytecode cached (test-env.sh turns caching off for the test suite).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        one_run(BARE, env)  # warm-up: writes the bytecode caches, fills the disk cache
        one_run(APP, env)
        bare, app = [], []
        for _ in range(RUNS):  # interleaved, so both see the same machine state
            bare.append(one_run(BARE, env))
            app.append(one_run(APP, env))
    print(f"platform {env['QT_QPA_PLATFORM']}, {RUNS} runs each, ms from process start "
          "to first paint")
    print(f"{'':<22} {'median':>8} {'min':>8} {'max':>8}")
    for name, xs in (("bare PySide6 window", bare), ("ptcoach home window", app)):
        print(f"{name:<22} {statistics.median(xs):>8.1f} {min(xs):>8.1f} {max(xs):>8.1f}")
    ratio = statistics.median(app) / statistics.median(bare)
    verdict = "met" if ratio <= 1.5 else "NOT met"
    print(f"ratio (median): {ratio:.2f} (target at most 1.5): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
