"""Stick figures as pose landmarks, for the camera tests and bench_camera.py: a few postures
set by one parameter each, and labelled rep sequences (clean, noisy, dropouts, partial reps)."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator

import numpy as np

from ptcoach.camera.landmarks import COUNT, L, Pose

Pts = dict[int, tuple[float, float]]


def pose_of(points: Pts, visibility: float = 1.0) -> Pose:
    arr = np.zeros((COUNT, 3))
    for i, (x, y) in points.items():
        arr[i] = (x, y, visibility)
    return Pose(arr)


def standing(rise: float = 0.0, hand_up: bool = False, knee_in: float = 0.0) -> Pts:
    """Front view, torso 0.3 long; `rise` lifts everything (step-up); `knee_in` moves the left
    knee towards the midline (a share of the leg)."""
    y = -rise
    p: Pts = {
        L.NOSE: (0.50, 0.12 + y),
        L.LEFT_SHOULDER: (0.58, 0.25 + y),
        L.RIGHT_SHOULDER: (0.42, 0.25 + y),
        L.LEFT_ELBOW: (0.62, 0.38 + y),
        L.RIGHT_ELBOW: (0.38, 0.38 + y),
        L.LEFT_WRIST: (0.63, 0.50 + y),
        L.RIGHT_WRIST: (0.37, 0.50 + y),
        L.LEFT_HIP: (0.55, 0.55 + y),
        L.RIGHT_HIP: (0.45, 0.55 + y),
        L.LEFT_KNEE: (0.55 - knee_in * 0.4, 0.75 + y),
        L.RIGHT_KNEE: (0.45, 0.75 + y),
        L.LEFT_ANKLE: (0.55, 0.95 + y),
        L.RIGHT_ANKLE: (0.45, 0.95 + y),
        L.LEFT_HEEL: (0.55, 0.97 + y),
        L.RIGHT_HEEL: (0.45, 0.97 + y),
        L.LEFT_FOOT: (0.57, 0.99 + y),
        L.RIGHT_FOOT: (0.43, 0.99 + y),
    }
    if hand_up:
        p[L.LEFT_ELBOW] = (0.62, 0.12 + y)
        p[L.LEFT_WRIST] = (0.62, -0.02 + y)
    return p


def side_lying(gap: float = 0.0, roll: float = 0.0) -> Pts:
    """Clamshell, seen from the front: knees open by `gap` torso lengths; `roll` spreads the
    hips apart (the pelvis rolling back), torso lengths."""
    t = 0.3
    p: Pts = {
        L.NOSE: (0.15, 0.60),
        L.LEFT_SHOULDER: (0.25, 0.62),
        L.RIGHT_SHOULDER: (0.25, 0.66),
        L.LEFT_HIP: (0.25 + t, 0.62 - roll * t),
        L.RIGHT_HIP: (0.25 + t, 0.66),
        L.RIGHT_KNEE: (0.70, 0.80),
        L.LEFT_ANKLE: (0.55, 0.90),
        L.RIGHT_ANKLE: (0.55, 0.92),
    }
    p[L.LEFT_KNEE] = (0.70, 0.80 - gap * t)
    return p


def supine_leg_raise(deg: float = 0.0, knee_bend: float = 0.0) -> Pts:
    """Lying on the back, seen from the side; the left leg raised `deg` from the floor, its
    knee bent by `knee_bend` degrees."""
    hip = (0.5, 0.7)
    a = math.radians(deg)
    knee = (hip[0] + 0.22 * math.cos(a), hip[1] - 0.22 * math.sin(a))
    b = a - math.radians(knee_bend)
    ankle = (knee[0] + 0.22 * math.cos(b), knee[1] - 0.22 * math.sin(b))
    return {
        L.NOSE: (0.1, 0.68),
        L.LEFT_SHOULDER: (0.2, 0.7),
        L.RIGHT_SHOULDER: (0.2, 0.71),
        L.LEFT_HIP: hip,
        L.RIGHT_HIP: (0.5, 0.71),
        L.LEFT_KNEE: knee,
        L.RIGHT_KNEE: (0.72, 0.71),
        L.LEFT_ANKLE: ankle,
        L.RIGHT_ANKLE: (0.94, 0.71),
    }


def wall_sit(knee_deg: float) -> Pts:
    """Side view: thighs level-ish, shins at the angle that makes the knee `knee_deg`."""
    hip, knee = (0.4, 0.55), (0.6, 0.55)
    a = math.radians(knee_deg)  # the shin leaves the knee at `knee_deg` from the thigh
    ankle = (knee[0] - 0.2 * math.cos(a), knee[1] + 0.2 * math.sin(a))
    return {
        L.NOSE: (0.4, 0.15),
        L.LEFT_SHOULDER: (0.4, 0.25),
        L.RIGHT_SHOULDER: (0.41, 0.25),
        L.LEFT_HIP: hip,
        L.RIGHT_HIP: (0.41, 0.55),
        L.LEFT_KNEE: knee,
        L.RIGHT_KNEE: (0.61, 0.55),
        L.LEFT_ANKLE: ankle,
        L.RIGHT_ANKLE: (ankle[0] + 0.01, ankle[1]),
    }


def plank(sag: float = 0.0) -> Pts:
    """Side view, body level; `sag` drops the hips by that many torso lengths."""
    t = 0.3
    return {
        L.NOSE: (0.1, 0.48),
        L.LEFT_SHOULDER: (0.2, 0.5),
        L.RIGHT_SHOULDER: (0.2, 0.51),
        L.LEFT_ELBOW: (0.2, 0.7),
        L.RIGHT_ELBOW: (0.2, 0.7),
        L.LEFT_HIP: (0.2 + t, 0.53 + sag * t),
        L.RIGHT_HIP: (0.2 + t, 0.54 + sag * t),
        L.LEFT_KNEE: (0.7, 0.55),
        L.RIGHT_KNEE: (0.7, 0.56),
        L.LEFT_ANKLE: (0.9, 0.57),
        L.RIGHT_ANKLE: (0.9, 0.58),
    }


def rep_profile(t: float, reps: list[tuple[float, float, float]]) -> float:
    """0 at rest; each rep (start, duration, peak) rises and falls as a raised cosine."""
    for start, dur, peak in reps:
        if start <= t <= start + dur:
            return peak * 0.5 * (1 - math.cos(2 * math.pi * (t - start) / dur))
    return 0.0


def sequence(
    posture: Callable[[float], Pts],
    reps: list[tuple[float, float, float]],
    *,
    seconds: float,
    fps: float = 15.0,
    noise: float = 0.0,
    dropouts: list[tuple[float, float]] = (),  # type: ignore[assignment]
    drift: float = 0.0,  # the whole figure slides this far (units per second)
    seed: int = 1,
) -> Iterator[tuple[float, Pose | None]]:
    """(t, pose) frames: `posture(value)` for the rep profile's value at each frame."""
    rng = np.random.default_rng(seed)
    for i in range(int(seconds * fps)):
        t = i / fps
        if any(a <= t < b for a, b in dropouts):
            yield t, None
            continue
        pose = pose_of(posture(rep_profile(t, reps)))
        pts = pose.points.copy()
        pts[:, 0] += drift * t
        if noise:
            pts[:, :2] += rng.normal(0, noise, (COUNT, 2))
        yield t, Pose(pts)


def evenly(n: int, *, start: float = 1.0, every: float = 3.0, dur: float = 2.0, peak: float = 1.0):
    return [(start + i * every, dur, peak) for i in range(n)]
