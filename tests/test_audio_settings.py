"""The sound settings survive a restart (QSettings in an INI file) and ignore bad values."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from ptcoach.audio.settings import AudioSettings, load, save


def test_settings_saved_are_the_settings_loaded_after_a_restart(qtbot, tmp_path):
    path = str(tmp_path / "ptcoach.ini")
    chosen = AudioSettings(
        volume=0.35, muted=True, voice=False, tones=True, count_reps=False, flash=True
    )
    save(QSettings(path, QSettings.Format.IniFormat), chosen)
    assert load(QSettings(path, QSettings.Format.IniFormat)) == chosen


def test_missing_or_unreadable_values_fall_back_to_defaults(qtbot, tmp_path):
    path = tmp_path / "ptcoach.ini"
    path.write_text("[audio]\nvolume=loud\nmuted=true\n")
    loaded = load(QSettings(str(path), QSettings.Format.IniFormat))
    assert loaded == AudioSettings(muted=True)


def test_volume_is_kept_between_silent_and_full():
    assert AudioSettings(volume=3).volume == 1.0
    assert AudioSettings(volume=-1).volume == 0.0
    assert AudioSettings().toggled_mute().muted is True
