"""The figure's pose follows the tempo: 0->1 on lift, held on hold, 1->0 on lower."""

from __future__ import annotations

import pytest
from factories import exercise, routine

from ptcoach.catalog.model import Kind, Targets
from ptcoach.engine.clock import FakeClock
from ptcoach.engine.plan import expand
from ptcoach.engine.session import Session
from ptcoach.ui.figure.pose_timing import pose_at


@pytest.mark.parametrize(
    ("at", "pose"),
    [
        (0.0, 0.0),
        (1.0, 0.5),
        (1.999, 1.0),
        (2.5, 1.0),
        (4.0, 0.5),
        (4.999, 0.0),
        (6.0, 0.5),
    ],
)
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


def _contrast_session(clock: FakeClock) -> Session:
    ex = exercise("contrast-therapy", Kind.CONTRAST)
    plan = expand(routine((ex, Targets(sets=1, hold_s=10, cold_s=5)), lead_in_s=0))
    session = Session(plan, clock=clock)
    session.start()
    return session


def test_contrast_therapy_shows_the_start_during_heat_and_the_end_during_cold():
    clock = FakeClock()
    session = _contrast_session(clock)
    seen = []
    for step in (1, 8.5, 1.5, 3.5):  # at 1 s, 9.5 s (heat), 11 s, 14.5 s (cold)
        clock.advance(step)
        session.advance()
        snap = session.snapshot()
        seen.append((snap.segment.label, pose_at(snap)))
    assert seen == [("heat", 0.0), ("heat", 0.0), ("cold", 1.0), ("cold", 1.0)]


def test_foam_roll_areas_still_show_the_end_position_in_every_area():
    clock = FakeClock()
    ex = exercise("foam-roll", Kind.AREAS, areas=("calves", "quads"))
    session = Session(expand(routine((ex, Targets(sets=1, hold_s=10)), lead_in_s=0)), clock=clock)
    session.start()
    seen = []
    for _ in range(2):
        clock.advance(5)
        session.advance()
        snap = session.snapshot()
        seen.append((snap.segment.label, pose_at(snap)))
        clock.advance(5)
    assert seen == [("calves", 1.0), ("quads", 1.0)]
