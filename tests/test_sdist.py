"""`python -m build` gives an sdist from which `make test` can pass: it holds every file of the
tree that the Makefile, the suite and the build need (running the whole suite from it here would
take too long; it was run by hand), and a wheel builds from it."""

from __future__ import annotations

import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# What `make test` and `make run` use, and what the build reads, besides the package itself.
NEEDED_DIRS = ("ptcoach", "resources", "assets", "tests", "benchmarks", "scripts", "docs")
NEEDED_FILES = ("Makefile", "pyproject.toml", "README.md", "LICENSE", "hatch_build.py", ".ci/run")
SKIP = re.compile(r"(^|/)(__pycache__|\.pytest_cache|\.hypothesis)(/|$)|\.pyc$")


def tree_files() -> set[str]:
    files = set(NEEDED_FILES)
    for top in NEEDED_DIRS:
        for path in (ROOT / top).rglob("*"):
            rel = path.relative_to(ROOT).as_posix()
            if path.is_file() and not SKIP.search(rel) and not rel.startswith("ptcoach/_data"):
                files.add(rel)
    return files


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("sdist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--sdist",
            "--no-isolation",
            "--outdir",
            str(base / "dist"),
            str(ROOT),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    (sdist,) = (base / "dist").glob("ptcoach-*.tar.gz")
    with tarfile.open(sdist) as tar:
        tar.extractall(base / "src", filter="data")
    (top,) = (base / "src").iterdir()
    return top


@pytest.mark.slow
def test_the_sdist_holds_every_file_make_test_needs(unpacked: Path) -> None:
    have = {p.relative_to(unpacked).as_posix() for p in unpacked.rglob("*") if p.is_file()}
    missing = sorted(tree_files() - have)
    assert missing == []
    # Every script the Makefile and the shell scripts call is there, and executable by bash.
    makefile = (unpacked / "Makefile").read_text()
    for script in set(re.findall(r"scripts/[\w./-]+\.(?:sh|py)", makefile)):
        assert (unpacked / script).is_file(), script
    assert "\ntest: $(STAMP)" in makefile


@pytest.mark.slow
def test_a_wheel_builds_from_the_sdist_with_its_completions(unpacked: Path, tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(tmp_path),
            str(unpacked),
        ],
        cwd=unpacked,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    (wheel,) = tmp_path.glob("ptcoach-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "ptcoach/_data/share/man/man1/ptcoach.1" in names
    assert "ptcoach/_data/docs/formats.md" in names
