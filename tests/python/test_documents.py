"""fives.Journal.meeting_report and fives.Journal.document."""

import datetime
import re
import unittest
import xml.etree.ElementTree as ET

import fives

D = datetime.date
MEMBERS = {"anna": "Anna", "bram": "Bram <B>", "carla": "Carla",
           "daan": "Daan", "eva": "Eva"}
# Strategy, synergy, structure, steering, success.
FIRST = {"anna": [4, 4, 2, 3, 4], "bram": [4, 3, 5, 3, 3],
         "carla": [3, 4, 1, 4, 4], "daan": [4, 5, 5, 2, 3],
         "eva": [5, 4, 1, 3, 4]}
SECOND = {"anna": [4, 4, 4, 3, 4], "bram": [4, 4, 5, 3, 3],
          "carla": [4, 4, 4, 4, 4], "daan": [4, 5, 5, 3, 4],
          "eva": [5, 4, 4, 3, 4]}
AS_OF = D(2026, 12, 10)
SVG = "{http://www.w3.org/2000/svg}"


def build() -> fives.Journal:
    """Two closed rounds (r1 of 2 November 2026, r2 of 7 December 2026), a
    plan p1 on r1 with a1 (bram, due 24 November, open, so overdue on 10
    December) and a2 (carla, done)."""
    j = fives.Journal.new("board", "Board & MT")
    for member_id, name in MEMBERS.items():
        j.add_member(member_id, name, D(2026, 1, 5))
    for round_id, day, mode, scores in (
            ("r1", D(2026, 11, 2), "open", FIRST),
            ("r2", D(2026, 12, 7), "confidential", SECOND)):
        j.start_round(round_id, day, mode)
        for member_id, values in scores.items():
            j.add_response(round_id, member_id, values)
        j.close_round(round_id, day + datetime.timedelta(days=1))
        if round_id == "r1":
            j.create_plan("r1", D(2026, 11, 3), [
                fives.Action("Decision model <per topic>",
                             "A decision table in the MT folder", "bram",
                             due=D(2026, 11, 24)),
                fives.Action("Four-block agenda",
                             "Every agenda has the four blocks", "carla"),
            ])
            j.open_action("a1", D(2026, 11, 4))
            j.open_action("a2", D(2026, 11, 4))
            j.complete_action("a2", D(2026, 11, 20))
    return j


class MeetingReportTest(unittest.TestCase):
    def setUp(self):
        self.j = build()

    def tearDown(self):
        self.j.close()

    def test_latest_round(self):
        m = self.j.meeting_report(AS_OF)
        self.assertIsInstance(m, fives.MeetingReport)
        self.assertEqual(m.as_of, D(2026, 12, 10))
        assert m.round is not None
        self.assertEqual(m.round.round_id, "r2")
        self.assertEqual(m.round.mode, fives.RoundMode.CONFIDENTIAL)
        self.assertEqual(m.round.respondents, 5)
        self.assertEqual(len(m.round.pillars), 5)
        assert m.next_check is not None
        self.assertIsNotNone(m.next_check.state)
        # The plan in force is p1 (made on r1), with both actions.
        assert m.plan is not None
        self.assertEqual(m.plan.id, "p1")
        self.assertEqual([a.id for a in m.plan_actions], ["a1", "a2"])
        self.assertEqual(m.plan_actions[1].status, fives.ActionStatus.DONE)
        # a1 was due on 24 November and is still open.
        self.assertEqual([a.id for a in m.overdue], ["a1"])
        self.assertEqual(m.guardian_id, self.j.guardian(AS_OF))
        self.assertEqual(m.display_name("bram"), "Bram <B>")
        names = {n["member_id"]: n["display_name"]
                 for n in m.to_message()["member_names"]}
        self.assertEqual(names["bram"], "Bram <B>")
        self.assertEqual(self.j.meeting_report(AS_OF, "r2"), m)
        self.assertEqual(self.j.meeting_report(AS_OF, round_id=None,
                                               language="en"), m)

    def test_named_round_and_language(self):
        m = self.j.meeting_report(D(2026, 11, 10), "r1", "nl")
        self.assertEqual(m.as_of, D(2026, 11, 10))
        assert m.round is not None
        self.assertEqual(m.round.round_id, "r1")
        self.assertEqual(m.round.language, "nl")
        self.assertEqual(m.round.focus, fives.Pillar.STRUCTURE)
        # Nothing was overdue yet on 10 November.
        self.assertEqual(m.overdue, ())
        self.assertNotIn("overdue", m.to_message())
        english = self.j.meeting_report(D(2026, 11, 10), "r1").round
        assert english is not None
        self.assertNotEqual(m.round.suggestions, english.suggestions)

    def test_errors(self):
        with self.assertRaises(fives.NotFound) as e:
            self.j.meeting_report(AS_OF, "r9")
        self.assertIn("r9", str(e.exception))
        with self.assertRaises(TypeError):
            self.j.meeting_report("2026-12-10")
        with self.assertRaises(TypeError):
            self.j.meeting_report(datetime.datetime(2026, 12, 10))
        with self.assertRaises(TypeError):
            self.j.meeting_report(None)
        with self.assertRaises(TypeError):
            self.j.meeting_report(AS_OF, 7)
        with self.assertRaises(fives.InvalidArgument) as e:
            self.j.meeting_report(AS_OF, language="de")
        self.assertIn("language", str(e.exception))
        with self.assertRaises(TypeError):
            self.j.meeting_report(AS_OF, language=None)
        empty = fives.Journal.new("t", "T")
        empty.add_member("a", "A", D(2026, 1, 5))
        with self.assertRaises(fives.NotFound):
            empty.meeting_report(AS_OF)
        with self.assertRaises(fives.NotFound):
            empty.document("html", AS_OF)
        empty.close()


