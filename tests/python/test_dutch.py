"""Fully Dutch: every screen of a team whose own texts are Dutch, asked in
Dutch, holds no English word of the catalog. The English words are those of
the catalog's English texts (phrases and pillars) that no Dutch text of the
catalog uses; each screen is searched for them as whole words, in every
format, after the markup of Markdown and HTML is taken out."""

import datetime
import html
import re
import unittest

import fives

D = datetime.date
WORD = re.compile(r"[A-Za-z][A-Za-z'-]{3,}")


ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def words(text):
    return {w.lower() for w in WORD.findall(text)}


def catalog_words():
    """(English-only words, Dutch words) of the built-in catalog."""
    cat = fives.catalog()
    english, dutch = set(), set()
    for p in cat.phrases:
        english |= words(p.en)
        dutch |= words(p.nl)
    for pillar in cat.pillars:
        for texts in pillar.texts:
            target = english if texts.language == "en" else dutch
            for t in (texts.name, texts.summary, *texts.topics,
                      *texts.warning_signals, *texts.practices):
                target |= words(t)
    return english - dutch, dutch


def visible_text(document):
    """What a reader sees: no style sheet, tags, SVG ids or entities."""
    document = re.sub(r"<style>.*?</style>", " ", document, flags=re.S)
    document = re.sub(r"<[^>]*>", " ", document)
    return html.unescape(document)


def dutch_journal():
    j = fives.Journal.new("dt", "Directieteam Noord")
    for m, name in (("anne", "Anne"), ("bart", "Bart"), ("cor", "Cor"),
                    ("dirk", "Dirk"), ("evi", "Evi")):
        j.add_member(m, name, D(2026, 1, 5))
    scores = {"anne": [4, 4, 2, 3, 4], "bart": [4, 3, 5, 3, 3],
              "cor": [3, 4, 1, 4, 4], "dirk": [4, 5, 5, 2, 3],
              "evi": [5, 4, 1, 3, 4]}
    j.start_round("r1", D(2026, 2, 2))
    for m, s in scores.items():
        j.add_response("r1", m, s)
    j.close_round("r1", D(2026, 2, 3))
    j.create_plan("r1", D(2026, 2, 4), [
        fives.Action("Besluitentabel", "Een tabel in de map", "bart"),
        fives.Action("Vier blokken", "Elke agenda in vier blokken", "cor")],
        note="Eerst gepraat")
    j.open_action("a1", D(2026, 2, 5))
    j.open_action("a2", D(2026, 2, 5))
    j.add_feedback("a1", D(2026, 2, 20), "anne", "Bijna klaar", 60)
    j.set_charter({"steering": {"kpis": [{"name": "Omzet",
                                          "owner_id": "anne"}]}},
                  D(2026, 2, 20))
    j.record_check(D(2026, 3, 20), helps=["Korte vergaderingen"],
                   chafes=["Te veel mail"], reviews=[
                       fives.Review("a1", "done"),
                       fives.Review("a2", "kept")],
                   signals=[("structure", 3)])
    j.start_round("r2", D(2026, 3, 23))
    for m, s in scores.items():
        j.add_response("r2", m, [min(5, x + 1) for x in s])
    j.close_round("r2", D(2026, 3, 24))
    return j


class FullyDutchTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.english, cls.dutch = catalog_words()
        cls.journal = dutch_journal()

    @classmethod
    def tearDownClass(cls):
        cls.journal.close()

    def test_the_word_lists_are_meaningful(self):
        # Words of the English catalog a Dutch report must never show, and
        # words both languages share are left out.
        for word in ("agrees", "mostly", "split", "verdict", "overdue",
                     "guardian", "members", "warning"):
            self.assertIn(word, self.english)
        for shared in ("open", "check", "consensus"):
            self.assertNotIn(shared, self.english)

    def test_every_screen_in_every_format(self):
        as_of = D(2026, 3, 25)
        screens = [("report", {}), ("report", {"as_of": as_of}),
                   ("follow_up", {"as_of": as_of}), ("actions", {}),
                   ("check_due", {"as_of": as_of}), ("check", {}),
                   ("guardian", {"as_of": as_of}), ("plan", {}),
                   ("charter", {}), ("charter_review", {"as_of": as_of}),
                   ("members", {}), ("signals", {})]
        checked = 0
        for kind, request in screens:
            for fmt in ("text", "markdown", "html"):
                if kind == "report" and fmt == "text" and request:
                    continue
                page = self.journal.render(kind, format=fmt, language="nl",
                                           **request)
                found = words(visible_text(page)) & self.english
                self.assertFalse(found, f"{kind} as {fmt}: {sorted(found)}")
                # Dates the Dutch way ("25 maart 2026"), never ISO.
                self.assertIsNone(ISO_DATE.search(visible_text(page)),
                                  f"{kind} as {fmt}")
                checked += 1
        for picture in ("radar", "strips", "trend"):
            svg = self.journal.render(picture, language="nl")
            found = words(visible_text(svg)) & self.english
            self.assertFalse(found, f"{picture}: {sorted(found)}")
            self.assertIsNone(ISO_DATE.search(visible_text(svg)), picture)
            checked += 1
        # 12 screens in 3 formats, less the text report as of a day, and
        # the 3 pictures.
        self.assertEqual(checked, 12 * 3 - 1 + 3)

    def test_dates_are_written_out_in_each_language(self):
        as_of = D(2026, 3, 25)
        dutch = self.journal.render("follow_up", language="nl", as_of=as_of)
        english = self.journal.render("follow_up", language="en", as_of=as_of)
        self.assertTrue(dutch.startswith("Opvolging op 25 maart 2026\n"),
                        dutch)
        self.assertTrue(english.startswith("Follow-up on 25 March 2026\n"),
                        english)

    def test_the_english_report_does_use_those_words(self):
        # The check can fail: the same screens in English are full of them.
        page = self.journal.render("report", language="en")
        self.assertTrue(words(page) & self.english)


