"""Start and end poses of the exercises done lying, kneeling or sitting on the floor.

Lying figures have the head on the left. The near limbs (`_n`) are the working ones.
"""

from __future__ import annotations

from typing import Any

from ptcoach.ui.figure.skeleton import Illustration, Pose, Prop, ang, body, pts, to

LEGS = frozenset({"leg_n", "leg_f"})
CORE = frozenset({"trunk"})

# Supine: head on the left, arms resting along the floor.
_ARMS_DOWN = {"arm_n": ang(-4, -2), "arm_f": ang(-2, 0)}


def _supine(**kw: Any) -> dict[str, Any]:
    return {"hip": (0, 9), "trunk": 180, "head": -6, **_ARMS_DOWN, **kw}


def _side_lying(**kw: Any) -> dict[str, Any]:
    """Lying on one side, head resting on the lower arm, upper hand on the floor in front."""
    return {
        "hip": (0, 9),
        "trunk": 180,
        "head": -25,
        "arm_f": ang(180, 180),
        "arm_n": pts((-26, 19), (-3, 17)),
        **kw,
    }


def _all_fours(**kw: Any) -> dict[str, Any]:
    return {
        "hip": (0, 50),
        "trunk": 9,
        "head": 5,
        "arm_n": to(52, 4),
        "arm_f": to(50, 4),
        "leg_n": to(-40, 6),
        "leg_f": to(-38, 6),
        "foot_n": 185,
        "foot_f": 185,
        **kw,
    }


def _b(spec: dict[str, Any]) -> Pose:
    return body(**spec)


