"""The camera coach in a session window.

When Preferences turn the camera on (and the extra and a camera are there), the session's reps
are self-paced and the camera marks each one: the set ends when the camera has counted the
target. A hold's clock runs only while the position is held: losing it pauses the session (as
of the moment it was lost) with a spoken line, regaining it resumes with a tone. Form cues are
spoken and shown, at most one every few seconds. A hand raised above the head for a second
pauses or resumes. Every set's count and form flags go to the recorder with the set.

Frames come from QtMultimedia (`source.py`), are copied into numpy arrays on the GUI thread
(`frames.py`) and go to the pose worker's thread (`ptcoach/camera/worker.py`), which touches no
Qt object; its results come back to the GUI thread through an application-owned `Stream`
(`ui/background.py`), closed only once the worker has stopped delivering. Every QObject here
is Qt's (a child of this object, itself the window's) and is disposed of in `stop()`, which the
window's closing calls (and, should the window be deleted unclosed, `destroyed`). Before
Start, the calibration view shows the picture and the skeleton. Anything that fails is one line
in the indicator; the session carries on with the keys (Enter marks a rep).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings

from ptcoach.camera.coach import CoachEvent, ExerciseCoach, Kind, can_see
from ptcoach.camera.gesture import RaisedHand
from ptcoach.ui.background import Stream
from ptcoach.ui.camera import camera_settings
from ptcoach.ui.camera.frames import rgb_to_image
from ptcoach.ui.camera.indicator import CameraIndicator
from ptcoach.ui.session.handsfree import Command, perform

if TYPE_CHECKING:
    from ptcoach.camera.backend import PoseBackend
    from ptcoach.camera.worker import RGB, Item, PoseWorker
    from ptcoach.ui.camera.calibration import CalibrationView
    from ptcoach.ui.session.window import SessionWindow

HOLD_LOST_CLIP = "camera_hold_lost"
HOLD_BACK_CLIP = "start"  # the rising tone: the clock runs again


def form_clip(cue_id: str) -> str:
    return f"form_{cue_id}"


# A source of frames: make_source(on_rgb, parent) -> an object with start() -> None or a
# one-line error, stop(), and a `failed` signal; a QObject child of `parent` (Qt owns it).
SourceFactory = Callable[[Callable[["RGB", float], None], QObject], Any]
STOP_WAIT_S = 0.25  # a model run is ~30 ms; a thread still loading the model ends by itself
QUIT_WAIT_S = 3.0


class SessionCamera(QObject):
    def __init__(
        self,
        window: SessionWindow,
        *,
        director: Any = None,
        settings: QSettings | None = None,
        make_source: SourceFactory | None = None,
        make_backend: Callable[[], PoseBackend] | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.driver = window.driver
        self.director = director
        prefs = (
            camera_settings.load(settings)
            if settings is not None
            else camera_settings.CameraSettings()
        )
        self.device = prefs.device
        self._make_source = make_source
        self._make_backend = make_backend
        self.source: Any = None
        self.worker: PoseWorker | None = None
        self._stream: Stream | None = None
        # What must stop if Qt deletes this object without stop() (its window deleted
        # unclosed): plain references, for a handler that never touches this object.
        self._running: list[tuple[PoseWorker, Stream]] = []
        self.destroyed.connect(functools.partial(_stop_orphaned, self._running))
        self.coach: ExerciseCoach | None = None
        self._coach_phase: int | None = None
        self.paused_by_camera = False
        self.gesture = RaisedHand()
        self.log: list[tuple[str, float]] = []  # (what, frame time): reps, holds, cues, gestures
        self.calibration: CalibrationView | None = None
        self.indicator = window.view.findChild(CameraIndicator) or CameraIndicator(window.view)
        self.driver.phase_started.connect(self._on_phase_started)
        self.driver.session_started.connect(self._on_session_started)
        window.closed.connect(self.stop)

    @property
    def on(self) -> bool:
        return self.worker is not None

    # ------------------------------------------------------------ on / off
    def start(self) -> bool:
        """Open the camera and start the worker; False (and one line shown) when it cannot."""
        if self.on:
            return True
        if self._make_source is None:
            why = camera_settings.why_unavailable(self.device)
            if why is not None:
                self.indicator.set_on(False, self.tr(why))
                return False
        from ptcoach.camera.worker import PoseWorker

        stream = Stream(self, self.take)
        if self._make_backend is not None:
            worker = PoseWorker(stream.send, make_backend=self._make_backend)
        else:
            worker = PoseWorker(stream.send)
        if self._make_source is not None:
            source = self._make_source(worker.offer, self)
        else:
            from ptcoach.ui.camera.source import CameraSource

            source = CameraSource(worker.offer, self.device, self)
        error = source.start()
        if error:
            source.stop()
            source.deleteLater()
            stream.close()
            self.indicator.set_on(False, self.tr(error))
            return False
        source.failed.connect(self._on_failed)
        self.source, self._stream = source, stream
        self.worker = worker.start()
        self._running[:] = [(worker, stream)]
        self.indicator.set_on(True)
        from ptcoach.engine.session import State

        if self.driver.state is State.READY:
            self._show_calibration()
        return True

    def stop(self, wait_s: float = STOP_WAIT_S) -> None:
        """Camera off: the worker stops delivering at once (its thread is given `wait_s` to
        end), the camera's objects are disposed of, then the results' stream."""
        worker, self.worker = self.worker, None
        source, self.source = self.source, None
        stream, self._stream = self._stream, None
        self._running.clear()
        if worker is not None:
            worker.stop(wait_s)
        if source is not None:
            source.failed.disconnect(self._on_failed)
            source.stop()
            source.deleteLater()
        if stream is not None:
            stream.close()
        self._hide_calibration()
        self.indicator.set_on(False)

    def _on_failed(self, message: str) -> None:
        was_on = self.on
        self.stop()
        self.indicator.set_on(False, message)
        if was_on and self.paused_by_camera:
            self.paused_by_camera = False  # the runner resumes with Space now
        self.log.append(("failed", 0.0))

    # ------------------------------------------------------------ calibration
    def _show_calibration(self) -> None:
        from ptcoach.ui.camera.calibration import CalibrationView

        if self.calibration is None:
            self.calibration = CalibrationView(self.window.view.illustration)
        self.calibration.show()
        self.calibration.raise_()
        if self.worker is not None:
            self.worker.want_preview = True

    def _hide_calibration(self) -> None:
        if self.worker is not None:
            self.worker.want_preview = False
        if self.calibration is not None:
            self.calibration.hide()
            self.calibration.deleteLater()
            self.calibration = None

    def _on_session_started(self, _event: object) -> None:
        self._hide_calibration()

    # ------------------------------------------------------------ frames
    def _on_phase_started(self, _event: object) -> None:
        self.coach = None  # a new set (or the same one restarted): a fresh count
        self._coach_phase = None
        self.indicator.set_count("")

    def take(self, item: Item) -> None:
        """A result of the pose worker, on the GUI thread."""
        from ptcoach.camera.worker import Failed

        if not self.on:
            return
        if isinstance(item, Failed):
            self._on_failed(item.message)
            return
        pose, t = item.pose, item.t
        if self.calibration is not None:
            preview = rgb_to_image(item.preview) if item.preview is not None else None
            self.calibration.show_frame(preview, pose)
        if self.gesture.feed(t, pose):
            self.log.append(("gesture", t))
            perform(self.window, Command.TOGGLE)
            return
        coach = self._coach_now(t)
        if coach is None:
            return
        for ev in coach.feed(t, pose):
            self._on_coach_event(coach, ev)

    def _coach_now(self, t: float) -> ExerciseCoach | None:
        """The coach of the set under way, made at its first frame; None outside a set."""
        from ptcoach.engine.plan import PhaseKind
        from ptcoach.engine.session import State

        if self.driver.state not in (State.RUNNING, State.PAUSED):
            return None
        snap = self.driver.snapshot()
        phase = snap.phase
        if phase is None or phase.kind is not PhaseKind.WORK or snap.getting_ready:
            return None
        if self.driver.state is State.PAUSED and not self.paused_by_camera:
            return None  # the runner paused: nothing to count
        if self._coach_phase != phase.index or self.coach is None:
            if not can_see(phase.exercise_id):
                self.indicator.set_count(self.tr("cannot see this one"))
                self._coach_phase = phase.index
                self.coach = None
                return None
            side = phase.side.value if phase.side is not None else None
            self.coach = ExerciseCoach(phase.exercise_id, side, gestures=False)
            if self.coach.timer is not None:
                self.coach.timer.assume_held(t)  # the get-ready put the runner in position
            self._coach_phase = phase.index
            self._note(phase.index)
        return self.coach

    def _note(self, phase_index: int) -> None:
        recorder = self.driver.recorder
        coach = self.coach
        if recorder is None or coach is None:
            return
        reps = coach.reps if coach.counter is not None else None
        recorder.note_camera(phase_index, reps, coach.flags)

    def _on_coach_event(self, coach: ExerciseCoach, ev: CoachEvent) -> None:
        from ptcoach.engine.session import State

        index = self._coach_phase
        assert index is not None
        self.log.append((ev.kind.value, ev.t))
        if ev.kind is Kind.REP:
            target = self.driver.snapshot().phase
            total = target.target_reps if target is not None else None
            self.indicator.set_count(f"{ev.count} / {total}" if total else str(ev.count))
            self._note(index)
            segment = self.driver.snapshot().segment
            if (
                self.driver.state is State.RUNNING
                and segment is not None
                and segment.duration_s is None
            ):
                self.driver.mark_rep()  # the last one ends the set
        elif ev.kind is Kind.HOLD_LOST:
            if self.driver.state is State.RUNNING:
                self.driver.pause_as_of(ev.t - coach.timer.lose_after_s if coach.timer else ev.t)
                self.paused_by_camera = True
                self.indicator.set_count(self.tr("hold lost: clock stopped"))
                self._play(HOLD_LOST_CLIP)
        elif ev.kind is Kind.HOLD_REGAINED:
            if self.paused_by_camera and self.driver.state is State.PAUSED:
                self.paused_by_camera = False
                self.driver.resume()
                self.indicator.set_count(self.tr("holding"))
                self._play(HOLD_BACK_CLIP)
        elif ev.kind is Kind.CUE and ev.cue is not None:
            self._note(index)
            self.indicator.show_cue(self.tr(ev.cue.text))
            self._play(form_clip(ev.cue.id))

    def _play(self, clip: str) -> None:
        director = self.director
        if director is None or director.silent or director.settings.muted:
            return
        voice = getattr(self.window, "voice", None)
        if voice is not None:
            voice.ignore_clip(clip)  # voice commands never hear the app's own words
        director.player.play(clip)


def attach_camera(
    window: SessionWindow, director: Any = None, settings: QSettings | None = None
) -> SessionCamera:
    """Give a session window the camera coach (on at once when Preferences say so)."""
    camera = SessionCamera(window, director=director, settings=settings)
    window.camera = camera  # type: ignore[attr-defined]
    if settings is not None and camera_settings.load(settings).enabled:
        _join_workers_at_quit()
        camera.start()
    return camera


@functools.cache
def _join_workers_at_quit() -> None:
    """Once: at quit, stop the pose threads and give them a moment to leave the model's native
    code (a thread inside it while the interpreter shuts down can crash the exit)."""
    from PySide6.QtCore import QCoreApplication

    from ptcoach.camera.worker import join_all

    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(lambda: join_all(QUIT_WAIT_S))


def _stop_orphaned(running: list[tuple[PoseWorker, Stream]], *_args: object) -> None:
    """The coach was deleted without stop(): stop its worker, then close its stream."""
    for worker, stream in running:
        worker.stop()
        stream.close()
    running.clear()
