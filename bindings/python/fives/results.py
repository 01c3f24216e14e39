"""The typed results of a :class:`fives.Journal`: the round's report, the
meeting report, follow-up, actions, the check status and the comparison of
two rounds (proto/fives/v1).

Each is a frozen dataclass with the message's field names; dates are
``datetime.date`` (None where the message has none), enumerations the
package's enums (None where unset), repeated fields tuples, and a field
the message leaves at its default keeps the default here ("", 0, None, ()).
``to_message()`` gives the dict (the proto3 JSON mapping, snake_case keys,
fields at their default absent), ``from_message`` reads one.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Optional, Tuple

from ._message import Message
from .charter import CharterReview
from .enums import (ActionStatus, CheckState, FocusReason, FocusRule, Pillar,
                    PillarLike, RoundMode, RoundState, pillar_arg)
from .org import PillarTrend
from .stats import PillarStats

__all__ = [
    "PrivacyThresholds",
    "AgreementThresholds",
    "FocusCandidate",
    "RoundReport",
    "RoundComparison",
    "Feedback",
    "StatusChange",
    "ActionRecord",
    "Plan",
    "FollowUp",
    "CheckStatus",
    "MemberName",
    "MeetingReport",
]

Date = Optional[datetime.date]


# ---- The round's report ---------------------------------------------------------


@dataclass(frozen=True)
class PrivacyThresholds(Message):
    """A round's privacy thresholds (fives.v1.PrivacyThresholds); a report
    fills in every default."""

    min_responses: Optional[int] = None
    min_distribution: Optional[int] = None


@dataclass(frozen=True)
class AgreementThresholds(Message):
    """The thresholds that turn the measures into labels
    (fives.v1.AgreementThresholds)."""

    shared_rwg: Optional[float] = None
    split_agreement: Optional[float] = None
    ad_cutoff: Optional[float] = None


@dataclass(frozen=True)
class FocusCandidate(Message):
    """One pillar's place in the focus ranking (fives.v1.FocusCandidate):
    ``rank`` 1 is the focus; ``mean`` None when withheld, ``gap`` (target
    minus mean) under the largest-gap rule; ``talk_first``: the pillar is
    labelled split, so the team talks before it plans."""

    pillar: Pillar
    rank: int = 0
    reason: Optional[FocusReason] = None
    mean: Optional[float] = None
    gap: Optional[float] = None
    consensus: Optional[float] = None
    talk_first: bool = False


@dataclass(frozen=True)
class RoundReport(Message):
    """The report of one round (fives.v1.RoundReport).

    ``pillars``: the statistics of each asked pillar in pillar order, as the
    round's privacy allows them (see ``PillarStats.disclosure``);
    ``ranking``: every asked pillar, best candidate for focus first;
    ``focus`` (None when no pillar has statistics) with the catalog's
    ``suggestions`` in ``language``. ``plan_id`` and ``focus_trend``: the
    latest plan made on an earlier round and how its focus pillar moved
    since. ``charter``: the charter's review as of the round's close, when
    the journal has a charter.
    """

    team_id: str = ""
    team_name: str = ""
    round_id: str = ""
    round_date: Date = None
    mode: Optional[RoundMode] = None
    state: Optional[RoundState] = None
    #: Members who responded.
    respondents: int = 0
    #: Members of the team on the round's date.
    members: int = 0
    pillars: Tuple[PillarStats, ...] = ()
    rule: Optional[FocusRule] = None
    ranking: Tuple[FocusCandidate, ...] = ()
    focus: Optional[Pillar] = None
    language: str = ""
    suggestions: Tuple[str, ...] = ()
    thresholds: Optional[PrivacyThresholds] = None
    agreement: Optional[AgreementThresholds] = None
    plan_id: str = ""
    focus_trend: Optional[PillarTrend] = None
    charter: Optional[CharterReview] = None

    def pillar(self, pillar: PillarLike) -> PillarStats:
        """The statistics of ``pillar`` (a Pillar, 1..5, 'strategy', ...;
        KeyError when the round did not ask it)."""
        p = pillar_arg(pillar)
        for stats in self.pillars:
            if stats.pillar == p:
                return stats
        raise KeyError(p.key)


@dataclass(frozen=True)
class RoundComparison(Message):
    """Two closed rounds compared per pillar (fives.v1.RoundComparison):
    a :class:`PillarTrend` for every pillar asked in both."""

    before_round_id: str = ""
    after_round_id: str = ""
    pillars: Tuple[PillarTrend, ...] = ()

    def pillar(self, pillar: PillarLike) -> PillarTrend:
        """The trend of ``pillar`` (KeyError when not compared)."""
        p = pillar_arg(pillar)
        for trend in self.pillars:
            if trend.pillar == p:
                return trend
        raise KeyError(p.key)


# ---- Actions and plans -----------------------------------------------------------


@dataclass(frozen=True)
class Feedback(Message):
    """One feedback entry on an action (fives.v1.Feedback); ``progress``
    0..100 when the author gave one."""

    date: Date = None
    author_id: str = ""
    text: str = ""
    progress: Optional[int] = None


@dataclass(frozen=True)
class StatusChange(Message):
    """A status change of an action (fives.v1.StatusChange); ``from_status``
    and ``to_status`` are the message's ``from`` and ``to``."""

    date: Date = None
    from_status: Optional[ActionStatus] = field(default=None,
                                                metadata={"json": "from"})
    to_status: Optional[ActionStatus] = field(default=None,
                                              metadata={"json": "to"})
    reason: str = ""


