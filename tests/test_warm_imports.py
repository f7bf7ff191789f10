"""The next clicks' modules are imported in a background thread once start-up is idle."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

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


# A fresh interpreter in which the import thread's module builds the Qt namespace's enums (the
# first use of `Qt.Key`) while this thread uses them as a key handler does. PySide builds them
# in Python and not safely across threads: this thread saw "Qt has no attribute 'Key'" (a Space
# lost as `ptcoach run` opened). Thread switches are forced often to make the overlap likely.
RACE = """
import sys, time
sys.path.insert(0, sys.argv[1])
sys.setswitchinterval(1e-6)
from PySide6.QtCore import QCoreApplication
from ptcoach.ui import warm
app = QCoreApplication([])
errors, done = [], []
def use_keys():
    from PySide6.QtCore import Qt
    try:
        Qt.Key.Key_Space
    except AttributeError as exc:
        errors.append(str(exc))
def importing():  # the import thread has begun the module: it is about to use `Qt`
    return "ptc_race_keys" in sys.modules
how = sys.argv[2]
if how == "warm":
    thread = warm.warm(("ptc_race_keys",), pause_s=0.0)
    while not importing() and thread.is_alive():
        pass
    while thread.is_alive():
        use_keys()
else:
    warm.import_then(("ptc_race_keys",), lambda: done.append(1))
    deadline = time.monotonic() + 30
    while not importing() and time.monotonic() < deadline:
        pass
    while not done and time.monotonic() < deadline:
        use_keys()
        app.processEvents()
    assert done, "import_then never called back"
errors += getattr(sys, "ptc_race_errors", [])
print("errors", len(errors), errors[:1])
"""


@pytest.mark.parametrize("how", ["warm", "import_then"])
def test_the_import_thread_never_builds_the_qt_enums_the_gui_thread_is_using(tmp_path, how):
    (tmp_path / "ptc_race_keys.py").write_text(
        "import sys\n"
        "from PySide6 import QtCore\n"
        "try:\n"
        "    KEYS = list(QtCore.Qt.Key)\n"
        "except AttributeError as exc:  # the import thread's side of the race\n"
        "    sys.ptc_race_errors = [str(exc)]\n",
        encoding="utf-8",
    )
    out = subprocess.run(
        [sys.executable, "-c", RACE, str(tmp_path), how],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "errors 0 []", out.stdout
