"""The wheel, built and installed into a fresh venv, runs and finds its shipped files.

Dependencies come from a wheelhouse under .venv/wheelhouse, filled from PyPI by `pip download`
the first time (and whenever the dependencies change); after that the test runs offline.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WHEELHOUSE = ROOT / ".venv" / "wheelhouse"
PIP = [sys.executable, "-m", "pip"]


def run(cmd: list[object], **kw: object) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(c) for c in cmd], capture_output=True, text=True,
                            timeout=600, **kw)  # type: ignore[call-overload]
    assert result.returncode == 0, f"{cmd}\n{result.stdout}\n{result.stderr}"
    return result


def fill_wheelhouse(wheel: Path) -> None:
    """Download the wheel's dependencies once; a stamp of its metadata says when to redo it."""
    import zipfile

    with zipfile.ZipFile(wheel) as zf:
        meta = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        requires = sorted(line for line in zf.read(meta).decode().splitlines()
                          if line.startswith("Requires-Dist:") and "extra ==" not in line)
    stamp = WHEELHOUSE / ".requires"
    digest = hashlib.sha256("\n".join(requires).encode()).hexdigest()
    if stamp.is_file() and stamp.read_text() == digest:
        return
    run([*PIP, "download", "--quiet", "--only-binary=:all:", "--dest", WHEELHOUSE, wheel])
    for own in WHEELHOUSE.glob("ptcoach-*.whl"):  # the test installs the wheel it just built
        own.unlink()
    stamp.write_text(digest)


@pytest.mark.slow
def test_the_wheel_installs_into_a_fresh_venv_and_runs(tmp_path):
    dist = tmp_path / "dist"
    run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", dist, ROOT],
        cwd=ROOT)
    (wheel,) = dist.glob("ptcoach-*.whl")
    fill_wheelhouse(wheel)

    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", venv])  # no system site-packages
    py = venv / "bin" / "python"
    run([*PIP, "--python", py, "install", "--quiet", "--no-index", "--find-links", WHEELHOUSE,
         wheel])

    # Run from an empty folder with a clean environment: nothing may come from the source tree.
    env = {"PATH": f"{venv / 'bin'}:/usr/bin:/bin", "HOME": str(tmp_path),
           "PTCOACH_DATA_DIR": str(tmp_path / "data"), "LANG": "C.UTF-8"}
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

    where = run([py, "-c", (
        "import ptcoach, ptcoach.paths as p;"
        "print(ptcoach.__file__); print(p.resources_dir());"
        "print(p.asset('theme', 'check-dark.svg')); print(p.asset('translations', 'ptcoach.ts'))"
    )], cwd=work, env=env).stdout.splitlines()
    site = venv / "lib"
    assert all(Path(line).is_relative_to(site) for line in where), where
    assert "_data" in where[1]
    assert os.path.isfile(where[2]) and os.path.isfile(where[3])
