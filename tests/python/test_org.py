"""fives.Org: the organisation, team partials, folding, the rollup with its
typed rows and cells, and the trend between two periods.

The small organisation of org_fixture (the C test's): east = teams a (6
answers) and c (3), west = b (7) and d (5); region north = a + b, south =
c + d. Team c shows only n and the mean; east = a + c would give its
histogram away, so team a is withheld to protect it, and so are both
regions (south = c + d).
"""

import datetime
import json
import os
import pickle
import shutil
import tempfile
import threading
import unittest

import fives
from fives import Disclosure, OrgRowKind, Pillar, Withheld

import org_fixture
from org_fixture import H1, H2, SMALL_ORG

D = datetime.date


class OrgTest(unittest.TestCase):
    def test_parse_text_and_json(self):
        with fives.Org.parse(SMALL_ORG) as org:
            self.assertEqual(org.id, "acme")
            self.assertEqual(org.name, "Acme")
            self.assertEqual(org.team_ids(), ["a", "c", "b", "d"])
            message = org.to_dict()
            self.assertEqual(message["group_by"], ["region"])
            again = fives.Org.parse(org.to_text())
            self.assertEqual(again.to_bytes(), org.to_bytes())
            self.assertEqual(fives.Org.from_dict(message).to_bytes(),
                             org.to_bytes())
            self.assertEqual(fives.Org.from_bytes(org.to_bytes()).to_bytes(),
                             org.to_bytes())
            self.assertEqual(
                fives.Org.parse("  " + json.dumps(message)).to_bytes(),
                org.to_bytes())
            copy = pickle.loads(pickle.dumps(org))
            self.assertEqual(copy.to_bytes(), org.to_bytes())
            self.assertEqual(repr(org), "<fives.Org 'acme'>")
        self.assertTrue(org.closed)
        self.assertEqual(repr(org), "<fives.Org closed>")
        with self.assertRaises(fives.ClosedError):
            org.to_bytes()
        with self.assertRaises(fives.ClosedError):
            org.rollup(b"")
        org.close()  # idempotent

    def test_from_file(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "org.textproto")
            with open(path, "w", encoding="utf-8") as f:
                f.write(SMALL_ORG)
            self.assertEqual(fives.Org.from_file(path).id, "acme")
            with open(path, "wb") as f:
                f.write(b"\xff\xfe")
            with self.assertRaises(fives.InvalidArgument):
                fives.Org.from_file(path)
            with self.assertRaises(FileNotFoundError):
                fives.Org.from_file(os.path.join(d, "none"))

    def test_bad_organisations(self):
        cases = [
            ('id: "o" units {', "not text format of a fives.v1.Organization"),
            ('id: "o" name: "O" units { id: "x" name: "X" } '
             'units { id: "y" name: "Y" }', "is already the root"),
            ('id: "o" name: "O" units { id: "x" name: "X" } '
             'units { id: "y" name: "Y" parent: "z" }',
             'units[1] (id "y").parent: no unit has the id "z"'),
            ('id: "o" name: "O" units { id: "x" name: "X" } '
             'units { id: "t" name: "T" parent: "x" team_id: "t" } '
             'units { id: "u" name: "U" parent: "x" team_id: "t" }',
             'team "t" is already the team of units[1]'),
            ('id: "o" name: "O" units { id: "x" name: "X" } '
             'privacy { min_distribution: 4 }', "privacy"),
            ('{"id": "o", "name": "O", "unknown": 1}', "not JSON"),
        ]
        for text, needle in cases:
            with self.subTest(text=text):
                with self.assertRaises(fives.InvalidArgument) as cm:
                    fives.Org.parse(text)
                self.assertIn(needle, str(cm.exception))
        with self.assertRaises(TypeError):
            fives.Org.parse(b"id: 'o'")
        with self.assertRaises(TypeError):
            fives.Org.from_dict("{}")
        with self.assertRaises(TypeError):
            fives.Org(None)


