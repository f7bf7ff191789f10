"""The camera coach end to end on real frames through the real pose model: videos made from a
photo Debian ships (tests/helpers/camera_media.py), decoded by OpenCV (`ptcoach count`, a real
subprocess) and by Qt (QMediaPlayer into a QVideoSink, as a camera's frames arrive)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers.camera_media import empty_video, need_photo, rising_video

from ptcoach.camera.backend import extra_installed

needs_extra = pytest.mark.skipif(not extra_installed(), reason="needs the camera extra")


def count(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ptcoach", "count", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


@pytest.fixture(scope="module")
def videos(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    if not extra_installed():
        pytest.skip("needs the camera extra")
    need_photo()
    d = tmp_path_factory.mktemp("videos")
    return {
        "four": rising_video(d / "four.avi", 4),
        "still": rising_video(d / "still.avi", 0, rest_s=6.0),
        "two": rising_video(d / "two.avi", 2),
        "empty": empty_video(d / "empty.avi"),
    }


@needs_extra
@pytest.mark.unit
def test_count_prints_the_reps_of_a_video_as_json(videos) -> None:
    out = count(str(videos["four"]), "--exercise", "step-up", "--format", "json")
    assert out.returncode == 0, out.stderr
    assert out.stderr == ""  # the runtime's own log is kept out of the way
    got = json.loads(out.stdout)
    assert got == {
        "exercise": "step-up",
        "reps": 4,
        "holds_s": [],
        "frames": got["frames"],
        "fps": 15.0,
        "warnings": [],
    }
    assert got["frames"] == (2 + 4 * 2 + 1) * 15


@needs_extra
@pytest.mark.unit
def test_someone_standing_still_counts_zero_reps(videos) -> None:
    for exercise in ("step-up", "calf-raise", "clamshell"):
        out = count(str(videos["still"]), "--exercise", exercise, "--format", "json")
        assert out.returncode == 0, out.stderr
        assert json.loads(out.stdout)["reps"] == 0, exercise
    # The same video moving up and down is no calf raise: the body does not rise over its feet.
    out = count(str(videos["four"]), "--exercise", "calf-raise", "--format", "json")
    assert json.loads(out.stdout)["reps"] == 0


@needs_extra
@pytest.mark.unit
def test_a_video_with_nobody_and_files_that_are_not_videos_get_one_line(
    videos, tmp_path: Path
) -> None:
    out = count(str(videos["empty"]), "--exercise", "step-up")
    assert out.returncode == 1
    assert out.stdout == ""
    assert out.stderr.strip().endswith("nobody in the video (a person was seen in 0 of 30 frames)")
    assert len(out.stderr.strip().splitlines()) == 1
    text = tmp_path / "notes.mp4"
    text.write_text("not a video at all\n")
    empty = tmp_path / "empty.avi"
    empty.write_bytes(b"")
    for bad in (text, empty, tmp_path / "missing.avi", tmp_path):
        out = count(str(bad), "--exercise", "step-up")
        assert out.returncode == 1, bad
        assert out.stderr.startswith("ptcoach count: "), out.stderr
        assert "Traceback" not in out.stderr
        assert len(out.stderr.strip().splitlines()) == 1, out.stderr


@pytest.mark.unit
def test_an_exercise_the_camera_cannot_follow_is_a_usage_error(tmp_path: Path) -> None:
    out = count(str(tmp_path / "x.avi"), "--exercise", "cat-cow")
    assert out.returncode == 2
    assert "spine" in out.stderr
    out = count(str(tmp_path / "x.avi"), "--exercise", "no-such")
    assert out.returncode == 2
    assert "choose from:" in out.stderr and "wall-sit" in out.stderr


BLOCK_EXTRA = """
import sys
class Refuse:
    def find_spec(self, name, path=None, target=None):
        if name == "mediapipe" or name.startswith("mediapipe."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None
sys.meta_path.insert(0, Refuse())
"""


@pytest.mark.unit
def test_without_the_extra_count_says_how_to_get_it(tmp_path: Path) -> None:
    """The real command with the real import failing (a finder that refuses mediapipe)."""
    need_photo()
    video = rising_video(tmp_path / "v.avi", 1) if extra_installed() else tmp_path / "v.avi"
    code = BLOCK_EXTRA + (
        "from ptcoach.app import main\n"
        f"sys.exit(main(['count', {str(video)!r}, '--exercise', 'step-up']))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 3
    assert out.stderr.strip() == (
        "ptcoach count: The camera coach needs the optional camera extra: "
        "pip install 'ptcoach[camera]' (or make camera)."
    )


@needs_extra
def test_frames_decoded_by_qt_count_through_the_real_model(qtbot, videos) -> None:
    """A camera's path: QVideoFrames from a QVideoSink, taken on the GUI thread and copied into
    arrays (FrameTap), then the pose model and the coach."""
    from helpers.video_source import VideoSource, finish_deletions
    from PySide6.QtCore import QObject

    from ptcoach.camera.backend import load_backend
    from ptcoach.camera.coach import ExerciseCoach

    frames: list = []
    owner = QObject()  # Qt owns the player and sink through it; deleted below
    source = VideoSource(videos["two"], lambda rgb, t: frames.append((rgb, t)), owner)
    try:
        source.start()
        qtbot.waitUntil(source.ended, timeout=30000)
    finally:
        source.stop()
        owner.deleteLater()
        finish_deletions()
    assert frames and frames[0][0].shape == (342, 548, 3)
    assert len(frames) >= 0.8 * (2 + 2 * 2 + 1) * 15  # a few may be dropped, never many
    times = [t for _, t in frames]
    assert times == sorted(times)
    backend = load_backend()
    coach = ExerciseCoach("step-up", gestures=False)
    try:
        for rgb, t in frames:
            coach.feed(t, backend.detect(rgb, t))
    finally:
        backend.close()
    assert coach.reps == 2


@needs_extra
@pytest.mark.unit
def test_the_worker_poses_the_newest_frame_and_drops_the_stale_ones() -> None:
    """Frames offered faster than the model runs: only the newest waiting one is kept. The
    worker's thread sees arrays only, and delivers nothing once stop() has returned."""
    import threading

    import cv2

    from ptcoach.camera.worker import Failed, Posed, PoseWorker

    photo = cv2.cvtColor(cv2.imread(str(need_photo())), cv2.COLOR_BGR2RGB)
    first, second = threading.Event(), threading.Event()
    got: list[Posed | Failed] = []

    def deliver(item: Posed | Failed) -> None:  # on the worker's thread
        got.append(item)
        (second if first.is_set() else first).set()

    worker = PoseWorker(deliver).start()
    try:
        worker.offer(photo, time.monotonic())  # the model loads on the worker's thread
        assert first.wait(30)
        for _ in range(40):  # far faster than a model run each
            newest = time.monotonic()
            worker.offer(photo, newest)
        assert second.wait(30)
        deadline = time.monotonic() + 30
        while len(got) + worker.dropped < 41 and time.monotonic() < deadline:
            time.sleep(0.02)  # the newest frame is posed too
    finally:
        assert worker.stop(10.0)
    assert worker.offered == 41
    assert worker.dropped >= 30  # stale frames dropped instead of queued
    assert worker.processed + worker.dropped == worker.offered
    assert all(isinstance(item, Posed) and item.pose is not None for item in got)
    last = got[-1]
    assert isinstance(last, Posed) and last.t == newest  # the last frame offered
    delivered = len(got)
    worker.offer(photo, time.monotonic())  # after stop(): ignored
    assert len(got) == delivered and worker.offered == 41


@pytest.mark.unit
def test_a_worker_whose_model_fails_says_so_once_and_stops() -> None:
    import threading

    import numpy as np

    from ptcoach.camera.worker import Failed, PoseWorker

    class Broken:
        name = "broken"

        def detect(self, rgb, t_s):
            raise ValueError("bad frame")

        def close(self) -> None:
            pass

    got: list = []
    done = threading.Event()
    worker = PoseWorker(lambda item: (got.append(item), done.set()), make_backend=Broken)
    worker.start().offer(np.zeros((8, 8, 3), np.uint8), 1.0)
    assert done.wait(10)
    assert worker.join(10.0)
    assert got == [Failed("The pose model failed: bad frame")]


@needs_extra
@pytest.mark.unit
def test_the_models_licence_is_credited_once_it_is_loaded() -> None:
    code = (
        "from ptcoach import credits\n"
        "before = len(credits.by_kind(credits.MODEL_WEIGHTS))\n"
        "from ptcoach.camera.backend import load_backend\n"
        "load_backend().close(); load_backend().close()\n"
        "(c,) = credits.by_kind(credits.MODEL_WEIGHTS)\n"
        "print(before, c.licence, c.name)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == (
        "0 Apache-2.0 BlazePose GHUM pose landmark model (full) and pose detector"
    )
    # ... and the licence is the one the wheel itself declares.
    from importlib import metadata

    assert metadata.metadata("mediapipe")["License"] == "Apache 2.0"


class StickBackend:
    """Another PoseBackend: stick figures by frame time (a wall sit from 1 s to 4 s and from
    5 s on). Shows that the pipeline needs nothing of mediapipe's but the interface."""

    name = "stick figures"

    def __init__(self) -> None:
        self.closed = False

    def detect(self, rgb, t_s):
        from helpers.stick import pose_of, wall_sit

        assert rgb.ndim == 3 and rgb.shape[2] == 3
        return pose_of(wall_sit(90.0 if 1.0 <= t_s < 4.0 or t_s >= 5.0 else 170.0))

    def close(self) -> None:
        self.closed = True


@needs_extra
@pytest.mark.unit
def test_holds_from_a_video_are_the_held_stretches_through_any_backend(tmp_path: Path) -> None:
    from ptcoach.camera.video import count_video

    need_photo()
    video = rising_video(tmp_path / "v.avi", 0, rest_s=6.0)  # 7 s, 105 frames
    backend = StickBackend()
    result = count_video(video, "wall-sit", backend=backend)
    assert not backend.closed  # the caller's backend is the caller's to close
    assert result.reps == 0 and result.frames == 105
    assert result.holds_s == pytest.approx([3.0, 2.0], abs=0.15)
    assert result.as_json()["holds_s"] == result.holds_s


@needs_extra
@pytest.mark.unit
def test_a_street_of_people_walking_is_flagged_as_untrustworthy() -> None:
    """opencv-doc's vtest.avi: several small people walking. Walking moves the hips as a step
    does, so reps may be counted; the output must say the picture was not one runner."""
    from helpers.camera_media import DATA

    video = DATA / "vtest.avi"
    if not video.is_file():
        pytest.skip("needs Debian's opencv-doc")
    out = count(str(video), "--exercise", "step-up", "--format", "json")
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout)
    assert got["frames"] == 795 and got["fps"] == 10.0
    assert any("out of sight" in w for w in got["warnings"])
    assert any("followed someone else" in w for w in got["warnings"])
