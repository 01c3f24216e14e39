"""The team charter and its review, typed (proto/fives/v1/charter.proto).

:meth:`Journal.charter` gives a :class:`Charter`, :meth:`Journal.set_charter`
takes one (or its dict), and :meth:`Journal.review_charter` gives a
:class:`CharterReview`. Every class is a frozen dataclass whose fields carry
the message's names; dates are ``datetime.date`` (None where the charter
holds none), enumerations the package's enums. Every field has a default,
so a charter is written with only what it holds::

    fives.Charter(strategy=fives.StrategyCharter(
        shared_sentence="As an MT we are successful when ...",
        priorities=("Growth", "Talent", "Cost")))

and edited with ``dataclasses.replace``. ``to_message()`` gives the dict
(proto3 JSON mapping).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Optional, Tuple

from ._message import Message
from .enums import (AgendaKind, AgreementState, DecisionModel,
                    FindingSeverity, NextReason, Pillar, PillarLike,
                    pillar_arg)

__all__ = [
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
]

Date = Optional[datetime.date]


# ---- The charter ----------------------------------------------------------------


@dataclass(frozen=True)
class StrategyCharter(Message):
    """Strategy: direction and priorities (fives.v1.StrategyCharter). Each
    agreement has the date it was last confirmed (``*_updated``)."""

    #: "As an MT we are successful when ..."
    shared_sentence: str = ""
    shared_sentence_updated: Date = None
    #: 3 to 5 organisation priorities.
    priorities: Tuple[str, ...] = ()
    priorities_updated: Date = None
    #: What the team does not do this year.
    not_doing: Tuple[str, ...] = ()
    not_doing_updated: Date = None
    #: Kinds of decision that always go past the strategy.
    strategy_checked_decisions: Tuple[str, ...] = ()
    strategy_checked_decisions_updated: Date = None


@dataclass(frozen=True)
class PreferenceStyle(Message):
    """A member's preference style from the catalog of style pairs
    (fives.v1.PreferenceStyle)."""

    member_id: str = ""
    #: Key of a style in the catalog, e.g. "decisive".
    style: str = ""
    #: The pitfall of that style, in the team's words.
    pitfall: str = ""
    updated: Date = None


@dataclass(frozen=True)
class SynergyCharter(Message):
    """Synergy: how the team disagrees and gives feedback
    (fives.v1.SynergyCharter)."""

    disagreement_norm: str = ""
    disagreement_norm_updated: Date = None
    feedback_language: str = ""
    feedback_language_updated: Date = None
    styles: Tuple[PreferenceStyle, ...] = ()


@dataclass(frozen=True)
class DecisionRule(Message):
    """Which model decides a topic, and who owns it
    (fives.v1.DecisionRule)."""

    topic: str = ""
    model: Optional[DecisionModel] = None
    owner_id: str = ""
    updated: Date = None


@dataclass(frozen=True)
class DecisionRecord(Message):
    """A decision taken (fives.v1.DecisionRecord). ``follow_up``: when the
    team looks at it again (None: no follow-up); ``followed_up``: it did."""

    date: Date = None
    topic: str = ""
    model: Optional[DecisionModel] = None
    decision: str = ""
    owner_id: str = ""
    follow_up: Date = None
    followed_up: bool = False


@dataclass(frozen=True)
class AgendaItem(Message):
    """An item of the standing agenda (fives.v1.AgendaItem)."""

    title: str = ""
    kind: Optional[AgendaKind] = None
    #: Who brings it ("": nobody yet).
    owner_id: str = ""


@dataclass(frozen=True)
class StructureCharter(Message):
    """Structure: decisions, meetings, owners (fives.v1.StructureCharter)."""

    decision_register: Tuple[DecisionRule, ...] = ()
    decision_log: Tuple[DecisionRecord, ...] = ()
    #: The four blocks of the meeting format, in order.
    meeting_blocks: Tuple[str, ...] = ()
    meeting_blocks_updated: Date = None
    topic_owners: Tuple[DecisionRule, ...] = ()
    agenda: Tuple[AgendaItem, ...] = ()


@dataclass(frozen=True)
class Kpi(Message):
    """A core KPI (fives.v1.Kpi); ``priority`` is the strategy priority it
    steers."""

    name: str = ""
    owner_id: str = ""
    target: str = ""
    priority: str = ""
    updated: Date = None


@dataclass(frozen=True)
class SteeringMoment(Message):
    """A steering moment of the year (fives.v1.SteeringMoment): ``kind``
    strategy, talent, budget, risks, customer or operations."""

    kind: str = ""
    date: Date = None
    held: bool = False


@dataclass(frozen=True)
class CommunicationRule(Message):
    """Who tells what, when, how and why (fives.v1.CommunicationRule)."""

    who_id: str = ""
    what: str = ""
    when: str = ""
    channel: str = ""
    purpose: str = ""


@dataclass(frozen=True)
class Risk(Message):
    """A risk and its owner (fives.v1.Risk)."""

    description: str = ""
    owner_id: str = ""
    updated: Date = None


@dataclass(frozen=True)
class SteeringCharter(Message):
    """Steering: KPIs, the year's steering moments, communication, risks
    (fives.v1.SteeringCharter)."""

    kpis: Tuple[Kpi, ...] = ()
    moments: Tuple[SteeringMoment, ...] = ()
    communication: Tuple[CommunicationRule, ...] = ()
    risks: Tuple[Risk, ...] = ()


@dataclass(frozen=True)
class TeamGoal(Message):
    """A goal of the team (fives.v1.TeamGoal), ``progress`` 0..100."""

    goal: str = ""
    progress: int = 0
    updated: Date = None


@dataclass(frozen=True)
class SuccessCharter(Message):
    """Success factors: the team's goals (fives.v1.SuccessCharter)."""

    goals: Tuple[TeamGoal, ...] = ()


