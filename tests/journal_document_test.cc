#include "fives/journal_document.h"

#include <string>

#include "fives/meeting_report.h"
#include "fives/report_text.h"
#include "fives/trend.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace fives {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

// Team "mt" with ann, bob and carla (who left on 2026-02-01), one closed
// round r1 and a plan p1 whose a1 (bob) is open and a2 (ann) proposed.
Journal MakeJournal(absl::string_view team_name = "Our MT") {
  Journal j = *Journal::Create("mt", team_name);
  EXPECT_TRUE(j.AddMember("ann", "Ann", absl::CivilDay(2026, 1, 5)).ok());
  EXPECT_TRUE(j.AddMember("bob", "Bob", absl::CivilDay(2026, 1, 5)).ok());
  EXPECT_TRUE(j.AddMember("carla", "Carla", absl::CivilDay(2026, 1, 6)).ok());
  EXPECT_TRUE(j.StartRound(j.NewRoundOptions("r1", absl::CivilDay(2026, 1, 12),
                                             v1::ROUND_MODE_OPEN))
                  .ok());
  const char* ids[] = {"ann", "bob", "carla"};
  const int scores[3][5] = {{4, 4, 2, 3, 4}, {4, 3, 5, 3, 3}, {3, 4, 1, 4, 4}};
  for (int m = 0; m < 3; ++m) {
    v1::Response r;
    r.set_member_id(ids[m]);
    for (Pillar p : kAllPillars) {
      v1::PillarScore* s = r.add_scores();
      s->set_pillar(ToProto(p));
      s->set_score(scores[m][PillarIndex(p)]);
    }
    EXPECT_TRUE(j.AddResponse("r1", r).ok());
  }
  EXPECT_TRUE(j.CloseRound("r1", absl::CivilDay(2026, 1, 13)).ok());
  EXPECT_TRUE(j.RecordLeave("carla", absl::CivilDay(2026, 2, 1)).ok());
  PlanInput plan;
  plan.round_id = "r1";
  plan.created = absl::CivilDay(2026, 1, 14);
  plan.note = "We talked first";
  plan.actions = {{"Decision table", "On the wiki", "bob",
                   absl::CivilDay(2026, 2, 10), std::nullopt},
                  {"Four blocks", "Every agenda", "ann",
                   absl::CivilDay(2026, 2, 12), std::nullopt}};
  EXPECT_TRUE(j.CreatePlan(plan).ok());
  EXPECT_TRUE(j.OpenAction("a1", absl::CivilDay(2026, 1, 15)).ok());
  return j;
}

v1::DocumentRequest Request(
    v1::DocumentKind kind, v1::DocumentFormat format = v1::DOCUMENT_FORMAT_TEXT,
    absl::string_view language = "en") {
  v1::DocumentRequest r;
  r.set_kind(kind);
  r.set_format(format);
  r.set_language(std::string(language));
  return r;
}

std::string Render(const Journal& j, const v1::DocumentRequest& r) {
  absl::StatusOr<std::string> text = RenderJournalDocument(j, r);
  EXPECT_TRUE(text.ok()) << text.status();
  return text.ok() ? *text : "";
}

