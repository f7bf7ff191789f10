"""Every exercise's illustration as data: exercise id -> start pose, end pose and props.

The poses live in poses_floor.py and poses_upright.py; this module joins them, adds the other
names an exercise may go by, and falls back to a neutral standing figure for unknown ids.
"""

from __future__ import annotations

from ptcoach.ui.figure.poses_floor import FLOOR
from ptcoach.ui.figure.poses_upright import GENERIC, UPRIGHT
from ptcoach.ui.figure.skeleton import Illustration

POSES: dict[str, Illustration] = {**FLOOR, **UPRIGHT}

# Other ids the same picture serves (exercise files may name a variant or an older id).
ALIASES: dict[str, str] = {
    "clamshells": "clamshell",
    "wall-sits": "wall-sit",
    "step-ups": "step-up",
    "foam-rolling": "foam-roll",
    "heat-and-cold": "contrast-therapy",
    "heat-and-ice": "contrast-therapy",
    "contrast": "contrast-therapy",
    "side-lying-leg-raise": "side-lying-hip-abduction",
    "hip-abduction": "side-lying-hip-abduction",
    "side-leg-raise": "side-lying-hip-abduction",
    "heel-drop": "eccentric-heel-drop",
    "eccentric-calf-raise": "eccentric-heel-drop",
    "heel-raise": "calf-raise",
    "toe-raises": "toe-raise",
    "towel-scrunch": "towel-curl",
    "ball-roll": "foot-roll",
    "foot-ball-roll": "foot-roll",
    "plantar-ball-roll": "foot-roll",
    "bridge": "glute-bridge",
    "gastrocnemius-stretch": "calf-stretch",
    "bent-knee-calf-stretch": "soleus-stretch",
    "standing-quad-stretch": "quad-stretch",
    "kneeling-hip-flexor-stretch": "hip-flexor-stretch",
    "forearm-plank": "plank",
}


def known_ids() -> list[str]:
    return sorted(POSES)


def has_pose(exercise_id: str) -> bool:
    return exercise_id in POSES or exercise_id in ALIASES


def illustration_for(exercise_id: str) -> Illustration:
    """The exercise's illustration (also found by an alias); a generic figure if unknown."""
    key = ALIASES.get(exercise_id, exercise_id)
    return POSES.get(key, GENERIC)
