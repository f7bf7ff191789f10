"""Colours and small drawing helpers shared by the figure painter and its props."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen

from ptcoach.ui.figure.skeleton import Point


@dataclass(frozen=True)
class FigureColors:
    body: QColor
    far: QColor
    accent: QColor
    accent_far: QColor
    prop_fill: QColor
    prop_line: QColor
    floor: QColor
    joint: QColor
    heat: QColor = field(default_factory=lambda: QColor("#e4572e"))
    ice: QColor = field(default_factory=lambda: QColor("#5aa9e6"))

    @classmethod
    def from_palette(cls, palette: QPalette) -> FigureColors:
        """Colours derived from the widget's palette, so the figure suits light and dark themes."""
        text = palette.color(QPalette.ColorRole.WindowText)
        window = palette.color(QPalette.ColorRole.Window)
        accent = palette.color(QPalette.ColorRole.Highlight)
        if contrast(accent, window) < 1.8:  # a highlight that vanishes on this background
            accent = QColor("#e8762c")
        return cls.from_pair(text, window, accent)

    @classmethod
    def from_pair(cls, text: QColor, window: QColor, accent: QColor) -> FigureColors:
        return cls(
            body=text,
            far=mix(text, window, 0.45),
            accent=accent,
            accent_far=mix(accent, window, 0.4),
            prop_fill=mix(text, window, 0.82),
            prop_line=mix(text, window, 0.5),
            floor=mix(text, window, 0.55),
            joint=mix(window, text, 0.15),
        )


def mix(a: QColor, b: QColor, k: float) -> QColor:
    """a moved a fraction k of the way toward b."""
    return QColor.fromRgbF(
        a.redF() + k * (b.redF() - a.redF()),
        a.greenF() + k * (b.greenF() - a.greenF()),
        a.blueF() + k * (b.blueF() - a.blueF()),
    )


def contrast(a: QColor, b: QColor) -> float:
    def lum(c: QColor) -> float:
        return 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF() + 0.05

    hi, lo = max(lum(a), lum(b)), min(lum(a), lum(b))
    return hi / lo


@contextmanager
def kept_state(painter: QPainter) -> Iterator[None]:
    """Like QPainter.save()/restore(), which leak a reference to None per call in PySide6 6.12
    and crash the interpreter after a few thousand frames."""
    transform, pen, brush = painter.worldTransform(), painter.pen(), painter.brush()
    hints = painter.renderHints()
    try:
        yield
    finally:
        painter.setClipping(False)
        painter.setWorldTransform(transform)
        painter.setPen(pen)
        painter.setBrush(brush)
        painter.setRenderHints(hints)


def pen(color: QColor, width: float) -> QPen:
    pen = QPen(color, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def qp(point: Point) -> QPointF:
    return QPointF(point[0], point[1])


def toward(a: Point, b: Point, k: float) -> Point:
    return (a[0] + k * (b[0] - a[0]), a[1] + k * (b[1] - a[1]))
