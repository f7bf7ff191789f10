"""Accessibility checks over a widget tree (names a screen reader can speak, keyboard reach) and
the visible-focus style fragment the theme applies."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

from ptcoach.ui.look.focus_ring import focus_style  # noqa: F401  (its former home)

# Widgets a runner operates; labels, frames and layouts only show things.
CONTROL_TYPES = (
    QAbstractButton,
    QComboBox,
    QAbstractSpinBox,
    QAbstractSlider,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QAbstractItemView,
    QTabBar,
)

# A control that deliberately takes no focus (so Space reaches the window's shortcut, say)
# declares its key here: widget.setProperty(KEY_PROPERTY, "Space").
KEY_PROPERTY = "keyboardShortcut"


@dataclass(frozen=True)
class Problem:
    widget: str  # object name, or class name and text when it has none
    issue: str

    def __str__(self) -> str:
        return f"{self.widget}: {self.issue}"


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader speaks: explicit, else the text, else the form label (buddy)."""
    iface = QAccessible.queryAccessibleInterface(widget)
    if iface is None or not iface.isValid():
        return widget.accessibleName().strip()
    return iface.text(QAccessible.Text.Name).strip()


def accessible_description(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    if iface is None or not iface.isValid():
        return widget.accessibleDescription().strip()
    return iface.text(QAccessible.Text.Description).strip()


def audit(root: QWidget, *, include_hidden: bool = False) -> list[Problem]:
    """Controls under `root` (itself included) a screen reader cannot name or Tab cannot reach.

    Hidden controls are skipped unless asked for: the runner cannot meet them either.
    """
    problems: list[Problem] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, CONTROL_TYPES) or _inside_control(widget, root):
            continue
        if not include_hidden and not widget.isVisibleTo(root.window()):
            continue
        who = describe(widget)
        if not accessible_name(widget):
            problems.append(
                Problem(who, "no accessible name (give it text, a form label or setAccessibleName)")
            )
        if not keyboard_reachable(widget):
            problems.append(
                Problem(
                    who,
                    "cannot be reached from the keyboard (no Tab focus "
                    f"and no shortcut; set a focus policy or the "
                    f"{KEY_PROPERTY!r} property)",
                )
            )
    return problems


def keyboard_reachable(widget: QWidget) -> bool:
    if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
        return True
    if isinstance(widget, QAbstractButton) and not widget.shortcut().isEmpty():
        return True
    return bool(widget.property(KEY_PROPERTY))


def exposes(widget: QWidget, text: str) -> bool:
    """Whether a screen reader reading `widget` hears `text` (in its name or description)."""
    text = text.strip()
    return bool(text) and (
        text in accessible_name(widget) or text in accessible_description(widget)
    )


def describe(widget: QWidget) -> str:
    if widget.objectName():
        return widget.objectName()
    text = widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
    return f"{type(widget).__name__}({text!r})" if text else type(widget).__name__


def _inside_control(widget: QWidget, root: QWidget) -> bool:
    """Parts of a composite control (a spin box's line edit, a combo's popup list, the scroll
    bars of a list or text view, which the view's own keys already scroll)."""
    if isinstance(widget, QScrollBar) and _scroll_area_of(widget) is not None:
        return True
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QComboBox | QAbstractSpinBox):
            return True
        parent = parent.parentWidget()
    return False


def _scroll_area_of(bar: QScrollBar) -> QAbstractScrollArea | None:
    parent = bar.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None
