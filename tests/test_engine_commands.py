"""Session commands: pause/resume, skip, back, restart, goto, stop, and the speed factor."""

from __future__ import annotations

import pytest
from factories import describe, exercise, routine, run_by_deadlines

from ptcoach.catalog.model import Kind, Targets
from ptcoach.engine import Countdown, PhaseKind, Session, SessionError, SetCompleted, State, expand
from ptcoach.engine.clock import FakeClock

T0 = 1000.0


def hold_plan():  # get ready 2 | work 10 | rest 4 | work 10
    return expand(
        routine((exercise("plank", Kind.HOLD), Targets(sets=2, hold_s=10, rest_s=4)), lead_in_s=2)
    )


def reps_per_side_plan():  # ready 3 | L 6 | switch 2 | R 6 | rest 5 | L 6 | switch 2 | R 6
    ex = exercise("lunge", per_side=True, side_switch_s=2, tempo=(("lift", 1.0), ("lower", 2.0)))
    return expand(routine((ex, Targets(sets=2, reps=2, rest_s=5)), lead_in_s=3))


def started(plan, **kw):
    session = Session(plan, clock=FakeClock(T0), **kw)
    session.start()
    return session


def records(events):
    return [e.record for e in events if isinstance(e, SetCompleted)]


# ------------------------------------------------------------------ pause and resume
def test_pause_freezes_the_remaining_time_exactly():
    session = started(hold_plan())
    session.advance(T0 + 2 + 3.25)  # 3.25 s into the 10 s hold
    (paused,) = session.pause(T0 + 5.25)
    assert paused.remaining_s == pytest.approx(6.75, abs=1e-6)
    for later in (T0 + 6, T0 + 60, T0 + 86_400):
        snap = session.snapshot(later)
        assert snap.remaining_s == pytest.approx(6.75, abs=1e-6)
        assert snap.elapsed_s == pytest.approx(5.25, abs=1e-6)
        assert session.advance(later) == [] and session.next_deadline() is None


def test_resume_continues_and_countdown_boundaries_shift_by_the_pause():
    session = started(hold_plan())
    session.advance(T0 + 5.25)
    session.pause(T0 + 5.25)
    (resumed,) = session.resume(T0 + 105.25)  # paused 100 s
    assert describe(resumed) == ("Resumed", 1105.25)
    assert session.snapshot(T0 + 105.25).remaining_s == pytest.approx(6.75, abs=1e-6)
    counts = [(e.at, e.remaining) for e in session.advance(T0 + 111) if isinstance(e, Countdown)]
    # Unpaused, 6 would have been due at T0 + 6; now every boundary is 100 s later.
    assert counts == [(pytest.approx(T0 + 106 + k, abs=1e-9), 6 - k) for k in range(6)]
    assert session.next_deadline() == pytest.approx(T0 + 112, abs=1e-9)


def test_pause_as_of_pauses_at_the_earlier_moment():
    session = started(hold_plan())
    session.advance(T0 + 4)
    # The machine slept at T0 + 4 and woke at T0 + 500: nothing past T0 + 4 is given out.
    events = session.pause(T0 + 500, as_of=T0 + 4)
    assert [describe(e) for e in events] == [("Paused", 1004.0, 8.0)]
    session.resume(T0 + 500)
    assert session.snapshot(T0 + 500).remaining_s == 8.0


def test_pause_as_of_crosses_deadlines_up_to_that_moment_only():
    session = started(hold_plan())
    events = session.pause(T0 + 500, as_of=T0 + 3.5)
    assert [describe(e) for e in events][-3:] == [
        ("Countdown", 1002.0, 10),
        ("Countdown", 1003.0, 9),
        ("Paused", 1003.5, 8.5),
    ]


def test_pause_as_of_cannot_reach_back_before_what_was_already_processed():
    session = started(hold_plan())
    session.advance(T0 + 6)
    (paused,) = session.pause(T0 + 7, as_of=T0 + 1)
    assert paused.at == T0 + 6 and paused.remaining_s == 6.0


def test_toggle_starts_pauses_and_resumes():
    session = Session(hold_plan(), clock=FakeClock(T0))
    assert describe(session.toggle(T0)[0]) == ("SessionStarted", 1000.0, 0)
    assert describe(session.toggle(T0 + 1)[-1]) == ("Paused", 1001.0, 1.0)
    assert describe(session.toggle(T0 + 9)[-1]) == ("Resumed", 1009.0)
    assert session.state is State.RUNNING


