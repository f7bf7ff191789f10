"""plan.expand: the phases a routine and its targets turn into (pure Python, no Qt)."""

from __future__ import annotations

import pytest
from factories import exercise, routine

from ptcoach.catalog.model import Kind, Pacing, Side, Targets
from ptcoach.engine import PhaseKind, expand


def shape(plan):  # (kind, exercise, set, side, duration) per phase
    return [
        (p.kind.value, p.exercise_id, p.set_number, p.side.value if p.side else None, p.duration_s)
        for p in plan.phases
    ]


def test_reps_expand_to_tempo_steps_with_lead_in_and_rests_between_sets_only():
    ex = exercise("squat", tempo=(("lift", 2.0), ("hold", 1.0), ("lower", 3.0)))
    plan = expand(routine((ex, Targets(sets=3, reps=2, rest_s=30)), lead_in_s=10))
    assert shape(plan) == [
        ("get_ready", "squat", 1, None, 10.0),
        ("work", "squat", 1, None, 12.0),
        ("rest", "squat", 1, None, 30.0),
        ("work", "squat", 2, None, 12.0),
        ("rest", "squat", 2, None, 30.0),
        ("work", "squat", 3, None, 12.0),
    ]
    work = plan.phases[1]
    assert [(s.rep, s.tempo, s.duration_s, s.countdown) for s in work.segments] == [
        (1, "lift", 2.0, False),
        (1, "hold", 1.0, False),
        (1, "lower", 3.0, False),
        (2, "lift", 2.0, False),
        (2, "hold", 1.0, False),
        (2, "lower", 3.0, False),
    ]
    assert work.target_reps == 2 and work.target_hold_s is None and work.reps_total == 2
    assert plan.total_s == 10 + 3 * 12 + 2 * 30


def test_zero_second_tempo_steps_are_left_out():
    ex = exercise("bridge", tempo=(("lift", 1.0), ("hold", 0.0), ("lower", 1.0)))
    plan = expand(routine((ex, Targets(sets=1, reps=2))))
    assert [s.tempo for s in plan.phases[1].segments] == ["lift", "lower", "lift", "lower"]


def test_per_side_sets_go_left_switch_right_then_rest():
    ex = exercise("lunge", per_side=True, side_switch_s=4.0, tempo=(("lift", 1.0),))
    plan = expand(routine((ex, Targets(sets=2, reps=3, rest_s=20)), lead_in_s=5))
    assert shape(plan) == [
        ("get_ready", "lunge", 1, "left", 5.0),
        ("work", "lunge", 1, "left", 3.0),
        ("switch_sides", "lunge", 1, "right", 4.0),
        ("work", "lunge", 1, "right", 3.0),
        ("rest", "lunge", 1, None, 20.0),
        ("work", "lunge", 2, "left", 3.0),
        ("switch_sides", "lunge", 2, "right", 4.0),
        ("work", "lunge", 2, "right", 3.0),
    ]


def test_start_side_right_does_right_first():
    ex = exercise("lunge", per_side=True, tempo=(("lift", 1.0),))
    plan = expand(routine((ex, Targets(sets=1, reps=1))), start_side=Side.RIGHT)
    assert [p.side for p in plan.phases] == [Side.RIGHT, Side.RIGHT, Side.LEFT, Side.LEFT]


def test_hold_areas_and_contrast_make_timed_segments_with_countdowns():
    hold = exercise("plank", Kind.HOLD)
    roll = exercise("roll", Kind.AREAS, areas=("calf", "quad", "it band"))
    bath = exercise("bath", Kind.CONTRAST)
    plan = expand(
        routine(
            (hold, Targets(sets=1, hold_s=45)),
            (roll, Targets(sets=1, hold_s=30)),
            (bath, Targets(sets=1, hold_s=60, cold_s=20)),
            lead_in_s=0,
        )
    )
    work = plan.work_phases()
    assert [(s.duration_s, s.label, s.countdown) for s in work[0].segments] == [(45.0, None, True)]
    assert [(s.duration_s, s.label) for s in work[1].segments] == [
        (30.0, "calf"),
        (30.0, "quad"),
        (30.0, "it band"),
    ]
    assert [(s.duration_s, s.label) for s in work[2].segments] == [(60.0, "heat"), (20.0, "cold")]
    assert [p.target_hold_s for p in work] == [45, 30, 60]
    assert [p.target_reps for p in work] == [None, None, None]


