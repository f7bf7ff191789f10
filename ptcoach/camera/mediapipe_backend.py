"""PoseBackend on mediapipe 0.10's `solutions.pose` (BlazePose GHUM full, the landmark model its
wheel ships; licence Apache-2.0). Imported only through `backend.load_backend()`."""

from __future__ import annotations

import os
from typing import Any

import numpy as np
import numpy.typing as npt

from ptcoach import credits
from ptcoach.camera.backend import CameraUnavailable
from ptcoach.camera.landmarks import COUNT, Pose

# The C++ side logs to stderr at import and at the first frame; only errors are worth reading.
os.environ.setdefault("GLOG_minloglevel", "2")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

try:
    from mediapipe.python.solutions import pose as mp_pose
except ImportError:  # the extra is missing: the caller turns this into one line
    raise
except Exception as exc:  # a broken install (protobuf mismatch...) is one line too
    raise CameraUnavailable(f"the pose model could not be loaded: {exc}") from exc

CREDIT = credits.Credit(
    credits.MODEL_WEIGHTS,
    "BlazePose GHUM pose landmark model (full) and pose detector",
    "Google, through MediaPipe 0.10.21",
    "Apache-2.0",
    url="https://github.com/google-ai-edge/mediapipe",
    note="Shipped inside the mediapipe wheel; runs on this computer only, on frames that "
    "never leave memory. Used by the optional camera coach.",
)
credits.register(CREDIT)


class MediapipeBackend:
    name = "mediapipe-0.10 pose (full)"

    def __init__(self, *, video: bool = True) -> None:
        try:
            self._pose: Any = mp_pose.Pose(
                static_image_mode=not video,
                model_complexity=1,  # the full model: the only one the wheel ships
                smooth_landmarks=True,
                enable_segmentation=False,
                min_detection_confidence=0.5,
                min_tracking_confidence=0.5,
            )
        except Exception as exc:
            raise CameraUnavailable(f"the pose model could not be loaded: {exc}") from exc

    def detect(self, rgb: npt.NDArray[np.uint8], t_s: float) -> Pose | None:
        h, w = rgb.shape[:2]
        if h == 0 or w == 0:
            return None
        result = self._pose.process(np.ascontiguousarray(rgb))
        found = result.pose_landmarks
        if found is None:
            return None
        pts = np.empty((COUNT, 3), dtype=np.float64)
        for i, lm in enumerate(found.landmark):
            # Normalised x is a share of the width: to square units (the height is 1).
            pts[i] = (lm.x * w / h, lm.y, lm.visibility)
        return Pose(pts)

    def close(self) -> None:
        self._pose.close()
