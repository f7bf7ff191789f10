"""`ptcoach install-desktop` / `uninstall-desktop` (and `make install-desktop`, which calls it):
the launcher, icons, metainfo, completions and man page land in the user's XDG folders, named
by the app id, valid, pointing at this installation; uninstall removes all of it.
(The same from a wheel in a fresh venv: tests/test_wheel.py.)"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ptcoach import autostart
from ptcoach.app import main
from ptcoach.cli import COMMANDS
from ptcoach.desktop_install import APP_ID, desktop_entry, exec_value, installed_files
from ptcoach.shell_files import SHELL_FILES

ROOT = Path(__file__).resolve().parents[1]
SIZES = (16, 32, 48, 64, 128, 256, 512)


@pytest.fixture
def share(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path / "share"


def validate_desktop(path: Path) -> str:
    """desktop-file-validate's whole output: errors, warnings and hints (empty when clean)."""
    check = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
    return check.stdout + check.stderr


def test_install_desktop_writes_a_clean_launcher_to_this_install_icons_and_metainfo(
    share: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    legacy = share / "icons" / "hicolor" / "48x48" / "apps" / "ptcoach.png"  # old script's name
    legacy.parent.mkdir(parents=True)
    legacy.write_bytes(b"old")
    assert main(["install-desktop"]) == 0
    assert str(share) in capsys.readouterr().out

    launcher = share / "applications" / f"{APP_ID}.desktop"
    text = launcher.read_text()
    script = Path(sys.executable).parent / "ptcoach"
    assert script.is_file()
    assert f"\nExec={script}\n" in text and f"\nTryExec={script}\n" in text
    assert f"\nIcon={APP_ID}\n" in text
    categories = next(line for line in text.splitlines() if line.startswith("Categories="))
    assert "Sports" in categories and (
        {"Education", "MedicalSoftware"} & set(categories.removeprefix("Categories=").split(";"))
    )
    assert validate_desktop(launcher) == ""  # no error, warning or hint

    meta = share / "metainfo" / f"{APP_ID}.metainfo.xml"
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(meta)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    hicolor = share / "icons" / "hicolor"
    assert (hicolor / "scalable" / "apps" / f"{APP_ID}.svg").read_bytes() == (
        ROOT / "assets" / "icons" / "ptcoach.svg"
    ).read_bytes()
    for n in SIZES:
        assert (hicolor / f"{n}x{n}" / "apps" / f"{APP_ID}.png").is_file()
    assert not legacy.exists()
    assert not autostart.is_enabled()  # opt-in


def test_completions_and_man_page_are_installed_and_know_every_command(share: Path) -> None:
    assert main(["install-desktop"]) == 0
    for rel in SHELL_FILES.values():
        assert (share / rel).is_file(), rel
    bash = share / SHELL_FILES["bash"]
    # Complete `ptcoach <Tab>` and `ptcoach install-desktop --a<Tab>` with the real script.
    script = (
        f"source {bash}\n"
        "COMP_WORDS=(ptcoach ''); COMP_CWORD=1; COMP_LINE='ptcoach '; COMP_POINT=8\n"
        "_shtab_ptcoach; printf '%s\\n' \"${COMPREPLY[@]}\"; echo ---\n"
        "COMP_WORDS=(ptcoach install-desktop --a); COMP_CWORD=2\n"
        "COMP_LINE='ptcoach install-desktop --a'; COMP_POINT=${#COMP_LINE}\n"
        "_shtab_ptcoach; printf '%s\\n' \"${COMPREPLY[@]}\"\n"
    )
    out = subprocess.run(["bash", "-c", script], capture_output=True, text=True, check=True)
    commands, options = out.stdout.split("---\n")
    assert set(COMMANDS) <= set(commands.split())
    assert options.split() == ["--autostart"]
    zsh = subprocess.run(
        ["zsh", "-n", str(share / SHELL_FILES["zsh"])], capture_output=True, text=True
    )
    assert zsh.returncode == 0, zsh.stderr
    # fish finds it by itself in $XDG_DATA_HOME/fish/vendor_completions.d, ptcoach on PATH.
    fish_env = {
        **os.environ,
        "XDG_DATA_HOME": str(share),
        "XDG_CONFIG_HOME": str(share.parent / "fish-config"),
        "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
    }
    fish = subprocess.run(
        ["fish", "-c", "complete -C 'ptcoach uninst'"],
        env=fish_env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert fish.stdout.split("\t")[0] == "uninstall-desktop", fish.stdout + fish.stderr
    page = subprocess.run(
        ["man", "-l", str(share / SHELL_FILES["man"])],
        capture_output=True,
        text=True,
        env={**os.environ, "MANWIDTH": "100"},
    )
    assert page.returncode == 0, page.stderr
    assert "PTCOACH(1)" in page.stdout
    # `man ptcoach` finds it by itself when the bin folder beside `share` is on PATH (as pipx's
    # ~/.local/bin is beside ~/.local/share).
    (share.parent / "bin").mkdir()
    man_env = {k: v for k, v in os.environ.items() if k != "MANPATH"}
    man_env.update(HOME=str(share.parent), PATH=f"{share.parent / 'bin'}{os.pathsep}{os.defpath}")
    found = subprocess.run(
        ["man", "-w", "ptcoach"], env=man_env, capture_output=True, text=True, timeout=60
    )
    assert found.stdout.strip() == str(share / SHELL_FILES["man"]), found.stderr
    for name in COMMANDS:
        assert f"ptcoach {name}" in page.stdout, name


def test_autostart_is_opt_in_and_uninstall_removes_everything(share: Path, tmp_path: Path) -> None:
    assert main(["install-desktop", "--autostart"]) == 0
    entry = autostart.entry_path()
    assert entry.is_relative_to(tmp_path / "config")
    text = entry.read_text()
    assert f"\nIcon={APP_ID}\n" in text and "--tray" in text
    assert validate_desktop(entry) == ""
    files = installed_files(share)
    assert all(f.is_file() for f in files)

    assert main(["uninstall-desktop"]) == 0
    assert not any(f.exists() for f in files)
    assert not autostart.is_enabled()
    leftovers = [p for p in share.rglob("*") if p.is_file() and "ptcoach" in p.name.lower()]
    assert leftovers == []
    assert main(["uninstall-desktop"]) == 0  # twice is fine


def test_an_install_path_with_spaces_and_quotes_is_quoted_by_the_desktop_entry_rules(
    tmp_path: Path,
) -> None:
    home = str(tmp_path)  # no space, quote or % of its own
    exe = home + '/a runner/my "apps"/bin/ptcoach'
    quoted = '"' + home + '/a runner/my \\\\"apps\\\\"/bin/ptcoach" --tray'
    assert exec_value([exe, "--tray"]) == quoted
    launcher = tmp_path / f"{APP_ID}.desktop"
    launcher.write_text(desktop_entry([exe]))
    assert validate_desktop(launcher) == ""
    assert exec_value([home + "/100%/ptcoach"]) == home + "/100%%/ptcoach"


def test_make_install_desktop_runs_ptcoach_install_desktop() -> None:
    # Outside any calling make (under `make test`, MAKEFLAGS would add directory lines).
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    dry = subprocess.run(
        ["make", "-n", "--no-print-directory", "-o", ".venv/.installed", "install-desktop"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert dry.strip().splitlines() == [".venv/bin/ptcoach install-desktop"]
    assert not (ROOT / "scripts" / "install-desktop.sh").exists()
