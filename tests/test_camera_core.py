"""The camera coach's logic on generated landmark sequences: reps counted relative to the
runner's own range (clean, noisy, dropouts, drift, partial reps, keeping still), holds that run
only while held, form cues with their rate limit, and the raised-hand gesture."""

from __future__ import annotations

import itertools

import pytest
from helpers.stick import (
    evenly,
    plank,
    pose_of,
    sequence,
    side_lying,
    standing,
    supine_leg_raise,
    wall_sit,
)

from ptcoach.camera import exercises
from ptcoach.camera.coach import ExerciseCoach, Kind, can_see
from ptcoach.camera.counting import RepCounter
from ptcoach.camera.holding import HoldChange, HoldTimer
from ptcoach.camera.landmarks import L, Pose

pytestmark = pytest.mark.unit


def run(coach: ExerciseCoach, frames) -> list:
    events = []
    for t, pose in frames:
        events.extend(coach.feed(t, pose))
    return events


def clamshell(gap: float):
    return side_lying(gap=0.6 * gap)


def test_every_rep_exercise_of_the_catalogue_is_counted_or_said_why_not() -> None:
    from ptcoach.catalog.loader import load_builtin_exercises
    from ptcoach.catalog.model import Kind as ExKind

    catalogue = load_builtin_exercises()
    for ex in catalogue.values():
        seen = ex.id in exercises.REPS or ex.id in exercises.HOLDS
        assert seen != (ex.id in exercises.UNSEEN), ex.id
        if ex.kind is ExKind.REPS and not seen:
            assert ex.id == "cat-cow", ex.id  # the one rep exercise the camera cannot follow
    assert set(exercises.REPS) | set(exercises.HOLDS) | set(exercises.UNSEEN) == set(catalogue)


@pytest.mark.parametrize(
    ("noise", "dropouts", "drift"),
    [
        (0.0, [], 0.0),
        (0.004, [], 0.0),  # ~2.5 px of jitter on a 640 px frame
        (0.0, [(4.2, 4.6), (10.0, 10.3), (16.5, 17.0)], 0.0),  # the person lost for moments
        (0.003, [], 0.004),  # and the whole figure sliding across the frame
    ],
)
def test_clamshell_reps_are_counted_clean_noisy_with_dropouts_and_drift(noise, dropouts, drift):
    coach = ExerciseCoach("clamshell", "left", gestures=False)
    events = run(
        coach,
        sequence(clamshell, evenly(6), seconds=20, noise=noise, dropouts=dropouts, drift=drift),
    )
    assert coach.reps == 6
    reps = [e for e in events if e.kind is Kind.REP]
    assert [e.count for e in reps] == [1, 2, 3, 4, 5, 6]
    # Each is counted on the way down of its own rep, before the next one starts.
    for (start, dur, _), e in zip(evenly(6), reps, strict=True):
        assert start + dur / 2 < e.t < start + dur + 0.5


def test_partial_reps_between_full_ones_do_not_count():
    plan = [(1, 2, 1.0), (4, 2, 0.35), (7, 2, 1.0), (10, 2, 0.4), (13, 2, 1.0), (16, 2, 0.3)]
    coach = ExerciseCoach("clamshell", gestures=False)
    run(coach, sequence(clamshell, plan, seconds=19, noise=0.002))
    assert coach.reps == 3


def test_keeping_still_counts_no_reps_even_with_jitter():
    for noise in (0.0, 0.003, 0.006):
        for ex, posture in (
            ("clamshell", clamshell),
            ("straight-leg-raise", lambda v: supine_leg_raise(40 * v)),
            ("step-up", lambda v: standing(rise=0.15 * v)),
        ):
            coach = ExerciseCoach(ex, gestures=False)
            run(coach, sequence(posture, [], seconds=30, noise=noise, seed=3))
            assert coach.reps == 0, (ex, noise)


def test_movements_smaller_than_the_exercise_ever_moves_are_not_reps():
    coach = ExerciseCoach("straight-leg-raise", "left", gestures=False)
    run(coach, sequence(lambda v: supine_leg_raise(40 * v), evenly(5, peak=0.3), seconds=17))
    assert coach.reps == 0
    coach = ExerciseCoach("straight-leg-raise", "left", gestures=False)
    run(coach, sequence(lambda v: supine_leg_raise(40 * v), evenly(5), seconds=17))
    assert coach.reps == 5


