"""The shell: owns the windows.

It opens the secondary windows (progress, Learn, builder, schedule, preferences) from the
home window's menus, and hands each session the runner starts to its `SessionLifecycle`
(ui/session/lifecycle.py: the session window, its recorder and cue director, `driver_created`
for other observers, ratings and the progression offer afterwards). Everything it needs comes
in through `Services`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QApplication, QWidget

from ptcoach.catalog.model import Routine, Targets
from ptcoach.engine.plan import Plan
from ptcoach.ui.session.lifecycle import SessionLifecycle

if TYPE_CHECKING:  # sqlite3 and the session's modules are not needed to paint home
    import sqlite3
    from datetime import datetime

    from ptcoach.audio.director import CueDirector
    from ptcoach.audio.settings import AudioSettings
    from ptcoach.catalog.catalog import Catalog
    from ptcoach.ui.builder.window import BuilderWindow
    from ptcoach.ui.desktop.reminders import ReminderClock
    from ptcoach.ui.desktop.tray import Tray
    from ptcoach.ui.home.menu import HomeActions
    from ptcoach.ui.home.schedule_editor import ScheduleEditor
    from ptcoach.ui.home.window import HomeWindow
    from ptcoach.ui.preferences import PreferencesDialog
    from ptcoach.ui.session.recording import Recording
    from ptcoach.ui.session.sound import SoundSetup
    from ptcoach.ui.session.window import SessionWindow
    from ptcoach.ui.settings import AppSettings


@dataclass
class Services:
    """What the shell works with; tests leave out what they don't need."""

    settings: QSettings
    data_dir: Path | None = None
    catalog: Catalog | None = None
    conn: sqlite3.Connection | None = None  # the history; None when it could not be opened
    # session.recording.Recording, or a factory making it on first need: records, open or not
    recording: Recording | Callable[[], Recording] | None = None
    speed: float = 1.0
    lead_in_s: float | None = None
    make_director: Callable[[], CueDirector] | None = None  # made once, on first need
    ask_ratings: bool = True
    reminders: ReminderClock | None = None  # with the tray, when the desktop has one
    tray: Tray | None = None
    sound: SoundSetup | None = None  # the cue player's set-up, made after the first paint


