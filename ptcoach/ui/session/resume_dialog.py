"""At start-up after a crash: resume the unfinished session from its next set, close it as
partial, or decide later."""

from __future__ import annotations

from datetime import timedelta
from enum import Enum

from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from ptcoach.store.recorder import ResumeInfo
from ptcoach.store.timefmt import from_iso
from ptcoach.ui import plain


class ResumeChoice(Enum):
    RESUME = "resume"
    CLOSE = "close"
    LATER = "later"


class ResumeDialog(QDialog):
    def __init__(self, info: ResumeInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = info
        self.choice = ResumeChoice.LATER
        self.setWindowTitle(self.tr("Unfinished session"))
        s = info.session
        local = from_iso(s.started_at) + timedelta(minutes=s.utc_offset_min)
        text = self.tr(
            "Your {routine} session from {when} was interrupted after {done} of {planned} sets."
        ).format(
            routine=s.routine_name,
            when=local.strftime("%Y-%m-%d %H:%M"),
            done=s.sets_done,
            planned=s.planned_sets,
        )
        if not info.can_resume:
            text += " " + self.tr("It cannot be resumed: {why}.").format(why=info.problem)
        message = plain.label(QLabel(text, self))
        message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        self.resume_button = QPushButton(self._resume_label(), self)
        self.close_button = QPushButton(self.tr("Close it as partial"), self)
        self.later_button = QPushButton(self.tr("Decide later"), self)
        for button in (self.resume_button, self.close_button, self.later_button):
            button.setMinimumHeight(40)
            layout.addWidget(button)
        self.resume_button.setVisible(info.can_resume)
        (self.resume_button if info.can_resume else self.close_button).setDefault(True)
        self.resume_button.clicked.connect(self._on_resume_clicked)
        self.close_button.clicked.connect(self._on_close_clicked)
        self.later_button.clicked.connect(self.reject)

    def _resume_label(self) -> str:
        info = self.info
        if not info.can_resume:
            return ""
        side = {"left": self.tr(" (left side)"), "right": self.tr(" (right side)")}.get(
            info.side or "", ""
        )
        return self.tr("Resume from {exercise}, set {n}{side}").format(
            exercise=info.exercise_name, n=info.set_number, side=side
        )

    def _on_resume_clicked(self) -> None:
        self.choice = ResumeChoice.RESUME
        self.accept()

    def _on_close_clicked(self) -> None:
        self.choice = ResumeChoice.CLOSE
        self.accept()
