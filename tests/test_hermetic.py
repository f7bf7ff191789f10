"""Tests read only the repository and write only under their temp dirs, and the app names no
place outside itself: no absolute path to a machine's folders in tests/ or ptcoach/ (a clean
clone anywhere, or a fresh Debian, must pass). Paths the system defines (the null device,
the process table, the system's shared data searched at run time) are not what it looks for."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# A quoted or prose path starting at a well-known top-level folder of a machine.
ABSOLUTE = re.compile(
    r"(?<![\w.~$}/])/(?:work|home|root|tmp|mnt|opt|srv|media|Users|var/tmp)"
    r"(?:/[\w.+-]+)+"
)
# Example paths that are only text, never opened (none at the moment)
ALLOWED: set[str] = set()


def offenders() -> list[str]:
    found = []
    for folder in ("ptcoach", "tests"):
        for path in sorted((ROOT / folder).rglob("*")):
            if (
                path.suffix not in (".py", ".toml", ".md", ".txt", ".ini", ".json", ".sh")
                or not path.is_file()
                or path == Path(__file__).resolve()
            ):
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            for number, line in enumerate(text.splitlines(), start=1):
                for match in ABSOLUTE.finditer(line):
                    if match.group(0) not in ALLOWED:
                        found.append(f"{path.relative_to(ROOT)}:{number}: {match.group(0)}")
    return found


def test_no_absolute_path_outside_the_repository_in_the_code_or_the_tests():
    assert offenders() == []


def test_the_check_finds_what_it_looks_for():
    top = "/" + "work"  # built here, so this file names no such path itself
    assert ABSOLUTE.search(f'SHOTS = Path("{top}/brief/shots")')
    assert ABSOLUTE.search(f"docs: {top}/brief/schema.md")
    assert ABSOLUTE.search("'/" + "tmp/x/y'")
    assert not ABSOLUTE.search("tmp_path / 'x'") and not ABSOLUTE.search("a/tmp/b")
