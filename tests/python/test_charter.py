"""fives.Journal and the team charter: charter, set_charter, review_charter,
tick_signals and the signals of record_check; errors and wrong types."""

import dataclasses
import datetime
import json
import unittest

import fives
from fives import _ffi

D = datetime.date
MEMBERS = {"anna": "Anna", "bram": "Bram", "carla": "Carla", "daan": "Daan",
           "eva": "Eva"}

# Set on 2026-03-01 without dates, so every agreement is dated that day. Its
# review, worked out by hand from lib/charter/charter.cc's kAgreements: strategy 3 of
# 4 in place (strategy_checked_decisions missing); synergy 1 of 3
# (feedback_language missing; styles: only anna of five members has one);
# structure 2 of 3 (topic_owners missing); steering 1 of 4 (one KPI where
# the method asks 6 to 10, no moments, no communication; the risk has an
# owner); success 1 of 3 before any check (goals), 3 of 3 after one. Lowest:
# steering, whose first agreement missing is "kpis".
CHARTER = {
    "strategy": {
        "shared_sentence": "We succeed when the plan lands",
        "priorities": ["Growth", "Talent", "Margin"],
        "not_doing": ["New markets"],
    },
    "synergy": {
        "disagreement_norm": "Disagree inside, commit outside",
        "styles": [{"member_id": "anna", "style": "decisive",
                    "pitfall": "Rushes"}],
    },
    "structure": {
        "decision_register": [{"topic": "Budget",
                               "model": "DECISION_MODEL_CONSENT",
                               "owner_id": "bram"}],
        "meeting_blocks": ["Check-in", "Decisions", "Discussion", "Close"],
    },
    "steering": {
        "kpis": [{"name": "Revenue", "owner_id": "carla", "target": "+5%",
                  "priority": "Growth"}],
        "risks": [{"description": "Key people leave", "owner_id": "daan"}],
    },
    "success": {"goals": [{"goal": "Shorter meetings", "progress": 40}]},
}


def team() -> fives.Journal:
    j = fives.Journal.new("board", "Board MT")
    for member_id, name in MEMBERS.items():
        j.add_member(member_id, name, D(2026, 1, 5))
    return j


def chartered() -> fives.Journal:
    j = team()
    j.set_charter(CHARTER, D(2026, 3, 1))
    return j


def by_key(review):
    return {p.key: p for p in review.pillars}


def copy_of(message):
    return json.loads(json.dumps(message))


