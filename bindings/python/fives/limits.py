"""The most one input may hold: limits a host can rely on and set.

Every limit is checked before the large allocation it guards and refused
with :class:`fives.ResourceExhausted`, whose message names the field, the
value and the limit::

    team.members: 1001 entries, more than the limit of 1000 ("members")

The limits are process-wide (every thread, every journal). The defaults
hold a management team over decades; see capi/fives.h for each figure.

    >>> import fives
    >>> fives.get_limit(fives.Limit.MEMBERS)
    1000
    >>> fives.set_limit("members", 5000)
    >>> fives.get_limit("members")
    5000
    >>> fives.set_limit("members", 0)  # back to the default
"""

from __future__ import annotations

import enum
from typing import Union

from . import _ffi
from .errors import InvalidArgument


class Limit(enum.IntEnum):
    """The limits of fives.h (fives_limit), by the same values."""

    INPUT_BYTES = 1
    MEMBERS = 2
    ROUNDS = 3
    ACTIONS = 4
    FEEDBACK = 5
    CHECKS = 6
    CHARTER_ENTRIES = 7
    ID_BYTES = 8
    NAME_BYTES = 9
    TEXT_BYTES = 10
    DEPTH = 11


def _limit(limit: Union[Limit, str]) -> Limit:
    if isinstance(limit, Limit):
        return limit
    if isinstance(limit, str):
        try:
            return Limit[limit.upper()]
        except KeyError:
            names = ", ".join(m.name.lower() for m in Limit)
            raise InvalidArgument(
                f'limit: "{limit}" is not a limit ({names})') from None
    raise InvalidArgument(f"limit: {limit!r} is not a Limit or its name")


def get_limit(limit: Union[Limit, str]) -> int:
    """The value in force of ``limit`` (a :class:`Limit` or its name as
    errors give it, e.g. ``"members"``)."""
    value: int = _ffi.lib().fives_limit_get(int(_limit(limit)))
    return value


def set_limit(limit: Union[Limit, str], value: int) -> None:
    """Sets ``limit`` to ``value`` (1 to its maximum), or back to its
    default with 0; raises :class:`fives.InvalidArgument` otherwise, and
    nothing changes."""
    _ffi.lib().fives_limit_set(int(_limit(limit)), int(value))


def limit_name(limit: Limit) -> str:
    """The name errors give ``limit`` ("members")."""
    name: bytes = _ffi.lib().fives_limit_name(int(limit))
    return name.decode("ascii")
