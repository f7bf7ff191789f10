"""Fixtures for the end-to-end suite: per test, a private desktop (Xvfb on a free display,
openbox, a tray host when asked), a private PulseAudio null sink recorded from its monitor,
the private data, config, cache and state folders of tests/conftest.py, and short routines in
the data dir so every entry point finishes sets in seconds at the real clock.

At teardown every process is killed, and each app run is checked once more for Qt thread
warnings and tracebacks on its stderr.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_desktop import E2E, missing_tools

from ptcoach.audio.monitor import null_sink, pulse_available

# Three 3 s holds with 2 s rests: two sets are done about 12 s after Start.
QUICK = """\
format = 1
id = "e2e-quick"
name = "Quick check"
description = "Three short holds, for the end-to-end tests."
lead_in_s = 2
rest_between_exercises_s = 2

[[exercises]]
id = "quick-hold"
sets = 3
hold_s = 3
rest_s = 2

[[own_exercises]]
id = "quick-hold"
name = "Quick hold"
kind = "hold"
category = "strength"
muscles = ["glutes"]
summary = "A short hold."
sets = [1, 5]
hold_s = [1, 60]
rest_s = [0, 30]
instructions = ["Hold still."]
"""

# Tempo-paced reps (a tone on every lift and lower): each set is 12 s of Work at speed 1.
TEMPO = """\
format = 1
id = "e2e-tempo"
name = "Tempo check"
description = "Tempo-paced reps, for the end-to-end tests."
lead_in_s = 2
rest_between_exercises_s = 2

[[exercises]]
id = "tempo-lift"
sets = 2
reps = 6
rest_s = 2

[[own_exercises]]
id = "tempo-lift"
name = "Tempo lift"
kind = "reps"
category = "strength"
muscles = ["glutes"]
summary = "Lift and lower at a steady count."
sets = [1, 5]
reps = [1, 30]
rest_s = [0, 30]
tempo = [{ step = "lift", s = 1 }, { step = "lower", s = 1 }]
instructions = ["Lift, then lower."]
"""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.e2e)
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def e2e(tmp_path: Path, data_dir: Path) -> Iterator[E2E]:
    missing = missing_tools()
    if missing:
        pytest.skip(
            f"the end-to-end suite needs {', '.join(missing)} "
            "(`make test` installs them: scripts/sysdeps.sh test)"
        )
    if not pulse_available():
        pytest.skip("no PulseAudio server (`make test` starts one: scripts/pulse-null.sh)")
    routines = data_dir / "routines"
    routines.mkdir(parents=True)
    (routines / "e2e-quick.toml").write_text(QUICK, encoding="utf-8")
    (routines / "e2e-tempo.toml").write_text(TEMPO, encoding="utf-8")
    config = Path(os.environ["PTCOACH_CONFIG_DIR"])
    config.mkdir(parents=True, exist_ok=True)
    # Get-ready of 2 s (the preference overrides the routine's lead-in).
    (config / "ptcoach.ini").write_text("[ui]\nlead_in_s=2\n", encoding="utf-8")
    with null_sink() as sink:
        world = E2E(tmp_path, data_dir, sink)
        try:
            yield world
        finally:
            world.close()
            keep = os.environ.get("PTCOACH_E2E_KEEP")  # a folder to copy the run's files to
            if keep:
                shutil.copytree(
                    tmp_path,
                    Path(keep) / tmp_path.name,
                    dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("*.sock", "*.sqlite3*"),
                )
            for app in world.apps:
                app.check_output()
