"""Hostile and broken files: huge, deeply nested, binary, wrongly encoded, not files at all.
Each gets one clear problem, quickly, and nothing in a file is ever run.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ptcoach.catalog.loader import load_routine_file
from ptcoach.catalog.validate import MAX_FILE_BYTES, Problem, ValidationError, too_complex

VALID = (Path(__file__).parent / "data" / "own" / "my-evening.toml").read_bytes()


def problems_for(path: Path) -> list[Problem]:
    with pytest.raises(ValidationError) as info:
        load_routine_file(path, {})
    return info.value.problems


def write(tmp_path: Path, data: bytes, name: str = "r.toml") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_file_over_one_mebibyte_is_refused_before_parsing(tmp_path: Path) -> None:
    path = write(tmp_path, VALID + b"\n# " + b"x" * MAX_FILE_BYTES + b"\n")
    [p] = problems_for(path)
    assert p.location == "file" and "the limit is 1048576 (1 MiB)" in p.message


@pytest.mark.parametrize("opener", ["[", "{ a = ", "[{ a = "])
def test_deep_nesting_is_refused_before_tomllib_can_recurse(tmp_path: Path, opener: str) -> None:
    path = write(tmp_path, ("x = " + opener * 100_000).encode())
    [p] = problems_for(path)
    assert p.location.startswith("line 1, column ")
    assert "nested more than 32 deep" in p.message


def test_brackets_inside_strings_and_comments_do_not_count_as_nesting() -> None:
    text = (
        'a = "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["\n# {{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{\n'
        "b = '''\n" + "[" * 40 + "\n'''\n" + 'c = "\\"' + "{" * 40 + '"\n'
    )
    assert too_complex(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "a" + ".a" * 300_000 + " = 1\n",
        "[" + "a." * 300_000 + "a]\n",
        "x = { " + "'a'." * 200_000 + "a = 1 }\n",
    ],
)
def test_long_dotted_keys_are_refused_before_tomllib_slows_down(tmp_path: Path, text: str) -> None:
    [p] = problems_for(write(tmp_path, text.encode()))
    assert "a dotted key has more than 16 parts" in p.message


def test_floats_dates_and_short_dotted_keys_are_not_mistaken_for_long_keys() -> None:
    text = (
        "a = [" + "1.5, " * 200 + "2.5]\nwhen = 1979-05-27T07:32:00.999\n"
        "target.sets = 2\n" + "x.y = 1.5\n" * 100
    )
    assert too_complex(text) is None


def test_thousands_of_unknown_keys_are_capped_with_a_summary(tmp_path: Path) -> None:
    text = "".join(f"k{i} = {i}\n" for i in range(5000))
    problems = problems_for(write(tmp_path, text.encode()))
    assert len(problems) == 101
    assert problems[-1].message.endswith("more problems not shown")


def test_a_binary_file_is_named_as_binary(tmp_path: Path) -> None:
    [p] = problems_for(write(tmp_path, os.urandom(16) + b"\x00\x01\x02" + os.urandom(64)))
    assert "NUL byte" in p.message


def test_a_nul_byte_in_text_reports_its_line(tmp_path: Path) -> None:
    [p] = problems_for(write(tmp_path, b'id = "a"\nname = "b\x00"\n'))
    assert p.location == "line 2" and "NUL byte" in p.message


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_files_are_told_to_save_as_utf8(tmp_path: Path, encoding: str) -> None:
    [p] = problems_for(write(tmp_path, VALID.decode().encode(encoding)))
    assert "UTF-16" in p.message


def test_latin1_text_is_reported_with_line_and_column(tmp_path: Path) -> None:
    data = VALID.replace(b'name = "My evening"', 'name = "Mon café"'.encode("latin-1"))
    [p] = problems_for(write(tmp_path, data))
    assert p.location == "line 4, column 16"
    assert "0xe9 is not UTF-8" in p.message and "save the file as UTF-8" in p.message


def test_a_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    routine = load_routine_file(write(tmp_path, b"\xef\xbb\xbf" + VALID), {})
    assert routine.id == "my-evening"


def test_a_missing_file_a_folder_and_a_device_are_problems(tmp_path: Path) -> None:
    assert "no such file" in problems_for(tmp_path / "nope.toml")[0].message
    assert "is a folder" in problems_for(tmp_path)[0].message
    assert "not a regular file" in problems_for(Path("/dev/zero"))[0].message


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    assert "not a regular file" in problems_for(fifo)[0].message


def test_an_unreadable_file_is_a_problem(tmp_path: Path) -> None:
    path = write(tmp_path, VALID)
    path.chmod(0)
    if os.geteuid() == 0:
        # Root reads every file whatever its mode; /proc/self/mem is a regular file whose
        # read fails (EIO) for root too, so the same error path is exercised for real.
        path = Path("/proc/self/mem")
    assert "cannot read it" in problems_for(path)[0].message


def test_absurd_sizes_inside_a_file_are_problems(tmp_path: Path) -> None:
    items = "".join('[[exercises]]\nid = "my-toe-tap"\n' for _ in range(101))
    own = VALID.decode().split("[[own_exercises]]", 1)[1]
    text = (
        'format = 1\nid = "big"\nname = "x"\ndescription = "'
        + "d" * 4001
        + '"\n'
        + items
        + "[[own_exercises]]"
        + own.replace('instructions = ["Lean', "instructions = [" + '"a", ' * 101 + '"Lean')
    )
    problems = problems_for(write(tmp_path, text.encode()))
    messages = {p.location: p.message for p in problems}
    assert "has 101 entries; at most 100" in messages["exercises"]
    assert "is 4001 characters; at most 4000" in messages["description"]
    assert "has 102 items; at most 100" in messages["own_exercises[1].instructions"]


def test_nothing_in_a_file_is_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = VALID.decode().replace(
        'description = "Two exercises of my own."',
        f"description = \"__import__('os').system('touch {marker}')\"",
    )
    routine = load_routine_file(write(tmp_path, text.encode()), {})
    assert routine.description.startswith("__import__")
    assert not marker.exists()


def test_a_path_through_a_file_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    path = write(tmp_path, VALID) / "inner.toml"
    [p] = problems_for(path)
    assert "cannot read it" in p.message or "no such file" in p.message
