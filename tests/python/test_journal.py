"""fives.Journal: every method, errors, dates, closed handles, files."""

import datetime
import gc
import os
import pathlib
import pickle
import shutil
import tempfile
import threading
import unittest
import weakref

import fives

D = datetime.date
MEMBERS = {"anna": "Anna", "bram": "Bram", "carla": "Carla", "daan": "Daan",
           "eva": "Eva"}
# Strategy, synergy, structure, steering, success.
FIRST = {"anna": [4, 4, 2, 3, 4], "bram": [4, 3, 5, 3, 3],
         "carla": [3, 4, 1, 4, 4], "daan": [4, 5, 5, 2, 3],
         "eva": [5, 4, 1, 3, 4]}
SECOND = {"anna": [4, 4, 4, 3, 4], "bram": [4, 4, 5, 3, 3],
          "carla": [4, 4, 4, 4, 4], "daan": [4, 5, 5, 3, 4],
          "eva": [5, 4, 4, 3, 4]}


def team() -> fives.Journal:
    j = fives.Journal.new("board", "Board MT")
    for member_id, name in MEMBERS.items():
        j.add_member(member_id, name, D(2026, 1, 5))
    return j


def closed_round(j: fives.Journal, round_id="r1", day=D(2026, 11, 2),
                 mode="open", scores=FIRST) -> None:
    j.start_round(round_id, day, mode)
    for member_id, values in scores.items():
        j.add_response(round_id, member_id, values)
    j.close_round(round_id, day + datetime.timedelta(days=1))


def with_plan(j: fives.Journal) -> str:
    closed_round(j)
    return j.create_plan("r1", D(2026, 11, 3), [
        fives.Action("Choose a decision model per topic",
                     "A decision table in the MT folder", "bram",
                     due=D(2026, 11, 24)),
        fives.Action("Four-block agenda", "Every agenda has the four blocks",
                     "carla"),
    ], note="Split on structure: we talked first")


