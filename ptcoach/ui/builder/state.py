"""The draft the builder's widgets share: one QObject that applies operations to the current
`RoutineDraft` and tells every view that it changed (edit, undo, redo, another draft)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from ptcoach.catalog.editing import RoutineDraft
from ptcoach.catalog.validate import Problem


class DraftState(QObject):
    changed = Signal()  # the document changed: views re-read what they show
    replaced = Signal()  # a different draft (new, opened, duplicated): views reset selection

    def __init__(self, draft: RoutineDraft, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._draft = draft

    @property
    def draft(self) -> RoutineDraft:
        return self._draft

    @property
    def read_only(self) -> bool:
        return self._draft.read_only

    def problems(self) -> list[Problem]:
        return self._draft.problems()

    def apply(self, operation: Callable[[RoutineDraft], Any]) -> Any:
        """Run one draft operation (ignored on a read-only draft) and announce the change."""
        if self._draft.read_only:
            return None
        result = operation(self._draft)
        self.changed.emit()
        return result

    def undo(self) -> None:
        if self._draft.undo():
            self.changed.emit()

    def redo(self) -> None:
        if self._draft.redo():
            self.changed.emit()

    def replace(self, draft: RoutineDraft) -> None:
        self._draft = draft
        self.replaced.emit()
        self.changed.emit()
