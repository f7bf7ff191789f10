"""The session view's microphone indicator: a small drawn microphone and "Listening" while voice
commands are on, the command just taken (for a moment), the stop question, or why listening is
off. (Drawn, not an emoji: many desktops have no emoji font.)"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ptcoach.ui.look import theme

SHOW_COMMAND_MS = 1800
ICON_PX = 22
LIVE = "#c62828"  # the microphone is open: red, as recording marks are


def microphone_pixmap(px: int, colour: str) -> QPixmap:
    dpr = 2.0
    pm = QPixmap(int(px * dpr), int(px * dpr))
    pm.setDevicePixelRatio(dpr)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    c = QColor(colour)
    p.setBrush(c)
    p.setPen(Qt.PenStyle.NoPen)
    w = px * 0.36
    p.drawRoundedRect(QRectF((px - w) / 2, px * 0.06, w, px * 0.56), w / 2, w / 2)
    pen = QPen(c, max(1.5, px * 0.08))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    arc = QRectF(px * 0.2, px * 0.22, px * 0.6, px * 0.52)
    p.drawArc(arc, 180 * 16, 180 * 16)
    p.drawLine(int(px / 2), int(px * 0.74), int(px / 2), int(px * 0.9))
    p.drawLine(int(px * 0.32), int(px * 0.92), int(px * 0.68), int(px * 0.92))
    p.end()
    return pm


class VoiceIndicator(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("voiceIndicator")
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 0, 6, 0)
        row.setSpacing(4)
        self.icon = QLabel(self)
        self.icon.setObjectName("voiceIcon")
        self.icon.setPixmap(microphone_pixmap(ICON_PX, LIVE))
        self.label = QLabel(self)
        self.label.setObjectName("voiceLabel")
        row.addWidget(self.icon)
        row.addWidget(self.label)
        self.listening = False
        self._note = ""
        self._flash = QTimer(self)
        self._flash.setSingleShot(True)
        self._flash.timeout.connect(self._show)
        self.hide()

    def text(self) -> str:
        return self.label.text()

    def set_listening(self, on: bool, note: str = "") -> None:
        """On: the microphone is open. `note`: one line saying why it is not (or "")."""
        self.listening = on
        self._note = note
        self._show()

    def show_command(self, name: str) -> None:
        """The command just taken, shown briefly, then back to "Listening"."""
        self._set(self.tr("“{0}”").format(name), bold=True, icon=True)
        self._flash.start(SHOW_COMMAND_MS)

    def ask(self, text: str) -> None:
        """A question that waits for a spoken answer ("Say “yes” to stop")."""
        self._flash.stop()
        self._set(text, bold=True, icon=True)

    def _show(self) -> None:
        if self._flash.isActive():
            return
        if self.listening:
            self._set(self.tr("Listening"), icon=True)
        elif self._note:
            self._set(self._note, icon=False)
        else:
            self.label.clear()
            self.hide()

    def _set(self, text: str, *, bold: bool = False, icon: bool) -> None:
        self.label.setText(text)
        self.setAccessibleName(text)
        self.setToolTip(self.tr("Voice commands (key: V)"))
        theme.restyle(self.label, **{theme.TEXT_ROLE: "readingBold" if bold else "reading"})
        self.icon.setVisible(icon)
        self.show()
