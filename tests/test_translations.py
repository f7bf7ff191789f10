"""The translation pipeline end to end: the catalogue holds every string under the context the
code looks it up in (PySide's `tr` asks the object's class, then each base class), it is up to
date with the code, and a pseudo-locale compiled from it visibly alters every window."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import translations  # noqa: E402  (scripts/translations.py)
from shots.every_window import (  # noqa: E402  (scripts/shots/every_window.py)
    PSEUDO_MARK,
    data_texts,
    every_window,
    untranslated,
    visible_texts,
)

from ptcoach.ui.look import i18n  # noqa: E402

WINDOWS = [
    "home",
    "session",
    "session-running",
    "summary",
    "progress",
    "builder",
    "learn",
    "preferences",
    "schedule",
    "rating",
    "reminder",
    "progression",
    "about",
]


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
    """Each window of the app (scripts/shots/every_window.py), built and shown."""
    yield from every_window(app.shell, app.data_dir)


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
    """Every window, screenshot in the pseudo-locale (saved beside the test's files): every
    text a runner sees that is the app's own (titles, labels, buttons, group titles, list box
    choices, tabs, table headers) is altered; only data, numbers and Qt's own dialog buttons
    stay as they were."""
    app = make_app()
    app.services.ask_ratings = False
    data = data_texts(app.services.catalog)
    shots = tmp_path / "shots"
    shots.mkdir()
    missed, names = [], []
    for name, widget in _open_every_window(app):
        widget.show()
        if widget is not app.shell.home:
            qtbot.addWidget(widget)
        assert widget.grab().save(str(shots / f"{name}.png"))
        names.append(name)
        altered = [t for _, t, _ in visible_texts(widget) if PSEUDO_MARK in t]
        assert len(altered) >= 2, f"{name}: hardly any translated text"
        missed += [f"{name}: {m}" for m in untranslated(widget, data)]
    assert missed == []
    assert sorted(p.stem for p in shots.glob("*.png")) == sorted(names) == sorted(WINDOWS)


def test_the_pseudo_shots_script_saves_every_window_with_nothing_left_untranslated(tmp_path):
    """scripts/pseudo_shots.py as a real subprocess, offscreen: a PNG of each window in the
    pseudo-locale, and exit 0 (it exits 1 listing any text of ours left untranslated)."""
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "pseudo_shots.py"), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=tmp_path,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.stem for p in out.glob("*.png")) == sorted(WINDOWS)
    for png in out.glob("*.png"):
        assert png.stat().st_size > 5_000, f"{png.name} looks blank"
    assert result.stdout.splitlines()[-1] == str(out / "about.png")
