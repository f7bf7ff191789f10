"""Translated text for code outside a QObject: `tr = translator("Context")` at module level.

Inside a QObject subclass, use `self.tr("…")` (looked up under the class's name). Both forms
are what `scripts/translations.py extract` collects, under the context the lookup uses.
"""

from __future__ import annotations

from collections.abc import Callable


def translator(context: str) -> Callable[[str], str]:
    """A function translating a source text under `context` (the catalogue's context name)."""

    def tr(text: str) -> str:
        from PySide6.QtCore import QCoreApplication  # only once there is text to show

        return QCoreApplication.translate(context, text)

    tr.__qualname__ = f"translator({context!r})"
    return tr
