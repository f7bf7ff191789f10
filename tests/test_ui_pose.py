"""The figure's pose follows the tempo: 0->1 on lift, held on hold, 1->0 on lower."""

from __future__ import annotations

import pytest
from factories import exercise, routine

from ptcoach.catalog.model import Kind, Targets
from ptcoach.engine.clock import FakeClock
from ptcoach.engine.plan import expand
from ptcoach.engine.session import Session
from ptcoach.ui.pose_timing import pose_at


@pytest.mark.parametrize(("at", "pose"), [
    (0.0, 0.0), (1.0, 0.5), (1.999, 1.0), (2.5, 1.0), (4.0, 0.5), (4.999, 0.0), (6.0, 0.5),
])
def test_the_pose_rises_on_lift_holds_and_falls_on_lower(at, pose):
    ex = exercise("clam", tempo=(("lift", 2), ("hold", 1), ("lower", 2)))
    clock = FakeClock()
    session = Session(expand(routine((ex, Targets(sets=1, reps=2)), lead_in_s=0)), clock=clock)
    session.start()
    clock.advance(at)
    session.advance()
    assert pose_at(session.snapshot()) == pytest.approx(pose, abs=0.01)


def test_a_timed_hold_shows_the_end_position_and_rests_the_start():
    clock = FakeClock()
    plan = expand(routine((exercise("sit", Kind.HOLD), Targets(sets=1, hold_s=10)), lead_in_s=3))
    session = Session(plan, clock=clock)
    session.start()
    assert pose_at(session.snapshot()) == 0.0
    clock.advance(4)
    session.advance()
    assert pose_at(session.snapshot()) == 1.0
