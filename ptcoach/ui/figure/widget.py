"""FigureWidget: the exercise's stick-figure illustration, posed anywhere from start to end.

The session view sets the pose fraction as a rep moves (0 = start position, 1 = end position);
the right side is the left side mirrored, as Workrave mirrors its pictures.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from ptcoach.catalog.model import Side
from ptcoach.ui.figure.paint import FigureColors, paint_figure, scene_bounds
from ptcoach.ui.figure.poses import POSES, has_pose, illustration_for


class FigureWidget(QWidget):
    """Draws one exercise's figure with QPainter, scaled to fit and centred."""

    def __init__(self, exercise_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._t = 0.0
        self._side: Side | None = None
        self._highlight: str | None = None
        self._exercise_id = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(48, 48)
        self.set_exercise(exercise_id)

    # -- state -------------------------------------------------------------------------------

    @property
    def exercise_id(self) -> str:
        return self._exercise_id

    @property
    def pose_fraction(self) -> float:
        return self._t

    @property
    def side(self) -> Side | None:
        return self._side

    def is_generic(self) -> bool:
        """True when the exercise has no picture of its own and a neutral figure stands in."""
        return not has_pose(self._exercise_id)

    def set_exercise(self, exercise_id: str) -> None:
        self._exercise_id = exercise_id or ""
        self._illustration = illustration_for(self._exercise_id)
        self._update_accessible_text()
        self.updateGeometry()
        self.update()

    def set_pose(self, t: float) -> None:
        """0 = start position, 1 = end position; values between are eased smoothly."""
        t = min(1.0, max(0.0, float(t)))
        if t != self._t:
            self._t = t
            self.update()

    def set_side(self, side: Side | None) -> None:
        if side != self._side:
            self._side = side
            self._update_accessible_text()
            self.update()

    def set_highlight(self, muscle_group: str | None) -> None:
        """Glow behind the limb that holds this muscle group (e.g. "quadriceps"), or none."""
        if muscle_group != self._highlight:
            self._highlight = muscle_group
            self.update()

    # -- Qt overrides ------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        scene = scene_bounds(self._illustration)
        return QSize(240, max(120, round(240 * scene.height() / scene.width())))

    def hasHeightForWidth(self) -> bool:
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            paint_figure(
                painter,
                QRectF(self.rect()).adjusted(2, 2, -2, -2),
                self._illustration,
                self._t,
                FigureColors.from_palette(self.palette()),
                mirrored=self._side is Side.RIGHT,
                highlight=self._highlight,
            )
        finally:
            painter.end()

    # -- accessibility -----------------------------------------------------------------------

    def _update_accessible_text(self) -> None:
        name = self._exercise_id.replace("-", " ") if self._exercise_id else self.tr("exercise")
        if self.is_generic():
            self.setAccessibleName(self.tr("Illustration"))
            self.setAccessibleDescription(
                self.tr("A standing figure; there is no picture for {0} yet.").format(name)
            )
            return
        self.setAccessibleName(self.tr("Illustration of {0}").format(name))
        side = {
            Side.LEFT: self.tr(" Shown for the left side."),
            Side.RIGHT: self.tr(" Shown for the right side, mirrored."),
            None: "",
        }[self._side]
        self.setAccessibleDescription(
            self.tr(
                "A stick figure doing {0}, moving from the start position to the end "
                "position; the working limb is coloured."
            ).format(name)
            + side
        )


def illustrated_ids() -> list[str]:
    """Every exercise id that has its own picture."""
    return sorted(POSES)
