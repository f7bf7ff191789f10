"""A video file as the camera: QMediaPlayer into a QVideoSink, its frames taken by the same
`FrameTap` a camera's go through (the same QVideoFrames, from the same kind of sink).

Qt owns every object here (the source is a child of `parent`, the player, sink and tap are the
source's); `stop()` stops the player, cuts the frames off and deletes the player and sink on
the next turn. `dispose()` in a test's teardown finishes those deletions."""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QUrl, Signal
from PySide6.QtMultimedia import QMediaPlayer, QVideoSink

from ptcoach.ui.camera.frames import FrameTap
from ptcoach.ui.camera.source import LOST


class VideoSource(QObject):
    failed = Signal(str)

    def __init__(self, path: Path | None, on_rgb: Callable[[Any, float], None], parent: QObject):
        super().__init__(parent)
        self.path = path
        self.player: QMediaPlayer | None = QMediaPlayer(self)
        self.sink: QVideoSink | None = QVideoSink(self)
        self.player.setVideoSink(self.sink)
        self.tap = FrameTap(on_rgb, self)
        self.tap.attach(self.sink)

    def start(self) -> str | None:
        if self.path is not None and self.player is not None:
            self.player.setSource(QUrl.fromLocalFile(str(self.path)))
            self.player.play()
        return None

    def play(self, path: Path) -> None:
        self.path = path
        self.start()

    def stop(self) -> None:
        self.tap.detach()
        player, sink = self.player, self.sink
        self.player = self.sink = None
        if player is not None:
            player.stop()
            player.setVideoSink(None)  # type: ignore[arg-type]
            player.deleteLater()
        if sink is not None:
            sink.deleteLater()

    def ended(self) -> bool:
        return (
            self.player is None or self.player.mediaStatus() is QMediaPlayer.MediaStatus.EndOfMedia
        )

    def unplug(self) -> None:
        """As CameraSource does when its camera leaves QMediaDevices' list."""
        self.stop()
        self.failed.emit(LOST)


def finish_deletions() -> None:
    """Run the deleteLater()s asked for so far, and collect what Python still holds."""
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    gc.collect()


def valid(obj: QObject) -> bool:
    return shiboken6.isValid(obj)
