"""Text from files (routine and exercise names, descriptions, notes, problems) is shown as
text, never interpreted as HTML: a routine file is something runners receive from others, and
a name like `<img src='/some/file'>` must show as those characters and load nothing.

- `label(widget)`: a QLabel set to plain text (Qt's default, AutoText, guesses HTML).
- `esc(text)`: the text escaped for the few places that build HTML around it.
- `tip(text)`: a tooltip that shows `text` literally (tooltips guess HTML too).
- `message_box(...)`: a QMessageBox whose text is plain.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:  # imported where a box is made: naming the class builds its enums (~0.6 ms)
    from PySide6.QtWidgets import QMessageBox

L = TypeVar("L", bound=QLabel)
# Qt.TextFormat.PlainText by value: naming `Qt` builds its ~90 enums (~15 ms), which the home
# window's first paint must not pay for.
PLAIN_TEXT = 0
# What html.escape(text, quote=True) replaces, with the same entities: the home window's first
# paint escapes a routine's name, and importing `html` loads its 2,000-entity table (~1.3 ms).
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def label(widget: L) -> L:
    widget.setProperty("textFormat", PLAIN_TEXT)
    return widget


def esc(text: str) -> str:
    return text.translate(_ESCAPES)


def tip(text: str) -> str:
    """Forced rich text whose content is all escaped, so every character shows as itself."""
    if not text:
        return ""
    return "<p style='white-space: pre-wrap'>" + esc(text) + "</p>"


def message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton,
    default: QMessageBox.StandardButton,
) -> QMessageBox:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(icon, title, text, buttons, parent)
    box.setProperty("textFormat", PLAIN_TEXT)
    box.setDefaultButton(default)
    return box
