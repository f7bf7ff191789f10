"""Every window fits a 1024x600 screen with every text size (issue 14). Each text size runs in
its own process on an offscreen screen of exactly that size (Qt's offscreen platform reads the
screen from a JSON file in the test's temp dir): the home window, a session window (as Start
and `ptcoach run` open it), the summary, Progress, Learn, the builder and Preferences open no
larger than the available screen, and wholly on it. The routine list never gets smaller with
larger text."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCREEN = (1024, 600)


def measure(size: str) -> dict[str, object]:
    """The child process: open every window at this text size; their frames and the screen."""
    sys.path.insert(0, str(ROOT / "tests"))
    from helpers.app_shell import build_app, open_progress_read
    from PySide6.QtWidgets import QApplication

    from ptcoach.ui.look import theme
    from ptcoach.ui.look.screen_fit import available
    from ptcoach.ui.settings import AppSettings, TextSize, Theme

    app = QApplication([])
    theme.apply(app, AppSettings(theme=Theme.LIGHT, text_size=TextSize(size)))
    built = build_app(Path(os.environ["PTCOACH_DATA_DIR"]))
    built.services.ask_ratings = False
    shell = built.shell
    from ptcoach.ui.look.screen_fit import fit_window

    fit_window(shell.home, 1100, 720)  # as run_gui does
    shell.home.show()
    report: dict[str, object] = {
        "screen": [available(shell.home).width(), available(shell.home).height()]
    }

    def record(name: str, window) -> None:
        window.show()
        for _ in range(10):
            app.processEvents()
        g = window.geometry()
        report[name] = [g.x(), g.y(), g.width(), g.height()]

    report["list_width"] = shell.home.routine_list.width()
    report["list_font_px"] = shell.home.routine_list.fontInfo().pixelSize()
    record("home", shell.home)
    shell.home.select_routine("runners-knee")
    session = shell.open_routine("runners-knee")  # `ptcoach run`: the session window alone
    record("session", session)
    session.driver.start()
    session.driver.stop()
    record("summary", session)
    session.close()
    record("progress", open_progress_read(shell))
    record("learn", shell.open_learn())
    record("builder", shell.open_builder("runners-knee"))
    record("preferences", shell.open_preferences())
    return report


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, dict[str, object]]:
    tmp = tmp_path_factory.mktemp("screen")
    screen = tmp / "screen.json"
    screen.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "netbook",
                        "x": 0,
                        "y": 0,
                        "width": SCREEN[0],
                        "height": SCREEN[1],
                        "logicalDpi": 96,
                        "logicalDpiX": 96,
                        "logicalDpiY": 96,
                        "dpr": 1,
                    }
                ]
            }
        )
    )
    found = {}
    for size in ("normal", "large", "extra-large"):
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
            "PTCOACH_DATA_DIR": str(tmp / size / "data"),
            "PTCOACH_CONFIG_DIR": str(tmp / size / "config"),
            "PTCOACH_AUDIO": "none",
        }
        result = subprocess.run(
            [sys.executable, __file__, size],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        found[size] = json.loads(result.stdout.splitlines()[-1])
    return found


WINDOWS = ("home", "session", "summary", "progress", "learn", "builder", "preferences")


@pytest.mark.parametrize("size", ["normal", "large", "extra-large"])
def test_every_window_fits_a_1024x600_screen(reports, size):
    report = reports[size]
    assert report["screen"] == list(SCREEN)
    for name in WINDOWS:
        x, y, w, h = report[name]
        assert x >= 0 and y >= 0, f"{name} at {x},{y}"
        assert x + w <= SCREEN[0] and y + h <= SCREEN[1], f"{name} {w}x{h} at {x},{y} ({size})"


def test_larger_text_never_makes_the_routine_list_smaller(reports):
    widths = [reports[s]["list_width"] for s in ("normal", "large", "extra-large")]
    fonts = [reports[s]["list_font_px"] for s in ("normal", "large", "extra-large")]
    assert widths == sorted(widths) and fonts == sorted(fonts) and fonts[0] < fonts[-1]


if __name__ == "__main__":
    print(json.dumps(measure(sys.argv[1])))
