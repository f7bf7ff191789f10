"""What the camera measures for each exercise of the catalogue it can see.

A rep exercise has a metric (one number per frame that rises during the rep and falls back:
a joint angle in degrees, or a distance in torso lengths) and the smallest range a real rep
moves it (`min_range`); the counter's thresholds come from the runner's own range. A hold has a
test of the position. Form checks are the cues a therapist gives for that exercise.
`UNSEEN` lists the exercises the camera cannot follow, and why.

Side: the runner's side of a per-side set ("left", "right"); None when unknown (a video), in
which case a per-side metric is measured on both sides and the side that moves is used.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ptcoach.camera.form import FormCheck, FrameState
from ptcoach.camera.landmarks import L, Pose, angle, below_line, dist, incline

Metric = Callable[[Pose, str | None], float | None]
Held = Callable[[Pose], bool | None]

SIDES = ("left", "right")


@dataclass(frozen=True)
class Limb:
    shoulder: L
    elbow: L
    wrist: L
    hip: L
    knee: L
    ankle: L
    heel: L
    foot: L


LIMBS = {
    "left": Limb(
        L.LEFT_SHOULDER, L.LEFT_ELBOW, L.LEFT_WRIST, L.LEFT_HIP, L.LEFT_KNEE, L.LEFT_ANKLE,
        L.LEFT_HEEL, L.LEFT_FOOT,
    ),
    "right": Limb(
        L.RIGHT_SHOULDER, L.RIGHT_ELBOW, L.RIGHT_WRIST, L.RIGHT_HIP, L.RIGHT_KNEE,
        L.RIGHT_ANKLE, L.RIGHT_HEEL, L.RIGHT_FOOT,
    ),
}  # fmt: skip


@dataclass(frozen=True)
class RepSpec:
    id: str
    metric: Metric
    min_range: float
    sided: bool  # the metric depends on the side (a per-side set's working leg)
    measures: str  # for the README and `ptcoach count --help`
    form: tuple[FormCheck, ...] = ()


@dataclass(frozen=True)
class HoldSpec:
    id: str
    held: Held
    measures: str
    form: tuple[FormCheck, ...] = ()


# ---------------------------------------------------------------- helpers


def _mean(values: list[float | None]) -> float | None:
    got = [v for v in values if v is not None]
    return sum(got) / len(got) if got else None


def _max(values: list[float | None]) -> float | None:
    got = [v for v in values if v is not None]
    return max(got) if got else None


def _angle(pose: Pose, a: int, b: int, c: int) -> float | None:
    if not pose.seen(a, b, c):
        return None
    return angle(pose.xy(a), pose.xy(b), pose.xy(c))


def _per_side(side: str | None, f: Callable[[Limb], float | None]) -> float | None:
    """`f` on the given side; both sides averaged when no side is given."""
    if side is not None:
        return f(LIMBS[side])
    return _mean([f(LIMBS[s]) for s in SIDES])


def knee_angle(pose: Pose, side: str | None) -> float | None:
    return _per_side(side, lambda m: _angle(pose, m.hip, m.knee, m.ankle))


def hip_angle(pose: Pose, side: str | None) -> float | None:
    return _per_side(side, lambda m: _angle(pose, m.shoulder, m.hip, m.knee))


def _centre(pose: Pose, left: int, right: int) -> tuple[float, float] | None:
    if pose.seen(left, right):
        return pose.mid(left, right)
    for i in (left, right):
        if pose.seen(i):
            return pose.xy(i)
    return None


def _body_line(pose: Pose) -> tuple[float, float, float] | None:
    """(angle at the hips between shoulders and ankles, incline of shoulders–ankles from
    horizontal, hips below the shoulder–ankle line in torso lengths)."""
    s = _centre(pose, L.LEFT_SHOULDER, L.RIGHT_SHOULDER)
    h = _centre(pose, L.LEFT_HIP, L.RIGHT_HIP)
    a = _centre(pose, L.LEFT_ANKLE, L.RIGHT_ANKLE)
    torso = pose.torso()
    if s is None or h is None or a is None or torso is None:
        return None
    return angle(s, h, a), incline(s, a), below_line(h, s, a) / torso


# ---------------------------------------------------------------- rep metrics


def knee_gap(pose: Pose, side: str | None) -> float | None:
    """Clamshell: how far the knees open, in torso lengths."""
    torso = pose.torso()
    if torso is None or not pose.seen(L.LEFT_KNEE, L.RIGHT_KNEE):
        return None
    return dist(pose.xy(L.LEFT_KNEE), pose.xy(L.RIGHT_KNEE)) / torso


def legs_apart(pose: Pose, side: str | None) -> float | None:
    """Side-lying hip abduction: the angle between the legs at the hips, degrees."""
    if not pose.seen(L.LEFT_HIP, L.RIGHT_HIP, L.LEFT_ANKLE, L.RIGHT_ANKLE):
        return None
    h = pose.mid(L.LEFT_HIP, L.RIGHT_HIP)
    return angle(pose.xy(L.LEFT_ANKLE), h, pose.xy(L.RIGHT_ANKLE))


def leg_raise(pose: Pose, side: str | None) -> float | None:
    """Straight-leg raise: the raised leg's angle from the body line, degrees (0 flat)."""

    def one(m: Limb) -> float | None:
        a = _angle(pose, m.shoulder, m.hip, m.ankle)
        return None if a is None else 180.0 - a

    if side is not None:
        return one(LIMBS[side])
    return _max([one(LIMBS[s]) for s in SIDES])  # the leg that rises


