"""Windows that fit the screen they open on (issue 14): a 1024x600 netbook as well as a desktop,
with every text size.

`fit_size` bounds a wanted size by the screen's available geometry (less room for the window
manager's frame); `fit_window` resizes a window to it and keeps it on the screen; `scrolling`
puts a tall or wide form in a scroll area, so the form's own minimum size never forces the
window past the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

SESSION_SIZE = QSize(1280, 800)  # a session window's size when the screen has room for it
# Room for a title bar and borders: Qt sizes the client area, the window manager adds these.
FRAME_ALLOWANCE = QSize(16, 64)  # a title bar, borders, and a centring window manager


def available(window: QWidget | None = None) -> QRect:
    """The available geometry (no panels or docks) of the window's screen, else the primary."""
    screen: QScreen | None = window.screen() if window is not None else None
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 600)


def fit_size(wanted: QSize, room: QRect) -> QSize:
    """`wanted`, made no larger than `room` less the frame allowance."""
    return QSize(
        max(1, min(wanted.width(), room.width() - FRAME_ALLOWANCE.width())),
        max(1, min(wanted.height(), room.height() - FRAME_ALLOWANCE.height())),
    )


def fit_window(window: QWidget, width: int | None = None, height: int | None = None) -> None:
    """Resize `window` to width x height (default: its current size), no larger than the
    available screen, and move it so the whole of it is on that screen."""
    room = available(window)
    size = fit_size(QSize(width or window.width(), height or window.height()), room)
    window.resize(size)
    keep_on_screen(window, room)


def keep_on_screen(window: QWidget, room: QRect | None = None) -> None:
    """Shrink and move a window (say, one restored from another screen) onto `room`."""
    room = room or available(window)
    size = fit_size(window.size(), room)
    if size != window.size():
        window.resize(size)
    x = min(max(window.x(), room.left()), room.right() + 1 - size.width() - FRAME_ALLOWANCE.width())
    y = min(
        max(window.y(), room.top()), room.bottom() + 1 - size.height() - FRAME_ALLOWANCE.height()
    )
    x, y = max(x, room.left()), max(y, room.top())
    if (x, y) != (window.x(), window.y()):
        window.move(x, y)


class ContentScrollArea(QScrollArea):
    """Asks for its content's whole size (a plain scroll area asks for a fixed, smaller one),
    so a window opens without scroll bars wherever the screen has room."""

    def sizeHint(self) -> QSize:
        content = self.widget()
        if content is None:
            return super().sizeHint()
        hint = content.sizeHint()
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(
            hint.width() + 2 * self.frameWidth() + bar, hint.height() + 2 * self.frameWidth()
        )


def scrolling(content: QWidget, parent: QWidget | None = None) -> QScrollArea:
    """`content` in a frameless scroll area that grows with it: scroll bars appear only when
    the window is smaller than the content wants (a small screen, extra-large text)."""
    area = ContentScrollArea(parent)
    area.setObjectName(f"{content.objectName() or 'content'}Scroll")
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(content)
    # The area itself is no Tab stop: the controls inside it are (issue 14: invisible stops).
    from PySide6.QtCore import Qt

    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area
