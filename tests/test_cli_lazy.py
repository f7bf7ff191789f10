"""The command line registers its sub-commands lazily: the table in `ptcoach.cli` names every
command and its help, and a command's module is imported only when that command is parsed."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ptcoach.cli import COMMAND_MODULES, COMMANDS, build_parser, subcommands

ROOT = Path(__file__).resolve().parents[1]


def registered_by(module_name: str) -> list[tuple[str, str]]:
    """(name, help) of each command the module registers, in its order."""
    parser = argparse.ArgumentParser(prog="ptcoach")
    sub = parser.add_subparsers(dest="command")
    importlib.import_module(module_name).register(sub)
    return [(a.dest, a.help) for a in sub._choices_actions]


def test_the_command_table_matches_what_each_module_registers() -> None:
    from_modules = [pair for m in COMMAND_MODULES for pair in registered_by(m)]
    from_table = [(name, help_text) for name, (_m, help_text) in COMMANDS.items()]
    assert from_modules == from_table


def test_help_lists_every_command_with_its_help_without_importing_any() -> None:
    code = (
        "import sys, ptcoach.cli\n"
        "text = ptcoach.cli.build_parser().format_help()\n"
        "print(sorted(m for m in sys.modules if m.startswith('ptcoach.commands.')))\n"
        "print(text)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=dict(os.environ, COLUMNS="200"),
        timeout=60,
        check=True,
    ).stdout
    first, text = out.split("\n", 1)
    assert first == "[]"
    for name, (_module, help_text) in COMMANDS.items():
        assert f"    {name}" in text and help_text in text


def test_parsing_a_command_imports_only_its_module_and_sets_its_function() -> None:
    code = (
        "import sys, json, ptcoach.cli\n"
        "args = ptcoach.cli.build_parser().parse_args(['restore', 'old.sqlite3'])\n"
        "print(json.dumps([args.command, args.func.__module__, str(args.file),\n"
        "  sorted(m for m in sys.modules if m.startswith('ptcoach.commands.'))]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    command, func_module, file, loaded = json.loads(out)
    assert (command, func_module, file) == ("restore", "ptcoach.commands.history", "old.sqlite3")
    assert loaded == ["ptcoach.commands.history"]


def test_after_loading_every_parser_the_help_is_the_same() -> None:
    parser = build_parser()
    before = parser.format_help()
    subcommands(parser).load_all()
    assert parser.format_help() == before
    assert all(p is not None for p in subcommands(parser).choices.values())


@pytest.mark.parametrize("argv", [["bogus"], ["import"]])
def test_bad_usage_still_exits_2_naming_the_choices_or_the_missing_argument(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        build_parser().parse_args(argv)
    assert exc.value.code == 2
    err = capsys.readouterr().err
    if argv == ["bogus"]:
        assert "invalid choice: 'bogus' (choose from 'routines', 'validate', 'import'," in err
    else:
        assert "ptcoach import: error: the following arguments are required" in err