def hip_lift(pose: Pose, side: str | None) -> float | None:
    """Bridges: the hips above the shoulder–knee line, torso lengths."""
    s = _centre(pose, L.LEFT_SHOULDER, L.RIGHT_SHOULDER)
    h = _centre(pose, L.LEFT_HIP, L.RIGHT_HIP)
    k = _centre(pose, L.LEFT_KNEE, L.RIGHT_KNEE)
    torso = pose.torso()
    if s is None or h is None or k is None or torso is None:
        return None
    return -below_line(h, s, k) / torso


def feet_out(pose: Pose, side: str | None) -> float | None:
    """Bridge walkout: the feet's distance from the hips along the floor, torso lengths."""
    h = _centre(pose, L.LEFT_HIP, L.RIGHT_HIP)
    a = _centre(pose, L.LEFT_ANKLE, L.RIGHT_ANKLE)
    torso = pose.torso()
    if h is None or a is None or torso is None:
        return None
    return abs(a[0] - h[0]) / torso


def body_rise(pose: Pose, side: str | None) -> float | None:
    """Calf raise, heel drop: the hips' height above the toes, torso lengths."""
    torso = pose.torso()
    if torso is None:
        return None

    def one(m: Limb) -> float | None:
        if not pose.seen(m.hip, m.foot):
            return None
        return (pose.xy(m.foot)[1] - pose.xy(m.hip)[1]) / torso

    return _per_side(side, one)


def toes_up(pose: Pose, side: str | None) -> float | None:
    """Toe raise: the foot's tilt, toes above the heel, degrees."""
    import math

    def one(m: Limb) -> float | None:
        if not pose.seen(m.heel, m.foot):
            return None
        (hx, hy), (fx, fy) = pose.xy(m.heel), pose.xy(m.foot)
        return math.degrees(math.atan2(hy - fy, abs(fx - hx) + 1e-9))

    return _per_side(side, one)


def step_height(pose: Pose, side: str | None) -> float | None:
    """Step-up: the hips' height in the picture, torso lengths (the camera stays put)."""
    h = _centre(pose, L.LEFT_HIP, L.RIGHT_HIP)
    torso = pose.torso()
    if h is None or torso is None:
        return None
    return -h[1] / torso


def leg_reach(pose: Pose, side: str | None) -> float | None:
    """Bird dog: the straightest hip of the two, degrees (90 on all fours, ~180 extended)."""
    return _max([hip_angle(pose, s) for s in SIDES])


def knee_reach(pose: Pose, side: str | None) -> float | None:
    """Dead bug: the straightest knee of the two, degrees (90 bent, ~180 extended)."""
    return _max([knee_angle(pose, s) for s in SIDES])


