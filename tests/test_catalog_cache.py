"""The cache of parsed built-ins: the same catalogue as parsing, read without the parser once
written, and re-parsed after any change to a shipped file, a bad cache file or a new version."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ptcoach import paths
from ptcoach.catalog import builtin_cache
from ptcoach.catalog.builtin_cache import cache_path, load_builtins
from ptcoach.catalog.catalog import Catalog
from ptcoach.catalog.loader import load_builtin_exercises, load_builtin_routines
from ptcoach.catalog.validate import ValidationError

ROOT = Path(__file__).resolve().parents[1]
OWN = Path(__file__).parent / "data" / "own" / "my-evening.toml"


@pytest.fixture(autouse=True)
def fresh_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget what earlier tests loaded in this process, as a new process would."""
    monkeypatch.setattr(builtin_cache, "_memo", None)


@pytest.fixture
def shipped_copy(tmp_path: Path) -> tuple[Path, Path]:
    ex, rt = tmp_path / "exercises", tmp_path / "routines"
    shutil.copytree(paths.resource("exercises"), ex)
    shutil.copytree(paths.resource("routines"), rt)
    return ex, rt


def parsed() -> tuple[dict, dict]:
    exercises = load_builtin_exercises()
    return exercises, load_builtin_routines(exercises)


def rename_exercise(path: Path, new_name: str) -> None:
    text = path.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("name = "))
    path.write_text(text.replace(old, f'name = "{new_name}"', 1), encoding="utf-8")


def test_the_cached_catalogue_equals_the_parsed_one_in_content_and_order(data_dir):
    first = Catalog.load(data_dir)
    assert cache_path().is_file()
    builtin_cache._memo = None
    second = Catalog.load(data_dir)
    exercises, routines = parsed()
    for catalog in (first, second):
        assert list(catalog.exercises) == list(exercises)
        assert list(catalog.routines) == list(routines)
        assert catalog.exercises == exercises and catalog.routines == routines
        assert catalog.problems == []


def test_a_second_process_reads_the_cache_without_importing_the_parser(data_dir):
    code = (
        "import sys, json; from pathlib import Path\n"
        "from ptcoach.catalog.catalog import Catalog\n"
        "c = Catalog.load(Path(sys.argv[1]))\n"
        "print(json.dumps([len(c.routines), 'ptcoach.catalog.loader' in sys.modules,\n"
        "                  'tomllib' in sys.modules]))\n"
    )

    def run() -> list:
        out = subprocess.run(
            [sys.executable, "-c", code, str(data_dir)],
            cwd=ROOT,
            env=os.environ,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        ).stdout
        return json.loads(out)

    count, loader_used, toml_used = run()
    assert loader_used and toml_used  # no cache yet: parsed, and the cache written
    assert run() == [count, False, False]


def test_own_routines_are_validated_every_time_even_with_a_warm_cache(data_dir):
    Catalog.load(data_dir)  # warms the cache
    own = paths.user_routines_dir(data_dir)
    own.mkdir(parents=True)
    shutil.copy(OWN, own / OWN.name)
    (own / "broken.toml").write_text('id = "broken"\nname = 3\n', encoding="utf-8")
    catalog = Catalog.load(data_dir)
    assert not catalog.routines["my-evening"].builtin
    assert "broken" not in catalog.routines
    assert any("broken.toml" in p.file for p in catalog.problems)
    assert all(r.builtin for r in Catalog.load(data_dir).builtin_routines())


def test_editing_a_shipped_file_invalidates_the_cache(shipped_copy):
    ex, rt = shipped_copy
    exercises, _ = load_builtins(ex, rt)
    assert exercises["calf-raise"].name == "Calf raise"
    rename_exercise(ex / "calf-raise.toml", "Heel raise")
    exercises, routines = load_builtins(ex, rt)
    assert exercises["calf-raise"].name == "Heel raise"
    using = [
        i.exercise for r in routines.values() for i in r.items if i.exercise.id == "calf-raise"
    ]
    assert using and all(e.name == "Heel raise" for e in using)


def test_a_changed_mtime_alone_invalidates_the_cache(shipped_copy):
    ex, rt = shipped_copy
    load_builtins(ex, rt)
    path = ex / "calf-raise.toml"
    st = path.stat()
    rename_exercise(path, "Calf rises")  # as long as "Calf raise": the same size
    assert path.stat().st_size == st.st_size
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    assert load_builtins(ex, rt)[0]["calf-raise"].name == "Calf rises"


