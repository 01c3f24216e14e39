"""End-to-end tests of the `fives` command: output, JSON, exit statuses.

Run by CTest as: python3 tests/cli_test.py PATH_TO_FIVES
"""

import itertools
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

FIVES = None


def run(*args, input=None):
    return subprocess.run([FIVES, *args], capture_output=True, text=True,
                          timeout=60, input=input)


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
        self.assert_usage_error(
            ["stats", "3", "0"],
            'stats: "0" is not a score (a whole number 1 to 5)')
        self.assert_usage_error(["stats", "6"], '"6" is not a score')
        self.assert_usage_error(["stats", "-1"], '"-1" is not a score')
        result = run("stats", "6", "--lang", "nl")
        self.assertEqual(result.stderr, 'fives: stats: "6" is geen score (een '
                         "geheel getal van 1 tot en met 5)\n")

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


# Every command of fives, as the overview lists them.
COMMANDS = [
    "stats", "demo", "init", "member add", "member leave", "member forget",
    "member list", "round start", "round score", "round import",
    "round close", "report", "plan", "action list", "action update",
    "action feedback", "check due", "check record", "check tick",
    "charter show", "charter set", "charter check", "charter signals",
    "guardian", "export", "import", "org check", "org report", "org demo",
]


def header_version():
    """MAJOR.MINOR.PATCH of the C header, the one source of the version."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with open(os.path.join(root, "capi", "fives.h")) as f:
        header = f.read()
    parts = []
    for part in ("MAJOR", "MINOR", "PATCH"):
        match = re.search(r"^#define FIVES_VERSION_%s (\d+)" % part, header,
                          re.M)
        assert match is not None, part
        parts.append(match.group(1))
    return ".".join(parts)


def help_flags(text):
    """{flag: the rest of its entry} of a command's help: the lines under
    "flags:" that start with "  --", with the lines that continue them."""
    flags = {}
    lines = text.split("\n")
    current = None
    for line in lines[lines.index("flags:") + 1:]:
        if line.startswith("  --"):
            current = line.split()[0]
            flags[current] = " ".join(line.split()[1:])
        elif line.startswith("   ") and current:
            flags[current] += " " + " ".join(line.split())
        else:
            current = None
    return flags


class HelpTest(unittest.TestCase):
    def ok(self, *args):
        result = run(*args)
        self.assertEqual(result.returncode, 0, (args, result.stderr))
        self.assertEqual(result.stderr, "")
        return result.stdout

    def test_every_command_documents_itself(self):
        for command in COMMANDS:
            with self.subTest(command=command):
                words = command.split()
                out = self.ok("help", *words)
                self.assertTrue(out.startswith(f"usage: fives {command} ")
                                or out.startswith(f"usage: fives {command}\n"),
                                out)
                self.assertIn("\nflags:\n", out)
                self.assertIn("\n  -h, --help ", out)
                self.assertEqual(self.ok(*words, "--help"), out)
                self.assertEqual(self.ok(*words, "-h"), out)
                # --help wins over the arguments a command needs.
                self.assertEqual(self.ok(*words, "x", "y", "--help"), out)

    def test_report_help_gives_every_flag_and_its_default(self):
        flags = help_flags(self.ok("help", "report"))
        expected = {
            "--journal": ("PATH", "default: ./fives.journal"),
            "--round": ("ID", "default: the latest closed"),
            "--lang": ("en|nl", "default: en"),
            "--format": ("text|md|html|json|svg", "default: text"),
            "--picture": ("radar|strips|trend", "default: radar"),
            "--date": ("YYYY-MM-DD", "default: the day it closed"),
            "--out": ("FILE", ""),
            "--json": ("", ""),
        }
        self.assertEqual(sorted(flags), sorted(expected))
        for flag, (value, default) in expected.items():
            with self.subTest(flag=flag):
                self.assertTrue(flags[flag].startswith(value), flags[flag])
                self.assertIn(default, flags[flag])

    def test_demo_help_gives_format_and_out(self):
        flags = help_flags(self.ok("demo", "--help"))
        self.assertEqual(sorted(flags), ["--format", "--journal", "--lang",
                                         "--out", "--picture"])
        self.assertIn("default: text", flags["--format"])

    def test_required_and_repeatable_flags_say_so(self):
        flags = help_flags(self.ok("help", "plan"))
        self.assertIn("(required; repeatable)", flags["--action"])
        self.assertIn("(required)", flags["--date"])
        self.assertNotIn("required", flags["--focus"])
        flags = help_flags(self.ok("help", "charter", "check"))
        self.assertIn("default: 365", flags["--stale-days"])

    def test_every_flag_in_the_help_is_accepted(self):
        # The flags of the help, each given a value, then --help: parsed,
        # not run.
        for command in COMMANDS:
            with self.subTest(command=command):
                words = command.split()
                args = []
                for flag, rest in help_flags(self.ok("help", *words)).items():
                    args.append(f"{flag}=1")
                self.ok(*words, *args, "--help")

    def test_every_flag_accepted_is_in_the_help(self):
        # Names no command has, and the ones many have (command_help_test
        # tries every declared name on every command's parser).
        names = {"--verbose", "--all", "--version", "--json", "--date",
                 "--format", "--lang", "--out", "--journal"}
        helps = {}
        for command in COMMANDS:
            helps[command] = help_flags(self.ok("help", *command.split()))
        for command in COMMANDS:
            for name in sorted(names):
                result = run(*command.split(), f"{name}=1", "--help")
                with self.subTest(command=command, flag=name):
                    if name in helps[command]:
                        self.assertEqual(result.returncode, 0, result.stderr)
                    else:
                        self.assertEqual(result.returncode, 2)
                        self.assertIn(f"{command}: unknown flag {name} ",
                                      result.stderr)

    def test_overview_lists_every_command(self):
        out = self.ok("help")
        self.assertEqual(self.ok("--help"), out)
        self.assertEqual(self.ok("-h"), out)
        for command in COMMANDS:
            self.assertRegex(out, rf"\n  {command}\b")
        self.assertIn("fives help COMMAND", " ".join(out.split()))

    def test_group_help(self):
        out = self.ok("help", "member")
        self.assertEqual(self.ok("member", "--help"), out)
        for verb in ("add", "leave", "forget", "list"):
            self.assertIn(f"\n  member {verb} ", out)
        self.assertNotIn("round start", out)

    def test_version(self):
        expected = f"fives {header_version()}\n"
        self.assertEqual(self.ok("--version"), expected)
        self.assertEqual(self.ok("version"), expected)

    def test_help_of_what_is_not_a_command(self):
        for args, message in (
                (["help", "frobnicate"],
                 'fives: help: unknown command "frobnicate" (try: fives '
                 'help)\n'),
                (["help", "member", "bogus"],
                 'fives: help: member: unknown subcommand "bogus" (expected '
                 'add, leave, forget, list)\n'),
                (["help", "report", "extra"],
                 'fives: help: unexpected argument "extra" (usage: fives help '
                 '[COMMAND])\n')):
            with self.subTest(args=args):
                result = run(*args)
                self.assertEqual(result.returncode, 2)
                self.assertEqual(result.stdout, "")
                self.assertEqual(result.stderr, message)


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


# --- The journal commands ---------------------------------------------------

PILLARS = ("strategy", "synergy", "structure", "steering", "success")

# Scores per member (strategy, synergy, structure, steering, success): round 1
# has a split on Structure, round 2 moved Structure up.
ROUND1 = {"anna": (4, 4, 2, 3, 4), "bram": (4, 3, 5, 3, 3),
          "carla": (3, 4, 1, 4, 4), "daan": (4, 5, 5, 2, 3),
          "eva": (5, 4, 1, 3, 4), "femke": (4, 3, 4, 4, 3)}
ROUND2 = {"anna": (4, 4, 4, 3, 4), "bram": (4, 4, 5, 3, 3),
          "carla": (4, 4, 4, 4, 4), "daan": (4, 5, 5, 3, 4),
          "eva": (5, 4, 4, 3, 4), "femke": (4, 4, 4, 4, 3)}


def permutation_p(before, after):
    """Two-sided exact permutation p-value of the difference in means."""
    pool = list(before) + list(after)
    n = len(after)
    observed = abs(sum(after) / n - sum(before) / len(before))
    extreme = total = 0
    for chosen in itertools.combinations(range(len(pool)), n):
        picked = set(chosen)
        a = [pool[i] for i in chosen]
        b = [pool[i] for i in range(len(pool)) if i not in picked]
        total += 1
        if abs(sum(a) / len(a) - sum(b) / len(b)) >= observed - 1e-9:
            extreme += 1
    return extreme / total


def cliffs_delta(before, after):
    higher = sum(1 for a in after for b in before if a > b)
    lower = sum(1 for a in after for b in before if a < b)
    return (higher - lower) / (len(before) * len(after))


class JournalCase(unittest.TestCase):
    """A temporary folder with a journal path, and checked runs."""

    def setUp(self):
        self._dir = tempfile.TemporaryDirectory()
        self.dir = self._dir.name
        self.path = os.path.join(self.dir, "mt.journal")

    def tearDown(self):
        self._dir.cleanup()

    def j(self, *args, journal=None, input=None):
        return run(*args, "--journal", journal or self.path, input=input)

    def ok(self, *args, journal=None, input=None):
        result = self.j(*args, journal=journal, input=input)
        self.assertEqual(result.returncode, 0, (args, result.stderr))
        self.assertEqual(result.stderr, "", args)
        return result.stdout

    def ok_json(self, *args, journal=None):
        return json.loads(self.ok(*args, "--json", journal=journal))

    def assert_error(self, result, status, fragment, args):
        self.assertEqual(result.returncode, status,
                         (args, result.stdout, result.stderr))
        self.assertEqual(result.stdout, "", args)
        lines = result.stderr.splitlines()
        self.assertEqual(len(lines), 1, (args, result.stderr))
        self.assertTrue(lines[0].startswith("fives: "), lines[0])
        self.assertIn(fragment, lines[0])
        self.assertNotIn("Traceback", result.stderr)

    def refused(self, args, fragment="", journal=None):
        self.assert_error(self.j(*args, journal=journal), 1, fragment, args)

    def usage(self, args, fragment=""):
        # Bad usage is found before any journal is read.
        self.assert_error(run(*args), 2, fragment, args)

    def read(self, path=None):
        with open(path or self.path, "rb") as f:
            return f.read()

    def write(self, data, path=None):
        with open(path or self.path, "wb") as f:
            f.write(data)

    def leftovers(self):
        return [n for n in os.listdir(self.dir) if ".tmp-" in n]

    # Building blocks of the cycle.
    def init_team(self):
        self.ok("init", "--team", "mt", "--name", "Our MT")
        for member in ROUND1:
            self.ok("member", "add", member, member.capitalize(),
                    "--date", "2026-01-05")

    def score_round(self, round_id, date, mode, scores, close):
        self.ok("round", "start", round_id, "--date", date, "--mode", mode)
        for member, s in scores.items():
            self.ok("round", "score", round_id, member, *map(str, s))
        self.ok("round", "close", round_id, "--date", close)


class WholeCycleTest(JournalCase):
    def test_cycle(self):
        self.init_team()
        team = self.ok_json("member", "list")
        self.assertEqual(team["id"], "mt")
        self.assertEqual([m["id"] for m in team["members"]], list(ROUND1))
        self.assertEqual(team["members"][0]["joined"], "2026-01-05")

        # Round 1: open, split on Structure.
        self.score_round("r1", "2026-11-02", "open", ROUND1, "2026-11-03")
        text = self.ok("report")
        self.assertIn("Round r1 of 2 November 2026 (open): 6 of 6", text)
        self.assertRegex(
            text, r"Structure\s+6\s+3\.00\s+3\.0\s+1\.90\s+2 1 0 1 2")
        self.assertIn("Focus: Structure", text)
        self.assertIn("Verdict on the focus: none yet", text)
        report = self.ok_json("report", "--round", "r1")
        self.assertEqual(report["round_id"], "r1")
        self.assertEqual(report["focus"], "PILLAR_STRUCTURE")
        self.assertNotIn("focus_trend", report)
        self.assertIn("Stip & strategie",
                      self.ok("report", "--lang", "nl"))

        # The plan: two actions on the focus; titles keep their commas.
        out = self.ok("plan", "r1", "--date", "2026-11-03",
                      "--action", "bram|Decision model, per topic|"
                      "A decision table in the MT folder|2026-11-24",
                      "--action", "carla|Four-block meetings|"
                      "Every agenda has the four blocks",
                      "--note", "talk first")
        self.assertIn("Plan p1 on round r1 (3 November 2026): focus Structure", out)
        actions = self.ok_json("action", "list")["actions"]
        self.assertEqual([a["id"] for a in actions], ["a1", "a2"])
        self.assertEqual(actions[0]["title"], "Decision model, per topic")
        self.assertEqual(actions[0]["due"], "2026-11-24")
        self.assertEqual(actions[1]["due"], "2026-12-03")  # the 30-day window
        self.assertEqual({a["status"] for a in actions},
                         {"ACTION_STATUS_PROPOSED"})

        # Follow-up: opened, feedback, one done, one dropped later.
        self.ok("action", "update", "a1", "open", "--date", "2026-11-04")
        self.ok("action", "update", "a2", "open", "--date", "2026-11-04")
        self.ok("action", "feedback", "a1", "--date", "2026-11-13",
                "--author", "bram", "--text", "Draft shared", "--progress",
                "60")
        self.ok("action", "update", "a1", "done", "--date", "2026-11-20")
        follow = self.ok_json("action", "list", "--date", "2026-11-30")
        self.assertEqual(follow["as_of"], "2026-11-30")
        self.assertEqual([a["id"] for a in follow["open"]], ["a2"])
        self.assertEqual([a["id"] for a in follow["due_soon"]], ["a2"])
        self.assertEqual([a["id"] for a in follow["celebrate"]], ["a1"])
        self.assertEqual(follow["completion_rate"], 1)
        self.assertEqual(follow["on_time_rate"], 1)
        self.assertNotIn("overdue", follow)
        feedback = [a for a in self.ok_json("action", "list")["actions"]
                    if a["id"] == "a1"][0]["feedback"]
        self.assertEqual(feedback, [{"date": "2026-11-13",
                                     "author_id": "bram",
                                     "text": "Draft shared",
                                     "progress": 60}])
        text = self.ok("action", "list", "--date", "2026-12-10",
                       "--owner", "carla")
        self.assertIn("Overdue: 1", text)
        self.assertIn("What is needed?", text)
        only = self.ok_json("action", "list", "--date", "2026-11-30",
                            "--pillar", "steering")
        self.assertNotIn("open", only)

        # The check: due six weeks after the plan; every open action reviewed.
        due = self.ok_json("check", "due", "--date", "2026-12-15")
        self.assertEqual(due["status"]["state"], "CHECK_STATE_DUE")
        self.assertEqual(due["status"]["window_start"], "2026-12-15")
        self.assertEqual(due["guardian_id"], "anna")
        self.assertEqual([a["id"] for a in due["to_review"]], ["a2"])
        self.assertEqual(
            self.ok_json("check", "due", "--date", "2026-12-01")
            ["status"]["state"], "CHECK_STATE_NOT_DUE")
        self.refused(["check", "record", "--date", "2026-12-15",
                      "--helps", "notes"], 'open action "a2"')
        out = self.ok("check", "record", "--date", "2026-12-15",
                      "--helps", "Decisions are written down",
                      "--chafes", "Meetings overrun",
                      "--hinders", "Urgent topics, every week",
                      "--agree", "Guardian closes with the decision log|daan|"
                      "structure|The log is current after each meeting",
                      "--agree", "Updates in writing",
                      "--review", "a2=replanned:2026-12-29:two agendas to go")
        self.assertIn("Check c1 on 15 December 2026, led by anna (Anna)", out)
        self.assertIn("hinders: Urgent topics, every week", out)
        self.assertIn("process guardian from now on: bram (Bram)", out)
        actions = {a["id"]: a for a in
                   self.ok_json("action", "list")["actions"]}
        self.assertEqual(actions["a2"]["due"], "2026-12-29")
        self.assertEqual(actions["a3"]["check_id"], "c1")
        self.assertEqual(actions["a3"]["owner_id"], "daan")
        self.assertEqual(actions["a3"]["pillar"], "PILLAR_STRUCTURE")
        self.assertEqual(actions["a3"]["status"], "ACTION_STATUS_OPEN")
        self.ok("action", "update", "a2", "done", "--date", "2026-12-19")

        guardian = self.ok_json("guardian", "--date", "2026-12-20")
        self.assertEqual(guardian["guardian_id"], "bram")
        self.assertEqual(
            [(t["member_id"], t["reason"]) for t in guardian["history"]],
            [("anna", "GUARDIAN_REASON_FIRST"),
             ("bram", "GUARDIAN_REASON_ROTATION")])
        self.assertEqual(
            self.ok_json("guardian", "--date", "2026-12-01")["guardian_id"],
            "anna")
        self.assertIn("Process guardian on 20 December 2026: bram (Bram)",
                      self.ok("guardian", "--date", "2026-12-20"))

        # Round 2, seven weeks after round 1: did the focus move?
        self.score_round("r2", "2026-12-21", "confidential", ROUND2,
                         "2026-12-22")
        report = self.ok_json("report")
        self.assertEqual(report["round_id"], "r2")
        self.assertEqual(report["plan_id"], "p1")
        trend = report["focus_trend"]
        before = [s[2] for s in ROUND1.values()]
        after = [s[2] for s in ROUND2.values()]
        self.assertEqual(trend["pillar"], "PILLAR_STRUCTURE")
        self.assertEqual(trend["before_round_id"], "r1")
        self.assertEqual(trend["after_round_id"], "r2")
        self.assertAlmostEqual(trend["mean_before"], 3.0, places=12)
        self.assertAlmostEqual(trend["mean_after"], 26 / 6, places=12)
        self.assertAlmostEqual(trend["mean_change"], 26 / 6 - 3, places=12)
        self.assertAlmostEqual(trend["p_value"],
                               permutation_p(before, after), places=9)
        self.assertAlmostEqual(trend["cliffs_delta"],
                               cliffs_delta(before, after), places=12)
        self.assertEqual(trend["verdict"], "TREND_VERDICT_TOO_SMALL_TO_TELL")
        text = self.ok("report")
        self.assertIn("Round r2 of 21 December 2026 (confidential)", text)
        self.assertIn("Verdict on the focus: Structure (plan p1, round r1 → r2)",
                      text)
        self.assertIn("too small to tell", text)
        self.assertIn("mean 3.00 before, 4.33 after, change +1.33", text)
        self.assertIn("p-value 0.184", text)
        self.assertIn("Cliff's delta", text)
        dutch = self.ok("report", "--lang", "nl")
        self.assertIn("Oordeel over de focus: Structuur", dutch)
        self.assertIn("gemiddelde 3,00 ervoor, 4,33 erna", dutch)

        # Export and import: the same journal in every format.
        exported = self.ok("export")
        self.assertEqual(json.loads(exported)["team"]["id"], "mt")
        for fmt in ("json", "text", "binary"):
            out = os.path.join(self.dir, "export." + fmt)
            copy = os.path.join(self.dir, fmt + ".journal")
            self.ok("export", "--format", fmt, "--out", out)
            self.ok("import", "--from", out, "--format", fmt, journal=copy)
            self.assertEqual(self.ok("export", journal=copy), exported, fmt)
            self.assertEqual(self.read(copy), self.read(), fmt)
        self.assertEqual(self.leftovers(), [])


class MembersAndRoundsTest(JournalCase):
    def test_leave_and_forget(self):
        self.init_team()
        self.ok("member", "leave", "femke", "--date", "2026-03-01")
        self.ok("round", "start", "r1", "--date", "2026-03-02")
        self.refused(["round", "score", "r1", "femke", "3", "3", "3", "3",
                      "3"], "femke")
        self.ok("round", "score", "r1", "anna", "3", "3", "3", "3", "3")
        members = {m["id"]: m for m in self.ok_json("member", "list")["members"]}
        self.assertEqual(members["femke"]["left"], "2026-03-01")
        out = self.ok("member", "forget", "anna")
        self.assertIn("forgotten-1", out)
        ids = [m["id"] for m in self.ok_json("member", "list")["members"]]
        self.assertNotIn("anna", ids)
        self.assertIn("forgotten-1", ids)
        self.assertNotIn("anna", self.ok("export"))
        self.refused(["member", "forget", "anna"], "anna")

    def test_partial_rounds(self):
        self.init_team()
        self.ok("round", "start", "full", "--date", "2026-02-01")
        self.refused(["round", "score", "full", "anna", "4", "-", "3", "3",
                      "3"], "")
        self.ok("round", "start", "part", "--date", "2026-02-01", "--partial",
                "--mode", "open")
        self.ok("round", "score", "part", "anna", "4", "-", "3", "0", "3")
        report = self.ok_json("report", "--round", "part")
        n = {p["pillar"]: p.get("n", 0) for p in report["pillars"]}
        self.assertEqual(n["PILLAR_SYNERGY"], 0)
        self.assertEqual(n["PILLAR_STRATEGY"], 1)


class PrivacyTest(JournalCase):
    """The command shows what the library releases, and nothing more."""

    def score_privately(self, round_id, date, scores, close):
        self.ok("round", "start", round_id, "--date", date)
        for member, s in scores.items():
            self.ok("round", "score", round_id, member, "-",
                    input=" ".join(map(str, s)) + "\n")
        self.ok("round", "close", round_id, "--date", close)

    def test_a_member_absent_from_the_next_round_is_not_given_away(self):
        self.init_team()
        self.score_privately("r1", "2026-02-02", ROUND1, "2026-02-09")
        absent = dict(ROUND1)
        del absent["femke"]
        self.score_privately("r2", "2026-04-01", absent, "2026-04-08")
        report = self.ok_json("report", "--round", "r2")
        for pillar in report["pillars"]:
            self.assertEqual(pillar["n"], 5)
            self.assertEqual(pillar["disclosure"], "DISCLOSURE_HELD_BACK")
            self.assertNotIn("mean", pillar)
        text = self.ok("report", "--round", "r2")
        self.assertIn("held back: the people who answered differ from round "
                      "r1 by fewer than 3", text)
        nl = self.ok("report", "--round", "r2", "--lang", "nl")
        self.assertIn("achtergehouden", nl)
        # The earlier round keeps its figures.
        r1 = self.ok_json("report", "--round", "r1")
        self.assertEqual(r1["pillars"][0]["disclosure"], "DISCLOSURE_FULL")

    def test_four_answers_show_only_the_mean(self):
        self.init_team()
        four = {m: ROUND1[m] for m in ("anna", "bram", "carla", "daan")}
        self.score_privately("r1", "2026-02-02", four, "2026-02-09")
        report = self.ok_json("report", "--round", "r1")
        structure = report["pillars"][2]
        # anna 2, bram 5, carla 1, daan 5: mean 13 / 4.
        self.assertEqual(structure["mean"], 3.25)
        self.assertEqual(sorted(structure), ["disclosure", "mean", "n",
                                             "pillar"])


class ScoresInputTest(JournalCase):
    """round score with the scores on standard input or in --scores-file."""

    ORDER = "strategy synergy structure steering success"
    NAMES = ("(Strategy, Synergy & strengths, Structure, Steering, Success "
             "factors)")
    USAGE = ("usage: fives round score ROUND MEMBER (- < FILE | "
             "--scores-file FILE | STRATEGY SYNERGY STRUCTURE STEERING "
             "SUCCESS)")

    def setUp(self):
        super().setUp()
        self.init_team()
        self.ok("round", "start", "r1", "--date", "2026-11-02", "--mode",
                "open", "--partial")

    def scores_file(self, text, name="scores.txt"):
        path = os.path.join(self.dir, name)
        with open(path, "w") as f:
            f.write(text)
        return path

    def member_scores(self, round_id):
        """{member: five scores in pillar order} of an open round; 0 for a
        pillar left out."""
        report = self.ok_json("report", "--round", round_id)
        scores = {}
        for pillar in report["pillars"]:
            i = PILLARS.index(pillar["pillar"][len("PILLAR_"):].lower())
            for s in pillar.get("scores", []):
                scores.setdefault(s["member_id"], [0] * 5)[i] = s["score"]
        return {m: tuple(s) for m, s in scores.items()}

    def test_standard_input(self):
        out = self.ok("round", "score", "r1", "anna", "-", input="4 - 3 0 5\n")
        self.assertEqual(out, "round r1: the response of anna is recorded "
                         "(1 of 6 members)\n")
        # Commas, no final newline.
        self.ok("round", "score", "r1", "bram", "-", input="4,3,5,3,3")
        # A comment line, scores over several lines, tabs, commas with
        # spaces, Windows line ends.
        self.ok("round", "score", "r1", "carla", "-",
                input="# carla, 2 November\r\n3, 4\r\n1\t4\n  4\r\n")
        self.assertEqual(self.member_scores("r1"), {
            "anna": (4, 0, 3, 0, 5),
            "bram": (4, 3, 5, 3, 3),
            "carla": (3, 4, 1, 4, 4)})

    def test_scores_file(self):
        path = self.scores_file("# Daan's scores\n# strategy .. success\n"
                                "4 5\n5 2 3\n")
        out = self.ok("round", "score", "r1", "daan", "--scores-file", path)
        self.assertIn("the response of daan is recorded (1 of 6 members)", out)
        other = self.scores_file("5,4,1,-,4\n", "eva.txt")
        self.ok("round", "score", "r1", "eva", f"--scores-file={other}")
        self.assertEqual(self.member_scores("r1"), {
            "daan": (4, 5, 5, 2, 3), "eva": (5, 4, 1, 0, 4)})

    def test_arguments_still_work(self):
        self.ok("round", "score", "r1", "femke", "4", "3", "4", "4", "3")
        # With five arguments a first "-" leaves strategy out, as before.
        self.ok("round", "score", "r1", "anna", "-", "4", "2", "3", "4")
        self.assertEqual(self.member_scores("r1"), {
            "femke": (4, 3, 4, 4, 3), "anna": (0, 4, 2, 3, 4)})

    def test_confidential_round(self):
        self.ok("round", "start", "r2", "--date", "2026-11-09")
        for i, (member, scores) in enumerate(ROUND1.items()):
            text = " ".join(map(str, scores)) + "\n"
            if i % 2:
                self.ok("round", "score", "r2", member, "-", input=text)
            else:
                self.ok("round", "score", "r2", member, "--scores-file",
                        self.scores_file(text, member))
        self.ok("round", "close", "r2", "--date", "2026-11-10")
        report = self.ok_json("report", "--round", "r2")
        for pillar in report["pillars"]:
            i = PILLARS.index(pillar["pillar"][len("PILLAR_"):].lower())
            expected = [0] * 5
            for scores in ROUND1.values():
                expected[scores[i] - 1] += 1
            self.assertEqual(pillar["n"], len(ROUND1))
            self.assertEqual(pillar["histogram"], expected, pillar["pillar"])
            self.assertNotIn("scores", pillar)

    def test_refusals_leave_the_journal_unchanged(self):
        good = "1 2 3 4 5\n"
        six = self.scores_file("1 2 3 4 5 1\n", "six.txt")
        empty = self.scores_file("", "empty.txt")
        bad = self.scores_file("1\n2\n3\n4\nfive\n", "bad.txt")
        large = self.scores_file("# " + "x" * 70000 + "\n1 2 3 4 5\n",
                                 "large.txt")
        missing = os.path.join(self.dir, "missing.txt")
        cases = [
            (["-"], "1 2 3 4 5 1\n",
             "round score: standard input: number of scores 6, expected 5 "
             f"{self.NAMES}"),
            (["-"], "1 2 3 4", "standard input: number of scores 4, expected 5"),
            (["-"], "3\n", "standard input: number of scores 1, expected 5"),
            (["-"], "", "standard input: number of scores 0, expected 5"),
            (["-"], "\n", "standard input: number of scores 0, expected 5"),
            (["-"], "# just a comment\n  \n", "number of scores 0, expected 5"),
            # A comment is a whole line, not the end of one.
            (["-"], "1 2 3 4 5 # ok\n", "number of scores 7, expected 5"),
            (["-"], "1 2 x 4 5", 'standard input: Structure: "x" is not a '
             "score (1 to 5, or 0 or - to leave the pillar out)"),
            (["-"], "1 2 3 4 6",
             'standard input: Success factors: "6" is not a score'),
            (["-"], "1 2 3 4 -1", 'Success factors: "-1" is not a score'),
            (["-"], "1;2;3;4;5", "number of scores 1, expected 5"),
            (["--scores-file", six], None,
             f"round score: --scores-file {six}: number of scores 6, "
             f"expected 5 {self.NAMES}"),
            (["--scores-file", empty], None,
             f"--scores-file {empty}: number of scores 0, expected 5"),
            (["--scores-file", bad], None,
             f'--scores-file {bad}: Success factors: "five" is not a score'),
            (["--scores-file", missing], None,
             f"--scores-file {missing} does not exist"),
            (["--scores-file", self.dir], None,
             f"--scores-file {self.dir} cannot be read: it is a folder"),
            (["--scores-file", large], None, "more than 65536 bytes"),
            (["--scores-file="], None, "--scores-file needs a file name"),
            (["--scores-file"], None, "--scores-file needs a value"),
            (["--scores-file", six, "--scores-file", six], None,
             "--scores-file is given more than once"),
            (["-", "--scores-file", six], good,
             "round score: give the scores on standard input (-) or in "
             "--scores-file FILE, not both"),
            (["-", "3"], good, 'round score: unexpected argument "3": - '
             "reads the scores from standard input (" + self.USAGE),
            (["-", "1", "2", "3"], good, 'unexpected argument "1": - reads'),
            (["--scores-file", six, "1", "2", "3", "4", "5"], None,
             'unexpected argument "1": --scores-file gives the scores'),
            ([], good, "round score: missing argument (" + self.USAGE),
            (["1", "2", "3", "4"], None,
             "round score: missing argument: 4 of the 5 scores"),
        ]
        before = self.read()
        for extra, stdin, fragment in cases:
            args = ["round", "score", "r1", "anna", *extra]
            with self.subTest(args=args, input=stdin):
                self.assert_error(self.j(*args, input=stdin), 2, fragment,
                                  args)
                self.assertEqual(self.read(), before)
        self.assertEqual(self.leftovers(), [])

    def test_refused_by_the_round_leaves_the_journal_unchanged(self):
        self.ok("round", "score", "r1", "anna", "-", input="1 2 3 4 5\n")
        before = self.read()
        for round_id, member, fragment in (("r1", "anna", "anna"),
                                           ("r9", "bram", "r9"),
                                           ("r1", "zed", "zed")):
            args = ["round", "score", round_id, member, "-"]
            with self.subTest(args=args):
                self.assert_error(self.j(*args, input="5 4 3 2 1\n"), 1,
                                  fragment, args)
                self.assertEqual(self.read(), before)
        self.assertEqual(self.member_scores("r1"), {"anna": (1, 2, 3, 4, 5)})

    def test_help(self):
        out = run("help").stdout
        self.assertIn("round score ROUND MEMBER - < FILE   "
                      "(or --scores-file FILE)", out)
        self.assertLess(out.index("round score ROUND MEMBER - <"),
                        out.index("round score ROUND MEMBER S1"))


CATALOG = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir,
                       "data", "catalog.textproto")


def english_only_words():
    """Words of the catalog's English phrases that no Dutch phrase uses."""
    with open(CATALOG, encoding="utf-8") as f:
        text = f.read()
    word = re.compile(r"[A-Za-z][A-Za-z'-]{3,}")

    def words(lang):
        found = set()
        for m in re.finditer(lang + r': "((?:[^"\\]|\\.)*)"', text):
            found |= {w.lower() for w in word.findall(m.group(1))}
        return found

    return words("en") - words("nl")


