"""Exact event sequences of small sessions, run on a fake clock (no Qt, no sleeping)."""

from __future__ import annotations

from factories import describe, exercise, routine, run_by_deadlines

from ptcoach.catalog.model import Kind, Pacing, Targets
from ptcoach.engine import Session, State, expand
from ptcoach.engine.clock import FakeClock

T0 = 1000.0


def run(rt, **session_args):
    session = Session(expand(rt), clock=FakeClock(T0), **session_args)
    return [describe(e) for e in session.start() + run_by_deadlines(session)], session


def test_a_tempo_reps_session_gives_exactly_these_events():
    rt = routine((exercise("squat"), Targets(sets=1, reps=2)), lead_in_s=2)
    events, session = run(rt)
    assert events == [
        ("SessionStarted", 1000.0, 0),
        ("PhaseStarted", 1000.0, "get_ready", "squat", 1, None),
        ("SegmentStarted", 1000.0, 0, None),
        ("Countdown", 1000.0, 2),
        ("Countdown", 1001.0, 1),
        ("PhaseStarted", 1002.0, "work", "squat", 1, None),
        ("SegmentStarted", 1002.0, 0, "lift"),
        ("RepStarted", 1002.0, 1, 2),
        ("SegmentStarted", 1003.0, 1, "lower"),
        ("SegmentStarted", 1004.0, 2, "lift"),
        ("RepStarted", 1004.0, 2, 2),
        ("SegmentStarted", 1005.0, 3, "lower"),
        ("SetCompleted", 1006.0, "squat", 1, None, 2, None, False),
        ("ExerciseCompleted", 1006.0, "squat"),
        ("SessionCompleted", 1006.0, 1, 0),
    ]
    assert session.state is State.FINISHED and session.next_deadline() is None


def test_a_hold_counts_down_whole_seconds_and_records_the_seconds_held():
    rt = routine((exercise("plank", Kind.HOLD), Targets(sets=2, hold_s=3, rest_s=2)), lead_in_s=0)
    events, _ = run(rt)
    assert events == [
        ("SessionStarted", 1000.0, 0),
        ("PhaseStarted", 1000.0, "work", "plank", 1, None),
        ("SegmentStarted", 1000.0, 0, None),
        ("Countdown", 1000.0, 3),
        ("Countdown", 1001.0, 2),
        ("Countdown", 1002.0, 1),
        ("SetCompleted", 1003.0, "plank", 1, None, None, 3.0, False),
        ("PhaseStarted", 1003.0, "rest", "plank", 1, None),
        ("SegmentStarted", 1003.0, 0, None),
        ("Countdown", 1003.0, 2),
        ("Countdown", 1004.0, 1),
        ("PhaseStarted", 1005.0, "work", "plank", 2, None),
        ("SegmentStarted", 1005.0, 0, None),
        ("Countdown", 1005.0, 3),
        ("Countdown", 1006.0, 2),
        ("Countdown", 1007.0, 1),
        ("SetCompleted", 1008.0, "plank", 2, None, None, 3.0, False),
        ("ExerciseCompleted", 1008.0, "plank"),
        ("SessionCompleted", 1008.0, 2, 0),
    ]


def test_a_fractional_hold_counts_on_the_whole_seconds_left():
    rt = routine((exercise("plank", Kind.HOLD), Targets(sets=1, hold_s=2.5)), lead_in_s=0)
    events, _ = run(rt)
    assert [e for e in events if e[0] in ("Countdown", "SetCompleted")] == [
        ("Countdown", 1000.0, 3),
        ("Countdown", 1000.5, 2),
        ("Countdown", 1001.5, 1),
        ("SetCompleted", 1002.5, "plank", 1, None, None, 2.5, False),
    ]


def test_areas_are_segments_each_with_their_own_countdown():
    rt = routine(
        (exercise("roll", Kind.AREAS, areas=("calf", "quad")), Targets(sets=1, hold_s=2)),
        lead_in_s=0,
    )
    events, _ = run(rt)
    assert events[1:] == [
        ("PhaseStarted", 1000.0, "work", "roll", 1, None),
        ("SegmentStarted", 1000.0, 0, "calf"),
        ("Countdown", 1000.0, 2),
        ("Countdown", 1001.0, 1),
        ("SegmentStarted", 1002.0, 1, "quad"),
        ("Countdown", 1002.0, 2),
        ("Countdown", 1003.0, 1),
        ("SetCompleted", 1004.0, "roll", 1, None, None, 4.0, False),
        ("ExerciseCompleted", 1004.0, "roll"),
        ("SessionCompleted", 1004.0, 1, 0),
    ]


