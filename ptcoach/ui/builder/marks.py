"""Marking fields that have problems: a red border and the problem as the tooltip, and a
guard that leaves Ctrl+Z / Ctrl+Shift+Z to the builder's undo stack instead of a text field's
own one (one history for the whole routine)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

from ptcoach.catalog.editing_parts import concerns
from ptcoach.catalog.validate import Problem

# The red border itself is the theme's (ptcoach.ui.look.theme.role_style): its colour follows
# the theme, and a marked field still shows the focus ring when Tab reaches it.


def mark_fields(fields: Mapping[str, QWidget], problems: list[Problem]) -> None:
    """Mark each field (by its document location) that a problem is about."""
    for location, widget in fields.items():
        messages = [p.message for p in problems if concerns(p.location, location)]
        mark(widget, messages)


def mark(widget: QWidget, messages: list[str]) -> None:
    bad = bool(messages)
    if widget.property("problem") != bad:
        widget.setProperty("problem", bad)
        widget.style().unpolish(widget)
        widget.style().polish(widget)
    widget.setToolTip("\n".join(messages))


class UndoKeysToWindow(QObject):
    """Event filter: a text field does not claim the undo/redo keys, so the window's actions
    get them."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            combo = QKeySequence(event.keyCombination())
            for key in (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo):
                if any(
                    combo.matches(s) == QKeySequence.SequenceMatch.ExactMatch
                    for s in QKeySequence.keyBindings(key)
                ):
                    event.ignore()
                    return True
        return super().eventFilter(watched, event)
