"""`make install-desktop`: the launcher, icons and metainfo land in the user's XDG folders."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_install_desktop_puts_a_valid_launcher_icons_and_metainfo_in_xdg_data_home(
    tmp_path: Path,
) -> None:
    data = tmp_path / "share"
    result = subprocess.run(["bash", str(ROOT / "scripts" / "install-desktop.sh")],
                            env={**os.environ, "XDG_DATA_HOME": str(data)},
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    launcher = data / "applications" / "io.github.ptcoach.PTCoach.desktop"
    text = launcher.read_text()
    assert f"Exec={ROOT / '.venv' / 'bin' / 'ptcoach'}" in text
    check = subprocess.run(["desktop-file-validate", str(launcher)], capture_output=True,
                           text=True)
    assert "error" not in check.stdout + check.stderr
    assert (data / "metainfo" / "io.github.ptcoach.PTCoach.metainfo.xml").is_file()
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / "ptcoach.svg").is_file()
    for n in (16, 32, 48, 64, 128, 256, 512):
        assert (data / "icons" / "hicolor" / f"{n}x{n}" / "apps" / "ptcoach.png").is_file()
