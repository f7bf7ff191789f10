"""A 30-minute session without drift, stalls that change nothing, and the snapshot a view draws."""

from __future__ import annotations

import math

import pytest
from factories import describe, exercise, routine, run_by_deadlines

from ptcoach.catalog.model import Kind, Targets
from ptcoach.engine import Session, SessionCompleted, State, expand
from ptcoach.engine.clock import FakeClock

T0 = 12_345.678  # an awkward start, as a real monotonic clock gives


def half_hour_routine():
    """Several exercises with awkward fractional timings, about 30 minutes in all."""
    squat = exercise("squat", tempo=(("lift", 1.3), ("hold", 0.7), ("lower", 2.1)))
    lunge = exercise(
        "lunge", per_side=True, side_switch_s=4.4, tempo=(("lift", 0.9), ("lower", 1.7))
    )
    plank = exercise("plank", Kind.HOLD)
    roll = exercise("roll", Kind.AREAS, areas=("calf", "quad", "hamstring", "it band"))
    bath = exercise("bath", Kind.CONTRAST)
    return routine(
        (squat, Targets(sets=4, reps=15, rest_s=45.5)),
        (lunge, Targets(sets=3, reps=14, rest_s=30.1)),
        (plank, Targets(sets=4, hold_s=40.3, rest_s=20.7)),
        (roll, Targets(sets=2, hold_s=33.3, rest_s=10.9)),
        (bath, Targets(sets=2, hold_s=60.1, cold_s=30.7, rest_s=5.3)),
        lead_in_s=9.9,
        rest_between_exercises_s=61.3,
    )


@pytest.mark.parametrize("speed", [1.0, 3.0])
def test_a_half_hour_session_ends_exactly_at_start_plus_total_over_speed(speed):
    plan = expand(half_hour_routine())
    assert 25 * 60 < plan.total_s < 35 * 60
    session = Session(plan, speed=speed, clock=FakeClock(T0))
    events = session.start(T0) + run_by_deadlines(session)
    assert isinstance(events[-1], SessionCompleted)
    assert abs(events[-1].at - (T0 + plan.total_s / speed)) < 1e-6
    # Every phase starts at its planned offset, not merely the last one.
    starts = [e for e in events if type(e).__name__ == "PhaseStarted"]
    assert len(starts) == len(plan.phases)
    for e in starts:
        assert abs(e.at - (T0 + e.phase.start_offset_s / speed)) < 1e-6


def test_one_advance_after_a_two_hour_stall_gives_the_identical_event_list():
    plan = expand(half_hour_routine())
    stepwise = Session(plan, clock=FakeClock(T0))
    expected = stepwise.start(T0) + run_by_deadlines(stepwise)
    stalled = Session(plan, clock=FakeClock(T0))
    got = stalled.start(T0) + stalled.advance(T0 + 2 * 3600)
    assert got == expected  # same events, same `at` to the last bit
    assert len(expected) > 1500


def test_many_random_late_ticks_give_the_identical_event_list():
    plan = expand(half_hour_routine())
    reference = Session(plan, clock=FakeClock(T0))
    expected = reference.start(T0) + run_by_deadlines(reference)
    late = Session(plan, clock=FakeClock(T0))
    got = late.start(T0)
    t = T0
    step = 0
    while late.state is State.RUNNING:
        step += 1
        t += 0.013 + (step * 7919 % 1000) / 997  # a timer firing early, late, irregularly
        got += late.advance(t)
    assert got == expected


def test_pauses_shift_the_end_by_exactly_the_time_paused():
    plan = expand(half_hour_routine())
    session = Session(plan, clock=FakeClock(T0))
    session.start(T0)
    paused_total = 0.0
    t = T0
    for k in range(30):
        t += 37.77
        session.advance(t)
        session.pause(t)
        t += 11.11 * (k % 3 + 1)
        paused_total += 11.11 * (k % 3 + 1)
        session.resume(t)
    end = run_by_deadlines(session)[-1]
    assert abs(end.at - (T0 + plan.total_s + paused_total)) < 1e-6


