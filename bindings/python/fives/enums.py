"""Enumerations of the schema (proto/fives/v1) and argument conversions."""

from __future__ import annotations

import datetime
import enum
from typing import Any, Optional, Type, TypeVar, Union

from .errors import InvalidArgument

__all__ = ["Pillar", "RoundMode", "ReviewOutcome", "Disclosure", "TrendVerdict",
           "LABELS", "PillarLike"]


class Pillar(enum.IntEnum):
    """fives.v1.Pillar: the five pillars in the order of the method."""

    STRATEGY = 1
    SYNERGY = 2
    STRUCTURE = 3
    STEERING = 4
    SUCCESS = 5

    @property
    def key(self) -> str:
        """The lower-case key of the catalog: 'strategy', 'synergy', ..."""
        return self.name.lower()

    @property
    def proto_name(self) -> str:
        """The enum value's name in the schema, e.g. 'PILLAR_STRATEGY'."""
        return "PILLAR_" + self.name

    @classmethod
    def from_proto_name(cls, name: str) -> "Pillar":
        return cls[name[len("PILLAR_"):]]


class RoundMode(enum.IntEnum):
    """fives.v1.RoundMode (FIVES_ROUND_OPEN, FIVES_ROUND_CONFIDENTIAL)."""

    OPEN = 1
    CONFIDENTIAL = 2


class ReviewOutcome(enum.IntEnum):
    """fives.v1.ReviewOutcome: what a check decided for one open action."""

    KEPT = 1
    DONE = 2
    DROPPED = 3
    REPLANNED = 4

    @property
    def proto_name(self) -> str:
        return "REVIEW_OUTCOME_" + self.name


class Disclosure(enum.IntEnum):
    """fives.v1.Disclosure: how much of a pillar's figures an output shows."""

    #: Every measure (never who gave which score).
    FULL = 1
    #: n and the mean only.
    NO_DISTRIBUTION = 2
    #: Only n: fewer responses than min_responses.
    TOO_FEW_RESPONSES = 3
    #: Only n: held back against differencing.
    HELD_BACK = 4

    @property
    def proto_name(self) -> str:
        return "DISCLOSURE_" + self.name


class TrendVerdict(enum.IntEnum):
    """fives.v1.TrendVerdict: the honest verdict on a change."""

    IMPROVED = 1
    DECLINED = 2
    #: The change could be chance with so few raters.
    TOO_SMALL_TO_TELL = 3
    #: One side does not show its full distribution.
    NOT_ENOUGH_DATA = 4

    @property
    def proto_name(self) -> str:
        return "TREND_VERDICT_" + self.name


#: Agreement labels by the values of FIVES_LABEL_* (index 0: no label).
LABELS = (None, "single", "shared", "mixed", "split")

PillarLike = Union[Pillar, int, str]


_E = TypeVar("_E", bound=enum.IntEnum)


def _enum_arg(cls: Type[_E], value: Any, field: str, prefix: str) -> _E:
    if isinstance(value, cls):
        return value
    if isinstance(value, bool):
        raise TypeError(f"{field}: expected {cls.__name__}, int or str, got bool")
    if isinstance(value, int):
        try:
            return cls(value)
        except ValueError:
            raise InvalidArgument(
                f"{field}: {value} is not a {cls.__name__} "
                f"({', '.join(f'{m.value}' for m in cls)})") from None
    if isinstance(value, str):
        name = value.upper()
        if name.startswith(prefix):
            name = name[len(prefix):]
        try:
            return cls[name]
        except KeyError:
            raise InvalidArgument(
                f"{field}: {value!r} is not a {cls.__name__} "
                f"({', '.join(repr(m.name.lower()) for m in cls)})") from None
    raise TypeError(f"{field}: expected {cls.__name__}, int or str, "
                    f"got {type(value).__name__}")


def pillar_arg(value: Any, field: str = "pillar") -> Pillar:
    """A Pillar from a Pillar, 1..5, 'strategy' or 'PILLAR_STRATEGY'."""
    return _enum_arg(Pillar, value, field, "PILLAR_")


def optional_pillar_arg(value: Any, field: str) -> Optional[Pillar]:
    return None if value is None else pillar_arg(value, field)


def round_mode_arg(value: Any, field: str = "mode") -> RoundMode:
    return _enum_arg(RoundMode, value, field, "ROUND_MODE_")


def review_outcome_arg(value: Any, field: str) -> ReviewOutcome:
    return _enum_arg(ReviewOutcome, value, field, "REVIEW_OUTCOME_")


def date_str(value: Any, field: str) -> str:
    """A datetime.date as ISO-8601 'YYYY-MM-DD'.

    A datetime.datetime is refused (TypeError) rather than silently cut to
    its date; pass ``value.date()``.
    """
    if isinstance(value, datetime.datetime):
        raise TypeError(f"{field}: expected datetime.date, got "
                        f"datetime.datetime (pass its .date())")
    if not isinstance(value, datetime.date):
        raise TypeError(f"{field}: expected datetime.date, got "
                        f"{type(value).__name__}")
    return value.isoformat()


def date_arg(value: Any, field: str) -> bytes:
    return date_str(value, field).encode("ascii")


def enum_from_message(cls: Type[_E], value: Any, prefix: str) -> Optional[_E]:
    """An enum value of a message's JSON (its name, e.g. 'DISCLOSURE_FULL',
    or a number the schema does not name) as ``cls``; None when absent, at
    the unspecified value 0, or not a value of ``cls``."""
    if value is None:
        return None
    if isinstance(value, str):
        member = cls.__members__.get(value[len(prefix):]
                                     if value.startswith(prefix) else value)
        return member
    try:
        return cls(value)
    except ValueError:
        return None


def parse_date(text: Optional[str]) -> Optional[datetime.date]:
    """'YYYY-MM-DD' from a message as a date; None for ''/None."""
    if not text:
        return None
    return datetime.date.fromisoformat(text)
