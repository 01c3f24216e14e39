#include "fives/round_report.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/time/civil_time.h"
#include "fives/catalog.h"
#include "fives/report_suggestions.h"
#include "fives/report_text.h"
#include "fives/round.h"
#include "fives/score_stats.h"
#include "fives/team.h"
#include "gmock/gmock.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "proto_testing.h"

namespace fives {
namespace {

using ::fives::proto_testing::DeterministicBytes;
using ::fives::proto_testing::SameProto;
using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

constexpr double kEps = 1e-9;

absl::CivilDay Day(int y, int m, int d) { return absl::CivilDay(y, m, d); }

const absl::CivilDay kRoundDay = Day(2026, 3, 2);

struct Person {
  const char* id;
  const char* name;
};
// Sorted by id.
const Person kPeople[] = {{"m-ann", "Ann Jansen"}, {"m-bob", "Bob de Wit"},
                          {"m-cas", "Cas Bakker"}, {"m-dirk", "Dirk Visser"},
                          {"m-eva", "Eva Smit"},   {"m-fien", "Fien Mulder"}};

// Six members on the round date, plus one who left before it.
Team MakeTeam() {
  absl::StatusOr<Team> team = Team::Create("mt-north", "MT Noord");
  EXPECT_TRUE(team.ok()) << team.status();
  for (const Person& p : kPeople) {
    EXPECT_TRUE(team->AddMember(p.id, p.name, Day(2026, 1, 5)).ok());
  }
  EXPECT_TRUE(team->AddMember("m-old", "Olga Oud", Day(2025, 1, 5)).ok());
  EXPECT_TRUE(team->RecordLeave("m-old", Day(2026, 2, 1)).ok());
  return *std::move(team);
}

v1::Response Full(const std::string& member, std::array<int, 5> s) {
  v1::Response r;
  r.set_member_id(member);
  for (int i = 0; i < 5; ++i) {
    v1::PillarScore* score = r.add_scores();
    score->set_pillar(ToProto(kAllPillars[i]));
    score->set_score(s[i]);
  }
  return r;
}

// Scores of the open round, per member (strategy, synergy, structure,
// steering, success). Per pillar, in member order ann..fien:
//   strategy  4,4,5,3,4,2   synergy 1,5,1,5,1,5   structure 3,3,3,3,3,3
//   steering  2,2,3,2,2,3   success 5,4,4,5,4,4
std::vector<v1::Response> OpenResponses() {
  return {Full("m-ann", {4, 1, 3, 2, 5}), Full("m-bob", {4, 5, 3, 2, 4}),
          Full("m-cas", {5, 1, 3, 3, 4}), Full("m-dirk", {3, 5, 3, 2, 5}),
          Full("m-eva", {4, 1, 3, 2, 4}), Full("m-fien", {2, 5, 3, 3, 4})};
}

// Scores of the confidential rounds; the first n members answer.
std::vector<v1::Response> ConfidentialResponses(int n) {
  std::vector<v1::Response> all = {
      Full("m-ann", {4, 2, 3, 4, 5}), Full("m-bob", {4, 4, 3, 3, 4}),
      Full("m-cas", {5, 2, 3, 4, 4}), Full("m-dirk", {3, 4, 3, 3, 5}),
      Full("m-eva", {4, 3, 3, 4, 4}), Full("m-fien", {2, 3, 3, 2, 4})};
  all.resize(n);
  return all;
}

Round MakeRound(const Team& team, v1::RoundMode mode,
                const std::vector<v1::Response>& responses, bool close = true,
                PrivacyThresholds privacy = {}) {
  RoundOptions o;
  o.id = "r-2026-03";
  o.date = kRoundDay;
  o.mode = mode;
  o.privacy = privacy;
  absl::StatusOr<Round> round = Round::Create(o);
  EXPECT_TRUE(round.ok()) << round.status();
  for (const v1::Response& r : responses) {
    EXPECT_TRUE(round->AddResponse(team, r).ok()) << r.member_id();
  }
  if (close) EXPECT_TRUE(round->Close(Day(2026, 3, 9)).ok());
  return *std::move(round);
}

v1::RoundReport Report(const Team& team, const Round& round,
                       const ReportOptions& options = {}) {
  absl::StatusOr<v1::RoundReport> report =
      BuildRoundReport(team, round, options);
  EXPECT_TRUE(report.ok()) << report.status();
  if (!report.ok()) return {};
  return *std::move(report);
}

v1::RoundReport ConfidentialReport(const Team& team, int n,
                                   PrivacyThresholds privacy = {}) {
  return Report(team,
                MakeRound(team, v1::ROUND_MODE_CONFIDENTIAL,
                          ConfidentialResponses(n), /*close=*/true, privacy));
}

// `report` as the report layer hands it over in `lang`.
v1::RoundReport InLanguage(v1::RoundReport report, Language lang) {
  AddSuggestions(lang, &report);
  return report;
}

std::vector<std::string> Practices(Pillar p, Language lang) {
  const auto& list = PillarTextsFor(p, lang).practices();
  return std::vector<std::string>(list.begin(), list.end());
}

// Every measure of one pillar, worked out by hand.
struct Expected {
  v1::Pillar pillar;
  int64_t n;
  double mean, median, sd;
  int min, max;
  std::vector<int64_t> histogram;
  double rwg, rwg_raw, ad_mean, ad_median, consensus, agreement;
  v1::AgreementLabel label;
  bool ad_above_cutoff;
};

void ExpectFull(const v1::PillarStats& s, const Expected& e) {
  SCOPED_TRACE(v1::Pillar_Name(e.pillar));
  EXPECT_EQ(s.pillar(), e.pillar);
  EXPECT_EQ(s.n(), e.n);
  EXPECT_EQ(s.disclosure(), v1::DISCLOSURE_FULL);
  ASSERT_TRUE(s.has_mean() && s.has_median() && s.has_sd() && s.has_min() &&
              s.has_max() && s.has_rwg() && s.has_rwg_raw() &&
              s.has_ad_mean() && s.has_ad_median() && s.has_consensus() &&
              s.has_agreement())
      << s.DebugString();
  EXPECT_NEAR(s.mean(), e.mean, kEps);
  EXPECT_NEAR(s.median(), e.median, kEps);
  EXPECT_NEAR(s.sd(), e.sd, kEps);
  EXPECT_EQ(s.min(), e.min);
  EXPECT_EQ(s.max(), e.max);
  EXPECT_THAT(s.histogram(), ElementsAreArray(e.histogram));
  EXPECT_NEAR(s.rwg(), e.rwg, kEps);
  EXPECT_NEAR(s.rwg_raw(), e.rwg_raw, kEps);
  EXPECT_NEAR(s.ad_mean(), e.ad_mean, kEps);
  EXPECT_NEAR(s.ad_median(), e.ad_median, kEps);
  EXPECT_NEAR(s.consensus(), e.consensus, kEps);
  EXPECT_NEAR(s.agreement(), e.agreement, kEps);
  EXPECT_EQ(s.label(), e.label);
  EXPECT_EQ(s.ad_above_cutoff(), e.ad_above_cutoff);
}

// Only n (and the pillar) is shown.
void ExpectTooFew(const v1::PillarStats& s, v1::Pillar pillar, int64_t n) {
  SCOPED_TRACE(v1::Pillar_Name(pillar));
  v1::PillarStats expected;
  expected.set_pillar(pillar);
  expected.set_n(n);
  expected.set_disclosure(v1::DISCLOSURE_TOO_FEW_RESPONSES);
  EXPECT_TRUE(SameProto(s, expected));
  EXPECT_FALSE(s.has_mean());
  EXPECT_FALSE(s.has_sd());
  EXPECT_FALSE(s.has_rwg());
  EXPECT_FALSE(s.has_consensus());
  EXPECT_FALSE(s.has_agreement());
  EXPECT_THAT(s.histogram(), IsEmpty());
  EXPECT_EQ(s.label(), v1::AGREEMENT_LABEL_UNSPECIFIED);
  EXPECT_THAT(s.scores(), IsEmpty());
}

// Only n and the mean (and the pillar) are shown: exactly these four fields,
// with `mean` worked out by hand. With three or four scores the mean and any
// measure of spread, the label or the AD flag would mostly pin down the
// histogram, so none is shown.
void ExpectNoDistribution(const v1::PillarStats& s, v1::Pillar pillar,
                          int64_t n, double mean) {
  SCOPED_TRACE(v1::Pillar_Name(pillar));
  v1::PillarStats expected;
  expected.set_pillar(pillar);
  expected.set_n(n);
  expected.set_mean(mean);
  expected.set_disclosure(v1::DISCLOSURE_NO_DISTRIBUTION);
  EXPECT_TRUE(SameProto(s, expected));
  EXPECT_EQ(s.label(), v1::AGREEMENT_LABEL_UNSPECIFIED);
  EXPECT_FALSE(s.ad_above_cutoff());
  EXPECT_FALSE(s.has_sd());
  EXPECT_FALSE(s.has_rwg());
  EXPECT_FALSE(s.has_rwg_raw());
  EXPECT_FALSE(s.has_ad_mean());
  EXPECT_FALSE(s.has_ad_median());
  EXPECT_FALSE(s.has_consensus());
  EXPECT_FALSE(s.has_agreement());
  EXPECT_THAT(s.histogram(), IsEmpty());
  EXPECT_FALSE(s.has_min());
  EXPECT_FALSE(s.has_max());
  EXPECT_FALSE(s.has_median());
  EXPECT_THAT(s.scores(), IsEmpty());
  EXPECT_TRUE(s.held_back_against().empty());
  EXPECT_FALSE(s.differencing_warning());
}

// "PILLAR:rank:REASON" per candidate.
std::vector<std::string> RankingSummary(const v1::RoundReport& report) {
  std::vector<std::string> out;
  for (const v1::FocusCandidate& c : report.ranking()) {
    std::string reason = v1::FocusReason_Name(c.reason());
    reason = reason.substr(std::string("FOCUS_REASON_").size());
    out.push_back(v1::Pillar_Name(c.pillar()) + ":" + std::to_string(c.rank()) +
                  ":" + reason);
  }
  return out;
}

// --- DisclosedStats ----------------------------------------------------------

ScoreStats StatsOf(std::vector<int> scores) {
  absl::StatusOr<ScoreStats> s = ComputeScoreStats(scores);
  EXPECT_TRUE(s.ok()) << s.status();
  return *s;
}

TEST(ReportDisclosedStatsTest, OpenRoundShowsEverythingAtAnyN) {
  for (const std::vector<int>& scores :
       std::vector<std::vector<int>>{{4}, {2, 4}, {1, 2, 3}}) {
    const ScoreStats stats = StatsOf(scores);
    v1::PillarStats expected = ToProto(stats);
    expected.set_pillar(v1::PILLAR_STEERING);
    EXPECT_TRUE(SameProto(
        DisclosedStats(Pillar::kSteering, stats, v1::ROUND_MODE_OPEN, {}),
        expected));
  }
}

TEST(ReportDisclosedStatsTest, ConfidentialBelowMinResponsesShowsOnlyN) {
  for (int n : {0, 1, 2}) {
    SCOPED_TRACE(n);
    const ScoreStats stats =
        ComputeScoreStats(*ScoreHistogram::FromCounts({0, 0, 0, 0, n}));
    ExpectTooFew(DisclosedStats(Pillar::kSuccess, stats,
                                v1::ROUND_MODE_CONFIDENTIAL, {}),
                 v1::PILLAR_SUCCESS, n);
  }
}

TEST(ReportDisclosedStatsTest, ConfidentialBelowMinDistributionWithholdsIt) {
  // n = 3 and n = 4 with the defaults (3, 5): only n and the mean.
  struct Case {
    std::vector<int> scores;
    double mean;
  };
  for (const Case& c : std::vector<Case>{
           // 2,3,4: mean 9/3 = 3.
           {{2, 3, 4}, 3.0},
           // 2,3,4,4: mean 13/4.
           {{2, 3, 4, 4}, 13.0 / 4},
           // 1,5,1,5: mean 12/4 = 3.
           {{1, 5, 1, 5}, 3.0},
       }) {
    SCOPED_TRACE(::testing::PrintToString(c.scores));
    const ScoreStats stats = StatsOf(c.scores);
    const v1::PillarStats s = DisclosedStats(Pillar::kStructure, stats,
                                             v1::ROUND_MODE_CONFIDENTIAL, {});
    ExpectNoDistribution(s, v1::PILLAR_STRUCTURE,
                         static_cast<int64_t>(c.scores.size()), c.mean);
    // The full statistics do have a label; it is withheld.
    EXPECT_NE(ToProto(stats).label(), v1::AGREEMENT_LABEL_UNSPECIFIED);
  }
  // 2,3,4: s^2 = (1 + 0 + 1) / 2 = 1, rwg = 1 - 1/2 = 0.5; agreement of the
  // single layer 0-1-1-1-0 is 1 - 2/4 = 0.5: mixed in full, not shown here.
  const ScoreStats mixed = StatsOf({2, 3, 4});
  EXPECT_EQ(ToProto(mixed).label(), v1::AGREEMENT_LABEL_MIXED);
  EXPECT_EQ(
      DisclosedStats(Pillar::kStructure, mixed, v1::ROUND_MODE_CONFIDENTIAL, {})
          .label(),
      v1::AGREEMENT_LABEL_UNSPECIFIED);
  // 1,5,1,5: every score 2 from the mean 3, AD_M = 2 > 5/6; one layer
  // 1-0-0-0-1, agreement -1: split, with the AD flag raised in full. Neither
  // the label nor the flag is shown.
  const ScoreStats split = StatsOf({1, 5, 1, 5});
  EXPECT_EQ(ToProto(split).label(), v1::AGREEMENT_LABEL_SPLIT);
  EXPECT_TRUE(ToProto(split).ad_above_cutoff());
  const v1::PillarStats s = DisclosedStats(Pillar::kStructure, split,
                                           v1::ROUND_MODE_CONFIDENTIAL, {});
  EXPECT_EQ(s.label(), v1::AGREEMENT_LABEL_UNSPECIFIED);
  EXPECT_FALSE(s.ad_above_cutoff());
}

TEST(ReportDisclosedStatsTest, ConfidentialFromMinDistributionShowsEverything) {
  const ScoreStats stats = StatsOf({1, 2, 3, 4, 5});
  v1::PillarStats expected = ToProto(stats);
  expected.set_pillar(v1::PILLAR_STRATEGY);
  const v1::PillarStats s =
      DisclosedStats(Pillar::kStrategy, stats, v1::ROUND_MODE_CONFIDENTIAL, {});
  EXPECT_TRUE(SameProto(s, expected));
  EXPECT_EQ(s.disclosure(), v1::DISCLOSURE_FULL);
  EXPECT_THAT(s.histogram(), ElementsAre(1, 1, 1, 1, 1));
}

TEST(ReportDisclosedStatsTest, CustomThresholds) {
  PrivacyThresholds privacy;
  privacy.min_responses = 4;
  privacy.min_distribution = 6;
  const auto disclosure = [&](std::vector<int> scores) {
    return DisclosedStats(Pillar::kSynergy, StatsOf(scores),
                          v1::ROUND_MODE_CONFIDENTIAL, privacy)
        .disclosure();
  };
  EXPECT_EQ(disclosure({3, 3, 3}), v1::DISCLOSURE_TOO_FEW_RESPONSES);
  EXPECT_EQ(disclosure({3, 3, 3, 3}), v1::DISCLOSURE_NO_DISTRIBUTION);
  EXPECT_EQ(disclosure({3, 3, 3, 3, 3}), v1::DISCLOSURE_NO_DISTRIBUTION);
  EXPECT_EQ(disclosure({3, 3, 3, 3, 3, 3}), v1::DISCLOSURE_FULL);
  // min_distribution 4 is below the floor of 5 and refused.
  PrivacyThresholds too_low;
  too_low.min_distribution = 4;
  const absl::Status refused = too_low.Validate();
  EXPECT_EQ(refused.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(refused.message()), HasSubstr("min_distribution"));
  // The thresholds do not apply to open rounds.
  EXPECT_EQ(DisclosedStats(Pillar::kSynergy, StatsOf({3, 3}),
                           v1::ROUND_MODE_OPEN, privacy)
                .disclosure(),
            v1::DISCLOSURE_FULL);
}

// --- Open rounds -------------------------------------------------------------

TEST(RoundReportTest, OpenRoundShowsEveryMeasureAndEachMembersScore) {
  const Team team = MakeTeam();
  // Open rounds report at any time: this one is not closed.
  const Round round =
      MakeRound(team, v1::ROUND_MODE_OPEN, OpenResponses(), /*close=*/false);
  const v1::RoundReport report =
      InLanguage(Report(team, round), Language::kEnglish);

  EXPECT_EQ(report.team_id(), "mt-north");
  EXPECT_EQ(report.team_name(), "MT Noord");
  EXPECT_EQ(report.round_id(), "r-2026-03");
  EXPECT_EQ(report.round_date(), "2026-03-02");
  EXPECT_EQ(report.mode(), v1::ROUND_MODE_OPEN);
  EXPECT_EQ(report.state(), v1::ROUND_STATE_OPEN);
  EXPECT_EQ(report.respondents(), 6);
  EXPECT_EQ(report.members(), 6);  // m-old left before the round date
  EXPECT_EQ(report.rule(), v1::FOCUS_RULE_LOWEST_MEAN);
  EXPECT_EQ(report.language(), "en");
  EXPECT_EQ(report.thresholds().min_responses(), 3);
  EXPECT_EQ(report.thresholds().min_distribution(), 5);
  EXPECT_DOUBLE_EQ(report.agreement().shared_rwg(), 0.70);
  EXPECT_DOUBLE_EQ(report.agreement().split_agreement(), 0.0);
  EXPECT_DOUBLE_EQ(report.agreement().ad_cutoff(), 5.0 / 6.0);

  ASSERT_EQ(report.pillars_size(), 5);
  // Strategy 4,4,5,3,4,2 (the worked example of statistics.md): mean 22/6 =
  // 11/3; sorted 2,3,4,4,4,5 so median (4+4)/2 = 4; squared deviations sum
  // 16/3, s^2 = 16/15; rwg = 1 - (16/15)/2 = 7/15; |x - 11/3| sum 14/3, AD_M =
  // 7/9; |x - 4| sum 4, AD_Md = 2/3; consensus 0.666300, agreement 0.5;
  // rwg < 0.70 and agreement >= 0: mixed.
  const double strategy_consensus =
      1 + (std::log2(7.0 / 12) + std::log2(5.0 / 6) + 3 * std::log2(11.0 / 12) +
           std::log2(2.0 / 3)) /
              6;
  EXPECT_NEAR(strategy_consensus, 0.666300, 1e-6);
  ExpectFull(report.pillars(0), {v1::PILLAR_STRATEGY,
                                 6,
                                 11.0 / 3,
                                 4,
                                 std::sqrt(16.0 / 15),
                                 2,
                                 5,
                                 {0, 1, 1, 3, 1},
                                 7.0 / 15,
                                 7.0 / 15,
                                 7.0 / 9,
                                 2.0 / 3,
                                 strategy_consensus,
                                 0.5,
                                 v1::AGREEMENT_LABEL_MIXED,
                                 false});
  // Synergy 1,5,1,5,1,5: mean 3, median (1+5)/2 = 3; s^2 = 6*4/5 = 4.8;
  // rwg_raw = 1 - 4.8/2 = -1.4, rwg 0; AD 2 and 2 (above 5/6);
  // consensus 1 + log2(1 - 2/4) = 0; one layer 1-0-0-0-1: agreement -1: split.
  ExpectFull(report.pillars(1), {v1::PILLAR_SYNERGY,
                                 6,
                                 3,
                                 3,
                                 std::sqrt(4.8),
                                 1,
                                 5,
                                 {3, 0, 0, 0, 3},
                                 0,
                                 -1.4,
                                 2,
                                 2,
                                 0,
                                 -1,
                                 v1::AGREEMENT_LABEL_SPLIT,
                                 true});
  // Structure 3 x6: no spread, full agreement: shared.
  ExpectFull(report.pillars(2), {v1::PILLAR_STRUCTURE,
                                 6,
                                 3,
                                 3,
                                 0,
                                 3,
                                 3,
                                 {0, 0, 6, 0, 0},
                                 1,
                                 1,
                                 0,
                                 0,
                                 1,
                                 1,
                                 v1::AGREEMENT_LABEL_SHARED,
                                 false});
  // Steering 2,2,3,2,2,3: mean 14/6 = 7/3; median 2; squared deviations
  // 4*(1/9) + 2*(4/9) = 4/3, s^2 = 4/15, rwg = 1 - 2/15 = 13/15; AD_M =
  // (4*(1/3) + 2*(2/3))/6 = 4/9; AD_Md = 2/6 = 1/3; consensus 1 + 2/3
  // log2(1 - (1/3)/4) + 1/3 log2(1 - (2/3)/4); agreement: layer 0-1-1-0-0 of
  // 4 (U = 1, A = 1 * (1 - 1/4) = 3/4) and layer 0-1-0-0-0 of 2 (A = 1):
  // (4 * 3/4 + 2) / 6 = 5/6; rwg >= 0.70: shared.
  const double steering_consensus =
      1 + 2.0 / 3 * std::log2(11.0 / 12) + 1.0 / 3 * std::log2(5.0 / 6);
  EXPECT_NEAR(steering_consensus, 0.828635, 1e-6);
  ExpectFull(report.pillars(3), {v1::PILLAR_STEERING,
                                 6,
                                 7.0 / 3,
                                 2,
                                 std::sqrt(4.0 / 15),
                                 2,
                                 3,
                                 {0, 4, 2, 0, 0},
                                 13.0 / 15,
                                 13.0 / 15,
                                 4.0 / 9,
                                 1.0 / 3,
                                 steering_consensus,
                                 5.0 / 6,
                                 v1::AGREEMENT_LABEL_SHARED,
                                 false});
  // Success 5,4,4,5,4,4: the mirror image of steering around 3.5 (mean 13/3,
  // median 4), with the same spread and agreement.
  ExpectFull(report.pillars(4), {v1::PILLAR_SUCCESS,
                                 6,
                                 13.0 / 3,
                                 4,
                                 std::sqrt(4.0 / 15),
                                 4,
                                 5,
                                 {0, 0, 0, 4, 2},
                                 13.0 / 15,
                                 13.0 / 15,
                                 4.0 / 9,
                                 1.0 / 3,
                                 steering_consensus,
                                 5.0 / 6,
                                 v1::AGREEMENT_LABEL_SHARED,
                                 false});

  // Each member's score, sorted by id, with display names.
  const std::vector<std::vector<int>> by_pillar = {{4, 4, 5, 3, 4, 2},
                                                   {1, 5, 1, 5, 1, 5},
                                                   {3, 3, 3, 3, 3, 3},
                                                   {2, 2, 3, 2, 2, 3},
                                                   {5, 4, 4, 5, 4, 4}};
  for (int p = 0; p < 5; ++p) {
    const v1::PillarStats& s = report.pillars(p);
    ASSERT_EQ(s.scores_size(), 6);
    for (int m = 0; m < 6; ++m) {
      SCOPED_TRACE(kPeople[m].id);
      EXPECT_EQ(s.scores(m).member_id(), kPeople[m].id);
      EXPECT_EQ(s.scores(m).display_name(), kPeople[m].name);
      EXPECT_EQ(s.scores(m).score(), by_pillar[p][m]);
    }
  }

  // Means: steering 7/3 < synergy 3 = structure 3 < strategy 11/3 <
  // success 13/3; synergy before structure by lower consensus (0 < 1).
  EXPECT_THAT(RankingSummary(report),
              ElementsAre("PILLAR_STEERING:1:LOWEST_MEAN",
                          "PILLAR_SYNERGY:2:LOWEST_MEAN",
                          "PILLAR_STRUCTURE:3:TIE_CONSENSUS",
                          "PILLAR_STRATEGY:4:LOWEST_MEAN",
                          "PILLAR_SUCCESS:5:LOWEST_MEAN"));
  EXPECT_TRUE(report.ranking(1).talk_first());  // synergy is split
  EXPECT_FALSE(report.ranking(0).talk_first());
  EXPECT_NEAR(report.ranking(0).mean(), 7.0 / 3, kEps);
  EXPECT_EQ(report.focus(), v1::PILLAR_STEERING);
  EXPECT_THAT(
      report.suggestions(),
      ElementsAreArray(Practices(Pillar::kSteering, Language::kEnglish)));
  EXPECT_THAT(report.suggestions(), Not(IsEmpty()));
}

TEST(RoundReportTest, OpenRoundReportedWhenClosedAsWell) {
  const Team team = MakeTeam();
  const Round round = MakeRound(team, v1::ROUND_MODE_OPEN, OpenResponses());
  const v1::RoundReport report = Report(team, round);
  EXPECT_EQ(report.state(), v1::ROUND_STATE_CLOSED);
  EXPECT_EQ(report.focus(), v1::PILLAR_STEERING);
}

TEST(RoundReportTest, OpenRoundWithoutResponses) {
  const Team team = MakeTeam();
  const Round round = MakeRound(team, v1::ROUND_MODE_OPEN, {}, /*close=*/false);
  const v1::RoundReport report =
      InLanguage(Report(team, round), Language::kEnglish);
  EXPECT_EQ(report.respondents(), 0);
  ASSERT_EQ(report.pillars_size(), 5);
  for (const v1::PillarStats& s : report.pillars()) {
    EXPECT_EQ(s.n(), 0);
    EXPECT_FALSE(s.has_mean());
    EXPECT_THAT(s.histogram(), IsEmpty());
  }
  EXPECT_EQ(report.focus(), v1::PILLAR_UNSPECIFIED);
  EXPECT_THAT(report.suggestions(), IsEmpty());
}

TEST(RoundReportTest, LargestGapRule) {
  const Team team = MakeTeam();
  const Round round = MakeRound(team, v1::ROUND_MODE_OPEN, OpenResponses());
  ReportOptions options;
  options.focus.rule = v1::FOCUS_RULE_LARGEST_GAP;
  // gaps: strategy 5 - 11/3 = 4/3; synergy 3.5 - 3 = 0.5; structure 3 - 3 =
  // 0; steering 2.5 - 7/3 = 1/6; success 5 - 13/3 = 2/3.
  options.focus.targets = {5, 3.5, 3, 2.5, 5};
  const v1::RoundReport report =
      InLanguage(Report(team, round, options), Language::kDutch);
  EXPECT_EQ(report.rule(), v1::FOCUS_RULE_LARGEST_GAP);
  EXPECT_THAT(RankingSummary(report),
              ElementsAre("PILLAR_STRATEGY:1:LARGEST_GAP",
                          "PILLAR_SUCCESS:2:LARGEST_GAP",
                          "PILLAR_SYNERGY:3:LARGEST_GAP",
                          "PILLAR_STEERING:4:LARGEST_GAP",
                          "PILLAR_STRUCTURE:5:LARGEST_GAP"));
  EXPECT_NEAR(report.ranking(0).gap(), 4.0 / 3, kEps);
  EXPECT_EQ(report.focus(), v1::PILLAR_STRATEGY);
  EXPECT_THAT(report.suggestions(),
              ElementsAreArray(Practices(Pillar::kStrategy, Language::kDutch)));

  // A missing target fails the report.
  options.focus.targets[PillarIndex(Pillar::kStructure)].reset();
  absl::StatusOr<v1::RoundReport> failed =
      BuildRoundReport(team, round, options);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(failed.status().message()), HasSubstr("structure"));
}

// --- Confidential rounds -----------------------------------------------------

TEST(RoundReportTest, ConfidentialRoundIsRefusedWhileOpen) {
  const Team team = MakeTeam();
  const Round round = MakeRound(team, v1::ROUND_MODE_CONFIDENTIAL,
                                ConfidentialResponses(6), /*close=*/false);
  absl::StatusOr<v1::RoundReport> report = BuildRoundReport(team, round, {});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(report.status().message()), HasSubstr("r-2026-03"));
  EXPECT_THAT(std::string(report.status().message()), HasSubstr("closed"));
}

