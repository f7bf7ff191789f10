"""Every widget's look lives in the theme's one style sheet (issue 15): no widget sets a style
sheet of its own, marked widgets get their text sizes from it, and a live theme switch
recolours what used to keep the old theme's colours (the phase banner, the warnings)."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest
from factories import exercise, routine
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QHeaderView, QLabel, QPushButton, QWidget
from test_ui_session_window import open_window
from test_ui_theme import NORMAL_TEXT, contrast

from ptcoach.catalog.model import Targets
from ptcoach.engine.plan import expand
from ptcoach.ui.look import theme
from ptcoach.ui.settings import GROUP, AppSettings, TextSize, Theme

ROOT = Path(__file__).resolve().parents[1]
# Where a setStyleSheet call may stay, and why.
ALLOWED = {
    "ptcoach/ui/look/theme.py": "applies the application's one style sheet",
}


def style_sheet_calls() -> dict[str, list[int]]:
    """Every `.setStyleSheet(...)` call in the package: file -> line numbers."""
    found: dict[str, list[int]] = {}
    for path in sorted((ROOT / "ptcoach").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "setStyleSheet"
            ):
                found.setdefault(path.relative_to(ROOT).as_posix(), []).append(node.lineno)
    return found


def test_no_widget_sets_a_style_sheet_of_its_own():
    found = style_sheet_calls()
    assert "ptcoach/ui/look/theme.py" in found  # the scan sees the one call that must be
    stray = {path: lines for path, lines in found.items() if path not in ALLOWED}
    assert stray == {}, "move these looks into ptcoach/ui/look/theme.py"


def test_an_unknown_text_role_is_refused_by_name(qapp):
    with pytest.raises(ValueError, match="unknown text role 'huge'; known: note, message"):
        theme.text_role(QLabel(), "huge")


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_the_colours_the_theme_keeps_for_both_themes_read_at_aa(dark):
    white = QColor("white")
    assert contrast(white, QColor(theme._ACCEPTED)) >= NORMAL_TEXT
    assert contrast(white, QColor(theme._DISMISSED)) >= NORMAL_TEXT
    assert contrast(QColor(theme._THERAPIST_TEXT), QColor(theme._THERAPIST_BACK)) >= NORMAL_TEXT


def plan():
    return expand(routine((exercise("clam"), Targets(sets=1, reps=3, rest_s=0)), lead_in_s=5))


@pytest.fixture
def session(qtbot):
    window, driver, _clock = open_window(qtbot, plan())
    yield window, driver
    driver.stop()
    window.close()
    window.deleteLater()


def colours(widget: QWidget) -> Counter[str]:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    return Counter(
        QColor(image.pixel(x, y)).name()
        for y in range(image.height())
        for x in range(image.width())
    )


def font_px(widget: QWidget) -> tuple[int, bool]:
    font = widget.font()
    return font.pixelSize(), font.bold()


def test_marked_widgets_take_their_text_size_from_the_theme(qtbot, session, make_app):
    window, driver = session
    assert font_px(window.findChild(QPushButton, "startButton")) == (18, True)
    assert font_px(window.findChild(QPushButton, "stopButton")) == (18, True)
    assert font_px(window.view.instructions) == (20, False)
    assert font_px(window.findChild(QLabel, "painNowLabel")) == (16, False)
    driver.start()
    driver.stop()  # the summary
    table = window.summary.table
    table.grab()
    # ...and what they hold: the summary table's header as well as its cells.
    assert font_px(table) == (18, False)
    assert font_px(table.findChild(QHeaderView)) == (18, False)
    assert font_px(window.summary.done_button) == (18, True)
    home = make_app().shell.home
    assert font_px(home.start_button) == (20, True)


@pytest.mark.parametrize("size", [TextSize.LARGE, TextSize.EXTRA_LARGE])
def test_the_text_size_scales_the_marked_text_and_normal_brings_it_back(
    qtbot, restore_theme, session, size
):
    """A runner who asks for larger text gets it in the session too: its instructions and
    buttons, not only the menus and lists (they had fixed pixel sizes)."""
    app = restore_theme
    window, _ = session
    start = window.findChild(QPushButton, "startButton")
    pain = window.findChild(QLabel, "painNowLabel")
    theme.apply(app, AppSettings(theme=Theme.LIGHT, text_size=size))
    scale = size.scale
    assert font_px(start) == (round(18 * scale), True)
    assert font_px(window.view.instructions) == (round(20 * scale), False)
    assert font_px(pain) == (round(16 * scale), False)
    assert font_px(window.view.pain_now.button(7)) == (round(16 * scale), False)
    assert f"font-size: {round(12 * scale)}pt" in app.styleSheet()  # Learn's page
    theme.apply(app, AppSettings(theme=Theme.LIGHT, text_size=TextSize.NORMAL))
    assert font_px(start) == (18, True)
    assert font_px(window.view.instructions) == (20, False)
    # The sheet applied later (`ptcoach run` paints before it) keeps the text size.
    theme.apply(app, AppSettings(theme=Theme.LIGHT, text_size=size), sheet=False)
    theme.apply_sheet(app, size.scale)
    assert font_px(start) == (round(18 * scale), True)


def test_the_voice_line_turns_bold_for_a_command_and_back(qtbot, session):
    from ptcoach.ui.voice.indicator import SHOW_COMMAND_MS, VoiceIndicator

    window, _ = session
    indicator = window.view.findChild(VoiceIndicator)
    label = indicator.findChild(QLabel, "voiceLabel")
    indicator.set_listening(True)
    assert font_px(label) == (20, False)
    indicator.show_command("next")
    assert font_px(label) == (20, True)
    qtbot.waitUntil(lambda: label.text() == "Listening", timeout=SHOW_COMMAND_MS + 3000)
    assert font_px(label) == (20, False)


def test_a_live_switch_recolours_the_phase_banner_and_keeps_the_number_size(
    qtbot, restore_theme, session
):
    app = restore_theme
    theme.apply(app, AppSettings(theme=Theme.LIGHT))
    window, driver = session
    driver.start()  # get ready: the banner in the get-ready colour
    qtbot.wait(30)
    view = window.view
    light = theme.phase_colors(False)["get_ready"].name()
    dark = theme.phase_colors(True)["get_ready"].name()
    assert colours(view.banner)[light] > view.banner.width() * 10
    number_px = view.big_label.font().pixelSize()
    theme.apply(app, AppSettings(theme=Theme.DARK))
    qtbot.wait(30)
    banner = colours(view.banner)
    assert banner[dark] > view.banner.width() * 10  # the dark theme's colour...
    assert banner[light] == 0  # ...and none of the light one's
    number = colours(view.big_label)
    assert number[dark] > 100 and number[light] == 0
    assert view.big_label.font().pixelSize() == number_px  # restyling kept the fitted size


def test_a_live_switch_recolours_the_preferences_warning(qtbot, tmp_path, restore_theme):
    from PySide6.QtCore import QSettings

    from ptcoach.ui.preferences import PreferencesDialog

    app = restore_theme
    theme.apply(app, AppSettings(theme=Theme.LIGHT))
    settings = QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat)
    settings.setValue(f"{GROUP}/theme", "purple")  # impossible: the dialog says so in red
    dialog = PreferencesDialog(settings, data_path=tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    label = dialog.findChild(QLabel, "preferencesProblemsLabel")
    qtbot.wait(30)
    assert colours(label)[theme._WARNING[False]] >= 10
    theme.apply(app, AppSettings(theme=Theme.DARK))
    qtbot.wait(30)
    seen = colours(label)
    assert seen[theme._WARNING[True]] >= 10  # the dark theme's warning colour...
    assert seen[theme._WARNING[False]] == 0  # ...and none of the light one's


def test_a_live_switch_recolours_the_links_on_a_learn_page(qtbot, restore_theme):
    """The page's links take the palette's colour when it is parsed; under the style sheet a
    theme switch reaches the view as PaletteChange, and the page is parsed again."""
    from ptcoach.catalog.learn import Learn
    from ptcoach.ui.learn_view import LearnView

    app = restore_theme
    theme.apply(app, AppSettings(theme=Theme.LIGHT))
    view = LearnView(Learn.load())
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    qtbot.wait(30)
    light, dark = theme.LIGHT[theme.Role.Link], theme.DARK[theme.Role.Link]
    assert colours(view.browser.viewport())[light] >= 10
    theme.apply(app, AppSettings(theme=Theme.DARK))
    qtbot.wait(30)
    seen = colours(view.browser.viewport())
    assert seen[dark] >= 10  # the dark theme's link colour...
    assert seen[light] == 0  # ...and none of the light one's