class SmallOrgCase(unittest.TestCase):
    """The small organisation's journals on disk, for the tests below."""

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp()
        cls.paths = org_fixture.save_small(cls.dir)
        cls.org = fives.Org.parse(SMALL_ORG)
        cls.h1 = fives.partials_of_directory(cls.dir, H1)
        cls.h2 = fives.partials_of_directory(cls.dir, H2)

    @classmethod
    def tearDownClass(cls):
        cls.org.close()
        shutil.rmtree(cls.dir)

    def read(self, team_id):
        with open(self.paths[team_id], "rb") as f:
            return f.read()


class PartialTest(SmallOrgCase):
    def test_one_team(self):
        partial = fives.Org.partial(self.read("a"), H1, "a.journal")
        message = fives.message_to_dict("fives.v1.TeamPartial", partial)
        self.assertEqual(message["team_id"], "a")
        self.assertEqual(message["round_id"], "r1")
        self.assertEqual(message["journal"], "a.journal")
        self.assertEqual(message["respondents"], 6)
        self.assertEqual(len(message["respondent_ids"]), 6)
        self.assertTrue(message["follow_up"]["has_plan"])
        self.assertEqual([len(p["counts"]) for p in message["pillars"]],
                         [5] * 5)
        # From the path: named by its file name; the same bytes.
        self.assertEqual(fives.Org.partial(self.paths["a"], H1), partial)
        self.assertEqual(
            fives.Org.partial(self.read("a"), fives.Period(*H1), "a.journal"),
            partial)
        # No round in the period: no round_id; no name.
        none = fives.message_to_dict(
            "fives.v1.TeamPartial", fives.Org.partial(self.read("c"), H2))
        self.assertNotIn("round_id", none)
        self.assertNotIn("journal", none)

    def test_journal_file_errors(self):
        data = self.read("a")
        with self.assertRaises(fives.DataLoss):
            fives.Org.partial(data[:-1], H1)
        with self.assertRaises(fives.InvalidArgument) as cm:
            fives.Org.partial(b"hello", H1)
        self.assertIn("not a fives journal", str(cm.exception))
        with self.assertRaises(fives.InvalidArgument) as cm:
            fives.Org.partial(data, (D(2026, 6, 30), D(2026, 1, 1)))
        self.assertIn("period.to: 2026-01-01 is before", str(cm.exception))
        with self.assertRaises(TypeError):
            fives.Org.partial(data, (D(2026, 1, 1), "2026-06-30"))
        with self.assertRaises(TypeError):
            fives.Org.partial(data, D(2026, 1, 1))
        with self.assertRaises(TypeError):
            fives.Org.partial(1234, H1)
        with self.assertRaises(fives.InvalidArgument):
            fives.Org.partial(data, H1, "a\0b")

    def test_fold_in_any_order(self):
        journals = [(os.path.basename(p), self.read(t))
                    for t, p in sorted(self.paths.items())]
        whole = fives.partials_of(journals, H1)
        self.assertEqual(whole, self.h1)
        self.assertEqual(fives.partials_of(sorted(self.paths.values()), H1),
                         whole)
        parts = [fives.partials_of([j], H1) for j in journals]
        left = parts[0]
        for p in parts[1:]:
            left = fives.fold_partials(left, p)
        right = parts[-1]
        for p in reversed(parts[:-1]):
            right = fives.fold_partials(p, right)
        pairs = fives.fold_partials(fives.fold_partials(parts[2], parts[0]),
                                    fives.fold_partials(parts[3], parts[1]))
        self.assertEqual(left, whole)
        self.assertEqual(right, whole)
        self.assertEqual(pairs, whole)
        self.assertEqual(fives.partials_of(journals, H1, threads=3), whole)
        # Teams sorted by team id.
        message = fives.message_to_dict("fives.v1.OrgPartials", whole)
        self.assertEqual(message["team_id"], ["a", "b", "c", "d"])
        self.assertEqual(message["period"],
                         {"from": "2026-01-01", "to": "2026-06-30"})

    def test_a_journal_that_does_not_load_is_listed(self):
        journals = [("a.journal", self.read("a")),
                    ("cut.journal", self.read("b")[:100])]
        message = fives.message_to_dict("fives.v1.OrgPartials",
                                        fives.partials_of(journals, H1))
        self.assertEqual(message["team_id"], ["a"])
        self.assertEqual(message["excluded"][0]["journal"], "cut.journal")
        self.assertIn("journal file", message["excluded"][0]["reason"])

    def test_errors(self):
        with self.assertRaises(fives.InvalidArgument) as cm:
            fives.fold_partials(self.h1, self.h2)
        self.assertIn("do not fold together", str(cm.exception))
        with self.assertRaises(fives.InvalidArgument) as cm:
            fives.fold_partials(self.h1, b"\xff\xff")
        self.assertIn("b: the bytes are not a fives.v1.OrgPartials",
                      str(cm.exception))
        with self.assertRaises(TypeError):
            fives.fold_partials(self.h1, "text")
        with self.assertRaises(fives.NotFound):
            fives.partials_of_directory(os.path.join(self.dir, "none"), H1)
        with self.assertRaises(fives.InvalidArgument) as cm:
            fives.partials_of_directory(self.dir, H1, threads=-1)
        self.assertIn("threads: -1", str(cm.exception))
        with self.assertRaises(TypeError):
            fives.partials_of_directory(self.dir, H1, threads=1.5)
        with self.assertRaises(TypeError):
            fives.partials_of("a.journal", H1)
        with self.assertRaises(TypeError):
            fives.partials_of([("a", "text")], H1)
        with self.assertRaises(TypeError):
            fives.partials_of([("a", b"", "x")], H1)


