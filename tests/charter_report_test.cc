// The charter next to the perception: the charter review in the round
// report (Journal::Report, LatestReport) and in the meeting report, and the
// section "Perception and agreements" of the text and Markdown reports.
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/civil_time.h"
#include "fives/catalog.h"
#include "fives/journal.h"
#include "fives/meeting_report.h"
#include "fives/pillar.h"
#include "fives/report_text.h"
#include "fives/v1/charter.pb.h"
#include "fives/v1/report.pb.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "journal_builder.h"

namespace fives {
namespace {

using ::fives::journal_builder::Day;
using ::fives::journal_builder::DeterministicBytes;
using ::fives::journal_builder::MakeActionInput;
using ::fives::journal_builder::MakeResponse;
using ::google::protobuf::util::MessageDifferencer;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

void Ok(const absl::Status& s) { EXPECT_TRUE(s.ok()) << s; }

v1::SignalTick Tick(v1::Pillar pillar, int number) {
  v1::SignalTick t;
  t.set_pillar(pillar);
  t.set_number(number);
  return t;
}

// Worked out by hand, as of the close of r2 (2026-04-10):
//   strategy  sentence, 4 priorities                        2/4
//   synergy   norm (dated 2025-01-10: stale), feedback
//             language, a style for each of the 5 members   2/3
//   structure register, 4 meeting blocks; no topic owners   2/3
//   steering  communication only                            1/4
//   success   guardian and a check within 56 days; no goals 2/3
v1::Charter PartCharter() {
  v1::Charter c;
  v1::StrategyCharter* s = c.mutable_strategy();
  s->set_shared_sentence("As an MT we are successful when ...");
  for (const char* p : {"Growth", "People", "Quality", "Cost"}) {
    s->add_priorities(p);
  }
  v1::SynergyCharter* y = c.mutable_synergy();
  y->set_disagreement_norm("Disagreeing is normal");
  y->set_disagreement_norm_updated("2025-01-10");
  y->set_feedback_language("Short, concrete, direct");
  const char* styles[][2] = {{"ann", "decisive"},
                             {"bob", "careful"},
                             {"cas", "fast"},
                             {"dirk", "detail"},
                             {"eva", "people"}};
  for (const auto& [member, style] : styles) {
    v1::PreferenceStyle* st = y->add_styles();
    st->set_member_id(member);
    st->set_style(style);
  }
  v1::StructureCharter* t = c.mutable_structure();
  v1::DecisionRule* rule = t->add_decision_register();
  rule->set_topic("budget");
  rule->set_model(v1::DECISION_MODEL_CONSENT);
  rule->set_owner_id("ann");
  for (const char* b : {"strategy and choices", "organisation performance",
                        "risks", "people and collaboration"}) {
    t->add_meeting_blocks(b);
  }
  v1::CommunicationRule* r = c.mutable_steering()->add_communication();
  r->set_who_id("eva");
  r->set_what("Decisions");
  return c;
}

// Members ann, bob, cas, dirk, eva (joined 2026-01-05); r1 (2026-02-02,
// closed 2026-02-06); p1 on r1 focused on structure (actions proposed);
// check c1 on 2026-03-25; r2 (2026-04-06, closed 2026-04-10) where
// structure scores 2, 3, 2, 4, 3 (mean 2.80, sd^2 0.70, rwg 0.65: mixed);
// check c2 on 2026-05-06. With `charter`: PartCharter set on 2026-03-26,
// and ticks at c1 (strategy 0, structure 1) and c2 (structure 1,
// steering 2). Without, the journal is the same but has no charter.
Journal MakeJournal(bool charter) {
  absl::StatusOr<Journal> made = Journal::Create("mt", "MT | Noord");
  EXPECT_TRUE(made.ok()) << made.status();
  Journal j = *std::move(made);
  for (const char* id : {"ann", "bob", "cas", "dirk", "eva"}) {
    Ok(j.AddMember(id, id, Day(2026, 1, 5)));
  }
  Ok(j.StartRound(
      j.NewRoundOptions("r1", Day(2026, 2, 2), v1::ROUND_MODE_OPEN)));
  Ok(j.AddResponse("r1", MakeResponse("ann", {4, 3, 2, 4, 5})));
  Ok(j.AddResponse("r1", MakeResponse("bob", {3, 3, 2, 4, 4})));
  Ok(j.AddResponse("r1", MakeResponse("cas", {5, 4, 1, 3, 4})));
  Ok(j.AddResponse("r1", MakeResponse("dirk", {4, 2, 2, 3, 5})));
  Ok(j.AddResponse("r1", MakeResponse("eva", {3, 3, 3, 3, 3})));
  Ok(j.CloseRound("r1", Day(2026, 2, 6)));
  PlanInput plan;
  plan.round_id = "r1";
  plan.created = Day(2026, 2, 10);
  plan.focus = Pillar::kStructure;
  plan.actions = {MakeActionInput("Decision log", "Log on the wiki", "ann"),
                  MakeActionInput("Roles", "Page on the wall", "bob")};
  EXPECT_TRUE(j.CreatePlan(plan).ok());
  CheckInput c1;
  c1.date = Day(2026, 3, 25);
  if (charter) {
    c1.signals = {Tick(v1::PILLAR_STRATEGY, 1), Tick(v1::PILLAR_STRUCTURE, 2)};
  }
  EXPECT_TRUE(j.RecordCheck(c1).ok());
  if (charter) Ok(j.SetCharter(PartCharter(), Day(2026, 3, 26)));
  Ok(j.StartRound(
      j.NewRoundOptions("r2", Day(2026, 4, 6), v1::ROUND_MODE_OPEN)));
  Ok(j.AddResponse("r2", MakeResponse("ann", {4, 3, 2, 4, 4})));
  Ok(j.AddResponse("r2", MakeResponse("bob", {3, 4, 3, 4, 4})));
  Ok(j.AddResponse("r2", MakeResponse("cas", {4, 4, 2, 3, 5})));
  Ok(j.AddResponse("r2", MakeResponse("dirk", {4, 3, 4, 3, 4})));
  Ok(j.AddResponse("r2", MakeResponse("eva", {3, 4, 3, 4, 3})));
  Ok(j.CloseRound("r2", Day(2026, 4, 10)));
  CheckInput c2;
  c2.date = Day(2026, 5, 6);
  if (charter) {
    c2.signals = {Tick(v1::PILLAR_STRUCTURE, 2), Tick(v1::PILLAR_STEERING, 3)};
  }
  EXPECT_TRUE(j.RecordCheck(c2).ok());
  EXPECT_EQ(j.proto().has_charter(), charter);
  return j;
}

const absl::CivilDay kMeeting = Day(2026, 5, 20);

const v1::PillarCharterReview& PillarOf(const v1::CharterReview& r, Pillar p) {
  return r.pillars(static_cast<int>(PillarIndex(p)));
}

// The catalog's warning signal without its full stop.
std::string Signal(Pillar p, int index, Language lang) {
  return std::string(
      absl::StripSuffix(PillarTextsFor(p, lang).warning_signals(index), "."));
}

// The text after the first line that is `heading`, up to the end.
std::string SectionOf(const std::string& text, const std::string& heading) {
  const size_t at = text.find("\n" + heading + "\n");
  return at == std::string::npos ? "" : text.substr(at + 1);
}

// The cells of the table row in `text` that starts with `first`: the
// columns are two or more spaces apart.
std::vector<std::string> RowOf(const std::string& text,
                               const std::string& first) {
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    if (!absl::StartsWith(line, first + "  ")) continue;
    std::vector<std::string> cells;
    for (absl::string_view cell : absl::StrSplit(line, "  ")) {
      cell = absl::StripAsciiWhitespace(cell);
      if (!cell.empty()) cells.emplace_back(cell);
    }
    return cells;
  }
  return {};
}

// --- The round report --------------------------------------------------------

TEST(CharterRoundReportTest, ReviewAsOfTheRoundsCloseByHand) {
  const Journal j = MakeJournal(true);
  absl::StatusOr<v1::RoundReport> report = j.Report("r2");
  ASSERT_TRUE(report.ok()) << report.status();
  ASSERT_TRUE(report->has_charter());
  const v1::CharterReview& c = report->charter();
  EXPECT_EQ(c.as_of(), "2026-04-10");  // r2 closed on 2026-04-10
  EXPECT_EQ(c.stale_days(), 365);
  EXPECT_EQ(c.checks(), 1);  // c1 only; c2 came later
  ASSERT_EQ(c.pillars_size(), 5);
  const v1::PillarCharterReview& structure = PillarOf(c, Pillar::kStructure);
  EXPECT_DOUBLE_EQ(structure.readiness(), 2.0 / 3);
  EXPECT_THAT(structure.missing(), ElementsAre("topic_owners"));
  EXPECT_DOUBLE_EQ(PillarOf(c, Pillar::kStrategy).readiness(), 2.0 / 4);
  EXPECT_THAT(PillarOf(c, Pillar::kStrategy).missing(),
              ElementsAre("not_doing", "strategy_checked_decisions"));
  EXPECT_DOUBLE_EQ(PillarOf(c, Pillar::kSynergy).readiness(), 2.0 / 3);
  EXPECT_THAT(PillarOf(c, Pillar::kSynergy).stale(),
              ElementsAre("disagreement_norm"));
  EXPECT_DOUBLE_EQ(PillarOf(c, Pillar::kSteering).readiness(), 1.0 / 4);
  EXPECT_DOUBLE_EQ(PillarOf(c, Pillar::kSuccess).readiness(), 2.0 / 3);
  EXPECT_THAT(PillarOf(c, Pillar::kSuccess).missing(), ElementsAre("goals"));
  // The plan's focus is structure: its first missing agreement.
  EXPECT_EQ(c.next().pillar(), v1::PILLAR_STRUCTURE);
  EXPECT_EQ(c.next().key(), "topic_owners");
  EXPECT_EQ(c.next().reason(), v1::NEXT_REASON_PLAN_FOCUS);
  // Signals of c1 only, both still there at the latest check (c1).
  ASSERT_EQ(structure.signals_size(), 1);
  EXPECT_EQ(structure.signals(0).number(), 2);
  EXPECT_TRUE(structure.signals(0).at_latest_check());
  EXPECT_EQ(PillarOf(c, Pillar::kSteering).signals_size(), 0);

  // The latest closed round is r2: the same review.
  absl::StatusOr<v1::RoundReport> latest = j.LatestReport();
  ASSERT_TRUE(latest.ok()) << latest.status();
  EXPECT_TRUE(MessageDifferencer::Equals(latest->charter(), c));

  // r1 closed on 2026-02-06: before any check, so neither the guardian
  // (appointed at the first check) nor the check rhythm is there yet, and no
  // signal counts.
  absl::StatusOr<v1::RoundReport> r1 = j.Report("r1");
  ASSERT_TRUE(r1.ok()) << r1.status();
  EXPECT_EQ(r1->charter().as_of(), "2026-02-06");
  EXPECT_EQ(r1->charter().checks(), 0);
  EXPECT_THAT(PillarOf(r1->charter(), Pillar::kSuccess).missing(),
              ElementsAre("guardian", "check_rhythm", "goals"));
}

TEST(CharterRoundReportTest, OpenRoundReviewedAsOfItsDate) {
  Journal j = MakeJournal(true);
  Ok(j.StartRound(
      j.NewRoundOptions("r3", Day(2026, 5, 11), v1::ROUND_MODE_OPEN)));
  Ok(j.AddResponse("r3", MakeResponse("ann", {4, 4, 3, 4, 4})));
  absl::StatusOr<v1::RoundReport> report = j.Report("r3");
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->charter().as_of(), "2026-05-11");
  EXPECT_EQ(report->charter().checks(), 2);
}

