"""The integrated app for end-to-end tests: a Shell on a real history file and the real
catalogue, settings in a private folder, and a helper that answers modal dialogs by timer."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from ptcoach.catalog.catalog import Catalog
from ptcoach.engine.session import State
from ptcoach.store.db import open_history
from ptcoach.ui.session.recording import Recording
from ptcoach.ui.settings import open_settings
from ptcoach.ui.shell import Services, Shell


@dataclass
class App:
    shell: Shell
    services: Services
    data_dir: Path
    notices: list[str] = field(default_factory=list)

    @property
    def conn(self) -> sqlite3.Connection:
        """The GUI's connection; waits first until every set handed to the writer is in."""
        self.saved()
        assert self.services.conn is not None
        return self.services.conn

    def saved(self, timeout_s: float = 10.0) -> None:
        """Wait until the writer has committed everything handed to it so far."""
        recording = self.services.recording
        if recording is None or recording.open_error is not None:
            return
        deadline = time.monotonic() + timeout_s
        # The event loop turns meanwhile: the writer may need the GUI thread (its signals).
        while not recording.writer.wait_idle(0.02):
            assert time.monotonic() < deadline, recording.message()
            QApplication.processEvents()
        QApplication.processEvents()  # its signals (history_changed) reach the views

    def close(self) -> None:
        """Stop a running session without asking, close every window and the history."""
        window = self.shell.session_window
        if window is not None:
            if window.driver.state in (State.RUNNING, State.PAUSED):
                window.driver.stop()
            window.close()
        for w in list(self.shell.windows.values()):
            w.close()
        self.shell.home.close()
        if self.services.recording is not None:
            self.services.recording.close()
            # The writer's last news (committed -> history_changed -> views reload) is queued
            # for this thread: deliver it while the history is still open.
            from PySide6.QtCore import QCoreApplication

            QCoreApplication.processEvents()
        if self.services.conn is not None:
            self.services.conn.close()
        self.services.settings.sync()


def build_app(
    data_dir: Path,
    *,
    speed: float = 1000.0,
    history: bool = True,
    make_director: Callable[[], Any] | None = None,
) -> App:
    """What run_gui builds, minus the event loop: catalogue, settings, the recording (its
    writer thread), history, shell. `history=False`: the history is not open (yet); call
    `open_history_later(app)` to open it as run_gui does after the first paint."""
    catalog = Catalog.load(data_dir)
    recording = Recording(data_dir, QApplication.instance(), retry_s=0.05)
    services = Services(
        settings=open_settings(),
        data_dir=data_dir,
        catalog=catalog,
        speed=speed,
        make_director=make_director,
        recording=recording,
    )
    shell = Shell(catalog.routines, services, problems=[str(p) for p in catalog.problems])
    app = App(shell, services, data_dir)
    if history:
        open_history_later(app)
    return app


def open_history_later(app: App) -> None:
    """Open the history as run_gui does just after the first paint."""
    conn, notices = open_history(app.data_dir)
    app.services.conn = conn
    app.notices.extend(notices)
    assert app.services.recording is not None
    app.services.recording.history_opened()
    app.services.recording.follow_reads(app.services)
    for act in (app.shell.actions.progress, app.shell.actions.schedule):
        act.setEnabled(True)
    app.shell.refresh_last_done()


def answer_modal(
    match: Callable[[QWidget], bool], act: Callable[[Any], None], *, timeout_s: float = 30.0
) -> list[QWidget]:
    """Once a modal window for which `match` holds is up, call `act` on it (once).

    Returns a list that holds the window after it was answered, so tests can assert that it
    appeared. Polls every 10 ms from the event loop the modal window runs.
    """
    seen: list[QWidget] = []
    deadline = time.monotonic() + timeout_s
    cancelled = [False]
    _ANSWERING.append(cancelled)

    def poll() -> None:
        if cancelled[0]:
            return  # its test is over: never answer a later test's window
        widget = QApplication.activeModalWidget()
        if widget is not None and widget.isVisible() and match(widget):
            seen.append(widget)
            act(widget)
            return
        if time.monotonic() < deadline:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)
    return seen


_ANSWERING: list[list[bool]] = []  # each answer_modal's "cancelled" flag


def stop_answering() -> None:
    """End every answer_modal still polling (a test's teardown calls this)."""
    for cancelled in _ANSWERING:
        cancelled[0] = True
    _ANSWERING.clear()


def named(name: str) -> Callable[[QWidget], bool]:
    return lambda w: w.objectName() == name


def open_progress_read(shell: Shell, timeout_s: float = 10.0) -> QWidget:
    """The shell's progress window once its background read is on screen."""
    view = shell.open_progress()
    deadline = time.monotonic() + timeout_s
    while getattr(view, "loading", False) or getattr(view, "data", True) is None:
        if time.monotonic() > deadline:
            raise TimeoutError("the progress view's background read never came back")
        QApplication.processEvents()
        time.sleep(0.002)
    return view
