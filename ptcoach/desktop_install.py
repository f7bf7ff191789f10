"""`ptcoach install-desktop`: make this installation an app on the user's desktop.

Writes, under $XDG_DATA_HOME (~/.local/share): the launcher (`applications/`, with an absolute
Exec to this very installation), the icons (`icons/hicolor/`), the AppStream metainfo
(`metainfo/`), the shell completions (bash, zsh, fish) and the man page; optionally the
start-at-login entry ($XDG_CONFIG_HOME/autostart, see `ptcoach.autostart`). Works the same from
a wheel, pipx or a source tree: everything comes from the shipped `resources/` and `assets/`,
and the completions from the wheel's `_data/share/` (generated at build time) or, in a source
tree, generated now from the parser.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from ptcoach import autostart, paths

APP_ID = "io.github.ptcoach.PTCoach"
DESKTOP_NAME = f"{APP_ID}.desktop"
METAINFO_NAME = f"{APP_ID}.metainfo.xml"
LEGACY_ICON = "ptcoach"  # the icon name used before the app id (removed on install)

Log = Callable[[str], None]


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def launch_command() -> list[str]:
    """How to start this installation: its `ptcoach` script, else `python -m ptcoach`.

    sys.executable is not resolved: in a venv (pipx's too) it is the venv's own python.
    """
    script = Path(sys.executable).parent / "ptcoach"
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "ptcoach"]


_RESERVED = re.compile(r"[\s\"'\\><~|&;$*?#()`]")


def exec_value(argv: list[str]) -> str:
    """argv quoted by the Desktop Entry rules for Exec (and escaped for a string value)."""
    out = []
    for arg in argv:
        if _RESERVED.search(arg):
            inner = re.sub(r'(["`$\\])', r"\\\1", arg)
            arg = f'"{inner}"'
        out.append(arg.replace("\\", "\\\\").replace("%", "%%"))
    return " ".join(out)


def desktop_entry(command: list[str] | None = None) -> str:
    """The shipped .desktop file with Exec and TryExec pointing at this installation."""
    argv = command or launch_command()
    text = paths.resource("desktop", DESKTOP_NAME).read_text(encoding="utf-8")
    text = re.sub(r"(?m)^Exec=ptcoach", lambda _m: f"Exec={exec_value(argv)}", text)
    try_exec = exec_value([argv[0]])
    return re.sub(r"(?m)^(Exec=.*)$", lambda m: f"TryExec={try_exec}\n{m.group(1)}", text, count=1)


def icon_files() -> list[tuple[Path, str]]:
    """(shipped file, path under share/icons/hicolor) for the SVG and every PNG size."""
    icons = paths.assets_dir() / "icons"
    pairs = [(icons / "ptcoach.svg", f"scalable/apps/{APP_ID}.svg")]
    for png in sorted((icons / "hicolor").glob("*/apps/ptcoach.png")):
        size = png.parent.parent.name
        pairs.append((png, f"{size}/apps/{APP_ID}.png"))
    return pairs


def shipped_shell_files() -> Path | None:
    """The wheel's pre-built completions and man page (`_data/share`), if this is a wheel."""
    share = paths.resources_dir().parent / "share"
    return share if (share / "man").is_dir() else None


def installed_files(share: Path) -> list[Path]:
    """Every file install() writes under `share` (the autostart entry aside)."""
    from ptcoach.shell_files import SHELL_FILES

    files = [share / "applications" / DESKTOP_NAME, share / "metainfo" / METAINFO_NAME]
    files += [share / "icons" / "hicolor" / rel for _src, rel in icon_files()]
    files += [share / rel for rel in SHELL_FILES.values()]
    return files


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def _legacy_icons(share: Path) -> list[Path]:
    hicolor = share / "icons" / "hicolor"
    return sorted(hicolor.glob(f"*/apps/{LEGACY_ICON}.png")) + sorted(
        hicolor.glob(f"scalable/apps/{LEGACY_ICON}.svg")
    )


def install(
    share: Path | None = None, *, with_autostart: bool = False, log: Log = print
) -> list[Path]:
    """Install everything for this user; return the files written."""
    from ptcoach.shell_files import SHELL_FILES

    share = share or data_home()
    written: list[Path] = []

    def put(path: Path, data: bytes) -> None:
        _write(path, data)
        written.append(path)

    put(share / "applications" / DESKTOP_NAME, desktop_entry().encode())
    put(share / "metainfo" / METAINFO_NAME, paths.resource("desktop", METAINFO_NAME).read_bytes())
    for src, rel in icon_files():
        put(share / "icons" / "hicolor" / rel, src.read_bytes())
    for old in _legacy_icons(share):
        old.unlink()

    built = shipped_shell_files()
    if built is not None:
        for rel in SHELL_FILES.values():
            put(share / rel, (built / rel).read_bytes())
    else:
        try:
            from ptcoach.shell_files import generate

            written += generate(share)
        except ImportError as exc:  # a source tree without the dev tools
            log(
                f"Shell completions and man page skipped: {exc.name} is not installed "
                "(pip install shtab argparse-manpage, or install from a wheel)."
            )

    if with_autostart:
        written.append(autostart.enable())
    _refresh_caches(share)
    log(f"Installed ptcoach's launcher, icons, metainfo, completions and man page into {share}")
    if with_autostart:
        log(f"ptcoach will start in the tray at login ({autostart.entry_path()}).")
    log(
        f"zsh: add {share / 'zsh' / 'site-functions'} to your fpath (before compinit) "
        "to complete ptcoach's commands."
    )
    return written


def uninstall(share: Path | None = None, *, log: Log = print) -> list[Path]:
    """Remove what install() wrote, and the autostart entry; return the files removed."""
    share = share or data_home()
    removed = []
    for path in [*installed_files(share), *_legacy_icons(share), autostart.entry_path()]:
        if path.is_file():
            path.unlink()
            removed.append(path)
    _refresh_caches(share)
    log(
        f"Removed {len(removed)} ptcoach file(s) from {share}"
        + (f" and {autostart.autostart_dir()}" if autostart.entry_path() in removed else "")
    )
    return removed


def _refresh_caches(share: Path) -> None:
    """Let menus and icon themes notice the change (quietly; both tools are optional). An icon
    cache is only refreshed where one exists: a new one would hide icons others add later."""
    hicolor = share / "icons" / "hicolor"
    tools = [["update-desktop-database", "-q", str(share / "applications")]]
    if (hicolor / "icon-theme.cache").is_file():
        tools.append(["gtk-update-icon-cache", "-q", "-t", str(hicolor)])
    for argv in tools:
        if shutil.which(argv[0]) and Path(argv[-1]).is_dir():
            subprocess.run(argv, check=False, capture_output=True, timeout=60)
