"""Messages of the schema between serialized bytes and dicts.

The library returns some results as serialized protobuf bytes (partials,
rollups) so they can be stored, sent between machines and passed back
unchanged; these functions read them as the dicts of the rest of the
package (the proto3 JSON mapping, snake_case keys, fields at their default
absent) and write them back, through the library (``fives_message_convert``),
without a protobuf package in Python.
"""

from __future__ import annotations

import json
from typing import Any, Dict, Mapping, Union

from . import _ffi

__all__ = ["message_to_dict", "message_from_dict"]

BytesLike = Union[bytes, bytearray, memoryview]


def _type_arg(message_type: Any) -> bytes:
    return _ffi.text_arg(message_type, "message_type")


def bytes_arg(data: Any, field: str) -> bytes:
    """A bytes-like argument as bytes."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"{field}: expected bytes, got {type(data).__name__}")
    return bytes(data)


def convert(message_type: str, data: bytes, from_format: int,
            to_format: int) -> bytes:
    """``data``, a ``message_type`` in ``from_format``, in ``to_format``."""
    return _ffi.call_buffer(_ffi.lib().fives_message_convert,
                            _type_arg(message_type), data, len(data),
                            from_format, to_format)


def message_to_dict(message_type: str, data: BytesLike) -> Dict[str, Any]:
    """A serialized message of the schema as a dict.

    ``message_type`` is its full name, e.g. ``"fives.v1.OrgPartials"``;
    :class:`fives.InvalidArgument` for a type the schema does not have or
    bytes that are not such a message.
    """
    raw = bytes_arg(data, "data")
    message: Dict[str, Any] = json.loads(
        convert(message_type, raw, _ffi.FORMAT_BINARY, _ffi.FORMAT_JSON))
    return message


def message_from_dict(message_type: str,
                      message: Mapping[str, Any]) -> bytes:
    """A dict (the proto3 JSON mapping) as the serialized message."""
    if not isinstance(message, Mapping):
        raise TypeError(f"message: expected dict, got "
                        f"{type(message).__name__}")
    text = json.dumps(message).encode("utf-8")
    return convert(message_type, text, _ffi.FORMAT_JSON, _ffi.FORMAT_BINARY)
