"""Find the line of a key path such as `exercises[2].hold_s` in TOML text, where practical.

A light line scan (not a parser): it knows `[[array]]` and `[table]` headers and `key =` lines,
which is how routine and exercise files are written; anything else falls back to the nearest
header, or to no line at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+|\"[^\"]*\"|'[^']*')\s*[=.]")

PathPart = str | int


class LineFinder:
    """Indexes a text's headers and top-level key lines once, then answers path queries."""

    def __init__(self, text: str) -> None:
        # (line number, header name, is array-of-tables) and each header's key lines.
        self._sections: list[tuple[int, str, bool]] = [(0, "", False)]
        self._keys: list[dict[str, int]] = [{}]
        for number, raw in enumerate(text.splitlines()[:50_000], start=1):
            header = _HEADER.match(raw)
            if header:
                self._sections.append((number, _unquote(header.group(2)), header.group(1) == "[["))
                self._keys.append({})
                continue
            key = _KEY.match(raw)
            if key:
                self._keys[-1].setdefault(_unquote(key.group(1)), number)

    def line(self, path: Sequence[PathPart]) -> int | None:
        """The line best matching a key path, or None if it cannot be found."""
        if not path or not isinstance(path[0], str):
            return None
        head = path[0]
        rest = list(path[1:])
        if rest and isinstance(rest[0], int):
            # `exercises[2]...`: the third `[[exercises]]` header.
            index = int(rest.pop(0))
            section = self._nth_section(head, index)
            if section is None:
                return self._keys[0].get(head)
            start, keys = section
            if rest and isinstance(rest[0], str):
                return keys.get(rest[0], start)
            return start
        if head in self._keys[0]:
            return self._keys[0][head]
        for i, (number, name, _) in enumerate(self._sections):
            if name == head:
                if rest and isinstance(rest[0], str):
                    return self._keys[i].get(rest[0], number)
                return number
        return None

    def _nth_section(self, name: str, index: int) -> tuple[int, dict[str, int]] | None:
        seen = 0
        for i, (number, section, is_array) in enumerate(self._sections):
            if section == name and is_array:
                if seen == index:
                    return number, self._keys[i]
                seen += 1
        return None


def _unquote(s: str) -> str:
    s = s.strip()
    if len(s) >= 2 and s[0] == s[-1] and s[0] in "\"'":
        return s[1:-1]
    return s


def format_path(path: Sequence[PathPart]) -> str:
    """("exercises", 2, "hold_s") -> "exercises[2].hold_s"."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            key = part if _BARE.match(part) else shorten(part)
            out += f".{key}" if out else key
    return out


_BARE = re.compile(r"^[A-Za-z0-9_\-]{1,64}$")


def shorten(value: object, limit: int = 40) -> str:
    """A value as a one-line, bounded repr for messages (a hostile key can be 1 MiB long)."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
