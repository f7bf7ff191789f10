"""The start-up offer to resume a session a crash left unfinished: resume it into the same
history row and finish it, or close it as partial."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.app_shell import answer_modal, build_app, named
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from ptcoach.catalog.catalog import Catalog
from ptcoach.engine.clock import FakeClock
from ptcoach.engine.events import SetCompleted
from ptcoach.engine.plan import PhaseKind, expand
from ptcoach.engine.session import Session, State
from ptcoach.store.db import open_history
from ptcoach.store.recorder import Recorder, resume_info
from ptcoach.store.sessions import Status, get_session, list_sessions
from ptcoach.ui import main

pytestmark = pytest.mark.usefixtures("silent")


ROUTINE = "heat-and-cold"  # 3 rounds of 180 s heat / 60 s cold
SPEED = 1000.0  # saved with the plan, so the resumed session runs at it too


def interrupted_session(data_dir: Path, sets_done: int) -> int:
    """Record a session up to its `sets_done`-th set, then stop listening, as a crash would."""
    routine = Catalog.load(data_dir).routine(ROUTINE)
    plan = expand(routine, [i.default for i in routine.items])
    conn, _ = open_history(data_dir)
    clock = FakeClock()
    session = Session(plan, speed=SPEED, clock=clock)
    recorder = Recorder(conn, plan, speed=SPEED, clock=clock)
    events = session.start()
    done = 0
    while done < sets_done:
        recorder.on_events(events)
        done += sum(isinstance(e, SetCompleted) for e in events)
        events = session.advance(session.next_deadline())
    conn.close()
    assert recorder.session_id is not None
    return recorder.session_id


@pytest.fixture
def app_after_crash(qtbot, data_dir):
    session_id = interrupted_session(data_dir, sets_done=1)
    app = build_app(data_dir, speed=1.0)  # the saved speed wins, not the app's
    qtbot.addWidget(app.shell.home)
    app.shell.home.show()
    yield app, session_id
    app.close()


def test_resume_opens_at_the_next_set_and_finishes_into_the_same_history_row(
    qtbot, app_after_crash
):
    app, session_id = app_after_crash
    shell = app.shell
    offer = answer_modal(named("resumeDialog"), lambda d: d.resume_button.click())
    main._offer_resume(shell, app.services)
    assert offer, "no resume offer"
    window = shell.session_window
    assert window is not None
    qtbot.waitExposed(window)
    plan = window.driver.session.plan
    second = [p for p in plan.phases if p.kind is PhaseKind.WORK][1]
    assert window.driver.from_phase == second.index
    assert window.driver.session.speed == SPEED
    # Before Start the view already says where it will pick up: round 2 of 3.
    set_text = window.findChild(QLabel, "setLabel").text()
    assert "2" in set_text and "3" in set_text, set_text

    skipped = answer_modal(named("ratingDialog"), lambda d: d.skip_button.click())
    with qtbot.waitSignal(window.driver.session_finished, timeout=20_000) as finished:
        qtbot.mouseClick(window.findChild(QPushButton, "startButton"), Qt.MouseButton.LeftButton)
    assert finished.args[0].sets_done == 2  # the two rounds left
    qtbot.waitUntil(lambda: bool(skipped) and not skipped[0].isVisible(), timeout=20_000)

    (row,) = list_sessions(app.conn)
    assert row.id == session_id
    assert row.status is Status.COMPLETED and row.ended_at is not None
    assert [s.set_number for s in row.sets] == [1, 2, 3]
    assert resume_info(app.conn, app.services.catalog.routine) is None


def test_close_it_as_partial_ends_the_session_with_the_sets_it_has(qtbot, app_after_crash):
    app, session_id = app_after_crash
    offer = answer_modal(named("resumeDialog"), lambda d: d.close_button.click())
    main._offer_resume(app.shell, app.services)
    assert offer
    assert app.shell.session_window is None
    row = get_session(app.conn, session_id)
    assert row.status is Status.PARTIAL and row.ended_at == row.sets[-1].ended_at
    assert len(row.sets) == 1
    assert resume_info(app.conn, app.services.catalog.routine) is None
    assert (
        "last done today" in app.shell.home.routine_list.currentItem().text()
        or app.shell.home.selected_routine().id != ROUTINE
    )


def test_decide_later_leaves_the_session_unfinished_for_next_time(qtbot, app_after_crash):
    app, session_id = app_after_crash
    offer = answer_modal(named("resumeDialog"), lambda d: d.later_button.click())
    main._offer_resume(app.shell, app.services)
    assert offer
    assert app.shell.session_window is None
    assert get_session(app.conn, session_id).status is Status.IN_PROGRESS


def test_a_resumed_session_stopped_again_stays_one_partial_row(qtbot, app_after_crash):
    app, session_id = app_after_crash
    answer_modal(named("resumeDialog"), lambda d: d.resume_button.click())
    main._offer_resume(app.shell, app.services)
    window = app.shell.session_window
    window.driver.start(window.driver.from_phase)
    assert window.driver.state is State.RUNNING
    skipped = answer_modal(named("ratingDialog"), lambda d: d.skip_button.click())
    window.driver.stop()
    qtbot.waitUntil(lambda: bool(skipped) and not skipped[0].isVisible(), timeout=20_000)
    (row,) = list_sessions(app.conn)
    assert row.id == session_id and row.status is Status.PARTIAL
