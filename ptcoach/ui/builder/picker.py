"""The exercise picker: search and filter the catalogue (by muscle or condition) and add the
chosen exercise; below it, this routine's own exercises."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ptcoach.catalog.editing_parts import search_exercises
from ptcoach.ui import plain
from ptcoach.ui.builder.state import DraftState
from ptcoach.ui.builder.texts import condition_labels

ID_ROLE = Qt.ItemDataRole.UserRole


class ExercisePicker(QWidget):
    add_requested = Signal(str)  # exercise id
    own_selected = Signal(int)  # index in own_exercises
    own_new_requested = Signal()
    own_remove_requested = Signal(int)

    def __init__(self, state: DraftState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(f"<b>{self.tr('Catalogue')}</b>", self))
        self.search = QLineEdit(self)
        self.search.setObjectName("exerciseSearchEdit")
        self.search.setPlaceholderText(self.tr("Search exercises (Enter adds)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search exercises"))
        self.filter = QComboBox(self)
        self.filter.setObjectName("exerciseFilterCombo")
        self.catalog_list = QListWidget(self)
        self.catalog_list.setObjectName("catalogList")
        self.catalog_list.setAccessibleName(self.tr("Catalogue"))
        self.add_button = QPushButton(self.tr("&Add to routine"), self)
        self.add_button.setObjectName("addExerciseButton")
        for w in (self.search, self.filter, self.catalog_list, self.add_button):
            layout.addWidget(w)
        layout.setStretchFactor(self.catalog_list, 3)

        layout.addWidget(QLabel(f"<b>{self.tr('Your own exercises')}</b>", self))
        self.own_list = QListWidget(self)
        self.own_list.setObjectName("ownExerciseList")
        self.own_list.setAccessibleName(self.tr("Your own exercises"))
        layout.addWidget(self.own_list, 1)
        row = QHBoxLayout()
        self.new_own_button = QPushButton(self.tr("New e&xercise"), self)
        self.new_own_button.setObjectName("newOwnExerciseButton")
        self.remove_own_button = QPushButton(self.tr("Remove"), self)
        self.remove_own_button.setObjectName("removeOwnExerciseButton")
        row.addWidget(self.new_own_button)
        row.addWidget(self.remove_own_button)
        layout.addLayout(row)

        self._fill_filter()
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.returnPressed.connect(self._on_add_clicked)
        self.search.installEventFilter(self)
        self.filter.currentIndexChanged.connect(self._on_search_text_changed)
        self.catalog_list.itemActivated.connect(self._on_add_clicked)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.own_list.currentRowChanged.connect(self._on_own_row_changed)
        self.own_list.itemClicked.connect(
            lambda _: self._on_own_row_changed(self.own_list.currentRow())
        )
        self.new_own_button.clicked.connect(self.own_new_requested)
        self.remove_own_button.clicked.connect(self._on_remove_own_clicked)
        state.changed.connect(self.refresh)
        self.refresh()

    def _fill_filter(self) -> None:
        self.filter.addItem(self.tr("All exercises"), "")
        for cid, label in condition_labels().items():
            self.filter.addItem(self.tr("Helps: {c}").format(c=label), f"condition:{cid}")
        muscles = sorted(
            {m for ex in self.state.draft.exercises.values() for m in ex.muscles}, key=str.lower
        )
        for m in muscles:
            self.filter.addItem(self.tr("Works: {m}").format(m=m), f"muscle:{m}")

    def set_filter(self, what: str, value: str) -> None:
        """Filter by ("condition", id) or ("muscle", name); ("", "") shows everything."""
        index = self.filter.findData(f"{what}:{value}" if what else "")
        self.filter.setCurrentIndex(max(index, 0))

    def refresh(self) -> None:
        draft = self.state.draft
        what, _, value = str(self.filter.currentData() or "").partition(":")
        found = search_exercises(
            draft.known_exercises().values(),
            self.search.text(),
            muscle=value if what == "muscle" else "",
            condition=value if what == "condition" else "",
        )
        current = self.catalog_list.currentItem()
        keep = current.data(ID_ROLE) if current else None
        self.catalog_list.clear()
        own = draft.own_exercises()
        for ex in found:
            label = f"{ex.name}  ({self.tr('own')})" if ex.id in own else ex.name
            item = QListWidgetItem(label, self.catalog_list)
            item.setData(ID_ROLE, ex.id)
            item.setToolTip(plain.tip(ex.summary or ", ".join(ex.muscles)))
            if ex.id == keep:
                self.catalog_list.setCurrentItem(item)
        if self.catalog_list.currentRow() < 0 and self.catalog_list.count():
            self.catalog_list.setCurrentRow(0)
        editable = not draft.read_only
        self.add_button.setEnabled(editable and self.catalog_list.count() > 0)
        self._refresh_own(editable)

    def _refresh_own(self, editable: bool) -> None:
        tables = self.state.draft.own_tables()
        row = self.own_list.currentRow()
        with QSignalBlocker(self.own_list):  # unblocked even if the body raises
            self.own_list.clear()
            for table in tables:
                name = table.get("name") if isinstance(table, dict) else None
                self.own_list.addItem(str(name) if name else self.tr("(no name)"))
            if 0 <= row < len(tables):
                self.own_list.setCurrentRow(row)
        self.new_own_button.setEnabled(editable)
        self.remove_own_button.setEnabled(editable and self.own_list.currentRow() >= 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        # Up/Down in the search box walk the results, so the keyboard never leaves it.
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
        ):
            step = -1 if event.key() == Qt.Key.Key_Up else 1
            row = self.catalog_list.currentRow() + step
            if 0 <= row < self.catalog_list.count():
                self.catalog_list.setCurrentRow(row)
            return True
        return super().eventFilter(watched, event)

    def _on_search_text_changed(self, *_: object) -> None:
        self.refresh()

    def _on_add_clicked(self, *_: object) -> None:
        item = self.catalog_list.currentItem()
        if item is not None and not self.state.read_only:
            self.add_requested.emit(str(item.data(ID_ROLE)))

    def _on_own_row_changed(self, row: int) -> None:
        self.remove_own_button.setEnabled(not self.state.read_only and row >= 0)
        if row >= 0:
            self.own_selected.emit(row)

    def _on_remove_own_clicked(self) -> None:
        row = self.own_list.currentRow()
        if row >= 0:
            self.own_remove_requested.emit(row)
