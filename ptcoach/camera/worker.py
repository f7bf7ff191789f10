"""The pose worker: a thread that runs the pose model on the newest frame only. Qt-free.

The thread sees plain data only: RGB numpy arrays in (copied out of the camera's frames on the
GUI thread, `ptcoach/ui/camera/frames.py`), `Posed` and `Failed` items out through `deliver`.
It never touches a Qt object, so nothing it does can race Qt's deletions (an import-linter
contract keeps PySide6 out of this package).

`offer()` replaces the waiting frame, so a slow model drops stale frames instead of falling
behind. `deliver` is called on the worker's thread, under the lock `stop()` takes: once
`stop()` has returned, `deliver` is never called again, even if the thread is still finishing
a model run; whatever `deliver` sends to may then be disposed of. The backend (a second of
imports and model loading) is built on the worker's own thread: the caller never waits for it.
Frames are read in memory and never written anywhere.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from ptcoach.camera.backend import CameraUnavailable, PoseBackend, load_backend
from ptcoach.camera.landmarks import Pose

RGB = npt.NDArray[np.uint8]


@dataclass(frozen=True)
class Posed:
    """The pose in one frame (None: nobody seen), the frame's time, and the frame itself when a
    preview was asked for (the worker's own copy)."""

    pose: Pose | None
    t: float
    preview: RGB | None = None


@dataclass(frozen=True)
class Failed:
    """The worker stopped: one line saying why."""

    message: str


Item = Posed | Failed

_LIVE: weakref.WeakSet[PoseWorker] = weakref.WeakSet()  # started and not yet joined


class PoseWorker:
    def __init__(
        self,
        deliver: Callable[[Item], None],
        *,
        make_backend: Callable[[], PoseBackend] = load_backend,
    ) -> None:
        self._deliver = deliver
        self._make_backend = make_backend
        self._cond = threading.Condition()
        self._frame: RGB | None = None
        self._frame_t = 0.0
        self._arrived = 0.0
        self._stop = False
        self.want_preview = False
        self.offered = 0
        self.processed = 0
        self.dropped = 0
        self.pose_s: list[float] = []  # model time per frame (the last 300)
        self.delay_s: list[float] = []  # frame offered -> result handed over (the last 300)
        self._thread = threading.Thread(target=self._run, name="ptcoach-pose", daemon=True)

    @property
    def stopped(self) -> bool:
        return self._stop

    def start(self) -> PoseWorker:
        _LIVE.add(self)
        self._thread.start()
        return self

    def offer(self, rgb: RGB, t: float) -> None:
        """A new frame (H x W x 3 uint8, the worker's to keep) taken at monotonic time `t`;
        any frame still waiting is dropped."""
        with self._cond:
            if self._stop:
                return
            if self._frame is not None:
                self.dropped += 1
            self._frame, self._frame_t, self._arrived = rgb, t, time.monotonic()
            self.offered += 1
            self._cond.notify()

    def stop(self, wait_s: float = 0.0) -> bool:
        """No more deliveries from the moment this returns; waits up to `wait_s` for the
        thread to end. True when it has ended (or never started)."""
        with self._cond:
            self._stop = True
            self._frame = None
            self._cond.notify()
        return self.join(wait_s)

    def join(self, wait_s: float) -> bool:
        if self._thread.is_alive() and wait_s > 0:
            self._thread.join(wait_s)
        ended = not self._thread.is_alive()
        if ended:
            _LIVE.discard(self)
        return ended

    def _send(self, item: Item) -> bool:
        """Deliver unless stopped; under the lock stop() takes, so never after it."""
        with self._cond:
            if self._stop:
                return False
            self._deliver(item)
            return True

    def _run(self) -> None:
        try:
            backend = self._make_backend()
        except CameraUnavailable as exc:
            self._send(Failed(str(exc)))
            return
        except Exception as exc:  # any failure is one line, never a crash
            self._send(Failed(f"The pose model could not be started: {exc}"))
            return
        try:
            while True:
                with self._cond:
                    while self._frame is None and not self._stop:
                        self._cond.wait()
                    if self._stop:
                        return
                    frame, t, arrived = self._frame, self._frame_t, self._arrived
                    self._frame = None
                if frame is not None:
                    self._process(backend, frame, t, arrived)
        finally:
            backend.close()

    def _process(self, backend: PoseBackend, rgb: RGB, t: float, arrived: float) -> None:
        t0 = time.perf_counter()
        try:
            pose = backend.detect(rgb, t)
        except Exception as exc:
            self._send(Failed(f"The pose model failed: {exc}"))
            with self._cond:
                self._stop = True
            return
        self.pose_s = [*self.pose_s[-299:], time.perf_counter() - t0]
        self.processed += 1
        self.delay_s = [*self.delay_s[-299:], time.monotonic() - arrived]
        self._send(Posed(pose, t, rgb if self.want_preview else None))


def join_all(wait_s: float) -> int:
    """Stop every worker still running and wait up to `wait_s` in all for their threads (at
    quit, and between tests: a thread inside the model's native code while the interpreter
    shuts down can crash it). The number still running."""
    deadline = time.monotonic() + wait_s
    left = 0
    for worker in list(_LIVE):
        worker.stop()
        if not worker.join(max(0.0, deadline - time.monotonic())):
            left += 1
    return left
