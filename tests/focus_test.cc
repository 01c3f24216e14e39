#include "fives/focus.h"

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "fives/score_stats.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace fives {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using Stats = google::protobuf::RepeatedPtrField<v1::PillarStats>;

constexpr double kEps = 1e-9;

// Consensus of {2,4,2,4}: mean 3, every score 1 away, so
// 1 + log2(1 - 1/4) = 1 + log2(0.75) = 0.584963.
const double kConsensus2424 = 1 + std::log2(0.75);

// The fully disclosed statistics of `scores` for `pillar`.
v1::PillarStats StatsOf(v1::Pillar pillar, std::vector<int> scores) {
  absl::StatusOr<ScoreStats> s = ComputeScoreStats(scores);
  EXPECT_TRUE(s.ok()) << s.status();
  v1::PillarStats p = ToProto(*s);
  p.set_pillar(pillar);
  return p;
}

// A pillar withheld for too few responses: only n.
v1::PillarStats Withheld(v1::Pillar pillar, int n) {
  v1::PillarStats p;
  p.set_pillar(pillar);
  p.set_n(n);
  p.set_disclosure(v1::DISCLOSURE_TOO_FEW_RESPONSES);
  return p;
}

Stats List(std::vector<v1::PillarStats> items) {
  Stats out;
  for (v1::PillarStats& s : items) *out.Add() = std::move(s);
  return out;
}

// "pillar:rank:reason" per candidate, e.g. "PILLAR_SYNERGY:1:LOWEST_MEAN".
std::vector<std::string> Summary(
    const std::vector<v1::FocusCandidate>& ranking) {
  std::vector<std::string> out;
  for (const v1::FocusCandidate& c : ranking) {
    std::string reason = v1::FocusReason_Name(c.reason());
    reason = reason.substr(std::string("FOCUS_REASON_").size());
    out.push_back(
        absl::StrCat(v1::Pillar_Name(c.pillar()), ":", c.rank(), ":", reason));
  }
  return out;
}

std::vector<v1::FocusCandidate> Rank(const Stats& stats,
                                     const FocusOptions& options = {}) {
  absl::StatusOr<std::vector<v1::FocusCandidate>> ranking =
      RankFocus(stats, options);
  EXPECT_TRUE(ranking.ok()) << ranking.status();
  if (!ranking.ok()) return {};
  return *std::move(ranking);
}

void ExpectInvalid(const Stats& stats, const FocusOptions& options,
                   std::vector<std::string> parts) {
  absl::StatusOr<std::vector<v1::FocusCandidate>> ranking =
      RankFocus(stats, options);
  ASSERT_FALSE(ranking.ok());
  EXPECT_EQ(ranking.status().code(), absl::StatusCode::kInvalidArgument);
  for (const std::string& part : parts) {
    EXPECT_THAT(std::string(ranking.status().message()), HasSubstr(part));
  }
}

// --- FOCUS_RULE_LOWEST_MEAN --------------------------------------------------

TEST(RankFocusTest, LowestMeanFirst) {
  // Means: strategy 4, synergy 2, structure 3, success (1+2+1+2)/4 = 1.5.
  const Stats stats = List({StatsOf(v1::PILLAR_STRATEGY, {4, 4, 4, 4}),
                            StatsOf(v1::PILLAR_SYNERGY, {2, 2, 2, 2}),
                            StatsOf(v1::PILLAR_STRUCTURE, {3, 3, 3, 3}),
                            StatsOf(v1::PILLAR_SUCCESS, {1, 2, 1, 2})});
  const std::vector<v1::FocusCandidate> ranking = Rank(stats);
  EXPECT_THAT(Summary(ranking), ElementsAre("PILLAR_SUCCESS:1:LOWEST_MEAN",
                                            "PILLAR_SYNERGY:2:LOWEST_MEAN",
                                            "PILLAR_STRUCTURE:3:LOWEST_MEAN",
                                            "PILLAR_STRATEGY:4:LOWEST_MEAN"));
  ASSERT_EQ(ranking.size(), 4u);
  EXPECT_DOUBLE_EQ(ranking[0].mean(), 1.5);
  // Consensus of {1,2,1,2}: mean 1.5, each 0.5 away: 1 + log2(1 - 0.5/4).
  EXPECT_NEAR(ranking[0].consensus(), 1 + std::log2(0.875), kEps);
  EXPECT_DOUBLE_EQ(ranking[1].mean(), 2.0);
  EXPECT_DOUBLE_EQ(ranking[1].consensus(), 1.0);
  EXPECT_DOUBLE_EQ(ranking[3].mean(), 4.0);
  for (const v1::FocusCandidate& c : ranking) {
    EXPECT_FALSE(c.has_gap());
    EXPECT_FALSE(c.talk_first());
  }
}