class CycleTest(unittest.TestCase):
    def test_whole_cycle(self):
        with team() as j:
            closed_round(j)
            report = j.report()
            self.assertIsInstance(report, fives.RoundReport)
            self.assertEqual(report.round_id, "r1")
            self.assertEqual(report.respondents, 5)
            self.assertEqual(report.mode, fives.RoundMode.OPEN)
            self.assertEqual(len(report.pillars), 5)
            structure = report.pillars[2]
            self.assertEqual(structure.pillar, fives.Pillar.STRUCTURE)
            self.assertEqual(structure.label, "split")
            self.assertEqual(report.focus, fives.Pillar.STRUCTURE)
            self.assertTrue(report.suggestions)
            # The dict form is the library's JSON, as before.
            message = report.to_message()
            self.assertEqual(message["focus"], "PILLAR_STRUCTURE")
            self.assertEqual(message["pillars"][2]["label"],
                             "AGREEMENT_LABEL_SPLIT")
            self.assertEqual(j.report("r1"), report)
            self.assertNotEqual(j.report("r1", "nl").suggestions,
                                report.suggestions)
            text = j.report_text()
            self.assertIn("Board MT", text)
            self.assertIn("split", text)
            self.assertIn("Board MT", j.report_text("r1", language="nl"))

            plan_id = j.create_plan("r1", D(2026, 11, 3), [
                fives.Action("Choose a decision model", "A decision table",
                             "bram", due=D(2026, 11, 24)),
                fives.Action("Four-block agenda", "Agendas in four blocks",
                             "carla"),
            ], note="talked first")
            self.assertEqual(plan_id, "p1")
            a1, a2 = j.plan_actions(plan_id)
            self.assertEqual((a1, a2), ("a1", "a2"))
            plan = j.to_dict()["plans"][0]
            self.assertEqual(plan["focus"], "PILLAR_STRUCTURE")
            self.assertEqual(plan["note"], "talked first")
            actions = j.to_dict()["actions"]
            self.assertEqual(actions[0]["due"], "2026-11-24")
            self.assertEqual(actions[1]["due"], "2026-12-03")  # + 30 days

            j.open_action(a1, D(2026, 11, 4))
            j.open_action(a2, D(2026, 11, 4))
            j.add_feedback(a1, D(2026, 11, 13), "bram", "Draft shared", 60)
            j.add_feedback(a2, D(2026, 11, 14), "anna", "Looks good")
            j.complete_action(a1, D(2026, 11, 20))
            feedback = j.to_dict()["actions"][0]["feedback"]
            self.assertEqual(feedback[0]["progress"], 60)
            self.assertNotIn("progress", j.to_dict()["actions"][1]["feedback"][0])

            follow = j.follow_up(D(2026, 12, 1))
            self.assertEqual(follow.as_of, D(2026, 12, 1))
            self.assertEqual([a.id for a in follow.open], ["a2"])
            self.assertEqual([a.id for a in follow.celebrate], ["a1"])
            self.assertEqual([a.id for a in follow.due_soon], ["a2"])
            self.assertEqual(j.follow_up(D(2026, 12, 1), owner_id="bram")
                             .open, ())
            self.assertEqual(j.follow_up(D(2026, 12, 1), pillar="structure")
                             .pillar, fives.Pillar.STRUCTURE)

            self.assertEqual(j.check_status(D(2026, 12, 1)).state,
                             fives.CheckState.NOT_DUE)
            status = j.check_status(D(2026, 12, 15))
            self.assertEqual(status.state, fives.CheckState.DUE)
            self.assertEqual(status.anchor, D(2026, 11, 3))
            self.assertEqual(status.to_message()["anchor"], "2026-11-03")
            self.assertEqual(j.check_status(D(2027, 2, 1)).state,
                             fives.CheckState.OVERDUE)

            guardian = j.guardian(D(2026, 12, 15))
            self.assertEqual(guardian, "anna")
            check_id = j.record_check(
                D(2026, 12, 15),
                helps=["Decisions are written down"],
                chafes=["Meetings overrun"],
                hinders=["Operational topics"],
                agreements=["The guardian closes with the decision log"],
                reviews=[fives.Review(a2, "replanned", new_due=D(2026, 12, 29),
                                      note="Two agendas to go")],
                agreement_actions=[fives.AgreementAction(0, fives.Action(
                    "Decision log", "Log up to date", "daan",
                    pillar=fives.Pillar.STRUCTURE))])
            self.assertEqual(check_id, "c1")
            check = j.to_dict()["checks"][0]
            self.assertEqual(check["facilitator_id"], "anna")
            self.assertEqual(check["reviews"][0]["outcome"],
                             "REVIEW_OUTCOME_REPLANNED")
            self.assertEqual(check["action_ids"], ["a3"])
            self.assertEqual(j.guardian(D(2026, 12, 16)), "bram")
            j.complete_action(a2, D(2026, 12, 19))

            closed_round(j, "r2", D(2026, 12, 21), "confidential", SECOND)
            comparison = j.compare_rounds("r1", "r2")
            self.assertEqual(comparison.before_round_id, "r1")
            self.assertEqual(len(comparison.pillars), 5)
            self.assertIsNotNone(comparison.pillars[2].verdict)
            latest = j.report()
            self.assertEqual(latest.round_id, "r2")
            self.assertEqual(latest.mode, fives.RoundMode.CONFIDENTIAL)
            assert latest.focus_trend is not None
            self.assertEqual(latest.focus_trend.pillar, fives.Pillar.STRUCTURE)

            j.member_leaves("eva", D(2027, 1, 10))
            self.assertEqual(j.to_dict()["team"]["members"][4]["left"],
                             "2027-01-10")
            self.assertIn("Looks good", j.to_json())
            j.forget_member("anna")
            text = j.to_json()
            self.assertNotIn("anna", text)
            self.assertNotIn("Anna", text)
            self.assertNotIn("Looks good", text)  # her feedback text is gone
        self.assertTrue(j.closed)

    def test_dict_scores_and_left_out_pillars(self):
        config = {"actions_per_plan": 2}
        with fives.Journal.new("t", "T", config) as j:
            for m in ("a", "b", "c"):
                j.add_member(m, m.upper(), D(2026, 1, 1))
            j.start_round("r", D(2026, 2, 1), "open")
            j.add_response("r", "a", {"strategy": 4, fives.Pillar.SYNERGY: 3,
                                      3: 5, "PILLAR_STEERING": 2, "success": 1})
            with self.assertRaises(fives.InvalidArgument) as cm:
                j.add_response("r", "b", [4, None, 3, 3, 3])
            self.assertIn("synergy is missing", str(cm.exception))
            with self.assertRaises(fives.InvalidArgument):
                j.add_response("r", "b", {"strategy": 4})
            scores = j.to_dict()["rounds"][0]["responses"][0]["scores"]
            self.assertEqual([s["score"] for s in scores], [4, 3, 5, 2, 1])


