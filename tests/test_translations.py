"""The translation pipeline end to end: the catalogue holds every string under the context the
code looks it up in (PySide's `tr` asks the object's class, then each base class), it is up to
date with the code, and a pseudo-locale compiled from it visibly alters every window."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QWidget

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import translations  # noqa: E402  (scripts/translations.py)

from ptcoach.ui.look import i18n  # noqa: E402


class Recorder(QTranslator):
    """Translates nothing; remembers every (context, source) the app asks for."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: dict[str, set[str]] = {}

    def translate(self, context, source, disambiguation=None, n=-1):
        self.asked.setdefault(source, set()).add(context)
        return None


def test_the_extractor_places_each_kind_of_call(tmp_path, monkeypatch):
    src = tmp_path / "ptcoach" / "mod.py"
    src.parent.mkdir()
    src.write_text(
        "from ptcoach.translate import translator\n"
        "tr = translator('Mod')\n"
        "class Window:\n"
        "    def a(self):\n"
        "        return self.tr('Save'), tr('Helper text')\n"
        "def b(window):\n"
        "    return Window.tr('Class call'), window.tr('By name')\n"
        "def c():\n"
        "    from PySide6.QtCore import QCoreApplication\n"
        "    return QCoreApplication.translate('Ctx', 'Direct')\n"
        "def d(view):\n"
        "    return view.tr('Nobody knows')\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(translations, "ROOT", tmp_path)
    found, unplaced = translations.collect()
    assert {(c, t) for c, t, *_ in found} == {
        ("Window", "Save"),
        ("Mod", "Helper text"),
        ("Window", "Class call"),
        ("Window", "By name"),
        ("Ctx", "Direct"),
    }
    assert unplaced == ["ptcoach/mod.py:12: view.tr('Nobody knows')"]


def test_the_shipped_catalogue_is_up_to_date_with_the_code():
    found, unplaced = translations.collect()
    assert unplaced == []
    missing = {(c, t) for c, t, *_ in found} - translations.read_ts(translations.TEMPLATE)
    assert not missing, (
        f"run `python scripts/translations.py extract`; missing: {sorted(missing)[:10]}"
    )


def test_the_pseudo_translation_alters_letters_and_keeps_placeholders():
    out = translations.pseudo("Rest {0} s, <b>set</b> {name} &Save")
    assert out.startswith("⟦") and out.endswith("⟧")
    assert "{0}" in out and "{name}" in out and "<b>" in out and "</b>" in out and "&" in out
    assert "Rest" not in out and "Save" not in out


def _open_every_window(app) -> Iterator[tuple[str, QWidget]]:
    """Each window of the app, built and shown the way the runner opens it."""
    from helpers.app_shell import open_progress_read

    from ptcoach.ui.home.schedule_editor import ScheduleEditor
    from ptcoach.ui.learn_view import LearnView
    from ptcoach.ui.preferences import PreferencesDialog
    from ptcoach.ui.session.rating_dialog import RatingDialog

    shell = app.shell
    yield "home", shell.home
    routine = shell.routines["runners-knee"]
    window = shell.open_session(routine, shell.home.targets())
    yield "session", window
    window.driver.toggle()
    yield "session-running", window
    window.driver.stop()
    yield "summary", window
    window.close()
    yield "progress", open_progress_read(shell)
    yield "builder", shell.open_builder("runners-knee")
    from ptcoach.catalog.learn import Learn

    yield "learn", LearnView(Learn.load())
    yield "preferences", PreferencesDialog(shell.settings, data_path=app.data_dir)
    yield "schedule", ScheduleEditor(routine.name)
    yield "rating", RatingDialog()


def test_every_string_the_windows_ask_for_is_in_the_catalogue(qtbot, make_app):
    recorder = Recorder()
    qapp = QApplication.instance()
    qapp.installTranslator(recorder)
    try:
        app = make_app()
        app.services.ask_ratings = False
        for _name, widget in _open_every_window(app):
            widget.show()
            qtbot.addWidget(widget) if widget is not app.shell.home else None
            widget.grab()  # paint it: some texts are set on show or first paint
    finally:
        qapp.removeTranslator(recorder)
    catalogue = translations.read_ts(translations.TEMPLATE)
    ours = translations.our_contexts()  # not Qt's own (QShortcut...) nor pyqtgraph's
    asked = {s: c for s, c in recorder.asked.items() if c & ours}
    assert len(asked) > 150  # the walk reached the windows
    missing = sorted(
        source
        for source, contexts in asked.items()
        if not any((c, source) in catalogue for c in contexts)
    )
    assert missing == [], "\n".join(f"{s!r} {sorted(recorder.asked[s])[:3]}" for s in missing)


def _visible_texts(widget: QWidget) -> list[str]:
    texts = []
    for w in [widget, *widget.findChildren(QWidget)]:
        if not w.isVisibleTo(widget) and w is not widget:
            continue
        if isinstance(w, QLabel | QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
    return [t for t in texts if translations._ACCENTS and any(c.isalpha() for c in t)]


@pytest.fixture
def pseudo_locale(tmp_path) -> Iterator[Path]:
    folder = tmp_path / "pseudo"
    assert translations.main(["pseudo", str(folder)]) == 0
    qapp = QApplication.instance()
    installed = i18n.install_translators(qapp, QLocale(translations.PSEUDO_LANG), folder)
    assert any(t.filePath().endswith(f"ptcoach_{translations.PSEUDO_LANG}.qm") for t in installed)
    yield folder
    for t in installed:
        qapp.removeTranslator(t)


def test_a_pseudo_locale_alters_every_window(qtbot, make_app, pseudo_locale, tmp_path):
    """Every window, screenshot in the pseudo-locale (saved beside the test's files): the
    window title and the labels and buttons that are the app's own words are all altered."""
    app = make_app()
    app.services.ask_ratings = False
    shots = tmp_path / "shots"
    shots.mkdir()
    for name, widget in _open_every_window(app):
        widget.show()
        if widget is not app.shell.home:
            qtbot.addWidget(widget)
        assert widget.grab().save(str(shots / f"{name}.png"))
        if name != "session-running":  # its title is the routine's name: data, not ours
            assert "⟦" in widget.windowTitle() or name in ("session", "summary"), name
        texts = _visible_texts(widget)
        ours = [t for t in texts if "⟦" in t]
        assert ours, f"{name}: no pseudo-translated text among {texts[:8]}"
    assert len(list(shots.glob("*.png"))) == 10
