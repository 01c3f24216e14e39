"""Every screen of the fives command comes from the library: for each command
output, a host that calls Journal.render (the C ABI's fives_journal_render)
gets the same bytes. The journal is the command's demo journal (two rounds,
a plan, two checks, a charter) and one built here step by step."""

import datetime
import os
import subprocess
import tempfile
import unittest

import fives

D = datetime.date
COMMAND = os.environ.get("FIVES_COMMAND")
AS_OF = D(2026, 12, 22)


def run(*args, check=True):
    result = subprocess.run([COMMAND, *args], capture_output=True, text=True)
    if check and result.returncode != 0:
        raise AssertionError(f"fives {' '.join(args)}: {result.stderr}")
    return result.stdout


@unittest.skipUnless(COMMAND, "FIVES_COMMAND (the fives command) is not set")
class DemoScreensTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.mkdtemp()
        cls.path = os.path.join(cls.folder, "demo.journal")
        run("demo", "--journal", cls.path)
        cls.journal = fives.Journal.load(cls.path)

    @classmethod
    def tearDownClass(cls):
        cls.journal.close()

    def same(self, args, kind, **request):
        """`fives ARGS --journal PATH` prints Journal.render(kind, ...)."""
        out = run(*args, "--journal", self.path)
        self.assertEqual(out, self.journal.render(kind, **request), args)
        self.assertTrue(out.strip(), args)

    def test_report_in_every_format_and_language(self):
        for lang in ("en", "nl"):
            self.same(["report", "--lang", lang], "report", language=lang)
            self.same(["report", "--round", "2026-11", "--lang", lang],
                      "report", round_id="2026-11", language=lang)
            for fmt, name in (("md", "markdown"), ("html", "html")):
                self.same(["report", "--format", fmt, "--lang", lang,
                           "--date", "2027-01-05"], "report", format=name,
                          language=lang, as_of=D(2027, 1, 5))
            for picture in ("radar", "strips", "trend"):
                self.same(["report", "--format", "svg", "--picture", picture,
                           "--lang", lang], picture, language=lang)

    def test_the_text_report_ends_with_the_verdict(self):
        text = self.journal.render("report")
        self.assertIn("Verdict on the focus: Structure (plan p1, round "
                      "2026-11 → 2026-12)", text)
        # Structure went 1,2,2... to 4,4,4,4,5,5: Cliff's delta of the demo's
        # counts, worked out in test_results; here only its words.
        self.assertIn("effect size medium (Cliff's delta +0.33)", text)
        dutch = self.journal.render("report", language="nl")
        self.assertIn("effectgrootte middelgroot (Cliffs delta +0,33)", dutch)

    def test_actions_and_follow_up(self):
        self.same(["action", "list"], "actions")
        self.same(["action", "list", "--owner", "daan"], "actions",
                  owner_id="daan")
        self.same(["action", "list", "--pillar", "structure", "--lang", "nl"],
                  "actions", pillar="structure", language="nl")
        self.same(["action", "list", "--date", "2026-12-22"], "follow_up",
                  as_of=AS_OF)
        self.same(["action", "list", "--date", "2026-12-22", "--owner",
                   "carla", "--lang", "nl"], "follow_up", as_of=AS_OF,
                  owner_id="carla", language="nl")

    def test_check_guardian_charter_members(self):
        for lang in ("en", "nl"):
            self.same(["check", "due", "--date", "2026-12-22", "--lang", lang],
                      "check_due", as_of=AS_OF, language=lang)
            self.same(["guardian", "--date", "2026-12-22", "--lang", lang],
                      "guardian", as_of=AS_OF, language=lang)
            self.same(["charter", "show", "--lang", lang], "charter",
                      language=lang)
            self.same(["member", "list", "--lang", lang], "members",
                      language=lang)
        out = run("charter", "check", "--journal", self.path, "--date",
                  "2027-02-01", "--stale-days", "30", check=False)
        self.assertEqual(out, self.journal.render(
            "charter_review", as_of=D(2027, 2, 1), stale_days=30))

    def test_signals_need_no_journal(self):
        for lang in ("en", "nl"):
            self.assertEqual(run("charter", "signals", "--lang", lang),
                             fives.render_signals(language=lang))
        self.assertEqual(fives.render_signals(),
                         self.journal.render("signals"))

    def test_the_demo_is_made_of_the_documents(self):
        out = run("demo")
        for part in (
                self.journal.render("report", round_id="2026-11"),
                self.journal.render("plan", plan_id="p1"),
                self.journal.render("check", check_id="c1"),
                self.journal.render("report", as_of=AS_OF),
                self.journal.render("follow_up", as_of=AS_OF),
                self.journal.render("check_due", as_of=AS_OF),
                self.journal.render("guardian", as_of=AS_OF)):
            self.assertIn(part, out)

    def test_markdown_and_html_of_every_screen(self):
        # Each screen comes in all three formats, saying the same things.
        screens = [("follow_up", {"as_of": AS_OF}), ("actions", {}),
                   ("check_due", {"as_of": AS_OF}), ("check", {}),
                   ("guardian", {"as_of": AS_OF}), ("plan", {}),
                   ("charter", {}), ("charter_review", {"as_of": AS_OF}),
                   ("members", {}), ("signals", {})]
        for kind, request in screens:
            text = self.journal.render(kind, **request)
            md = self.journal.render(kind, format="markdown", **request)
            html = self.journal.render(kind, format="html", **request)
            title = text.splitlines()[0]
            self.assertTrue(md.startswith("# "), kind)
            self.assertIn("<h1>", html, kind)
            self.assertTrue(html.startswith("<!DOCTYPE html>"), kind)
            self.assertEqual(html.count("<ul>"), html.count("</ul>"), kind)
            self.assertEqual(html.count("<li>"), html.count("</li>"), kind)
            # The title's words are in all three (escaped in Markdown and
            # HTML: compare a word without markup characters).
            word = max(title.split(), key=len).strip(":()[]")
            self.assertIn(word, md, kind)
            self.assertIn(word, html, kind)

    def test_refusals_name_the_field(self):
        j = self.journal
        cases = [
            (lambda: j.render("follow_up"), "request.as_of: empty"),
            (lambda: j.render("radar", format="html"),
             "request.format: DOCUMENT_FORMAT_HTML is not a format of "
             "DOCUMENT_KIND_RADAR"),
            (lambda: j.render("follow_up", format="svg", as_of=AS_OF),
             "request.format: DOCUMENT_FORMAT_SVG is not a format of "
             "DOCUMENT_KIND_FOLLOW_UP"),
            (lambda: j.render("report", language="de"), "request.language"),
            (lambda: j.render("plan", plan_id="p9"),
             'request.plan_id: "p9" is not one of the journal\'s plans'),
            (lambda: j.render("check", check_id="c9"),
             'request.check_id: "c9" is not one of the journal\'s checks'),
            (lambda: j.render("actions", action_id="a99"),
             'request.action_id: "a99" is not one of the journal\'s actions'),
            (lambda: j.render("follow_up", as_of=AS_OF, owner_id="zed"),
             'request.owner_id: "zed" is not a member'),
            (lambda: j.render("charter_review", as_of=AS_OF, stale_days=-1),
             "request.stale_days: -1 is negative"),
            (lambda: j.render("report", round_id="nope"), "nope"),
        ]
        for call, message in cases:
            with self.assertRaises(fives.Error) as caught:
                call()
            self.assertIn(message, str(caught.exception))
        with self.assertRaises(fives.InvalidArgument):
            j.render("bogus")


