"""Desktop notifications with buttons (org.freedesktop.Notifications), where a server offers them.

QtDBus finds the server, asks for its capabilities and listens for `ActionInvoked`. The
`Notify` call itself goes through `gdbus`, because PySide6 cannot marshal the `uint32`
that `Notify` takes (a Python int is always sent as int32, which servers reject).
"""

from __future__ import annotations

import re
import shutil

from PySide6.QtCore import QObject, QProcess, Signal, Slot
from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
IFACE = "org.freedesktop.Notifications"
_ID = re.compile(r"\(uint32 (\d+),\)")


def _gvariant_str(text: str) -> str:
    """`text` as a GVariant string literal for gdbus's command line."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


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
        self._gdbus = shutil.which("gdbus")
        self.listening = False
        if self._bus.isConnected():
            # Any sender: the server's unique name changes if it restarts; ids we did not
            # get back from Notify are ignored.
            self.listening = self._bus.connect(
                "", PATH, IFACE, "ActionInvoked", self, "1_on_action_invoked(uint,QString)")
            self._bus.connect("", PATH, IFACE, "NotificationClosed",
                              self, "1_on_notification_closed(uint,uint)")

    def supports_actions(self) -> bool:
        """True where a notification server runs that shows buttons, and gdbus can reach it."""
        if not (self._bus.isConnected() and self.listening and self._gdbus):
            return False
        iface = QDBusInterface(SERVICE, PATH, IFACE, self._bus)
        if not iface.isValid():
            return False
        reply = iface.call("GetCapabilities")
        if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
            return False
        return "actions" in list(reply.arguments()[0])

    def notify(self, tag: str, summary: str, body: str,
               actions: list[tuple[str, str]], timeout_ms: int = 0) -> QProcess:
        """Show a notification; `actions` are (key, label) pairs. Returns the running call."""
        flat = ", ".join(f"{_gvariant_str(k)}, {_gvariant_str(label)}" for k, label in actions)
        proc = QProcess(self)
        proc.setProgram(self._gdbus or "gdbus")
        proc.setArguments([
            "call", "--session", "--dest", SERVICE, "--object-path", PATH,
            "--method", f"{IFACE}.Notify",
            _gvariant_str(self.app_name), "uint32 0", _gvariant_str("ptcoach"),
            _gvariant_str(summary), _gvariant_str(body), f"[{flat}]" if flat else "@as []",
            "@a{sv} {}", f"int32 {int(timeout_ms)}",
        ])
        proc.finished.connect(lambda code, _status: self._on_notify_finished(proc, tag, code))
        self._in_flight += 1
        proc.start()
        return proc

    def _on_notify_finished(self, proc: QProcess, tag: str, code: int) -> None:
        out = bytes(proc.readAllStandardOutput().data()).decode("utf-8", "replace")
        match = _ID.search(out)
        self._in_flight -= 1
        if code != 0 or match is None:
            err = bytes(proc.readAllStandardError().data()).decode("utf-8", "replace").strip()
            self.failed.emit(err or f"gdbus exited with {code}")
        else:
            notification_id = int(match.group(1))
            self._tags[notification_id] = tag
            early = self._early.pop(notification_id, None)
            if early is not None:
                self.action_invoked.emit(tag, early)
        if self._in_flight == 0:
            self._early.clear()
        proc.deleteLater()

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
