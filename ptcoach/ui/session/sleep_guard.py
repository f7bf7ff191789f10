"""Keeps the screen awake during a session and says when the machine is about to sleep or lock.

Uses org.freedesktop.ScreenSaver Inhibit/UnInhibit on the session bus and listens to login1's
PrepareForSleep and the screensaver's ActiveChanged. Where the desktop offers none of these,
it carries on quietly: the driver's own stall check still pauses the session after a suspend.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtDBus import QDBusConnection

log = logging.getLogger(__name__)

_SS_SERVICE = "org.freedesktop.ScreenSaver"
_SS_PATH = "/org/freedesktop/ScreenSaver"
_SS_IFACE = "org.freedesktop.ScreenSaver"
_LOGIN1_SERVICE = "org.freedesktop.login1"
_LOGIN1_PATH = "/org/freedesktop/login1"
_LOGIN1_IFACE = "org.freedesktop.login1.Manager"


class SleepGuard(QObject):
    """Inhibits the screensaver while held; emits `sleep_imminent` before sleep or lock."""

    sleep_imminent = Signal()

    def __init__(self, app_name: str = "ptcoach", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app_name = app_name
        self._cookie: int | None = None
        self._session_bus = QDBusConnection.sessionBus()
        self._system_bus = QDBusConnection.systemBus()
        self.listening = False
        if self._session_bus.isConnected():
            self.listening |= self._session_bus.connect(
                _SS_SERVICE,
                _SS_PATH,
                _SS_IFACE,
                "ActiveChanged",
                self,
                "1_on_active_changed(bool)",  # "1" is what Qt's SLOT() macro prepends
            )
        if self._system_bus.isConnected():
            self.listening |= self._system_bus.connect(
                _LOGIN1_SERVICE,
                _LOGIN1_PATH,
                _LOGIN1_IFACE,
                "PrepareForSleep",
                self,
                "1_on_prepare_for_sleep(bool)",
            )

    @property
    def inhibited(self) -> bool:
        return self._cookie is not None

    def inhibit(self, reason: str) -> bool:
        """Ask the desktop to keep the screen on; False (quietly) where it cannot."""
        if self._cookie is not None:
            return True
        if not self._session_bus.isConnected():
            return False
        from ptcoach.ui.desktop import dbus_calls

        try:  # Inhibit(s application_name, s reason_for_inhibit) -> u cookie
            (cookie,) = dbus_calls.call(
                _SS_SERVICE, _SS_PATH, _SS_IFACE, "Inhibit", "ss", (self._app_name, reason)
            )
        except (dbus_calls.CallFailed, ValueError) as exc:
            log.info("screensaver not inhibited: %s", exc)
            return False
        self._cookie = int(cookie)
        return True

    def release(self) -> None:
        if self._cookie is None:
            return
        cookie, self._cookie = self._cookie, None
        if not self._session_bus.isConnected():
            return
        from ptcoach.ui.desktop import dbus_calls

        try:  # UnInhibit(u cookie): the exact signature, or GDBus services refuse it
            dbus_calls.call(_SS_SERVICE, _SS_PATH, _SS_IFACE, "UnInhibit", "u", (cookie,))
        except dbus_calls.CallFailed as exc:
            log.warning("screensaver inhibition not released: %s", exc)

    @Slot(bool)
    def _on_active_changed(self, active: bool) -> None:
        if active:
            self.sleep_imminent.emit()

    @Slot(bool)
    def _on_prepare_for_sleep(self, starting: bool) -> None:
        if starting:
            self.sleep_imminent.emit()
