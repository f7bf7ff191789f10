"""Frames from the camera through QtMultimedia: QCamera -> QMediaCaptureSession -> QVideoSink.

Every Qt object here is a child of the source, itself a child of the session's camera coach:
Qt owns them all, and `stop()` disposes of them in order (camera stopped, frames disconnected,
the session emptied, then deleteLater). Frames reach the GUI thread through a `FrameTap`
(`frames.py`), which hands on plain numpy copies only. With no camera a QCamera reports its
error when it is made and emits nothing on start(), so the error is checked at once, never
waited for. A camera unplugged mid-session is noticed from QMediaDevices' list changing and
from the camera's own errors.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtMultimedia import (
    QCamera,
    QCameraDevice,
    QMediaCaptureSession,
    QMediaDevices,
    QVideoSink,
)

from ptcoach.ui.camera.camera_settings import device_id
from ptcoach.ui.camera.frames import RGB, FrameTap

LOST = "The camera was disconnected: the camera coach is off (Enter marks a rep)."


class CameraSource(QObject):
    failed = Signal(str)  # one line; the camera has stopped

    def __init__(
        self,
        on_rgb: Callable[[RGB, float], None],
        device: str,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._wanted = device
        self.device: QCameraDevice | None = None
        self.camera: QCamera | None = None
        self.session: QMediaCaptureSession | None = None
        self.sink: QVideoSink | None = None
        self.tap = FrameTap(on_rgb, self)
        self._devices = QMediaDevices(self)
        self._devices.videoInputsChanged.connect(self._on_inputs_changed)
        self.running = False

    def start(self) -> str | None:
        """Open the camera; one line saying why not, or None when frames will come."""
        inputs = QMediaDevices.videoInputs()
        if not inputs:
            return "No camera found: the camera coach is off."
        chosen = next((d for d in inputs if device_id(d) == self._wanted), None)
        self.device = chosen or QMediaDevices.defaultVideoInput()
        camera = QCamera(self.device, self)
        if camera.error() is not QCamera.Error.NoError:  # reported at construction
            message = camera.errorString() or "the camera cannot be opened"
            camera.deleteLater()
            return f"Camera error: {message}"
        self.camera = camera
        self.session = QMediaCaptureSession(self)
        self.sink = QVideoSink(self)
        self.session.setCamera(camera)
        self.session.setVideoSink(self.sink)
        self.tap.attach(self.sink)
        camera.errorOccurred.connect(self._on_error)
        camera.start()
        if camera.error() is not QCamera.Error.NoError:
            message = camera.errorString()
            self.stop()
            return f"Camera error: {message}"
        self.running = True
        return None

    def stop(self) -> None:
        """Stop capturing and dispose of the camera's objects (deleted on the next turn)."""
        self.running = False
        self.tap.detach()
        camera, session, sink = self.camera, self.session, self.sink
        self.camera = self.session = self.sink = None
        if camera is not None:
            camera.errorOccurred.disconnect(self._on_error)
            camera.stop()
        if session is not None:
            session.setVideoSink(None)  # type: ignore[arg-type]
            session.setCamera(None)  # type: ignore[arg-type]
        for obj in (session, camera, sink):
            if obj is not None:
                obj.deleteLater()

    def _on_error(self, _error: QCamera.Error, message: str) -> None:
        if self.running:
            self.stop()
            self.failed.emit(f"Camera error: {message}" if message else LOST)

    def _on_inputs_changed(self) -> None:
        if not self.running or self.device is None:
            return
        ids = {device_id(d) for d in QMediaDevices.videoInputs()}
        if device_id(self.device) not in ids:
            self.stop()
            self.failed.emit(LOST)
