"""The Preferences dialog's "Voice commands" row (in the Sound box): listen for commands in
sessions, and from which microphone. The microphone list (pactl) is read on a thread and
filled in when it comes."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QWidget

from ptcoach.ui.voice import voice_settings
from ptcoach.ui.voice.voice_settings import VoiceSettings


class VoiceBox(QWidget):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("voiceBox")
        self.settings = settings
        self.loaded = voice_settings.load(settings)
        row = QHBoxLayout(self)  # one row in the Sound box: the dialog must stay short
        row.setContentsMargins(0, 0, 0, 0)
        self.enable_check = QCheckBox(self.tr("Voice comma&nds (key: V)"), self)
        self.enable_check.setObjectName("voiceEnableCheck")
        self.enable_check.setChecked(self.loaded.enabled)
        self.device_combo = QComboBox(self)
        self.device_combo.setObjectName("voiceDeviceCombo")
        self.device_combo.setAccessibleName(self.tr("Microphone"))
        self.device_combo.setToolTip(self.tr("The microphone to listen with"))
        self.device_combo.addItem(self.tr("Default microphone"), "")
        if self.loaded.device:
            self.device_combo.addItem(self.loaded.device, self.loaded.device)
            self.device_combo.setCurrentIndex(1)
        words = "pause · go · resume · next · back · repeat · done · stop · mute"
        self.help_text = self.tr("Say one word on its own: {0}.").format(words)
        if not voice_settings.extra_installed():
            self.help_text = self.tr(voice_settings.MISSING_EXTRA)
            self.enable_check.setText(self.tr("Off: needs the voice extra (make voice)"))
            self.enable_check.setEnabled(False)
            self.enable_check.setChecked(False)
            self.device_combo.setEnabled(False)
        for w in (self, self.enable_check):
            w.setToolTip(self.help_text)
        self.enable_check.setAccessibleDescription(self.help_text)
        row.addWidget(self.enable_check, 1)
        row.addWidget(self.device_combo, 1)
        from ptcoach.ui.background import in_background
        from ptcoach.voice.devices import microphones

        # The answer comes back through an object the application owns: emitted from the
        # thread on this box, it raced the dialog's deletion and crashed.
        in_background(microphones, self._fill, name="ptcoach-microphones")

    def _fill(self, found: object) -> None:
        if not shiboken6.isValid(self) or not isinstance(found, list):
            return  # the dialog was closed meanwhile, or pactl failed: the default stays
        current = self.device_combo.currentData()
        for name, description in found:
            if self.device_combo.findData(name) < 0:
                self.device_combo.addItem(description, name)
        self.device_combo.setCurrentIndex(max(0, self.device_combo.findData(current)))

    def values(self) -> VoiceSettings:
        return VoiceSettings(
            enabled=self.enable_check.isChecked(), device=str(self.device_combo.currentData() or "")
        )

    def save(self) -> None:
        voice_settings.save(self.settings, self.values())
