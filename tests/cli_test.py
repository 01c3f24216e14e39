"""End-to-end tests of the `fives` command: output, JSON, exit statuses.

Run by CTest as: python3 tests/cli_test.py PATH_TO_FIVES
"""

import json
import subprocess
import sys
import unittest

FIVES = None


def run(*args):
    return subprocess.run([FIVES, *args], capture_output=True, text=True,
                          timeout=60)


class StatsJsonTest(unittest.TestCase):
    def stats(self, *scores):
        result = run("stats", "--json", *map(str, scores))
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stderr, "")
        return json.loads(result.stdout)

    def test_worked_example(self):
        s = self.stats(4, 4, 5, 3, 4, 2)
        self.assertEqual(s["n"], 6)
        self.assertAlmostEqual(s["mean"], 22 / 6, places=12)
        self.assertEqual(s["median"], 4)
        self.assertAlmostEqual(s["rwg"], 7 / 15, places=12)
        self.assertAlmostEqual(s["rwg_raw"], 7 / 15, places=12)
        self.assertAlmostEqual(s["ad_mean"], 7 / 9, places=12)
        self.assertAlmostEqual(s["ad_median"], 2 / 3, places=12)
        self.assertAlmostEqual(s["consensus"], 0.666300, places=6)
        self.assertEqual(s["agreement"], 0.5)
        self.assertEqual(s["histogram"], [0, 1, 1, 3, 1])
        self.assertEqual(s["min"], 2)
        self.assertEqual(s["max"], 5)
        self.assertEqual(s["label"], "AGREEMENT_LABEL_MIXED")

    def test_single_score_leaves_spread_absent(self):
        s = self.stats(3)
        self.assertEqual(s["n"], 1)
        for field in ("sd", "rwg", "rwg_raw", "ad_mean", "ad_median"):
            self.assertNotIn(field, s)
        self.assertEqual(s["consensus"], 1)
        self.assertEqual(s["agreement"], 1)
        self.assertEqual(s["label"], "AGREEMENT_LABEL_SINGLE")

    def test_split_team(self):
        s = self.stats(1, 5, 1, 5)
        self.assertEqual(s["rwg"], 0)
        self.assertAlmostEqual(s["rwg_raw"], -5 / 3, places=12)
        self.assertEqual(s["agreement"], -1)
        self.assertEqual(s["label"], "AGREEMENT_LABEL_SPLIT")
        self.assertTrue(s["ad_above_cutoff"])

    def test_no_nan_anywhere(self):
        result = run("stats", "--json", "2", "2")
        self.assertNotIn("NaN", result.stdout)
        self.assertNotIn("nan", result.stdout)


class StatsTextTest(unittest.TestCase):
    def test_text_output(self):
        result = run("stats", "4", "4", "5", "3", "4", "2")
        self.assertEqual(result.returncode, 0)
        self.assertIn("rwg         0.466667", result.stdout)
        self.assertIn("consensus   0.666300", result.stdout)
        self.assertIn("agreement   0.500000", result.stdout)
        self.assertIn("label       mixed", result.stdout)

    def test_undefined_is_written_as_such(self):
        result = run("stats", "5")
        self.assertIn("sd          undefined", result.stdout)


class BadArgumentsTest(unittest.TestCase):
    def assert_usage_error(self, args, fragment):
        result = run(*args)
        self.assertEqual(result.returncode, 2, (args, result.stdout))
        self.assertEqual(result.stdout, "")
        lines = result.stderr.splitlines()
        self.assertEqual(len(lines), 1, result.stderr)
        self.assertTrue(lines[0].startswith("fives: "), lines[0])
        self.assertIn(fragment, lines[0])
        self.assertNotIn("Traceback", result.stderr)

    def test_no_scores(self):
        self.assert_usage_error(["stats"], "no scores")
        self.assert_usage_error(["stats", "--json"], "no scores")

    def test_out_of_range(self):
        self.assert_usage_error(["stats", "3", "0"], "0 is outside 1..5")
        self.assert_usage_error(["stats", "6"], "6 is outside 1..5")
        self.assert_usage_error(["stats", "-1"], "-1 is outside 1..5")

    def test_not_an_integer(self):
        self.assert_usage_error(["stats", "3.5"], '"3.5" is not a score')
        self.assert_usage_error(["stats", "x"], '"x" is not a score')
        self.assert_usage_error(["stats", ""], '"" is not a score')

    def test_unknown_flag(self):
        self.assert_usage_error(["stats", "--bogus", "3"], "unknown flag --bogus")
        self.assert_usage_error(["demo", "--json"], "unknown flag --json")

    def test_bad_flag_value(self):
        self.assert_usage_error(["stats", "--json=maybe", "3"], "--json")
        self.assert_usage_error(["demo", "--lang", "de"], '"de"')
        self.assert_usage_error(["demo", "--lang"], "needs a value")

    def test_unknown_command(self):
        self.assert_usage_error(["frobnicate"], "unknown command")


class DemoTest(unittest.TestCase):
    def test_english(self):
        result = run("demo")
        self.assertEqual(result.returncode, 0, result.stderr)
        out = result.stdout
        for pillar in ("Strategy", "Synergy & strengths", "Structure",
                       "Steering", "Success factors"):
            self.assertIn(pillar, out)
        self.assertIn("split", out)
        self.assertIn("Focus: Structure", out)
        self.assertIn("talk first", out)
        self.assertIn("Suggested practices", out)
        # Structure: scores 2,5,1,5,1,4 -> counts 2 1 0 1 2, mean 3.00.
        self.assertRegex(out, r"Structure\s+6\s+3\.00\s+3\.0\s+1\.90\s+2 1 0 1 2")

    def test_dutch(self):
        result = run("demo", "--lang=nl")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("Stip & strategie", result.stdout)
        self.assertIn("verdeeld", result.stdout)
        self.assertIn("Focus: Structuur", result.stdout)
        self.assertIn("3,00", result.stdout)
        self.assertEqual(run("demo", "--lang", "nl").stdout, result.stdout)

    def test_deterministic(self):
        self.assertEqual(run("demo").stdout, run("demo").stdout)


if __name__ == "__main__":
    FIVES = sys.argv.pop(1)
    unittest.main(verbosity=2)
