"""The wheel, built and installed into a fresh venv, runs and finds its shipped files.

Dependencies come from a wheelhouse under .venv/wheelhouse, filled from PyPI by `pip download`
the first time (and whenever the dependencies change); after that the test runs offline.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import translations  # noqa: E402  (scripts/translations.py)

WHEELHOUSE = ROOT / ".venv" / "wheelhouse"
PIP = [sys.executable, "-m", "pip"]


def run(cmd: list[object], **kw: object) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(c) for c in cmd], capture_output=True, text=True, timeout=600, **kw
    )  # type: ignore[call-overload]
    assert result.returncode == 0, f"{cmd}\n{result.stdout}\n{result.stderr}"
    return result


def fill_wheelhouse(wheel: Path) -> None:
    """Download the wheel's dependencies once; a stamp of its metadata says when to redo it."""
    with zipfile.ZipFile(wheel) as zf:
        meta = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        requires = sorted(
            line
            for line in zf.read(meta).decode().splitlines()
            if line.startswith("Requires-Dist:") and "extra ==" not in line
        )
    stamp = WHEELHOUSE / ".requires"
    digest = hashlib.sha256("\n".join(requires).encode()).hexdigest()
    if stamp.is_file() and stamp.read_text() == digest:
        return
    run([*PIP, "download", "--quiet", "--only-binary=:all:", "--dest", WHEELHOUSE, wheel])
    for own in WHEELHOUSE.glob("ptcoach-*.whl"):  # the test installs the wheel it just built
        own.unlink()
    stamp.write_text(digest)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the wheel built from this tree, a fresh venv with it installed), once per module."""
    base = tmp_path_factory.mktemp("wheel")
    dist = base / "dist"
    run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", dist, ROOT],
        cwd=ROOT,
    )
    (wheel,) = dist.glob("ptcoach-*.whl")
    install(wheel, base / "venv")
    return wheel, base / "venv"


def install(wheel: Path, venv: Path) -> None:
    """A fresh venv (no system site-packages) with `wheel` and its dependencies in it."""
    fill_wheelhouse(wheel)
    run([sys.executable, "-m", "venv", "--without-pip", venv])
    run(
        [
            *PIP,
            "--python",
            venv / "bin" / "python",
            "install",
            "--quiet",
            "--no-index",
            "--find-links",
            WHEELHOUSE,
            wheel,
        ]
    )


@pytest.fixture(scope="module")
def translated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(a wheel built from this tree's sdist with a pseudo-locale catalogue added, a fresh venv
    with it installed): the tree itself ships no translated catalogue yet."""
    base = tmp_path_factory.mktemp("translated")
    dist = base / "dist"
    run([sys.executable, "-m", "build", "--sdist", "--no-isolation", "--outdir", dist, ROOT])
    (sdist,) = dist.glob("ptcoach-*.tar.gz")
    with tarfile.open(sdist) as tf:
        tf.extractall(base / "src", filter="data")
    (tree,) = (base / "src").iterdir()
    messages, _ = translations.collect()
    lang = translations.PSEUDO_LANG
    ts = tree / "assets" / "translations" / f"ptcoach_{lang}.ts"
    translations.write_ts(messages, ts, translate=translations.pseudo, language=lang)
    run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", dist, tree])
    (wheel,) = dist.glob("ptcoach-*.whl")
    install(wheel, base / "venv")
    return wheel, base / "venv"


