"""The entry point: parse the command line, then run a command or start the GUI (the GUI's
composition root is `ptcoach/ui/main.py`)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from types import SimpleNamespace
from typing import Any

from ptcoach.paths import data_dir

EXIT_INTERRUPTED = 130


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    args: Any
    if not words:
        # Plain `ptcoach` (the launcher's case): nothing to parse, so argparse and the
        # command table stay out of the app's start-up.
        args = SimpleNamespace(command=None, data_dir=None, tray=False)
    else:
        from ptcoach.cli import build_parser

        args = build_parser().parse_args(words)
    args.data_dir = data_dir(args.data_dir)
    from ptcoach import logs

    logs.setup(verbose=bool(getattr(args, "verbose", False)))
    logs.install_excepthook()
    func = getattr(args, "func", None)
    try:
        if func is not None:
            return int(func(args))
        from ptcoach.ui.main import run_gui  # Qt is imported only for the GUI

        return run_gui(args)
    except BrokenPipeError:  # `ptcoach routines | head -1`: the reader has all it wanted
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("ptcoach: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
