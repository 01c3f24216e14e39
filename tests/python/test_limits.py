"""fives.Limit, get_limit and set_limit: the C ABI's limits from Python."""

import datetime
import unittest

import fives


class LimitsTest(unittest.TestCase):
    def tearDown(self):
        for limit in fives.Limit:
            fives.set_limit(limit, 0)

    def test_defaults_and_names(self):
        self.assertEqual(fives.get_limit(fives.Limit.MEMBERS), 1000)
        self.assertEqual(fives.get_limit("input_bytes"), 32 << 20)
        self.assertEqual(fives.get_limit("depth"), 32)
        self.assertEqual(
            [fives.limit_name(l) for l in fives.Limit],
            ["input_bytes", "members", "rounds", "actions", "feedback",
             "checks", "charter_entries", "id_bytes", "name_bytes",
             "text_bytes", "depth"])

    def test_set_and_refuse(self):
        fives.set_limit("members", 5000)
        self.assertEqual(fives.get_limit(fives.Limit.MEMBERS), 5000)
        with self.assertRaisesRegex(fives.InvalidArgument,
                                    r"members: -3 is outside 1\.\.10000000"):
            fives.set_limit("members", -3)
        self.assertEqual(fives.get_limit("members"), 5000)
        with self.assertRaisesRegex(fives.InvalidArgument,
                                    r'limit: "people" is not a limit'):
            fives.set_limit("people", 1)

    def test_a_journal_stops_at_the_limit_unchanged(self):
        fives.set_limit(fives.Limit.MEMBERS, 2)
        day = datetime.date(2026, 1, 5)
        with fives.Journal.new("t", "Team") as journal:
            journal.add_member("anna", "Anna", day)
            journal.add_member("bram", "Bram", day)
            before = journal.to_bytes()
            with self.assertRaises(fives.ResourceExhausted) as caught:
                journal.add_member("carla", "Carla", day)
            self.assertEqual(
                str(caught.exception),
                'team.members: 3 entries, more than the limit of 2 '
                '("members")')
            self.assertEqual(journal.to_bytes(), before)
            # Under a lower limit the saved journal is refused, naming it.
            fives.set_limit(fives.Limit.MEMBERS, 1)
            with self.assertRaisesRegex(fives.ResourceExhausted,
                                        r'team\.members: 2 entries.*"members"'):
                fives.Journal.from_bytes(before)


if __name__ == "__main__":
    unittest.main()
