"""Where the illustrated figure should be (0 = start position, 1 = end position) at a moment.

Pure: computed from an engine snapshot, so the animation follows the clock, not frame counts.
"""

from __future__ import annotations

from ptcoach.engine.plan import PhaseKind
from ptcoach.engine.session import Snapshot

TOWARDS_END = frozenset({"lift", "up"})
TOWARDS_START = frozenset({"lower", "down"})
# Contrast therapy: the figure shows the heat pack at the start position, the ice pack at the end.
CONTRAST_POSE = {"heat": 0.0, "cold": 1.0}


def pose_at(snap: Snapshot) -> float:
    """0->1 during lift, stays during hold, 1->0 during lower; holds show the end position,
    except contrast therapy: heat shows the start (heat pack), cold the end (ice pack)."""
    phase, seg = snap.phase, snap.segment
    if phase is None or seg is None or phase.kind is not PhaseKind.WORK or snap.getting_ready:
        return 0.0
    if seg.tempo is None:
        if seg.rep is not None:
            return 0.0  # a self-paced rep: the runner moves, the figure waits at the start
        # A timed hold or foam-roll area sits at the end position.
        return CONTRAST_POSE.get(seg.label or "", 1.0)
    frac = _fraction_done(seg.duration_s, snap.remaining_s)
    if seg.tempo in TOWARDS_END:
        return frac
    if seg.tempo in TOWARDS_START:
        return 1.0 - frac
    # hold / pause: wherever the last movement of this rep left the figure
    for prev in reversed(phase.segments[: snap.segment_index]):
        if prev.rep != seg.rep:
            break
        if prev.tempo in TOWARDS_END:
            return 1.0
        if prev.tempo in TOWARDS_START:
            return 0.0
    return 1.0 if seg.tempo == "hold" else 0.0


def _fraction_done(duration: float | None, remaining: float | None) -> float:
    if not duration or remaining is None:
        return 0.0
    return min(1.0, max(0.0, 1.0 - remaining / duration))
