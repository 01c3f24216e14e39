"""The typed results of fives.Journal against figures worked out by hand:
RoundReport, RoundComparison, FollowUp and ActionRecord, CheckStatus,
MeetingReport, Charter and CharterReview; their dict form, and messages of a
newer library (fields and values this package does not know)."""

import dataclasses
import datetime
import json
import math
import pickle
import unittest

import fives
from fives import _ffi

D = datetime.date
MEMBERS = {"m1": "Ann", "m2": "Bob", "m3": "Cas", "m4": "Dee", "m5": "Eli"}
# Strategy, synergy, structure, steering, success; m5 does not answer.
FIRST = {"m1": [2, 4, 5, 3, 4], "m2": [3, 4, 5, 4, 4],
         "m3": [3, 4, 5, 4, 5], "m4": [4, 4, 5, 4, 5]}
# Strategy 4, 4, 5, 5 in the second round.
SECOND = {"m1": [4, 4, 5, 4, 4], "m2": [4, 4, 5, 4, 4],
          "m3": [5, 4, 5, 4, 5], "m4": [5, 4, 5, 4, 5]}


def team():
    j = fives.Journal.new("mt", "The MT")
    for member_id, name in MEMBERS.items():
        j.add_member(member_id, name, D(2026, 1, 5))
    return j


def answered(j, round_id, day, scores, mode="open"):
    j.start_round(round_id, day, mode)
    for member_id, values in scores.items():
        j.add_response(round_id, member_id, values)
    j.close_round(round_id, day + datetime.timedelta(days=1))


def planned():
    """r1 closed on 2026-11-03 and plan p1 on strategy: a1 (due 24
    November, done on the 20th) and a2 (due 30 days after the plan: 3
    December, still open)."""
    j = team()
    answered(j, "r1", D(2026, 11, 2), FIRST)
    j.create_plan("r1", D(2026, 11, 3), [
        fives.Action("Write the shared sentence", "On the wall", "m2",
                     due=D(2026, 11, 24)),
        fives.Action("Pick three priorities", "A page of three", "m3"),
    ], note="lowest mean")
    j.open_action("a1", D(2026, 11, 4))
    j.open_action("a2", D(2026, 11, 4))
    j.add_feedback("a1", D(2026, 11, 13), "m2", "Draft shared", 60)
    j.complete_action("a1", D(2026, 11, 20))
    return j


def raw(func, *args):
    """The library's JSON of a call, as a dict."""
    return json.loads(_ffi.call_buffer(func, *args, _ffi.FORMAT_JSON))


