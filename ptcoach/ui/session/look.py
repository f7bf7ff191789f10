"""The phase banner's and the big number's colours, and the brief flash a cue gives them
(issue 4: a visual cue for runners who cannot hear or have no sound).

The colours are the theme's (`theme.phase_style`): this only says which phase is shown and
whether a cue flashes, as properties the application's style sheet matches on, so a live
theme switch recolours the banner too."""

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
        self.phase = ""  # a key of theme.phase_colors(); "" before the first
        self.kind: str | None = None  # the flashing cue's kind, None when not flashing
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FLASH_MS)
        self._timer.timeout.connect(self._on_timeout)

    def set_phase(self, phase: str) -> None:
        """The phase whose colour to show (get_ready, work, hold, rest, switch, idle)."""
        self.phase = phase
        self._paint()  # restyles only on a change: restyling on every tick is not free

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
        spoken = self.kind is not None and self.kind != "tone"
        theme.restyle(self.banner, phase=self.phase, flash=spoken)
        theme.restyle(self.number, phase=self.phase, flash=self.kind is not None)
