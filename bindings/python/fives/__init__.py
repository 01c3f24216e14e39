"""fives: the 5 S's of a management team, over the C library libfives.

Strategy, Synergy, Structure, Steering, Success factors: each member scores
the five pillars 1..5; fives gives every pillar its centre, spread and how
much the team agrees, picks the focus, and keeps the team's journal of
rounds, plans, actions and checks; and rolls many teams up over an
organisation (:class:`Org`), private at every level.

    >>> import fives
    >>> s = fives.score_stats([4, 4, 5, 3, 4, 2])
    >>> s.mean, s.label
    (3.6666666666666665, 'mixed')

The package uses only the standard library (ctypes). It finds libfives
through :func:`set_library_path` (called before the first use), else the
environment variable FIVES_LIBRARY, then its own folder, then (only with
FIVES_SEARCH_BUILD_TREE=1) the build tree of the source checkout, then
pkg-config and the system's loader path; see :func:`library_path` and
``fives._ffi``. Errors raise :class:`fives.Error` subclasses, one per status
code of the library, carrying its message (English, for developers) and the
refusal for people in English or Dutch (:meth:`fives.Error.text`).

Results are typed: frozen dataclasses named after the schema's messages
(:class:`RoundReport`, :class:`MeetingReport`, :class:`FollowUp`,
:class:`CheckStatus`, :class:`RoundComparison`, :class:`Charter`,
:class:`CharterReview`, ...; ``fives.results`` and ``fives.charter``) with
the package's enums and ``datetime.date`` dates. Each has ``to_message()``,
the proto3 JSON mapping as a dict, and ``from_message()``; fields a newer
library adds do not break them.

Changes callers of earlier versions may notice:

* ``Journal.report``, ``meeting_report``, ``compare_rounds``,
  ``follow_up``, ``check_status`` and ``review_charter`` return those
  dataclasses instead of dicts: ``result.to_message()`` is the dict they
  returned (``report["focus"]`` becomes ``report.focus``, a
  :class:`Pillar`, or ``report.to_message()["focus"]``).
* ``fives.catalog()`` returns a :class:`Catalog` (``.to_message()``: the
  dict it returned).
* ``Journal.charter()`` returns a :class:`Charter`; ``charter("dict")``
  the dict it returned. ``set_charter`` takes either.
* The build tree of a source checkout is searched only with
  FIVES_SEARCH_BUILD_TREE=1 (or name it with :func:`set_library_path` or
  FIVES_LIBRARY).
"""

from __future__ import annotations

import os
from typing import Union

from . import _ffi
from .catalog import (Catalog, CatalogPillar, Phrase, PillarTexts, catalog,
                      pillar_texts)
from .charter import (AgendaItem, AgreementStatus, Charter, CharterReview,
                      CommunicationRule, DecisionRecord, DecisionRule, Finding,
                      Kpi, NextAgreement, PillarCharterReview, PreferenceStyle,
                      Risk, SignalCount, SteeringCharter, SteeringMoment,
                      StrategyCharter, StructureCharter, SuccessCharter,
                      SynergyCharter, TeamGoal, TickedSignal)
from .enums import (LABELS, ActionStatus, AgendaKind, AgreementState,
                    CheckState, DecisionModel, Disclosure, FindingSeverity,
                    FocusReason, FocusRule, NextReason, Pillar, ReviewOutcome,
                    RoundMode, RoundState, TrendVerdict, EffectSize,
                    DocumentKind, DocumentFormat)
from .errors import (Aborted, AlreadyExists, Cancelled, ClosedError, DataLoss,
                     DeadlineExceeded, Error, FailedPrecondition, Internal,
                     InvalidArgument, LibraryError, NotFound, OutOfRange,
                     PermissionDenied, ResourceExhausted, StatusCode,
                     Unauthenticated, Unavailable, Unimplemented, Unknown,
                     error_for_code)
from .journal import (Action, AgreementAction, Journal, Review, SignalTick,
                      render_signals)
from .limits import Limit, get_limit, limit_name, set_limit
from .messages import message_from_dict, message_to_dict
from .org import (Org, OrgCell, OrgExclusion, OrgFollowUp, OrgRollup, OrgRow,
                  OrgRowKind, OrgRowTrend, OrgTrend, Period, PillarTrend,
                  Withheld, fold_partials, partials_of, partials_of_directory)