TEST(CharterRoundReportTest, NoCharterNoReview) {
  const Journal j = MakeJournal(false);
  for (const char* id : {"r1", "r2"}) {
    absl::StatusOr<v1::RoundReport> report = j.Report(id);
    ASSERT_TRUE(report.ok()) << report.status();
    EXPECT_FALSE(report->has_charter()) << id;
  }
  absl::StatusOr<v1::MeetingReport> m =
      BuildMeetingReport(j, "", Language::kEnglish, kMeeting);
  ASSERT_TRUE(m.ok()) << m.status();
  EXPECT_FALSE(m->has_charter());
  EXPECT_FALSE(m->round().has_charter());
}

TEST(CharterRoundReportTest, OnlyTheChartersFieldDiffers) {
  const Journal with = MakeJournal(true);
  const Journal without = MakeJournal(false);
  for (Language lang : {Language::kEnglish, Language::kDutch}) {
    v1::RoundReport a = *with.Report("r2");
    const v1::RoundReport b = *without.Report("r2");
    a.clear_charter();
    EXPECT_TRUE(MessageDifferencer::Equals(a, b));
    v1::MeetingReport m = *BuildMeetingReport(with, "", lang, kMeeting);
    const v1::MeetingReport n =
        *BuildMeetingReport(without, "", lang, kMeeting);
    m.clear_charter();
    m.mutable_round()->clear_charter();
    EXPECT_TRUE(MessageDifferencer::Equals(m, n));
  }
}

TEST(CharterRoundReportTest, JsonAndBinaryRoundTrip) {
  const v1::RoundReport report = *MakeJournal(true).Report("r2");
  ASSERT_TRUE(report.has_charter());

  std::string bytes;
  ASSERT_TRUE(report.SerializeToString(&bytes));
  v1::RoundReport parsed;
  ASSERT_TRUE(parsed.ParseFromString(bytes));
  EXPECT_TRUE(MessageDifferencer::Equals(parsed, report));
  EXPECT_EQ(DeterministicBytes(parsed), DeterministicBytes(report));

  std::string json;
  ASSERT_TRUE(google::protobuf::util::MessageToJsonString(report, &json).ok());
  EXPECT_THAT(json, HasSubstr("\"charter\":{\"asOf\":\"2026-04-10\""));
  EXPECT_THAT(json, HasSubstr("\"key\":\"topic_owners\""));
  EXPECT_THAT(json, HasSubstr("\"reason\":\"NEXT_REASON_PLAN_FOCUS\""));
  v1::RoundReport from_json;
  ASSERT_TRUE(
      google::protobuf::util::JsonStringToMessage(json, &from_json).ok());
  EXPECT_TRUE(MessageDifferencer::Equals(from_json, report));
  EXPECT_DOUBLE_EQ(
      PillarOf(from_json.charter(), Pillar::kStructure).readiness(), 2.0 / 3);

  // The meeting report carries its own review.
  const v1::MeetingReport m =
      *BuildMeetingReport(MakeJournal(true), "", Language::kEnglish, kMeeting);
  std::string meeting_bytes;
  ASSERT_TRUE(m.SerializeToString(&meeting_bytes));
  v1::MeetingReport meeting;
  ASSERT_TRUE(meeting.ParseFromString(meeting_bytes));
  EXPECT_TRUE(MessageDifferencer::Equals(meeting, m));
}

