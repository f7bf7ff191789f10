"""Esc and Ctrl+W (the platform's Close) close a secondary window, as a keyboard user expects
(issue 14: Progress and Learn ignored both)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


def add_close_keys(window: QWidget) -> list[QShortcut]:
    """Shortcuts on `window` that close it; returned so tests can look at them."""
    keys = [
        QKeySequence(Qt.Key.Key_Escape),
        *QKeySequence.keyBindings(QKeySequence.StandardKey.Close),
    ]
    if QKeySequence("Ctrl+W") not in keys:
        keys.append(QKeySequence("Ctrl+W"))
    shortcuts = []
    for key in keys:
        shortcut = QShortcut(key, window)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(window.close)
        shortcuts.append(shortcut)
    return shortcuts
