"""Property-based tests: random routines driven by random commands at random times."""

from __future__ import annotations

from itertools import pairwise

from factories import exercise, routine, run_by_deadlines
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ptcoach.catalog.model import Kind, Pacing, Targets
from ptcoach.engine import (
    Countdown,
    GetReady,
    Paused,
    PhaseKind,
    PhaseStarted,
    Resumed,
    SegmentStarted,
    Session,
    SessionCompleted,
    SetCompleted,
    State,
    Stopped,
    expand,
)
from ptcoach.engine.clock import FakeClock

T0 = 5000.0
SECONDS = st.sampled_from([0.0, 0.25, 0.5, 1.0, 1.3, 2.0, 2.5, 3.7])
FAST = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def routines(draw):
    pairs = []
    for i in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(list(Kind)))
        tempo = tuple((f"step{j}", draw(SECONDS)) for j in range(draw(st.integers(1, 3))))
        ex = exercise(
            f"ex{i}",
            kind,
            per_side=draw(st.booleans()),
            tempo=tempo,
            pacing=draw(st.sampled_from([Pacing.TEMPO, Pacing.TEMPO, Pacing.SELF])),
            areas=("calf", "quad")[: draw(st.integers(1, 2))],
            side_switch_s=draw(SECONDS),
        )
        pairs.append(
            (
                ex,
                Targets(
                    sets=draw(st.integers(0, 3)),
                    reps=draw(st.integers(0, 3)),
                    hold_s=draw(SECONDS),
                    cold_s=draw(SECONDS),
                    rest_s=draw(SECONDS),
                ),
            )
        )
    return routine(*pairs, lead_in_s=draw(SECONDS), rest_between_exercises_s=draw(SECONDS))


COMMANDS = st.lists(
    st.tuples(
        st.floats(0, 4, allow_nan=False),
        st.sampled_from(
            [
                "advance",
                "advance",
                "advance",
                "pause",
                "pause_as_of",
                "resume",
                "toggle",
                "skip",
                "back",
                "restart",
                "goto",
                "mark_rep",
                "snapshot",
                "stop",
            ]
        ),
        st.integers(0, 40),
    ),
    max_size=30,
)


def drive(session, commands):
    """Apply commands at increasing times, then let the session run to its end."""
    clock = session.clock
    events = session.start()
    elapsed_marks = []  # (elapsed_s, comparable?) while running

    def look(comparable):
        snap = session.snapshot()
        assert snap.time_left_s >= 0.0 and 0.0 <= snap.progress <= 1.0
        elapsed_marks.append((snap.elapsed_s, comparable and snap.state is State.RUNNING))

    for dt, name, arg in commands:
        clock.advance(dt)
        if name == "stop" and arg % 4:  # stop rarely, so most runs reach their end
            continue
        if name in ("pause", "pause_as_of", "resume") and session.state not in (
            State.RUNNING if name != "resume" else State.PAUSED,
        ):
            continue
        if name == "pause_as_of":
            # the last moment known awake; sometimes before what was already processed
            events += session.pause(as_of=clock.now - (arg % 7) * 0.6)
        elif name == "goto":
            if session.state in (State.RUNNING, State.PAUSED):
                events += session.goto(arg % len(session.plan.phases))
        elif name != "snapshot":
            events += getattr(session, name)()
        look(
            comparable=name
            in ("advance", "snapshot", "pause", "pause_as_of", "resume", "toggle", "mark_rep")
        )
    if session.state is State.PAUSED:
        events += session.resume()
    for _ in range(10_000):
        if session.state is not State.RUNNING:
            break
        events += run_by_deadlines(session)
        clock.advance(0.7)
        events += session.mark_rep()  # the runner finishes a self-paced rep
    return events, elapsed_marks


def check_invariants(session, events, elapsed_marks):
    times = [e.at for e in events]
    assert times == sorted(times), "event times went backwards"
    assert isinstance(events[-1], SessionCompleted | Stopped)
    assert sum(isinstance(e, SessionCompleted | Stopped) for e in events) == 1
    # At most one SetCompleted per visit of a work phase, and only for that phase.
    visit = None
    recorded = False
    for e in events:
        if isinstance(e, PhaseStarted):
            visit, recorded = e.phase, False
        elif isinstance(e, SetCompleted):
            assert visit is not None and visit.kind is PhaseKind.WORK
            assert e.record.phase_index == visit.index and not recorded
            recorded = True
            r = e.record
            if not r.skipped and r.reps is not None:
                assert r.reps == r.target_reps
            if not r.skipped and r.hold_s is not None:
                assert abs(r.hold_s - visit.duration_s) < 1e-3
            if r.skipped and r.hold_s is not None:
                assert -1e-9 <= r.hold_s <= visit.duration_s + 1e-3
    # Countdowns: n, n-1, ..., 1 within a segment; 1/speed apart unless paused between.
    last, ready = None, None
    for e in events:
        if isinstance(e, SegmentStarted | PhaseStarted):
            last, ready = None, None
        elif isinstance(e, GetReady):  # a jump's countdown: a segment of its own length
            last, ready = None, e
        elif isinstance(e, Paused | Resumed):
            last = ("paused", last[1]) if last else None
        elif isinstance(e, Countdown):
            assert 1 <= e.remaining <= e.total
            if last is None:
                assert e.remaining == e.total
            else:
                state, prev = last
                assert e.remaining == prev.remaining - 1
                if state != "paused":  # whole seconds apart, the first after the fraction
                    d = (
                        ready.seconds
                        if ready is not None
                        else e.phase.segments[e.segment_index].duration_s
                    )
                    gap = 1.0 if prev.remaining < prev.total else d - e.remaining
                    assert abs((e.at - prev.at) * session.speed - gap) < 1e-6
            last = ("running", e)
    # Elapsed never runs backwards while the session simply runs (jumps may move it).
    for (a, _), (b, comparable) in pairwise(elapsed_marks):
        if comparable:
            assert b >= a - 1e-9


@FAST
@given(routines(), COMMANDS, st.sampled_from([1.0, 2.0, 10.0, 1000.0]))
def test_random_commands_at_random_times_keep_every_invariant(rt, commands, speed):
    session = Session(expand(rt), speed=speed, clock=FakeClock(T0))
    events, marks = drive(session, commands)
    check_invariants(session, events, marks)
    snap = session.snapshot()
    assert snap.time_left_s >= 0.0
    if session.state is State.FINISHED:
        assert snap.progress == 1.0 or not session.plan.phases


@settings(max_examples=150, deadline=None)
@given(routines(), st.sampled_from([1.0, 3.0, 1000.0]), st.floats(0.01, 3.0))
def test_any_timed_routine_ends_on_time_however_often_it_is_advanced(rt, speed, tick):
    plan = expand(rt)
    if not all(p.is_timed for p in plan.phases):
        plan = expand(rt, self_paced=False)
    stepwise = Session(plan, speed=speed, clock=FakeClock(T0))
    expected = stepwise.start() + run_by_deadlines(stepwise)
    if stepwise.state is not State.FINISHED:
        return  # waiting on self-paced reps: covered above
    ticked = Session(plan, speed=speed, clock=FakeClock(T0))
    got = ticked.start()
    t = T0
    while ticked.state is State.RUNNING:
        t += tick
        got += ticked.advance(t)
    assert got == expected
    stalled = Session(plan, speed=speed, clock=FakeClock(T0))
    assert stalled.start() + stalled.advance(T0 + 10 * plan.total_s + 1) == expected
    assert abs(expected[-1].at - (T0 + plan.total_s / speed)) < 1e-6