def test_the_counter_follows_a_baseline_that_moves():
    """Tracking moves the baseline: the same reps on a rising floor still count."""
    counter = RepCounter(min_range=10.0)
    n = 0
    for i in range(15 * 40):
        t = i / 15
        base = 0.5 * t  # 20 units over the run: as much as a rep's height
        phase = (t % 4.0) / 4.0
        value = base + (20.0 if 0.25 < phase < 0.75 else 0.0)
        n += counter.feed(t, value)
    assert n == counter.count
    assert 9 <= counter.count <= 10  # 10 reps; the first may start before the range is known


def test_a_set_with_dropouts_mid_rep_counts_the_rep_once():
    coach = ExerciseCoach("clamshell", gestures=False)
    run(coach, sequence(clamshell, evenly(3), seconds=11, dropouts=[(1.8, 2.4), (4.9, 5.3)]))
    assert coach.reps == 3


def test_the_hold_timer_runs_only_while_held():
    timer = HoldTimer()
    changes = []
    for i in range(15 * 20):
        t = i / 15
        held = not (8.0 <= t < 11.0) and t >= 1.0
        if 5.0 <= t < 5.2:  # a frame or two misjudged: not a lost hold
            held = False
        change = timer.feed(t, held)
        if change:
            changes.append((change, round(t, 1)))
    stretches = timer.close(20.0)
    assert [c for c, _ in changes] == [HoldChange.REGAINED, HoldChange.LOST, HoldChange.REGAINED]
    assert stretches[0] == pytest.approx((1.0, 8.0), abs=0.1)
    assert stretches[1] == pytest.approx((11.0, 20.0), abs=0.1)
    assert timer.held_s() == pytest.approx(16.0, abs=0.2)


def test_wall_sit_is_held_near_ninety_degrees_and_lost_when_standing_up():
    coach = ExerciseCoach("wall-sit", gestures=False)
    frames = []
    for i in range(15 * 12):
        t = i / 15
        knee = 90.0 if 1.0 <= t < 6.0 or t >= 8.0 else 160.0
        frames.append((t, pose_of(wall_sit(knee))))
    events = run(coach, frames)
    kinds = [e.kind for e in events if e.kind in (Kind.HOLD_LOST, Kind.HOLD_REGAINED)]
    assert kinds == [Kind.HOLD_REGAINED, Kind.HOLD_LOST, Kind.HOLD_REGAINED]
    held = coach.holds()
    assert len(held) == 2
    assert held[0] == pytest.approx(5.0, abs=0.2)
    assert held[1] == pytest.approx(12.0 - 1 / 15 - 8.0, abs=0.2)


def test_nobody_in_the_picture_stops_the_hold_clock():
    coach = ExerciseCoach("plank", gestures=False)
    frames = [(i / 15, None if 3.0 <= i / 15 < 5.0 else pose_of(plank())) for i in range(15 * 8)]
    run(coach, frames)
    assert len(coach.holds()) == 2
    assert sum(coach.holds()) == pytest.approx(6.0, abs=0.4)


def test_plank_hips_sagging_gives_one_cue_then_rate_limited():
    coach = ExerciseCoach("plank", gestures=False)
    frames = [(i / 15, pose_of(plank(sag=0.0 if i < 30 else 0.25))) for i in range(15 * 12)]
    events = run(coach, frames)
    cues = [e for e in events if e.kind is Kind.CUE]
    assert cues and all(c.cue is not None and c.cue.id == "hips-sag" for c in cues)
    assert cues[0].t == pytest.approx(2.5, abs=0.2)  # after 0.5 s of sagging
    gaps = [b.t - a.t for a, b in itertools.pairwise(cues)]
    assert all(g >= 8.0 - 1e-9 for g in gaps)  # the same cue at most every 8 s
    assert coach.flags == ["hips-sag"]
    # A sagging plank is not a held plank? It still is a plank (the line is within 150°)...
    assert coach.holds()


