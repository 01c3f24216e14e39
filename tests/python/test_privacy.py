"""The privacy of confidential rounds through the C ABI, as an attacker
with only the Python package would try it.

For every histogram of a pillar answered by three members, the test builds
a journal, collects everything the package returns about the round (the
report, the text, the Markdown and HTML pages, the pictures, in English and
Dutch) and groups the histograms by those bytes: the attacker can tell two
histograms apart exactly when their groups differ. Below min_distribution
the groups must be the histograms of one mean. Then a member absent from a
second round: what the package returns must not depend on which of the
first round's scores was theirs.
"""

import datetime
import itertools
import json
import unittest

import fives

D = datetime.date
ATTACKED = 2  # structure, in pillar order


def histograms(n):
    """Every multiset of n scores 1..5, as sorted tuples."""
    return list(itertools.combinations_with_replacement(range(1, 6), n))


def journal(size, config=None):
    j = fives.Journal.new("mt", "MT", config)
    for i in range(size):
        j.add_member(f"m{i}", f"Member {i}", D(2026, 1, 5))
    return j


def answered(j, round_id, day, members, scores):
    """A closed confidential round: members[k] gives scores[k] to the
    attacked pillar and 3 to every other."""
    j.start_round(round_id, day, "confidential")
    for member, score in zip(members, scores):
        row = [3, 3, 3, 3, 3]
        row[ATTACKED] = score
        j.add_response(round_id, member, row)
    j.close_round(round_id, day + datetime.timedelta(days=7))


def releases(j, round_id, previous=None):
    """Everything the package gives about the round, as one string."""
    out = []
    for lang in ("en", "nl"):
        out.append(json.dumps(j.report(round_id, lang).to_message(),
                              sort_keys=True))
        out.append(j.report_text(round_id, lang))
        for kind in fives.Journal.DOCUMENTS:
            out.append(j.document(kind, D(2027, 6, 1), round_id, lang))
    if previous is not None:
        out.append(json.dumps(
            j.compare_rounds(previous, round_id).to_message(),
            sort_keys=True))
    return "\n".join(out)


class SmallGroupTest(unittest.TestCase):
    def release_of(self, scores):
        j = journal(12)
        # An earlier round of six others, so the comparison has two sides.
        answered(j, "r1", D(2026, 2, 2), [f"m{i}" for i in range(6, 12)],
                 [1, 2, 3, 4, 5, 5])
        answered(j, "r2", D(2026, 4, 1), [f"m{i}" for i in range(len(scores))],
                 scores)
        with j:
            return releases(j, "r2", "r1")

    def test_three_answers_tell_only_the_mean(self):
        groups = {}
        for h in histograms(3):
            groups.setdefault(self.release_of(list(h)), []).append(h)
        by_sum = {}
        for h in histograms(3):
            by_sum.setdefault(sum(h), []).append(h)
        self.assertEqual(sorted(sorted(g) for g in groups.values()),
                         sorted(sorted(g) for g in by_sum.values()))

    def test_five_answers_show_the_distribution(self):
        # The same attacker tells every histogram of five apart: released on
        # purpose, and proof that the comparison above would see a leak.
        seen = {self.release_of(list(h)) for h in histograms(5)[:40]}
        self.assertEqual(len(seen), 40)


class DifferencingTest(unittest.TestCase):
    def release_of(self, first, absent_score, config=None):
        scores = list(first)
        scores.remove(absent_score)
        scores.append(absent_score)  # the absent member is the last
        members = [f"m{i}" for i in range(len(scores))]
        j = journal(len(scores), config)
        answered(j, "r1", D(2026, 2, 2), members, scores)
        answered(j, "r2", D(2026, 4, 1), members[:-1], scores[:-1])
        with j:
            report = j.report("r2")
            return releases(j, "r1") + releases(j, "r2", "r1"), report

    def test_absent_member_is_not_given_away(self):
        for first in [(1, 2, 3, 4, 5, 5), (2, 2, 3, 4, 4, 5), (1, 1, 1, 5, 5, 5)]:
            seen = {self.release_of(first, s)[0] for s in set(first)}
            self.assertEqual(len(seen), 1, first)
        _, report = self.release_of((1, 2, 3, 4, 5, 5), 1)
        for pillar in report.pillars:
            self.assertEqual(pillar.disclosure, fives.Disclosure.HELD_BACK)
            self.assertEqual(pillar.held_back_against, "r1")
            self.assertIsNone(pillar.mean)
            self.assertNotIn("mean", pillar.to_message())

    def test_warn_policy_shows_and_says_so(self):
        warn = {"differencing": "DIFFERENCING_POLICY_WARN"}
        one, report = self.release_of((1, 2, 3, 4, 5, 5), 1, warn)
        five, _ = self.release_of((1, 2, 3, 4, 5, 5), 5, warn)
        self.assertNotEqual(one, five)
        self.assertTrue(report.pillars[ATTACKED].differencing_warning)


class FloorTest(unittest.TestCase):
    def test_thresholds_below_the_floors_are_refused(self):
        with journal(3) as j:
            with self.assertRaises(fives.InvalidArgument) as cm:
                j.start_round("r", D(2026, 2, 1), min_distribution=4)
            self.assertIn("min_distribution: 4", str(cm.exception))
        with self.assertRaises(fives.InvalidArgument) as cm:
            fives.Journal.new("mt", "MT", {"privacy": {"min_responses": 2}})
        self.assertIn("min_responses: 2", str(cm.exception))


if __name__ == "__main__":
    unittest.main()
