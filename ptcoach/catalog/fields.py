"""A problem collector with typed field readers: each reader checks one TOML value, records a
specific problem (key path, line, bad value, what is allowed) and returns None or a default.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Collection, Sequence
from typing import Any

from ptcoach.catalog.locate import LineFinder, PathPart, format_path, shorten
from ptcoach.catalog.model import Range
from ptcoach.catalog.validate import MAX_PROBLEMS, Document, Problem

MAX_STRING = 4000
MAX_LIST = 100
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")  # matched whole (fullmatch), never searched
ID_RULE = "1-64 characters from a-z, 0-9 and '-', not starting with '-'"

Path = tuple[PathPart, ...]


def suggest(word: str, known: Collection[str]) -> str:
    """ "; did you mean 'x'?" for the closest known word, or "" when none is close."""
    if len(word) > 200:  # nothing that long is a typo of a short key
        return ""
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def type_name(value: object) -> str:
    names = {
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        str: "a string",
        list: "an array",
        dict: "a table",
    }
    return names.get(type(value), f"a {type(value).__name__}")


class Checker:
    """Collects the problems of one document; readers never raise on bad data."""

    def __init__(self, doc: Document) -> None:
        self.file = doc.file
        self.finder = LineFinder(doc.text)
        self.problems: list[Problem] = []
        self._dropped = 0

    def add(self, path: Sequence[PathPart], message: str) -> None:
        if len(self.problems) >= MAX_PROBLEMS:
            self._dropped += 1
            return
        where = format_path(path) or "file"
        self.problems.append(Problem(self.file, where, message, self.finder.line(path)))

    def finish(self) -> list[Problem]:
        """All problems, with one summary line if some were left out."""
        if self._dropped:
            return [
                *self.problems,
                Problem(self.file, "file", f"{self._dropped} more problems not shown"),
            ]
        return list(self.problems)

    # -- structure -----------------------------------------------------------------------

    def table(self, value: object, path: Path, what: str) -> dict[str, Any] | None:
        if isinstance(value, dict):
            return value
        self.add(path, f"must be a table ({what}); got {type_name(value)}")
        return None

    def keys(
        self,
        table: dict[str, Any],
        path: Path,
        allowed: Collection[str],
        required: Collection[str] = (),
        what: str = "",
    ) -> None:
        for key in table:
            if key not in allowed:
                hint = suggest(key, allowed) or f"; known keys: {', '.join(sorted(allowed))}"
                self.add((*path, key), f"unknown key {shorten(key)}{hint}")
        for key in required:
            if key not in table:
                self.add(path, f"missing required key {key!r}{f' ({what})' if what else ''}")

    def array_of_tables(
        self, table: dict[str, Any], key: str, path: Path
    ) -> list[dict[str, Any] | None]:
        value = table.get(key, [])
        if not isinstance(value, list):
            self.add(
                (*path, key), f"must be an array of tables ([[{key}]]); got {type_name(value)}"
            )
            return []
        if len(value) > MAX_LIST:
            self.add((*path, key), f"has {len(value)} entries; at most {MAX_LIST} are allowed")
            value = value[:MAX_LIST]
        return [self.table(v, (*path, key, i), f"one [[{key}]] entry") for i, v in enumerate(value)]

    # -- scalars -------------------------------------------------------------------------

    def string(
        self,
        table: dict[str, Any],
        key: str,
        path: Path,
        *,
        default: str = "",
        id_like: bool = False,
        choices: Collection[str] = (),
    ) -> str:
        if key not in table:
            return default
        got = self.check_string(table[key], (*path, key), id_like=id_like, choices=choices)
        return default if got is None else got

    def check_string(
        self, value: object, where: Path, *, id_like: bool = False, choices: Collection[str] = ()
    ) -> str | None:
        if not isinstance(value, str):
            self.add(where, f"must be a string; got {type_name(value)} {shorten(value)}")
            return None
        if len(value) > MAX_STRING:
            self.add(where, f"is {len(value)} characters; at most {MAX_STRING} are allowed")
            return None
        if choices and value not in choices:
            self.add(
                where,
                f"{shorten(value)} is not allowed{suggest(value, choices)} "
                f"(one of: {', '.join(sorted(choices))})",
            )
            return None
        if id_like and not ID_PATTERN.fullmatch(value):
            self.add(where, f"{shorten(value)} is not a valid id: use {ID_RULE}")
            return None
        return value

    def boolean(self, table: dict[str, Any], key: str, path: Path, default: bool) -> bool:
        value = table.get(key, default)
        if isinstance(value, bool):
            return value
        self.add((*path, key), f"must be true or false; got {type_name(value)} {shorten(value)}")
        return default

    def number(
        self,
        table: dict[str, Any],
        key: str,
        path: Path,
        low: float,
        high: float,
        *,
        integer: bool = False,
        unit: str = "",
    ) -> int | float | None:
        """A number in [low, high], or None (missing or bad: a problem is recorded if bad)."""
        if key not in table:
            return None
        return self.check_number(table[key], (*path, key), low, high, integer=integer, unit=unit)

    def check_number(
        self,
        value: object,
        where: Path,
        low: float,
        high: float,
        *,
        integer: bool = False,
        unit: str = "",
    ) -> int | float | None:
        allowed = _allowed(low, high, integer, unit)
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.add(where, f"must be {allowed}; got {type_name(value)} {shorten(value)}")
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.add(where, f"must be {allowed}; got {value}")
            return None
        if integer and not isinstance(value, int):
            self.add(where, f"must be a whole number ({allowed}); got {value}")
            return None
        if not low <= value <= high:
            self.add(where, f"{shorten(value)} is out of range: must be {allowed}")
            return None
        return value

    def range_(
        self,
        table: dict[str, Any],
        key: str,
        path: Path,
        low: float,
        high: float,
        *,
        integer: bool = False,
        unit: str = "",
    ) -> Range | None:
        """`[min, max]` (or one number meaning exactly that), inside [low, high]."""
        if key not in table:
            return None
        value = table[key]
        where = (*path, key)
        if not isinstance(value, list):
            number = self.check_number(value, where, low, high, integer=integer, unit=unit)
            return None if number is None else Range(number, number)
        if len(value) != 2:
            self.add(
                where,
                f"must be [min, max] (two values, {_allowed(low, high, integer, unit)}"
                f"); got {len(value)} values",
            )
            return None
        lo = self.check_number(value[0], (*where, 0), low, high, integer=integer, unit=unit)
        hi = self.check_number(value[1], (*where, 1), low, high, integer=integer, unit=unit)
        if lo is None or hi is None:
            return None
        if lo > hi:
            self.add(where, f"min {lo} is above max {hi}; write [{hi}, {lo}]")
            return None
        return Range(lo, hi)

    def strings(
        self, table: dict[str, Any], key: str, path: Path, *, choices: Collection[str] = ()
    ) -> tuple[str, ...]:
        if key not in table:
            return ()
        value = table[key]
        where = (*path, key)
        if not isinstance(value, list):
            self.add(where, f"must be an array of strings; got {type_name(value)}")
            return ()
        if len(value) > MAX_LIST:
            self.add(where, f"has {len(value)} items; at most {MAX_LIST} are allowed")
            return ()
        checked = (
            self.check_string(item, (*where, i), choices=choices) for i, item in enumerate(value)
        )
        return tuple(item for item in checked if item is not None)


def _allowed(low: float, high: float, integer: bool, unit: str) -> str:
    kind = "a whole number" if integer else "a number"
    return f"{kind} from {_n(low)} to {_n(high)}{f' {unit}' if unit else ''}"


def _n(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)
