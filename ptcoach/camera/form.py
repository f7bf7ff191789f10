"""Form cues: a few things a therapist would say, each checked on every frame.

A check must hold for `persist_s` before its cue is given (one odd frame says nothing); the
same cue is not repeated within `same_gap_s`, and no two cues come within `any_gap_s`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ptcoach.camera.landmarks import Pose


@dataclass(frozen=True)
class FrameState:
    """What a check may look at besides the pose."""

    side: str | None  # "left", "right" or None
    progress: float | None  # the rep's position in the runner's range, 0 rest .. 1 top
    rest: dict[str, float]  # the check's values measured at rest (baselines)


@dataclass(frozen=True)
class FormCheck:
    id: str  # stored with the set ("knee-in"); stable
    text: str  # what the runner hears and reads
    # (pose, state) -> True when the fault is seen; None when it cannot be judged.
    fault: Callable[[Pose, FrameState], bool | None]
    # A value to remember at rest, for checks that compare with the runner's own start.
    baseline: Callable[[Pose, str | None], float | None] | None = None


@dataclass
class FormWatcher:
    checks: tuple[FormCheck, ...]
    side: str | None = None
    persist_s: float = 0.5
    same_gap_s: float = 8.0
    any_gap_s: float = 4.0
    flags: list[str] = field(default_factory=list)  # the cue ids given, in order, once each

    def __post_init__(self) -> None:
        self._since: dict[str, float] = {}
        self._last: dict[str, float] = {}
        self._last_any = -1e9
        self._rest: dict[str, float] = {}

    def feed(self, t: float, pose: Pose | None, progress: float | None) -> FormCheck | None:
        """The cue to give now, if any."""
        if pose is None:
            self._since.clear()
            return None
        if progress is not None and progress < 0.2:
            for c in self.checks:
                if c.baseline is not None:
                    v = c.baseline(pose, self.side)
                    if v is not None:  # a slow-moving average of the rest position
                        old = self._rest.get(c.id)
                        self._rest[c.id] = v if old is None else old + 0.2 * (v - old)
        state = FrameState(self.side, progress, self._rest)
        due: FormCheck | None = None
        for c in self.checks:
            if not c.fault(pose, state):
                self._since.pop(c.id, None)
                continue
            start = self._since.setdefault(c.id, t)
            if (
                due is None
                and t - start >= self.persist_s
                and t - self._last.get(c.id, -1e9) >= self.same_gap_s
                and t - self._last_any >= self.any_gap_s
            ):
                due = c
        if due is not None:
            self._last[due.id] = t
            self._last_any = t
            if due.id not in self.flags:
                self.flags.append(due.id)
        return due
