"""After a session (or before one): pain and effort on big 0-10 pickers and an optional note.
Save returns the values; Skip returns nothing and loses nothing else."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ptcoach.ui.look.a11y import KEY_PROPERTY

NOTE_MAX_CHARS = 500


@dataclass(frozen=True)
class Rating:
    pain: int | None
    effort: int | None
    note: str | None


class ScalePicker(QWidget):
    """Eleven big buttons, 0 to 10. Keyboard: arrows step, Home/End, digits 0-9 pick."""

    value_changed = Signal(int)

    def __init__(
        self, name: str, low_hint: str, high_hint: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(name)
        # The chosen number must stand out, and the picker with focus must show it (the
        # theme's style sheet draws both: theme.widget_style).
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._value: int | None = None
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        row = QHBoxLayout()
        row.setSpacing(4)
        for n in range(11):
            button = QPushButton(str(n), self)
            button.setCheckable(True)
            button.setMinimumSize(44, 44)  # a comfortable target, even with sweaty fingers
            font = button.font()
            font.setPointSizeF(font.pointSizeF() * 1.4)
            button.setFont(font)
            # Focus stays on the picker, so arrows and digits work; the buttons take clicks.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setProperty(KEY_PROPERTY, "Left/Right/0-9")
            button.setAccessibleName(f"{name} {n}")
            self.group.addButton(button, n)
            row.addWidget(button)
        self.group.idClicked.connect(self._on_id_clicked)
        hints = QHBoxLayout()
        hints.addWidget(QLabel(low_hint, self))
        hints.addStretch(1)
        hints.addWidget(QLabel(high_hint, self))
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 4)
        column.addLayout(row)
        column.addLayout(hints)

    def value(self) -> int | None:
        return self._value

    def set_value(self, value: int | None) -> None:
        if value is not None:
            value = max(0, min(10, value))
        if value == self._value:
            return
        self._value = value
        if value is None:
            self.group.setExclusive(False)
            for b in self.group.buttons():
                b.setChecked(False)
            self.group.setExclusive(True)
        else:
            self.group.button(value).setChecked(True)
            self.value_changed.emit(value)

    def _on_id_clicked(self, n: int) -> None:
        self.set_value(n)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        current = self._value
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            self.set_value(key - Qt.Key.Key_0)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Plus):
            self.set_value(0 if current is None else current + 1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Down, Qt.Key.Key_Minus):
            self.set_value(0 if current is None else current - 1)
        elif key == Qt.Key.Key_Home:
            self.set_value(0)
        elif key == Qt.Key.Key_End:
            self.set_value(10)
        else:
            super().keyPressEvent(event)


class RatingDialog(QDialog):
    """Ask pain and effort (after a session) or only pain (`before=True`)."""

    def __init__(self, parent: QWidget | None = None, *, before: bool = False) -> None:
        super().__init__(parent)
        self.before = before
        self.setWindowTitle(
            self.tr("Pain before the session") if before else self.tr("How did it feel?")
        )
        layout = QVBoxLayout(self)
        question = (
            self.tr("How much pain do you feel now, before you start?")
            if before
            else self.tr("How much pain did you feel, and how hard was it?")
        )
        title = QLabel(question, self)
        title.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(QLabel(self.tr("Pain (0 = none, 10 = worst imaginable)"), self))
        self.pain = ScalePicker(self.tr("Pain"), self.tr("none"), self.tr("worst"), self)
        layout.addWidget(self.pain)
        self.effort = ScalePicker(self.tr("Effort"), self.tr("very easy"), self.tr("maximal"), self)
        self.note = QLineEdit(self)
        self.note.setMaxLength(NOTE_MAX_CHARS)
        self.note.setPlaceholderText(self.tr("Note (optional), e.g. knee stiff at first"))
        self.note.setAccessibleName(self.tr("Note"))
        if before:  # only pain is asked before a session
            self.effort.hide()
            self.note.hide()
        else:
            layout.addWidget(QLabel(self.tr("Effort (0 = very easy, 10 = maximal)"), self))
            layout.addWidget(self.effort)
            layout.addWidget(self.note)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.skip_button = buttons.addButton(
            self.tr("Skip"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.pain.value_changed.connect(self._on_value_changed)
        self.effort.value_changed.connect(self._on_value_changed)
        self.note.textChanged.connect(self._on_value_changed)
        self._on_value_changed()
        self.pain.setFocus()

    def rating(self) -> Rating | None:
        """What was entered, or None when the runner skipped."""
        if self.result() != QDialog.DialogCode.Accepted:
            return None
        note = self.note.text().strip() or None
        return Rating(
            self.pain.value(),
            None if self.before else self.effort.value(),
            None if self.before else note,
        )

    def _on_value_changed(self, *_: object) -> None:
        something = (
            self.pain.value() is not None
            or self.effort.value() is not None
            or bool(self.note.text().strip())
        )
        self.save_button.setEnabled(something)
