"""The stick figure's skeleton: joints, a pose builder, and smooth start-to-end interpolation.

Plain math, no Qt. World units: the floor is y = 0, y points up, a standing runner is about
170 units tall and faces +x.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

Point = tuple[float, float]

# Segment lengths of the standard figure (world units).
TRUNK, NECK, HEAD_R = 52.0, 17.0, 11.0
THIGH, SHIN, FOOT = 44.0, 42.0, 18.0
UPPER_ARM, FOREARM = 28.0, 26.0

# Parent -> child, in an order where every parent comes before its children.
SEGMENTS: tuple[tuple[str, str], ...] = (
    ("hip", "spine"),
    ("spine", "shoulder"),
    ("shoulder", "head"),
    ("shoulder", "elbow_n"),
    ("elbow_n", "hand_n"),
    ("shoulder", "elbow_f"),
    ("elbow_f", "hand_f"),
    ("hip", "knee_n"),
    ("knee_n", "ankle_n"),
    ("ankle_n", "toe_n"),
    ("hip", "knee_f"),
    ("knee_f", "ankle_f"),
    ("ankle_f", "toe_f"),
)
JOINTS: tuple[str, ...] = ("hip", *(child for _, child in SEGMENTS))


@dataclass(frozen=True)
class Pose:
    """Where every joint is: `joints` holds (name, x, y) for each name in JOINTS."""

    joints: tuple[tuple[str, float, float], ...]

    def as_dict(self) -> dict[str, Point]:
        return {name: (x, y) for name, x, y in self.joints}

    def mirrored(self, axis_x: float) -> Pose:
        return Pose(tuple((n, 2 * axis_x - x, y) for n, x, y in self.joints))


def polar(origin: Point, degrees: float, length: float) -> Point:
    rad = math.radians(degrees)
    return (origin[0] + length * math.cos(rad), origin[1] + length * math.sin(rad))


# A limb spec turns (root, upper length, lower length) into (middle joint, end joint).
Limb = Callable[[Point, float, float, int], tuple[Point, Point]]


def ang(upper: float, lower: float) -> Limb:
    """A limb given by the absolute directions (degrees, 0 = +x, 90 = up) of its two bones."""

    def build(root: Point, a: float, b: float, bend: int) -> tuple[Point, Point]:
        mid = polar(root, upper, a)
        return mid, polar(mid, lower, b)

    return build


def to(x: float, y: float, flip: bool = False) -> Limb:
    """A limb whose end reaches (x, y); the middle joint bends the natural way (or `flip`ped)."""

    def build(root: Point, a: float, b: float, bend: int) -> tuple[Point, Point]:
        return solve_two_bone(root, (x, y), a, b, -bend if flip else bend)

    return build


def pts(mid: Point, end: Point) -> Limb:
    """A limb drawn through explicit points (bones may look foreshortened)."""

    def build(root: Point, a: float, b: float, bend: int) -> tuple[Point, Point]:
        return mid, end

    return build


def solve_two_bone(
    root: Point, target: Point, a: float, b: float, bend: int
) -> tuple[Point, Point]:
    """Two-bone IK: bend = +1 puts the middle joint counter-clockwise of root->target."""
    dx, dy = target[0] - root[0], target[1] - root[1]
    dist = max(1e-6, min(math.hypot(dx, dy), a + b - 1e-6))
    base = math.degrees(math.atan2(dy, dx))
    cos_off = (a * a + dist * dist - b * b) / (2 * a * dist)
    off = math.degrees(math.acos(max(-1.0, min(1.0, cos_off))))
    mid = polar(root, base + bend * off, a)
    end = polar(root, base, dist)
    return mid, end


def body(
    hip: Point,
    trunk: float = 90,
    head: float = 0,
    leg_n: Limb | None = None,
    leg_f: Limb | None = None,
    arm_n: Limb | None = None,
    arm_f: Limb | None = None,
    foot_n: float = 0,
    foot_f: float = 0,
    arch: float = 0,
) -> Pose:
    """Build a pose from the hip position and limb specs; defaults are a relaxed standing body.

    Knees bend counter-clockwise of hip->ankle (forward for a figure facing +x), elbows
    clockwise (backward). `head` tilts the neck relative to the trunk; feet are absolute angles;
    `arch` bows the spine that far to the left of hip->shoulder (negative: to the right).
    """
    shoulder = polar(hip, trunk, TRUNK)
    spine = polar(polar(hip, trunk, TRUNK / 2), trunk + 90, arch)
    joints: dict[str, Point] = {"hip": hip, "spine": spine, "shoulder": shoulder}
    joints["head"] = polar(shoulder, trunk + head, NECK)
    for side, arm, leg in (("n", arm_n, leg_n), ("f", arm_f, leg_f)):
        arm = arm or ang(-95 if side == "n" else -85, -75)
        leg = leg or ang(-92 if side == "n" else -88, -90)
        joints[f"elbow_{side}"], joints[f"hand_{side}"] = arm(shoulder, UPPER_ARM, FOREARM, -1)
        joints[f"knee_{side}"], joints[f"ankle_{side}"] = leg(hip, THIGH, SHIN, 1)
        foot = foot_n if side == "n" else foot_f
        joints[f"toe_{side}"] = polar(joints[f"ankle_{side}"], foot, FOOT)
    return Pose(tuple((name, *joints[name]) for name in JOINTS))


def ease(t: float) -> float:
    """Smoothstep: poses start and stop gently, as a controlled rep does."""
    t = min(1.0, max(0.0, t))
    return t * t * (3 - 2 * t)


def interpolate(start: Pose, end: Pose, t: float, anchor: str = "hip") -> Pose:
    """The pose a fraction t of the way from start to end.

    Bones turn along the shorter arc and change length linearly, so limbs swing rather than
    shrink; the `anchor` joint moves in a straight line (feet stay planted, hips stay on a wall).
    """
    if t <= 0.0:
        return start
    if t >= 1.0:
        return end
    s, e = start.as_dict(), end.as_dict()
    k = ease(t)
    out: dict[str, Point] = {"hip": _lerp(s["hip"], e["hip"], k)}
    for parent, child in SEGMENTS:
        a0, l0 = _polar_of(s[parent], s[child])
        a1, l1 = _polar_of(e[parent], e[child])
        turn = (a1 - a0 + 180.0) % 360.0 - 180.0
        out[child] = polar(out[parent], a0 + k * turn, l0 + k * (l1 - l0))
    want = _lerp(s[anchor], e[anchor], k)
    dx, dy = want[0] - out[anchor][0], want[1] - out[anchor][1]
    return Pose(tuple((n, out[n][0] + dx, out[n][1] + dy) for n in JOINTS))


def _lerp(p: Point, q: Point, k: float) -> Point:
    return (p[0] + k * (q[0] - p[0]), p[1] + k * (q[1] - p[1]))


def _polar_of(p: Point, q: Point) -> tuple[float, float]:
    return math.degrees(math.atan2(q[1] - p[1], q[0] - p[0])), math.hypot(q[0] - p[0], q[1] - p[1])


def bounds(points: Mapping[str, Point] | list[Point]) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) of some points."""
    values = list(points.values()) if isinstance(points, Mapping) else points
    xs = [p[0] for p in values]
    ys = [p[1] for p in values]
    return min(xs), min(ys), max(xs), max(ys)


@dataclass(frozen=True)
class Prop:
    """A thing drawn with the figure.

    kind: box, cushion, chair, post, towel (rectangles from x to x + w, up to h; a chair's
    back rises to y); wall (its face at x, w its signed thickness, h high); roller, ball
    (centre x, y, radius w); heat, ice (a pack on the bone a->b,
    a fraction x along it); strap (a line from joint a to joint b); band (from joint a to the
    point x, y). `when` is "always", "start" (first half of the motion) or "end" (second half).
    """

    kind: str
    x: float = 0.0
    y: float = 0.0
    w: float = 0.0
    h: float = 0.0
    a: str = ""
    b: str = ""
    when: str = "always"


@dataclass(frozen=True)
class Illustration:
    """One exercise's picture: start and end poses, props, and the limbs drawn in the accent.

    accent names limbs: leg_n, leg_f, arm_n, arm_f, trunk. `anchor` is the joint that travels
    in a straight line between the poses (a planted foot, a hip on the floor).
    """

    start: Pose
    end: Pose
    props: tuple[Prop, ...] = ()
    accent: frozenset[str] = frozenset({"leg_n"})
    anchor: str = "hip"
