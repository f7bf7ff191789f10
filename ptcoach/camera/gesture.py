"""Hands-free pause and resume: a hand raised above the head, held for a second.

Only while the runner is upright (a lying runner's arm pointing at the ceiling is part of
dead bugs, not a request); after it fires, the hand must come down before it fires again.
"""

from __future__ import annotations

from dataclasses import dataclass

from ptcoach.camera.landmarks import L, Pose

HOLD_S = 1.0
ABOVE_HEAD = 0.15  # the wrist this far above the nose, in torso lengths


def hand_raised(pose: Pose) -> bool:
    torso = pose.torso()
    if torso is None or not pose.seen(L.NOSE, L.LEFT_SHOULDER, L.RIGHT_SHOULDER):
        return False
    sx, sy = pose.mid(L.LEFT_SHOULDER, L.RIGHT_SHOULDER)
    if pose.seen(L.LEFT_HIP, L.RIGHT_HIP):
        hx, hy = pose.mid(L.LEFT_HIP, L.RIGHT_HIP)
        if not (hy - sy > 0 and abs(hx - sx) < 0.6 * (hy - sy)):
            return False  # not upright
    nose_y = pose.xy(L.NOSE)[1]
    for wrist in (L.LEFT_WRIST, L.RIGHT_WRIST):
        if pose.seen(wrist) and pose.xy(wrist)[1] < nose_y - ABOVE_HEAD * torso:
            return True
    return False


@dataclass
class RaisedHand:
    hold_s: float = HOLD_S

    def __post_init__(self) -> None:
        self._since: float | None = None
        self._armed = True

    def feed(self, t: float, pose: Pose | None) -> bool:
        """True on the frame that completes a one-second raised hand."""
        up = pose is not None and hand_raised(pose)
        if not up:
            self._since = None
            self._armed = True
            return False
        if self._since is None:
            self._since = t
        if self._armed and t - self._since >= self.hold_s:
            self._armed = False
            return True
        return False
