"""Spin boxes to adjust one routine's targets (sets, reps, hold seconds) inside each range;
each exercise's name links to its Learn page ("why this helps")."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QSpinBox, QWidget

from ptcoach.catalog.model import Range, Routine, RoutineItem, Targets
from ptcoach.ui.look import theme

FIELDS = ("sets", "reps", "hold_s", "cold_s")

# Qt.TextFormat and Qt.TextInteractionFlag values, set as Qt properties from ints: the editor is
# built before the home window's first paint, and touching the `Qt` namespace builds all its
# enums (~15 ms). tests/test_ui_home.py checks these against the enums.
PLAIN_TEXT = 0  # Qt.TextFormat.PlainText
RICH_TEXT = 1  # Qt.TextFormat.RichText
LINKS_BY_MOUSE_AND_KEYBOARD = 4 | 8  # LinksAccessibleByMouse | LinksAccessibleByKeyboard


class TargetsEditor(QWidget):
    """One row per exercise; a spin box per adjustable target, limited to the item's range."""

    targets_changed = Signal()
    learn_requested = Signal(str)  # a Learn page id

    def __init__(
        self, routine: Routine, targets: list[Targets], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("targetsEditor")
        self.routine = routine
        self._rest = [t.rest_s for t in targets]
        self.spins: list[dict[str, QSpinBox]] = []
        grid = QGridLayout(self)
        heads = [
            self.tr("Exercise"),
            self.tr("Sets"),
            self.tr("Reps"),
            self.tr("Hold (s)"),
            self.tr("Cold (s)"),
        ]
        for col, text in enumerate(heads):
            head = QLabel(f"<b>{text}</b>", self)
            grid.addWidget(head, 0, col)
        for row, (item, t) in enumerate(zip(routine.items, targets, strict=True), start=1):
            name = self._name_label(item, row - 1)
            grid.addWidget(name, row, 0)
            spins: dict[str, QSpinBox] = {}
            for col, key in enumerate(FIELDS, start=1):
                rng = _range(item, key)
                value = getattr(t, key)
                if rng is None or value is None:
                    continue
                spin = QSpinBox(self)
                spin.setObjectName(f"{key}Spin_{row - 1}")
                spin.setRange(int(rng.low), int(rng.high))
                spin.setValue(round(value))
                spin.setToolTip(self.tr("from {0} to {1}").format(int(rng.low), int(rng.high)))
                spin.setAccessibleName(f"{item.exercise.name}: {heads[col]}")
                if rng.low >= rng.high:
                    self._fix(spin, int(rng.low))
                spin.valueChanged.connect(self.targets_changed)
                grid.addWidget(spin, row, col)
                spins[key] = spin
            self.spins.append(spins)
        grid.setColumnStretch(0, 1)
        grid.setRowStretch(len(routine.items) + 1, 1)

    def _fix(self, spin: QSpinBox, value: int) -> None:
        """A number the routine fixes: shown as such and saying why, not a greyed-out field
        (a disabled field shows no tooltip, so it could never say why)."""
        spin.setReadOnly(True)
        spin.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
        spin.setSuffix(self.tr(" fixed"))
        why = self.tr(
            "This routine asks for exactly {0}. To change it, make your own copy: "
            "Routine menu, Edit routine, then Duplicate."
        ).format(value)
        spin.setToolTip(why)
        spin.setAccessibleDescription(why)
        spin.setProperty("fixedByRoutine", True)

    def _name_label(self, item: RoutineItem, index: int) -> QLabel:
        ex = item.exercise
        side = self.tr(" (each side)") if ex.per_side else ""
        name = QLabel(self)
        name.setObjectName(f"exerciseName_{index}")
        name.setWordWrap(True)
        if ex.learn:
            name.setProperty("textFormat", RICH_TEXT)
            name.setText(f'<a href="{_escape(ex.learn)}">{_escape(ex.name)}</a>{_escape(side)}')
            # Tab reaches the link, Enter opens it: the page is not for mouse users only.
            name.setProperty("textInteractionFlags", LINKS_BY_MOUSE_AND_KEYBOARD)
            name.setProperty("linkLabel", True)  # the theme draws its focus ring
            name.setToolTip(self.tr("Why this helps: open the Learn page"))
            name.setAccessibleName(self.tr("{0}, why this helps (link)").format(ex.name))
            name.linkActivated.connect(self.learn_requested)
            theme.links_follow_theme(name)
        else:
            name.setProperty("textFormat", PLAIN_TEXT)
            name.setText(ex.name + side)
        return name

    def targets(self) -> list[Targets]:
        result = []
        for spins, rest in zip(self.spins, self._rest, strict=True):

            def val(key: str, spins: dict[str, QSpinBox] = spins) -> int | None:
                spin = spins.get(key)
                return None if spin is None else spin.value()

            hold, cold = val("hold_s"), val("cold_s")
            result.append(
                Targets(
                    sets=val("sets") or 1,
                    reps=val("reps"),
                    hold_s=None if hold is None else float(hold),
                    cold_s=None if cold is None else float(cold),
                    rest_s=rest,
                )
            )
        return result


def _range(item: RoutineItem, key: str) -> Range | None:
    rng: Range | None = getattr(item, key)
    return rng


def _escape(text: str) -> str:
    """`html.escape(text)`: the `html` module loads its 2,000-entity table (~1.5 ms), and the
    editor is built before the home window's first paint."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )
