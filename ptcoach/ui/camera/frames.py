"""Frames from a QVideoSink, taken on the GUI thread and copied into plain numpy arrays.

`FrameTap` is the one receiver of a sink's `videoFrameChanged`. It is a QObject living on the
GUI thread, so a frame emitted from another thread (a camera backend's own) reaches it as a
queued call: no Python code runs on the sink's thread, and a tap deleted first simply gets
nothing more. Each frame is converted at once (toImage, scaled down to MAX_SIDE, RGB888,
copied: about 0.5 ms for a 548x342 frame here) and only the copy goes on to the pose worker,
which never sees a Qt object. The picture for the calibration view is made back from that copy
on the GUI thread.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
import numpy.typing as npt
import shiboken6
from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QVideoFrame, QVideoSink

MAX_SIDE = 640  # larger frames are scaled down first: the model sees 256x256 anyway

RGB = npt.NDArray[np.uint8]


def to_rgb(frame: QVideoFrame) -> RGB | None:
    """A copy of the frame as an H x W x 3 RGB array; None for an empty frame."""
    if not frame.isValid():
        return None
    image = frame.toImage()
    if image.isNull():
        return None
    return image_to_rgb(image)


def image_to_rgb(image: QImage) -> RGB:
    if max(image.width(), image.height()) > MAX_SIDE:
        image = image.scaled(
            MAX_SIDE,
            MAX_SIDE,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.FastTransformation,
        )
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    h, w, stride = image.height(), image.width(), image.bytesPerLine()
    buf = np.frombuffer(image.constBits(), dtype=np.uint8, count=h * stride)
    return buf.reshape(h, stride)[:, : w * 3].reshape(h, w, 3).copy()


def rgb_to_image(rgb: RGB) -> QImage:
    """A QImage owning its own copy of `rgb` (GUI thread: the calibration picture)."""
    h, w = rgb.shape[:2]
    data = np.ascontiguousarray(rgb)
    return QImage(data.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


class FrameTap(QObject):
    """Takes a sink's frames on the GUI thread and hands `on_rgb(rgb, t)` plain copies (`t`:
    the monotonic time the frame was taken). `attach` and `detach` pair its one connection."""

    def __init__(self, on_rgb: Callable[[RGB, float], None], parent: QObject) -> None:
        super().__init__(parent)
        self._on_rgb = on_rgb
        self._sink: QVideoSink | None = None
        self.taken = 0
        self.take_s: list[float] = []  # conversion time per frame on the GUI thread (last 300)

    def attach(self, sink: QVideoSink) -> None:
        self.detach()
        self._sink = sink
        # A bound method of this QObject: queued when the sink emits from another thread.
        sink.videoFrameChanged.connect(self.take)

    def detach(self) -> None:
        sink, self._sink = self._sink, None
        if sink is not None and shiboken6.isValid(sink):
            sink.videoFrameChanged.disconnect(self.take)

    @Slot(QVideoFrame)
    def take(self, frame: QVideoFrame) -> None:
        if self._sink is None:
            return  # detached: a queued frame that was already on its way
        t = time.monotonic()
        rgb = to_rgb(frame)
        if rgb is None:
            return
        self.taken += 1
        self.take_s = [*self.take_s[-299:], time.monotonic() - t]
        self._on_rgb(rgb, t)
