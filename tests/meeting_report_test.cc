#include "fives/meeting_report.h"

#include "absl/strings/match.h"
#include "fives/report_text.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace fives {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// A team of four, one closed open round, a plan with two actions (one done,
// one overdue by 2026-04-20) and feedback.
Journal MakeJournal() {
  Journal j = *Journal::Create("mt", "Board | MT");
  const char* ids[] = {"ann", "bob", "cas", "dee"};
  const char* names[] = {"Ann", "Bob", "Cas", "Dee"};
  for (int i = 0; i < 4; ++i) {
    EXPECT_TRUE(j.AddMember(ids[i], names[i], absl::CivilDay(2026, 1, 5)).ok());
  }
  EXPECT_TRUE(j.StartRound(j.NewRoundOptions("r1", absl::CivilDay(2026, 3, 2),
                                             v1::ROUND_MODE_OPEN))
                  .ok());
  const int scores[4][5] = {
      {4, 4, 2, 3, 4}, {4, 3, 5, 3, 3}, {3, 4, 1, 4, 4}, {4, 5, 5, 4, 3}};
  for (int m = 0; m < 4; ++m) {
    v1::Response r;
    r.set_member_id(ids[m]);
    for (Pillar p : kAllPillars) {
      v1::PillarScore* s = r.add_scores();
      s->set_pillar(ToProto(p));
      s->set_score(scores[m][PillarIndex(p)]);
    }
    EXPECT_TRUE(j.AddResponse("r1", r).ok());
  }
  EXPECT_TRUE(j.CloseRound("r1", absl::CivilDay(2026, 3, 3)).ok());
  PlanInput plan;
  plan.round_id = "r1";
  plan.created = absl::CivilDay(2026, 3, 4);
  plan.actions = {
      {"Decision table", "On the wiki", "bob", std::nullopt, std::nullopt},
      {"Agenda | four blocks", "Every agenda | four blocks", "cas",
       absl::CivilDay(2026, 3, 20), std::nullopt}};
  EXPECT_TRUE(j.CreatePlan(plan).ok());
  EXPECT_TRUE(j.OpenAction("a1", absl::CivilDay(2026, 3, 4)).ok());
  EXPECT_TRUE(j.OpenAction("a2", absl::CivilDay(2026, 3, 4)).ok());
  EXPECT_TRUE(
      j.AddFeedback("a2", absl::CivilDay(2026, 3, 10), "dee", "Draft ready", 40)
          .ok());
  EXPECT_TRUE(j.CompleteAction("a1", absl::CivilDay(2026, 3, 30)).ok());
  return j;
}

TEST(MeetingReportTest, GathersPlanOverdueCheckAndGuardian) {
  const Journal j = MakeJournal();
  absl::StatusOr<v1::MeetingReport> m = BuildMeetingReport(
      j, "", Language::kEnglish, absl::CivilDay(2026, 4, 20));
  ASSERT_TRUE(m.ok()) << m.status();
  EXPECT_EQ(m->as_of(), "2026-04-20");
  EXPECT_EQ(m->round().round_id(), "r1");
  // Structure: 2,5,1,5 has the lowest mean (13/4) and is the focus.
  EXPECT_EQ(m->round().focus(), v1::PILLAR_STRUCTURE);
  EXPECT_EQ(m->plan().id(), "p1");
  ASSERT_EQ(m->plan_actions_size(), 2);
  EXPECT_EQ(m->plan_actions(1).feedback(0).text(), "Draft ready");
  // a2 was due on 2026-03-20 and is still open: overdue.
  ASSERT_EQ(m->overdue_size(), 1);
  EXPECT_EQ(m->overdue(0).id(), "a2");
  // The first plan (2026-03-04) anchors the window: due from +42 days.
  EXPECT_EQ(m->next_check().window_start(), "2026-04-15");
  EXPECT_EQ(m->next_check().state(), v1::CHECK_STATE_DUE);
  // Before any check, the first member in join order guards the process.
  EXPECT_EQ(m->guardian_id(), "ann");
  // Names of everyone the report refers to, sorted by id.
  ASSERT_EQ(m->member_names_size(), 4);
  EXPECT_EQ(m->member_names(0).member_id(), "ann");
  EXPECT_EQ(m->member_names(3).display_name(), "Dee");
}

