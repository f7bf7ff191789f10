"""Property-based fuzzing of the routine loader: random bytes, random TOML-ish text and mutated
valid documents either load or raise ValidationError with problems, never anything else.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ptcoach.catalog.loader import load_builtin_exercises, load_routine_file
from ptcoach.catalog.validate import ValidationError, decode_text, parse_text

DATA = Path(__file__).parent / "data"
EXERCISES = load_builtin_exercises(DATA / "exercises")
VALID_TEXTS = [p.read_text() for p in [*DATA.glob("routines/*.toml"), *DATA.glob("own/*.toml")]]
VALID_DOCS = [tomllib.loads(t) for t in VALID_TEXTS]

FUZZ = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def load_bytes(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.toml"
    path.write_bytes(data)
    try:
        load_routine_file(path, EXERCISES)
    except ValidationError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert str(problem).startswith(f"{path}: ")
            assert "\n" not in problem.location


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes_load_or_raise_validation_error(tmp_path: Path, data: bytes) -> None:
    load_bytes(tmp_path, data)


TOKENS = [
    *"[]{}=,.\"'#\n \\abcdefghijklmnoprstuxyz_-0123456789",
    "[[exercises]]\n",
    "id = ",
    "sets = ",
    '"clamshell"',
    "true",
    "1e999",
    "nan",
    "\x00",
    "é",
    "\ud800",
]
TOMLISH = st.lists(st.sampled_from(TOKENS), max_size=120).map("".join)


@FUZZ
@given(TOMLISH)
def test_random_toml_like_text_loads_or_raises_validation_error(tmp_path: Path, text: str) -> None:
    load_bytes(tmp_path, text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(st.sampled_from(VALID_TEXTS), st.data())
def test_valid_files_with_edited_text_load_or_raise_validation_error(
    tmp_path: Path, text: str, data: st.DataObject
) -> None:
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(text)))
        cut = data.draw(st.integers(0, 20))
        insert = data.draw(st.text(alphabet="[]{}=,.\"'#\n 0123456789-abcxyz", max_size=8))
        text = text[:at] + insert + text[at + cut :]
    load_bytes(tmp_path, text.encode())


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.lists(st.integers(-5, 300), max_size=4),
    st.dictionaries(
        st.sampled_from(["sets", "reps", "hold_s", "x"]), st.integers(-5, 100), max_size=3
    ),
)


def mutate(doc: Any, data: st.DataObject) -> Any:
    """Replace, delete or add one value somewhere in the document."""
    node = doc
    while True:
        if isinstance(node, dict) and node:
            key = data.draw(st.sampled_from(sorted(node)))
            child = node[key]
            if isinstance(child, dict | list) and child and data.draw(st.booleans()):
                node = child
                continue
            action = data.draw(st.sampled_from(["replace", "delete", "add"]))
            if action == "delete":
                del node[key]
            elif action == "add":
                node[data.draw(st.sampled_from(["id", "nme", "reps", "colour", "target"]))] = (
                    data.draw(SCALARS)
                )
            else:
                node[key] = data.draw(SCALARS)
            return doc
        if isinstance(node, list) and node:
            i = data.draw(st.integers(0, len(node) - 1))
            if isinstance(node[i], dict | list) and node[i] and data.draw(st.booleans()):
                node = node[i]
                continue
            node[i] = data.draw(SCALARS)
            return doc
        return doc


def to_toml(value: Any) -> str | None:
    """TOML text for the mutated document, or None where TOML cannot express it."""

    def clean(v: Any) -> Any:
        if v is None:
            raise ValueError
        if isinstance(v, dict):
            return {k: clean(x) for k, x in v.items()}
        if isinstance(v, list):
            return [clean(x) for x in v]
        return v

    try:
        return tomli_w.dumps(clean(value))
    except (ValueError, TypeError):
        return None


@FUZZ
@given(st.sampled_from(range(len(VALID_DOCS))), st.data())
def test_valid_documents_with_mutated_values_load_or_raise_validation_error(
    tmp_path: Path, index: int, data: st.DataObject
) -> None:
    doc = tomllib.loads(VALID_TEXTS[index])
    for _ in range(data.draw(st.integers(1, 3))):
        doc = mutate(doc, data)
    text = to_toml(doc)
    if text is not None:
        load_bytes(tmp_path, text.encode())


def test_the_mutation_fuzzer_does_reach_semantic_checks(tmp_path: Path) -> None:
    doc = tomllib.loads(VALID_TEXTS[0])
    doc["exercises"][0]["sets"] = [9, 1]
    text = to_toml(doc)
    assert text is not None
    path = tmp_path / "r.toml"
    path.write_text(text)
    try:
        load_routine_file(path, EXERCISES)
    except ValidationError as exc:
        assert any("min 9 is above max 1" in p.message for p in exc.problems)
    else:
        raise AssertionError("a reversed range must be a problem")


@FUZZ
@given(st.text(max_size=200))
def test_decoding_and_parsing_any_text_raises_only_validation_error(text: str) -> None:
    try:
        parse_text(decode_text(text.encode("utf-8", "surrogatepass"), "t"), "t")
    except ValidationError as exc:
        assert exc.problems
