"""`ptcoach run ID [--speed X]`: open straight into a routine's session view, waiting for Start."""

from __future__ import annotations

import argparse
from typing import Any


def _speed(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"speed must be a number, not {text!r}") from None
    if not 0.1 <= value <= 100:
        raise argparse.ArgumentTypeError(f"speed must be from 0.1 to 100, not {text}")
    return value


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "run",
        help="open a routine's session view, ready to start",
        description="Open the session view for routine ID; press Space to start.",
    )
    parser.add_argument("routine", metavar="ID", help="the routine's id (see `ptcoach routines`)")
    parser.add_argument(
        "--speed",
        type=_speed,
        default=1.0,
        help="run the clock this many times faster (for trying a routine out)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    # The id is checked before Qt is touched, so a typo gets its message (exit status 2) even
    # where no window can open (no display, a terminal over ssh).
    import sys

    from ptcoach.catalog.catalog import Catalog, unknown_routine_message

    catalog = Catalog.load(args.data_dir)
    routines = catalog.routines
    if args.routine not in routines:
        print(f"ptcoach run: {unknown_routine_message(args.routine, routines)}", file=sys.stderr)
        return 2
    from ptcoach.ui.main import run_gui  # Qt only once the command is chosen

    args.catalog = catalog  # read once: the window's first paint waits for nothing twice
    return run_gui(args)
