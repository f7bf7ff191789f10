"""Props drawn with the figure: walls, boxes, a chair, rollers, balls, straps, heat and ice."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath

from ptcoach.ui.figure.skeleton import Point, Prop
from ptcoach.ui.figure.style import FigureColors, kept_state, pen, qp, toward

FRONT_PROPS = frozenset({"strap", "band", "heat", "ice"})


def prop_extent(prop: Prop) -> list[Point]:
    if prop.kind in ("roller", "ball"):
        return [(prop.x - prop.w, 0.0), (prop.x + prop.w, prop.y + prop.w)]
    if prop.kind in ("wall", "box", "cushion", "towel", "post"):
        return [(prop.x, 0.0), (prop.x + prop.w, prop.h)]
    if prop.kind == "chair":
        return [(prop.x, 0.0), (prop.x + prop.w, prop.y)]
    if prop.kind == "band":
        return [(prop.x, prop.y)]
    return []


def draw_prop(painter: QPainter, prop: Prop, j: dict[str, Point], colors: FigureColors) -> None:
    painter.setPen(pen(colors.prop_line, 2.0))
    painter.setBrush(colors.prop_fill)
    kind = prop.kind
    if kind in ("box", "cushion", "towel", "post"):
        radius = {"box": 2.0, "cushion": 2.5, "towel": 1.5, "post": 2.0}[kind]
        painter.drawRoundedRect(QRectF(prop.x, 0, prop.w, prop.h), radius, radius)
    elif kind == "wall":
        _wall(painter, prop, colors)
    elif kind == "chair":
        _chair(painter, prop)
    elif kind in ("roller", "ball"):
        painter.drawEllipse(QPointF(prop.x, prop.y), prop.w, prop.w)
        painter.drawEllipse(QPointF(prop.x, prop.y), prop.w * 0.35, prop.w * 0.35)
    elif kind == "strap":
        painter.setPen(pen(colors.prop_line, 3.0))
        painter.drawLine(qp(j[prop.a]), qp(j[prop.b]))
    elif kind == "band":
        painter.setPen(pen(colors.prop_line, 3.0))
        painter.drawLine(qp(j[prop.a]), QPointF(prop.x, prop.y))
    elif kind in ("heat", "ice"):
        _pack(painter, prop, j, colors)


def _wall(painter: QPainter, prop: Prop, colors: FigureColors) -> None:
    """A wall whose face is at x; w (signed) is how far it extends past the face."""
    rect = QRectF(prop.x, 0, prop.w, prop.h).normalized()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colors.prop_fill)
    painter.drawRect(rect)
    # Hatching says "solid wall"; whole strokes only, since SVG output ignores clipping.
    painter.setPen(pen(colors.prop_line, 1.2))
    y = rect.width() + 2.0
    while y < rect.height():
        painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y - rect.width()))
        y += 10.0
    painter.setPen(pen(colors.prop_line, 2.5))
    painter.drawLine(QPointF(prop.x, 0), QPointF(prop.x, prop.h))


def _chair(painter: QPainter, prop: Prop) -> None:
    seat = QRectF(prop.x, prop.h - 5, prop.w, 5)
    painter.drawRoundedRect(seat, 1.5, 1.5)
    painter.drawRoundedRect(QRectF(prop.x, prop.h, 5, prop.y - prop.h), 1.5, 1.5)
    painter.drawLine(QPointF(prop.x + 3, prop.h - 5), QPointF(prop.x + 3, 0))
    painter.drawLine(QPointF(prop.x + prop.w - 3, prop.h - 5), QPointF(prop.x + prop.w - 3, 0))


def _pack(painter: QPainter, prop: Prop, j: dict[str, Point], colors: FigureColors) -> None:
    """A heat pack (red, with rising waves) or an ice pack (blue, with a snowflake) on a bone."""
    a, b = j[prop.a], j[prop.b]
    centre = toward(a, b, prop.x)
    angle = math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))
    color = colors.heat if prop.kind == "heat" else colors.ice
    with kept_state(painter):
        painter.translate(qp(centre))
        painter.rotate(angle)
        painter.setPen(pen(color.darker(140), 1.5))
        painter.setBrush(QBrush(color))
        painter.drawRoundedRect(QRectF(-prop.w / 2, -prop.h / 2, prop.w, prop.h), 4, 4)
        if prop.kind == "heat":
            painter.setPen(pen(color, 1.8))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for dx in (-8.0, 0.0, 8.0):
                top = prop.h / 2
                wave = QPainterPath(QPointF(dx, top + 3))
                wave.cubicTo(
                    QPointF(dx + 4, top + 7), QPointF(dx - 4, top + 10), QPointF(dx, top + 14)
                )
                painter.drawPath(wave)
        else:
            painter.setPen(pen(QColor("white"), 1.6))
            for k in range(3):
                rad = math.radians(60 * k)
                dx, dy = 4.5 * math.cos(rad), 4.5 * math.sin(rad)
                painter.drawLine(QPointF(-dx, -dy), QPointF(dx, dy))
