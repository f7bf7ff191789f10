"""Progression: from a session's ratings and what was done, suggest the next targets.

The rules (also in the README) are deliberately conservative:

1. Pain of 6 or more after the session, or pain that rose by 3 or more from before the
   session: ease off to the bottom of every range, and suggest seeing a therapist.
2. Pain of 4 or 5: keep the targets as they are.
3. A set skipped or cut short for this exercise: keep the targets as they are.
4. Effort of 8 or more: keep the targets as they are (the current load is enough).
5. Otherwise (pain 0-3, effort 0-7, every set done in full): a little more, one step toward
   the top of the range, one thing at a time: hold seconds first (+5 s), then reps (+2),
   then one more set. At the top of every range the targets stay.
Targets never leave the exercise's (the routine's) ranges.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from ptcoach.catalog.model import RoutineItem, Targets

HOLD_STEP_S = 5.0
REPS_STEP = 2
HIGH_PAIN = 6
PAIN_RISE = 3
MODERATE_PAIN = 4
HIGH_EFFORT = 8


class Advice(StrEnum):
    MORE = "more"
    KEEP = "keep"
    EASE = "ease"


@dataclass(frozen=True)
class SetOutcome:
    """What one set (or side) of the exercise achieved, from the session's records."""

    skipped: bool
    reps: int | None = None
    target_reps: int | None = None
    hold_s: float | None = None
    target_hold_s: float | None = None

    @property
    def in_full(self) -> bool:
        if self.skipped:
            return False
        if self.target_reps is not None and (self.reps or 0) < self.target_reps:
            return False
        return not (
            self.target_hold_s is not None and (self.hold_s or 0.0) + 0.5 < self.target_hold_s
        )


@dataclass(frozen=True)
class Suggestion:
    exercise_id: str
    current: Targets
    suggested: Targets
    advice: Advice
    reason: str
    see_therapist: bool = False

    @property
    def changes(self) -> bool:
        return self.current != self.suggested


def suggest(
    item: RoutineItem,
    current: Targets,
    outcomes: Sequence[SetOutcome],
    *,
    pain: int | None,
    effort: int | None,
    pain_before: int | None = None,
) -> Suggestion:
    """Apply the rules above to one exercise of a finished session."""
    ex_id = item.exercise.id

    def keep(reason: str) -> Suggestion:
        return Suggestion(ex_id, current, current, Advice.KEEP, reason)

    rose = pain is not None and pain_before is not None and pain - pain_before >= PAIN_RISE
    if pain is not None and (pain >= HIGH_PAIN or rose):
        eased = _bottom(item, current)
        why = "pain rose during the session" if rose and pain < HIGH_PAIN else "pain was high"
        return Suggestion(
            ex_id,
            current,
            eased,
            Advice.EASE,
            f"Easing off because {why}. If it keeps hurting, see a physical therapist.",
            see_therapist=True,
        )
    if pain is None or effort is None:
        return keep("No ratings were given, so the targets stay as they are.")
    if pain >= MODERATE_PAIN:
        return keep("Some pain: stay at these targets until it settles.")
    if not outcomes or not all(o.in_full for o in outcomes):
        return keep("Not every set was done in full: repeat these targets next time.")
    if effort >= HIGH_EFFORT:
        return keep("That was hard work: stay at these targets for now.")
    more = _one_step_up(item, current)
    if more == current:
        return keep("At the top of the prescribed range: keep it up.")
    return Suggestion(
        ex_id,
        current,
        more,
        Advice.MORE,
        "Low pain and comfortable effort: a little more next time.",
    )


def _bottom(item: RoutineItem, t: Targets) -> Targets:
    """Every range's minimum (never more than the current target)."""
    reps = t.reps
    if item.reps is not None and reps is not None:
        reps = min(reps, int(item.reps.low))
    hold = t.hold_s
    if item.hold_s is not None and hold is not None:
        hold = min(hold, float(item.hold_s.low))
    return replace(t, sets=min(t.sets, int(item.sets.low)), reps=reps, hold_s=hold)


def _one_step_up(item: RoutineItem, t: Targets) -> Targets:
    if item.hold_s is not None and t.hold_s is not None and t.hold_s < item.hold_s.high:
        return replace(t, hold_s=float(item.hold_s.clamp(t.hold_s + HOLD_STEP_S)))
    if item.reps is not None and t.reps is not None and t.reps < item.reps.high:
        return replace(t, reps=int(item.reps.clamp(t.reps + REPS_STEP)))
    if t.sets < item.sets.high:
        return replace(t, sets=int(item.sets.clamp(t.sets + 1)))
    return t
