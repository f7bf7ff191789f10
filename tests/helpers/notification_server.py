"""A stand-in desktop notification server for tray tests: run on a private session bus.

Prints each Notify call as a JSON line on stdout. A line "invoke ID KEY" on stdin makes it
emit ActionInvoked(ID, KEY) the way a server does when a button is pressed (through gdbus,
since PySide6 cannot send the signal's uint32).
"""

import json
import subprocess
import sys

from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, QSocketNotifier, Slot
from PySide6.QtDBus import QDBusConnection


@ClassInfo({"D-Bus Interface": "org.freedesktop.Notifications"})
class Server(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    @Slot(result="QStringList")
    def GetCapabilities(self) -> list[str]:
        return ["actions", "body"]

    @Slot(str, "uint", str, str, str, "QStringList", "QVariantMap", int, result="uint")
    def Notify(self, app, replaces, icon, summary, body, actions, hints, timeout) -> int:
        self.count += 1
        print(
            json.dumps(
                {
                    "id": self.count,
                    "app": app,
                    "summary": summary,
                    "body": body,
                    "actions": list(actions),
                }
            ),
            flush=True,
        )
        return self.count


def main() -> None:
    app = QCoreApplication(sys.argv[:1])
    bus = QDBusConnection.sessionBus()
    server = Server()
    bus.registerObject(
        "/org/freedesktop/Notifications", server, QDBusConnection.RegisterOption.ExportAllSlots
    )
    if not bus.registerService("org.freedesktop.Notifications"):
        sys.exit("notification service name already taken")
    print(json.dumps({"ready": True}), flush=True)

    def on_stdin() -> None:
        line = sys.stdin.readline()
        if not line:
            app.quit()
            return
        words = line.split()
        if len(words) == 3 and words[0] == "invoke":
            subprocess.run(
                [
                    "gdbus",
                    "emit",
                    "--session",
                    "--object-path",
                    "/org/freedesktop/Notifications",
                    "--signal",
                    "org.freedesktop.Notifications.ActionInvoked",
                    f"uint32 {int(words[1])}",
                    f"'{words[2]}'",
                ],
                check=True,
            )

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(on_stdin)
    app.exec()


if __name__ == "__main__":
    main()