class CharterTest(unittest.TestCase):
    def test_no_charter(self):
        with team() as j:
            self.assertEqual(j.charter(), fives.Charter())
            self.assertEqual(j.charter("typed"), fives.Charter())
            self.assertEqual(j.charter("dict"), {})
            self.assertEqual(j.charter("json"), "{}")
            self.assertEqual(j.charter("text"), "")
            self.assertEqual(j.charter("bytes"), b"")
            review = j.review_charter(D(2026, 2, 1))
            self.assertIsInstance(review, fives.CharterReview)
            self.assertEqual(review.as_of, D(2026, 2, 1))
            self.assertEqual(review.stale_days, 365)
            self.assertEqual([p.key for p in review.pillars],
                             ["strategy", "synergy", "structure", "steering",
                              "success"])
            self.assertEqual([p.pillar for p in review.pillars],
                             list(fives.Pillar))
            for p in review.pillars:
                self.assertEqual(p.readiness, 0.0)
                self.assertNotIn("readiness", p.to_message())  # 0: absent
                self.assertEqual(len(p.missing), len(p.agreements))
            self.assertEqual(review.next, fives.NextAgreement(
                fives.Pillar.STRATEGY, "shared_sentence",
                fives.NextReason.LOWEST_READINESS))
            self.assertEqual(review.to_message()["next"], {
                "pillar": "PILLAR_STRATEGY", "key": "shared_sentence",
                "reason": "NEXT_REASON_LOWEST_READINESS"})
            self.assertEqual(review.warnings, 0)
            self.assertNotIn("warnings", review.to_message())

    def test_set_and_read_back_in_each_format(self):
        with chartered() as j:
            typed = j.charter()
            assert typed.strategy is not None and typed.steering is not None
            self.assertEqual(typed.strategy.priorities,
                             ("Growth", "Talent", "Margin"))
            self.assertEqual(typed.strategy.shared_sentence_updated,
                             D(2026, 3, 1))
            self.assertIsNone(typed.strategy.strategy_checked_decisions_updated)
            self.assertEqual(typed.steering.kpis[0], fives.Kpi(
                "Revenue", "carla", "+5%", "Growth", D(2026, 3, 1)))
            assert typed.structure is not None
            self.assertEqual(typed.structure.decision_register[0].model,
                             fives.DecisionModel.CONSENT)
            charter = j.charter("dict")
            self.assertEqual(typed.to_message(), charter)
            strategy = charter["strategy"]
            self.assertEqual(strategy["priorities"],
                             ["Growth", "Talent", "Margin"])
            self.assertEqual(strategy["shared_sentence_updated"],
                             "2026-03-01")
            self.assertNotIn("strategy_checked_decisions_updated", strategy)
            self.assertEqual(charter["steering"]["kpis"][0]["updated"],
                             "2026-03-01")
            self.assertEqual(charter["structure"]["decision_register"][0]
                             ["model"], "DECISION_MODEL_CONSENT")
            self.assertEqual(j.charter("text").count('"2026-03-01"'), 10)
            text, data = j.charter("text"), j.charter("bytes")
            self.assertIn('shared_sentence: "We succeed when the plan lands"',
                          text)
            self.assertIsInstance(data, bytes)
            self.assertEqual(json.loads(j.charter("json")), charter)
            # Each form set again on a later day: every agreement is dated
            # and unchanged, so nothing changes.
            for again, fmt in ((charter, None), (typed, None),
                               (typed, "json"), (j.charter("json"), None),
                               (data, None), (bytearray(data), "bytes"),
                               (memoryview(data), None), (text, "text"),
                               (charter, "dict"), (j.charter("json"), "json")):
                if fmt is None:
                    j.set_charter(again, D(2026, 4, 1))
                else:
                    j.set_charter(again, D(2026, 4, 1), format=fmt)
                self.assertEqual(j.charter("bytes"), data)

    def test_an_edit_is_dated_today(self):
        with chartered() as j:
            # Edited as a dict ...
            charter = j.charter("dict")
            charter["synergy"]["disagreement_norm"] += ", say so"
            j.set_charter(charter, D(2026, 6, 2))
            # ... and typed, with dataclasses.replace.
            typed = j.charter()
            assert typed.steering is not None
            j.set_charter(dataclasses.replace(typed, steering=dataclasses.replace(
                typed.steering, kpis=typed.steering.kpis + (fives.Kpi(
                    name="Churn", owner_id="eva", priority="Margin"),))),
                D(2026, 6, 2))
            after = j.charter()
            assert after.synergy is not None and after.strategy is not None
            assert after.steering is not None
            self.assertEqual(after.synergy.disagreement_norm,
                             "Disagree inside, commit outside, say so")
            self.assertEqual(after.synergy.disagreement_norm_updated,
                             D(2026, 6, 2))
            self.assertEqual(after.strategy.shared_sentence_updated,
                             D(2026, 3, 1))
            self.assertEqual([k.updated for k in after.steering.kpis],
                             [D(2026, 3, 1), D(2026, 6, 2)])
            # Without dates, every agreement is confirmed today.
            j.set_charter(CHARTER, D(2026, 6, 3))
            strategy = j.charter().strategy
            assert strategy is not None
            self.assertEqual(strategy.shared_sentence_updated, D(2026, 6, 3))

    def test_review(self):
        with chartered() as j:
            review = j.review_charter(D(2026, 3, 15))
            pillars = by_key(review)
            self.assertEqual(pillars["strategy"].readiness, 0.75)
            self.assertAlmostEqual(pillars["synergy"].readiness, 1 / 3)
            self.assertAlmostEqual(pillars["structure"].readiness, 2 / 3)
            self.assertEqual(pillars["steering"].readiness, 0.25)
            self.assertAlmostEqual(pillars["success"].readiness, 1 / 3)
            self.assertEqual(pillars["strategy"].missing,
                             ("strategy_checked_decisions",))
            self.assertEqual(pillars["synergy"].missing,
                             ("feedback_language", "styles"))
            self.assertEqual(pillars["structure"].missing, ("topic_owners",))
            self.assertEqual(pillars["steering"].missing,
                             ("kpis", "moments", "communication"))
            self.assertEqual(pillars["success"].missing,
                             ("guardian", "check_rhythm"))
            self.assertEqual(
                pillars["strategy"].agreement("shared_sentence"),
                fives.AgreementStatus("shared_sentence",
                                      fives.AgreementState.IN_PLACE,
                                      D(2026, 3, 1)))
            self.assertEqual(pillars["strategy"].to_message()["agreements"][0],
                             {"key": "shared_sentence",
                              "state": "AGREEMENT_STATE_IN_PLACE",
                              "updated": "2026-03-01"})
            self.assertEqual(pillars["steering"].findings, (fives.Finding(
                fives.FindingSeverity.WARNING, "steering.kpis",
                "steering.kpis: 1 KPIs, the method asks 6 to 10"),))
            self.assertEqual(review.pillar("steering"), pillars["steering"])
            self.assertEqual(review.warnings, 1)
            self.assertEqual(review.errors, 0)
            self.assertEqual(review.next, fives.NextAgreement(
                fives.Pillar.STEERING, "kpis",
                fives.NextReason.LOWEST_READINESS))
            self.assertEqual(j.review_charter(D(2026, 3, 15), 365), review)
            # Stale after 30 days.
            stale = by_key(j.review_charter(D(2026, 4, 15), stale_days=30))
            self.assertEqual(stale["strategy"].stale,
                             ("shared_sentence", "priorities", "not_doing"))
            self.assertEqual(stale["structure"].stale,
                             ("decision_register", "meeting_blocks"))
            self.assertEqual(stale["steering"].stale, ("risks",))
            self.assertEqual(stale["success"].stale, ("goals",))
            for p in stale.values():
                self.assertEqual(p.readiness, 0.0)
            self.assertEqual(stale["strategy"].agreements[0].state,
                             fives.AgreementState.STALE)

    def test_next_agreement_follows_the_plan_focus(self):
        with chartered() as j:
            j.start_round("r1", D(2026, 3, 2))
            for member_id in MEMBERS:
                j.add_response("r1", member_id, [3, 4, 2, 4, 4])
            j.close_round("r1", D(2026, 3, 3))
            j.create_plan("r1", D(2026, 3, 4), [
                fives.Action("Decision owners", "A list of topic owners",
                             "bram"),
                fives.Action("Four blocks", "Agendas in four blocks",
                             "carla")], focus="structure")
            self.assertEqual(j.review_charter(D(2026, 3, 15)).next,
                             fives.NextAgreement(fives.Pillar.STRUCTURE,
                                                 "topic_owners",
                                                 fives.NextReason.PLAN_FOCUS))


