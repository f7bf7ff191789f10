"""The Qt-free routine editing model: operations, undo/redo, inline problems, saving into the
data dir (read back by Catalog.load) and deleting to the trash."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ptcoach.catalog.catalog import Catalog
from ptcoach.catalog.editing import ReadOnlyError, RoutineDraft
from ptcoach.catalog.editing_files import move_to_trash, save_draft, taken_routine_ids
from ptcoach.catalog.editing_parts import item_quantity, search_exercises, slugify, unique_id
from ptcoach.catalog.model import Kind
from ptcoach.catalog.validate import ValidationError
from ptcoach.catalog.writer import routine_to_toml


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    return Catalog.load(tmp_path_factory.mktemp("empty"))


def new_draft(catalog: Catalog) -> RoutineDraft:
    return RoutineDraft.new(catalog.exercises, set(catalog.routines))


def ids(draft: RoutineDraft) -> list[str]:
    return [e["id"] for e in draft.entries()]


def test_a_new_routine_takes_its_id_from_the_name_until_the_id_is_set(catalog: Catalog) -> None:
    draft = new_draft(catalog)
    draft.rename("Morning knees!")
    assert draft.get(("id",)) == "morning-knees"
    draft.set_id("knees")
    draft.rename("Evening knees")
    assert draft.get(("id",)) == "knees" and draft.get(("name",)) == "Evening knees"


def test_a_name_that_matches_a_builtin_id_gets_a_free_id(catalog: Catalog) -> None:
    draft = new_draft(catalog)
    draft.rename("Runners knee")
    assert draft.get(("id",)) == "runners-knee-2"
    assert slugify("  Été  ") == "t" and slugify("!!!") == "my-routine"
    assert unique_id("a", {"a", "a-2"}) == "a-3"


def test_add_remove_and_move_change_the_exercise_list(catalog: Catalog) -> None:
    draft = new_draft(catalog)
    for ex_id in ("clamshell", "wall-sit", "plank"):
        draft.add_exercise(ex_id)
    assert ids(draft) == ["clamshell", "wall-sit", "plank"]
    draft.move_exercise(2, 0)
    assert ids(draft) == ["plank", "clamshell", "wall-sit"]
    draft.remove_exercise(1)
    assert ids(draft) == ["plank", "wall-sit"]
    wall_sit = catalog.exercises["wall-sit"]  # added with its full ranges, targets at the bottom
    assert draft.entries()[1] == {
        "id": "wall-sit",
        "rest_s": wall_sit.rest_s.low,
        "target": {"sets": wall_sit.sets.low, "hold_s": wall_sit.hold_s.low},
    }


def test_undo_and_redo_walk_back_and_forth_through_every_kind_of_change(catalog: Catalog) -> None:
    draft = new_draft(catalog)
    draft.add_exercise("clamshell")
    draft.add_exercise("plank")
    draft.move_exercise(1, 0)
    draft.set_field(("exercises", 0, "target", "sets"), 3)
    draft.remove_exercise(1)
    states = [ids(draft)]
    assert draft.undo_label() == "Remove exercise"
    draft.undo()
    assert (
        ids(draft) == ["plank", "clamshell"] and draft.get(("exercises", 0, "target", "sets")) == 3
    )
    draft.undo()
    assert draft.get(("exercises", 0, "target", "sets")) == 2
    draft.undo()
    assert ids(draft) == ["clamshell", "plank"]
    draft.undo()
    draft.undo()
    assert ids(draft) == [] and not draft.can_undo()
    for _ in range(5):
        assert draft.redo()
    assert [ids(draft)] == states and not draft.can_redo()


def test_typing_into_one_field_is_one_undo_step_and_a_new_edit_clears_redo(
    catalog: Catalog,
) -> None:
    draft = new_draft(catalog)
    for text in ("H", "Hi", "Hip"):
        draft.rename(text)
    draft.set_field(("lead_in_s",), 5)
    draft.undo()
    draft.undo()
    assert draft.get(("name",)) == "New routine"
    draft.redo()
    draft.set_field(("description",), "x")
    assert not draft.can_redo()
    assert not draft.set_field(("description",), "x")  # no change, no step
    assert draft.undo_label() == "Edit"


def test_an_empty_name_is_a_problem_at_the_name_field(catalog: Catalog) -> None:
    draft = new_draft(catalog)
    draft.add_exercise("clamshell")
    assert draft.problems() == []
    draft.rename("")
    [problem] = draft.problems()
    assert (problem.location, problem.message) == ("name", "must not be empty")
    with pytest.raises(ValidationError):
        draft.routine()


def test_a_new_routine_needs_an_exercise_and_says_so_in_the_editors_terms(catalog: Catalog) -> None:
    [problem] = new_draft(catalog).problems()
    assert problem.location == "exercises" and "from the catalogue" in problem.message


def test_a_routine_id_already_in_use_is_a_duplicate_id_problem(catalog: Catalog) -> None:
    draft = new_draft(catalog)
    draft.add_exercise("clamshell")
    draft.set_id("runners-knee")
    [problem] = draft.problems()
    assert problem.location == "id" and "duplicate id 'runners-knee'" in problem.message


def test_an_own_exercise_with_min_above_max_is_a_problem_at_its_range(catalog: Catalog) -> None:
    draft = new_draft(catalog)
    index = draft.add_own_exercise()
    draft.add_exercise(draft.get(("own_exercises", index, "id")))
    assert draft.problems() == []
    draft.set_field(("own_exercises", index, "reps"), [20, 10])
    locations = [p.location for p in draft.problems()]
    assert "own_exercises[0].reps" in locations
    assert any("min 20 is above max 10" in p.message for p in draft.problems())


def test_two_own_exercises_with_one_id_are_a_duplicate_id_problem(catalog: Catalog) -> None:
    draft = new_draft(catalog)
    draft.add_own_exercise()
    second = draft.add_own_exercise()
    draft.add_exercise("clamshell")
    draft.set_own_id(second, "my-exercise")
    assert any(
        p.location == "own_exercises[1].id" and "duplicate id" in p.message
        for p in draft.problems()
    )


def test_renaming_switching_and_removing_an_own_exercise_follow_its_uses(catalog: Catalog) -> None:
    draft = new_draft(catalog)
    index = draft.add_own_exercise()
    draft.add_exercise("my-exercise")
    draft.set_own_id(index, "heel-walk")
    assert ids(draft) == ["heel-walk"]
    draft.set_own_kind(index, Kind.HOLD)
    assert draft.problems() == []
    entry = draft.entries()[0]
    assert "reps" not in entry["target"]
    draft.set_field(("exercises", 0, "target", "hold_s"), 25)
    draft.set_tempo(index, 0, 0, 0)  # a hold has no tempo: the validator says so
    assert any(p.location == "own_exercises[0].tempo" for p in draft.problems())
    draft.undo()
    draft.remove_own_exercise(index)
    assert ids(draft) == [] and draft.own_tables() == []


def test_a_builtin_routine_is_read_only_and_its_duplicate_is_editable(catalog: Catalog) -> None:
    builtin = RoutineDraft.from_routine(
        catalog.routine("runners-knee"), catalog.exercises, set(catalog.routines)
    )
    assert builtin.read_only and builtin.problems() == []
    with pytest.raises(ReadOnlyError):
        builtin.add_exercise("plank")
    copy = builtin.duplicate(set(catalog.routines))
    assert (
        copy.get(("id",)) == "runners-knee-copy" and copy.get(("name",)) == "Runner's knee (copy)"
    )
    assert not copy.read_only and copy.needs_saving and copy.problems() == []
    copy.add_exercise("plank")
    assert len(copy.entries()) == len(builtin.entries()) + 1


def test_item_quantity_reads_ranges_targets_and_defaults(catalog: Catalog) -> None:
    clamshell = catalog.exercises["clamshell"]
    assert item_quantity({"id": "clamshell"}, clamshell, "sets") == (2, 3, 2)
    assert item_quantity({"sets": 3, "target": {"sets": 3}}, clamshell, "sets") == (3, 3, 3)
    assert item_quantity({"sets": [2, 3]}, clamshell, "hold_s") is None


def test_search_matches_words_and_filters_by_muscle_and_condition(catalog: Catalog) -> None:
    exercises = list(catalog.exercises.values())
    assert [ex.id for ex in search_exercises(exercises, "clam")] == ["clamshell"]
    assert search_exercises(exercises, "wall")[0].name.lower().startswith("wall")
    calves = search_exercises(exercises, muscle="Calves")
    assert calves and all("calves" in (m.lower() for m in ex.muscles) for ex in calves)
    knee = search_exercises(exercises, condition="plantar-fasciitis")
    assert knee and all("plantar-fasciitis" in ex.conditions for ex in knee)


def test_a_saved_draft_loads_back_the_same_and_validates_on_the_command_line(
    catalog: Catalog, data_dir: Path
) -> None:
    draft = new_draft(catalog)
    draft.rename("My knees")
    draft.set_field(("lead_in_s",), 15)
    draft.add_exercise("clamshell")
    draft.add_exercise("wall-sit")
    draft.set_field(("exercises", 1, "hold_s"), [30, 45])
    draft.set_field(("exercises", 1, "target", "hold_s"), 40)
    own = draft.add_own_exercise()
    draft.set_field(("own_exercises", own, "instructions"), ["Walk on your heels."])
    draft.add_exercise("my-exercise")
    path = save_draft(draft, data_dir)
    assert path == data_dir / "routines" / "my-knees.toml"
    assert not draft.dirty and path.stat().st_mode & 0o777 == 0o600
    loaded = Catalog.load(data_dir).routine("my-knees")
    assert routine_to_toml(loaded) == routine_to_toml(draft.routine())
    assert [i.exercise.id for i in loaded.items] == ["clamshell", "wall-sit", "my-exercise"]
    assert loaded.name == "My knees" and loaded.lead_in_s == 15 and not loaded.builtin
    assert loaded.items[1].hold_s.as_list() == [30, 45] and loaded.items[1].default.hold_s == 40
    assert loaded.own_exercises[0].instructions == ("Walk on your heels.",)
    done = subprocess.run(
        [sys.executable, "-m", "ptcoach", "validate", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_saving_under_a_new_id_moves_the_old_file_to_the_trash(
    catalog: Catalog, data_dir: Path
) -> None:
    draft = new_draft(catalog)
    draft.rename("First")
    draft.add_exercise("plank")
    first = save_draft(draft, data_dir)
    fresh = Catalog.load(data_dir)
    reopened = RoutineDraft.from_routine(
        fresh.routine("first"), fresh.exercises, taken_routine_ids(fresh, data_dir)
    )
    assert reopened.problems() == []  # its own id is not a duplicate of itself
    reopened.set_id("second")
    second = save_draft(reopened, data_dir)
    assert second.exists() and not first.exists()
    assert (data_dir / "routines" / ".trash" / "first.toml").exists()


def test_a_file_that_failed_to_load_still_keeps_its_id_from_a_new_routine(
    catalog: Catalog, data_dir: Path
) -> None:
    folder = data_dir / "routines"
    folder.mkdir(parents=True)
    (folder / "broken.toml").write_text("id = \n", encoding="utf-8")
    draft = RoutineDraft.new(catalog.exercises, taken_routine_ids(Catalog.load(data_dir), data_dir))
    draft.add_exercise("plank")
    draft.set_id("broken")
    assert any("duplicate id" in p.message for p in draft.problems())
    with pytest.raises(ValidationError):
        save_draft(draft, data_dir)
    assert (folder / "broken.toml").read_text(encoding="utf-8") == "id = \n"


def test_move_to_trash_keeps_every_deleted_version(tmp_path: Path) -> None:
    for text in ("one", "two"):
        path = tmp_path / "r.toml"
        path.write_text(text, encoding="utf-8")
        move_to_trash(path)
    kept = sorted(p.read_text(encoding="utf-8") for p in (tmp_path / ".trash").iterdir())
    assert kept == ["one", "two"] and not (tmp_path / "r.toml").exists()


def test_a_new_routine_uses_the_runners_default_lead_in_and_rest(catalog: Catalog) -> None:
    draft = RoutineDraft.new(catalog.exercises, lead_in_s=15, rest_s=45)
    assert draft.data["lead_in_s"] == 15 and draft.data["rest_between_exercises_s"] == 45
    draft.add_exercise("wall-sit")  # its rest range holds 45 s
    draft.add_exercise("clamshell")
    rests = [e["rest_s"] for e in draft.entries()]
    wall, clam = catalog.exercises["wall-sit"].rest_s, catalog.exercises["clamshell"].rest_s
    assert rests == [wall.clamp(45), clam.clamp(45)]
    assert draft.problems() == []
