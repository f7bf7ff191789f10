"""The form for one of the routine's own exercises: name, id, reps or hold, tempo (lift, hold,
lower seconds), per side, instructions and the prescription ranges; every change goes straight
into the draft, so its problems show with the rest."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from ptcoach.catalog.exercise_schema import REPS, REST, SECONDS, SETS, TEMPO_STEP_S
from ptcoach.catalog.model import Kind
from ptcoach.ui.builder.marks import mark_fields
from ptcoach.ui.builder.state import DraftState

RANGES = (("sets", SETS), ("reps", REPS), ("hold_s", SECONDS), ("rest_s", REST))


class OwnExerciseForm(QWidget):
    def __init__(self, state: DraftState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ownExerciseForm")
        self.state = state
        self.index = -1
        self._syncing = False
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.name = QLineEdit(self)
        self.name.setObjectName("ownNameEdit")
        self.ex_id = QLineEdit(self)
        self.ex_id.setObjectName("ownIdEdit")
        self.kind = QComboBox(self)
        self.kind.setObjectName("ownKindCombo")
        self.kind.addItem(self.tr("Repetitions"), Kind.REPS.value)
        self.kind.addItem(self.tr("Timed hold"), Kind.HOLD.value)
        self.per_side = QCheckBox(self.tr("Done on each side (left, then right)"), self)
        self.per_side.setObjectName("ownPerSideCheck")
        self.tempo = [self._tempo_spin(name) for name in ("lift", "hold", "lower")]
        tempo_row = QHBoxLayout()
        for spin, text in zip(
            self.tempo, (self.tr("lift"), self.tr("hold"), self.tr("lower")), strict=True
        ):
            tempo_row.addWidget(QLabel(text, self))
            tempo_row.addWidget(spin)
        self.tempo_label = QLabel(self.tr("Tempo (seconds)"), self)
        self.instructions = QPlainTextEdit(self)
        self.instructions.setObjectName("ownInstructionsEdit")
        self.instructions.setPlaceholderText(self.tr("One step per line"))
        self.instructions.setTabChangesFocus(True)
        self.instructions.setMaximumHeight(90)
        form.addRow(QLabel(f"<b>{self.tr('Own exercise')}</b>", self))
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Id"), self.ex_id)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow("", self.per_side)
        form.addRow(self.tempo_label, tempo_row)
        form.addRow(self.tr("Instructions"), self.instructions)
        labels = {
            "sets": self.tr("Sets"),
            "reps": self.tr("Reps"),
            "hold_s": self.tr("Hold (s)"),
            "rest_s": self.tr("Rest between sets (s)"),
        }
        self.ranges: dict[str, tuple[QSpinBox, QSpinBox]] = {}
        self.range_labels: dict[str, QLabel] = {}
        for key, (low, high) in RANGES:
            pair = (self._range_spin(key, 0, low, high), self._range_spin(key, 1, low, high))
            row = QHBoxLayout()
            row.addWidget(pair[0])
            row.addWidget(QLabel(self.tr("to"), self))
            row.addWidget(pair[1])
            label = QLabel(labels[key], self)
            form.addRow(label, row)
            self.ranges[key] = pair
            self.range_labels[key] = label

        self.name.textEdited.connect(lambda t: self._set(("name",), t))
        self.ex_id.textEdited.connect(self._on_id_edited)
        self.kind.activated.connect(self._on_kind_activated)
        self.per_side.toggled.connect(lambda on: self._set(("per_side",), on))
        self.instructions.textChanged.connect(self._on_instructions_changed)
        state.changed.connect(self.refresh)

    def _tempo_spin(self, name: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(self)
        spin.setObjectName(f"ownTempo{name.title()}Spin")
        spin.setRange(*TEMPO_STEP_S)
        spin.setDecimals(1)
        spin.setSingleStep(0.5)
        spin.valueChanged.connect(self._on_tempo_changed)
        return spin

    def _range_spin(self, key: str, end: int, low: int, high: int) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setObjectName(f"own{key.title().replace('_', '')}{('Min', 'Max')[end]}Spin")
        spin.setRange(low, high)
        spin.valueChanged.connect(lambda _v: self._on_range_changed(key))
        return spin

    def set_index(self, index: int) -> None:
        self.index = index
        self.refresh()

    def _table(self) -> dict[str, object]:
        tables = self.state.draft.own_tables()
        ok = 0 <= self.index < len(tables) and isinstance(tables[self.index], dict)
        return tables[self.index] if ok else {}

    def _set(self, key: tuple[str, ...], value: object) -> None:
        if not self._syncing and self.index >= 0:
            self.state.apply(lambda d: d.set_field(("own_exercises", self.index, *key), value))

    def _on_id_edited(self, text: str) -> None:
        if self.index >= 0:
            index = self.index
            self.state.apply(lambda d: d.set_own_id(index, text))

    def _on_kind_activated(self, i: int) -> None:
        if self.index >= 0:
            index, kind = self.index, Kind(self.kind.itemData(i))
            self.state.apply(lambda d: d.set_own_kind(index, kind))

    def _on_tempo_changed(self) -> None:
        if not self._syncing and self.index >= 0:
            index = self.index
            lift, hold, lower = (s.value() for s in self.tempo)
            self.state.apply(lambda d: d.set_tempo(index, lift, hold, lower))

    def _on_range_changed(self, key: str) -> None:
        low, high = (s.value() for s in self.ranges[key])
        self._set((key,), [low, high])

    def _on_instructions_changed(self) -> None:
        lines = [ln.strip() for ln in self.instructions.toPlainText().splitlines()]
        self._set(("instructions",), [ln for ln in lines if ln])

    def refresh(self) -> None:
        table = self._table()
        self._syncing = True
        try:
            self._fill(table)
        finally:
            self._syncing = False
        p = f"own_exercises[{self.index}]"
        fields: dict[str, QWidget] = {
            f"{p}.name": self.name,
            f"{p}.id": self.ex_id,
            f"{p}.kind": self.kind,
            f"{p}.tempo": self.tempo[0],
            f"{p}.instructions": self.instructions,
            f"{p}.per_side": self.per_side,
        }
        for key, (low, high) in self.ranges.items():
            fields[f"{p}.{key}"] = low
            fields[f"{p}.{key}[1]"] = high
        mark_fields(fields, self.state.problems() if self.index >= 0 else [])

    def _fill(self, table: dict[str, object]) -> None:
        for edit, key in ((self.name, "name"), (self.ex_id, "id")):
            text = table.get(key, "")
            if isinstance(text, str) and edit.text() != text:
                edit.setText(text)
        kind = str(table.get("kind", Kind.REPS.value))
        if self.kind.findData(kind) < 0:  # an imported areas/contrast exercise: shown as is
            self.kind.addItem(kind, kind)
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.per_side.setChecked(table.get("per_side") is True)
        steps = (
            {
                s.get("step"): s.get("s")
                for s in table.get("tempo", [])  # type: ignore[attr-defined]
                if isinstance(s, dict)
            }
            if isinstance(table.get("tempo"), list)
            else {}
        )
        for spin, name in zip(self.tempo, ("lift", "hold", "lower"), strict=True):
            value = steps.get(name, 0)
            if isinstance(value, int | float) and spin.value() != value:
                spin.setValue(float(value))
        reps = kind == Kind.REPS.value
        for w in (*self.tempo, self.tempo_label):
            w.setVisible(reps)
        steps_text = table.get("instructions")
        wanted = [str(s) for s in steps_text] if isinstance(steps_text, list) else []
        shown = [ln.strip() for ln in self.instructions.toPlainText().splitlines() if ln.strip()]
        if shown != wanted:  # only when it differs, so typing keeps the cursor where it is
            self.instructions.setPlainText("\n".join(wanted))
        for key, (low, high) in self.ranges.items():
            raw = table.get(key)
            pair = raw if isinstance(raw, list) and len(raw) == 2 else [raw, raw]
            visible = key in ("sets", "rest_s") or key in table
            self.range_labels[key].setVisible(visible)
            for range_spin, value in zip((low, high), pair, strict=True):
                range_spin.setVisible(visible)
                if isinstance(value, int | float) and range_spin.value() != int(value):
                    range_spin.setValue(int(value))
        editable = not self.state.read_only and bool(table)
        for w in (
            self.kind,
            self.per_side,
            *self.tempo,
            *(s for p in self.ranges.values() for s in p),
        ):
            w.setEnabled(editable and (w is not self.kind or kind in ("reps", "hold")))
        for e in (self.name, self.ex_id):
            e.setReadOnly(not editable)
        self.instructions.setReadOnly(not editable)