// --- The pieces
// ----------------------------------------------------------------

TEST(CharterPiecesTest, PerceptionAsTheReportShowsIt) {
  v1::RoundReport report;
  report.mutable_thresholds()->set_min_responses(3);
  v1::PillarStats* shown = report.add_pillars();
  shown->set_pillar(v1::PILLAR_STRUCTURE);
  shown->set_n(5);
  shown->set_mean(2.8);
  shown->set_label(v1::AGREEMENT_LABEL_MIXED);
  shown->set_disclosure(v1::DISCLOSURE_FULL);
  v1::PillarStats* mean_only = report.add_pillars();
  mean_only->set_pillar(v1::PILLAR_STEERING);
  mean_only->set_n(3);
  mean_only->set_mean(10.0 / 3);
  mean_only->set_label(v1::AGREEMENT_LABEL_SHARED);
  mean_only->set_disclosure(v1::DISCLOSURE_NO_DISTRIBUTION);
  v1::PillarStats* withheld = report.add_pillars();
  withheld->set_pillar(v1::PILLAR_SYNERGY);
  withheld->set_n(2);
  withheld->set_disclosure(v1::DISCLOSURE_TOO_FEW_RESPONSES);
  v1::PillarStats* empty = report.add_pillars();
  empty->set_pillar(v1::PILLAR_SUCCESS);
  empty->set_disclosure(v1::DISCLOSURE_FULL);

  EXPECT_EQ(PerceptionText(report, Pillar::kStructure, Language::kEnglish),
            "2.80 (mixed)");
  EXPECT_EQ(PerceptionText(report, Pillar::kStructure, Language::kDutch),
            "2,80 (gemengd)");
  // Below min_distribution the mean only: a label that reached the message
  // anyway is not drawn.
  EXPECT_EQ(PerceptionText(report, Pillar::kSteering, Language::kEnglish),
            "3.33");
  EXPECT_EQ(PerceptionText(report, Pillar::kSynergy, Language::kEnglish),
            "n = 2, not shown (fewer than 3)");
  EXPECT_EQ(PerceptionText(report, Pillar::kSynergy, Language::kDutch),
            "n = 2, niet getoond (minder dan 3)");
  EXPECT_EQ(PerceptionText(report, Pillar::kSuccess, Language::kEnglish), "–");
  EXPECT_EQ(PerceptionText(report, Pillar::kStrategy, Language::kEnglish),
            "not asked in this round");
  EXPECT_EQ(PerceptionText(report, Pillar::kStrategy, Language::kDutch),
            "niet gevraagd in deze ronde");
}