class RoundOptionsTest(unittest.TestCase):
    def test_options_go_through_the_round_request(self):
        with team() as j:
            # The agreement thresholds are the team's: a round cannot set
            # its own, and the refused call adds nothing.
            with self.assertRaises(fives.InvalidArgument) as cm:
                j.start_round("r1", D(2026, 2, 1), "confidential",
                              shared_rwg=0.8)
            self.assertIn("round.agreement", str(cm.exception))
            self.assertEqual(j.to_dict().get("rounds", []), [])
            j.start_round("r1", D(2026, 2, 1), "confidential",
                          pillars=["structure", fives.Pillar.STEERING],
                          allow_partial=True, min_responses=4,
                          min_distribution=5, shared_rwg=0.7,
                          split_agreement=0, ad_cutoff=5 / 6)
            r = j.to_dict()["rounds"][0]
            self.assertEqual(r["pillars"], ["PILLAR_STRUCTURE",
                                            "PILLAR_STEERING"])
            self.assertTrue(r["allow_partial"])
            self.assertEqual(r["thresholds"], {"min_responses": 4,
                                               "min_distribution": 5})
            self.assertEqual(r["agreement"]["shared_rwg"], 0.7)
            j.add_response("r1", "anna", [0, 0, 3, 0, 0])  # partial
            with self.assertRaises(fives.InvalidArgument) as cm:
                j.add_response("r1", "bram", [3, 0, 3, 0, 0])
            self.assertIn("not asked", str(cm.exception))
            # Only the given thresholds change; the others keep the team's.
            j.start_round("r2", D(2026, 3, 1), min_distribution=6)
            r2 = j.to_dict()["rounds"][1]
            self.assertEqual(r2["thresholds"]["min_distribution"], 6)
            self.assertEqual(r2["thresholds"]["min_responses"], 3)
            j.start_round("r3", D(2026, 4, 1), pillars=[])  # all five
            self.assertEqual(len(j.to_dict()["rounds"][2]["pillars"]), 5)

    def test_option_errors(self):
        with team() as j:
            before = j.to_bytes()
            with self.assertRaises(fives.InvalidArgument) as cm:
                j.start_round("r1", D(2026, 2, 1), min_responses=2)
            self.assertIn("min_responses", str(cm.exception))
            # The floor of the distribution is 5.
            with self.assertRaises(fives.InvalidArgument) as cm:
                j.start_round("r1", D(2026, 2, 1), min_distribution=4)
            self.assertIn("min_distribution", str(cm.exception))
            with self.assertRaises(fives.InvalidArgument) as cm:
                j.start_round("r1", D(2026, 2, 1), shared_rwg=1.5)
            self.assertIn("shared_rwg", str(cm.exception))
            with self.assertRaises(fives.InvalidArgument):
                j.start_round("r1", D(2026, 2, 1), pillars=["culture"])
            with self.assertRaises(fives.AlreadyExists):
                j.start_round("r0", D(2026, 2, 1))
                j.start_round("r0", D(2026, 2, 2), allow_partial=True)
            with self.assertRaises(TypeError):
                j.start_round("r1", D(2026, 2, 1), pillars="structure")
            with self.assertRaises(TypeError):
                j.start_round("r1", D(2026, 2, 1), min_responses=3.5)
            with self.assertRaises(TypeError):
                j.start_round("r1", D(2026, 2, 1), shared_rwg="0.7")
            with self.assertRaises(TypeError):
                j.start_round("r1", D(2026, 2, 1), allow_partial=1)
            with self.assertRaises(TypeError):
                j.start_round("r1", "2026-02-01", allow_partial=True)
            self.assertEqual(len(j.to_dict()["rounds"]), 1)  # only r0
            self.assertNotEqual(j.to_bytes(), before)

    def test_request_through_the_table(self):
        with team() as j:
            lib = fives._ffi.lib()
            request = b'id: "r1" date: "2026-02-01" mode: ROUND_MODE_OPEN'
            lib.fives_journal_start_round_request(j, request, len(request),
                                                  fives._ffi.FORMAT_TEXT)
            self.assertEqual(j.to_dict()["rounds"][0]["id"], "r1")
            with self.assertRaises(fives.InvalidArgument):
                lib.fives_journal_start_round_request(j, b"{", 1,
                                                      fives._ffi.FORMAT_JSON)


