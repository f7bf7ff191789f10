"""The camera coach in a real session window: camera counts end the set, a lost hold stops the
clock, form cues are spoken clips, the indicator whenever the camera is on, the calibration view
before Start, and the paths without a camera, without the extra, and a camera unplugged."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from factories import exercise, routine
from helpers.camera_media import need_photo, rising_video
from helpers.stick import plank, pose_of, standing
from helpers.video_source import VideoSource, finish_deletions, valid
from PySide6.QtCore import QObject, QSettings
from PySide6.QtMultimedia import QCameraDevice

from ptcoach.audio.clips import CAMERA_PHRASES, available
from ptcoach.camera import exercises
from ptcoach.camera.backend import extra_installed
from ptcoach.camera.landmarks import L, Pose
from ptcoach.camera.worker import Posed, join_all
from ptcoach.catalog.model import Kind, Targets
from ptcoach.engine.plan import expand
from ptcoach.engine.session import Session, State
from ptcoach.ui.camera import camera_settings
from ptcoach.ui.camera.indicator import CameraIndicator
from ptcoach.ui.camera.session_camera import SessionCamera, attach_camera, form_clip
from ptcoach.ui.camera.source import LOST, CameraSource
from ptcoach.ui.session.driver import SessionDriver
from ptcoach.ui.session.window import SessionWindow


def settings_for(tmp_path: Path, enabled: bool = True) -> QSettings:
    s = QSettings(str(tmp_path / "camera.ini"), QSettings.Format.IniFormat)
    camera_settings.save(s, camera_settings.CameraSettings(enabled=enabled))
    return s


def open_window(qtbot, plan) -> tuple[SessionWindow, SessionDriver]:
    driver = SessionDriver(Session(plan))  # the real clock: frames carry monotonic times
    window = SessionWindow(driver)
    window.resize(1024, 640)
    window.show()
    qtbot.waitExposed(window)
    return window, driver


def close(window: SessionWindow, driver: SessionDriver) -> None:
    """Camera off with its thread joined, the window closed and deleted, the deletions done:
    nothing of this test is left for the next one's event loop."""
    camera = window.findChild(SessionCamera)
    if camera is not None:
        camera.stop(wait_s=10.0)
    driver.stop()
    window.close()
    window.deleteLater()
    finish_deletions()
    assert join_all(10.0) == 0  # no pose thread outlives its test
    if camera is not None:
        assert not valid(camera)  # deleted with its window, by Qt


class NoBackend:
    """A pose backend that sees nobody: for tests that hand the coach its poses themselves."""

    name = "none"

    def detect(self, rgb, t_s):
        return None

    def close(self) -> None:
        pass


def video_sources(made: list[VideoSource], path: Path | None = None):
    """A make_source for SessionCamera: a VideoSource (a child of the camera coach), kept in
    `made` for the test to play and unplug."""

    def make(on_rgb, parent):
        made.append(VideoSource(path, on_rgb, parent))
        return made[-1]

    return make


def indicator(window) -> CameraIndicator:
    found = window.view.findChild(CameraIndicator)
    assert found is not None
    return found


def test_every_form_cue_has_its_spoken_clip_word_for_word():
    checks = {c.id: c.text for s in (*exercises.REPS.values(), *exercises.HOLDS.values())
              for c in s.form}  # fmt: skip
    clips = available()
    for cue_id, text in checks.items():
        assert CAMERA_PHRASES[form_clip(cue_id)] == text
        assert form_clip(cue_id) in clips
    assert "camera_hold_lost" in clips


def test_with_no_camera_the_session_says_why_in_one_line_and_runs_as_before(qtbot, tmp_path):
    """Offscreen there is no camera: QMediaDevices lists none. Checked, not waited for."""
    if not extra_installed():
        pytest.skip("needs the camera extra (without it the reason is the extra)")
    plan = expand(routine((exercise("step-up"), Targets(sets=1, reps=3, rest_s=0))))
    window, driver = open_window(qtbot, plan)
    try:
        t0 = time.perf_counter()
        camera = attach_camera(window, None, settings_for(tmp_path))
        assert time.perf_counter() - t0 < 0.5
        assert not camera.on
        ind = indicator(window)
        assert ind.isVisible() and not ind.on
        assert ind.text() == camera_settings.NO_CAMERA
        assert "\n" not in ind.text()
        # The real source says the same when asked directly.
        source = CameraSource(lambda rgb, t: None, "", window)
        assert source.start() == camera_settings.NO_CAMERA
        source.deleteLater()
    finally:
        close(window, driver)


