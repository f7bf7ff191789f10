"""A small non-modal window for a reminder, where no notification server shows buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ptcoach.schedule import Reminder
from ptcoach.ui import plain
from ptcoach.ui.look import theme


class ReminderPopup(QWidget):
    """'Time for <routine>' with Start now and Snooze 30 min; closes itself on either."""

    start_clicked = Signal(object)  # Reminder
    snooze_clicked = Signal(object)  # Reminder

    def __init__(
        self, reminder: Reminder, routine_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("reminderPopup")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.setWindowTitle(self.tr("ptcoach reminder"))
        self.reminder = reminder
        self.setMinimumWidth(380)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 18, 18, 14)
        layout.setSpacing(14)
        self.message_label = plain.label(QLabel(self))
        self.message_label.setObjectName("reminderMessageLabel")
        self.message_label.setWordWrap(True)
        theme.text_role(self.message_label, "message")
        layout.addWidget(self.message_label)
        row = QHBoxLayout()
        self.start_button = QPushButton(self.tr("Start now"), self)
        self.start_button.setObjectName("reminderStartButton")
        self.start_button.setDefault(True)
        self.snooze_button = QPushButton(self.tr("Snooze 30 min"), self)
        self.snooze_button.setObjectName("reminderSnoozeButton")
        row.addStretch(1)
        row.addWidget(self.snooze_button)
        row.addWidget(self.start_button)
        layout.addLayout(row)
        self.start_button.clicked.connect(self._on_start_clicked)
        self.snooze_button.clicked.connect(self._on_snooze_clicked)
        self.set_reminder(reminder, routine_name)

    def set_reminder(self, reminder: Reminder, routine_name: str) -> None:
        """Show another reminder in the same window (never a stack of windows)."""
        self.reminder = reminder
        when = reminder.due_at.strftime("%H:%M")
        self.message_label.setText(
            self.tr("Time for your {0} session ({1}).").format(routine_name, when)
        )

    def _on_start_clicked(self) -> None:
        self.hide()
        self.start_clicked.emit(self.reminder)

    def _on_snooze_clicked(self) -> None:
        self.hide()
        self.snooze_clicked.emit(self.reminder)
