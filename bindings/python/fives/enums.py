"""Enumerations of the schema (proto/fives/v1) and argument conversions."""

from __future__ import annotations

import datetime
import enum
from typing import Any, Dict, List, Optional, Type, TypeVar, Union

from .errors import refused

__all__ = ["Pillar", "RoundMode", "ReviewOutcome", "Disclosure", "TrendVerdict",
           "EffectSize", "DocumentKind", "DocumentFormat",
           "RoundState", "FocusRule", "FocusReason", "ActionStatus",
           "CheckState", "AgreementState", "FindingSeverity", "NextReason",
           "DecisionModel", "AgendaKind", "LABELS", "PillarLike"]


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


class EffectSize(enum.IntEnum):
    """fives.v1.EffectSize: |Cliff's delta| in words (Romano et al. 2006:
    below 0.147 negligible, below 0.33 small, below 0.474 medium)."""

    NEGLIGIBLE = 1
    SMALL = 2
    MEDIUM = 3
    LARGE = 4

    @property
    def proto_name(self) -> str:
        return "EFFECT_SIZE_" + self.name


class DocumentKind(enum.IntEnum):
    """fives.v1.DocumentKind: the screens of :meth:`Journal.render`."""

    REPORT = 1
    RADAR = 2
    STRIPS = 3
    TREND = 4
    FOLLOW_UP = 5
    ACTIONS = 6
    CHECK_DUE = 7
    CHECK = 8
    GUARDIAN = 9
    PLAN = 10
    CHARTER = 11
    CHARTER_REVIEW = 12
    SIGNALS = 13
    MEMBERS = 14

    @property
    def proto_name(self) -> str:
        return "DOCUMENT_KIND_" + self.name


class DocumentFormat(enum.IntEnum):
    """fives.v1.DocumentFormat: text for a terminal, Markdown, one HTML
    page, or SVG (the pictures' only format)."""

    TEXT = 1
    MARKDOWN = 2
    HTML = 3
    SVG = 4

    @property
    def proto_name(self) -> str:
        return "DOCUMENT_FORMAT_" + self.name


class RoundState(enum.IntEnum):
    """fives.v1.RoundState."""

    #: Accepting responses.
    OPEN = 1
    #: No more responses; reports are final.
    CLOSED = 2


class FocusRule(enum.IntEnum):
    """fives.v1.FocusRule: how the focus pillar is chosen."""

    LOWEST_MEAN = 1
    LARGEST_GAP = 2


class FocusReason(enum.IntEnum):
    """fives.v1.FocusReason: why a pillar sits where it does in the
    ranking."""

    LOWEST_MEAN = 1
    LARGEST_GAP = 2
    #: Same key as the pillar above, placed after it by higher consensus.
    TIE_CONSENSUS = 3
    #: Same key and consensus as the pillar above, placed by pillar order.
    TIE_ORDER = 4
    #: No statistics (no or too few responses): ranked last.
    NOT_ENOUGH_DATA = 5


class ActionStatus(enum.IntEnum):
    """fives.v1.ActionStatus: PROPOSED -> OPEN -> DONE or DROPPED."""

    PROPOSED = 1
    OPEN = 2
    DONE = 3
    DROPPED = 4


class CheckState(enum.IntEnum):
    """fives.v1.CheckState: whether the next collaboration check is due."""

    NOT_DUE = 1
    DUE = 2
    OVERDUE = 3


class AgreementState(enum.IntEnum):
    """fives.v1.AgreementState: one agreement of the charter review."""

    IN_PLACE = 1
    MISSING = 2
    STALE = 3


class FindingSeverity(enum.IntEnum):
    """fives.v1.FindingSeverity of the charter check."""

    ERROR = 1
    WARNING = 2


class NextReason(enum.IntEnum):
    """fives.v1.NextReason: why the charter review names its next
    agreement."""

    PLAN_FOCUS = 1
    LOWEST_READINESS = 2


class DecisionModel(enum.IntEnum):
    """fives.v1.DecisionModel of the charter's decision register."""

    ADVICE = 1
    CONSENT = 2
    MAJORITY = 3
    MANDATE = 4


class AgendaKind(enum.IntEnum):
    """fives.v1.AgendaKind of an item on the standing agenda."""

    UPDATE = 1
    DECISION = 2
    DISCUSSION = 3


