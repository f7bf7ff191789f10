"""The opt-in "start at login" entry: an XDG autostart .desktop file (off by default)."""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

ENTRY_NAME = "io.github.ptcoach.PTCoach.desktop"


def autostart_dir() -> Path:
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "autostart"


def entry_path() -> Path:
    return autostart_dir() / ENTRY_NAME


def is_enabled() -> bool:
    return entry_path().is_file()


def launch_command() -> list[str]:
    """How to start this very installation, minimised to the tray."""
    return [sys.executable, "-m", "ptcoach", "--tray"]


def enable(command: list[str] | None = None) -> Path:
    path = entry_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    exec_line = shlex.join(command or launch_command())
    text = (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=ptcoach\n"
        "Comment=Reminds you of your physical-therapy sessions\n"
        f"Exec={exec_line}\n"
        "Icon=io.github.ptcoach.PTCoach\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return path


def disable() -> None:
    entry_path().unlink(missing_ok=True)
