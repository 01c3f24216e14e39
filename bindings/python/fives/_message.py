"""Typed results: frozen dataclasses over the schema's messages (internal).

A result class is a frozen dataclass deriving from :class:`Message` whose
fields are named and typed after the message's fields (proto/fives/v1); the
conversion to and from the proto3 JSON mapping the library writes is driven
by those types, so a class declares its fields and nothing else:

========================  =================================================
field type                JSON
========================  =================================================
``str``, ``int``,         the value; absent when at its default ("", 0,
``float``, ``bool``       0.0, false), as the library writes it
``Optional[float]`` ...   a proto3 ``optional`` field: None when absent, so
                          a present 0 stays 0
``Optional[date]``        an ISO-8601 string; None for "" or absent
an enum of ``enums``      the value's name ("PILLAR_STRATEGY"); Optional
                          ones are None when absent or a value this package
                          does not know (a newer library)
``Optional[SubMessage]``  a nested message; None when absent
``Tuple[X, ...]``         a repeated field, () when absent
========================  =================================================

The JSON name is the field's name unless the field's metadata names it
(``field(metadata={"json": "from"})`` for a name Python reserves). Keys a
class does not know (fields of a newer library) are kept aside and written
back by :meth:`Message.to_message`, so they neither break the parse nor get
lost on the way back.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import json
import math
import typing
from typing import Any, Dict, Mapping, Optional, Tuple, Type, TypeVar

from .enums import enum_from_message, proto_prefix
from .errors import InvalidArgument

__all__ = ["Message", "message_of", "parse_message"]

_M = TypeVar("_M", bound="Message")

# The JSON strings of doubles that are not finite (proto3 JSON mapping).
_NON_FINITE = {"NaN", "Infinity", "-Infinity"}


class _Field:
    """One dataclass field: its Python name, JSON key and resolved type."""

    __slots__ = ("name", "key", "hint", "optional")

    def __init__(self, name: str, key: str, hint: Any) -> None:
        self.name = name
        self.key = key
        self.hint = hint
        # Optional[X]: a proto3 optional field, a message or an enum, whose
        # presence is not told by its value.
        self.optional = (typing.get_origin(hint) is typing.Union and
                         type(None) in typing.get_args(hint))


_TABLES: Dict[type, Tuple[_Field, ...]] = {}


def _table(cls: type) -> Tuple[_Field, ...]:
    """The fields of a result class, resolved once (annotations are strings
    under ``from __future__ import annotations``)."""
    table = _TABLES.get(cls)
    if table is None:
        hints = typing.get_type_hints(cls)
        table = tuple(
            _Field(f.name, f.metadata.get("json", f.name), hints[f.name])
            for f in dataclasses.fields(cls) if not f.name.startswith("_"))
        _TABLES[cls] = table
    return table


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _value(hint: Any, value: Any, where: str) -> Any:
    """``value`` of the JSON as ``hint``; InvalidArgument naming ``where``
    and the value when it is not one."""
    origin = typing.get_origin(hint)
    if origin is typing.Union:
        inner = [a for a in typing.get_args(hint) if a is not type(None)][0]
        return None if value is None else _value(inner, value, where)
    if origin is tuple:
        item = typing.get_args(hint)[0]
        if not isinstance(value, list):
            raise InvalidArgument(f"{where}: expected a list, got "
                                  f"{_show(value)}")
        return tuple(_value(item, v, f"{where}[{i}]")
                     for i, v in enumerate(value))
    if not isinstance(hint, type):
        raise TypeError(f"{where}: no conversion for {hint!r}")
    if issubclass(hint, enum.IntEnum):
        return enum_from_message(hint, value, proto_prefix(hint))
    if hint is bool:
        if isinstance(value, bool):
            return value
    elif hint is int:
        # 64-bit integers are JSON strings in the proto3 mapping.
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, str):
            try:
                return int(value)
            except ValueError:
                pass
    elif hint is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        if isinstance(value, str) and value in _NON_FINITE:
            return float(value.replace("Infinity", "inf"))
    elif hint is str:
        if isinstance(value, str):
            return value
    elif hint is datetime.date:
        if isinstance(value, str):
            if not value:
                return None
            try:
                return datetime.date.fromisoformat(value)
            except ValueError:
                raise InvalidArgument(f"{where}: {_show(value)} is not a "
                                      f"date (YYYY-MM-DD)") from None
    elif issubclass(hint, Message):
        return parse_message(hint, value, where)
    elif hasattr(hint, "from_message"):  # PillarStats, PillarTrend
        if isinstance(value, Mapping):
            return hint.from_message(value)
        raise InvalidArgument(f"{where}: expected a message, got "
                              f"{_show(value)}")
    else:
        raise TypeError(f"{where}: no conversion for {hint!r}")
    raise InvalidArgument(f"{where}: expected {hint.__name__}, got "
                          f"{_show(value)}")


def parse_message(cls: Type[_M], message: Any, where: str) -> _M:
    """An instance of ``cls`` from the JSON mapping ``message``; ``where``
    names it in errors (e.g. "report.pillars[2]")."""
    if not isinstance(message, Mapping):
        raise InvalidArgument(f"{where}: expected a message, got "
                              f"{_show(message)}")
    table = _table(cls)
    values: Dict[str, Any] = {}
    for f in table:
        if f.key not in message:
            continue
        raw = message[f.key]
        value = _value(f.hint, raw, f"{where}.{f.key}")
        if value is None and not f.optional:
            # A required enum (a pillar) of a value this package lacks.
            raise InvalidArgument(f"{where}.{f.key}: {_show(raw)} is not a "
                                  f"{f.hint.__name__}")
        values[f.name] = value
    try:
        result = cls(**values)
    except TypeError:
        missing = [f.key for f in table if f.name not in values]
        raise InvalidArgument(f"{where}: missing {', '.join(missing)}") \
            from None
    known = {f.key for f in table}
    unknown = {k: v for k, v in message.items() if k not in known}
    if unknown:
        # Outside the dataclass fields: equality and repr ignore it.
        object.__setattr__(result, "_unknown", unknown)
    return result


def _json(value: Any) -> Any:
    if isinstance(value, enum.IntEnum):
        return proto_prefix(type(value)) + value.name
    if isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        if math.isfinite(value):
            return value
        return "NaN" if math.isnan(value) else (
            "Infinity" if value > 0 else "-Infinity")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_json(v) for v in value]
    to_message = getattr(value, "to_message", None)
    if to_message is not None:
        return to_message()
    raise TypeError(f"no JSON for {type(value).__name__}")


def message_of(obj: Any) -> Dict[str, Any]:
    """The JSON mapping of a result dataclass, as the library writes it:
    fields at their default absent, proto3 ``optional`` ones (Optional
    here) present whenever set."""
    out: Dict[str, Any] = {}
    for f in _table(type(obj)):
        value = getattr(obj, f.name)
        if value is None:
            continue
        if not f.optional and not isinstance(value, enum.Enum) and not value:
            continue
        out[f.key] = _json(value)
    for key, value in getattr(obj, "_unknown", {}).items():
        out.setdefault(key, value)
    return out


class Message:
    """Base of the package's typed results (frozen dataclasses).

    ``from_message`` reads the proto3 JSON mapping of the message (a dict),
    ``to_message`` writes it back, ``to_json`` as JSON text. Fields a newer
    library adds are kept aside and written back.
    """

    @classmethod
    def from_message(cls: Type[_M], message: Mapping[str, Any]) -> _M:
        """From the proto3 JSON mapping of the message (snake_case keys);
        :class:`fives.InvalidArgument` naming the field and the value for a
        value of the wrong kind."""
        return parse_message(cls, message, _snake(cls.__name__))

    def to_message(self) -> Dict[str, Any]:
        """The message as a dict (proto3 JSON mapping, snake_case keys,
        fields at their default absent)."""
        return message_of(self)

    def to_json(self) -> str:
        """The message as JSON text."""
        return json.dumps(self.to_message())


def _snake(name: str) -> str:
    """"RoundReport" -> "round_report", how errors name a whole result."""
    return "".join("_" + c.lower() if c.isupper() and i else c.lower()
                   for i, c in enumerate(name))

