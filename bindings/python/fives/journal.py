"""A team's journal: members, rounds, reports, plans, actions, checks.

A :class:`Journal` owns a ``fives_journal`` handle of the C library. Use it
as a context manager (or call :meth:`Journal.close`); a journal that is
garbage-collected is freed too. Using a closed journal raises
:class:`fives.ClosedError` (a :class:`fives.FailedPrecondition` and a
ValueError) without calling the library.

Dates are ``datetime.date``. Reports, comparisons, follow-up, check status,
the team charter and its review come back typed: frozen dataclasses of
``fives.results`` and ``fives.charter`` (:class:`fives.RoundReport`,
:class:`fives.MeetingReport`, :class:`fives.RoundComparison`,
:class:`fives.FollowUp`, :class:`fives.CheckStatus`, :class:`fives.Charter`,
:class:`fives.CharterReview`) with the message's field names, the package's
enums and dates. Their ``to_message()`` is the dict these methods returned
before: the proto3 JSON mapping of the schema's messages (proto/fives/v1)
with snake_case keys, where fields at their default value (0, "", false,
empty lists) are absent.

Calls on one journal are serialised by a lock, so a journal may be shared
between threads; the library itself lets only one thread at a time use a
handle.
"""

from __future__ import annotations

import ctypes
import datetime
import json
import operator
import os
from dataclasses import dataclass
from typing import (Any, Callable, Dict, Iterable, List, Literal, Mapping,
                    Optional, Sequence, Tuple, Union, overload)

from . import _ffi
from ._message import Message
from .charter import Charter, CharterReview
from .enums import (DocumentFormat, DocumentKind, PillarLike, ReviewOutcome,
                    RoundMode, date_arg, date_str, document_format_arg,
                    document_kind_arg,
                    optional_pillar_arg, pillar_arg, review_outcome_arg,
                    round_mode_arg)
from ._handle import Handle
from .errors import InvalidArgument, refused, text_position
from .results import (CheckStatus, FollowUp, MeetingReport, RoundComparison,
                      RoundReport)

__all__ = ["Journal", "Action", "Review", "AgreementAction", "SignalTick",
           "render_signals"]

PathLike = Union[str, "os.PathLike[str]"]


@dataclass(frozen=True)
class Action:
    """An action to create in a plan or from a check's agreement
    (fives.v1.ActionRequest).

    ``due`` None: creation date + the team's window (30 days by default).
    ``pillar`` None: the plan's focus.
    """

    title: str
    visible_result: str
    owner_id: str
    due: Optional[datetime.date] = None
    pillar: Optional[PillarLike] = None

    def to_message(self, field: str = "action") -> Dict[str, Any]:
        out: Dict[str, Any] = {
            "title": _text(self.title, f"{field}.title"),
            "visible_result": _text(self.visible_result,
                                    f"{field}.visible_result"),
            "owner_id": _text(self.owner_id, f"{field}.owner_id"),
        }
        if self.due is not None:
            out["due"] = date_str(self.due, f"{field}.due")
        pillar = optional_pillar_arg(self.pillar, f"{field}.pillar")
        if pillar is not None:
            out["pillar"] = pillar.proto_name
        return out


@dataclass(frozen=True)
class Review:
    """A check's review of one open action (fives.v1.ActionReview).

    ``outcome``: 'kept', 'done', 'dropped' or 'replanned' (or a
    :class:`ReviewOutcome`). 'replanned' needs ``new_due``; 'dropped' needs a
    ``note`` (the reason).
    """

    action_id: str
    outcome: Union[ReviewOutcome, str, int]
    new_due: Optional[datetime.date] = None
    note: str = ""

    def to_message(self, field: str = "review") -> Dict[str, Any]:
        out: Dict[str, Any] = {
            "action_id": _text(self.action_id, f"{field}.action_id"),
            "outcome": review_outcome_arg(self.outcome,
                                          f"{field}.outcome").proto_name,
        }
        if self.new_due is not None:
            out["new_due"] = date_str(self.new_due, f"{field}.new_due")
        if self.note:
            out["note"] = _text(self.note, f"{field}.note")
        return out


@dataclass(frozen=True)
class AgreementAction:
    """An agreement of a check (index into ``agreements``) that becomes an
    action (fives.v1.AgreementActionRequest)."""

    agreement: int
    action: Action

    def to_message(self, field: str = "agreement_action") -> Dict[str, Any]:
        if isinstance(self.agreement, bool) or not isinstance(
                self.agreement, int):
            raise TypeError(f"{field}.agreement: expected int, got "
                            f"{type(self.agreement).__name__}")
        if not isinstance(self.action, Action):
            raise TypeError(f"{field}.action: expected fives.Action, got "
                            f"{type(self.action).__name__}")
        return {"agreement": self.agreement,
                "action": self.action.to_message(f"{field}.action")}


