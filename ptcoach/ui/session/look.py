"""The phase banner's and the big number's colours, and the brief flash a cue gives them
(issue 4: a visual cue for runners who cannot hear or have no sound)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from ptcoach.ui.look import theme

FLASH_MS = 150  # long enough to catch the eye from the mat, short enough not to linger


class BannerPainter(QObject):
    """Paints `banner` and `number` in the phase colour, inverted while a cue flashes."""

    def __init__(self, banner: QWidget, number: QWidget) -> None:
        super().__init__(banner)
        self.banner, self.number = banner, number
        self.colour = "#888888"
        self.dark: bool | None = None  # the theme the colour belongs to (None: the banner's)
        self.kind: str | None = None  # the flashing cue's kind, None when not flashing
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FLASH_MS)
        self._timer.timeout.connect(self._on_timeout)

    def set_colour(self, colour: str, dark: bool | None = None) -> None:
        """The phase colour, and whether it is the dark theme's (its text colour follows)."""
        if colour != self.colour or dark != self.dark or not self.banner.styleSheet():
            self.colour, self.dark = colour, dark
            self._paint()  # only on a change: restyling on every tick is not free

    def flash(self, kind: str) -> None:
        """ "tone" (ticks, beeps) lights the big number; anything else (spoken cues) the banner
        too. Never blocks: a single-shot timer ends it, and a new cue restarts it."""
        self.kind = kind
        self._paint()
        self._timer.start()

    @property
    def flashing(self) -> bool:
        return self.kind is not None

    def _on_timeout(self) -> None:
        self.kind = None
        self._paint()

    def _paint(self) -> None:
        dark = self.dark if self.dark is not None else theme.is_dark(self.banner.palette())
        colour, text = self.colour, theme.phase_text_color(dark).name()
        banner_bg, banner_fg = colour, text
        number = f"color: {colour};"
        if self.kind is not None:
            number = f"color: {text}; background: {colour}; border-radius: 12px;"
            if self.kind != "tone":
                banner_bg, banner_fg = text, colour
        self.banner.setStyleSheet(
            f"#phaseBanner {{ background: {banner_bg}; border-radius: 8px; }}"
            f" #phaseBanner QLabel {{ color: {banner_fg}; }}"
        )
        self.number.setStyleSheet(number)