class RefusalsInDutchTest(unittest.TestCase):
    """A refusal a team member causes reads as Dutch as the screens do."""

    def setUp(self):
        self.english, _ = catalog_words()
        self.j = dutch_journal()
        self.j.start_round("r3", D(2026, 5, 4))

    def tearDown(self):
        self.j.close()

    def refusals(self):
        """Each call that must be refused, with the exception it raises."""
        j = self.j
        yield fives.AlreadyExists, lambda: j.add_member(
            "anne", "Anne", D(2026, 4, 1))
        yield fives.NotFound, lambda: j.add_response(
            "r3", "zoe", [3, 3, 3, 3, 3])
        yield fives.FailedPrecondition, lambda: j.add_response(
            "r2", "anne", [3, 3, 3, 3, 3])
        yield fives.NotFound, lambda: j.open_action("a9", D(2026, 4, 1))
        yield fives.FailedPrecondition, lambda: j.open_action(
            "a1", D(2026, 4, 1))
        yield fives.InvalidArgument, lambda: j.add_feedback(
            "a2", D(2026, 1, 1), "anne", "Vroeg", 10)
        yield fives.AlreadyExists, lambda: j.start_round("r1", D(2026, 5, 4))
        # Checked by the package before it calls the library.
        yield fives.InvalidArgument, lambda: j.add_response(
            "r3", "anne", [3, 3, 3, 3])
        yield fives.InvalidArgument, lambda: j.add_response(
            "r3", "anne", [3, 3, 2**40, 3, 3])
        yield fives.InvalidArgument, lambda: j.add_feedback(
            "a2", D(2026, 4, 1), "anne", "Bijna", -1)
        yield fives.InvalidArgument, lambda: j.tick_signals(
            "c1", [("structure", 9)])
        yield fives.NotFound, lambda: j.import_scores_csv(
            "r9", "Lid;Structuur\nanne;4\n")
        yield fives.InvalidArgument, lambda: j.import_scores_csv(
            "r3", "Lid;Stip & strategie;Synergie & sterktes;Structuur;"
            "Sturing;Succesfactoren\nanne;4;4;9;4;4\nzoe;3;3;3;3;3\n")
        yield fives.InvalidArgument, lambda: j.start_round(
            "r4", D(2026, 5, 4), "geheim")
        yield fives.InvalidArgument, lambda: j.tick_signals(
            "c1", [("geld", 1)])
        yield fives.InvalidArgument, lambda: j.review_charter(
            D(2026, 5, 4), stale_days=0)
        yield fives.InvalidArgument, lambda: j.document("pdf", D(2026, 5, 4))
        yield fives.InvalidArgument, lambda: j.add_member(
            "bo", "B\0o", D(2026, 4, 1))
        yield fives.InvalidArgument, lambda: j.add_member(
            "bo", "B\udc80o", D(2026, 4, 1))

    def test_no_english_word_of_the_catalog(self):
        count = 0
        for kind, call in self.refusals():
            with self.assertRaises(fives.Error) as caught:
                call()
            error = caught.exception
            count += 1
            with self.subTest(message=str(error)):
                self.assertIsInstance(error, kind)
                self.assertNotEqual(error.detail_code, "")
                dutch = error.text("nl")
                self.assertEqual(words(dutch) & self.english, set(), dutch)
                self.assertNotEqual(dutch, error.text("en"))
                self.assertNotIn(str(error), dutch)
        self.assertEqual(count, 19)

    def test_the_packages_own_checks_worked_out_by_hand(self):
        with self.assertRaises(fives.InvalidArgument) as caught:
            self.j.add_response("r3", "anne", [3, 3, 2**40, 3, 3])
        self.assertEqual(str(caught.exception),
                         "scores[2]: 1099511627776 is outside 1..5")
        self.assertEqual(caught.exception.text("nl"),
                         "de score voor Structuur is 1099511627776; een score "
                         "is 1 tot en met 5")
        with self.assertRaises(fives.InvalidArgument) as caught:
            self.j.tick_signals("c1", [("structure", 9)])
        self.assertEqual(caught.exception.text("nl"),
                         "9 ligt buiten de 3 waarschuwingssignalen van "
                         "Structuur (1 tot en met 3)")

    def test_the_packages_choices_worked_out_by_hand(self):
        cases = [
            (lambda: self.j.start_round("r4", D(2026, 5, 4), "geheim"),
             '"geheim" is niet open of confidential'),
            (lambda: self.j.tick_signals("c1", [("geld", 1)]),
             '"geld" is geen pijler (strategie, synergie, structuur, sturing, '
             "succes)"),
            (lambda: self.j.review_charter(D(2026, 5, 4), stale_days=0),
             '"0" is geen geheel aantal dagen van 1 of meer'),
            (lambda: self.j.document("pdf", D(2026, 5, 4)),
             '"pdf" is niet een van: markdown, html, radar, strips, trend'),
            # "é" is two bytes in UTF-8: the NUL is at byte 3.
            (lambda: self.j.add_member("bo", "Bé\0", D(2026, 4, 1)),
             "stuurteken U+0000 op byte 3"),
            (lambda: self.j.add_member("bo", "B\udc80o", D(2026, 4, 1)),
             "geen geldige UTF-8-tekst vanaf byte 1"),
        ]
        before = self.j.to_bytes()
        for call, dutch in cases:
            with self.assertRaises(fives.InvalidArgument) as caught:
                call()
            self.assertEqual(caught.exception.text("nl"), dutch)
        self.assertEqual(self.j.to_bytes(), before)

    def test_a_refusal_worked_out_by_hand(self):
        with self.assertRaises(fives.NotFound) as caught:
            self.j.add_response("r3", "zoe", [3, 3, 3, 3, 3])
        self.assertEqual(caught.exception.text("nl"),
                         '"zoe" is geen lid van team "dt"')
        self.assertEqual(caught.exception.text("en"),
                         '"zoe" is not a member of team "dt"')


if __name__ == "__main__":
    unittest.main()
