"""`ptcoach install-desktop` / `uninstall-desktop`: the launcher, icons, metainfo, shell
completions and man page in the user's XDG folders (see `ptcoach.desktop_install`)."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    install = subparsers.add_parser(
        "install-desktop",
        help="add ptcoach to your desktop's menu, with its completions and man page",
        description=(
            "Write the launcher (pointing at this installation), the icons, the "
            "AppStream metainfo, the bash/zsh/fish completions and the man page into "
            "your XDG data folder ($XDG_DATA_HOME, ~/.local/share)."
        ),
    )
    install.add_argument(
        "--autostart",
        action="store_true",
        help="also start ptcoach in the tray at login (for reminders)",
    )
    install.set_defaults(func=run_install)
    uninstall = subparsers.add_parser(
        "uninstall-desktop",
        help="remove what install-desktop wrote, and the start-at-login entry",
        description="Remove what install-desktop wrote, and the start-at-login entry.",
    )
    uninstall.set_defaults(func=run_uninstall)


def run_install(args: argparse.Namespace) -> int:
    from ptcoach.desktop_install import install

    install(with_autostart=args.autostart)
    return 0


def run_uninstall(args: argparse.Namespace) -> int:
    from ptcoach.desktop_install import uninstall

    uninstall()
    return 0
