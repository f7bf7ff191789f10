"""Starting the real app: one instance per data dir, and a damaged history file that is moved
aside with a notice while the app opens anyway."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers.app_shell import answer_modal, build_app
from PySide6.QtCore import QDir
from PySide6.QtWidgets import QMessageBox

from ptcoach.store.db import HISTORY_FILE, open_history
from ptcoach.ui import main
from ptcoach.ui.desktop.single_instance import server_name

ROOT = Path(__file__).resolve().parents[1]
PROBE = ROOT / "tests" / "helpers" / "app_probe.py"


pytestmark = pytest.mark.usefixtures("silent")


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PTCOACH_AUDIO": "none",
        "PTCOACH_CONFIG_DIR": str(tmp_path / "config"),
        "PYTHONPATH": str(ROOT),
    }


def damage(data_dir: Path) -> Path:
    """A real history whose first page is then overwritten, as a bad disk or sync tool would."""
    conn, _ = open_history(data_dir)
    conn.close()
    path = data_dir / HISTORY_FILE
    with path.open("r+b") as f:
        f.write(b"\x00garbage, not SQLite\x00" * 8)
    return path


def wait_for(predicate, timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def test_a_second_ptcoach_on_the_same_data_dir_says_so_and_exits_0(data_dir, env):
    socket_path = Path(QDir.tempPath()) / server_name(data_dir)
    first = subprocess.Popen(
        [sys.executable, "-m", "ptcoach", "--data-dir", str(data_dir)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for(
            lambda: socket_path.exists() or first.poll() is not None,
            60,
            "the first ptcoach to listen",
        )
        assert first.poll() is None, first.communicate()
        second = subprocess.run(
            [sys.executable, "-m", "ptcoach", "--data-dir", str(data_dir)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert second.returncode == 0, second.stderr
        assert "already running" in second.stderr
        assert first.poll() is None  # the first one carries on
    finally:
        first.kill()
        first.communicate(timeout=30)


def test_a_damaged_history_at_start_up_is_moved_aside_with_a_notice_and_the_app_opens(
    data_dir, env
):
    path = damage(data_dir)
    damaged = path.read_bytes()
    done = subprocess.run(
        [sys.executable, str(PROBE), "--data-dir", str(data_dir)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["exit_code"] == 0
    (box,) = report["boxes"]
    assert box["title"] == "History"
    assert str(path) in box["text"] and "nothing was deleted" in box["text"]
    assert report["home_visible"] and report["history_open"] and report["progress_enabled"]
    aside = [
        p
        for p in data_dir.iterdir()
        if p.name.startswith(f"{HISTORY_FILE}.") and not p.name.endswith(("-wal", "-shm"))
    ]
    assert [p.read_bytes() for p in aside] == [damaged]  # kept, byte for byte


def test_the_history_notice_is_shown_before_the_app_carries_on_in_process(qtbot, data_dir):
    damage(data_dir)
    app = build_app(data_dir, history=False)
    qtbot.addWidget(app.shell.home)
    app.shell.home.show()
    assert not app.shell.actions.progress.isEnabled()
    texts: list[str] = []

    def read_and_ok(box: QMessageBox) -> None:
        texts.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()

    shown = answer_modal(lambda w: isinstance(w, QMessageBox), read_and_ok)
    try:
        main._open_history(app.shell, app.services, data_dir)  # read in a worker thread
        qtbot.waitUntil(lambda: bool(texts), timeout=10_000)
        assert shown and "moved to" in texts[0]
        assert app.services.conn is not None
        assert app.shell.actions.progress.isEnabled() and app.shell.actions.schedule.isEnabled()
        assert app.shell.home.isVisible()
    finally:
        app.close()