TEST(CharterPiecesTest, ReadinessOpenAgreementsAndNext) {
  const v1::CharterReview review = MakeJournal(true).Report("r2")->charter();
  const Readiness strategy = ReadinessOf(PillarOf(review, Pillar::kStrategy));
  EXPECT_EQ(strategy.in_place, 2);
  EXPECT_EQ(strategy.total, 4);
  EXPECT_EQ(OpenAgreementsText(PillarOf(review, Pillar::kStrategy),
                               Language::kEnglish),
            "Not-doing list, Decisions checked against the strategy");
  EXPECT_EQ(
      OpenAgreementsText(PillarOf(review, Pillar::kStrategy), Language::kDutch),
      "Niet-doen-lijst, Besluiten langs de strategie");
  EXPECT_EQ(OpenAgreementsText(PillarOf(review, Pillar::kSynergy),
                               Language::kEnglish),
            "Norm for disagreement (stale)");
  EXPECT_EQ(
      OpenAgreementsText(PillarOf(review, Pillar::kSynergy), Language::kDutch),
      "Norm voor onenigheid (verouderd)");
  EXPECT_EQ(NextAgreementText(review, Language::kEnglish),
            "Next agreement: Topic owners (Structure, the plan's focus "
            "pillar). Give every recurring topic an owner.");
  EXPECT_EQ(NextAgreementText(review, Language::kDutch),
            "Volgende afspraak: Onderwerpeigenaren (Structuur, de focuspijler "
            "van het plan). Geef elk terugkerend onderwerp een eigenaar.");

  // Every agreement in place: no next one, and nothing open.
  v1::CharterReview complete;
  v1::PillarCharterReview* p = complete.add_pillars();
  p->set_pillar(v1::PILLAR_SUCCESS);
  p->add_agreements()->set_state(v1::AGREEMENT_STATE_IN_PLACE);
  EXPECT_EQ(NextAgreementText(complete, Language::kEnglish),
            "Every agreement is in place.");
  EXPECT_EQ(OpenAgreementsText(*p, Language::kEnglish), "–");
  EXPECT_EQ(ReadinessOf(*p).in_place, 1);
  EXPECT_EQ(ReadinessOf(*p).total, 1);
}