# The prefix of each enumeration's value names in the schema (and so in its
# JSON): "PILLAR_" + "STRATEGY".
_PREFIXES: Dict[Type[enum.IntEnum], str] = {
    Pillar: "PILLAR_",
    RoundMode: "ROUND_MODE_",
    ReviewOutcome: "REVIEW_OUTCOME_",
    Disclosure: "DISCLOSURE_",
    TrendVerdict: "TREND_VERDICT_",
    EffectSize: "EFFECT_SIZE_",
    DocumentKind: "DOCUMENT_KIND_",
    DocumentFormat: "DOCUMENT_FORMAT_",
    RoundState: "ROUND_STATE_",
    FocusRule: "FOCUS_RULE_",
    FocusReason: "FOCUS_REASON_",
    ActionStatus: "ACTION_STATUS_",
    CheckState: "CHECK_STATE_",
    AgreementState: "AGREEMENT_STATE_",
    FindingSeverity: "FINDING_SEVERITY_",
    NextReason: "NEXT_REASON_",
    DecisionModel: "DECISION_MODEL_",
    AgendaKind: "AGENDA_KIND_",
}


def proto_prefix(cls: Type[enum.IntEnum]) -> str:
    """The prefix of ``cls``'s value names in the schema, e.g. "PILLAR_"."""
    return _PREFIXES[cls]


def proto_name(value: enum.IntEnum) -> str:
    """``value``'s name in the schema, e.g. "CHECK_STATE_DUE"."""
    return _PREFIXES[type(value)] + value.name


#: Agreement labels by the values of FIVES_LABEL_* (index 0: no label).
LABELS = (None, "single", "shared", "mixed", "split")

PillarLike = Union[Pillar, int, str]


_E = TypeVar("_E", bound=enum.IntEnum)


def _not_one_of(cls: Type[_E], message: str, value: Any,
                choices: List[str]) -> Exception:
    """The refusal of ``value``, none of ``choices`` of ``cls``: a pillar
    and a round mode in their own words, any other enum as a choice."""
    if cls is Pillar:
        return refused(message, "ERROR_CODE_NOT_A_PILLAR", value)
    if cls is RoundMode:
        return refused(message, "ERROR_CODE_MODE_UNKNOWN", value)
    return refused(message, "ERROR_CODE_FLAG_CHOICE", value,
                   ", ".join(choices))


def _enum_arg(cls: Type[_E], value: Any, field: str, prefix: str) -> _E:
    if isinstance(value, cls):
        return value
    if isinstance(value, bool):
        raise TypeError(f"{field}: expected {cls.__name__}, int or str, got bool")
    if isinstance(value, int):
        try:
            return cls(value)
        except ValueError:
            raise _not_one_of(
                cls, f"{field}: {value} is not a {cls.__name__} "
                f"({', '.join(f'{m.value}' for m in cls)})", value,
                [f"{m.value}" for m in cls]) from None
    if isinstance(value, str):
        name = value.upper()
        if name.startswith(prefix):
            name = name[len(prefix):]
        try:
            return cls[name]
        except KeyError:
            raise _not_one_of(
                cls, f"{field}: {value!r} is not a {cls.__name__} "
                f"({', '.join(repr(m.name.lower()) for m in cls)})", value,
                [m.name.lower() for m in cls]) from None
    raise TypeError(f"{field}: expected {cls.__name__}, int or str, "
                    f"got {type(value).__name__}")


def pillar_arg(value: Any, field: str = "pillar") -> Pillar:
    """A Pillar from a Pillar, 1..5, 'strategy' or 'PILLAR_STRATEGY'."""
    return _enum_arg(Pillar, value, field, "PILLAR_")


def optional_pillar_arg(value: Any, field: str) -> Optional[Pillar]:
    return None if value is None else pillar_arg(value, field)


def document_kind_arg(value: Any, field: str = "kind") -> DocumentKind:
    return _enum_arg(DocumentKind, value, field, _PREFIXES[DocumentKind])


def document_format_arg(value: Any, field: str = "format") -> DocumentFormat:
    return _enum_arg(DocumentFormat, value, field, _PREFIXES[DocumentFormat])


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
