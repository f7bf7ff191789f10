"""Start the real app (`ptcoach.app.main`) in this process, answer its message boxes, and
report what it showed as one JSON line on stdout once it has settled, then quit.

    python tests/helpers/app_probe.py [ptcoach arguments...]

The JSON holds `boxes` (title and text of each message box, answered with its default
button), `home_visible`, `history_open`, `progress_enabled` and `exit_code`.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the source tree

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ptcoach.app import main

SETTLE_S = 0.5  # nothing modal for this long after the history opened: the app has settled
GIVE_UP_S = 30.0


def probe(argv: list[str]) -> int:
    app = QApplication(sys.argv[:1])
    report: dict[str, object] = {"boxes": []}
    started = time.monotonic()
    quiet_since: list[float] = []

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            report["boxes"].append({"title": box.windowTitle(), "text": box.text()})
            box.done(QMessageBox.StandardButton.Ok)
            quiet_since.clear()
        elif box is not None:  # another dialog (a resume offer): decide later
            box.reject()
            quiet_since.clear()
        shell = app.property("ptcoach_shell")
        opened = shell is not None and shell.services.conn is not None
        if opened and not quiet_since:
            quiet_since.append(time.monotonic())
        if (
            quiet_since and time.monotonic() - quiet_since[0] > SETTLE_S
        ) or time.monotonic() - started > GIVE_UP_S:
            report["home_visible"] = bool(shell and shell.home.isVisible())
            report["history_open"] = opened
            report["progress_enabled"] = bool(shell and shell.actions.progress.isEnabled())
            app.quit()
            return
        QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    report["exit_code"] = main(argv)
    print(json.dumps(report), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(probe(sys.argv[1:]))
