"""The session window: the session view, then the summary; stop confirmation, full screen,
the screen kept awake while the session runs, and a status line saying how cues sound."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QStackedWidget, QWidget

from ptcoach.engine.events import SetCompleted, SetRecord
from ptcoach.engine.session import State
from ptcoach.ui.session import event_log
from ptcoach.ui.session.driver import SessionDriver
from ptcoach.ui.session.sleep_guard import SleepGuard
from ptcoach.ui.session.summary import SummaryView
from ptcoach.ui.session.view import SessionView


class SessionWindow(QMainWindow):
    closed = Signal()
    learn_requested = Signal(str)  # a Learn page id: "why this helps" for the exercise shown
    pain_before_changed = Signal(int)  # pain now (0-10), chosen before Start

    def __init__(
        self,
        driver: SessionDriver,
        *,
        sleep_guard: SleepGuard | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sessionWindow")
        self.driver = driver
        if driver.parent() is None:  # the window owns its driver: Qt, not Python's garbage
            driver.setParent(self)  # collector, deletes it (a collected cycle crashed)
        self.records: list[SetRecord] = []
        plan = driver.session.plan
        self.setWindowTitle(self.tr("{0} — ptcoach").format(plan.routine_name))
        self.stack = QStackedWidget(self)
        self.view = SessionView(driver, self)
        self.summary = SummaryView(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.summary)
        self.setCentralWidget(self.stack)
        self.guard = sleep_guard if sleep_guard is not None else SleepGuard(parent=self)
        self.guard.sleep_imminent.connect(self._on_sleep_imminent)
        self.confirm_box: QMessageBox | None = None
        driver.session_started.connect(self._on_session_started)
        driver.set_completed.connect(self._on_set_completed)
        driver.session_finished.connect(self._on_session_finished)
        driver.session_stopped.connect(self._on_session_stopped)
        self.view.stop_requested.connect(self.request_stop)
        self.view.full_screen_requested.connect(self.toggle_full_screen)
        self.summary.closed.connect(self.close)
        self.summary.quit_requested.connect(self._quit)
        self.view.learn_requested.connect(self.learn_requested)
        self.view.pain_now.value_changed.connect(self.pain_before_changed)
        self.sound_label = QLabel(self)
        self.sound_label.setObjectName("soundMessageLabel")
        self.statusBar().addWidget(self.sound_label, 1)
        self.statusBar().setSizeGripEnabled(False)
        self.statusBar().hide()  # shown once there is something to say
        event_log.attach(self)  # only with $PTCOACH_EVENT_LOG (the end-to-end tests)

    def pain_before(self) -> int | None:
        """Pain now (0-10) as chosen before Start, or None when the runner left it."""
        return self.view.pain_now.value()

    def flash(self, kind: str) -> None:
        """A cue was played (or would have been): flash the banner / big number briefly."""
        self.view.flash(kind)

    def set_sound_message(self, text: str) -> None:
        """Which player sounds the cues and why, or that cues are shown on screen only."""
        self.sound_label.setText(text)
        self.sound_label.setAccessibleName(text)
        self.statusBar().setVisible(bool(text))

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def request_stop(self) -> bool:
        """Esc / Stop: ask first when a session is under way; True when it ended."""
        state = self.driver.state
        if state in (State.FINISHED, State.STOPPED):
            return True
        if state is State.READY:
            self.close()
            return True
        was_running = state is State.RUNNING
        self.driver.pause()  # the clock must not run on while the runner reads the question
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Stop the session?"),
            self.tr("Stop this session? The sets done so far are kept."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("stopConfirm")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        self.confirm_box = box
        try:
            answer = box.exec()
        finally:
            self.confirm_box = None
        if answer == QMessageBox.StandardButton.Yes:
            self.driver.stop()
            return True
        if was_running:
            self.driver.resume()
        return False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.view.refresh()  # the driver's start phase may have been set after we were built

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.driver.state in (State.RUNNING, State.PAUSED) and not self.request_stop():
            event.ignore()
            return
        self.guard.release()
        event.accept()
        self.closed.emit()

    def _on_session_started(self, _event: object) -> None:
        self.guard.inhibit(self.tr("A guided exercise session is running"))

    def _on_set_completed(self, event: SetCompleted) -> None:
        self.records.append(event.record)

    def _on_session_finished(self, _event: object) -> None:
        self._show_summary(finished=True)

    def _on_session_stopped(self, _event: object) -> None:
        self._show_summary(finished=False)

    def _on_sleep_imminent(self) -> None:
        self.driver.pause()

    def _show_summary(self, *, finished: bool) -> None:
        self.guard.release()
        self.summary.show_outcome(self.driver.session.plan, self.records, finished=finished)
        self.stack.setCurrentWidget(self.summary)
        self.summary.done_button.setFocus()  # Tab, Enter and Esc work from here

    def _quit(self) -> None:
        """Ctrl+Q on the summary: close, then quit the app (the session is over)."""
        from PySide6.QtWidgets import QApplication

        self.close()
        QApplication.quit()
