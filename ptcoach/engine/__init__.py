"""The Qt-free session engine: plans, the state machine and the events it emits."""

from ptcoach.engine.events import *  # noqa: F403
from ptcoach.engine.plan import Phase, PhaseKind, Plan, Segment, expand
from ptcoach.engine.session import Session, SessionError, Snapshot, State

__all__ = ["Phase", "PhaseKind", "Plan", "Segment", "Session", "SessionError", "Snapshot",
           "State", "expand"]
