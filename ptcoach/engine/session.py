"""The session state machine: walks a plan against absolute monotonic deadlines.

Every command takes `now` (monotonic seconds; by default read from the injected clock) and
returns the events it caused, in order, each stamped with the time it was due. One
`advance(now)` after a stall crosses every deadline that passed. `speed` scales session time.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from ptcoach.engine.events import (
    Countdown,
    Event,
    ExerciseCompleted,
    GetReady,
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
from ptcoach.engine.state import SessionError, Snapshot, State

Clock = Callable[[], float]

JUMP_READY_S = 5.0  # the get-ready countdown a jump into a set gives (at most)

__all__ = ["Clock", "Session", "SessionError", "Snapshot", "State"]


class Session:
    def __init__(self, plan: Plan, *, speed: float = 1.0, clock: Clock = time.monotonic) -> None:
        if not (speed > 0 and math.isfinite(speed)):
            raise ValueError(f"speed must be a finite number above 0, not {speed}")
        self.plan = plan
        self.speed = float(speed)
        self.clock = clock
        self.state = State.READY
        self._pi = 0  # phase index
        self._si = 0  # segment index within the phase
        self._bounds: tuple[float, ...] = plan.phases[0].boundaries if plan.phases else (0.0,)
        # Session time runs at `speed` from one anchor: at monotonic `_anchor_t` the session
        # stood at `_anchor_s` session seconds. Every deadline is computed from the anchor in a
        # single step, so rounding never accumulates, however long the session. The anchor
        # moves only where the timeline really breaks: start, resume, jumps, a marked rep.
        self._anchor_t = 0.0
        self._anchor_s = 0.0
        self._next_count: int | None = None  # next countdown figure due in this segment
        self._paused_at = 0.0
        self._last_t = -math.inf  # latest moment processed: the engine's time never goes back
        self._phase_started_at = 0.0  # monotonic, for the set record's start
        self._reps_done = 0
        self._held_s = 0.0  # session seconds held in completed segments of this phase
        self._sets_done = 0
        self._sets_skipped = 0
        self._stopped_elapsed = 0.0
        self._getting_ready = False  # in a jump's get-ready before a set
        # A get-ready of its own before a set that follows another set directly (no rest or
        # switch to take a tail from): the next count due, None when there is none.
        self._pre_n: int | None = None
        self._pre_s = 0.0

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
        if self._pre_n is not None:  # the set's own get-ready: count down, then start it
            left = self._pre_n if self._pre_n >= 1 else 0
            return self._anchor_t + (self._pre_s - left) / self.speed
        seg = self.segment
        assert seg is not None
        if seg.duration_s is None:
            return None
        end = self._bounds[self._si + 1]
        if self._next_count is not None and self._next_count >= 1:
            return self._time_at(end - self._next_count)  # n < the segment length, so inside it
        return self._time_at(end)

    def snapshot(self, now: float | None = None) -> Snapshot:
        now = self.clock() if now is None else now
        phase = self.phase
        seg = self.segment
        if phase is None or seg is None:
            done = self.state is State.FINISHED
            total = self.plan.total_s
            elapsed = total if done else self._stopped_elapsed
            return Snapshot(self.state, None, None, 0, None, None, None, 0, elapsed, total)
        elapsed = self._elapsed_at(now)
        remaining = None
        phase_remaining = None
        if seg.duration_s is not None:
            remaining = self._bounds[self._si + 1] - elapsed
            if phase.is_timed:
                phase_remaining = self._bounds[-1] - elapsed
        nxt = self.plan.phases[self._pi + 1] if self._pi + 1 < len(self.plan.phases) else None
        return Snapshot(
            state=self.state,
            phase=phase,
            next_phase=nxt,
            segment_index=self._si,
            segment=seg,
            remaining_s=remaining,
            phase_remaining_s=phase_remaining,
            reps_done=self._reps_done,
            elapsed_s=elapsed,
            total_s=self.plan.total_s,
            getting_ready=self._getting_ready,
            ready_s=self._ready_left(now),
        )

    # ---------------------------------------------------------------- commands
    def start(self, now: float | None = None, *, from_phase: int = 0) -> list[Event]:
        """Start at the first phase, or at `from_phase` when resuming an interrupted session."""
        if self.state is not State.READY:
            raise SessionError(f"cannot start a session that is {self.state.value}")
        now = self._now(now)
        if not self.plan.phases:
            self.state = State.FINISHED
            return [SessionStarted(now, self.plan, 0), SessionCompleted(now, 0, 0)]
        self._check_index(from_phase)
        self.state = State.RUNNING
        events: list[Event] = [SessionStarted(now, self.plan, from_phase)]
        self._enter_phase(from_phase, now, events)
        self._set_anchor(now)
        return events

    def advance(self, now: float | None = None) -> list[Event]:
        """Process every deadline up to `now`, in order."""
        now = self._now(now)
        events: list[Event] = []
        while (due := self.next_deadline()) is not None and due <= now:
            self._fire(due, events)
        return events

    def pause(self, now: float | None = None, *, as_of: float | None = None) -> list[Event]:
        """Freeze the remaining time exactly. `as_of` pauses at an earlier moment (e.g. the
        last time the machine was known awake), so a stall never skips the runner ahead; it
        cannot reach back past a moment already processed (events were already given out)."""
        if self.state is not State.RUNNING:
            raise SessionError(f"cannot pause a session that is {self.state.value}")
        now = self._read(now)
        at = now if as_of is None else max(self._last_t, min(as_of, now))
        events = self.advance(at)
        self._last_t = at
        if self.state is not State.RUNNING:  # finished on the way
            return events
        self.state = State.PAUSED
        self._paused_at = at
        events.append(Paused(at, self.snapshot(at).remaining_s))
        return events

    def resume(self, now: float | None = None) -> list[Event]:
        if self.state is not State.PAUSED:
            raise SessionError(f"cannot resume a session that is {self.state.value}")
        now = self._now(now)
        self._anchor_t += now - self._paused_at
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
        """Next: end the current phase now (a set in progress is recorded as skipped); in the
        get-ready before a set, start that set now."""
        if self._pre_n is not None:
            return self._end_preroll_now(now)
        return self._jump(now, lambda: self._pi + 1, ready=True)

    def back(self, now: float | None = None) -> list[Event]:
        """Back: go to the start of the previous get-ready or work phase (the first phase
        restarts). The set left behind is not recorded: it will be done again."""

        def target() -> int:
            for i in range(self._pi - 1, -1, -1):
                if self.plan.phases[i].kind in (PhaseKind.WORK, PhaseKind.LEAD_IN):
                    return i
            return self._pi

        return self._jump(now, target, ready=True)

    def restart(self, now: float | None = None) -> list[Event]:
        """Restart the current phase (the set in progress) from its beginning."""
        return self._jump(now, lambda: self._pi, ready=True)

    def goto(self, phase_index: int, now: float | None = None) -> list[Event]:
        """Jump to the start of any phase; jumping forwards records a set in progress as
        skipped, as `skip` does."""
        self._check_index(phase_index)
        return self._jump(now, lambda: phase_index)

    def mark_rep(self, now: float | None = None) -> list[Event]:
        """Enter: the runner finished a self-paced rep."""
        if self.state is not State.RUNNING:
            return []
        now = self._now(now)
        events = self.advance(now)
        seg = self.segment
        if self._pre_n is not None:  # still getting ready: no rep to mark yet
            return events
        if self.state is State.RUNNING and seg is not None and seg.duration_s is None:
            self._end_segment(now, events)
        return events

    def stop(self, now: float | None = None) -> list[Event]:
        if self.state in (State.FINISHED, State.STOPPED):
            return []
        now = self._now(now)
        events: list[Event] = []
        if self.state is State.RUNNING:
            events = self.advance(now)
            if self.state is not State.RUNNING:
                return events
        if self.state is not State.READY:
            self._stopped_elapsed = self.snapshot(now).elapsed_s
            self._record_partial(now, events)
        self.state = State.STOPPED
        events.append(Stopped(now))
        return events

    # --------------------------------------------------------------- internals
    def _read(self, now: float | None) -> float:
        """The command's time: the clock's when not given, never before a processed moment."""
        return max(self.clock() if now is None else now, self._last_t)

    def _now(self, now: float | None) -> float:
        """As `_read`, and the moment counts as processed from here on."""
        self._last_t = self._read(now)
        return self._last_t

    def _check_index(self, index: int) -> None:
        if not 0 <= index < len(self.plan.phases):
            raise ValueError(f"no phase {index} in a plan of {len(self.plan.phases)} phases")

    def _time_at(self, offset_s: float) -> float:
        """When (monotonic) the running session reaches `offset_s` session seconds."""
        return self._anchor_t + (offset_s - self._anchor_s) / self.speed

    def _elapsed_at(self, t: float) -> float:
        """Session seconds done at monotonic `t`, held inside the current segment."""
        start = self._bounds[self._si]
        seg = self.segment
        if self.state is State.READY or seg is None or seg.duration_s is None:
            return start
        if self._pre_n is not None:  # the set waits, whole, for its get-ready to end
            return start
        if self.state is State.PAUSED:
            t = self._paused_at
        elapsed = self._anchor_s + (t - self._anchor_t) * self.speed
        return min(max(elapsed, start), self._bounds[self._si + 1])

    def _set_anchor(self, at: float) -> None:
        self._anchor_t = at
        self._anchor_s = self._bounds[self._si]

    def _jump(
        self, now: float | None, target: Callable[[], int], *, ready: bool = False
    ) -> list[Event]:
        """Go to phase `target()`; with `ready`, a set is preceded by a short get-ready."""
        if self.state not in (State.RUNNING, State.PAUSED):
            return []
        now = self._now(now)
        events = self.advance(now) if self.state is State.RUNNING else []
        if self.state not in (State.RUNNING, State.PAUSED):
            return events
        dest = target()
        if dest > self._pi:
            self._record_partial(now, events)
            self._maybe_exercise_done(now, events, dest)
        if dest >= len(self.plan.phases):
            self._finish(now, events)
            return events
        tail = self._ready_tail(dest, now) if ready else None
        if tail is not None:
            self._enter_ready_tail(dest, tail, now, events)
        elif ready and self._set_after_set(dest):
            self._enter_preroll(dest, now, events)
        else:
            self._enter_phase(dest, now, events)
            self._set_anchor(now)
        if self.state is State.PAUSED:
            self._paused_at = now  # the new phase waits, whole, for the resume
        return events

    def _ready_tail(self, dest: int, now: float) -> float | None:
        """Seconds of get-ready to give before work phase `dest` after a jump, or None.

        The countdown is the tail of the timed phase just before the set (its get-ready, side
        switch or rest), so session time stays one line. None when `dest` is no set, when no
        such phase precedes it, or when the runner skips a phase already in its last seconds.
        """
        phases = self.plan.phases
        if phases[dest].kind is not PhaseKind.WORK or dest == 0:
            return None
        before = phases[dest - 1]
        if before.kind is PhaseKind.WORK or not before.is_timed or len(before.segments) != 1:
            return None
        tail = min(JUMP_READY_S, before.duration_s)
        if dest - 1 == self._pi:  # Next from the phase before the set: shorten it, never lengthen
            left = before.boundaries[-1] - self._elapsed_at(now)
            if left <= tail:
                return None
        return tail if whole_seconds(tail) >= 1 else None

    def _set_after_set(self, dest: int) -> bool:
        """A set with no timed get-ready, switch or rest before it to count down in."""
        phases = self.plan.phases
        if phases[dest].kind is not PhaseKind.WORK:
            return False
        if dest == 0:
            return True
        before = phases[dest - 1]
        return before.kind is PhaseKind.WORK or not before.is_timed or len(before.segments) != 1

    def _enter_preroll(self, dest: int, at: float, events: list[Event]) -> None:
        """Stand at the start of set `dest`, its clock held, and count down JUMP_READY_S."""
        self._pi, self._si = dest, 0
        self._reps_done = 0
        self._held_s = 0.0
        self._phase_started_at = at
        phase = self.plan.phases[dest]
        self._bounds = phase.boundaries
        self._getting_ready = True
        seconds = whole_seconds(JUMP_READY_S)
        self._pre_s = float(seconds)
        self._pre_n = seconds - 1
        events.append(GetReady(at, phase, phase, self._pre_s))
        events.append(Countdown(at, phase, 0, seconds, seconds))
        self._anchor_t = at
        self._anchor_s = self._bounds[0]

    def _ready_left(self, now: float) -> float | None:
        """Session seconds left of the set's own get-ready, or None outside one."""
        if self._pre_n is None:
            return None
        t = self._paused_at if self.state is State.PAUSED else now
        return min(self._pre_s, max(0.0, self._pre_s - (t - self._anchor_t) * self.speed))

    def _end_preroll_now(self, now: float | None) -> list[Event]:
        """Next during a set's own get-ready: the set starts now."""
        if self.state not in (State.RUNNING, State.PAUSED):
            return []
        now = self._now(now)
        events = self.advance(now) if self.state is State.RUNNING else []
        if self._pre_n is None or self.state not in (State.RUNNING, State.PAUSED):
            return events
        self._enter_phase(self._pi, now, events)
        self._set_anchor(now)
        if self.state is State.PAUSED:
            self._paused_at = now
        return events

    def _enter_ready_tail(self, dest: int, tail: float, at: float, events: list[Event]) -> None:
        index = dest - 1
        self._pi, self._si = index, 0
        self._reps_done = 0
        self._held_s = 0.0
        self._phase_started_at = at
        phase = self.plan.phases[index]
        self._bounds = phase.boundaries
        self._getting_ready = True
        self._pre_n = None
        seconds = whole_seconds(tail)
        events.append(GetReady(at, phase, self.plan.phases[dest], tail))
        events.append(Countdown(at, phase, 0, seconds, seconds))
        self._next_count = seconds - 1
        self._anchor_t = at
        self._anchor_s = self._bounds[-1] - tail

    def _fire(self, due: float, events: list[Event]) -> None:
        if self._pre_n is not None:
            phase = self.phase
            assert phase is not None
            if self._pre_n >= 1:
                events.append(Countdown(due, phase, 0, self._pre_n, int(self._pre_s)))
                self._pre_n -= 1
            else:
                self._enter_phase(self._pi, due, events)
                self._set_anchor(due)
            return
        seg = self.segment
        assert seg is not None and seg.duration_s is not None
        nc = self._next_count
        if nc is not None and nc >= 1:
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
        self._getting_ready = False
        self._pre_n = None
        phase = self.plan.phases[index]
        self._bounds = phase.boundaries
        events.append(PhaseStarted(at, phase, phase.duration_s))
        if phase.kind is PhaseKind.SWITCH and phase.side is not None:
            events.append(SideSwitched(at, phase, phase.side))
        self._enter_segment(0, at, events)

    def _enter_segment(self, index: int, at: float, events: list[Event]) -> None:
        phase = self.phase
        assert phase is not None
        prev_rep = phase.segments[index - 1].rep if index > 0 else None
        self._si = index
        seg = phase.segments[index]
        events.append(SegmentStarted(at, phase, index, seg))
        if seg.rep is not None and seg.rep != prev_rep:
            events.append(RepStarted(at, phase, seg.rep, phase.reps_total))
        self._next_count = None
        if seg.countdown and seg.duration_s is not None:
            total = whole_seconds(seg.duration_s)
            if total >= 1:  # a sliver of a second has nothing to count
                events.append(Countdown(at, phase, index, total, total))
                self._next_count = total - 1

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
        else:
            if phase.kind is PhaseKind.WORK:
                events.append(SetCompleted(at, self._record(at, skipped=False)))
                self._sets_done += 1
            self._maybe_exercise_done(at, events, self._pi + 1)
            if self._pi + 1 >= len(self.plan.phases):
                self._finish(at, events)
                return
            self._enter_phase(self._pi + 1, at, events)
        if seg.duration_s is None:
            self._set_anchor(at)  # a marked rep ends when the runner says, not on the clock

    def _maybe_exercise_done(self, at: float, events: list[Event], dest: int) -> None:
        """Emit ExerciseCompleted when leaving the exercise's last work phase forwards."""
        phase = self.phase
        if phase is None or phase.kind is not PhaseKind.WORK or dest <= self._pi:
            return
        later_work = any(
            p.kind is PhaseKind.WORK and p.exercise_index == phase.exercise_index
            for p in self.plan.phases[self._pi + 1 :]
        )
        if not later_work:
            events.append(ExerciseCompleted(at, phase.exercise_index, phase.exercise_id))

    def _record_partial(self, at: float, events: list[Event]) -> None:
        phase = self.phase
        if phase is None or phase.kind is not PhaseKind.WORK or self._pre_n is not None:
            return  # no set under way (in a set's get-ready, the set has not begun)
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
            if skipped and seg.rep is None:  # the hold under way counts up to now
                held += self._elapsed_at(at) - self._bounds[self._si]
            held = round(held, 3)
        return SetRecord(
            exercise_index=phase.exercise_index,
            exercise_id=phase.exercise_id,
            set_number=phase.set_number,
            side=phase.side,
            target_reps=phase.target_reps,
            target_hold_s=phase.target_hold_s,
            reps=reps,
            hold_s=held,
            skipped=skipped,
            started_at=self._phase_started_at,
            ended_at=at,
            phase_index=phase.index,
        )

    def _finish(self, at: float, events: list[Event]) -> None:
        self.state = State.FINISHED
        events.append(SessionCompleted(at, self._sets_done, self._sets_skipped))