TEST(MeetingReportTest, MarkdownInEnglishAndDutch) {
  const Journal j = MakeJournal();
  const v1::MeetingReport en = *BuildMeetingReport(j, "r1", Language::kEnglish,
                                                   absl::CivilDay(2026, 4, 20));
  const std::string md = RenderMeetingMarkdown(en, Language::kEnglish);
  // The team's name literally: its pipe escaped.
  EXPECT_THAT(md, HasSubstr("# 5S report: Board \\| MT\n"));
  EXPECT_THAT(md, HasSubstr("2 March 2026"));  // the round's date
  EXPECT_THAT(md, HasSubstr("As of 20 April 2026"));
  EXPECT_THAT(md, HasSubstr("Focus: Structure"));
  EXPECT_THAT(md, HasSubstr("| Structure | 4 | 3.25 |"));
  // A pipe inside a cell is escaped, so the table keeps its columns.
  EXPECT_THAT(md,
              HasSubstr("| Agenda \\| four blocks | Cas | 20 March 2026 "
                        "| open | 10 March 2026, Dee: Draft ready (40%) |"));
  EXPECT_THAT(md, Not(HasSubstr("Agenda | four")));
  EXPECT_THAT(md, HasSubstr("Process guardian on 20 April 2026: Ann"));
  for (const std::string& practice :
       PillarTextsFor(Pillar::kStructure, Language::kEnglish).practices()) {
    EXPECT_THAT(md, HasSubstr(practice));
  }

  const v1::MeetingReport nl = *BuildMeetingReport(j, "r1", Language::kDutch,
                                                   absl::CivilDay(2026, 4, 20));
  const std::string md_nl = RenderMeetingMarkdown(nl, Language::kDutch);
  EXPECT_THAT(md_nl, HasSubstr("2 maart 2026"));
  EXPECT_THAT(md_nl, HasSubstr("| Structuur | 4 | 3,25 |"));
  EXPECT_THAT(md_nl, HasSubstr("Focus: Structuur"));
  // Deterministic.
  EXPECT_EQ(md_nl, RenderMeetingMarkdown(nl, Language::kDutch));
}

// Every open action is on the page, whatever created it: here a2 of the
// plan, and a3, an agreement of a check on 2026-04-01 (a1 is done by then).
TEST(MeetingReportTest, OpenActionsFromAnyPlanOrCheckAndTheVerdict) {
  Journal j = MakeJournal();
  CheckInput check;
  check.date = absl::CivilDay(2026, 4, 1);
  check.agreements = {"Minutes | same day"};
  v1::ActionReview review;
  review.set_action_id("a2");
  review.set_outcome(v1::REVIEW_OUTCOME_KEPT);
  check.reviews = {review};
  check.agreement_actions = {
      {0,
       {"Minutes | same day", "Minutes in the folder", "dee",
        absl::CivilDay(2026, 4, 20), Pillar::kStructure}}};
  ASSERT_TRUE(j.RecordCheck(check).ok());
  const v1::MeetingReport m = *BuildMeetingReport(j, "r1", Language::kEnglish,
                                                  absl::CivilDay(2026, 4, 10));
  ASSERT_EQ(m.open_actions_size(), 2);
  EXPECT_EQ(m.open_actions(0).id(), "a2");
  EXPECT_EQ(m.open_actions(1).id(), "a3");
  const std::string md = RenderMeetingMarkdown(m, Language::kEnglish);
  const size_t open = md.find("### Open actions (from any plan or check)");
  ASSERT_NE(open, std::string::npos);
  // Pipes in titles are escaped so the table keeps its columns.
  EXPECT_NE(md.find("| Minutes \\| same day | Dee |", open), std::string::npos)
      << md;
  EXPECT_NE(md.find("| Agenda \\| four blocks | Cas |", open),
            std::string::npos);
  // One round: no plan on an earlier round, so no verdict yet.
  EXPECT_THAT(md, HasSubstr("## The previous focus: did it move?\n\n"
                            "Verdict on the focus: none yet"));
  const std::string html = *RenderMeetingHtml(m, j, Language::kDutch);
  EXPECT_THAT(html, HasSubstr("<h3>Open acties (uit elk plan of elke check)"));
  EXPECT_THAT(html, HasSubstr("Minutes | same day"));
  EXPECT_THAT(html, HasSubstr("<h2>De vorige focus: is hij verschoven?</h2>"
                              "\n<p>Oordeel over de focus: nog geen"));
}

TEST(MeetingReportTest, LongDates) {
  EXPECT_EQ(FormatLongDate("2026-11-02", Language::kEnglish),
            "2 November 2026");
  EXPECT_EQ(FormatLongDate("2026-11-02", Language::kDutch), "2 november 2026");
  EXPECT_EQ(FormatLongDate("not a date", Language::kDutch), "not a date");
}

TEST(MeetingReportTest, Errors) {
  const Journal j = MakeJournal();
  EXPECT_EQ(BuildMeetingReport(j, "r9", Language::kEnglish,
                               absl::CivilDay(2026, 4, 20))
                .status()
                .code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(
      BuildMeetingReport(j, "", Language::kEnglish, absl::CivilDay(10000, 1, 1))
          .status()
          .code(),
      absl::StatusCode::kInvalidArgument);
  const Journal empty = *Journal::Create("t", "T");
  EXPECT_EQ(BuildMeetingReport(empty, "", Language::kEnglish,
                               absl::CivilDay(2026, 4, 20))
                .status()
                .code(),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace fives
