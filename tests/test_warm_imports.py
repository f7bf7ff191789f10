"""The next clicks' modules are imported in a background thread once start-up is idle."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import sys
from ptcoach.ui.warm import MODULES, warm
assert "pyqtgraph" not in sys.modules and "ptcoach.ui.session.window" not in sys.modules
thread = warm()
assert thread.daemon and thread.name == "ptcoach-warm-imports"
thread.join(120)
missing = [m for m in MODULES if m not in sys.modules]
print("missing", missing)
"""


def test_warming_imports_every_listed_module_in_a_daemon_thread():
    # A fresh interpreter: this test process has imported most of them already.
    out = subprocess.run(
        [sys.executable, "-c", CHILD],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
    )
    assert out.stdout.strip() == "missing []", out.stderr


def test_a_module_that_fails_to_import_is_skipped_not_fatal():
    from ptcoach.ui.warm import warm

    thread = warm(("ptcoach.no_such_module", "json"), pause_s=0.0)
    thread.join(30)
    assert not thread.is_alive()
    assert "json" in sys.modules
