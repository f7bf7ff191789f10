"""The Preferences dialog: OK saves what reloads equal, Cancel changes nothing, impossible
stored values fall back to defaults with a warning."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from ptcoach import autostart
from ptcoach.audio.settings import AudioSettings
from ptcoach.ui import settings as app_settings
from ptcoach.ui.look import theme
from ptcoach.ui.preferences import PreferencesDialog
from ptcoach.ui.settings import AppSettings, TextSize, Theme


@pytest.fixture(autouse=True)
def private_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Autostart entries go to a temporary XDG config dir, never the user's."""
    config = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    return config


@pytest.fixture
def ini(tmp_path: Path) -> Path:
    return tmp_path / "ptcoach.ini"


@pytest.fixture
def restore_look(qapp):
    """OK applies the theme to the whole application; put the test app's look back after."""
    palette, font, sheet = qapp.palette(), qapp.font(), qapp.styleSheet()
    yield
    qapp.setPalette(palette)
    qapp.setFont(font)
    qapp.setStyleSheet(sheet)
    qapp.setProperty("ptcoach_base_font", None)
    qapp.styleHints().unsetColorScheme()


def open_dialog(qtbot, ini: Path, data_path: Path | None = None) -> PreferencesDialog:
    dialog = PreferencesDialog(app_settings.open_settings(ini), data_path=data_path)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def press(qtbot, dialog: PreferencesDialog, which: QDialogButtonBox.StandardButton) -> None:
    qtbot.mouseClick(dialog.buttons.button(which), Qt.MouseButton.LeftButton)


def change_everything(dialog: PreferencesDialog) -> None:
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData(Theme.DARK))
    dialog.text_size_combo.setCurrentIndex(dialog.text_size_combo.findData(TextSize.EXTRA_LARGE))
    dialog.volume_slider.setValue(35)
    for check in (
        dialog.mute_check,
        dialog.voice_check,
        dialog.tones_check,
        dialog.count_reps_check,
        dialog.flash_check,
        dialog.autostart_check,
    ):
        check.setChecked(not check.isChecked())
    dialog.lead_in_spin.setValue(25)
    dialog.rest_spin.setValue(95)


def test_a_fresh_dialog_shows_the_defaults(qtbot, ini):
    dialog = open_dialog(qtbot, ini)
    assert dialog.app_settings() == AppSettings()
    assert dialog.audio_settings() == AudioSettings()
    assert not dialog.autostart_check.isChecked()
    assert not ini.exists() or app_settings.load(app_settings.open_settings(ini)).problems == ()


