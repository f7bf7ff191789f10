"""Next, Back and Restart into a set give a short get-ready countdown (issue 14), on a fake
clock: the countdown is the tail of the phase before the set, so session time stays one line."""

from __future__ import annotations

import pytest
from factories import exercise, routine

from ptcoach.catalog.model import Kind, Targets
from ptcoach.engine import (
    Countdown,
    GetReady,
    PhaseKind,
    PhaseStarted,
    Session,
    SetCompleted,
    State,
    expand,
)
from ptcoach.engine.clock import FakeClock
from ptcoach.engine.session import JUMP_READY_S

T0 = 1000.0


def long_rest_plan():  # get ready 10 | work 10 | rest 30 | work 10
    return expand(
        routine((exercise("plank", Kind.HOLD), Targets(sets=2, hold_s=10, rest_s=30)), lead_in_s=10)
    )


def started(plan):
    session = Session(plan, clock=FakeClock(T0))
    session.start()
    return session


def test_next_from_a_long_rest_counts_down_before_the_set_not_rep_one_at_once():
    session = started(long_rest_plan())
    session.advance(T0 + 21)  # 1 s into the 30 s rest
    assert session.phase.kind is PhaseKind.REST
    events = session.skip(T0 + 21)
    ready = [e for e in events if isinstance(e, GetReady)]
    assert len(ready) == 1 and ready[0].next_phase.index == 3
    assert ready[0].seconds == JUMP_READY_S
    assert not any(isinstance(e, PhaseStarted) for e in events)  # no "rest" said again
    snap = session.snapshot(T0 + 21)
    assert snap.getting_ready and snap.phase.index == 2 and snap.next_phase.index == 3
    assert snap.remaining_s == pytest.approx(5.0) and snap.big_number == 5
    # Whole-second countdown 5 (at once), 4, 3, 2, 1, then the set.
    events = session.advance(T0 + 26)
    counts = [(e.at, e.remaining) for e in events if isinstance(e, Countdown)]
    assert counts[:4] == [(T0 + 22, 4), (T0 + 23, 3), (T0 + 24, 2), (T0 + 25, 1)]
    started_work = [e for e in events if isinstance(e, PhaseStarted)]
    assert [(e.at, e.phase.index) for e in started_work] == [(T0 + 26, 3)]
    assert not session.snapshot(T0 + 26).getting_ready
    # The elapsed time took the 25 s of rest skipped into account, not more.
    assert session.snapshot(T0 + 26).elapsed_s == pytest.approx(50.0)


def test_a_second_next_during_the_get_ready_goes_straight_to_the_set():
    session = started(long_rest_plan())
    session.advance(T0 + 21)
    session.skip(T0 + 21)
    events = session.skip(T0 + 22)
    assert [e.phase.index for e in events if isinstance(e, PhaseStarted)] == [3]
    assert session.snapshot(T0 + 22).remaining_s == 10.0


def test_next_in_the_last_seconds_of_a_rest_never_lengthens_it():
    session = started(long_rest_plan())
    session.advance(T0 + 47)  # 3 s of rest left, less than the get-ready
    events = session.skip(T0 + 47)
    assert not any(isinstance(e, GetReady) for e in events)
    assert session.phase.index == 3


def test_back_and_restart_give_the_get_ready_and_the_set_then_runs_whole():
    session = started(long_rest_plan())
    session.advance(T0 + 15)  # 5 s into set 1
    events = session.restart(T0 + 15)
    assert any(isinstance(e, GetReady) for e in events)
    assert session.phase.kind is PhaseKind.LEAD_IN and session.snapshot(T0 + 15).getting_ready
    session.advance(T0 + 20)
    assert session.phase.index == 1 and session.snapshot(T0 + 20).remaining_s == 10.0
    session.advance(T0 + 30)  # into the rest
    session.back(T0 + 31)
    assert session.phase.index == 0 and session.snapshot(T0 + 31).getting_ready
    session.advance(T0 + 36)
    assert session.phase.index == 1


def test_paused_get_ready_waits_whole_and_resumes_counting():
    session = started(long_rest_plan())
    session.advance(T0 + 21)
    session.pause(T0 + 21)
    session.skip(T0 + 22)
    assert session.state is State.PAUSED
    assert session.snapshot(T0 + 100).remaining_s == pytest.approx(5.0)
    session.resume(T0 + 100)
    assert session.next_deadline() == pytest.approx(T0 + 101)
    session.advance(T0 + 105)
    assert session.phase.index == 3


def test_goto_still_jumps_straight_to_the_phase():
    session = started(long_rest_plan())
    events = session.goto(3, T0 + 1)
    assert not any(isinstance(e, GetReady) for e in events) and session.phase.index == 3


def back_to_back_plan():  # get ready 5 | work 10 | work 10 (no rest between the sets)
    return expand(
        routine((exercise("plank", Kind.HOLD), Targets(sets=2, hold_s=10, rest_s=0)), lead_in_s=5)
    )


def test_a_set_right_after_a_set_gets_a_get_ready_of_its_own_with_its_clock_held():
    session = started(back_to_back_plan())
    session.advance(T0 + 8)  # 3 s into set 1
    events = session.skip(T0 + 8)  # set 1 skipped; set 2 follows it directly
    assert any(isinstance(e, GetReady) for e in events)
    assert not any(isinstance(e, PhaseStarted) for e in events)  # no start tone yet
    snap = session.snapshot(T0 + 9.5)
    assert snap.getting_ready and snap.phase.index == 2 and snap.big_number == 4
    assert snap.remaining_s == pytest.approx(10.0)  # the set waits, whole
    assert snap.elapsed_s == pytest.approx(15.0)
    events = session.advance(T0 + 13)
    assert [(e.at, e.remaining) for e in events if isinstance(e, Countdown)][:4] == [
        (T0 + 9, 4),
        (T0 + 10, 3),
        (T0 + 11, 2),
        (T0 + 12, 1),
    ]
    assert [(e.at, e.phase.index) for e in events if isinstance(e, PhaseStarted)] == [(T0 + 13, 2)]
    assert session.snapshot(T0 + 13).remaining_s == pytest.approx(10.0)
    assert not session.snapshot(T0 + 13).getting_ready


def test_in_a_sets_own_get_ready_next_starts_it_and_stop_records_no_set():
    session = started(back_to_back_plan())
    session.advance(T0 + 8)
    session.skip(T0 + 8)
    events = session.skip(T0 + 9)  # Next again: the set starts now
    assert [e.phase.index for e in events if isinstance(e, PhaseStarted)] == [2]
    session = started(back_to_back_plan())
    session.advance(T0 + 8)
    session.skip(T0 + 8)
    events = session.stop(T0 + 9)
    assert not any(isinstance(e, SetCompleted) for e in events)  # set 2 never began


def test_a_paused_sets_own_get_ready_waits_and_marked_reps_wait_for_it():
    session = started(back_to_back_plan())
    session.advance(T0 + 8)
    session.skip(T0 + 8)
    session.pause(T0 + 9)
    assert session.snapshot(T0 + 50).big_number == 4
    session.resume(T0 + 50)
    assert session.mark_rep(T0 + 50) == []
    session.advance(T0 + 54)
    assert session.phase.index == 2 and not session.snapshot(T0 + 54).getting_ready
