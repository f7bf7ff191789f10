"""Tell the runner, in a window, that something went wrong and where the crash report is.

Installed as the GUI's crash `tell` (see `ptcoach.logs.install_excepthook`). The dialog is
modeless (`open`, never `exec`): a session's timers keep running behind it, and at most one is
shown at a time.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

_shown: list[Any] = []  # QMessageBox; Qt is imported only when one is needed


def tell(path: Path) -> None:
    from PySide6.QtCore import QCoreApplication, Qt, QThread
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        return  # a worker thread's crash: the report and stderr are enough
    if any(box.isVisible() for box in _shown):
        return
    tr = QCoreApplication.translate
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        tr("crash", "ptcoach hit an unexpected error"),
        tr(
            "crash",
            "Something went wrong inside ptcoach. The sets you have done "
            "are stored.\n\nA crash report (no personal data) was saved "
            "to:\n{0}\n\nPlease send it with a bug report.",
        ).format(path),
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setObjectName("crashReportDialog")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.finished.connect(lambda _r: _shown.remove(box) if box in _shown else None)
    _shown.append(box)
    box.open()
