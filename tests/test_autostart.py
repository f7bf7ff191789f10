"""The opt-in start-at-login entry: off by default, a valid XDG desktop file when on."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from ptcoach import autostart


@pytest.fixture(autouse=True)
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path / "config"


def test_start_at_login_is_off_by_default() -> None:
    assert not autostart.is_enabled()


def test_enabling_writes_a_valid_autostart_entry_and_disabling_removes_it(
    config_home: Path,
) -> None:
    path = autostart.enable()
    assert path == config_home / "autostart" / autostart.ENTRY_NAME
    assert autostart.is_enabled()
    text = path.read_text()
    assert "Exec=" in text and "-m ptcoach --tray" in text
    validator = shutil.which("desktop-file-validate")
    assert validator, "desktop-file-utils is installed by scripts/sysdeps.sh"
    result = subprocess.run([validator, str(path)], capture_output=True, text=True)
    assert "error" not in result.stdout + result.stderr
    autostart.disable()
    assert not autostart.is_enabled()
    autostart.disable()  # twice is fine


def test_the_shipped_desktop_entry_and_metainfo_validate() -> None:
    root = Path(__file__).resolve().parents[1] / "resources" / "desktop"
    desktop = subprocess.run(
        ["desktop-file-validate", str(root / f"{autostart.ENTRY_NAME}")],
        capture_output=True,
        text=True,
    )
    assert "error" not in desktop.stdout + desktop.stderr
    meta = subprocess.run(
        [
            "appstreamcli",
            "validate",
            "--no-net",
            str(root / "io.github.ptcoach.PTCoach.metainfo.xml"),
        ],
        capture_output=True,
        text=True,
    )
    assert meta.returncode == 0, meta.stdout + meta.stderr