TEST(RankFocusTest, EmptyStatsGiveAnEmptyRanking) {
  EXPECT_TRUE(Rank(Stats()).empty());
}

TEST(RankFocusTest, TieOnMeanBrokenByLowerConsensus) {
  // Both means are 3: {3,3,3,3} has consensus 1, {2,4,2,4} 0.584963. The
  // lower consensus ranks first although strategy comes first in pillar
  // order.
  const Stats stats = List({StatsOf(v1::PILLAR_STRATEGY, {3, 3, 3, 3}),
                            StatsOf(v1::PILLAR_SYNERGY, {2, 4, 2, 4})});
  const std::vector<v1::FocusCandidate> ranking = Rank(stats);
  EXPECT_THAT(Summary(ranking), ElementsAre("PILLAR_SYNERGY:1:LOWEST_MEAN",
                                            "PILLAR_STRATEGY:2:TIE_CONSENSUS"));
  ASSERT_EQ(ranking.size(), 2u);
  EXPECT_NEAR(ranking[0].consensus(), kConsensus2424, kEps);
  EXPECT_NEAR(ranking[0].consensus(), 0.584963, 1e-6);
  EXPECT_DOUBLE_EQ(ranking[1].consensus(), 1.0);
}

TEST(RankFocusTest, FullTieBrokenByPillarOrderNotInputOrder) {
  // structure and strategy are identical ({2,4,2,4}: mean 3, consensus
  // 0.584963); synergy has the same mean with consensus 1.
  const Stats stats = List({StatsOf(v1::PILLAR_SYNERGY, {3, 3, 3, 3}),
                            StatsOf(v1::PILLAR_STRUCTURE, {2, 4, 2, 4}),
                            StatsOf(v1::PILLAR_STRATEGY, {4, 2, 4, 2})});
  EXPECT_THAT(Summary(Rank(stats)),
              ElementsAre("PILLAR_STRATEGY:1:LOWEST_MEAN",
                          "PILLAR_STRUCTURE:2:TIE_ORDER",
                          "PILLAR_SYNERGY:3:TIE_CONSENSUS"));
}

TEST(RankFocusTest, TiesInHandBuiltStats) {
  // Equal means (2.5); consensus 0.9, 0.4, 0.4: the two 0.4 come first in
  // pillar order, then the 0.9. Then steering with a higher mean.
  auto make = [](v1::Pillar p, double mean, double consensus) {
    v1::PillarStats s;
    s.set_pillar(p);
    s.set_n(6);
    s.set_mean(mean);
    s.set_consensus(consensus);
    s.set_label(v1::AGREEMENT_LABEL_MIXED);
    return s;
  };
  const Stats stats = List({make(v1::PILLAR_STEERING, 2.6, 0.1),
                            make(v1::PILLAR_STRATEGY, 2.5, 0.9),
                            make(v1::PILLAR_SYNERGY, 2.5, 0.4),
                            make(v1::PILLAR_STRUCTURE, 2.5, 0.4)});
  EXPECT_THAT(Summary(Rank(stats)),
              ElementsAre("PILLAR_SYNERGY:1:LOWEST_MEAN",
                          "PILLAR_STRUCTURE:2:TIE_ORDER",
                          "PILLAR_STRATEGY:3:TIE_CONSENSUS",
                          "PILLAR_STEERING:4:LOWEST_MEAN"));
}

