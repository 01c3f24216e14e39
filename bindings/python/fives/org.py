"""The organisation view: many management teams rolled up, private at every
level.

An :class:`Org` is the organisation tree (units of any depth whose leaves
are teams, each with its journal, and attribute groupings such as region
across the tree), validated by the library. The rollup of a period works in
three steps, each of which can run where the data is:

1. every journal gives its team's *partial* for the period
   (:func:`partials_of`, :func:`partials_of_directory`, or one team at a
   time :meth:`Org.partial`): serialized bytes of fives.v1.OrgPartials
   (fives.v1.TeamPartial for one team);
2. partials of one period fold into one, in any order, to the same bytes
   (:func:`fold_partials`); so journals can be read on many machines
   (``fives.org_dask`` does it with Dask);
3. :meth:`Org.rollup` rolls the partials up over the tree: an
   :class:`OrgRollup` with a row per unit, team and group, per pillar the
   merged figures as the disclosure model allows them and why a withheld
   cell is withheld; :meth:`Org.compare` gives the :class:`OrgTrend` between
   two periods.

Partials hold what the journals hold (each team's counts, who answered):
keep and send them as the journals are kept and sent, never to report
readers; only the rollup is for them.

Partials and rollups keep their serialized bytes (``to_bytes``), so they can
be stored and passed back unchanged; ``to_message`` gives their dicts (the
proto3 JSON mapping, snake_case keys, fields at their default absent).
Periods are :class:`Period` or ``(first_day, last_day)`` pairs of
``datetime.date``, both days included.
"""

from __future__ import annotations

import ctypes
import datetime
import enum
import json
import os
from dataclasses import dataclass, field
from typing import (Any, Callable, Dict, Iterable, List, Mapping, Optional,
                    Tuple, Union)

from . import _ffi
from .enums import (Disclosure, EffectSize, Pillar, PillarLike, TrendVerdict,
                    date_str,
                    enum_from_message, parse_date, pillar_arg)
from ._handle import Handle
from ._message import message_of
from .errors import InvalidArgument
from .messages import BytesLike, bytes_arg, convert
from .stats import PillarStats

__all__ = [
    "Org",
    "Period",
    "OrgRowKind",
    "Withheld",
    "OrgCell",
    "OrgFollowUp",
    "OrgRow",
    "OrgExclusion",
    "OrgRollup",
    "PillarTrend",
    "OrgRowTrend",
    "OrgTrend",
    "fold_partials",
    "partials_of",
    "partials_of_directory",
]

PathLike = Union[str, "os.PathLike[str]"]


