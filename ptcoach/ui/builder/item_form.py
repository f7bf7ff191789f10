"""The prescription of the selected exercise: for sets, reps, hold and cold time a range (from,
to) and the starting target, each spin box bounded by the exercise's own range; the rest
between sets; and a note."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ptcoach.catalog.editing_parts import QUANTITIES, item_quantity
from ptcoach.catalog.model import Exercise, Kind
from ptcoach.ui import plain
from ptcoach.ui.builder.marks import mark_fields
from ptcoach.ui.builder.state import DraftState


class ItemForm(QWidget):
    def __init__(self, state: DraftState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("itemForm")
        self.state = state
        self.index = -1
        self._syncing = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self)
        self.title.setObjectName("itemTitle")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        grid = QGridLayout()
        for col, text in enumerate((self.tr("from"), self.tr("to"), self.tr("start at")), 1):
            grid.addWidget(QLabel(f"<small>{text}</small>", self), 0, col)
        labels = {
            "sets": self.tr("Sets"),
            "reps": self.tr("Reps"),
            "hold_s": self.tr("Hold / heat (s)"),
            "cold_s": self.tr("Cold (s)"),
        }
        self.spins: dict[str, tuple[QSpinBox, QSpinBox, QSpinBox]] = {}
        self.row_labels: dict[str, QLabel] = {}
        for row, key in enumerate(QUANTITIES, 1):
            label = QLabel(labels[key], self)
            grid.addWidget(label, row, 0)
            self.row_labels[key] = label
            trio = tuple(
                self._spin(f"{key}{part}Spin", key, part) for part in ("From", "To", "Target")
            )
            for col, spin in enumerate(trio, 1):
                grid.addWidget(spin, row, col)
            self.spins[key] = trio  # type: ignore[assignment]
        layout.addLayout(grid)
        form = QFormLayout()
        self.rest = QSpinBox(self)
        self.rest.setObjectName("itemRestSpin")
        self.rest.setSuffix(self.tr(" s"))
        self.rest.valueChanged.connect(lambda v: self._set(("rest_s",), v))
        self.note = QLineEdit(self)
        self.note.setObjectName("itemNoteEdit")
        self.note.setPlaceholderText(self.tr("A reminder shown with the exercise"))
        self.note.textEdited.connect(lambda t: self._set(("note",), t or None))
        form.addRow(self.tr("Rest between sets"), self.rest)
        form.addRow(self.tr("Note"), self.note)
        layout.addLayout(form)
        layout.addStretch(1)
        state.changed.connect(self.refresh)

    def _spin(self, name: str, key: str, part: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setObjectName(name)
        spin.valueChanged.connect(lambda _v: self._on_spin_changed(key, part))
        return spin

    def focus_chain(self) -> list[QWidget]:
        return [s for trio in self.spins.values() for s in trio] + [self.rest, self.note]

    def set_index(self, index: int) -> None:
        self.index = index
        self.refresh()

    def _exercise(self) -> tuple[dict[str, object], Exercise | None]:
        entries = self.state.draft.entries()
        if not 0 <= self.index < len(entries) or not isinstance(entries[self.index], dict):
            return {}, None
        entry = entries[self.index]
        return entry, self.state.draft.known_exercises().get(str(entry.get("id")))

    def _set(self, key: tuple[str, ...], value: object) -> None:
        if not self._syncing and self.index >= 0:
            self.state.apply(lambda d: d.set_field(("exercises", self.index, *key), value))

    def _on_spin_changed(self, key: str, part: str) -> None:
        if self._syncing:
            return
        low, high, target = (s.value() for s in self.spins[key])
        if part == "Target":
            self._set(("target", key), target)
        else:
            self._set((key,), low if low == high else [low, high])

    def refresh(self) -> None:
        entry, ex = self._exercise()
        self._syncing = True
        try:
            self._fill(entry, ex)
        finally:
            self._syncing = False
        prefix = f"exercises[{self.index}]"
        fields: dict[str, QWidget] = {f"{prefix}.rest_s": self.rest, f"{prefix}.note": self.note}
        for key, (low, high, target) in self.spins.items():
            fields[f"{prefix}.{key}"] = low
            fields[f"{prefix}.{key}[1]"] = high
            fields[f"{prefix}.target.{key}"] = target
        mark_fields(fields, self.state.problems() if self.index >= 0 else [])

    def _hold_label(self, ex: Exercise) -> str:
        return {Kind.AREAS: self.tr("Each area (s)"), Kind.CONTRAST: self.tr("Heat (s)")}.get(
            ex.kind, self.tr("Hold (s)")
        )

    def _fill(self, entry: dict[str, object], ex: Exercise | None) -> None:
        editable = ex is not None and not self.state.read_only
        if ex is None:
            self.title.setText(
                self.tr(
                    "This exercise is not in the catalogue or among your "
                    "own exercises: remove it or fix its id."
                )
                if entry
                else ""
            )
        else:
            side = self.tr(" (each side)") if ex.per_side else ""
            self.title.setText(
                f"<b>{plain.esc(ex.name)}</b>{plain.esc(side)}"
                f"<br><small>{plain.esc(ex.summary)}</small>"
            )
        for key, spins in self.spins.items():
            values = item_quantity(entry, ex, key) if ex is not None else None
            full = getattr(ex, key) if ex is not None else None
            visible = values is not None
            self.row_labels[key].setVisible(visible)
            if key == "hold_s" and ex is not None:
                self.row_labels[key].setText(self._hold_label(ex))
            for spin, value in zip(spins, values or (0, 0, 0), strict=True):
                spin.setVisible(visible)
                spin.setEnabled(editable)
                if full is not None:
                    spin.setRange(int(full.low), int(full.high))
                if spin.value() != int(value):
                    spin.setValue(int(value))
        self.rest.setEnabled(editable)
        if ex is not None:
            self.rest.setRange(int(ex.rest_s.low), int(ex.rest_s.high))
            rest = entry.get("rest_s", ex.rest_s.low)
            if isinstance(rest, int | float) and self.rest.value() != int(rest):
                self.rest.setValue(int(rest))
        note = entry.get("note", "")
        if isinstance(note, str) and self.note.text() != note:
            self.note.setText(note)
        self.note.setReadOnly(not editable)
