"""`ptcoach routines` (list built-in and own routines) and `ptcoach routines show ID`."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ptcoach.catalog.catalog import Catalog
from ptcoach.catalog.model import Range, Routine, RoutineItem
from ptcoach.engine.plan import expand

FORMATS = ("text", "json")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "routines",
        help="list the built-in and your own routines, or show one",
        description="List the built-in and your own routines; `routines show ID` shows one.",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text for people, json for scripts (default: text)",
    )
    parser.set_defaults(func=run_list)
    actions = parser.add_subparsers(dest="routines_command", metavar="ACTION")
    show = actions.add_parser(
        "show",
        help="show one routine's exercises and numbers",
        description="Show one routine's exercises and numbers.",
    )
    show.add_argument("id", metavar="ID", help="a routine id, as listed by `ptcoach routines`")
    # SUPPRESS keeps `routines --format json show ID` working: the sub-parser's default would
    # otherwise overwrite the value given before `show`.
    show.add_argument(
        "--format",
        choices=FORMATS,
        default=argparse.SUPPRESS,
        help="text for people, json for scripts (default: text)",
    )
    show.set_defaults(func=run_show)


def load_catalog(args: argparse.Namespace) -> Catalog:
    """The catalogue, with each problem in the user's own routine files warned about."""
    catalog = Catalog.load(args.data_dir)
    for problem in catalog.problems:
        print(f"warning: {problem}", file=sys.stderr)
    return catalog


def run_list(args: argparse.Namespace) -> int:
    catalog = load_catalog(args)
    rows = [routine_summary(r) for r in catalog.routines.values()]
    if args.format == "json":
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    if not rows:
        print("No routines.")
        return 0
    width = max(len(r["id"]) for r in rows)
    for row in rows:
        count = f"{row['exercises']} exercise{'' if row['exercises'] == 1 else 's'}"
        print(
            f"{row['id']:<{width}}  {row['source']:<8}  {count:>12}  "
            f"~{_minutes(row['duration_s']):<7}  {row['name']}"
        )
    return 0


def run_show(args: argparse.Namespace) -> int:
    catalog = load_catalog(args)
    try:
        routine = catalog.routine(args.id)
    except KeyError as exc:
        print(f"ptcoach routines show: {exc.args[0]}", file=sys.stderr)
        return 2
    detail = routine_detail(routine)
    if getattr(args, "format", "text") == "json":
        print(json.dumps(detail, indent=2, ensure_ascii=False))
    else:
        print(_detail_text(detail))
    return 0


def routine_summary(routine: Routine) -> dict[str, Any]:
    return {
        "id": routine.id,
        "name": routine.name,
        "exercises": len(routine.items),
        "duration_s": round(expand(routine).total_s),
        "builtin": routine.builtin,
        "source": "built-in" if routine.builtin else "own",
        "path": routine.path,
    }


def routine_detail(routine: Routine) -> dict[str, Any]:
    return {
        **routine_summary(routine),
        "exercises": [_item(item) for item in routine.items],
        "description": routine.description,
        "condition": routine.condition or None,
        "lead_in_s": routine.lead_in_s,
        "rest_between_exercises_s": routine.rest_between_exercises_s,
        "general_guidance": routine.general_guidance,
        "guidance_note": routine.guidance_note,
    }


def _item(item: RoutineItem) -> dict[str, Any]:
    ex = item.exercise
    t = item.default
    return {
        "id": ex.id,
        "name": ex.name,
        "kind": ex.kind.value,
        "per_side": ex.per_side,
        "sets": _pair(item.sets),
        "reps": _pair(item.reps),
        "hold_s": _pair(item.hold_s),
        "cold_s": _pair(item.cold_s),
        "rest_s": item.rest_s,
        "target": {
            "sets": t.sets,
            "reps": t.reps,
            "hold_s": t.hold_s,
            "cold_s": t.cold_s,
            "rest_s": t.rest_s,
        },
        "pacing": ex.pacing.value if ex.kind.value == "reps" else None,
        "tempo": [{"step": s.name, "s": s.seconds} for s in ex.tempo],
        "areas": list(ex.areas),
        "note": item.note,
        "summary": ex.summary,
        "source": ex.source,
    }


def _pair(r: Range | None) -> list[float | int] | None:
    return None if r is None else r.as_list()


def _detail_text(d: dict[str, Any]) -> str:
    lines = [f"{d['name']} ({d['id']}, {d['source']}, about {_minutes(d['duration_s'])})"]
    if d["description"]:
        lines.append(d["description"])
    for i, ex in enumerate(d["exercises"], start=1):
        t = ex["target"]
        parts = [f"sets {_span(ex['sets'])} (target {t['sets']})"]
        hold = {"areas": "each area", "contrast": "heat"}.get(ex["kind"], "hold")
        for key, label, unit in (
            ("reps", "reps", ""),
            ("hold_s", hold, " s"),
            ("cold_s", "cold", " s"),
        ):
            if ex[key] is not None:
                parts.append(f"{label} {_span(ex[key])}{unit} (target {_num(t[key])}{unit})")
        parts.append(f"rest {_num(ex['rest_s'])} s")
        side = ", each side" if ex["per_side"] else ""
        lines.append(f"{i:>2}. {ex['name']} [{ex['id']}]{side}: {'; '.join(parts)}")
        if ex["note"]:
            lines.append(f"    {ex['note']}")
    if d["general_guidance"] and d["guidance_note"]:
        lines.append(f"Note: {d['guidance_note']}")
    return "\n".join(lines)


def _span(pair: list[float]) -> str:
    lo, hi = (_num(x) for x in pair)
    return str(lo) if lo == hi else f"{lo}-{hi}"


def _num(x: float | None) -> str:
    if x is None:
        return "-"
    return str(int(x)) if float(x).is_integer() else str(x)


def _minutes(seconds: float) -> str:
    return f"{max(1, round(seconds / 60))} min"
