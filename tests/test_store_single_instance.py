"""A second ptcoach brings the first to the front instead of opening a second writer."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QDir

from ptcoach.ui.desktop.single_instance import SingleInstance, server_name

ROOT = Path(__file__).resolve().parents[1]


def test_the_server_name_depends_on_the_data_dir(tmp_path: Path):
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")
    assert server_name(tmp_path / "a") == server_name(tmp_path / "x" / ".." / "a")


def test_a_second_instance_is_not_primary_and_activates_the_first(qtbot, tmp_path):
    name = server_name(tmp_path)
    first = SingleInstance(name)
    assert first.is_primary()
    second = SingleInstance(name)
    with qtbot.waitSignal(first.activated, timeout=5000):
        assert not second.is_primary()
    first.close()


def test_a_second_process_activates_the_running_one(qtbot, tmp_path):
    name = server_name(tmp_path)
    first = SingleInstance(name)
    assert first.is_primary()
    code = (
        "import sys; from PySide6.QtCore import QCoreApplication; "
        "from ptcoach.ui.desktop.single_instance import SingleInstance; "
        "app = QCoreApplication([]); "
        f"print(SingleInstance({name!r}).is_primary())"
    )
    with qtbot.waitSignal(first.activated, timeout=10000):
        child = subprocess.Popen(
            [sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, text=True
        )
    out, _ = child.communicate(timeout=30)
    assert out.strip() == "False"
    first.close()


def test_a_socket_left_by_a_crashed_instance_does_not_block_the_next_start(qtbot, tmp_path):
    name = server_name(tmp_path)
    path = os.path.join(QDir.tempPath(), name)
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(path)  # bound but never listening: like a process killed with SIGKILL
    stale.close()
    try:
        fresh = SingleInstance(name)
        assert fresh.is_primary(timeout_ms=300)
        fresh.close()
    finally:
        if os.path.exists(path):
            os.unlink(path)