# ---- Periods --------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """An inclusive range of days (fives.v1.OrgPeriod): ``first`` to
    ``last``, both included."""

    first: datetime.date
    last: datetime.date

    @classmethod
    def of(cls, value: "PeriodLike", field: str = "period") -> "Period":
        """A Period from a Period or a ``(first, last)`` pair of dates."""
        if isinstance(value, Period):
            return value
        if isinstance(value, tuple) and len(value) == 2:
            first, last = value
            date_str(first, f"{field}[0]")
            date_str(last, f"{field}[1]")
            return cls(first, last)
        raise TypeError(f"{field}: expected fives.Period or a (first, last) "
                        f"pair of datetime.date, got {type(value).__name__}")

    @classmethod
    def from_message(cls, message: Mapping[str, Any]) -> "Period":
        first = parse_date(message.get("from"))
        last = parse_date(message.get("to"))
        if first is None or last is None:
            raise InvalidArgument(f"period: not a period: {dict(message)!r}")
        return cls(first, last)

    def to_message(self) -> Dict[str, str]:
        return {"from": date_str(self.first, "period.first"),
                "to": date_str(self.last, "period.last")}

    def _args(self) -> Tuple[bytes, bytes]:
        return (date_str(self.first, "period.first").encode("ascii"),
                date_str(self.last, "period.last").encode("ascii"))


PeriodLike = Union[Period, Tuple[datetime.date, datetime.date]]


def _optional_period(message: Mapping[str, Any],
                     key: str) -> Optional[Period]:
    value = message.get(key)
    return None if not value else Period.from_message(value)


# ---- Enumerations of the rollup ------------------------------------------------


class OrgRowKind(enum.IntEnum):
    """fives.v1.OrgRowKind: a row of the rollup."""

    UNIT = 1
    TEAM = 2
    GROUP = 3


class Withheld(enum.IntEnum):
    """fives.v1.OrgWithheld: why a cell shows less than everything."""

    #: Shown in full.
    NONE = 0
    #: Fewer people than the thresholds allow.
    TOO_FEW = 1
    #: Withheld so that no withheld cell follows from the shown ones by
    #: adding and subtracting (complementary suppression).
    PROTECTS_ANOTHER = 2
    #: The team's own report holds the figure back.
    TEAM_HELD_BACK = 3
    #: Its people differ from the earlier period's by a few.
    DIFFERS_FROM_EARLIER = 4


def _int(message: Mapping[str, Any], key: str) -> int:
    return int(message.get(key, 0))


def _optional_int(message: Mapping[str, Any], key: str) -> Optional[int]:
    value = message.get(key)
    return None if value is None else int(value)


def _optional_float(message: Mapping[str, Any], key: str) -> Optional[float]:
    value = message.get(key)
    return None if value is None else float(value)


def _pillar(message: Mapping[str, Any], key: str) -> Optional[Pillar]:
    return enum_from_message(Pillar, message.get(key), "PILLAR_")


# ---- The rollup -------------------------------------------------------------------


@dataclass(frozen=True)
class OrgCell:
    """One pillar of one row (fives.v1.OrgCell).

    ``stats`` holds the merged figures as they may be shown: a withheld
    measure is None, and ``disclosure`` says how much is shown (None for a
    cell that holds nobody's scores). ``withheld`` says why a cell shows less
    than everything. ``teams`` is the number of teams merged. Team rows
    only: ``rank`` (1 = highest mean; ties share the best place) out of
    ``ranked`` teams whose means are shown, and ``percentile``, the share of
    the other ranked teams whose mean is lower.
    """

    pillar: Pillar
    stats: PillarStats
    disclosure: Optional[Disclosure]
    withheld: Withheld
    teams: int
    rank: Optional[int] = None
    ranked: Optional[int] = None
    percentile: Optional[float] = None

    @property
    def n(self) -> int:
        return self.stats.n

    @property
    def mean(self) -> Optional[float]:
        return self.stats.mean

    @classmethod
    def from_message(cls, message: Mapping[str, Any],
                     pillar: Pillar) -> "OrgCell":
        stats = message.get("stats", {})
        return cls(
            pillar=_pillar(stats, "pillar") or pillar,
            stats=PillarStats.from_message(stats),
            disclosure=enum_from_message(Disclosure, stats.get("disclosure"),
                                         "DISCLOSURE_"),
            withheld=enum_from_message(Withheld, message.get("withheld"),
                                       "ORG_WITHHELD_") or Withheld.NONE,
            teams=_int(message, "teams"),
            rank=_optional_int(message, "rank"),
            ranked=_optional_int(message, "ranked"),
            percentile=_optional_float(message, "percentile"),
        )


@dataclass(frozen=True)
class OrgFollowUp:
    """The follow-up of the method over a row's teams (fives.v1.OrgFollowUp).

    Per pillar, in pillar order: ``charter_readiness`` (the mean readiness
    of the teams' agreements), ``teams_charter_ready`` (teams with every
    agreement of the pillar in place) and ``teams_focus`` (teams whose
    latest plan has it as focus). ``completion_rate`` is done / (done +
    dropped + overdue), ``on_time_rate`` the share of done actions done by
    their due date; None when there is nothing to divide.
    """

    teams_with_plan: int
    actions_open: int
    actions_overdue: int
    actions_done: int
    actions_dropped: int
    completion_rate: Optional[float]
    on_time_rate: Optional[float]
    teams_check_overdue: int
    teams_guardian_rotating: int
    charter_readiness: Tuple[float, ...]
    teams_charter_ready: Tuple[int, ...]
    teams_focus: Tuple[int, ...]

    @classmethod
    def from_message(cls, message: Mapping[str, Any]) -> "OrgFollowUp":
        return cls(
            teams_with_plan=_int(message, "teams_with_plan"),
            actions_open=_int(message, "actions_open"),
            actions_overdue=_int(message, "actions_overdue"),
            actions_done=_int(message, "actions_done"),
            actions_dropped=_int(message, "actions_dropped"),
            completion_rate=_optional_float(message, "completion_rate"),
            on_time_rate=_optional_float(message, "on_time_rate"),
            teams_check_overdue=_int(message, "teams_check_overdue"),
            teams_guardian_rotating=_int(message, "teams_guardian_rotating"),
            charter_readiness=tuple(
                float(v) for v in message.get("charter_readiness", ())),
            teams_charter_ready=tuple(
                int(v) for v in message.get("teams_charter_ready", ())),
            teams_focus=tuple(int(v) for v in message.get("teams_focus", ())),
        )

    def focus_of(self, pillar: PillarLike) -> int:
        """The number of teams whose latest plan has ``pillar`` as focus."""
        i = pillar_arg(pillar) - 1
        return self.teams_focus[i] if i < len(self.teams_focus) else 0


@dataclass(frozen=True)
class OrgRow:
    """A row of the rollup (fives.v1.OrgRow): a unit of the tree, a team, or
    an attribute group.

    Units and teams have ``unit_id``, ``name``, ``parent`` and ``depth``
    (the root 0); teams also ``team_id`` and ``round_id`` (the round that
    counts; "" when the team closed none in the period); groups
    ``group_key`` and ``group_value``. ``teams`` below (a team: 1),
    ``teams_with_round`` and ``respondents``. ``pillars``: five
    :class:`OrgCell`, in pillar order.
    """

    kind: OrgRowKind
    name: str
    unit_id: str
    parent: str
    depth: int
    team_id: str
    round_id: str
    group_key: str
    group_value: str
    teams: int
    teams_with_round: int
    respondents: int
    pillars: Tuple[OrgCell, ...]
    follow_up: OrgFollowUp

    def cell(self, pillar: PillarLike) -> OrgCell:
        """The cell of ``pillar`` (a Pillar, 1..5, 'strategy', ...)."""
        return self.pillars[pillar_arg(pillar) - 1]

    @classmethod
    def from_message(cls, message: Mapping[str, Any]) -> "OrgRow":
        kind = enum_from_message(OrgRowKind, message.get("kind"),
                                 "ORG_ROW_KIND_")
        if kind is None:
            raise InvalidArgument(f"row: no kind: {message.get('kind')!r}")
        cells = message.get("pillars", ())
        return cls(
            kind=kind,
            name=message.get("name", ""),
            unit_id=message.get("unit_id", ""),
            parent=message.get("parent", ""),
            depth=_int(message, "depth"),
            team_id=message.get("team_id", ""),
            round_id=message.get("round_id", ""),
            group_key=message.get("group_key", ""),
            group_value=message.get("group_value", ""),
            teams=_int(message, "teams"),
            teams_with_round=_int(message, "teams_with_round"),
            respondents=_int(message, "respondents"),
            pillars=tuple(
                OrgCell.from_message(c, Pillar(i + 1))
                for i, c in enumerate(cells)),
            follow_up=OrgFollowUp.from_message(message.get("follow_up", {})),
        )


@dataclass(frozen=True)
class OrgExclusion:
    """A journal or team that does not count, and why
    (fives.v1.OrgExclusion)."""

    journal: str
    team_id: str
    reason: str

    @classmethod
    def from_message(cls, message: Mapping[str, Any]) -> "OrgExclusion":
        return cls(journal=message.get("journal", ""),
                   team_id=message.get("team_id", ""),
                   reason=message.get("reason", ""))


_ROLLUP = "fives.v1.OrgRollup"
_TREND = "fives.v1.OrgTrend"


class _Serialized:
    """A result that keeps the serialized message it was read from."""

    _TYPE = ""
    _bytes: bytes

    def to_bytes(self) -> bytes:
        """The serialized message, exactly as the library wrote it."""
        return self._bytes

    def to_message(self) -> Dict[str, Any]:
        """The message as a dict (proto3 JSON mapping, snake_case keys)."""
        message: Dict[str, Any] = json.loads(
            convert(self._TYPE, self._bytes, _ffi.FORMAT_BINARY,
                    _ffi.FORMAT_JSON))
        return message

    def to_json(self) -> str:
        """The message as JSON text."""
        return convert(self._TYPE, self._bytes, _ffi.FORMAT_BINARY,
                       _ffi.FORMAT_JSON).decode("utf-8")


@dataclass(frozen=True)
class OrgRollup(_Serialized):
    """The rollup of one period (fives.v1.OrgRollup).

    ``rows``: the tree depth first (the root first), then the groups by key
    and value. ``excluded``: journals and teams left out; ``complete`` is
    False when any is. ``weakest``: the pillar with the lowest mean the root
    shows (None: none shown). ``cells_withheld_too_few`` and
    ``cells_withheld_protecting`` count the withheld cells. ``earlier``: the
    earlier period checked for differencing, if any. ``min_responses`` and
    ``min_distribution``: the organisation's thresholds.

    ``to_bytes()`` gives the serialized message (for :meth:`Org.compare`, to
    store it, or :meth:`from_bytes` later); ``to_message()`` its dict.
    """

    _TYPE = _ROLLUP

    org_id: str
    org_name: str
    period: Period
    rows: Tuple[OrgRow, ...]
    excluded: Tuple[OrgExclusion, ...]
    complete: bool
    weakest: Optional[Pillar]
    cells_withheld_too_few: int
    cells_withheld_protecting: int
    earlier: Optional[Period]
    min_responses: int
    min_distribution: int
    _bytes: bytes = field(repr=False, compare=False, default=b"")

    @classmethod
    def from_bytes(cls, data: BytesLike) -> "OrgRollup":
        """From a serialized fives.v1.OrgRollup."""
        raw = bytes_arg(data, "data")
        message = json.loads(
            convert(_ROLLUP, raw, _ffi.FORMAT_BINARY, _ffi.FORMAT_JSON))
        return cls._from(message, raw)

    @classmethod
    def from_message(cls, message: Mapping[str, Any]) -> "OrgRollup":
        """From the dict of :meth:`to_message`."""
        if not isinstance(message, Mapping):
            raise TypeError(f"message: expected dict, got "
                            f"{type(message).__name__}")
        raw = convert(_ROLLUP,
                      json.dumps(message).encode("utf-8"), _ffi.FORMAT_JSON,
                      _ffi.FORMAT_BINARY)
        return cls.from_bytes(raw)

    @classmethod
    def _from(cls, m: Mapping[str, Any], raw: bytes) -> "OrgRollup":
        privacy = m.get("privacy", {})
        return cls(
            org_id=m.get("org_id", ""),
            org_name=m.get("org_name", ""),
            period=Period.from_message(m.get("period", {})),
            rows=tuple(OrgRow.from_message(r) for r in m.get("rows", ())),
            excluded=tuple(
                OrgExclusion.from_message(e) for e in m.get("excluded", ())),
            complete=bool(m.get("complete", False)),
            weakest=_pillar(m, "weakest"),
            cells_withheld_too_few=_int(m, "cells_withheld_too_few"),
            cells_withheld_protecting=_int(m, "cells_withheld_protecting"),
            earlier=_optional_period(m, "earlier"),
            min_responses=_int(privacy, "min_responses"),
            min_distribution=_int(privacy, "min_distribution"),
            _bytes=raw,
        )

    @property
    def root(self) -> OrgRow:
        """The row of the organisation itself."""
        return self.rows[0]

    def row(self, unit_id: str) -> OrgRow:
        """The row of a unit or team by its unit id (KeyError if none)."""
        for r in self.rows:
            if r.kind != OrgRowKind.GROUP and r.unit_id == unit_id:
                return r
        raise KeyError(unit_id)

    def team(self, team_id: str) -> OrgRow:
        """The row of a team by its team id (KeyError if none)."""
        for r in self.rows:
            if r.kind == OrgRowKind.TEAM and r.team_id == team_id:
                return r
        raise KeyError(team_id)

    def group(self, key: str, value: str) -> OrgRow:
        """The row of the group ``key`` = ``value`` (KeyError if none)."""
        for r in self.rows:
            if (r.kind == OrgRowKind.GROUP and r.group_key == key and
                    r.group_value == value):
                return r
        raise KeyError((key, value))

    def withheld_cells(self) -> List[Tuple[OrgRow, OrgCell]]:
        """Every cell shown with less than everything, with its row."""
        return [(r, c) for r in self.rows for c in r.pillars
                if c.withheld != Withheld.NONE]

    #: The kinds of :meth:`document`.
    DOCUMENTS = ("text", "md", "html", "svg", "json")

    def document(self, kind: str = "html",
                 trend: Optional["OrgTrend"] = None,
                 language: str = "en") -> str:
        """The rollup as a document for people, in ``language`` ('en' or
        'nl'): ``kind`` "text" (for a terminal), "md" (Markdown), "html"
        (one self-contained page for an organisation's meeting), "svg" (the
        heatmap of units and groups by pillar) or "json" (the rollup and
        the trend in one fives.v1.OrgReport). ``trend``: the
        :class:`OrgTrend` from an earlier period (:meth:`Org.compare`), shown
        beside the figures; the heatmap shows the rollup alone. Documents
        show only what the rollup released, and why a cell is withheld.
        :class:`fives.InvalidArgument` for another kind or language."""
        if not isinstance(kind, str):
            raise TypeError(f"kind: expected str, got {type(kind).__name__}")
        if trend is not None and not isinstance(trend, OrgTrend):
            raise TypeError(f"trend: expected fives.OrgTrend or None, got "
                            f"{type(trend).__name__}")
        then = None if trend is None else trend.to_bytes()
        return _ffi.call_buffer(
            _ffi.lib().fives_org_document, self._bytes, len(self._bytes),
            then, 0 if then is None else len(then),
            _ffi.text_arg(kind, "kind"),
            _ffi.text_arg(language, "language")).decode("utf-8")


# ---- The trend ----------------------------------------------------------------------


@dataclass(frozen=True)
class PillarTrend:
    """One pillar compared between two periods (fives.v1.PillarTrend).

    The means and their change where both cells show them; the verdict, the
    median change, ``p_value`` and ``cliffs_delta`` only where both show
    their distribution (otherwise ``verdict`` is NOT_ENOUGH_DATA and
    ``before_disclosure`` / ``after_disclosure`` say which side shows too
    little). Between two rounds of a team (:meth:`Journal.compare_rounds`,
    a report's ``focus_trend``) ``before_round_id`` and ``after_round_id``
    name them.
    """

    pillar: Pillar
    n_before: int
    n_after: int
    mean_before: Optional[float]
    mean_after: Optional[float]
    mean_change: Optional[float]
    median_before: Optional[float]
    median_after: Optional[float]
    median_change: Optional[float]
    verdict: Optional[TrendVerdict]
    p_value: Optional[float]
    cliffs_delta: Optional[float]
    alpha: float
    before_disclosure: Optional[Disclosure]
    after_disclosure: Optional[Disclosure]
    before_round_id: str = ""
    after_round_id: str = ""
    #: The size of ``cliffs_delta`` in words; None exactly when it is None.
    effect_size: Optional[EffectSize] = None

    @classmethod
    def from_message(cls, m: Mapping[str, Any],
                     pillar: Optional[Pillar] = None) -> "PillarTrend":
        p = _pillar(m, "pillar") or pillar
        if p is None:
            raise InvalidArgument("trend: a pillar trend without a pillar")
        return cls(
            pillar=p,
            n_before=_int(m, "n_before"),
            n_after=_int(m, "n_after"),
            mean_before=_optional_float(m, "mean_before"),
            mean_after=_optional_float(m, "mean_after"),
            mean_change=_optional_float(m, "mean_change"),
            median_before=_optional_float(m, "median_before"),
            median_after=_optional_float(m, "median_after"),
            median_change=_optional_float(m, "median_change"),
            verdict=enum_from_message(TrendVerdict, m.get("verdict"),
                                      "TREND_VERDICT_"),
            p_value=_optional_float(m, "p_value"),
            cliffs_delta=_optional_float(m, "cliffs_delta"),
            alpha=float(m.get("alpha", 0.0)),
            before_disclosure=enum_from_message(
                Disclosure, m.get("before_disclosure"), "DISCLOSURE_"),
            after_disclosure=enum_from_message(
                Disclosure, m.get("after_disclosure"), "DISCLOSURE_"),
            before_round_id=m.get("before_round_id", ""),
            after_round_id=m.get("after_round_id", ""),
            effect_size=enum_from_message(EffectSize, m.get("effect_size"),
                                          "EFFECT_SIZE_"),
        )

    def to_message(self) -> Dict[str, Any]:
        """The proto3 JSON mapping of fives.v1.PillarTrend."""
        return message_of(self)


@dataclass(frozen=True)
class OrgRowTrend:
    """One row in both periods (fives.v1.OrgRowTrend): five
    :class:`PillarTrend` in pillar order."""

    kind: OrgRowKind
    name: str
    unit_id: str
    group_key: str
    group_value: str
    pillars: Tuple[PillarTrend, ...]

    def pillar(self, pillar: PillarLike) -> PillarTrend:
        return self.pillars[pillar_arg(pillar) - 1]

    @classmethod
    def from_message(cls, m: Mapping[str, Any]) -> "OrgRowTrend":
        kind = enum_from_message(OrgRowKind, m.get("kind"), "ORG_ROW_KIND_")
        if kind is None:
            raise InvalidArgument(f"row: no kind: {m.get('kind')!r}")
        return cls(
            kind=kind,
            name=m.get("name", ""),
            unit_id=m.get("unit_id", ""),
            group_key=m.get("group_key", ""),
            group_value=m.get("group_value", ""),
            pillars=tuple(
                PillarTrend.from_message(p, Pillar(i + 1))
                for i, p in enumerate(m.get("pillars", ()))),
        )


@dataclass(frozen=True)
class OrgTrend(_Serialized):
    """The organisation between two periods (fives.v1.OrgTrend): per row
    found in both, the change per pillar; ``weakest_before``, the
    organisation's weakest pillar of the earlier period, and
    ``weakest_moved``, the root's trend on it (None when there was none)."""

    _TYPE = _TREND

    before: Period
    after: Period
    rows: Tuple[OrgRowTrend, ...]
    weakest_before: Optional[Pillar]
    weakest_moved: Optional[PillarTrend]
    _bytes: bytes = field(repr=False, compare=False, default=b"")

    @classmethod
    def from_bytes(cls, data: BytesLike) -> "OrgTrend":
        """From a serialized fives.v1.OrgTrend."""
        raw = bytes_arg(data, "data")
        m = json.loads(convert(_TREND, raw, _ffi.FORMAT_BINARY,
                               _ffi.FORMAT_JSON))
        moved = m.get("weakest_moved")
        return cls(
            before=Period.from_message(m.get("before", {})),
            after=Period.from_message(m.get("after", {})),
            rows=tuple(OrgRowTrend.from_message(r) for r in m.get("rows", ())),
            weakest_before=_pillar(m, "weakest_before"),
            weakest_moved=None if not moved else PillarTrend.from_message(moved),
            _bytes=raw,
        )

    def row(self, unit_id: str) -> OrgRowTrend:
        """The trend of a unit or team by its unit id (KeyError if none)."""
        for r in self.rows:
            if r.kind != OrgRowKind.GROUP and r.unit_id == unit_id:
                return r
        raise KeyError(unit_id)


# ---- Partials ----------------------------------------------------------------------

JournalLike = Union[PathLike, Tuple[str, BytesLike]]


def _read_journal(item: Any, field: str) -> Tuple[str, bytes]:
    """(name, bytes) of a journal given as a path or a (name, bytes) pair."""
    if isinstance(item, tuple):
        if len(item) != 2:
            raise TypeError(f"{field}: expected a path or a (name, bytes) "
                            f"pair, got a tuple of {len(item)}")
        name, data = item
        if not isinstance(name, str):
            raise TypeError(f"{field}[0]: expected str, got "
                            f"{type(name).__name__}")
        return name, bytes_arg(data, f"{field}[1]")
    if isinstance(item, (str, os.PathLike)):
        path = os.fspath(item)
        with open(path, "rb") as f:
            return os.path.basename(path), f.read()
    raise TypeError(f"{field}: expected a path or a (name, bytes) pair, got "
                    f"{type(item).__name__}")


def _threads(threads: Any) -> int:
    if isinstance(threads, bool) or not isinstance(threads, int):
        raise TypeError(f"threads: expected int, got {type(threads).__name__}")
    if not -(2**31) <= threads < 2**31:
        raise InvalidArgument(f"threads: {threads} is out of range")
    return threads


def partials_of(journals: Iterable[JournalLike], period: PeriodLike,
                threads: int = 0) -> bytes:
    """The partials of journal files for ``period``: a serialized
    fives.v1.OrgPartials, sorted by team id.

    Each journal is a path (read here, named by its file name) or a
    ``(name, bytes)`` pair of a journal file's bytes. A journal that does
    not load is listed among the exclusions with its error, not raised (the
    rollup decides). Read on up to ``threads`` threads (0: one per core).
    The same bytes as folding the partials of any split of the journals
    with :func:`fold_partials`, in any order.
    """
    p = Period.of(period)
    if isinstance(journals, (str, bytes, os.PathLike)):
        raise TypeError(f"journals: expected a list of journals, got "
                        f"{type(journals).__name__}")
    items = [_read_journal(j, f"journals[{i}]")
             for i, j in enumerate(journals)]
    names = (ctypes.c_char_p * len(items))(
        *(_ffi.text_arg(name, f"journals[{i}] name")
          for i, (name, _) in enumerate(items)))
    datas = (ctypes.c_char_p * len(items))(*(data for _, data in items))
    lens = (ctypes.c_size_t * len(items))(*(len(data) for _, data in items))
    first, last = p._args()
    return _ffi.call_buffer(_ffi.lib().fives_org_partials,
                            ctypes.cast(datas, ctypes.POINTER(ctypes.c_void_p)),
                            lens, names, len(items), first, last,
                            _threads(threads))


def partials_of_directory(directory: PathLike, period: PeriodLike,
                          threads: int = 0) -> bytes:
    """:func:`partials_of` every file named ``*.journal`` in ``directory``
    (not recursive). :class:`fives.NotFound` when it cannot be read."""
    p = Period.of(period)
    first, last = p._args()
    return _ffi.call_buffer(_ffi.lib().fives_org_partials_of_directory,
                            _path(directory, "directory"), first, last,
                            _threads(threads))


def fold_partials(a: BytesLike, b: BytesLike) -> bytes:
    """Two serialized fives.v1.OrgPartials of one period folded into one:
    the same bytes in any order of folding. :class:`fives.InvalidArgument`
    for partials of different periods."""
    first = bytes_arg(a, "a")
    second = bytes_arg(b, "b")
    return _ffi.call_buffer(_ffi.lib().fives_org_fold_partials, first,
                            len(first), second, len(second))


def _path(path: Any, field: str) -> bytes:
    p = os.fspath(path)
    if isinstance(p, bytes):
        if b"\0" in p:
            raise InvalidArgument(f"{field}: contains a NUL byte")
        return p
    return _ffi.text_arg(p, field)


# ---- The organisation --------------------------------------------------------------


class Org(Handle):
    """An organisation (fives.v1.Organization), validated by the library.

    Make one with :meth:`parse` (protobuf text format, or JSON), :meth:`from_file`,
    :meth:`from_dict` or :meth:`from_bytes`. It owns a ``fives_org`` handle:
    use it as a context manager or call :meth:`close` (garbage collection
    frees it too). Pickles as its serialized bytes.
    """

    __slots__ = ()
    _kind = "org"

    def __init__(self, handle: ctypes.c_void_p) -> None:
        """Internal: takes ownership of a fives_org handle."""
        if not isinstance(handle, ctypes.c_void_p) or not handle:
            raise TypeError("use Org.parse, Org.from_file or Org.from_*")
        super().__init__(handle, _ffi.lib().fives_org_free)

    # ---- Construction ---------------------------------------------------

    @classmethod
    def _parse(cls, data: bytes, fmt: int) -> "Org":
        handle = ctypes.c_void_p()
        _ffi.lib().fives_org_parse(ctypes.byref(handle), data, len(data), fmt)
        return cls(handle)

    @classmethod
    def parse(cls, text: str) -> "Org":
        """An organisation from protobuf text format, or from JSON when the
        text starts with '{' (as an organisation file holds it).
        :class:`fives.InvalidArgument` naming the unit and the value when it
        does not parse or validate."""
        data = _ffi.text_arg(text, "text")
        fmt = (_ffi.FORMAT_JSON if data.lstrip().startswith(b"{") else
               _ffi.FORMAT_TEXT)
        return cls._parse(data, fmt)

    @classmethod
    def from_file(cls, path: PathLike) -> "Org":
        """An organisation from a file in text format or JSON (UTF-8)."""
        with open(os.fspath(path), "rb") as f:
            data = f.read()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            raise InvalidArgument(f"{os.fspath(path)}: not UTF-8 text "
                                  f"({e.reason})") from None
        return cls.parse(text)

    @classmethod
    def from_dict(cls, message: Mapping[str, Any]) -> "Org":
        """An organisation from its dict (the proto3 JSON mapping)."""
        if not isinstance(message, Mapping):
            raise TypeError(f"message: expected dict, got "
                            f"{type(message).__name__}")
        return cls._parse(json.dumps(message).encode("utf-8"),
                          _ffi.FORMAT_JSON)

    @classmethod
    def from_bytes(cls, data: BytesLike) -> "Org":
        """An organisation from a serialized fives.v1.Organization."""
        return cls._parse(bytes_arg(data, "data"), _ffi.FORMAT_BINARY)

    # ---- Lifetime (Handle: close, with, closed) -------------------------

    def _call_buffer(self, func: Callable[..., Any], *args: Any) -> bytes:
        with self._lock:
            return _ffi.call_buffer(func, self._require(), *args)

    def __reduce__(self) -> Any:
        return (Org.from_bytes, (self.to_bytes(),))

    def __repr__(self) -> str:
        if self.closed:
            return "<fives.Org closed>"
        return f"<fives.Org {self.id!r}>"

    # ---- Serialization --------------------------------------------------

    def to_bytes(self) -> bytes:
        """The organisation as a serialized fives.v1.Organization."""
        return self._call_buffer(_ffi.lib().fives_org_serialize,
                                 _ffi.FORMAT_BINARY)

    def to_dict(self) -> Dict[str, Any]:
        """The organisation as a dict (proto3 JSON mapping)."""
        message: Dict[str, Any] = json.loads(
            self._call_buffer(_ffi.lib().fives_org_serialize,
                              _ffi.FORMAT_JSON))
        return message

    def to_text(self) -> str:
        """The organisation in protobuf text format."""
        return self._call_buffer(_ffi.lib().fives_org_serialize,
                                 _ffi.FORMAT_TEXT).decode("utf-8")

    @property
    def id(self) -> str:
        return str(self.to_dict().get("id", ""))

    @property
    def name(self) -> str:
        return str(self.to_dict().get("name", ""))

    def team_ids(self) -> List[str]:
        """The team ids of the organisation's teams, in the file's order."""
        return [u["team_id"] for u in self.to_dict().get("units", ())
                if u.get("team_id")]

    # ---- Partials, rollup, trend -----------------------------------------

    @staticmethod
    def partial(journal: Union[BytesLike, PathLike], period: PeriodLike,
                name: Optional[str] = None) -> bytes:
        """What one team's journal contributes to ``period``: a serialized
        fives.v1.TeamPartial (the latest round closed within the period with
        its counts, who answered, the follow-up as of the period's end).

        ``journal``: the bytes of a journal file (as :meth:`Journal.save`
        writes it), or its path; ``name`` how the host names it (default:
        the file name of a path, else none). The journal file's errors
        raise: :class:`fives.InvalidArgument` (not a journal file),
        :class:`fives.DataLoss` (damaged or truncated),
        :class:`fives.FailedPrecondition` (a newer format). To fold, gather
        partials with :func:`partials_of`, which lists such journals
        instead of raising.
        """
        p = Period.of(period)
        if isinstance(journal, (str, os.PathLike)):
            path = os.fspath(journal)
            with open(path, "rb") as f:
                data = f.read()
            if name is None:
                name = os.path.basename(path)
        else:
            data = bytes_arg(journal, "journal")
        first, last = p._args()
        return _ffi.call_buffer(_ffi.lib().fives_org_partial, data, len(data),
                                first, last,
                                _ffi.optional_text_arg(name, "name"))

    def rollup(self, partials: BytesLike, earlier: Optional[BytesLike] = None,
               strict: bool = True) -> OrgRollup:
        """The rollup of ``partials`` (a serialized fives.v1.OrgPartials)
        over the organisation.

        ``earlier``: the partials of an earlier period whose rollup readers
        have seen; cells whose people differ from that period's by a few are
        held back (roll the later period up with it, then
        :meth:`compare`). ``strict``: a team of the organisation without a
        journal, a journal of a team it does not list, two journals of one
        team and a journal that did not load raise
        :class:`fives.InvalidArgument`; with ``strict=False`` each is left
        out and listed in ``excluded``, and the rollup is not ``complete``.
        :class:`fives.FailedPrecondition` when no team closed a round in the
        period.
        """
        if not isinstance(strict, bool):
            raise TypeError(f"strict: expected bool, got "
                            f"{type(strict).__name__}")
        now = bytes_arg(partials, "partials")
        then = None if earlier is None else bytes_arg(earlier, "earlier")
        raw = self._call_buffer(_ffi.lib().fives_org_rollup, now, len(now),
                                then, 0 if then is None else len(then),
                                int(strict), _ffi.FORMAT_BINARY)
        return OrgRollup.from_bytes(raw)

    @staticmethod
    def compare(before: Union[OrgRollup, BytesLike],
                after: Union[OrgRollup, BytesLike]) -> OrgTrend:
        """Two rollups of one organisation compared, the earlier first: per
        row found in both and per pillar the change as both show it (a
        verdict at alpha 0.05 only where both show their distribution).
        :class:`fives.InvalidArgument` for rollups of different
        organisations."""
        b = _rollup_bytes(before, "before")
        a = _rollup_bytes(after, "after")
        raw = _ffi.call_buffer(_ffi.lib().fives_org_compare, b, len(b), a,
                               len(a), _ffi.FORMAT_BINARY)
        return OrgTrend.from_bytes(raw)


def _rollup_bytes(value: Any, field: str) -> bytes:
    if isinstance(value, OrgRollup):
        return value.to_bytes()
    return bytes_arg(value, field)
