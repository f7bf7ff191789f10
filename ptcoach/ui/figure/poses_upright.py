"""Start and end poses of the exercises done standing or sitting on a chair.

Standing figures face right (+x); the near limbs (`_n`) are the working ones.
"""

from __future__ import annotations

from typing import Any

from ptcoach.ui.figure.skeleton import Illustration, Pose, Prop, ang, body, pts, to

LEGS = frozenset({"leg_n", "leg_f"})


def _stand(**kw: Any) -> Pose:
    spec: dict[str, Any] = {"hip": (0, 90), "trunk": 90, **kw}
    return body(**spec)


def _seated(**kw: Any) -> Pose:
    """Sitting upright on a chair (seat 42 high), hands on the thighs."""
    spec: dict[str, Any] = {
        "hip": (-6, 48),
        "trunk": 93,
        "arm_n": to(22, 56),
        "arm_f": to(20, 56),
        "leg_n": to(40, 4),
        "leg_f": to(36, 4),
        **kw,
    }
    return body(**spec)


_CHAIR = Prop("chair", x=-30, w=40, h=42, y=100)
_WALL_BEHIND = Prop("wall", x=-14, w=-10, h=185)


def _wall_stretch(bent_back_knee: bool, lean: float) -> Pose:
    """Facing a wall, hands on it, one foot stepped back; `lean` in 0..1."""
    back = to(-28, 4) if bent_back_knee else to(-44, 4)
    hip_y = 72 - 6 * lean if bent_back_knee else 84 - 3 * lean
    return _stand(
        hip=(-4 + 12 * lean, hip_y),
        trunk=82 - 12 * lean,
        head=4,
        arm_n=to(60, 122),
        arm_f=to(60, 126),
        leg_n=back,
        leg_f=to(30, 4),
    )


UPRIGHT: dict[str, Illustration] = {
    "wall-sit": Illustration(
        _stand(
            hip=(-7, 85), arm_n=ang(-88, -88), arm_f=ang(-92, -92), leg_n=to(26, 4), leg_f=to(22, 4)
        ),
        _stand(hip=(-7, 49), arm_n=to(26, 54), arm_f=to(24, 54), leg_n=to(38, 4), leg_f=to(34, 4)),
        props=(_WALL_BEHIND,),
        accent=LEGS,
    ),
    "step-up": Illustration(
        _stand(
            hip=(2, 86),
            trunk=84,
            leg_n=to(38, 30),
            leg_f=to(-4, 4),
            arm_n=ang(-100, -80),
            arm_f=ang(-70, -50),
        ),
        _stand(
            hip=(40, 116),
            trunk=88,
            leg_n=to(40, 30),
            leg_f=to(34, 30),
            arm_n=ang(-92, -85),
            arm_f=ang(-88, -80),
        ),
        props=(Prop("box", x=18, w=60, h=26),),
        anchor="ankle_n",
    ),
    "calf-stretch": Illustration(
        _wall_stretch(False, 0.0),
        _wall_stretch(False, 1.0),
        props=(Prop("wall", x=66, w=10, h=185),),
        anchor="ankle_n",
    ),
    "soleus-stretch": Illustration(
        _wall_stretch(True, 0.0),
        _wall_stretch(True, 1.0),
        props=(Prop("wall", x=66, w=10, h=185),),
        anchor="ankle_n",
    ),
    "calf-raise": Illustration(
        _stand(arm_f=to(46, 118), leg_n=to(1, 4), leg_f=to(-1, 4)),
        _stand(
            hip=(0, 99),
            arm_f=to(46, 118),
            leg_n=to(1, 13),
            leg_f=to(-1, 13),
            foot_n=-38,
            foot_f=-38,
        ),
        props=(Prop("wall", x=52, w=10, h=185),),
        anchor="toe_n",
        accent=LEGS,
    ),
    "eccentric-heel-drop": Illustration(
        # Balls of the feet on the edge of a stair, heels hanging off behind.
        _stand(hip=(-10, 129), leg_n=to(-10, 44), leg_f=to(-12, 44), foot_n=-35, foot_f=-35),
        _stand(hip=(-11, 111), leg_n=to(-11, 25.5), leg_f=to(-13, 25.5), foot_n=28, foot_f=28),
        props=(Prop("box", x=-9, w=81, h=30), Prop("box", x=34, w=38, h=60)),
        anchor="toe_n",
        accent=LEGS,
    ),
    "toe-raise": Illustration(
        _stand(hip=(-2, 90), trunk=94, leg_n=to(10, 4), leg_f=to(6, 4)),
        _stand(hip=(-2, 90), trunk=94, leg_n=to(10, 4), leg_f=to(6, 4), foot_n=38, foot_f=38),
        props=(_WALL_BEHIND,),
        anchor="ankle_n",
        accent=LEGS,
    ),
    "quad-stretch": Illustration(
        _stand(
            arm_f=to(44, 120),
            leg_f=to(-1, 4),
            leg_n=pts((3, 47), (-36, 56)),
            arm_n=to(-38, 58),
            foot_n=165,
        ),
        _stand(
            arm_f=to(44, 120),
            leg_f=to(-1, 4),
            leg_n=pts((1, 47), (-12, 86)),
            arm_n=to(-15, 88),
            foot_n=110,
        ),
        props=(Prop("wall", x=50, w=10, h=185),),
        anchor="ankle_f",
    ),
    "spanish-squat": Illustration(
        _stand(
            hip=(6, 90), leg_n=to(10, 4), leg_f=to(8, 4), arm_n=ang(-80, -60), arm_f=ang(-75, -55)
        ),
        _stand(
            hip=(-30, 52),
            trunk=68,
            leg_n=to(10, 4),
            leg_f=to(8, 4),
            arm_n=ang(0, 0),
            arm_f=ang(4, 4),
        ),
        props=(Prop("band", a="knee_n", x=96, y=46), Prop("post", x=94, w=10, h=120)),
        accent=LEGS,
        anchor="ankle_n",
    ),
    "towel-curl": Illustration(
        _seated(foot_n=0),
        _seated(foot_n=-14),
        props=(
            _CHAIR,
            Prop("towel", x=34, w=60, h=3, when="start"),
            Prop("towel", x=50, w=30, h=9, when="end"),
        ),
        anchor="ankle_n",
    ),
    "plantar-fascia-stretch": Illustration(
        # Ankle crossed over the other knee; one hand bends the toes back.
        _seated(
            trunk=84,
            leg_n=pts((24, 68), (42, 56)),
            leg_f=to(36, 4),
            foot_n=20,
            arm_n=to(58, 63),
            arm_f=to(47, 58),
        ),
        _seated(
            trunk=82,
            leg_n=pts((24, 68), (42, 56)),
            leg_f=to(36, 4),
            foot_n=62,
            arm_n=to(51, 72),
            arm_f=to(47, 58),
        ),
        props=(_CHAIR,),
        anchor="hip",
    ),
    "foot-roll": Illustration(
        # The sole rolls over a ball: toes over it at the start, heel over it at the end.
        _seated(leg_n=to(36, 22), leg_f=to(20, 4), foot_n=-4),
        _seated(leg_n=to(52, 22), leg_f=to(20, 4), foot_n=-4),
        props=(_CHAIR, Prop("ball", x=52, y=9, w=9)),
    ),
}

GENERIC = Illustration(
    _stand(arm_n=ang(-80, -70), arm_f=ang(-100, -110)),
    _stand(hip=(0, 91), arm_n=ang(-78, -68), arm_f=ang(-102, -112)),
    accent=frozenset(),
)
