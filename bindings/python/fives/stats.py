"""Statistics: one pillar's scores, and bulk scoring of many teams at once."""

from __future__ import annotations

import array
import ctypes
import json
import operator
from dataclasses import dataclass
from typing import Any, Dict, Iterable, Mapping, Optional, Tuple

from . import _ffi
from ._message import Message
from .enums import (LABELS, Disclosure, Pillar, PillarLike, enum_from_message,
                    pillar_arg, proto_name)
from .errors import InvalidArgument, refused

__all__ = [
    "PillarStats",
    "MemberScore",
    "BulkStats",
    "score_stats",
    "score_stats_message",
    "CompactBulkStats",
    "bulk_stats",
    "bulk_stats_compact",
    "bulk_stats_message",
]

_LABEL_BY_NAME = {
    "AGREEMENT_LABEL_SINGLE": "single",
    "AGREEMENT_LABEL_SHARED": "shared",
    "AGREEMENT_LABEL_MIXED": "mixed",
    "AGREEMENT_LABEL_SPLIT": "split",
}
_NAME_BY_LABEL = {v: k for k, v in _LABEL_BY_NAME.items()}


def _float(message: Mapping[str, Any], key: str) -> Optional[float]:
    value = message.get(key)
    return None if value is None else float(value)


def _int(message: Mapping[str, Any], key: str) -> Optional[int]:
    value = message.get(key)
    return None if value is None else int(value)


@dataclass(frozen=True)
class MemberScore(Message):
    """One member's score, shown in open rounds only
    (fives.v1.MemberScore)."""

    member_id: str = ""
    score: int = 0
    #: The member's display name at the time of the report.
    display_name: str = ""


