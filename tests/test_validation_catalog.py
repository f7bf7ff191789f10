"""The catalogue (built-ins plus the user's routines, bad files set aside) and the routine
writer (what it writes loads back to the same routine).
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from pathlib import Path

import pytest

from ptcoach.catalog.catalog import Catalog
from ptcoach.catalog.loader import load_routine_file
from ptcoach.catalog.model import Exercise, Routine
from ptcoach.catalog.writer import routine_to_toml, write_routine

DATA = Path(__file__).parent / "data"


def load(data_dir: Path) -> Catalog:
    return Catalog.load(data_dir, exercises_dir=DATA / "exercises", routines_dir=DATA / "routines")


def add_own(data_dir: Path, name: str, text: str) -> Path:
    folder = data_dir / "routines"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text)
    return path


def test_an_empty_data_dir_gives_the_built_ins_only(data_dir: Path) -> None:
    catalog = load(data_dir)
    assert list(catalog.routines) == ["knee-test"]
    assert set(catalog.exercises) == {"clamshell", "wall-sit", "foam-roll-legs", "contrast-bath"}
    assert catalog.problems == []
    assert not data_dir.exists()  # loading never creates the data dir


def test_own_routines_follow_the_built_ins(data_dir: Path) -> None:
    add_own(data_dir, "my-evening.toml", (DATA / "own" / "my-evening.toml").read_text())
    catalog = load(data_dir)
    assert list(catalog.routines) == ["knee-test", "my-evening"]
    assert [r.id for r in catalog.own_routines()] == ["my-evening"]
    assert not catalog.routine("my-evening").builtin


def test_a_broken_own_routine_is_left_out_and_its_problems_kept(data_dir: Path) -> None:
    add_own(data_dir, "my-evening.toml", (DATA / "own" / "my-evening.toml").read_text())
    bad = add_own(data_dir, "broken.toml", 'id = "broken"\nname = 3\n')
    catalog = load(data_dir)
    assert list(catalog.routines) == ["knee-test", "my-evening"]
    assert {p.file for p in catalog.problems} == {str(bad)}
    assert any(p.location == "name" for p in catalog.problems)


def test_an_own_routine_cannot_override_a_built_in(data_dir: Path) -> None:
    text = (DATA / "routines" / "knee-test.toml").read_text().replace('"Knee test"', '"Mine"')
    path = add_own(data_dir, "knee-test.toml", text)
    catalog = load(data_dir)
    assert catalog.routine("knee-test").name == "Knee test"
    [problem] = catalog.problems
    assert problem.file == str(path) and "already used by a built-in routine" in problem.message


def test_two_own_routines_with_one_id_keep_the_first(data_dir: Path) -> None:
    text = (DATA / "own" / "my-evening.toml").read_text()
    add_own(data_dir, "a.toml", text)
    second = add_own(data_dir, "b.toml", text)
    catalog = load(data_dir)
    assert catalog.routine("my-evening").path.endswith("a.toml")
    assert [p.file for p in catalog.problems] == [str(second)]


def test_an_unknown_routine_id_raises_key_error_naming_close_and_known_ids(data_dir: Path) -> None:
    with pytest.raises(KeyError) as info:
        load(data_dir).routine("knee-tst")
    assert "did you mean knee-test?" in info.value.args[0]
    assert "known routines: knee-test" in info.value.args[0]


def test_the_shipped_catalogue_has_the_runners_knee_routine(data_dir: Path) -> None:
    catalog = Catalog.load(data_dir)
    assert catalog.problems == []
    assert catalog.routine("runners-knee").builtin


# -- writer -------------------------------------------------------------------------------


def content(routine: Routine) -> Routine:
    """The routine without where it came from (path, built-in flag, exercise sources)."""

    def plain(ex: Exercise) -> Exercise:
        return dataclasses.replace(ex, source="")

    items = tuple(dataclasses.replace(i, exercise=plain(i.exercise)) for i in routine.items)
    return dataclasses.replace(
        routine,
        path="",
        builtin=False,
        items=items,
        own_exercises=tuple(plain(e) for e in routine.own_exercises),
    )


@pytest.mark.parametrize(
    "source", [DATA / "routines" / "knee-test.toml", DATA / "own" / "my-evening.toml"]
)
def test_a_written_routine_loads_back_to_the_same_routine(tmp_path: Path, source: Path) -> None:
    exercises = load(tmp_path).exercises
    original = load_routine_file(source, exercises)
    path = tmp_path / "out.toml"
    write_routine(original, path)
    assert content(load_routine_file(path, exercises)) == content(original)


def test_every_shipped_routine_survives_a_round_trip(tmp_path: Path) -> None:
    catalog = Catalog.load(tmp_path)
    for routine in catalog.routines.values():
        path = tmp_path / f"{routine.id}.toml"
        write_routine(routine, path)
        assert content(load_routine_file(path, catalog.exercises)) == content(routine)


def test_the_written_toml_is_readable_and_escapes_strings(tmp_path: Path) -> None:
    original = load_routine_file(DATA / "own" / "my-evening.toml", {})
    tricky = dataclasses.replace(original, description='Say "hi"\n\tand \\ go ]] #')
    text = routine_to_toml(tricky)
    assert tomllib.loads(text)["description"] == tricky.description
    assert "sets = [1, 3]" in text and "target = { sets = 2, reps = 12 }" in text
    path = tmp_path / "t.toml"
    write_routine(tricky, path)
    assert load_routine_file(path, {}).description == tricky.description


def test_writing_replaces_the_file_atomically_and_leaves_no_temp_files(tmp_path: Path) -> None:
    original = load_routine_file(DATA / "own" / "my-evening.toml", {})
    path = tmp_path / "r.toml"
    path.write_text("old")
    inode = path.stat().st_ino
    write_routine(original, path)
    assert path.stat().st_ino != inode  # a new file renamed over the old one
    assert os.listdir(tmp_path) == ["r.toml"]
    assert tomllib.loads(path.read_text())["id"] == "my-evening"