TEST(RankFocusTest, MeansEqualUpToRoundingAreATie) {
  // 7/3 from the scores {2,2,3} and 7/3 written by hand as 2 + 1/3.
  v1::PillarStats by_hand;
  by_hand.set_pillar(v1::PILLAR_STRATEGY);
  by_hand.set_n(3);
  by_hand.set_mean(2.0 + 1.0 / 3.0);
  by_hand.set_consensus(0.5);
  const Stats stats = List({StatsOf(v1::PILLAR_SYNERGY, {2, 2, 3}), by_hand});
  // {2,2,3}: consensus 1 + 2/3 log2(11/12) + 1/3 log2(5/6) = 0.828635 > 0.5.
  EXPECT_THAT(Summary(Rank(stats)),
              ElementsAre("PILLAR_STRATEGY:1:LOWEST_MEAN",
                          "PILLAR_SYNERGY:2:TIE_CONSENSUS"));
}

TEST(RankFocusTest, SplitLabelSetsTalkFirst) {
  // {1,5,1,5}: van der Eijk agreement -1, labelled split; {2,3,3,4}: rwg
  // 1 - (2/3)/2 = 2/3 below 0.7 and no two camps, mixed.
  const Stats stats = List({StatsOf(v1::PILLAR_STRATEGY, {4, 4, 4, 4}),
                            StatsOf(v1::PILLAR_SYNERGY, {1, 5, 1, 5}),
                            StatsOf(v1::PILLAR_STRUCTURE, {2, 3, 3, 4})});
  ASSERT_EQ(stats[1].label(), v1::AGREEMENT_LABEL_SPLIT);
  ASSERT_EQ(stats[2].label(), v1::AGREEMENT_LABEL_MIXED);
  const std::vector<v1::FocusCandidate> ranking = Rank(stats);
  // Synergy mean 3, consensus 1 + log2(1 - 2/4) = 0; structure mean 3,
  // consensus 1 + (2 log2(3/4)) / 4 = 0.792481; strategy mean 4.
  EXPECT_THAT(Summary(ranking), ElementsAre("PILLAR_SYNERGY:1:LOWEST_MEAN",
                                            "PILLAR_STRUCTURE:2:TIE_CONSENSUS",
                                            "PILLAR_STRATEGY:3:LOWEST_MEAN"));
  ASSERT_EQ(ranking.size(), 3u);
  EXPECT_TRUE(ranking[0].talk_first());
  EXPECT_NEAR(ranking[0].consensus(), 0.0, kEps);
  EXPECT_FALSE(ranking[1].talk_first());
  EXPECT_FALSE(ranking[2].talk_first());
}

TEST(RankFocusTest, PillarsWithoutMeanRankLast) {
  // Strategy withheld (n = 2), structure without any score (n = 0), both
  // placed after every pillar with a mean, in pillar order.
  v1::PillarStats empty = ToProto(ComputeScoreStats(ScoreHistogram()));
  empty.set_pillar(v1::PILLAR_STRUCTURE);
  ASSERT_FALSE(empty.has_mean());
  const Stats stats = List({Withheld(v1::PILLAR_STRATEGY, 2),
                            StatsOf(v1::PILLAR_SYNERGY, {4, 4, 4}), empty,
                            StatsOf(v1::PILLAR_STEERING, {5, 5, 5}),
                            StatsOf(v1::PILLAR_SUCCESS, {1, 1, 1})});
  const std::vector<v1::FocusCandidate> ranking = Rank(stats);
  EXPECT_THAT(Summary(ranking),
              ElementsAre("PILLAR_SUCCESS:1:LOWEST_MEAN",
                          "PILLAR_SYNERGY:2:LOWEST_MEAN",
                          "PILLAR_STEERING:3:LOWEST_MEAN",
                          "PILLAR_STRATEGY:4:NOT_ENOUGH_DATA",
                          "PILLAR_STRUCTURE:5:NOT_ENOUGH_DATA"));
  ASSERT_EQ(ranking.size(), 5u);
  EXPECT_FALSE(ranking[3].has_mean());
  EXPECT_FALSE(ranking[3].has_consensus());
  EXPECT_FALSE(ranking[3].talk_first());
  EXPECT_FALSE(ranking[4].has_mean());
}

TEST(RankFocusTest, EveryPillarWithoutMean) {
  const Stats stats =
      List({Withheld(v1::PILLAR_SUCCESS, 1), Withheld(v1::PILLAR_STRATEGY, 2),
            Withheld(v1::PILLAR_STEERING, 0)});
  EXPECT_THAT(Summary(Rank(stats)),
              ElementsAre("PILLAR_STRATEGY:1:NOT_ENOUGH_DATA",
                          "PILLAR_STEERING:2:NOT_ENOUGH_DATA",
                          "PILLAR_SUCCESS:3:NOT_ENOUGH_DATA"));
}

