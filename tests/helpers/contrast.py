"""Test helper: the contrast of text as drawn (issue 14). Grab the window, crop to a widget,
take the most common colour as the background and the strongest colour the text was drawn in
(a colour of at least a few pixels, so no lone anti-aliasing pixel decides), and compare the
two by WCAG's formula. What counts is what was painted, not what a palette says."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from helpers.tab_walk import contrast, visible_rect
from PySide6.QtGui import QColor, QFontInfo, QImage
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

MIN_PIXELS = 2  # a colour drawn in fewer pixels than this is noise, not the text
NORMAL, LARGE = 4.5, 3.0  # WCAG AA; large is 24 px, or 18.66 px bold


@dataclass(frozen=True)
class Reading:
    widget: str
    text: str
    ratio: float
    needed: float
    fg: str
    bg: str

    def __str__(self) -> str:
        return (
            f"{self.widget} {self.text[:30]!r}: {self.ratio:.2f}:1 ({self.fg} on {self.bg})"
            f", needs {self.needed}:1"
        )


def measure(image: QImage) -> tuple[float, str, str]:
    """(contrast, text colour, background colour) of the pixels of `image`."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    counts: Counter[int] = Counter()
    for y in range(image.height()):
        for x in range(image.width()):
            counts[image.pixel(x, y) & 0xFFFFFF] += 1
    if not counts:
        return 21.0, "", ""
    bg_rgb, _ = counts.most_common(1)[0]
    bg = QColor(bg_rgb)
    best, fg = 1.0, bg
    for rgb, n in counts.items():
        if n < MIN_PIXELS or rgb == bg_rgb:
            continue
        c = QColor(rgb)
        ratio = contrast(c, bg)
        if ratio > best:
            best, fg = ratio, c
    return best, fg.name(), bg.name()


def needed(widget: QWidget) -> float:
    info = QFontInfo(widget.font())
    px = info.pixelSize()
    large = px >= 24 or (info.bold() and px >= 19)
    return LARGE if large else NORMAL


def text_of(widget: QWidget) -> str:
    if isinstance(widget, QLabel) and widget.pixmap().isNull():
        return widget.text()
    if isinstance(widget, QAbstractButton):
        return widget.text()
    return ""


def readings(window: QWidget) -> list[Reading]:
    """Every visible, enabled label and button with text in `window`, as drawn."""
    full = window.grab()
    dpr = full.devicePixelRatio()
    image = full.toImage()
    found = []
    for widget in window.findChildren(QWidget):
        text = text_of(widget).strip()
        if not text or not widget.isVisible() or not widget.isEnabled():
            continue
        if widget.window() is not window:  # a dialog parented to it: a window of its own
            continue
        rect = visible_rect(window, widget)
        if rect.width() < 6 or rect.height() < 6:
            continue
        crop = image.copy(
            round(rect.x() * dpr),
            round(rect.y() * dpr),
            round(rect.width() * dpr),
            round(rect.height() * dpr),
        )
        ratio, fg, bg = measure(crop)
        name = widget.objectName() or type(widget).__name__
        found.append(Reading(name, text, ratio, needed(widget), fg, bg))
    return found


def failures(window: QWidget) -> list[str]:
    return [str(r) for r in readings(window) if r.ratio + 0.005 < r.needed]