@pytest.mark.slow
def test_the_wheel_installs_into_a_fresh_venv_and_runs(tmp_path, installed):
    wheel, venv = installed
    py = venv / "bin" / "python"

    # Run from an empty folder with a clean environment: nothing may come from the source tree.
    env = {
        "PATH": f"{venv / 'bin'}:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "PTCOACH_DATA_DIR": str(tmp_path / "data"),
        "LANG": "C.UTF-8",
    }
    work = tmp_path / "elsewhere"
    work.mkdir()
    from ptcoach import __version__

    version = run([venv / "bin" / "ptcoach", "--version"], cwd=work, env=env).stdout
    assert version.strip() == f"ptcoach {__version__}"

    listing = run([venv / "bin" / "ptcoach", "routines"], cwd=work, env=env).stdout
    builtin_ids = sorted(p.stem for p in (ROOT / "resources" / "routines").glob("*.toml"))
    assert builtin_ids
    listed = [line.split()[0] for line in listing.splitlines() if " built-in " in line]
    assert listed == builtin_ids

    where = run(
        [
            py,
            "-c",
            (
                "import ptcoach, ptcoach.paths as p;"
                "print(ptcoach.__file__); print(p.resources_dir());"
                "print(p.asset('theme', 'check-dark.svg'));"
                "print(p.asset('translations', 'ptcoach.ts'))"
            ),
        ],
        cwd=work,
        env=env,
    ).stdout.splitlines()
    site = venv / "lib"
    assert all(Path(line).is_relative_to(site) for line in where), where
    assert "_data" in where[1]
    assert os.path.isfile(where[2]) and os.path.isfile(where[3])

    # The wheel ships its licence, the format guide that messages point to, and the completions
    # and man page made at build time (shtab and argparse-manpage are not in this venv).
    names = zipfile.ZipFile(wheel).namelist()
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert "ptcoach/_data/docs/formats.md" in names
    assert subprocess.run([py, "-c", "import shtab"], capture_output=True).returncode != 0
    bad = work / "bad.toml"
    bad.write_text('id = "bad"\n')
    checked = subprocess.run(
        [venv / "bin" / "ptcoach", "validate", bad],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert checked.returncode == 1
    guide = Path(checked.stderr.split("(see ", 1)[1].split(")", 1)[0])
    assert (
        guide.is_relative_to(site)
        and guide.read_text() == (ROOT / "docs" / "formats.md").read_text()
    )


@pytest.mark.slow
def test_install_desktop_from_the_wheel_points_the_launcher_at_that_install(tmp_path, installed):
    wheel, venv = installed
    share, config = tmp_path / "share", tmp_path / "config"
    env = {
        "PATH": f"{venv / 'bin'}:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        "XDG_DATA_HOME": str(share),
        "XDG_CONFIG_HOME": str(config),
    }
    work = tmp_path / "elsewhere"
    work.mkdir()
    exe = venv / "bin" / "ptcoach"
    run([exe, "install-desktop", "--autostart"], cwd=work, env=env)

    app_id = "io.github.ptcoach.PTCoach"
    launcher = share / "applications" / f"{app_id}.desktop"
    assert f"\nExec={exe}\n" in launcher.read_text()
    check = run(["desktop-file-validate", launcher])
    assert check.stdout + check.stderr == ""
    run(["appstreamcli", "validate", "--no-net", share / "metainfo" / f"{app_id}.metainfo.xml"])
    assert (share / "icons" / "hicolor" / "512x512" / "apps" / f"{app_id}.png").is_file()
    autostart = (config / "autostart" / f"{app_id}.desktop").read_text()
    assert f"Exec={venv / 'bin' / 'python'} -m ptcoach --tray" in autostart
    with zipfile.ZipFile(wheel) as zf:  # the completions and man page are the wheel's own
        for rel in (
            "bash-completion/completions/ptcoach",
            "zsh/site-functions/_ptcoach",
            "fish/vendor_completions.d/ptcoach.fish",
            "man/man1/ptcoach.1",
        ):
            assert (share / rel).read_bytes() == zf.read(f"ptcoach/_data/share/{rel}"), rel

    run([exe, "uninstall-desktop"], cwd=work, env=env)
    assert [p for p in share.rglob("*") if p.is_file() and "ptcoach" in p.name.lower()] == []
    assert not (config / "autostart" / f"{app_id}.desktop").exists()


def test_the_wheel_holds_a_compiled_catalogue_for_each_translation(installed):
    wheel, _ = installed
    names = zipfile.ZipFile(wheel).namelist()
    compiled = {n for n in names if n.endswith(".qm")}
    translated = ROOT.glob("assets/translations/ptcoach_*.ts")
    assert compiled == {f"ptcoach/_data/assets/translations/{ts.stem}.qm" for ts in translated}


@pytest.mark.slow
def test_the_installed_app_applies_the_translations_its_wheel_compiled(tmp_path, translated):
    """Build time to run time: the .qm made by the build hook, loaded by the installed app's own
    loader for a runner whose language it is, translates what a window asks for."""
    wheel, venv = translated
    names = zipfile.ZipFile(wheel).namelist()
    assert names.count("ptcoach/_data/assets/translations/ptcoach_eo.qm") == 1
    env = {
        "PATH": f"{venv / 'bin'}:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": "eo.UTF-8",
        "LANGUAGE": "eo",
    }
    probe = (
        "from PySide6.QtCore import QCoreApplication as A\n"
        "app = A(['ptcoach'])\n"
        "from ptcoach.ui.look import i18n\n"
        "for t in i18n.install_translators(app): print(t.filePath())\n"
        "print(A.translate('SessionView', 'Start'))\n"
        "print(A.translate('PreferencesDialog', 'Preferences'))\n"
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    *loaded, start, prefs = run(
        [venv / "bin" / "python", "-c", probe], cwd=work, env=env
    ).stdout.splitlines()
    ours = [Path(p) for p in loaded if Path(p).name == "ptcoach_eo.qm"]
    assert len(ours) == 1 and ours[0].is_relative_to(venv / "lib")  # the installed one
    assert (start, prefs) == (translations.pseudo("Start"), translations.pseudo("Preferences"))
