"""The exercise table (an exercise file, or `[[own_exercises]]` in a routine file): checks every
key against docs/formats.md and builds an `Exercise` when nothing is wrong.
"""

from __future__ import annotations

from typing import Any

from ptcoach import paths
from ptcoach.catalog.fields import MAX_LIST, Checker, Path, type_name
from ptcoach.catalog.model import Exercise, Kind, Pacing, Range, TempoStep

CATEGORIES = ("runners-knee", "flexibility", "strength", "recovery")
OWN_CATEGORY = "own"
CONDITIONS = (
    "runners-knee",
    "shin-splints",
    "achilles-tendonitis",
    "plantar-fasciitis",
    "it-band-syndrome",
    "patellar-tendonitis",
    "lower-back-pain",
)
TEMPO_STEPS = ("lift", "hold", "lower", "up", "down", "pause")

SETS = (1, 20)
REPS = (1, 200)
SECONDS = (1, 3600)
REST = (0, 1800)
SIDE_SWITCH = (0, 120)
TEMPO_STEP_S = (0, 60)

KEYS = (
    "id",
    "name",
    "kind",
    "category",
    "muscles",
    "summary",
    "per_side",
    "sets",
    "reps",
    "hold_s",
    "cold_s",
    "rest_s",
    "side_switch_s",
    "pacing",
    "tempo",
    "areas",
    "instructions",
    "mistakes",
    "safety",
    "conditions",
    "learn",
    "illustration",
    "general_guidance",
    "guidance_note",
)
# Which kinds each kind-specific key belongs to.
KIND_KEYS: dict[str, tuple[Kind, ...]] = {
    "reps": (Kind.REPS,),
    "pacing": (Kind.REPS,),
    "tempo": (Kind.REPS,),
    "hold_s": (Kind.HOLD, Kind.AREAS, Kind.CONTRAST),
    "cold_s": (Kind.CONTRAST,),
    "areas": (Kind.AREAS,),
}
# Built-in exercises must be complete; a runner's own may be brief.
BUILTIN_REQUIRED = (
    "id",
    "name",
    "kind",
    "category",
    "muscles",
    "summary",
    "per_side",
    "sets",
    "rest_s",
    "instructions",
    "safety",
)
OWN_REQUIRED = ("id", "name", "kind", "sets")


def check_exercise(
    ck: Checker, table: dict[str, Any], path: Path, *, builtin: bool, source: str
) -> Exercise | None:
    """Check one exercise table; None if it has problems (they are in `ck`)."""
    before = len(ck.problems)
    ck.keys(
        table,
        path,
        KEYS,
        BUILTIN_REQUIRED if builtin else OWN_REQUIRED,
        f"see {paths.formats_doc()}",
    )
    ex_id = ck.string(table, "id", path, id_like=True)
    name = ck.string(table, "name", path)
    if "name" in table and not name.strip():
        ck.add((*path, "name"), "must not be empty")
    kind_s = ck.string(table, "kind", path, choices=[k.value for k in Kind])
    kind = Kind(kind_s) if kind_s else None
    categories = CATEGORIES if builtin else (*CATEGORIES, OWN_CATEGORY)
    category = ck.string(
        table, "category", path, choices=categories, default="" if builtin else OWN_CATEGORY
    )
    pacing_s = ck.string(
        table, "pacing", path, choices=[p.value for p in Pacing], default=Pacing.TEMPO.value
    )
    pacing = Pacing(pacing_s)

    sets = ck.range_(table, "sets", path, *SETS, integer=True)
    reps = ck.range_(table, "reps", path, *REPS, integer=True)
    hold_s = ck.range_(table, "hold_s", path, *SECONDS, unit="seconds")
    cold_s = ck.range_(table, "cold_s", path, *SECONDS, unit="seconds")
    rest_s = ck.range_(table, "rest_s", path, *REST, unit="seconds")
    side_switch = ck.number(table, "side_switch_s", path, *SIDE_SWITCH, unit="seconds")
    tempo = _tempo(ck, table, path)
    areas = ck.strings(table, "areas", path)

    if kind is not None:
        _check_kind_keys(ck, table, path, kind, pacing, tempo, areas)

    exercise = None
    if len(ck.problems) == before and ex_id and kind is not None and sets is not None:
        exercise = Exercise(
            id=ex_id,
            name=name,
            kind=kind,
            category=category,
            muscles=ck.strings(table, "muscles", path),
            instructions=ck.strings(table, "instructions", path),
            mistakes=ck.strings(table, "mistakes", path),
            safety=ck.string(table, "safety", path),
            per_side=ck.boolean(table, "per_side", path, False),
            sets=sets,
            rest_s=rest_s if rest_s is not None else Range(0, 0),
            reps=reps,
            hold_s=hold_s,
            cold_s=cold_s,
            tempo=tempo,
            pacing=pacing,
            areas=areas,
            side_switch_s=side_switch if side_switch is not None else 5.0,
            summary=ck.string(table, "summary", path),
            conditions=ck.strings(table, "conditions", path, choices=CONDITIONS),
            learn=ck.string(table, "learn", path, id_like=True),
            illustration=ck.string(table, "illustration", path, id_like=True),
            general_guidance=ck.boolean(table, "general_guidance", path, False),
            guidance_note=ck.string(table, "guidance_note", path),
            source=source,
        )
    else:
        # Check the remaining fields too, so every problem is reported at once.
        for key in ("muscles", "instructions", "mistakes"):
            ck.strings(table, key, path)
        ck.strings(table, "conditions", path, choices=CONDITIONS)
        for key in ("safety", "summary", "guidance_note"):
            ck.string(table, key, path)
        for key in ("learn", "illustration"):
            ck.string(table, key, path, id_like=True)
        for key in ("per_side", "general_guidance"):
            ck.boolean(table, key, path, False)
    return exercise if len(ck.problems) == before else None


