"""Small hand-built exercises and routines for engine tests (independent of the catalogue)."""

from __future__ import annotations

from ptcoach.catalog.model import (
    Exercise,
    Kind,
    Pacing,
    Range,
    Routine,
    RoutineItem,
    Targets,
    TempoStep,
)


def exercise(
    id: str = "ex",
    kind: Kind = Kind.REPS,
    *,
    per_side: bool = False,
    tempo: tuple[tuple[str, float], ...] = (("lift", 1.0), ("lower", 1.0)),
    pacing: Pacing = Pacing.TEMPO,
    areas: tuple[str, ...] = (),
    side_switch_s: float = 5.0,
) -> Exercise:
    return Exercise(
        id=id, name=id.title(), kind=kind, category="strength", muscles=("glutes",),
        instructions=("Do it.",), mistakes=(), safety="Stop on sharp pain.", per_side=per_side,
        sets=Range(1, 5), rest_s=Range(0, 120),
        reps=Range(1, 50) if kind is Kind.REPS else None,
        hold_s=None if kind is Kind.REPS else Range(1, 600),
        cold_s=Range(1, 600) if kind is Kind.CONTRAST else None,
        tempo=tuple(TempoStep(n, s) for n, s in tempo) if kind is Kind.REPS else (),
        pacing=pacing, areas=areas, side_switch_s=side_switch_s,
    )


def routine(*pairs: tuple[Exercise, Targets], lead_in_s: float = 5.0,
            rest_between_exercises_s: float = 20.0) -> Routine:
    items = tuple(
        RoutineItem(exercise=ex, sets=ex.sets, reps=ex.reps, hold_s=ex.hold_s, cold_s=ex.cold_s,
                    rest_s=t.rest_s, default=t)
        for ex, t in pairs
    )
    return Routine(id="test", name="Test", description="", items=items, lead_in_s=lead_in_s,
                   rest_between_exercises_s=rest_between_exercises_s)