def test_adding_or_removing_a_shipped_routine_invalidates_the_cache(shipped_copy):
    ex, rt = shipped_copy
    before = load_builtins(ex, rt)[1]
    shutil.copy(rt / "strength.toml", rt / "zz-copy.toml")
    text = (rt / "zz-copy.toml").read_text(encoding="utf-8")
    (rt / "zz-copy.toml").write_text(
        text.replace('id = "strength"', 'id = "zz-copy"', 1), encoding="utf-8"
    )
    assert list(load_builtins(ex, rt)[1]) == [*before, "zz-copy"]
    (rt / "zz-copy.toml").unlink()
    assert list(load_builtins(ex, rt)[1]) == list(before)


def test_a_bad_shipped_file_still_raises_and_nothing_bad_is_cached(shipped_copy):
    ex, rt = shipped_copy
    load_builtins(ex, rt)
    (ex / "calf-raise.toml").write_text('id = "calf-raise"\nname = 5\n', encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ValidationError):
            load_builtins(ex, rt)


def test_a_corrupt_or_foreign_cache_file_is_replaced_by_a_good_one(data_dir):
    expected = parsed()
    for content in (b"", b"not a pickle at all", b"\x80\x05K\x01.", os.urandom(4096)):
        builtin_cache._memo = None
        cache_path().parent.mkdir(parents=True, exist_ok=True)
        cache_path().write_bytes(content)
        catalog = Catalog.load(data_dir)
        assert (catalog.exercises, catalog.routines) == expected
        assert cache_path().read_bytes() != content


def test_a_cache_from_another_version_is_not_used(data_dir, monkeypatch):
    Catalog.load(data_dir)
    written = cache_path().stat().st_mtime_ns
    builtin_cache._memo = None
    monkeypatch.setattr(builtin_cache, "__version__", "99.0")
    os.utime(cache_path(), ns=(0, 0))
    Catalog.load(data_dir)
    assert cache_path().stat().st_mtime_ns not in (0, written)  # re-parsed and rewritten


def test_an_unwritable_cache_dir_only_means_no_cache(data_dir, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv(builtin_cache.CACHE_DIR_ENV, str(blocker / "cache"))
    catalog = Catalog.load(data_dir)
    assert (catalog.exercises, catalog.routines) == parsed()
    assert not (blocker / "cache").exists()


def test_the_loaded_dicts_are_the_caller_s_own(data_dir):
    first = Catalog.load(data_dir)
    first.routines.clear()
    assert Catalog.load(data_dir).routines


PLANT = """
import os, pickle
class Boom:
    def __reduce__(self):
        return (os.system, ("touch {marker}",))
with open({path!r}, "wb") as f:
    pickle.dump(Boom(), f)
"""


def test_a_planted_pickle_at_the_cache_path_runs_nothing_from_the_command_line(data_dir, tmp_path):
    """The attack from issue 12: a file with a __reduce__ at the cache path, then
    `ptcoach routines` in its own process. Nothing runs, and the good cache replaces it."""
    marker = tmp_path / "ran"
    cache_path().parent.mkdir(parents=True, exist_ok=True)
    for path in (cache_path(), cache_path().with_name("builtin-catalog.pickle")):
        subprocess.run(
            [sys.executable, "-c", PLANT.format(marker=marker, path=str(path))],
            check=True,
            timeout=60,
        )
    result = subprocess.run(
        [sys.executable, "-m", "ptcoach", "routines"],
        cwd=ROOT,
        env=os.environ,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "runners-knee" in result.stdout
    assert not marker.exists()
    assert json.loads(cache_path().read_text(encoding="utf-8"))["key"].startswith(
        builtin_cache.FORMAT
    )


def test_a_cache_with_well_formed_json_of_the_wrong_shape_is_replaced(data_dir):
    Catalog.load(data_dir)
    good = json.loads(cache_path().read_text(encoding="utf-8"))
    expected = parsed()
    bad_values = [
        {**good, "exercises": [["x"] * 3]},
        {**good, "routines": [[*good["routines"][0][:3], [["no-such-exercise"]]]]},
        {**good, "exercises": [[*good["exercises"][0][:1], 5, *good["exercises"][0][2:]]]},
        {**good, "exercises": {"a": 1}},
        [good],
    ]
    for bad in bad_values:
        builtin_cache._memo = None
        cache_path().write_text(json.dumps(bad), encoding="utf-8")
        catalog = Catalog.load(data_dir)
        assert (catalog.exercises, catalog.routines) == expected


def test_the_cache_is_private_0600_in_a_0700_folder(data_dir):
    cache_path().parent.mkdir(parents=True, exist_ok=True, mode=0o755)
    os.chmod(cache_path().parent, 0o755)
    Catalog.load(data_dir)
    assert cache_path().stat().st_mode & 0o777 == 0o600
    assert cache_path().parent.stat().st_mode & 0o777 == 0o700