def test_the_app_plans_paced_reps_and_shows_the_line_when_the_camera_cannot_be_used(
    make_app, qtbot
):
    app = make_app()
    camera_settings.save(app.shell.settings, camera_settings.CameraSettings(enabled=True))
    routine_ = next(iter(app.shell.routines.values()))
    window = app.shell.open_session(routine_, list(routine_.default_targets()))
    try:
        work = [p for p in window.driver.session.plan.phases if p.target_reps]
        assert work and all(s.duration_s is not None for p in work for s in p.segments)
        expected = camera_settings.NO_CAMERA if extra_installed() else camera_settings.MISSING_EXTRA
        assert indicator(window).text() == expected
        assert getattr(window, "camera", None) is None
    finally:
        window.close()


BLOCK_EXTRA = """
import sys
class Refuse:
    def find_spec(self, name, path=None, target=None):
        if name == "mediapipe" or name.startswith("mediapipe."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None
sys.meta_path.insert(0, Refuse())
"""

WITHOUT_EXTRA = (
    BLOCK_EXTRA
    + """
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from ptcoach.ui.camera import camera_settings
from ptcoach.ui.camera.preferences_box import CameraBox
print(camera_settings.why_unavailable())
box = CameraBox(QSettings(sys.argv[1], QSettings.Format.IniFormat))
print(box.enable_check.isEnabled(), box.enable_check.text())
from ptcoach.camera.backend import CameraUnavailable, load_backend
try:
    load_backend()
except CameraUnavailable as exc:
    print(exc)
"""
)


