"""The Preferences dialog's "Camera coach" row: count reps, time holds and watch form with the
camera in sessions, and which camera. Without the camera extra it says, in one line, how to get
it.

The cameras are listed on the event-loop turn after the row is made (QtMultimedia loads its
backend the first time it is asked, ~10 ms), so the dialog paints first."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QWidget

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
        self.device_combo = QComboBox(self)
        self.device_combo.setObjectName("cameraDeviceCombo")
        self.device_combo.setAccessibleName(self.tr("Camera"))
        self.device_combo.addItem(self.tr("Default camera"), "")
        if self.loaded.device:  # until the list says whether it is connected
            self.device_combo.addItem(self.loaded.device, self.loaded.device)
            self.device_combo.setCurrentIndex(1)
        self.device_combo.setEnabled(camera_settings.extra_installed())
        row.addWidget(self.device_combo, 1)  # as wide as the check: long camera names
        self.listed = False  # the connected cameras are in the list
        if camera_settings.extra_installed():
            QTimer.singleShot(0, self, self.list_cameras)

    def list_cameras(self) -> None:
        """The connected cameras by name; a chosen one that is not connected stays chosen,
        marked so (it is used again once plugged in)."""
        from PySide6.QtMultimedia import QMediaDevices

        chosen = self.loaded.device
        combo = self.device_combo
        combo.clear()
        combo.addItem(self.tr("Default camera"), "")
        for device in QMediaDevices.videoInputs():
            combo.addItem(device.description(), camera_settings.device_id(device))
        if chosen and combo.findData(chosen) < 0:
            combo.addItem(self.tr("{0} (not connected)").format(chosen), chosen)
        combo.setCurrentIndex(max(combo.findData(chosen), 0))
        self.listed = True

    def values(self) -> CameraSettings:
        device = self.device_combo.currentData()
        return CameraSettings(
            enabled=self.enable_check.isChecked(), device=device if isinstance(device, str) else ""
        )

    def save(self) -> None:
        camera_settings.save(self.settings, self.values())