TEST(RankFocusTest, LowestMeanIgnoresTargets) {
  FocusOptions options;
  options.targets[PillarIndex(Pillar::kStrategy)] = 5;
  const Stats stats = List({StatsOf(v1::PILLAR_STRATEGY, {4, 4}),
                            StatsOf(v1::PILLAR_SYNERGY, {2, 2})});
  const std::vector<v1::FocusCandidate> ranking = Rank(stats, options);
  EXPECT_THAT(Summary(ranking), ElementsAre("PILLAR_SYNERGY:1:LOWEST_MEAN",
                                            "PILLAR_STRATEGY:2:LOWEST_MEAN"));
  for (const v1::FocusCandidate& c : ranking) EXPECT_FALSE(c.has_gap());
}

// --- FOCUS_RULE_LARGEST_GAP --------------------------------------------------

FocusOptions GapOptions(std::vector<std::pair<Pillar, double>> targets) {
  FocusOptions o;
  o.rule = v1::FOCUS_RULE_LARGEST_GAP;
  for (const auto& [p, t] : targets) o.targets[PillarIndex(p)] = t;
  return o;
}

TEST(RankFocusTest, LargestGapFirst) {
  // gap = target - mean: strategy 4.5 - 4 = 0.5; synergy 3 - 2 = 1;
  // structure 5 - 3.5 = 1.5; steering 4 - 5 = -1 (above target).
  // Lowest mean would pick synergy; the largest gap is structure.
  const Stats stats = List({StatsOf(v1::PILLAR_STRATEGY, {4, 4, 4, 4}),
                            StatsOf(v1::PILLAR_SYNERGY, {2, 2, 2, 2}),
                            StatsOf(v1::PILLAR_STRUCTURE, {3, 4, 3, 4}),
                            StatsOf(v1::PILLAR_STEERING, {5, 5, 5, 5})});
  const FocusOptions options = GapOptions({{Pillar::kStrategy, 4.5},
                                           {Pillar::kSynergy, 3},
                                           {Pillar::kStructure, 5},
                                           {Pillar::kSteering, 4}});
  const std::vector<v1::FocusCandidate> ranking = Rank(stats, options);
  EXPECT_THAT(Summary(ranking), ElementsAre("PILLAR_STRUCTURE:1:LARGEST_GAP",
                                            "PILLAR_SYNERGY:2:LARGEST_GAP",
                                            "PILLAR_STRATEGY:3:LARGEST_GAP",
                                            "PILLAR_STEERING:4:LARGEST_GAP"));
  ASSERT_EQ(ranking.size(), 4u);
  EXPECT_DOUBLE_EQ(ranking[0].gap(), 1.5);
  EXPECT_DOUBLE_EQ(ranking[0].mean(), 3.5);
  EXPECT_DOUBLE_EQ(ranking[1].gap(), 1.0);
  EXPECT_DOUBLE_EQ(ranking[2].gap(), 0.5);
  EXPECT_DOUBLE_EQ(ranking[3].gap(), -1.0);
}

TEST(RankFocusTest, LargestGapTiesBrokenByConsensusThenOrder) {
  // Every gap is 1: strategy 4 - 3, synergy 4 - 3, structure 5 - 4,
  // steering 4 - 3. Consensus: strategy 1, synergy 0.584963, structure 1,
  // steering 0.584963.
  const Stats stats = List({StatsOf(v1::PILLAR_STRATEGY, {3, 3, 3, 3}),
                            StatsOf(v1::PILLAR_SYNERGY, {2, 4, 2, 4}),
                            StatsOf(v1::PILLAR_STRUCTURE, {4, 4, 4, 4}),
                            StatsOf(v1::PILLAR_STEERING, {4, 2, 4, 2})});
  const FocusOptions options = GapOptions({{Pillar::kStrategy, 4},
                                           {Pillar::kSynergy, 4},
                                           {Pillar::kStructure, 5},
                                           {Pillar::kSteering, 4}});
  EXPECT_THAT(
      Summary(Rank(stats, options)),
      ElementsAre("PILLAR_SYNERGY:1:LARGEST_GAP", "PILLAR_STEERING:2:TIE_ORDER",
                  "PILLAR_STRATEGY:3:TIE_CONSENSUS",
                  "PILLAR_STRUCTURE:4:TIE_ORDER"));
}

