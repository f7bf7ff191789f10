"""The routine's own fields (name, id, description, condition, get-ready and rest between
exercises) and its exercise list, reordered by dragging or Ctrl+Up / Ctrl+Down."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ptcoach.catalog.editing_parts import concerns
from ptcoach.catalog.exercise_schema import REST
from ptcoach.catalog.routine_schema import LEAD_IN
from ptcoach.ui import plain
from ptcoach.ui.builder.marks import mark, mark_fields
from ptcoach.ui.builder.state import DraftState
from ptcoach.ui.builder.texts import condition_labels, item_summary

INDEX_ROLE = Qt.ItemDataRole.UserRole


class RoutineForm(QWidget):
    item_selected = Signal(int)  # -1 when none

    def __init__(self, state: DraftState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._syncing = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.name = QLineEdit(self)
        self.name.setObjectName("routineNameEdit")
        self.routine_id = QLineEdit(self)
        self.routine_id.setObjectName("routineIdEdit")
        self.description = QLineEdit(self)
        self.description.setObjectName("routineDescriptionEdit")
        self.condition = QComboBox(self)
        self.condition.setObjectName("routineConditionCombo")
        self.condition.addItem(self.tr("(none)"), "")
        for cid, label in condition_labels().items():
            self.condition.addItem(label, cid)
        self.lead_in = self._spin("leadInSpin", *LEAD_IN)
        self.between = self._spin("restBetweenSpin", *REST)
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Id (file name)"), self.routine_id)
        form.addRow(self.tr("&Description"), self.description)
        form.addRow(self.tr("&Condition"), self.condition)
        form.addRow(self.tr("&Get ready before each exercise"), self.lead_in)
        form.addRow(self.tr("Rest &between exercises"), self.between)
        layout.addLayout(form)

        heading = QLabel(
            f"<b>{self.tr('Exercises')}</b> "
            f"<small>{self.tr('drag or Ctrl+Up/Down to reorder')}</small>",
            self,
        )
        heading.setWordWrap(True)  # a narrow screen wraps it rather than scrolling sideways
        layout.addWidget(heading)
        self.items = QListWidget(self)
        self.items.setObjectName("itemList")
        self.items.setAccessibleName(self.tr("Exercises in the routine"))
        self.items.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.items.setDefaultDropAction(Qt.DropAction.MoveAction)
        layout.addWidget(self.items, 1)
        row = QHBoxLayout()
        self.move_up = self._action(self.tr("Move up"), "Ctrl+Up", -1)
        self.move_down = self._action(self.tr("Move down"), "Ctrl+Down", 1)
        self.remove = QAction(self.tr("Remove exercise"), self)
        self.remove.setShortcut(QKeySequence.StandardKey.Delete)
        self.remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.remove.triggered.connect(self._on_remove_triggered)
        self.items.addAction(self.remove)
        self.action_buttons: dict[str, QPushButton] = {}  # by objectName
        for action, name in (
            (self.move_up, "moveUpButton"),
            (self.move_down, "moveDownButton"),
            (self.remove, "removeExerciseButton"),
        ):
            button = QPushButton(action.text(), self)
            button.setObjectName(name)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(action.trigger)
            row.addWidget(button)
            self.action_buttons[name] = button
        layout.addLayout(row)

        self.fields = {
            "name": self.name,
            "id": self.routine_id,
            "description": self.description,
            "condition": self.condition,
            "lead_in_s": self.lead_in,
            "rest_between_exercises_s": self.between,
        }
        self.name.textEdited.connect(lambda t: state.apply(lambda d: d.rename(t)))
        self.routine_id.textEdited.connect(lambda t: state.apply(lambda d: d.set_id(t)))
        self.description.textEdited.connect(
            lambda t: state.apply(lambda d: d.set_field(("description",), t or None))
        )
        self.condition.activated.connect(self._on_condition_activated)
        self.lead_in.valueChanged.connect(lambda v: self._set(("lead_in_s",), v))
        self.between.valueChanged.connect(lambda v: self._set(("rest_between_exercises_s",), v))
        self.items.currentRowChanged.connect(self._on_current_row_changed)
        model = self.items.model()
        model.rowsMoved.connect(self._on_rows_moved)
        state.changed.connect(self.refresh)
        self.refresh()

    def _spin(self, name: str, low: int, high: int) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(low, high)
        spin.setSuffix(self.tr(" s"))
        return spin

    def _action(self, text: str, keys: str, step: int) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda: self.move_current(step))
        self.items.addAction(action)
        return action

    def _set(self, path: tuple[str, ...], value: object) -> None:
        if not self._syncing:
            self.state.apply(lambda d: d.set_field(path, value))

    def current_row(self) -> int:
        return self.items.currentRow()

    def select(self, row: int) -> None:
        self.items.setCurrentRow(row)

    def move_current(self, step: int) -> None:
        row = self.items.currentRow()
        dest = row + step
        if row < 0 or not 0 <= dest < self.items.count() or self.state.read_only:
            return
        self.state.apply(lambda d: d.move_exercise(row, dest))
        self.items.setCurrentRow(dest)

    def refresh(self) -> None:
        draft = self.state.draft
        self._syncing = True
        try:
            for edit, key in (
                (self.name, "name"),
                (self.routine_id, "id"),
                (self.description, "description"),
            ):
                text = draft.get((key,), "")
                if isinstance(text, str) and edit.text() != text:
                    edit.setText(text)
            self.condition.setCurrentIndex(
                max(self.condition.findData(draft.get(("condition",), "")), 0)
            )
            for spin, key, default in (
                (self.lead_in, "lead_in_s", 10),
                (self.between, "rest_between_exercises_s", 30),
            ):
                value = draft.get((key,), default)
                if isinstance(value, int | float) and spin.value() != int(value):
                    spin.setValue(int(value))
            self._fill_items()
        finally:
            self._syncing = False
        editable = not draft.read_only
        for w in (self.name, self.routine_id, self.description):
            w.setReadOnly(not editable)
        for control in (self.condition, self.lead_in, self.between):
            control.setEnabled(editable)
        self.items.setDragEnabled(editable)
        self._update_buttons()
        problems = draft.problems()
        mark_fields(self.fields, problems)
        # The list itself only for problems with the list as a whole (each row has its own).
        mark(self.items, [p.message for p in problems if p.location == "exercises"])

    def _fill_items(self) -> None:
        draft = self.state.draft
        known = draft.known_exercises()
        problems = draft.problems()
        row = self.items.currentRow()
        self.items.clear()
        warn = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for i, entry in enumerate(draft.entries()):
            entry = entry if isinstance(entry, dict) else {}
            item = QListWidgetItem(item_summary(entry, known.get(str(entry.get("id")))))
            item.setData(INDEX_ROLE, i)
            mine = [p.message for p in problems if concerns(p.location, f"exercises[{i}]")]
            if mine:
                item.setIcon(warn)
                item.setToolTip(plain.tip("\n".join(mine)))
            self.items.addItem(item)
        if self.items.count():
            self.items.setCurrentRow(min(max(row, 0), self.items.count() - 1))

    def _update_buttons(self) -> None:
        row, count = self.items.currentRow(), self.items.count()
        editable = not self.state.read_only
        self.move_up.setEnabled(editable and row > 0)
        self.move_down.setEnabled(editable and 0 <= row < count - 1)
        self.remove.setEnabled(editable and row >= 0)
        for action, name in (
            (self.move_up, "moveUpButton"),
            (self.move_down, "moveDownButton"),
            (self.remove, "removeExerciseButton"),
        ):
            self.action_buttons[name].setEnabled(action.isEnabled())

    def _on_condition_activated(self, index: int) -> None:
        value = self.condition.itemData(index)
        self._set(("condition",), value or None)

    def _on_current_row_changed(self, row: int) -> None:
        if self._syncing:
            return
        self._update_buttons()
        self.item_selected.emit(row)

    def _on_remove_triggered(self) -> None:
        row = self.items.currentRow()
        if row >= 0:
            self.state.apply(lambda d: d.remove_exercise(row))

    def _on_rows_moved(
        self, _parent: QModelIndex, start: int, end: int, _dest: QModelIndex, row: int
    ) -> None:
        if self._syncing:
            return
        # A drag (or a model move) reordered the rows: read the new order from the rows' own
        # indexes once the view has finished with the drop, then apply it as one undo step.
        QTimer.singleShot(0, self._apply_list_order)

    def _apply_list_order(self) -> None:
        order = [self.items.item(i).data(INDEX_ROLE) for i in range(self.items.count())]
        current = self.items.currentRow()
        if self.state.read_only or sorted(order) != list(range(len(self.state.draft.entries()))):
            self.refresh()
            return
        self.state.apply(lambda d: d.reorder(order))
        self.items.setCurrentRow(current)
