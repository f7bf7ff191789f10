"""Every outgoing D-Bus call is made with its exact signature: checked against a stand-in
screensaver that refuses wrong signatures the way GDBus services do, on a private bus
(`dbus-daemon --session`). Before, UnInhibit went out as `(i)` and was refused."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(
    shutil.which("dbus-daemon") is None, reason="needs dbus-daemon (the dbus package)"
)

GUARD = """
import json
from PySide6.QtCore import QCoreApplication
app = QCoreApplication([])
from ptcoach.ui.session.sleep_guard import SleepGuard
guard = SleepGuard()
first = guard.inhibit("A guided exercise session is running")
cookie = guard._cookie
guard.release()
print(json.dumps({"inhibited": first, "cookie": cookie, "after": guard.inhibited}))
"""


@pytest.fixture
def private_bus(tmp_path: Path) -> Iterator[dict[str, str]]:
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert daemon.stdout is not None
        address = daemon.stdout.readline().strip()
        yield {
            **os.environ,
            "DBUS_SESSION_BUS_ADDRESS": address,
            "PYTHONPATH": str(ROOT),
            "QT_QPA_PLATFORM": "offscreen",
        }
    finally:
        daemon.kill()
        daemon.wait()


@pytest.fixture
def screensaver(private_bus: dict[str, str]) -> Iterator[subprocess.Popen[str]]:
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "helpers" / "screensaver_server.py")],
        env=private_bus,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        assert json.loads(server.stdout.readline()) == {"ready": True}
        yield server
    finally:
        server.kill()
        server.wait()


def calls(server: subprocess.Popen[str], count: int) -> list[dict]:
    assert server.stdout is not None
    return [json.loads(server.stdout.readline()) for _ in range(count)]


def test_inhibit_and_uninhibit_go_out_with_the_signatures_the_service_declares(
    private_bus, screensaver
):
    result = subprocess.run(
        [sys.executable, "-c", GUARD],
        env=private_bus,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == {
        "inhibited": True,
        "cookie": 1,
        "after": False,
    }
    inhibit, uninhibit = calls(screensaver, 2)
    assert inhibit == {
        "method": "Inhibit",
        "signature": "ss",
        "accepted": True,
        "args": ["ptcoach", "A guided exercise session is running"],
    }
    assert uninhibit == {"method": "UnInhibit", "signature": "u", "args": [1], "accepted": True}
    assert "not released" not in result.stderr


def test_the_stand_in_refuses_a_wrong_signature_as_gdbus_does(private_bus, screensaver):
    code = (
        "from ptcoach.ui.desktop import dbus_calls\n"
        "try:\n"
        "    dbus_calls.call('org.freedesktop.ScreenSaver', '/org/freedesktop/ScreenSaver',"
        " 'org.freedesktop.ScreenSaver', 'UnInhibit', 'i', (1,))\n"
        "except dbus_calls.CallFailed as exc:\n"
        "    print(exc)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=private_bus,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "InvalidArgs" in result.stdout, result.stderr
    assert calls(screensaver, 1)[0]["accepted"] is False


def test_with_no_screensaver_service_inhibit_is_refused_quietly(private_bus):
    result = subprocess.run(
        [sys.executable, "-c", GUARD],
        env=private_bus,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1])["inhibited"] is False
