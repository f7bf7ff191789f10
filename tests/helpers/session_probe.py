"""Run the real app (`ptcoach.app.main`) in this process and drive a session as a runner
would, reporting each step as a line on stdout (flushed), for tests that act on the app from
outside (another process holding the history's lock, `ptcoach restore`, a second start).

    python tests/helpers/session_probe.py [--no-start] [--keep] -- PTCOACH ARGS...

Lines: `BAR <text>` (the session window's history bar, JSON-quoted, at each change),
`STARTED`, `SET <phase_index> <skipped>` (a set the window showed done), `FINISHED`,
`STALLS <n>` (the driver's stall detections), `SESSION <routine id>` (a session window opened
at another start's request), `BOX <title>` (a message box, answered with OK), `EXIT <code>`.
With --keep the app stays open after the session (until killed); --no-start leaves the
session window (if any) unstarted.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the source tree

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton

from ptcoach.app import main


def say(line: str) -> None:
    print(line, flush=True)


def probe(argv: list[str], *, start: bool, keep: bool) -> int:
    app = QApplication(sys.argv[:1])
    seen: set[int] = set()
    stalls: list[float] = []

    def follow(window) -> None:
        driver = window.driver
        seen.add(id(window))
        bars[id(window)] = window.findChild(QLabel, "historyMessageLabel")
        said[id(window)] = None
        driver.session_started.connect(lambda _e: say("STARTED"))
        driver.set_completed.connect(
            lambda e: say(f"SET {e.record.phase_index} {int(e.record.skipped)}")
        )
        driver.stall_detected.connect(stalls.append)

        def finished(_e: object) -> None:
            say("FINISHED")
            say(f"STALLS {len(stalls)}")
            QTimer.singleShot(800, window.close)  # after the ratings (skipped)

        driver.session_finished.connect(finished)
        if start:
            QTimer.singleShot(200, lambda: window.findChild(QPushButton, "startButton").click())

    bars: dict[int, QLabel | None] = {}
    said: dict[int, str | None] = {}

    def poll() -> None:
        for key, bar in bars.items():
            text = bar.text() if bar is not None else ""
            if text != said[key]:
                said[key] = text
                say(f"BAR {json.dumps(text)}")
        shell = app.property("ptcoach_shell")
        if shell is not None:
            shell.quit_after_session = shell.quit_after_session and not keep
            window = shell.session_window
            # `ptcoach run` shows its window before its session is attached
            opened = window is not None and window.ready and not shell.sessions.opening
            if opened and id(window) not in seen:
                if seen:
                    say(f"SESSION {window.driver.session.plan.routine_id}")
                follow(window)
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            say(f"BOX {box.windowTitle()}")
            box.done(QMessageBox.StandardButton.Ok)
        elif box is not None and box.objectName() == "ratingDialog":
            box.skip_button.click()
        QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    code = main(argv)
    say(f"EXIT {code}")
    return code


if __name__ == "__main__":
    args = sys.argv[1:]
    split = args.index("--") if "--" in args else len(args)
    own, rest = args[:split], args[split + 1 :]
    sys.exit(probe(rest, start="--no-start" not in own, keep="--keep" in own))