TEST(RoundReportTest, ConfidentialTwoResponsesShowOnlyN) {
  const Team team = MakeTeam();
  const v1::RoundReport report =
      InLanguage(ConfidentialReport(team, 2), Language::kEnglish);
  EXPECT_EQ(report.mode(), v1::ROUND_MODE_CONFIDENTIAL);
  EXPECT_EQ(report.state(), v1::ROUND_STATE_CLOSED);
  EXPECT_EQ(report.respondents(), 2);
  EXPECT_EQ(report.members(), 6);
  ASSERT_EQ(report.pillars_size(), 5);
  for (int i = 0; i < 5; ++i) {
    ExpectTooFew(report.pillars(i), ToProto(kAllPillars[i]), 2);
  }
  // Nothing to rank: every pillar last, in pillar order, no focus.
  EXPECT_THAT(RankingSummary(report),
              ElementsAre("PILLAR_STRATEGY:1:NOT_ENOUGH_DATA",
                          "PILLAR_SYNERGY:2:NOT_ENOUGH_DATA",
                          "PILLAR_STRUCTURE:3:NOT_ENOUGH_DATA",
                          "PILLAR_STEERING:4:NOT_ENOUGH_DATA",
                          "PILLAR_SUCCESS:5:NOT_ENOUGH_DATA"));
  for (const v1::FocusCandidate& c : report.ranking()) {
    EXPECT_FALSE(c.has_mean());
    EXPECT_FALSE(c.has_consensus());
    EXPECT_FALSE(c.talk_first());
  }
  EXPECT_EQ(report.focus(), v1::PILLAR_UNSPECIFIED);
  EXPECT_THAT(report.suggestions(), IsEmpty());
}

