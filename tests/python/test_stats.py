"""fives.score_stats, the message form, and the catalog."""

import array
import dataclasses
import fractions
import unittest

import fives

from helpers import MEASURES, read_reference, scores_of


class WorkedExampleTest(unittest.TestCase):
    def test_4_4_5_3_4_2(self):
        s = fives.score_stats([4, 4, 5, 3, 4, 2])
        self.assertEqual(s.n, 6)
        self.assertAlmostEqual(s.mean, 22 / 6, places=12)
        self.assertEqual(s.median, 4.0)
        self.assertAlmostEqual(s.sd ** 2, 16 / 15, places=12)
        self.assertEqual((s.min, s.max), (2, 5))
        self.assertEqual(s.histogram, (0, 1, 1, 3, 1))
        self.assertAlmostEqual(s.rwg, 7 / 15, places=12)
        self.assertAlmostEqual(s.rwg_raw, 7 / 15, places=12)
        self.assertAlmostEqual(s.ad_mean, 7 / 9, places=12)
        self.assertAlmostEqual(s.ad_median, 2 / 3, places=12)
        self.assertEqual(round(s.consensus, 6), 0.666300)
        self.assertEqual(s.agreement, 0.5)
        self.assertEqual(s.label, "mixed")
        self.assertFalse(s.ad_above_cutoff)
        self.assertIsNone(s.pillar)

    def test_every_attribute_of_the_issue(self):
        s = fives.score_stats([3, 4])
        for name in ("n", "mean", "median", "sd", "min", "max", "histogram",
                     "rwg", "rwg_raw", "ad_mean", "ad_median", "consensus",
                     "agreement", "label"):
            self.assertTrue(hasattr(s, name), name)

    def test_result_is_a_frozen_dataclass(self):
        s = fives.score_stats([3, 3])
        self.assertTrue(dataclasses.is_dataclass(s))
        with self.assertRaises(dataclasses.FrozenInstanceError):
            s.n = 3  # type: ignore[misc]
        self.assertEqual(s, fives.score_stats([3, 3]))
        self.assertEqual(hash(s), hash(fives.score_stats([3, 3])))

    def test_single_score_leaves_spread_undefined(self):
        s = fives.score_stats([4])
        self.assertEqual((s.n, s.mean, s.median, s.min, s.max), (1, 4.0, 4.0,
                                                                 4, 4))
        for name in ("sd", "rwg", "rwg_raw", "ad_mean", "ad_median"):
            self.assertIsNone(getattr(s, name), name)
        self.assertEqual(s.consensus, 1.0)
        self.assertEqual(s.agreement, 1.0)
        self.assertEqual(s.label, "single")

    def test_labels(self):
        self.assertEqual(fives.score_stats([3, 3, 3, 3]).label, "shared")
        self.assertEqual(fives.score_stats([1, 5, 1, 5]).label, "split")
        # Two camps (two or more, a quarter or more, on each side of 3,
        # fewer in the middle) read as split whatever rwg says.
        self.assertEqual(fives.score_stats([1, 2, 5, 5]).label, "split")
        self.assertEqual(fives.score_stats([1, 2, 3, 4, 5]).label, "split")
        self.assertEqual(fives.score_stats([2, 3, 3, 4]).label, "mixed")
        self.assertEqual(fives.score_stats([2, 3, 3, 3, 4]).label, "shared")
        self.assertEqual(fives.score_stats([2]).label, "single")

    def test_every_reference_histogram(self):
        rows = read_reference()
        self.assertGreater(len(rows), 600)
        for row in rows:
            s = fives.score_stats(scores_of(row["histogram"]))
            self.assertEqual(s.histogram, row["histogram"])
            self.assertEqual((s.n, s.min, s.max), (row["n"], row["min"],
                                                   row["max"]))
            self.assertEqual(s.label, row["label"], row)
            for key in MEASURES:
                want, got = row[key], getattr(s, key)
                if want is None:
                    self.assertIsNone(got, (row, key))
                else:
                    self.assertAlmostEqual(got, want, delta=1e-9,
                                           msg=(row, key))


