"""The catalogue's frozen dataclasses as plain JSON values, and back, for the built-in cache.

JSON cannot run code when read, unlike pickle: a planted cache file can at worst fail to
decode (and so be re-parsed). Each dataclass becomes a list of its field values in field order;
enums their value; tuples lists. An exercise inside a routine item that equals the catalogue's
exercise of that id is written as the id alone (the cache holds each exercise once). Decoding
checks every value's type and raises ValueError on anything that does not fit.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any

from ptcoach.catalog.model import Exercise

Decoder = Callable[[Any, Mapping[str, Exercise]], Any]

_decoders: dict[Any, Decoder] = {}


def encode(value: Any, exercises: Mapping[str, Exercise]) -> Any:
    """A JSON-ready form of a catalogue value (dataclass, enum, tuple, scalar)."""
    if isinstance(value, Exercise) and exercises.get(value.id) == value:
        return value.id
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [encode(getattr(value, f.name), exercises) for f in dataclasses.fields(value)]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple):
        return [encode(v, exercises) for v in value]
    if value is None or isinstance(value, str | bool | int | float):
        return value
    raise TypeError(f"cannot encode {type(value).__name__}")


def decode(hint: Any, data: Any, exercises: Mapping[str, Exercise]) -> Any:
    """The value of type `hint` that `encode` wrote as `data`; ValueError if it does not fit."""
    return _decoder(hint)(data, exercises)


def _decoder(hint: Any) -> Decoder:
    found = _decoders.get(hint)
    if found is None:
        found = _decoders[hint] = _make_decoder(hint)
    return found


def _fail(hint: Any, data: Any) -> ValueError:
    return ValueError(f"expected {hint}, found {type(data).__name__}")


def _make_decoder(hint: Any) -> Decoder:
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        (inner,) = [a for a in typing.get_args(hint) if a is not type(None)]
        inner_decoder = _decoder(inner)
        return lambda d, ex: None if d is None else inner_decoder(d, ex)
    if origin is tuple:
        item = _decoder(typing.get_args(hint)[0])

        def tuple_of(d: Any, ex: Mapping[str, Exercise]) -> tuple[Any, ...]:
            if not isinstance(d, list):
                raise _fail(hint, d)
            return tuple(item(v, ex) for v in d)

        return tuple_of
    if isinstance(hint, type) and issubclass(hint, Enum):
        return lambda d, ex: hint(d)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _dataclass_decoder(hint)
    if hint is float:

        def number(d: Any, ex: Mapping[str, Exercise]) -> float:
            if isinstance(d, bool) or not isinstance(d, int | float):
                raise _fail(hint, d)
            return d

        return number
    if hint in (str, bool, int):

        def scalar(d: Any, ex: Mapping[str, Exercise]) -> Any:
            if type(d) is not hint:
                raise _fail(hint, d)
            return d

        return scalar
    raise TypeError(f"no decoder for {hint!r}")


def _dataclass_decoder(cls: type[Any]) -> Decoder:
    hints = typing.get_type_hints(cls)
    names = [f.name for f in dataclasses.fields(cls)]
    parts = [_decoder(hints[n]) for n in names]

    def build(d: Any, ex: Mapping[str, Exercise]) -> Any:
        if cls is Exercise and isinstance(d, str):
            if d not in ex:
                raise ValueError(f"unknown exercise {d!r}")
            return ex[d]
        if not isinstance(d, list) or len(d) != len(parts):
            raise _fail(cls, d)
        return cls(*(part(v, ex) for part, v in zip(parts, d, strict=True)))

    return build
