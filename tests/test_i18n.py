"""Translation readiness: catalogues load for the runner's language, and user-visible strings
go through tr() (an ast scan of the source). `python tests/test_i18n.py` lists every offender
under ptcoach/ui."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from ptcoach.ui.look import i18n

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "ptcoach" / "ui"
BIN = Path(sys.executable).parent
# The files of the "desktop citizen" work; the rest of ptcoach/ui is reported, not asserted.
OWN_FILES = ("settings.py", "look/theme.py", "preferences.py", "look/a11y.py", "look/i18n.py")

SETTERS = {
    "setText",
    "setWindowTitle",
    "setToolTip",
    "setStatusTip",
    "setWhatsThis",
    "setPlaceholderText",
    "setTitle",
    "setLabelText",
    "addAction",
    "addItem",
    "addItems",
    "addTab",
    "insertItem",
    "addRow",
    "setAccessibleName",
    "setAccessibleDescription",
    "setSuffix",
    "setPrefix",
    "setSpecialValueText",
    "setInformativeText",
    "showMessage",
    "addMenu",
    "setFormat",
}
BOXES = {"information", "warning", "question", "critical", "about"}  # QMessageBox.<name>(...)
WIDGETS = {
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QToolButton",
    "QAction",
    "QMenu",
    "QMessageBox",
    "QListWidgetItem",
    "QTreeWidgetItem",
    "QTableWidgetItem",
    "QCommandLinkButton",
}


def _words(text: str) -> bool:
    """True when a literal reads as words a person sees (tags and format fields removed)."""
    text = re.sub(r"<[^>]+>|\{[^}]*\}|&(?=\w)", "", text)
    return re.search(r"[A-Za-z]{2,}", text) is not None


def _literal_text(node: ast.AST) -> str | None:
    """The visible literal text in an argument, or None when it is computed or translated."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value if _words(node.value) else None
    if isinstance(node, ast.JoinedStr):
        parts = "".join(
            v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        )
        return parts if _words(parts) else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _literal_text(node.left) or _literal_text(node.right)
    return None


def untranslated(source: str, filename: str = "<source>") -> list[str]:
    """`file:line: text` for each string literal handed straight to a widget or setter."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name in BOXES and getattr(getattr(func, "value", None), "id", "") == "QMessageBox":
            pass  # not log.warning(...), which speaks to developers
        elif name not in SETTERS and name not in WIDGETS:
            continue
        args = [*node.args, *(k.value for k in node.keywords if k.arg in ("text", "title"))]
        for arg in args:
            text = _literal_text(arg)
            if text is not None:
                found.append(f"{filename}:{node.lineno}: {name}({text!r})")
    return found


def scan(paths: list[Path]) -> list[str]:
    return [
        line
        for p in paths
        for line in untranslated(p.read_text(encoding="utf-8"), str(p.relative_to(ROOT)))
    ]


def test_the_scanner_finds_literals_handed_to_widgets():
    source = """
label = QLabel("Hello there")
button.setText(f"Start {name}")
box.setWindowTitle("Pre" + "ferences")
dialog.addItem(title="Light")
ok = QLabel(self.tr("Fine"))
tag = QLabel("<h2>" + self.tr("Routines") + "</h2>")
QMessageBox.warning(self, "Oops", self.tr("Fine"))
log.warning("for developers %s", x)
number = label.setText(str(42))
plain = label.setText("42 %")
"""
    assert [line.split(": ", 1)[1] for line in untranslated(source)] == [
        "QLabel('Hello there')",
        "setText('Start ')",
        "setWindowTitle('Pre')",
        "addItem('Light')",
        "warning('Oops')",
    ]


def test_the_desktop_citizen_files_translate_every_visible_string():
    assert scan([UI / name for name in OWN_FILES]) == []


def test_the_shipped_template_holds_the_preferences_strings():
    text = (ROOT / "assets" / "translations" / "ptcoach.ts").read_text(encoding="utf-8")
    assert "<name>PreferencesDialog</name>" in text and "<source>Preferences</source>" in text


GERMAN_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
</context>
</TS>
"""


