"""The command line: global options and the sub-commands (each in `ptcoach/commands/`).

Sub-commands never import Qt; with no sub-command the GUI starts. A command's module is imported
only when that command runs, so opening the window does not pay for every command's imports.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from ptcoach import __version__
from ptcoach.paths import DATA_DIR_ENV

# Command -> (module, its one-line help), in the order `ptcoach --help` lists them. Each module
# has `register(subparsers)`, which adds the real parser(s), with the same names and help, and
# sets `func`: a callable taking the parsed args and returning the exit code.
# tests/test_cli_lazy.py checks this table against what the modules register.
COMMANDS: dict[str, tuple[str, str]] = {
    "routines": (
        "ptcoach.commands.routines",
        "list the built-in and your own routines, or show one",
    ),
    "validate": (
        "ptcoach.commands.files",
        "check routine or exercise files and list every problem",
    ),
    "import": ("ptcoach.commands.files", "add a routine file to your own routines"),
    "export": ("ptcoach.commands.files", "write a routine as a TOML file or a Garmin FIT workout"),
    "history": ("ptcoach.commands.history", "show recorded sessions and their sets"),
    "backup": ("ptcoach.commands.history", "copy the history to a file"),
    "restore": ("ptcoach.commands.history", "replace the history with a backup file"),
    "report": (
        "ptcoach.commands.report",
        "write a PDF report of adherence, pain and exercises for a therapist",
    ),
    "run": ("ptcoach.commands.run", "open a routine's session view, ready to start"),
    "install-desktop": (
        "ptcoach.commands.desktop",
        "add ptcoach to your desktop's menu, with its completions and man page",
    ),
    "uninstall-desktop": (
        "ptcoach.commands.desktop",
        "remove what install-desktop wrote, and the start-at-login entry",
    ),
    "listen": ("ptcoach.commands.listen", "print the voice commands heard in a recording"),
    "count": (
        "ptcoach.commands.count",
        "count the reps and time the holds in a video of an exercise",
    ),
}
COMMAND_MODULES = tuple(dict.fromkeys(module for module, _ in COMMANDS.values()))


class LazySubParsers(argparse._SubParsersAction):  # type: ignore[type-arg]
    """Lists every command from `COMMANDS`; imports a command's module when it is parsed."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._placeholders: set[str] = set()

    def add_placeholder(self, name: str, help_text: str) -> None:
        # Help and choices come from the table; the parser itself is made by the module.
        self._choices_actions.append(self._ChoicesPseudoAction(name, (), help_text))
        self._name_parser_map[name] = None
        self._placeholders.add(name)

    def load(self, name: str) -> None:
        """Replace the placeholders of `name`'s module by the parsers the module registers."""
        if name not in self._placeholders:
            return
        module = COMMANDS[name][0]
        names = [n for n, (m, _) in COMMANDS.items() if m == module and n in self._placeholders]
        order = list(self._name_parser_map)
        for n in names:
            del self._name_parser_map[n]
            self._placeholders.discard(n)
        self._choices_actions = [a for a in self._choices_actions if a.dest not in names]
        importlib.import_module(module).register(self)
        for n in names:  # `ptcoach history --data-dir X` as well as `ptcoach --data-dir X history`
            parser = self._name_parser_map.get(n)
            if parser is not None:
                add_global_options(parser, after_command=True)
        # Keep the listed order (error messages list the choices in it).
        position = {n: i for i, n in enumerate(order)}
        end = len(order)
        self._choices_actions.sort(key=lambda a: position.get(a.dest, end))
        items = sorted(self._name_parser_map.items(), key=lambda kv: position.get(kv[0], end))
        self._name_parser_map.clear()
        self._name_parser_map.update(items)

    def load_all(self) -> None:
        for name in list(COMMANDS):
            self.load(name)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Sequence[Any] | str | None,
        option_string: str | None = None,
    ) -> None:
        assert isinstance(values, list) and values
        self.load(values[0])
        super().__call__(parser, namespace, values, option_string)


EXIT_CODES = """\
exit status:
  0    done
  1    the command ran but failed: a file is invalid, or cannot be read or written
  2    the command line is wrong: unknown option or value, or no routine with that id
  130  interrupted (Ctrl+C)"""


def add_global_options(parser: argparse.ArgumentParser, *, after_command: bool = False) -> None:
    """--data-dir and --verbose, accepted before the command and after it.

    After it they default to SUPPRESS, so an option given only before the command is kept."""
    default: Any = argparse.SUPPRESS if after_command else None
    if after_command:  # and after a nested action (`routines show ID --data-dir X`)
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for nested in action.choices.values():
                    add_global_options(nested, after_command=True)
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        type=Path,
        default=default,
        help=f"where routines and history are kept (also ${DATA_DIR_ENV})",
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS if after_command else False,
        help="also print the log (debug level) on standard error",
    )


def iso_date(text: str) -> date:
    """argparse type for the commands' dates: YYYY-MM-DD; anything else is a usage error that
    shows the form to write."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-03-01"
        ) from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ptcoach",
        description="Coaches runners through their physical-therapy exercises.",
        epilog="With no command, the app's window opens.\n\n" + EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"ptcoach {__version__}")
    add_global_options(parser)
    parser.add_argument(
        "--tray",
        action="store_true",
        help="start in the system tray (for reminders), without a window",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", action=LazySubParsers)
    assert isinstance(sub, LazySubParsers)
    for name, (_module, help_text) in COMMANDS.items():
        sub.add_placeholder(name, help_text)
    return parser


def subcommands(parser: argparse.ArgumentParser) -> LazySubParsers:
    """The parser's sub-command action (for tests and tools that want every parser loaded)."""
    action = next(a for a in parser._actions if isinstance(a, LazySubParsers))
    return action
