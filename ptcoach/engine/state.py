"""The session's state, its errors, and the snapshot a view draws from."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ptcoach.engine.plan import Phase, Segment, whole_seconds


class State(StrEnum):
    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"
    STOPPED = "stopped"


class SessionError(RuntimeError):
    """A command that makes no sense in the session's state (e.g. resume when not paused)."""


@dataclass(frozen=True)
class Snapshot:
    """What a view needs to draw the session at one moment."""

    state: State
    phase: Phase | None
    next_phase: Phase | None
    segment_index: int
    segment: Segment | None
    remaining_s: float | None  # of the current segment, session seconds; None when self-paced
    phase_remaining_s: float | None
    reps_done: int
    elapsed_s: float  # nominal session seconds done
    total_s: float
    getting_ready: bool = False  # a jump's get-ready countdown before a set
    ready_s: float | None = None  # seconds left of a set's own get-ready (its clock held)

    @property
    def big_number(self) -> int:
        """The one figure to show huge: the current rep's number, or whole seconds left."""
        if self.segment is None:
            return 0
        if self.ready_s is not None:
            return whole_seconds(self.ready_s)
        if self.segment.rep is not None:
            return self.segment.rep
        return whole_seconds(self.remaining_s or 0.0)

    @property
    def time_left_s(self) -> float:
        return max(0.0, self.total_s - self.elapsed_s)

    @property
    def progress(self) -> float:
        return 0.0 if self.total_s <= 0 else min(1.0, self.elapsed_s / self.total_s)
