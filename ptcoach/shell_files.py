"""Shell completions (bash, zsh, fish) and the man page, generated from the argparse parser.

Used at build time (`hatch_build.py` puts the files into the wheel under `_data/share/`) and by
`ptcoach install-desktop` when running from a source tree, where nothing was built. shtab and
argparse-manpage are imported here only, never on the app's start-up path.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ptcoach import __version__
from ptcoach.credits import HOMEPAGE

# Where each file goes under a `share` folder ($XDG_DATA_HOME, or the wheel's _data/share).
SHELL_FILES: dict[str, str] = {
    "bash": "bash-completion/completions/ptcoach",
    "zsh": "zsh/site-functions/_ptcoach",
    "fish": "fish/vendor_completions.d/ptcoach.fish",
    "man": "man/man1/ptcoach.1",
}


def full_parser() -> argparse.ArgumentParser:
    """The command-line parser with every sub-command's parser loaded."""
    from ptcoach.cli import build_parser, subcommands

    parser = build_parser()
    subcommands(parser).load_all()
    return parser


def completion(shell: str, parser: argparse.ArgumentParser | None = None) -> str:
    import shtab

    return str(shtab.complete(parser or full_parser(), shell=shell))


def manpage(parser: argparse.ArgumentParser | None = None) -> str:
    from argparse_manpage.manpage import Manpage

    data = {
        "project_name": "ptcoach",
        "version": __version__,
        "url": HOMEPAGE,
        "authors": ["ptcoach developers"],
        "manual_section": "1",
        "manual_title": "ptcoach manual",
        "description": "coach runners through their physical-therapy exercises",
    }
    return str(Manpage(parser or full_parser(), _data=data))


def generate(share: Path) -> list[Path]:
    """Write every completion file and the man page under `share`; return their paths."""
    parser = full_parser()
    written = []
    for kind, rel in SHELL_FILES.items():
        text = manpage(parser) if kind == "man" else completion(kind, parser)
        path = share / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":  # python -m ptcoach.shell_files OUTDIR
    import sys

    for p in generate(Path(sys.argv[1])):
        print(p)
