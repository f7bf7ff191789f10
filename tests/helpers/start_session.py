"""Start the real app (`ptcoach.app.main`) with the given arguments, open routine ID once the
history is open (as home's Start does), press Start, and print `started` on stdout. Then it runs
until something from outside (a signal) ends it; its exit status is the app's.

    python tests/helpers/start_session.py ID [ptcoach arguments...]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the source tree

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ptcoach.app import main


def start_when_ready(routine_id: str) -> None:
    shell = QApplication.instance().property("ptcoach_shell")
    if shell is None or shell.services.conn is None or QApplication.activeModalWidget():
        QTimer.singleShot(20, lambda: start_when_ready(routine_id))
        return
    shell.speed = 20.0  # a 20-second hold takes a second
    window = shell.open_routine(routine_id)
    window.driver.start()
    print("started", flush=True)


if __name__ == "__main__":
    app = QApplication(sys.argv[:1])
    QTimer.singleShot(0, lambda: start_when_ready(sys.argv[1]))
    sys.exit(main(sys.argv[2:]))