def test_contrast_runs_heat_then_cold():
    rt = routine(
        (exercise("bath", Kind.CONTRAST), Targets(sets=1, hold_s=2, cold_s=1)), lead_in_s=0
    )
    events, _ = run(rt)
    assert events[1:] == [
        ("PhaseStarted", 1000.0, "work", "bath", 1, None),
        ("SegmentStarted", 1000.0, 0, "heat"),
        ("Countdown", 1000.0, 2),
        ("Countdown", 1001.0, 1),
        ("SegmentStarted", 1002.0, 1, "cold"),
        ("Countdown", 1002.0, 1),
        ("SetCompleted", 1003.0, "bath", 1, None, None, 3.0, False),
        ("ExerciseCompleted", 1003.0, "bath"),
        ("SessionCompleted", 1003.0, 1, 0),
    ]


def test_a_per_side_set_goes_left_switch_right_with_a_record_per_side():
    ex = exercise("lunge", per_side=True, side_switch_s=2.0, tempo=(("lift", 1.0),))
    rt = routine((ex, Targets(sets=2, reps=1, rest_s=3)), lead_in_s=1)
    events, _ = run(rt)
    assert events == [
        ("SessionStarted", 1000.0, 0),
        ("PhaseStarted", 1000.0, "get_ready", "lunge", 1, "left"),
        ("SegmentStarted", 1000.0, 0, None),
        ("Countdown", 1000.0, 1),
        ("PhaseStarted", 1001.0, "work", "lunge", 1, "left"),
        ("SegmentStarted", 1001.0, 0, "lift"),
        ("RepStarted", 1001.0, 1, 1),
        ("SetCompleted", 1002.0, "lunge", 1, "left", 1, None, False),
        ("PhaseStarted", 1002.0, "switch_sides", "lunge", 1, "right"),
        ("SideSwitched", 1002.0, "right"),
        ("SegmentStarted", 1002.0, 0, None),
        ("Countdown", 1002.0, 2),
        ("Countdown", 1003.0, 1),
        ("PhaseStarted", 1004.0, "work", "lunge", 1, "right"),
        ("SegmentStarted", 1004.0, 0, "lift"),
        ("RepStarted", 1004.0, 1, 1),
        ("SetCompleted", 1005.0, "lunge", 1, "right", 1, None, False),
        ("PhaseStarted", 1005.0, "rest", "lunge", 1, None),
        ("SegmentStarted", 1005.0, 0, None),
        ("Countdown", 1005.0, 3),
        ("Countdown", 1006.0, 2),
        ("Countdown", 1007.0, 1),
        ("PhaseStarted", 1008.0, "work", "lunge", 2, "left"),
        ("SegmentStarted", 1008.0, 0, "lift"),
        ("RepStarted", 1008.0, 1, 1),
        ("SetCompleted", 1009.0, "lunge", 2, "left", 1, None, False),
        ("PhaseStarted", 1009.0, "switch_sides", "lunge", 2, "right"),
        ("SideSwitched", 1009.0, "right"),
        ("SegmentStarted", 1009.0, 0, None),
        ("Countdown", 1009.0, 2),
        ("Countdown", 1010.0, 1),
        ("PhaseStarted", 1011.0, "work", "lunge", 2, "right"),
        ("SegmentStarted", 1011.0, 0, "lift"),
        ("RepStarted", 1011.0, 1, 1),
        ("SetCompleted", 1012.0, "lunge", 2, "right", 1, None, False),
        ("ExerciseCompleted", 1012.0, "lunge"),
        ("SessionCompleted", 1012.0, 4, 0),
    ]


def test_two_exercises_rest_between_them_and_complete_each():
    rt = routine(
        (exercise("a", tempo=(("lift", 1.0),)), Targets(sets=1, reps=1)),
        (exercise("b", Kind.HOLD), Targets(sets=1, hold_s=1)),
        lead_in_s=0,
        rest_between_exercises_s=2,
    )
    events, _ = run(rt)
    assert [e for e in events if e[0] not in ("SegmentStarted", "Countdown", "RepStarted")] == [
        ("SessionStarted", 1000.0, 0),
        ("PhaseStarted", 1000.0, "work", "a", 1, None),
        ("SetCompleted", 1001.0, "a", 1, None, 1, None, False),
        ("ExerciseCompleted", 1001.0, "a"),
        ("PhaseStarted", 1001.0, "rest", "a", 1, None),
        ("PhaseStarted", 1003.0, "work", "b", 1, None),
        ("SetCompleted", 1004.0, "b", 1, None, None, 1.0, False),
        ("ExerciseCompleted", 1004.0, "b"),
        ("SessionCompleted", 1004.0, 2, 0),
    ]


def test_zero_rest_and_lead_in_mean_no_rest_or_get_ready_events():
    rt = routine(
        (exercise("a", tempo=(("lift", 1.0),)), Targets(sets=3, reps=1, rest_s=0)), lead_in_s=0
    )
    events, _ = run(rt)
    kinds = [e[2] for e in events if e[0] == "PhaseStarted"]
    assert kinds == ["work", "work", "work"]
    assert [e[1] for e in events if e[0] == "SetCompleted"] == [1001.0, 1002.0, 1003.0]


