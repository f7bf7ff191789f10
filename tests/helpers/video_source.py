"""A video file as the camera: QMediaPlayer into a QVideoSink, the frames handed on as a
QCamera's would be (the same QVideoFrames, from the same kind of sink)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtMultimedia import QMediaPlayer, QVideoSink

from ptcoach.ui.camera.source import LOST


class VideoSource(QObject):
    failed = Signal(str)

    def __init__(self, path: Path | None, on_frame: Callable[[Any], None]) -> None:
        super().__init__()
        self.player = QMediaPlayer(self)
        self.sink = QVideoSink(self)
        self.player.setVideoSink(self.sink)
        self.sink.videoFrameChanged.connect(on_frame)
        self.path = path

    def start(self) -> str | None:
        if self.path is not None:
            self.player.setSource(QUrl.fromLocalFile(str(self.path)))
            self.player.play()
        return None

    def stop(self) -> None:
        self.player.stop()

    def ended(self) -> bool:
        return self.player.mediaStatus() is QMediaPlayer.MediaStatus.EndOfMedia

    def unplug(self) -> None:
        """As CameraSource does when its camera leaves QMediaDevices' list."""
        self.stop()
        self.failed.emit(LOST)