class RoundReportTest(unittest.TestCase):
    def test_figures_of_an_open_round(self):
        with team() as j:
            answered(j, "r1", D(2026, 11, 2), FIRST)
            report = j.report("r1")
        self.assertIsInstance(report, fives.RoundReport)
        self.assertEqual((report.team_id, report.team_name, report.round_id),
                         ("mt", "The MT", "r1"))
        self.assertEqual(report.round_date, D(2026, 11, 2))
        self.assertEqual(report.mode, fives.RoundMode.OPEN)
        self.assertEqual(report.state, fives.RoundState.CLOSED)
        self.assertEqual((report.respondents, report.members), (4, 5))
        self.assertEqual([p.pillar for p in report.pillars],
                         list(fives.Pillar))

        # Strategy 2, 3, 3, 4: n 4, mean 12/4 = 3, median (3+3)/2 = 3,
        # sd sqrt((1+0+0+1)/3) = sqrt(2/3), rwg 1 - (2/3)/2 (the variance
        # of a uniform 5-point answer is 2) = 2/3, mean absolute deviation
        # from the mean and the median (1+0+0+1)/4 = 0.5, consensus
        # 1 + 2 * 1/4 * log2(1 - 1/4) (Tastle and Wierman, width 4).
        s = report.pillar(fives.Pillar.STRATEGY)
        self.assertEqual(s.n, 4)
        self.assertEqual(s.mean, 3.0)
        self.assertEqual(s.median, 3.0)
        self.assertAlmostEqual(s.sd, math.sqrt(2 / 3))
        self.assertEqual((s.min, s.max), (2, 4))
        self.assertEqual(s.histogram, (0, 1, 2, 1, 0))
        self.assertAlmostEqual(s.rwg, 2 / 3)
        self.assertAlmostEqual(s.rwg_raw, 2 / 3)
        self.assertAlmostEqual(s.ad_mean, 0.5)
        self.assertAlmostEqual(s.ad_median, 0.5)
        self.assertAlmostEqual(s.consensus, 1 + 0.5 * math.log2(0.75))
        # rwg below 0.70 and agreement above 0: neither shared nor split.
        self.assertEqual(s.label, "mixed")
        self.assertFalse(s.ad_above_cutoff)  # 0.5 is below 5/6
        self.assertEqual(s.disclosure, fives.Disclosure.FULL)
        # Open round: who gave which score, by member id, with names.
        self.assertEqual(s.scores, (
            fives.MemberScore("m1", 2, "Ann"), fives.MemberScore("m2", 3, "Bob"),
            fives.MemberScore("m3", 3, "Cas"), fives.MemberScore("m4", 4, "Dee")))
        # Structure 5, 5, 5, 5: no spread at all.
        st = report.pillar("structure")
        self.assertEqual((st.mean, st.median, st.sd), (5.0, 5.0, 0.0))
        self.assertEqual((st.rwg, st.consensus), (1.0, 1.0))
        self.assertEqual(st.label, "shared")

        # Means: strategy 3, steering 3.75, synergy 4, success 4.5,
        # structure 5: the focus is strategy, each ranked by its mean.
        self.assertEqual(report.rule, fives.FocusRule.LOWEST_MEAN)
        self.assertEqual([(c.rank, c.pillar) for c in report.ranking], [
            (1, fives.Pillar.STRATEGY), (2, fives.Pillar.STEERING),
            (3, fives.Pillar.SYNERGY), (4, fives.Pillar.SUCCESS),
            (5, fives.Pillar.STRUCTURE)])
        self.assertEqual([c.mean for c in report.ranking],
                         [3.0, 3.75, 4.0, 4.5, 5.0])
        for c in report.ranking:
            self.assertEqual(c.reason, fives.FocusReason.LOWEST_MEAN)
            self.assertIsNone(c.gap)
            self.assertFalse(c.talk_first)
        self.assertEqual(report.focus, fives.Pillar.STRATEGY)
        self.assertEqual(report.language, "en")
        self.assertEqual(report.suggestions,
                         fives.pillar_texts("strategy").practices)
        # Every default filled in; split_agreement 0 is set, so present.
        self.assertEqual(report.thresholds, fives.PrivacyThresholds(3, 5))
        self.assertEqual(report.agreement,
                         fives.AgreementThresholds(0.7, 0.0, 5 / 6))
        self.assertEqual(report.to_message()["agreement"]["split_agreement"],
                         0)
        # No earlier plan, no charter.
        self.assertEqual(report.plan_id, "")
        self.assertIsNone(report.focus_trend)
        self.assertIsNone(report.charter)
        with self.assertRaises(KeyError):
            dataclasses.replace(report, pillars=()).pillar("strategy")

    def test_a_small_confidential_round_shows_only_the_mean(self):
        # Four answers, below min_distribution 5: n and the mean only.
        with team() as j:
            answered(j, "r1", D(2026, 11, 2), FIRST, mode="confidential")
            report = j.report()
        self.assertEqual(report.mode, fives.RoundMode.CONFIDENTIAL)
        s = report.pillar("strategy")
        self.assertEqual(s.disclosure, fives.Disclosure.NO_DISTRIBUTION)
        self.assertEqual((s.n, s.mean), (4, 3.0))
        for measure in ("median", "sd", "min", "max", "rwg", "consensus",
                        "agreement", "label"):
            self.assertIsNone(getattr(s, measure), measure)
        self.assertEqual((s.histogram, s.scores), ((), ()))

    def test_the_dict_form_is_the_library_s(self):
        with planned() as j:
            answered(j, "r2", D(2026, 12, 21), SECOND)
            lib = _ffi.lib()
            cases = [
                (fives.RoundReport, j.report("r2"),
                 raw(lib.fives_journal_report, j, b"r2", b"en")),
                (fives.RoundComparison, j.compare_rounds("r1", "r2"),
                 raw(lib.fives_journal_compare_rounds, j, b"r1", b"r2")),
                (fives.FollowUp, j.follow_up(D(2026, 12, 10)),
                 raw(lib.fives_journal_follow_up, j, b"2026-12-10", None, 0)),
                (fives.CheckStatus, j.check_status(D(2026, 12, 10)),
                 raw(lib.fives_journal_check_status, j, b"2026-12-10")),
                (fives.MeetingReport, j.meeting_report(D(2026, 12, 10), "r1"),
                 raw(lib.fives_journal_meeting_report, j, b"r1", b"en",
                     b"2026-12-10")),
                (fives.CharterReview, j.review_charter(D(2026, 12, 10)),
                 raw(lib.fives_journal_review_charter, j, b"2026-12-10",
                     365)),
            ]
            for cls, typed, message in cases:
                with self.subTest(cls.__name__):
                    self.assertIsInstance(typed, cls)
                    self.assertEqual(typed.to_message(), message)
                    self.assertEqual(cls.from_message(message), typed)
                    self.assertEqual(json.loads(typed.to_json()), message)
                    self.assertEqual(pickle.loads(pickle.dumps(typed)), typed)
                    with self.assertRaises(dataclasses.FrozenInstanceError):
                        typed.language = "nl"


