"""Typed events the session engine emits; UI, audio and the store follow these only.

Every event carries `at`: the monotonic time the event was *due* (its deadline), not the
time it happened to be processed, so a late observer can tell how stale it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from ptcoach.catalog.model import Side
from ptcoach.engine.plan import Phase, Plan, Segment


@dataclass(frozen=True)
class Event:
    at: float


@dataclass(frozen=True)
class SessionStarted(Event):
    plan: Plan
    first_phase: int  # 0 unless resuming


@dataclass(frozen=True)
class PhaseStarted(Event):
    phase: Phase
    duration_s: float  # nominal, in session seconds


@dataclass(frozen=True)
class SegmentStarted(Event):
    """A tempo step of a rep (lift/hold/lower), a body area, or heat/cold."""

    phase: Phase
    segment_index: int
    segment: Segment


@dataclass(frozen=True)
class RepStarted(Event):
    phase: Phase
    rep: int
    reps_total: int


@dataclass(frozen=True)
class Countdown(Event):
    """A whole second of a timed segment begins: `remaining` seconds are left (n, ..., 1)."""

    phase: Phase
    segment_index: int
    remaining: int
    total: int


@dataclass(frozen=True)
class GetReady(Event):
    """A jump (Next, Back, Restart) landed a short get-ready countdown before a set, in the
    tail of the get-ready, switch or rest phase before it, instead of straight into rep 1."""

    phase: Phase  # the phase whose tail counts down
    next_phase: Phase  # the set about to start
    seconds: float  # the countdown's length, session seconds


@dataclass(frozen=True)
class SideSwitched(Event):
    phase: Phase  # the switch phase
    to_side: Side


@dataclass(frozen=True)
class SetRecord:
    """What was actually done in one set (or one side of a per-side set)."""

    exercise_index: int
    exercise_id: str
    set_number: int
    side: Side | None
    target_reps: int | None
    target_hold_s: float | None
    reps: int | None  # reps done (REPS kind)
    hold_s: float | None  # seconds held, in session seconds (other kinds)
    skipped: bool  # ended early by skip, a forward goto, or stop
    started_at: float  # monotonic
    ended_at: float  # monotonic
    phase_index: int


@dataclass(frozen=True)
class SetCompleted(Event):
    record: SetRecord


@dataclass(frozen=True)
class ExerciseCompleted(Event):
    exercise_index: int
    exercise_id: str


@dataclass(frozen=True)
class SessionCompleted(Event):
    sets_done: int
    sets_skipped: int


@dataclass(frozen=True)
class Paused(Event):
    remaining_s: float | None  # of the current segment, in session seconds


@dataclass(frozen=True)
class Resumed(Event):
    pass


@dataclass(frozen=True)
class Stopped(Event):
    pass
