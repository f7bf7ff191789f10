"""Both palettes and the phase colours meet WCAG AA, computed with the relative-luminance
formula; applying a theme and a text size switches cleanly back and forth."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from ptcoach.ui.look import theme
from ptcoach.ui.settings import AppSettings, TextSize, Theme

NORMAL_TEXT = 4.5
LARGE_TEXT = 3.0  # 24 px, or 18.7 px bold, and up: the big number, the phase word
NON_TEXT = 3.0  # outlines and focus rings (WCAG 1.4.11)


def luminance(color: QColor) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""

    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.red())
        + 0.7152 * channel(color.green())
        + 0.0722 * channel(color.blue())
    )


def contrast(a: QColor, b: QColor) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_the_contrast_formula_matches_known_values():
    assert contrast(QColor("black"), QColor("white")) == pytest.approx(21.0)
    assert contrast(QColor("#777777"), QColor("white")) == pytest.approx(4.48, abs=0.01)
    assert contrast(QColor("#767676"), QColor("white")) == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("group", [QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive])
def test_every_text_pair_of_the_palette_reaches_4_5(dark, group):
    pal = theme.palette(dark)
    low = {
        (fg.name, bg.name): round(contrast(pal.color(group, fg), pal.color(group, bg)), 2)
        for fg, bg in theme.TEXT_PAIRS
    }
    assert {pair: r for pair, r in low.items() if r < NORMAL_TEXT} == {}


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_disabled_text_is_still_readable(dark):
    pal = theme.palette(dark)
    disabled = QPalette.ColorGroup.Disabled
    for fg, bg in (
        (theme.Role.WindowText, theme.Role.Window),
        (theme.Role.Text, theme.Role.Base),
        (theme.Role.ButtonText, theme.Role.Button),
    ):
        assert contrast(pal.color(disabled, fg), pal.color(disabled, bg)) >= NORMAL_TEXT, fg.name


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_phase_banners_are_readable_and_big_numbers_stand_out(dark):
    pal = theme.palette(dark)
    colors = theme.phase_colors(dark)
    assert set(colors) == {"get_ready", "work", "hold", "rest", "switch", "idle"}
    banner_text = theme.phase_text_color(dark)
    for name, color in colors.items():
        # The banner's "next" line is 22 px normal text: the strict threshold applies.
        assert contrast(banner_text, color) >= NORMAL_TEXT, name
        # The big number is drawn in the phase colour on the window (and on a base, if placed
        # in a panel); it is huge, yet it keeps 4.5:1 for readers from across the room.
        for bg in (theme.Role.Window, theme.Role.Base):
            assert contrast(color, pal.color(bg)) >= LARGE_TEXT, (name, bg.name)
            assert contrast(color, pal.color(bg)) >= NORMAL_TEXT, (name, bg.name)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_warnings_focus_rings_and_check_box_outlines_are_visible(dark):
    pal = theme.palette(dark)
    for bg in (theme.Role.Window, theme.Role.Base):
        assert contrast(theme.warning_color(dark), pal.color(bg)) >= NORMAL_TEXT
        assert contrast(pal.color(theme.Role.Highlight), pal.color(bg)) >= NON_TEXT
        assert contrast(QColor(theme._EDGE[dark]), pal.color(bg)) >= NON_TEXT


def test_phase_colours_differ_between_the_themes_and_within_one():
    for dark in (False, True):
        names = [c.name() for c in theme.phase_colors(dark).values()]
        assert len(set(names)) == len(names)
    assert theme.phase_colors(False)["work"] != theme.phase_colors(True)["work"]


@pytest.fixture
def restore_look(qapp):
    palette, font, sheet = qapp.palette(), qapp.font(), qapp.styleSheet()
    yield qapp
    qapp.setPalette(palette)
    qapp.setFont(font)
    qapp.setStyleSheet(sheet)
    qapp.setProperty("ptcoach_base_font", None)
    qapp.styleHints().unsetColorScheme()


def test_applying_themes_switches_the_palette_both_ways(restore_look):
    app = restore_look
    theme.apply(app, AppSettings(theme=Theme.DARK))
    assert theme.is_dark()
    assert QApplication.palette().color(theme.Role.Text).name() == theme.DARK[theme.Role.Text]
    assert "QCheckBox::indicator" in app.styleSheet() and ":focus" in app.styleSheet()
    theme.apply(app, AppSettings(theme=Theme.LIGHT))
    assert not theme.is_dark()
    assert QApplication.palette().color(theme.Role.Window).name() == theme.LIGHT[theme.Role.Window]
    theme.apply(app, AppSettings(theme=Theme.SYSTEM))
    assert QApplication.palette().color(theme.Role.Window).name() != theme.DARK[theme.Role.Window]


def test_text_size_scales_from_the_original_font_and_never_compounds(restore_look):
    app = restore_look
    original = QApplication.font().pointSizeF()
    for _ in range(3):
        theme.apply(app, AppSettings(text_size=TextSize.LARGE))
    assert QApplication.font().pointSizeF() == pytest.approx(original * 1.25)
    theme.apply(app, AppSettings(text_size=TextSize.EXTRA_LARGE))
    assert QApplication.font().pointSizeF() == pytest.approx(original * 1.5)
    theme.apply(app, AppSettings(text_size=TextSize.NORMAL))
    assert QApplication.font().pointSizeF() == pytest.approx(original)