TEST(RoundReportTest, ConfidentialThreeResponsesWithholdTheDistribution) {
  const Team team = MakeTeam();
  const v1::RoundReport report = ConfidentialReport(team, 3);
  ASSERT_EQ(report.pillars_size(), 5);
  // ann, bob, cas: strategy 4,4,5 = 13/3; synergy 2,4,2 = 8/3; structure
  // 3,3,3 = 3; steering 4,3,4 = 11/3; success 5,4,4 = 13/3.
  const double means[] = {13.0 / 3, 8.0 / 3, 3.0, 11.0 / 3, 13.0 / 3};
  for (int i = 0; i < 5; ++i) {
    ExpectNoDistribution(report.pillars(i), ToProto(kAllPillars[i]), 3,
                         means[i]);
  }
  // Synergy 2,4,2 would be mixed in full (s^2 = 4/3, rwg = 1/3; agreement:
  // layer 0-1-0-1-0 of 2 (TU 2, TDU 1: U = (3*2 - 4*1)/9 = 2/9, A = 2/9 *
  // 3/4 = 1/6) and layer 0-1-0-0-0 of 1: (2/6 + 1)/3 = 4/9). Only the mean
  // is shown, no label.
  const v1::PillarStats& synergy = report.pillars(1);
  EXPECT_NEAR(synergy.mean(), 8.0 / 3, kEps);
  EXPECT_EQ(synergy.label(), v1::AGREEMENT_LABEL_UNSPECIFIED);
  // Means: synergy 8/3 < structure 3 < steering 11/3 < strategy 13/3 =
  // success 13/3. The consensus is withheld, so the tie of the last two goes
  // to pillar order.
  EXPECT_THAT(RankingSummary(report),
              ElementsAre("PILLAR_SYNERGY:1:LOWEST_MEAN",
                          "PILLAR_STRUCTURE:2:LOWEST_MEAN",
                          "PILLAR_STEERING:3:LOWEST_MEAN",
                          "PILLAR_STRATEGY:4:LOWEST_MEAN",
                          "PILLAR_SUCCESS:5:TIE_ORDER"));
  // Neither the consensus nor a split label reaches the ranking.
  for (const v1::FocusCandidate& c : report.ranking()) {
    EXPECT_FALSE(c.has_consensus());
    EXPECT_FALSE(c.talk_first());
  }
  EXPECT_EQ(report.focus(), v1::PILLAR_SYNERGY);
}

