"""The GUI's composition: the application, the home window, and a session window per session.

`run_gui(args)` is what `ptcoach` (no command) and `ptcoach run ID` call. Observers such as the
audio and the store connect to `Shell.driver_created`, which hands over each new driver.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QApplication

from ptcoach.catalog.model import Routine, Targets
from ptcoach.engine.plan import expand
from ptcoach.ui.home_window import HomeWindow
from ptcoach.ui.target_memory import load_targets, open_settings

if TYPE_CHECKING:
    from ptcoach.ui.session_window import SessionWindow


class Shell(QObject):
    """Owns the windows; opens a session window for each session the runner starts."""

    driver_created = Signal(object)  # SessionDriver, before its window shows

    def __init__(self, routines: Mapping[str, Routine], settings: QSettings, *,
                 speed: float = 1.0, last_done: Mapping[str, datetime] | None = None,
                 problems: list[str] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.routines = dict(routines)
        self.settings = settings
        self.speed = speed
        self.home = HomeWindow(routines, settings, last_done=last_done, problems=problems)
        self.home.start_requested.connect(self.open_session)
        self.session_window: SessionWindow | None = None
        self.quit_after_session = False

    def open_session(self, routine: Routine, targets: list[Targets]) -> SessionWindow:
        # Imported here: the session window (and its figures) is not needed to paint home.
        from ptcoach.engine.session import Session
        from ptcoach.ui.driver import SessionDriver
        from ptcoach.ui.session_window import SessionWindow

        plan = expand(routine, targets)
        driver = SessionDriver(Session(plan, speed=self.speed))
        self.driver_created.emit(driver)
        window = SessionWindow(driver)
        driver.setParent(window)
        window.closed.connect(self._on_session_window_closed)
        self.session_window = window
        window.resize(self.home.size() if self.home.isVisible() else window.size())
        window.show()
        self.home.hide()
        return window

    def open_routine(self, routine_id: str) -> SessionWindow:
        """`ptcoach run ID`: straight into the session view with the remembered targets."""
        routine = self.routines[routine_id]
        self.quit_after_session = True
        return self.open_session(routine, [load_targets(self.settings, i) for i in routine.items])

    def _on_session_window_closed(self) -> None:
        self.session_window = None
        if self.quit_after_session:
            QApplication.quit()
        else:
            self.home.show()


def load_routines(data_dir: Path) -> tuple[dict[str, Routine], list[str]]:
    """The catalogue's routines and its problems, as text lines for the home window."""
    from ptcoach.catalog.catalog import Catalog

    catalog = Catalog.load(data_dir)
    return catalog.routines, [str(p) for p in catalog.problems]


def run_gui(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("ptcoach")
    routines, problems = load_routines(Path(args.data_dir))
    routine_id = getattr(args, "routine", None)
    if routine_id is not None and routine_id not in routines:
        from ptcoach.catalog.catalog import unknown_routine_message

        print(f"ptcoach run: {unknown_routine_message(routine_id, routines)}", file=sys.stderr)
        return 2
    shell = Shell(routines, open_settings(), speed=float(getattr(args, "speed", 1.0) or 1.0),
                  last_done=getattr(args, "last_done", None), problems=problems)
    app.setProperty("ptcoach_shell", shell)  # keeps it alive; tools and tests can find it
    if routine_id is not None:
        shell.open_routine(routine_id).resize(1280, 800)
    else:
        shell.home.resize(1100, 720)
        shell.home.show()
    return int(app.exec())
