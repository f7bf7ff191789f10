"""The Preferences dialog's "Camera coach" row: count reps, time holds and watch form with the
camera in sessions. Without the camera extra it says, in one line, how to get it."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QWidget

from ptcoach.ui.camera import camera_settings
from ptcoach.ui.camera.camera_settings import CameraSettings


class CameraBox(QWidget):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cameraBox")
        self.settings = settings
        self.loaded = camera_settings.load(settings)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.enable_check = QCheckBox(self.tr("Camera coach: counts reps, times &holds"), self)
        self.enable_check.setObjectName("cameraEnableCheck")
        self.enable_check.setChecked(self.loaded.enabled)
        self.help_text = self.tr(
            "The camera counts your reps, stops a hold's clock when you leave the position and "
            "says when your form slips. Everything stays on this computer; no picture is saved. "
            "A hand raised above your head for a second pauses or resumes."
        )
        if not camera_settings.extra_installed():
            self.help_text = self.tr(camera_settings.MISSING_EXTRA)
            self.enable_check.setText(self.tr("Camera coach off: needs the camera extra"))
            self.enable_check.setEnabled(False)
            self.enable_check.setChecked(False)
        for w in (self, self.enable_check):
            w.setToolTip(self.help_text)
        self.enable_check.setAccessibleDescription(self.help_text)
        row.addWidget(self.enable_check, 1)

    def values(self) -> CameraSettings:
        return CameraSettings(enabled=self.enable_check.isChecked(), device=self.loaded.device)

    def save(self) -> None:
        camera_settings.save(self.settings, self.values())