# ---------------------------------------------------------------- form checks


def _knee_in(pose: Pose, state: FrameState) -> bool | None:
    """The working knee falls inside the hip–ankle line (seen from the front)."""
    sides = [state.side] if state.side else list(SIDES)
    if not pose.seen(L.LEFT_HIP, L.RIGHT_HIP):
        return None
    mid_x = pose.mid(L.LEFT_HIP, L.RIGHT_HIP)[0]
    for s in sides:
        m = LIMBS[s]
        if not pose.seen(m.hip, m.knee, m.ankle):
            continue
        (hx, hy), (kx, ky), (ax, ay) = pose.xy(m.hip), pose.xy(m.knee), pose.xy(m.ankle)
        leg = dist((hx, hy), (ax, ay))
        if leg < 1e-6 or abs(ay - hy) < 1e-6:
            continue
        line_x = hx + (ax - hx) * (ky - hy) / (ay - hy)
        inward = (kx - line_x) * (1 if mid_x > line_x else -1)
        if inward > 0.08 * leg:
            return True
    return False


def _hips_spread(pose: Pose, side: str | None) -> float | None:
    torso = pose.torso()
    if torso is None or not pose.seen(L.LEFT_HIP, L.RIGHT_HIP):
        return None
    return dist(pose.xy(L.LEFT_HIP), pose.xy(L.RIGHT_HIP)) / torso


def _pelvis_rolls(pose: Pose, state: FrameState) -> bool | None:
    """Clamshell: the top hip rolls back, so the hips spread apart in the picture."""
    rest = state.rest.get("pelvis-back")
    now = _hips_spread(pose, state.side)
    if rest is None or now is None or state.progress is None or state.progress < 0.5:
        return None
    return now - rest > 0.15


def _knee_bends(pose: Pose, state: FrameState) -> bool | None:
    """Straight-leg raise: the raised leg's knee bends while it is up."""
    if state.progress is None or state.progress < 0.4:
        return None
    sides = [state.side] if state.side else list(SIDES)
    angles = [knee_angle(pose, s) for s in sides]
    if state.side is None:  # the leg that is raised bends the most visibly
        got = [a for a in angles if a is not None]
        return bool(got) and min(got) < 150.0
    return angles[0] is not None and angles[0] < 150.0


def _hips_uneven(pose: Pose, state: FrameState) -> bool | None:
    """Bridges: one hip drops (seen from the feet)."""
    torso = pose.torso()
    if torso is None or not pose.seen(L.LEFT_HIP, L.RIGHT_HIP):
        return None
    if state.progress is None or state.progress < 0.5:
        return None
    return abs(pose.xy(L.LEFT_HIP)[1] - pose.xy(L.RIGHT_HIP)[1]) / torso > 0.2


def _hips_sag(pose: Pose, state: FrameState) -> bool | None:
    line = _body_line(pose)
    return None if line is None else line[2] > 0.12


def _hips_high(pose: Pose, state: FrameState) -> bool | None:
    line = _body_line(pose)
    return None if line is None else line[2] < -0.2


def _knees_past_90(pose: Pose, state: FrameState) -> bool | None:
    k = knee_angle(pose, None)
    return None if k is None else k < 70.0


KNEE_IN = FormCheck("knee-in", "Keep your knee in line over your toes", _knee_in)
PELVIS_BACK = FormCheck(
    "pelvis-back", "Keep your hips stacked: the top hip stays still", _pelvis_rolls, _hips_spread
)
KNEE_BENT = FormCheck("knee-bent", "Keep the raised knee straight", _knee_bends)
HIPS_UNEVEN = FormCheck("hips-uneven", "Keep your hips level", _hips_uneven)
HIPS_SAG = FormCheck("hips-sag", "Lift your hips into a straight line", _hips_sag)
HIPS_HIGH = FormCheck("hips-high", "Lower your hips into a straight line", _hips_high)
TOO_LOW = FormCheck("too-low", "Come up a little: knees at a right angle", _knees_past_90)


