"""The pose backend interface: an RGB frame in, one person's landmarks (or None) out.

mediapipe 0.10's `solutions.pose` is the one backend today (`mediapipe_backend.py`); another
runtime (mediapipe's Tasks API, ONNX...) replaces it by implementing `PoseBackend` and being
returned from `load_backend()`. Nothing else in the app knows which runtime runs.
"""

from __future__ import annotations

from typing import Protocol

import numpy as np
import numpy.typing as npt

from ptcoach.camera.extra import MISSING_EXTRA, extra_installed
from ptcoach.camera.landmarks import Pose

__all__ = ["MISSING_EXTRA", "CameraUnavailable", "PoseBackend", "extra_installed", "load_backend"]


class CameraUnavailable(RuntimeError):
    """The camera extra is not installed, or its model cannot be loaded."""


class PoseBackend(Protocol):
    name: str

    def detect(self, rgb: npt.NDArray[np.uint8], t_s: float) -> Pose | None:
        """Landmarks of the person in `rgb` (H x W x 3, uint8), or None when nobody is seen.
        `t_s` is the frame's time (seconds, rising): a tracking backend uses it."""
        ...

    def close(self) -> None: ...


def load_backend(*, video: bool = True) -> PoseBackend:
    """The installed pose backend; CameraUnavailable (one line) when there is none.

    `video`: frames come in order (tracking); False treats each frame on its own."""
    try:
        from ptcoach.camera.mediapipe_backend import MediapipeBackend
    except ImportError as exc:
        raise CameraUnavailable(MISSING_EXTRA) from exc
    return MediapipeBackend(video=video)
