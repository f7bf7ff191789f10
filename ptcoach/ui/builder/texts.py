"""Words the builder shows: condition names, one-line item summaries and problems described
in the editor's terms ("Exercise 2 (Clamshell), target sets") rather than as key paths."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ptcoach.catalog.editing_parts import item_quantity
from ptcoach.catalog.model import Exercise, Kind
from ptcoach.catalog.validate import Problem
from ptcoach.translate import translator

tr = translator("Builder")


def condition_labels() -> dict[str, str]:
    return {
        "runners-knee": tr("Runner's knee"),
        "shin-splints": tr("Shin splints"),
        "achilles-tendonitis": tr("Achilles tendonitis"),
        "plantar-fasciitis": tr("Plantar fasciitis"),
        "it-band-syndrome": tr("IT band syndrome"),
        "patellar-tendonitis": tr("Patellar tendonitis"),
        "lower-back-pain": tr("Lower back pain"),
    }


def _n(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def item_summary(entry: Mapping[str, Any], ex: Exercise | None) -> str:
    """ "Clamshell: 2 × 15 reps each side, rest 30 s" from what the document says now."""
    if ex is None:
        return tr("Unknown exercise {id}").format(id=repr(entry.get("id")))
    sets = item_quantity(entry, ex, "sets")
    reps = item_quantity(entry, ex, "reps")
    hold = item_quantity(entry, ex, "hold_s")
    cold = item_quantity(entry, ex, "cold_s")
    n = _n(sets[2]) if sets else "?"
    if ex.kind is Kind.REPS and reps:
        work = tr("{sets} × {reps} reps").format(sets=n, reps=_n(reps[2]))
    elif ex.kind is Kind.CONTRAST and hold and cold:
        work = tr("{sets} × ({heat} s heat + {cold} s cold)").format(
            sets=n, heat=_n(hold[2]), cold=_n(cold[2])
        )
    elif ex.kind is Kind.AREAS and hold:
        work = tr("{sets} × {hold} s per area").format(sets=n, hold=_n(hold[2]))
    else:
        work = tr("{sets} × {hold} s hold").format(sets=n, hold=_n(hold[2]) if hold else "?")
    if ex.per_side:
        work += " " + tr("each side")
    rest = entry.get("rest_s", ex.rest_s.low)
    if isinstance(rest, int | float) and not isinstance(rest, bool):
        work += ", " + tr("rest {s} s").format(s=_n(rest))
    return f"{ex.name}: {work}"


_INDEXED = re.compile(r"^(exercises|own_exercises)\[(\d+)\]\.?(.*)$")


def describe(problem: Problem, data: Mapping[str, Any], names: Mapping[str, str]) -> str:
    """A problem as the editor says it: which exercise and field, then the message."""
    m = _INDEXED.match(problem.location)
    if not m:
        where = {
            "id": tr("Id"),
            "name": tr("Name"),
            "description": tr("Description"),
            "lead_in_s": tr("Get ready"),
            "exercises": tr("Exercises"),
            "rest_between_exercises_s": tr("Rest between exercises"),
            "file": tr("Routine"),
        }.get(problem.location, problem.location)
        return f"{where}: {problem.message}"
    section, index, rest = m.group(1), int(m.group(2)), m.group(3)
    tables = data.get(section)
    table = tables[index] if isinstance(tables, list) and index < len(tables) else {}
    ex_id = table.get("id") if isinstance(table, dict) else None
    if section == "exercises":
        label = tr("Exercise {n}").format(n=index + 1)
        name = names.get(str(ex_id), str(ex_id) if ex_id else "")
    else:
        label = tr("Own exercise {n}").format(n=index + 1)
        name = str(table.get("name", "")) if isinstance(table, dict) else ""
    head = f"{label} ({name})" if name else label
    field = rest.replace("_s", "").replace(".", " ").replace("target ", tr("start") + " ")
    return f"{head}, {field}: {problem.message}" if field else f"{head}: {problem.message}"
