"""`ptcoach count`'s pipeline: a video file through the pose backend and an ExerciseCoach.

Frames are decoded with OpenCV (part of the camera extra), one at a time; nothing is written.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from ptcoach.camera.backend import PoseBackend, load_backend
from ptcoach.camera.coach import ExerciseCoach, Kind

MIN_SEEN = 0.2  # under this share of frames with a person: "nobody in the video"
DEFAULT_FPS = 30.0


class NotAVideo(ValueError):
    """The file cannot be decoded as a video (or has no frames)."""


class Nobody(ValueError):
    """The video decodes, but hardly a frame shows a person."""


@dataclass
class Result:
    exercise: str
    reps: int
    holds_s: list[float]
    frames: int
    fps: float
    warnings: list[str] = field(default_factory=list)
    cues: list[tuple[float, str]] = field(default_factory=list)  # (t, cue id)
    rep_times: list[float] = field(default_factory=list)
    pose_s: float = 0.0  # seconds spent in the pose model

    def as_json(self) -> dict[str, Any]:
        return {
            "exercise": self.exercise,
            "reps": self.reps,
            "holds_s": self.holds_s,
            "frames": self.frames,
            "fps": round(self.fps, 3),
            "warnings": self.warnings,
        }


def frames(path: Path) -> tuple[float, Iterator[npt.NDArray[np.uint8]]]:
    """(frames per second, RGB frames) of a video file; NotAVideo when it is not one."""
    import cv2

    if not path.is_file():
        raise NotAVideo(f"{path}: no such file")
    cap = cv2.VideoCapture(str(path))
    ok, first = cap.read() if cap.isOpened() else (False, None)
    if not ok or first is None:
        cap.release()
        raise NotAVideo(f"{path}: not a video file this ptcoach can decode")
    fps = float(cap.get(cv2.CAP_PROP_FPS) or 0.0)
    if not math.isfinite(fps) or not 1.0 <= fps <= 1000.0:
        fps = DEFAULT_FPS

    def gen() -> Iterator[npt.NDArray[np.uint8]]:
        frame = first
        try:
            while frame is not None:
                rgb = np.asarray(cv2.cvtColor(frame, cv2.COLOR_BGR2RGB), dtype=np.uint8)
                yield rgb
                ok, frame = cap.read()
                if not ok:
                    break
        finally:
            cap.release()

    return fps, gen()


def count_video(
    path: Path,
    exercise_id: str,
    *,
    side: str | None = None,
    backend: PoseBackend | None = None,
) -> Result:
    """Run the coach over every frame. NotAVideo, Nobody, CameraUnavailable, ValueError (an
    exercise the camera cannot follow) are the caller's to report."""
    import time

    coach = ExerciseCoach(exercise_id, side, gestures=False)
    fps, stream = frames(path)
    own = backend is None
    pose_backend = backend if backend is not None else load_backend(video=True)
    result = Result(exercise_id, 0, [], 0, fps)
    try:
        for i, rgb in enumerate(stream):
            t = i / fps
            t0 = time.perf_counter()
            pose = pose_backend.detect(rgb, t)
            result.pose_s += time.perf_counter() - t0
            for ev in coach.feed(t, pose):
                if ev.kind is Kind.REP:
                    result.rep_times.append(t)
                elif ev.kind is Kind.CUE and ev.cue is not None:
                    result.cues.append((t, ev.cue.id))
    finally:
        if own:
            pose_backend.close()
    result.frames = coach.frames
    if coach.frames == 0:
        raise NotAVideo(f"{path}: the video has no frames")
    if coach.seen / coach.frames < MIN_SEEN:
        raise Nobody(
            f"{path}: nobody in the video (a person was seen in {coach.seen} of "
            f"{coach.frames} frames)"
        )
    result.reps = coach.reps
    result.holds_s = coach.holds()
    seen_share = coach.seen / coach.frames
    if seen_share < 0.9:
        result.warnings.append(
            f"the person was out of sight in {100 * (1 - seen_share):.0f}% of the frames"
        )
    if coach.switches:
        result.warnings.append(
            f"the pose jumped {coach.switches} times, as if it followed someone else: "
            "film one person"
        )
    for cue_id in coach.flags:
        result.warnings.append(f"form: {cue_id}")
    return result