class RollupTest(SmallOrgCase):
    def test_rows_and_cells(self):
        rollup = self.org.rollup(self.h1)
        self.assertIsInstance(rollup, fives.OrgRollup)
        self.assertEqual((rollup.org_id, rollup.org_name), ("acme", "Acme"))
        self.assertEqual(rollup.period, fives.Period(*H1))
        self.assertTrue(rollup.complete)
        self.assertEqual(rollup.excluded, ())
        self.assertIsNone(rollup.earlier)
        self.assertEqual((rollup.min_responses, rollup.min_distribution),
                         (3, 5))
        self.assertEqual(
            [(r.kind, r.unit_id or r.group_value, r.depth)
             for r in rollup.rows],
            [(OrgRowKind.UNIT, "acme", 0), (OrgRowKind.UNIT, "east", 1),
             (OrgRowKind.TEAM, "team-a", 2), (OrgRowKind.TEAM, "team-c", 2),
             (OrgRowKind.UNIT, "west", 1), (OrgRowKind.TEAM, "team-b", 2),
             (OrgRowKind.TEAM, "team-d", 2), (OrgRowKind.GROUP, "north", 0),
             (OrgRowKind.GROUP, "south", 0)])
        root = rollup.root
        self.assertEqual((root.teams, root.teams_with_round, root.respondents),
                         (4, 4, 21))
        self.assertEqual(len(root.pillars), 5)
        self.assertEqual([c.pillar for c in root.pillars], list(Pillar))
        for cell in root.pillars:
            self.assertEqual(cell.disclosure, Disclosure.FULL)
            self.assertEqual(cell.withheld, Withheld.NONE)
            self.assertEqual(cell.n, 21)
            self.assertEqual(sum(cell.stats.histogram), 21)
            self.assertIsNotNone(cell.stats.label)
            self.assertEqual(cell.teams, 4)
            self.assertIsNone(cell.rank)
        self.assertIsNotNone(rollup.weakest)
        weakest = min(root.pillars, key=lambda c: (c.mean, c.pillar))
        self.assertEqual(rollup.weakest, weakest.pillar)

        # Team c: three answers, the mean only.
        c = rollup.team("c")
        self.assertEqual(c.round_id, "r1")
        self.assertEqual(c.parent, "east")
        for cell in c.pillars:
            self.assertEqual(cell.withheld, Withheld.TOO_FEW)
            self.assertEqual(cell.disclosure, Disclosure.NO_DISTRIBUTION)
            self.assertEqual(cell.n, 3)
            self.assertIsNotNone(cell.mean)
            self.assertEqual(cell.stats.histogram, ())
            self.assertIsNone(cell.stats.median)
            self.assertIsNone(cell.stats.label)
        # Team a protects it; so do both regions.
        for row in (rollup.team("a"), rollup.group("region", "north"),
                    rollup.group("region", "south")):
            for cell in row.pillars:
                self.assertEqual(cell.withheld, Withheld.PROTECTS_ANOTHER)
                self.assertEqual(cell.disclosure, Disclosure.NO_DISTRIBUTION)
                self.assertEqual(cell.stats.histogram, ())
        self.assertEqual(rollup.cells_withheld_too_few, 5)
        self.assertEqual(rollup.cells_withheld_protecting, 15)
        self.assertEqual(len(rollup.withheld_cells()), 20)
        east = rollup.row("east")
        self.assertEqual(east.cell("strategy").disclosure, Disclosure.FULL)
        self.assertEqual(east.cell(Pillar.SUCCESS).n, 9)
        with self.assertRaises(KeyError):
            rollup.row("nowhere")
        with self.assertRaises(KeyError):
            rollup.group("region", "west")

        # Ranks among the four teams, whose means are all shown.
        for p in Pillar:
            cells = [rollup.team(t).cell(p) for t in "abcd"]
            self.assertEqual({c.ranked for c in cells}, {4})
            self.assertEqual(min(c.rank for c in cells), 1)
            for cell in cells:
                self.assertTrue(0.0 <= cell.percentile <= 1.0)

        # Follow-up: every team planned on its round.
        f = root.follow_up
        self.assertEqual(f.teams_with_plan, 4)
        self.assertEqual(sum(f.teams_focus), 4)
        self.assertEqual(len(f.charter_readiness), 5)
        self.assertEqual(sum(f.focus_of(p) for p in Pillar), 4)

    def test_bytes_and_message_round_trip(self):
        rollup = self.org.rollup(self.h1)
        again = fives.OrgRollup.from_bytes(rollup.to_bytes())
        self.assertEqual(again, rollup)
        self.assertEqual(again.to_bytes(), rollup.to_bytes())
        message = rollup.to_message()
        self.assertEqual(message["org_id"], "acme")
        self.assertEqual(
            message["rows"][3]["pillars"][0]["withheld"],
            "ORG_WITHHELD_TOO_FEW")
        from_message = fives.OrgRollup.from_message(message)
        self.assertEqual(from_message, rollup)
        self.assertEqual(from_message.to_bytes(), rollup.to_bytes())
        self.assertIn('"org_id":"acme"', rollup.to_json())
        # The same rollup twice: the same bytes.
        self.assertEqual(self.org.rollup(self.h1).to_bytes(),
                         rollup.to_bytes())
        with self.assertRaises(fives.InvalidArgument):
            fives.OrgRollup.from_bytes(b"\x0a\xff")

    def test_strict_and_lenient(self):
        x = fives.Journal.new("x", "X")
        for m in ("m1", "m2", "m3"):
            x.add_member(m, m, D(2026, 1, 5))
        x.start_round("r1", D(2026, 3, 2), "confidential")
        for m in ("m1", "m2", "m3"):
            x.add_response("r1", m, [3, 3, 3, 3, 3])
        x.close_round("r1", D(2026, 3, 9))
        path = os.path.join(self.dir, "x.journal.tmp")
        x.save(path)
        with open(path, "rb") as f:
            data = f.read()
        os.unlink(path)
        with_x = fives.fold_partials(
            self.h1, fives.partials_of([("x.journal", data)], H1))
        with self.assertRaises(fives.InvalidArgument) as cm:
            self.org.rollup(with_x)
        self.assertIn('journal x.journal: team "x" is not in the organisation',
                      str(cm.exception))
        lenient = self.org.rollup(with_x, strict=False)
        self.assertFalse(lenient.complete)
        self.assertEqual(lenient.excluded, (fives.OrgExclusion(
            "x.journal", "x", 'team "x" is not in the organisation'),))
        # Without team x, the same rows as the strict rollup.
        strict = self.org.rollup(self.h1)
        self.assertEqual(lenient.rows, strict.rows)
        # A team of the organisation without a journal.
        no_a = fives.partials_of(
            [p for t, p in sorted(self.paths.items()) if t != "a"], H1)
        with self.assertRaises(fives.InvalidArgument) as cm:
            self.org.rollup(no_a)
        self.assertIn('team "a" (unit "team-a") has no journal',
                      str(cm.exception))
        missing = self.org.rollup(no_a, strict=False)
        self.assertEqual(missing.team("a").teams_with_round, 0)
        self.assertEqual(missing.team("a").cell("strategy").n, 0)
        self.assertIsNone(missing.team("a").cell("strategy").disclosure)
        # Two journals of one team.
        twice = fives.fold_partials(
            self.h1, fives.partials_of([("copy.journal", self.read("b"))], H1))
        with self.assertRaises(fives.InvalidArgument) as cm:
            self.org.rollup(twice)
        self.assertIn('team "b" has 2 journals', str(cm.exception))
        # No team with a round in the period.
        empty = fives.partials_of([], (D(2030, 1, 1), D(2030, 1, 31)))
        with self.assertRaises(fives.FailedPrecondition):
            self.org.rollup(empty, strict=False)
        with self.assertRaises(TypeError):
            self.org.rollup(self.h1, strict=1)
        with self.assertRaises(fives.InvalidArgument) as cm:
            self.org.rollup(b"\x0a\xff")
        self.assertIn("partials: the bytes are not", str(cm.exception))

    def test_earlier_period_and_trend(self):
        before = self.org.rollup(self.h1)
        after = self.org.rollup(self.h2, earlier=self.h1)
        self.assertEqual(after.earlier, fives.Period(*H1))
        self.assertFalse(after.complete)  # team c closed no round then
        self.assertEqual([e.team_id for e in after.excluded], ["c"])
        self.assertIn("closed no round", after.excluded[0].reason)
        self.assertEqual(after.team("c").teams_with_round, 0)
        trend = fives.Org.compare(before, after)
        self.assertIsInstance(trend, fives.OrgTrend)
        self.assertEqual((trend.before, trend.after),
                         (fives.Period(*H1), fives.Period(*H2)))
        self.assertEqual(len(trend.rows), 9)
        self.assertEqual(trend.weakest_before, before.weakest)
        self.assertIsNotNone(trend.weakest_moved)
        self.assertEqual(trend.weakest_moved.pillar, before.weakest)
        root = trend.row("acme")
        self.assertEqual(root.kind, OrgRowKind.UNIT)
        for p in Pillar:
            t = root.pillar(p)
            self.assertEqual(t.pillar, p)
            self.assertEqual((t.n_before, t.n_after), (21, 18))
            self.assertEqual(t.alpha, 0.05)
            self.assertIsNotNone(t.mean_change)
            if (t.before_disclosure == Disclosure.FULL and
                    t.after_disclosure == Disclosure.FULL):
                self.assertIn(t.verdict, (fives.TrendVerdict.IMPROVED,
                                          fives.TrendVerdict.DECLINED,
                                          fives.TrendVerdict.TOO_SMALL_TO_TELL))
                self.assertIsNotNone(t.p_value)
            else:
                self.assertEqual(t.verdict, fives.TrendVerdict.NOT_ENOUGH_DATA)
                self.assertIsNone(t.p_value)
        # Team c shows nothing in the second period: nothing to compare.
        c = trend.row("team-c").pillar("strategy")
        self.assertEqual(c.verdict, fives.TrendVerdict.NOT_ENOUGH_DATA)
        self.assertIsNone(c.mean_change)
        # Bytes in, bytes out.
        self.assertEqual(
            fives.Org.compare(before.to_bytes(), after.to_bytes()).to_bytes(),
            trend.to_bytes())
        self.assertEqual(fives.OrgTrend.from_bytes(trend.to_bytes()), trend)
        self.assertEqual(trend.to_message()["before"]["to"], "2026-06-30")

    def test_documents(self):
        before = self.org.rollup(self.h1)
        after = self.org.rollup(self.h2, earlier=self.h1)
        trend = fives.Org.compare(before, after)
        starts = {"text": "5S organisation view: Acme",
                  "md": "# 5S organisation view: Acme",
                  "html": "<!DOCTYPE html>", "svg": "<?xml", "json": "{"}
        self.assertEqual(tuple(starts), fives.OrgRollup.DOCUMENTS)
        for kind, start in starts.items():
            with self.subTest(kind=kind):
                doc = after.document(kind, trend=trend)
                self.assertTrue(doc.startswith(start), doc[:80])
                self.assertEqual(after.document(kind, trend=trend), doc)
        self.assertIn("Team C", before.document("text", language="nl"))
        report = json.loads(after.document("json", trend=trend))
        self.assertEqual(report["rollup"]["org_id"], "acme")
        self.assertEqual(report["trend"]["after"]["from"], "2026-07-01")
        self.assertNotIn("trend", json.loads(before.document("json")))
        with self.assertRaises(fives.InvalidArgument) as cm:
            before.document("pdf")
        self.assertIn('kind: "pdf" is not', str(cm.exception))
        with self.assertRaises(fives.InvalidArgument):
            before.document("text", language="fr")
        with self.assertRaises(TypeError):
            before.document(1)
        with self.assertRaises(TypeError):
            before.document("text", trend=trend.to_bytes())

    def test_compare_errors(self):
        rollup = self.org.rollup(self.h1)
        other = fives.OrgRollup.from_message(
            {"org_id": "globex", "period": {"from": "2026-07-01",
                                            "to": "2026-12-31"}})
        with self.assertRaises(fives.InvalidArgument) as cm:
            fives.Org.compare(rollup, other)
        self.assertIn('organisation "acme"', str(cm.exception))
        with self.assertRaises(fives.InvalidArgument) as cm:
            fives.Org.compare(rollup, b"\x0a\xff")
        self.assertIn("after: the bytes are not", str(cm.exception))
        with self.assertRaises(TypeError):
            fives.Org.compare(rollup, {"org_id": "acme"})

    def test_threads_share_one_org(self):
        expected = self.org.rollup(self.h1).to_bytes()
        results = []

        def work():
            results.append(all(self.org.rollup(self.h1).to_bytes() == expected
                               for _ in range(10)))

        threads = [threading.Thread(target=work) for _ in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(results, [True] * 3)


class MessagesTest(SmallOrgCase):
    def test_round_trip(self):
        message = fives.message_to_dict("fives.v1.OrgPartials", self.h1)
        self.assertEqual(
            fives.message_from_dict("fives.v1.OrgPartials", message), self.h1)
        self.assertEqual(fives.message_to_dict("fives.v1.PillarStats",
                                               b"\x10\x03"), {"n": 3})

    def test_errors(self):
        with self.assertRaises(fives.InvalidArgument) as cm:
            fives.message_to_dict("fives.v1.Nothing", b"")
        self.assertIn("not a message of the fives schema", str(cm.exception))
        with self.assertRaises(fives.InvalidArgument):
            fives.message_to_dict("fives.v1.OrgPartials", b"\x0a\xff")
        with self.assertRaises(fives.InvalidArgument):
            fives.message_from_dict("fives.v1.OrgPartials", {"nope": 1})
        with self.assertRaises(TypeError):
            fives.message_to_dict("fives.v1.OrgPartials", "text")
        with self.assertRaises(TypeError):
            fives.message_from_dict("fives.v1.OrgPartials", "{}")
        with self.assertRaises(TypeError):
            fives.message_to_dict(1, b"")


if __name__ == "__main__":
    unittest.main()
