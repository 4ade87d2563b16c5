"""Records to JSON and back, so stores can keep stage results as documents."""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


def dumps(record: object) -> str:
    return json.dumps(_plain(record), ensure_ascii=False, separators=(",", ":"))


def _plain(value: Any) -> Any:
    """Like dataclasses.asdict, but leaving out fields at their default (a span's in_title,
    a figure's missing qualifier): most spans are of the text, and `decode` restores them."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = ((f, getattr(value, f.name)) for f in dataclasses.fields(value))
        return {
            f.name: _plain(v)
            for f, v in fields
            if f.default is dataclasses.MISSING or v != f.default
        }
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def loads(cls: type[T], text: str) -> T:
    return decode(cls, json.loads(text))


def decode(cls: Any, value: Any) -> Any:
    """Rebuild a value of type `cls` (dataclass, tuple, dict, optional) from parsed JSON."""
    if value is None:
        return None
    if isinstance(cls, type) and dataclasses.is_dataclass(cls):
        hints = _hints(cls)
        return cls(**{k: decode(hints[k], v) for k, v in value.items() if k in hints})
    origin = typing.get_origin(cls)
    args = typing.get_args(cls)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return decode(inner[0], value) if len(inner) == 1 else value
    if origin is tuple:
        item = args[0] if args else Any
        return tuple(decode(item, v) for v in value)
    if origin is dict:
        return {k: decode(args[1], v) for k, v in value.items()} if args else dict(value)
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)