class ErrorTest(unittest.TestCase):
    def test_errors_carry_the_library_message(self):
        with team() as j:
            with self.assertRaises(fives.AlreadyExists) as cm:
                j.add_member("anna", "Anna", D(2026, 2, 1))
            self.assertEqual(cm.exception.code, fives.StatusCode.ALREADY_EXISTS)
            self.assertIn('"anna"', cm.exception.message)
            with self.assertRaises(fives.NotFound) as cm:
                j.report()
            self.assertIn("no closed round", str(cm.exception))
            j.start_round("r1", D(2026, 11, 2), "confidential")
            with self.assertRaises(fives.FailedPrecondition) as cm:
                j.report("r1")
            self.assertIn("only once it is closed", str(cm.exception))
            with self.assertRaises(fives.NotFound):
                j.add_response("r1", "zoe", [3, 3, 3, 3, 3])
            with self.assertRaises(fives.InvalidArgument) as cm:
                j.add_response("r1", "anna", [3, 3, 6, 3, 3])
            self.assertIn("6", str(cm.exception))
            with self.assertRaises(fives.InvalidArgument) as cm:
                fives.Journal.new("", "T")
            self.assertIn("team.id", str(cm.exception))

    def test_refusals_read_in_a_language(self):
        # A date that does not exist, in a journal given as a message: the
        # message for developers names the field, the text for people does
        # not, in English and in Dutch.
        message = {"team": {"id": "t", "name": "T", "members": [
            {"id": "anna", "display_name": "Anna", "joined": "2027-02-30"}]}}
        with self.assertRaises(fives.InvalidArgument) as cm:
            fives.Journal.from_dict(message)
        e = cm.exception
        self.assertEqual(str(e), 'team.members[0].joined: "2027-02-30" is '
                                 'not a date: February 2027 has 28 days')
        self.assertEqual(e.text(), '"2027-02-30" is not a date: February '
                                   '2027 has 28 days')
        self.assertEqual(e.text("en"), e.text())
        self.assertEqual(e.text("nl"), '"2027-02-30" is geen datum: februari '
                                       '2027 heeft 28 dagen')
        self.assertEqual(e.detail_code, "ERROR_CODE_DATE_DAYS_IN_MONTH")
        self.assertEqual(e.detail, {
            "code": "ERROR_CODE_DATE_DAYS_IN_MONTH",
            "args": [{"text": "2027-02-30"}, {"phrase": "month_2"},
                     {"text": "2027"}, {"text": "28"}]})
        self.assertEqual(e.to_message()["status"], 3)
        self.assertEqual(e.to_message()["message"], str(e))
        with self.assertRaises(fives.InvalidArgument) as cm:
            e.text("fr")
        self.assertIn('language: "fr"', str(cm.exception))
        # Pickled (as a worker process hands it back), it keeps all of it.
        again = pickle.loads(pickle.dumps(e))
        self.assertIs(type(again), fives.InvalidArgument)
        self.assertEqual(again.code, fives.StatusCode.INVALID_ARGUMENT)
        self.assertEqual(str(again), str(e))
        self.assertEqual(again.error, e.error)
        self.assertEqual(again.text("nl"), e.text("nl"))

    def test_other_date_refusals_in_dutch(self):
        cases = {
            "2027-13-01": '"2027-13-01" is geen datum: er is geen maand 13',
            "2027-04-00": '"2027-04-00" is geen datum: er is geen dag 0',
            "1-4-2027": '"1-4-2027" is geen datum van de vorm JJJJ-MM-DD',
        }
        for given, dutch in cases.items():
            with self.subTest(given=given):
                with self.assertRaises(fives.InvalidArgument) as cm:
                    fives.Journal.from_dict({"team": {
                        "id": "t", "name": "T", "members": [
                            {"id": "a", "display_name": "A",
                             "joined": given}]}})
                self.assertEqual(cm.exception.text("nl"), dutch)
                self.assertIn(given, str(cm.exception))

    def test_failed_call_changes_nothing(self):
        with team() as j:
            before = j.to_bytes()
            for call in (lambda: j.add_member("anna", "A", D(2026, 1, 1)),
                         lambda: j.member_leaves("zoe", D(2026, 1, 1)),
                         lambda: j.forget_member("zoe"),
                         lambda: j.close_round("r9", D(2026, 1, 1)),
                         lambda: j.open_action("a1", D(2026, 1, 1))):
                with self.assertRaises(fives.Error):
                    call()
                self.assertEqual(j.to_bytes(), before)

    def test_action_life(self):
        with team() as j:
            with_plan(j)
            with self.assertRaises(fives.FailedPrecondition):
                j.complete_action("a1", D(2026, 11, 4))
            j.open_action("a1", D(2026, 11, 4))
            with self.assertRaises(fives.FailedPrecondition):
                j.open_action("a1", D(2026, 11, 5))
            with self.assertRaises(fives.InvalidArgument):
                j.drop_action("a1", D(2026, 11, 5), "")
            j.drop_action("a1", D(2026, 11, 5), "No time this quarter")
            action = j.to_dict()["actions"][0]
            self.assertEqual(action["status"], "ACTION_STATUS_DROPPED")
            self.assertEqual(action["drop_reason"], "No time this quarter")
            with self.assertRaises(fives.NotFound):
                j.complete_action("a9", D(2026, 11, 5))
            with self.assertRaises(fives.InvalidArgument) as cm:
                j.add_feedback("a2", D(2026, 11, 6), "anna", "x", 101)
            self.assertIn("101", str(cm.exception))
            with self.assertRaises(fives.InvalidArgument):
                j.add_feedback("a2", D(2026, 11, 6), "anna", "x", -1)
            with self.assertRaises(TypeError):
                j.add_feedback("a2", D(2026, 11, 6), "anna", "x", 50.0)
            with self.assertRaises(TypeError):
                j.add_feedback("a2", D(2026, 11, 6), "anna", "x", True)
            j.add_feedback("a2", D(2026, 11, 6), "anna", "x", 0)

    def test_plan_errors(self):
        with team() as j:
            closed_round(j)
            with self.assertRaises(fives.InvalidArgument) as cm:
                j.create_plan("r1", D(2026, 11, 3),
                              [fives.Action("x", "y", "anna")])
            self.assertIn("2 per focus", str(cm.exception))
            with self.assertRaises(fives.NotFound):
                j.create_plan("r9", D(2026, 11, 3), [
                    fives.Action("x", "y", "anna"),
                    fives.Action("z", "w", "bram")])
            with self.assertRaises(TypeError):
                j.create_plan("r1", D(2026, 11, 3), [{"title": "x"}])
            with self.assertRaises(TypeError):
                j.create_plan("r1", "2026-11-03", [])
            with self.assertRaises(fives.InvalidArgument):
                j.create_plan("r1", D(2026, 11, 3), [
                    fives.Action("x", "y", "anna", pillar="culture"),
                    fives.Action("z", "w", "bram")])
            plan_id = j.create_plan("r1", D(2026, 11, 3), [
                fives.Action("x", "y", "anna", pillar=4),
                fives.Action("z", "w", "bram")], focus="steering")
            self.assertEqual(j.to_dict()["plans"][0]["focus"],
                             "PILLAR_STEERING")
            self.assertEqual(j.to_dict()["actions"][0]["pillar"],
                             "PILLAR_STEERING")
            with self.assertRaises(KeyError):
                j.plan_actions("p9")
            self.assertEqual(j.plan_actions(plan_id), ["a1", "a2"])

    def test_check_errors(self):
        with team() as j:
            with_plan(j)
            j.open_action("a1", D(2026, 11, 4))
            with self.assertRaises(fives.InvalidArgument) as cm:
                j.record_check(D(2026, 12, 15))
            self.assertIn("not reviewed", str(cm.exception))
            with self.assertRaises(TypeError):
                j.record_check(D(2026, 12, 15), helps="one string")
            with self.assertRaises(TypeError):
                j.record_check(D(2026, 12, 15), helps=[1])
            with self.assertRaises(TypeError):
                j.record_check(D(2026, 12, 15), reviews=[("a1", "kept")])
            with self.assertRaises(fives.InvalidArgument):
                j.record_check(D(2026, 12, 15),
                               reviews=[fives.Review("a1", "maybe")])
            with self.assertRaises(TypeError):
                j.record_check(D(2026, 12, 15), agreement_actions=[
                    fives.AgreementAction("0", fives.Action("x", "y", "anna"))])
            check_id = j.record_check(
                D(2026, 12, 15), facilitator_id="anna",
                reviews=[fives.Review("a1", fives.ReviewOutcome.DONE)])
            self.assertEqual(check_id, "c1")
            self.assertEqual(j.to_dict()["checks"][0]["facilitator_id"], "anna")
            with self.assertRaises(fives.FailedPrecondition) as cm:
                j.record_check(D(2027, 1, 20), facilitator_id="eva")
            self.assertIn("process guardian", str(cm.exception))
            with self.assertRaises(fives.NotFound):
                j.guardian(D(2025, 1, 1))