from .results import (ActionRecord, AgreementThresholds, CheckStatus, Feedback,
                      FocusCandidate, FollowUp, MeetingReport, MemberName,
                      Plan, PrivacyThresholds, RoundComparison, RoundReport,
                      StatusChange)
from .stats import (BulkStats, CompactBulkStats, MemberScore, PillarStats,
                    bulk_stats, bulk_stats_compact, bulk_stats_message,
                    score_stats, score_stats_message)

__version__ = "0.1.0"

__all__ = [
    # Library
    "__version__",
    "library_version",
    "library_path",
    "set_library_path",
    # Limits
    "Limit",
    "get_limit",
    "set_limit",
    "limit_name",
    # Statistics
    "PillarStats",
    "MemberScore",
    "BulkStats",
    "CompactBulkStats",
    "score_stats",
    "score_stats_message",
    "bulk_stats",
    "bulk_stats_compact",
    "bulk_stats_message",
    # Catalog
    "PillarTexts",
    "Catalog",
    "CatalogPillar",
    "Phrase",
    "catalog",
    "pillar_texts",
    # Journal
    "Journal",
    "Action",
    "Review",
    "AgreementAction",
    "SignalTick",
    "render_signals",
    # Results of the journal
    "RoundReport",
    "FocusCandidate",
    "PrivacyThresholds",
    "AgreementThresholds",
    "RoundComparison",
    "MeetingReport",
    "MemberName",
    "Plan",
    "ActionRecord",
    "Feedback",
    "StatusChange",
    "FollowUp",
    "CheckStatus",
    # The team charter and its review
    "Charter",
    "StrategyCharter",
    "SynergyCharter",
    "PreferenceStyle",
    "StructureCharter",
    "DecisionRule",
    "DecisionRecord",
    "AgendaItem",
    "SteeringCharter",
    "Kpi",
    "SteeringMoment",
    "CommunicationRule",
    "Risk",
    "SuccessCharter",
    "TeamGoal",
    "TickedSignal",
    "CharterReview",
    "PillarCharterReview",
    "AgreementStatus",
    "SignalCount",
    "Finding",
    "NextAgreement",
    # The organisation
    "Org",
    "Period",
    "OrgRollup",
    "OrgRow",
    "OrgRowKind",
    "OrgCell",
    "OrgFollowUp",
    "OrgExclusion",
    "Withheld",
    "OrgTrend",
    "OrgRowTrend",
    "PillarTrend",
    "partials_of",
    "partials_of_directory",
    "fold_partials",
    # Messages
    "message_to_dict",
    "message_from_dict",
    # Enumerations
    "Pillar",
    "RoundMode",
    "ReviewOutcome",
    "Disclosure",
    "TrendVerdict",
    "EffectSize",
    "DocumentKind",
    "DocumentFormat",
    "RoundState",
    "FocusRule",
    "FocusReason",
    "ActionStatus",
    "CheckState",
    "AgreementState",
    "FindingSeverity",
    "NextReason",
    "DecisionModel",
    "AgendaKind",
    "LABELS",
    # Errors: StatusCode, Error, one class per status code, ... Listed, not
    # taken from errors.__all__, so that type checkers see them exported
    # (a test checks that the two lists agree).
    "StatusCode",
    "Error",
    "Cancelled",
    "Unknown",
    "InvalidArgument",
    "DeadlineExceeded",
    "NotFound",
    "AlreadyExists",
    "PermissionDenied",
    "ResourceExhausted",
    "FailedPrecondition",
    "Aborted",
    "OutOfRange",
    "Unimplemented",
    "Internal",
    "Unavailable",
    "DataLoss",
    "Unauthenticated",
    "ClosedError",
    "LibraryError",
    "error_for_code",
]


def library_version() -> str:
    """The version of the loaded libfives, "MAJOR.MINOR.PATCH"."""
    version: bytes = _ffi.lib().fives_version_string()
    return version.decode("ascii")


def library_path() -> str:
    """The path libfives was loaded from (loading it if needed; raises
    :class:`LibraryError` listing the paths tried when it cannot)."""
    return _ffi.library_path()


def set_library_path(path: Union[str, "os.PathLike[str]"]) -> None:
    """Chooses the libfives to load, before its first use: a file, or a
    folder holding ``libfives.so.0`` (a build folder such as
    ``build/default``). It is then the only candidate, before
    FIVES_LIBRARY. Raises :class:`LibraryError` naming the loaded path once
    a libfives is loaded (unless ``path`` is that file)."""
    _ffi.set_library_path(path)
