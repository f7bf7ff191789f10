"""One person's pose in one frame: 33 body landmarks (the BlazePose topology) and the geometry
the exercise definitions measure with.

Coordinates are in square units (pixels divided by the frame's height), so angles are true
angles; y grows downwards, as in the image.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import IntEnum

import numpy as np
import numpy.typing as npt

VISIBLE = 0.5  # a landmark below this visibility is treated as not seen


class L(IntEnum):
    """BlazePose landmark indices (the runner's own left and right)."""

    NOSE = 0
    LEFT_SHOULDER = 11
    RIGHT_SHOULDER = 12
    LEFT_ELBOW = 13
    RIGHT_ELBOW = 14
    LEFT_WRIST = 15
    RIGHT_WRIST = 16
    LEFT_HIP = 23
    RIGHT_HIP = 24
    LEFT_KNEE = 25
    RIGHT_KNEE = 26
    LEFT_ANKLE = 27
    RIGHT_ANKLE = 28
    LEFT_HEEL = 29
    RIGHT_HEEL = 30
    LEFT_FOOT = 31
    RIGHT_FOOT = 32


COUNT = 33

# The parts the calibration step names when it cannot see them.
PARTS: dict[str, tuple[L, ...]] = {
    "head": (L.NOSE,),
    "shoulders": (L.LEFT_SHOULDER, L.RIGHT_SHOULDER),
    "hips": (L.LEFT_HIP, L.RIGHT_HIP),
    "knees": (L.LEFT_KNEE, L.RIGHT_KNEE),
    "feet": (L.LEFT_ANKLE, L.RIGHT_ANKLE),
}

# Bones drawn over the picture (pairs of landmark indices).
BONES: tuple[tuple[int, int], ...] = (
    (11, 12),
    (11, 13),
    (13, 15),
    (12, 14),
    (14, 16),
    (11, 23),
    (12, 24),
    (23, 24),
    (23, 25),
    (25, 27),
    (24, 26),
    (26, 28),
    (27, 29),
    (29, 31),
    (27, 31),
    (28, 30),
    (30, 32),
    (28, 32),
)

Point = tuple[float, float]


@dataclass(frozen=True, eq=False)
class Pose:
    """`points`: shape (33, 3): x, y (square units) and visibility 0..1."""

    points: npt.NDArray[np.float64]

    @classmethod
    def from_list(cls, rows: list[tuple[float, float, float]]) -> Pose:
        arr = np.asarray(rows, dtype=np.float64)
        if arr.shape != (COUNT, 3):
            raise ValueError(f"a pose has {COUNT} landmarks of (x, y, visibility), not {arr.shape}")
        return cls(arr)

    def seen(self, *idx: int) -> bool:
        return bool(np.all(self.points[list(idx), 2] >= VISIBLE))

    def xy(self, i: int) -> Point:
        return float(self.points[i, 0]), float(self.points[i, 1])

    def mid(self, a: int, b: int) -> Point:
        (ax, ay), (bx, by) = self.xy(a), self.xy(b)
        return (ax + bx) / 2, (ay + by) / 2

    def torso(self) -> float | None:
        """Shoulder centre to hip centre: the unit distances are measured in."""
        if not self.seen(L.LEFT_SHOULDER, L.RIGHT_SHOULDER, L.LEFT_HIP, L.RIGHT_HIP):
            # One side is enough (a side view hides the other).
            for s, h in ((L.LEFT_SHOULDER, L.LEFT_HIP), (L.RIGHT_SHOULDER, L.RIGHT_HIP)):
                if self.seen(s, h):
                    d = dist(self.xy(s), self.xy(h))
                    return d if d > 1e-6 else None
            return None
        d = dist(self.mid(L.LEFT_SHOULDER, L.RIGHT_SHOULDER), self.mid(L.LEFT_HIP, L.RIGHT_HIP))
        return d if d > 1e-6 else None

    def missing_parts(self) -> list[str]:
        """The body parts (PARTS) not seen, for "the camera cannot see your feet"."""
        return [name for name, idx in PARTS.items() if not self.seen(*idx)]


def dist(a: Point, b: Point) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])


def angle(a: Point, b: Point, c: Point) -> float:
    """The angle at `b` between b→a and b→c, in degrees (0..180)."""
    v1 = (a[0] - b[0], a[1] - b[1])
    v2 = (c[0] - b[0], c[1] - b[1])
    n = math.hypot(*v1) * math.hypot(*v2)
    if n < 1e-12:
        return 180.0
    cos = max(-1.0, min(1.0, (v1[0] * v2[0] + v1[1] * v2[1]) / n))
    return math.degrees(math.acos(cos))


def incline(a: Point, b: Point) -> float:
    """The line a–b's angle from horizontal, degrees (0 lying flat, 90 upright)."""
    return math.degrees(math.atan2(abs(a[1] - b[1]), abs(a[0] - b[0]) + 1e-12))


def below_line(p: Point, a: Point, b: Point) -> float:
    """How far `p` lies below the line through a and b (positive: lower in the image), measured
    vertically at p's x; 0 when the line is vertical."""
    dx = b[0] - a[0]
    if abs(dx) < 1e-9:
        return 0.0
    y_line = a[1] + (b[1] - a[1]) * (p[0] - a[0]) / dx
    return p[1] - y_line