TEST(RoundReportTest, ConfidentialFourResponsesWithholdTheDistribution) {
  const Team team = MakeTeam();
  const v1::RoundReport report = ConfidentialReport(team, 4);
  ASSERT_EQ(report.pillars_size(), 5);
  // ann, bob, cas, dirk: strategy 4,4,5,3 = 16/4 = 4; synergy 2,4,2,4 = 3;
  // structure 3,3,3,3 = 3; steering 4,3,4,3 = 14/4; success 5,4,4,5 = 18/4.
  const double means[] = {4.0, 3.0, 3.0, 3.5, 4.5};
  for (int i = 0; i < 5; ++i) {
    ExpectNoDistribution(report.pillars(i), ToProto(kAllPillars[i]), 4,
                         means[i]);
  }
  // Strategy 4,4,5,3 would be mixed in full (s^2 = 2/3, rwg = 1 - 1/3 = 2/3
  // < 0.7); only the mean 4 is shown, no label.
  EXPECT_NEAR(report.pillars(0).mean(), 4.0, kEps);
  EXPECT_EQ(report.pillars(0).label(), v1::AGREEMENT_LABEL_UNSPECIFIED);
  // Synergy 2,4,2,4 and structure 3,3,3,3 both have mean 3. Their consensus
  // is withheld, so it cannot break the tie (the ranking would reveal it):
  // pillar order does.
  EXPECT_THAT(RankingSummary(report),
              ElementsAre("PILLAR_SYNERGY:1:LOWEST_MEAN",
                          "PILLAR_STRUCTURE:2:TIE_ORDER",
                          "PILLAR_STEERING:3:LOWEST_MEAN",
                          "PILLAR_STRATEGY:4:LOWEST_MEAN",
                          "PILLAR_SUCCESS:5:LOWEST_MEAN"));
  EXPECT_EQ(report.focus(), v1::PILLAR_SYNERGY);
}

