"""The session view's camera indicator: a drawn red camera and "Camera on" whenever the camera
is on (so the runner always knows it is watching), the camera's count, the last form cue (for
a moment), or the one line saying why the camera is off."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPixmap, QPolygonF
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ptcoach.ui.look import theme

SHOW_CUE_MS = 3500
ICON_PX = 22
LIVE = "#c62828"  # red, as recording marks are


def camera_pixmap(px: int, colour: str) -> QPixmap:
    dpr = 2.0
    pm = QPixmap(int(px * dpr), int(px * dpr))
    pm.setDevicePixelRatio(dpr)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
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


class CameraIndicator(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cameraIndicator")
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 0, 6, 0)
        row.setSpacing(4)
        self.icon = QLabel(self)
        self.icon.setObjectName("cameraIcon")
        self.icon.setPixmap(camera_pixmap(ICON_PX, LIVE))
        self.label = QLabel(self)
        self.label.setObjectName("cameraLabel")
        row.addWidget(self.icon)
        row.addWidget(self.label)
        self.on = False
        self._note = ""
        self._count = ""
        self._cue = QTimer(self)
        self._cue.setSingleShot(True)
        self._cue.timeout.connect(self._show)
        self.hide()

    def text(self) -> str:
        return self.label.text()

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
        self._set(text, bold=True, icon=True)
        self._cue.start(SHOW_CUE_MS)

    def _show(self) -> None:
        if self._cue.isActive():
            return
        if self.on:
            text = self.tr("Camera on")
            if self._count:
                text += f" · {self._count}"
            self._set(text, icon=True)
        elif self._note:
            self._set(self._note, icon=False)
        else:
            self.label.clear()
            self.hide()

    def _set(self, text: str, *, bold: bool = False, icon: bool) -> None:
        self.label.setText(text)
        self.setAccessibleName(text)
        self.setToolTip(self.tr("Camera coach (Preferences turn it on or off)"))
        theme.restyle(self.label, **{theme.TEXT_ROLE: "readingBold" if bold else "reading"})
        self.icon.setVisible(icon)
        self.show()
