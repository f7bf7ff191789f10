"""The opt-in session event log (PTCOACH_EVENT_LOG) the end-to-end tests read: one JSON line
per set the window shows as done, none of it without the variable."""

from __future__ import annotations

import json

from factories import exercise, routine

from ptcoach.catalog.model import Kind, Targets
from ptcoach.engine.clock import FakeClock
from ptcoach.engine.plan import expand
from ptcoach.engine.session import Session
from ptcoach.ui.session.driver import SessionDriver
from ptcoach.ui.session.event_log import ENV
from ptcoach.ui.session.window import SessionWindow


def run_two_holds(qtbot) -> SessionWindow:
    plan = expand(
        routine(
            (exercise("wall-sit", Kind.HOLD), Targets(sets=2, hold_s=10, rest_s=5)), lead_in_s=5
        )
    )
    window = SessionWindow(SessionDriver(Session(plan), clock=FakeClock()))
    qtbot.addWidget(window)
    window.driver.start()
    window.driver.step(5.0 + 10.0 + 0.5)  # get ready, the first hold: one set done
    window.driver.stop()
    return window


def test_each_set_shown_as_done_is_one_line(qtbot, tmp_path, monkeypatch) -> None:
    log = tmp_path / "events.jsonl"
    monkeypatch.setenv(ENV, str(log))
    window = run_two_holds(qtbot)
    lines = [json.loads(x) for x in log.read_text(encoding="utf-8").splitlines()]
    assert [x["event"] for x in lines] == ["window", "started", "set", "stopped"]
    done = lines[2]
    assert (done["exercise"], done["set"], done["skipped"]) == ("wall-sit", 1, False)
    assert len(window.records) == 1 and window.records[0].phase_index == done["phase_index"]


def test_nothing_is_written_without_the_variable(qtbot, tmp_path, monkeypatch) -> None:
    monkeypatch.delenv(ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    run_two_holds(qtbot)
    assert list(tmp_path.iterdir()) == []