@dataclass(frozen=True)
class TickedSignal(Message):
    """A warning signal of the catalog ticked at a check
    (fives.v1.SignalTick): ``number`` is the signal's number in the
    pillar's ``warning_signals``, counted from 1. To tick one, see
    :class:`fives.SignalTick`."""

    check_id: str = ""
    pillar: Optional[Pillar] = None
    number: int = 0


@dataclass(frozen=True)
class Charter(Message):
    """The team charter: the agreements behind the five pillars
    (fives.v1.Charter); a pillar the charter says nothing about is None.
    ``signals``: the warning signals ticked at checks (set by
    :meth:`Journal.tick_signals`, not by :meth:`Journal.set_charter`)."""

    strategy: Optional[StrategyCharter] = None
    synergy: Optional[SynergyCharter] = None
    structure: Optional[StructureCharter] = None
    steering: Optional[SteeringCharter] = None
    success: Optional[SuccessCharter] = None
    signals: Tuple[TickedSignal, ...] = ()


# ---- The review -------------------------------------------------------------------


@dataclass(frozen=True)
class AgreementStatus(Message):
    """One agreement a pillar asks for, as of the review's date
    (fives.v1.AgreementStatus). ``updated``: when it was last confirmed
    (the oldest of its entries for a list; None when undated)."""

    key: str = ""
    state: Optional[AgreementState] = None
    updated: Date = None


@dataclass(frozen=True)
class SignalCount(Message):
    """How many checks ticked one warning signal (fives.v1.SignalCount):
    ``number`` is the signal's number in the pillar's ``warning_signals``,
    counted from 1; ``first`` and ``last`` of the checks;
    ``at_latest_check``: it is still there."""

    number: int = 0
    checks: int = 0
    first: Date = None
    last: Date = None
    at_latest_check: bool = False


@dataclass(frozen=True)
class Finding(Message):
    """A problem of the charter (fives.v1.Finding): ``field`` is its path
    inside the charter ("steering.kpis[2].owner_id")."""

    severity: Optional[FindingSeverity] = None
    field: str = ""
    message: str = ""


@dataclass(frozen=True)
class PillarCharterReview(Message):
    """One pillar of the review (fives.v1.PillarCharterReview):
    ``readiness`` (agreements in place / agreements asked), every agreement
    in the method's order, the keys ``missing`` and ``stale``, the warning
    signals ticked (ascending) and the charter check's findings."""

    pillar: Pillar
    key: str = ""
    readiness: float = 0.0
    agreements: Tuple[AgreementStatus, ...] = ()
    missing: Tuple[str, ...] = ()
    stale: Tuple[str, ...] = ()
    signals: Tuple[SignalCount, ...] = ()
    findings: Tuple[Finding, ...] = ()

    def agreement(self, key: str) -> AgreementStatus:
        """The agreement ``key`` ("shared_sentence"; KeyError if none)."""
        for a in self.agreements:
            if a.key == key:
                return a
        raise KeyError(key)


@dataclass(frozen=True)
class NextAgreement(Message):
    """The one missing agreement that would help most
    (fives.v1.NextAgreement)."""

    pillar: Optional[Pillar] = None
    key: str = ""
    reason: Optional[NextReason] = None


@dataclass(frozen=True)
class CharterReview(Message):
    """The charter review as of a date (fives.v1.CharterReview): the five
    pillars in the method's order, ``next`` (None when every agreement is in
    place), the counts of the charter check's ``errors`` and ``warnings``,
    and ``checks``, the checks held by then over which signals count."""

    as_of: Date = None
    stale_days: int = 0
    pillars: Tuple[PillarCharterReview, ...] = ()
    next: Optional[NextAgreement] = None
    errors: int = 0
    warnings: int = 0
    checks: int = 0

    def pillar(self, pillar: PillarLike) -> PillarCharterReview:
        """The review of ``pillar`` (a Pillar, 1..5, 'strategy', ...;
        KeyError if the review lacks it)."""
        p = pillar_arg(pillar)
        for review in self.pillars:
            if review.pillar == p:
                return review
        raise KeyError(p.key)
