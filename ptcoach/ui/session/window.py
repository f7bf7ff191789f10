"""The session window: the session view, then the summary; stop confirmation, full screen,
the screen kept awake while the session runs, and a status line saying how cues sound.

`ptcoach run ID` shows it before its session exists (`SessionWindow(None, title=...)`: the
routine's name and "Getting ready"), so it paints as fast as a bare window; `attach(driver)`
builds the view a few event-loop turns later. Space pressed meanwhile is kept and starts the
session once it can be recorded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

if TYPE_CHECKING:  # imported when the session is attached, not to paint the opening window
    # (PySide builds a class's enums when its name is first imported: ~0.5 ms each here)
    from PySide6.QtGui import QCloseEvent, QKeyEvent, QShowEvent
    from PySide6.QtWidgets import QMessageBox, QStackedWidget

    from ptcoach.engine.events import SetCompleted, SetRecord
    from ptcoach.ui.session.driver import SessionDriver
    from ptcoach.ui.session.sleep_guard import SleepGuard
    from ptcoach.ui.session.summary import SummaryView
    from ptcoach.ui.session.view import SessionView


class SessionWindow(QMainWindow):
    closed = Signal()
    learn_requested = Signal(str)  # a Learn page id: "why this helps" for the exercise shown
    pain_before_changed = Signal(int)  # pain now (0-10), chosen before Start
    # Set by attach(), at once when the window is made with its driver.
    driver: SessionDriver
    view: SessionView
    summary: SummaryView
    stack: QStackedWidget
    guard: SleepGuard

    def __init__(
        self,
        driver: SessionDriver | None,
        *,
        title: str = "",
        sleep_guard: SleepGuard | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`driver` None: an opening window titled for routine `title`, until `attach`."""
        super().__init__(parent)
        self.setObjectName("sessionWindow")
        self.records: list[SetRecord] = []
        self.confirm_box: QMessageBox | None = None
        self.start_requested = False  # Space before the session could start
        self._sleep_guard = sleep_guard
        self.sound_label: QLabel | None = None  # made with the status line, on attach
        if driver is None:
            self.setWindowTitle(self.tr("{0} — ptcoach").format(title))
            self.setCentralWidget(self._opening_page(title))
        else:
            self.attach(driver)

    def _opening_page(self, title: str) -> QWidget:
        """The routine's name and "Getting ready…", centred by stretches (no alignment flag:
        the Qt namespace's enums cost ~11 ms to build) and large once the style sheet is in."""
        from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

        from ptcoach.ui.look import theme

        page = QWidget(self)
        label = QLabel(self.tr("{0}\n\nGetting ready…").format(title), page)
        label.setObjectName("sessionOpening")
        theme.text_role(label, "opening")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(label)
        row.addStretch(1)
        column = QVBoxLayout(page)
        column.addStretch(1)
        column.addLayout(row)
        column.addStretch(1)
        return page

    @property
    def ready(self) -> bool:
        """The session is attached and its view built."""
        return hasattr(self, "driver")

    def attach(self, driver: SessionDriver) -> None:
        from PySide6.QtWidgets import QStackedWidget

        from ptcoach.ui.session import event_log
        from ptcoach.ui.session.sleep_guard import SleepGuard
        from ptcoach.ui.session.summary import SummaryView
        from ptcoach.ui.session.view import SessionView

        self.driver = driver
        if driver.parent() is None:  # the window owns its driver: Qt, not Python's garbage
            driver.setParent(self)  # collector, deletes it (a collected cycle crashed)
        plan = driver.session.plan
        self.setWindowTitle(self.tr("{0} — ptcoach").format(plan.routine_name))
        self.stack = QStackedWidget(self)
        self.view = SessionView(driver, self)
        self.summary = SummaryView(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.summary)
        self.setCentralWidget(self.stack)  # deletes the opening label, if there was one
        if self.isVisible():
            # A layout shows what is added to a visible window only on a later turn; until
            # then the view's key shortcuts do not match and a Space pressed meanwhile was lost.
            self.stack.show()
        guard = self._sleep_guard
        self.guard = guard if guard is not None else SleepGuard(parent=self)
        self.guard.sleep_imminent.connect(self._on_sleep_imminent)
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
        event_log.attach(self)  # only with $PTCOACH_EVENT_LOG (the end-to-end tests)
        self._status_line()
        if self.isVisible():
            self.view.refresh()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Before the session is attached: Space is kept for then, Esc closes."""
        if not self.ready:
            from PySide6.QtCore import Qt  # here: its enums are not needed to paint

            key = event.key()
            if key == Qt.Key.Key_Space:
                self.start_requested = True
                event.accept()
                return
            if key == Qt.Key.Key_Escape:
                self.close()
                event.accept()
                return
        super().keyPressEvent(event)

    def pain_before(self) -> int | None:
        """Pain now (0-10) as chosen before Start, or None when the runner left it."""
        return self.view.pain_now.value()

    def flash(self, kind: str) -> None:
        """A cue was played (or would have been): flash the banner / big number briefly."""
        self.view.flash(kind)

    def _status_line(self) -> QLabel:
        """The status line's label, made on first need (not to paint the opening window)."""
        if self.sound_label is None:
            self.sound_label = QLabel(self)
            self.sound_label.setObjectName("soundMessageLabel")
            self.statusBar().addWidget(self.sound_label, 1)
            self.statusBar().setSizeGripEnabled(False)
            self.statusBar().hide()  # shown once there is something to say
        return self.sound_label

    def set_sound_message(self, text: str) -> None:
        """Which player sounds the cues and why, or that cues are shown on screen only."""
        label = self._status_line()
        label.setText(text)
        label.setAccessibleName(text)
        self.statusBar().setVisible(bool(text))

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def request_stop(self) -> bool:
        """Esc / Stop: ask first when a session is under way; True when it ended."""
        from PySide6.QtWidgets import QMessageBox

        from ptcoach.engine.session import State

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
        if self.ready:
            self.view.refresh()  # the driver's start phase may have been set after we were built

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.ready:  # closed while opening: nothing started, nothing to keep awake
            event.accept()
            self.closed.emit()
            return
        from ptcoach.engine.session import State

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
