"""A dialog to set a routine's weekly schedule: weekdays, a reminder time, start at login.

It returns plain values (`PlanValues`, or a `Schedule` for the reminders); `save_plan` and
`schedules_from_store` connect those to the `plans` table.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time

from PySide6.QtCore import QLocale, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ptcoach import autostart
from ptcoach.schedule import Schedule
from ptcoach.store import plans
from ptcoach.ui import plain
from ptcoach.ui.look import theme

DEFAULT_TIME = time(7, 0)


@dataclass(frozen=True)
class PlanValues:
    """What the dialog chose: no weekdays means "no schedule from today"."""

    weekdays: tuple[int, ...]  # Monday = 0
    remind_at: time | None

    @property
    def remind_at_text(self) -> str | None:
        return None if self.remind_at is None else self.remind_at.strftime("%H:%M")

    def schedule(self, routine_id: str) -> Schedule | None:
        """The reminder schedule, or None when there is nothing to remind of."""
        if not self.weekdays or self.remind_at is None:
            return None
        return Schedule(routine_id, frozenset(self.weekdays), self.remind_at)


def save_plan(
    conn: sqlite3.Connection, routine_id: str, values: PlanValues, start: date | None = None
) -> plans.Plan:
    """Store the chosen schedule from `start` (today) on; no weekdays ends the plan."""
    start = start or date.today()
    if not values.weekdays:
        return plans.end_plan(conn, routine_id, start)
    return plans.set_plan(
        conn, routine_id, start, weekdays=values.weekdays, remind_at=values.remind_at_text
    )


def schedules_from_store(conn: sqlite3.Connection, today: date | None = None) -> list[Schedule]:
    """The reminder schedules in force today, one per routine with weekdays and a time."""
    today = today or date.today()
    routine_ids = dict.fromkeys(p.routine_id for p in plans.list_plans(conn))
    out = []
    for rid in routine_ids:
        plan = plans.plan_on(conn, rid, today)
        if plan is None or not plan.weekdays or plan.remind_at is None:
            continue
        out.append(Schedule(rid, frozenset(plan.weekdays), plan.remind_at))
    return out


class ScheduleEditor(QDialog):
    """Weekday check boxes, an optional reminder time, and the start-at-login opt-in."""

    def __init__(
        self,
        routine_name: str,
        *,
        weekdays: Iterable[int] = (),
        remind_at: time | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("scheduleEditor")
        self.setWindowTitle(self.tr("Schedule"))
        layout = QVBoxLayout(self)
        title = plain.label(
            QLabel(self.tr("When do you want to do {0}?").format(routine_name), self)
        )
        title.setWordWrap(True)
        theme.text_role(title, "heading")
        layout.addWidget(title)

        grid = QGridLayout()
        locale = QLocale()
        chosen = set(weekdays)
        self.day_boxes: list[QCheckBox] = []
        for day in range(7):  # Qt numbers days 1 (Monday) to 7
            box = QCheckBox(locale.dayName(day + 1, QLocale.FormatType.ShortFormat), self)
            box.setObjectName(f"weekday{day}")
            box.setChecked(day in chosen)
            grid.addWidget(box, 0, day)
            self.day_boxes.append(box)
        layout.addLayout(grid)

        row = QHBoxLayout()
        self.remind_box = QCheckBox(self.tr("Remind me at"), self)
        self.remind_box.setObjectName("remindCheckBox")
        self.time_edit = QTimeEdit(self)
        self.time_edit.setObjectName("remindTimeEdit")
        self.time_edit.setDisplayFormat("HH:mm")
        at = remind_at or DEFAULT_TIME
        self.time_edit.setTime(QTime(at.hour, at.minute))
        self.remind_box.setChecked(remind_at is not None)
        self.time_edit.setEnabled(remind_at is not None)
        self.remind_box.toggled.connect(self.time_edit.setEnabled)
        row.addWidget(self.remind_box)
        row.addWidget(self.time_edit)
        row.addStretch(1)
        layout.addLayout(row)

        self.autostart_box = QCheckBox(
            self.tr("Start ptcoach at login (in the tray), so reminders can show"), self
        )
        self.autostart_box.setObjectName("autostartCheckBox")
        self.autostart_box.setChecked(autostart.is_enabled())
        layout.addWidget(self.autostart_box)
        self.hint_label = QLabel(self)
        self.hint_label.setObjectName("scheduleHintLabel")
        self.hint_label.setWordWrap(True)
        theme.mark(self.hint_label, theme.SECONDARY)
        layout.addWidget(self.hint_label)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for box in (*self.day_boxes, self.remind_box):
            box.toggled.connect(self._on_choice_toggled)
        self._on_choice_toggled()

    def values(self) -> PlanValues:
        days = tuple(d for d, box in enumerate(self.day_boxes) if box.isChecked())
        t = self.time_edit.time()
        at = time(t.hour(), t.minute()) if self.remind_box.isChecked() else None
        return PlanValues(days, at)

    def schedule(self, routine_id: str) -> Schedule | None:
        return self.values().schedule(routine_id)

    def accept(self) -> None:
        """Apply the start-at-login choice (the plan itself is the caller's to store)."""
        want = self.autostart_box.isChecked()
        if want != autostart.is_enabled():
            try:
                if want:
                    autostart.enable()
                else:
                    autostart.disable()
            except OSError as exc:
                QMessageBox.warning(
                    self,
                    self.tr("Start at login"),
                    self.tr("Could not change {0}: {1}. Check that the folder is writable.").format(
                        autostart.entry_path(), exc.strerror or exc
                    ),
                )
                self.autostart_box.setChecked(autostart.is_enabled())
                return
        super().accept()

    def _on_choice_toggled(self, _on: bool = False) -> None:
        v = self.values()
        if not v.weekdays:
            text = self.tr("No days chosen: no schedule from today.")
        elif v.remind_at is None:
            text = self.tr("{0} days a week, no reminder.").format(len(v.weekdays))
        else:
            text = self.tr("{0} days a week, reminder at {1}.").format(
                len(v.weekdays), v.remind_at_text
            )
        self.hint_label.setText(text)