class ErrorsInTheTeamsLanguageTest(JournalCase):
    """Every refusal a team member can cause is printed in --lang: the
    library's refusals and the command's own values (scores, dates), with
    only the flag's name and what was typed left as they were."""

    def setUp(self):
        super().setUp()
        self.init_team()
        self.ok("round", "start", "r1", "--date", "2026-11-02", "--mode",
                "open")
        self.ok("round", "score", "r1", "anna", "4", "4", "2", "3", "4")

    def test_refusals_in_dutch_and_english(self):
        cases = [
            (["round", "start", "r2", "--date", "2027-02-30"], 2,
             'round start: --date: "2027-02-30" is geen datum: februari 2027 '
             "heeft 28 dagen",
             'round start: --date: "2027-02-30" is not a date: February 2027 '
             "has 28 days"),
            (["round", "score", "r1", "bram", "4", "9", "2", "3", "4"], 2,
             'round score: Synergie & sterktes: "9" is geen score (1 tot en '
             "met 5, of 0 of - om de pijler over te slaan)",
             'round score: Synergy & strengths: "9" is not a score (1 to 5, '
             "or 0 or - to leave the pillar out)"),
            (["round", "score", "r1", "anna", "4", "4", "2", "3", "4"], 1,
             'round score: "anna" heeft ronde "r1" al beantwoord',
             'round score: "anna" has already answered round "r1"'),
            (["round", "score", "r1", "zed", "4", "4", "2", "3", "4"], 1,
             'round score: "zed" is geen lid van team "mt"',
             'round score: "zed" is not a member of team "mt"'),
            (["round", "score", "r9", "bram", "4", "4", "2", "3", "4"], 1,
             'round score: er is geen ronde "r9" in het journaal',
             'round score: there is no round "r9" in the journal'),
            (["round", "start", "r1", "--date", "2026-11-09"], 1,
             'round start: ronde "r1" staat al in het journaal',
             'round start: round "r1" is already in the journal'),
            (["round", "close", "r1", "--date", "2026-11-01"], 1,
             "round close: sluiten op 2026-11-01 kan niet: de ronde begon op "
             "2026-11-02",
             "round close: closing on 2026-11-01 is not possible: the round "
             "started on 2026-11-02"),
            (["member", "add", "anna", "Anna", "--date", "2026-11-02"], 1,
             'member add: "anna" staat al in team "mt" (een id wordt nooit '
             "opnieuw gebruikt)",
             'member add: "anna" is already in team "mt" (ids are never '
             "reused)"),
            (["member", "leave", "anna", "--date", "2026-11-01"], 1,
             'member leave: "anna" beantwoordde ronde "r1" van 2026-11-02, '
             "dus kan niet vertrekken op 2026-11-01",
             'member leave: "anna" answered round "r1" of 2026-11-02, so '
             "cannot leave on 2026-11-01"),
            (["report"], 1,
             "report: er is nog geen gesloten ronde om over te rapporteren",
             "report: there is no closed round to report on yet"),
            (["charter", "set", "--date", "2026-11-02",
              'steering { kpis { name: "" owner_id: "anna" } }'], 1,
             "charter set: teamcharter, steering.kpis[0].name: leeg, vul een "
             "naam in",
             "charter set: team charter, steering.kpis[0].name: empty, needs "
             "a name"),
            (["action", "update", "a9", "open", "--date", "2026-11-04"], 1,
             'action update: er is geen actie "a9"',
             'action update: there is no action "a9"'),
            (["check", "tick", "c9", "--signal", "structuur:2"], 1,
             'check tick: er is geen check "c9"',
             'check tick: there is no check "c9"'),
            (["check", "tick", "c9", "--signal", "structuur:9"], 2,
             'check tick: --signal "structuur:9": 9 ligt buiten de 3 '
             "waarschuwingssignalen van Structuur (1 tot en met 3)",
             'check tick: --signal "structuur:9": 9 is outside the 3 warning '
             "signals of Structure (1 to 3)"),
            (["round", "start", "r2", "--date", "2026-11-09", "--mode",
              "geheim"], 2,
             'round start: --mode: "geheim" is niet open of confidential',
             'round start: --mode: "geheim" is not open or confidential'),
            (["action", "list", "--pillar", "geld"], 2,
             'action list: --pillar: "geld" is geen pijler (strategie, '
             "synergie, structuur, sturing, succes)",
             'action list: --pillar: "geld" is not a pillar (strategy, '
             "synergy, structure, steering, success)"),
            (["action", "feedback", "a1", "--date", "2026-11-04", "--author",
              "anna", "--text", "x", "--progress", "101"], 2,
             'action feedback: --progress: "101" is geen geheel getal van 0 '
             "tot en met 100",
             'action feedback: --progress: "101" is not a whole number 0 to '
             "100"),
            (["action", "list", "--owner", "zed"], 1,
             'action list: --owner: "zed" is geen lid van team "mt"',
             'action list: --owner: "zed" is not a member of team "mt"'),
        ]
        before = self.read()
        for args, status, dutch, in_english in cases:
            for lang, expected in (("nl", dutch), ("en", in_english)):
                with self.subTest(args=args, lang=lang):
                    result = self.j(*args, "--lang", lang)
                    self.assertEqual(result.returncode, status, result.stderr)
                    self.assertEqual(result.stderr, f"fives: {expected}\n")
                    if lang == "nl":
                        self.assert_no_english(expected)
        self.assertEqual(self.read(), before)

    ENGLISH = english_only_words()

    def assert_no_english(self, line):
        """No English-only word of the catalog in the error `line` but in
        what is the same in every language: the command, its flags, the
        charter's field names, the values typed (in quotes), a usage line
        and the choices a flag takes, which are typed as they are."""
        text = line.split(": ", 1)[1]
        text = re.sub(r"\((?:gebruik|verwacht): [^()]*(?:\([^()]*\)[^()]*)*\)",
                      "", text)
        text = re.sub(r"is niet een van: .*", "", text)
        text = re.sub(r'"[^"]*"', "", text)
        text = re.sub(r"--[a-z-]+|[a-z_]+(?:\[\d+\])?(?:\.[a-z_]+"
                      r"(?:\[\d+\])?)+", "", text)
        self.assertEqual(
            {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]{3,}", text)}
            & self.ENGLISH, set(), line)

    def test_the_command_lines_own_refusals(self):
        """The command's own words about its flags, arguments and specs are
        in --lang too: --lang is read before the line is parsed."""
        self.ok("check", "record", "--date", "2026-11-09", "--signal",
                "structure:2")
        folder = self.dir
        usage_score = ("fives round score ROUND MEMBER (- < FILE | "
                       "--scores-file FILE | STRATEGY SYNERGY STRUCTURE "
                       "STEERING SUCCESS)")
        # (arguments, standard input, exit status, Dutch, English or None).
        cases = [
            (["member", "list", "--bogus"], None, 2,
             "member list: onbekende optie --bogus (verwacht: --journal, "
             "--json, --lang)",
             "member list: unknown flag --bogus (expected --journal, --json, "
             "--lang)"),
            (["report", "--round"], None, 2,
             "report: optie --round heeft een waarde nodig",
             "report: flag --round needs a value"),
            (["member", "list", "--json=misschien"], None, 2,
             'member list: optie --json: "misschien" is niet true of false '
             "(een schakelaar: --json alleen zet hem aan)", None),
            (["report", "--round", "r1", "--round", "r2"], None, 2,
             'report: --round is meer dan eens opgegeven ("r1", daarna "r2")',
             'report: --round is given more than once ("r1", then "r2")'),
            (["report", "--round="], None, 2,
             "report: --round heeft een ronde-id nodig",
             "report: --round needs a round id"),
            (["report", "--format", "pdf"], None, 2,
             'report: --format: "pdf" is niet een van: text, md, html, json, '
             "svg",
             'report: --format: "pdf" is not one of: text, md, html, json, '
             "svg"),
            (["export", "--format", "yaml"], None, 2,
             'export: --format: "yaml" is niet een van: binary, json, text',
             None),
            (["init", "--team", "x"], None, 2,
             "init: verplicht: --team, --name (gebruik: fives init --team ID "
             "--name NAME)",
             "init: required: --team, --name (usage: fives init --team ID "
             "--name NAME)"),
            (["report", "--picture", "radar"], None, 2,
             "report: --picture hoort alleen bij --format svg",
             "report: --picture goes with --format svg only"),
            (["member", "add", "x"], None, 2,
             "member add: argument ontbreekt (gebruik: fives member add ID "
             "NAME --date YYYY-MM-DD)", None),
            (["member", "list", "extra"], None, 2,
             'member list: onverwacht argument "extra" (gebruik: fives '
             "member list)",
             'member list: unexpected argument "extra" (usage: fives member '
             "list)"),
            (["frobnicate"], None, 2,
             'onbekende opdracht "frobnicate" (probeer: fives help)',
             'unknown command "frobnicate" (try: fives help)'),
            (["member", "--json", "list"], None, 2,
             "member: eerst de deelopdracht (verwacht: add, leave, forget, "
             "list), dan de opties", None),
            (["member", "bogus"], None, 2,
             'member: onbekende deelopdracht "bogus" (verwacht: add, leave, '
             "forget, list)", None),
            (["round", "close", "r1"], None, 2,
             "round close: --date JJJJ-MM-DD is verplicht (fives leest nooit "
             "de klok: geef de dag)",
             "round close: --date YYYY-MM-DD is required (fives never reads "
             "the clock: give the day)"),
            (["plan", "r1", "--date", "2026-11-04", "--action", "a|b"], None,
             2, "plan: --action \"a|b\" is niet 'EIGENAAR|TITEL|ZICHTBAAR "
             "RESULTAAT[|DATUM]' (velden gescheiden door |)", None),
            (["check", "record", "--date", "2026-11-04", "--agree", "a|b"],
             None, 2, "check record: --agree \"a|b\" is niet 'TEKST' of "
             "'TEKST|EIGENAAR|PIJLER|ZICHTBAAR RESULTAAT[|DATUM]'", None),
            (["check", "record", "--date", "2026-11-04", "--review", "kept"],
             None, 2, 'check record: --review "kept": geen ACTIE= (verwacht: '
             "ACTIE=kept, done, dropped:REDEN of replanned:JJJJ-MM-DD)", None),
            (["check", "record", "--date", "2026-11-04", "--review",
              "a1=dropped"], None, 2,
             'check record: --review "a1=dropped": laten vallen vraagt om een '
             "reden (dropped:REDEN)", None),
            (["check", "record", "--date", "2026-11-04", "--review",
              "a1=vergeten"], None, 2,
             'check record: --review "a1=vergeten": "vergeten" is geen '
             "uitkomst (verwacht: ACTIE=kept, done, dropped:REDEN of "
             "replanned:JJJJ-MM-DD)", None),
            (["check", "tick", "c1", "--signal", "structure:2"], None, 1,
             'check tick: --signal "structure:2": signaal 2 van Structuur is '
             'al aangevinkt bij check "c1"',
             'check tick: --signal "structure:2": signal 2 of Structure is '
             'already ticked at check "c1"'),
            (["plan", "r1", "--date", "2026-11-04"], None, 2,
             "plan: geen --action gegeven, één per actie (gebruik: fives plan "
             "ROUND --date YYYY-MM-DD --action 'OWNER|TITLE|VISIBLE "
             "RESULT[|DUE]'...)", None),
            (["check", "tick", "c1"], None, 2,
             "check tick: geen --signal gegeven (gebruik: fives check tick "
             "CHECK --signal PILLAR:N...)", None),
            (["action", "update", "a1", "drop", "--date", "2026-11-04"], None,
             2, "action update: drop vraagt om --reason TEKST",
             "action update: drop needs --reason TEXT"),
            (["action", "update", "a1", "klaar", "--date", "2026-11-04"],
             None, 2,
             'action update: "klaar" is niet een van: open, done, drop', None),
            (["action", "update", "a1", "done", "--date", "2026-11-04",
              "--reason", "x"], None, 2,
             "action update: --reason hoort alleen bij drop", None),
            (["charter", "set", "--date", "2026-11-04"], None, 2,
             "charter set: geef het charter in --file BESTAND of als één "
             "argument, niet allebei (gebruik: fives charter set (--file FILE "
             "| TEXT) --date YYYY-MM-DD)", None),
            (["charter", "check", "--date", "2026-11-04", "--stale-days",
              "-1"], None, 2,
             'charter check: --stale-days: "-1" is geen geheel aantal dagen '
             "van 0 of meer", None),
            (["round", "score", "r1", "bram", "-", "--scores-file", "f"],
             None, 2, "round score: geef de scores op standaardinvoer (-) of "
             "in --scores-file BESTAND, niet allebei", None),
            (["round", "score", "r1", "bram", "-", "3"], None, 2,
             'round score: onverwacht argument "3": - leest de scores van '
             f"standaardinvoer (gebruik: {usage_score})", None),
            (["round", "score", "r1", "bram", "3", "--scores-file", "f"],
             None, 2, 'round score: onverwacht argument "3": --scores-file '
             f"geeft de scores (gebruik: {usage_score})", None),
            (["round", "score", "r1", "bram", "3", "4"], None, 2,
             "round score: argument ontbreekt: 2 van de 5 scores (gebruik: "
             f"{usage_score})",
             "round score: missing argument: 2 of the 5 scores (usage: "
             f"{usage_score})"),
            (["round", "score", "r1", "bram", "--scores-file", folder], None,
             2, f"round score: --scores-file {folder} kan niet worden gelezen: "
             "dat is een map",
             f"round score: --scores-file {folder} cannot be read: it is a "
             "folder"),
            (["round", "score", "r1", "bram", "-"], "4 " * 40000, 2,
             "round score: standaardinvoer: meer dan 65536 bytes, verwacht de "
             "vijf scores",
             "round score: standard input: more than 65536 bytes, expected the "
             "five scores"),
            (["export", "--out", self.path], None, 1,
             f"export: --out {self.path} is het journaal zelf", None),
            (["export", "--out", os.path.join(folder, "mt.journal.bak")],
             None, 1, None, None),
        ]
        # A file that exists: export without --force leaves it.
        with open(os.path.join(folder, "mt.journal.bak"), "w") as f:
            f.write("x")
        bak = os.path.join(folder, "mt.journal.bak")
        cases[-1] = (cases[-1][0], None, 1,
                     f"export: {bak} bestaat al; het is ongewijzigd gelaten "
                     "(--force vervangt het)",
                     f"export: {bak} already exists; it is left as it is "
                     "(--force replaces it)")
        before = self.read()
        for args, stdin, status, dutch, in_english in cases:
            for lang, expected in (("nl", dutch), ("en", in_english)):
                if expected is None:
                    continue
                with self.subTest(args=args, lang=lang):
                    result = self.j(*args, "--lang", lang, input=stdin)
                    self.assertEqual(result.returncode, status, result.stderr)
                    self.assertEqual(result.stderr, f"fives: {expected}\n")
                    if lang == "nl":
                        self.assert_no_english(expected)
        self.assertEqual(self.read(), before)
        # Without a journal: stats and the organisation's commands; --lang
        # anywhere on the line, also as --lang=nl, also before a bad flag.
        for args, expected in (
                (["stats", "--lang", "nl"],
                 "stats: geen scores gegeven (gebruik: fives stats SCORE...)"),
                (["stats", "--lang=nl", "3", "x"],
                 'stats: "x" is geen score (een geheel getal van 1 tot en met '
                 "5)"),
                (["--lang", "nl", "stats", "3"],
                 'onbekende opdracht "--lang" (probeer: fives help)'),
                (["org", "report", "--lang", "nl", "--journals", "y", "--from",
                  "2027-04-01", "--to", "2027-06-30"],
                 "org report: --org is verplicht"),
                (["org", "report", "--org", "x", "--journals", "y", "--from",
                  "2027-04-01", "--lang", "nl"],
                 "org report: --to is verplicht"),
                (["round", "--lang", "nl", "bogus", "--bogus"],
                 'round: eerst de deelopdracht (verwacht: start, score, '
                 "import, close), dan de opties")):
            with self.subTest(args=args):
                result = run(*args)
                self.assertNotEqual(result.returncode, 0)
                self.assertEqual(result.stderr, f"fives: {expected}\n")
                self.assert_no_english(f"fives: {expected}")

    def test_files_and_a_confidential_round(self):
        missing = os.path.join(self.dir, "none", "mt.journal")
        cases = [
            (["init", "--team", "x", "--name", "X"], None,
             f"init: {self.path} bestaat al; het is ongewijzigd gelaten"),
            (["init", "--team", "x", "--name", "X"], missing,
             f"init: {missing} kan niet worden gelezen of geschreven: de map "
             "bestaat niet"),
            (["round", "import", "r1", "--csv", missing], None,
             f"round import: {missing} bestaat niet"),
        ]
        for args, journal, expected in cases:
            with self.subTest(args=args):
                result = self.j(*args, "--lang", "nl", journal=journal)
                self.assertEqual(result.returncode, 1, result.stderr)
                self.assertEqual(result.stderr, f"fives: {expected}\n")
        self.assertFalse(os.path.exists(os.path.dirname(missing)))
        self.ok("round", "start", "r2", "--date", "2026-11-09")
        result = self.j("report", "--round", "r2", "--lang", "nl")
        self.assertEqual(result.stderr,
                         'fives: report: ronde "r2" is vertrouwelijk: het '
                         "rapport komt pas als de ronde gesloten is\n")

    def test_scores_on_standard_input(self):
        result = self.j("round", "score", "r1", "bram", "-", "--lang", "nl",
                        input="4 4 2\n")
        self.assertEqual(result.returncode, 2)
        self.assertEqual(
            result.stderr,
            "fives: round score: standaardinvoer: aantal scores 3, verwacht 5 "
            "(Stip & strategie, Synergie & sterktes, Structuur, Sturing, "
            "Succesfactoren)\n")
        result = self.j("round", "score", "r1", "bram", "-", "--lang", "nl",
                        input="4 4 2 3 9\n")
        self.assertEqual(result.stderr,
                         'fives: round score: standaardinvoer: Succesfactoren: '
                         '"9" is geen score (1 tot en met 5, of 0 of - om de '
                         "pijler over te slaan)\n")

    def test_a_journal_file_that_is_not_one(self):
        self.write(b'{"team": {"id": "mt"}}\n')
        result = self.j("member", "list", "--lang", "nl")
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stderr,
                         f"fives: member list: journaalbestand {self.path}: "
                         "dit bestand is geen fives-journaal\n")
        missing = os.path.join(self.dir, "none.journal")
        result = self.j("report", "--lang", "nl", journal=missing)
        self.assertEqual(result.stderr,
                         f"fives: report: journaalbestand {missing} bestaat "
                         "niet\n")

    def test_a_csv_import_in_dutch(self):
        path = os.path.join(self.dir, "scores.csv")
        with open(path, "w", encoding="utf-8") as f:
            f.write("Lid;Stip & strategie;Synergie & sterktes;Structuur;"
                    "Sturing;Succesfactoren\nbram;4;6;5;3;3\n")
        result = self.j("round", "import", "r1", "--csv", path, "--lang", "nl")
        self.assertEqual(result.returncode, 1)
        self.assertEqual(
            result.stderr,
            "fives: round import: CSV met scores: 1 probleem, niets "
            "geïmporteerd: regel 2, kolom 3 (Synergie & sterktes): \"6\" is "
            "geen score van 1 tot en met 5\n")

    def test_the_flag_is_on_every_command(self):
        for command in (["member", "add"], ["round", "close"], ["init"],
                        ["action", "update"], ["check", "tick"], ["export"]):
            with self.subTest(command=command):
                out = run("help", *command).stdout
                self.assertIn("--lang en|nl", out)


