"""The Qt driver: runs a real engine on an injected clock, re-emits events, survives stalls."""

from __future__ import annotations

import time

import pytest
from factories import exercise, routine

from ptcoach.catalog.model import Kind, Targets
from ptcoach.engine import events as ev
from ptcoach.engine.clock import FakeClock
from ptcoach.engine.plan import expand
from ptcoach.engine.session import Session, State
from ptcoach.ui.session.driver import SessionDriver


def small_plan():
    return expand(
        routine(
            (exercise("bridge", per_side=True), Targets(sets=2, reps=3, rest_s=5)),
            (exercise("plank", Kind.HOLD), Targets(sets=1, hold_s=10, rest_s=0)),
            lead_in_s=3,
            rest_between_exercises_s=4,
        )
    )


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def driver(qtbot, clock) -> SessionDriver:
    return SessionDriver(Session(small_plan()), clock=clock)


def record(driver: SessionDriver) -> list[ev.Event]:
    seen: list[ev.Event] = []
    driver.events_emitted.connect(seen.extend)
    return seen


def test_a_whole_routine_runs_to_the_end_with_every_event_on_its_deadline(driver, clock):
    seen = record(driver)
    finished = []
    driver.session_finished.connect(finished.append)
    driver.start()
    while driver.state is State.RUNNING:
        driver.step(0.5)
    assert driver.state is State.FINISHED
    assert len(finished) == 1
    counts = [e for e in seen if isinstance(e, ev.Countdown)]
    assert counts, "timed segments count down"
    times = [e.at for e in seen]
    assert times == sorted(times)
    assert seen[-1].at - seen[0].at == pytest.approx(driver.session.plan.total_s)
    sets = [e.record for e in seen if isinstance(e, ev.SetCompleted)]
    assert len(sets) == 5 and not any(r.skipped for r in sets)


def test_each_specific_signal_carries_its_event(driver):
    phases, reps, counts = [], [], []
    driver.phase_started.connect(phases.append)
    driver.rep_started.connect(reps.append)
    driver.countdown_ticked.connect(counts.append)
    driver.start()
    driver.step(3.0)
    assert isinstance(phases[0], ev.PhaseStarted) and len(phases) == 2
    assert [c.remaining for c in counts] == [3, 2, 1]
    assert reps[0].rep == 1


def test_the_timer_is_aimed_at_the_engines_next_deadline(driver, clock):
    driver.start()
    assert driver.aimed_at == driver.session.next_deadline() == clock.now + 1.0
    driver.pause()
    assert driver.aimed_at is None


def test_a_stall_pauses_the_session_where_it_was_last_known_awake(driver, clock):
    stalls = []
    driver.stall_detected.connect(stalls.append)
    driver.start()
    driver.step(1.5)
    before = driver.snapshot().remaining_s
    clock.advance(600)  # the machine froze for ten minutes
    driver.poll()
    assert driver.state is State.PAUSED
    assert driver.snapshot().remaining_s == pytest.approx(before)
    assert stalls and stalls[0] > 500
    driver.resume()
    assert driver.state is State.RUNNING
    assert driver.snapshot().remaining_s == pytest.approx(before)


def test_a_suspend_seen_only_by_the_boot_clock_pauses_the_session(qtbot, clock):
    boot = FakeClock(50.0)
    driver = SessionDriver(Session(small_plan()), clock=clock, boottime=boot)
    driver.start()
    driver.step(1.0)
    before = driver.snapshot().remaining_s
    boot.advance(3600)  # suspended for an hour: CLOCK_MONOTONIC did not move
    clock.advance(0.2)
    driver.poll()
    assert driver.state is State.PAUSED
    assert driver.snapshot().remaining_s == pytest.approx(before)


def test_a_wake_a_little_late_catches_up_without_pausing(driver, clock):
    seen = record(driver)
    driver.start()
    clock.advance(2.0)  # one second later than aimed: under the stall limit
    driver.poll()
    assert driver.state is State.RUNNING
    counts = [e.remaining for e in seen if isinstance(e, ev.Countdown)]
    assert counts == [3, 2, 1]


def test_mute_toggles_a_flag_and_says_so(driver, qtbot):
    with qtbot.waitSignal(driver.mute_toggled) as blocker:
        driver.toggle_mute()
    assert blocker.args == [True] and driver.muted
    driver.toggle_mute()
    assert not driver.muted


def test_step_needs_a_clock_that_can_be_stepped(qtbot):
    driver = SessionDriver(Session(small_plan()))
    with pytest.raises(TypeError, match="advance"):
        driver.step(1.0)


def test_real_timers_run_a_fast_session_to_its_end(qtbot):
    plan = expand(
        routine((exercise("plank", Kind.HOLD), Targets(sets=2, hold_s=3, rest_s=2)), lead_in_s=2)
    )
    driver = SessionDriver(Session(plan, speed=20.0))
    assert driver.clock is time.monotonic
    seen = record(driver)
    with qtbot.waitSignal(driver.session_finished, timeout=10_000):
        driver.start()
    assert driver.state is State.FINISHED
    assert [e.remaining for e in seen if isinstance(e, ev.Countdown)][:2] == [2, 1]