# ---------------------------------------------------------------- holds


def wall_sit_held(pose: Pose) -> bool | None:
    k, h = knee_angle(pose, None), hip_angle(pose, None)
    if k is None or h is None:
        return None
    return 65.0 <= k <= 115.0 and 60.0 <= h <= 125.0


def spanish_squat_held(pose: Pose) -> bool | None:
    k = knee_angle(pose, None)
    return None if k is None else 60.0 <= k <= 135.0


def plank_held(pose: Pose) -> bool | None:
    line = _body_line(pose)
    if line is None:
        return None
    at_hips, tilt, _ = line
    return at_hips >= 150.0 and tilt <= 35.0


def side_plank_held(pose: Pose) -> bool | None:
    line = _body_line(pose)
    if line is None:
        return None
    at_hips, tilt, _ = line
    return at_hips >= 150.0 and tilt <= 55.0


# ---------------------------------------------------------------- the catalogue

REPS: dict[str, RepSpec] = {
    s.id: s
    for s in (
        RepSpec("clamshell", knee_gap, 0.25, False, "knee gap (torso lengths)", (PELVIS_BACK,)),
        RepSpec(
            "side-lying-hip-abduction", legs_apart, 12.0, False, "angle between the legs (°)"
        ),
        RepSpec(
            "straight-leg-raise", leg_raise, 20.0, True, "leg angle from the body (°)", (KNEE_BENT,)
        ),
        RepSpec("glute-bridge", hip_lift, 0.15, False, "hip lift (torso lengths)", (HIPS_UNEVEN,)),
        RepSpec(
            "single-leg-bridge", hip_lift, 0.15, False, "hip lift (torso lengths)", (HIPS_UNEVEN,)
        ),
        RepSpec("bridge-walkout", feet_out, 0.3, False, "feet from the hips (torso lengths)"),
        RepSpec("calf-raise", body_rise, 0.06, False, "hips above the toes (torso lengths)"),
        RepSpec("eccentric-heel-drop", body_rise, 0.06, True, "hips above the toes"),
        RepSpec("toe-raise", toes_up, 10.0, False, "foot tilt, toes up (°)"),
        RepSpec("step-up", step_height, 0.25, False, "hip height (torso lengths)", (KNEE_IN,)),
        RepSpec("bird-dog", leg_reach, 35.0, False, "straightest hip (°)"),
        RepSpec("dead-bug", knee_reach, 35.0, False, "straightest knee (°)"),
    )
}  # fmt: skip

HOLDS: dict[str, HoldSpec] = {
    s.id: s
    for s in (
        HoldSpec("wall-sit", wall_sit_held, "knees and hips near 90°", (TOO_LOW,)),
        HoldSpec("spanish-squat", spanish_squat_held, "knees bent 60-135°"),
        HoldSpec("plank", plank_held, "straight body line, near level", (HIPS_SAG, HIPS_HIGH)),
        HoldSpec("side-plank", side_plank_held, "straight body line, tilted", (HIPS_SAG,)),
    )
}

UNSEEN: dict[str, str] = {
    "cat-cow": "the pose model has no landmarks along the spine: shoulders and hips stay put "
    "while only the back's curve changes",
    "calf-stretch": "a stretch is a still position the camera cannot tell from resting in it",
    "figure-four-stretch": "a stretch is a still position the camera cannot tell from resting",
    "hamstring-stretch": "a stretch is a still position the camera cannot tell from resting",
    "hip-flexor-stretch": "a stretch is a still position the camera cannot tell from resting",
    "quad-stretch": "a stretch is a still position the camera cannot tell from resting",
    "soleus-stretch": "a stretch is a still position the camera cannot tell from resting",
    "plantar-fascia-stretch": "the foot and toes are too small in the picture to measure",
    "foot-roll": "rolling the foot on a ball moves nothing the pose model tracks",
    "foam-roll": "rolling moves the body along the roller with no angle to count",
    "contrast-therapy": "heat and cold: nothing to see",
}


def supported() -> list[str]:
    return sorted([*REPS, *HOLDS])