class ConfirmationsInTheTeamsLanguageTest(JournalCase):
    """What a command prints after a change is in --lang too: every line
    from the catalog, dates written long ("5 januari 2026"), the documents
    of plan, action update and check in the language; only ids, names,
    paths, the charter's field names and the command's own words (fives,
    its flags) stay as they were typed."""

    CHARTER = ('steering { kpis { name: "NPS" owner_id: "anna" } '
               'moments { kind: "budget" date: "2026-02-10" } }')

    def steps(self, folder):
        """(arguments, journal, Dutch, English) of a team's cycle, in order;
        journal None is the team's own."""
        csv = os.path.join(folder, "scores.csv")
        with open(csv, "w", encoding="utf-8") as f:
            f.write("lid;strategy;synergy;structure;steering;success\n"
                    "bram;4;3;5;3;3\ncarla;3;4;1;4;\n")
        one = os.path.join(folder, "one.csv")
        with open(one, "w", encoding="utf-8") as f:
            f.write("lid;strategy;synergy;structure;steering;success\n"
                    "anna;4;4;3;3;4\n")
        journal = os.path.join(folder, "mt.journal")
        out = os.path.join(folder, "export.json")
        copy = os.path.join(folder, "copy.journal")
        check_nl = ("Check c1 op 24 maart 2026, geleid door anna (Anna)\n"
                    "  besproken acties: a1 klaar\n"
                    "  besproken acties: a2 loopt door\n")
        check_en = ("Check c1 on 24 March 2026, led by anna (Anna)\n"
                    "  reviews: a1 done\n"
                    "  reviews: a2 kept\n")
        return [
            (["init", "--team", "mt", "--name", "Ons MT"], None,
             f"journaal {journal} aangemaakt voor team mt (Ons MT)\n",
             f"created journal {journal} for team mt (Ons MT)\n"),
            (["member", "add", "anna", "Anna", "--date", "2026-01-05"], None,
             "lid anna (Anna) kwam erbij op 5 januari 2026\n",
             "member anna (Anna) joined on 5 January 2026\n"),
            (["member", "add", "bram", "Bram", "--date", "2026-01-05"], None,
             "lid bram (Bram) kwam erbij op 5 januari 2026\n",
             "member bram (Bram) joined on 5 January 2026\n"),
            (["member", "add", "carla", "Carla", "--date", "2026-01-05"],
             None,
             "lid carla (Carla) kwam erbij op 5 januari 2026\n",
             "member carla (Carla) joined on 5 January 2026\n"),
            (["round", "start", "r1", "--date", "2026-02-02", "--mode", "open",
              "--partial"], None,
             "ronde r1 gestart op 2 februari 2026 (open, gedeeltelijke "
             "antwoorden toegestaan): 3 leden kunnen antwoorden\n",
             "round r1 started on 2 February 2026 (open, partial responses "
             "allowed): 3 members can respond\n"),
            (["round", "score", "r1", "anna", "4", "4", "2", "3", "4"], None,
             "ronde r1: het antwoord van anna is vastgelegd (1 van de 3 "
             "leden)\n",
             "round r1: the response of anna is recorded (1 of 3 members)\n"),
            (["round", "import", "r1", "--csv", csv], None,
             f"ronde r1: 2 antwoorden geïmporteerd uit {csv}\n",
             f"round r1: 2 responses imported from {csv}\n"),
            (["round", "close", "r1", "--date", "2026-02-09"], None,
             "ronde r1 gesloten op 9 februari 2026 (fives report --round "
             "r1)\n",
             "round r1 closed on 9 February 2026 (fives report --round r1)\n"),
            (["plan", "r1", "--date", "2026-02-10", "--focus", "structure",
              "--action", "anna|Besluitentabel|Een tabel in de map",
              "--action",
              "bram|Vier blokken|Elke agenda in vier blokken|2026-03-01"],
             None,
             "Plan p1 op ronde r1 (10 februari 2026): focus Structuur\n"
             "    a1  [voorgesteld]  uiterlijk 12 maart 2026  anna  "
             "Structuur: Besluitentabel (zichtbaar: Een tabel in de map)\n"
             "    a2  [voorgesteld]  uiterlijk 1 maart 2026  bram  "
             "Structuur: Vier blokken (zichtbaar: Elke agenda in vier "
             "blokken)\n"
             "de acties zijn voorgesteld: zet elke actie open met fives "
             "action update ID open --date YYYY-MM-DD\n",
             "Plan p1 on round r1 (10 February 2026): focus Structure\n"
             "    a1  [proposed]  due 12 March 2026  anna  "
             "Structure: Besluitentabel (visible: Een tabel in de map)\n"
             "    a2  [proposed]  due 1 March 2026  bram  "
             "Structure: Vier blokken (visible: Elke agenda in vier "
             "blokken)\n"
             "the actions are proposed: open each with fives action update "
             "ID open --date YYYY-MM-DD\n"),
            (["action", "update", "a1", "open", "--date", "2026-02-11"], None,
             "a1  [open]  uiterlijk 12 maart 2026  anna  Structuur: "
             "Besluitentabel (zichtbaar: Een tabel in de map)\n",
             "a1  [open]  due 12 March 2026  anna  Structure: "
             "Besluitentabel (visible: Een tabel in de map)\n"),
            (["action", "update", "a2", "open", "--date", "2026-02-11"], None,
             "a2  [open]  uiterlijk 1 maart 2026  bram  Structuur: "
             "Vier blokken (zichtbaar: Elke agenda in vier blokken)\n",
             "a2  [open]  due 1 March 2026  bram  Structure: "
             "Vier blokken (visible: Elke agenda in vier blokken)\n"),
            (["action", "feedback", "a1", "--date", "2026-02-12", "--author",
              "anna", "--text", "Concept gedeeld"], None,
             "feedback van anna op actie a1 vastgelegd\n",
             "feedback on a1 by anna recorded\n"),
            (["charter", "set", "--date", "2026-03-01", self.CHARTER], None,
             "teamcharter vastgelegd op 1 maart 2026; waarschuwingen: 4\n"
             "  waarschuwing: strategy.priorities: 0 prioriteiten; de "
             "methode vraagt er 3 tot 5\n"
             "  waarschuwing: steering.kpis: 1 KPI's; de methode vraagt er "
             "6 tot 10\n"
             "  waarschuwing: steering.kpis[0].priority: bij KPI \"NPS\" "
             "staat geen prioriteit: noem de prioriteit van de strategie "
             "waarop hij stuurt\n"
             "  waarschuwing: steering.moments[0].date: het stuurmoment "
             "budget van 10 februari 2026 is voorbij zonder dat het "
             "gehouden is\n",
             "charter set on 1 March 2026; warnings: 4\n"
             "  warning: strategy.priorities: 0 priorities; the method asks "
             "3 to 5\n"
             "  warning: steering.kpis: 1 KPIs; the method asks 6 to 10\n"
             "  warning: steering.kpis[0].priority: KPI \"NPS\" names no "
             "priority: name the strategy priority it steers\n"
             "  warning: steering.moments[0].date: the budget steering "
             "moment of 10 February 2026 has passed without being held\n"),
            (["check", "record", "--date", "2026-03-24", "--review", "a1=done",
              "--review", "a2=kept"], None,
             check_nl + "  procesbewaker vanaf nu: bram (Bram)\n",
             check_en + "  process guardian from now on: bram (Bram)\n"),
            (["check", "tick", "c1", "--signal", "structure:1"], None,
             check_nl + "  signaal: structuur:1 Alles komt in het "
             "MT-overleg terecht, alleen omdat jullie elkaar toch even "
             "willen spreken.\n"
             "  procesbewaker vanaf nu: bram (Bram)\n",
             check_en + "  warning signal: structure:1 Everything ends up "
             "in the MT meeting simply because you want to talk to each "
             "other anyway.\n"
             "  process guardian from now on: bram (Bram)\n"),
            (["round", "start", "r2", "--date", "2026-03-30"], None,
             "ronde r2 gestart op 30 maart 2026 (vertrouwelijk): 3 leden "
             "kunnen antwoorden\n",
             "round r2 started on 30 March 2026 (confidential): 3 members "
             "can respond\n"),
            (["round", "import", "r2", "--csv", one], None,
             f"ronde r2: 1 antwoord geïmporteerd uit {one}\n",
             f"round r2: 1 response imported from {one}\n"),
            (["round", "close", "r2", "--date", "2026-03-31"], None,
             "ronde r2 gesloten op 31 maart 2026 (fives report --round "
             "r2)\n",
             "round r2 closed on 31 March 2026 (fives report --round r2)\n"),
            (["member", "leave", "bram", "--date", "2026-04-01"], None,
             "lid bram vertrok op 1 april 2026\n"
             "de rol van procesbewaker gaat over naar carla\n",
             "member bram left on 1 April 2026\n"
             "the process guardian role passes to carla\n"),
            (["member", "forget", "carla"], None,
             "lid carla is vergeten: overal vervangen door forgotten-1, de "
             "feedbackteksten van dit lid zijn verwijderd\n",
             "member carla is forgotten: forgotten-1 everywhere, their "
             "feedback texts removed\n"),
            (["round", "start", "r3", "--date", "2026-05-04"], None,
             "ronde r3 gestart op 4 mei 2026 (vertrouwelijk): 1 lid kan "
             "antwoorden\n",
             "round r3 started on 4 May 2026 (confidential): 1 member can "
             "respond\n"),
            (["export", "--out", out], None,
             f"journaal geëxporteerd naar {out}: team mt (Ons MT): leden 3, "
             "rondes 3, plannen 1, acties 2, checks 1\n",
             f"exported the journal to {out}: team mt (Ons MT): 3 members, "
             "3 rounds, 1 plans, 2 actions, 1 checks\n"),
            (["import", "--from", out], copy,
             f"{out} geïmporteerd in {copy}: team mt (Ons MT): leden 3, "
             "rondes 3, plannen 1, acties 2, checks 1\n",
             f"imported {out} into {copy}: team mt (Ons MT): 3 members, "
             "3 rounds, 1 plans, 2 actions, 1 checks\n"),
        ], journal

    def assert_dutch(self, text, folder):
        """No English word of the catalog in `text` but the ids, names,
        paths, field names and command words it quotes."""
        text = text.replace(folder, "")
        text = re.sub(r"fives [a-z]+ [^)\n]*", "", text)  # a command
        text = re.sub(r"[a-z_]+(\.[a-z_]+|\[\d+\])+", "", text)  # a field
        text = text.replace("forgotten-1", "")  # the pseudonym, an id
        words = {w.lower()
                 for w in re.findall(r"[A-Za-z][A-Za-z'-]{3,}", text)}
        self.assertEqual(words & english_only_words(), set(), text)

    def test_every_confirmation_in_dutch_and_english(self):
        for lang in ("nl", "en"):
            folder = os.path.join(self.dir, lang)
            os.mkdir(folder)
            steps, journal = self.steps(folder)
            for args, other, dutch, in_english in steps:
                with self.subTest(args=args, lang=lang):
                    result = run(*args, "--journal", other or journal,
                                 "--lang", lang)
                    self.assertEqual(result.returncode, 0, result.stderr)
                    self.assertEqual(result.stderr, "")
                    self.assertEqual(result.stdout,
                                     dutch if lang == "nl" else in_english)
                    if lang == "nl":
                        self.assert_dutch(result.stdout, folder)

    def test_the_demo_says_where_it_wrote_the_journal(self):
        for lang, line in (("nl", "journaal opgeslagen in {}\n"),
                           ("en", "journal written to {}\n")):
            with self.subTest(lang=lang):
                path = os.path.join(self.dir, f"demo-{lang}.journal")
                result = run("demo", "--journal", path, "--lang", lang)
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertTrue(result.stdout.endswith(
                    "\n\n" + line.format(path)), result.stdout[-200:])

    def test_a_bad_language_is_bad_usage(self):
        # Refused before the journal is read, as every other command does.
        for command in (
                ["init", "--team", "mt", "--name", "MT"],
                ["member", "add", "anna", "Anna", "--date", "2026-01-05"],
                ["member", "leave", "anna", "--date", "2026-01-05"],
                ["member", "forget", "anna"],
                ["round", "start", "r1", "--date", "2026-01-05"],
                ["round", "score", "r1", "anna", "4", "4", "4", "4", "4"],
                ["round", "import", "r1", "--csv", "scores.csv"],
                ["round", "close", "r1", "--date", "2026-01-05"],
                ["plan", "r1", "--date", "2026-01-05", "--action", "a|b|c"],
                ["action", "update", "a1", "open", "--date", "2026-01-05"],
                ["action", "feedback", "a1", "--date", "2026-01-05",
                 "--author", "anna", "--text", "t"],
                ["charter", "set", "--date", "2026-01-05", ""],
                ["check", "record", "--date", "2026-01-05"],
                ["check", "tick", "c1", "--signal", "structure:1"],
                ["export", "--out", "x.json"],
                ["import", "--from", "x.json"]):
            name = " ".join(command[:2] if command[0] in (
                "member", "round", "action", "charter", "check")
                else command[:1])
            with self.subTest(command=command):
                self.usage(command + ["--journal", self.path, "--lang", "de"],
                           f'{name}: --lang: "de" is not supported')
        self.assertFalse(os.path.exists(self.path))


