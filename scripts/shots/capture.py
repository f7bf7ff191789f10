"""Wait until a window is on screen and painted, take its picture, and save it as a small
palette PNG.

Under a real X server the picture is what the server shows (`import -window root`, cropped to
the window's client area); offscreen it is the widget's own rendering (`QWidget.grab()`).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

SETTLE_S = 0.5  # after the window is exposed: late layouts, pyqtgraph's first paint
COLOURS = "256"  # fewer bands Fusion's button gradients into visible stripes


def uses_x_server() -> bool:
    return QGuiApplication.platformName() == "xcb" and shutil.which("import") is not None


def settle(widget: QWidget, seconds: float = SETTLE_S) -> None:
    """Show the window, wait for the server to expose it, then let every paint finish."""
    widget.show()
    widget.raise_()
    QTest.qWaitForWindowExposed(widget, 5000)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    QGuiApplication.sync()  # the X server has drawn every request we sent


def shoot(widget: QWidget, path: Path) -> Path:
    """Save the window's picture to `path` (a PNG of the window's size, at most 256 colours)."""
    settle(widget)
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw.png"
        crop: list[str] = []
        if uses_x_server():
            subprocess.run(["import", "-silent", "-window", "root", str(raw)], check=True)
            g = widget.geometry()
            crop = ["-crop", f"{g.width()}x{g.height()}+{g.x()}+{g.y()}", "+repage"]
        else:
            image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
            if not image.save(str(raw), "PNG"):
                raise RuntimeError(f"Qt could not write {raw}")
        if shutil.which("convert") is None:  # unquantised, but a true picture all the same
            shutil.copyfile(raw, path)
            return path
        # No dithering: it turns flat backgrounds into noise that compresses badly.
        subprocess.run(
            [
                "convert",
                str(raw),
                *crop,
                "-dither",
                "None",
                "-colors",
                COLOURS,
                "-strip",
                f"png8:{path}",
            ],
            check=True,
        )
    return path


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    head = path.read_bytes()[:24]
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path} is not a PNG")
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
