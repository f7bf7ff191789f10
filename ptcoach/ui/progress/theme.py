"""Colours for the charts: the Okabe-Ito palette (safe for colour-blind eyes), with shades
picked for the light or dark theme the window is using."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

from ptcoach.ui.look.theme import is_dark

# Okabe & Ito (2008), "Color Universal Design".
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
BLUISH_GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
REDDISH_PURPLE = "#CC79A7"


@dataclass(frozen=True)
class ChartTheme:
    background: str
    foreground: str  # axes, text and the plan line
    grid_alpha: float
    met: str  # weeks that met the plan, the "best set" line
    short: str  # weeks short of the plan
    unplanned: str  # weeks with no plan
    pain: str
    pain_before: str
    effort: str
    total: str  # an exercise's daily total
    heat_low: str  # a day with nothing done
    heat_high: str  # a day with a full session or more
    dark: bool


def chart_theme(widget: QWidget) -> ChartTheme:
    """The theme matching `widget`'s palette (dark when its window colour is dark)."""
    palette = widget.palette()
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    dark = is_dark(palette)
    # On a dark background the deep blue is too dim: use the sky blue there.
    main = SKY_BLUE if dark else BLUE
    empty = QColor(base).lighter(160) if dark else QColor(base).darker(112)
    return ChartTheme(
        background=base.name(),
        foreground=text.name(),
        grid_alpha=0.25 if dark else 0.15,
        met=main,
        short=ORANGE,
        unplanned="#888888",
        pain=VERMILLION,
        pain_before=ORANGE,
        effort=main,
        total=REDDISH_PURPLE,
        heat_low=empty.name(),
        heat_high=main,
        dark=dark,
    )