@dataclass(frozen=True)
class SignalTick:
    """A warning signal of the catalog that the team ticked at a check
    (fives.v1.SignalTick): ``number`` is the signal's number in the
    pillar's ``warning_signals`` counted from 1, as people see it
    ("steering:2"; see :func:`fives.pillar_texts`).

    Where a list of ticks is taken, a ``(pillar, number)`` pair works too.
    """

    pillar: PillarLike
    number: int

    def to_message(self, field: str = "tick") -> Dict[str, Any]:
        pillar = pillar_arg(self.pillar, f"{field}.pillar")
        if isinstance(self.number, bool) or not isinstance(self.number, int):
            raise TypeError(f"{field}.number: expected int, got "
                            f"{type(self.number).__name__}")
        if not -(2**31) <= self.number < 2**31:
            raise InvalidArgument(f"{field}.number: {self.number} is not a "
                                  f"signal number")
        return {"pillar": pillar.proto_name, "number": self.number}


SignalTickLike = Union[SignalTick, Tuple[PillarLike, int]]


def _signal_ticks(values: Any, field: str) -> List[Dict[str, Any]]:
    """Ticks as SignalTick messages: SignalTick or (pillar, number)."""
    if isinstance(values, (str, bytes, SignalTick)):
        raise TypeError(f"{field}: expected a list of fives.SignalTick, got "
                        f"{type(values).__name__}")
    try:
        items = iter(values)
    except TypeError:
        raise TypeError(f"{field}: expected a list of fives.SignalTick, got "
                        f"{type(values).__name__}") from None
    out: List[Dict[str, Any]] = []
    for i, v in enumerate(items):
        where = f"{field}[{i}]"
        if isinstance(v, tuple):
            if len(v) != 2:
                raise TypeError(f"{where}: expected fives.SignalTick or a "
                                f"(pillar, number) pair, got a tuple of "
                                f"{len(v)}")
            v = SignalTick(*v)
        if not isinstance(v, SignalTick):
            raise TypeError(f"{where}: expected fives.SignalTick or a "
                            f"(pillar, number) pair, got {type(v).__name__}")
        out.append(v.to_message(where))
    return out


def _text(value: Any, field: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{field}: expected str, got {type(value).__name__}")
    return value


def _texts(values: Iterable[Any], field: str) -> List[str]:
    if isinstance(values, str):
        raise TypeError(f"{field}: expected a list of str, got str")
    return [_text(v, f"{field}[{i}]") for i, v in enumerate(values)]


def _items(values: Iterable[Any], cls: type, field: str) -> List[Any]:
    out: List[Any] = []
    for i, v in enumerate(values):
        if not isinstance(v, cls):
            raise TypeError(f"{field}[{i}]: expected fives.{cls.__name__}, "
                            f"got {type(v).__name__}")
        to_message: Callable[[str], Dict[str, Any]] = getattr(v, "to_message")
        out.append(to_message(f"{field}[{i}]"))
    return out


def _path(path: Any) -> bytes:
    p = os.fspath(path)
    if isinstance(p, bytes):
        if b"\0" in p:
            raise InvalidArgument("path: contains a NUL byte")
        return p
    return _ffi.text_arg(p, "path")


def _json_bytes(message: Any, field: str) -> bytes:
    if isinstance(message, (bytes, bytearray, memoryview)):
        return bytes(message)
    if isinstance(message, str):
        return message.encode("utf-8")
    if isinstance(message, Mapping):
        return json.dumps(message).encode("utf-8")
    raise TypeError(f"{field}: expected dict, str or bytes, got "
                    f"{type(message).__name__}")


def _numbers(values: Dict[str, Any], kind: type) -> Dict[str, Any]:
    """The given (not None) options, checked to be numbers of ``kind``."""
    out = {}
    for key, value in values.items():
        if value is None:
            continue
        ok = (isinstance(value, int) if kind is int else
              isinstance(value, (int, float)))
        if isinstance(value, bool) or not ok:
            raise TypeError(f"{key}: expected {kind.__name__}, got "
                            f"{type(value).__name__}")
        out[key] = value
    return out


def _response_scores(scores: Any) -> "ctypes.Array[ctypes.c_int32]":
    values = [0] * 5
    if isinstance(scores, Mapping):
        for key, score in scores.items():
            p = pillar_arg(key, f"scores[{key!r}]")
            values[p - 1] = _score(score, f"scores[{key!r}]", p)
    else:
        if isinstance(scores, (str, bytes)) or not hasattr(scores, "__len__"):
            raise TypeError("scores: expected a sequence of five int (or a "
                            f"dict by pillar), got {type(scores).__name__}")
        if len(scores) != 5:
            raise refused(
                f"scores: {len(scores)} values, expected 5 in pillar order "
                f"(0 or None leaves a pillar out)", "ERROR_CODE_SCORES_COUNT",
                "scores", len(scores), *({"pillar": p} for p in range(1, 6)))
        for i, score in enumerate(scores):
            values[i] = _score(score, f"scores[{i}]", i + 1)
    return (ctypes.c_int32 * 5)(*values)


def _score(score: Any, field: str, pillar: int) -> int:
    if score is None:
        return 0
    if isinstance(score, bool):
        raise TypeError(f"{field}: expected int, got bool")
    try:
        value = operator.index(score)
    except TypeError:
        raise TypeError(f"{field}: expected int, got "
                        f"{type(score).__name__}") from None
    if not -(2**31) <= value < 2**31:
        raise refused(f"{field}: {value} is outside 1..5",
                      "ERROR_CODE_SCORE_OUTSIDE", value, {"pillar": pillar})
    return value


DocumentKindLike = Union[DocumentKind, str]
DocumentFormatLike = Union[DocumentFormat, str]


def _document_request(kind: DocumentKindLike, format: DocumentFormatLike,
                      language: str, **fields: Any) -> bytes:
    """A fives.v1.DocumentRequest as JSON bytes; fields left at None or
    their default are left out."""
    request: Dict[str, Any] = {
        "kind": document_kind_arg(kind).proto_name,
        "format": document_format_arg(format).proto_name,
        "language": _text(language, "language"),
    }
    for name, value in fields.items():
        if value is None:
            continue
        if name == "as_of":
            request[name] = date_str(value, name)
        elif name == "pillar":
            request[name] = pillar_arg(value, name).proto_name
        elif name == "stale_days":
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"stale_days: expected int, got "
                                f"{type(value).__name__}")
            request[name] = value
        else:
            request[name] = _text(value, name)
    return json.dumps(request).encode("utf-8")


