"""Recording a session, whatever the order things happen in at start-up.

`Recording` owns the app's HistoryWriter (its worker thread and durable queue) from the moment
the app starts, before the history is open: a session window built before the history opened
records all the same (its sets wait in the queue file until the history opens). The GUI
thread only hands records to the queue; the worker's news (a busy file, a full disk, a
deleted WAL, the history back) arrives here as signals, and is shown in the session window's
"history" bar, before Start when the history cannot be opened.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from ptcoach.engine.plan import Plan
    from ptcoach.store.recorder import Recorder
    from ptcoach.store.writer import HistoryWriter
    from ptcoach.ui.session.driver import SessionDriver
    from ptcoach.ui.session.window import SessionWindow
    from ptcoach.ui.shell import Services

CLOSE_WAIT_S = 3.0


def ensure(services: Services) -> Recording | None:
    """The app's Recording, made on first need: `services.recording` may hold a factory, so
    that the home window paints before sqlite3 and the writer are imported."""
    recording = services.recording
    if recording is None or isinstance(recording, Recording):
        return recording
    made = services.recording = recording()
    return made


def hand_to_running_app(name: str, routine_id: str | None) -> int:
    """Another ptcoach holds this data dir: ask it to open `routine_id`'s session (or come
    to the front), and leave. The exit status of this start."""
    import sys

    from ptcoach.ui.desktop.single_instance import MESSAGE, hand_over, run_message

    message = run_message(routine_id) if routine_id else MESSAGE
    if hand_over(name, message):
        what = f"it opens {routine_id}" if routine_id else "it was brought to the front"
        print(f"ptcoach is already running: {what}.", file=sys.stderr)
        return 0
    print(
        "ptcoach is already running with this data folder, but did not answer; "
        "bring its window to the front yourself.",
        file=sys.stderr,
    )
    return 1


class Recording(QObject):
    """The app's one writer of the history, and what it tells the runner."""

    worker_event = Signal(str, str)  # (kind, text), emitted from the writer's thread
    committed = Signal()  # a record reached the history (GUI thread)
    message_changed = Signal(str)  # what the session window's history bar says ("" none)
    reopened = Signal()  # the history's files were replaced: re-open connections to them

    def __init__(
        self, data_dir: Path, parent: QObject | None = None, *, retry_s: float | None = None
    ) -> None:
        super().__init__(parent)
        from ptcoach.store.writer import RETRY_S, HistoryWriter

        self.writer: HistoryWriter = HistoryWriter(
            data_dir,
            on_event=self.worker_event.emit,
            retry_s=RETRY_S if retry_s is None else retry_s,
            readers=True,
        )
        self._services: Services | None = None  # whose `conn` follows the writer
        self.open_error: str | None = None  # why the history could not be opened
        self.problem: str | None = None  # the worker's last trouble, until it is fixed
        self.recovered: str | None = None  # the last re-open after the files went, said
        self.notices: list[str] = []  # recoveries to tell the runner about
        self._replayed = False  # the last run's queue file is written
        self._after_replay: list[Callable[[], object]] = []
        self.worker_event.connect(self._on_worker_event)  # queued: lands on the GUI thread
        self.writer.start(ready=False)

    # ------------------------------------------------------------------ start-up
    def history_opened(self) -> None:
        """The app opened (recovered, migrated) the history: the worker may write now."""
        self.open_error = None
        self.writer.history_ready()
        self.message_changed.emit(self.message())

    def history_failed(self, message: str) -> None:
        """The history cannot be opened: sets stay in the queue file; say so before Start."""
        self.open_error = message
        self.message_changed.emit(self.message())

    def message(self) -> str:
        if self.open_error is not None:
            return self.tr(
                "The history cannot be opened: {0}\nThis session's sets are kept in "
                "{1} and added to the history at the next start once it can be "
                "opened."
            ).format(self.open_error, self.writer.journal)
        if self.problem is not None:
            return self.tr("History not saved yet: {0}").format(self.problem)
        return self.recovered or ""  # what happened, and that nothing was lost

    def follow_reads(self, services: Services) -> None:
        """Keep `services.conn` (the GUI's reads) on the live files: when the writer finds
        the history's files deleted or replaced, this connection closes first (SQLite shares
        one WAL index per file and process) and re-opens after the writer."""
        self._services = services

    def _close_reads(self) -> None:
        services = self._services
        if services is not None and services.conn is not None:
            services.conn.close()
            services.conn = None
        self.writer.readers_closed()

    def _reopen_reads(self) -> None:
        services = self._services
        if services is None or services.conn is not None:
            return
        from ptcoach.store.db import reopen_database
        from ptcoach.store.errors import StoreError

        try:
            services.conn = reopen_database(self.writer.db_path)
        except StoreError:
            return  # the writer says why in the session bar

    # ------------------------------------------------------------------ sessions
    def attach(
        self,
        driver: SessionDriver,
        plan: Plan,
        *,
        lead_in_s: float | None,
        resume_session_id: int | None,
        self_paced: bool = False,
    ) -> Recorder:
        """A recorder for this session: every record goes to the writer's queue."""
        from ptcoach.store.recorder import Recorder

        recorder = Recorder(
            None,
            plan,
            speed=driver.session.speed,
            self_paced=self_paced,
            lead_in_s=lead_in_s,
            session_id=resume_session_id,
            writer=self.writer,
        )
        driver.recorder = recorder
        driver.events_emitted.connect(recorder.on_events)  # only queues: never blocks
        return recorder

    def show_in(self, window: SessionWindow) -> None:
        """A bar at the top of the session window that says what happens to the history."""
        from PySide6.QtCore import Qt  # here: the Qt namespace costs ~15 ms to build
        from PySide6.QtWidgets import QLabel, QSizePolicy, QToolBar

        bar = QToolBar(window)
        bar.setObjectName("historyBar")
        bar.setMovable(False)
        bar.setFloatable(False)
        label = QLabel(bar)
        label.setObjectName("historyMessageLabel")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(label)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

        def show(text: str) -> None:
            label.setText(text)
            label.setAccessibleName(text)
            bar.setVisible(bool(text))

        show(self.message())
        self.message_changed.connect(show)
        window.closed.connect(lambda: self.message_changed.disconnect(show))

    # ------------------------------------------------------------------ the end
    def close(self, timeout_s: float = CLOSE_WAIT_S) -> bool:
        """Write what is queued (waiting up to `timeout_s`), then stop the worker. False:
        some records stay in the queue file and are written at the next start."""
        return self.writer.close(timeout_s)

    def close_with_message(self, timeout_s: float = CLOSE_WAIT_S) -> bool:
        """At quit: while records are still queued, say so in a small window and wait for
        them (briefly); what is left stays in the queue file for the next start."""
        pending = self.writer.pending
        if pending == 0:
            return self.close(0.5)
        from PySide6.QtWidgets import QApplication, QLabel

        note = QLabel(self.tr("Saving {0} records to the history…").format(pending))
        note.setObjectName("savingHistoryNote")
        note.setWindowTitle("ptcoach")
        note.setMargin(16)
        note.show()
        QApplication.processEvents()
        drained = self.close(timeout_s)
        note.close()
        if not drained:
            import sys

            print(
                f"ptcoach: {self.writer.pending} records could not be written to the history "
                f"yet; they are kept in {self.writer.journal} and written at the next start.",
                file=sys.stderr,
            )
        return drained

    def when_replayed(self, then: Callable[[], object]) -> None:
        """Run `then` once what the queue file held from the last run is in the history (the
        resume offer must see the sessions as they really ended)."""
        if self._replayed:
            then()
        else:
            self._after_replay.append(then)

    def _on_worker_event(self, kind: str, text: str) -> None:
        if kind == "committed":
            self.committed.emit()
            return
        if kind == "close_readers":
            self._close_reads()
            return
        if (
            kind == "idle"
            and self._services is not None
            and self._services.conn is None
            and self.open_error is None
            and self._replayed
        ):
            self._reopen_reads()
            self.reopened.emit()
        if kind == "idle":
            if not self._replayed:
                self._replayed = True
                callbacks, self._after_replay = self._after_replay, []
                for then in callbacks:
                    then()
            return
        if kind == "problem":
            self.problem = text
        elif kind == "fixed":
            self.problem = None
        elif kind == "recovered":
            self.notices.append(text)
            self.recovered = text
        else:
            return
        self.message_changed.emit(self.message())
