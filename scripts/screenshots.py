"""Render the README's screenshots: docs/screenshots/home.png and docs/screenshots/session.png.

Uses the real catalogue and a real session on a stepped clock (mid-set of the runner's knee
routine), grabbed at 1280x800 and saved as small palette PNGs.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ptcoach.catalog.catalog import Catalog  # noqa: E402
from ptcoach.engine.clock import FakeClock  # noqa: E402
from ptcoach.engine.plan import expand  # noqa: E402
from ptcoach.engine.session import Session  # noqa: E402
from ptcoach.ui.driver import SessionDriver  # noqa: E402
from ptcoach.ui.home_window import HomeWindow  # noqa: E402
from ptcoach.ui.session_window import SessionWindow  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SIZE = (1280, 800)


def save(widget: QWidget, name: str) -> Path:
    widget.resize(*SIZE)
    widget.show()
    QApplication.processEvents()
    # RGB without alpha: flat areas compress well; a palette would dither the grey background.
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    path = OUT / name
    image.save(str(path), "PNG", 9)
    return path


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setStyle("Fusion")  # the same look on every machine that renders them
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        catalog = Catalog.load(Path(tmp) / "data")
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        home = HomeWindow(catalog.routines, settings)
        paths = [save(home, "home.png")]
        home.close()
        clock = FakeClock()
        driver = SessionDriver(Session(expand(catalog.routine("runners-knee"))), clock=clock)
        window = SessionWindow(driver)
        driver.start()
        driver.step(10.0 + 5 * 3 + 1.0)  # get ready, three reps, half-way into the fourth lift
        paths.append(save(window, "session.png"))
        driver.stop()
        window.close()
    for p in paths:
        print(f"{p.relative_to(ROOT)}: {p.stat().st_size // 1024} KiB")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
