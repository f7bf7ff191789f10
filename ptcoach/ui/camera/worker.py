"""The pose worker: a thread that runs the pose model on the newest frame only.

`offer()` may be called from any thread (the video sink's); it replaces the waiting frame, so
a slow model drops stale frames instead of falling behind. The backend (a second of imports and
model loading) is built on the worker's own thread: the GUI thread never waits for it. Frames
are converted and read in memory and never written anywhere.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from ptcoach.camera.backend import CameraUnavailable, PoseBackend, load_backend
from ptcoach.camera.landmarks import Pose

PREVIEW_PX = 360  # the calibration picture's longer side

Result = Callable[[Pose | None, float, QImage | None], None]


class PoseWorker:
    def __init__(
        self,
        on_result: Result,
        on_failed: Callable[[str], None],
        *,
        make_backend: Callable[[], PoseBackend] = load_backend,
    ) -> None:
        self._on_result = on_result
        self._on_failed = on_failed
        self._make_backend = make_backend
        self._cond = threading.Condition()
        self._frame: Any = None  # a QVideoFrame or a QImage
        self._frame_t = 0.0
        self._stop = False
        self.want_preview = False
        self.offered = 0
        self.processed = 0
        self.dropped = 0
        self.pose_s: list[float] = []  # model time per frame (the last 300)
        self.delay_s: list[float] = []  # frame arrival -> result handed over (the last 300)
        self._thread = threading.Thread(target=self._run, name="ptcoach-pose", daemon=True)

    def start(self) -> PoseWorker:
        self._thread.start()
        return self

    def offer(self, frame: Any) -> None:
        """A new frame (QVideoFrame or QImage); any waiting one is dropped."""
        with self._cond:
            if self._frame is not None:
                self.dropped += 1
            self._frame = frame
            self._frame_t = time.monotonic()
            self.offered += 1
            self._cond.notify()

    def stop(self, wait_s: float = 0.0) -> None:
        with self._cond:
            self._stop = True
            self._frame = None
            self._cond.notify()
        if wait_s > 0 and self._thread.is_alive():
            self._thread.join(wait_s)

    def _run(self) -> None:
        try:
            backend = self._make_backend()
        except CameraUnavailable as exc:
            self._on_failed(str(exc))
            return
        except Exception as exc:  # any failure is one line, never a crash
            self._on_failed(f"The pose model could not be started: {exc}")
            return
        try:
            while True:
                with self._cond:
                    while self._frame is None and not self._stop:
                        self._cond.wait()
                    if self._stop:
                        return
                    frame, t = self._frame, self._frame_t
                    self._frame = None
                self._process(backend, frame, t)
        finally:
            backend.close()

    def _process(self, backend: PoseBackend, frame: Any, t: float) -> None:
        from ptcoach.ui.camera.frames import image_to_rgb

        image = frame if isinstance(frame, QImage) else frame.toImage()
        if image.isNull():
            return
        rgb = image_to_rgb(image)
        t0 = time.perf_counter()
        try:
            pose = backend.detect(rgb, t)
        except Exception as exc:
            self._on_failed(f"The pose model failed: {exc}")
            self.stop()
            return
        self.pose_s = [*self.pose_s[-299:], time.perf_counter() - t0]
        preview = None
        if self.want_preview:
            preview = image.scaled(
                PREVIEW_PX,
                PREVIEW_PX,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        self.processed += 1
        self.delay_s = [*self.delay_s[-299:], time.monotonic() - t]
        self._on_result(pose, t, preview)
