"""The session view's camera indicator: a drawn red camera and "Camera on" whenever the camera
is on (so the runner always knows it is watching), the camera's count, the last form cue (for
a moment), or the one line saying why the camera is off."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPixmap, QPolygonF
from PySide6.QtWidgets import QWidget

from ptcoach.ui.look.status_line import ICON_PX, LIVE, StatusLine, icon_canvas

SHOW_CUE_MS = 3500


def camera_pixmap(px: int, colour: str) -> QPixmap:
    pm, p = icon_canvas(px)
    c = QColor(colour)
    p.setBrush(c)
    p.setPen(Qt.PenStyle.NoPen)
    p.drawRoundedRect(QRectF(px * 0.04, px * 0.26, px * 0.62, px * 0.48), px * 0.08, px * 0.08)
    lens = QPolygonF()
    for x, y in ((0.66, 0.42), (0.96, 0.24), (0.96, 0.76), (0.66, 0.58)):
        lens.append(QRectF(px * x, px * y, 0, 0).topLeft())
    p.drawPolygon(lens)
    p.end()
    return pm


class CameraIndicator(StatusLine):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("camera", camera_pixmap(ICON_PX, LIVE), parent)
        self.on = False
        self._note = ""
        self._count = ""

    def set_on(self, on: bool, note: str = "") -> None:
        """On: the camera is capturing. `note`: one line saying why it is not (or "")."""
        self.on = on
        self._note = note
        if not on:
            self._count = ""
        self._show()

    def set_count(self, text: str) -> None:
        """What the camera counted or timed in this set ("3 / 10")."""
        self._count = text
        self._show()

    def show_cue(self, text: str) -> None:
        """A form cue, shown for a few seconds."""
        self.show_for(text, SHOW_CUE_MS)

    def steady(self) -> tuple[str, bool] | None:
        if self.on:
            text = self.tr("Camera on")
            return (f"{text} · {self._count}" if self._count else text), True
        return (self._note, False) if self._note else None

    def help_text(self) -> str:
        return self.tr("Camera coach (Preferences turn it on or off)")