class TypeTest(unittest.TestCase):
    def test_dates_must_be_dates(self):
        with team() as j:
            for bad in ("2026-11-02", 20261102, None):
                with self.assertRaises(TypeError) as cm:
                    j.start_round("r1", bad)  # type: ignore[arg-type]
                self.assertIn("date", str(cm.exception))
            with self.assertRaises(TypeError) as cm:
                j.start_round("r1", datetime.datetime(2026, 11, 2, 9, 30))
            self.assertIn("datetime.datetime", str(cm.exception))
            with self.assertRaises(TypeError):
                j.add_member("x", "X", "2026-01-01")  # type: ignore[arg-type]
            j.start_round("r1", D(2026, 11, 2))
            self.assertEqual(j.to_dict()["rounds"][0]["date"], "2026-11-02")
            with self.assertRaises(TypeError):
                j.close_round("r1", datetime.datetime.now())

    def test_date_extremes(self):
        with fives.Journal.new("t", "T") as j:
            j.add_member("early", "Early", D(1970, 1, 1))
            j.add_member("leap", "Leap", D(2028, 2, 29))
            members = j.to_dict()["team"]["members"]
            self.assertEqual([m["joined"] for m in members],
                             ["1970-01-01", "2028-02-29"])

    def test_strings_must_be_str(self):
        with team() as j:
            with self.assertRaises(TypeError):
                j.add_member(b"zoe", "Zoe", D(2026, 1, 1))  # type: ignore
            with self.assertRaises(TypeError):
                j.add_member("zoe", None, D(2026, 1, 1))  # type: ignore
            with self.assertRaises(fives.InvalidArgument) as cm:
                j.add_member("zo\0e", "Zoe", D(2026, 1, 1))
            self.assertIn("NUL", str(cm.exception))
            with self.assertRaises(fives.InvalidArgument):
                j.add_member("zoe", "Zo\udcffe", D(2026, 1, 1))
            j.add_member("zoe", "Zoë 🙂", D(2026, 1, 1))
            names = {m["id"]: m["display_name"]
                     for m in j.to_dict()["team"]["members"]}
            self.assertEqual(names["zoe"], "Zoë 🙂")
            with self.assertRaises(TypeError):
                j.report(language=None)  # type: ignore[arg-type]
            with self.assertRaises(TypeError):
                j.report(round_id=1)  # type: ignore[arg-type]

    def test_scores_and_modes(self):
        with team() as j:
            with self.assertRaises(fives.InvalidArgument):
                j.start_round("r1", D(2026, 1, 1), "secret")
            with self.assertRaises(fives.InvalidArgument):
                j.start_round("r1", D(2026, 1, 1), 3)
            with self.assertRaises(TypeError):
                j.start_round("r1", D(2026, 1, 1), None)  # type: ignore
            j.start_round("r1", D(2026, 11, 2), fives.RoundMode.CONFIDENTIAL)
            self.assertEqual(j.to_dict()["rounds"][0]["mode"],
                             "ROUND_MODE_CONFIDENTIAL")
            for bad in ([3, 3, 3, 3], [3] * 6, []):
                with self.assertRaises(fives.InvalidArgument):
                    j.add_response("r1", "anna", bad)
            for bad in ([3, 3, 3.0, 3, 3], [3, 3, "3", 3, 3], [True] * 5,
                        "33333", 33333):
                with self.assertRaises(TypeError):
                    j.add_response("r1", "anna", bad)  # type: ignore
            with self.assertRaises(fives.InvalidArgument):
                j.add_response("r1", "anna", [3, 3, 2**40, 3, 3])
            j.add_response("r1", "anna", (3, 3, 3, 3, 3))


