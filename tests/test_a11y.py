"""Accessibility: every control can be named by a screen reader and reached from the keyboard;
the session's live values are exposed to screen readers."""

from __future__ import annotations

import pytest
from factories import exercise, routine
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ptcoach.catalog.catalog import Catalog
from ptcoach.catalog.model import Kind, Targets
from ptcoach.engine.clock import FakeClock
from ptcoach.engine.plan import expand
from ptcoach.engine.session import Session
from ptcoach.ui.home.window import HomeWindow
from ptcoach.ui.look import a11y
from ptcoach.ui.preferences import PreferencesDialog
from ptcoach.ui.session.driver import SessionDriver
from ptcoach.ui.session.window import SessionWindow


@pytest.fixture(autouse=True)
def private_config(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_the_walker_reports_unnamed_and_unreachable_controls(qtbot):
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    unnamed = QLineEdit(root)
    unnamed.setObjectName("unnamedEdit")
    icon_only = QPushButton(root)  # no text, no name: a screen reader says just "button"
    icon_only.setObjectName("iconOnlyButton")
    unreachable = QPushButton("Go", root)
    unreachable.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    with_key = QPushButton("Pause", root)
    with_key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    with_key.setProperty(a11y.KEY_PROPERTY, "Space")  # reachable by its window shortcut
    fine = QPushButton("OK", root)
    hidden = QPushButton(root)
    for w in (unnamed, icon_only, unreachable, with_key, fine, hidden):
        layout.addWidget(w)
    root.show()
    hidden.hide()

    found = {(p.widget, p.issue.split(" (")[0]) for p in a11y.audit(root)}
    assert found == {
        ("unnamedEdit", "no accessible name"),
        ("iconOnlyButton", "no accessible name"),
        ("QPushButton('Go')", "cannot be reached from the keyboard"),
    }
    assert len(a11y.audit(root, include_hidden=True)) == 4


def test_the_preferences_dialog_passes_the_walker(qtbot, settings):
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert [str(p) for p in a11y.audit(dialog)] == []
    # Form labels name their fields: the speech matches what sighted runners read.
    assert a11y.accessible_name(dialog.rest_spin) == "Rest between sets:"
    assert a11y.accessible_name(dialog.volume_slider) == "Volume:"
    assert a11y.accessible_name(dialog.data_dir_edit) == "Data folder:"


def test_the_preferences_dialog_can_be_walked_with_tab(qtbot, settings):
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.theme_combo.setFocus()
    seen = []
    for _ in range(30):
        seen.append(dialog.focusWidget().objectName())
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    for name in (
        "themeCombo",
        "textSizeCombo",
        "volumeSlider",
        "muteCheck",
        "leadInSpin",
        "restSpin",
        "openDataDirButton",
        "autostartCheck",
    ):
        assert name in seen


def test_live_values_are_exposed_to_screen_readers(qtbot, settings):
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.volume_slider.setValue(35)
    assert a11y.exposes(dialog.volume_slider, "35 %")
    assert a11y.exposes(dialog.volume_value, "35 %")
    assert not a11y.exposes(dialog.volume_slider, "80 %")
    assert not a11y.exposes(dialog.volume_slider, "")


def test_the_home_window_passes_the_walker(qtbot, settings, data_dir):
    home = HomeWindow(Catalog.load(data_dir).routines, settings)
    qtbot.addWidget(home)
    home.resize(1100, 720)
    home.show()
    assert [str(p) for p in a11y.audit(home)] == []


@pytest.fixture
def session_window(qtbot):
    ex = exercise("bridge", Kind.REPS)
    plan = expand(routine((ex, Targets(sets=2, reps=3, rest_s=10))))
    clock = FakeClock()
    driver = SessionDriver(Session(plan), clock=clock)
    window = SessionWindow(driver)
    window.resize(1280, 800)
    window.show()
    yield window, driver, clock
    driver.stop()  # a running session would ask "Stop?" on close
    window.close()
    window.deleteLater()


def test_the_session_window_passes_the_walker(session_window):
    window, _driver, _clock = session_window
    assert [str(p) for p in a11y.audit(window)] == []


def test_the_big_number_and_the_phase_are_exposed_to_screen_readers(session_window):
    window, driver, _clock = session_window
    driver.start()
    driver.step(1.0)
    view = window.view
    big = view.findChild(QLabel, "bigNumberLabel")
    phase = view.findChild(QLabel, "phaseLabel")
    snap = driver.snapshot()
    assert big.text() == str(snap.big_number)
    assert a11y.exposes(big, str(snap.big_number))
    assert a11y.exposes(phase, phase.text()) and phase.text()
