"""Draws an exercise illustration with a QPainter: floor, props, and the stick figure.

Shared by FigureWidget (on screen) and the SVG/PNG exports, so both look the same.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath

from ptcoach.ui.figure.props import FRONT_PROPS, draw_prop, prop_extent
from ptcoach.ui.figure.skeleton import HEAD_R, Illustration, Point, Pose, bounds, interpolate
from ptcoach.ui.figure.style import FigureColors, kept_state, pen, qp, toward

__all__ = ["FigureColors", "paint_figure", "pose_at", "scene_bounds"]

LEG_W, ARM_W, TRUNK_W, FOOT_W = 10.0, 8.0, 15.0, 8.0
MARGIN = 12.0

# Which limb a muscle group word lights up (matched inside the exercise's muscle names).
MUSCLE_LIMBS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("calf", (("knee_n", "ankle_n"),)),
    ("soleus", (("knee_n", "ankle_n"),)),
    ("achilles", (("knee_n", "ankle_n"),)),
    ("shin", (("knee_n", "ankle_n"),)),
    ("tibialis", (("knee_n", "ankle_n"),)),
    ("foot", (("ankle_n", "toe_n"),)),
    ("plantar", (("ankle_n", "toe_n"),)),
    ("arch", (("ankle_n", "toe_n"),)),
    ("quad", (("hip", "knee_n"),)),
    ("hamstring", (("hip", "knee_n"),)),
    ("it band", (("hip", "knee_n"),)),
    ("thigh", (("hip", "knee_n"),)),
    ("adductor", (("hip", "knee_n"),)),
    ("hip flexor", (("hip", "knee_n"),)),
    ("glute", (("hip", "knee_n"),)),
    ("hip", (("hip", "knee_n"),)),
    ("core", (("hip", "shoulder"),)),
    ("abdom", (("hip", "shoulder"),)),
    ("back", (("hip", "shoulder"),)),
)


def pose_at(ill: Illustration, t: float) -> Pose:
    return interpolate(ill.start, ill.end, t, ill.anchor)


def scene_bounds(ill: Illustration) -> QRectF:
    """World rectangle that holds every pose of the motion and every prop, floor included."""
    points: list[Point] = [(0.0, 0.0)]
    for k in (0.0, 0.25, 0.5, 0.75, 1.0):
        points.extend(pose_at(ill, k).as_dict().values())
    for prop in ill.props:
        points.extend(prop_extent(prop))
    left, bottom, right, top = bounds(points)
    pad = MARGIN + HEAD_R
    return QRectF(left - pad, min(bottom, 0.0) - 6, right - left + 2 * pad, top - bottom + pad + 6)


def paint_figure(
    painter: QPainter,
    target: QRectF,
    ill: Illustration,
    t: float,
    colors: FigureColors,
    mirrored: bool = False,
    highlight: str | None = None,
) -> None:
    """Paint the illustration at motion fraction t, scaled to fit `target` and centred."""
    scene = scene_bounds(ill)
    scale = min(target.width() / scene.width(), target.height() / scene.height())
    if scale <= 0:
        return
    with kept_state(painter):
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.translate(target.center())
        painter.scale(-scale if mirrored else scale, -scale)  # world y points up
        painter.translate(-scene.center())
        pose = pose_at(ill, t).as_dict()
        phase = "start" if t < 0.5 else "end"
        props = [p for p in ill.props if p.when in ("always", phase)]
        _floor(painter, scene, colors)
        for prop in props:
            if prop.kind not in FRONT_PROPS:
                draw_prop(painter, prop, pose, colors)
        _figure(painter, pose, ill.accent, colors, highlight)
        for prop in props:
            if prop.kind in FRONT_PROPS:
                draw_prop(painter, prop, pose, colors)


def _floor(painter: QPainter, scene: QRectF, colors: FigureColors) -> None:
    painter.setPen(pen(colors.floor, 2.5))
    painter.drawLine(QPointF(scene.left() + 4, -1.5), QPointF(scene.right() - 4, -1.5))


def _figure(
    painter: QPainter,
    j: dict[str, Point],
    accent: frozenset[str],
    colors: FigureColors,
    highlight: str | None,
) -> None:
    def limb_color(name: str, far: bool) -> QColor:
        if name in accent:
            return colors.accent_far if far else colors.accent
        return colors.far if far else colors.body

    _glow(painter, j, highlight, colors)
    _chain(painter, j, ("shoulder", "elbow_f", "hand_f"), limb_color("arm_f", True), ARM_W)
    _chain(painter, j, ("hip", "knee_f", "ankle_f"), limb_color("leg_f", True), LEG_W)
    _chain(painter, j, ("ankle_f", "toe_f"), limb_color("leg_f", True), FOOT_W)
    trunk = limb_color("trunk", False)
    painter.setPen(pen(trunk, TRUNK_W))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    path = QPainterPath(qp(j["hip"]))
    # Control point chosen so the curve passes through the spine joint.
    ctrl = (
        2 * j["spine"][0] - (j["hip"][0] + j["shoulder"][0]) / 2,
        2 * j["spine"][1] - (j["hip"][1] + j["shoulder"][1]) / 2,
    )
    path.quadTo(qp(ctrl), qp(j["shoulder"]))
    painter.drawPath(path)
    painter.setPen(pen(colors.body, 7.0))
    painter.drawLine(qp(j["shoulder"]), qp(toward(j["shoulder"], j["head"], 0.5)))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colors.body)
    painter.drawEllipse(qp(j["head"]), HEAD_R, HEAD_R)
    _chain(painter, j, ("hip", "knee_n", "ankle_n"), limb_color("leg_n", False), LEG_W)
    _chain(painter, j, ("ankle_n", "toe_n"), limb_color("leg_n", False), FOOT_W)
    _chain(painter, j, ("shoulder", "elbow_n", "hand_n"), limb_color("arm_n", False), ARM_W)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colors.joint)
    for name in ("knee_n", "elbow_n", "hip", "shoulder"):
        painter.drawEllipse(qp(j[name]), 2.0, 2.0)


def _chain(
    painter: QPainter, j: dict[str, Point], names: tuple[str, ...], color: QColor, width: float
) -> None:
    painter.setPen(pen(color, width))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    path = QPainterPath(qp(j[names[0]]))
    for name in names[1:]:
        path.lineTo(qp(j[name]))
    painter.drawPath(path)


def _glow(
    painter: QPainter, j: dict[str, Point], highlight: str | None, colors: FigureColors
) -> None:
    """A soft halo behind the bones that carry the highlighted muscle group."""
    if not highlight:
        return
    word = highlight.lower().replace("-", " ").replace("_", " ")
    for key, bones in MUSCLE_LIMBS:
        if key in word:
            glow = QColor(colors.accent)
            glow.setAlphaF(0.35)
            painter.setPen(pen(glow, LEG_W * 2.4))
            for a, b in bones:
                painter.drawLine(qp(j[a]), qp(j[b]))
            return