def _check_kind_keys(
    ck: Checker,
    table: dict[str, Any],
    path: Path,
    kind: Kind,
    pacing: Pacing,
    tempo: tuple[TempoStep, ...],
    areas: tuple[str, ...],
) -> None:
    for key, kinds in KIND_KEYS.items():
        if key in table and kind not in kinds:
            ck.add(
                (*path, key),
                f"applies only to kind {' or '.join(k.value for k in kinds)}; "
                f"this exercise is kind {kind.value!r}: remove {key}",
            )
    needed = {
        Kind.REPS: ("reps",),
        Kind.HOLD: ("hold_s",),
        Kind.AREAS: ("hold_s", "areas"),
        Kind.CONTRAST: ("hold_s", "cold_s"),
    }[kind]
    for key in needed:
        if key not in table:
            ck.add(path, f"missing required key {key!r} (kind {kind.value!r} needs it)")
    if kind is Kind.REPS and pacing is Pacing.TEMPO and "tempo" not in table:
        ck.add(
            path,
            "missing 'tempo' for tempo-paced reps: add tempo = "
            '[{ step = "lift", s = 2 }, { step = "lower", s = 2 }] '
            'or set pacing = "self"',
        )
    if kind is Kind.REPS and "tempo" in table and tempo and sum(s.seconds for s in tempo) <= 0:
        ck.add((*path, "tempo"), "the steps add up to 0 seconds; give at least one step time")
    if (
        kind is Kind.AREAS
        and "areas" in table
        and not areas
        and isinstance(table["areas"], list)
        and not table["areas"]
    ):
        ck.add((*path, "areas"), "must list at least one body area")


def _tempo(ck: Checker, table: dict[str, Any], path: Path) -> tuple[TempoStep, ...]:
    if "tempo" not in table:
        return ()
    value = table["tempo"]
    where = (*path, "tempo")
    if not isinstance(value, list):
        ck.add(where, f'must be an array like [{{ step = "lift", s = 2 }}]; got {type_name(value)}')
        return ()
    if not value or len(value) > MAX_LIST:
        ck.add(where, f"must have 1 to {MAX_LIST} steps; got {len(value)}")
        return ()
    steps: list[TempoStep] = []
    for i, entry in enumerate(value):
        step = ck.table(entry, (*where, i), 'a step like { step = "lift", s = 2 }')
        if step is None:
            continue
        ck.keys(step, (*where, i), ("step", "s"), ("step", "s"))
        name = ck.string(step, "step", (*where, i), choices=TEMPO_STEPS)
        seconds = ck.number(step, "s", (*where, i), *TEMPO_STEP_S, unit="seconds")
        if name and seconds is not None:
            steps.append(TempoStep(name, seconds))
    return tuple(steps)
