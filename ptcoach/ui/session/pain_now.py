"""The optional "Pain now: 0-10" row the session view shows before Start (issue 5: pain before
the session can be recorded too): a compact ScalePicker, so it fits above the big buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from ptcoach.ui.look import theme
from ptcoach.ui.session.rating_dialog import ScalePicker

COMPACT_PX = 34  # button side: still a fair target, a row no taller than a spin box pair


class PainNowRow(QWidget):
    """A label and eleven small 0-10 buttons; nothing chosen means "not recorded"."""

    value_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("painNowRow")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self.tr("Pain now (optional): 0 = none, 10 = worst"), self)
        self.label.setObjectName("painNowLabel")
        theme.text_role(self.label, "message")
        self.picker = ScalePicker(self.tr("Pain now"), "", "", self)
        self.picker.setObjectName("painNowPicker")
        # Not Strong focus: the session's Space/Enter shortcuts stay the window's; a click on
        # a number still works, and Tab reaches the picker for keyboard users.
        self.picker.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        for hint in self.picker.findChildren(QLabel):
            hint.hide()  # the label above says what 0 and 10 mean
        for button in self.picker.group.buttons():
            button.setMinimumSize(COMPACT_PX, COMPACT_PX)
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            theme.text_role(button, "message")  # 16 px, larger with the text size
        self.label.setBuddy(self.picker)
        row.addWidget(self.label)
        row.addWidget(self.picker, 1)
        self.picker.value_changed.connect(self.value_changed)

    def value(self) -> int | None:
        return self.picker.value()

    def set_value(self, value: int | None) -> None:
        self.picker.set_value(value)

    def button(self, n: int) -> QPushButton:
        button = self.picker.group.button(n)
        assert isinstance(button, QPushButton)
        return button