// --- The text report ---------------------------------------------------------

TEST(CharterTextTest, SideBySideInEnglish) {
  const v1::RoundReport report = *MakeJournal(true).Report("r2");
  const std::string text = RenderReportText(report, Language::kEnglish);
  const std::string section = SectionOf(text, "Perception and agreements");
  ASSERT_FALSE(section.empty()) << text;
  EXPECT_THAT(section, HasSubstr("As of 10 April 2026; agreements older than "
                                 "365 days are stale\n"));
  EXPECT_THAT(
      RowOf(section, "Pillar"),
      ElementsAre("Pillar", "Perception", "Readiness", "Missing / Stale"));
  EXPECT_THAT(RowOf(section, "Structure"),
              ElementsAre("Structure", "2.80 (mixed)", "2/3", "Topic owners"));
  EXPECT_THAT(RowOf(section, "Strategy"),
              ElementsAre("Strategy", "3.60 (shared)", "2/4",
                          "Not-doing list, Decisions checked against the "
                          "strategy"));
  EXPECT_THAT(RowOf(section, "Synergy & strengths"),
              ElementsAre("Synergy & strengths", "3.60 (shared)", "2/3",
                          "Norm for disagreement (stale)"));
  EXPECT_THAT(RowOf(section, "Steering"),
              ElementsAre("Steering", "3.60 (shared)", "1/4",
                          "6 to 10 core KPIs, Steering moments of the year, "
                          "Risk register"));
  EXPECT_THAT(
      RowOf(section, "Success factors"),
      ElementsAre("Success factors", "4.00 (shared)", "2/3", "Team goals"));
  EXPECT_THAT(section,
              HasSubstr("\nNext agreement: Topic owners (Structure, the plan's "
                        "focus pillar). Give every recurring topic an "
                        "owner.\n"));
  // As of r2's close only c1 counts: both its signals are still there.
  EXPECT_THAT(section,
              HasSubstr("Warning signals still seen at the latest check:\n"
                        "  - Strategy — " +
                        Signal(Pillar::kStrategy, 0, Language::kEnglish) +
                        ": ticked at 1 of 1 checks (since 25 March 2026)\n"
                        "  - Structure — " +
                        Signal(Pillar::kStructure, 1, Language::kEnglish) +
                        ": ticked at 1 of 1 checks (since 25 March 2026)\n"));
  EXPECT_TRUE(absl::EndsWith(text, "(since 25 March 2026)\n"));
}

TEST(CharterTextTest, SideBySideInDutch) {
  const v1::RoundReport report = *MakeJournal(true).Report("r2");
  const std::string text = RenderReportText(report, Language::kDutch);
  const std::string section = SectionOf(text, "Beleving en afspraken");
  ASSERT_FALSE(section.empty()) << text;
  EXPECT_THAT(
      RowOf(section, "Structuur"),
      ElementsAre("Structuur", "2,80 (gemengd)", "2/3", "Onderwerpeigenaren"));
  EXPECT_THAT(RowOf(section, "Stip & strategie"),
              ElementsAre("Stip & strategie", "3,60 (gedeeld)", "2/4",
                          "Niet-doen-lijst, Besluiten langs de strategie"));
  EXPECT_THAT(RowOf(section, "Synergie & sterktes"),
              ElementsAre("Synergie & sterktes", "3,60 (gedeeld)", "2/3",
                          "Norm voor onenigheid (verouderd)"));
  EXPECT_THAT(section,
              HasSubstr("Volgende afspraak: Onderwerpeigenaren (Structuur, de "
                        "focuspijler van het plan). Geef elk terugkerend "
                        "onderwerp een eigenaar.\n"));
  EXPECT_THAT(section,
              HasSubstr("  - Structuur — " +
                        Signal(Pillar::kStructure, 1, Language::kDutch) +
                        ": bij 1 van de 1 checks aangevinkt (sinds "
                        "25 maart 2026)\n"));
  EXPECT_THAT(text, Not(HasSubstr("Perception")));
  EXPECT_THAT(text, Not(HasSubstr("Next agreement")));
}