class SignalTest(unittest.TestCase):
    def test_signals_at_checks_and_their_counts(self):
        with chartered() as j:
            # Numbers count from 1, as "steering:2" on the screens.
            c1 = j.record_check(D(2026, 4, 21), signals=[
                fives.SignalTick("steering", 2),
                (fives.Pillar.STRUCTURE, 1)])
            self.assertEqual(c1, "c1")
            self.assertEqual(j.charter().signals, (
                fives.TickedSignal("c1", fives.Pillar.STEERING, 2),
                fives.TickedSignal("c1", fives.Pillar.STRUCTURE, 1)))
            self.assertEqual(j.charter("dict")["signals"], [
                {"check_id": "c1", "pillar": "PILLAR_STEERING", "number": 2},
                {"check_id": "c1", "pillar": "PILLAR_STRUCTURE", "number": 1}])
            self.assertIn("steering:2", j.render("check", check_id="c1"))
            self.assertEqual(j.to_dict()["checks"][0]["id"], "c1")
            j.tick_signals("c1", [("synergy", 3)])
            j.tick_signals("c1", [])  # nothing to add
            j.record_check(D(2026, 5, 20), signals=[(4, 2)])

            between = by_key(j.review_charter(D(2026, 5, 1)))
            self.assertEqual(between["steering"].signals, (fives.SignalCount(
                2, 1, D(2026, 4, 21), D(2026, 4, 21), True),))
            review = j.review_charter(D(2026, 6, 1))
            self.assertEqual(review.checks, 2)
            pillars = by_key(review)
            self.assertEqual(pillars["steering"].signals, (fives.SignalCount(
                2, 2, D(2026, 4, 21), D(2026, 5, 20), True),))
            self.assertEqual(pillars["synergy"].signals, (fives.SignalCount(
                3, 1, D(2026, 4, 21), D(2026, 4, 21), False),))
            self.assertEqual(pillars["structure"].to_message()["signals"], [{
                "number": 1, "checks": 1, "first": "2026-04-21",
                "last": "2026-04-21"}])
            self.assertEqual(pillars["success"].readiness, 1.0)
            # The journal's signals survive a charter set without them, and
            # a charter that repeats them (typed or as a dict).
            j.set_charter(CHARTER, D(2026, 6, 2))
            self.assertEqual(len(j.charter().signals), 4)
            j.set_charter(j.charter(), D(2026, 6, 3))
            self.assertEqual(len(j.charter().signals), 4)
            j.set_charter(j.charter("dict"), D(2026, 6, 3))
            self.assertEqual(len(j.charter().signals), 4)

    def test_tick_errors_change_nothing(self):
        with chartered() as j:
            j.record_check(D(2026, 4, 21), signals=[("steering", 2)])
            before = j.to_bytes()
            charter = j.charter("bytes")
            lib = _ffi.lib()

            def raw_ticks(request):
                lib.fives_journal_tick_signals(j, request, len(request),
                                               _ffi.FORMAT_JSON)

            cases = [
                (fives.NotFound, 'request.check_id: no check "c9"',
                 lambda: j.tick_signals("c9", [("synergy", 1)])),
                (fives.InvalidArgument, "request.check_id: empty",
                 lambda: j.tick_signals("", [("synergy", 1)])),
                (fives.InvalidArgument,
                 "request.ticks[1].number: 3 is outside the 2 warning "
                 "signals of success (1..2)",
                 lambda: j.tick_signals("c1", [("success", 2),
                                               ("success", 3)])),
                (fives.InvalidArgument,
                 "request.ticks[0].number: 0 is outside the 3 warning "
                 "signals of strategy (1..3)",
                 lambda: j.tick_signals("c1", [("strategy", 0)])),
                (fives.InvalidArgument,
                 "request.ticks[0].number: -1 is outside",
                 lambda: j.tick_signals("c1", [("strategy", -1)])),
                (fives.InvalidArgument,
                 'request.ticks[0]: signal 2 of steering is ticked twice at '
                 'check "c1"',
                 lambda: j.tick_signals("c1", [("steering", 2)])),
                (fives.InvalidArgument,
                 "request.ticks[1]: signal 1 of synergy is ticked twice",
                 lambda: j.tick_signals("c1", [("synergy", 1),
                                               ("synergy", 1)])),
                (fives.InvalidArgument, "check.signals[0].number: 4",
                 lambda: j.record_check(D(2026, 5, 20),
                                        signals=[("steering", 4)])),
                (fives.InvalidArgument,
                 "check.signals[1]: signal 1 of strategy is ticked twice",
                 lambda: j.record_check(D(2026, 5, 20), signals=[
                     ("strategy", 1), ("strategy", 1)])),
                (fives.InvalidArgument, "ticks[0].pillar: 'culture'",
                 lambda: j.tick_signals("c1", [("culture", 1)])),
                (fives.InvalidArgument, "ticks[0].number: 4294967296",
                 lambda: j.tick_signals("c1", [("synergy", 2**32)])),
                # A host of the older schema, by the 0-based field: refused,
                # not read as a number.
                (fives.InvalidArgument,
                 "request.ticks[0].signal: 1: the 0-based field is no longer "
                 "read; give number (1..3)",
                 lambda: raw_ticks(b'{"check_id": "c1", "ticks": [{"pillar": '
                                   b'"PILLAR_SYNERGY", "signal": 1}]}')),
            ]
            for error, message, call in cases:
                with self.subTest(message=message):
                    with self.assertRaises(error) as cm:
                        call()
                    self.assertIn(message, str(cm.exception))
                    self.assertEqual(j.to_bytes(), before)
                    self.assertEqual(j.charter("bytes"), charter)

    def test_through_the_table(self):
        # The C functions directly: stale_days 0 is the default of 365, a
        # negative age is refused; a SignalTickRequest in text format.
        with chartered() as j:
            j.record_check(D(2026, 4, 21))
            lib = _ffi.lib()
            zero = _ffi.call_buffer(lib.fives_journal_review_charter, j,
                                    b"2026-05-01", 0, _ffi.FORMAT_BINARY)
            default = _ffi.call_buffer(lib.fives_journal_review_charter, j,
                                       b"2026-05-01", 365, _ffi.FORMAT_BINARY)
            self.assertEqual(zero, default)
            with self.assertRaises(fives.InvalidArgument) as cm:
                _ffi.call_buffer(lib.fives_journal_review_charter, j,
                                 b"2026-05-01", -7, _ffi.FORMAT_JSON)
            self.assertIn("stale_days: -7 is negative", str(cm.exception))
            request = (b'check_id: "c1" ticks { pillar: PILLAR_SUCCESS '
                       b'number: 1 }')
            lib.fives_journal_tick_signals(j, request, len(request),
                                           _ffi.FORMAT_TEXT)
            self.assertEqual(j.charter().signals, (fives.TickedSignal(
                "c1", fives.Pillar.SUCCESS, 1),))
            with self.assertRaises(fives.InvalidArgument) as cm:
                lib.fives_journal_tick_signals(j, b"{", 1, _ffi.FORMAT_JSON)
            self.assertIn("request", str(cm.exception))
            with self.assertRaises(fives.InvalidArgument) as cm:
                lib.fives_journal_set_charter(j, b"strategy {", 10,
                                              _ffi.FORMAT_TEXT, b"2026-05-01")
            self.assertIn("charter", str(cm.exception))