def render_signals(format: DocumentFormatLike = DocumentFormat.TEXT,
                   language: str = "en") -> str:
    """The catalog's warning signals of every pillar with their numbers
    ("strategy:2"), as ``fives charter signals`` prints them; needs no
    journal."""
    data = _document_request(DocumentKind.SIGNALS, format, language)
    return _ffi.call_buffer(_ffi.lib().fives_journal_render, None, data,
                            len(data), _ffi.FORMAT_JSON).decode("utf-8")


class Journal(Handle):
    """A team's journal (fives.v1.Journal) held by the C library.

    Make one with :meth:`new`, :meth:`load`, :meth:`from_bytes`,
    :meth:`from_json`, :meth:`from_dict` or :meth:`from_text`. It owns a
    ``fives_journal`` handle: use it as a context manager or call
    :meth:`close` (garbage collection frees it too).
    """

    __slots__ = ()
    _kind = "journal"

    def __init__(self, handle: ctypes.c_void_p) -> None:
        """Internal: takes ownership of a fives_journal handle."""
        if not isinstance(handle, ctypes.c_void_p) or not handle:
            raise TypeError("use Journal.new, Journal.load or Journal.from_*")
        super().__init__(handle, _ffi.lib().fives_journal_free)

    # ---- Construction ---------------------------------------------------

    @classmethod
    def _make(cls, func: Callable[..., Any], *args: Any) -> "Journal":
        handle = ctypes.c_void_p()
        func(ctypes.byref(handle), *args)
        return cls(handle)

    @classmethod
    def new(cls, team_id: str, name: str,
            config: Union[Mapping[str, Any], str, bytes, None] = None
            ) -> "Journal":
        """A journal for a new team without members.

        ``config``: a fives.v1.TeamConfig as a dict or JSON text (proto3 JSON
        mapping, e.g. ``{"actions_per_plan": 3}``) or as serialized bytes;
        None for the method's defaults.
        """
        lib = _ffi.lib()
        tid = _ffi.text_arg(team_id, "team_id")
        tname = _ffi.text_arg(name, "name")
        if config is None:
            return cls._make(lib.fives_journal_new, tid, tname, None, 0,
                             _ffi.FORMAT_BINARY)
        if isinstance(config, (bytes, bytearray, memoryview)):
            data, fmt = bytes(config), _ffi.FORMAT_BINARY
        else:
            data, fmt = _json_bytes(config, "config"), _ffi.FORMAT_JSON
        return cls._make(lib.fives_journal_new, tid, tname, data, len(data),
                         fmt)

    @classmethod
    def load(cls, path: PathLike) -> "Journal":
        """A journal from a journal file (NotFound when there is none,
        DataLoss when it is damaged or truncated)."""
        return cls._make(_ffi.lib().fives_journal_load, _path(path))

    @classmethod
    def _parse(cls, data: bytes, fmt: int) -> "Journal":
        return cls._make(_ffi.lib().fives_journal_parse, data, len(data), fmt)

    @classmethod
    def from_bytes(cls, data: Union[bytes, bytearray, memoryview]) -> "Journal":
        """A journal from a serialized fives.v1.Journal, validated."""
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f"data: expected bytes, got {type(data).__name__}")
        return cls._parse(bytes(data), _ffi.FORMAT_BINARY)

    @classmethod
    def from_json(cls, text: Union[str, bytes]) -> "Journal":
        """A journal from JSON text of a fives.v1.Journal, validated."""
        if not isinstance(text, (str, bytes)):
            raise TypeError(f"text: expected str, got {type(text).__name__}")
        return cls._parse(_json_bytes(text, "text"), _ffi.FORMAT_JSON)

    @classmethod
    def from_dict(cls, message: Mapping[str, Any]) -> "Journal":
        """A journal from the dict form of :meth:`to_dict`, validated."""
        if not isinstance(message, Mapping):
            raise TypeError(f"message: expected dict, got "
                            f"{type(message).__name__}")
        return cls._parse(_json_bytes(message, "message"), _ffi.FORMAT_JSON)

    @classmethod
    def from_text(cls, text: str) -> "Journal":
        """A journal from protobuf text format, validated."""
        return cls._parse(_ffi.text_arg(text, "text"), _ffi.FORMAT_TEXT)

    # ---- Lifetime (Handle: close, with, closed) -------------------------

    @property
    def _as_parameter_(self) -> ctypes.c_void_p:
        return self._require()

    def _call(self, func: Callable[..., Any], *args: Any) -> None:
        with self._lock:
            func(self._require(), *args)

    def _call_buffer(self, func: Callable[..., Any], *args: Any) -> bytes:
        with self._lock:
            return _ffi.call_buffer(func, self._require(), *args)

    def _message(self, func: Callable[..., Any], *args: Any) -> Dict[str, Any]:
        message: Dict[str, Any] = json.loads(
            self._call_buffer(func, *args, _ffi.FORMAT_JSON))
        return message

    def __repr__(self) -> str:
        state = "closed" if self.closed else "open"
        return f"<fives.Journal {state} at {id(self):#x}>"

    def __reduce__(self) -> Any:
        return (Journal.from_bytes, (self.to_bytes(),))

    def copy(self) -> "Journal":
        """An independent copy."""
        return Journal.from_bytes(self.to_bytes())

    # ---- Serialization --------------------------------------------------

    def to_bytes(self) -> bytes:
        """The journal as a serialized fives.v1.Journal."""
        return self._call_buffer(_ffi.lib().fives_journal_serialize,
                                 _ffi.FORMAT_BINARY)

    def to_json(self) -> str:
        """The journal as JSON text (proto3 JSON mapping, snake_case)."""
        return self._call_buffer(_ffi.lib().fives_journal_serialize,
                                 _ffi.FORMAT_JSON).decode("utf-8")

    def to_dict(self) -> Dict[str, Any]:
        """The journal as a dict (the parsed JSON of :meth:`to_json`)."""
        message: Dict[str, Any] = json.loads(self.to_json())
        return message

    def to_text(self) -> str:
        """The journal in protobuf text format."""
        return self._call_buffer(_ffi.lib().fives_journal_serialize,
                                 _ffi.FORMAT_TEXT).decode("utf-8")

    def save(self, path: PathLike) -> None:
        """Saves the journal file atomically: when any step fails the
        previous file stays as it was and no temporary file is left.
        Saving to the path the journal was loaded from raises
        :class:`fives.Aborted` when another process changed that file since
        (other bytes, or gone); the file is left as it is."""
        self._call(_ffi.lib().fives_journal_save, _path(path))

    # ---- Members --------------------------------------------------------

    def add_member(self, member_id: str, display_name: str,
                   joined: datetime.date) -> None:
        self._call(_ffi.lib().fives_journal_add_member,
                   _ffi.text_arg(member_id, "member_id"),
                   _ffi.text_arg(display_name, "display_name"),
                   date_arg(joined, "joined"))

    def member_leaves(self, member_id: str, left: datetime.date) -> None:
        """The member leaves the team on ``left``; their history stays."""
        self._call(_ffi.lib().fives_journal_member_leaves,
                   _ffi.text_arg(member_id, "member_id"),
                   date_arg(left, "left"))

    def forget_member(self, member_id: str) -> None:
        """The right to erasure: a pseudonym without dates, after every
        other member, replaces the member everywhere; their feedback texts
        are removed and their open-round scores stay only in the round's
        counts. Every figure a report may show stays as it was."""
        self._call(_ffi.lib().fives_journal_forget_member,
                   _ffi.text_arg(member_id, "member_id"))

    # ---- Rounds ---------------------------------------------------------

    def start_round(self, round_id: str, date: datetime.date,
                    mode: Union[RoundMode, str, int] = "confidential", *,
                    pillars: Optional[Iterable[PillarLike]] = None,
                    allow_partial: bool = False,
                    min_responses: Optional[int] = None,
                    min_distribution: Optional[int] = None,
                    shared_rwg: Optional[float] = None,
                    split_agreement: Optional[float] = None,
                    ad_cutoff: Optional[float] = None) -> None:
        """Starts a round: ``mode`` 'confidential' (only per-pillar counts
        are kept; the default, as in C++ and the command) or 'open'
        (everyone sees who gave which score).

        Options (fives.v1.RoundRequest; None takes the team's configuration):
        ``pillars`` the pillars asked (default all five); ``allow_partial``
        lets a response leave asked pillars out; privacy thresholds
        ``min_responses`` and ``min_distribution``, stricter than the
        team's or equal, never looser (floors 3 and 5); agreement thresholds
        ``shared_rwg``, ``split_agreement`` and ``ad_cutoff``, which must be
        the team's (a round cannot tune its labels): InvalidArgument
        otherwise.
        """
        rid = _ffi.text_arg(round_id, "round_id").decode("utf-8")
        day = date_str(date, "date")
        round_mode = round_mode_arg(mode)
        if not isinstance(allow_partial, bool):
            raise TypeError(f"allow_partial: expected bool, got "
                            f"{type(allow_partial).__name__}")
        thresholds = _numbers(
            {"min_responses": min_responses,
             "min_distribution": min_distribution}, int)
        agreement = _numbers(
            {"shared_rwg": shared_rwg, "split_agreement": split_agreement,
             "ad_cutoff": ad_cutoff}, float)
        lib = _ffi.lib()
        if (pillars is None and not allow_partial and not thresholds and
                not agreement):
            self._call(lib.fives_journal_start_round, rid.encode("utf-8"),
                       day.encode("ascii"), int(round_mode))
            return
        request: Dict[str, Any] = {"id": rid, "date": day,
                                   "mode": "ROUND_MODE_" + round_mode.name}
        if thresholds:
            request["thresholds"] = thresholds
        if agreement:
            request["agreement"] = agreement
        if pillars is not None:
            if isinstance(pillars, (str, bytes)):
                raise TypeError("pillars: expected a list of pillars, got str")
            request["pillars"] = [pillar_arg(p, f"pillars[{i}]").proto_name
                                  for i, p in enumerate(pillars)]
        if allow_partial:
            request["allow_partial"] = True
        data = json.dumps(request).encode("utf-8")
        self._call(lib.fives_journal_start_round_request, data, len(data),
                   _ffi.FORMAT_JSON)

    def add_response(self, round_id: str, member_id: str,
                     scores: Union[Sequence[Optional[int]],
                                   Mapping[PillarLike, Optional[int]]]) -> None:
        """One member's scores: five values in pillar order (strategy,
        synergy, structure, steering, success), each 1..5, 0 or None to leave
        a pillar out where the round allows it; or a dict by pillar."""
        array = _response_scores(scores)
        self._call(_ffi.lib().fives_journal_add_response,
                   _ffi.text_arg(round_id, "round_id"),
                   _ffi.text_arg(member_id, "member_id"), array)

    def import_scores_csv(self, round_id: str,
                          csv: Union[str, bytes, bytearray, memoryview]
                          ) -> None:
        """Adds one response per row of ``csv`` to the round, all or
        nothing: scores collected elsewhere (a web form, a spreadsheet).

        ``csv``: the text, or its bytes as read from a file (UTF-8, with or
        without a byte order mark). A header row names the member column
        (member, member_id, member id, name, lid, teamlid or naam) and a
        column per pillar the round asks, by its English or Dutch name or
        its key, in any case; cells are separated by ``,`` or ``;`` and may
        be quoted (RFC 4180). Each row holds a member's id (or the display
        name of exactly one member) and scores 1..5; an empty score cell
        leaves the pillar out where the round allows partial responses.

        Raises :class:`fives.InvalidArgument`, nothing added, listing every
        problem by line and column (``line 4, column 3 (Synergy): "6" is not
        a score 1-5``; at most 20, then "and N more");
        :class:`fives.NotFound` for an unknown round,
        :class:`fives.FailedPrecondition` for a closed one and
        :class:`fives.ResourceExhausted` for more than 1 MiB.
        """
        if isinstance(csv, str):
            try:
                data = csv.encode("utf-8")
            except UnicodeEncodeError as e:
                raise refused(f"csv: not valid UTF-8 ({e.reason})",
                              "ERROR_CODE_TEXT_NOT_UTF8",
                              text_position(csv, e.start)) from None
        elif isinstance(csv, (bytes, bytearray, memoryview)):
            data = bytes(csv)
        else:
            raise TypeError(f"csv: expected str or bytes, got "
                            f"{type(csv).__name__}")
        self._call(_ffi.lib().fives_journal_import_scores_csv,
                   _ffi.text_arg(round_id, "round_id"), data, len(data))

    def close_round(self, round_id: str, date: datetime.date) -> None:
        self._call(_ffi.lib().fives_journal_close_round,
                   _ffi.text_arg(round_id, "round_id"), date_arg(date, "date"))

    def report(self, round_id: Optional[str] = None,
               language: str = "en") -> RoundReport:
        """The report of a round (None: the latest closed round), with
        suggestions in ``language`` ('en' or 'nl')."""
        return RoundReport.from_message(self._message(
            _ffi.lib().fives_journal_report,
            _ffi.optional_text_arg(round_id, "round_id"),
            _ffi.text_arg(language, "language")))

    def report_text(self, round_id: Optional[str] = None,
                    language: str = "en") -> str:
        """The report as text for a terminal."""
        return self._call_buffer(
            _ffi.lib().fives_journal_report_text,
            _ffi.optional_text_arg(round_id, "round_id"),
            _ffi.text_arg(language, "language")).decode("utf-8")

    def meeting_report(self, as_of: datetime.date,
                       round_id: Optional[str] = None,
                       language: str = "en") -> MeetingReport:
        """Everything the meeting looks at, as of ``as_of``: the round's
        report, the plan in force with its actions, overdue actions, the
        next check, the guardian."""
        return MeetingReport.from_message(self._message(
            _ffi.lib().fives_journal_meeting_report,
            _ffi.optional_text_arg(round_id, "round_id"),
            _ffi.text_arg(language, "language"), date_arg(as_of, "as_of")))

    #: The documents of :meth:`document`, by name.
    DOCUMENTS = {"markdown": 1, "html": 2, "radar": 3, "strips": 4, "trend": 5}

    def document(self, kind: str, as_of: datetime.date,
                 round_id: Optional[str] = None, language: str = "en") -> str:
        """A document to show people: ``kind`` is "markdown", "html" (one
        self-contained page), or the SVG pictures "radar", "strips",
        "trend"."""
        if not isinstance(kind, str):
            raise TypeError(f"kind: expected str, got {type(kind).__name__}")
        if kind not in self.DOCUMENTS:
            raise refused(
                f"kind: {kind!r} is not one of {', '.join(self.DOCUMENTS)}",
                "ERROR_CODE_FLAG_CHOICE", kind, ", ".join(self.DOCUMENTS))
        return self._call_buffer(
            _ffi.lib().fives_journal_document,
            _ffi.optional_text_arg(round_id, "round_id"),
            _ffi.text_arg(language, "language"), date_arg(as_of, "as_of"),
            self.DOCUMENTS[kind]).decode("utf-8")

    def render(self, kind: DocumentKindLike, *,
               format: DocumentFormatLike = DocumentFormat.TEXT,
               language: str = "en",
               as_of: Optional[datetime.date] = None,
               round_id: Optional[str] = None,
               plan_id: Optional[str] = None,
               check_id: Optional[str] = None,
               action_id: Optional[str] = None,
               owner_id: Optional[str] = None,
               pillar: Optional[PillarLike] = None,
               stale_days: Optional[int] = None) -> str:
        """Any screen of the ``fives`` command, the same text byte for byte
        (fives.v1.DocumentRequest): ``kind`` a :class:`DocumentKind` or its
        name ("report", "follow_up", "check_due", "guardian", "plan",
        "check", "charter", "charter_review", "actions", "members",
        "signals", and the pictures "radar", "strips", "trend");
        ``format`` "text", "markdown", "html" or, for the pictures, "svg".

        ``as_of`` is the day the screen speaks of: needed by the follow-up,
        the check due, the guardian and the charter review; a report
        without it is as of the day its round closed. ``round_id``,
        ``plan_id`` and ``check_id`` None take the latest; ``owner_id`` and
        ``pillar`` filter the follow-up and the actions; ``action_id``
        gives one action's line; ``stale_days`` 0 or None is 365.
        """
        kind = document_kind_arg(kind)
        if format == DocumentFormat.TEXT and kind in (
                DocumentKind.RADAR, DocumentKind.STRIPS, DocumentKind.TREND):
            format = DocumentFormat.SVG
        data = _document_request(
            kind, format, language, as_of=as_of, round_id=round_id,
            plan_id=plan_id, check_id=check_id, action_id=action_id,
            owner_id=owner_id, pillar=pillar, stale_days=stale_days)
        return self._call_buffer(_ffi.lib().fives_journal_render, data,
                                 len(data), _ffi.FORMAT_JSON).decode("utf-8")

    def compare_rounds(self, before_round_id: str,
                       after_round_id: str) -> RoundComparison:
        """Two closed rounds compared per pillar (change in mean and median,
        Cliff's delta, verdict)."""
        return RoundComparison.from_message(self._message(
            _ffi.lib().fives_journal_compare_rounds,
            _ffi.text_arg(before_round_id, "before_round_id"),
            _ffi.text_arg(after_round_id, "after_round_id")))

    # ---- Plans and actions ----------------------------------------------

    def create_plan(self, round_id: str, created: datetime.date,
                    actions: Sequence[Action], *,
                    focus: Optional[PillarLike] = None,
                    note: str = "") -> str:
        """A plan on a closed round; returns its id ("p1", ...). ``focus``
        None takes the report's focus. The actions get ids "a1", "a2", ...
        in the order given (see the plan in :meth:`to_dict`)."""
        request: Dict[str, Any] = {
            "round_id": _text(round_id, "round_id"),
            "created": date_str(created, "created"),
            "actions": _items(actions, Action, "actions"),
        }
        pillar = optional_pillar_arg(focus, "focus")
        if pillar is not None:
            request["focus"] = pillar.proto_name
        if note:
            request["note"] = _text(note, "note")
        data = json.dumps(request).encode("utf-8")
        return self._call_buffer(_ffi.lib().fives_journal_create_plan, data,
                                 len(data), _ffi.FORMAT_JSON).decode("utf-8")

    def plan_actions(self, plan_id: str) -> List[str]:
        """The ids of a plan's actions, in the order given."""
        for plan in self.to_dict().get("plans", ()):
            if plan.get("id") == plan_id:
                return list(plan.get("action_ids", ()))
        raise KeyError(plan_id)

    def open_action(self, action_id: str, date: datetime.date) -> None:
        """proposed -> open: the owner commits to the action."""
        self._call(_ffi.lib().fives_journal_open_action,
                   _ffi.text_arg(action_id, "action_id"),
                   date_arg(date, "date"))

    def complete_action(self, action_id: str, date: datetime.date) -> None:
        """open -> done."""
        self._call(_ffi.lib().fives_journal_complete_action,
                   _ffi.text_arg(action_id, "action_id"),
                   date_arg(date, "date"))

    def drop_action(self, action_id: str, date: datetime.date,
                    reason: str) -> None:
        """proposed or open -> dropped, with a reason."""
        self._call(_ffi.lib().fives_journal_drop_action,
                   _ffi.text_arg(action_id, "action_id"),
                   date_arg(date, "date"), _ffi.text_arg(reason, "reason"))

    def add_feedback(self, action_id: str, date: datetime.date, author_id: str,
                     text: str, progress: Optional[int] = None) -> None:
        """Appends a feedback entry; ``progress`` 0..100 or None."""
        if progress is None:
            value = -1
        else:
            if isinstance(progress, bool) or not isinstance(progress, int):
                raise TypeError(f"progress: expected int or None, got "
                                f"{type(progress).__name__}")
            if not 0 <= progress < 2**31:
                raise refused(f"progress: {progress} is outside 0..100",
                              "ERROR_CODE_FEEDBACK_PROGRESS_RANGE", progress)
            value = progress
        self._call(_ffi.lib().fives_journal_add_feedback,
                   _ffi.text_arg(action_id, "action_id"),
                   date_arg(date, "date"),
                   _ffi.text_arg(author_id, "author_id"),
                   _ffi.text_arg(text, "text"), value)

    def follow_up(self, date: datetime.date, owner_id: Optional[str] = None,
                  pillar: Optional[PillarLike] = None) -> FollowUp:
        """Follow-up as of ``date`` (open, due soon, overdue, celebrate,
        needs attention, completion and on-time rates), optionally only one
        owner's or one pillar's actions."""
        p = optional_pillar_arg(pillar, "pillar")
        return FollowUp.from_message(self._message(
            _ffi.lib().fives_journal_follow_up, date_arg(date, "date"),
            _ffi.optional_text_arg(owner_id, "owner_id"),
            0 if p is None else int(p)))

    # ---- Checks and the process guardian --------------------------------

    def check_status(self, date: datetime.date) -> CheckStatus:
        """Whether the next collaboration check is due as of ``date``
        (``state`` :attr:`fives.CheckState.DUE`, ...) and its window."""
        return CheckStatus.from_message(self._message(
            _ffi.lib().fives_journal_check_status, date_arg(date, "date")))

    def record_check(self, date: datetime.date, *,
                     helps: Iterable[str] = (), chafes: Iterable[str] = (),
                     hinders: Iterable[str] = (),
                     agreements: Iterable[str] = (),
                     reviews: Iterable[Review] = (),
                     agreement_actions: Iterable[AgreementAction] = (),
                     facilitator_id: Optional[str] = None,
                     signals: Iterable[SignalTickLike] = ()) -> str:
        """Records a collaboration check; returns its id ("c1", ...).

        Every action open on ``date`` needs a :class:`Review`.
        ``facilitator_id`` None: the current process guardian. ``signals``:
        the catalog's warning signals the team ticks at this check, as
        :class:`SignalTick` or ``(pillar, number)`` pairs (see
        :meth:`tick_signals`).
        """
        request: Dict[str, Any] = {"date": date_str(date, "date")}
        if facilitator_id is not None:
            request["facilitator_id"] = _text(facilitator_id, "facilitator_id")
        for key, values in (("helps", helps), ("chafes", chafes),
                            ("hinders", hinders), ("agreements", agreements)):
            request[key] = _texts(values, key)
        request["reviews"] = _items(reviews, Review, "reviews")
        request["agreement_actions"] = _items(agreement_actions,
                                              AgreementAction,
                                              "agreement_actions")
        request["signals"] = _signal_ticks(signals, "signals")
        data = json.dumps(request).encode("utf-8")
        return self._call_buffer(_ffi.lib().fives_journal_record_check, data,
                                 len(data), _ffi.FORMAT_JSON).decode("utf-8")

    def guardian(self, date: datetime.date) -> str:
        """The member id of the process guardian on ``date``."""
        return self._call_buffer(_ffi.lib().fives_journal_guardian,
                                 date_arg(date, "date")).decode("utf-8")

    # ---- The team charter -----------------------------------------------

    #: The forms of :meth:`charter` and :meth:`set_charter`, by name.
    CHARTER_FORMATS = {"dict": _ffi.FORMAT_JSON, "json": _ffi.FORMAT_JSON,
                       "text": _ffi.FORMAT_TEXT, "bytes": _ffi.FORMAT_BINARY}

    @overload
    def charter(self) -> Charter: ...

    @overload
    def charter(self, format: Literal["typed"]) -> Charter: ...

    @overload
    def charter(self, format: Literal["dict"]) -> Dict[str, Any]: ...

    @overload
    def charter(self, format: Literal["json", "text"]) -> str: ...

    @overload
    def charter(self, format: Literal["bytes"]) -> bytes: ...

    @overload
    def charter(self, format: str) -> Union[Charter, Dict[str, Any], str,
                                            bytes]: ...

    def charter(self, format: str = "typed") -> Union[Charter,
                                                      Dict[str, Any], str,
                                                      bytes]:
        """The team charter (the agreements behind the five pillars, each
        dated when last confirmed, and the warning signals ticked at
        checks); an empty :class:`fives.Charter` when none is set.

        ``format``: "typed" (default: a :class:`fives.Charter`), "dict" (the
        proto3 JSON mapping of fives.v1.Charter; ``{}`` when none is set),
        "json" (text), "text" (protobuf text format) or "bytes"
        (serialized).
        """
        fmt = _charter_format(format, typed=True)
        if fmt == "typed":
            return Charter.from_message(self._charter_dict())
        if fmt == "dict":
            return self._charter_dict()
        data = self._call_buffer(_ffi.lib().fives_journal_charter,
                                 self.CHARTER_FORMATS[fmt])
        return data if fmt == "bytes" else data.decode("utf-8")

    def _charter_dict(self) -> Dict[str, Any]:
        message: Dict[str, Any] = json.loads(self._call_buffer(
            _ffi.lib().fives_journal_charter, _ffi.FORMAT_JSON))
        return message

    def set_charter(self,
                    charter: Union[Charter, Mapping[str, Any], str, bytes],
                    today: datetime.date, *,
                    format: Optional[str] = None) -> None:
        """Replaces the team charter. An agreement left undated, or changed
        while its date was kept, is dated ``today``: a charter read with
        :meth:`charter`, edited and set again keeps the dates of what did
        not change, while one without dates confirms every agreement today.

        ``charter``: a :class:`fives.Charter` (as :meth:`charter` gives it,
        perhaps edited with ``dataclasses.replace``), a fives.v1.Charter as
        a dict or JSON text (proto3 JSON mapping), or serialized bytes; ``format="text"`` for a str in
        protobuf text format. Raises :class:`fives.InvalidArgument` naming
        the field and value (e.g. ``charter.steering.kpis[0].owner_id``) for
        an owner who is not a current member on ``today``, a date that is
        not ISO-8601, and the charter check's other errors; its warnings
        pass (see :meth:`review_charter`). Warning signals are ticked at a
        check, not set here: the charter's ``signals`` must be absent or
        equal to the journal's.
        """
        if format is None:
            fmt = ("bytes" if isinstance(charter, (bytes, bytearray,
                                                   memoryview)) else "json")
        else:
            fmt = _charter_format(format)
        if isinstance(charter, Message):
            if not isinstance(charter, Charter):
                raise TypeError(f"charter: expected fives.Charter, got "
                                f"fives.{type(charter).__name__}")
            if fmt not in ("json", "dict"):
                raise TypeError(f"charter: a fives.Charter does not go with "
                                f"format={fmt!r}")
            charter = charter.to_message()
        if fmt == "bytes":
            if not isinstance(charter, (bytes, bytearray, memoryview)):
                raise TypeError(f"charter: expected bytes, got "
                                f"{type(charter).__name__}")
            data = bytes(charter)
        elif fmt == "text":
            data = _ffi.text_arg(charter, "charter")
        elif isinstance(charter, (bytes, bytearray, memoryview)):
            raise TypeError(f"charter: expected dict or str for "
                            f"format={fmt!r}, got {type(charter).__name__}")
        else:
            data = _json_bytes(charter, "charter")
        day = date_arg(today, "today")
        self._call(_ffi.lib().fives_journal_set_charter, data, len(data),
                   self.CHARTER_FORMATS[fmt], day)

    def review_charter(self, as_of: datetime.date,
                       stale_days: int = 365) -> CharterReview:
        """The charter review as of ``as_of``.

        Per pillar (``pillars``, in the method's order): ``readiness``
        (agreements in place / agreements asked), every agreement with its
        ``state`` (:class:`fives.AgreementState` IN_PLACE, MISSING or
        STALE), the keys ``missing`` and ``stale``, the warning ``signals``
        counted over the checks up to ``as_of`` and the charter check's
        ``findings`` (severity, field, message); then ``next``, the one
        missing agreement that would help most, and the counts ``errors``,
        ``warnings`` and ``checks``. An agreement last confirmed more than
        ``stale_days`` (1 or more) days before ``as_of`` is stale.
        """
        if isinstance(stale_days, bool) or not isinstance(stale_days, int):
            raise TypeError(f"stale_days: expected int, got "
                            f"{type(stale_days).__name__}")
        if stale_days == 0 or not -(2**31) <= stale_days < 2**31:
            raise refused(
                f"stale_days: {stale_days} is outside 1..{2**31 - 1}",
                "ERROR_CODE_STALE_DAYS", stale_days, 1)
        return CharterReview.from_message(self._message(
            _ffi.lib().fives_journal_review_charter, date_arg(as_of, "as_of"),
            stale_days))

    def tick_signals(self, check_id: str,
                     ticks: Iterable[SignalTickLike]) -> None:
        """Adds the warning signals the team ticked at the recorded check
        ``check_id``: :class:`SignalTick` or ``(pillar, number)`` pairs,
        ``number`` the signal's number in the pillar's ``warning_signals``
        of the catalog, counted from 1. Raises :class:`fives.NotFound` for an unknown check and
        :class:`fives.InvalidArgument` for a signal outside the catalog or
        one already ticked at that check (nothing is added then)."""
        request = {"check_id": _ffi.text_arg(check_id,
                                             "check_id").decode("utf-8"),
                   "ticks": _signal_ticks(ticks, "ticks")}
        data = json.dumps(request).encode("utf-8")
        self._call(_ffi.lib().fives_journal_tick_signals, data, len(data),
                   _ffi.FORMAT_JSON)


def _charter_format(value: Any, typed: bool = False) -> str:
    """``value`` checked to be a format of :meth:`Journal.set_charter` (and,
    with ``typed``, "typed" of :meth:`Journal.charter`)."""
    if not isinstance(value, str):
        raise TypeError(f"format: expected str, got {type(value).__name__}")
    names = (("typed",) if typed else ()) + tuple(Journal.CHARTER_FORMATS)
    if value not in names:
        raise refused(f"format: {value!r} is not one of {', '.join(names)}",
                      "ERROR_CODE_FLAG_CHOICE", value, ", ".join(names))
    return value
