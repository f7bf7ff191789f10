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
        id=id,
        name=id.title(),
        kind=kind,
        category="strength",
        muscles=("glutes",),
        instructions=("Do it.",),
        mistakes=(),
        safety="Stop on sharp pain.",
        per_side=per_side,
        sets=Range(1, 5),
        rest_s=Range(0, 120),
        reps=Range(1, 50) if kind is Kind.REPS else None,
        hold_s=None if kind is Kind.REPS else Range(1, 600),
        cold_s=Range(1, 600) if kind is Kind.CONTRAST else None,
        tempo=tuple(TempoStep(n, s) for n, s in tempo) if kind is Kind.REPS else (),
        pacing=pacing,
        areas=areas,
        side_switch_s=side_switch_s,
    )


def routine(
    *pairs: tuple[Exercise, Targets], lead_in_s: float = 5.0, rest_between_exercises_s: float = 20.0
) -> Routine:
    items = tuple(
        RoutineItem(
            exercise=ex,
            sets=ex.sets,
            reps=ex.reps,
            hold_s=ex.hold_s,
            cold_s=ex.cold_s,
            rest_s=t.rest_s,
            default=t,
        )
        for ex, t in pairs
    )
    return Routine(
        id="test",
        name="Test",
        description="",
        items=items,
        lead_in_s=lead_in_s,
        rest_between_exercises_s=rest_between_exercises_s,
    )


# --------------------------------------------------------------- engine test helpers
def describe(event: object) -> tuple[object, ...]:
    """An event as a short tuple (type, at, key fields), so whole sequences compare at once."""
    from ptcoach.engine import events as ev

    name = type(event).__name__
    assert isinstance(event, ev.Event)
    at = event.at
    match event:
        case ev.SessionStarted():
            return (name, at, event.first_phase)
        case ev.PhaseStarted():
            p = event.phase
            return (
                name,
                at,
                p.kind.value,
                p.exercise_id,
                p.set_number,
                p.side.value if p.side else None,
            )
        case ev.SegmentStarted():
            return (name, at, event.segment_index, event.segment.tempo or event.segment.label)
        case ev.RepStarted():
            return (name, at, event.rep, event.reps_total)
        case ev.Countdown():
            return (name, at, event.remaining)
        case ev.SideSwitched():
            return (name, at, event.to_side.value)
        case ev.SetCompleted():
            r = event.record
            return (
                name,
                at,
                r.exercise_id,
                r.set_number,
                r.side.value if r.side else None,
                r.reps,
                r.hold_s,
                r.skipped,
            )
        case ev.ExerciseCompleted():
            return (name, at, event.exercise_id)
        case ev.SessionCompleted():
            return (name, at, event.sets_done, event.sets_skipped)
        case ev.Paused():
            return (name, at, event.remaining_s)
    return (name, at)


def run_by_deadlines(session: object, limit: int = 1_000_000) -> list[object]:
    """Advance a started session one deadline at a time until nothing more is due."""
    from ptcoach.engine import Session

    assert isinstance(session, Session)
    out: list[object] = []
    for _ in range(limit):
        due = session.next_deadline()
        if due is None:
            return out
        out.extend(session.advance(due))
    raise AssertionError("session did not settle")
