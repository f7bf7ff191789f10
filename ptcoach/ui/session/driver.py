"""The single bridge between the session engine and Qt.

The driver owns one single-shot precise timer aimed at the engine's next deadline, feeds the
engine the clock, and re-emits every engine event as a Qt signal. It never counts ticks, and
when it wakes far later than it aimed (a stall, a suspend) it pauses the session as of the
last moment it knew the machine was awake, so the runner is never skipped ahead.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal, SignalInstance

from ptcoach.engine import events as ev
from ptcoach.engine.session import Session, Snapshot, State

if TYPE_CHECKING:
    from ptcoach.store.recorder import Recorder

Clock = Callable[[], float]

STALL_S = 2.0  # a wake-up this much later than aimed means the machine was not running us
HEARTBEAT_S = 1.0  # longest sleep while running, so a stall is noticed even between deadlines


def _boottime() -> float:
    """Seconds since boot including suspend (CLOCK_MONOTONIC stops while suspended)."""
    return time.clock_gettime(time.CLOCK_BOOTTIME)


class SessionDriver(QObject):
    """Runs a `Session` against a clock and re-emits its events as Qt signals.

    This is the interface every observer of a session uses (the session view, the cue
    director, the recorder, the event log, hands-free input). Each engine event is emitted on
    the GUI thread, in the order the engine produced it, as the signal named for its type; its
    one argument is the `ptcoach.engine.events` object itself (stamped with the time it was
    due, `event.at`, on the session's clock):

    - `session_started(SessionStarted)`: Start; the event carries the plan.
    - `phase_started(PhaseStarted)`: a get-ready, work, switch-sides or rest phase begins.
    - `segment_started(SegmentStarted)`: a tempo step of a rep, or a timed hold, begins.
    - `rep_started(RepStarted)`: a rep of a reps exercise begins (its number, of how many).
    - `countdown_ticked(Countdown)`: each whole second of a timed segment (`remaining`
      seconds left: n, ..., 1).
    - `side_switched(SideSwitched)`: a per-side exercise moves to the other side.
    - `set_completed(SetCompleted)`: a set (or one side of it) ended; `event.record` is the
      `SetRecord` the recorder stores.
    - `exercise_completed(ExerciseCompleted)`: the last set of an exercise ended.
    - `session_finished(SessionCompleted)`: the last phase ended.
    - `session_paused(Paused)` / `session_resumed(Resumed)`: the runner (or a stall) paused.
    - `session_stopped(Stopped)`: the runner stopped before the end.

    After the specific signals of a batch, `events_emitted(list[Event])` carries the whole
    batch, in order: the recorder and the cue director follow that one. Two signals are the
    driver's own: `stall_detected(float)` (the machine did not run us for that many seconds;
    the session was paused as of the last moment it was awake) and `mute_toggled(bool)`.
    """

    session_started = Signal(object)
    phase_started = Signal(object)
    segment_started = Signal(object)
    rep_started = Signal(object)
    countdown_ticked = Signal(object)
    side_switched = Signal(object)
    set_completed = Signal(object)
    exercise_completed = Signal(object)
    session_finished = Signal(object)
    session_paused = Signal(object)
    session_resumed = Signal(object)
    session_stopped = Signal(object)
    events_emitted = Signal(object)  # every batch, in order, after the specific signals
    stall_detected = Signal(float)  # seconds the session was frozen across
    mute_toggled = Signal(bool)

    def __init__(
        self,
        session: Session,
        *,
        clock: Clock | None = None,
        boottime: Clock | None = None,
        stall_s: float = STALL_S,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        if clock is not None:
            session.clock = clock
        self.clock: Clock = session.clock
        # Comparing boot time with monotonic time only makes sense for the real clock.
        if boottime is None and self.clock is time.monotonic:
            boottime = _boottime
        self._boottime = boottime
        self._stall_s = stall_s
        self.muted = False
        self.from_phase = 0  # where Start begins: above 0 when resuming an interrupted session
        self.start_gate: Callable[[Callable[[], None]], bool] | None = None
        self.recorder: Recorder | None = None  # what stores this session (set by the shell)
        self._aimed: float | None = None
        self._last_awake = self.clock()
        self._last_boot = boottime() if boottime else 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.poll)
        self._signals: dict[type[ev.Event], SignalInstance] = {
            ev.SessionStarted: self.session_started,
            ev.PhaseStarted: self.phase_started,
            ev.SegmentStarted: self.segment_started,
            ev.RepStarted: self.rep_started,
            ev.Countdown: self.countdown_ticked,
            ev.SideSwitched: self.side_switched,
            ev.SetCompleted: self.set_completed,
            ev.ExerciseCompleted: self.exercise_completed,
            ev.SessionCompleted: self.session_finished,
            ev.Paused: self.session_paused,
            ev.Resumed: self.session_resumed,
            ev.Stopped: self.session_stopped,
        }

    # ----------------------------------------------------------------- queries
    @property
    def state(self) -> State:
        return self.session.state

    def snapshot(self) -> Snapshot:
        return self.session.snapshot(self.clock())

    @property
    def aimed_at(self) -> float | None:
        """The clock time the timer is aimed at, or None when nothing is due."""
        return self._aimed

    # ---------------------------------------------------------------- commands
    def start(self, from_phase: int = 0) -> None:
        self._run(lambda now: self.session.start(now, from_phase=from_phase))

    def toggle(self) -> None:
        """Space: start, pause or resume. A start waits while `start_gate` (when set) says so:
        it calls back once the session may start (sound ready), so no first cue is lost."""
        if self.state is State.READY:
            gate = self.start_gate
            if gate is not None and gate(lambda: self.start(self.from_phase)):
                return
            self.start(self.from_phase)
            return
        self._run(self.session.toggle)

    def pause(self) -> None:
        if self.state is State.RUNNING:
            self._run(self.session.pause)

    def pause_as_of(self, at: float) -> None:
        """Pause as of the earlier moment `at` (the camera saw a hold lost a moment ago): the
        time since is not counted as held."""
        if self.state is State.RUNNING:
            self._run(lambda now: self.session.pause(now, as_of=at))

    def resume(self) -> None:
        if self.state is State.PAUSED:
            self._run(self.session.resume)

    def skip(self) -> None:
        self._run(self.session.skip)

    def back(self) -> None:
        self._run(self.session.back)

    def restart(self) -> None:
        self._run(self.session.restart)

    def goto(self, phase_index: int) -> None:
        self._run(lambda now: self.session.goto(phase_index, now))

    def mark_rep(self) -> None:
        self._run(self.session.mark_rep)

    def stop(self) -> None:
        self._run(self.session.stop)

    def set_muted(self, muted: bool) -> None:
        if muted != self.muted:
            self.muted = muted
            self.mute_toggled.emit(muted)

    def toggle_mute(self) -> None:
        self.set_muted(not self.muted)

    def poll(self) -> None:
        """Wake up: process every deadline up to now, or pause if we were frozen meanwhile."""
        now = self.clock()
        boot = self._boottime() if self._boottime else 0.0
        if self.state is State.RUNNING:
            late = now - self._aimed if self._aimed is not None else 0.0
            slept = (boot - self._last_boot) - (now - self._last_awake) if self._boottime else 0.0
            if late > self._stall_s or slept > self._stall_s:
                at = self._last_awake
                self._emit(self.session.pause(now, as_of=at))
                self.stall_detected.emit(max(late, slept, now - at))
                self._mark_awake(now, boot)
                self._arm()
                return
            self._emit(self.session.advance(now))
        self._mark_awake(now, boot)
        self._arm()

    def step(self, seconds: float) -> None:
        """Move an injected fake clock forward, waking at every deadline on the way (tests)."""
        advance = getattr(self.clock, "advance", None)
        if advance is None:
            raise TypeError("step() needs an injected clock with an advance(seconds) method")
        end = self.clock() + seconds
        while True:
            now = self.clock()
            target = end
            if self._aimed is not None and now < self._aimed < end:
                target = self._aimed
            advance(target - now)
            self.poll()
            if target >= end:
                return

    # --------------------------------------------------------------- internals
    def _run(self, command: Callable[[float], list[ev.Event]]) -> None:
        now = self.clock()
        self._emit(command(now))
        self._mark_awake(now, self._boottime() if self._boottime else 0.0)
        self._arm()

    def _mark_awake(self, now: float, boot: float) -> None:
        self._last_awake = now
        self._last_boot = boot

    def _arm(self) -> None:
        self._timer.stop()
        if self.state is not State.RUNNING:
            self._aimed = None
            return
        deadline = self.session.next_deadline()
        heartbeat = self._last_awake + HEARTBEAT_S
        aim = heartbeat if deadline is None else min(deadline, heartbeat)
        self._aimed = aim
        # ceil: a Qt timer never fires early, so we land on the deadline or within 1 ms after.
        self._timer.start(max(0, math.ceil((aim - self.clock()) * 1000.0)))

    def _emit(self, events: Sequence[ev.Event]) -> None:
        if not events:
            return
        for event in events:
            signal = self._signals.get(type(event))
            if signal is not None:
                signal.emit(event)
        self.events_emitted.emit(list(events))
