"""The shipped catalogue content: every exercise and number the seed article names, one
routine per condition, complete coaching text, and nothing copied from the seed verbatim.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ptcoach.catalog.catalog import Catalog
from ptcoach.catalog.model import Exercise, Kind, Range, Routine
from ptcoach.engine.plan import expand

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
# Fingerprints of the seed article's 8-word runs (tests/helpers/seed_runs.py makes them from
# the article, which is kept outside the repository): no word of it is needed here.
SEED_RUNS = Path(__file__).resolve().parent / "data" / "seed-runs.txt"

CONDITIONS = (
    "runners-knee",
    "shin-splints",
    "achilles-tendonitis",
    "plantar-fasciitis",
    "it-band-syndrome",
    "patellar-tendonitis",
    "lower-back-pain",
)
ROUTINE_IDS = (*CONDITIONS, "flexibility", "strength", "heat-and-cold")
LEARN_PAGES = (*CONDITIONS, "strength-training", "flexibility", "heat-and-cold", "foam-rolling")
SEED_PROGRAM = ("clamshell", "straight-leg-raise", "wall-sit", "step-up", "foam-roll")
CORE_MUSCLES = {"abdominals", "deep core", "obliques"}


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    return Catalog.load(tmp_path_factory.mktemp("data"))


@pytest.fixture(scope="module")
def exercises(catalog: Catalog) -> dict[str, Exercise]:
    return catalog.exercises


@pytest.fixture(scope="module")
def routines(catalog: Catalog) -> dict[str, Routine]:
    return catalog.routines


def data_files() -> list[Path]:
    return sorted(RESOURCES.glob("exercises/*.toml")) + sorted(RESOURCES.glob("routines/*.toml"))


def strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


def text_of(ex: Exercise) -> str:
    return " ".join((*ex.instructions, ex.summary)).lower()


# --- the catalogue loads cleanly ---------------------------------------------------------


def test_the_shipped_catalogue_loads_without_problems(catalog: Catalog) -> None:
    assert list(catalog.problems) == []
    assert len(catalog.exercises) == len(list(RESOURCES.glob("exercises/*.toml")))
    assert len(catalog.routines) == len(list(RESOURCES.glob("routines/*.toml")))


def test_each_exercise_file_is_named_for_its_id() -> None:
    for path in RESOURCES.glob("exercises/*.toml"):
        assert tomllib.loads(path.read_text(encoding="utf-8"))["id"] == path.stem


# --- the seed's runner's knee program, with the seed's numbers ----------------------------


def test_clamshell_is_two_to_three_sets_of_fifteen_per_side_with_knees_at_45_degrees(
    exercises: dict[str, Exercise],
) -> None:
    ex = exercises["clamshell"]
    assert (ex.kind, ex.category, ex.per_side) == (Kind.REPS, "runners-knee", True)
    assert ex.sets == Range(2, 3)
    assert ex.reps == Range(15, 15)
    assert "gluteus medius" in ex.muscles
    text = text_of(ex)
    assert re.search(r"45[ -]degree", text)
    assert "feet" in text and "pelvis" in text


def test_straight_leg_raise_is_ten_to_fifteen_per_side_lifted_to_the_bent_knee(
    exercises: dict[str, Exercise],
) -> None:
    ex = exercises["straight-leg-raise"]
    assert (ex.kind, ex.category, ex.per_side) == (Kind.REPS, "runners-knee", True)
    assert ex.reps == Range(10, 15)
    assert "quadriceps" in ex.muscles
    assert "bent knee" in text_of(ex)
    assert [s.name for s in ex.tempo] == ["lift", "hold", "lower"]
    # The seed gives no sets: the guidance note must say the sets are standard values.
    assert ex.general_guidance and "sets" in ex.guidance_note.lower()


def test_wall_sit_holds_thirty_to_sixty_seconds_with_thighs_near_90_degrees(
    exercises: dict[str, Exercise],
) -> None:
    ex = exercises["wall-sit"]
    assert (ex.kind, ex.category, ex.per_side) == (Kind.HOLD, "runners-knee", False)
    assert ex.hold_s == Range(30, 60)
    assert {"quadriceps", "glutes", "hamstrings"} <= set(ex.muscles)
    assert "90 degrees" in text_of(ex)


def test_step_up_is_ten_to_fifteen_on_each_leg_with_a_slower_lowering(
    exercises: dict[str, Exercise],
) -> None:
    ex = exercises["step-up"]
    assert (ex.kind, ex.category, ex.per_side) == (Kind.REPS, "runners-knee", True)
    assert ex.reps == Range(10, 15)
    text = text_of(ex)
    assert "heel" in text and "toes" in text and "slowly" in text
    steps = {s.name: s.seconds for s in ex.tempo}
    assert steps["down"] > steps["up"]


def test_foam_rolling_spends_thirty_to_sixty_seconds_on_quads_it_band_and_calves(
    exercises: dict[str, Exercise],
) -> None:
    ex = exercises["foam-roll"]
    assert (ex.kind, ex.per_side) == (Kind.AREAS, True)
    assert ex.areas == ("quadriceps", "IT band", "calves")
    assert ex.hold_s == Range(30, 60)
    assert ex.learn == "foam-rolling"


def test_the_runners_knee_routine_is_the_seeds_program_in_order(
    routines: dict[str, Routine],
) -> None:
    routine = routines["runners-knee"]
    assert tuple(item.exercise.id for item in routine.items) == SEED_PROGRAM
    clamshell = routine.items[0]
    assert clamshell.default.sets in Range(2, 3) and clamshell.default.reps == 15


# --- flexibility, strength, heat and cold --------------------------------------------------


@pytest.mark.parametrize("ex_id", ["hamstring-stretch", "calf-stretch", "hip-flexor-stretch"])
def test_the_seeds_stretches_are_thirty_second_holds_per_side(
    exercises: dict[str, Exercise], ex_id: str
) -> None:
    ex = exercises[ex_id]
    assert (ex.kind, ex.category, ex.per_side) == (Kind.HOLD, "flexibility", True)
    assert ex.hold_s is not None and 30 in ex.hold_s
    assert ex.sets == Range(2, 4)
    assert ex.general_guidance


def test_strength_exercises_cover_core_glutes_and_hamstrings(
    exercises: dict[str, Exercise], routines: dict[str, Routine]
) -> None:
    strength = [ex for ex in exercises.values() if ex.category == "strength"]
    assert all(ex.general_guidance for ex in strength)
    in_routine = {m for item in routines["strength"].items for m in item.exercise.muscles}
    assert in_routine & CORE_MUSCLES
    assert {"glutes", "hamstrings"} <= in_routine


def test_contrast_therapy_alternates_heat_then_cold_with_safety_advice(
    exercises: dict[str, Exercise],
) -> None:
    ex = exercises["contrast-therapy"]
    assert (ex.kind, ex.category, ex.per_side) == (Kind.CONTRAST, "recovery", False)
    assert ex.hold_s == Range(180, 240)
    assert ex.cold_s == Range(60, 60)
    assert ex.sets == Range(3, 5)
    safety = ex.safety.lower()
    assert "cloth" in safety and "numb" in safety and "skin" in safety
    assert ex.general_guidance and "heat" in ex.guidance_note.lower()


@pytest.mark.parametrize(
    "ex_id,condition",
    [
        ("calf-raise", "achilles-tendonitis"),
        ("eccentric-heel-drop", "achilles-tendonitis"),
        ("toe-raise", "shin-splints"),
        ("plantar-fascia-stretch", "plantar-fasciitis"),
        ("foot-roll", "plantar-fasciitis"),
        ("spanish-squat", "patellar-tendonitis"),
    ],
)
def test_condition_specific_exercises_are_general_guidance_for_their_condition(
    exercises: dict[str, Exercise], ex_id: str, condition: str
) -> None:
    ex = exercises[ex_id]
    assert condition in ex.conditions
    assert ex.general_guidance and ex.guidance_note


# --- routines -----------------------------------------------------------------------------


def test_there_is_one_routine_per_condition_plus_flexibility_strength_and_heat(
    routines: dict[str, Routine],
) -> None:
    assert set(routines) == set(ROUTINE_IDS)
    for condition in CONDITIONS:
        assert routines[condition].condition == condition


def test_every_routine_uses_only_known_exercises(
    exercises: dict[str, Exercise], routines: dict[str, Routine]
) -> None:
    for routine in routines.values():
        for item in routine.items:
            assert exercises[item.exercise.id] == item.exercise, routine.id


def test_every_exercise_is_used_by_some_routine(
    exercises: dict[str, Exercise], routines: dict[str, Routine]
) -> None:
    used = {item.exercise.id for r in routines.values() for item in r.items}
    assert used == set(exercises)


@pytest.mark.parametrize("routine_id", ROUTINE_IDS)
def test_each_routine_takes_ten_to_twenty_five_minutes_at_its_default_targets(
    routines: dict[str, Routine], routine_id: str
) -> None:
    routine = routines[routine_id]
    assert 10 * 60 <= expand(routine).total_s <= 25 * 60
    assert routine.lead_in_s == 10
    assert 30 <= routine.rest_between_exercises_s <= 45


# --- complete coaching text ---------------------------------------------------------------


def test_every_exercise_has_instructions_mistakes_and_safety(
    exercises: dict[str, Exercise],
) -> None:
    for ex in exercises.values():
        assert 3 <= len(ex.instructions) <= 6, ex.id
        assert 2 <= len(ex.mistakes) <= 4, ex.id
        assert ex.safety.strip() and ex.summary.strip(), ex.id
        assert ex.muscles and ex.conditions, ex.id
        assert ex.learn in LEARN_PAGES, ex.id
        assert ex.illustration == ex.id


def test_every_condition_has_exercises_that_help_with_it(exercises: dict[str, Exercise]) -> None:
    covered = {c for ex in exercises.values() for c in ex.conditions}
    assert covered == set(CONDITIONS)


def test_tempo_paced_exercises_have_a_movement_and_a_return_step(
    exercises: dict[str, Exercise],
) -> None:
    for ex in exercises.values():
        if ex.kind is Kind.REPS and ex.tempo:
            names = {s.name for s in ex.tempo}
            assert names & {"lift", "up", "lower"} and names & {"lower", "down", "up"}, ex.id
            assert 2 <= ex.rep_seconds <= 10, ex.id


def test_every_general_guidance_item_says_which_numbers_are_general_guidance(
    exercises: dict[str, Exercise], routines: dict[str, Routine]
) -> None:
    for item in (*exercises.values(), *routines.values()):
        if item.general_guidance:
            assert len(item.guidance_note) > 30, item.id


def test_no_eight_word_run_of_the_seed_appears_in_any_data_file() -> None:
    from helpers.seed_runs import fingerprint, runs

    seed = set(SEED_RUNS.read_text(encoding="utf-8").split())
    assert len(seed) > 1000  # the article's runs, not an empty file
    copied = []
    for path in data_files():
        for text in strings(tomllib.loads(path.read_text(encoding="utf-8"))):
            copied += [f"{path.name}: {' '.join(r)}" for r in runs(text) if fingerprint(r) in seed]
    assert copied == []
