"""Runs the tray against the stand-in notification server; prints what happened as JSON.

Run under `dbus-run-session`: starts tests/helpers/notification_server.py, raises one
reminder through a fake clock, presses the notification's ACTION button (argv[1]) through the
server, and reports the Notify call and what the tray did.
"""

import json
import subprocess
import sys
from datetime import datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ptcoach.schedule import Schedule
from ptcoach.ui.desktop.notifier import DesktopNotifier
from ptcoach.ui.desktop.reminders import ReminderClock
from ptcoach.ui.desktop.tray import Tray


def main() -> int:
    action = sys.argv[1]
    app = QApplication(sys.argv[:1])
    server = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("notification_server.py"))],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdout is not None and server.stdin is not None
    assert json.loads(server.stdout.readline()) == {"ready": True}

    now = [datetime(2026, 11, 23, 6, 59).astimezone()]  # a Monday
    clock = ReminderClock(
        lambda: [Schedule("runners-knee", frozenset({0}), time(7, 0))], clock=lambda: now[0]
    )
    notifier = DesktopNotifier()
    tray = Tray({"runners-knee": "Runner's knee"}, clock, notifier=notifier)
    result: dict[str, object] = {"supports_actions": notifier.supports_actions()}
    tray.start_requested.connect(lambda rid: result.update(started=rid) or app.quit())
    notifier.failed.connect(lambda msg: result.update(failed=msg) or app.quit())

    poll = QTimer()

    def press() -> None:
        call = json.loads(server.stdout.readline())
        result["notify"] = call
        server.stdin.write(f"invoke {call['id']} {action}\n")
        server.stdin.flush()
        if action == "snooze":  # the snooze shows only in the reminder clock
            poll.timeout.connect(lambda: clock.reminders.snoozed and app.quit())
            poll.start(20)

    now[0] += timedelta(minutes=1, seconds=5)
    clock.check()
    QTimer.singleShot(0, press)
    QTimer.singleShot(15_000, app.quit)  # never hang a test run
    app.exec()
    result["next_time"] = clock.next_time().isoformat() if clock.next_time() else None
    result["popup"] = tray.popup is not None
    server.stdin.close()
    server.wait(timeout=10)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
