"""Routine and exercise files: valid ones load into the model, and each kind of mistake gets a
problem naming the key path, the line, the bad value and what is allowed, all at once.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from ptcoach.catalog.loader import (
    load_builtin_exercises,
    load_builtin_routines,
    load_exercise_file,
    load_routine_file,
)
from ptcoach.catalog.model import Exercise, Kind, Pacing, Range, Targets, TempoStep
from ptcoach.catalog.validate import Problem, ValidationError

DATA = Path(__file__).parent / "data"

HEADER = 'format = 1\nid = "test-routine"\nname = "Test"\n'


@pytest.fixture(scope="module")
def exercises() -> dict[str, Exercise]:
    return load_builtin_exercises(DATA / "exercises")


def problems_of(
    tmp_path: Path, text: str, exercises: dict[str, Exercise], name: str = "routine.toml"
) -> list[Problem]:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        load_routine_file(path, exercises)
    assert info.value.problems, "a ValidationError must carry problems"
    for problem in info.value.problems:
        assert problem.file == str(path)
        assert str(problem).startswith(f"{path}: ")
    return info.value.problems


def only(problems: list[Problem], location: str) -> Problem:
    found = [p for p in problems if p.location == location]
    assert len(found) == 1, f"expected one problem at {location}, got {problems}"
    return found[0]


# -- valid files --------------------------------------------------------------------------


def test_a_valid_exercise_file_loads_every_field(exercises: dict[str, Exercise]) -> None:
    ex = load_exercise_file(DATA / "exercises" / "clamshell.toml")
    assert ex.kind is Kind.REPS and ex.pacing is Pacing.TEMPO and ex.per_side
    assert ex.sets == Range(2, 3) and ex.reps == Range(10, 30) and ex.rest_s == Range(30, 60)
    assert ex.tempo == (TempoStep("lift", 2), TempoStep("hold", 1), TempoStep("lower", 2))
    assert ex.conditions == ("runners-knee",) and ex.learn == "runners-knee"
    assert ex.instructions[0].startswith("Lie on your side")
    assert ex.source == "built-in"
    assert exercises["foam-roll-legs"].areas == ("calf", "hamstring", "quadriceps")
    assert exercises["contrast-bath"].cold_s == Range(30, 60)


def test_a_valid_routine_narrows_ranges_and_sets_default_targets(
    exercises: dict[str, Exercise],
) -> None:
    routine = load_builtin_routines(exercises, DATA / "routines")["knee-test"]
    assert routine.builtin and routine.condition == "runners-knee"
    clam, wall, roll, bath = routine.items
    assert clam.reps == Range(15, 15) and clam.sets == Range(2, 3) and clam.rest_s == 30
    assert clam.default == Targets(sets=2, reps=15, rest_s=30)
    assert clam.note == "Keep the heels together."
    assert wall.hold_s == Range(30, 45) and wall.default.hold_s == 30.5
    # Unset: the exercise's ranges, each target its range's minimum, rest the minimum rest.
    assert roll.sets == Range(1, 2) and roll.default == Targets(sets=1, hold_s=30, rest_s=0)
    assert bath.cold_s == Range(45, 45) and bath.default.cold_s == 45


def test_a_routine_with_its_own_exercises_needs_nothing_built_in() -> None:
    routine = load_routine_file(DATA / "own" / "my-evening.toml", {})
    assert not routine.builtin
    assert [ex.id for ex in routine.own_exercises] == ["my-toe-tap", "my-wall-lean"]
    tap, lean = routine.items
    assert tap.exercise.pacing is Pacing.SELF and tap.exercise.category == "own"
    assert tap.exercise.source == str(DATA / "own" / "my-evening.toml")
    assert tap.default == Targets(sets=2, reps=12, rest_s=20)
    assert lean.exercise.side_switch_s == 3 and lean.default.hold_s == 40


# -- syntax ------------------------------------------------------------------------------


def test_a_syntax_error_reports_its_line_and_column(
    tmp_path: Path, exercises: dict[str, Exercise]
) -> None:
    problems = problems_of(tmp_path, HEADER + "lead_in_s = = 3\n", exercises)
    assert len(problems) == 1
    assert problems[0].location == "line 4, column 13"
    assert problems[0].message.startswith("TOML syntax: ")


def test_an_unclosed_array_is_reported_at_the_end_of_the_file(
    tmp_path: Path, exercises: dict[str, Exercise]
) -> None:
    problems = problems_of(
        tmp_path, HEADER + "[[exercises]]\nid = 'clamshell'\nsets = [2,\n", exercises
    )
    assert problems[0].location == "line 6 (end of file)"
    assert "unclosed" in problems[0].message


# -- keys and types -----------------------------------------------------------------------


def test_an_unknown_key_suggests_the_closest_known_key(
    tmp_path: Path, exercises: dict[str, Exercise]
) -> None:
    problems = problems_of(
        tmp_path,
        HEADER
        + """
        [[exercises]]
        id = "clamshell"
        repz = 15
        """,
        exercises,
    )
    p = only(problems, "exercises[0].repz")
    assert p.line == 7
    assert "unknown key 'repz'" in p.message and "did you mean 'reps'?" in p.message


def test_an_unknown_top_level_key_lists_the_known_keys(
    tmp_path: Path, exercises: dict[str, Exercise]
) -> None:
    problems = problems_of(
        tmp_path, HEADER + 'colour = "red"\n[[exercises]]\nid = "wall-sit"\n', exercises
    )
    p = only(problems, "colour")
    assert p.line == 4 and "known keys:" in p.message and "lead_in_s" in p.message


def test_missing_required_keys_are_named(tmp_path: Path, exercises: dict[str, Exercise]) -> None:
    problems = problems_of(tmp_path, "format = 1\n[[exercises]]\nsets = 2\n", exercises)
    top = [p.message for p in problems if p.location == "file"]
    assert any("'id'" in m for m in top) and any("'name'" in m for m in top)
    assert "missing required key 'id'" in only(problems, "exercises[0]").message


@pytest.mark.parametrize(
    ("line", "location", "expected"),
    [
        ('lead_in_s = "ten"', "lead_in_s", "must be a number from 0 to 120 seconds; got a string"),
        ("lead_in_s = true", "lead_in_s", "got a boolean"),
        ("lead_in_s = nan", "lead_in_s", "got nan"),
        ("name = 3", "name", "must be a string; got an integer"),
        ("general_guidance = 1", "general_guidance", "must be true or false"),
        ('condition = "runners-kne"', "condition", "did you mean 'runners-knee'?"),
        ("format = 2", "format", "reads format 1; the file says 2"),
        ('exercises = "clamshell"', "exercises", "must be an array of tables ([[exercises]])"),
    ],
)
def test_wrong_types_name_the_value_and_what_is_allowed(
    tmp_path: Path, exercises: dict[str, Exercise], line: str, location: str, expected: str
) -> None:
    text = HEADER.replace('name = "Test"\n', "" if line.startswith("name") else 'name = "Test"\n')
    text = text.replace("format = 1\n", "")
    body = "" if line.startswith("exercises") else '[[exercises]]\nid = "wall-sit"\n'
    problems = problems_of(tmp_path, text + line + "\n" + body, exercises)
    assert expected in only(problems, location).message


# -- numbers and ranges -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "location", "expected"),
    [
        ("sets = 0", "exercises[0].sets", "0 is out of range: must be a whole number from 1 to 20"),
        ("sets = 2.5", "exercises[0].sets", "must be a whole number"),
        ("reps = [10, 500]", "exercises[0].reps[1]", "500 is out of range"),
        ("reps = [1, 2, 3]", "exercises[0].reps", "must be [min, max]"),
        ("reps = [20, 12]", "exercises[0].reps", "min 20 is above max 12; write [12, 20]"),
        ("reps = [5, 12]", "exercises[0].reps", "[5, 12] is outside clamshell's range [10, 30]"),
        ("sets = 5", "exercises[0].sets", "5 is outside clamshell's range [2, 3]"),
        ("hold_s = 30", "exercises[0].hold_s", "does not apply to 'clamshell' (kind 'reps')"),
        ("rest_s = 5", "exercises[0].rest_s", "5 is outside clamshell's rest range [30, 60]"),
        ("rest_s = 4000", "exercises[0].rest_s", "must be a number from 0 to 1800 seconds"),
        (
            "target = { reps = 40 }",
            "exercises[0].target.reps",
            "target 40 is outside the routine's range [10, 30]",
        ),
        (
            "reps = 15\ntarget = { reps = 16 }",
            "exercises[0].target.reps",
            "target 16 is outside the routine's range [15, 15]",
        ),
        ("target = { hold_s = 30 }", "exercises[0].target.hold_s", "does not apply"),
        ("target = { sets = 2, speed = 3 }", "exercises[0].target.speed", "unknown key 'speed'"),
        ("target = 3", "exercises[0].target", "must be a table"),
        ("note = 5", "exercises[0].note", "must be a string"),
    ],
)
def test_bad_numbers_in_a_routine_item_are_reported_with_their_path(
    tmp_path: Path, exercises: dict[str, Exercise], item: str, location: str, expected: str
) -> None:
    problems = problems_of(
        tmp_path, HEADER + '[[exercises]]\nid = "clamshell"\n' + item + "\n", exercises
    )
    p = only(problems, location)
    assert expected in p.message
    assert p.line is not None and p.line >= 5


def test_the_line_points_at_the_right_exercise_table(
    tmp_path: Path, exercises: dict[str, Exercise]
) -> None:
    text = HEADER + (
        '[[exercises]]\nid = "wall-sit"\n\n' * 2
        + '[[exercises]]\nid = "wall-sit"\nhold_s = [10, 20]\n'
    )
    p = only(problems_of(tmp_path, text, exercises), "exercises[2].hold_s")
    assert p.line == 12
    assert str(p).endswith(
        "exercises[2].hold_s (line 12): [10, 20] is outside wall-sit's "
        "range [20, 60]; pick values within it"
    )


# -- ids ----------------------------------------------------------------------------------


def test_an_unknown_exercise_id_suggests_close_ids(
    tmp_path: Path, exercises: dict[str, Exercise]
) -> None:
    problems = problems_of(tmp_path, HEADER + '[[exercises]]\nid = "clamshel"\n', exercises)
    p = only(problems, "exercises[0].id")
    assert p.message == "unknown exercise 'clamshel'; did you mean 'clamshell'?"
    assert p.line == 5


def test_an_unknown_exercise_id_far_from_any_lists_known_ids(
    tmp_path: Path, exercises: dict[str, Exercise]
) -> None:
    problems = problems_of(tmp_path, HEADER + '[[exercises]]\nid = "zzz"\n', exercises)
    message = only(problems, "exercises[0].id").message
    assert "known ids include: clamshell, contrast-bath" in message


def test_an_invalid_routine_id_says_what_an_id_may_contain(
    tmp_path: Path, exercises: dict[str, Exercise]
) -> None:
    text = HEADER.replace('"test-routine"', '"Bad Id"') + '[[exercises]]\nid = "wall-sit"\n'
    assert "a-z, 0-9 and '-'" in only(problems_of(tmp_path, text, exercises), "id").message


def test_duplicate_own_exercise_ids_are_a_problem(
    tmp_path: Path, exercises: dict[str, Exercise]
) -> None:
    own = '[[own_exercises]]\nid = "mine"\nname = "Mine"\nkind = "hold"\nsets = 1\nhold_s = 5\n'
    problems = problems_of(tmp_path, HEADER + '[[exercises]]\nid = "mine"\n' + own + own, exercises)
    p = only(problems, "own_exercises[1].id")
    assert "duplicate id 'mine': own_exercises[0] has it too" in p.message
    assert p.line == 13


def test_an_own_exercise_may_not_reuse_a_built_in_id(
    tmp_path: Path, exercises: dict[str, Exercise]
) -> None:
    own = '[[own_exercises]]\nid = "wall-sit"\nname = "W"\nkind = "hold"\nsets = 1\nhold_s = 5\n'
    problems = problems_of(tmp_path, HEADER + '[[exercises]]\nid = "wall-sit"\n' + own, exercises)
    assert "is a built-in exercise's id" in only(problems, "own_exercises[0].id").message
    assert len(problems) == 1  # the item using it is not blamed as well


def test_a_broken_own_exercise_is_not_also_reported_as_unknown(
    tmp_path: Path, exercises: dict[str, Exercise]
) -> None:
    problems = problems_of(
        tmp_path, DATA.joinpath("invalid/own-exercise-problems.toml").read_text(), exercises
    )
    assert not [p for p in problems if "unknown exercise" in p.message]
    assert (
        "'jump' is not allowed; did you mean 'up'?"
        in only(problems, "own_exercises[0].tempo[0].step").message
    )
    assert (
        "applies only to kind hold or areas or contrast"
        in only(problems, "own_exercises[0].hold_s").message
    )


def test_an_empty_routine_is_a_problem(tmp_path: Path, exercises: dict[str, Exercise]) -> None:
    problems = problems_of(tmp_path, HEADER + "exercises = []\n", exercises)
    assert "needs at least one exercise" in only(problems, "exercises").message


def test_every_problem_in_a_file_is_reported_at_once(exercises: dict[str, Exercise]) -> None:
    with pytest.raises(ValidationError) as info:
        load_routine_file(DATA / "invalid" / "many-problems.toml", exercises)
    where = [p.location for p in info.value.problems]
    assert where == [
        "colour",
        "id",
        "exercises[0].id",
        "exercises[1].sets",
        "exercises[1].reps",
        "exercises[1].hold_s",
        "exercises[2].reps",
        "exercises[2].target.sets",
        "exercises[2].target.reps",
    ]
    assert [p.line for p in info.value.problems] == [5, 3, 8, 12, 14, 13, 18, 19, 19]


# -- exercise files -----------------------------------------------------------------------


def exercise_problems(tmp_path: Path, text: str, name: str = "thing.toml") -> list[Problem]:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        load_exercise_file(path)
    return info.value.problems


def test_an_exercise_id_must_match_its_file_name(tmp_path: Path) -> None:
    text = (DATA / "exercises" / "wall-sit.toml").read_text()
    p = only(exercise_problems(tmp_path, text, "wall.toml"), "id")
    assert "does not match the file name 'wall.toml'" in p.message and p.line == 1


def test_a_built_in_exercise_must_be_complete_and_consistent(tmp_path: Path) -> None:
    problems = exercise_problems(
        tmp_path,
        """\
        id = "thing"
        name = "Thing"
        kind = "reps"
        sets = [1, 3]
        cold_s = [5, 10]
        tempo = [{ step = "lift", s = 0 }, { step = "lower", secs = 1 }]
        """,
    )
    messages = [str(p) for p in problems]
    for key in (
        "category",
        "muscles",
        "summary",
        "per_side",
        "rest_s",
        "instructions",
        "safety",
        "reps",
    ):
        assert any(f"missing required key {key!r}" in m for m in messages), key
    assert "applies only to kind contrast" in only(problems, "cold_s").message
    assert "unknown key 'secs'" in only(problems, "tempo[1].secs").message


def test_tempo_paced_reps_without_a_tempo_say_how_to_fix_it(tmp_path: Path) -> None:
    text = (DATA / "exercises" / "clamshell.toml").read_text()
    text = "\n".join(line for line in text.splitlines() if not line.startswith("tempo"))
    problems = exercise_problems(tmp_path, text, "clamshell.toml")
    assert any('or set pacing = "self"' in p.message for p in problems)


def test_built_in_folders_with_a_bad_file_fail_loudly(tmp_path: Path) -> None:
    (tmp_path / "ok.toml").write_text(
        (DATA / "exercises" / "wall-sit.toml").read_text().replace('"wall-sit"', '"ok"')
    )
    (tmp_path / "bad.toml").write_text('id = "bad"\n')
    with pytest.raises(ValidationError) as info:
        load_builtin_exercises(tmp_path)
    assert {p.file for p in info.value.problems} == {str(tmp_path / "bad.toml")}