class InputTest(unittest.TestCase):
    def test_any_iterable_of_int(self):
        expected = fives.score_stats([1, 2, 3])
        self.assertEqual(fives.score_stats((1, 2, 3)), expected)
        self.assertEqual(fives.score_stats(range(1, 4)), expected)
        self.assertEqual(fives.score_stats(x for x in (1, 2, 3)), expected)
        self.assertEqual(fives.score_stats(array.array("b", [1, 2, 3])),
                         expected)

    def test_objects_with_index_count_as_int(self):
        class Score:
            def __index__(self):
                return 5
        self.assertEqual(fives.score_stats([Score(), 5]).mean, 5.0)

    def test_empty_is_invalid_argument(self):
        with self.assertRaises(fives.InvalidArgument) as cm:
            fives.score_stats([])
        self.assertEqual(cm.exception.code, 3)
        self.assertIn("scores", str(cm.exception))
        self.assertIsInstance(cm.exception, ValueError)

    def test_out_of_range_is_invalid_argument(self):
        for bad in ([0], [6], [3, -1], [4, 4, 7], [2**31 - 1], [-(2**31)]):
            with self.assertRaises(fives.InvalidArgument, msg=bad) as cm:
                fives.score_stats(bad)
            self.assertIn("outside 1..5", str(cm.exception))
        with self.assertRaises(fives.InvalidArgument) as cm:
            fives.score_stats([3, 7])
        self.assertEqual(str(cm.exception), "scores[1]: 7 is outside 1..5")

    def test_huge_ints_are_refused_without_wrapping(self):
        for bad in (2**32 + 3, 2**64, -(2**40)):
            with self.assertRaises(fives.InvalidArgument) as cm:
                fives.score_stats([3, bad])
            self.assertIn("scores[1]", str(cm.exception))

    def test_non_integers_are_type_errors_naming_the_index(self):
        for bad, name in ((3.0, "float"), ("3", "str"), (True, "bool"),
                          (None, "NoneType"), (fractions.Fraction(3), "Fraction")):
            with self.assertRaises(TypeError, msg=repr(bad)) as cm:
                fives.score_stats([4, bad])
            self.assertIn("scores[1]", str(cm.exception))
            self.assertIn(name, str(cm.exception))

    def test_not_a_sequence(self):
        for bad in (3, None, "345", b"\x03\x04"):
            with self.assertRaises(TypeError):
                fives.score_stats(bad)  # type: ignore[arg-type]


class MessageTest(unittest.TestCase):
    def test_message_is_proto_json_with_snake_case(self):
        m = fives.score_stats_message([4, 4, 5, 3, 4, 2])
        self.assertEqual(m["n"], 6)
        self.assertEqual(m["histogram"], [0, 1, 1, 3, 1])
        self.assertEqual(m["label"], "AGREEMENT_LABEL_MIXED")
        self.assertEqual(m["disclosure"], "DISCLOSURE_FULL")
        self.assertIn("rwg_raw", m)
        self.assertIn("ad_median", m)

    def test_undefined_measures_are_absent(self):
        m = fives.score_stats_message([4])
        for key in ("sd", "rwg", "rwg_raw", "ad_mean", "ad_median"):
            self.assertNotIn(key, m)

    def test_round_trip_through_the_dataclass(self):
        for scores in ([4, 4, 5, 3, 4, 2], [1], [1, 5, 1, 5]):
            m = fives.score_stats_message(scores)
            s = fives.PillarStats.from_message(m)
            self.assertEqual(s.disclosure, fives.Disclosure.FULL)
            self.assertEqual(s.to_message(), m)


class CatalogTest(unittest.TestCase):
    def test_catalog(self):
        c = fives.catalog()
        self.assertIsInstance(c, fives.Catalog)
        self.assertEqual([p.key for p in c.pillars],
                         ["strategy", "synergy", "structure", "steering",
                          "success"])
        self.assertEqual([p.pillar for p in c.pillars], list(fives.Pillar))
        self.assertEqual({t.language for t in c.pillars[0].texts},
                         {"nl", "en"})
        self.assertEqual(c.pillar("structure").in_language("nl"),
                         fives.pillar_texts("structure", "nl"))
        self.assertIn("label_split", {p.key for p in c.phrases})
        self.assertTrue(c.phrase("label_split").nl)
        message = c.to_message()
        self.assertEqual(message["pillars"][0]["pillar"], "PILLAR_STRATEGY")
        self.assertEqual(fives.Catalog.from_message(message), c)

    def test_pillar_texts_in_both_languages(self):
        en = fives.pillar_texts(fives.Pillar.STRUCTURE)
        nl = fives.pillar_texts("structure", "nl")
        self.assertIsInstance(en, fives.PillarTexts)
        self.assertEqual((en.language, nl.language), ("en", "nl"))
        self.assertEqual(en.name, "Structure")
        self.assertEqual(nl.name, "Structuur")
        self.assertEqual(len(en.topics), len(nl.topics))
        self.assertEqual(len(en.practices), len(nl.practices))
        self.assertTrue(en.practices and en.warning_signals and en.summary)
        self.assertEqual(fives.pillar_texts(3), en)
        self.assertEqual(fives.pillar_texts("PILLAR_STRUCTURE"), en)

    def test_pillar_texts_errors(self):
        with self.assertRaises(fives.InvalidArgument) as cm:
            fives.pillar_texts(1, "de")
        self.assertIn('"de"', str(cm.exception))  # the library's message
        for bad in (0, 6, "culture"):
            with self.assertRaises(fives.InvalidArgument):
                fives.pillar_texts(bad)
        for bad in (1.0, None, True):
            with self.assertRaises(TypeError):
                fives.pillar_texts(bad)  # type: ignore[arg-type]
        with self.assertRaises(TypeError):
            fives.pillar_texts(1, None)  # type: ignore[arg-type]
        with self.assertRaises(fives.InvalidArgument):
            fives.pillar_texts(1, "e\0n")

    def test_pillar_enum(self):
        self.assertEqual([p.key for p in fives.Pillar],
                         ["strategy", "synergy", "structure", "steering",
                          "success"])
        self.assertEqual(fives.Pillar.SUCCESS.proto_name, "PILLAR_SUCCESS")
        self.assertEqual(fives.LABELS, (None, "single", "shared", "mixed",
                                        "split"))


if __name__ == "__main__":
    unittest.main()