TEST(CharterTextTest, WithoutACharterTheTextIsAsBefore) {
  const Journal with = MakeJournal(true);
  const Journal without = MakeJournal(false);
  for (Language lang : {Language::kEnglish, Language::kDutch}) {
    for (const char* id : {"r1", "r2"}) {
      v1::RoundReport report = *with.Report(id);
      const std::string full = RenderReportText(report, lang);
      report.clear_charter();
      const std::string before = RenderReportText(*without.Report(id), lang);
      EXPECT_EQ(RenderReportText(report, lang), before);
      EXPECT_THAT(
          before,
          Not(HasSubstr(std::string(Phrase("charter_side_by_side", lang)))));
      // The section comes last: everything before it is unchanged.
      EXPECT_THAT(full, StartsWith(before));
      EXPECT_THAT(full.substr(before.size()),
                  StartsWith(absl::StrCat(
                      "\n", Phrase("charter_side_by_side", lang), "\n")));
    }
  }
}

// --- The meeting report ------------------------------------------------------

TEST(CharterMeetingTest, ReviewAsOfTheMeeting) {
  const v1::MeetingReport m =
      *BuildMeetingReport(MakeJournal(true), "", Language::kEnglish, kMeeting);
  ASSERT_TRUE(m.has_charter());
  EXPECT_EQ(m.charter().as_of(), "2026-05-20");
  EXPECT_EQ(m.charter().checks(), 2);
  // The round's own review stays as of its close.
  EXPECT_EQ(m.round().charter().as_of(), "2026-04-10");
  const v1::PillarCharterReview& structure =
      PillarOf(m.charter(), Pillar::kStructure);
  ASSERT_EQ(structure.signals_size(), 1);
  EXPECT_EQ(structure.signals(0).checks(), 2);
  EXPECT_TRUE(structure.signals(0).at_latest_check());
  // Strategy's signal was ticked at c1 only: gone at c2.
  ASSERT_EQ(PillarOf(m.charter(), Pillar::kStrategy).signals_size(), 1);
  EXPECT_FALSE(
      PillarOf(m.charter(), Pillar::kStrategy).signals(0).at_latest_check());
}

TEST(CharterMeetingTest, MarkdownTableInEnglish) {
  const v1::MeetingReport m =
      *BuildMeetingReport(MakeJournal(true), "", Language::kEnglish, kMeeting);
  const std::string md = RenderMeetingMarkdown(m, Language::kEnglish);
  const size_t section = md.find("\n## Perception and agreements\n\n");
  ASSERT_NE(section, std::string::npos) << md;
  // After the focus and its practices, before the actions.
  EXPECT_LT(md.find("## Focus: Structure"), section);
  EXPECT_LT(section, md.find("## Actions"));
  EXPECT_THAT(md, HasSubstr("\nAs of 20 May 2026; agreements older than 365 "
                            "days are stale\n\n| Pillar | Perception | "
                            "Readiness | Missing / Stale | Signals |\n"
                            "|---|---|---|---|---|\n"));
  EXPECT_THAT(md, HasSubstr("| Structure | 2.80 (mixed) | 2 of 3 | Topic "
                            "owners | " +
                            Signal(Pillar::kStructure, 1, Language::kEnglish) +
                            ": ticked at 2 of 2 checks (since 25 March "
                            "2026) |\n"));
  // Strategy's signal is gone at the latest check.
  EXPECT_THAT(md, HasSubstr("| Strategy | 3.60 (shared) | 2 of 4 | Not-doing "
                            "list, Decisions checked against the strategy "
                            "| – |\n"));
  EXPECT_THAT(md, HasSubstr("| Steering | 3.60 (shared) | 1 of 4 | 6 to 10 "
                            "core KPIs, Steering moments of the year, Risk "
                            "register | " +
                            Signal(Pillar::kSteering, 2, Language::kEnglish) +
                            ": ticked at 1 of 2 checks (since 6 May 2026) "
                            "|\n"));
  // On 2026-05-20 the check of 2026-05-06 keeps the rhythm.
  EXPECT_THAT(md, HasSubstr("| Success factors | 4.00 (shared) | 2 of 3 | "
                            "Team goals | – |\n"));
  EXPECT_THAT(md, HasSubstr("\n\nNext agreement: Topic owners (Structure, the "
                            "plan's focus pillar). Give every recurring topic "
                            "an owner.\n\n## Actions"));
}