def test_commands_that_make_no_sense_say_so():
    session = Session(hold_plan(), clock=FakeClock(T0))
    with pytest.raises(SessionError, match="cannot pause a session that is ready"):
        session.pause()
    with pytest.raises(SessionError, match="cannot resume a session that is ready"):
        session.resume()
    session.start()
    with pytest.raises(SessionError, match="cannot start a session that is running"):
        session.start()
    with pytest.raises(ValueError, match="no phase 9 in a plan of 4 phases"):
        session.goto(9)
    with pytest.raises(ValueError, match="no phase -1"):
        session.goto(-1)
    with pytest.raises(ValueError, match="speed must be a finite number above 0"):
        Session(hold_plan(), speed=0)


# ------------------------------------------------------------------ skip
def test_skip_during_get_ready_starts_the_work_now():
    session = started(hold_plan())
    events = [describe(e) for e in session.skip(T0 + 0.5)]
    assert events[:3] == [
        ("PhaseStarted", 1000.5, "work", "plank", 1, None),
        ("SegmentStarted", 1000.5, 0, None),
        ("Countdown", 1000.5, 10),
    ]
    assert session.next_deadline() == T0 + 1.5


def test_skip_mid_hold_records_the_seconds_held_so_far():
    session = started(hold_plan())
    events = session.skip(T0 + 2 + 3.5)
    (record,) = records(events)
    assert (record.hold_s, record.skipped, record.set_number) == (3.5, True, 1)
    assert record.started_at == T0 + 2 and record.ended_at == T0 + 5.5
    assert session.phase.kind is PhaseKind.REST


def test_skip_mid_rep_records_the_reps_finished_so_far():
    session = started(reps_per_side_plan())
    session.advance(T0 + 3 + 3 + 1.5)  # rep 2 lift done, into its lower
    (record,) = records(session.skip(T0 + 7.5))
    assert (record.reps, record.target_reps, record.side.value, record.skipped) == (
        1,
        2,
        "left",
        True,
    )
    assert session.phase.kind is PhaseKind.SWITCH


def test_skip_while_paused_records_what_was_done_before_the_pause_and_stays_paused():
    session = started(hold_plan())
    session.pause(T0 + 6)
    events = session.skip(T0 + 50)
    (record,) = records(events)
    assert record.hold_s == 4.0 and record.skipped
    assert session.state is State.PAUSED and session.phase.kind is PhaseKind.REST
    assert session.snapshot(T0 + 70).remaining_s == 4.0  # the rest waits, whole
    session.resume(T0 + 80)
    assert session.next_deadline() == T0 + 81


def test_skip_at_switch_and_rest_records_nothing():
    session = started(reps_per_side_plan())
    session.goto(2, T0 + 1)
    assert session.phase.kind is PhaseKind.SWITCH
    assert records(session.skip(T0 + 1.5)) == []
    assert (session.phase.kind, session.phase.side.value) == (PhaseKind.WORK, "right")
    session.goto(4, T0 + 2)
    assert records(session.skip(T0 + 2.5)) == []
    assert session.phase.set_number == 2


def test_skip_on_the_last_phase_completes_the_session():
    session = started(hold_plan())
    session.goto(3, T0 + 1)
    events = [describe(e) for e in session.skip(T0 + 3)]
    assert events[-3:] == [
        ("SetCompleted", 1003.0, "plank", 2, None, None, 2.0, True),
        ("ExerciseCompleted", 1003.0, "plank"),
        ("SessionCompleted", 1003.0, 0, 1),
    ]
    assert session.state is State.FINISHED and session.skip(T0 + 4) == []


def test_skip_first_processes_every_deadline_already_due():
    session = started(hold_plan())
    events = session.skip(T0 + 2.5)  # the get-ready ended at T0 + 2, unprocessed
    (record,) = records(events)
    assert record.hold_s == 0.5 and record.started_at == T0 + 2


# ------------------------------------------------------------------ back, restart, goto
def test_back_goes_to_the_start_of_the_previous_work_or_get_ready_phase():
    session = started(reps_per_side_plan())
    session.goto(5, T0 + 1)  # set 2 left
    events = session.back(T0 + 2)
    assert records(events) == []  # the set left behind will be done again
    # A get-ready first: the last 2 s of the switch phase before the right side's set.
    assert session.phase.index == 2 and session.snapshot(T0 + 2).getting_ready
    session.advance(T0 + 4)
    assert session.phase.index == 3 and session.phase.side.value == "right"
    session.goto(2, T0 + 5)  # from a switch phase: back to the left side's work
    session.back(T0 + 6)
    assert session.phase.index == 0 and session.snapshot(T0 + 6).getting_ready
    session.advance(T0 + 9)
    assert session.phase.index == 1
    session.back(T0 + 10)
    assert session.phase.index == 0 and not session.snapshot(T0 + 10).getting_ready
    session.back(T0 + 11)  # nothing before the first phase: it restarts
    assert session.phase.index == 0 and session.snapshot(T0 + 11).remaining_s == 3.0


