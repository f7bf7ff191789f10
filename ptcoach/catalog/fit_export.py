"""Export a routine as a Garmin FIT workout file, to follow it from a running watch.

Each set becomes a block of steps (work per side, with a switch step between sides, then the
rest), repeated `sets` times by a repeat step; reps use the FIT "reps" duration, holds,
areas and heat/cold the "time" duration. Written with the maintained `fit-tool` library.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ptcoach import private
from ptcoach.catalog.model import Exercise, Kind, Routine, Side, Targets

NAME_MAX = 50  # FIT string fields are fixed-size; watches show short names anyway
NOTES_MAX = 120


@dataclass(frozen=True)
class Step:
    """One workout step before encoding (kept plain so it can be tested on its own)."""

    name: str
    kind: str  # "reps", "time", "rest", "repeat"
    reps: int | None = None
    seconds: float | None = None
    repeat_from: int | None = None  # index of the first step of the repeated block
    repeat_times: int | None = None
    notes: str = ""


def routine_steps(routine: Routine, targets: Sequence[Targets] | None = None) -> list[Step]:
    chosen = list(targets) if targets is not None else routine.default_targets()
    steps: list[Step] = []
    last = len(routine.items) - 1
    for i, (item, t) in enumerate(zip(routine.items, chosen, strict=True)):
        ex = item.exercise
        if t.sets <= 0:
            continue
        first = len(steps)
        sides: list[Side | None] = [Side.LEFT, Side.RIGHT] if ex.per_side else [None]
        for j, side in enumerate(sides):
            if j:
                steps.append(Step(f"Switch to {side}", "rest", seconds=ex.side_switch_s))
            steps.extend(_work(ex, t, side))
        if t.sets > 1:
            steps.append(Step("Rest", "rest", seconds=t.rest_s))
            steps.append(
                Step(f"{ex.name}: {t.sets} sets", "repeat", repeat_from=first, repeat_times=t.sets)
            )
        if i < last and routine.rest_between_exercises_s > 0:
            steps.append(Step("Rest", "rest", seconds=routine.rest_between_exercises_s))
    return steps


def _work(ex: Exercise, t: Targets, side: Side | None) -> list[Step]:
    suffix = f" ({side})" if side else ""
    notes = ex.instructions[0] if ex.instructions else ex.summary
    if ex.kind is Kind.REPS:
        return [Step(ex.name + suffix, "reps", reps=int(t.reps or 0), notes=notes)]
    hold = float(t.hold_s or 0)
    if ex.kind is Kind.AREAS:
        return [
            Step(f"{ex.name}: {area}{suffix}", "time", seconds=hold, notes=notes)
            for area in ex.areas
        ]
    if ex.kind is Kind.CONTRAST:
        return [
            Step(f"{ex.name}: heat", "time", seconds=hold, notes=notes),
            Step(f"{ex.name}: cold", "time", seconds=float(t.cold_s or 0), notes=notes),
        ]
    return [Step(ex.name + suffix, "time", seconds=hold, notes=notes)]


def write_fit(routine: Routine, path: Path, targets: Sequence[Targets] | None = None) -> Path:
    """Write the routine as a FIT workout file at `path`."""
    from fit_tool.fit_file_builder import FitFileBuilder
    from fit_tool.profile.messages.file_id_message import FileIdMessage
    from fit_tool.profile.messages.workout_message import WorkoutMessage
    from fit_tool.profile.messages.workout_step_message import WorkoutStepMessage
    from fit_tool.profile.profile_type import (
        FileType,
        Intensity,
        Manufacturer,
        Sport,
        WorkoutStepDuration,
        WorkoutStepTarget,
    )

    file_id = FileIdMessage()
    file_id.type = FileType.WORKOUT
    file_id.manufacturer = Manufacturer.DEVELOPMENT.value
    file_id.product = 0
    file_id.time_created = round(time.time() * 1000)
    file_id.serial_number = 0x50540001

    messages = []
    for index, step in enumerate(routine_steps(routine, targets)):
        m = WorkoutStepMessage()
        m.message_index = index
        m.workout_step_name = step.name[:NAME_MAX]
        m.target_type = WorkoutStepTarget.OPEN
        if step.kind == "repeat":
            m.duration_type = WorkoutStepDuration.REPEAT_UNTIL_STEPS_CMPLT
            m.duration_step = step.repeat_from
            m.target_repeat_steps = step.repeat_times
        elif step.kind == "reps":
            m.intensity = Intensity.ACTIVE
            m.duration_type = WorkoutStepDuration.REPS
            m.duration_reps = step.reps
        else:
            m.intensity = Intensity.REST if step.kind == "rest" else Intensity.ACTIVE
            m.duration_type = WorkoutStepDuration.TIME
            m.duration_time = float(step.seconds or 0)
        if step.notes:
            m.notes = step.notes[:NOTES_MAX]
        messages.append(m)

    workout = WorkoutMessage()
    workout.workout_name = routine.name[:NAME_MAX]
    workout.sport = Sport.TRAINING
    workout.num_valid_steps = len(messages)

    builder = FitFileBuilder(auto_define=True, min_string_size=NOTES_MAX)
    builder.add(file_id)
    builder.add(workout)
    builder.add_all(messages)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = private.reserve(path.with_name(path.name + ".tmp"))  # 0600: the runner's plan
    builder.build().to_file(str(tmp))
    tmp.replace(path)
    return path
