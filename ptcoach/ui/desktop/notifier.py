"""Desktop notifications with buttons (org.freedesktop.Notifications), where a server offers them.

QtDBus finds the server, asks for its capabilities and listens for `ActionInvoked`. The
`Notify` call itself goes through jeepney (`ptcoach.ui.desktop.dbus_calls`) with its exact
signature, because PySide6 cannot marshal the `uint32` that `Notify` takes (a Python int is
always sent as int32, which servers reject).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
IFACE = "org.freedesktop.Notifications"


class DesktopNotifier(QObject):
    """Shows notifications with action buttons; emits `action_invoked(tag, action_key)`.

    `tag` is the caller's own string for the notification (e.g. the routine id).
    """

    action_invoked = Signal(str, str)
    failed = Signal(str)  # the server refused or went away; the caller falls back

    def __init__(self, app_name: str = "ptcoach", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.app_name = app_name
        self._bus = QDBusConnection.sessionBus()
        self._tags: dict[int, str] = {}  # notification id -> tag
        self._in_flight = 0  # Notify calls whose id has not come back yet
        self._early: dict[int, str] = {}  # actions that arrived before their id did
        self.listening = False
        if self._bus.isConnected():
            # Any sender: the server's unique name changes if it restarts; ids we did not
            # get back from Notify are ignored.
            self.listening = self._bus.connect(
                "", PATH, IFACE, "ActionInvoked", self, "1_on_action_invoked(uint,QString)"
            )
            self._bus.connect(
                "", PATH, IFACE, "NotificationClosed", self, "1_on_notification_closed(uint,uint)"
            )

    def supports_actions(self) -> bool:
        """True where a notification server runs that shows buttons."""
        if not (self._bus.isConnected() and self.listening):
            return False
        iface = QDBusInterface(SERVICE, PATH, IFACE, self._bus)
        if not iface.isValid():
            return False
        reply = iface.call("GetCapabilities")
        if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
            return False
        return "actions" in list(reply.arguments()[0])

    def notify(
        self, tag: str, summary: str, body: str, actions: list[tuple[str, str]], timeout_ms: int = 0
    ) -> int | None:
        """Show a notification; `actions` are (key, label) pairs. Returns its id, or None
        (and `failed` is emitted) when the server refused or did not answer in time."""
        from ptcoach.ui.desktop import dbus_calls

        flat = [word for key, label in actions for word in (key, label)]
        self._in_flight += 1
        try:  # Notify(s app_name, u replaces_id, s icon, s summary, s body, as actions,
            #         a{sv} hints, i timeout) -> u id
            (notification_id,) = dbus_calls.call(
                SERVICE,
                PATH,
                IFACE,
                "Notify",
                "susssasa{sv}i",
                (self.app_name, 0, "ptcoach", summary, body, flat, {}, int(timeout_ms)),
            )
        except (dbus_calls.CallFailed, ValueError) as exc:
            self.failed.emit(str(exc))
            return None
        finally:
            self._in_flight -= 1
        notification_id = int(notification_id)
        self._tags[notification_id] = tag
        early = self._early.pop(notification_id, None)
        if early is not None:
            self.action_invoked.emit(tag, early)
        if self._in_flight == 0:
            self._early.clear()
        return notification_id

    @Slot("uint", str)
    def _on_action_invoked(self, notification_id: int, key: str) -> None:
        tag = self._tags.get(int(notification_id))
        if tag is not None:
            self.action_invoked.emit(tag, key)
        elif self._in_flight:  # the signal can overtake gdbus's reply with the id
            self._early[int(notification_id)] = key

    @Slot("uint", "uint")
    def _on_notification_closed(self, notification_id: int, _reason: int) -> None:
        self._tags.pop(int(notification_id), None)
