"""The catalogue: built-in exercises and routines plus the user's own routines from the data dir.

A user routine file that fails to load is left out and its problems kept, never raised, so one
bad file cannot stop the app; the built-ins must load (a failure there is a bug).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ptcoach import paths
from ptcoach.catalog.model import Exercise, Routine

if TYPE_CHECKING:
    from ptcoach.catalog.validate import Problem

# The loader (TOML parsing, the schemas, their regexes) is imported only when something has to
# be parsed: the built-ins usually come from builtin_cache, which keeps the app's start fast.


@dataclass
class Catalog:
    """The exercises and routines found (built-in and the runner's own), and what failed."""

    exercises: dict[str, Exercise]
    routines: dict[str, Routine]  # built-ins first, then the user's, each sorted by file name
    problems: list[Problem] = field(default_factory=list)

    @classmethod
    def load(
        cls, data_dir: Path, *, exercises_dir: Path | None = None, routines_dir: Path | None = None
    ) -> Catalog:
        """Load everything; `exercises_dir`/`routines_dir` replace the shipped folders."""
        if exercises_dir is None and routines_dir is None:
            from ptcoach.catalog.builtin_cache import load_builtins

            exercises, routines = load_builtins()
        else:
            from ptcoach.catalog.loader import load_builtin_exercises, load_builtin_routines

            exercises = load_builtin_exercises(exercises_dir)
            routines = load_builtin_routines(exercises, routines_dir)
        own_dir = paths.user_routines_dir(Path(data_dir))
        files = sorted(own_dir.glob("*.toml")) if own_dir.is_dir() else []
        problems = _add_own_routines(files, exercises, routines) if files else []
        return cls(exercises=exercises, routines=routines, problems=problems)

    def routine(self, routine_id: str) -> Routine:
        """The routine with this id; KeyError naming close and known ids otherwise."""
        try:
            return self.routines[routine_id]
        except KeyError:
            raise KeyError(unknown_routine_message(routine_id, self.routines)) from None

    def builtin_routines(self) -> list[Routine]:
        return [r for r in self.routines.values() if r.builtin]

    def own_routines(self) -> list[Routine]:
        return [r for r in self.routines.values() if not r.builtin]


def _add_own_routines(
    files: list[Path], exercises: dict[str, Exercise], routines: dict[str, Routine]
) -> list[Problem]:
    """Validate and add the user's routine files (never cached); returns their problems."""
    from ptcoach.catalog.loader import load_routine_file
    from ptcoach.catalog.validate import Problem, ValidationError

    problems: list[Problem] = []
    for path in files:
        try:
            routine = load_routine_file(path, exercises)
        except ValidationError as exc:
            problems.extend(exc.problems)
            continue
        clash = routines.get(routine.id)
        if clash is not None:
            what = "a built-in routine" if clash.builtin else f"the routine in {clash.path}"
            problems.append(
                Problem(
                    str(path),
                    "id",
                    f"{routine.id!r} is already used by "
                    f"{what}; give this routine another id (it is left out)",
                )
            )
            continue
        routines[routine.id] = routine
    return problems


def unknown_routine_message(routine_id: str, known: dict[str, Routine]) -> str:
    import difflib

    close = difflib.get_close_matches(routine_id, list(known), n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    listing = ", ".join(known) if known else "none"
    return f"no routine {routine_id!r}{hint} (known routines: {listing})"
