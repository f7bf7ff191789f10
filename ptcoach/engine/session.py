"""The session state machine: walks a plan against absolute monotonic deadlines.

Every command takes `now` (monotonic seconds; by default read from the injected clock) and
returns the events it caused, in order. The engine stores when the current segment started,
never a counter of ticks, so a late or missing timer callback cannot cause drift: one
`advance(now)` after a stall crosses every deadline that passed, with each event stamped at
the time it was due. `speed` scales session time (2.0 runs a 60 s hold in 30 s).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from ptcoach.engine.events import (
    Countdown,
    Event,
    ExerciseCompleted,
    Paused,
    PhaseStarted,
    RepStarted,
    Resumed,
    SegmentStarted,
    SessionCompleted,
    SessionStarted,
    SetCompleted,
    SetRecord,
    SideSwitched,
    Stopped,
)
from ptcoach.engine.plan import Phase, PhaseKind, Plan, Segment, whole_seconds

Clock = Callable[[], float]


class State(str, Enum):
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

    @property
    def big_number(self) -> int:
        """The one figure to show huge: reps done so far, or whole seconds left."""
        if self.segment is None:
            return 0
        if self.segment.rep is not None:
            return self.segment.rep
        return whole_seconds(self.remaining_s or 0.0)

    @property
    def time_left_s(self) -> float:
        return max(0.0, self.total_s - self.elapsed_s)

    @property
    def progress(self) -> float:
        return 0.0 if self.total_s <= 0 else min(1.0, self.elapsed_s / self.total_s)


class Session:
    def __init__(self, plan: Plan, *, speed: float = 1.0, clock: Clock = time.monotonic) -> None:
        if not speed > 0:
            raise ValueError(f"speed must be above 0, not {speed}")
        self.plan = plan
        self.speed = float(speed)
        self.clock = clock
        self.state = State.READY
        self._pi = 0  # phase index
        self._si = 0  # segment index within the phase
        self._seg_start = 0.0  # monotonic, shifted forward by pauses
        self._next_count: int | None = None  # next countdown figure due in this segment
        self._paused_at = 0.0
        self._phase_started_at = 0.0  # monotonic, for the set record's start
        self._reps_done = 0
        self._held_s = 0.0  # session seconds held in completed segments of this phase
        self._sets_done = 0
        self._sets_skipped = 0

    # ----------------------------------------------------------------- queries
    @property
    def phase(self) -> Phase | None:
        if self.state in (State.FINISHED, State.STOPPED) or not self.plan.phases:
            return None
        return self.plan.phases[self._pi]

    @property
    def segment(self) -> Segment | None:
        phase = self.phase
        return phase.segments[self._si] if phase else None

    def next_deadline(self) -> float | None:
        """The monotonic time of the next event, or None (paused, finished, waiting on a rep)."""
        if self.state is not State.RUNNING:
            return None
        seg = self.segment
        assert seg is not None
        if seg.duration_s is None:
            return None
        end = self._seg_end(seg)
        if self._next_count is not None and self._next_count >= 1:
            return min(end, self._count_time(seg, self._next_count))
        return end

    def snapshot(self, now: float | None = None) -> Snapshot:
        now = self.clock() if now is None else now
        phase = self.phase
        seg = self.segment
        if phase is None or seg is None:
            done = self.state is State.FINISHED
            total = self.plan.total_s
            return Snapshot(self.state, None, None, 0, None, None, None, 0,
                            total if done else 0.0, total)
        t = self._paused_at if self.state is State.PAUSED else now
        if self.state is State.READY:
            seg_elapsed = 0.0
        else:
            seg_elapsed = max(0.0, (t - self._seg_start) * self.speed)
        remaining = None
        if seg.duration_s is not None:
            seg_elapsed = min(seg_elapsed, seg.duration_s)
            remaining = seg.duration_s - seg_elapsed
        else:
            seg_elapsed = 0.0
        later = phase.segments[self._si + 1:]
        phase_remaining = None
        if phase.is_timed and remaining is not None:
            phase_remaining = remaining + sum(s.nominal_s for s in later)
        before = sum(s.nominal_s for s in phase.segments[: self._si])
        nxt = self.plan.phases[self._pi + 1] if self._pi + 1 < len(self.plan.phases) else None
        return Snapshot(
            state=self.state, phase=phase, next_phase=nxt, segment_index=self._si, segment=seg,
            remaining_s=remaining, phase_remaining_s=phase_remaining, reps_done=self._reps_done,
            elapsed_s=phase.start_offset_s + before + seg_elapsed, total_s=self.plan.total_s,
        )

    # ---------------------------------------------------------------- commands
    def start(self, now: float | None = None, *, from_phase: int = 0) -> list[Event]:
        """Start at the first phase, or at `from_phase` when resuming an interrupted session."""
        now = self.clock() if now is None else now
        if self.state is not State.READY:
            raise SessionError(f"cannot start a session that is {self.state.value}")
        if not self.plan.phases:
            self.state = State.FINISHED
            return [SessionStarted(now, self.plan, 0), SessionCompleted(now, 0, 0)]
        if not 0 <= from_phase < len(self.plan.phases):
            raise ValueError(f"no phase {from_phase} in a plan of {len(self.plan.phases)}")
        self.state = State.RUNNING
        events: list[Event] = [SessionStarted(now, self.plan, from_phase)]
        self._enter_phase(from_phase, now, events)
        return events

    def advance(self, now: float | None = None) -> list[Event]:
        """Process every deadline up to `now`, in order."""
        now = self.clock() if now is None else now
        events: list[Event] = []
        while (due := self.next_deadline()) is not None and due <= now:
            self._fire(due, events)
        return events

    def pause(self, now: float | None = None, *, as_of: float | None = None) -> list[Event]:
        """Freeze the remaining time exactly. `as_of` pauses at an earlier moment (e.g. the
        last time the machine was known awake), so a stall never skips the runner ahead."""
        now = self.clock() if now is None else now
        if self.state is not State.RUNNING:
            raise SessionError(f"cannot pause a session that is {self.state.value}")
        at = now if as_of is None else min(as_of, now)
        events = self.advance(at)
        if self.state is not State.RUNNING:  # finished on the way
            return events
        self.state = State.PAUSED
        self._paused_at = at
        snap = self.snapshot(at)
        events.append(Paused(at, snap.remaining_s))
        return events

    def resume(self, now: float | None = None) -> list[Event]:
        now = self.clock() if now is None else now
        if self.state is not State.PAUSED:
            raise SessionError(f"cannot resume a session that is {self.state.value}")
        self._seg_start += now - self._paused_at
        self.state = State.RUNNING
        return [Resumed(now)]

    def toggle(self, now: float | None = None) -> list[Event]:
        """Space bar: start, pause or resume."""
        if self.state is State.READY:
            return self.start(now)
        if self.state is State.RUNNING:
            return self.pause(now)
        if self.state is State.PAUSED:
            return self.resume(now)
        return []

    def skip(self, now: float | None = None) -> list[Event]:
        """Next: end the current phase now (a set in progress is recorded as skipped)."""
        return self._jump(now, lambda: self._pi + 1, record=True)

    def back(self, now: float | None = None) -> list[Event]:
        """Back: go to the start of the previous get-ready or work phase."""

        def target() -> int:
            for i in range(self._pi - 1, -1, -1):
                if self.plan.phases[i].kind in (PhaseKind.WORK, PhaseKind.LEAD_IN):
                    return i
            return self._pi

        return self._jump(now, target, record=False)

    def restart(self, now: float | None = None) -> list[Event]:
        """Restart the current phase (the set in progress) from its beginning."""
        return self._jump(now, lambda: self._pi, record=False)

    def goto(self, phase_index: int, now: float | None = None) -> list[Event]:
        return self._jump(now, lambda: phase_index, record=False)

    def mark_rep(self, now: float | None = None) -> list[Event]:
        """Enter: the runner finished a self-paced rep."""
        now = self.clock() if now is None else now
        if self.state is not State.RUNNING:
            return []
        events = self.advance(now)
        seg = self.segment
        if self.state is State.RUNNING and seg is not None and seg.duration_s is None:
            self._end_segment(now, events)
        return events

    def stop(self, now: float | None = None) -> list[Event]:
        now = self.clock() if now is None else now
        if self.state in (State.FINISHED, State.STOPPED):
            return []
        events: list[Event] = []
        if self.state is State.RUNNING:
            events = self.advance(now)
            if self.state is not State.RUNNING:
                return events
        at = now
        if self.state is not State.READY:
            self._record_partial(at, events)
        self.state = State.STOPPED
        events.append(Stopped(at))
        return events

    # --------------------------------------------------------------- internals
    def _jump(self, now: float | None, target: Callable[[], int], *, record: bool) -> list[Event]:
        now = self.clock() if now is None else now
        if self.state not in (State.RUNNING, State.PAUSED):
            return []
        events = self.advance(now) if self.state is State.RUNNING else []
        if self.state not in (State.RUNNING, State.PAUSED):
            return events
        at = now
        dest = target()
        if record:
            self._record_partial(at, events)
            self._maybe_exercise_done(at, events, dest)
        if dest >= len(self.plan.phases):
            self._finish(at, events)
            return events
        self._enter_phase(dest, at, events)
        return events

    def _seg_end(self, seg: Segment) -> float:
        assert seg.duration_s is not None
        return self._seg_start + seg.duration_s / self.speed

    def _count_time(self, seg: Segment, remaining: int) -> float:
        assert seg.duration_s is not None
        return self._seg_start + (seg.duration_s - remaining) / self.speed

    def _fire(self, due: float, events: list[Event]) -> None:
        seg = self.segment
        assert seg is not None and seg.duration_s is not None
        nc = self._next_count
        if nc is not None and nc >= 1 and self._count_time(seg, nc) < self._seg_end(seg):
            phase = self.phase
            assert phase is not None
            events.append(Countdown(due, phase, self._si, nc, whole_seconds(seg.duration_s)))
            self._next_count = nc - 1
            return
        self._end_segment(due, events)

    def _enter_phase(self, index: int, at: float, events: list[Event]) -> None:
        self._pi = index
        self._reps_done = 0
        self._held_s = 0.0
        self._phase_started_at = at
        phase = self.plan.phases[index]
        events.append(PhaseStarted(at, phase, phase.duration_s))
        if phase.kind is PhaseKind.SWITCH and phase.side is not None:
            events.append(SideSwitched(at, phase, phase.side))
        if self.state is State.PAUSED:
            self._paused_at = at
        self._enter_segment(0, at, events)

    def _enter_segment(self, index: int, at: float, events: list[Event]) -> None:
        phase = self.phase
        assert phase is not None
        prev_rep = phase.segments[index - 1].rep if index > 0 else None
        self._si = index
        self._seg_start = at
        seg = phase.segments[index]
        events.append(SegmentStarted(at, phase, index, seg))
        if seg.rep is not None and seg.rep != prev_rep:
            events.append(RepStarted(at, phase, seg.rep, phase.reps_total))
        if seg.countdown and seg.duration_s is not None:
            total = whole_seconds(seg.duration_s)
            events.append(Countdown(at, phase, index, total, total))
            self._next_count = total - 1
        else:
            self._next_count = None

    def _end_segment(self, at: float, events: list[Event]) -> None:
        phase = self.phase
        seg = self.segment
        assert phase is not None and seg is not None
        if phase.kind is PhaseKind.WORK:
            nxt = phase.segments[self._si + 1] if self._si + 1 < len(phase.segments) else None
            if seg.rep is not None and (nxt is None or nxt.rep != seg.rep):
                self._reps_done += 1
            elif seg.rep is None:
                self._held_s += seg.nominal_s
        if self._si + 1 < len(phase.segments):
            self._enter_segment(self._si + 1, at, events)
            return
        if phase.kind is PhaseKind.WORK:
            events.append(SetCompleted(at, self._record(at, skipped=False)))
            self._sets_done += 1
        self._maybe_exercise_done(at, events, self._pi + 1)
        if self._pi + 1 < len(self.plan.phases):
            self._enter_phase(self._pi + 1, at, events)
        else:
            self._finish(at, events)

    def _maybe_exercise_done(self, at: float, events: list[Event], dest: int) -> None:
        """Emit ExerciseCompleted when leaving the exercise's last work phase forwards."""
        phase = self.phase
        if phase is None or phase.kind is not PhaseKind.WORK or dest <= self._pi:
            return
        later_work = any(
            p.kind is PhaseKind.WORK and p.exercise_index == phase.exercise_index
            for p in self.plan.phases[self._pi + 1:]
        )
        if not later_work:
            events.append(ExerciseCompleted(at, phase.exercise_index, phase.exercise_id))

    def _record_partial(self, at: float, events: list[Event]) -> None:
        phase = self.phase
        if phase is None or phase.kind is not PhaseKind.WORK:
            return
        events.append(SetCompleted(at, self._record(at, skipped=True)))
        self._sets_skipped += 1

    def _record(self, at: float, *, skipped: bool) -> SetRecord:
        phase = self.phase
        seg = self.segment
        assert phase is not None and seg is not None
        held: float | None = None
        reps: int | None = None
        if phase.target_reps is not None:
            reps = self._reps_done
        else:
            held = self._held_s
            if skipped and seg.duration_s is not None and seg.rep is None:
                t = self._paused_at if self.state is State.PAUSED else at
                held += min(seg.duration_s, max(0.0, (t - self._seg_start) * self.speed))
            held = round(held, 3)
        return SetRecord(
            exercise_index=phase.exercise_index, exercise_id=phase.exercise_id,
            set_number=phase.set_number, side=phase.side, target_reps=phase.target_reps,
            target_hold_s=phase.target_hold_s, reps=reps, hold_s=held, skipped=skipped,
            started_at=self._phase_started_at, ended_at=at, phase_index=phase.index,
        )

    def _finish(self, at: float, events: list[Event]) -> None:
        self.state = State.FINISHED
        events.append(SessionCompleted(at, self._sets_done, self._sets_skipped))
