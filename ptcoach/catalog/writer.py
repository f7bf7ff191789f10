"""Write a routine back to the routine file format (docs/formats.md), atomically.

Loading what is written gives the same routine: ranges, targets, notes and own exercises.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import tomli_w

from ptcoach.catalog.exercise_schema import OWN_CATEGORY
from ptcoach.catalog.model import Exercise, Range, Routine, RoutineItem
from ptcoach.catalog.routine_schema import FORMAT_VERSION


def routine_to_toml(routine: Routine) -> str:
    doc: dict[str, Any] = {"format": FORMAT_VERSION, "id": routine.id, "name": routine.name}
    if routine.description:
        doc["description"] = routine.description
    if routine.condition:
        doc["condition"] = routine.condition
    doc["lead_in_s"] = _num(routine.lead_in_s)
    doc["rest_between_exercises_s"] = _num(routine.rest_between_exercises_s)
    if routine.general_guidance:
        doc["general_guidance"] = True
    if routine.guidance_note:
        doc["guidance_note"] = routine.guidance_note
    doc["exercises"] = [_item(item) for item in routine.items]
    if routine.own_exercises:
        doc["own_exercises"] = [_exercise(ex) for ex in routine.own_exercises]
    return _render(doc)


def write_routine(routine: Routine, path: Path, mode: int = 0o600) -> None:
    """Write the routine's TOML to `path` via a temp file and os.replace (never half a file);
    private (0600) unless told otherwise."""
    write_atomic(Path(path), routine_to_toml(routine).encode("utf-8"), mode)


def write_atomic(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Replace `path` with `data` all at once: a crash leaves the old file or the new one."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _item(item: RoutineItem) -> dict[str, Any]:
    ex = item.exercise
    out: dict[str, Any] = {"id": ex.id}
    for key in ("sets", "reps", "hold_s", "cold_s"):
        mine: Range | None = getattr(item, key)
        if mine is not None and mine != getattr(ex, key):
            out[key] = _range(mine) if mine.low != mine.high else _num(mine.low)
    out["rest_s"] = _num(item.rest_s)
    target: dict[str, Any] = {"sets": item.default.sets}
    for key in ("reps", "hold_s", "cold_s"):
        value = getattr(item.default, key)
        if value is not None:
            target[key] = _num(value)
    if item.default.rest_s != item.rest_s:
        target["rest_s"] = _num(item.default.rest_s)
    out["target"] = target
    if item.note:
        out["note"] = item.note
    return out


def _exercise(ex: Exercise) -> dict[str, Any]:
    out: dict[str, Any] = {"id": ex.id, "name": ex.name, "kind": ex.kind.value}
    if ex.category != OWN_CATEGORY:
        out["category"] = ex.category
    out["per_side"] = ex.per_side
    out["sets"] = _range(ex.sets)
    for key in ("reps", "hold_s", "cold_s"):
        r: Range | None = getattr(ex, key)
        if r is not None:
            out[key] = _range(r)
    out["rest_s"] = _range(ex.rest_s)
    out["side_switch_s"] = _num(ex.side_switch_s)
    if ex.kind.value == "reps":
        out["pacing"] = ex.pacing.value
    if ex.tempo:
        out["tempo"] = [{"step": s.name, "s": _num(s.seconds)} for s in ex.tempo]
    for key in ("areas", "muscles", "instructions", "mistakes", "conditions"):
        values: tuple[str, ...] = getattr(ex, key)
        if values:
            out[key] = list(values)
    for key in ("summary", "safety", "learn", "illustration", "guidance_note"):
        text: str = getattr(ex, key)
        if text:
            out[key] = text
    if ex.general_guidance:
        out["general_guidance"] = True
    return out


def _render(doc: dict[str, Any]) -> str:
    """TOML the way a person writes it: short arrays and `target` inline, one [[table]] per
    exercise (tomli_w renders the scalars, so strings are always escaped correctly)."""
    lines = [_line(k, v) for k, v in doc.items() if k not in _SECTIONS]
    for section in _SECTIONS:
        for table in doc.get(section, []):
            lines += ["", f"[[{section}]]"]
            lines += [_line(k, v) for k, v in table.items()]
    return "\n".join(lines) + "\n"


_SECTIONS = ("exercises", "own_exercises")


def _line(key: str, value: object) -> str:
    if isinstance(value, list) and value and not isinstance(value[0], dict):
        items = [_value(v) for v in value]
        inline = f"{key} = [{', '.join(items)}]"
        if len(inline) <= 100:
            return inline
        return f"{key} = [\n" + "".join(f"    {item},\n" for item in items) + "]"
    return f"{key} = {_value(value)}"


def _value(value: object) -> str:
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_value(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return tomli_w.dumps({"v": value}).removeprefix("v = ").rstrip("\n")


def _range(r: Range) -> list[float | int]:
    return r.as_list()


def _num(x: float) -> float | int:
    return int(x) if float(x).is_integer() else float(x)
