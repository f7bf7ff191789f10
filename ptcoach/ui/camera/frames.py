"""QVideoFrame to an RGB numpy array (a copy: the frame's buffer is the camera's)."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QVideoFrame

MAX_SIDE = 640  # larger frames are scaled down first: the model sees 256x256 anyway


def to_rgb(frame: QVideoFrame) -> npt.NDArray[np.uint8] | None:
    if not frame.isValid():
        return None
    image = frame.toImage()
    if image.isNull():
        return None
    return image_to_rgb(image)


def image_to_rgb(image: QImage) -> npt.NDArray[np.uint8]:
    from PySide6.QtCore import Qt

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
