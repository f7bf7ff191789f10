"""The session view's microphone indicator: a small drawn microphone and "Listening" while voice
commands are on, the command just taken (for a moment), the stop question, or why listening is
off. (Drawn, not an emoji: many desktops have no emoji font.)"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPen, QPixmap
from PySide6.QtWidgets import QWidget

from ptcoach.ui.look.status_line import ICON_PX, LIVE, StatusLine, icon_canvas

SHOW_COMMAND_MS = 1800


def microphone_pixmap(px: int, colour: str) -> QPixmap:
    pm, p = icon_canvas(px)
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


class VoiceIndicator(StatusLine):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("voice", microphone_pixmap(ICON_PX, LIVE), parent)
        self.listening = False
        self._note = ""

    def set_listening(self, on: bool, note: str = "") -> None:
        """On: the microphone is open. `note`: one line saying why it is not (or "")."""
        self.listening = on
        self._note = note
        self._show()

    def show_command(self, name: str) -> None:
        """The command just taken, shown briefly, then back to "Listening"."""
        self.show_for(self.tr("“{0}”").format(name), SHOW_COMMAND_MS)

    def ask(self, text: str) -> None:
        """A question that waits for a spoken answer ("Say “yes” to stop")."""
        self.hold(text)

    def steady(self) -> tuple[str, bool] | None:
        if self.listening:
            return self.tr("Listening"), True
        return (self._note, False) if self._note else None

    def help_text(self) -> str:
        return self.tr("Voice commands (key: V)")
