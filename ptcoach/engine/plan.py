"""A session plan: a routine plus the runner's targets, expanded into timed phases.

A plan is a flat tuple of phases (get ready, work, switch sides, rest); a work phase holds
segments (each tempo step of each rep, or each timed hold/area). The engine walks it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from ptcoach.catalog.model import Exercise, Kind, Pacing, Routine, Side, Targets

SELF_PACED_REP_ESTIMATE_S = 3.0


class PhaseKind(StrEnum):
    LEAD_IN = "get_ready"
    WORK = "work"
    SWITCH = "switch_sides"
    REST = "rest"


@dataclass(frozen=True)
class Segment:
    """The smallest timed unit. `duration_s` None means it waits for the runner (self-paced)."""

    duration_s: float | None
    rep: int | None = None  # 1-based rep number within the set
    tempo: str | None = None  # "lift", "hold", "lower"... for paced reps
    label: str | None = None  # body area, "heat"/"cold", or None
    countdown: bool = True  # whole-second countdown events (holds, rests), not tempo steps

    @property
    def nominal_s(self) -> float:
        return SELF_PACED_REP_ESTIMATE_S if self.duration_s is None else self.duration_s


@dataclass(frozen=True)
class Phase:
    """One step of a session: a get-ready, a set of work, a side switch or a rest."""

    index: int
    kind: PhaseKind
    exercise_index: int
    exercise_id: str
    exercise_name: str
    set_number: int  # 1-based
    sets_total: int
    side: Side | None
    segments: tuple[Segment, ...]
    start_offset_s: float  # nominal start, seconds from the session's start
    target_reps: int | None = None
    target_hold_s: float | None = None  # per hold / per area / heat

    @property
    def duration_s(self) -> float:
        """Nominal duration (self-paced reps counted at an estimate)."""
        return sum(s.nominal_s for s in self.segments)

    @property
    def is_timed(self) -> bool:
        return all(s.duration_s is not None for s in self.segments)

    @property
    def reps_total(self) -> int:
        return max((s.rep or 0 for s in self.segments), default=0)

    @property
    def boundaries(self) -> tuple[float, ...]:
        """Session offsets where each segment starts, plus where the phase ends.

        The last value is computed exactly as the next phase's start offset is, so the engine
        can chain phases on these numbers without any rounding creeping in between them.
        """
        starts: list[float] = []
        done = 0.0
        for seg in self.segments:
            starts.append(self.start_offset_s + done)
            done += seg.nominal_s
        end = self.start_offset_s + self.duration_s
        return (*(min(x, end) for x in starts), end)


@dataclass(frozen=True)
class Plan:
    """A routine expanded for chosen targets: every phase of the session, in order."""

    routine_id: str
    routine_name: str
    phases: tuple[Phase, ...]
    exercises: tuple[Exercise, ...]
    targets: tuple[Targets, ...]

    @property
    def total_s(self) -> float:
        return self.phases[-1].start_offset_s + self.phases[-1].duration_s if self.phases else 0.0

    def work_phases(self) -> list[Phase]:
        return [p for p in self.phases if p.kind is PhaseKind.WORK]


def expand(
    routine: Routine,
    targets: Sequence[Targets] | None = None,
    *,
    lead_in_s: float | None = None,
    self_paced: bool = False,
    start_side: Side = Side.LEFT,
) -> Plan:
    """Expand a routine and the chosen targets (default: the routine's) into a plan.

    Per-side sets are done one side after the other with a short switch pause between; rests
    separate sets and exercises; zero-length phases are left out, and nothing follows the
    last set of the session.
    """
    chosen = list(targets) if targets is not None else routine.default_targets()
    if len(chosen) != len(routine.items):
        raise ValueError(f"{len(chosen)} targets for {len(routine.items)} exercises")
    lead = routine.lead_in_s if lead_in_s is None else lead_in_s
    phases: list[Phase] = []
    offset = 0.0

    def add(
        kind: PhaseKind,
        ex_i: int,
        ex: Exercise,
        set_no: int,
        t: Targets,
        side: Side | None,
        segments: tuple[Segment, ...],
    ) -> None:
        nonlocal offset
        segments = tuple(s for s in segments if _lasts(s))
        if not segments:
            return
        phase = Phase(
            index=len(phases),
            kind=kind,
            exercise_index=ex_i,
            exercise_id=ex.id,
            exercise_name=ex.name,
            set_number=set_no,
            sets_total=t.sets,
            side=side,
            segments=segments,
            start_offset_s=offset,
            target_reps=t.reps if ex.kind is Kind.REPS else None,
            target_hold_s=t.hold_s if ex.kind is not Kind.REPS else None,
        )
        phases.append(phase)
        offset += phase.duration_s

    last_ex = len(routine.items) - 1
    for ex_i, (item, t) in enumerate(zip(routine.items, chosen, strict=True)):
        ex = item.exercise
        work = work_segments(ex, t, self_paced=self_paced)
        if t.sets <= 0 or not any(_lasts(s) for s in work):
            continue  # nothing to do: no get-ready, no rest for it either
        add(PhaseKind.LEAD_IN, ex_i, ex, 1, t, _first_side(ex, start_side), (Segment(lead),))
        for set_no in range(1, t.sets + 1):
            sides: list[Side | None] = [start_side, start_side.other] if ex.per_side else [None]
            for side_i, side in enumerate(sides):
                if side_i > 0:
                    add(PhaseKind.SWITCH, ex_i, ex, set_no, t, side, (Segment(ex.side_switch_s),))
                add(PhaseKind.WORK, ex_i, ex, set_no, t, side, work)
            if set_no < t.sets:
                add(PhaseKind.REST, ex_i, ex, set_no, t, None, (Segment(t.rest_s),))
        if ex_i < last_ex:
            add(
                PhaseKind.REST,
                ex_i,
                ex,
                t.sets,
                t,
                None,
                (Segment(routine.rest_between_exercises_s),),
            )
    # A trailing rest (e.g. when later exercises have zero sets) is pointless.
    while phases and phases[-1].kind is PhaseKind.REST:
        phases.pop()
    return Plan(
        routine_id=routine.id,
        routine_name=routine.name,
        phases=tuple(phases),
        exercises=tuple(i.exercise for i in routine.items),
        targets=tuple(chosen),
    )


def total_s(
    routine: Routine, targets: Sequence[Targets] | None = None, *, lead_in_s: float | None = None
) -> float:
    """`expand(routine, targets, lead_in_s=...).total_s`, to the bit, without building the plan.

    The home window lists every routine's estimate before its first paint; this sums the same
    numbers in the same order as `expand` (tests/test_plan_total.py compares the two).
    """
    chosen = list(targets) if targets is not None else routine.default_targets()
    if len(chosen) != len(routine.items):
        raise ValueError(f"{len(chosen)} targets for {len(routine.items)} exercises")
    lead = routine.lead_in_s if lead_in_s is None else lead_in_s
    offset = 0.0
    total = 0.0  # the end of the last phase that is not a rest (trailing rests are dropped)

    def add(seconds: list[float | None], rest: bool = False) -> None:
        nonlocal offset, total
        kept = [
            SELF_PACED_REP_ESTIMATE_S if x is None else x for x in seconds if x is None or x > 0
        ]
        if kept:
            offset += sum(kept)
            if not rest:
                total = offset

    last_ex = len(routine.items) - 1
    for ex_i, (item, t) in enumerate(zip(routine.items, chosen, strict=True)):
        ex = item.exercise
        work = [seg.duration_s for seg in work_segments(ex, t)]
        if t.sets <= 0 or not any(x is None or x > 0 for x in work):
            continue
        add([lead])
        for set_no in range(1, t.sets + 1):
            add(work)
            if ex.per_side:
                add([ex.side_switch_s])
                add(work)
            if set_no < t.sets:
                add([t.rest_s], rest=True)
        if ex_i < last_ex:
            add([routine.rest_between_exercises_s], rest=True)
    return total


def _lasts(seg: Segment) -> bool:
    """A segment worth keeping: self-paced, or timed for more than zero seconds (NaN: no)."""
    return seg.duration_s is None or seg.duration_s > 0


def _first_side(ex: Exercise, start: Side) -> Side | None:
    return start if ex.per_side else None


def work_segments(ex: Exercise, t: Targets, *, self_paced: bool = False) -> tuple[Segment, ...]:
    """The segments of one side of one set of an exercise."""
    if ex.kind is Kind.REPS:
        reps = int(t.reps or 0)
        if self_paced or ex.pacing is Pacing.SELF or not ex.tempo:
            return tuple(Segment(None, rep=r, countdown=False) for r in range(1, reps + 1))
        return tuple(
            Segment(step.seconds, rep=r, tempo=step.name, countdown=False)
            for r in range(1, reps + 1)
            for step in ex.tempo
            if step.seconds > 0
        )
    hold = float(t.hold_s or 0)
    if ex.kind is Kind.HOLD:
        return (Segment(hold),)
    if ex.kind is Kind.AREAS:
        return tuple(Segment(hold, label=area) for area in ex.areas)
    if ex.kind is Kind.CONTRAST:
        return (Segment(hold, label="heat"), Segment(float(t.cold_s or 0), label="cold"))
    raise ValueError(f"unknown exercise kind {ex.kind!r}")


def whole_seconds(x: float) -> int:
    """Seconds as a runner reads a countdown: 59.2 left shows as 60."""
    return math.ceil(round(x, 6))