class DocumentTest(unittest.TestCase):
    def setUp(self):
        self.j = build()

    def tearDown(self):
        self.j.close()

    def test_markdown(self):
        md = self.j.document("markdown", AS_OF)
        self.assertIsInstance(md, str)
        self.assertTrue(md.startswith("# 5S report: Board & MT\n"), md[:80])
        self.assertIn("7 December 2026", md)
        self.assertIn("As of 10 December 2026", md)
        # Names and titles are shown literally: no HTML gets into the page.
        self.assertIn("Decision model \\<per topic\\> | Bram \\<B\\>", md)
        self.assertNotIn("<per topic>", md)
        self.assertNotIn("<svg", md)
        nl = self.j.document("markdown", AS_OF, language="nl")
        self.assertTrue(nl.startswith("# 5S-rapport: Board & MT\n"), nl[:80])
        self.assertIn("7 december 2026", nl)

    def test_html(self):
        html = self.j.document("html", AS_OF)
        self.assertIsInstance(html, str)
        self.assertTrue(html.startswith("<!DOCTYPE html>\n"), html[:40])
        self.assertIn('<html lang="en">', html)
        self.assertEqual(html.count("<svg"), 3)
        self.assertNotIn("<?xml", html)
        self.assertNotIn("<script", html)
        self.assertIn("Board &amp; MT", html)
        self.assertIn("Decision model &lt;per topic&gt;", html)
        self.assertIn("Bram &lt;B&gt;", html)
        self.assertIn("24 November 2026", html)  # a1's due date
        self.assertTrue(html.endswith("</html>\n"))
        self.assertEqual(html, self.j.document("html", AS_OF))

    def test_dutch_html(self):
        html = self.j.document("html", AS_OF, language="nl")
        self.assertTrue(html.startswith("<!DOCTYPE html>\n"))
        self.assertIn('<html lang="nl">', html)
        self.assertIn("7 december 2026", html)  # r2's date
        self.assertIn("Stand van zaken op 10 december 2026", html)
        self.assertIn("24 november 2026", html)
        self.assertNotIn("December", html)
        # Decimal commas in the table: the means are n/5, e.g. 4,40.
        self.assertRegex(html, r'<td class="num">\d,\d\d</td>')
        self.assertNotRegex(html, r'<td class="num">\d\.\d')
        self.assertNotEqual(html, self.j.document("html", AS_OF))

    def test_pictures(self):
        pictures = {}
        for kind in ("radar", "strips", "trend"):
            with self.subTest(kind=kind):
                svg = self.j.document(kind, AS_OF)
                self.assertIsInstance(svg, str)
                self.assertTrue(svg.startswith("<?xml"), svg[:40])
                self.assertIn("<svg", svg)
                root = ET.fromstring(svg.encode("utf-8"))
                self.assertEqual(root.tag, SVG + "svg")
                self.assertIsNotNone(root.find(SVG + "title"))
                self.assertEqual(svg, self.j.document(kind, AS_OF))
                pictures[kind] = svg
        self.assertEqual(len(set(pictures.values())), 3)
        # The trend covers every round; the radar names both rounds.
        self.assertIn("r1", pictures["trend"])
        self.assertIn("r2", pictures["trend"])
        self.assertIn("Board &amp; MT", pictures["radar"])
        nl = self.j.document("strips", AS_OF, language="nl")
        self.assertNotEqual(nl, pictures["strips"])
        self.assertRegex(nl, r"\d,\d")

    def test_round_and_keywords(self):
        md = self.j.document("markdown", D(2026, 11, 10), round_id="r1")
        self.assertIn("2 November 2026", md)
        self.assertIn("Focus: Structure", md)
        self.assertEqual(
            self.j.document(kind="markdown", as_of=AS_OF, round_id="r2",
                            language="en"),
            self.j.document("markdown", AS_OF))

    def test_errors(self):
        for kind in ("pdf", "", "HTML", "svg", "Markdown"):
            with self.subTest(kind=kind):
                with self.assertRaises(fives.InvalidArgument) as e:
                    self.j.document(kind, AS_OF)
                self.assertIn("kind", str(e.exception))
        for kind in (None, 2, b"html", ["html"]):
            with self.subTest(kind=kind):
                with self.assertRaises(TypeError):
                    self.j.document(kind, AS_OF)
        for as_of in ("2026-12-10", None, 20261210,
                      datetime.datetime(2026, 12, 10)):
            with self.subTest(as_of=as_of):
                with self.assertRaises(TypeError):
                    self.j.document("html", as_of)
        with self.assertRaises(fives.NotFound) as e:
            self.j.document("html", AS_OF, round_id="r9")
        self.assertIn("r9", str(e.exception))
        with self.assertRaises(fives.InvalidArgument):
            self.j.document("radar", AS_OF, language="fr")
        with self.assertRaises(fives.InvalidArgument):
            self.j.document("radar", AS_OF, round_id="r\0")

    def test_closed_journal(self):
        j = build()
        j.close()
        with self.assertRaises(fives.ClosedError):
            j.document("html", AS_OF)
        with self.assertRaises(fives.ClosedError):
            j.meeting_report(AS_OF)


if __name__ == "__main__":
    unittest.main()
