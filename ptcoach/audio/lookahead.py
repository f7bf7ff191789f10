"""Peek at a session's next events without changing it, so cues can start before they are due.

A shallow copy of the engine advanced to its next deadlines yields exactly the events the real
one will emit then (the engine is deterministic and keeps only scalars besides the frozen plan).
"""

from __future__ import annotations

import copy

from ptcoach.engine.events import Event
from ptcoach.engine.session import Session, State


def upcoming_events(session: Session, until: float, *, limit: int = 64) -> list[Event]:
    """Events the session will emit at deadlines up to `until` (monotonic), in order."""
    if session.state is not State.RUNNING:
        return []
    ghost = copy.copy(session)
    events: list[Event] = []
    while len(events) < limit and (due := ghost.next_deadline()) is not None and due <= until:
        events.extend(ghost.advance(due))
    return events
