"""The command line: global options and the sub-commands (each in `ptcoach/commands/`).

Sub-commands never import Qt; with no sub-command the GUI starts.
"""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path

from ptcoach import __version__
from ptcoach.paths import DATA_DIR_ENV

# Each module has `register(subparsers)`, which adds its parser(s) and sets `func`:
# a callable taking the parsed args and returning the exit code.
COMMAND_MODULES = (
    "ptcoach.commands.routines",
    "ptcoach.commands.files",
    "ptcoach.commands.history",
    "ptcoach.commands.report",
    "ptcoach.commands.run",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ptcoach",
        description="Coaches runners through their physical-therapy exercises.",
        epilog="With no command, the app's window opens.",
    )
    parser.add_argument("--version", action="version", version=f"ptcoach {__version__}")
    parser.add_argument(
        "--data-dir", metavar="DIR", type=Path, default=None,
        help=f"where routines and history are kept (also ${DATA_DIR_ENV})",
    )
    parser.add_argument("--tray", action="store_true",
                        help="start in the system tray (for reminders), without a window")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # not written yet
                continue
            raise
        module.register(sub)
    return parser
