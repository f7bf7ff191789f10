"""High-DPI: the Preferences dialog and the session window drawn at QT_SCALE_FACTOR 1, 1.5 and
2, each in its own process (the factor is read once, at start-up); no text is cut off.

Run as a script (`python tests/test_ui_theme_dpi.py SCALE OUT_DIR`) it draws both windows,
saves PNGs and prints what it found as JSON. $PTCOACH_SHOTS_DIR keeps the PNGs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def clipped_texts(root) -> list[str]:
    """Visible labels, check boxes and buttons under `root` whose text does not fit them."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtWidgets import QAbstractButton, QCheckBox, QLabel

    problems = []
    window_rect = QRect(0, 0, root.width(), root.height())
    for w in root.findChildren(QLabel) + root.findChildren(QAbstractButton):
        if not w.isVisibleTo(root) or not w.text():
            continue
        name = w.objectName() or f"{type(w).__name__}({w.text()!r})"
        text = w.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        # Inside a scroll area the bound is the scrolled content (it scrolls into view), else
        # the window.
        frame = _scrolled_content(w, root) or root
        top_left = w.mapTo(frame, w.rect().topLeft())
        bound = window_rect if frame is root else QRect(0, 0, frame.width(), frame.height())
        if not bound.contains(QRect(top_left, w.size())):
            problems.append(f"{name}: outside the window")
        if isinstance(w, QLabel):
            if w.textFormat() == Qt.TextFormat.RichText or ("<" in text and ">" in text):
                continue
            if w.wordWrap():
                if w.height() < w.heightForWidth(w.width()):
                    problems.append(f"{name}: wrapped text taller than the label")
                continue
            need = max(w.fontMetrics().horizontalAdvance(line) for line in text.split("\n"))
            if need > w.contentsRect().width():
                problems.append(f"{name}: needs {need} px, has {w.contentsRect().width()}")
        elif isinstance(w, QCheckBox):
            if w.width() < w.sizeHint().width():
                problems.append(f"{name}: {w.width()} px wide, needs {w.sizeHint().width()}")
        else:
            need = w.fontMetrics().horizontalAdvance(text) + 8
            if w.width() < need:
                problems.append(f"{name}: {w.width()} px wide, needs {need}")
    return problems


def _scrolled_content(widget, root):
    """The content widget of the scroll area `widget` is in (below `root`), or None."""
    from PySide6.QtWidgets import QScrollArea

    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        grand = parent.parentWidget()
        area = grand.parentWidget() if grand is not None else None
        if isinstance(area, QScrollArea) and area.widget() is parent:
            return parent
        parent = grand
    return None


def draw(scale: str, out: Path) -> dict[str, object]:
    """The child process: both windows at this scale factor, grabbed and checked."""
    sys.path.insert(0, str(ROOT / "tests"))
    from factories import exercise, routine
    from PySide6.QtWidgets import QApplication

    from ptcoach.catalog.model import Kind, Targets
    from ptcoach.engine.clock import FakeClock
    from ptcoach.engine.plan import expand
    from ptcoach.engine.session import Session
    from ptcoach.ui import settings
    from ptcoach.ui.look import theme
    from ptcoach.ui.preferences import PreferencesDialog
    from ptcoach.ui.session.driver import SessionDriver
    from ptcoach.ui.session.window import SessionWindow

    app = QApplication([])
    theme.apply(app, settings.AppSettings(theme=settings.Theme.LIGHT))
    report: dict[str, object] = {}
    dialog = PreferencesDialog(settings.open_settings(out / "prefs.ini"))
    dialog.show()
    dialog.adjustSize()
    app.processEvents()
    dialog.grab().save(str(out / f"dpi-preferences-{scale}.png"))
    report["preferences"] = clipped_texts(dialog)
    report["dpr"] = dialog.devicePixelRatioF()

    ex = exercise("single-leg-bridge", Kind.REPS, per_side=True)
    plan = expand(routine((ex, Targets(sets=3, reps=12, rest_s=30))))
    driver = SessionDriver(Session(plan), clock=FakeClock())
    window = SessionWindow(driver)
    window.resize(1024, 640)
    window.show()
    driver.start()
    driver.step(12.0)  # into the first set: every label has text
    app.processEvents()
    window.grab().save(str(out / f"dpi-session-{scale}.png"))
    report["session"] = clipped_texts(window)
    driver.stop()
    return report


def test_the_clipping_check_catches_cut_text(qtbot):
    from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QVBoxLayout, QWidget

    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    for w in (
        QLabel("A label that is far too long for its room"),
        QCheckBox("Count reps aloud"),
        QPushButton("Open folder"),
    ):
        w.setFixedWidth(40)
        layout.addWidget(w)
    layout.addWidget(QLabel("ok"))
    root.show()
    assert len(clipped_texts(root)) == 3


@pytest.mark.parametrize("scale", ["1", "1.5", "2"])
def test_nothing_is_clipped_at_this_scale_factor(scale, tmp_path):
    out = Path(os.environ.get("PTCOACH_SHOTS_DIR") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "QT_SCALE_FACTOR": scale,
        "QT_QPA_PLATFORM": "offscreen",
        "PTCOACH_DATA_DIR": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    result = subprocess.run(
        [sys.executable, __file__, scale, str(out)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    assert report["dpr"] == pytest.approx(float(scale))
    assert report["preferences"] == []
    assert report["session"] == []
    for name in ("preferences", "session"):
        assert (out / f"dpi-{name}-{scale}.png").stat().st_size > 0


if __name__ == "__main__":
    print(json.dumps(draw(sys.argv[1], Path(sys.argv[2]))))
