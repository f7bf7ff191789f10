"""Preferences: voice commands on or off and the microphone, saved on OK only; the microphone
list comes from PulseAudio off the GUI thread."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from test_ui_preferences import ini, open_dialog, press, private_config, restore_look  # noqa: F401

from ptcoach.audio.monitor import null_sink, pulse_available
from ptcoach.ui import settings as app_settings
from ptcoach.ui.voice import voice_settings

OK = QDialogButtonBox.StandardButton.Ok
CANCEL = QDialogButtonBox.StandardButton.Cancel


def test_voice_is_off_by_default(qtbot, ini):  # noqa: F811
    dialog = open_dialog(qtbot, ini)
    assert dialog.voice_box.isVisible()
    assert not dialog.voice_box.enable_check.isChecked()
    assert dialog.voice_box.device_combo.currentData() == ""
    assert voice_settings.load(app_settings.open_settings(ini)) == voice_settings.VoiceSettings()


@pytest.mark.skipif(not pulse_available(), reason="needs a PulseAudio server (test-env.sh)")
def test_turning_voice_on_with_a_microphone_is_saved_on_ok(qtbot, ini, restore_look):  # noqa: F811
    with null_sink() as sink:
        dialog = open_dialog(qtbot, ini)
        combo = dialog.voice_box.device_combo
        qtbot.waitUntil(lambda: combo.findData(f"{sink}.monitor") >= 0, timeout=10000)
        dialog.voice_box.enable_check.setChecked(True)
        combo.setCurrentIndex(combo.findData(f"{sink}.monitor"))
        press(qtbot, dialog, OK)
    saved = voice_settings.load(app_settings.open_settings(ini))
    assert saved == voice_settings.VoiceSettings(enabled=True, device=f"{sink}.monitor")
    again = open_dialog(qtbot, ini)
    assert again.voice_box.enable_check.isChecked()
    assert again.voice_box.device_combo.currentData() == f"{sink}.monitor"


def test_cancel_leaves_voice_off(qtbot, ini, restore_look):  # noqa: F811
    dialog = open_dialog(qtbot, ini)
    dialog.voice_box.enable_check.setChecked(True)
    press(qtbot, dialog, CANCEL)
    assert not voice_settings.load(app_settings.open_settings(ini)).enabled


def test_without_the_extra_the_box_says_how_to_get_it(qtbot, ini, monkeypatch):  # noqa: F811
    monkeypatch.setattr(voice_settings, "extra_installed", lambda: False)
    dialog = open_dialog(qtbot, ini)
    assert "ptcoach[voice]" in dialog.voice_box.help_text
    assert not dialog.voice_box.enable_check.isEnabled()