def test_a_straight_plank_gives_no_cue():
    coach = ExerciseCoach("plank", gestures=False)
    events = run(coach, ((i / 15, pose_of(plank())) for i in range(15 * 10)))
    assert not [e for e in events if e.kind is Kind.CUE]


def test_straight_leg_raise_knee_bending_while_up_is_flagged():
    def bent(v: float):
        return supine_leg_raise(45 * v, knee_bend=40 * v)

    coach = ExerciseCoach("straight-leg-raise", "left", gestures=False)
    run(coach, sequence(bent, evenly(4, dur=3.0, every=4.0), seconds=18))
    assert coach.reps == 4
    assert coach.flags == ["knee-bent"]
    straight = ExerciseCoach("straight-leg-raise", "left", gestures=False)
    run(straight, sequence(lambda v: supine_leg_raise(45 * v), evenly(4), seconds=14))
    assert straight.flags == []


def test_step_up_knee_drifting_inward_is_flagged():
    coach = ExerciseCoach("step-up", "left", gestures=False)
    run(coach, sequence(lambda v: standing(rise=0.15 * v, knee_in=0.4 * v), evenly(3), seconds=11))
    assert coach.reps == 3
    assert "knee-in" in coach.flags
    clean = ExerciseCoach("step-up", "left", gestures=False)
    run(clean, sequence(lambda v: standing(rise=0.15 * v), evenly(3), seconds=11))
    assert clean.reps == 3 and clean.flags == []


def test_clamshell_pelvis_rolling_back_is_flagged():
    coach = ExerciseCoach("clamshell", "left", gestures=False)
    run(coach, sequence(lambda v: side_lying(gap=0.6 * v, roll=0.5 * v), evenly(3), seconds=11))
    assert coach.reps == 3
    assert coach.flags == ["pelvis-back"]


def test_a_hand_raised_for_a_second_is_one_gesture():
    coach = ExerciseCoach("calf-raise")
    frames = []
    for i in range(15 * 8):
        t = i / 15
        up = 1.0 <= t < 3.5 or 5.0 <= t < 5.5  # a long raise, then a short one (a scratch)
        frames.append((t, pose_of(standing(hand_up=up))))
    gestures = [e for e in run(coach, frames) if e.kind is Kind.GESTURE]
    assert len(gestures) == 1
    assert gestures[0].t == pytest.approx(2.0, abs=0.1)


def test_an_arm_raised_while_lying_is_not_a_gesture():
    coach = ExerciseCoach("dead-bug")
    lying = supine_leg_raise(0)
    lying[L.LEFT_WRIST] = (0.2, 0.3)  # pointing at the ceiling
    events = run(coach, ((i / 15, pose_of(lying)) for i in range(60)))
    assert not [e for e in events if e.kind is Kind.GESTURE]


def test_what_the_camera_cannot_follow_says_why():
    assert not can_see("cat-cow")
    with pytest.raises(ValueError, match="spine"):
        ExerciseCoach("cat-cow")
    with pytest.raises(ValueError, match="not in the catalogue"):
        ExerciseCoach("no-such")


def test_a_pose_is_33_landmarks_and_names_what_is_hidden():
    pose = pose_of(standing())
    assert pose.missing_parts() == []
    pts = pose.points.copy()
    pts[[L.LEFT_ANKLE, L.RIGHT_ANKLE], 2] = 0.1
    assert Pose(pts).missing_parts() == ["feet"]
    with pytest.raises(ValueError):
        Pose.from_list([(0.0, 0.0, 1.0)] * 5)


def test_a_rep_half_done_by_someone_else_does_not_count():
    """The pose model jumping to another person mid-rep (hips far away, another size)."""
    coach = ExerciseCoach("clamshell", gestures=False)
    frames = list(sequence(clamshell, evenly(3), seconds=11))
    swapped = []
    for t, pose in frames:
        if pose is not None and 4.5 <= t < 5.5:  # the second rep's way down: someone else
            pts = pose.points.copy()
            pts[:, :2] = pts[:, :2] * 0.5 + 0.6
            pose = Pose(pts)
        swapped.append((t, pose))
    run(coach, swapped)
    assert coach.switches == 2  # away, and back
    assert coach.reps == 2