class LifetimeTest(unittest.TestCase):
    def test_closed_journal_raises_without_calling_the_library(self):
        j = team()
        j.close()
        j.close()  # idempotent
        self.assertTrue(j.closed)
        calls = [
            lambda: j.to_bytes(), lambda: j.to_json(), lambda: j.to_dict(),
            lambda: j.to_text(), lambda: j.save("x.journal"),
            lambda: j.add_member("x", "X", D(2026, 1, 1)),
            lambda: j.member_leaves("anna", D(2026, 1, 1)),
            lambda: j.forget_member("anna"),
            lambda: j.start_round("r", D(2026, 1, 1)),
            lambda: j.start_round("r", D(2026, 1, 1), allow_partial=True),
            lambda: j.add_response("r", "anna", [3] * 5),
            lambda: j.close_round("r", D(2026, 1, 1)),
            lambda: j.report(), lambda: j.report_text(),
            lambda: j.compare_rounds("a", "b"),
            lambda: j.create_plan("r", D(2026, 1, 1), []),
            lambda: j.open_action("a1", D(2026, 1, 1)),
            lambda: j.complete_action("a1", D(2026, 1, 1)),
            lambda: j.drop_action("a1", D(2026, 1, 1), "why"),
            lambda: j.add_feedback("a1", D(2026, 1, 1), "anna", "t"),
            lambda: j.follow_up(D(2026, 1, 1)),
            lambda: j.check_status(D(2026, 1, 1)),
            lambda: j.record_check(D(2026, 1, 1)),
            lambda: j.guardian(D(2026, 1, 1)),
            lambda: j.copy(), lambda: pickle.dumps(j),
            lambda: j._as_parameter_,
        ]
        lib = fives._ffi.lib()
        for call in calls:
            # Leave a known last error: a call into the library would clear it.
            with self.assertRaises(fives.InvalidArgument):
                fives.pillar_texts(1, "xx")
            with self.assertRaises(fives.ClosedError) as cm:
                call()
            self.assertIsInstance(cm.exception, fives.FailedPrecondition)
            self.assertIsInstance(cm.exception, ValueError)
            self.assertEqual(str(cm.exception), "journal: closed")
            self.assertIn("xx", lib.fives_last_error().decode())
        with self.assertRaises(fives.ClosedError):
            with j:
                pass
        self.assertIn("closed", repr(j))

    def test_context_manager_closes_on_error(self):
        with self.assertRaises(RuntimeError):
            with team() as j:
                raise RuntimeError("boom")
        self.assertTrue(j.closed)

    def test_garbage_collection_frees(self):
        j = team()
        ref = weakref.ref(j)
        del j
        gc.collect()
        self.assertIsNone(ref())

    def test_constructor_is_internal(self):
        with self.assertRaises(TypeError):
            fives.Journal(None)  # type: ignore[arg-type]

    def test_threads_share_a_journal(self):
        with fives.Journal.new("t", "T") as j:
            def add(k):
                for i in range(50):
                    j.add_member(f"m{k}-{i}", "M", D(2026, 1, 1))
                    j.to_bytes()

            threads = [threading.Thread(target=add, args=(k,)) for k in range(4)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            self.assertEqual(len(j.to_dict()["team"]["members"]), 200)

    def test_close_while_other_threads_call(self):
        j = team()
        errors = []

        def use():
            try:
                for _ in range(200):
                    j.to_bytes()
            except fives.ClosedError:
                errors.append("closed")

        threads = [threading.Thread(target=use) for _ in range(3)]
        for t in threads:
            t.start()
        j.close()
        for t in threads:
            t.join()
        self.assertTrue(j.closed)


class SerializationTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.tmp)

    def test_formats_round_trip(self):
        with team() as j:
            with_plan(j)
            data = j.to_bytes()
            self.assertIsInstance(data, bytes)
            for other in (fives.Journal.from_bytes(data),
                          fives.Journal.from_bytes(bytearray(data)),
                          fives.Journal.from_bytes(memoryview(data)),
                          fives.Journal.from_json(j.to_json()),
                          fives.Journal.from_json(j.to_json().encode()),
                          fives.Journal.from_dict(j.to_dict()),
                          fives.Journal.from_text(j.to_text()),
                          j.copy(), pickle.loads(pickle.dumps(j))):
                with other:
                    self.assertEqual(other.to_bytes(), data)
            self.assertEqual(j.to_dict()["team"]["id"], "board")
            self.assertIn('"visible_result"', j.to_json())  # snake_case
            self.assertIn("team {", j.to_text())

    def test_bad_input(self):
        with self.assertRaises(fives.InvalidArgument):
            fives.Journal.from_bytes(b"\xff\xff\xff")
        with self.assertRaises(fives.InvalidArgument):
            fives.Journal.from_json('{"team": 3}')
        with self.assertRaises(fives.InvalidArgument):
            fives.Journal.from_json("not json")
        with self.assertRaises(fives.InvalidArgument):
            fives.Journal.from_text("team {")
        with self.assertRaises(TypeError):
            fives.Journal.from_bytes("text")  # type: ignore[arg-type]
        with self.assertRaises(TypeError):
            fives.Journal.from_json({"team": {}})  # type: ignore[arg-type]
        with self.assertRaises(TypeError):
            fives.Journal.from_dict("{}")  # type: ignore[arg-type]
        # Validation: a plan on a round that does not exist.
        with team() as j:
            with_plan(j)
            message = j.to_dict()
        message["plans"][0]["round_id"] = "r9"
        with self.assertRaises(fives.InvalidArgument):
            fives.Journal.from_dict(message)

    def test_config(self):
        with fives.Journal.new("t", "T", {"actions_per_plan": 3}) as j:
            self.assertEqual(j.to_dict()["config"]["actions_per_plan"], 3)
        with fives.Journal.new("t", "T", '{"check_min_days": 30}') as j:
            self.assertEqual(j.to_dict()["config"]["check_min_days"], 30)
        with fives.Journal.new("t", "T", b"\x08\x04") as j:  # binary: field 1 = 4
            self.assertEqual(j.to_dict()["config"]["actions_per_plan"], 4)
        with self.assertRaises(fives.InvalidArgument) as cm:
            fives.Journal.new("t", "T", {"actions_per_plan": -1})
        self.assertIn("actions_per_plan", str(cm.exception))
        with self.assertRaises(fives.InvalidArgument):
            fives.Journal.new("t", "T", {"no_such_field": 1})
        with self.assertRaises(TypeError):
            fives.Journal.new("t", "T", 3)  # type: ignore[arg-type]

    def test_files(self):
        path = os.path.join(self.tmp, "mt.journal")
        with team() as j:
            with_plan(j)
            j.save(path)
            data = j.to_bytes()
        with fives.Journal.load(path) as again:
            self.assertEqual(again.to_bytes(), data)
        with fives.Journal.load(pathlib.Path(path)) as again:
            again.add_member("zoe", "Zoe", D(2027, 1, 1))
            again.save(pathlib.Path(path))
        with fives.Journal.load(os.fsencode(path)) as again:  # bytes path
            self.assertEqual(len(again.to_dict()["team"]["members"]), 6)
        with self.assertRaises(fives.NotFound):
            fives.Journal.load(os.path.join(self.tmp, "missing.journal"))
        with self.assertRaises(fives.NotFound):
            with team() as j:
                j.save(os.path.join(self.tmp, "no", "dir", "x.journal"))
        empty = os.path.join(self.tmp, "empty.journal")
        open(empty, "wb").close()
        with self.assertRaises(fives.InvalidArgument):
            fives.Journal.load(empty)
        with open(path, "rb") as f:
            whole = f.read()
        cut = os.path.join(self.tmp, "cut.journal")
        with open(cut, "wb") as f:
            f.write(whole[:len(whole) // 2])
        with self.assertRaises(fives.DataLoss):
            fives.Journal.load(cut)
        with self.assertRaises(TypeError):
            fives.Journal.load(3)  # type: ignore[arg-type]
        with self.assertRaises(fives.InvalidArgument):
            fives.Journal.load("a\0b")

    def test_file_changed_by_another_process_is_not_overwritten(self):
        path = os.path.join(self.tmp, "shared.journal")
        with team() as j:
            j.save(path)
        with fives.Journal.load(path) as mine, \
                fives.Journal.load(path) as theirs:
            theirs.add_member("zoe", "Zoe", D(2027, 1, 1))
            theirs.save(path)
            with open(path, "rb") as f:
                their_bytes = f.read()
            mine.add_member("yves", "Yves", D(2027, 1, 1))
            with self.assertRaises(fives.Aborted) as cm:
                mine.save(path)
            self.assertIn(path, str(cm.exception))
            self.assertIn("changed by another process", str(cm.exception))
            with open(path, "rb") as f:
                self.assertEqual(f.read(), their_bytes)
            theirs.save(path)  # its own save renewed what it remembers
        self.assertEqual([n for n in os.listdir(self.tmp) if ".tmp-" in n],
                         [])


if __name__ == "__main__":
    unittest.main()
