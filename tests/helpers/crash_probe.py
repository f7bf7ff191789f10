"""Start the real app (`ptcoach.app.main`), raise an exception inside a Qt slot once the home
window shows, and report as one JSON line what the runner saw: the crash dialog's text, and
whether the app was still running after it. Then quit.

    python tests/helpers/crash_probe.py [ptcoach arguments...]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the source tree

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ptcoach.app import main

report: dict[str, object] = {}


def boom() -> None:
    raise RuntimeError("a planted fault")


def wait_for_home() -> None:
    shell = QApplication.instance().property("ptcoach_shell")
    if shell is None or not shell.home.isVisible() or shell.services.conn is None:
        QTimer.singleShot(20, wait_for_home)
        return
    QTimer.singleShot(0, boom)  # an uncaught exception in a slot, as a bug would raise
    QTimer.singleShot(300, look)


def look() -> None:
    app = QApplication.instance()
    boxes = [
        w
        for w in app.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "crashReportDialog" and w.isVisible()
    ]
    report["dialogs"] = [b.text() for b in boxes]
    report["home_visible"] = app.property("ptcoach_shell").home.isVisible()
    shot = sys.argv[sys.argv.index("--shot") + 1] if "--shot" in sys.argv else ""
    for b in boxes:
        if shot:
            b.grab().save(shot)
        b.accept()
    app.quit()


if __name__ == "__main__":
    app = QApplication(sys.argv[:1])
    QTimer.singleShot(0, wait_for_home)
    args = sys.argv[1:]
    if "--shot" in args:  # --shot FILE: save the dialog as seen (a helper option, not ptcoach's)
        i = args.index("--shot")
        del args[i : i + 2]
    report["exit_code"] = main(args)
    print(json.dumps(report), flush=True)
