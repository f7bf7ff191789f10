"""Short videos with known motion, made from the full-body photo Debian's opencv-doc ships
(messi5.jpg), written with OpenCV into a test's tmp dir."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

DATA = Path("/usr/share/doc/opencv-doc/examples/data")
PHOTO = DATA / "messi5.jpg"
FPS = 15.0
SHIFT_PX = 40  # the body rises this far in each rep (the photo is 342 px high)


def need_photo() -> Path:
    if not PHOTO.is_file():
        pytest.skip("needs Debian's opencv-doc (make sysdeps installs it)")
    return PHOTO


def rising_video(path: Path, reps: int, *, rest_s: float = 2.0, rep_s: float = 2.0) -> Path:
    """The photo still for `rest_s`, then `reps` times moved up by SHIFT_PX and back (a raised
    cosine, `rep_s` each: the hips rise and fall as on a step), then still for a second."""
    import cv2
    import numpy as np

    img = cv2.imread(str(need_photo()))
    h, w = img.shape[:2]
    out = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), FPS, (w, h))
    total = rest_s + reps * rep_s + 1.0
    for i in range(int(total * FPS)):
        t = i / FPS - rest_s
        shift = 0.0
        if 0 <= t < reps * rep_s:
            shift = SHIFT_PX * 0.5 * (1 - math.cos(2 * math.pi * t / rep_s))
        m = np.float32([[1, 0, 0], [0, 1, -shift]])
        out.write(cv2.warpAffine(img, m, (w, h), borderMode=cv2.BORDER_REPLICATE))
    out.release()
    return path


def empty_video(path: Path, seconds: float = 2.0) -> Path:
    """A grey picture with a slow gradient: a room with nobody in it."""
    import cv2
    import numpy as np

    out = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), FPS, (320, 240))
    for i in range(int(seconds * FPS)):
        frame = np.full((240, 320, 3), 90 + i % 20, dtype=np.uint8)
        frame[:, :160] += 30
        out.write(frame)
    out.release()
    return path