TEST(RankFocusTest, LargestGapWithWithheldPillar) {
  const Stats stats = List({Withheld(v1::PILLAR_STRATEGY, 2),
                            StatsOf(v1::PILLAR_SYNERGY, {3, 3, 3})});
  const FocusOptions options =
      GapOptions({{Pillar::kStrategy, 5}, {Pillar::kSynergy, 4}});
  const std::vector<v1::FocusCandidate> ranking = Rank(stats, options);
  EXPECT_THAT(Summary(ranking),
              ElementsAre("PILLAR_SYNERGY:1:LARGEST_GAP",
                          "PILLAR_STRATEGY:2:NOT_ENOUGH_DATA"));
  ASSERT_EQ(ranking.size(), 2u);
  EXPECT_DOUBLE_EQ(ranking[0].gap(), 1.0);
  EXPECT_FALSE(ranking[1].has_gap());
}

TEST(RankFocusTest, TargetsAtTheEdgesOfTheScaleAreValid) {
  const Stats stats = List({StatsOf(v1::PILLAR_STRATEGY, {3, 3}),
                            StatsOf(v1::PILLAR_SYNERGY, {3, 3})});
  // gaps 1 - 3 = -2 and 5 - 3 = 2.
  const std::vector<v1::FocusCandidate> ranking =
      Rank(stats, GapOptions({{Pillar::kStrategy, 1}, {Pillar::kSynergy, 5}}));
  EXPECT_THAT(Summary(ranking), ElementsAre("PILLAR_SYNERGY:1:LARGEST_GAP",
                                            "PILLAR_STRATEGY:2:LARGEST_GAP"));
}

TEST(RankFocusTest, MissingTargetIsInvalid) {
  const Stats stats = List({StatsOf(v1::PILLAR_STRATEGY, {3, 3}),
                            StatsOf(v1::PILLAR_SYNERGY, {3, 3})});
  ExpectInvalid(stats, GapOptions({{Pillar::kStrategy, 4}}),
                {"targets", "synergy"});
  // Also for a withheld pillar: the rule needs one per ranked pillar.
  ExpectInvalid(List({Withheld(v1::PILLAR_STEERING, 1)}), GapOptions({}),
                {"targets", "steering"});
}

TEST(RankFocusTest, TargetOutsideTheScaleIsInvalid) {
  const Stats stats = List({StatsOf(v1::PILLAR_STRATEGY, {3, 3})});
  ExpectInvalid(stats, GapOptions({{Pillar::kStrategy, 0}}),
                {"targets: 0", "strategy", "1..5"});
  ExpectInvalid(stats, GapOptions({{Pillar::kStrategy, 6}}),
                {"targets: 6", "strategy", "1..5"});
  ExpectInvalid(stats, GapOptions({{Pillar::kStrategy, 0.999}}),
                {"targets: 0.999", "strategy"});
  ExpectInvalid(stats,
                GapOptions({{Pillar::kStrategy,
                             std::numeric_limits<double>::quiet_NaN()}}),
                {"targets", "strategy"});
}

TEST(RankFocusTest, DuplicatePillarInStatsIsInvalid) {
  const Stats stats = List({StatsOf(v1::PILLAR_STRATEGY, {3, 3}),
                            StatsOf(v1::PILLAR_SYNERGY, {3, 3}),
                            StatsOf(v1::PILLAR_STRATEGY, {4, 4})});
  ExpectInvalid(stats, {}, {"stats[2].pillar", "strategy", "twice"});
}

TEST(RankFocusTest, UnspecifiedOrUnknownPillarInStatsIsInvalid) {
  ExpectInvalid(List({StatsOf(v1::PILLAR_UNSPECIFIED, {3, 3})}), {},
                {"stats[0].pillar: 0"});
  ExpectInvalid(List({StatsOf(v1::PILLAR_STRATEGY, {3, 3}),
                      StatsOf(static_cast<v1::Pillar>(6), {3, 3})}),
                {}, {"stats[1].pillar: 6"});
}

