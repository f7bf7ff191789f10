"""The camera coach's preferences: on or off, and which camera (a QCameraDevice id, empty for
the default). Stored in QSettings under [camera]."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from ptcoach.camera.extra import MISSING_EXTRA, extra_installed

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QCameraDevice

GROUP = "camera"
NO_CAMERA = "No camera found: the camera coach is off."

__all__ = ["MISSING_EXTRA", "NO_CAMERA", "CameraSettings", "extra_installed", "load", "save"]


@dataclass(frozen=True)
class CameraSettings:
    enabled: bool = False
    device: str = ""


def load(settings: QSettings) -> CameraSettings:
    raw = settings.value(f"{GROUP}/enabled", False)
    enabled = raw is True or str(raw).strip().lower() in ("1", "true", "yes", "on")
    device = settings.value(f"{GROUP}/device", "")
    return CameraSettings(enabled, device if isinstance(device, str) else "")


def save(settings: QSettings, camera: CameraSettings) -> None:
    settings.setValue(f"{GROUP}/enabled", camera.enabled)
    settings.setValue(f"{GROUP}/device", camera.device)
    settings.sync()


def device_id(device: QCameraDevice) -> str:
    """How a camera is stored in the settings: its QCameraDevice id, as text."""
    return bytes(device.id().data()).decode(errors="replace")


def why_unavailable(device: str = "") -> str | None:
    """One line saying why the camera cannot be used now, or None when it can.

    Checks, never waits: the extra is looked up without importing it, and QtMultimedia lists
    the cameras (QMediaDevices.videoInputs(): ~10 ms the first time, when it loads its
    backend; only asked when the runner turned the camera on)."""
    if not extra_installed():
        return MISSING_EXTRA
    from PySide6.QtMultimedia import QMediaDevices

    inputs = QMediaDevices.videoInputs()
    if not inputs:
        return NO_CAMERA
    if device and not any(device_id(d) == device for d in inputs):
        return "The chosen camera is not connected: the camera coach is off."
    return None
