"""The end-of-session summary: per exercise, which sets were done, skipped, or never reached."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ptcoach.engine.events import SetRecord
from ptcoach.engine.plan import Plan
from ptcoach.ui.look import theme
from ptcoach.ui.look.fit_label import FitLabel


@dataclass(frozen=True)
class ExerciseOutcome:
    name: str
    done: int
    skipped: int
    not_reached: int
    details: str  # "15, 15, 12 reps" or "45 s, 30 s"


def outcomes(plan: Plan, records: Sequence[SetRecord]) -> list[ExerciseOutcome]:
    """The last record of each planned set decides it (a set redone after Back counts once)."""
    last: dict[int, SetRecord] = {}
    for r in records:
        last[r.phase_index] = r
    result = []
    for ex_i, ex in enumerate(plan.exercises):
        phases = [p for p in plan.work_phases() if p.exercise_index == ex_i]
        if not phases:
            continue
        done = skipped = missing = 0
        amounts = []
        for p in phases:
            rec = last.get(p.index)
            if rec is None:
                missing += 1
                continue
            if rec.skipped:
                skipped += 1
            else:
                done += 1
            if rec.reps is not None:
                amounts.append(f"{rec.reps}")
            elif rec.hold_s is not None:
                amounts.append(f"{round(rec.hold_s)} s")
        unit = " reps" if phases[0].target_reps is not None and amounts else ""
        result.append(ExerciseOutcome(ex.name, done, skipped, missing, ", ".join(amounts) + unit))
    return result


class SummaryView(QWidget):
    closed = Signal()  # "Back to routines" (button, Esc, Enter)
    quit_requested = Signal()  # Ctrl+Q

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryView")
        layout = QVBoxLayout(self)
        self.title = FitLabel(36, bold=True, parent=self)
        self.title.setObjectName("summaryTitleLabel")
        self.totals = FitLabel(22, parent=self)
        self.totals.setObjectName("summaryTotalsLabel")
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("summaryTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Exercise"),
                self.tr("Done"),
                self.tr("Skipped"),
                self.tr("Not reached"),
                self.tr("Reps / time per set"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        theme.text_role(self.table, "table")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (it cycled cells forever)
        self.table.setAccessibleName(self.tr("Sets per exercise"))
        self.done_button = QPushButton(self.tr("Back to routines"), self)
        self.done_button.setObjectName("doneButton")
        self.done_button.setMinimumHeight(56)
        theme.text_role(self.done_button, "bigButton")
        self.done_button.clicked.connect(self.closed)
        self.done_button.setDefault(True)
        self.done_button.setToolTip(self.tr("Back to routines (Esc or Enter)"))
        for key in (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._key(QKeySequence(key), self.closed.emit)
        self._key(QKeySequence("Ctrl+Q"), self.quit_requested.emit)
        layout.addWidget(self.title)
        layout.addWidget(self.totals)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.done_button)

    def _key(self, key: QKeySequence, slot: object) -> None:
        shortcut = QShortcut(key, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # shown only
        shortcut.activated.connect(slot)

    def show_outcome(self, plan: Plan, records: Sequence[SetRecord], *, finished: bool) -> None:
        self.title.setText(self.tr("Session complete") if finished else self.tr("Session stopped"))
        rows = outcomes(plan, records)
        done = sum(r.done for r in rows)
        skipped = sum(r.skipped for r in rows)
        missing = sum(r.not_reached for r in rows)
        self.totals.setText(
            self.tr("{0}: {1} sets done, {2} skipped, {3} not reached").format(
                plan.routine_name, done, skipped, missing
            )
        )
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            cells = [row.name, str(row.done), str(row.skipped), str(row.not_reached), row.details]
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j in (1, 2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(i, j, item)