def test_every_setting_changed_and_ok_is_saved_and_reloads_equal(qtbot, ini, restore_look):
    dialog = open_dialog(qtbot, ini)
    change_everything(dialog)
    with qtbot.waitSignal(dialog.applied) as applied:
        press(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    expected_app = AppSettings(
        theme=Theme.DARK, text_size=TextSize.EXTRA_LARGE, lead_in_s=25.0, rest_s=95.0
    )
    expected_audio = AudioSettings(
        volume=0.35, muted=True, voice=False, tones=False, count_reps=False, flash=True
    )
    assert applied.args == [expected_app, expected_audio]

    reloaded = app_settings.load(app_settings.open_settings(ini))  # a fresh reader of the file
    assert reloaded.app == expected_app
    assert reloaded.audio == expected_audio
    assert reloaded.problems == ()
    assert autostart.is_enabled()
    assert "--tray" in autostart.entry_path().read_text()
    # OK applied the dark theme and the larger text to the running application.
    assert QApplication.palette().color(theme.Role.Window).name() == theme.DARK[theme.Role.Window]
    base = QApplication.instance().property("ptcoach_base_font")
    assert QApplication.font().pointSizeF() == pytest.approx(base.pointSizeF() * 1.5)

    again = open_dialog(qtbot, ini)  # and the dialog reopens showing what was saved
    assert (again.app_settings(), again.audio_settings()) == (expected_app, expected_audio)
    assert again.autostart_check.isChecked()


def test_unticking_start_at_login_removes_the_autostart_entry(qtbot, ini, restore_look):
    autostart.enable(["ptcoach", "--tray"])
    dialog = open_dialog(qtbot, ini)
    assert dialog.autostart_check.isChecked()
    dialog.autostart_check.setChecked(False)
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert not autostart.is_enabled()


def test_cancel_changes_nothing(qtbot, ini, restore_look):
    saved_app = AppSettings(theme=Theme.LIGHT, text_size=TextSize.LARGE, lead_in_s=5, rest_s=45)
    saved_audio = AudioSettings(volume=0.5, voice=False)
    app_settings.save(app_settings.open_settings(ini), saved_app, saved_audio)
    before = ini.read_bytes()
    palette_before = QApplication.palette().color(theme.Role.Window)

    dialog = open_dialog(qtbot, ini)
    assert (dialog.app_settings(), dialog.audio_settings()) == (saved_app, saved_audio)
    change_everything(dialog)
    with qtbot.waitSignal(dialog.rejected):
        press(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)

    assert ini.read_bytes() == before
    assert not autostart.is_enabled()
    assert QApplication.palette().color(theme.Role.Window) == palette_before
    reloaded = app_settings.load(app_settings.open_settings(ini))
    assert (reloaded.app, reloaded.audio) == (saved_app, saved_audio)


IMPOSSIBLE = """\
[ui]
theme=purple
text_size=huge
lead_in_s=abc
rest_s=-5

[audio]
volume=400
voice=maybe
tones=true
"""


def test_impossible_stored_values_become_defaults_with_a_warning(qtbot, ini, caplog):
    ini.write_text(IMPOSSIBLE, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="ptcoach.ui.settings"):
        loaded = app_settings.load(app_settings.open_settings(ini))
    assert loaded.app == AppSettings()
    assert loaded.audio == AudioSettings()
    for key in (
        "theme='purple'",
        "text_size='huge'",
        "lead_in_s='abc'",
        "rest_s='-5'",
        "volume='400'",
        "voice='maybe'",
    ):
        assert sum(key in line for line in loaded.problems) == 1, key
        assert key in caplog.text
    assert not any("tones" in line for line in loaded.problems)  # a good value is no problem
    assert ini.read_text(encoding="utf-8") == IMPOSSIBLE  # reading never rewrites the file

    dialog = open_dialog(qtbot, ini)  # the dialog opens on the defaults and says why
    assert dialog.app_settings() == AppSettings()
    assert dialog.audio_settings() == AudioSettings()
    label = dialog.findChild(type(dialog.volume_value), "preferencesProblemsLabel")
    assert label is not None and label.isVisible()
    assert "text_size='huge'" in label.text()


def test_values_outside_the_ranges_are_rejected_at_both_ends(ini):
    ini.write_text("[ui]\nlead_in_s=121\nrest_s=nan\n[audio]\nvolume=-0.1\n", encoding="utf-8")
    loaded = app_settings.load(app_settings.open_settings(ini))
    assert (loaded.app.lead_in_s, loaded.app.rest_s) == (10.0, 30.0)
    assert loaded.audio.volume == AudioSettings().volume
    assert len(loaded.problems) == 3


def test_the_volume_level_is_shown_and_spoken_as_it_moves(qtbot, ini):
    dialog = open_dialog(qtbot, ini)
    dialog.volume_slider.setFocus()
    qtbot.keyClick(dialog.volume_slider, Qt.Key.Key_PageDown)
    assert dialog.volume_value.text() == "70 %"
    assert dialog.volume_slider.accessibleDescription() == "70 %"


def test_the_data_folder_is_shown_and_the_button_opens_it(qtbot, ini, tmp_path):
    data_path = tmp_path / "my data"

    class Opener(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.urls: list[QUrl] = []

        @Slot(QUrl)
        def open_url(self, url: QUrl) -> None:
            self.urls.append(url)

    opener = Opener()
    QDesktopServices.setUrlHandler("file", opener, "open_url")
    try:
        dialog = open_dialog(qtbot, ini, data_path=data_path)
        assert dialog.data_dir_edit.text() == str(data_path)
        assert dialog.data_dir_edit.isReadOnly()
        qtbot.mouseClick(dialog.open_data_button, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [u.toLocalFile() for u in opener.urls] == [str(data_path)]
    assert data_path.is_dir()  # created so the file manager has something to show


def test_window_geometry_is_remembered_per_window(qtbot, ini):
    settings = app_settings.open_settings(ini)
    dialog = open_dialog(qtbot, ini)
    dialog.resize(640, 610)
    app_settings.save_geometry(settings, dialog)
    other = open_dialog(qtbot, ini)
    assert app_settings.restore_geometry(settings, other)
    assert other.size().toTuple() == (640, 610)
    nameless = PreferencesDialog(settings)
    qtbot.addWidget(nameless)
    nameless.setObjectName("neverSaved")
    assert not app_settings.restore_geometry(settings, nameless)
