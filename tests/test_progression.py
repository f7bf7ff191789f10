"""The progression rules: what ptcoach suggests for next time, from ratings and sets done."""

from __future__ import annotations

from dataclasses import replace

import pytest
from factories import exercise

from ptcoach.catalog.model import Kind, Range, RoutineItem, Targets
from ptcoach.catalog.progression import Advice, SetOutcome, suggest


def item(kind: Kind = Kind.REPS) -> RoutineItem:
    ex = exercise("ex", kind)
    ex = replace(
        ex,
        sets=Range(2, 3),
        reps=Range(10, 15) if kind is Kind.REPS else None,
        hold_s=Range(30, 60) if kind is not Kind.REPS else None,
    )
    return RoutineItem(ex, ex.sets, ex.reps, ex.hold_s, None, 30, Targets(sets=2))


REPS = Targets(sets=2, reps=10)
HOLD = Targets(sets=2, hold_s=30.0)
FULL_REPS = [SetOutcome(False, reps=10, target_reps=10)] * 2
FULL_HOLD = [SetOutcome(False, hold_s=30.0, target_hold_s=30.0)] * 2


def test_low_pain_and_effort_adds_two_reps() -> None:
    s = suggest(item(), REPS, FULL_REPS, pain=1, effort=5)
    assert s.advice is Advice.MORE
    assert s.suggested == Targets(sets=2, reps=12)


def test_holds_grow_by_five_seconds_before_anything_else() -> None:
    s = suggest(item(Kind.HOLD), HOLD, FULL_HOLD, pain=0, effort=3)
    assert s.suggested == Targets(sets=2, hold_s=35.0)


def test_reps_at_the_top_of_the_range_add_a_set() -> None:
    s = suggest(item(), Targets(sets=2, reps=15), FULL_REPS, pain=0, effort=3)
    assert s.suggested == Targets(sets=3, reps=15)


def test_reps_step_never_passes_the_top_of_the_range() -> None:
    s = suggest(item(), Targets(sets=2, reps=14), FULL_REPS, pain=0, effort=3)
    assert s.suggested.reps == 15


def test_the_top_of_every_range_keeps_the_targets() -> None:
    top = Targets(sets=3, reps=15)
    s = suggest(item(), top, FULL_REPS, pain=0, effort=2)
    assert s.advice is Advice.KEEP and s.suggested == top and not s.changes


@pytest.mark.parametrize("pain", [6, 8, 10])
def test_high_pain_eases_to_the_bottom_and_suggests_a_therapist(pain: int) -> None:
    s = suggest(item(), Targets(sets=3, reps=14), FULL_REPS, pain=pain, effort=3)
    assert s.advice is Advice.EASE
    assert s.suggested == Targets(sets=2, reps=10)
    assert s.see_therapist and "therapist" in s.reason


def test_pain_rising_by_three_during_the_session_eases_off() -> None:
    s = suggest(item(), Targets(sets=3, reps=14), FULL_REPS, pain=4, effort=3, pain_before=1)
    assert s.advice is Advice.EASE and "rose" in s.reason


@pytest.mark.parametrize("pain", [4, 5])
def test_moderate_pain_keeps_the_targets(pain: int) -> None:
    assert suggest(item(), REPS, FULL_REPS, pain=pain, effort=3).advice is Advice.KEEP


def test_a_skipped_set_keeps_the_targets() -> None:
    outcomes = [FULL_REPS[0], SetOutcome(True, reps=4, target_reps=10)]
    s = suggest(item(), REPS, outcomes, pain=0, effort=3)
    assert s.advice is Advice.KEEP and "in full" in s.reason


def test_a_hold_cut_short_keeps_the_targets() -> None:
    outcomes = [SetOutcome(False, hold_s=20.0, target_hold_s=30.0)]
    assert suggest(item(Kind.HOLD), HOLD, outcomes, pain=0, effort=3).advice is Advice.KEEP


def test_high_effort_keeps_the_targets() -> None:
    assert suggest(item(), REPS, FULL_REPS, pain=0, effort=8).advice is Advice.KEEP


def test_no_ratings_keep_the_targets() -> None:
    assert suggest(item(), REPS, FULL_REPS, pain=None, effort=None).advice is Advice.KEEP
