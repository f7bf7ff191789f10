"""A session's life around its window: opening it, attaching the recorder and the cue
director to its driver, and what follows it (ratings, the progression offer, the last write).

The `Shell` owns the windows and delegates every session to one `SessionLifecycle`; what the
lifecycle reads of the shell (its home window, settings, windows, signals) it reads through
the small properties below, so the session's code reads the same as it did inside the shell.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QTimer, SignalInstance
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from ptcoach.catalog.model import Routine, Targets
from ptcoach.engine.plan import Plan, expand
from ptcoach.ui.home.target_memory import load_targets, save_targets

if TYPE_CHECKING:  # the audio and the store are not needed to paint home
    from ptcoach.audio.cues import Cue
    from ptcoach.audio.director import CueDirector
    from ptcoach.audio.settings import AudioSettings
    from ptcoach.engine.events import Event
    from ptcoach.ui.home.window import HomeWindow
    from ptcoach.ui.session.driver import SessionDriver
    from ptcoach.ui.session.window import SessionWindow
    from ptcoach.ui.shell import Services, Shell


class SessionLifecycle(QObject):
    """Opens each session the runner starts and handles what comes after it."""

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.shell = shell
        self._director: CueDirector | None = None
        self._audio_settings: AudioSettings | None = None  # applied in the preferences
        self._store_warned = False
        self._recording_connected = False
        self._camera_note: str | None = None  # why the camera preferred on cannot be used
        # `ptcoach run`'s window, shown before its session is attached (open_routine)
        self._opening: tuple[SessionWindow, Routine, list[Targets]] | None = None

    # ------------------------------------------------------------------ the shell's parts
    @property
    def services(self) -> Services:
        return self.shell.services

    @property
    def settings(self) -> QSettings:
        return self.shell.settings

    @property
    def speed(self) -> float:
        return self.shell.speed

    @property
    def home(self) -> HomeWindow:
        return self.shell.home

    @property
    def windows(self) -> dict[str, QWidget]:
        return self.shell.windows

    @property
    def session_window(self) -> SessionWindow | None:
        return self.shell.session_window

    @session_window.setter
    def session_window(self, window: SessionWindow | None) -> None:
        self.shell.session_window = window

    @property
    def history_changed(self) -> SignalInstance:
        return self.shell.history_changed

    def open_learn(self, page_id: str | None = None) -> QWidget:
        return self.shell.open_learn(page_id)

    @property
    def director(self) -> CueDirector | None:
        """The cue director, once the first session made it (None without sound set up)."""
        return self._director

    def apply_audio_settings(self, audio_settings: AudioSettings) -> None:
        self._audio_settings = audio_settings
        if self._director is not None:
            self._director.set_settings(audio_settings)

    # ------------------------------------------------------------------ sessions
    def open_session(
        self,
        routine: Routine,
        targets: list[Targets],
        *,
        from_phase: int = 0,
        resume_session_id: int | None = None,
        speed: float | None = None,
        plan: Plan | None = None,
    ) -> SessionWindow:
        """`plan`: when resuming, the plan the session was recorded with (its phase indices
        must match the stored sets, whatever the lead-in preference is now).
        Never two session windows: while one is open, it is brought to the front instead."""
        if self.session_window is not None:
            from ptcoach.ui.session.front import bring_to_front

            return bring_to_front(self.session_window)
        # Imported here: the session window (and its figures) is not needed to paint home.
        from ptcoach.ui.session.window import SessionWindow

        driver, camera_counts = self._make_driver(
            routine, targets, resume_session_id=resume_session_id, speed=speed, plan=plan
        )
        window = SessionWindow(driver)
        self._complete(window, routine, targets, from_phase, camera_counts)
        self._place_and_show(window)
        return window

    def open_routine(self, routine_id: str, *, staged: bool = False) -> SessionWindow:
        """`ptcoach run ID`: straight into the session view with the remembered targets.

        `staged`: the window shows at once with the routine's name only, and its session is
        attached by `opening_steps()`, one step per event-loop turn, after it has painted."""
        routine = self.shell.routines[routine_id]
        self.shell.quit_after_session = True
        targets = [load_targets(self.settings, i) for i in routine.items]
        if not staged:
            return self.open_session(routine, targets)
        from ptcoach.ui.session.window import SessionWindow

        window = SessionWindow(None, title=routine.name)
        self._opening = (window, routine, targets)
        self._place_and_show(window)
        return window

    @property
    def opening(self) -> bool:
        """A window shown by `open_routine(staged=True)` still waits for its session."""
        return self._opening is not None

    def opening_steps(self) -> list[Callable[[], None]]:
        """What attaches the session to the window `open_routine(staged=True)` showed: each
        step a few tens of milliseconds, to run on event-loop turns of their own."""
        if self._opening is None:
            return []
        window, routine, targets = self._opening
        made: list[tuple[SessionDriver, bool]] = []

        def still_open() -> bool:
            return self.session_window is window and isValid(window)

        def driver() -> None:  # the recorder, the cue director
            if still_open():
                made.append(self._make_driver(routine, targets))

        def view() -> None:
            if still_open() and made:
                window.attach(made[0][0])

        def the_rest() -> None:
            self._opening = None
            if still_open() and made and window.ready:
                self._complete(window, routine, targets, 0, made[0][1])
                if window.start_requested:  # Space while it opened: recorded from here on
                    window.driver.toggle()

        return [driver, view, the_rest]

    def _make_driver(
        self,
        routine: Routine,
        targets: list[Targets],
        *,
        resume_session_id: int | None = None,
        speed: float | None = None,
        plan: Plan | None = None,
    ) -> tuple[SessionDriver, bool]:
        """The session's driver with its recorder and cue director attached; and whether the
        camera counts its reps."""
        from ptcoach.engine.session import Session
        from ptcoach.ui.session.driver import SessionDriver

        camera_counts = self._camera_counts()
        if plan is None:  # with the camera counting, each rep waits for it (or for Enter)
            plan = expand(
                routine, targets, lead_in_s=self.services.lead_in_s, self_paced=camera_counts
            )
        driver = SessionDriver(Session(plan, speed=speed or self.speed))
        self._store_warned = False  # one warning per session at most
        self._attach_recorder(driver, plan, resume_session_id, self_paced=camera_counts)
        self._attach_director(driver)
        from ptcoach.ui.session.sound import start_gate

        driver.start_gate = start_gate(self.shell.services.sound)
        self.shell.driver_created.emit(driver)
        return driver, camera_counts

    def _complete(
        self,
        window: SessionWindow,
        routine: Routine,
        targets: list[Targets],
        from_phase: int,
        camera_counts: bool,
    ) -> None:
        """Connects the window with its driver and everything that follows a session."""
        driver = window.driver
        driver.setParent(window)
        driver.session_finished.connect(lambda _e: self._after_session(window, routine, targets))
        driver.session_stopped.connect(lambda _e: self._after_session(window, routine, targets))
        driver.from_phase = from_phase  # Start (Space) picks up there when resuming
        window.learn_requested.connect(self.open_learn)
        recorder = driver.recorder
        if recorder is not None:
            window.pain_before_changed.connect(recorder.set_pain_before)
        self._show_cues(window)
        from ptcoach.ui.voice.session_voice import attach_voice

        attach_voice(window, self._director, self.settings)  # V; listens if Preferences say
        if camera_counts:
            from ptcoach.ui.camera.session_camera import attach_camera

            attach_camera(window, self._director, self.settings)  # watches if it can
        else:
            self._say_why_no_camera(window)
        if self.services.recording is not None:
            from ptcoach.ui.session.recording import ensure

            recording = ensure(self.services)  # told before Start if it cannot record
            if recording is not None:
                recording.show_in(window)

    def _place_and_show(self, window: SessionWindow) -> None:
        self.session_window = window
        window.closed.connect(self._on_session_window_closed)
        from ptcoach.ui.look.screen_fit import SESSION_SIZE, fit_window, keep_on_screen
        from ptcoach.ui.settings import restore_geometry

        # Sized before it is shown: a window manager may undo a resize that races the map.
        if not restore_geometry(self.settings, window):  # where the last session window was
            home = self.shell.home_built
            wanted = home.size() if home is not None and home.isVisible() else SESSION_SIZE
            fit_window(window, wanted.width(), wanted.height())  # never past the screen
        keep_on_screen(window)
        window.show()
        window.raise_()
        window.activateWindow()  # keys go to the session, not to the hidden home window
        if self.shell.home_built is not None:  # `ptcoach run` builds it after this paint
            self.shell.home_built.hide()

    def _camera_counts(self) -> bool:
        """Preferences turned the camera on, and it can be used (checked, never waited for)."""
        from ptcoach.ui.camera import camera_settings

        prefs = camera_settings.load(self.settings)
        if not prefs.enabled:
            return False
        self._camera_note = camera_settings.why_unavailable(prefs.device)
        return self._camera_note is None

    def _say_why_no_camera(self, window: SessionWindow) -> None:
        """The camera is on in Preferences but cannot be used: one line in the window."""
        note = self._camera_note
        if note is None:
            return
        self._camera_note = None
        from ptcoach.ui.camera.indicator import CameraIndicator

        indicator = window.view.findChild(CameraIndicator)
        if indicator is not None:
            indicator.set_on(False, window.tr(note))

    def _attach_recorder(
        self,
        driver: SessionDriver,
        plan: Plan,
        resume_session_id: int | None,
        *,
        self_paced: bool = False,
    ) -> None:
        """`self_paced`: the plan's reps wait for a mark (the camera's), and a resume must
        rebuild it so."""
        from ptcoach.ui.session.recording import ensure

        recording = ensure(self.services)
        if recording is not None:  # queued durably, written off the GUI thread
            if not self._recording_connected:
                self._recording_connected = True
                recording.committed.connect(self.history_changed)
            recording.attach(
                driver,
                plan,
                lead_in_s=self.services.lead_in_s,
                resume_session_id=resume_session_id,
                self_paced=self_paced,
            )
            return
        conn = self.services.conn
        if conn is None:
            return
        from ptcoach.store.errors import StoreError
        from ptcoach.store.recorder import Recorder

        recorder = Recorder(
            conn,
            plan,
            speed=driver.session.speed,
            self_paced=self_paced,
            lead_in_s=self.services.lead_in_s,
            session_id=resume_session_id,
        )
        driver.recorder = recorder

        def record(events: list[Event]) -> None:
            try:
                recorder.on_events(events)
            except StoreError as exc:  # kept queued; written with the next set if it can be
                self._warn_store(str(exc))
                return
            self.history_changed.emit()

        driver.events_emitted.connect(record)

    def _show_cues(self, window: SessionWindow) -> None:
        """Say once which player sounds the cues; flash the view with every cue when the
        runner asked for it or when there is no sound at all."""
        director = self._director
        if director is None:
            return
        from ptcoach.ui.shell import runner_sound_message

        window.set_sound_message(runner_sound_message(director))

        def flash(cue: Cue) -> None:
            if director.settings.flash or director.silent:
                window.flash(str(cue.kind))

        director.cue_played.connect(flash)
        window.closed.connect(lambda: director.cue_played.disconnect(flash))

    def _attach_director(self, driver: SessionDriver) -> None:
        make = self.services.make_director
        if make is None:
            return
        if self._director is None:
            self._director = make()
            if self._audio_settings is not None:  # preferences changed since start-up
                self._director.set_settings(self._audio_settings)
        self._director.follow(driver)

    def _warn_store(self, message: str) -> None:
        if self._store_warned:
            return
        self._store_warned = True
        # Not modal, and not taking the focus: the session goes on and its keys keep working
        # (a modal box here would also hold the driver inside its event delivery).
        from PySide6.QtCore import Qt  # here: the Qt namespace costs ~15 ms to build
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("History not saved"),
            self.tr("{0}\nThe session goes on; ptcoach will try again after the next set.").format(
                message
            ),
            QMessageBox.StandardButton.Ok,
            self.session_window or self.home,
        )
        box.setObjectName("storeWarning")
        box.setModal(False)
        box.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.windows["store_warning"] = box
        box.show()

    def _after_session(
        self, window: SessionWindow, routine: Routine, targets: list[Targets]
    ) -> None:
        """Ratings, then the suggestion for next time (both optional)."""
        if not self.services.ask_ratings or not window.records:
            return
        QTimer.singleShot(0, lambda: self._ask_ratings(window, routine, targets))

    def _ask_ratings(self, window: SessionWindow, routine: Routine, targets: list[Targets]) -> None:
        from ptcoach.ui.session.progression_dialog import ProgressionDialog, suggest_for_session
        from ptcoach.ui.session.rating_dialog import RatingDialog

        dialog = RatingDialog(window)
        dialog.setObjectName("ratingDialog")
        self.windows["rating"] = dialog
        dialog.exec()
        rating = dialog.rating()
        recorder = window.driver.recorder
        if (
            rating is not None
            and recorder is not None
            and recorder.set_ratings(pain=rating.pain, effort=rating.effort, note=rating.note)
        ):
            self.history_changed.emit()
        if rating is None:
            return
        suggestions = suggest_for_session(
            routine, targets, window.records, pain=rating.pain, effort=rating.effort
        )
        if not any(s.changes or s.see_therapist for s in suggestions):
            return
        names = {i.exercise.id: i.exercise.name for i in routine.items}
        progression = ProgressionDialog(suggestions, names, window)
        self.windows["progression"] = progression
        progression.exec()
        for exercise_id, new in progression.accepted_targets().items():
            save_targets(self.settings, exercise_id, new)
        self.home.reload_targets()

    def _on_session_window_closed(self) -> None:
        window, self.session_window = self.session_window, None
        if window is not None and not window.isFullScreen():
            from ptcoach.ui.settings import save_geometry

            save_geometry(self.settings, window)
        recorder = window.driver.recorder if window is not None and window.ready else None
        if recorder is not None and recorder.pending:  # the last write failed: a last try
            from PySide6.QtWidgets import QMessageBox

            from ptcoach.store.errors import StoreError

            try:
                recorder.flush()
            except StoreError as exc:
                QMessageBox.warning(
                    self.home,
                    self.tr("History not saved"),
                    self.tr("{0}\nThe last {1} records of this session could not be saved.").format(
                        exc, recorder.pending
                    ),
                )
        self.shell.refresh_last_done()
        if self.shell.quit_after_session:
            QApplication.quit()
        elif isValid(self.home):  # at quit the home window may be gone already
            self.home.show()