class ComparisonTest(unittest.TestCase):
    def test_two_rounds_by_hand(self):
        with planned() as j:
            answered(j, "r2", D(2026, 12, 21), SECOND)
            comparison = j.compare_rounds("r1", "r2")
            report = j.report("r2")
        self.assertEqual((comparison.before_round_id,
                          comparison.after_round_id), ("r1", "r2"))
        self.assertEqual(len(comparison.pillars), 5)
        # Strategy 2, 3, 3, 4 -> 4, 4, 5, 5: mean and median 3 -> 4.5.
        t = comparison.pillar("strategy")
        self.assertEqual((t.before_round_id, t.after_round_id), ("r1", "r2"))
        self.assertEqual((t.n_before, t.n_after), (4, 4))
        self.assertEqual((t.mean_before, t.mean_after, t.mean_change),
                         (3.0, 4.5, 1.5))
        self.assertEqual((t.median_before, t.median_after, t.median_change),
                         (3.0, 4.5, 1.5))
        # Of the 16 pairs (after, before) 14 are higher and none lower.
        self.assertAlmostEqual(t.cliffs_delta, 14 / 16)
        # Of the 70 ways to split the pooled 2 3 3 4 4 4 5 5 into two
        # fours, a difference in means of 1.5 or more takes {5, 5, 4, 4}
        # (three ways) or its complement (three): p = 6/70, above 0.05.
        self.assertAlmostEqual(t.p_value, 6 / 70)
        self.assertEqual(t.alpha, 0.05)
        self.assertEqual(t.verdict, fives.TrendVerdict.TOO_SMALL_TO_TELL)
        self.assertEqual((t.before_disclosure, t.after_disclosure),
                         (fives.Disclosure.FULL, fives.Disclosure.FULL))
        # Structure 5s in both: no change at all.
        s = comparison.pillar(fives.Pillar.STRUCTURE)
        self.assertEqual((s.mean_change, s.cliffs_delta), (0.0, 0.0))
        # The closed loop: the plan on r1 had strategy as focus.
        self.assertEqual(report.plan_id, "p1")
        self.assertEqual(report.focus_trend, t)


