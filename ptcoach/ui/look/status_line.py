"""An icon and one line of text in the session view (the microphone's and the camera's), hidden
when there is nothing to say. A message of the moment (`show_for`) wins over the steady line
until it times out."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ptcoach.ui.look import theme

ICON_PX = 22
LIVE = "#c62828"  # on: red, as recording marks are


def icon_canvas(px: int) -> tuple[QPixmap, QPainter]:
    """A transparent, sharp-on-high-DPI pixmap of `px` logical pixels and a painter on it
    (antialiased; the caller draws, then ends the painter)."""
    dpr = 2.0
    pm = QPixmap(int(px * dpr), int(px * dpr))
    pm.setDevicePixelRatio(dpr)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    return pm, p


class StatusLine(QWidget):
    def __init__(self, name: str, icon: QPixmap, parent: QWidget | None = None) -> None:
        """`name`: the object names' stem ("voice": voiceIndicator, voiceIcon, voiceLabel)."""
        super().__init__(parent)
        self.setObjectName(f"{name}Indicator")
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 0, 6, 0)
        row.setSpacing(4)
        self.icon = QLabel(self)
        self.icon.setObjectName(f"{name}Icon")
        self.icon.setPixmap(icon)
        self.label = QLabel(self)
        self.label.setObjectName(f"{name}Label")
        row.addWidget(self.icon)
        row.addWidget(self.label)
        self._moment = QTimer(self)
        self._moment.setSingleShot(True)
        self._moment.timeout.connect(self._show)
        self.hide()

    def text(self) -> str:
        return self.label.text()

    # What the subclass says: its steady line, and the tooltip.
    def steady(self) -> tuple[str, bool] | None:
        """(text, whether the icon shows), or None to hide."""
        raise NotImplementedError

    def help_text(self) -> str:
        raise NotImplementedError

    def show_for(self, text: str, ms: int) -> None:
        """`text` in bold for `ms`, then the steady line again."""
        self._set(text, bold=True, icon=True)
        self._moment.start(ms)

    def hold(self, text: str) -> None:
        """`text` in bold until the next steady change."""
        self._moment.stop()
        self._set(text, bold=True, icon=True)

    def _show(self) -> None:
        if self._moment.isActive():
            return
        line = self.steady()
        if line is None:
            self.label.clear()
            self.hide()
        else:
            self._set(line[0], icon=line[1])

    def _set(self, text: str, *, bold: bool = False, icon: bool) -> None:
        self.label.setText(text)
        self.setAccessibleName(text)
        self.setToolTip(self.help_text())
        theme.restyle(self.label, **{theme.TEXT_ROLE: "readingBold" if bold else "reading"})
        self.icon.setVisible(icon)
        self.show()
