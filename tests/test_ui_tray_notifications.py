"""Reminders as desktop notifications with buttons, over a private D-Bus session bus.

A stand-in server (tests/helpers/notification_server.py) takes the place of the desktop's;
the tray and the notifier (jeepney for Notify) are the real ones, in a subprocess with its own bus.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).parent / "helpers" / "tray_notify_probe.py"
needs_dbus = pytest.mark.skipif(
    not (shutil.which("dbus-run-session") and shutil.which("gdbus")),
    reason="needs dbus-run-session and gdbus (Debian: dbus-daemon, libglib2.0-bin)",
)


def run_probe(action: str) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    proc = subprocess.run(
        ["dbus-run-session", "--", sys.executable, str(PROBE), action],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=Path(__file__).parent.parent,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


@needs_dbus
def test_a_reminder_is_a_notification_whose_start_now_button_starts_the_routine():
    result = run_probe("start")
    assert result["supports_actions"]
    assert result["notify"]["app"] == "ptcoach"
    assert "Runner's knee" in result["notify"]["body"]
    assert result["notify"]["actions"] == ["start", "Start now", "snooze", "Snooze 30 min"]
    assert result["started"] == "runners-knee"
    assert result["popup"] is False  # the notification was enough; no extra window


@needs_dbus
def test_the_notifications_snooze_button_raises_it_again_thirty_minutes_later():
    result = run_probe("snooze")
    assert "started" not in result
    assert result["next_time"].startswith("2026-11-23T07:30:05")
