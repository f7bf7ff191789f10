"""What holds the runner's data is private by default: the PDF report, FIT and TOML exports
(files the runner names with -o are created 0600), the settings file and its folder, the log
and crash reports. Each is made by the real command or code path, then its mode is read."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def ptcoach(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "ptcoach", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_exports_and_the_report_are_created_0600(data_dir: Path, tmp_path: Path) -> None:
    from ptcoach.store.db import database_path

    data_dir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "gen_history.py"),
            "--days",
            "10",
            "--end",
            "2026-03-20",
            "--seed",
            "2",
            "--db",
            str(database_path(data_dir)),
        ],
        check=True,
        capture_output=True,
    )
    toml, fit, pdf = tmp_path / "r.toml", tmp_path / "r.fit", tmp_path / "report.pdf"
    for args in (
        ("export", "strength", "-o", str(toml)),
        ("export", "strength", "-o", str(fit)),
        (
            "--data-dir",
            str(data_dir),
            "report",
            "-o",
            str(pdf),
            "--since",
            "2026-03-01",
            "--until",
            "2026-03-20",
        ),
    ):
        result = ptcoach(*args)
        assert result.returncode == 0, (args, result.stderr)
    for path in (toml, fit, pdf):
        assert path.stat().st_size > 0
        assert mode(path) == 0o600, path


def test_the_settings_file_is_0600_in_a_0700_folder(tmp_path: Path, monkeypatch) -> None:
    from ptcoach.ui.settings import CONFIG_DIR_ENV, open_settings

    folder = tmp_path / "config"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    monkeypatch.setenv(CONFIG_DIR_ENV, str(folder))
    settings = open_settings()
    settings.setValue("app/theme", "dark")
    settings.sync()
    ini = folder / "ptcoach.ini"
    assert "dark" in ini.read_text(encoding="utf-8")
    assert mode(ini) == 0o600 and mode(folder) == 0o700
    settings.setValue("app/theme", "light")  # rewritten through Qt's save file: still private
    settings.sync()
    assert mode(ini) == 0o600


def test_the_log_and_a_crash_report_are_private(tmp_path: Path) -> None:
    state = tmp_path / "state"
    code = (
        "import logging\nfrom ptcoach import logs\nlogs.setup()\nlogs.install_excepthook()\n"
        "logging.getLogger('ptcoach.test').info('hello log')\nraise RuntimeError('boom')\n"
    )
    env = {**os.environ, "PTCOACH_STATE_DIR": str(state)}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    log = state / "log" / "ptcoach.log"
    assert "hello log" in log.read_text(encoding="utf-8")
    reports = list((state / "crash").iterdir())
    assert len(reports) == 1
    text = reports[0].read_text(encoding="utf-8")
    assert "RuntimeError: boom" in text and "hello log" in text and "ptcoach " in text
    assert str(Path.home()) not in text or str(Path.home()) == "/"
    assert str(reports[0]) in result.stderr
    for path in (log, reports[0]):
        assert mode(path) == 0o600
    for folder in (state, state / "log", state / "crash"):
        assert mode(folder) == 0o700


def test_the_log_rotates_when_it_grows_past_its_limit(tmp_path: Path, monkeypatch) -> None:
    from ptcoach import logs, paths

    monkeypatch.setenv("PTCOACH_STATE_DIR", str(tmp_path / "state"))
    log = paths.log_file()
    log.parent.mkdir(parents=True)
    log.write_bytes(b"x" * logs.MAX_BYTES)
    (log.parent / "ptcoach.log.1").write_text("older", encoding="utf-8")
    logs._rotate(log)
    assert not log.exists()
    assert (log.parent / "ptcoach.log.1").stat().st_size == logs.MAX_BYTES
    assert (log.parent / "ptcoach.log.2").read_text(encoding="utf-8") == "older"
