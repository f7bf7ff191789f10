"""An opt-in log of what a session window shows, for tests that drive the installed app from
outside its process (tests/e2e): with `PTCOACH_EVENT_LOG=<file>` set, each session window
appends one JSON line when it opens, when its session starts, for each set it shows as done,
and when the session ends. Without the variable nothing is attached.

Lines (flushed one by one, so a process killed with SIGKILL leaves every line it announced):
`{"event": "window", "routine": ID}`, `{"event": "started", ...}`,
`{"event": "set", "routine", "session_id", "exercise", "set", "side", "skipped",
"phase_index", "started_at", "ended_at"}` (times are `time.monotonic()`, shared by every
process on the machine), `{"event": "finished"|"stopped", ...}`.
"""

from __future__ import annotations

import json
import os
import time
from typing import Any

ENV = "PTCOACH_EVENT_LOG"


def attach(window: Any) -> None:
    """Log `window`'s session (a SessionWindow) when $PTCOACH_EVENT_LOG names a file."""
    path = os.environ.get(ENV)
    if not path:
        return
    driver = window.driver
    routine = driver.session.plan.routine_id

    def write(event: str, **fields: Any) -> None:
        recorder = driver.recorder
        line = {
            "event": event,
            "routine": routine,
            "pid": os.getpid(),
            "t": time.monotonic(),
            "session_id": recorder.session_id if recorder is not None else None,
            **fields,
        }
        with open(path, "a", encoding="utf-8") as f:
            f.write(json.dumps(line) + "\n")

    def on_set(event: Any) -> None:
        r = event.record
        write(
            "set",
            exercise=r.exercise_id,
            set=r.set_number,
            side=str(r.side) if r.side is not None else None,
            skipped=r.skipped,
            phase_index=r.phase_index,
            started_at=r.started_at,
            ended_at=r.ended_at,
        )

    write("window")
    driver.session_started.connect(lambda _e: write("started"))
    driver.set_completed.connect(on_set)  # after the window's own slot: it shows it by now
    driver.session_finished.connect(lambda _e: write("finished"))
    driver.session_stopped.connect(lambda _e: write("stopped"))
