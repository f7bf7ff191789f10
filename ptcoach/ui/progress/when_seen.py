"""Refresh a view only when the runner can look at it.

A hidden (or inactive, e.g. behind the session window) view that reloaded its charts for every
set recorded froze the session for 300-430 ms a set with a long history (issue 11). Requests
made while the view is not in front only mark it stale; it reloads once, when it is next shown
or activated.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class ReloadWhenSeen(QObject):
    def __init__(self, widget: QWidget, reload: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._reload = reload
        self.stale = False
        widget.installEventFilter(self)

    def request(self) -> None:
        """Reload now if the view is in front, else when it next comes to the front."""
        if self._widget.isVisible() and self._widget.isActiveWindow():
            self.stale = False
            self._reload()
        else:
            self.stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        shown = event.type() in (QEvent.Type.Show, QEvent.Type.WindowActivate)
        if shown and getattr(self, "stale", False):
            self.stale = False
            self._reload()
        return False


def reload_when_seen(widget: QWidget, reload: Callable[[], None]) -> Callable[[], None]:
    """The slot to connect instead of `reload` itself."""
    return ReloadWhenSeen(widget, reload).request
