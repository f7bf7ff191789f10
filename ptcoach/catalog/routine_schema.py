"""The routine file: checks every key against docs/formats.md (ranges inside each exercise's
ranges, targets inside the routine's, ids known) and builds a `Routine` when nothing is wrong.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ptcoach import paths
from ptcoach.catalog.exercise_schema import (
    CONDITIONS,
    REPS,
    REST,
    SECONDS,
    SETS,
    check_exercise,
)
from ptcoach.catalog.fields import Checker, Path, suggest
from ptcoach.catalog.locate import shorten
from ptcoach.catalog.model import Exercise, Range, Routine, RoutineItem, Targets

FORMAT_VERSION = 1
LEAD_IN = (0, 120)
ROUTINE_KEYS = (
    "format",
    "id",
    "name",
    "description",
    "condition",
    "lead_in_s",
    "rest_between_exercises_s",
    "general_guidance",
    "guidance_note",
    "exercises",
    "own_exercises",
)
ITEM_KEYS = ("id", "sets", "reps", "hold_s", "cold_s", "rest_s", "target", "note")
TARGET_KEYS = ("sets", "reps", "hold_s", "cold_s", "rest_s")
# (key, allowed limits, whole numbers only, unit) of the narrowable ranges.
RANGE_KEYS: tuple[tuple[str, tuple[int, int], bool, str], ...] = (
    ("sets", SETS, True, ""),
    ("reps", REPS, True, ""),
    ("hold_s", SECONDS, False, "seconds"),
    ("cold_s", SECONDS, False, "seconds"),
)


def check_routine(
    ck: Checker,
    data: dict[str, Any],
    exercises: Mapping[str, Exercise],
    *,
    builtin: bool,
    source: str,
) -> Routine | None:
    """Check a routine document; None if it has problems (they are in `ck`)."""
    before = len(ck.problems)
    top: Path = ()
    ck.keys(data, top, ROUTINE_KEYS, ("id", "name", "exercises"), f"see {paths.formats_doc()}")
    if "format" in data and (isinstance(data["format"], bool) or data["format"] != FORMAT_VERSION):
        ck.add(
            ("format",),
            f"this ptcoach reads format {FORMAT_VERSION}; the file says {shorten(data['format'])}",
        )
    routine_id = ck.string(data, "id", top, id_like=True)
    name = ck.string(data, "name", top)
    if "name" in data and isinstance(data["name"], str) and not name.strip():
        ck.add(("name",), "must not be empty")
    lead_in = ck.number(data, "lead_in_s", top, *LEAD_IN, unit="seconds")
    between = ck.number(data, "rest_between_exercises_s", top, *REST, unit="seconds")

    own = _own_exercises(ck, data, exercises, source)
    known = {**exercises, **{ex.id: ex for ex in own}}
    # Ids of own exercises that failed: items using them are not checked again.
    tables = data.get("own_exercises")
    broken = (
        {t.get("id") for t in tables if isinstance(t, dict)} if isinstance(tables, list) else set()
    )
    broken -= {ex.id for ex in own}

    items: list[RoutineItem] = []
    entries = ck.array_of_tables(data, "exercises", top)
    if "exercises" in data and isinstance(data["exercises"], list) and not data["exercises"]:
        ck.add(
            ("exercises",),
            "a routine needs at least one exercise: add an [[exercises]] "
            'table with id = "<exercise id>"',
        )
    for i, entry in enumerate(entries):
        if entry is not None:
            item = _item(ck, entry, ("exercises", i), known, broken)
            if item is not None:
                items.append(item)

    description = ck.string(data, "description", top)
    condition = ck.string(data, "condition", top, choices=CONDITIONS)
    general_guidance = ck.boolean(data, "general_guidance", top, False)
    guidance_note = ck.string(data, "guidance_note", top)
    if len(ck.problems) != before:
        return None
    return Routine(
        id=routine_id,
        name=name,
        items=tuple(items),
        lead_in_s=lead_in if lead_in is not None else 10.0,
        rest_between_exercises_s=between if between is not None else 30.0,
        description=description,
        condition=condition,
        general_guidance=general_guidance,
        guidance_note=guidance_note,
        builtin=builtin,
        path=source,
        own_exercises=tuple(own),
    )


def _own_exercises(
    ck: Checker, data: dict[str, Any], builtins: Mapping[str, Exercise], source: str
) -> list[Exercise]:
    own: list[Exercise] = []
    seen: dict[str, int] = {}
    for i, table in enumerate(ck.array_of_tables(data, "own_exercises", ())):
        if table is None:
            continue
        where: Path = ("own_exercises", i)
        ex = check_exercise(ck, table, where, builtin=False, source=source)
        ex_id = table.get("id")
        if isinstance(ex_id, str):
            if ex_id in seen:
                ck.add(
                    (*where, "id"),
                    f"duplicate id {shorten(ex_id)}: own_exercises"
                    f"[{seen[ex_id]}] has it too; give each its own id",
                )
            elif ex_id in builtins:
                ck.add(
                    (*where, "id"),
                    f"{shorten(ex_id)} is a built-in exercise's id; give your exercise another id",
                )
            seen.setdefault(ex_id, i)
        if ex is not None and ex.id not in builtins and seen.get(ex.id) == i:
            own.append(ex)
    return own


def _item(
    ck: Checker, entry: dict[str, Any], path: Path, known: Mapping[str, Exercise], broken: set[Any]
) -> RoutineItem | None:
    before = len(ck.problems)
    ck.keys(entry, path, ITEM_KEYS, ("id",), "the exercise's id")
    ex_id = ck.string(entry, "id", path)
    note = ck.string(entry, "note", path)
    if ex_id in broken:  # its own exercise's problems are already reported
        return None
    ex = known.get(ex_id)
    if ex is None:
        if ex_id:
            hint = suggest(ex_id, known) or (
                f"; known ids include: {', '.join(sorted(known)[:12])}" if known else ""
            )
            ck.add((*path, "id"), f"unknown exercise {shorten(ex_id)}{hint}")
        return None

    ranges: dict[str, Range | None] = {}
    for key, limits, integer, unit in RANGE_KEYS:
        own_range: Range | None = getattr(ex, key)
        ranges[key] = own_range
        if key not in entry:
            continue
        if own_range is None:
            ck.add(
                (*path, key), f"does not apply to {ex.id!r} (kind {ex.kind.value!r}): remove {key}"
            )
            continue
        got = ck.range_(entry, key, path, *limits, integer=integer, unit=unit)
        if got is None:
            continue
        if got.low < own_range.low or got.high > own_range.high:
            ck.add(
                (*path, key),
                f"{_show(got)} is outside {ex.id}'s range "
                f"{own_range.as_list()}; pick values within it",
            )
            continue
        ranges[key] = got
    rest = ck.number(entry, "rest_s", path, *REST, unit="seconds")
    if rest is not None and rest not in ex.rest_s:
        ck.add(
            (*path, "rest_s"),
            f"{rest} is outside {ex.id}'s rest range {ex.rest_s.as_list()} seconds",
        )
    rest_s = float(ex.rest_s.low) if rest is None else rest

    target = _target(ck, entry, path, ex, ranges, rest_s)
    if len(ck.problems) != before or target is None:
        return None
    sets = ranges["sets"]
    assert sets is not None  # every exercise has sets
    return RoutineItem(
        exercise=ex,
        sets=sets,
        reps=ranges["reps"],
        hold_s=ranges["hold_s"],
        cold_s=ranges["cold_s"],
        rest_s=rest_s,
        default=target,
        note=note,
    )


def _target(
    ck: Checker,
    entry: dict[str, Any],
    path: Path,
    ex: Exercise,
    ranges: Mapping[str, Range | None],
    rest_s: float,
) -> Targets | None:
    raw = entry.get("target", {})
    where: Path = (*path, "target")
    table = ck.table(raw, where, "like { sets = 2, reps = 15 }")
    if table is None:
        return None
    ck.keys(table, where, TARGET_KEYS)
    chosen: dict[str, Any] = {}
    for key, limits, integer, unit in RANGE_KEYS:
        allowed = ranges.get(key)
        if allowed is None:
            if key in table:
                ck.add((*where, key), f"does not apply to {ex.id!r} (kind {ex.kind.value!r})")
            chosen[key] = None
            continue
        if key not in table:
            chosen[key] = allowed.low  # default: each range's minimum
            continue
        value = ck.check_number(table[key], (*where, key), *limits, integer=integer, unit=unit)
        if value is not None and value not in allowed:
            ck.add(
                (*where, key),
                f"target {value} is outside the routine's range "
                f"{allowed.as_list()} for {ex.id}; pick a value within it",
            )
            value = None
        chosen[key] = value
    rest = rest_s
    if "rest_s" in table:
        got = ck.check_number(
            table["rest_s"], (*where, "rest_s"), ex.rest_s.low, ex.rest_s.high, unit="seconds"
        )
        rest = rest_s if got is None else got
    if chosen["sets"] is None:
        return None
    return Targets(
        sets=int(chosen["sets"]),
        reps=None if chosen["reps"] is None else int(chosen["reps"]),
        hold_s=chosen["hold_s"],
        cold_s=chosen["cold_s"],
        rest_s=rest,
    )


def _show(r: Range) -> str:
    return str(r.as_list()) if r.low != r.high else str(r.as_list()[0])
