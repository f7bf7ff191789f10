"""The GUI's composition root: the application, its settings and theme, the history, the
single-instance guard, the shell (home window and sessions), the cue director and the tray.

`run_gui(args)` is what `ptcoach` (no command) and `ptcoach run ID` call. Work that the home
window's first paint does not need (the history, the resume offer, sound, the tray) runs just
after that paint, so the window appears fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from ptcoach import pyside_scan  # noqa: F401  (first: PySide would read each module's source)
from ptcoach.catalog.catalog import Catalog
from ptcoach.paths import asset
from ptcoach.ui.settings import open_settings
from ptcoach.ui.shell import Services, Shell

__all__ = ["Shell", "load_routines", "run_gui"]

ALREADY_RUNNING = "ptcoach is already running: it was brought to the front."
# What the steps after the first paint import: read in a worker thread before they run.
AFTER_PAINT_MODULES = (
    "ptcoach.audio.director",
    "ptcoach.audio.player",
    "ptcoach.audio.clips",
    "ptcoach.ui.session.sound",
    "ptcoach.store.db",
    "ptcoach.store.recorder",
    "ptcoach.store.writer",
    "ptcoach.ui.session.recording",
    "ptcoach.ui.session.resume_dialog",
    "ptcoach.ui.desktop.tray",
    "ptcoach.ui.desktop.reminders",
    "ptcoach.ui.desktop.notifier",
    "ptcoach.ui.home.schedule_editor",
)
# What `ptcoach run` needs to attach the session to its window, after that window's paint.
SESSION_MODULES = (
    "ptcoach.engine.session",
    "ptcoach.ui.session.driver",
    "ptcoach.ui.session.view",
    "ptcoach.ui.session.summary",
    "ptcoach.ui.session.sleep_guard",
    "ptcoach.ui.session.event_log",
    "ptcoach.ui.voice.session_voice",
)
WARM_AFTER_MS = 300  # after the first paint, sound's first steps and the history's opening

if TYPE_CHECKING:  # the audio is imported when the first session needs it
    from ptcoach.audio.director import CueDirector
    from ptcoach.audio.settings import AudioSettings


def load_routines(data_dir: Path) -> tuple[Catalog, list[str]]:
    """The catalogue and its problems, as text lines for the home window."""
    catalog = Catalog.load(data_dir)
    return catalog, [str(p) for p in catalog.problems]


def run_gui(args: Any) -> int:
    """`args`: the parsed command line (data_dir, and routine/speed/tray when given)."""
    from ptcoach.ui import qt_messages

    qt_messages.install()  # Qt's warnings still reach stderr; tests can listen to them
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("ptcoach")
    app.setDesktopFileName("io.github.ptcoach.PTCoach")
    from ptcoach import logs
    from ptcoach.ui.desktop import crash_dialog, interrupt

    logs.install_excepthook(crash_dialog.tell)
    interrupt.install(app)
    data_dir = Path(args.data_dir)
    catalog = getattr(args, "catalog", None)  # `ptcoach run` has read it already
    if isinstance(catalog, Catalog):
        problems = [str(p) for p in catalog.problems]
    else:
        catalog, problems = load_routines(data_dir)
    routine_id = getattr(args, "routine", None)
    if routine_id is not None and routine_id not in catalog.routines:
        from ptcoach.catalog.catalog import unknown_routine_message

        print(
            f"ptcoach run: {unknown_routine_message(routine_id, catalog.routines)}", file=sys.stderr
        )
        return 2

    from ptcoach.ui.look import i18n, theme
    from ptcoach.ui.settings import load as load_settings

    qsettings = open_settings()
    prefs = load_settings(qsettings)
    i18n.install_translators(app)
    # `ptcoach run` paints its opening window (a label) before the style sheet: ~8 ms sooner
    theme.apply(app, prefs.app, sheet=routine_id is None)

    from ptcoach.store.lock import DataDirLock
    from ptcoach.ui.desktop.single_instance import server_name

    name = server_name(data_dir)
    lock = DataDirLock(data_dir)  # the one writer of this data dir, for the app's life
    if not lock.acquire():
        from ptcoach.ui.session.recording import hand_to_running_app

        return hand_to_running_app(name, routine_id)
    from ptcoach.ui.session import recording

    services = Services(
        settings=qsettings,
        data_dir=data_dir,
        catalog=catalog,
        speed=float(getattr(args, "speed", 1.0) or 1.0),
        lead_in_s=prefs.app.lead_in_s,
        make_director=lambda: _make_director(prefs.audio, shell),
        # made on first need (a session, or the history opening)
        recording=lambda: recording.Recording(data_dir, app),
    )
    # `ptcoach run ID` paints its session window first; the home window is built after that.
    shell = Shell(catalog.routines, services, problems=problems, lazy_home=routine_id is not None)
    app.setProperty("ptcoach_shell", shell)  # keeps it alive; tools and tests can find it
    tray_only = bool(getattr(args, "tray", False))

    def place_home() -> None:
        from ptcoach.ui.look.screen_fit import fit_window, keep_on_screen
        from ptcoach.ui.settings import restore_geometry, save_geometry

        home = shell.home
        if not restore_geometry(qsettings, home):  # where the runner left it, else a default
            fit_window(home, 1100, 720)  # no larger than the screen (a 1024x600 netbook)
        else:
            keep_on_screen(home)
        app.aboutToQuit.connect(lambda: save_geometry(qsettings, home))

    if routine_id is None:
        place_home()
    app.aboutToQuit.connect(
        lambda: (
            isinstance(services.recording, recording.Recording)
            and services.recording.close_with_message()
        )
    )
    if routine_id is not None:  # the window first; its session a few turns after its paint
        shell.open_routine(routine_id, staged=True)  # sized to the screen before it shows
    elif not tray_only:
        shell.home.show()
    shown = shell.session_window if routine_id is not None else (None if tray_only else shell.home)

    def after_paint() -> None:
        if not _listen(app, shell, name, lock):
            return
        from ptcoach.ui.background import one_per_turn
        from ptcoach.ui.warm import import_then

        def start_sound() -> None:
            from ptcoach.ui.session.sound import sound_for

            sound_for(shell, prefs.audio).start()  # in small steps, on later event-loop turns

        steps = [
            start_sound,
            _set_window_icon,
            # the tray follows the history: its reminders read their schedules there
            lambda: _open_history(
                shell, services, data_dir, then=lambda: _start_tray(shell, services, tray_only)
            ),
            lambda: QTimer.singleShot(WARM_AFTER_MS, _warm_imports),  # the next clicks' modules
        ]
        modules: tuple[str, ...] = AFTER_PAINT_MODULES
        if routine_id is not None:
            # The style sheet, the session (Space may be waiting), the home window for after.
            steps[:0] = [
                lambda: theme.apply_sheet(app, prefs.app.text_size.scale),
                *shell.sessions.opening_steps(),
                place_home,
            ]
            modules = SESSION_MODULES + modules
        # Their modules are imported in a worker thread first; then one step per turn, so the
        # window never stalls for their sum (issue 11: 85 ms after the home window's paint).
        # On a turn of its own: import_then first builds the Qt namespace here (~12 ms).
        QTimer.singleShot(0, lambda: import_then(modules, lambda: one_per_turn(steps)))

    _when_painted(shown, after_paint)
    return int(app.exec())


def _warm_imports() -> None:
    from ptcoach.ui.warm import warm

    warm()


def _listen(app: QApplication, shell: Shell, name: str, lock: Any = None) -> bool:
    """Listen for the requests of later starts; `lock` (held) made this the data dir's one
    writer before the window showed."""
    from ptcoach.ui.desktop.single_instance import SingleInstance

    single = SingleInstance(name, app, lock=lock)
    if not single.is_primary():
        print(ALREADY_RUNNING, file=sys.stderr)
        for window in (shell.session_window, shell.home_built):
            if window is not None:
                window.close()
        app.exit(0)
        return False
    single.activated.connect(lambda: _bring_to_front(shell))
    single.run_requested.connect(lambda rid: _start_from_tray(shell, rid))
    single.reload_requested.connect(shell.reload_routines)
    return True


class _FirstPaint(QObject):
    """Runs `then` once, just after `widget`'s first paint (or after FALLBACK_MS if no paint
    comes, e.g. the window manager keeps it hidden). A zero timer alone runs *before* the
    first paint, delaying the window by everything it does."""

    FALLBACK_MS = 1000

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)
        QTimer.singleShot(self.FALLBACK_MS, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._run)  # after this paint has reached the screen
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            then()


def _when_painted(widget: QWidget | None, then: Callable[[], None]) -> None:
    if widget is None:
        QTimer.singleShot(0, then)  # no window (tray only): nothing to wait for
    else:
        _FirstPaint(widget, then)


def _set_window_icon() -> None:
    # The icon (an SVG to render) is not needed for the first paint.
    from PySide6.QtGui import QIcon

    QApplication.setWindowIcon(QIcon(str(asset("icons", "ptcoach.svg"))))


def _open_history(
    shell: Shell, services: Services, data_dir: Path, then: Callable[[], None] | None = None
) -> None:
    """Open the history in a worker thread (its check reads the whole file, and the first
    start of a day copies it into a backup: far more than a GUI-thread turn may take), then
    carry on here with the connection, which the GUI thread alone uses from then on."""
    from ptcoach.store.db import open_history
    from ptcoach.ui.background import in_background

    def opened(result: object) -> None:
        _history_opened(shell, services, result)
        if then is not None:
            then()

    in_background(lambda: open_history(data_dir), opened, name="ptcoach-open-history")


def _history_opened(shell: Shell, services: Services, result: object) -> None:
    """`result`: what `open_history` returned, or the exception it raised."""
    from PySide6.QtWidgets import QMessageBox

    from ptcoach.store.errors import StoreError
    from ptcoach.ui.session.recording import ensure

    if TYPE_CHECKING:
        import sqlite3
    recording = ensure(services)
    if isinstance(result, BaseException) and not isinstance(result, StoreError | OSError):
        raise result  # a bug, not a state of the files: the crash report says it
    if isinstance(result, BaseException):
        exc = result
        if recording is not None:  # the session window says it too, before Start
            recording.history_failed(str(exc))
        QMessageBox.warning(
            shell.session_window or shell.home,
            shell.tr("History unavailable"),
            shell.tr(
                "{0}\n\nSessions can still be followed; their sets are "
                "kept in the data folder and added to the history once "
                "it can be opened."
            ).format(exc),
        )
        return
    assert isinstance(result, tuple)
    conn: sqlite3.Connection = result[0]
    notices: list[str] = result[1]
    services.conn = conn
    if recording is not None:
        recording.history_opened()
        recording.follow_reads(services)
    for act in (shell.actions.progress, shell.actions.schedule):
        act.setEnabled(True)
    for notice in notices:
        QMessageBox.information(shell.home, shell.tr("History"), notice)
    shell.refresh_last_done()
    if recording is not None:  # sets queued by the last run are in the history first
        recording.when_replayed(lambda: _offer_resume(shell, services))
    else:
        _offer_resume(shell, services)


def _session_under_way(shell: Shell) -> bool:
    window = shell.session_window
    if window is None:
        return False
    if not window.ready:
        return window.start_requested
    from ptcoach.engine.session import State

    return window.start_requested or window.driver.state is not State.READY


def _offer_resume(shell: Shell, services: Services) -> None:
    from ptcoach.store.recorder import close_as_partial, resume_info
    from ptcoach.ui.session.resume_dialog import ResumeChoice, ResumeDialog

    assert services.conn is not None and services.catalog is not None
    if _session_under_way(shell):
        # `ptcoach run` started before the history opened: its own session is the
        # unfinished one in it now. An older one is offered at the next start.
        return
    catalog = services.catalog
    info = resume_info(services.conn, catalog.routine)
    if info is None:
        return
    dialog = ResumeDialog(info, shell.home)
    dialog.setObjectName("resumeDialog")
    shell.windows["resume"] = dialog
    dialog.exec()
    if dialog.choice is ResumeChoice.CLOSE:
        import sqlite3

        from ptcoach.store.errors import StoreError

        try:
            close_as_partial(services.conn, info.session.id)
        except (StoreError, sqlite3.Error) as exc:  # e.g. a full disk: say it, carry on
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(
                shell.home,
                shell.tr("History not saved"),
                shell.tr(
                    "The unfinished session could not be closed: {0}\nIt stays unfinished; "
                    "ptcoach offers it again at the next start."
                ).format(exc),
            )
        shell.refresh_last_done()
    elif dialog.choice is ResumeChoice.RESUME and info.plan is not None:
        routine = catalog.routine(info.session.routine_id)
        shell.open_session(
            routine,
            list(info.plan.targets),
            from_phase=info.from_phase or 0,
            resume_session_id=info.session.id,
            speed=info.speed,
            plan=info.plan,
        )


def _make_director(audio_settings: AudioSettings, shell: Shell) -> CueDirector:
    """The app's one cue director: usable at once, sounding once `sound_for(...).start()` (after
    the first paint) has chosen and loaded its player in small steps. Nothing here saves the
    settings: M mutes one session; Preferences saves the lasting choice."""
    from ptcoach.ui.session.sound import sound_for

    return sound_for(shell, audio_settings).director


def _start_tray(shell: Shell, services: Services, tray_only: bool) -> None:
    from PySide6.QtWidgets import QSystemTrayIcon

    if services.conn is None or not QSystemTrayIcon.isSystemTrayAvailable():
        if tray_only:
            shell.home.show()  # no tray to live in: a window is the only way to be seen
        return
    from ptcoach.ui.desktop.notifier import DesktopNotifier
    from ptcoach.ui.desktop.reminders import ReminderClock
    from ptcoach.ui.desktop.tray import Tray
    from ptcoach.ui.home.schedule_editor import schedules_from_store

    # services.conn, read each time: it is re-opened if the history's files are replaced
    clock = ReminderClock(
        lambda: schedules_from_store(services.conn) if services.conn is not None else [],
        parent=shell,
    )
    tray = Tray(
        {k: r.name for k, r in shell.routines.items()},
        clock,
        settings=services.settings,
        notifier=DesktopNotifier(),
        parent=shell,
    )
    tray.start_requested.connect(lambda rid: _start_from_tray(shell, rid))
    tray.open_requested.connect(lambda: _bring_to_front(shell))
    tray.quit_requested.connect(QApplication.quit)
    services.reminders = clock
    services.tray = tray
    QApplication.instance().setQuitOnLastWindowClosed(False)  # type: ignore[union-attr]
    tray.show()


def _start_from_tray(shell: Shell, routine_id: str) -> None:
    """The tray's and the reminder's Start now, and `ptcoach run ID` handed over by a second
    start: that routine's session, or the session already running brought to the front."""
    if shell.session_window is not None:
        _bring_to_front(shell)
        return
    shell.home.select_routine(routine_id)
    routine = shell.routines.get(routine_id)
    if routine is not None:
        shell.open_session(routine, shell.home.targets())


def _bring_to_front(shell: Shell) -> None:
    window = shell.session_window or shell.home
    window.show()
    window.raise_()
    window.activateWindow()
