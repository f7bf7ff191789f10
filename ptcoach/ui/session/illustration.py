"""The illustration area: the figure widget for the current exercise, or a plain placeholder.

The figure comes from `ptcoach.ui.figure.widget.FigureWidget(exercise_id)` (with `set_pose(t)` and
`set_side(side)`); where it is missing or cannot draw an exercise, a placeholder keeps the
space so the layout does not jump.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QStackedLayout, QWidget

from ptcoach.catalog.model import Side
from ptcoach.ui import plain
from ptcoach.ui.figure.widget import FigureWidget
from ptcoach.ui.look import theme


class IllustrationArea(QFrame):
    """Holds one figure per exercise id, showing the current one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("illustrationView")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._stack = QStackedLayout(self)
        self._placeholder = plain.label(QLabel(self))  # an exercise name from a file
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._placeholder.setWordWrap(True)
        theme.text_role(self._placeholder, "message")
        theme.mark(self._placeholder, theme.SECONDARY)
        self._stack.addWidget(self._placeholder)
        self._figures: dict[str, FigureWidget] = {}
        self._current: FigureWidget | None = None

    @property
    def figure(self) -> FigureWidget | None:
        return self._current

    def show_exercise(self, exercise_id: str, name: str) -> None:
        fig = self._figures.get(exercise_id)
        if fig is None:
            try:
                fig = FigureWidget(exercise_id)
            except (KeyError, ValueError, FileNotFoundError):
                fig = None  # no drawing for this exercise: keep the placeholder
            if fig is not None:
                self._figures[exercise_id] = fig
                self._stack.addWidget(fig)
        self._current = fig
        if fig is None:
            self._placeholder.setText(name)
            self._stack.setCurrentWidget(self._placeholder)
        else:
            self._stack.setCurrentWidget(fig)

    def set_pose(self, t: float) -> None:
        if self._current is not None:
            self._current.set_pose(t)

    def set_side(self, side: Side | None) -> None:
        if self._current is not None and side is not None:
            self._current.set_side(side)