class Shell(QObject):
    driver_created = Signal(object)  # SessionDriver, before its window shows
    history_changed = Signal()  # a set or a rating was stored: views refresh

    def __init__(
        self,
        routines: Mapping[str, Routine],
        settings: QSettings | Services,
        *,
        speed: float = 1.0,
        last_done: Mapping[str, datetime] | None = None,
        problems: Sequence[str] = (),
        parent: QObject | None = None,
        lazy_home: bool = False,
    ) -> None:
        super().__init__(parent)
        self.services = (
            settings if isinstance(settings, Services) else Services(settings=settings, speed=speed)
        )
        self.settings = self.services.settings
        self.speed = self.services.speed
        self.routines = dict(routines)
        self._home: HomeWindow | None = None
        self._actions: HomeActions | None = None
        self._home_args = (last_done, problems)
        self.session_window: SessionWindow | None = None
        self.quit_after_session = False
        self.windows: dict[str, QWidget] = {}
        self.sessions = SessionLifecycle(self)
        if not lazy_home:
            self._build_home()

    # ------------------------------------------------------------------ the home window
    # `ptcoach run ID` paints its session window first: the home window (about 40 ms to build)
    # is made on first need, which `run` arranges for just after that paint.
    @property
    def home(self) -> HomeWindow:
        return self._home if self._home is not None else self._build_home()

    @property
    def home_built(self) -> HomeWindow | None:
        """The home window if it exists yet: for callers that must not build it."""
        return self._home

    @property
    def actions(self) -> HomeActions:
        if self._actions is None:
            self._build_home()
        assert self._actions is not None
        return self._actions

    def _build_home(self) -> HomeWindow:
        from ptcoach.ui.home.menu import build_menus
        from ptcoach.ui.home.window import HomeWindow

        last_done, problems = self._home_args
        home = HomeWindow(self.routines, self.settings, last_done=last_done, problems=problems)
        self._home = home
        home.start_requested.connect(self.open_session)
        home.learn_requested.connect(self.open_learn)
        self._actions = build_menus(home)
        self._connect_actions()
        return home

    # ------------------------------------------------------------------ sessions
    # The session's life is in ui/session/lifecycle.py; these names stay for the callers.
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
        must match the stored sets, whatever the lead-in preference is now)."""
        return self.sessions.open_session(
            routine,
            targets,
            from_phase=from_phase,
            resume_session_id=resume_session_id,
            speed=speed,
            plan=plan,
        )

    def open_routine(self, routine_id: str, *, staged: bool = False) -> SessionWindow:
        """`ptcoach run ID`: straight into the session view with the remembered targets
        (`staged`: see `SessionLifecycle.open_routine`)."""
        return self.sessions.open_routine(routine_id, staged=staged)

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
        a.about.triggered.connect(self.open_about)
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

    def open_about(self) -> QWidget:
        from ptcoach.ui.desktop.about import AboutDialog

        return self._show(
            "about",
            lambda: AboutDialog(self.services.data_dir, self.settings.fileName(), self.home),
        )

    def open_progress(self) -> QWidget:
        from ptcoach.ui.progress.view import ProgressView

        def make() -> QWidget:
            assert self.services.conn is not None
            catalog = self.services.catalog
            view = ProgressView(
                lambda: self.services.conn,  # re-opened when the history's files are replaced
                exercise_names={k: e.name for k, e in catalog.exercises.items()} if catalog else {},
                routine_names={k: r.name for k, r in self.routines.items()},
                background=True,  # read in a worker thread: the window shows at once
            )
            view.setWindowTitle(self.tr("Progress — ptcoach"))
            from ptcoach.ui.look.screen_fit import fit_window

            fit_window(view, 1100, 720)
            from ptcoach.ui.look.close_keys import add_close_keys

            add_close_keys(view)  # Esc, Ctrl+W
            from ptcoach.ui.progress.when_seen import reload_when_seen

            reload = reload_when_seen(view, view.refresh)  # not while hidden
            self.history_changed.connect(reload)
            from ptcoach.ui.session.recording import ensure

            recording = ensure(self.services)  # made when the history opened, before this
            if recording is not None:  # the history was re-opened: read the new connection
                recording.reopened.connect(reload)
            return view

        return self._show("progress", make)

    def open_learn(self, page_id: str | None = None) -> QWidget:
        from ptcoach.catalog.learn import Learn
        from ptcoach.ui.learn_view import LearnView

        def make() -> QWidget:
            view = LearnView(Learn.load())
            view.routine_requested.connect(self._on_learn_routine)
            from ptcoach.ui.look.screen_fit import fit_window

            fit_window(view, 900, 640)
            from ptcoach.ui.look.close_keys import add_close_keys

            add_close_keys(view)  # Esc, Ctrl+W
            return view

        view = self._show("learn", make)
        assert isinstance(view, LearnView)
        if page_id:
            view.show_page(page_id)
        return view

    def _on_learn_routine(self, routine_id: str) -> None:
        self.home.select_routine(routine_id)
        self.home.show()
        self.home.raise_()

    def open_builder(self, routine_id: str | None) -> BuilderWindow:
        from ptcoach.ui.builder import BuilderWindow
        from ptcoach.ui.settings import load as load_settings

        assert self.services.catalog is not None and self.services.data_dir is not None
        prefs = load_settings(self.settings).app  # new routines start with the runner's timing
        builder = BuilderWindow(
            self.services.catalog,
            self.services.data_dir,
            self.home,
            routine_id=routine_id,
            lead_in_s=prefs.lead_in_s,
            rest_s=prefs.rest_s,
        )
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

    def open_schedule(self) -> ScheduleEditor | None:
        from ptcoach.ui.home.schedule_editor import ScheduleEditor, save_plan

        routine = self.home.selected_routine()
        conn = self.services.conn
        if routine is None or conn is None:
            return None
        from ptcoach.store.plans import current_plan

        plan = current_plan(conn, routine.id)
        weekdays = plan.weekdays if plan is not None and plan.weekdays else ()
        remind_at = plan.remind_at if plan is not None else None
        editor = ScheduleEditor(
            routine.name, weekdays=weekdays, remind_at=remind_at, parent=self.home
        )
        self.windows["schedule"] = editor
        if editor.exec():
            save_plan(conn, routine.id, editor.values())
            self.history_changed.emit()
            reminders = self.services.reminders
            if reminders is not None:
                reminders.reload()
        return editor

    def open_preferences(self) -> PreferencesDialog:
        from ptcoach.ui.preferences import PreferencesDialog

        dialog = PreferencesDialog(
            self.settings, data_path=self.services.data_dir, parent=self.home
        )
        dialog.applied.connect(self._on_preferences_applied)
        from ptcoach.ui.look.screen_fit import fit_window

        hint = dialog.sizeHint()
        fit_window(dialog, hint.width(), hint.height())
        self.windows["preferences"] = dialog
        dialog.open()
        return dialog

    def _on_preferences_applied(
        self, app_settings: AppSettings, audio_settings: AudioSettings
    ) -> None:
        self.services.lead_in_s = float(app_settings.lead_in_s)
        self.sessions.apply_audio_settings(audio_settings)

    # ------------------------------------------------------------------ data
    def refresh_last_done(self) -> None:
        conn = self.services.conn
        from shiboken6 import isValid

        if conn is None or not isValid(self.home):  # at quit the home window may be gone
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


def runner_sound_message(director: CueDirector) -> str:
    """What the session's status line tells the runner about sound: nothing when cues play;
    when they cannot, what happens instead and what to try. The player's technical reason
    (`director.message`) goes to the terminal and the log, not to the runner."""
    if not getattr(director, "silent", False):
        return ""
    return QApplication.translate(
        "Shell", "No sound: cues flash on screen. Check your speakers or headphones."
    )
