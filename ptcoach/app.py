"""Composition root: parse the command line, then run a command or start the GUI."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from ptcoach.cli import build_parser
from ptcoach.paths import data_dir


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    args.data_dir = data_dir(args.data_dir)
    func = getattr(args, "func", None)
    if func is not None:
        return int(func(args))
    from ptcoach.ui.main import run_gui  # Qt is imported only for the GUI

    return run_gui(args)