TEST(RoundReportTest, ConfidentialFiveResponsesShowEverythingButWho) {
  const Team team = MakeTeam();
  const v1::RoundReport report = ConfidentialReport(team, 5);
  EXPECT_EQ(report.respondents(), 5);
  ASSERT_EQ(report.pillars_size(), 5);
  for (const v1::PillarStats& s : report.pillars()) {
    EXPECT_EQ(s.disclosure(), v1::DISCLOSURE_FULL);
    EXPECT_EQ(s.n(), 5);
    EXPECT_THAT(s.scores(), IsEmpty());
  }
  // Synergy 2,4,2,4,3: mean 3, sorted 2,2,3,4,4 so median 3, min 2, max 4;
  // s^2 = 4/4 = 1, rwg 0.5; AD_M = 4/5; consensus 1 + 4/5 log2(3/4).
  // Agreement: layer 0-1-1-1-0 of 3 (TU 6, TDU 0: U = 1, A = 1 - 2/4 = 1/2)
  // and layer 0-1-0-1-0 of 2 (A = 1/6): (3/2 + 2/6)/5 = 11/30. Two camps:
  // two at 2 and two at 4 (each at least a quarter of 5), one in the middle:
  // split.
  ExpectFull(report.pillars(1), {v1::PILLAR_SYNERGY,
                                 5,
                                 3,
                                 3,
                                 1,
                                 2,
                                 4,
                                 {0, 2, 1, 2, 0},
                                 0.5,
                                 0.5,
                                 0.8,
                                 0.8,
                                 1 + 0.8 * std::log2(0.75),
                                 11.0 / 30,
                                 v1::AGREEMENT_LABEL_SPLIT,
                                 false});
  // Strategy 4,4,5,3,4: mean 4, median 4, min 3, max 5.
  EXPECT_THAT(report.pillars(0).histogram(), ElementsAre(0, 0, 1, 3, 1));
  EXPECT_EQ(report.pillars(0).min(), 3);
  EXPECT_EQ(report.pillars(0).max(), 5);
  EXPECT_NEAR(report.pillars(0).median(), 4, kEps);

  // No member id or display name anywhere in the report.
  const std::string bytes = DeterministicBytes(report);
  const std::string text = report.DebugString();
  for (const Person& p : kPeople) {
    EXPECT_FALSE(absl::StrContains(bytes, p.id)) << p.id;
    EXPECT_FALSE(absl::StrContains(bytes, p.name)) << p.name;
  }
  EXPECT_THAT(text, Not(HasSubstr("member_id")));
  EXPECT_THAT(text, Not(HasSubstr("display_name")));
  for (Language lang : {Language::kEnglish, Language::kDutch}) {
    const std::string rendered = RenderReportText(report, lang);
    for (const Person& p : kPeople) {
      EXPECT_THAT(rendered, Not(HasSubstr(p.id)));
      EXPECT_THAT(rendered, Not(HasSubstr(p.name)));
    }
  }
}