@pytest.fixture
def german_catalogue(tmp_path) -> Path:
    folder = tmp_path / "translations"
    folder.mkdir()
    ts = folder / "ptcoach_de.ts"
    ts.write_text(GERMAN_TS, encoding="utf-8")
    subprocess.run(
        [BIN / "pyside6-lrelease", ts, "-qm", folder / "ptcoach_de.qm"],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return folder


def test_the_catalogue_for_the_locale_is_installed_and_used(qtbot, qapp, german_catalogue):
    from ptcoach.ui.preferences import PreferencesDialog
    from ptcoach.ui.settings import open_settings

    installed = i18n.install_translators(qapp, QLocale("de_AT"), german_catalogue)
    try:
        assert any(t.language() == "de_DE" for t in installed)
        assert QCoreApplication.translate("PreferencesDialog", "Preferences") == "Einstellungen"
        dialog = PreferencesDialog(open_settings(german_catalogue / "x.ini"))
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Einstellungen"
        assert dialog.theme_combo.itemText(0) == "Follow the system"  # untranslated: English
    finally:
        for t in installed:
            qapp.removeTranslator(t)
    assert QCoreApplication.translate("PreferencesDialog", "Preferences") == "Preferences"


def test_a_language_without_a_catalogue_stays_english(qapp, german_catalogue):
    installed = i18n.install_translators(qapp, QLocale("fi_FI"), german_catalogue)
    try:
        assert not any(t.filePath().startswith(str(german_catalogue)) for t in installed)
        assert QCoreApplication.translate("PreferencesDialog", "Preferences") == "Preferences"
    finally:
        for t in installed:
            qapp.removeTranslator(t)


def test_the_update_script_collects_the_strings_of_the_tree(tmp_path):
    """The script works from a copy of the tree, so the shipped template is left alone."""
    copy = tmp_path / "tree"
    shutil.copytree(
        ROOT / "ptcoach", copy / "ptcoach", ignore=shutil.ignore_patterns("__pycache__", "_data")
    )
    shutil.copytree(ROOT / "scripts", copy / "scripts")
    subprocess.run(
        ["bash", copy / "scripts" / "update_translations.sh"],
        check=True,
        capture_output=True,
        timeout=60,
        env={"PATH": "/usr/bin:/bin", "PYTHON": sys.executable},
    )
    text = (copy / "assets" / "translations" / "ptcoach.ts").read_text(encoding="utf-8")
    for context in ("PreferencesDialog", "SessionText", "HomeMenu", "Builder", "Report"):
        assert f"<name>{context}</name>" in text


if __name__ == "__main__":
    offenders = scan(sorted(UI.rglob("*.py")))
    print("\n".join(offenders) or "no untranslated literals")
    print(f"{len(offenders)} untranslated literal(s)", file=sys.stderr)


@pytest.mark.parametrize(
    ("env", "english"),
    [
        ({}, True),
        ({"LANG": "C.UTF-8"}, True),
        ({"LANG": "en_GB.UTF-8"}, True),
        ({"LANG": "de_DE.UTF-8"}, False),
        ({"LANG": "de_DE.UTF-8", "LC_ALL": "C"}, True),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "fr_FR.UTF-8"}, False),
        ({"LANG": "en_US.UTF-8", "LANGUAGE": "de:en"}, False),
        ({"LANG": "de_DE.UTF-8", "LANGUAGE": "en_GB:en"}, True),
    ],
)
def test_english_settings_skip_loading_catalogues(monkeypatch, qapp, env, english):
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    for var, value in env.items():
        monkeypatch.setenv(var, value)
    assert i18n._english_only() is english
    if english:
        assert i18n.install_translators(qapp) == []
