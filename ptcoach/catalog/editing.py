"""A routine being edited: the same dict a routine file parses to, changed by named operations
with undo/redo, and checked by the catalogue's own validator (so the editor and
`ptcoach validate` always agree).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Collection, Mapping
from pathlib import Path
from typing import Any

from ptcoach.catalog.editing_parts import (
    Doc,
    FieldPath,
    assign,
    friendly,
    kind_keys,
    new_item,
    new_own_exercise,
    number,
    routine_document,
    slugify,
    unique_id,
)
from ptcoach.catalog.exercise_schema import check_exercise
from ptcoach.catalog.fields import Checker
from ptcoach.catalog.model import Exercise, Kind, Routine
from ptcoach.catalog.routine_schema import FORMAT_VERSION, check_routine
from ptcoach.catalog.validate import Document, Problem, ValidationError


class ReadOnlyError(Exception):
    """A change was asked of a built-in routine; duplicate it to change it."""


class RoutineDraft:
    """One routine document under edit, with an undo stack of snapshots.

    Operations that change nothing leave no undo step; consecutive edits of one field (typing a
    name) merge into a single step.
    """

    def __init__(
        self,
        data: Doc,
        exercises: Mapping[str, Exercise],
        *,
        read_only: bool = False,
        taken_ids: Collection[str] = (),
        origin: Path | None = None,
        auto_id: bool = False,
    ) -> None:
        self._data = copy.deepcopy(data)
        self.exercises = exercises
        self.read_only = read_only
        self.taken_ids = frozenset(taken_ids)
        self.origin = origin  # the file this draft was opened from (None: not saved yet)
        self.auto_id = auto_id  # the id follows the name until the id is set by hand
        self._undo: list[tuple[str, Doc, FieldPath | None]] = []
        self._redo: list[tuple[str, Doc]] = []
        self._mergeable = False
        self._saved = copy.deepcopy(self._data)
        self._cache: tuple[Doc, list[Problem], Routine | None] | None = None
        self.default_rest_s: float | None = None  # rest between sets for added exercises

    # -- construction -------------------------------------------------------------------

    @classmethod
    def new(
        cls,
        exercises: Mapping[str, Exercise],
        taken_ids: Collection[str] = (),
        *,
        lead_in_s: float = 10,
        rest_s: float = 30,
    ) -> RoutineDraft:
        """An empty routine using the runner's default lead-in and rest times."""
        data: Doc = {
            "format": FORMAT_VERSION,
            "id": unique_id("new-routine", taken_ids),
            "name": "New routine",
            "lead_in_s": number(lead_in_s),
            "rest_between_exercises_s": number(rest_s),
            "exercises": [],
        }
        draft = cls(data, exercises, taken_ids=taken_ids, auto_id=True)
        draft.default_rest_s = float(rest_s)
        return draft

    @classmethod
    def from_routine(
        cls, routine: Routine, exercises: Mapping[str, Exercise], taken_ids: Collection[str] = ()
    ) -> RoutineDraft:
        origin = None if routine.builtin or not routine.path else Path(routine.path)
        return cls(
            routine_document(routine),
            exercises,
            read_only=routine.builtin,
            taken_ids=set(taken_ids) - {routine.id},
            origin=origin,
        )

    def duplicate(self, taken_ids: Collection[str]) -> RoutineDraft:
        """An editable, unsaved copy with a new id and "(copy)" after the name."""
        data = copy.deepcopy(self._data)
        base = data.get("id") if isinstance(data.get("id"), str) else "my-routine"
        data["id"] = unique_id(slugify(f"{base}-copy"), taken_ids)
        data["name"] = f"{data.get('name', '')} (copy)".strip()
        draft = RoutineDraft(data, self.exercises, taken_ids=taken_ids)
        draft.mark_unsaved()
        return draft

    # -- state ----------------------------------------------------------------------------

    @property
    def data(self) -> Doc:
        """The current document; a copy, so callers cannot change it behind the undo stack."""
        return copy.deepcopy(self._data)

    def get(self, path: FieldPath, default: Any = None) -> Any:
        node: Any = self._data
        for part in path:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                return default
        return node

    @property
    def dirty(self) -> bool:
        return self._data != self._saved

    @property
    def needs_saving(self) -> bool:
        """Changed since it was opened or saved, or never saved at all."""
        return self.dirty or self.origin is None

    def mark_unsaved(self) -> None:
        """Treat the whole document as a change (a copy or an import not yet on disk)."""
        self._saved = {}

    def mark_saved(self, origin: Path) -> None:
        self._saved = copy.deepcopy(self._data)
        self.origin = origin
        self.taken_ids = self.taken_ids - {self._data.get("id")}
        self.auto_id = False

    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo_label(self) -> str:
        return self._undo[-1][0] if self._undo else ""

    def redo_label(self) -> str:
        return self._redo[-1][0] if self._redo else ""

    def undo(self) -> bool:
        if not self._undo:
            return False
        label, before, _ = self._undo.pop()
        self._redo.append((label, self._data))
        self._data = before
        self._mergeable = False
        return True

    def redo(self) -> bool:
        if not self._redo:
            return False
        label, after = self._redo.pop()
        self._undo.append((label, self._data, None))
        self._data = after
        self._mergeable = False
        return True

    def break_merge(self) -> None:
        """The next edit starts a new undo step (e.g. the user left the field)."""
        self._mergeable = False

    def _change(
        self, label: str, edit: Callable[[Doc], None], merge: FieldPath | None = None
    ) -> bool:
        if self.read_only:
            raise ReadOnlyError("a built-in routine cannot be changed; duplicate it first")
        new = copy.deepcopy(self._data)
        edit(new)
        if new == self._data:
            return False
        top = self._undo[-1] if self._undo else None
        if not (merge is not None and self._mergeable and top is not None and top[2] == merge):
            self._undo.append((label, self._data, merge))
        self._data = new
        self._redo.clear()
        self._mergeable = merge is not None
        return True

    # -- operations -------------------------------------------------------------------------

    def set_field(self, path: FieldPath, value: Any, label: str = "Edit") -> bool:
        """Set (or with None, remove) the value at a key path, creating tables on the way."""

        def edit(doc: Doc) -> None:
            assign(doc, path, value)

        return self._change(label, edit, merge=path)

    def rename(self, name: str) -> bool:
        """Set the name; a new routine's id follows it until the id is edited by hand."""

        def edit(doc: Doc) -> None:
            doc["name"] = name
            if self.auto_id:
                doc["id"] = unique_id(slugify(name), self.taken_ids)

        return self._change("Rename", edit, merge=("name",))

    def set_id(self, routine_id: str) -> bool:
        self.auto_id = False
        return self.set_field(("id",), routine_id, "Change id")

    def entries(self) -> list[Any]:
        value = self._data.get("exercises")
        return list(value) if isinstance(value, list) else []

    def add_exercise(self, ex_id: str, index: int | None = None) -> int:
        """Add an exercise (built-in or own) with its full ranges; returns its index."""
        ex = self.known_exercises().get(ex_id)
        entry = new_item(ex, self.default_rest_s) if ex is not None else {"id": ex_id}
        at = len(self.entries()) if index is None else max(0, min(index, len(self.entries())))

        def edit(doc: Doc) -> None:
            items = doc.get("exercises")
            if not isinstance(items, list):
                items = doc["exercises"] = []
            items.insert(at, entry)

        self._change("Add exercise", edit)
        return at

    def remove_exercise(self, index: int) -> bool:
        return self._change("Remove exercise", lambda doc: doc["exercises"].pop(index))

    def move_exercise(self, source: int, dest: int) -> bool:
        """Move the entry at `source` so it ends up at index `dest`."""
        order = list(range(len(self.entries())))
        order.insert(dest, order.pop(source))
        return self.reorder(order)

    def reorder(self, order: list[int]) -> bool:
        """Put the entries in this order (a permutation of their current indexes)."""
        if sorted(order) != list(range(len(self.entries()))):
            raise ValueError(f"{order} is not an order of {len(self.entries())} exercises")

        def edit(doc: Doc) -> None:
            doc["exercises"] = [doc["exercises"][i] for i in order]

        return self._change("Move exercise", edit)

    def own_tables(self) -> list[Any]:
        value = self._data.get("own_exercises")
        return list(value) if isinstance(value, list) else []

    def add_own_exercise(self, kind: Kind = Kind.REPS) -> int:
        taken = set(self.exercises) | {
            str(t.get("id")) for t in self.own_tables() if isinstance(t, dict)
        }
        ex_id = unique_id("my-exercise", taken)
        number = ex_id.removeprefix("my-exercise").lstrip("-") or "1"
        table = new_own_exercise(ex_id, f"My exercise {number}", kind)

        def edit(doc: Doc) -> None:
            doc.setdefault("own_exercises", []).append(table)

        self._change("Add own exercise", edit)
        return len(self.own_tables()) - 1

    def remove_own_exercise(self, index: int) -> bool:
        """Remove an own exercise and every use of it in this routine, as one step."""
        ex_id = self.get(("own_exercises", index, "id"))

        def edit(doc: Doc) -> None:
            doc["own_exercises"].pop(index)
            if not doc["own_exercises"]:
                del doc["own_exercises"]
            doc["exercises"] = [
                e
                for e in doc.get("exercises", [])
                if not (isinstance(e, dict) and e.get("id") == ex_id)
            ]

        return self._change("Remove own exercise", edit)

    def set_own_id(self, index: int, new_id: str) -> bool:
        """Change an own exercise's id and every use of it in this routine."""
        old = self.get(("own_exercises", index, "id"))

        def edit(doc: Doc) -> None:
            doc["own_exercises"][index]["id"] = new_id
            for entry in doc.get("exercises", []):
                if isinstance(entry, dict) and entry.get("id") == old:
                    entry["id"] = new_id

        return self._change("Change exercise id", edit, merge=("own_exercises", index, "id"))

    def set_own_kind(self, index: int, kind: Kind) -> bool:
        """Switch an own exercise between reps and hold: swap the kind's keys, and drop the
        numbers that no longer apply from the items that use it."""
        old_id = self.get(("own_exercises", index, "id"))
        drop = ("hold_s", "cold_s", "areas") if kind is Kind.REPS else ("reps", "tempo", "pacing")

        def edit(doc: Doc) -> None:
            table = doc["own_exercises"][index]
            if table.get("kind") == kind.value:
                return
            table["kind"] = kind.value
            for key in ("reps", "tempo", "pacing", "hold_s", "cold_s", "areas"):
                table.pop(key, None)
            table.update(kind_keys(kind))
            for entry in doc.get("exercises", []):
                if isinstance(entry, dict) and entry.get("id") == old_id:
                    for key in drop:
                        entry.pop(key, None)
                        if isinstance(entry.get("target"), dict):
                            entry["target"].pop(key, None)

        return self._change("Change exercise kind", edit)

    def set_tempo(self, index: int, lift: float, hold: float, lower: float) -> bool:
        """Set an own exercise's tempo as lift, hold and lower seconds (0 s steps left out)."""
        steps = [
            {"step": s, "s": number(v)}
            for s, v in (("lift", lift), ("hold", hold), ("lower", lower))
            if v > 0
        ]
        if not steps:  # keep two steps so the validator says what is wrong (0 seconds)
            steps = [{"step": "lift", "s": 0}, {"step": "lower", "s": 0}]
        return self.set_field(("own_exercises", index, "tempo"), steps, "Change tempo")

    # -- checking -------------------------------------------------------------------------

    def own_exercises(self) -> dict[str, Exercise]:
        """This routine's own exercises that are valid on their own, by id."""
        out: dict[str, Exercise] = {}
        for i, table in enumerate(self.own_tables()):
            if not isinstance(table, dict):
                continue
            ck = Checker(Document(self.file_name, "", {}))
            ex = check_exercise(
                ck, table, ("own_exercises", i), builtin=False, source=self.file_name
            )
            if ex is not None and ex.id not in self.exercises:
                out.setdefault(ex.id, ex)
        return out

    def known_exercises(self) -> dict[str, Exercise]:
        return {**self.exercises, **self.own_exercises()}

    @property
    def file_name(self) -> str:
        if self.origin is not None:
            return str(self.origin)
        rid = self._data.get("id")
        return f"{rid}.toml" if isinstance(rid, str) else "routine.toml"

    def problems(self) -> list[Problem]:
        """Every problem with the document, as `ptcoach validate` would report it."""
        return self._check()[0]

    def routine(self) -> Routine:
        """The routine the document describes; ValidationError listing every problem."""
        problems, routine = self._check()
        if routine is None:
            raise ValidationError(problems)
        return routine

    def _check(self) -> tuple[list[Problem], Routine | None]:
        if self._cache is not None and self._cache[0] == self._data:
            return self._cache[1], self._cache[2]
        ck = Checker(Document(self.file_name, "", self._data))
        routine = check_routine(
            ck, self._data, self.exercises, builtin=self.read_only, source=self.file_name
        )
        problems = ck.finish()
        rid = self._data.get("id")
        if isinstance(rid, str) and rid in self.taken_ids and not self.read_only:
            problems.append(
                Problem(
                    self.file_name,
                    "id",
                    f"duplicate id {rid!r}: another "
                    "routine already has it; give this routine its own id",
                )
            )
        problems = [friendly(p) for p in problems]
        result = None if problems else routine
        self._cache = (copy.deepcopy(self._data), problems, result)
        return problems, result