class FollowUpTest(unittest.TestCase):
    def test_actions_and_rates(self):
        with planned() as j:
            follow = j.follow_up(D(2026, 12, 10))
        self.assertEqual(follow.as_of, D(2026, 12, 10))
        # a2 was due on 3 December and is open: overdue, needs attention.
        self.assertEqual([a.id for a in follow.open], ["a2"])
        self.assertEqual([a.id for a in follow.overdue], ["a2"])
        self.assertEqual([a.id for a in follow.needs_attention], ["a2"])
        self.assertEqual(follow.due_soon, ())
        self.assertEqual([a.id for a in follow.celebrate], ["a1"])
        # done / (done + dropped + overdue) = 1 / (1 + 0 + 1); a1 was done
        # on the 20th, before its due date the 24th.
        self.assertEqual(follow.completion_rate, 0.5)
        self.assertEqual(follow.on_time_rate, 1.0)
        self.assertEqual((follow.done, follow.done_on_time, follow.dropped),
                         (1, 1, 0))
        self.assertEqual((follow.owner_id, follow.pillar), ("", None))

        a1 = follow.celebrate[0]
        self.assertIsInstance(a1, fives.ActionRecord)
        self.assertEqual((a1.title, a1.visible_result, a1.owner_id),
                         ("Write the shared sentence", "On the wall", "m2"))
        self.assertEqual(a1.pillar, fives.Pillar.STRATEGY)  # the focus
        self.assertEqual((a1.created, a1.due, a1.done_on),
                         (D(2026, 11, 3), D(2026, 11, 24), D(2026, 11, 20)))
        self.assertEqual(a1.status, fives.ActionStatus.DONE)
        self.assertEqual((a1.plan_id, a1.check_id), ("p1", ""))
        self.assertEqual(a1.feedback, (fives.Feedback(
            D(2026, 11, 13), "m2", "Draft shared", 60),))
        self.assertEqual(a1.history[-1], fives.StatusChange(
            D(2026, 11, 20), fives.ActionStatus.OPEN, fives.ActionStatus.DONE))
        # "from" and "to" in the message, which Python reserves.
        self.assertEqual(a1.to_message()["history"][-1],
                         {"date": "2026-11-20", "from": "ACTION_STATUS_OPEN",
                          "to": "ACTION_STATUS_DONE"})
        a2 = follow.open[0]
        self.assertEqual(a2.due, D(2026, 12, 3))  # 30 days after the plan
        self.assertEqual(a2.status, fives.ActionStatus.OPEN)
        self.assertIsNone(a2.done_on)

    def test_filters(self):
        with planned() as j:
            by_owner = j.follow_up(D(2026, 12, 10), owner_id="m2")
            by_pillar = j.follow_up(D(2026, 12, 10), pillar="synergy")
        self.assertEqual(by_owner.owner_id, "m2")
        self.assertEqual(by_owner.open, ())
        self.assertEqual([a.id for a in by_owner.celebrate], ["a1"])
        self.assertEqual(by_pillar.pillar, fives.Pillar.SYNERGY)
        self.assertEqual((by_pillar.open, by_pillar.celebrate), ((), ()))
        self.assertIsNone(by_pillar.completion_rate)  # nothing to divide


class CheckAndMeetingTest(unittest.TestCase):
    def test_check_window(self):
        with planned() as j:
            # Counted from the plan of 3 November: 6 to 8 weeks later.
            before = j.check_status(D(2026, 12, 10))
            due = j.check_status(D(2026, 12, 15))
            late = j.check_status(D(2026, 12, 30))
            j.record_check(D(2026, 12, 15), reviews=[
                fives.Review("a2", "kept")])
            after = j.check_status(D(2026, 12, 16))
        self.assertEqual(before, fives.CheckStatus(
            fives.CheckState.NOT_DUE, D(2026, 11, 3), D(2026, 12, 15),
            D(2026, 12, 29), ""))
        self.assertEqual(due.state, fives.CheckState.DUE)
        self.assertEqual(late.state, fives.CheckState.OVERDUE)
        self.assertEqual(after, fives.CheckStatus(
            fives.CheckState.NOT_DUE, D(2026, 12, 15), D(2027, 1, 26),
            D(2027, 2, 9), "c1"))
        # Before any plan there is no anchor and no window.
        with team() as j:
            none = j.check_status(D(2026, 12, 10))
        self.assertEqual((none.anchor, none.window_start, none.window_end),
                         (None, None, None))

    def test_meeting_report(self):
        as_of = D(2026, 12, 10)
        with planned() as j:
            m = j.meeting_report(as_of, "r1")
            report = j.report("r1")
            status = j.check_status(as_of)
            guardian = j.guardian(as_of)
        self.assertEqual(m.as_of, as_of)
        self.assertEqual(m.round, report)
        self.assertEqual(m.plan, fives.Plan("p1", "r1", D(2026, 11, 3),
                                            fives.Pillar.STRATEGY,
                                            ("a1", "a2"), "lowest mean"))
        self.assertEqual([a.id for a in m.plan_actions], ["a1", "a2"])
        self.assertEqual([a.id for a in m.overdue], ["a2"])
        self.assertEqual(m.next_check, status)
        self.assertEqual(m.guardian_id, guardian)
        self.assertEqual(m.display_name("m2"), "Bob")
        with self.assertRaises(KeyError):
            m.display_name("nobody")
        self.assertIsNone(m.charter)


