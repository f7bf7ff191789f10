"""Small pure helpers for editing routines: ids from names, new entries with their defaults,
an item's effective numbers, problem locations, and the catalogue search.
"""

from __future__ import annotations

import copy
import itertools
import re
import tomllib
from collections.abc import Collection, Iterable, Mapping
from typing import Any, TypeGuard

from ptcoach.catalog.locate import PathPart
from ptcoach.catalog.model import Exercise, Kind, Routine
from ptcoach.catalog.validate import Problem
from ptcoach.catalog.writer import routine_to_toml

Doc = dict[str, Any]
FieldPath = tuple[PathPart, ...]
QUANTITIES = ("sets", "reps", "hold_s", "cold_s")
DEFAULT_TEMPO = (("lift", 2.0), ("hold", 1.0), ("lower", 2.0))


def slugify(text: str, fallback: str = "my-routine") -> str:
    """An id from a name: lower case, a-z/0-9 joined by '-', at most 64 characters."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:64].strip("-")
    return slug or fallback


def unique_id(base: str, taken: Collection[str]) -> str:
    """`base`, or `base-2`, `base-3`... whichever is not taken."""
    if base not in taken:
        return base
    n = 2
    while True:
        suffix = f"-{n}"
        candidate = base[: 64 - len(suffix)] + suffix
        if candidate not in taken:
            return candidate
        n += 1


def routine_document(routine: Routine) -> Doc:
    """The document a routine's file would hold, as written by `ptcoach export`."""
    return tomllib.loads(routine_to_toml(routine))


def new_item(ex: Exercise, rest_s: float | None = None) -> Doc:
    """An [[exercises]] entry for `ex` with its full ranges and each range's minimum as target;
    the rest between sets is the runner's default (kept inside the exercise's range)."""
    target: Doc = {
        key: number(getattr(ex, key).low) for key in QUANTITIES if getattr(ex, key) is not None
    }
    rest = ex.rest_s.low if rest_s is None else ex.rest_s.clamp(rest_s)
    return {"id": ex.id, "rest_s": number(rest), "target": target}


def new_own_exercise(ex_id: str, name: str, kind: Kind = Kind.REPS) -> Doc:
    table: Doc = {
        "id": ex_id,
        "name": name,
        "kind": kind.value,
        "per_side": False,
        "sets": [2, 3],
        "rest_s": [30, 60],
        "instructions": [],
    }
    table.update(kind_keys(kind))
    return table


def kind_keys(kind: Kind) -> Doc:
    if kind is Kind.REPS:
        return {
            "reps": [10, 15],
            "pacing": "tempo",
            "tempo": [{"step": s, "s": number(v)} for s, v in DEFAULT_TEMPO],
        }
    return {"hold_s": [20, 30]}


def item_quantity(
    entry: Mapping[str, Any], ex: Exercise, key: str
) -> tuple[float, float, float] | None:
    """(from, to, target) of one quantity of an item as the document sets it, defaults filled
    in from the exercise; None when the quantity does not apply to the exercise's kind."""
    full = getattr(ex, key)
    if full is None:
        return None
    low, high = float(full.low), float(full.high)
    raw = entry.get(key)
    if _is_number(raw):
        low = high = float(raw)
    elif isinstance(raw, list) and len(raw) == 2 and all(_is_number(v) for v in raw):
        low, high = float(raw[0]), float(raw[1])
    target = entry.get("target")
    chosen = target.get(key) if isinstance(target, dict) else None
    return low, high, float(chosen) if _is_number(chosen) else low


def _is_number(value: object) -> TypeGuard[int | float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


def number(x: float) -> float | int:
    return int(x) if float(x).is_integer() else float(x)


def location_of(path: FieldPath) -> str:
    """("exercises", 2, "target", "sets") -> "exercises[2].target.sets", as problems say."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def concerns(problem_location: str, location: str) -> bool:
    """Whether a problem at `problem_location` is about the field at `location` (or inside it)."""
    return problem_location == location or problem_location.startswith(
        (location + ".", location + "[")
    )


def search_exercises(
    exercises: Iterable[Exercise], text: str = "", *, muscle: str = "", condition: str = ""
) -> list[Exercise]:
    """Exercises whose name, id, muscles or summary hold every word of `text`, that work
    `muscle` and help `condition` (each filter skipped when empty), name matches first."""
    words = text.lower().split()
    found = []
    for ex in exercises:
        hay = " ".join((ex.name, ex.id, *ex.muscles, ex.summary)).lower()
        if not all(w in hay for w in words):
            continue
        if muscle and muscle.lower() not in (m.lower() for m in ex.muscles):
            continue
        if condition and condition not in ex.conditions:
            continue
        found.append(ex)
    # Exercises named with the words come before those that only mention them.
    return sorted(
        found, key=lambda ex: (not all(w in ex.name.lower() for w in words), ex.name.lower(), ex.id)
    )


def assign(doc: Doc, path: FieldPath, value: Any) -> None:
    node: Any = doc
    for part, following in itertools.pairwise(path):
        if isinstance(node, dict) and not isinstance(node.get(part), dict | list):
            node[part] = [] if isinstance(following, int) else {}
        node = node[part]
    if value is None:
        if isinstance(node, dict):
            node.pop(path[-1], None)
    else:
        node[path[-1]] = copy.deepcopy(value)


def friendly(problem: Problem) -> Problem:
    # The file-oriented advice means nothing in the editor: say what to do there instead.
    if problem.location == "exercises" and problem.message.startswith("a routine needs"):
        return Problem(
            problem.file,
            problem.location,
            "a routine needs at least one exercise: add one from the catalogue",
        )
    return problem