def test_rest_between_exercises_but_none_after_the_last_set():
    a, b = exercise("a"), exercise("b", Kind.HOLD)
    plan = expand(
        routine(
            (a, Targets(sets=1, reps=1)),
            (b, Targets(sets=2, hold_s=10, rest_s=15)),
            lead_in_s=3,
            rest_between_exercises_s=25,
        )
    )
    assert shape(plan) == [
        ("get_ready", "a", 1, None, 3.0),
        ("work", "a", 1, None, 2.0),
        ("rest", "a", 1, None, 25.0),
        ("get_ready", "b", 1, None, 3.0),
        ("work", "b", 1, None, 10.0),
        ("rest", "b", 1, None, 15.0),
        ("work", "b", 2, None, 10.0),
    ]
    assert plan.phases[-1].kind is PhaseKind.WORK


def test_zero_length_rest_lead_in_and_switch_are_left_out():
    ex = exercise("lunge", per_side=True, side_switch_s=0.0, tempo=(("lift", 1.0),))
    other = exercise("b", Kind.HOLD)
    plan = expand(
        routine(
            (ex, Targets(sets=2, reps=1, rest_s=0)),
            (other, Targets(sets=1, hold_s=5)),
            lead_in_s=0,
            rest_between_exercises_s=0,
        )
    )
    assert [p.kind for p in plan.phases] == [PhaseKind.WORK] * 5
    assert [p.index for p in plan.phases] == [0, 1, 2, 3, 4]
    assert [p.start_offset_s for p in plan.phases] == [0.0, 1.0, 2.0, 3.0, 4.0]


def test_lead_in_argument_overrides_the_routines():
    plan = expand(routine((exercise("a"), Targets(sets=1, reps=1)), lead_in_s=10), lead_in_s=3)
    assert plan.phases[0].duration_s == 3.0


def test_an_exercise_with_nothing_to_do_gets_no_lead_in_or_rest():
    a, b, c = exercise("a"), exercise("b"), exercise("c")
    plan = expand(
        routine(
            (a, Targets(sets=1, reps=1)),
            (b, Targets(sets=2, reps=0)),
            (c, Targets(sets=0, reps=3)),
            lead_in_s=2,
            rest_between_exercises_s=9,
        )
    )
    assert shape(plan) == [("get_ready", "a", 1, None, 2.0), ("work", "a", 1, None, 2.0)]


def test_a_routine_with_nothing_to_do_is_an_empty_plan():
    plan = expand(routine((exercise("a"), Targets(sets=0, reps=3))))
    assert plan.phases == () and plan.total_s == 0.0


def test_self_paced_reps_wait_for_the_runner_and_count_three_seconds_each():
    ex = exercise("clam", pacing=Pacing.SELF)
    plan = expand(routine((ex, Targets(sets=1, reps=4)), lead_in_s=0))
    work = plan.phases[0]
    assert [(s.duration_s, s.rep) for s in work.segments] == [(None, r) for r in (1, 2, 3, 4)]
    assert not work.is_timed and work.duration_s == 12.0


def test_expand_self_paced_makes_every_reps_exercise_self_paced_but_not_holds():
    reps, hold = exercise("a"), exercise("b", Kind.HOLD)
    plan = expand(
        routine((reps, Targets(sets=1, reps=2)), (hold, Targets(sets=1, hold_s=5))), self_paced=True
    )
    work = plan.work_phases()
    assert [s.duration_s for s in work[0].segments] == [None, None]
    assert [s.duration_s for s in work[1].segments] == [5.0]


def test_offsets_chain_and_boundaries_end_where_the_next_phase_starts():
    ex = exercise("a", tempo=(("lift", 0.1), ("lower", 0.7)))
    plan = expand(routine((ex, Targets(sets=3, reps=7, rest_s=0.3)), lead_in_s=1.1))
    for before, after in zip(plan.phases, plan.phases[1:], strict=False):
        assert before.boundaries[-1] == after.start_offset_s
        assert before.boundaries[0] == before.start_offset_s
        assert list(before.boundaries) == sorted(before.boundaries)
        assert len(before.boundaries) == len(before.segments) + 1
    assert plan.phases[-1].boundaries[-1] == plan.total_s


def test_targets_must_match_the_routines_exercises():
    with pytest.raises(ValueError, match="1 targets for 2 exercises"):
        expand(
            routine(
                (exercise("a"), Targets(sets=1, reps=1)), (exercise("b"), Targets(sets=1, reps=1))
            ),
            [Targets(sets=1, reps=1)],
        )


def test_default_targets_come_from_the_routine():
    plan = expand(routine((exercise("a"), Targets(sets=2, reps=3))))
    assert len(plan.work_phases()) == 2 and plan.work_phases()[0].reps_total == 3
