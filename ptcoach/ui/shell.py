"""The shell: owns the windows and what happens around a session.

It opens a session window for each session the runner starts, hands every new driver to its
observers (`driver_created`: the recorder, the cue director), asks for ratings and offers the
progression afterwards, and opens the secondary windows (progress, Learn, builder, schedule,
preferences) from the home window's menus. Everything it needs comes in through `Services`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from ptcoach.catalog.model import Routine, Targets
from ptcoach.engine.plan import Plan, expand
from ptcoach.ui.home_menu import HomeActions, build_menus
from ptcoach.ui.home_window import HomeWindow
from ptcoach.ui.target_memory import load_targets, save_targets

if TYPE_CHECKING:  # sqlite3 and the session's modules are not needed to paint home
    import sqlite3
    from datetime import datetime

    from ptcoach.catalog.catalog import Catalog
    from ptcoach.ui.driver import SessionDriver
    from ptcoach.ui.session_window import SessionWindow


@dataclass
class Services:
    """What the shell works with; tests leave out what they don't need."""

    settings: QSettings
    data_dir: Path | None = None
    catalog: Catalog | None = None
    conn: sqlite3.Connection | None = None  # the history; None when it could not be opened
    speed: float = 1.0
    lead_in_s: float | None = None
    make_director: Callable[[], Any] | None = None  # a CueDirector, made once on first need
    ask_ratings: bool = True
    extra: dict[str, Any] = field(default_factory=dict)


