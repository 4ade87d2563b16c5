"""Records to JSON and back, so stores can keep stage results as documents."""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


def dumps(record: object) -> str:
    return json.dumps(_plain(record), ensure_ascii=False, separators=(",", ":"))


def _plain(value: Any) -> Any:
    """Like dataclasses.asdict, but leaving out fields at their default (a span's in_title,
    a figure's missing qualifier): most spans are of the text, and `decode` restores them."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        named = ((name, getattr(value, name), default) for name, default in _fields(type(value)))
        return {name: _plain(v) for name, v, default in named if default is _ALWAYS or v != default}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


_ALWAYS = dataclasses.MISSING  # a field with no default is always written


@cache
def _fields(cls: type) -> tuple[tuple[str, Any], ...]:
    return tuple((f.name, f.default) for f in dataclasses.fields(cls))


def loads(cls: type[T], text: str) -> T:
    return decode(cls, json.loads(text))  # type: ignore[no-any-return]


def decode(cls: Any, value: Any) -> Any:
    """Rebuild a value of type `cls` (dataclass, tuple, dict, optional) from parsed JSON."""
    return _decoder(cls)(value)


Decoder = Callable[[Any], Any]


@cache
def _decoder(cls: Any) -> Decoder:
    """The decoding of one type, worked out once: a store reads a million values of a few
    dozen types, and asking `typing` what each type is, value by value, took most of the
    time of reading a run's analyses back."""
    if isinstance(cls, type) and dataclasses.is_dataclass(cls):
        return _record(cls)
    origin, args = typing.get_origin(cls), typing.get_args(cls)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return _optional(_decoder(inner[0])) if len(inner) == 1 else _same
    if origin is tuple:
        item = _decoder(args[0] if args else Any)
        return lambda value: None if value is None else tuple(item(v) for v in value)
    if origin is dict:
        if not args:
            return lambda value: None if value is None else dict(value)
        entry = _decoder(args[1])
        return lambda value: None if value is None else {k: entry(v) for k, v in value.items()}
    return _same


def _record(cls: type) -> Decoder:
    # Its fields' decoders are looked up on first use, so a record may hold its own type.
    fields: dict[str, Decoder] = {}

    def decoded(value: Any) -> Any:
        if value is None:
            return None
        if not fields:
            fields.update((k, _decoder(h)) for k, h in typing.get_type_hints(cls).items())
        return cls(**{k: fields[k](v) for k, v in value.items() if k in fields})

    return decoded


def _optional(inner: Decoder) -> Decoder:
    return lambda value: None if value is None else inner(value)


def _same(value: Any) -> Any:
    return value
