"""Shell completions and the man page are made from the parser at build time: they cover every
command, and nothing of theirs (shtab, argparse-manpage) is imported when ptcoach starts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ptcoach.cli import COMMANDS
from ptcoach.shell_files import SHELL_FILES, completion, generate, manpage

ROOT = Path(__file__).resolve().parents[1]
BUILD_ONLY = ("shtab", "argparse_manpage", "ptcoach.shell_files", "ptcoach.desktop_install")

# Start the real app in-process (plain `ptcoach`: no arguments), wait for the home window, quit,
# and list which of the build-only modules were imported.
GUI_PROBE = f"""
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
def poll():
    shell = app.property("ptcoach_shell")
    if shell is not None and shell.home.isVisible():
        app.quit()
    else:
        QTimer.singleShot(20, poll)
QTimer.singleShot(0, poll)
QTimer.singleShot(60000, app.quit)
from ptcoach.app import main
code = main([])
shown = app.property("ptcoach_shell") is not None
print(json.dumps([code, shown, sorted(m for m in sys.modules if m in {BUILD_ONLY!r})]))
"""


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PTCOACH_AUDIO": "none",
        "PTCOACH_DATA_DIR": str(tmp_path / "data"),
        "PTCOACH_CONFIG_DIR": str(tmp_path / "config"),
        "PYTHONPATH": str(ROOT),
    }


def test_plain_ptcoach_start_up_imports_neither_shtab_nor_argparse_manpage(env, tmp_path):
    out = subprocess.run(
        [sys.executable, "-c", GUI_PROBE],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    code, shown, imported = json.loads(out.stdout.strip().splitlines()[-1])
    assert (code, shown, imported) == (0, True, [])


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["routines"]])
def test_the_command_line_imports_neither(argv, env, tmp_path):
    code = (
        "import sys, runpy\n"
        f"sys.argv = ['ptcoach', *{argv!r}]\n"
        "try:\n    runpy.run_module('ptcoach', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        f"print([m for m in sys.modules if m in {BUILD_ONLY!r}], file=sys.stderr)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.stderr.strip().splitlines()[-1] == "[]", out.stderr


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_each_completion_names_every_command_and_its_options(shell):
    text = completion(shell)
    for name in COMMANDS:
        assert name in text, (shell, name)
    for option in ("--data-dir", "--autostart", "--since", "--format"):
        assert option in text, (shell, option)


def test_fish_completes_every_command_and_a_commands_options(tmp_path):
    script = tmp_path / "ptcoach.fish"
    script.write_text(completion("fish"))
    out = subprocess.run(
        [
            "fish",
            "--no-config",
            "-c",
            f"source {script}; complete -C 'ptcoach '; echo ---; "
            "complete -C 'ptcoach install-desktop --'",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    commands, options = out.split("---\n")
    assert sorted(line.split("\t")[0] for line in commands.splitlines()) == sorted(COMMANDS)
    assert [line.split("\t")[0] for line in options.splitlines()] == [
        "--autostart",
        "--data-dir",
        "--help",
        "--verbose",
    ]  # and the global options, after it too


def test_the_man_page_documents_every_command(tmp_path):
    text = manpage()
    assert text.startswith('.TH PTCOACH "1"')
    page = tmp_path / "ptcoach.1"
    page.write_text(text)
    shown = subprocess.run(
        ["man", "-l", str(page)],
        capture_output=True,
        text=True,
        env={**os.environ, "MANWIDTH": "200"},
        timeout=60,
        check=True,
    ).stdout
    for name, (_module, help_text) in COMMANDS.items():
        assert f"ptcoach {name}" in shown and help_text in shown, name
    written = generate(tmp_path)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in written) == sorted(
        SHELL_FILES.values()
    )
