"""One JSON policy for every path: the journal's export by the command, the
C ABI's JSON that Python reads, and the command's --json of a report give
the same field names (those of the .proto files, snake_case) and the same
content."""

import datetime
import json
import os
import subprocess
import tempfile
import unittest

import fives

D = datetime.date
COMMAND = os.environ.get("FIVES_COMMAND")


def keys(value, found=None):
    """Every key of every object in a parsed JSON value."""
    found = set() if found is None else found
    if isinstance(value, dict):
        for k, v in value.items():
            found.add(k)
            keys(v, found)
    elif isinstance(value, list):
        for v in value:
            keys(v, found)
    return found


@unittest.skipUnless(COMMAND, "FIVES_COMMAND (the fives command) is not set")
class JsonPolicyTest(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.mkdtemp()
        self.path = os.path.join(self.folder, "t.journal")
        with fives.Journal.new("t", "Team") as j:
            for m in ("ann", "bob", "cas"):
                j.add_member(m, m.title(), D(2026, 1, 5))
            j.start_round("r1", D(2026, 2, 2), "open")
            for m, s in (("ann", [4, 3, 2, 4, 5]), ("bob", [3, 3, 2, 4, 4]),
                         ("cas", [5, 4, 1, 3, 4])):
                j.add_response("r1", m, s)
            j.close_round("r1", D(2026, 2, 6))
            self.from_c = j.to_dict()
            self.report = j.report("r1")
            self.report_from_c = self.report.to_message()
            j.save(self.path)

    def tearDown(self):
        for name in os.listdir(self.folder):
            os.remove(os.path.join(self.folder, name))
        os.rmdir(self.folder)

    def command(self, *args):
        out = subprocess.run([COMMAND, *args, "--journal", self.path],
                             check=True, capture_output=True, text=True)
        return json.loads(out.stdout)

    def test_export_and_the_c_abi_agree(self):
        exported = self.command("export", "--format", "json")
        self.assertEqual(exported, self.from_c)
        self.assertIn("display_name", keys(exported))
        self.assertIn("closed_on", keys(exported))

    def test_report_json_of_the_command_and_the_c_abi_agree(self):
        from_command = self.command("report", "--round", "r1", "--json")
        self.assertEqual(from_command, self.report_from_c)
        self.assertEqual(fives.RoundReport.from_message(from_command),
                         self.report)

    def test_every_field_name_is_the_schema_s(self):
        for value in (self.from_c, self.report_from_c,
                      self.command("export", "--format", "json")):
            for k in keys(value):
                self.assertEqual(k, k.lower(), k)


if __name__ == "__main__":
    unittest.main()