TEST(JournalDocumentTest, MembersInTextMarkdownAndHtml) {
  const Journal j = MakeJournal();
  // Ids padded to the longest, "carla" (5).
  EXPECT_EQ(Render(j, Request(v1::DOCUMENT_KIND_MEMBERS)),
            "team mt (Our MT): 3 members over time\n"
            "  ann    Ann  joined 5 January 2026\n"
            "  bob    Bob  joined 5 January 2026\n"
            "  carla  Carla  joined 6 January 2026  left 1 February 2026\n");
  EXPECT_EQ(Render(j, Request(v1::DOCUMENT_KIND_MEMBERS,
                              v1::DOCUMENT_FORMAT_MARKDOWN)),
            "# team mt (Our MT): 3 members over time\n"
            "\n"
            "- ann    Ann  joined 5 January 2026\n"
            "- bob    Bob  joined 5 January 2026\n"
            "- carla  Carla  joined 6 January 2026  left 1 February 2026\n");
  const std::string html =
      Render(j, Request(v1::DOCUMENT_KIND_MEMBERS, v1::DOCUMENT_FORMAT_HTML));
  EXPECT_THAT(html, StartsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
  EXPECT_THAT(
      html, HasSubstr("<title>team mt (Our MT): 3 members over time</title>"));
  EXPECT_THAT(html,
              HasSubstr("<h1>team mt (Our MT): 3 members over time</h1>\n"
                        "<ul>\n<li>ann    Ann  joined 5 January 2026</li>\n"
                        "<li>bob    Bob  joined 5 January 2026</li>\n"
                        "<li>carla  Carla  joined 6 January 2026  left "
                        "1 February 2026</li>\n</ul>\n</body>\n</html>\n"));
  EXPECT_THAT(Render(j, Request(v1::DOCUMENT_KIND_MEMBERS,
                                v1::DOCUMENT_FORMAT_TEXT, "nl")),
              StartsWith("team mt (Our MT): 3 leden door de tijd\n"
                         "  ann    Ann  kwam 5 januari 2026\n"));
}

TEST(JournalDocumentTest, NestedListsStayWellFormed) {
  const Journal j = MakeJournal();
  v1::DocumentRequest r =
      Request(v1::DOCUMENT_KIND_FOLLOW_UP, v1::DOCUMENT_FORMAT_HTML);
  r.set_as_of("2026-02-05");
  const std::string a1 =
      "a1  [open]  due 10 February 2026  bob  Structure: Decision table "
      "(visible: "
      "On the wiki)";
  // Open holds a1 one level down; the next list item follows the inner
  // list's end.
  EXPECT_THAT(Render(j, r),
              HasSubstr(absl::StrCat("<li>Open: 1<ul>\n<li>", a1,
                                     "</li>\n</ul>\n</li>\n<li>Due soon "
                                     "(within 7 days): 1<ul>\n<li>",
                                     a1, "</li>\n</ul>\n</li>\n")));
  r.set_format(v1::DOCUMENT_FORMAT_MARKDOWN);
  EXPECT_THAT(
      Render(j, r),
      HasSubstr("- Open: 1\n  - a1  \\[open\\]  due 10 February 2026  bob  "
                "Structure: Decision table (visible: On the wiki)\n"));
  r.set_format(v1::DOCUMENT_FORMAT_TEXT);
  EXPECT_THAT(Render(j, r),
              StartsWith(absl::StrCat(
                  "Follow-up on 5 February 2026\n  Open: 1\n    ", a1, "\n")));
}

TEST(JournalDocumentTest, MarkupInNamesIsEscaped) {
  const Journal j = MakeJournal("<b>*MT*</b>");
  const std::string md = Render(
      j, Request(v1::DOCUMENT_KIND_MEMBERS, v1::DOCUMENT_FORMAT_MARKDOWN));
  EXPECT_THAT(md, StartsWith("# team mt (\\<b\\>\\*MT\\*\\</b\\>)"));
  const std::string html =
      Render(j, Request(v1::DOCUMENT_KIND_MEMBERS, v1::DOCUMENT_FORMAT_HTML));
  EXPECT_THAT(html, HasSubstr("<h1>team mt (&lt;b&gt;*MT*&lt;/b&gt;)"));
  EXPECT_THAT(html, Not(HasSubstr("<b>")));
}

TEST(JournalDocumentTest, PlanAndOneActionLine) {
  const Journal j = MakeJournal();
  EXPECT_EQ(
      Render(j, Request(v1::DOCUMENT_KIND_PLAN)),
      "Plan p1 on round r1 (14 January 2026): focus Structure\n"
      "  why: We talked first\n"
      "    a1  [open]  due 10 February 2026  bob  Structure: Decision table "
      "(visible: On "
      "the wiki)\n"
      "    a2  [proposed]  due 12 February 2026  ann  Structure: Four blocks "
      "(visible: "
      "Every agenda)\n");
  v1::DocumentRequest r = Request(v1::DOCUMENT_KIND_ACTIONS);
  r.set_action_id("a2");
  EXPECT_EQ(Render(j, r),
            "a2  [proposed]  due 12 February 2026  ann  Structure: Four blocks "
            "(visible: Every "
            "agenda)\n");
  r.clear_action_id();
  r.set_owner_id("ann");
  EXPECT_THAT(Render(j, r), StartsWith("1 actions (give a date"));
}

TEST(JournalDocumentTest, CheckDueListsWhatTheCheckMustReview) {
  const Journal j = MakeJournal();
  const v1::CheckDue due = j.CheckDue(absl::CivilDay(2026, 3, 1));
  EXPECT_EQ(due.as_of(), "2026-03-01");
  EXPECT_EQ(due.guardian_id(), "ann");  // first current member by joining
  // a1 is open; a2 is only proposed, so nothing to review.
  ASSERT_EQ(due.to_review_size(), 1);
  EXPECT_EQ(due.to_review(0).id(), "a1");
  v1::DocumentRequest r = Request(v1::DOCUMENT_KIND_CHECK_DUE);
  r.set_as_of("2026-03-01");
  EXPECT_THAT(Render(j, r),
              HasSubstr("  led by the process guardian: ann (Ann)\n"
                        "  open actions to review: 1\n    a1  [open]"));
}

TEST(JournalDocumentTest, ReportWithoutADayIsAsOfItsClose) {
  const Journal j = MakeJournal();
  v1::DocumentRequest r =
      Request(v1::DOCUMENT_KIND_REPORT, v1::DOCUMENT_FORMAT_MARKDOWN);
  const std::string without = Render(j, r);
  r.set_as_of("2026-01-13");
  EXPECT_EQ(without, Render(j, r));
  r.set_as_of("2026-03-01");
  EXPECT_NE(without, Render(j, r));
  EXPECT_EQ(*DefaultReportDay(j, ""), absl::CivilDay(2026, 1, 13));
}

TEST(JournalDocumentTest, RefusalsNameTheField) {
  const Journal j = MakeJournal();
  struct Case {
    v1::DocumentRequest request;
    absl::StatusCode code;
    std::string message;
  };
  auto with = [](v1::DocumentRequest r, auto change) {
    change(r);
    return r;
  };
  const Case cases[] = {
      {Request(v1::DOCUMENT_KIND_UNSPECIFIED),
       absl::StatusCode::kInvalidArgument,
       "request.kind: 0 is not a document kind"},
      {Request(static_cast<v1::DocumentKind>(99)),
       absl::StatusCode::kInvalidArgument,
       "request.kind: 99 is not a document kind"},
      {Request(v1::DOCUMENT_KIND_MEMBERS, static_cast<v1::DocumentFormat>(9)),
       absl::StatusCode::kInvalidArgument,
       "request.format: 9 is not a document format"},
      {Request(v1::DOCUMENT_KIND_MEMBERS, v1::DOCUMENT_FORMAT_SVG),
       absl::StatusCode::kInvalidArgument,
       "request.format: DOCUMENT_FORMAT_SVG is not a format of "
       "DOCUMENT_KIND_MEMBERS"},
      {Request(v1::DOCUMENT_KIND_RADAR, v1::DOCUMENT_FORMAT_TEXT),
       absl::StatusCode::kInvalidArgument,
       "request.format: DOCUMENT_FORMAT_TEXT is not a format of "
       "DOCUMENT_KIND_RADAR"},
      {Request(v1::DOCUMENT_KIND_MEMBERS, v1::DOCUMENT_FORMAT_TEXT, "de"),
       absl::StatusCode::kInvalidArgument, "request.language: "},
      {Request(v1::DOCUMENT_KIND_GUARDIAN), absl::StatusCode::kInvalidArgument,
       "request.as_of: empty"},
      {with(Request(v1::DOCUMENT_KIND_GUARDIAN),
            [](auto& r) { r.set_as_of("2026-02-30"); }),
       absl::StatusCode::kInvalidArgument, "February 2026 has 28 days"},
      {with(Request(v1::DOCUMENT_KIND_CHARTER_REVIEW),
            [](auto& r) {
              r.set_as_of("2026-02-01");
              r.set_stale_days(-3);
            }),
       absl::StatusCode::kInvalidArgument,
       "request.stale_days: -3 is negative (0 takes the default of 365 days)"},
      {with(Request(v1::DOCUMENT_KIND_FOLLOW_UP),
            [](auto& r) {
              r.set_as_of("2026-02-01");
              r.set_owner_id("zed");
            }),
       absl::StatusCode::kNotFound,
       "request.owner_id: \"zed\" is not a member"},
      {with(Request(v1::DOCUMENT_KIND_ACTIONS),
            [](auto& r) { r.set_pillar(static_cast<v1::Pillar>(42)); }),
       absl::StatusCode::kInvalidArgument,
       "request.pillar: 42 is not a pillar"},
      {with(Request(v1::DOCUMENT_KIND_PLAN),
            [](auto& r) { r.set_plan_id("p7"); }),
       absl::StatusCode::kNotFound,
       "request.plan_id: \"p7\" is not one of the journal's plans"},
      {Request(v1::DOCUMENT_KIND_CHECK), absl::StatusCode::kNotFound,
       "request.check_id: empty, and the journal has no check"},
      {with(Request(v1::DOCUMENT_KIND_REPORT),
            [](auto& r) { r.set_round_id("r9"); }),
       absl::StatusCode::kNotFound, "r9"},
  };
  for (const Case& c : cases) {
    absl::StatusOr<std::string> text = RenderJournalDocument(j, c.request);
    ASSERT_FALSE(text.ok()) << c.message;
    EXPECT_EQ(text.status().code(), c.code) << text.status();
    EXPECT_THAT(std::string(text.status().message()), HasSubstr(c.message));
  }
  EXPECT_FALSE(RenderCatalogDocument(Request(v1::DOCUMENT_KIND_MEMBERS)).ok());
  EXPECT_EQ(*RenderCatalogDocument(Request(v1::DOCUMENT_KIND_SIGNALS)),
            Render(j, Request(v1::DOCUMENT_KIND_SIGNALS)));
}

TEST(EffectSizeTest, RomanoThresholdsOnEitherSide) {
  EXPECT_EQ(EffectSizeOf(0.0), v1::EFFECT_SIZE_NEGLIGIBLE);
  EXPECT_EQ(EffectSizeOf(0.146), v1::EFFECT_SIZE_NEGLIGIBLE);
  EXPECT_EQ(EffectSizeOf(0.147), v1::EFFECT_SIZE_SMALL);
  EXPECT_EQ(EffectSizeOf(-0.329), v1::EFFECT_SIZE_SMALL);
  EXPECT_EQ(EffectSizeOf(0.33), v1::EFFECT_SIZE_MEDIUM);
  EXPECT_EQ(EffectSizeOf(-0.473), v1::EFFECT_SIZE_MEDIUM);
  EXPECT_EQ(EffectSizeOf(0.474), v1::EFFECT_SIZE_LARGE);
  EXPECT_EQ(EffectSizeOf(-1.0), v1::EFFECT_SIZE_LARGE);
}

TEST(EffectSizeTest, CompareRoundsSetsItWithTheDelta) {
  // Before 1,2,2 and after 4,4,5 would need 5 raters for a distribution;
  // the comparison is of a team of five: before 1,2,2,3,3, after 3,4,4,5,5.
  // Pairs (after > before): 3 beats 1,2,2 (3); each 4 beats all five (10);
  // each 5 beats all five (10): 23 higher; 3 ties with the two 3s: lower 0.
  // delta = 23 / 25 = 0.92: large.
  ScoreHistogram before, after;
  for (int s : {1, 2, 2, 3, 3}) ASSERT_TRUE(before.Add(s).ok());
  for (int s : {3, 4, 4, 5, 5}) ASSERT_TRUE(after.Add(s).ok());
  EXPECT_DOUBLE_EQ(CliffsDelta(before, after), 0.92);
  EXPECT_EQ(EffectSizeOf(CliffsDelta(before, after)), v1::EFFECT_SIZE_LARGE);
}

TEST(VerdictTest, HeadingAndLinesInBothLanguages) {
  v1::RoundReport report;
  report.set_plan_id("p1");
  v1::PillarTrend* t = report.mutable_focus_trend();
  t->set_pillar(v1::PILLAR_STRUCTURE);
  t->set_before_round_id("r1");
  t->set_after_round_id("r2");
  t->set_n_before(6);
  t->set_n_after(6);
  t->set_mean_before(3.0);
  t->set_mean_after(13.0 / 3);
  t->set_mean_change(4.0 / 3);
  t->set_verdict(v1::TREND_VERDICT_TOO_SMALL_TO_TELL);
  t->set_alpha(0.05);
  t->set_p_value(0.184);
  t->set_cliffs_delta(1.0 / 3);
  t->set_effect_size(v1::EFFECT_SIZE_MEDIUM);
  EXPECT_EQ(RenderVerdictText(report, Language::kEnglish),
            "Verdict on the focus: Structure (plan p1, round r1 → r2)\n"
            "  too small to tell: with 6 and 6 scores this change could be "
            "chance (p > 0.05)\n"
            "  mean 3.00 before, 4.33 after, change +1.33\n"
            "  p-value 0.184 (exact two-sided permutation test), effect size "
            "medium (Cliff's delta +0.33)\n");
  const VerdictView nl = VerdictOf(report, Language::kDutch);
  ASSERT_EQ(nl.lines.size(), 3u);
  EXPECT_EQ(nl.lines[2],
            "p-waarde 0,184 (exacte tweezijdige permutatietoets), "
            "effectgrootte middelgroot (Cliffs delta +0,33)");
  t->clear_p_value();
  t->clear_cliffs_delta();
  EXPECT_THAT(VerdictOf(report, Language::kEnglish).lines[2],
              HasSubstr("withheld"));
  report.clear_plan_id();
  EXPECT_THAT(RenderVerdictText(report, Language::kEnglish),
              StartsWith("Verdict on the focus: none yet"));
}

}  // namespace
}  // namespace fives