FLOOR: dict[str, Illustration] = {
    "clamshell": Illustration(
        # Seen from the front: the bent knees point at the viewer, so the thighs look short.
        _b(
            _side_lying(
                leg_n=pts((36, 23), (64, 14)), leg_f=pts((36, 15), (64, 7)), foot_n=8, foot_f=8
            )
        ),
        _b(
            _side_lying(
                leg_n=pts((28, 44), (64, 14)), leg_f=pts((36, 15), (64, 7)), foot_n=8, foot_f=8
            )
        ),
        anchor="ankle_n",
    ),
    "side-lying-hip-abduction": Illustration(
        _b(_side_lying(leg_n=ang(3, 3), leg_f=pts((40, 16), (72, 6)), foot_n=3, foot_f=-1)),
        _b(_side_lying(leg_n=ang(28, 28), leg_f=pts((40, 16), (72, 6)), foot_n=28, foot_f=-1)),
    ),
    "straight-leg-raise": Illustration(
        _b(_supine(leg_n=ang(-3, -3), leg_f=to(42, 5), foot_n=85)),
        _b(_supine(leg_n=ang(22, 22), leg_f=to(42, 5), foot_n=110)),
    ),
    "hamstring-stretch": Illustration(
        _b(
            _supine(
                leg_n=ang(58, 58),
                leg_f=ang(-2, -2),
                foot_n=148,
                foot_f=88,
                arm_n=to(0, 44),
                arm_f=to(-2, 42),
            )
        ),
        _b(
            _supine(
                leg_n=ang(76, 76),
                leg_f=ang(-2, -2),
                foot_n=166,
                foot_f=88,
                arm_n=to(-4, 46),
                arm_f=to(-6, 44),
            )
        ),
        props=(Prop("strap", a="hand_n", b="toe_n"),),
        anchor="hip",
    ),
    "glute-bridge": Illustration(
        _b(_supine(leg_n=to(40, 5), leg_f=to(38, 5))),
        _b(
            _supine(
                hip=(-4, 36),
                trunk=211,
                head=-31,
                leg_n=to(40, 5),
                leg_f=to(38, 5),
                arm_n=ang(-2, 0),
                arm_f=ang(0, 0),
            )
        ),
        accent=frozenset({"leg_n", "leg_f", "trunk"}),
        anchor="ankle_n",
    ),
    "bridge-walkout": Illustration(
        # Hips held up in a bridge while the heels walk away and back.
        _b(
            _supine(
                hip=(-4, 36),
                trunk=211,
                head=-31,
                leg_n=to(40, 5),
                leg_f=to(36, 5),
                arm_n=ang(-2, 0),
                arm_f=ang(0, 0),
            )
        ),
        _b(
            _supine(
                hip=(-2, 31),
                trunk=203,
                head=-23,
                leg_n=to(64, 5),
                leg_f=to(56, 5),
                arm_n=ang(-2, 0),
                arm_f=ang(0, 0),
            )
        ),
        accent=frozenset({"leg_n", "leg_f", "trunk"}),
        anchor="shoulder",
    ),
    "single-leg-bridge": Illustration(
        _b(_supine(leg_n=to(40, 5), leg_f=ang(55, 22), foot_f=112)),
        _b(
            _supine(
                hip=(-4, 36),
                trunk=211,
                head=-31,
                leg_n=to(40, 5),
                leg_f=ang(31, 31),
                foot_f=121,
                arm_n=ang(-2, 0),
                arm_f=ang(0, 0),
            )
        ),
        accent=frozenset({"leg_n", "trunk"}),
        anchor="ankle_n",
    ),
    "dead-bug": Illustration(
        _b(
            _supine(
                leg_n=ang(88, 0),
                leg_f=ang(92, 2),
                arm_n=ang(88, 90),
                arm_f=ang(92, 92),
                foot_n=88,
                foot_f=90,
            )
        ),
        _b(
            _supine(
                leg_n=ang(8, 8),
                leg_f=ang(92, 2),
                arm_n=ang(88, 90),
                arm_f=ang(168, 172),
                foot_n=95,
                foot_f=90,
            )
        ),
        accent=frozenset({"leg_n", "arm_f", "trunk"}),
    ),
    "figure-four-stretch": Illustration(
        # One ankle crossed over the other knee; the hands draw that other thigh in.
        _b(
            _supine(
                leg_f=to(40, 5),
                leg_n=pts((56, 28), (28, 51)),
                foot_n=150,
                arm_n=to(20, 36),
                arm_f=to(18, 34),
            )
        ),
        _b(
            _supine(
                leg_f=ang(62, 0),
                leg_n=pts((50, 32), (22, 56)),
                foot_n=150,
                foot_f=90,
                arm_n=to(14, 36),
                arm_f=to(12, 34),
            )
        ),
        accent=frozenset({"leg_n"}),
    ),
    "plank": Illustration(
        _b(
            {
                "hip": (0, 30),
                "trunk": 4,
                "head": 2,
                "arm_n": ang(-90, 0),
                "arm_f": ang(-88, 0),
                "leg_n": to(-84, 12),
                "leg_f": to(-82, 12),
                "foot_n": -75,
                "foot_f": -75,
            }
        ),
        _b(
            {
                "hip": (0, 33),
                "trunk": 1,
                "head": 4,
                "arm_n": ang(-90, 0),
                "arm_f": ang(-88, 0),
                "leg_n": to(-84, 12),
                "leg_f": to(-82, 12),
                "foot_n": -75,
                "foot_f": -75,
            }
        ),
        accent=CORE,
        anchor="elbow_n",
    ),
    "side-plank": Illustration(
        _b(
            {
                "hip": (0, 9),
                "trunk": 153,
                "head": 0,
                "arm_f": ang(-90, 180),
                "arm_n": ang(-30, -20),
                "leg_n": to(84, 11),
                "leg_f": to(84, 5),
            }
        ),
        _b(
            {
                "hip": (0, 26),
                "trunk": 163,
                "head": 0,
                "arm_f": ang(-90, 180),
                "arm_n": ang(88, 90),
                "leg_n": to(84, 11),
                "leg_f": to(84, 5),
            }
        ),
        accent=CORE,
        anchor="ankle_f",
    ),
    "bird-dog": Illustration(
        _b(_all_fours()),
        _b(_all_fours(arm_f=ang(6, 6), leg_n=ang(184, 184), foot_n=275)),
        accent=frozenset({"leg_n", "arm_f", "trunk"}),
        anchor="knee_f",
    ),
    "cat-cow": Illustration(
        _b(_all_fours(arch=-5, head=30)),
        _b(_all_fours(arch=6, head=-55)),
        accent=CORE,
        anchor="hip",
    ),
    "hip-flexor-stretch": Illustration(
        _b(
            {
                "hip": (-8, 52),
                "trunk": 90,
                "arm_n": to(6, 50),
                "arm_f": to(8, 50),
                "leg_n": pts((-15, 9), (-57, 7)),
                "leg_f": pts((34, 46), (34, 4)),
                "foot_n": -165,
            }
        ),
        _b(
            {
                "hip": (2, 48),
                "trunk": 96,
                "arm_n": to(12, 48),
                "arm_f": to(14, 48),
                "leg_n": pts((-15, 9), (-57, 7)),
                "leg_f": pts((42, 42), (34, 4)),
                "foot_n": -165,
            }
        ),
        props=(Prop("cushion", x=-32, w=30, h=5),),
        anchor="knee_n",
    ),
    "foam-roll": Illustration(
        _b(
            {
                "hip": (-12, 28),
                "trunk": 6,
                "head": -4,
                "arm_n": ang(-90, 0),
                "arm_f": ang(-88, 2),
                "leg_n": ang(183, 182),
                "leg_f": ang(185, 184),
                "foot_n": 205,
                "foot_f": 205,
            }
        ),
        _b(
            {
                "hip": (16, 28),
                "trunk": 6,
                "head": -4,
                "arm_n": ang(-90, 0),
                "arm_f": ang(-88, 2),
                "leg_n": ang(183, 182),
                "leg_f": ang(185, 184),
                "foot_n": 205,
                "foot_f": 205,
            }
        ),
        props=(Prop("roller", x=-26, y=12, w=12),),
    ),
    "contrast-therapy": Illustration(
        _b(
            {
                "hip": (0, 10),
                "trunk": 102,
                "head": -8,
                "arm_n": to(-28, 5),
                "arm_f": to(-32, 5),
                "leg_n": to(82, 7),
                "leg_f": to(84, 5),
                "foot_n": 70,
                "foot_f": 80,
            }
        ),
        _b(
            {
                "hip": (0, 10),
                "trunk": 102,
                "head": -8,
                "arm_n": to(-28, 5),
                "arm_f": to(-32, 5),
                "leg_n": to(82, 7),
                "leg_f": to(84, 5),
                "foot_n": 70,
                "foot_f": 80,
            }
        ),
        props=(
            Prop("heat", x=0.75, w=30, h=13, a="hip", b="knee_n", when="start"),
            Prop("ice", x=0.75, w=30, h=13, a="hip", b="knee_n", when="end"),
        ),
    ),
}
