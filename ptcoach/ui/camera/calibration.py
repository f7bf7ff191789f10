"""The calibration view, before the first exercise: the camera's picture with the skeleton the
pose model sees drawn over it, and what it cannot see ("Not in view: feet"). It lies over the
exercise figure until the session starts. The picture is a small copy held in memory only."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from ptcoach.camera.landmarks import BONES, VISIBLE, Pose

PART_NAMES = {
    "head": "head",
    "shoulders": "shoulders",
    "hips": "hips",
    "knees": "knees",
    "feet": "feet",
}


class CalibrationView(QWidget):
    """Covers its parent (the exercise figure) and follows its size."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("cameraCalibration")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)
        self.image: QImage | None = None
        self.pose: Pose | None = None
        self.seen_once = False
        self._host = parent
        parent.installEventFilter(self)
        self.setGeometry(parent.rect())
        self.setAccessibleName(self.tr("Camera view"))
        self._update_text()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._host and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._host.rect())
        return False

    def show_frame(self, image: QImage | None, pose: Pose | None) -> None:
        if image is not None:
            self.image = image
        self.pose = pose
        self.seen_once = self.seen_once or pose is not None
        self._update_text()
        self.update()

    def message(self) -> str:
        """What the view says under the picture."""
        head = self.tr("Stand where the camera sees all of you.")
        if self.pose is None:
            if self.image is None:
                return self.tr("Starting the camera…")
            return head + " " + self.tr("Nobody in view yet.")
        missing = [self.tr(PART_NAMES[p]) for p in self.pose.missing_parts()]
        if missing:
            return head + " " + self.tr("Not in view: {0}.").format(", ".join(missing))
        return self.tr("All of you is in view. Press Start when ready.")

    def _update_text(self) -> None:
        text = self.message()
        self.setAccessibleDescription(text)
        self.setToolTip(text)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#202020"))
        text_h = 64
        area = QRectF(self.rect()).adjusted(4, 4, -4, -text_h)
        if self.image is not None and not self.image.isNull():
            iw, ih = self.image.width(), self.image.height()
            scale = min(area.width() / iw, area.height() / ih)
            w, h = iw * scale, ih * scale
            target = QRectF(area.center().x() - w / 2, area.center().y() - h / 2, w, h)
            p.drawImage(target, self.image)
            if self.pose is not None:
                self._skeleton(p, target)
        p.setPen(QColor("#ffffff"))
        font = p.font()
        font.setPixelSize(18)
        p.setFont(font)
        p.drawText(
            QRectF(8, self.height() - text_h, self.width() - 16, text_h),
            int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
            self.message(),
        )
        p.end()

    def _skeleton(self, p: QPainter, target: QRectF) -> None:
        assert self.pose is not None and self.image is not None
        pts = self.pose.points
        # Landmarks are in square units (x / height): back to the picture's rectangle.
        h = target.height()

        def at(i: int) -> QPointF:
            return QPointF(target.left() + pts[i, 0] * h, target.top() + pts[i, 1] * h)

        pen = QPen(QColor("#4caf50"), 3)
        p.setPen(pen)
        for a, b in BONES:
            if pts[a, 2] >= VISIBLE and pts[b, 2] >= VISIBLE:
                p.drawLine(at(a), at(b))
        p.setBrush(QColor("#ffeb3b"))
        p.setPen(Qt.PenStyle.NoPen)
        for i in range(11, 33):
            if pts[i, 2] >= VISIBLE:
                p.drawEllipse(at(i), 4, 4)