class ErrorTest(unittest.TestCase):
    def test_set_charter_errors_change_nothing(self):
        with chartered() as j:
            j.record_check(D(2026, 4, 21), signals=[("steering", 1)])
            before = j.to_bytes()
            charter = j.charter("bytes")

            def changed(edit):
                message = copy_of(CHARTER)
                edit(message)
                return message

            cases = [
                ('charter.steering.kpis[0].owner_id: "zed" is not a member '
                 'of the team',
                 changed(lambda c: c["steering"]["kpis"][0].update(
                     owner_id="zed"))),
                ("charter.strategy.not_doing_updated: \"2026-02-30\" is not "
                 "an ISO-8601 date",
                 changed(lambda c: c["strategy"].update(
                     not_doing_updated="2026-02-30"))),
                ("charter.structure.decision_register[0].model: "
                 "DECISION_MODEL_UNSPECIFIED",
                 changed(lambda c: c["structure"]["decision_register"][0]
                         .pop("model"))),
                ("charter.success.goals[0].progress: 140 is outside 0..100",
                 changed(lambda c: c["success"]["goals"][0].update(
                     progress=140))),
                ("charter.signals: 1 ticks that differ",
                 {"signals": [{"check_id": "c1", "pillar": "PILLAR_SUCCESS",
                               "number": 1}]}),
                ("charter.signals[0].number: 0 is outside the 2 warning "
                 "signals of success (1..2)",
                 {"signals": [{"check_id": "c1", "pillar": "PILLAR_SUCCESS"}]}),
                ("charter.signals[0].signal: 1: the 0-based field is no "
                 "longer read; give number (1..2)",
                 {"signals": [{"check_id": "c1", "pillar": "PILLAR_SUCCESS",
                               "signal": 1}]}),
                ("charter: not JSON", {"bogus": 1}),
                ("charter: not JSON", "{"),
                ("charter: the bytes are not a fives.v1.Charter",
                 b"\x0a\xff\xff"),
            ]
            for message, bad in cases:
                with self.subTest(message=message):
                    with self.assertRaises(fives.InvalidArgument) as cm:
                        j.set_charter(bad, D(2026, 6, 2))
                    self.assertIn(message, str(cm.exception))
                    self.assertEqual(j.to_bytes(), before)
                    self.assertEqual(j.charter("bytes"), charter)
            with self.assertRaises(fives.InvalidArgument) as cm:
                j.set_charter("strategy {", D(2026, 6, 2), format="text")
            self.assertIn("charter", str(cm.exception))
            # A member who joins later is not yet a member on `today`.
            j.add_member("zoe", "Zoe", D(2026, 7, 1))
            before = j.to_bytes()
            with self.assertRaises(fives.InvalidArgument) as cm:
                j.set_charter(changed(lambda c: c["steering"]["kpis"][0]
                                      .update(owner_id="zoe")),
                              D(2026, 6, 2))
            self.assertIn('charter.steering.kpis[0].owner_id: "zoe" is not a '
                          'current member on 2026-06-02', str(cm.exception))
            self.assertEqual(j.to_bytes(), before)

    def test_wrong_types(self):
        with chartered() as j:
            j.record_check(D(2026, 4, 21))
            before = j.to_bytes()
            type_errors = [
                ("format", lambda: j.charter(1)),
                ("format", lambda: j.charter(None)),
                ("charter", lambda: j.set_charter(3, D(2026, 6, 2))),
                ("charter", lambda: j.set_charter(None, D(2026, 6, 2))),
                ("charter", lambda: j.set_charter(CHARTER, D(2026, 6, 2),
                                                  format="text")),
                ("charter", lambda: j.set_charter(b"", D(2026, 6, 2),
                                                  format="json")),
                ("charter", lambda: j.set_charter("{}", D(2026, 6, 2),
                                                  format="bytes")),
                ("format", lambda: j.set_charter(CHARTER, D(2026, 6, 2),
                                                 format=2)),
                ("today", lambda: j.set_charter(CHARTER, "2026-06-02")),
                ("today", lambda: j.set_charter(
                    CHARTER, datetime.datetime(2026, 6, 2, 9, 0))),
                ("as_of", lambda: j.review_charter("2026-06-02")),
                ("as_of", lambda: j.review_charter(None)),
                ("stale_days", lambda: j.review_charter(D(2026, 6, 2), 1.5)),
                ("stale_days", lambda: j.review_charter(D(2026, 6, 2), "30")),
                ("stale_days", lambda: j.review_charter(D(2026, 6, 2), True)),
                ("check_id", lambda: j.tick_signals(1, [])),
                ("check_id", lambda: j.tick_signals(None, [])),
                ("ticks", lambda: j.tick_signals("c1", "steering")),
                ("ticks", lambda: j.tick_signals("c1", 3)),
                ("ticks", lambda: j.tick_signals(
                    "c1", fives.SignalTick("steering", 1))),
                ("ticks[0]", lambda: j.tick_signals("c1", [("steering",)])),
                ("ticks[0]", lambda: j.tick_signals("c1", [object()])),
                ("ticks[0]", lambda: j.tick_signals("c1", [["steering", 1]])),
                ("ticks[0].number", lambda: j.tick_signals(
                    "c1", [("steering", "1")])),
                ("ticks[0].number", lambda: j.tick_signals(
                    "c1", [("steering", 1.0)])),
                ("ticks[1].number", lambda: j.tick_signals(
                    "c1", [("steering", 1), ("steering", False)])),
                ("ticks[0].pillar", lambda: j.tick_signals(
                    "c1", [(None, 1)])),
                ("signals[0]", lambda: j.record_check(D(2026, 5, 20),
                                                      signals=[1])),
                ("signals", lambda: j.record_check(D(2026, 5, 20),
                                                   signals="steering")),
            ]
            for field, call in type_errors:
                with self.subTest(field=field):
                    with self.assertRaises(TypeError) as cm:
                        call()
                    self.assertTrue(str(cm.exception).startswith(field + ":"),
                                    str(cm.exception))
                    self.assertEqual(j.to_bytes(), before)
            value_errors = [
                ("format", lambda: j.charter("xml")),
                ("format", lambda: j.set_charter(CHARTER, D(2026, 6, 2),
                                                 format="yaml")),
                ("stale_days", lambda: j.review_charter(D(2026, 6, 2), 0)),
                ("stale_days", lambda: j.review_charter(D(2026, 6, 2), -1)),
                ("stale_days", lambda: j.review_charter(D(2026, 6, 2),
                                                        2**31)),
                ("check_id", lambda: j.tick_signals("c\0", [])),
                ("ticks[0].pillar", lambda: j.tick_signals(
                    "c1", [(6, 1)])),
            ]
            for field, call in value_errors:
                with self.subTest(field=field):
                    with self.assertRaises(fives.InvalidArgument) as cm:
                        call()
                    self.assertIn(field, str(cm.exception))
                    self.assertEqual(j.to_bytes(), before)

    def test_closed_journal(self):
        j = chartered()
        j.close()
        for call in (lambda: j.charter(), lambda: j.charter("bytes"),
                     lambda: j.set_charter(CHARTER, D(2026, 6, 2)),
                     lambda: j.review_charter(D(2026, 6, 2)),
                     lambda: j.tick_signals("c1", [("steering", 1)])):
            with self.assertRaises(fives.ClosedError):
                call()

    def test_signal_tick_is_exported(self):
        self.assertIn("SignalTick", fives.__all__)
        tick = fives.SignalTick(fives.Pillar.SYNERGY, 2)
        self.assertEqual(tick.number, 2)
        self.assertEqual(tick.to_message(),
                         {"pillar": "PILLAR_SYNERGY", "number": 2})
        with self.assertRaises(TypeError):
            fives.SignalTick("synergy", "2").to_message()


if __name__ == "__main__":
    unittest.main()
