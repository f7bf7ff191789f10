"""The Qt-free session engine: plans, the state machine and the events it emits.

Names are loaded on first use (PEP 562), so `ptcoach.engine.plan` alone (all the home window
needs) does not pay for the state machine and the events.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ptcoach.engine.events import *  # noqa: F403
    from ptcoach.engine.plan import Phase, PhaseKind, Plan, Segment, expand
    from ptcoach.engine.session import Session, SessionError, Snapshot, State

__all__ = [
    "Phase",
    "PhaseKind",
    "Plan",
    "Segment",
    "Session",
    "SessionError",
    "Snapshot",
    "State",
    "expand",
]

_SUBMODULES = ("events", "plan", "session", "state", "clock")
_PLAN = {"Phase", "PhaseKind", "Plan", "Segment", "expand"}
_SESSION = {"Session", "SessionError", "Snapshot", "State"}


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f"ptcoach.engine.{name}")
    if name in _PLAN:
        module = importlib.import_module("ptcoach.engine.plan")
    elif name in _SESSION:
        module = importlib.import_module("ptcoach.engine.session")
    else:  # the events, formerly star-imported here
        module = importlib.import_module("ptcoach.engine.events")
        if name.startswith("_") or not hasattr(module, name):
            raise AttributeError(f"module 'ptcoach.engine' has no attribute {name!r}")
    value = getattr(module, name)
    globals()[name] = value
    return value
