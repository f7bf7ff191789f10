"""Load exercise and routine files (built-in and the user's) into model objects.

Everything raises ValidationError listing every problem; a built-in file that fails is a bug
in the shipped content, so those errors are raised as they are, loudly.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ptcoach import paths
from ptcoach.catalog.exercise_schema import check_exercise
from ptcoach.catalog.fields import Checker
from ptcoach.catalog.model import Exercise, Routine
from ptcoach.catalog.routine_schema import check_routine
from ptcoach.catalog.validate import Document, Problem, ValidationError, read_document


def load_exercise_file(path: Path, *, name: str | None = None) -> Exercise:
    """One exercise file; its `id` must equal the file name."""
    return exercise_from_document(read_document(Path(path), name), Path(path))


def exercise_from_document(doc: Document, path: Path) -> Exercise:
    ck = Checker(doc)
    exercise = check_exercise(ck, doc.data, (), builtin=True, source="built-in")
    ex_id = doc.data.get("id")
    if isinstance(ex_id, str) and ex_id != path.stem:
        ck.add(
            ("id",),
            f"{ex_id!r} does not match the file name {path.name!r}: the id "
            f"must be {path.stem!r} or the file renamed to {ex_id}.toml",
        )
    if exercise is None or ck.problems:
        raise ValidationError(ck.finish())
    return exercise


def load_routine_file(
    path: Path, exercises: Mapping[str, Exercise], *, builtin: bool = False, name: str | None = None
) -> Routine:
    """One routine file, its exercises looked up in `exercises` and its `[[own_exercises]]`."""
    return routine_from_document(
        read_document(Path(path), name), Path(path), exercises, builtin=builtin
    )


def routine_from_document(
    doc: Document, path: Path, exercises: Mapping[str, Exercise], *, builtin: bool = False
) -> Routine:
    ck = Checker(doc)
    routine = check_routine(ck, doc.data, exercises, builtin=builtin, source=str(path))
    if routine is None or ck.problems:
        raise ValidationError(ck.finish())
    return routine


def load_builtin_exercises(folder: Path | None = None) -> dict[str, Exercise]:
    """Every shipped exercise by id, sorted by id; a bad file raises ValidationError."""
    root = folder if folder is not None else paths.resource("exercises")
    problems: list[Problem] = []
    out: dict[str, Exercise] = {}
    for path in sorted(root.glob("*.toml")):
        try:
            ex = load_exercise_file(path)
        except ValidationError as exc:
            problems.extend(exc.problems)
            continue
        out[ex.id] = ex
    if problems:
        raise ValidationError(problems)
    return out


def load_builtin_routines(
    exercises: Mapping[str, Exercise], folder: Path | None = None
) -> dict[str, Routine]:
    """Every shipped routine by id; a bad file raises ValidationError."""
    root = folder if folder is not None else paths.resource("routines")
    problems: list[Problem] = []
    out: dict[str, Routine] = {}
    for path in sorted(root.glob("*.toml")):
        try:
            routine = load_routine_file(path, exercises, builtin=True)
        except ValidationError as exc:
            problems.extend(exc.problems)
            continue
        if routine.id != path.stem:
            problems.append(
                Problem(
                    str(path), "id", f"{routine.id!r} does not match the file name {path.name!r}"
                )
            )
        out[routine.id] = routine
    if problems:
        raise ValidationError(problems)
    return out