def test_back_from_rest_returns_to_the_set_before_it():
    session = started(hold_plan())
    session.advance(T0 + 13)
    assert session.phase.kind is PhaseKind.REST
    session.back(T0 + 13)  # a get-ready (the 2 s lead-in's tail), then the set again
    assert session.phase.index == 0 and session.snapshot(T0 + 13).getting_ready
    session.advance(T0 + 15)
    assert session.phase.index == 1 and session.snapshot(T0 + 15).remaining_s == 10.0


def test_restart_mid_hold_begins_the_phase_again_without_a_record():
    session = started(hold_plan())
    assert records(session.restart(T0 + 7)) == []
    assert session.snapshot(T0 + 7).getting_ready  # 2 s to get back into position
    session.advance(T0 + 9)
    snap = session.snapshot(T0 + 9)
    assert snap.phase.index == 1 and snap.remaining_s == 10.0 and snap.reps_done == 0
    events = run_by_deadlines(session)
    assert records(events)[0].started_at == T0 + 9 and records(events)[0].hold_s == 10.0


def test_restart_mid_rep_counts_reps_from_zero():
    session = started(reps_per_side_plan())
    session.advance(T0 + 3 + 4)
    assert session.snapshot(T0 + 7).reps_done == 1
    session.restart(T0 + 7)
    session.advance(T0 + 10)  # after the get-ready (the 3 s lead-in's tail)
    snap = session.snapshot(T0 + 10)
    assert (snap.reps_done, snap.big_number, snap.segment.tempo) == (0, 1, "lift")


def test_restart_and_back_while_paused_stay_paused_with_the_phase_whole():
    session = started(hold_plan())
    session.pause(T0 + 5)
    session.restart(T0 + 9)  # the get-ready waits, whole, for the resume
    snap = session.snapshot(T0 + 20)
    assert session.state is State.PAUSED and snap.getting_ready and snap.remaining_s == 2.0
    session.back(T0 + 21)
    assert session.state is State.PAUSED and session.phase.index == 0
    session.resume(T0 + 30)
    assert session.next_deadline() == T0 + 31


def test_goto_forward_records_the_set_in_progress_as_skipped():
    session = started(hold_plan())
    events = session.goto(3, T0 + 4)
    (record,) = records(events)
    assert record.hold_s == 2.0 and record.skipped and session.phase.index == 3


def test_each_phase_kind_can_be_skipped_while_running_and_paused():
    for paused in (False, True):
        session = started(reps_per_side_plan())
        kinds = []
        while session.state is not State.FINISHED:
            kinds.append(session.phase.kind.value)
            if paused:
                session.pause()
            session.clock.advance(0.5)
            session.skip()
            if paused and session.state is State.PAUSED:
                session.resume()
        assert kinds == [
            "get_ready",
            "work",
            "switch_sides",
            "work",
            "rest",
            "work",
            "switch_sides",
            "work",
        ]


# ------------------------------------------------------------------ stop
def test_stop_mid_set_records_it_as_skipped_and_ends_the_session():
    session = started(hold_plan())
    events = [describe(e) for e in session.stop(T0 + 4.5)]
    assert events[-2:] == [
        ("SetCompleted", 1004.5, "plank", 1, None, None, 2.5, True),
        ("Stopped", 1004.5),
    ]
    snap = session.snapshot(T0 + 10)
    assert snap.state is State.STOPPED and snap.elapsed_s == 4.5
    assert session.stop(T0 + 11) == [] and session.advance(T0 + 99) == []


def test_stop_before_start_or_during_rest_records_nothing():
    session = Session(hold_plan(), clock=FakeClock(T0))
    assert [describe(e) for e in session.stop(T0)] == [("Stopped", 1000.0)]
    session = started(hold_plan())
    session.advance(T0 + 13)
    assert [describe(e) for e in session.stop(T0 + 13)] == [("Stopped", 1013.0)]


# ------------------------------------------------------------------ speed
@pytest.mark.parametrize("speed", [2.0, 10.0, 1000.0])
def test_speed_gives_the_same_events_with_times_scaled(speed):
    def trace(s):
        session = Session(reps_per_side_plan(), speed=s, clock=FakeClock(T0))
        events = session.start() + run_by_deadlines(session)
        return [(describe(e)[0], *describe(e)[2:]) for e in events], [e.at - T0 for e in events]

    normal, normal_times = trace(1.0)
    fast, fast_times = trace(speed)
    assert fast == normal
    assert fast_times == pytest.approx([t / speed for t in normal_times], abs=1e-9)
    assert fast_times[-1] == pytest.approx(reps_per_side_plan().total_s / speed, abs=1e-9)


def test_speed_scales_pause_figures_in_session_seconds():
    session = started(hold_plan(), speed=4.0)
    paused = session.pause(T0 + 1.5)[-1]  # 6 session seconds: 4 s into the hold
    assert paused.remaining_s == pytest.approx(6.0, abs=1e-9)