def test_without_the_extra_preferences_and_sessions_say_how_to_get_it(tmp_path):
    """The real modules with the real import failing (a finder that refuses mediapipe)."""
    out = subprocess.run(
        [sys.executable, "-c", WITHOUT_EXTRA, str(tmp_path / "s.ini")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().splitlines()
    assert lines == [
        camera_settings.MISSING_EXTRA,
        "False Camera coach off: needs the camera extra",
        camera_settings.MISSING_EXTRA,
    ]


def test_an_unplugged_camera_is_noticed_from_the_device_list(qtbot):
    owner = QObject()
    try:
        source = CameraSource(lambda rgb, t: None, "", owner)
        source.running = True  # as after start() on a camera that has since gone
        source.device = QCameraDevice()
        with qtbot.waitSignal(source.failed, timeout=2000) as sig:
            source._on_inputs_changed()  # what QMediaDevices.videoInputsChanged calls
        assert sig.args == [LOST]
        assert not source.running
    finally:
        owner.deleteLater()
        finish_deletions()


@pytest.fixture
def rising(tmp_path_factory):
    if not extra_installed():
        pytest.skip("needs the camera extra")
    need_photo()
    return rising_video(tmp_path_factory.mktemp("v") / "two.avi", 2, rest_s=1.5)


def test_camera_counts_end_the_set_and_are_stored_with_it(qtbot, tmp_path, rising):
    """A video (the body rising twice, as on a step) is the camera; the real model counts; the
    set of two self-paced reps ends on the second count, with no key pressed."""
    plan = expand(
        routine((exercise("step-up"), Targets(sets=1, reps=2, rest_s=0)), lead_in_s=0),
        self_paced=True,
    )
    window, driver = open_window(qtbot, plan)
    sources: list[VideoSource] = []
    records: list = []
    noted: list = []

    class Recorder:  # the store's side is tested in test_camera_store.py
        def note_camera(self, index, reps, flags):
            noted.append((index, reps, flags))

    driver.recorder = Recorder()  # type: ignore[assignment]
    driver.set_completed.connect(lambda e: records.append(e.record))
    try:
        camera = SessionCamera(window, make_source=video_sources(sources))
        window.camera = camera  # type: ignore[attr-defined]
        assert camera.start()
        ind = indicator(window)
        assert ind.isVisible() and ind.on and ind.text().startswith("Camera on")
        assert camera.calibration is not None and camera.calibration.isVisible()
        driver.toggle()  # Start
        qtbot.waitUntil(lambda: driver.state is State.RUNNING, timeout=5000)
        assert camera.calibration is None  # gone once the session starts
        sources[0].play(rising)
        qtbot.waitUntil(lambda: driver.state is State.FINISHED, timeout=30000)
        assert [r.reps for r in records] == [2]
        assert not records[0].skipped
        assert noted[-1] == (records[0].phase_index, 2, [])
        assert [k for k, _ in camera.log if k == "rep"] == ["rep", "rep"]
        worker = camera.worker
        assert worker is not None and worker.processed > 0
    finally:
        close(window, driver)


def test_a_camera_unplugged_mid_session_leaves_the_session_running_with_the_keys(qtbot, rising):
    plan = expand(
        routine((exercise("step-up"), Targets(sets=1, reps=2, rest_s=0)), lead_in_s=0),
        self_paced=True,
    )
    window, driver = open_window(qtbot, plan)
    sources: list[VideoSource] = []
    try:
        camera = SessionCamera(window, make_source=video_sources(sources, rising))
        assert camera.start()
        driver.toggle()
        qtbot.waitUntil(lambda: camera.worker is not None and camera.worker.processed > 3)
        sources[0].unplug()
        qtbot.waitUntil(lambda: not camera.on, timeout=3000)
        assert indicator(window).text() == LOST
        assert driver.state is State.RUNNING
        driver.mark_rep()
        driver.mark_rep()  # Enter, twice: the set ends as without a camera
        assert driver.state is State.FINISHED
    finally:
        close(window, driver)


def test_a_lost_plank_stops_the_clock_as_of_the_loss_and_resumes_when_regained(qtbot):
    plan = expand(
        routine((exercise("plank", Kind.HOLD), Targets(sets=1, hold_s=30, rest_s=0)), lead_in_s=0)
    )
    window, driver = open_window(qtbot, plan)
    played: list[str] = []

    class Director:
        silent = False

        class settings:
            muted = False

        class player:
            @staticmethod
            def play(clip):
                played.append(clip)

    try:
        camera = SessionCamera(  # a camera that sends nothing: the test hands the poses in
            window, director=Director(), make_source=video_sources([]), make_backend=NoBackend
        )
        assert camera.start()
        driver.toggle()
        qtbot.waitUntil(lambda: driver.state is State.RUNNING)
        t = time.monotonic()

        def frames(pose, seconds):
            nonlocal t
            for _ in range(int(seconds * 15)):
                t += 1 / 15
                camera.take(Posed(pose, t))
            qtbot.wait(50)

        frames(pose_of(plank()), 1.0)
        assert driver.state is State.RUNNING
        frames(pose_of(plank(sag=1.5)), 1.0)  # hips on the floor: no longer a plank
        assert driver.state is State.PAUSED
        assert camera.paused_by_camera
        assert played == ["form_hips-sag", "camera_hold_lost"]  # the cue, then the clock stops
        frames(pose_of(plank()), 1.0)
        assert driver.state is State.RUNNING
        assert played[-1] == "start"
        assert [k for k, _ in camera.log] == ["cue", "hold-lost", "hold-regained"]
    finally:
        close(window, driver)


def test_a_hand_raised_for_a_second_pauses_and_another_resumes(qtbot):
    plan = expand(routine((exercise("step-up"), Targets(sets=1, reps=5, rest_s=0)), lead_in_s=0))
    window, driver = open_window(qtbot, plan)
    try:
        camera = SessionCamera(window, make_source=video_sources([]), make_backend=NoBackend)
        assert camera.start()
        driver.toggle()
        qtbot.waitUntil(lambda: driver.state is State.RUNNING)
        t = time.monotonic()
        for hand_up, seconds, state in ((True, 1.3, State.PAUSED), (False, 0.5, State.PAUSED),
                                        (True, 1.3, State.RUNNING)):  # fmt: skip
            for _ in range(int(seconds * 15)):
                t += 1 / 15
                camera.take(Posed(pose_of(standing(hand_up=hand_up)), t))
            qtbot.wait(30)
            assert driver.state is state
        assert [k for k, _ in camera.log] == ["gesture", "gesture"]
    finally:
        close(window, driver)


def test_the_calibration_view_draws_the_skeleton_and_says_what_it_cannot_see(qtbot):
    from PySide6.QtGui import QColor, QImage

    from ptcoach.ui.camera.calibration import CalibrationView

    plan = expand(routine((exercise("step-up"), Targets(sets=1, reps=5, rest_s=0))))
    window, driver = open_window(qtbot, plan)
    try:
        view = CalibrationView(window.view.illustration)
        view.show()
        assert view.message() == "Starting the camera…"
        picture = QImage(320, 240, QImage.Format.Format_RGB888)
        picture.fill(QColor("#808080"))
        view.show_frame(picture, None)
        assert view.message().endswith("Nobody in view yet.")
        whole = pose_of({k: (x * 240 / 320, y) for k, (x, y) in standing().items()})
        view.show_frame(picture, whole)
        assert view.message() == "All of you is in view. Press Start when ready."
        pts = whole.points.copy()
        pts[[L.LEFT_ANKLE, L.RIGHT_ANKLE, L.LEFT_KNEE, L.RIGHT_KNEE], 2] = 0.0
        view.show_frame(None, Pose(pts))  # the picture stays
        assert view.message() == (
            "Stand where the camera sees all of you. Not in view: knees, feet."
        )
        view.show_frame(None, whole)
        shot = view.grab().toImage()
        green = sum(
            1
            for x in range(0, shot.width(), 2)
            for y in range(0, shot.height(), 2)
            if shot.pixelColor(x, y).green() > 150 and shot.pixelColor(x, y).red() < 120
        )
        assert green > 20  # the bones are drawn over the picture
        assert view.geometry() == window.view.illustration.rect()
    finally:
        close(window, driver)


def test_a_camera_coach_deleted_with_its_window_unclosed_stops_its_worker_first(qtbot):
    """No closeEvent (the window deleted outright): `destroyed` stops the worker, so its thread
    never sends to a stream that is then deleted."""
    plan = expand(routine((exercise("step-up"), Targets(sets=1, reps=5, rest_s=0))))
    window, driver = open_window(qtbot, plan)
    sources: list[VideoSource] = []
    camera = SessionCamera(window, make_source=video_sources(sources), make_backend=NoBackend)
    assert camera.start()
    worker, stream = camera.worker, camera._stream
    assert worker is not None and stream is not None and not worker.stopped
    driver.stop()
    window.deleteLater()
    finish_deletions()
    assert not valid(camera) and not valid(sources[0])  # Qt deleted the coach and its source
    assert worker.stopped and worker.join(10.0)
    assert not stream.open
    finish_deletions()
    assert not valid(stream)


@pytest.mark.skipif(not extra_installed(), reason="needs the camera extra")
def test_preferences_choose_the_camera_and_keep_one_that_is_unplugged(qtbot, tmp_path):
    """The chooser lists the connected cameras after the dialog's first turn (none here), the
    default first; a camera chosen earlier that is not connected stays chosen, marked so."""
    from PySide6.QtMultimedia import QMediaDevices

    from ptcoach.ui.camera.preferences_box import CameraBox

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    camera_settings.save(settings, camera_settings.CameraSettings(True, "usb-cam-0"))
    box = CameraBox(settings)
    qtbot.addWidget(box)
    combo = box.device_combo
    connected = [d.description() for d in QMediaDevices.videoInputs()]
    assert not box.listed  # the dialog paints before the cameras are asked for
    qtbot.waitUntil(lambda: box.listed, timeout=5000)
    names = [combo.itemText(i) for i in range(combo.count())]
    assert names == ["Default camera", *connected, "usb-cam-0 (not connected)"]
    assert combo.currentData() == "usb-cam-0" and box.values().device == "usb-cam-0"
    combo.setCurrentIndex(0)
    box.save()
    assert camera_settings.load(settings) == camera_settings.CameraSettings(True, "")