class CharterTest(unittest.TestCase):
    def test_a_typed_charter_set_and_reviewed(self):
        with team() as j:
            j.set_charter(fives.Charter(strategy=fives.StrategyCharter(
                shared_sentence="We succeed when the plan lands",
                priorities=("Growth", "Talent", "Margin"))), D(2026, 3, 1))
            charter = j.charter()
            review = j.review_charter(D(2026, 3, 15))
            answered(j, "r1", D(2026, 3, 16), FIRST)
            meeting_charter = j.meeting_report(D(2026, 3, 20)).charter
        # Undated agreements are dated the day the charter is set.
        self.assertEqual(charter, fives.Charter(strategy=fives.StrategyCharter(
            shared_sentence="We succeed when the plan lands",
            shared_sentence_updated=D(2026, 3, 1),
            priorities=("Growth", "Talent", "Margin"),
            priorities_updated=D(2026, 3, 1))))
        self.assertEqual(review.as_of, D(2026, 3, 15))
        # Two of the four agreements of strategy are in place.
        strategy = review.pillar("strategy")
        self.assertEqual(strategy.readiness, 0.5)
        self.assertEqual(strategy.missing,
                         ("not_doing", "strategy_checked_decisions"))
        self.assertEqual(strategy.agreement("priorities"),
                         fives.AgreementStatus(
                             "priorities", fives.AgreementState.IN_PLACE,
                             D(2026, 3, 1)))
        self.assertEqual(review.pillar("synergy").readiness, 0.0)
        with self.assertRaises(KeyError):
            strategy.agreement("no_such_key")
        self.assertIsNotNone(meeting_charter)


class NewerLibraryTest(unittest.TestCase):
    """A newer library may add fields and enum values."""

    def setUp(self):
        with planned() as j:
            self.report = j.report("r1")
            self.follow = j.follow_up(D(2026, 12, 10))
        self.message = self.report.to_message()

    def test_unknown_fields_are_kept_aside(self):
        m = json.loads(json.dumps(self.message))
        m["confidence_band"] = {"low": 2.5, "high": 3.5}
        m["ranking"][0]["momentum"] = 0.25
        m["thresholds"]["min_teams"] = 2
        m["pillars"][0]["skew"] = 0.0
        report = fives.RoundReport.from_message(m)
        self.assertEqual(report, self.report)
        out = report.to_message()
        self.assertEqual(out["confidence_band"], {"low": 2.5, "high": 3.5})
        self.assertEqual(out["ranking"][0]["momentum"], 0.25)
        self.assertEqual(out["thresholds"]["min_teams"], 2)
        self.assertNotIn("skew", out["pillars"][0])  # PillarStats: dropped
        f = self.follow.to_message()
        f["overdue"][0]["escalated_to"] = "m1"
        f["open"][0]["history"][0]["by"] = "m3"
        self.assertEqual(fives.FollowUp.from_message(f), self.follow)
        self.assertEqual(fives.FollowUp.from_message(f).to_message(), f)

    def test_unknown_enum_values_are_none(self):
        m = dict(self.message, mode="ROUND_MODE_HYBRID", rule=7)
        report = fives.RoundReport.from_message(m)
        self.assertIsNone(report.mode)
        self.assertIsNone(report.rule)
        self.assertEqual(report.pillars, self.report.pillars)

    def test_errors_name_the_field_and_the_value(self):
        cases = [
            ("round_report.respondents: expected int, got 'many'",
             dict(self.message, respondents="many")),
            ("round_report.round_date: '2026-13-01' is not a date",
             dict(self.message, round_date="2026-13-01")),
            ("round_report.suggestions: expected a list, got 'read'",
             dict(self.message, suggestions="read")),
            ("round_report.ranking[1].pillar: 'PILLAR_CULTURE' is not a "
             "Pillar",
             dict(self.message, ranking=[self.message["ranking"][0],
                                         {"pillar": "PILLAR_CULTURE"}])),
            ("round_report.thresholds: expected a message, got 3",
             dict(self.message, thresholds=3)),
            ("round_report.ranking[0]: missing pillar",
             dict(self.message, ranking=[{"rank": 1}])),
        ]
        for text, message in cases:
            with self.subTest(text):
                with self.assertRaises(fives.InvalidArgument) as cm:
                    fives.RoundReport.from_message(message)
                self.assertIn(text, str(cm.exception))


if __name__ == "__main__":
    unittest.main()
