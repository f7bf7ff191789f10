"""A one-line label whose font shrinks so its text always fits its width, never clipped."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class FitLabel(QLabel):
    """Shows text at `max_px` pixels, or smaller when the text would not fit the width."""

    def __init__(
        self,
        max_px: int = 24,
        *,
        bold: bool = False,
        min_px: int = 9,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # Plain text: these labels show exercise names and "next" lines from routine files.
        self.setProperty("textFormat", 0)  # Qt.TextFormat.PlainText (`Qt` costs ~15 ms)
        self._max_px = max_px
        self._min_px = min_px
        self._bold = bold
        # Ignored: the text never forces the window wider; the font adapts instead.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._fit()

    def set_max_px(self, px: int) -> None:
        if px != self._max_px:
            self._max_px = px
            self._fit()

    def setText(self, text: str) -> None:
        if text != self.text():
            super().setText(text)
            self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # Restyling (a theme switch, a phase or flash change) puts back the font the label had
        # when first styled: fit again. _fit sets the font only when it differs, so this ends.
        if event.type() == QEvent.Type.FontChange:
            self._fit()

    def _fit(self) -> None:
        font = QFont(self.font())
        font.setBold(self._bold)
        width = self.contentsRect().width() - 2 * self.margin() - 2
        px = self._max_px
        text = self.text()
        while px > self._min_px and text:
            font.setPixelSize(px)
            if QFontMetrics(font).horizontalAdvance(text) <= width:
                break
            px = max(self._min_px, int(px * 0.92))
        font.setPixelSize(px)
        if font != self.font():
            self.setFont(font)
        self.setMinimumHeight(QFontMetrics(font).height())