TEST(RoundReportTest, ConfidentialSixResponsesShowNoMemberIds) {
  const Team team = MakeTeam();
  const v1::RoundReport report = ConfidentialReport(team, 6);
  for (const v1::PillarStats& s : report.pillars()) {
    EXPECT_EQ(s.disclosure(), v1::DISCLOSURE_FULL);
    EXPECT_THAT(s.scores(), IsEmpty());
  }
  const std::string bytes = DeterministicBytes(report);
  for (const Person& p : kPeople) {
    EXPECT_FALSE(absl::StrContains(bytes, p.id)) << p.id;
  }
}

TEST(RoundReportTest, CustomThresholdsAreRespected) {
  const Team team = MakeTeam();
  PrivacyThresholds privacy;
  privacy.min_responses = 4;
  privacy.min_distribution = 6;
  {
    SCOPED_TRACE("n = 3");
    const v1::RoundReport report = ConfidentialReport(team, 3, privacy);
    EXPECT_EQ(report.thresholds().min_responses(), 4);
    EXPECT_EQ(report.thresholds().min_distribution(), 6);
    for (int i = 0; i < 5; ++i) {
      ExpectTooFew(report.pillars(i), ToProto(kAllPillars[i]), 3);
    }
    EXPECT_EQ(report.focus(), v1::PILLAR_UNSPECIFIED);
  }
  {
    SCOPED_TRACE("n = 4");
    const v1::RoundReport report = ConfidentialReport(team, 4, privacy);
    // As with the defaults: 4, 3, 3, 14/4, 18/4.
    const double means[] = {4.0, 3.0, 3.0, 3.5, 4.5};
    for (int i = 0; i < 5; ++i) {
      ExpectNoDistribution(report.pillars(i), ToProto(kAllPillars[i]), 4,
                           means[i]);
    }
    // Synergy and structure tie at 3: pillar order.
    EXPECT_EQ(report.focus(), v1::PILLAR_SYNERGY);
  }
  {
    SCOPED_TRACE("n = 5");
    const v1::RoundReport report = ConfidentialReport(team, 5, privacy);
    // Five scores are below 6 here, though the defaults would show them in
    // full. With eva: strategy 4,4,5,3,4 = 20/5 = 4; synergy 2,4,2,4,3 = 15/5
    // = 3; structure 3; steering 4,3,4,3,4 = 18/5; success 5,4,4,5,4 = 22/5.
    const double means[] = {4.0, 3.0, 3.0, 18.0 / 5, 22.0 / 5};
    for (int i = 0; i < 5; ++i) {
      ExpectNoDistribution(report.pillars(i), ToProto(kAllPillars[i]), 5,
                           means[i]);
    }
    // Synergy and structure tie at 3; no consensus to tell them apart.
    EXPECT_EQ(report.focus(), v1::PILLAR_SYNERGY);
    EXPECT_EQ(report.ranking(1).reason(), v1::FOCUS_REASON_TIE_ORDER);
  }
  {
    SCOPED_TRACE("n = 6");
    const v1::RoundReport report = ConfidentialReport(team, 6, privacy);
    for (const v1::PillarStats& s : report.pillars()) {
      EXPECT_EQ(s.disclosure(), v1::DISCLOSURE_FULL);
      EXPECT_EQ(s.histogram_size(), 5);
    }
    // Means: strategy 11/3, synergy 2,4,2,4,3,3 = 3, structure 3, steering
    // 4,3,4,3,4,2 = 10/3, success 13/3; synergy's consensus is below 1.
    EXPECT_EQ(report.focus(), v1::PILLAR_SYNERGY);
  }
}