@unittest.skipUnless(COMMAND, "FIVES_COMMAND (the fives command) is not set")
class ConfirmationsTest(unittest.TestCase):
    """What the command prints after a change is the library's document of
    what changed."""

    def setUp(self):
        self.folder = tempfile.mkdtemp()
        self.path = os.path.join(self.folder, "t.journal")
        run("init", "--journal", self.path, "--team", "t", "--name", "Team")
        for m in ("ann", "bob", "cas"):
            run("member", "add", m, m.title(), "--date", "2026-01-05",
                "--journal", self.path)
        run("round", "start", "r1", "--date", "2026-02-02", "--mode", "open",
            "--journal", self.path)
        for m, s in (("ann", "4 4 2 3 3"), ("bob", "3 4 5 3 4"),
                     ("cas", "4 3 1 3 4")):
            run("round", "score", "r1", m, *s.split(), "--journal", self.path)
        run("round", "close", "r1", "--date", "2026-02-03", "--journal",
            self.path)

    def test_plan_update_and_check(self):
        out = run("plan", "r1", "--date", "2026-02-03", "--journal", self.path,
                  "--action", "ann|Decision table|A table in the folder",
                  "--action", "bob|Four blocks|Agendas in four blocks")
        with fives.Journal.load(self.path) as j:
            self.assertTrue(out.startswith(j.render("plan", plan_id="p1")))
        out = run("action", "update", "a1", "open", "--date", "2026-02-04",
                  "--journal", self.path)
        with fives.Journal.load(self.path) as j:
            self.assertEqual(out, j.render("actions", action_id="a1"))
            self.assertEqual(out.count("\n"), 1)
        out = run("check", "record", "--date", "2026-03-20", "--journal",
                  self.path, "--helps", "Short meetings",
                  "--review", "a1=done")
        with fives.Journal.load(self.path) as j:
            self.assertEqual(out, j.render("check", check_id="c1"))
        # The role rotated at the check: ann led it, bob guards from now on.
        self.assertIn("process guardian from now on: bob (Bob)", out)

    def test_in_the_language_of_the_command(self):
        out = run("plan", "r1", "--date", "2026-02-03", "--journal", self.path,
                  "--action", "ann|Besluitentabel|Een tabel in de map",
                  "--action", "bob|Vier blokken|Agenda's in vier blokken",
                  "--lang", "nl")
        with fives.Journal.load(self.path) as j:
            plan = j.render("plan", plan_id="p1", language="nl")
        self.assertTrue(out.startswith(plan))
        self.assertEqual(out[len(plan):],
                         "de acties zijn voorgesteld: zet elke actie open "
                         "met fives action update ID open --date "
                         "YYYY-MM-DD\n")
        out = run("action", "update", "a1", "open", "--date", "2026-02-04",
                  "--journal", self.path, "--lang", "nl")
        with fives.Journal.load(self.path) as j:
            self.assertEqual(out, j.render("actions", action_id="a1",
                                           language="nl"))
        out = run("check", "record", "--date", "2026-03-20", "--journal",
                  self.path, "--helps", "Korte vergaderingen",
                  "--review", "a1=done", "--lang", "nl")
        with fives.Journal.load(self.path) as j:
            self.assertEqual(out, j.render("check", check_id="c1",
                                           language="nl"))
        out = run("check", "tick", "c1", "--signal", "structure:1",
                  "--journal", self.path, "--lang", "nl")
        with fives.Journal.load(self.path) as j:
            self.assertEqual(out, j.render("check", check_id="c1",
                                           language="nl"))
        self.assertIn("procesbewaker vanaf nu: bob (Bob)", out)


if __name__ == "__main__":
    unittest.main()
