"""The builder window: the picker, the routine form, the selected exercise's form and the
problems list, with undo/redo, save, duplicate, delete, and import/export (TOML and FIT)."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ptcoach.catalog.catalog import Catalog
from ptcoach.catalog.editing import RoutineDraft
from ptcoach.ui.builder import file_ops
from ptcoach.ui.builder.item_form import ItemForm
from ptcoach.ui.builder.marks import UndoKeysToWindow
from ptcoach.ui.builder.own_form import OwnExerciseForm
from ptcoach.ui.builder.picker import ExercisePicker
from ptcoach.ui.builder.routine_form import RoutineForm
from ptcoach.ui.builder.state import DraftState
from ptcoach.ui.builder.texts import describe


class BuilderWindow(QMainWindow):
    routines_changed = Signal(str)  # a routine id saved, imported or deleted: reload lists

    def __init__(
        self,
        catalog: Catalog,
        data_dir: Path,
        parent: QWidget | None = None,
        *,
        routine_id: str | None = None,
        lead_in_s: float = 10,
        rest_s: float = 30,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("builderWindow")
        self.catalog = catalog
        self.data_dir = Path(data_dir)
        self.defaults = {"lead_in_s": lead_in_s, "rest_s": rest_s}  # the runner's preferences
        self.state = DraftState(self.blank_draft(), self)
        self._build()
        self._build_actions()
        self._set_tab_order()
        self._undo_keys = UndoKeysToWindow(self)
        for w in self.findChildren(QWidget):
            if isinstance(w, QLineEdit | QPlainTextEdit | QAbstractSpinBox):
                w.installEventFilter(self._undo_keys)
        self.state.changed.connect(self._on_state_changed)
        self.state.replaced.connect(self._on_state_replaced)
        if routine_id is not None:
            self.open_routine(routine_id)
        else:
            self._on_state_replaced()
            self._on_state_changed()
        from ptcoach.ui.look.screen_fit import fit_window

        central = self.centralWidget()
        inner = central.widget() if isinstance(central, QScrollArea) else central
        content = (inner or self).minimumSizeHint()
        # As wide as the three panes need (extra-large text) where the screen allows.
        fit_window(self, max(1180, content.width() + 40), max(720, content.height() + 80))

    # -- layout -------------------------------------------------------------------------------

    def _build(self) -> None:
        from ptcoach.ui.look.screen_fit import scrolling

        # Scrolls when the screen is smaller than the three panes need (extra-large text).
        # In its scroll area before it has children: moving a whole filled tree into one
        # re-polished every widget in it (~10 ms of the window's opening).
        central = QWidget(self)
        central.setObjectName("builderContent")
        self.setCentralWidget(scrolling(central, self))
        outer = QVBoxLayout(central)
        banner = QWidget(central)
        banner.setObjectName("readOnlyBanner")
        row = QHBoxLayout(banner)
        row.setContentsMargins(0, 0, 0, 0)
        note = QLabel(
            self.tr(
                "This is a built-in routine: it cannot be changed. "
                "Duplicate it to make your own version."
            ),
            banner,
        )
        note.setWordWrap(True)  # never wider than the window
        row.addWidget(note, 1)
        self.duplicate_button = QPushButton(self.tr("Duplicate &to edit"), banner)
        self.duplicate_button.setObjectName("duplicateToEditButton")
        self.duplicate_button.clicked.connect(self.duplicate)
        row.addWidget(self.duplicate_button)
        self.banner = banner
        outer.addWidget(banner)

        split = QSplitter(Qt.Orientation.Horizontal, central)
        self.picker = ExercisePicker(self.state, split)
        self.routine_form = RoutineForm(self.state, split)
        self.detail = QStackedWidget(split)
        self.hint = QLabel(
            self.tr(
                "Select an exercise in the routine to set its numbers, or "
                "one of your own exercises to edit it."
            ),
            self.detail,
        )
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.item_form = ItemForm(self.state, self.detail)
        self.own_form = OwnExerciseForm(self.state, self.detail)
        for page in (self.hint, self.item_form, self.own_form):
            self.detail.addWidget(page)
        for w, stretch in ((self.picker, 3), (self.routine_form, 4), (self.detail, 4)):
            split.setStretchFactor(split.indexOf(w), stretch)
        split.setSizes([300, 430, 430])
        outer.addWidget(split, 1)

        self.problems_label = QLabel(central)
        self.problems_label.setObjectName("problemsLabel")
        outer.addWidget(self.problems_label)
        self.problems_view = QListWidget(central)
        self.problems_view.setObjectName("problemsView")
        self.problems_view.setAccessibleName(self.tr("Problems"))
        self.problems_view.setMaximumHeight(110)
        outer.addWidget(self.problems_view)

        self.picker.add_requested.connect(self._on_add_requested)
        self.picker.own_selected.connect(self._on_own_selected)
        self.picker.own_new_requested.connect(self._on_own_new_requested)
        self.picker.own_remove_requested.connect(self._on_own_remove_requested)
        self.routine_form.item_selected.connect(self._on_item_selected)

    def _build_actions(self) -> None:
        def action(
            text: str,
            slot: Callable[[], object],
            keys: QKeySequence.StandardKey | str | list[QKeySequence] | None = None,
            name: str = "",
        ) -> QAction:
            a = QAction(text, self)
            if keys is not None:
                a.setShortcuts(keys if isinstance(keys, list) else [QKeySequence(keys)])
            a.triggered.connect(slot)
            if name:
                a.setObjectName(name)
            self.addAction(a)
            return a

        std = QKeySequence.StandardKey
        self.new_action = action(self.tr("&New routine"), self.new_routine, std.New)
        self.duplicate_action = action(self.tr("&Duplicate"), self.duplicate, "Ctrl+D")
        self.save_action = action(self.tr("&Save"), self.save, std.Save, "saveAction")
        self.import_action = action(self.tr("&Import routine file…"), self._on_import, std.Open)
        self.export_action = action(self.tr("&Export routine file…"), self._on_export)
        self.fit_action = action(self.tr("Export Garmin &FIT workout…"), self._on_export_fit)
        self.delete_action = action(self.tr("De&lete routine…"), self.delete)
        self.close_action = action(self.tr("&Close"), self.close, std.Close)
        self.undo_action = action(
            self.tr("&Undo"), self.state.undo, [QKeySequence("Ctrl+Z")], "undoAction"
        )
        self.redo_action = action(
            self.tr("&Redo"),
            self.state.redo,
            [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")],
            "redoAction",
        )
        file_menu = self.menuBar().addMenu(self.tr("&Routine"))
        for a in (
            self.new_action,
            self.duplicate_action,
            self.save_action,
            None,
            self.import_action,
            self.export_action,
            self.fit_action,
            None,
            self.delete_action,
            None,
            self.close_action,
        ):
            file_menu.addSeparator() if a is None else file_menu.addAction(a)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        for a in (
            self.undo_action,
            self.redo_action,
            None,
            self.routine_form.move_up,
            self.routine_form.move_down,
            self.routine_form.remove,
        ):
            edit_menu.addSeparator() if a is None else edit_menu.addAction(a)
        bar = self.addToolBar(self.tr("Routine"))
        bar.setObjectName("builderToolBar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for a, name in (
            (self.new_action, "newButton"),
            (self.duplicate_action, "duplicateButton"),
            (self.undo_action, "undoButton"),
            (self.redo_action, "redoButton"),
            (self.save_action, "saveButton"),
            (self.fit_action, "exportFitButton"),
            (self.delete_action, "deleteButton"),
        ):
            bar.addAction(a)
            bar.widgetForAction(a).setObjectName(name)

    def _set_tab_order(self) -> None:
        p, f = self.picker, self.routine_form
        chain = [
            p.search,
            p.filter,
            p.catalog_list,
            p.add_button,
            f.name,
            f.routine_id,
            f.description,
            f.condition,
            f.lead_in,
            f.between,
            f.items,
            *self.item_form.focus_chain(),
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- reacting to the draft ----------------------------------------------------------------

    @property
    def draft(self) -> RoutineDraft:
        return self.state.draft

    def _on_state_replaced(self) -> None:
        read_only = self.draft.read_only
        self.banner.setVisible(read_only)
        for a in (self.delete_action,):
            a.setEnabled(not read_only and self.draft.origin is not None)
        self.detail.setCurrentWidget(self.hint)
        self.item_form.set_index(-1)
        self.own_form.set_index(-1)
        if self.draft.entries():
            self.routine_form.select(0)
            self._on_item_selected(0)
        # A routine just opened: show the start of its texts, not where setText left the cursor.
        QTimer.singleShot(0, lambda: self.routine_form.description.setCursorPosition(0))

    def _on_state_changed(self) -> None:
        draft = self.draft
        problems = draft.problems()
        names = {ex_id: ex.name for ex_id, ex in draft.known_exercises().items()}
        data = draft.data
        self.problems_view.clear()
        for problem in problems:
            self.problems_view.addItem(describe(problem, data, names))
        self.problems_label.setText(
            self.tr("<b>Problems ({n})</b> — fix them to save").format(n=len(problems))
            if problems
            else self.tr("No problems.")
        )
        self.problems_view.setVisible(bool(problems))
        self.save_action.setEnabled(not draft.read_only and not problems and draft.needs_saving)
        self.undo_action.setEnabled(draft.can_undo())
        self.redo_action.setEnabled(draft.can_redo())
        self.undo_action.setToolTip(self.tr("Undo {what}").format(what=draft.undo_label()))
        self.redo_action.setToolTip(self.tr("Redo {what}").format(what=draft.redo_label()))
        self.export_action.setEnabled(not problems)
        self.fit_action.setEnabled(not problems)
        if self.detail.currentWidget() is self.item_form:
            self.item_form.set_index(self.routine_form.current_row())
        star = "*" if draft.dirty and not draft.read_only else ""
        name = draft.get(("name",), "")
        suffix = self.tr(" (built-in, read-only)") if draft.read_only else ""
        self.setWindowTitle(
            self.tr("{name}{star}{suffix} — routine builder").format(
                name=name, star=star, suffix=suffix
            )
        )

    def _on_item_selected(self, row: int) -> None:
        self.item_form.set_index(row)
        self.detail.setCurrentWidget(self.item_form if row >= 0 else self.hint)

    def _on_own_selected(self, row: int) -> None:
        self.own_form.set_index(row)
        self.detail.setCurrentWidget(self.own_form)

    def _on_add_requested(self, ex_id: str) -> None:
        at = self.state.apply(lambda d: d.add_exercise(ex_id))
        if at is not None:
            self.routine_form.select(at)
            self._on_item_selected(at)

    def _on_own_new_requested(self) -> None:
        index = self.state.apply(lambda d: d.add_own_exercise())
        if index is not None:
            self.picker.own_list.setCurrentRow(index)
            self._on_own_selected(index)
            self.own_form.name.setFocus()
            self.own_form.name.selectAll()

    def _on_own_remove_requested(self, row: int) -> None:
        self.state.apply(lambda d: d.remove_own_exercise(row))
        self.detail.setCurrentWidget(self.hint)

    # -- routine-level commands (file work in file_ops) ---------------------------------------

    def blank_draft(self) -> RoutineDraft:
        """A new, empty routine with the runner's default lead-in and rest times."""
        return RoutineDraft.new(self.catalog.exercises, self.taken_ids(), **self.defaults)

    def taken_ids(self) -> set[str]:
        return file_ops.taken_ids(self)

    def open_draft(self, draft: RoutineDraft) -> bool:
        if not file_ops.confirm_discard(self):
            return False
        self.state.replace(draft)
        return True

    def new_routine(self) -> bool:
        return self.open_draft(self.blank_draft())

    def open_routine(self, routine_id: str) -> bool:
        routine = self.catalog.routine(routine_id)
        return self.open_draft(
            RoutineDraft.from_routine(routine, self.catalog.exercises, self.taken_ids())
        )

    def duplicate(self) -> bool:
        copy = self.draft.duplicate(self.taken_ids())
        self.state.replace(copy)  # the original is unchanged on disk: nothing is lost
        self.routine_form.name.setFocus()
        return True

    def save(self) -> Path | None:
        return file_ops.save(self)

    def delete(self, *, confirm: bool = True) -> Path | None:
        return file_ops.delete(self, confirm=confirm)

    def import_file(self, path: Path) -> bool:
        return file_ops.import_file(self, Path(path))

    def export_file(self, path: Path) -> Path | None:
        return file_ops.export_file(self, Path(path))

    def export_fit(self, path: Path) -> Path | None:
        return file_ops.export_fit(self, Path(path))

    def import_dialog(self) -> None:
        """Ask for a routine file to import (the menu's Import…)."""
        self._on_import()

    def export_dialog(self) -> None:
        """Ask where to export the open routine (the menu's Export…)."""
        self._on_export()

    def _on_import(self) -> None:
        file_ops.ask_import(self)

    def _on_export(self) -> None:
        file_ops.ask_export(self)

    def _on_export_fit(self) -> None:
        file_ops.ask_export_fit(self)

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt override
        # A hidden window (closed once already) has nothing on screen to ask about.
        if not self.isVisible() or file_ops.confirm_discard(self):
            event.accept()
        else:
            event.ignore()