TEST(RoundReportTest, FocusSuggestionsComeFromTheCatalogInTheLanguage) {
  const Team team = MakeTeam();
  for (Language lang : {Language::kEnglish, Language::kDutch}) {
    SCOPED_TRACE(LanguageTag(lang));
    const v1::RoundReport report =
        InLanguage(ConfidentialReport(team, 5), lang);
    EXPECT_EQ(report.language(), LanguageTag(lang));
    // Means: strategy 4, synergy 3, structure 3, steering 18/5, success 22/5:
    // synergy (consensus 0.667970) before structure (1).
    EXPECT_EQ(report.focus(), v1::PILLAR_SYNERGY);
    EXPECT_EQ(report.ranking(0).pillar(), v1::PILLAR_SYNERGY);
    EXPECT_THAT(report.suggestions(),
                ElementsAreArray(Practices(Pillar::kSynergy, lang)));
  }
  // The two languages give different texts.
  EXPECT_NE(
      InLanguage(ConfidentialReport(team, 5), Language::kDutch).suggestions(0),
      InLanguage(ConfidentialReport(team, 5), Language::kEnglish)
          .suggestions(0));
}

TEST(RoundReportTest, AnalysisHasNoTextsTheReportLayerAddsThem) {
  const Team team = MakeTeam();
  // The open round: focus steering, mean 7/3 (as in
  // OpenRoundShowsEveryMeasureAndEachMembersScore).
  const v1::RoundReport figures =
      Report(team, MakeRound(team, v1::ROUND_MODE_OPEN, OpenResponses()));
  EXPECT_EQ(figures.focus(), v1::PILLAR_STEERING);
  EXPECT_EQ(figures.language(), "");
  EXPECT_THAT(figures.suggestions(), IsEmpty());

  // The practices of steering as data/catalog.textproto has them.
  v1::RoundReport en = figures;
  AddSuggestions(Language::kEnglish, &en);
  EXPECT_EQ(en.language(), "en");
  EXPECT_THAT(
      en.suggestions(),
      ElementsAre("Choose 6-10 core KPIs that truly steer on the strategy and "
                  "keep the overview as simple as possible.",
                  "Schedule fixed steering moments in the year for strategy, "
                  "talent, budget, risks, customers and operations.",
                  "Assign ownership of communication: who tells what, when, "
                  "and to what end?"));
  v1::RoundReport nl = en;  // a second call replaces the texts
  AddSuggestions(Language::kDutch, &nl);
  EXPECT_EQ(nl.language(), "nl");
  EXPECT_THAT(
      nl.suggestions(),
      ElementsAre("Kies 6-10 kern-KPI’s die werkelijk op de strategie sturen "
                  "en houd het overzicht zo eenvoudig mogelijk.",
                  "Zet vaste stuurmomenten in de jaarplanning voor strategie, "
                  "talent, budget, risico’s, klant en operatie.",
                  "Beleg het eigenaarschap van communicatie: wie vertelt wat, "
                  "wanneer en met welk doel?"));
  EXPECT_THAT(FocusSuggestions(figures, Language::kDutch),
              ElementsAreArray(nl.suggestions()));
  // Nothing else changes: the figures are the analysis's.
  nl.clear_language();
  nl.clear_suggestions();
  EXPECT_EQ(DeterministicBytes(nl), DeterministicBytes(figures));

  // No focus, no suggestions; the language is still said.
  v1::RoundReport none = ConfidentialReport(team, 2);
  AddSuggestions(Language::kDutch, &none);
  EXPECT_EQ(none.focus(), v1::PILLAR_UNSPECIFIED);
  EXPECT_EQ(none.language(), "nl");
  EXPECT_THAT(none.suggestions(), IsEmpty());
}