@dataclass(frozen=True)
class PillarStats:
    """The statistics of one pillar's scores (fives.v1.PillarStats).

    A measure that is undefined (the spread of a single score, anything of
    no scores) or withheld is None, never 0 or NaN. ``label`` is 'single'
    (fewer than two scores), 'shared', 'mixed' or 'split'.
    ``histogram`` holds the counts of the scores 1..5 (empty when withheld,
    or without scores).
    ``pillar`` is set where the figures belong to a pillar (bulk results,
    reports).

    ``disclosure``: how much is shown (FULL from :func:`score_stats` and
    the bulk functions; in a round's report what its privacy allows). In a
    round's report, also ``scores`` (open rounds: who gave which score, by
    member id), and the
    differencing protection: ``held_back_against`` (the earlier round the
    figures could be differenced against), ``differencing_warning`` and
    ``held_back_combination``.
    """

    n: int
    mean: Optional[float]
    median: Optional[float]
    sd: Optional[float]
    min: Optional[int]
    max: Optional[int]
    histogram: Tuple[int, ...]
    rwg: Optional[float]
    rwg_raw: Optional[float]
    ad_mean: Optional[float]
    ad_median: Optional[float]
    consensus: Optional[float]
    agreement: Optional[float]
    label: Optional[str]
    ad_above_cutoff: bool = False
    pillar: Optional[Pillar] = None
    disclosure: Optional[Disclosure] = None
    scores: Tuple[MemberScore, ...] = ()
    held_back_against: str = ""
    differencing_warning: bool = False
    held_back_combination: bool = False

    @classmethod
    def from_message(cls, message: Mapping[str, Any]) -> "PillarStats":
        """From the proto3 JSON mapping of a fives.v1.PillarStats; keys it
        does not know are ignored."""
        return cls(
            n=int(message.get("n", 0)),
            mean=_float(message, "mean"),
            median=_float(message, "median"),
            sd=_float(message, "sd"),
            min=_int(message, "min"),
            max=_int(message, "max"),
            histogram=tuple(int(c) for c in message.get("histogram", ())),
            rwg=_float(message, "rwg"),
            rwg_raw=_float(message, "rwg_raw"),
            ad_mean=_float(message, "ad_mean"),
            ad_median=_float(message, "ad_median"),
            consensus=_float(message, "consensus"),
            agreement=_float(message, "agreement"),
            label=_LABEL_BY_NAME.get(message.get("label", "")),
            ad_above_cutoff=bool(message.get("ad_above_cutoff", False)),
            pillar=enum_from_message(Pillar, message.get("pillar"),
                                     "PILLAR_"),
            disclosure=enum_from_message(Disclosure,
                                         message.get("disclosure"),
                                         "DISCLOSURE_"),
            scores=tuple(MemberScore.from_message(m)
                         for m in message.get("scores", ())),
            held_back_against=message.get("held_back_against", ""),
            differencing_warning=bool(message.get("differencing_warning",
                                                  False)),
            held_back_combination=bool(message.get("held_back_combination",
                                                   False)),
        )

    def to_message(self) -> Dict[str, Any]:
        """The proto3 JSON mapping of fives.v1.PillarStats (absent fields for
        None), as the C library writes it."""
        out: Dict[str, Any] = {}
        if self.pillar is not None:
            out["pillar"] = self.pillar.proto_name
        if self.n:
            out["n"] = self.n
        for key in ("mean", "median", "sd", "min", "max"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        if self.histogram:
            out["histogram"] = list(self.histogram)
        for key in ("rwg", "rwg_raw", "ad_mean", "ad_median", "consensus",
                    "agreement"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        if self.label is not None:
            out["label"] = _NAME_BY_LABEL[self.label]
        if self.ad_above_cutoff:
            out["ad_above_cutoff"] = True
        if self.disclosure is not None:
            out["disclosure"] = proto_name(self.disclosure)
        if self.scores:
            out["scores"] = [s.to_message() for s in self.scores]
        if self.held_back_against:
            out["held_back_against"] = self.held_back_against
        if self.differencing_warning:
            out["differencing_warning"] = True
        if self.held_back_combination:
            out["held_back_combination"] = True
        return out


# ---- One pillar ---------------------------------------------------------------

_INT32_MIN, _INT32_MAX = -(2**31), 2**31 - 1


def _score_array(scores: Iterable[Any]) -> "ctypes.Array[ctypes.c_int32]":
    if isinstance(scores, (str, bytes, bytearray, memoryview)) or not hasattr(
            scores, "__iter__"):
        raise TypeError("scores: expected a sequence of int, got "
                        f"{type(scores).__name__}")
    values = []
    for i, score in enumerate(scores):
        if isinstance(score, bool):
            raise TypeError(f"scores[{i}]: expected int, got bool")
        try:
            value = operator.index(score)
        except TypeError:
            raise TypeError(f"scores[{i}]: expected int, got "
                            f"{type(score).__name__}") from None
        if not _INT32_MIN <= value <= _INT32_MAX:
            raise refused(f"scores[{i}]: {value} is outside 1..5",
                          "ERROR_CODE_STATS_NOT_A_SCORE", value)
        values.append(value)
    return (ctypes.c_int32 * len(values))(*values)


def score_stats_message(scores: Iterable[int]) -> Dict[str, Any]:
    """:func:`score_stats` as the proto3 JSON mapping of fives.v1.PillarStats
    (snake_case keys, absent fields for undefined measures)."""
    array = _score_array(scores)
    lib = _ffi.lib()
    data = _ffi.call_buffer(lib.fives_score_stats, array, len(array),
                            _ffi.FORMAT_JSON)
    message: Dict[str, Any] = json.loads(data)
    return message


def score_stats(scores: Iterable[int]) -> PillarStats:
    """Centre, spread and agreement of one pillar's scores, each 1..5.

    >>> s = score_stats([4, 4, 5, 3, 4, 2])
    >>> s.n, s.median, s.label
    (6, 4.0, 'mixed')

    An empty list or a score outside 1..5 raises :class:`InvalidArgument`
    with the library's message; a non-integer (float, str, bool) raises
    TypeError naming its index.
    """
    return PillarStats.from_message(score_stats_message(scores))


# ---- Bulk ---------------------------------------------------------------------

_ROW = ctypes.sizeof(_ffi.PillarStatsStruct)
_MAX_GROUPS = 1 << 28  # GroupedHistograms::kMaxGroups of the library
_LITTLE_ENDIAN = _ffi.is_little_endian()


def _view(obj: Any, field: str) -> memoryview:
    try:
        view = memoryview(obj)
    except TypeError:
        raise TypeError(f"{field}: expected a buffer (bytes, bytearray, array, "
                        f"memoryview), got {type(obj).__name__}") from None
    if not view.c_contiguous:
        raise InvalidArgument(f"{field}: the buffer is not C-contiguous")
    return view


def _format(view: memoryview, field: str) -> str:
    fmt = view.format
    if fmt[:1] in ("<", ">", "!", "=", "@"):
        order, fmt = fmt[0], fmt[1:]
        if order in (">", "!") and view.itemsize > 1:
            raise TypeError(f"{field}: big-endian items ({view.format!r}) are "
                            f"not supported; use native byte order")
        if order == "<" and not _LITTLE_ENDIAN and view.itemsize > 1:
            raise TypeError(f"{field}: little-endian items on a big-endian "
                            f"machine are not supported")
    return fmt


def _groups_view(groups: Any) -> Tuple[memoryview, int]:
    view = _view(groups, "groups")
    fmt = _format(view, "groups")
    if fmt in ("B", "b", "c"):
        if not _LITTLE_ENDIAN:  # pragma: no cover
            raise TypeError("groups: raw bytes need a little-endian machine")
        if view.nbytes % 4:
            raise InvalidArgument(
                f"groups: {view.nbytes} bytes is not a whole number of "
                f"uint32 values")
    elif not (fmt in ("I", "L", "i", "l") and view.itemsize == 4):
        raise TypeError(
            f"groups: expected 4-byte unsigned integers (array('I'), or bytes "
            f"of little-endian uint32), got format {view.format!r} with "
            f"{view.itemsize}-byte items")
    return view, view.nbytes // 4


def _scores_view(scores: Any, responses: int) -> memoryview:
    view = _view(scores, "scores")
    fmt = _format(view, "scores")
    if fmt not in ("B", "b", "c"):
        raise TypeError(
            f"scores: expected 1-byte items (bytes, array('B')), got format "
            f"{view.format!r} with {view.itemsize}-byte items")
    if view.nbytes != 5 * responses:
        raise InvalidArgument(
            f"scores: {view.nbytes} values for {responses} responses (one "
            f"group each), expected 5 per response ({5 * responses})")
    return view


def _group_count(group_count: Any) -> int:
    if isinstance(group_count, bool):
        raise TypeError("group_count: expected int, got bool")
    try:
        count = operator.index(group_count)
    except TypeError:
        raise TypeError(f"group_count: expected int, got "
                        f"{type(group_count).__name__}") from None
    if not 1 <= count <= _MAX_GROUPS:
        raise InvalidArgument(
            f"group_count: {count} is outside 1..{_MAX_GROUPS}")
    return count


def _from_struct(s: Any, p: int) -> PillarStats:
    """A fives_pillar_stats as a PillarStats of pillar ``p`` (0: none)."""
    d = s.defined

    def has(bit: int, value: Any) -> Any:
        return value if d & bit else None

    return PillarStats(
        n=s.n,
        mean=has(_ffi.HAS_MEAN, s.mean),
        median=has(_ffi.HAS_MEDIAN, s.median),
        sd=has(_ffi.HAS_SD, s.sd),
        min=has(_ffi.HAS_RANGE, s.min),
        max=has(_ffi.HAS_RANGE, s.max),
        histogram=tuple(s.histogram) if s.n else (),
        rwg=has(_ffi.HAS_RWG, s.rwg),
        rwg_raw=has(_ffi.HAS_RWG, s.rwg_raw),
        ad_mean=has(_ffi.HAS_AD, s.ad_mean),
        ad_median=has(_ffi.HAS_AD, s.ad_median),
        consensus=has(_ffi.HAS_CONSENSUS, s.consensus),
        agreement=has(_ffi.HAS_AGREEMENT, s.agreement),
        label=LABELS[s.label] if 0 <= s.label < len(LABELS) else None,
        ad_above_cutoff=bool(s.ad_above_cutoff),
        pillar=Pillar(p) if p else None,
        # The table holds every measure, as bulk_stats_message says.
        disclosure=Disclosure.FULL,
    )


class BulkStats:
    """Every group's statistics from one bulk call, as columns.

    Row ``group * 5 + pillar - 1`` of every column holds one group's pillar
    (pillars 1..5 in the order of :class:`Pillar`). Columns are memoryviews
    over the result, without copies: ``mean``, ``median``, ``sd``, ``rwg``,
    ``rwg_raw``, ``ad_mean``, ``ad_median``, ``consensus``, ``agreement``
    (float), ``n``, ``min``, ``max``, ``label`` (FIVES_LABEL_*: 1 single,
    i.e. fewer than two scores, 2 shared, 3 mixed, 4 split; see
    :data:`fives.LABELS`), ``ad_above_cutoff`` (int)
    and ``defined`` (bit mask of the measures that are defined; an undefined
    one is 0 in its column). ``histogram(score)`` is the column of counts of
    one score. Use ``.tolist()`` for lists, or hand a column to any consumer
    of the buffer protocol.

    :meth:`pillar` gives one group's pillar as a :class:`PillarStats` with
    None for undefined measures.
    """

    __slots__ = ("_table", "_groups")

    def __init__(self, table: bytearray, group_count: int) -> None:
        self._table = table
        self._groups = group_count

    @property
    def group_count(self) -> int:
        return self._groups

    def __len__(self) -> int:
        return self._groups

    def __repr__(self) -> str:
        return f"<fives.BulkStats of {self._groups} groups>"

    @property
    def raw(self) -> memoryview:
        """The fives_pillar_stats table itself (read-only bytes)."""
        return memoryview(self._table)[:self._groups * 5 * _ROW].toreadonly()

    def _column(self, offset: int, fmt: str) -> memoryview:
        size = 8 if fmt == "d" else 4
        rows = memoryview(self._table)[:self._groups * 5 * _ROW].toreadonly()
        return rows.cast(fmt)[offset // size::_ROW // size]

    def column(self, name: str) -> memoryview:
        """The column of a measure by name ('mean', 'n', 'defined', ...)."""
        field = getattr(_ffi.PillarStatsStruct, name, None)
        if (field is None or name.startswith("_") or
                name in ("histogram", "reserved")):
            raise KeyError(name)
        fmt = "d" if field.size == 8 else ("I" if name == "defined" else "i")
        return self._column(field.offset, fmt)

    def histogram(self, score: int) -> memoryview:
        """The column of counts of ``score`` (1..5)."""
        if isinstance(score, bool) or not isinstance(score, int):
            raise TypeError("score: expected int")
        if not 1 <= score <= 5:
            raise InvalidArgument(f"score: {score} is outside 1..5")
        offset = _ffi.PillarStatsStruct.histogram.offset + 4 * (score - 1)
        return self._column(offset, "i")

    n = property(lambda self: self.column("n"))
    min = property(lambda self: self.column("min"))
    max = property(lambda self: self.column("max"))
    label = property(lambda self: self.column("label"))
    defined = property(lambda self: self.column("defined"))
    ad_above_cutoff = property(lambda self: self.column("ad_above_cutoff"))
    mean = property(lambda self: self.column("mean"))
    median = property(lambda self: self.column("median"))
    sd = property(lambda self: self.column("sd"))
    rwg = property(lambda self: self.column("rwg"))
    rwg_raw = property(lambda self: self.column("rwg_raw"))
    ad_mean = property(lambda self: self.column("ad_mean"))
    ad_median = property(lambda self: self.column("ad_median"))
    consensus = property(lambda self: self.column("consensus"))
    agreement = property(lambda self: self.column("agreement"))

    def pillar(self, group: int, pillar: PillarLike) -> PillarStats:
        """One group's pillar (``pillar``: Pillar, 1..5 or 'strategy', ...)."""
        if isinstance(group, bool) or not isinstance(group, int):
            raise TypeError(f"group: expected int, got {type(group).__name__}")
        if not 0 <= group < self._groups:
            raise IndexError(f"group: {group} is outside 0..{self._groups - 1}")
        p = pillar_arg(pillar)
        return _from_struct(_ffi.PillarStatsStruct.from_buffer(
            self._table, (group * 5 + p - 1) * _ROW), p)

    def group(self, group: int) -> Tuple[PillarStats, ...]:
        """The five pillars of one group, in pillar order."""
        return tuple(self.pillar(group, p) for p in Pillar)


def bulk_stats(groups: Any, scores: Any, group_count: int, *,
               out: Optional[BulkStats] = None) -> BulkStats:
    """Every group's statistics of many responses, in one call.

    ``groups``: one group index (0 <= index < ``group_count``) per response,
    as 4-byte unsigned integers: ``array('I')``, a memoryview of them, or
    bytes/bytearray of little-endian uint32. ``scores``: five bytes per
    response in pillar order, each 1..5 or 0 for a pillar left out: bytes,
    bytearray, ``array('B')`` or a memoryview. Any C-contiguous buffer works
    (numpy arrays too); nothing is copied, so do not change the buffers from
    another thread during the call (the GIL is released while the library
    works).

    ``out``: an earlier result whose storage is reused (it is overwritten and
    returned), which saves allocating ``group_count * 600`` bytes per call.

    A buffer of the wrong item size raises TypeError; lengths that do not
    match, a group index out of range or a score above 5 raise
    :class:`InvalidArgument`. Nothing is returned partly filled.
    """
    gview, responses = _groups_view(groups)
    sview = _scores_view(scores, responses)
    count = _group_count(group_count)
    rows = count * 5
    if out is not None:
        if not isinstance(out, BulkStats):
            raise TypeError(f"out: expected BulkStats, got {type(out).__name__}")
        if len(out._table) < rows * _ROW:
            raise InvalidArgument(
                f"out: room for {len(out._table) // (5 * _ROW)} groups, "
                f"need {count}")
        table = out._table
    else:
        table = bytearray(rows * _ROW)
    lib = _ffi.lib()
    with _ffi.BufferAddress(table) as t, _ffi.BufferAddress(gview) as g, \
            _ffi.BufferAddress(sview) as s:
        lib.fives_bulk_stats_table(t, len(table) // _ROW, _ROW, g, s, responses,
                                   count)
    if out is not None:
        out._groups = count
        return out
    return BulkStats(table, count)


class CompactBulkStats:
    """Every group's statistics from one bulk call, compactly.

    The statistics of each distinct set of counts are kept once;
    ``index[group * 5 + pillar - 1]`` is the position of a group's pillar
    among them. Teams are small, so few sets of counts are distinct (at most
    1,820 for teams of up to 12 members): the result takes about 20 bytes
    per group instead of 600, and is the fastest bulk form.
    """

    __slots__ = ("_distinct", "_index", "_groups")

    def __init__(self, distinct: bytes, index: "array.array[int]",
                 group_count: int) -> None:
        self._distinct = bytearray(distinct)
        self._index = index
        self._groups = group_count

    @property
    def group_count(self) -> int:
        return self._groups

    def __len__(self) -> int:
        return self._groups

    def __repr__(self) -> str:
        return (f"<fives.CompactBulkStats of {self._groups} groups, "
                f"{self.distinct_count} distinct>")

    @property
    def index(self) -> memoryview:
        """The position of every group's pillar among the distinct
        statistics, row ``group * 5 + pillar - 1`` (read-only uint32)."""
        return memoryview(self._index).toreadonly()

    @property
    def distinct_count(self) -> int:
        return len(self._distinct) // _ROW

    def distinct(self, position: int) -> PillarStats:
        """The statistics at ``position`` (pillar 0: they serve any)."""
        if isinstance(position, bool) or not isinstance(position, int):
            raise TypeError("position: expected int")
        if not 0 <= position < self.distinct_count:
            raise IndexError(f"position: {position} is outside "
                             f"0..{self.distinct_count - 1}")
        return _from_struct(_ffi.PillarStatsStruct.from_buffer(
            self._distinct, position * _ROW), 0)

    def pillar(self, group: int, pillar: PillarLike) -> PillarStats:
        """One group's pillar (``pillar``: Pillar, 1..5 or 'strategy', ...)."""
        if isinstance(group, bool) or not isinstance(group, int):
            raise TypeError(f"group: expected int, got {type(group).__name__}")
        if not 0 <= group < self._groups:
            raise IndexError(f"group: {group} is outside 0..{self._groups - 1}")
        p = pillar_arg(pillar)
        position = self._index[group * 5 + p - 1]
        return _from_struct(_ffi.PillarStatsStruct.from_buffer(
            self._distinct, position * _ROW), p)

    def group(self, group: int) -> Tuple[PillarStats, ...]:
        """The five pillars of one group, in pillar order."""
        return tuple(self.pillar(group, p) for p in Pillar)


def bulk_stats_compact(groups: Any, scores: Any,
                       group_count: int) -> CompactBulkStats:
    """:func:`bulk_stats` in the compact form (see
    :class:`CompactBulkStats`); the same arguments and errors."""
    gview, responses = _groups_view(groups)
    sview = _scores_view(scores, responses)
    count = _group_count(group_count)
    index = array.array("I", bytes(4 * 5 * count))
    lib = _ffi.lib()
    with _ffi.BufferAddress(index) as ix, _ffi.BufferAddress(gview) as g, \
            _ffi.BufferAddress(sview) as s:
        distinct = _ffi.call_buffer(lib.fives_bulk_stats_compact, ix,
                                    len(index), _ROW, g, s, responses, count)
    return CompactBulkStats(distinct, index, count)


def bulk_stats_message(groups: Any, scores: Any,
                       group_count: int) -> Dict[str, Any]:
    """:func:`bulk_stats` as the proto3 JSON mapping of fives.v1.BulkStats.

    Much slower than :func:`bulk_stats` (every figure goes through JSON);
    for hosts that want the message. As in any proto3 JSON, default values
    are absent: the first group has no "group" key.
    """
    gview, responses = _groups_view(groups)
    sview = _scores_view(scores, responses)
    count = _group_count(group_count)
    lib = _ffi.lib()
    with _ffi.BufferAddress(gview) as g, _ffi.BufferAddress(sview) as s:
        data = _ffi.call_buffer(lib.fives_bulk_stats, g, s, responses, count,
                                _ffi.FORMAT_JSON)
    message: Dict[str, Any] = json.loads(data)
    return message