# --------------------------------------------------------------------------- snapshot
def test_big_number_is_the_rep_during_reps_and_whole_seconds_left_during_holds():
    rt = routine(
        (exercise("squat", tempo=(("lift", 1.0), ("lower", 1.0))), Targets(sets=1, reps=3)),
        (exercise("plank", Kind.HOLD), Targets(sets=1, hold_s=30)),
        lead_in_s=5,
        rest_between_exercises_s=0,
    )
    session = Session(expand(rt), clock=FakeClock(0.0))
    assert session.snapshot(0.0).big_number == 5  # ready: the get-ready's seconds
    session.start(100.0)
    assert session.snapshot(100.0).big_number == 5
    assert session.snapshot(100.2).big_number == 5  # 4.8 s left shows as 5
    assert session.snapshot(101.0).big_number == 4
    session.advance(105.0)
    numbers = []
    for t in (105.0, 106.5, 107.0, 109.9):
        session.advance(t)  # a snapshot reads time inside the segment the engine is in
        numbers.append(session.snapshot(t).big_number)
    assert numbers == [1, 1, 2, 3]
    session.advance(116.0)  # the plank's own get-ready took 111..116
    assert session.snapshot(116.0).big_number == 30
    assert session.snapshot(116.01).big_number == 30
    assert session.snapshot(117.0).big_number == 29
    assert session.snapshot(145.5).big_number == 1


def test_snapshot_fields_during_a_phase():
    rt = routine(
        (
            exercise("roll", Kind.AREAS, areas=("calf", "quad")),
            Targets(sets=2, hold_s=10, rest_s=5),
        ),
        lead_in_s=0,
    )
    plan = expand(rt)
    session = Session(plan, clock=FakeClock(0.0))
    session.start(0.0)
    session.advance(13.0)
    snap = session.snapshot(13.0)
    assert (snap.segment.label, snap.segment_index) == ("quad", 1)
    assert snap.remaining_s == 7.0 and snap.phase_remaining_s == 7.0
    assert snap.elapsed_s == 13.0 and snap.total_s == plan.total_s == 45.0
    assert snap.time_left_s == 32.0 and snap.progress == pytest.approx(13 / 45)
    assert snap.next_phase.kind.value == "rest"


def test_progress_goes_from_zero_to_one_and_time_left_to_zero():
    plan = expand(half_hour_routine())
    session = Session(plan, clock=FakeClock(T0))
    assert session.snapshot(T0).progress == 0.0
    session.start(T0)
    assert session.snapshot(T0).progress == 0.0
    last = -1.0
    t = T0
    while session.state is State.RUNNING:
        t += 7.3
        session.advance(t)
        snap = session.snapshot(t)
        assert snap.progress >= last and snap.time_left_s >= 0.0
        if snap.phase is not None:
            assert math.isclose(snap.elapsed_s, min(t - T0, plan.total_s), abs_tol=1e-6)
        last = snap.progress
    final = session.snapshot(t)
    assert final.progress == 1.0 and final.time_left_s == 0.0 and final.big_number == 0


def test_the_stall_replay_matches_event_by_event_description():
    # The same check as above, in the readable form a failure would print.
    rt = routine(
        (exercise("plank", Kind.HOLD), Targets(sets=2, hold_s=2.5, rest_s=1.5)), lead_in_s=1.5
    )
    a = Session(expand(rt), speed=10.0, clock=FakeClock(T0))
    b = Session(expand(rt), speed=10.0, clock=FakeClock(T0))
    stepwise = [describe(e) for e in a.start(T0) + run_by_deadlines(a)]
    stalled = [describe(e) for e in b.start(T0) + b.advance(T0 + 3600)]
    assert stalled == stepwise