TEST(CharterMeetingTest, MarkdownTableInDutch) {
  const v1::MeetingReport m =
      *BuildMeetingReport(MakeJournal(true), "", Language::kDutch, kMeeting);
  const std::string md = RenderMeetingMarkdown(m, Language::kDutch);
  EXPECT_THAT(md, HasSubstr("\n## Beleving en afspraken\n\n"));
  EXPECT_THAT(md, HasSubstr("| Pijler | Beleving | Afspraken | Ontbreekt / "
                            "Verouderd | Signalen |\n"));
  EXPECT_THAT(md, HasSubstr("| Structuur | 2,80 (gemengd) | 2 van 3 | "
                            "Onderwerpeigenaren | "));
  EXPECT_THAT(md, HasSubstr("| Synergie & sterktes | 3,60 (gedeeld) | 2 van 3 "
                            "| Norm voor onenigheid (verouderd) | – |\n"));
  EXPECT_THAT(md, HasSubstr("Volgende afspraak: Onderwerpeigenaren (Structuur, "
                            "de focuspijler van het plan)."));
  EXPECT_THAT(md, Not(HasSubstr("Perception")));
  EXPECT_THAT(md, Not(HasSubstr(" of 3 ")));
}

TEST(CharterMeetingTest, WithoutACharterTheMarkdownAndPageAreAsBefore) {
  const Journal with = MakeJournal(true);
  const Journal without = MakeJournal(false);
  for (Language lang : {Language::kEnglish, Language::kDutch}) {
    v1::MeetingReport m = *BuildMeetingReport(with, "", lang, kMeeting);
    const v1::MeetingReport n =
        *BuildMeetingReport(without, "", lang, kMeeting);
    const std::string full = RenderMeetingMarkdown(m, lang);
    const std::string full_page = *RenderMeetingHtml(m, with, lang);
    m.clear_charter();
    m.mutable_round()->clear_charter();
    const std::string md = RenderMeetingMarkdown(n, lang);
    const std::string page = *RenderMeetingHtml(n, without, lang);
    EXPECT_EQ(RenderMeetingMarkdown(m, lang), md);
    EXPECT_EQ(*RenderMeetingHtml(m, with, lang), page);
    const std::string heading(Phrase("charter_side_by_side", lang));
    EXPECT_THAT(md, Not(HasSubstr(heading)));
    EXPECT_THAT(page, Not(HasSubstr(heading)));
    EXPECT_THAT(page, Not(HasSubstr("class=\"bar\"")));
    EXPECT_THAT(page, Not(HasSubstr(".bar")));
    EXPECT_THAT(full, HasSubstr(heading));
    EXPECT_THAT(full_page, HasSubstr(heading));
    // The round report's own review does not reach the Markdown: only the
    // meeting's does.
    v1::MeetingReport round_only =
        *BuildMeetingReport(with, "", lang, kMeeting);
    round_only.clear_charter();
    EXPECT_EQ(RenderMeetingMarkdown(round_only, lang), md);
  }
}

}  // namespace
}  // namespace fives
