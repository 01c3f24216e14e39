// The disclosure decision: tiers, floors, differencing between rounds, what a
// closed round keeps, and import held to the same rules.
#include "fives/disclosure.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "fives/journal.h"
#include "fives/journal_io.h"
#include "fives/team_config.h"
#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "journal_builder.h"

namespace fives {
namespace {

using journal_builder::Day;
using journal_builder::MakeResponse;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// --- Tiers and floors --------------------------------------------------------

TEST(DisclosureTierTest, ByN) {
  const PrivacyThresholds t;  // 3 and 5
  const v1::RoundMode c = v1::ROUND_MODE_CONFIDENTIAL;
  EXPECT_EQ(DisclosureTier(c, 0, t), v1::DISCLOSURE_TOO_FEW_RESPONSES);
  EXPECT_EQ(DisclosureTier(c, 2, t), v1::DISCLOSURE_TOO_FEW_RESPONSES);
  EXPECT_EQ(DisclosureTier(c, 3, t), v1::DISCLOSURE_NO_DISTRIBUTION);
  EXPECT_EQ(DisclosureTier(c, 4, t), v1::DISCLOSURE_NO_DISTRIBUTION);
  EXPECT_EQ(DisclosureTier(c, 5, t), v1::DISCLOSURE_FULL);
  EXPECT_EQ(DisclosureTier(v1::ROUND_MODE_OPEN, 1, t), v1::DISCLOSURE_FULL);
  PrivacyThresholds strict;
  strict.min_responses = 4;
  strict.min_distribution = 7;
  EXPECT_EQ(DisclosureTier(c, 3, strict), v1::DISCLOSURE_TOO_FEW_RESPONSES);
  EXPECT_EQ(DisclosureTier(c, 6, strict), v1::DISCLOSURE_NO_DISTRIBUTION);
}

TEST(DisclosureTierTest, MeanOnlyHasNothingElse) {
  // 2, 2, 5: mean 3; the label (split), AD flag and median are withheld.
  const ScoreStats stats = *ComputeScoreStats(std::vector<int>{2, 2, 5});
  const v1::PillarStats s =
      DisclosedStats(Pillar::kSteering, stats, v1::ROUND_MODE_CONFIDENTIAL, {});
  v1::PillarStats expected;
  expected.set_pillar(v1::PILLAR_STEERING);
  expected.set_n(3);
  expected.set_mean(3.0);
  expected.set_disclosure(v1::DISCLOSURE_NO_DISTRIBUTION);
  EXPECT_EQ(s.SerializeAsString(), expected.SerializeAsString())
      << s.DebugString();
}

TEST(DisclosureTierTest, HeldBackShowsOnlyN) {
  const ScoreStats stats = *ComputeScoreStats(std::vector<int>{2, 3, 4, 4, 5});
  const v1::PillarStats s =
      DisclosedStats(Pillar::kSuccess, stats, v1::ROUND_MODE_CONFIDENTIAL, {},
                     Differencing{"r1", /*mean_only=*/false, /*warn=*/false});
  v1::PillarStats expected;
  expected.set_pillar(v1::PILLAR_SUCCESS);
  expected.set_n(5);
  expected.set_disclosure(v1::DISCLOSURE_HELD_BACK);
  expected.set_held_back_against("r1");
  EXPECT_EQ(s.SerializeAsString(), expected.SerializeAsString())
      << s.DebugString();
  // Warn: everything, marked.
  const v1::PillarStats w =
      DisclosedStats(Pillar::kSuccess, stats, v1::ROUND_MODE_CONFIDENTIAL, {},
                     Differencing{"r1", /*mean_only=*/false, /*warn=*/true});
  EXPECT_EQ(w.disclosure(), v1::DISCLOSURE_FULL);
  EXPECT_EQ(w.histogram_size(), 5);
  EXPECT_TRUE(w.differencing_warning());
  EXPECT_EQ(w.held_back_against(), "r1");
}

TEST(PrivacyFloorTest, RefusedWhereverThresholdsAreSet) {
  v1::PrivacyThresholds low;
  low.set_min_distribution(4);
  absl::StatusOr<PrivacyThresholds> t = PrivacyThresholds::FromProto(low);
  ASSERT_FALSE(t.ok());
  EXPECT_THAT(t.status().message(), HasSubstr("min_distribution: 4"));
  low.set_min_distribution(5);
  low.set_min_responses(2);
  EXPECT_THAT(PrivacyThresholds::FromProto(low).status().message(),
              HasSubstr("min_responses: 2"));
  // A team's configuration.
  v1::TeamConfig config;
  config.mutable_privacy()->set_min_distribution(3);
  EXPECT_THAT(Journal::Create("t", "T", config).status().message(),
              HasSubstr("min_distribution: 3"));
  // A round's options.
  Journal j = *Journal::Create("t", "T");
  RoundOptions o =
      j.NewRoundOptions("r", Day(2026, 1, 1), v1::ROUND_MODE_CONFIDENTIAL);
  o.privacy.min_distribution = 4;
  EXPECT_THAT(j.StartRound(o).message(), HasSubstr("min_distribution: 4"));
  EXPECT_EQ(j.proto().rounds_size(), 0);
}

TEST(PrivacyFloorTest, ARoundMayBeStricterNeverLooserThanTheTeam) {
  v1::TeamConfig config;
  config.mutable_privacy()->set_min_responses(4);
  config.mutable_privacy()->set_min_distribution(6);
  Journal j = *Journal::Create("t", "T", config);
  RoundOptions o =
      j.NewRoundOptions("r", Day(2026, 1, 1), v1::ROUND_MODE_CONFIDENTIAL);
  o.privacy.min_distribution = 5;
  const absl::Status s = j.StartRound(o);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(s.message(), HasSubstr("looser than the team's"));
  o.privacy.min_distribution = 8;
  EXPECT_TRUE(j.StartRound(o).ok());
}

TEST(PrivacyFloorTest, LabelThresholdsAreTheTeams) {
  Journal j = *Journal::Create("t", "T");
  RoundOptions o =
      j.NewRoundOptions("r", Day(2026, 1, 1), v1::ROUND_MODE_CONFIDENTIAL);
  o.agreement.shared_rwg = 0.1;
  EXPECT_THAT(j.StartRound(o).message(), HasSubstr("round.agreement"));
  EXPECT_EQ(j.proto().rounds_size(), 0);
}

// --- Differencing
// -------------------------------------------------------------

std::string Id(int i) { return absl::StrCat("m", i); }

Journal TeamOf(int size, const v1::TeamConfig& config = {}) {
  Journal j = *Journal::Create("mt", "MT", config);
  for (int i = 0; i < size; ++i) {
    EXPECT_TRUE(j.AddMember(Id(i), Id(i), Day(2026, 1, 5)).ok());
  }
  return j;
}

// A closed round `id` in `mode` answered by `who`, every pillar scored
// 1 + (member % 5); `partial` members leave out success.
void Answered(Journal& j, const std::string& id, absl::CivilDay day,
              const std::vector<int>& who, std::vector<int> partial = {},
              v1::RoundMode mode = v1::ROUND_MODE_CONFIDENTIAL) {
  RoundOptions o = j.NewRoundOptions(id, day, mode);
  o.allow_partial = !partial.empty();
  ASSERT_TRUE(j.StartRound(o).ok());
  for (int m : who) {
    const int s = 1 + m % 5;
    std::array<int, 5> scores = {s, s, s, s, s};
    if (std::find(partial.begin(), partial.end(), m) != partial.end()) {
      scores[4] = 0;
    }
    ASSERT_TRUE(j.AddResponse(id, MakeResponse(Id(m), scores)).ok());
  }
  ASSERT_TRUE(j.CloseRound(id, day + 3).ok());
}

std::vector<v1::Disclosure> Tiers(const Journal& j, const std::string& id) {
  std::vector<v1::Disclosure> out;
  const absl::StatusOr<v1::RoundReport> report = j.Report(id);
  EXPECT_TRUE(report.ok()) << report.status();
  if (!report.ok()) return out;
  for (const v1::PillarStats& s : report->pillars()) {
    out.push_back(s.disclosure());
  }
  return out;
}

constexpr v1::Disclosure kFull = v1::DISCLOSURE_FULL;
constexpr v1::Disclosure kHeld = v1::DISCLOSURE_HELD_BACK;

TEST(DifferencingTest, OneOrTwoPeopleDifferentIsHeldBack) {
  Journal j = TeamOf(9);
  Answered(j, "r1", Day(2026, 2, 1), {0, 1, 2, 3, 4, 5});
  Answered(j, "r2", Day(2026, 3, 1), {0, 1, 2, 3, 4});        // 1 absent
  Answered(j, "r3", Day(2026, 4, 1), {0, 1, 2, 3, 4, 5, 6});  // 1 new
  Answered(j, "r4", Day(2026, 5, 1), {0, 1, 2, 3, 6, 7});     // 2 out, 2 in
  Answered(j, "r5", Day(2026, 6, 1), {0, 1, 2, 3, 4, 5});     // as r1
  Answered(j, "r6", Day(2026, 7, 1), {0, 1, 2, 6, 7, 8});     // 3 others
  EXPECT_THAT(Tiers(j, "r1"), ::testing::Each(kFull));
  EXPECT_THAT(Tiers(j, "r2"), ::testing::Each(kHeld));
  EXPECT_THAT(Tiers(j, "r3"), ::testing::Each(kHeld));
  // r4 differs from r1 by 4 people (2 left, 2 joined): at least
  // min_responses, so the mean may show, but fewer than min_distribution,
  // so the difference of the histograms would show those four's scores.
  EXPECT_THAT(Tiers(j, "r4"), ::testing::Each(v1::DISCLOSURE_NO_DISTRIBUTION));
  EXPECT_EQ(j.Report("r4")->pillars(0).held_back_against(), "r1");
  EXPECT_THAT(Tiers(j, "r5"), ::testing::Each(kFull));
  // r6 differs from r1 and r5 by 6 (3 4 5 out, 6 7 8 in), from r4 (whose
  // mean is shown) by 2 (r4 is 0 1 2 3 6 7: 3 out, 8 in).
  EXPECT_THAT(Tiers(j, "r6"), ::testing::Each(kHeld));
  const v1::RoundReport r2 = *j.Report("r2");
  EXPECT_EQ(r2.pillars(0).held_back_against(), "r1");
  EXPECT_EQ(r2.pillars(0).n(), 5);
  EXPECT_FALSE(r2.pillars(0).has_mean());
  // The latest released round is named.
  EXPECT_EQ(j.Report("r6")->pillars(0).held_back_against(), "r4");
  // No focus can be taken from held-back pillars.
  EXPECT_EQ(r2.focus(), v1::PILLAR_UNSPECIFIED);
}

TEST(DifferencingTest, HeldBackRoundsDoNotCountAsReleased) {
  Journal j = TeamOf(8);
  Answered(j, "r1", Day(2026, 2, 1), {0, 1, 2, 3, 4, 5});
  Answered(j, "r2", Day(2026, 3, 1), {0, 1, 2, 3, 4});  // held back vs r1
  // r3 = r2's people: differs from r1 by one, so held back too; it is
  // never compared with r2, which showed nothing.
  Answered(j, "r3", Day(2026, 4, 1), {0, 1, 2, 3, 4});
  EXPECT_THAT(Tiers(j, "r3"), ::testing::Each(kHeld));
  EXPECT_EQ(j.Report("r3")->pillars(0).held_back_against(), "r1");
}

TEST(DifferencingTest, PartialAnswersCountEverySplit) {
  // r1: 6 answer everything. r2: the same 6, but two leave success out, so
  // 4 success scores from some 4 of the 6: differs from r1 by exactly 2.
  Journal j = TeamOf(6);
  Answered(j, "r1", Day(2026, 2, 1), {0, 1, 2, 3, 4, 5});
  Answered(j, "r2", Day(2026, 3, 1), {0, 1, 2, 3, 4, 5}, {4, 5});
  const v1::RoundReport r2 = *j.Report("r2");
  EXPECT_EQ(r2.pillars(0).disclosure(), kFull);  // strategy: same 6
  EXPECT_EQ(r2.pillars(4).disclosure(), kHeld);  // success: 2 fewer
  EXPECT_EQ(r2.pillars(4).n(), 4);
}

TEST(DifferencingTest, OpenRoundsCountAsReleased) {
  // An open round shows everyone's scores; a confidential round of the same
  // people plus one newcomer would give the newcomer's away.
  Journal j = TeamOf(7);
  Answered(j, "r1", Day(2026, 2, 1), {0, 1, 2, 3, 4, 5}, {},
           v1::ROUND_MODE_OPEN);
  Answered(j, "r2", Day(2026, 3, 1), {0, 1, 2, 3, 4, 5, 6});
  EXPECT_THAT(Tiers(j, "r2"), ::testing::Each(kHeld));
}

TEST(DifferencingTest, JudgedInTheOrderRoundsClosed) {
  // r2 starts after r1 but closes first; r1, closing later with one person
  // more, is the one held back, and r2's report never changes.
  Journal j = TeamOf(7);
  ASSERT_TRUE(j.StartRound(j.NewRoundOptions("r1", Day(2026, 2, 1),
                                             v1::ROUND_MODE_CONFIDENTIAL))
                  .ok());
  Answered(j, "r2", Day(2026, 2, 2), {0, 1, 2, 3, 4, 5});
  const v1::RoundReport r2_before = *j.Report("r2");
  for (int m : {0, 1, 2, 3, 4, 5, 6}) {
    ASSERT_TRUE(j.AddResponse("r1", MakeResponse(Id(m), {3, 3, 3, 3, 3})).ok());
  }
  ASSERT_TRUE(j.CloseRound("r1", Day(2026, 3, 1)).ok());
  EXPECT_THAT(Tiers(j, "r1"), ::testing::Each(kHeld));
  EXPECT_EQ(j.Report("r2")->SerializeAsString(), r2_before.SerializeAsString());
  EXPECT_EQ(j.proto().rounds(0).close_order(), 2);
  EXPECT_EQ(j.proto().rounds(1).close_order(), 1);
}

TEST(DifferencingTest, HistogramsOfFewerThanMinDistributionPeopleStayHidden) {
  // r2 = r1 plus three: the difference of two full histograms would be the
  // three newcomers' histogram. r2 shows only n and the mean.
  Journal j = TeamOf(8);
  Answered(j, "r1", Day(2026, 2, 1), {0, 1, 2, 3, 4});
  Answered(j, "r2", Day(2026, 3, 1), {0, 1, 2, 3, 4, 5, 6, 7});
  EXPECT_THAT(Tiers(j, "r2"), ::testing::Each(v1::DISCLOSURE_NO_DISTRIBUTION));
  const v1::RoundReport r2 = *j.Report("r2");
  EXPECT_TRUE(r2.pillars(0).has_mean());
  EXPECT_EQ(r2.pillars(0).histogram_size(), 0);
  // Five more people, and the histogram shows.
  Journal k = TeamOf(10);
  Answered(k, "r1", Day(2026, 2, 1), {0, 1, 2, 3, 4});
  Answered(k, "r2", Day(2026, 3, 1), {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
  EXPECT_THAT(Tiers(k, "r2"), ::testing::Each(kFull));
}

TEST(DifferencingTest, TheStricterRoundsThresholdsCount) {
  // r1 promised 6 and 8; r2, at the team's 3 and 5, leaves 3 of r1's 10
  // out: fewer than r1's min_responses, so held back.
  Journal j = TeamOf(10);
  RoundOptions o =
      j.NewRoundOptions("r1", Day(2026, 2, 1), v1::ROUND_MODE_CONFIDENTIAL);
  o.privacy.min_responses = 6;
  o.privacy.min_distribution = 8;
  ASSERT_TRUE(j.StartRound(o).ok());
  for (int m = 0; m < 10; ++m) {
    ASSERT_TRUE(j.AddResponse("r1", MakeResponse(Id(m), {3, 3, 3, 3, 3})).ok());
  }
  ASSERT_TRUE(j.CloseRound("r1", Day(2026, 2, 5)).ok());
  Answered(j, "r2", Day(2026, 3, 1), {0, 1, 2, 3, 4, 5, 6});
  EXPECT_THAT(Tiers(j, "r2"), ::testing::Each(kHeld));
}

TEST(DifferencingTest, AnOpenRoundStillOpenCounts) {
  // The open round's live report already shows every score.
  Journal j = TeamOf(6);
  ASSERT_TRUE(j.StartRound(j.NewRoundOptions("o1", Day(2026, 2, 1),
                                             v1::ROUND_MODE_OPEN))
                  .ok());
  for (int m = 0; m < 5; ++m) {
    ASSERT_TRUE(j.AddResponse("o1", MakeResponse(Id(m), {3, 3, 3, 3, 3})).ok());
  }
  Answered(j, "c1", Day(2026, 2, 2), {0, 1, 2, 3, 4, 5});
  EXPECT_THAT(Tiers(j, "c1"), ::testing::Each(kHeld));
}

TEST(DifferencingTest, ForgettingChangesNoDecision) {
  // An open round with partial answers, then two confidential rounds; once
  // m0 is forgotten, which pillars m0 answered in the open round is no
  // longer known. The decisions were taken at close and stay.
  Journal j = TeamOf(9);
  RoundOptions o =
      j.NewRoundOptions("o1", Day(2026, 2, 1), v1::ROUND_MODE_OPEN);
  o.allow_partial = true;
  ASSERT_TRUE(j.StartRound(o).ok());
  for (int m : {2, 4, 5, 8}) {
    ASSERT_TRUE(j.AddResponse("o1", MakeResponse(Id(m), {3, 3, 3, 3, 3})).ok());
  }
  ASSERT_TRUE(j.AddResponse("o1", MakeResponse(Id(0), {2, 0, 0, 0, 0})).ok());
  ASSERT_TRUE(j.CloseRound("o1", Day(2026, 2, 3)).ok());
  Answered(j, "r2", Day(2026, 3, 1), {0, 4, 5, 7});
  Answered(j, "r3", Day(2026, 4, 1), {4, 5, 7});
  const std::string r2 = j.Report("r2")->SerializeAsString();
  const std::string r3 = j.Report("r3")->SerializeAsString();
  ASSERT_TRUE(j.ForgetMember(Id(0)).ok());
  EXPECT_EQ(j.Report("r2")->SerializeAsString(), r2);
  EXPECT_EQ(j.Report("r3")->SerializeAsString(), r3);
  EXPECT_THAT(Tiers(j, "r3"), ::testing::Each(kHeld));
}

TEST(DifferencingTest, CombinationsOfRoundsAreFound) {
  // a = 0 1 2, b = 3 4 5, c = 6 7 8. r1 = a+b, r2 = b+c, r3 = a+c, each
  // pair differing by six people. r4 = a+b+c and member 9 differs from each
  // by four, but r4 - (r1 + r2 + r3) / 2 is member 9 alone.
  Journal j = TeamOf(10);
  Answered(j, "r1", Day(2026, 2, 1), {0, 1, 2, 3, 4, 5});
  Answered(j, "r2", Day(2026, 3, 1), {3, 4, 5, 6, 7, 8});
  Answered(j, "r3", Day(2026, 4, 1), {0, 1, 2, 6, 7, 8});
  Answered(j, "r4", Day(2026, 5, 1), {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
  EXPECT_THAT(Tiers(j, "r3"), ::testing::Each(kFull));
  EXPECT_THAT(Tiers(j, "r4"), ::testing::Each(kHeld));
  const v1::RoundReport r4 = *j.Report("r4");
  EXPECT_TRUE(r4.pillars(0).held_back_combination());
  EXPECT_EQ(r4.pillars(0).held_back_against(), "r3");
  // The same people again add nothing new: shown.
  Answered(j, "r5", Day(2026, 6, 1), {0, 1, 2, 6, 7, 8});
  EXPECT_THAT(Tiers(j, "r5"), ::testing::Each(kFull));
}

TEST(DifferencingTest, TooFewResponsesNeedNoProtection) {
  Journal j = TeamOf(6);
  Answered(j, "r1", Day(2026, 2, 1), {0, 1, 2, 3, 4, 5});
  Answered(j, "r2", Day(2026, 3, 1), {0, 1});  // only n: nothing to subtract
  const v1::RoundReport r2 = *j.Report("r2");
  for (const v1::PillarStats& s : r2.pillars()) {
    EXPECT_EQ(s.disclosure(), v1::DISCLOSURE_TOO_FEW_RESPONSES);
    EXPECT_TRUE(s.held_back_against().empty());
  }
}

TEST(DifferencingTest, ComparisonSaysWhyThereIsNoVerdict) {
  Journal j = TeamOf(6);
  Answered(j, "r1", Day(2026, 2, 1), {0, 1, 2, 3, 4, 5});
  Answered(j, "r2", Day(2026, 3, 1), {0, 1, 2, 3, 4});
  const v1::RoundComparison c = *j.CompareRounds("r1", "r2");
  ASSERT_EQ(c.pillars_size(), 5);
  for (const v1::PillarTrend& t : c.pillars()) {
    EXPECT_EQ(t.verdict(), v1::TREND_VERDICT_NOT_ENOUGH_DATA);
    EXPECT_EQ(t.before_disclosure(), kFull);
    EXPECT_EQ(t.after_disclosure(), kHeld);
    EXPECT_FALSE(t.has_mean_after());
    EXPECT_FALSE(t.has_mean_change());
    EXPECT_FALSE(t.has_p_value());
  }
}

// --- What a closed round keeps -----------------------------------------------

TEST(ClosedRoundTest, CountsBelowMinResponsesAreDiscarded) {
  Journal j = TeamOf(6);
  Answered(j, "r1", Day(2026, 2, 1), {0, 1, 2, 3, 4, 5}, {0, 1, 2, 3, 4});
  // Success was answered by member 5 alone (score 1 + 5 % 5 = 1).
  const v1::Round& r = j.proto().rounds(0);
  const v1::PillarTally& success = r.tallies(4);
  EXPECT_EQ(success.histogram_size(), 0);
  EXPECT_EQ(success.n(), 1);
  // Strategy: members 0..5 scored 1, 2, 3, 4, 5, 1.
  EXPECT_THAT(r.tallies(0).histogram(), ElementsAre(2, 1, 1, 1, 1));
  // Nothing in any export shows the single score.
  const v1::RoundReport report = *j.Report("r1");
  EXPECT_EQ(report.pillars(4).n(), 1);
  EXPECT_EQ(report.pillars(4).disclosure(), v1::DISCLOSURE_TOO_FEW_RESPONSES);
}

// --- Import ------------------------------------------------------------------

v1::Journal Stored() {
  Journal j = TeamOf(6);
  Answered(j, "r1", Day(2026, 2, 1), {0, 1, 2, 3, 4, 5});
  return j.proto();
}

// `proto` refused in every format a journal is imported from.
void ExpectImportRefused(const v1::Journal& proto, absl::string_view part) {
  std::string json, text;
  ASSERT_TRUE(google::protobuf::util::MessageToJsonString(proto, &json).ok());
  ASSERT_TRUE(google::protobuf::TextFormat::PrintToString(proto, &text));
  for (const auto& [format, bytes] :
       {std::make_pair(JournalFormat::kBinary, proto.SerializeAsString()),
        std::make_pair(JournalFormat::kJson, json),
        std::make_pair(JournalFormat::kText, text)}) {
    absl::StatusOr<Journal> j = ParseJournal(bytes, format);
    ASSERT_FALSE(j.ok()) << proto.DebugString();
    EXPECT_THAT(j.status().message(), HasSubstr(part));
  }
}

TEST(ImportTest, HeldToTheSameRules) {
  v1::Journal low = Stored();
  low.mutable_config()->mutable_privacy()->set_min_distribution(3);
  ExpectImportRefused(low, "min_distribution: 3");

  v1::Journal round_low = Stored();
  round_low.mutable_rounds(0)->mutable_thresholds()->set_min_distribution(4);
  ExpectImportRefused(round_low, "min_distribution: 4");

  v1::Journal identified = Stored();
  *identified.mutable_rounds(0)->add_responses() =
      MakeResponse("m0", {1, 1, 1, 1, 1});
  ExpectImportRefused(identified, "identified");

  v1::Journal mismatch = Stored();
  mismatch.mutable_rounds(0)->mutable_tallies(2)->set_histogram(0, 5);
  ExpectImportRefused(mismatch, "participants");

  v1::Journal order = Stored();
  order.mutable_rounds(0)->set_close_order(0);
  *order.add_rounds() = order.rounds(0);
  order.mutable_rounds(1)->set_id("r2");
  order.mutable_rounds(0)->set_close_order(3);
  order.mutable_rounds(1)->set_close_order(3);
  ExpectImportRefused(order, "close_order");
}

TEST(ImportTest, TextAndJsonImportsApplyTheRules) {
  Journal valid = *Journal::FromProto(Stored());
  for (JournalFormat f : {JournalFormat::kJson, JournalFormat::kText}) {
    std::string bytes = SerializeJournal(valid, f);
    const std::string from = f == JournalFormat::kJson
                                 ? "\"min_distribution\": 5"
                                 : "min_distribution: 5";
    const std::string to = f == JournalFormat::kJson ? "\"min_distribution\": 4"
                                                     : "min_distribution: 4";
    const size_t at = bytes.find(from);
    ASSERT_NE(at, std::string::npos) << bytes;
    bytes.replace(at, from.size(), to);
    absl::StatusOr<Journal> j = ParseJournal(bytes, f);
    ASSERT_FALSE(j.ok());
    EXPECT_THAT(j.status().message(), HasSubstr("min_distribution: 4"));
  }
}

TEST(ImportTest, OlderJournalsLoseWhatSinglesOut) {
  // A journal as an earlier version wrote it: a closed confidential round
  // keeping the counts of a pillar one member answered, and a forgotten
  // member with dates and an open-round response.
  Journal j = TeamOf(6);
  Answered(j, "r0", Day(2026, 1, 10), {0, 1, 2, 3, 4, 5}, {},
           v1::ROUND_MODE_OPEN);
  Answered(j, "r1", Day(2026, 2, 1), {0, 1, 2, 3, 4, 5}, {0, 1, 2, 3, 4});
  v1::Journal old = j.proto();
  v1::PillarTally& success = *old.mutable_rounds(1)->mutable_tallies(4);
  success.clear_n();
  for (int s : {1, 0, 0, 0, 0}) success.add_histogram(s);
  v1::Member& m = *old.mutable_team()->mutable_members(2);
  m.set_id("forgotten-1");
  m.set_display_name("forgotten-1");
  m.set_forgotten(true);
  old.set_next_forgotten(1);
  for (v1::Round& r : *old.mutable_rounds()) {
    for (v1::Response& resp : *r.mutable_responses()) {
      if (resp.member_id() == Id(2)) resp.set_member_id("forgotten-1");
    }
    for (std::string& p : *r.mutable_participants()) {
      if (p == Id(2)) p = "forgotten-1";
    }
    std::sort(r.mutable_responses()->begin(), r.mutable_responses()->end(),
              [](const v1::Response& a, const v1::Response& b) {
                return a.member_id() < b.member_id();
              });
    std::sort(r.mutable_participants()->begin(),
              r.mutable_participants()->end());
  }
  absl::StatusOr<Journal> loaded = Journal::FromProto(old);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  const v1::Journal& p = loaded->proto();
  EXPECT_EQ(p.rounds(1).tallies(4).histogram_size(), 0);
  EXPECT_EQ(p.rounds(1).tallies(4).n(), 1);
  const v1::Member& last = p.team().members(5);
  EXPECT_EQ(last.id(), "forgotten-1");
  EXPECT_TRUE(last.joined().empty());
  EXPECT_EQ(p.rounds(0).responses_size(), 5);
  EXPECT_THAT(p.rounds(0).forgotten_participants(), ElementsAre("forgotten-1"));
  EXPECT_EQ(p.rounds(0).members(), 6);
  // Member 2 scored 1 + 2 % 5 = 3 on every pillar.
  EXPECT_THAT(p.rounds(0).forgotten_scores(0).histogram(),
              ElementsAre(0, 0, 1, 0, 0));
  EXPECT_EQ(loaded->Report("r0")->respondents(), 6);
}

}  // namespace
}  // namespace fives