class Shell(QObject):
    driver_created = Signal(object)  # SessionDriver, before its window shows
    history_changed = Signal()  # a set or a rating was stored: views refresh

    def __init__(self, routines: Mapping[str, Routine], settings: QSettings | Services, *,
                 speed: float = 1.0, last_done: Mapping[str, datetime] | None = None,
                 problems: list[str] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = settings if isinstance(settings, Services) else Services(
            settings=settings, speed=speed)
        self.settings = self.services.settings
        self.speed = self.services.speed
        self.routines = dict(routines)
        self.home = HomeWindow(routines, self.settings, last_done=last_done, problems=problems)
        self.home.start_requested.connect(self.open_session)
        self.home.learn_requested.connect(self.open_learn)
        self.actions: HomeActions = build_menus(self.home)
        self._connect_actions()
        self.session_window: SessionWindow | None = None
        self.quit_after_session = False
        self.windows: dict[str, QWidget] = {}
        self._director: Any = None
        self._audio_settings: Any = None  # AudioSettings applied in the preferences
        self._store_warned = False

    # ------------------------------------------------------------------ sessions
    def open_session(self, routine: Routine, targets: list[Targets], *,
                     from_phase: int = 0, resume_session_id: int | None = None,
                     speed: float | None = None, plan: Plan | None = None) -> SessionWindow:
        """`plan`: when resuming, the plan the session was recorded with (its phase indices
        must match the stored sets, whatever the lead-in preference is now)."""
        # Imported here: the session window (and its figures) is not needed to paint home.
        from ptcoach.engine.session import Session
        from ptcoach.ui.driver import SessionDriver
        from ptcoach.ui.session_window import SessionWindow
        from ptcoach.ui.voice.session_voice import attach_voice

        if plan is None:
            plan = expand(routine, targets, lead_in_s=self.services.lead_in_s)
        driver = SessionDriver(Session(plan, speed=speed or self.speed))
        self._store_warned = False  # one warning per session at most
        self._attach_recorder(driver, plan, resume_session_id)
        self._attach_director(driver)
        self.driver_created.emit(driver)
        window = SessionWindow(driver)
        driver.setParent(window)
        window.closed.connect(self._on_session_window_closed)
        driver.session_finished.connect(lambda _e: self._after_session(window, routine, targets))
        driver.session_stopped.connect(lambda _e: self._after_session(window, routine, targets))
        driver.from_phase = from_phase  # Start (Space) picks up there when resuming
        window.learn_requested.connect(self.open_learn)
        recorder = getattr(driver, "recorder", None)
        if recorder is not None:
            window.pain_before_changed.connect(recorder.set_pain_before)
        self._show_cues(window)
        attach_voice(window, self._director, self.settings)  # V; listens if Preferences say
        self.session_window = window
        from ptcoach.ui.settings import restore_geometry

        if not restore_geometry(self.settings, window):  # where the last session window was
            window.resize(self.home.size() if self.home.isVisible() else window.size())
        window.show()
        self.home.hide()
        return window

    def open_routine(self, routine_id: str) -> SessionWindow:
        """`ptcoach run ID`: straight into the session view with the remembered targets."""
        routine = self.routines[routine_id]
        self.quit_after_session = True
        return self.open_session(routine, [load_targets(self.settings, i) for i in routine.items])

    def _attach_recorder(self, driver: SessionDriver, plan: Any,
                         resume_session_id: int | None) -> None:
        conn = self.services.conn
        if conn is None:
            return
        from ptcoach.store.errors import StoreError
        from ptcoach.store.recorder import Recorder

        recorder = Recorder(conn, plan, speed=driver.session.speed,
                            lead_in_s=self.services.lead_in_s, session_id=resume_session_id)
        driver.recorder = recorder  # type: ignore[attr-defined]

        def record(events: list[Any]) -> None:
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
        window.set_sound_message(getattr(director, "message", ""))

        def flash(cue: Any) -> None:
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

        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("History not saved"),
                          self.tr("{0}\nThe session goes on; ptcoach will try again after "
                                  "the next set.").format(message),
                          QMessageBox.StandardButton.Ok, self.session_window or self.home)
        box.setObjectName("storeWarning")
        box.setModal(False)
        box.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.windows["store_warning"] = box
        box.show()

    def _after_session(self, window: SessionWindow, routine: Routine,
                       targets: list[Targets]) -> None:
        """Ratings, then the suggestion for next time (both optional)."""
        if not self.services.ask_ratings or not window.records:
            return
        QTimer.singleShot(0, lambda: self._ask_ratings(window, routine, targets))

    def _ask_ratings(self, window: SessionWindow, routine: Routine,
                     targets: list[Targets]) -> None:
        from ptcoach.ui.progression_dialog import ProgressionDialog, suggest_for_session
        from ptcoach.ui.rating_dialog import RatingDialog

        dialog = RatingDialog(window)
        dialog.setObjectName("ratingDialog")
        self.windows["rating"] = dialog
        dialog.exec()
        rating = dialog.rating()
        recorder = getattr(window.driver, "recorder", None)
        if rating is not None and recorder is not None and recorder.session_id is not None:
            from ptcoach.store.sessions import set_ratings

            assert self.services.conn is not None
            set_ratings(self.services.conn, recorder.session_id, pain=rating.pain,
                        effort=rating.effort, note=rating.note)
            self.history_changed.emit()
        if rating is None:
            return
        suggestions = suggest_for_session(routine, targets, window.records, pain=rating.pain,
                                          effort=rating.effort)
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
        recorder = getattr(window.driver, "recorder", None) if window is not None else None
        if recorder is not None and recorder.pending:  # the last write failed: a last try
            from PySide6.QtWidgets import QMessageBox

            from ptcoach.store.errors import StoreError

            try:
                recorder.flush()
            except StoreError as exc:
                QMessageBox.warning(self.home, self.tr("History not saved"),
                                    self.tr("{0}\nThe last {1} records of this session could "
                                            "not be saved.").format(exc, recorder.pending))
        self.refresh_last_done()
        if self.quit_after_session:
            QApplication.quit()
        else:
            self.home.show()

    # ------------------------------------------------------------------ windows
    def _connect_actions(self) -> None:
        a = self.actions
        a.progress.triggered.connect(self.open_progress)
        a.learn.triggered.connect(lambda: self.open_learn())
        a.new_routine.triggered.connect(lambda: self.open_builder(None))
        a.edit_routine.triggered.connect(self._on_edit_routine)
        a.import_routine.triggered.connect(lambda: self.open_builder(None).import_dialog())
        a.export_routine.triggered.connect(self._on_export_routine)
        a.schedule.triggered.connect(self.open_schedule)
        a.preferences.triggered.connect(self.open_preferences)
        a.quit.triggered.connect(QApplication.quit)
        for act in (a.progress, a.schedule):
            act.setEnabled(self.services.conn is not None)
        for act in (a.new_routine, a.edit_routine, a.import_routine, a.export_routine):
            act.setEnabled(self.services.catalog is not None)

    def _show(self, key: str, make: Callable[[], QWidget]) -> QWidget:
        window = self.windows.get(key)
        if window is None:
            window = make()
            self.windows[key] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def open_progress(self) -> QWidget:
        from ptcoach.ui.progress.view import ProgressView

        def make() -> QWidget:
            assert self.services.conn is not None
            catalog = self.services.catalog
            view = ProgressView(
                self.services.conn,
                exercise_names={k: e.name for k, e in catalog.exercises.items()} if catalog else {},
                routine_names={k: r.name for k, r in self.routines.items()})
            view.setWindowTitle(self.tr("Progress — ptcoach"))
            view.resize(1100, 720)
            self.history_changed.connect(view.reload)
            return view

        return self._show("progress", make)

    def open_learn(self, page_id: str | None = None) -> QWidget:
        from ptcoach.catalog.learn import Learn
        from ptcoach.ui.learn_view import LearnView

        def make() -> QWidget:
            view = LearnView(Learn.load())
            view.routine_requested.connect(self._on_learn_routine)
            view.resize(900, 640)
            return view

        view: Any = self._show("learn", make)
        if page_id:
            view.show_page(page_id)
        return view

    def _on_learn_routine(self, routine_id: str) -> None:
        self.home.select_routine(routine_id)
        self.home.show()
        self.home.raise_()

    def open_builder(self, routine_id: str | None) -> Any:
        from ptcoach.ui.builder import BuilderWindow
        from ptcoach.ui.settings import load as load_settings

        assert self.services.catalog is not None and self.services.data_dir is not None
        prefs = load_settings(self.settings).app  # new routines start with the runner's timing
        builder = BuilderWindow(self.services.catalog, self.services.data_dir, self.home,
                                routine_id=routine_id, lead_in_s=prefs.lead_in_s,
                                rest_s=prefs.rest_s)
        builder.routines_changed.connect(self.reload_routines)
        self.windows["builder"] = builder
        builder.show()
        return builder

    def _on_edit_routine(self) -> None:
        routine = self.home.selected_routine()
        self.open_builder(routine.id if routine else None)

    def _on_export_routine(self) -> None:
        routine = self.home.selected_routine()
        if routine is not None:
            self.open_builder(routine.id).export_dialog()

    def open_schedule(self) -> Any:
        from ptcoach.ui.schedule_editor import ScheduleEditor, save_plan

        routine = self.home.selected_routine()
        conn = self.services.conn
        if routine is None or conn is None:
            return None
        from ptcoach.store.plans import current_plan

        plan = current_plan(conn, routine.id)
        weekdays = plan.weekdays if plan is not None and plan.weekdays else ()
        remind_at = None
        if plan is not None and plan.remind_at:
            hh, mm = plan.remind_at.split(":")
            from datetime import time as dt_time

            remind_at = dt_time(int(hh), int(mm))
        editor = ScheduleEditor(routine.name, weekdays=weekdays, remind_at=remind_at,
                                parent=self.home)
        self.windows["schedule"] = editor
        if editor.exec():
            save_plan(conn, routine.id, editor.values())
            self.history_changed.emit()
            reminders = self.services.extra.get("reminders")
            if reminders is not None:
                reminders.reload()
        return editor

    def open_preferences(self) -> Any:
        from ptcoach.ui.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.settings, data_path=self.services.data_dir,
                                   parent=self.home)
        dialog.applied.connect(self._on_preferences_applied)
        self.windows["preferences"] = dialog
        dialog.open()
        return dialog

    def _on_preferences_applied(self, app_settings: Any, audio_settings: Any) -> None:
        self.services.lead_in_s = float(app_settings.lead_in_s)
        self._audio_settings = audio_settings
        if self._director is not None:
            self._director.set_settings(audio_settings)

    # ------------------------------------------------------------------ data
    def refresh_last_done(self) -> None:
        conn = self.services.conn
        if conn is None:
            return
        from ptcoach.store.sessions import last_done_by_routine

        self.home.set_last_done(last_done_by_routine(conn))

    def reload_routines(self, *_: object) -> None:
        if self.services.data_dir is None:
            return
        from ptcoach.catalog.catalog import Catalog

        catalog = Catalog.load(self.services.data_dir)
        self.services.catalog = catalog
        self.routines = dict(catalog.routines)
        self.home.set_routines(self.routines)