class ScoresCsvImportTest(JournalCase):
    """round import ROUND --csv FILE: a form's or a spreadsheet's scores."""

    USAGE = "usage: fives round import ROUND --csv FILE"

    def setUp(self):
        super().setUp()
        self.init_team()
        self.ok("round", "start", "r1", "--date", "2026-11-02", "--mode",
                "open")

    def csv_file(self, data, name="scores.csv"):
        path = os.path.join(self.dir, name)
        with open(path, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
        return path

    def test_import_then_report(self):
        # A Dutch spreadsheet: BOM, semicolons, CRLF, a quoted cell.
        rows = "".join(f"{m};{';'.join(map(str, s))}\r\n"
                       for m, s in ROUND1.items() if m != "femke")
        path = self.csv_file(
            "\ufeffLid;Stip & strategie;Synergie & sterktes;Structuur;"
            "Sturing;Succesfactoren\r\n" + rows + '"Femke";4;3;4;4;3\r\n')
        out = self.ok("round", "import", "r1", "--csv", path)
        self.assertEqual(out, f"round r1: 6 responses imported from {path}\n")
        self.ok("round", "close", "r1", "--date", "2026-11-03")
        report = self.ok_json("report", "--round", "r1")
        for pillar in report["pillars"]:
            i = PILLARS.index(pillar["pillar"][len("PILLAR_"):].lower())
            self.assertEqual(
                {s["member_id"]: s["score"] for s in pillar["scores"]},
                {m: s[i] for m, s in ROUND1.items()})

    def test_refusals_leave_the_journal_unchanged(self):
        header = "member,strategy,synergy,structure,steering,success\n"
        bad = self.csv_file(header + "anna,4,4,2,3,4\nbram,4,6,5,3,3\n"
                            "zed,1,1,1,1,1\n", "bad.csv")
        big = self.csv_file(header + "\n" * (1 << 20), "big.csv")
        missing = os.path.join(self.dir, "missing.csv")
        cases = [
            (["r1", "--csv", bad], 1,
             "fives: round import: scores CSV: 2 problems, nothing imported: "
             'line 3, column 3 (synergy): "6" is not a score 1-5; line 4, '
             'column 1 (member): "zed" is neither the id nor the name of a '
             'member of team "mt"'),
            (["r1", "--csv", big], 1,
             "fives: round import: scores CSV: 1048627 bytes, more than the "
             "1048576 fives reads"),
            (["r9", "--csv", bad], 1,
             'fives: round import: there is no round "r9" in the journal'),
            (["r1", "--csv", missing], 1,
             f"fives: round import: {missing} does not exist"),
            (["r1"], 2,
             "fives: round import: required: --csv FILE (" + self.USAGE +
             ")"),
            (["r1", "--csv="], 2, "fives: round import: required: --csv "
             "FILE"),
            ([], 2, "round import"),
            (["r1", "r2", "--csv", bad], 2, "round import"),
            (["r1", "--csv", bad, "--date", "2026-11-02"], 2, "--date"),
        ]
        before = self.read()
        for extra, status, message in cases:
            args = ["round", "import", *extra]
            with self.subTest(args=args):
                result = self.j(*args)
                self.assert_error(result, status, message, args)
                if status == 1:
                    self.assertEqual(result.stderr, message + "\n")
                self.assertEqual(self.read(), before)
        self.assertEqual(self.leftovers(), [])

    def test_help(self):
        out = run("help").stdout
        self.assertIn("  round import ROUND --csv FILE\n", out)
        self.assertLess(out.index("round score ROUND MEMBER S1"),
                        out.index("round import ROUND"))
        self.assertLess(out.index("round import ROUND"),
                        out.index("round close ROUND"))


class DemoJournalTest(JournalCase):
    def test_demo_then_report(self):
        out = self.ok("demo")
        self.assertIn("journal written to", out)
        report = self.ok("report")
        self.assertIn("Round 2026-12 of 21 December 2026 (confidential)", report)
        self.assertIn("Verdict on the focus: Structure (plan p1", report)
        self.assertIn("too small to tell", report)
        data = self.ok_json("report")
        self.assertEqual(data["plan_id"], "p1")
        self.assertEqual(data["focus_trend"]["mean_before"], 3)
        # The journal holds the whole cycle.
        actions = self.ok_json("action", "list")["actions"]
        self.assertEqual([a["id"] for a in actions], ["a1", "a2", "a3"])
        self.assertEqual(actions[2]["check_id"], "c1")
        self.assertEqual(
            self.ok_json("guardian", "--date", "2026-12-22")["guardian_id"],
            "bram")
        # Never over an existing file.
        before = self.read()
        self.refused(["demo"], "already exists")
        self.assertEqual(self.read(), before)

    def test_demo_shows_the_cycle(self):
        out = run("demo").stdout
        for part in ("Plan p1 on round 2026-11", "Check c1 on 15 December 2026",
                     "Round 2026-12 of 21 December 2026",
                     "Verdict on the focus: Structure",
                     "mean 3.00 before, 4.33 after",
                     "Follow-up on 22 December 2026",
                     "Collaboration check on 22 December 2026",
                     "Process guardian on 22 December 2026: bram"):
            self.assertIn(part, out)
        self.assertLess(out.index("Focus: Structure"), out.index("Plan p1"))
        # Each report ends with its verdict, the first one's "none yet".
        self.assertLess(out.index("Verdict on the focus: none yet"),
                        out.index("Plan p1"))
        self.assertLess(out.index("Round 2026-12"),
                        out.index("Verdict on the focus: Structure"))
        dutch = run("demo", "--lang", "nl").stdout
        self.assertIn("Oordeel over de focus: Structuur", dutch)
        self.assertIn("Procesbewaker op 22 december 2026", dutch)


class JournalErrorsTest(JournalCase):
    def setUp(self):
        super().setUp()
        self.init_team()
        self.score_round("r1", "2026-11-02", "open", ROUND1, "2026-11-03")
        self.ok("plan", "r1", "--date", "2026-11-03",
                "--action", "bram|Decision model|A decision table",
                "--action", "carla|Four blocks|Agendas with four blocks")

    def test_usage_errors(self):
        cases = [
            (["member"], "missing subcommand"),
            (["member", "bogus"], 'unknown subcommand "bogus"'),
            (["member", "--json", "list"], "the subcommand comes first"),
            (["member", "add", "x"], "missing argument"),
            (["member", "add", "x", "X", "y", "--date", "2026-01-01"],
             'unexpected argument "y"'),
            (["member", "add", "x", "X"], "--date YYYY-MM-DD is required"),
            (["member", "add", "x", "X", "--date", "2026-13-01"],
             '"2026-13-01" is not a date'),
            (["member", "add", "x", "X", "--date", "2026-02-30"], "not a date"),
            (["member", "add", "x", "X", "--date", "yesterday"], "not a date"),
            (["member", "add", "x", "X", "--date"], "needs a value"),
            (["member", "list", "--bogus"], "unknown flag --bogus"),
            (["member", "forget", "anna", "--date", "2026-01-01"],
             "unknown flag --date"),
            (["round", "frob"], "unknown subcommand"),
            (["round", "start", "r2", "--date", "2026-12-01", "--mode",
              "secret"], '"secret" is not open or confidential'),
            (["round", "score", "r1", "anna", "1", "2", "3", "4"],
             "missing argument"),
            (["round", "score", "r1", "anna", "1", "2", "3", "4", "6"],
             '"6" is not a score'),
            (["round", "score", "r1", "anna", "1", "2", "3", "4", "x"],
             '"x" is not a score'),
            (["round", "score", "r1", "anna", "1", "2", "3", "4", "-1"],
             '"-1" is not a score'),
            (["round", "close", "r1"], "--date"),
            (["report", "--lang", "de"], '"de"'),
            (["report", "--round"], "needs a value"),
            (["report", "--round", "--json"], "--round needs a value"),
            (["report", "--json=maybe"], "--json"),
            (["plan", "r1", "--date", "2026-11-03"], "no --action"),
            (["plan", "r1", "--date", "2026-11-03", "--action", "a|b"],
             "is not 'OWNER|TITLE|VISIBLE RESULT[|DUE]'"),
            (["plan", "r1", "--date", "2026-11-03", "--action",
              "bram|t|v|2026-11-31"], "not a date"),
            (["plan", "r1", "--date", "2026-11-03", "--focus", "money",
              "--action", "bram|t|v"], '"money" is not a pillar'),
            (["action", "update", "a1", "finish", "--date", "2026-11-04"],
             '"finish" is not one of: open, done, drop'),
            (["action", "update", "a1", "drop", "--date", "2026-11-04"],
             "drop needs --reason"),
            (["action", "feedback", "a1", "--date", "2026-11-04",
              "--author", "bram"], "required: --author, --text (usage: "),
            (["action", "feedback", "a1", "--date", "2026-11-04", "--author",
              "bram", "--text", "x", "--progress", "half"],
             '"half" is not a whole number'),
            (["action", "feedback", "a1", "--date", "2026-11-04", "--author",
              "bram", "--text", "x", "--progress", "101"], "0 to 100"),
            (["action", "list", "--pillar", "money"], "not a pillar"),
            (["check", "record", "--date", "2026-12-15", "--review",
              "a1=maybe"], '"maybe" is not an outcome'),
            (["check", "record", "--date", "2026-12-15", "--review",
              "a1=dropped"], "dropping needs a reason"),
            (["check", "record", "--date", "2026-12-15", "--review",
              "a1=replanned:soon"], "not a date"),
            (["check", "record", "--date", "2026-12-15", "--agree",
              "x|bram"], "is not 'TEXT'"),
            (["check", "due"], "--date YYYY-MM-DD is required"),
            (["guardian"], "never reads the clock"),
            (["export", "--format", "yaml"],
             '--format: "yaml" is not one of: binary, json, text'),
            (["import"], "required: --from FILE (usage: "),
            (["init", "--team", "x"], "required: --team, --name (usage: "),
        ]
        before = self.read()
        for args, fragment in cases:
            with self.subTest(args=args):
                self.usage(args, fragment)
        self.assertEqual(self.read(), before)

    def test_refused_operations_leave_the_file_untouched(self):
        cases = [
            (["member", "add", "anna", "Anna 2", "--date", "2026-01-05"],
             "anna"),
            (["member", "add", "bad id", "X", "--date", "2026-01-05"],
             '"bad id" is not a valid id'),
            (["member", "leave", "zed", "--date", "2026-01-05"], "zed"),
            (["round", "start", "r1", "--date", "2026-12-01"], "r1"),
            (["round", "score", "r1", "anna", "1", "2", "3", "4", "5"],
             "closed"),
            (["round", "score", "r9", "anna", "1", "2", "3", "4", "5"], "r9"),
            (["round", "close", "r1", "--date", "2026-12-01"], "r1"),
            (["report", "--round", "r9"], "r9"),
            (["plan", "r1", "--date", "2026-11-03", "--action", "bram|t|v",
              "--action", "carla|t|v"], "already has plan"),
            (["action", "update", "a1", "done", "--date", "2026-11-04"],
             "cannot go from proposed to done"),
            (["action", "update", "a9", "open", "--date", "2026-11-04"], "a9"),
            (["action", "feedback", "a1", "--date", "2026-11-04", "--author",
              "zed", "--text", "x"], "zed"),
            (["action", "list", "--owner", "zed"], "zed"),
            (["check", "record", "--date", "2026-12-15", "--review",
              "a1=kept"], "not open"),
        ]
        before = self.read()
        for args, fragment in cases:
            with self.subTest(args=args):
                self.refused(args, fragment)
                self.assertEqual(self.read(), before)
        self.assertEqual(self.leftovers(), [])

    def test_unknown_command(self):
        self.assert_error(run("journal"), 2, "unknown command", ["journal"])
        self.assert_error(run(), 2, "no command given", [])

    def test_help_names_the_journal_commands(self):
        result = run("help")
        self.assertEqual(result.returncode, 0)
        for command in ("init", "member add", "round score", "report", "plan",
                        "action list", "check record", "check tick",
                        "--signal PILLAR:N", "charter show", "charter set",
                        "charter check", "charter signals", "guardian",
                        "export", "import", "never reads the clock"):
            self.assertIn(command, result.stdout)


class DamagedJournalTest(JournalCase):
    COMMANDS = [
        ["report"],
        ["member", "list"],
        ["member", "add", "zoe", "Zoe", "--date", "2026-02-01"],
        ["round", "start", "r9", "--date", "2026-12-01"],
        ["action", "list", "--date", "2026-12-01"],
        ["guardian", "--date", "2026-12-01"],
        ["export"],
    ]

    def setUp(self):
        super().setUp()
        self.init_team()
        self.score_round("r1", "2026-11-02", "open", ROUND1, "2026-11-03")
        self.good = self.read()

    def assert_refused_untouched(self, data, what):
        self.write(data)
        for args in self.COMMANDS:
            with self.subTest(damage=what, args=args):
                self.refused(args, "journal file")
                self.assertEqual(self.read(), data)
        self.assertEqual(self.leftovers(), [])

    def test_truncated(self):
        n = len(self.good)
        for cut in (0, 1, 10, n // 2, n - 5, n - 1):
            self.assert_refused_untouched(self.good[:cut], "cut at %d" % cut)

    def test_flipped_byte(self):
        n = len(self.good)
        for pos in (0, 3, 20, n // 3, n // 2, n - 3, n - 1):
            data = bytearray(self.good)
            data[pos] ^= 0x5A
            self.assert_refused_untouched(bytes(data), "byte %d" % pos)

    def test_foreign_file(self):
        self.assert_refused_untouched(b'{"team": {"id": "mt"}}\n', "json")
        self.assert_refused_untouched(b"\x00" * 64, "zeros")

    def test_missing_journal(self):
        missing = os.path.join(self.dir, "none.journal")
        for args in self.COMMANDS:
            with self.subTest(args=args):
                self.refused(args, "does not exist", journal=missing)
        self.assertFalse(os.path.exists(missing))

    def test_default_journal_is_in_the_working_folder(self):
        result = subprocess.run([FIVES, "member", "list"], cwd=self.dir,
                                capture_output=True, text=True, timeout=60)
        self.assert_error(result, 1, "./fives.journal does not exist",
                          ["member", "list"])


class ExistingFileTest(JournalCase):
    def test_init_refuses_an_existing_file(self):
        self.ok("init", "--team", "mt", "--name", "MT")
        before = self.read()
        self.refused(["init", "--team", "other", "--name", "Other"],
                     "already exists")
        self.assertEqual(self.read(), before)
        other = os.path.join(self.dir, "notes.txt")
        self.write(b"not a journal", other)
        self.refused(["init", "--team", "x", "--name", "X"], "already exists",
                     journal=other)
        self.assertEqual(self.read(other), b"not a journal")

    def test_import_refuses_an_existing_journal_unless_forced(self):
        self.init_team()
        export = os.path.join(self.dir, "team.json")
        self.ok("export", "--out", export)
        self.refused(["export", "--out", export], "already exists")
        other = os.path.join(self.dir, "other.journal")
        self.ok("init", "--team", "other", "--name", "Other", journal=other)
        before = self.read(other)
        self.refused(["import", "--from", export], "already exists",
                     journal=other)
        self.assertEqual(self.read(other), before)
        self.ok("import", "--from", export, "--force", journal=other)
        self.assertEqual(self.read(other), self.read())
        self.assertEqual(self.leftovers(), [])

    def test_import_validates(self):
        bad = os.path.join(self.dir, "bad.json")
        target = os.path.join(self.dir, "new.journal")
        cases = [
            (b'{"team": {"id": "x", "nme": "X"}}', "json", "nme"),
            (b'{"team": {"id": "x", "name": "X", "members": [{"id": "a", '
             b'"display_name": "A", "joined": "2026-99-01"}]}}', "json",
             "2026-99-01"),
            (b"team { id: ", "text", "text"),
            (b"\xff\xff\xff", "binary", "fives.v1.Journal"),
        ]
        for data, fmt, fragment in cases:
            with self.subTest(fmt=fmt, fragment=fragment):
                self.write(data, bad)
                self.refused(["import", "--from", bad, "--format", fmt],
                             fragment, journal=target)
                self.assertFalse(os.path.exists(target))
        self.refused(["import", "--from", os.path.join(self.dir, "none")],
                     "does not exist", journal=target)
        self.assertEqual(self.leftovers(), [])


class LeftoverTempFilesTest(JournalCase):
    def test_a_change_removes_what_killed_saves_left_behind(self):
        self.ok("init", "--team", "mt", "--name", "MT")
        left = self.path + ".tmp-K1lled"
        lookalikes = [self.path + ".tmp-ABC", self.path + "2.tmp-Abc123"]
        for name in [left, *lookalikes]:
            self.write(b"half a journal", name)
        self.ok("member", "add", "anna", "Anna", "--date", "2026-01-05")
        self.assertFalse(os.path.exists(left))
        for name in lookalikes:
            self.assertEqual(self.read(name), b"half a journal")


class ReportDocumentsTest(JournalCase):
    """fives report --format md|html|json|svg on the demo journal, --out,
    and fives demo --format ... --out."""

    def setUp(self):
        super().setUp()
        self.ok("demo")  # writes the demo journal to self.path

    def report(self, *args):
        return self.ok("report", *args)

    def test_json(self):
        data = json.loads(self.report("--format", "json"))
        self.assertIn("round", data)
        self.assertEqual(data["round"]["round_id"], "2026-12")
        self.assertEqual(data["round"]["team_name"], "Demo MT")
        # Without --date: as of the day the round closed.
        self.assertEqual(data["as_of"], "2026-12-22")
        self.assertIn("next_check", data)
        self.assertEqual(data["plan"]["id"], "p1")
        data = json.loads(self.report("--format", "json", "--date",
                                      "2027-01-05"))
        self.assertEqual(data["as_of"], "2027-01-05")
        data = json.loads(self.report("--format", "json", "--round", "2026-11",
                                      "--lang", "nl"))
        self.assertEqual(data["round"]["round_id"], "2026-11")
        self.assertEqual(data["round"]["language"], "nl")
        self.assertEqual(data["round"]["focus"], "PILLAR_STRUCTURE")

    def test_markdown(self):
        md = self.report("--format", "md")
        self.assertTrue(md.startswith("# 5S report: Demo MT\n"), md[:60])
        self.assertIn("21 December 2026", md)
        self.assertIn("As of 22 December 2026", md)
        self.assertIn("Focus: Steering", md)
        self.assertNotIn("<svg", md)
        later = self.report("--format", "md", "--date", "2027-01-05")
        self.assertIn("As of 5 January 2027", later)
        self.assertNotIn("As of 22 December 2026", later)
        nl = self.report("--format", "md", "--lang", "nl")
        self.assertTrue(nl.startswith("# 5S-rapport: Demo MT\n"), nl[:60])
        self.assertIn("Stand van zaken op 22 december 2026", nl)

    def test_html(self):
        html = self.report("--format", "html")
        self.assertTrue(html.startswith("<!DOCTYPE html>\n"), html[:40])
        self.assertIn('<html lang="en">', html)
        self.assertEqual(html.count("<svg"), 3)
        self.assertNotIn("<?xml", html)
        self.assertNotIn("<script", html)
        self.assertIn("As of 22 December 2026", html)
        self.assertIn("As of 5 January 2027",
                      self.report("--format", "html", "--date", "2027-01-05"))
        # Elements open and close in pairs (with or without a class).
        for tag in ("table", "ul"):
            self.assertEqual(len(re.findall(r"<%s[ >]" % tag, html)),
                             html.count("</%s>" % tag), tag)
        nl = self.report("--format", "html", "--lang", "nl")
        self.assertIn('<html lang="nl">', nl)
        self.assertIn("21 december 2026", nl)
        self.assertRegex(nl, r'<td class="num">\d,\d\d</td>')
        self.assertEqual(html, self.report("--format", "html"))

    def test_svg(self):
        pictures = {}
        for picture in (None, "radar", "strips", "trend"):
            with self.subTest(picture=picture):
                args = ["--format", "svg"]
                if picture:
                    args += ["--picture", picture]
                svg = self.report(*args)
                self.assertTrue(svg.startswith("<?xml"), svg[:40])
                root = ET.fromstring(svg.encode("utf-8"))
                self.assertEqual(root.tag, "{http://www.w3.org/2000/svg}svg")
                self.assertIsNotNone(
                    root.find("{http://www.w3.org/2000/svg}title"))
                pictures[picture] = svg
        # The radar is the default picture; the three pictures differ.
        self.assertEqual(pictures[None], pictures["radar"])
        self.assertEqual(len({pictures["radar"], pictures["strips"],
                              pictures["trend"]}), 3)
        self.assertIn("spread", pictures["strips"])
        self.assertIn("2026-11", pictures["trend"])
        nl = self.report("--format", "svg", "--picture", "strips", "--lang",
                         "nl")
        ET.fromstring(nl.encode("utf-8"))
        self.assertNotEqual(nl, pictures["strips"])

    def test_out_writes_the_file(self):
        for fmt, name in (("md", "r.md"), ("html", "r.html"),
                          ("json", "r.json"), ("svg", "r.svg")):
            with self.subTest(fmt=fmt):
                target = os.path.join(self.dir, name)
                stdout = self.report("--format", fmt, "--out", target)
                self.assertEqual(stdout, "")
                with open(target, encoding="utf-8") as f:
                    written = f.read()
                self.assertEqual(written, self.report("--format", fmt))
        with open(os.path.join(self.dir, "r.json"), encoding="utf-8") as f:
            self.assertIn("round", json.load(f))
        ET.parse(os.path.join(self.dir, "r.svg"))
        # --out replaces an existing file.
        target = os.path.join(self.dir, "r.md")
        self.report("--format", "md", "--date", "2027-01-05", "--out", target)
        with open(target, encoding="utf-8") as f:
            self.assertIn("As of 5 January 2027", f.read())
        self.assertEqual(self.leftovers(), [])
        # A folder that does not exist: refused, nothing left behind.
        self.refused(["report", "--format", "md", "--out",
                      os.path.join(self.dir, "none", "r.md")], "report")
        self.assertEqual(self.leftovers(), [])

    def test_reports_follow_the_umask_and_journals_stay_private(self):
        for umask, expected in ((0o022, 0o644), (0o077, 0o600),
                                (0o002, 0o664)):
            with self.subTest(umask=oct(umask)):
                target = os.path.join(self.dir, f"shared-{umask:o}.md")
                old = os.umask(umask)
                try:
                    self.report("--format", "md", "--out", target)
                finally:
                    os.umask(old)
                self.assertEqual(os.stat(target).st_mode & 0o777, expected)
        # The journal, saved by every command that changes it, whatever the
        # umask: its owner only.
        old = os.umask(0o022)
        try:
            self.ok("member", "add", "zed", "Zed", "--date", "2026-01-06")
        finally:
            os.umask(old)
        self.assertEqual(os.stat(self.path).st_mode & 0o777, 0o600)

    def test_usage_errors(self):
        self.usage(["report", "--format", "pdf"], '"pdf"')
        self.usage(["report", "--format", "PDF"], "--format")
        self.usage(["report", "--format", ""], "--format")
        self.usage(["report", "--format"], "needs a value")
        self.usage(["report", "--format", "svg", "--picture", "pie"], '"pie"')
        self.usage(["report", "--format", "svg", "--picture", ""], "--picture")
        self.usage(["report", "--format", "md", "--date", "2026-02-30"],
                   "not a date")
        self.usage(["report", "--format", "md", "--out"], "needs a value")
        self.usage(["demo", "--format", "pdf"], '"pdf"')
        self.usage(["demo", "--format", "svg", "--picture", "pie"], '"pie"')
        # The same with a journal given.
        self.assert_error(self.j("report", "--format", "pdf"), 2, '"pdf"',
                          "report --format pdf")
        self.assert_error(self.j("report", "--format", "svg", "--picture",
                                 "bars"), 2, '"bars"', "--picture bars")

    def test_unknown_round(self):
        self.refused(["report", "--format", "html", "--round", "r9"], "r9")


class DemoDocumentsTest(unittest.TestCase):
    def setUp(self):
        self._dir = tempfile.TemporaryDirectory()
        self.dir = self._dir.name

    def tearDown(self):
        self._dir.cleanup()

    def demo(self, *args):
        result = run("demo", *args)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stderr, "")
        return result.stdout

    def test_html_out(self):
        for lang, month in (("en", "21 December 2026"),
                            ("nl", "21 december 2026")):
            with self.subTest(lang=lang):
                target = os.path.join(self.dir, f"demo-{lang}.html")
                self.assertEqual(
                    self.demo("--format", "html", "--lang", lang, "--out",
                              target), "")
                with open(target, encoding="utf-8") as f:
                    html = f.read()
                self.assertTrue(html.startswith("<!DOCTYPE html>\n"))
                self.assertIn(f'<html lang="{lang}">', html)
                self.assertEqual(html.count("<svg"), 3)
                self.assertNotIn("<?xml", html)
                self.assertIn(month, html)
                self.assertEqual(html, self.demo("--format", "html", "--lang",
                                                 lang))
        # The demo writes no journal unless asked to.
        self.assertEqual(sorted(os.listdir(self.dir)),
                         ["demo-en.html", "demo-nl.html"])

    def test_other_formats(self):
        data = json.loads(self.demo("--format", "json"))
        self.assertEqual(data["round"]["round_id"], "2026-12")
        self.assertEqual(data["as_of"], "2026-12-22")
        self.assertTrue(self.demo("--format", "md").startswith("# 5S report"))
        for picture in ("radar", "strips", "trend"):
            with self.subTest(picture=picture):
                svg = self.demo("--format", "svg", "--picture", picture)
                ET.fromstring(svg.encode("utf-8"))
        target = os.path.join(self.dir, "demo.svg")
        self.assertEqual(self.demo("--format", "svg", "--picture", "trend",
                                   "--out", target), "")
        ET.parse(target)


# --- The team charter -------------------------------------------------------

# A charter with 3 of the 4 strategy agreements, 2 of 3 of synergy (only
# anna has a style), 1 of 3 of structure, 1 of 4 of steering (one KPI where
# the method asks 6 to 10) and the goals of success (lib/charter/charter.cc,
# kAgreements).
KNOWN_CHARTER = """
strategy {
  shared_sentence: "As an MT we are successful when the customer notices"
  priorities: "Growth" priorities: "People" priorities: "Quality"
  not_doing: "New markets"
}
synergy {
  disagreement_norm: "At the table, not in the corridor"
  feedback_language: "Short, concrete, direct"
  styles { member_id: "anna" style: "decisive" }
}
structure {
  decision_register { topic: "Budget" model: DECISION_MODEL_CONSENT
                      owner_id: "bram" }
  agenda { title: "Monthly figures" kind: AGENDA_KIND_UPDATE }
}
steering {
  kpis { name: "NPS" owner_id: "carla" target: "40" priority: "Growth" }
  moments { kind: "budget" date: "2026-02-10" }
  risks { description: "Churn" owner_id: "daan" }
}
success { goals { goal: "Meetings end on time" progress: 50 } }
"""


class CharterTest(JournalCase):
    def setUp(self):
        super().setUp()
        self.init_team()
        out = self.ok("charter", "set", "--date", "2026-03-01", KNOWN_CHARTER)
        self.assertIn("charter set on 1 March 2026; warnings: 3\n", out)
        # Warnings pass: one KPI, an update on the agenda, a passed moment.
        self.assertIn("  warning: steering.kpis: 1 KPIs; the method asks 6 to "
                      "10\n", out)
        self.assertIn("structure.agenda[0].kind", out)
        self.assertIn("steering.moments[0].date", out)

    def review(self, *args, date="2026-03-02"):
        data = self.ok_json("charter", "check", "--date", date, *args)
        return data, {p["key"]: p for p in data["pillars"]}

    def test_check_json(self):
        data, pillars = self.review()
        self.assertEqual(data["as_of"], "2026-03-02")
        self.assertEqual(data["stale_days"], 365)
        self.assertEqual([p["key"] for p in data["pillars"]], list(PILLARS))
        readiness = {k: p["readiness"] for k, p in pillars.items()}
        self.assertEqual(readiness["strategy"], 0.75)
        self.assertAlmostEqual(readiness["synergy"], 2 / 3, places=12)
        self.assertAlmostEqual(readiness["structure"], 1 / 3, places=12)
        self.assertEqual(readiness["steering"], 0.25)
        # No check yet: no guardian term, no check rhythm.
        self.assertAlmostEqual(readiness["success"], 1 / 3, places=12)
        self.assertEqual(pillars["strategy"]["missing"],
                         ["strategy_checked_decisions"])
        self.assertEqual(pillars["synergy"]["missing"], ["styles"])
        self.assertEqual(pillars["structure"]["missing"],
                         ["meeting_blocks", "topic_owners"])
        self.assertEqual(pillars["steering"]["missing"],
                         ["kpis", "moments", "communication"])
        self.assertEqual(pillars["success"]["missing"],
                         ["guardian", "check_rhythm"])
        # No plan: the next agreement is the first missing one of the pillar
        # with the lowest readiness.
        self.assertEqual(data["next"], {
            "pillar": "PILLAR_STEERING", "key": "kpis",
            "reason": "NEXT_REASON_LOWEST_READINESS"})
        self.assertEqual(data["errors"], 0)
        self.assertEqual(data["warnings"], 3)
        fields = [f["field"] for f in pillars["steering"]["findings"]]
        self.assertEqual(fields, ["steering.kpis", "steering.moments[0].date"])
        self.assertEqual(pillars["steering"]["findings"][0]["severity"],
                         "FINDING_SEVERITY_WARNING")
        # Stale after 30 days: readiness 0 is printed, not left out.
        _, stale = self.review("--stale-days", "30", date="2026-05-01")
        self.assertEqual(stale["strategy"]["readiness"], 0)
        self.assertEqual(stale["strategy"]["stale"],
                         ["shared_sentence", "priorities", "not_doing"])

    def test_check_text(self):
        out = self.ok("charter", "check", "--date", "2026-03-02")
        for part in (
                "Team charter: Our MT",
                "As of 2 March 2026; agreements older than 365 days are stale",
                "errors: 0, warnings: 3",
                "Strategy: Readiness 3/4\n"
                "  Missing: Decisions checked against the strategy\n",
                "Synergy & strengths: Readiness 2/3\n"
                "  Missing: Preference styles\n",
                "Steering: Readiness 1/4\n"
                "  Missing: 6 to 10 core KPIs; Steering moments of the year; "
                "Communication plan\n",
                "  warning: 1 KPIs; the method asks 6 to 10\n",
                "Next agreement: 6 to 10 core KPIs (Steering, the pillar with "
                "the fewest agreements in place). Choose 6 to 10 core KPIs"):
            self.assertIn(part, out)
        stale = self.ok("charter", "check", "--date", "2026-05-01",
                        "--stale-days=30")
        self.assertIn("Strategy: Readiness 0/4\n", stale)
        self.assertIn("Stale: Shared sentence (confirmed 1 March 2026)", stale)
        dutch = self.ok("charter", "check", "--date", "2026-03-02", "--lang",
                        "nl")
        self.assertIn("Teamcharter: Our MT", dutch)
        self.assertIn("Stip & strategie: Afspraken 3/4", dutch)
        self.assertIn("Ontbreekt: Besluiten langs de strategie", dutch)
        self.assertIn("Volgende afspraak: 6 tot 10 kern-KPI's (Sturing", dutch)
        # The findings too, in the reader's language.
        self.assertIn("  waarschuwing: 1 KPI's; de methode vraagt er 6 tot 10\n",
                      dutch)

    def test_show(self):
        out = self.ok("charter", "show")
        for part in (
                "Team charter: Our MT\n\nStrategy\n",
                "  Shared sentence: As an MT we are successful when the "
                "customer notices (confirmed 1 March 2026)\n",
                "  3 to 5 priorities (confirmed 1 March 2026):\n"
                "    - Growth\n    - People\n    - Quality\n",
                "  Decisions checked against the strategy: not recorded\n",
                "    - anna (Anna): decisive, confirmed 1 March 2026; pitfall: "
                "deciding before everyone has been heard\n",
                "    - Budget: consent, owner bram (Bram), confirmed "
                "1 March 2026\n",
                "    - Monthly figures: update (a written note is enough)\n",
                "    - NPS: owner carla (Carla), target 40, steers Growth, "
                "confirmed 1 March 2026\n",
                "    - budget 10 February 2026: not held\n",
                "    - Churn: owner daan (Daan), confirmed 1 March 2026\n",
                "    - Meetings end on time: progress 50%, confirmed "
                "1 March 2026\n"):
            self.assertIn(part, out)
        dutch = self.ok("charter", "show", "--lang", "nl")
        self.assertIn("Stip & strategie\n  Gedeelde zin:", dutch)
        self.assertIn("eigenaar carla (Carla), doel 40, stuurt op Growth",
                      dutch)
        self.assertIn("besluitvaardig, bevestigd op 1 maart 2026; valkuil:",
                      dutch)
        charter = self.ok_json("charter", "show")
        self.assertEqual(charter["strategy"]["priorities"],
                         ["Growth", "People", "Quality"])
        self.assertEqual(charter["strategy"]["shared_sentence_updated"],
                         "2026-03-01")
        self.assertEqual(charter["structure"]["decision_register"][0]["model"],
                         "DECISION_MODEL_CONSENT")
        self.assertEqual(charter["steering"]["kpis"][0]["owner_id"], "carla")
        self.assertEqual(charter["success"]["goals"][0]["progress"], 50)

    def test_set_keeps_the_sections_left_out(self):
        before = self.ok_json("charter", "show")
        self.ok("charter", "set", "--date", "2026-04-01",
                'strategy { shared_sentence: "We are successful when ..." }')
        after = self.ok_json("charter", "show")
        # The section given replaces the journal's, whole.
        self.assertEqual(after["strategy"], {
            "shared_sentence": "We are successful when ...",
            "shared_sentence_updated": "2026-04-01"})
        for section in ("synergy", "structure", "steering", "success"):
            self.assertEqual(after[section], before[section], section)
        _, pillars = self.review(date="2026-04-02")
        self.assertEqual(pillars["strategy"]["readiness"], 0.25)
        self.assertAlmostEqual(pillars["synergy"]["readiness"], 2 / 3)

    def test_set_json_from_a_file(self):
        charter = self.ok_json("charter", "show")
        charter["strategy"]["strategy_checked_decisions"] = ["Investments"]
        path = os.path.join(self.dir, "charter.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(charter, f)
        self.ok("charter", "set", "--date", "2026-03-05", "--format", "json",
                "--file", path)
        _, pillars = self.review(date="2026-03-06")
        self.assertEqual(pillars["strategy"]["readiness"], 1)
        self.assertEqual(pillars["strategy"]["missing"], [])
        shown = self.ok_json("charter", "show")["strategy"]
        self.assertEqual(shown["strategy_checked_decisions_updated"],
                         "2026-03-05")
        self.assertEqual(shown["shared_sentence_updated"], "2026-03-01")
        # The same as text format from a file.
        text = os.path.join(self.dir, "charter.txt")
        with open(text, "w", encoding="utf-8") as f:
            f.write('synergy { feedback_language: "Kind and clear" }')
        self.ok("charter", "set", "--date", "2026-03-07", "--file", text)
        self.assertEqual(self.ok_json("charter", "show")["synergy"],
                         {"feedback_language": "Kind and clear",
                          "feedback_language_updated": "2026-03-07"})

    def test_set_refused_leaves_the_file_untouched(self):
        before = self.read()
        bad_json = os.path.join(self.dir, "bad.json")
        with open(bad_json, "w", encoding="utf-8") as f:
            f.write('{"steering": {"kpis": [{"name": "x", "ownr": "anna"}]}}')
        cases = [
            (["charter", "set", "--date", "2026-03-02",
              'steering { risks { description: "Fire" owner_id: "zed" } }'],
             "team charter, steering.risks[0].owner_id: zed is not a current "
             "member on 2 March 2026; choose another"),
            (["charter", "set", "--date", "2026-03-02",
              'success { goals { goal: "x" progress: 120 } }'],
             "team charter, success.goals[0].progress: 120 is outside 0 to "
             "100"),
            (["charter", "set", "--date", "2026-03-02",
              'strategy { shared_sentence: "unclosed }'],
             "the charter argument: not text format of a fives.v1.Charter"),
            (["charter", "set", "--date", "2026-03-02", "strategy: 3"],
             "the charter argument: not text format"),
            (["charter", "set", "--date", "2026-03-02", "--format", "json",
              "{strategy"], "the charter argument: not JSON"),
            (["charter", "set", "--date", "2026-03-02", "--format", "json",
              "--file", bad_json], "--file %s: not JSON" % bad_json),
            (["charter", "set", "--date", "2026-03-02", "--file",
              os.path.join(self.dir, "nope.txt")], "does not exist"),
        ]
        for args, fragment in cases:
            with self.subTest(args=args):
                self.refused(args, fragment)
                self.assertEqual(self.read(), before)
        self.assertEqual(self.leftovers(), [])

    def test_usage_errors(self):
        before = self.read()
        cases = [
            (["charter"], "missing subcommand"),
            (["charter", "frob"], 'unknown subcommand "frob"'),
            (["charter", "set", "strategy {}"], "--date YYYY-MM-DD is required"),
            (["charter", "set", "--date", "2026-03-02"], "--file FILE or as one"),
            (["charter", "set", "--date", "2026-03-02", "--file", "x",
              "strategy {}"], "not both"),
            (["charter", "set", "--date", "2026-03-02", "--format", "yaml",
              "strategy {}"], '--format: "yaml" is not one of: text, json'),
            (["charter", "check"], "--date YYYY-MM-DD is required"),
            (["charter", "check", "--date", "2026-03-02", "--stale-days",
              "soon"], '"soon" is not a whole number'),
            (["charter", "check", "--date", "2026-03-02", "--stale-days", "1",
              "--stale-days", "2"], "more than once"),
            (["charter", "check", "--date", "2026-03-02", "--lang", "de"],
             '"de"'),
            (["charter", "show", "--date", "2026-03-02"], "unknown flag --date"),
            (["charter", "signals", "--lang", "fr"], '"fr"'),
        ]
        for args, fragment in cases:
            with self.subTest(args=args):
                self.usage(args, fragment)
        self.assertEqual(self.read(), before)

    def test_errors_fail_the_check(self):
        # The owner of the risk leaves: the charter now has an error.
        self.ok("member", "leave", "daan", "--date", "2026-03-10")
        args = ["charter", "check", "--date", "2026-03-11"]
        result = self.j(*args)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn("errors: 1, warnings: 3", result.stdout)
        self.assertIn("  error: daan is not a current member on 11 March 2026; "
                      "choose another", result.stdout)
        self.assertEqual(result.stderr,
                         "fives: charter check: the charter has 1 error as of "
                         "2026-03-11\n")
        result = self.j(*args, "--json")
        self.assertEqual(result.returncode, 1)
        self.assertEqual(json.loads(result.stdout)["errors"], 1)
        # Before the owner left, no error.
        self.ok("charter", "check", "--date", "2026-03-09")

    def test_no_charter(self):
        other = os.path.join(self.dir, "other.journal")
        self.ok("init", "--team", "x", "--name", "X", journal=other)
        self.assertIn("No charter recorded yet.",
                      self.ok("charter", "show", journal=other))
        self.assertEqual(self.ok_json("charter", "show", journal=other), {})
        data = self.ok_json("charter", "check", "--date", "2026-03-02",
                            journal=other)
        self.assertEqual([p["readiness"] for p in data["pillars"]],
                         [0, 0, 0, 0, 0])


class CharterSignalsTest(JournalCase):
    def setUp(self):
        super().setUp()
        self.init_team()

    def test_signal_catalog(self):
        out = run("charter", "signals").stdout
        self.assertIn("a check ticks one by its label, such as structure:2",
                      out)
        # In Dutch the labels are Dutch, and --signal takes them as well.
        dutch = run("charter", "signals", "--lang", "nl").stdout
        self.assertIn("  structuur:2  ", dutch)
        self.assertIn("Strategy\n  strategy:1  The same debate", out)
        self.assertIn("  strategy:2  Many decisions are made ad hoc", out)
        self.assertIn("  success:2  Energy drains away", out)
        self.assertNotIn("success:3", out)
        dutch = run("charter", "signals", "--lang", "nl").stdout
        self.assertIn("  strategie:2  Er wordt veel ad hoc besloten", dutch)
        self.assertIn("Signalen per pijler", dutch)

    def test_signals_counted_over_two_checks(self):
        out = self.ok("check", "record", "--date", "2026-03-10",
                      "--signal", "strategy:2", "--signal", "structure:3")
        self.assertIn("warning signal: strategy:2 Many decisions are made ad "
                      "hoc", out)
        self.ok("check", "record", "--date", "2026-04-21",
                "--signal", "strategy:2")
        # A signal ticked afterwards at the first check.
        out = self.ok("check", "tick", "c1", "--signal", "steering:1")
        self.assertIn("Check c1 on 10 March 2026", out)
        self.assertIn("warning signal: steering:1 Incidents determine", out)
        # Stored with the numbers of --signal and the screens, from 1.
        ticks = json.loads(self.ok("export"))["charter"]["signals"]
        self.assertEqual(
            [(t["check_id"], t["pillar"], t["number"]) for t in ticks],
            [("c1", "PILLAR_STRATEGY", 2), ("c1", "PILLAR_STRUCTURE", 3),
             ("c2", "PILLAR_STRATEGY", 2), ("c1", "PILLAR_STEERING", 1)])
        self.assertFalse(any("signal" in t for t in ticks))

        data = self.ok_json("charter", "check", "--date", "2026-04-30")
        self.assertEqual(data["checks"], 2)
        signals = {p["key"]: p["signals"] for p in data["pillars"]}
        self.assertEqual(signals["strategy"], [{
            "number": 2, "checks": 2, "first": "2026-03-10",
            "last": "2026-04-21", "at_latest_check": True}])
        self.assertEqual(signals["structure"], [{
            "number": 3, "checks": 1, "first": "2026-03-10",
            "last": "2026-03-10", "at_latest_check": False}])
        self.assertEqual(signals["steering"][0]["at_latest_check"], False)
        self.assertEqual(signals["synergy"], [])
        text = self.ok("charter", "check", "--date", "2026-04-30")
        self.assertIn(
            "    - strategy:2 Many decisions are made ad hoc and the MT is "
            "mostly fighting fires: ticked at 2 of 2 checks (since "
            "10 March 2026), also at the latest check\n", text)
        self.assertIn(
            "    - structure:3 Decisions stay vague, actions get lost and "
            "nobody follows up: ticked at 1 of 2 checks (since 10 March 2026), "
            "no longer at the latest check\n", text)
        # As of a day between the checks, only the first one counts.
        early = self.ok_json("charter", "check", "--date", "2026-03-20")
        self.assertEqual(early["checks"], 1)
        self.assertEqual(early["pillars"][0]["signals"][0]["checks"], 1)
        # The checks ticked signals; the charter's pillars are still unset,
        # and setting them keeps the signals.
        self.ok("charter", "set", "--date", "2026-05-01",
                'success { goals { goal: "x" } }')
        self.assertEqual(
            len(json.loads(self.ok("export"))["charter"]["signals"]), 4)

    def test_bad_signals_are_refused(self):
        before = self.read()
        for args, fragment in [
            (["check", "record", "--date", "2026-03-10", "--signal",
              "money:1"], '--signal "money:1": "money" is not a pillar'),
            (["check", "record", "--date", "2026-03-10", "--signal",
              "strategy:4"], "4 is outside the 3 warning signals of Strategy "
                             "(1 to 3"),
            (["check", "record", "--date", "2026-03-10", "--signal",
              "success:0"], "0 is outside the 2 warning signals of "
                            "Success factors"),
            (["check", "record", "--date", "2026-03-10", "--signal",
              "strategy:two"], '"two" is not a whole number'),
            (["check", "record", "--date", "2026-03-10", "--signal",
              "strategy"], "expected PILLAR:N"),
            (["check", "record", "--date", "2026-03-10", "--signal",
              "strategy:2", "--signal", "Strategy:2"], "given twice"),
            (["check", "tick", "c1"], "no --signal"),
            (["check", "tick", "--signal", "strategy:1"], "missing argument"),
            (["check", "tick", "c1", "--signal", "steering:9"],
             "outside the 3 warning signals of Steering"),
        ]:
            with self.subTest(args=args):
                self.usage(args, fragment)
                self.assertEqual(self.read(), before)
        self.ok("check", "record", "--date", "2026-03-10", "--signal",
                "strategy:2")
        before = self.read()
        self.refused(["check", "tick", "c1", "--signal", "strategy:2"],
                     '--signal "strategy:2": signal 2 of Strategy is already '
                     'ticked at check "c1"')
        self.refused(["check", "tick", "c9", "--signal", "strategy:1"],
                     'no check "c9"')
        self.assertEqual(self.read(), before)

    def test_a_format_1_journal_reads_in_numbers_from_1(self):
        # The demo journal as the command wrote it in format version 1,
        # when ticks kept the 0-based index.
        root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        with open(os.path.join(root, "tests", "testdata",
                               "journal_format1.fives"), "rb") as f:
            self.write(f.read())
        ticks = json.loads(self.ok("export"))["charter"]["signals"]
        self.assertEqual(
            [(t["check_id"], t["pillar"], t["number"]) for t in ticks],
            [("c1", "PILLAR_STRATEGY", 2), ("c1", "PILLAR_STRUCTURE", 3),
             ("c2", "PILLAR_STRATEGY", 2), ("c2", "PILLAR_STEERING", 1)])
        text = self.ok("charter", "show")
        self.assertIn("strategy:2 Many decisions are made ad hoc", text)
        self.assertIn("steering:1 Incidents determine", text)
        # The number --signal takes is the one the journal keeps.
        self.refused(["check", "tick", "c2", "--signal", "steering:1"],
                     '--signal "steering:1": signal 1 of Steering is already '
                     'ticked at check "c2"')
        self.ok("check", "tick", "c2", "--signal", "steering:2")
        ticks = json.loads(self.ok("export"))["charter"]["signals"]
        self.assertEqual(ticks[-1], {"check_id": "c2",
                                     "pillar": "PILLAR_STEERING",
                                     "number": 2})

    def test_an_export_by_0_based_signals_is_refused(self):
        self.ok("check", "record", "--date", "2026-03-10", "--signal",
                "strategy:2")
        export = json.loads(self.ok("export"))
        tick = export["charter"]["signals"][0]
        del tick["number"]
        tick["signal"] = 1
        old = os.path.join(self.dir, "old.json")
        with open(old, "w") as f:
            json.dump(export, f)
        other = os.path.join(self.dir, "other.journal")
        self.refused(["import", "--from", old], "charter.signals[0].signal: 1: "
                     "the 0-based field is no longer read; give number (1..3)",
                     journal=other)
        self.assertFalse(os.path.exists(other))


class DemoCharterTest(JournalCase):
    def test_demo_journal_review_shows_gaps(self):
        self.ok("demo")
        data = self.ok_json("charter", "check", "--date", "2027-02-02")
        pillars = {p["key"]: p for p in data["pillars"]}
        self.assertEqual(pillars["strategy"]["readiness"], 0.75)
        self.assertAlmostEqual(pillars["synergy"]["readiness"], 1 / 3)
        self.assertAlmostEqual(pillars["structure"]["readiness"], 1 / 3)
        self.assertEqual(pillars["steering"]["readiness"], 0.25)
        self.assertEqual(pillars["success"]["readiness"], 1)
        self.assertEqual(pillars["structure"]["missing"],
                         ["meeting_blocks", "topic_owners"])
        # The plan's focus was Structure.
        self.assertEqual(data["next"], {
            "pillar": "PILLAR_STRUCTURE", "key": "meeting_blocks",
            "reason": "NEXT_REASON_PLAN_FOCUS"})
        self.assertEqual((data["errors"], data["warnings"]), (0, 4))
        self.assertEqual(data["checks"], 2)
        strategy = pillars["strategy"]["signals"][0]
        self.assertEqual((strategy["checks"], strategy["at_latest_check"]),
                         (2, True))
        structure = pillars["structure"]["signals"][0]
        self.assertEqual((structure["checks"], structure["at_latest_check"]),
                         (1, False))
        text = self.ok("charter", "check", "--date", "2027-02-02")
        self.assertIn("Structure: Readiness 1/3", text)
        self.assertIn("Next agreement: Meeting format in four blocks "
                      "(Structure, the plan's focus pillar).", text)
        dutch = self.ok("charter", "check", "--date", "2027-02-02", "--lang",
                        "nl")
        self.assertIn("Structuur: Afspraken 1/3", dutch)
        self.assertIn("Volgende afspraak: Vergaderformat in vier blokken", dutch)
        self.assertIn("niet meer bij de laatste check", dutch)
        shown = self.ok("charter", "show")
        self.assertIn("Hiring: Hire a team lead for customer support (advice, "
                      "owner femke (Femke)); follow-up on 12 January 2027", shown)
        self.assertIn("customer 8 December 2026: not held", shown)

    def test_demo_ends_with_the_charter_review(self):
        out = run("demo").stdout
        tail = out[out.index("Process guardian on 22 December 2026"):]
        for part in ("Check c2 on 2 February 2027, led by bram (Bram)",
                     "Team charter: Demo MT",
                     "As of 2 February 2027",
                     "Strategy: Readiness 3/4",
                     "ticked at 2 of 2 checks (since 15 December 2026), also at the "
                     "latest check",
                     "no longer at the latest check",
                     "Next agreement: Meeting format in four blocks"):
            self.assertIn(part, tail)
        self.assertTrue(out.rstrip().endswith("in four blocks."))
        # The checks up to round 2 come before it, the next one after it.
        self.assertLess(out.index("Check c1"), out.index("Round 2026-12"))
        self.assertGreater(out.index("Check c2"), out.index("Round 2026-12"))
        # The English demo has no Dutch; the Dutch one has the review in
        # Dutch.
        for word in ("Afspraken", "Ontbreekt", "Volgende afspraak", "signaal",
                     "Teamcharter", "niet meer", "eigenaar"):
            self.assertNotIn(word, out)
        dutch = run("demo", "--lang", "nl").stdout
        self.assertIn("Teamcharter: Demo MT", dutch)
        self.assertIn("Stip & strategie: Afspraken 3/4", dutch)
        self.assertIn("Volgende afspraak: Vergaderformat in vier blokken", dutch)


class OrgTest(unittest.TestCase):
    """fives org: the built-in organisation, and org report over a directory
    of journals with every bad input the issue names."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = os.path.join(self.tmp.name, "org")
        result = run("org", "demo", "--journals", self.dir,
                     "--format", "json")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.demo = json.loads(result.stdout)
        self.org = os.path.join(self.dir, "org.textproto")

    def tearDown(self):
        self.tmp.cleanup()

    def report(self, *extra, journals=None):
        return run("org", "report", "--org", self.org, "--journals",
                   journals or self.dir, "--from", "2027-04-01",
                   "--to", "2027-06-30", *extra)

    def test_demo_has_40_teams_in_three_divisions(self):
        rows = self.demo["rollup"]["rows"]
        teams = [r for r in rows if r["kind"] == "ORG_ROW_KIND_TEAM"]
        self.assertEqual(len(teams), 40)
        divisions = [r for r in rows if r.get("depth") == 1]
        self.assertEqual([d["name"] for d in divisions],
                         ["Operations", "Sales & Service",
                          "Product & Technology"])
        self.assertIn("trend", self.demo)
        # production-7 closed no round in the second quarter (JSON leaves
        # out false).
        self.assertFalse(self.demo["rollup"].get("complete", False))
        reasons = [e["reason"] for e in self.demo["rollup"]["excluded"]]
        self.assertTrue(any("production-7" in r for r in reasons), reasons)

    def test_demo_withholds_small_teams_and_protects_them(self):
        rows = {r.get("unit_id", r.get("group_value")): r
                for r in self.demo["rollup"]["rows"]}
        small = rows["design-6"]["pillars"][0]
        self.assertIn(small["stats"]["disclosure"],
                      ("DISCLOSURE_NO_DISTRIBUTION", "DISCLOSURE_HELD_BACK"))
        self.assertNotIn("histogram", small["stats"])
        self.assertIn("withheld", small)
        tiny = rows["key-accounts-6"]["pillars"][0]
        self.assertNotIn("mean", tiny["stats"])
        self.assertEqual(tiny["withheld"], "ORG_WITHHELD_TOO_FEW")
        self.assertGreater(self.demo["rollup"]["cells_withheld_protecting"], 0)

    def test_report_of_the_written_journals_matches_the_demo(self):
        result = self.report("--compare", "2027-01-01..2027-03-31",
                             "--lenient", "--format", "json")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(json.loads(result.stdout), self.demo)

    def test_text_in_both_languages(self):
        for lang, word in (("en", "Operations"), ("nl", "Operations")):
            result = run("org", "demo", "--lang", lang)
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertIn("Vandelay Group", result.stdout)
            self.assertIn(word, result.stdout)
        self.assertNotEqual(run("org", "demo").stdout,
                            run("org", "demo", "--lang", "nl").stdout)

    def test_heatmap_and_page(self):
        svg = run("org", "demo", "--format", "svg").stdout
        root = ET.fromstring(svg)
        self.assertTrue(root.tag.endswith("svg"))
        html = run("org", "demo", "--format", "html", "--lang", "nl").stdout
        self.assertTrue(html.lstrip().lower().startswith("<!doctype html"))
        self.assertIn("<svg", html)

    def test_strict_refuses_and_lenient_states(self):
        # A period without rounds.
        result = run("org", "report", "--org", self.org, "--journals",
                     self.dir, "--from", "2025-01-01", "--to", "2025-03-31")
        self.assertEqual(result.returncode, 1)
        self.assertIn("no team of the organisation closed a round",
                      result.stderr)
        # production-7 closed no round in the second quarter: stated.
        result = run("org", "check", "--org", self.org, "--journals",
                     self.dir, "--from", "2027-04-01", "--to", "2027-06-30")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("production-7", result.stdout)
        self.assertIn("not complete", result.stdout)
        cases = []
        # A team of the org without a journal.
        os.rename(os.path.join(self.dir, "retail-1.journal"),
                  os.path.join(self.tmp.name, "retail-1.journal"))
        cases.append(('team "retail-1" (unit "retail-1") has no journal',
                      None))
        result = self.report()
        self.assertEqual(result.returncode, 1)
        self.assertIn(cases[0][0], result.stderr)
        lenient = self.report("--lenient", "--format", "json")
        self.assertEqual(lenient.returncode, 0, lenient.stderr)
        out = json.loads(lenient.stdout)["rollup"]
        self.assertFalse(out.get("complete", False))
        self.assertTrue(any("retail-1" in e["reason"]
                            for e in out["excluded"]))
        # Two journals of one team.
        with open(os.path.join(self.tmp.name, "retail-1.journal"), "rb") as f:
            data = f.read()
        for name in ("retail-1.journal", "retail-1-copy.journal"):
            with open(os.path.join(self.dir, name), "wb") as f:
                f.write(data)
        result = self.report()
        self.assertEqual(result.returncode, 1)
        self.assertIn('team "retail-1" has 2 journals: retail-1-copy.journal,'
                      ' retail-1.journal', result.stderr)
        os.remove(os.path.join(self.dir, "retail-1-copy.journal"))
        # A journal that does not load, and one of a team not in the org.
        with open(os.path.join(self.dir, "broken.journal"), "wb") as f:
            f.write(b"not a journal")
        result = self.report()
        self.assertEqual(result.returncode, 1)
        self.assertIn("journal broken.journal:", result.stderr)
        os.remove(os.path.join(self.dir, "broken.journal"))
        stranger = os.path.join(self.tmp.name, "stranger.journal")
        self.assertEqual(run("demo", "--journal", stranger).returncode, 0)
        os.rename(stranger, os.path.join(self.dir, "stranger.journal"))
        result = self.report()
        self.assertEqual(result.returncode, 1)
        self.assertIn("is not in the organisation", result.stderr)
        lenient = self.report("--lenient")
        self.assertEqual(lenient.returncode, 0, lenient.stderr)

    def test_bad_usage(self):
        for args, error in (
                (("org", "report", "--org", "x", "--journals", "y",
                  "--from", "2027-04-01"), "--to is required"),
                (("org", "report", "--org", "x", "--journals", "y",
                  "--from", "2027-04-01", "--to", "2027-03-01"),
                 "is before period.from"),
                (("org", "report", "--org", "x", "--journals", "y",
                  "--from", "2027-04-01", "--to", "2027-06-30",
                  "--compare", "2027-01-01"), "is not FROM..TO"),
                (("org", "demo", "--format", "pdf"),
                 '--format: "pdf" is not one of: text, md, html'),
                (("org", "frobnicate"), "org")):
            result = run(*args)
            self.assertNotEqual(result.returncode, 0, args)
            self.assertIn(error, result.stderr, args)
        result = run("org", "report", "--org",
                     os.path.join(self.tmp.name, "missing.textproto"),
                     "--journals", self.dir, "--from", "2027-04-01",
                     "--to", "2027-06-30")
        self.assertEqual(result.returncode, 1)
        with open(os.path.join(self.tmp.name, "bad.textproto"), "w") as f:
            f.write('id: "o" name: "O" units { id: "a" name: "A" } '
                    'units { id: "a" name: "B" parent: "a" }')
        result = run("org", "report", "--org",
                     os.path.join(self.tmp.name, "bad.textproto"),
                     "--journals", self.dir, "--from", "2027-04-01",
                     "--to", "2027-06-30")
        self.assertEqual(result.returncode, 1)
        self.assertIn("the unit appears twice", result.stderr)


if __name__ == "__main__":
    FIVES = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