TEST(RoundReportTest, FocusAmongPillarsWithEnoughResponses) {
  // Partial responses: only synergy reaches 3 scores; the other pillars are
  // withheld, so synergy is the focus although strategy has a lower score.
  const Team team = MakeTeam();
  RoundOptions o;
  o.id = "r-partial";
  o.date = kRoundDay;
  o.mode = v1::ROUND_MODE_CONFIDENTIAL;
  o.allow_partial = true;
  absl::StatusOr<Round> round = Round::Create(o);
  ASSERT_TRUE(round.ok());
  v1::Response ann = Full("m-ann", {1, 4, 4, 4, 4});
  ASSERT_TRUE(round->AddResponse(team, ann).ok());
  for (const char* id : {"m-bob", "m-cas"}) {
    v1::Response r;
    r.set_member_id(id);
    v1::PillarScore* s = r.add_scores();
    s->set_pillar(v1::PILLAR_SYNERGY);
    s->set_score(5);
    ASSERT_TRUE(round->AddResponse(team, r).ok());
  }
  ASSERT_TRUE(round->Close(kRoundDay).ok());
  const v1::RoundReport report = Report(team, *round);
  EXPECT_EQ(report.respondents(), 3);
  ExpectTooFew(report.pillars(0), v1::PILLAR_STRATEGY, 1);
  // Synergy 4,5,5: mean 14/3, and nothing else.
  ExpectNoDistribution(report.pillars(1), v1::PILLAR_SYNERGY, 3, 14.0 / 3);
  for (int i = 2; i < 5; ++i) {
    ExpectTooFew(report.pillars(i), ToProto(kAllPillars[i]), 1);  // ann's
  }
  EXPECT_EQ(report.focus(), v1::PILLAR_SYNERGY);
  EXPECT_EQ(report.ranking(1).reason(), v1::FOCUS_REASON_NOT_ENOUGH_DATA);
}

// --- Determinism -------------------------------------------------------------

TEST(RoundReportTest, SameReportGivesTheSameBytes) {
  const Team team = MakeTeam();
  for (v1::RoundMode mode :
       {v1::ROUND_MODE_OPEN, v1::ROUND_MODE_CONFIDENTIAL}) {
    SCOPED_TRACE(mode);
    std::vector<v1::Response> responses = mode == v1::ROUND_MODE_OPEN
                                              ? OpenResponses()
                                              : ConfidentialResponses(6);
    const Round first = MakeRound(team, mode, responses);
    std::reverse(responses.begin(), responses.end());
    std::swap(responses[1], responses[3]);
    const Round second = MakeRound(team, mode, responses);

    const std::string once = DeterministicBytes(Report(team, first));
    EXPECT_EQ(once, DeterministicBytes(Report(team, first)));
    EXPECT_EQ(once, DeterministicBytes(Report(team, second)));
    std::string a, b;
    ASSERT_TRUE(Report(team, first).SerializeToString(&a));
    ASSERT_TRUE(Report(team, second).SerializeToString(&b));
    EXPECT_EQ(a, b);
    EXPECT_EQ(RenderReportText(Report(team, first), Language::kDutch),
              RenderReportText(Report(team, second), Language::kDutch));
  }
}

// --- RenderReportText --------------------------------------------------------

TEST(RenderReportTextTest, EnglishAndDutch) {
  const Team team = MakeTeam();
  const Round round = MakeRound(team, v1::ROUND_MODE_OPEN, OpenResponses());
  const std::string en =
      RenderReportText(Report(team, round), Language::kEnglish);
  const std::string nl =
      RenderReportText(Report(team, round), Language::kDutch);

  for (const char* name : {"Strategy", "Synergy & strengths", "Structure",
                           "Steering", "Success factors"}) {
    EXPECT_THAT(en, HasSubstr(name));
  }
  for (const char* name : {"Stip & strategie", "Synergie & sterktes",
                           "Structuur", "Sturing", "Succesfactoren"}) {
    EXPECT_THAT(nl, HasSubstr(name));
  }
  EXPECT_THAT(nl, Not(HasSubstr("Success factors")));
  EXPECT_THAT(nl, Not(HasSubstr("Synergy & strengths")));
  EXPECT_THAT(en, Not(HasSubstr("Succesfactoren")));

  // Synergy is split.
  EXPECT_THAT(en, HasSubstr("split"));
  EXPECT_THAT(nl, HasSubstr("verdeeld"));
  EXPECT_THAT(en, HasSubstr("shared"));
  EXPECT_THAT(nl, HasSubstr("gedeeld"));

  // Strategy mean 11/3 = 3.67, steering 7/3 = 2.33, synergy sd sqrt(4.8) =
  // 2.19: a point in English, a comma in Dutch.
  for (const char* number : {"3.67", "2.33", "2.19"}) {
    EXPECT_THAT(en, HasSubstr(number));
  }
  for (const char* number : {"3,67", "2,33", "2,19"}) {
    EXPECT_THAT(nl, HasSubstr(number));
    EXPECT_THAT(en, Not(HasSubstr(number)));
  }
  EXPECT_THAT(nl, Not(HasSubstr("3.67")));
  EXPECT_THAT(nl, Not(HasSubstr("2.33")));

  // Open round: members by display name; focus and its practices.
  EXPECT_THAT(en, HasSubstr("Ann Jansen"));
  EXPECT_THAT(en, HasSubstr("Focus: Steering"));
  EXPECT_THAT(nl, HasSubstr("Focus: Sturing"));
  for (const std::string& practice :
       Practices(Pillar::kSteering, Language::kDutch)) {
    EXPECT_THAT(nl, HasSubstr(practice));
  }
}

TEST(RenderReportTextTest, WithheldPillarsAndNoFocus) {
  const Team team = MakeTeam();
  const v1::RoundReport report = ConfidentialReport(team, 2);
  const std::string en = RenderReportText(report, Language::kEnglish);
  const std::string nl = RenderReportText(report, Language::kDutch);
  EXPECT_THAT(en, HasSubstr("too few responses to show (fewer than 3)"));
  EXPECT_THAT(en, HasSubstr("No focus"));
  EXPECT_THAT(nl, HasSubstr("Geen focus"));
  EXPECT_THAT(nl, HasSubstr("vertrouwelijk"));
}

TEST(RenderReportTextTest, NoDistributionNote) {
  const Team team = MakeTeam();
  const v1::RoundReport report = ConfidentialReport(team, 3);
  const std::string en = RenderReportText(report, Language::kEnglish);
  EXPECT_THAT(en, HasSubstr("only n and the mean shown (fewer than 5 "
                            "responses)"));
  // Synergy 2,4,2: mean 8/3 = 2.67, and no label beside it.
  EXPECT_THAT(en, HasSubstr("2.67"));
  EXPECT_THAT(en, Not(HasSubstr("mixed")));
  EXPECT_THAT(en, Not(HasSubstr("shared")));
  const std::string nl = RenderReportText(report, Language::kDutch);
  EXPECT_THAT(nl, HasSubstr("2,67"));
  EXPECT_THAT(nl, HasSubstr("alleen n en het gemiddelde getoond"));
}

}  // namespace
}  // namespace fives