def test_self_paced_reps_wait_for_mark_rep():
    rt = routine((exercise("clam", pacing=Pacing.SELF), Targets(sets=1, reps=2)), lead_in_s=0)
    clock = FakeClock(T0)
    session = Session(expand(rt), clock=clock)
    events = session.start()
    assert session.next_deadline() is None
    assert session.advance(T0 + 3600) == []  # nothing happens however long the runner takes
    events += session.mark_rep(T0 + 3600.5)
    events += session.mark_rep(T0 + 3602.0)
    assert [describe(e) for e in events] == [
        ("SessionStarted", 1000.0, 0),
        ("PhaseStarted", 1000.0, "work", "clam", 1, None),
        ("SegmentStarted", 1000.0, 0, None),
        ("RepStarted", 1000.0, 1, 2),
        ("SegmentStarted", 4600.5, 1, None),
        ("RepStarted", 4600.5, 2, 2),
        ("SetCompleted", 4602.0, "clam", 1, None, 2, None, False),
        ("ExerciseCompleted", 4602.0, "clam"),
        ("SessionCompleted", 4602.0, 1, 0),
    ]


def test_self_paced_reps_mixed_with_tempo_and_holds_keep_the_clock_exact_after_them():
    rt = routine(
        (exercise("clam", pacing=Pacing.SELF), Targets(sets=1, reps=1)),
        (exercise("squat", tempo=(("lift", 0.5), ("lower", 0.5))), Targets(sets=1, reps=2)),
        (exercise("plank", Kind.HOLD), Targets(sets=1, hold_s=2)),
        lead_in_s=1,
        rest_between_exercises_s=1,
    )
    session = Session(expand(rt), clock=FakeClock(T0))
    events = session.start() + run_by_deadlines(session)
    assert session.snapshot(T0 + 1).segment.duration_s is None  # waiting on the runner
    events += session.mark_rep(T0 + 7.25)  # a slow first rep
    events += run_by_deadlines(session)
    sets = [describe(e) for e in events if type(e).__name__ == "SetCompleted"]
    assert sets == [
        ("SetCompleted", 1007.25, "clam", 1, None, 1, None, False),
        # rest 1 + get ready 1 + two 1 s reps, then rest 1 + get ready 1 + hold 2
        ("SetCompleted", 1011.25, "squat", 1, None, 2, None, False),
        ("SetCompleted", 1015.25, "plank", 1, None, None, 2.0, False),
    ]
    assert describe(events[-1]) == ("SessionCompleted", 1015.25, 3, 0)


def test_expand_self_paced_turns_tempo_reps_into_marked_reps():
    rt = routine((exercise("squat"), Targets(sets=1, reps=2)), lead_in_s=0)
    session = Session(expand(rt, self_paced=True), clock=FakeClock(T0))
    session.start()
    assert session.next_deadline() is None
    session.mark_rep(T0 + 1)
    last = session.mark_rep(T0 + 2)
    assert describe(last[0]) == ("SetCompleted", 1002.0, "squat", 1, None, 2, None, False)


def test_mark_rep_does_nothing_during_a_timed_segment():
    rt = routine((exercise("squat"), Targets(sets=1, reps=2)), lead_in_s=3)
    session = Session(expand(rt), clock=FakeClock(T0))
    session.start()
    assert session.mark_rep(T0 + 0.5) == []
    assert session.next_deadline() == T0 + 1


def test_starting_from_a_later_phase_resumes_there():
    rt = routine((exercise("plank", Kind.HOLD), Targets(sets=3, hold_s=2, rest_s=1)), lead_in_s=1)
    plan = expand(rt)
    session = Session(plan, clock=FakeClock(T0))
    events = [describe(e) for e in session.start(from_phase=3)]
    assert events[:2] == [
        ("SessionStarted", 1000.0, 3),
        ("PhaseStarted", 1000.0, "work", "plank", 2, None),
    ]
    assert session.snapshot(T0).elapsed_s == plan.phases[3].start_offset_s
    rest = [describe(e) for e in run_by_deadlines(session)]
    assert rest[-1] == ("SessionCompleted", 1005.0, 2, 0)


def test_an_empty_plan_starts_and_completes_at_once():
    rt = routine((exercise("a"), Targets(sets=0, reps=1)))
    session = Session(expand(rt), clock=FakeClock(T0))
    assert [describe(e) for e in session.start()] == [
        ("SessionStarted", 1000.0, 0),
        ("SessionCompleted", 1000.0, 0, 0),
    ]
    assert session.snapshot().progress == 0.0 and session.state is State.FINISHED