@dataclass(frozen=True)
class ActionRecord(Message):
    """An action as the journal keeps it (fives.v1.Action): its id ("a1"),
    pillar, owner, dates, ``status``, feedback and history, and where it
    comes from (``plan_id`` or ``check_id``). The action to create is
    :class:`fives.Action`."""

    id: str = ""
    pillar: Optional[Pillar] = None
    title: str = ""
    visible_result: str = ""
    owner_id: str = ""
    created: Date = None
    due: Date = None
    status: Optional[ActionStatus] = None
    #: Set when done.
    done_on: Date = None
    #: Set when dropped.
    drop_reason: str = ""
    feedback: Tuple[Feedback, ...] = ()
    history: Tuple[StatusChange, ...] = ()
    plan_id: str = ""
    check_id: str = ""


@dataclass(frozen=True)
class Plan(Message):
    """The team's answer to a round: one focus pillar and its actions
    (fives.v1.Plan)."""

    id: str = ""
    round_id: str = ""
    created: Date = None
    focus: Optional[Pillar] = None
    action_ids: Tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class FollowUp(Message):
    """The actions that need attention as of a date (fives.v1.FollowUp).

    Each list is placed by the action's status on ``as_of``: ``open`` (by
    due date), ``due_soon``, ``overdue``, ``celebrate`` (done since the last
    check) and ``needs_attention`` (overdue, or dropped since the last
    check). ``completion_rate``: done / (done + dropped + overdue);
    ``on_time_rate``: the share of done actions done by their due date;
    None with nothing to divide. ``owner_id`` and ``pillar``: the filters
    applied, if any; ``done``, ``done_on_time`` and ``dropped`` count the
    actions by their status on ``as_of``.
    """

    as_of: Date = None
    open: Tuple[ActionRecord, ...] = ()
    due_soon: Tuple[ActionRecord, ...] = ()
    overdue: Tuple[ActionRecord, ...] = ()
    celebrate: Tuple[ActionRecord, ...] = ()
    needs_attention: Tuple[ActionRecord, ...] = ()
    completion_rate: Optional[float] = None
    on_time_rate: Optional[float] = None
    owner_id: str = ""
    pillar: Optional[Pillar] = None
    done: int = 0
    done_on_time: int = 0
    dropped: int = 0


# ---- Checks and the meeting ----------------------------------------------------


@dataclass(frozen=True)
class CheckStatus(Message):
    """Whether the next collaboration check is due (fives.v1.CheckStatus):
    ``anchor``, the last check or else the first plan (None before any
    plan), and the window of the next check."""

    state: Optional[CheckState] = None
    anchor: Date = None
    window_start: Date = None
    window_end: Date = None
    last_check_id: str = ""


@dataclass(frozen=True)
class MemberName(Message):
    """A member's display name (fives.v1.MemberName)."""

    member_id: str = ""
    display_name: str = ""


@dataclass(frozen=True)
class MeetingReport(Message):
    """Everything a team meeting looks at, as of ``as_of``
    (fives.v1.MeetingReport): the round's report, the plan in force (None
    without one) with its actions in the plan's order, the overdue actions,
    the next check, the process guardian ("" without current members), the
    display names of the members referred to (by id), and the charter's
    review as of ``as_of`` (None without a charter; ``round.charter`` keeps
    the review as of the round's close)."""

    as_of: Date = None
    round: Optional[RoundReport] = None
    plan: Optional[Plan] = None
    plan_actions: Tuple[ActionRecord, ...] = ()
    overdue: Tuple[ActionRecord, ...] = ()
    next_check: Optional[CheckStatus] = None
    guardian_id: str = ""
    member_names: Tuple[MemberName, ...] = ()
    charter: Optional[CharterReview] = None

    def display_name(self, member_id: str) -> str:
        """The display name of ``member_id`` (KeyError if not listed)."""
        for m in self.member_names:
            if m.member_id == member_id:
                return m.display_name
        raise KeyError(member_id)