TEST(RankFocusTest, UnknownRuleIsInvalid) {
  const Stats stats = List({StatsOf(v1::PILLAR_STRATEGY, {3, 3})});
  FocusOptions options;
  options.rule = v1::FOCUS_RULE_UNSPECIFIED;
  ExpectInvalid(stats, options, {"rule: 0"});
  options.rule = static_cast<v1::FocusRule>(9);
  ExpectInvalid(stats, options, {"rule: 9"});
  // Even with nothing to rank.
  ExpectInvalid(Stats(), options, {"rule: 9"});
}

// --- FocusOptions::SetTargets ------------------------------------------------

google::protobuf::RepeatedPtrField<v1::PillarTarget> Targets(
    std::vector<std::pair<v1::Pillar, double>> items) {
  google::protobuf::RepeatedPtrField<v1::PillarTarget> out;
  for (const auto& [p, t] : items) {
    v1::PillarTarget* target = out.Add();
    target->set_pillar(p);
    target->set_target(t);
  }
  return out;
}

TEST(FocusSetTargetsTest, ReadsEveryTargetAndReplacesTheOldOnes) {
  FocusOptions options;
  options.targets[PillarIndex(Pillar::kSuccess)] = 2;
  ASSERT_TRUE(options
                  .SetTargets(Targets(
                      {{v1::PILLAR_SYNERGY, 4.5}, {v1::PILLAR_STRATEGY, 4}}))
                  .ok());
  EXPECT_EQ(options.targets[PillarIndex(Pillar::kStrategy)], 4.0);
  EXPECT_EQ(options.targets[PillarIndex(Pillar::kSynergy)], 4.5);
  EXPECT_FALSE(options.targets[PillarIndex(Pillar::kStructure)].has_value());
  EXPECT_FALSE(options.targets[PillarIndex(Pillar::kSuccess)].has_value());
}

TEST(FocusSetTargetsTest, DuplicateTargetIsInvalidAndChangesNothing) {
  FocusOptions options;
  options.targets[PillarIndex(Pillar::kSuccess)] = 2;
  const auto before = options.targets;
  const absl::Status s =
      options.SetTargets(Targets({{v1::PILLAR_STRATEGY, 4},
                                  {v1::PILLAR_SYNERGY, 4},
                                  {v1::PILLAR_STRATEGY, 5}}));
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(s.message()), HasSubstr("targets[2].pillar"));
  EXPECT_THAT(std::string(s.message()), HasSubstr("strategy"));
  EXPECT_THAT(std::string(s.message()), HasSubstr("two targets"));
  EXPECT_EQ(options.targets, before);
}

TEST(FocusSetTargetsTest, UnspecifiedPillarIsInvalid) {
  FocusOptions options;
  const absl::Status s = options.SetTargets(
      Targets({{v1::PILLAR_STRATEGY, 4}, {v1::PILLAR_UNSPECIFIED, 4}}));
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(s.message()), HasSubstr("targets[1].pillar: 0"));
  EXPECT_FALSE(options.targets[PillarIndex(Pillar::kStrategy)].has_value());
}

TEST(FocusSetTargetsTest, TargetsFromMessagesDriveLargestGap) {
  FocusOptions options;
  options.rule = v1::FOCUS_RULE_LARGEST_GAP;
  ASSERT_TRUE(options
                  .SetTargets(Targets(
                      {{v1::PILLAR_STRATEGY, 4}, {v1::PILLAR_SYNERGY, 5}}))
                  .ok());
  // gaps: strategy 4 - 2 = 2, synergy 5 - 4 = 1.
  const Stats stats = List({StatsOf(v1::PILLAR_SYNERGY, {4, 4}),
                            StatsOf(v1::PILLAR_STRATEGY, {2, 2})});
  EXPECT_THAT(Summary(Rank(stats, options)),
              ElementsAre("PILLAR_STRATEGY:1:LARGEST_GAP",
                          "PILLAR_SYNERGY:2:LARGEST_GAP"));
  // A target out of range passes SetTargets but is refused by RankFocus.
  ASSERT_TRUE(options
                  .SetTargets(Targets(
                      {{v1::PILLAR_STRATEGY, 6}, {v1::PILLAR_SYNERGY, 5}}))
                  .ok());
  ExpectInvalid(stats, options, {"targets: 6", "strategy"});
}

}  // namespace
}  // namespace fives
