"""The real `ptcoach` command in a subprocess: `routines`, `routines show`, `validate`,
`import` and `export`, their exit codes and output, against a temporary data dir.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import tomllib
from pathlib import Path

DATA = Path(__file__).parent / "data"
OWN = DATA / "own" / "my-evening.toml"


def ptcoach(data_dir: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("PTCOACH_DATA_DIR", None)
    return subprocess.run(
        [sys.executable, "-m", "ptcoach", "--data-dir", str(data_dir), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr, result.stderr


def test_routines_lists_the_built_ins_with_counts_and_durations(data_dir: Path) -> None:
    result = ptcoach(data_dir, "routines")
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("runners-knee "))
    assert "built-in" in line and "exercises" in line and " min" in line


def test_routines_as_json_lists_own_routines_after_the_built_ins(data_dir: Path) -> None:
    assert ptcoach(data_dir, "import", OWN).returncode == 0
    result = ptcoach(data_dir, "routines", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows[-1]["id"] == "my-evening" and rows[-1]["source"] == "own"
    assert rows[-1]["exercises"] == 2 and not rows[-1]["builtin"]
    assert rows[-1]["duration_s"] > 0
    knee = next(r for r in rows if r["id"] == "runners-knee")
    assert knee["builtin"] and knee["exercises"] >= 4


def test_routines_show_json_follows_the_documented_schema(data_dir: Path) -> None:
    for args in (
        ("routines", "show", "runners-knee", "--format", "json"),
        ("routines", "--format", "json", "show", "runners-knee"),
    ):
        result = ptcoach(data_dir, *args)
        assert result.returncode == 0, result.stderr
        detail = json.loads(result.stdout)
        assert detail["id"] == "runners-knee" and detail["name"] == "Runner's knee"
        assert detail["exercises"], "the routine has exercises"
        for ex in detail["exercises"]:
            assert isinstance(ex["id"], str) and isinstance(ex["name"], str)
            assert isinstance(ex["per_side"], bool)
            for key in ("sets", "reps", "hold_s"):
                pair = ex[key]
                assert pair is None or (
                    len(pair) == 2
                    and pair[0] <= pair[1]
                    and all(isinstance(x, int | float) for x in pair)
                )
            assert ex["sets"] is not None
        assert detail["exercises"][0]["id"] == "clamshell"
        assert detail["exercises"][0]["per_side"] is True


def test_routines_show_text_names_each_exercise(data_dir: Path) -> None:
    result = ptcoach(data_dir, "routines", "show", "runners-knee")
    assert result.returncode == 0
    assert result.stdout.startswith("Runner's knee (runners-knee, built-in")
    assert "Clamshell [clamshell], each side" in result.stdout


def test_an_unknown_routine_exits_2_naming_close_ids(data_dir: Path) -> None:
    result = ptcoach(data_dir, "routines", "show", "runners-kne")
    assert result.returncode == 2  # a wrong word on the command line, as `run` and `export`
    assert "no routine 'runners-kne'; did you mean runners-knee?" in result.stderr
    no_traceback(result)


def test_bad_usage_exits_2_with_argparse_s_message(data_dir: Path) -> None:
    for args in (
        ("routines", "show"),
        ("routines", "--format", "xml"),
        ("validate",),
        ("import",),
        ("export",),
        ("routines", "frobnicate"),
    ):
        result = ptcoach(data_dir, *args)
        assert result.returncode == 2, args
        assert "usage: ptcoach" in result.stderr and "error:" in result.stderr
        no_traceback(result)


def test_validate_prints_ok_for_good_files_and_exits_0(data_dir: Path) -> None:
    files = [OWN]
    shipped = sorted((Path(__file__).parent.parent / "resources").glob("*/*.toml"))
    files += [p for p in shipped if p.parent.name in ("exercises", "routines")]
    result = ptcoach(data_dir, "validate", *files)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"{f}: ok" for f in files]
    assert result.stderr == ""


def test_validate_reports_every_problem_on_stderr_and_exits_1(
    data_dir: Path, tmp_path: Path
) -> None:
    bad = DATA / "invalid" / "many-problems.toml"
    missing = tmp_path / "missing.toml"
    result = ptcoach(data_dir, "validate", OWN, bad, missing, tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [f"{OWN}: ok"]
    lines = result.stderr.splitlines()
    assert (
        f"{bad}: exercises[0].id (line 8): unknown exercise 'clamshel'; did you mean "
        "'clamshell'?" in lines
    )
    assert (
        f"{bad}: colour (line 5): unknown key 'colour'; known keys: condition, "
        "description, exercises, format, general_guidance, guidance_note, id, lead_in_s, "
        "name, own_exercises, rest_between_exercises_s" in lines
    )
    assert sum(line.startswith(f"{bad}: ") for line in lines) == 9
    assert f"{missing}: file: no such file; check the path" in lines
    assert f"{tmp_path}: file: is a folder, not a file; give the .toml file inside it" in lines
    no_traceback(result)


def test_validate_reports_syntax_and_encoding_errors_with_positions(
    data_dir: Path, tmp_path: Path
) -> None:
    syntax = tmp_path / "syntax.toml"
    syntax.write_text('id = "x"\nname = = 1\n')
    latin = tmp_path / "latin.toml"
    latin.write_bytes('id = "café"\n'.encode("latin-1"))
    result = ptcoach(data_dir, "validate", syntax, latin)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{syntax}: line 2, column 8: TOML syntax: Invalid value",
        f"{latin}: line 1, column 10: byte 0xe9 is not UTF-8 (Latin-1 or Windows-1252 text?); "
        "save the file as UTF-8",
    ]


def test_import_copies_the_file_into_a_private_data_dir(data_dir: Path) -> None:
    result = ptcoach(data_dir, "import", OWN)
    assert result.returncode == 0, result.stderr
    dest = data_dir / "routines" / "my-evening.toml"
    assert dest.read_bytes() == OWN.read_bytes()  # comments and layout kept
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert "imported 'my-evening'" in result.stdout


def test_import_refuses_to_overwrite_an_own_routine_without_force(
    data_dir: Path, tmp_path: Path
) -> None:
    assert ptcoach(data_dir, "import", OWN).returncode == 0
    changed = tmp_path / "changed.toml"
    changed.write_text(OWN.read_text().replace('"My evening"', '"My late evening"'))
    refused = ptcoach(data_dir, "import", changed)
    assert refused.returncode == 1 and "use --force to replace it" in refused.stderr
    dest = data_dir / "routines" / "my-evening.toml"
    assert dest.read_bytes() == OWN.read_bytes()
    forced = ptcoach(data_dir, "import", "--force", changed)
    assert forced.returncode == 0, forced.stderr
    assert "My late evening" in dest.read_text()


def test_import_never_takes_a_built_in_id_it_picks_a_free_one(
    data_dir: Path, tmp_path: Path
) -> None:
    shipped = Path(__file__).parent.parent / "resources" / "routines" / "runners-knee.toml"
    for n, args in ((2, ("import", shipped)), (3, ("import", "--force", shipped))):
        result = ptcoach(data_dir, *args)
        assert result.returncode == 0, result.stderr
        assert (
            f"'runners-knee' is a built-in routine's id; importing this copy as "
            f"'runners-knee-{n}'" in result.stderr
        )
        copy = (data_dir / "routines" / f"runners-knee-{n}.toml").read_text(encoding="utf-8")
        assert copy == shipped.read_text(encoding="utf-8").replace(
            'id = "runners-knee"', f'id = "runners-knee-{n}"', 1
        )  # comments and layout kept
    assert not (data_dir / "routines" / "runners-knee.toml").exists()


def test_import_of_an_invalid_file_reports_problems_and_writes_nothing(data_dir: Path) -> None:
    result = ptcoach(data_dir, "import", DATA / "invalid" / "many-problems.toml")
    assert result.returncode == 1
    assert "unknown exercise 'clamshel'" in result.stderr and "was not imported" in result.stderr
    assert not (data_dir / "routines").exists()


def test_export_and_import_round_trip(data_dir: Path, tmp_path: Path) -> None:
    assert ptcoach(data_dir, "import", OWN).returncode == 0
    before = json.loads(
        ptcoach(data_dir, "routines", "show", "my-evening", "--format", "json").stdout
    )
    shown = ptcoach(data_dir, "export", "my-evening")
    assert shown.returncode == 0 and tomllib.loads(shown.stdout)["id"] == "my-evening"
    out = tmp_path / "exported.toml"
    written = ptcoach(data_dir, "export", "my-evening", "-o", out)
    assert written.returncode == 0, written.stderr
    assert out.read_text() == shown.stdout
    other = tmp_path / "other-data"
    assert ptcoach(other, "import", out).returncode == 0
    after = json.loads(ptcoach(other, "routines", "show", "my-evening", "--format", "json").stdout)
    for detail in (before, after):
        detail.pop("path")
        for ex in detail["exercises"]:
            ex.pop("source")
    assert after == before


def test_export_of_a_built_in_validates(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "knee.toml"
    assert ptcoach(data_dir, "export", "runners-knee", "-o", out).returncode == 0
    result = ptcoach(data_dir, "validate", out)
    assert result.returncode == 0  # the app's own export is valid; import gives it a free id
    assert result.stdout == f"{out}: ok\n"
    assert "is a built-in routine's id; `ptcoach import` adds it under a free id" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_export_of_an_unknown_id_or_to_a_folder_fails_cleanly(
    data_dir: Path, tmp_path: Path
) -> None:
    unknown = ptcoach(data_dir, "export", "nope")
    assert unknown.returncode == 2 and "no routine 'nope'" in unknown.stderr
    folder = ptcoach(data_dir, "export", "runners-knee", "-o", tmp_path)
    assert folder.returncode == 1 and "is a folder" in folder.stderr
    nowhere = ptcoach(data_dir, "export", "runners-knee", "-o", tmp_path / "no" / "x.toml")
    assert nowhere.returncode == 1 and "cannot write" in nowhere.stderr
    for result in (unknown, folder, nowhere):
        no_traceback(result)


def test_a_broken_own_routine_is_warned_about_but_the_list_still_works(data_dir: Path) -> None:
    folder = data_dir / "routines"
    folder.mkdir(parents=True)
    (folder / "broken.toml").write_text('id = "broken"\n')
    result = ptcoach(data_dir, "routines")
    assert result.returncode == 0
    assert f"warning: {folder / 'broken.toml'}: file: missing required key 'name'" in result.stderr
    assert "runners-knee" in result.stdout


def test_export_writes_a_fit_workout_that_garmins_sdk_decodes(
    data_dir: Path, tmp_path: Path
) -> None:
    from garmin_fit_sdk import Decoder, Stream

    out = tmp_path / "knee.fit"
    result = ptcoach(data_dir, "export", "runners-knee", "-o", out)
    assert result.returncode == 0, result.stderr
    messages, errors = Decoder(Stream.from_file(str(out))).read()
    assert errors == []
    assert messages["workout_mesgs"][0]["wkt_name"] == "Runner's knee"
    names = [s["wkt_step_name"] for s in messages["workout_step_mesgs"]]
    assert "Clamshell (left)" in names and "Clamshell (right)" in names
    no_traceback(ptcoach(data_dir, "export", "runners-knee", "--format", "fit"))
    assert ptcoach(data_dir, "export", "runners-knee", "--format", "fit").returncode == 2
