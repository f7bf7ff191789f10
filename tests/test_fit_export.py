"""FIT workout export, decoded with Garmin's own FIT SDK for Python."""

from __future__ import annotations

from pathlib import Path

from factories import exercise, routine
from garmin_fit_sdk import Decoder, Stream

from ptcoach.catalog.fit_export import write_fit
from ptcoach.catalog.model import Kind, Targets


def decode(path: Path) -> dict[str, list[dict[str, object]]]:
    assert Decoder(Stream.from_file(str(path))).check_integrity()
    messages, errors = Decoder(Stream.from_file(str(path))).read()
    assert errors == []
    return messages


def test_a_per_side_rep_exercise_becomes_a_repeated_block_of_rep_steps(tmp_path: Path) -> None:
    r = routine(
        (exercise("clamshell", per_side=True, side_switch_s=5), Targets(sets=3, reps=15, rest_s=30))
    )
    msgs = decode(write_fit(r, tmp_path / "r.fit"))
    assert msgs["workout_mesgs"][0]["wkt_name"] == "Test"
    assert msgs["file_id_mesgs"][0]["type"] == "workout"
    steps = msgs["workout_step_mesgs"]
    assert [s["wkt_step_name"] for s in steps] == [
        "Clamshell (left)",
        "Switch to right",
        "Clamshell (right)",
        "Rest",
        "Clamshell: 3 sets",
    ]
    left, switch, right, rest, repeat = steps
    assert left["duration_type"] == "reps" and left["duration_reps"] == 15
    assert left["intensity"] == "active" and left["notes"] == "Do it."
    assert right["duration_reps"] == 15
    assert switch["duration_type"] == "time" and switch["duration_time"] == 5.0
    assert switch["intensity"] == "rest"
    assert rest["duration_time"] == 30.0
    assert repeat["duration_type"] == "repeat_until_steps_cmplt"
    assert repeat["duration_step"] == 0 and repeat["repeat_steps"] == 3
    assert msgs["workout_mesgs"][0]["num_valid_steps"] == len(steps)


def test_holds_areas_and_contrast_use_timed_steps(tmp_path: Path) -> None:
    r = routine(
        (exercise("wall-sit", Kind.HOLD), Targets(sets=1, hold_s=45)),
        (exercise("foam", Kind.AREAS, areas=("quadriceps", "calves")), Targets(sets=1, hold_s=30)),
        (exercise("contrast", Kind.CONTRAST), Targets(sets=2, hold_s=180, cold_s=60, rest_s=0)),
        rest_between_exercises_s=20,
    )
    steps = decode(write_fit(r, tmp_path / "r.fit"))["workout_step_mesgs"]
    named = {s["wkt_step_name"]: s for s in steps}
    assert named["Wall-Sit"]["duration_time"] == 45.0
    assert named["Foam: quadriceps"]["duration_time"] == 30.0
    assert named["Foam: calves"]["duration_time"] == 30.0
    assert named["Contrast: heat"]["duration_time"] == 180.0
    assert named["Contrast: cold"]["duration_time"] == 60.0
    assert named["Contrast: 2 sets"]["repeat_steps"] == 2
    heat_index = steps.index(named["Contrast: heat"])
    assert named["Contrast: 2 sets"]["duration_step"] == heat_index
    assert all(s["duration_type"] in ("time", "repeat_until_steps_cmplt") for s in steps)
