"""Fingerprints of the seed article's 8-word runs, so the no-copying check runs on every clone
without the article (it stays outside the repository) and without a word of it in here.

    python tests/helpers/seed_runs.py SEED.txt > tests/data/seed-runs.txt

Each line is the first 16 hex digits of the SHA-256 of one run of 8 lower-case words.
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Iterator
from pathlib import Path

RUN = 8


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.replace("\u2019", "'").lower())


def runs(text: str) -> Iterator[tuple[str, ...]]:
    w = words(text)
    for i in range(len(w) - RUN + 1):
        yield tuple(w[i : i + RUN])


def fingerprint(run: tuple[str, ...]) -> str:
    return hashlib.sha256(" ".join(run).encode()).hexdigest()[:16]


if __name__ == "__main__":
    text = Path(sys.argv[1]).read_text(encoding="utf-8")
    print("\n".join(sorted({fingerprint(r) for r in runs(text)})))
