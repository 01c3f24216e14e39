#include "fives/trend.h"

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "fives/disclosure.h"
#include "fives/pillar.h"
#include "fives/privacy_thresholds.h"
#include "fives/round_report.h"
#include "fives/score_histogram.h"
#include "fives/score_stats.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "proto_testing.h"

namespace fives {
namespace {

using ::fives::proto_testing::SameProto;
using ::testing::HasSubstr;

constexpr double kExact = 1e-12;

ScoreHistogram Hist(const std::vector<int>& scores) {
  absl::StatusOr<ScoreHistogram> h = ScoreHistogram::FromScores(scores);
  EXPECT_TRUE(h.ok()) << h.status();
  return *h;
}

double PValue(const std::vector<int>& before, const std::vector<int>& after) {
  absl::StatusOr<double> p = PermutationPValue(Hist(before), Hist(after));
  EXPECT_TRUE(p.ok()) << p.status();
  return p.ok() ? *p : -1;
}

// ---------------------------------------------------------------------------
// PermutationPValue. Every expected value below was generated independently
// by tests/tools/permutation_reference.py, which enumerates all
// C(n1 + n2, n2) splits of the pooled score list with
// itertools.combinations and compares |mean difference| exactly with
// fractions.Fraction. Comments give extreme splits / all splits.
// ---------------------------------------------------------------------------

TEST(PermutationPValueTest, CompleteSeparationFiveVersusFive) {
  // 2/252 = 1/126: only the observed split and its mirror are as extreme.
  EXPECT_NEAR(PValue({1, 1, 1, 1, 1}, {5, 5, 5, 5, 5}), 0.007936507936507936,
              kExact);
  EXPECT_NEAR(PValue({1, 1, 2, 2, 2}, {4, 4, 5, 5, 5}), 0.007936507936507936,
              kExact);
}

TEST(PermutationPValueTest, TwoSidedDeclineGivesTheSameValue) {
  // 2/252 = 1/126.
  EXPECT_NEAR(PValue({4, 4, 5, 5, 5}, {1, 1, 2, 2, 2}), 0.007936507936507936,
              kExact);
}

TEST(PermutationPValueTest, CompleteSeparationFourVersusFour) {
  // 2/70 = 1/35.
  EXPECT_NEAR(PValue({1, 1, 2, 2}, {4, 4, 5, 5}), 0.02857142857142857, kExact);
}

TEST(PermutationPValueTest, IdenticalSamplesGiveOne) {
  // 20/20 and 924/924.
  EXPECT_NEAR(PValue({2, 3, 4}, {2, 3, 4}), 1.0, kExact);
  EXPECT_NEAR(PValue({3, 3, 3, 3, 3, 3}, {3, 3, 3, 3, 3, 3}), 1.0, kExact);
}

TEST(PermutationPValueTest, OnePointShiftNFour) {
  // 20/70 = 2/7.
  EXPECT_NEAR(PValue({2, 3, 3, 4}, {3, 4, 4, 5}), 0.2857142857142857, kExact);
}

TEST(PermutationPValueTest, OnePointShiftNFive) {
  // 48/252 = 4/21.
  EXPECT_NEAR(PValue({2, 3, 3, 4, 4}, {3, 4, 4, 5, 5}), 0.19047619047619047,
              kExact);
}

TEST(PermutationPValueTest, OnePointShiftNSix) {
  // 234/924 = 39/154.
  EXPECT_NEAR(PValue({1, 2, 3, 3, 4, 4}, {2, 3, 4, 4, 5, 5}),
              0.2532467532467532, kExact);
}

TEST(PermutationPValueTest, OnePointShiftNSeven) {
  // 292/3432 = 73/858.
  EXPECT_NEAR(PValue({2, 2, 3, 3, 3, 4, 4}, {3, 3, 4, 4, 4, 5, 5}),
              0.08508158508158509, kExact);
}

TEST(PermutationPValueTest, OnePointShiftNEight) {
  // 1896/12870 = 316/2145.
  EXPECT_NEAR(PValue({1, 2, 2, 3, 3, 4, 4, 4}, {2, 3, 3, 4, 4, 5, 5, 5}),
              0.14731934731934732, kExact);
}

TEST(PermutationPValueTest, TiesHeavy) {
  // 132/252 = 11/21.
  EXPECT_NEAR(PValue({3, 3, 3, 3, 4}, {3, 3, 4, 4, 4}), 0.5238095238095238,
              kExact);
  // 924/924: a single 3 among 2s is as extreme wherever it lands.
  EXPECT_NEAR(PValue({2, 2, 2, 2, 2, 2}, {2, 2, 2, 2, 2, 3}), 1.0, kExact);
  // 4050/12870 = 45/143.
  EXPECT_NEAR(PValue({3, 3, 3, 3, 3, 4, 4, 4}, {4, 4, 4, 4, 4, 4, 3, 3}),
              0.3146853146853147, kExact);
  // 6/70 = 3/35.
  EXPECT_NEAR(PValue({2, 2, 3, 3}, {3, 4, 4, 5}), 0.08571428571428572, kExact);
}

TEST(PermutationPValueTest, UnequalSizes) {
  // 9/330 = 3/110, in both orders.
  EXPECT_NEAR(PValue({2, 2, 3, 3}, {3, 3, 4, 4, 4, 5, 5}), 0.02727272727272727,
              kExact);
  EXPECT_NEAR(PValue({3, 3, 4, 4, 4, 5, 5}, {2, 2, 3, 3}), 0.02727272727272727,
              kExact);
  // 1/5: only the split with the 1 in the before group is as extreme.
  EXPECT_NEAR(PValue({1}, {4, 4, 5, 5}), 0.2, kExact);
}

TEST(PermutationPValueTest, OneVersusOne) {
  // 2/2: both splits have the same absolute difference.
  EXPECT_NEAR(PValue({2}, {4}), 1.0, kExact);
  EXPECT_NEAR(PValue({3}, {3}), 1.0, kExact);
}

TEST(PermutationPValueTest, EmptySideGivesOne) {
  EXPECT_NEAR(PValue({}, {3, 4, 5}), 1.0, kExact);
  EXPECT_NEAR(PValue({1, 2}, {}), 1.0, kExact);
  EXPECT_NEAR(PValue({}, {}), 1.0, kExact);
}

TEST(PermutationPValueTest, TenVersusTen) {
  // 21846/184756 = 993/8398.
  EXPECT_NEAR(
      PValue({1, 2, 2, 3, 3, 3, 3, 4, 4, 5}, {2, 3, 3, 4, 4, 4, 4, 5, 5, 5}),
      0.11824243867587521, kExact);
}

TEST(PermutationPValueTest, PooledAboveTheLimitIsRefused) {
  absl::StatusOr<ScoreHistogram> before =
      ScoreHistogram::FromCounts({40, 40, 40, 40, 40});  // 200
  absl::StatusOr<ScoreHistogram> after =
      ScoreHistogram::FromCounts({41, 40, 40, 40, 40});  // 201
  ASSERT_TRUE(before.ok() && after.ok());
  absl::StatusOr<double> p = PermutationPValue(*before, *after);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(p.status().message()), HasSubstr("401"));
  EXPECT_THAT(std::string(p.status().message()), HasSubstr("400"));
}

TEST(PermutationPValueTest, PooledAtTheLimitIsAccepted) {
  absl::StatusOr<ScoreHistogram> h =
      ScoreHistogram::FromCounts({40, 40, 40, 40, 40});
  ASSERT_TRUE(h.ok());
  absl::StatusOr<double> p = PermutationPValue(*h, *h);
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_NEAR(*p, 1.0, kExact);
}

// ---------------------------------------------------------------------------
// CliffsDelta, by hand: (pairs with after > before - pairs with after <
// before) / (n1 * n2).
// ---------------------------------------------------------------------------

TEST(CliffsDeltaTest, HandComputed) {
  // after 2: >1, =2, <3 -> +1 -1; after 3: >1, >2 -> +2; after 4: +3.
  // (6 - 1) / 9.
  EXPECT_NEAR(CliffsDelta(Hist({1, 2, 3}), Hist({2, 3, 4})), 5.0 / 9.0, kExact);
  EXPECT_NEAR(CliffsDelta(Hist({2, 3, 4}), Hist({1, 2, 3})), -5.0 / 9.0,
              kExact);
  // after 3,3 beat 2,2 (4 pairs), tie 3,3; 4,4,4 beat all 4 (12); 5,5 (8).
  // 24 / 28.
  EXPECT_NEAR(CliffsDelta(Hist({2, 2, 3, 3}), Hist({3, 3, 4, 4, 4, 5, 5})),
              6.0 / 7.0, kExact);
  // after 3,3 lose to the 4 (2 pairs); 4,4,4 beat the four 3s (12).
  // (12 - 2) / 25.
  EXPECT_NEAR(CliffsDelta(Hist({3, 3, 3, 3, 4}), Hist({3, 3, 4, 4, 4})), 0.4,
              kExact);
}

TEST(CliffsDeltaTest, ExtremesAndSymmetry) {
  EXPECT_NEAR(CliffsDelta(Hist({1, 1, 2, 2, 2}), Hist({4, 4, 5, 5, 5})), 1.0,
              kExact);
  EXPECT_NEAR(CliffsDelta(Hist({4, 4, 5, 5, 5}), Hist({1, 1, 2, 2, 2})), -1.0,
              kExact);
  EXPECT_NEAR(CliffsDelta(Hist({2, 3, 4}), Hist({2, 3, 4})), 0.0, kExact);
  EXPECT_NEAR(CliffsDelta(Hist({3, 3}), Hist({3, 3, 3})), 0.0, kExact);
}

TEST(CliffsDeltaTest, EmptySideGivesZero) {
  EXPECT_EQ(CliffsDelta(Hist({}), Hist({1, 2})), 0.0);
  EXPECT_EQ(CliffsDelta(Hist({5}), Hist({})), 0.0);
}

// ---------------------------------------------------------------------------
// ComparePillar.
// ---------------------------------------------------------------------------

// The statistics a round of `mode` discloses for these scores, with the
// default privacy thresholds (min_responses 3, min_distribution 5).
v1::PillarStats Disclosed(const ScoreHistogram& h,
                          v1::RoundMode mode = v1::ROUND_MODE_OPEN) {
  return DisclosedStats(Pillar::kStructure, ComputeScoreStats(h), mode,
                        PrivacyThresholds{});
}

absl::StatusOr<v1::PillarTrend> Compare(
    const ScoreHistogram& before, const ScoreHistogram& after,
    double alpha = 0.05, v1::RoundMode before_mode = v1::ROUND_MODE_OPEN,
    v1::RoundMode after_mode = v1::ROUND_MODE_OPEN) {
  return ComparePillar(Pillar::kStructure, Disclosed(before, before_mode),
                       before, Disclosed(after, after_mode), after, alpha);
}

TEST(ComparePillarTest, ImprovedWithEveryField) {
  const ScoreHistogram before = Hist({1, 1, 2, 2, 2});
  const ScoreHistogram after = Hist({4, 4, 5, 5, 5});
  absl::StatusOr<v1::PillarTrend> t = Compare(before, after);
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(t->pillar(), v1::PILLAR_STRUCTURE);
  EXPECT_EQ(t->n_before(), 5);
  EXPECT_EQ(t->n_after(), 5);
  EXPECT_DOUBLE_EQ(t->alpha(), 0.05);
  ASSERT_TRUE(t->has_mean_before() && t->has_mean_after() &&
              t->has_mean_change());
  EXPECT_NEAR(t->mean_before(), 1.6, kExact);
  EXPECT_NEAR(t->mean_after(), 4.6, kExact);
  EXPECT_NEAR(t->mean_change(), 3.0, kExact);
  ASSERT_TRUE(t->has_median_before() && t->has_median_after() &&
              t->has_median_change());
  EXPECT_NEAR(t->median_before(), 2.0, kExact);
  EXPECT_NEAR(t->median_after(), 5.0, kExact);
  EXPECT_NEAR(t->median_change(), 3.0, kExact);
  ASSERT_TRUE(t->has_p_value());
  EXPECT_NEAR(t->p_value(), 0.007936507936507936, kExact);  // 2/252
  ASSERT_TRUE(t->has_cliffs_delta());
  EXPECT_NEAR(t->cliffs_delta(), 1.0, kExact);
  EXPECT_EQ(t->verdict(), v1::TREND_VERDICT_IMPROVED);
  // The caller fills in the round ids.
  EXPECT_TRUE(t->before_round_id().empty());
  EXPECT_TRUE(t->after_round_id().empty());
}

TEST(ComparePillarTest, Declined) {
  absl::StatusOr<v1::PillarTrend> t =
      Compare(Hist({4, 4, 5, 5, 5}), Hist({1, 1, 2, 2, 2}));
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(t->verdict(), v1::TREND_VERDICT_DECLINED);
  EXPECT_NEAR(t->mean_change(), -3.0, kExact);
  EXPECT_NEAR(t->p_value(), 0.007936507936507936, kExact);  // 2/252
  EXPECT_NEAR(t->cliffs_delta(), -1.0, kExact);
}

TEST(ComparePillarTest, TooSmallToTell) {
  // 48/252 = 4/21 > 0.05.
  absl::StatusOr<v1::PillarTrend> t =
      Compare(Hist({2, 3, 3, 4, 4}), Hist({3, 4, 4, 5, 5}));
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(t->verdict(), v1::TREND_VERDICT_TOO_SMALL_TO_TELL);
  EXPECT_NEAR(t->p_value(), 0.19047619047619047, kExact);
  EXPECT_NEAR(t->mean_change(), 1.0, kExact);
}

TEST(ComparePillarTest, IdenticalIsTooSmallToTell) {
  absl::StatusOr<v1::PillarTrend> t =
      Compare(Hist({2, 3, 4, 4, 5}), Hist({2, 3, 4, 4, 5}));
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(t->verdict(), v1::TREND_VERDICT_TOO_SMALL_TO_TELL);
  EXPECT_NEAR(t->p_value(), 1.0, kExact);
  EXPECT_NEAR(t->mean_change(), 0.0, kExact);
  EXPECT_NEAR(t->cliffs_delta(), 0.0, kExact);
}

TEST(ComparePillarTest, CustomAlpha) {
  // 292/3432 = 73/858 ~ 0.0851: too small at 0.05, improved at 0.10.
  const ScoreHistogram before = Hist({2, 2, 3, 3, 3, 4, 4});
  const ScoreHistogram after = Hist({3, 3, 4, 4, 4, 5, 5});
  absl::StatusOr<v1::PillarTrend> at05 = Compare(before, after, 0.05);
  absl::StatusOr<v1::PillarTrend> at10 = Compare(before, after, 0.10);
  ASSERT_TRUE(at05.ok() && at10.ok());
  EXPECT_EQ(at05->verdict(), v1::TREND_VERDICT_TOO_SMALL_TO_TELL);
  EXPECT_EQ(at10->verdict(), v1::TREND_VERDICT_IMPROVED);
  EXPECT_DOUBLE_EQ(at10->alpha(), 0.10);
  EXPECT_NEAR(at10->p_value(), 0.08508158508158509, kExact);

  // 9/330 = 3/110 ~ 0.0273: declined at 0.05, too small at 0.01.
  const ScoreHistogram high = Hist({3, 3, 4, 4, 4, 5, 5});
  const ScoreHistogram low = Hist({2, 2, 3, 3});
  absl::StatusOr<v1::PillarTrend> d05 = Compare(high, low, 0.05);
  absl::StatusOr<v1::PillarTrend> d01 = Compare(high, low, 0.01);
  ASSERT_TRUE(d05.ok() && d01.ok());
  EXPECT_EQ(d05->verdict(), v1::TREND_VERDICT_DECLINED);
  EXPECT_EQ(d01->verdict(), v1::TREND_VERDICT_TOO_SMALL_TO_TELL);
  EXPECT_DOUBLE_EQ(d01->alpha(), 0.01);
  EXPECT_NEAR(d01->p_value(), 0.02727272727272727, kExact);
}

TEST(ComparePillarTest, TooFewResponsesIsNotEnoughData) {
  // Confidential with 2 scores: below min_responses (3), only n is shown.
  const ScoreHistogram small = Hist({1, 1});
  const ScoreHistogram big = Hist({5, 5, 5, 5, 5});
  ASSERT_EQ(Disclosed(small, v1::ROUND_MODE_CONFIDENTIAL).disclosure(),
            v1::DISCLOSURE_TOO_FEW_RESPONSES);
  for (bool small_first : {true, false}) {
    SCOPED_TRACE(small_first ? "before withheld" : "after withheld");
    absl::StatusOr<v1::PillarTrend> t =
        small_first ? Compare(small, big, 0.05, v1::ROUND_MODE_CONFIDENTIAL,
                              v1::ROUND_MODE_OPEN)
                    : Compare(big, small, 0.05, v1::ROUND_MODE_OPEN,
                              v1::ROUND_MODE_CONFIDENTIAL);
    ASSERT_TRUE(t.ok()) << t.status();
    EXPECT_EQ(t->verdict(), v1::TREND_VERDICT_NOT_ENOUGH_DATA);
    EXPECT_EQ(t->n_before(), small_first ? 2 : 5);
    EXPECT_EQ(t->n_after(), small_first ? 5 : 2);
    EXPECT_FALSE(t->has_mean_before());
    EXPECT_FALSE(t->has_mean_after());
    EXPECT_FALSE(t->has_mean_change());
    EXPECT_FALSE(t->has_median_change());
    EXPECT_FALSE(t->has_p_value());
    EXPECT_FALSE(t->has_cliffs_delta());
    EXPECT_DOUBLE_EQ(t->alpha(), 0.05);
    EXPECT_EQ(t->before_disclosure(), small_first
                                          ? v1::DISCLOSURE_TOO_FEW_RESPONSES
                                          : v1::DISCLOSURE_FULL);
    EXPECT_EQ(t->after_disclosure(), small_first
                                         ? v1::DISCLOSURE_FULL
                                         : v1::DISCLOSURE_TOO_FEW_RESPONSES);
  }
}

TEST(ComparePillarTest, EmptySideIsNotEnoughData) {
  const ScoreHistogram empty;
  const ScoreHistogram some = Hist({2, 3, 4});
  for (const auto& [before, after] :
       {std::make_pair(empty, some), std::make_pair(some, empty),
        std::make_pair(empty, empty)}) {
    absl::StatusOr<v1::PillarTrend> t = Compare(before, after);
    ASSERT_TRUE(t.ok()) << t.status();
    EXPECT_EQ(t->verdict(), v1::TREND_VERDICT_NOT_ENOUGH_DATA);
    EXPECT_EQ(t->n_before(), before.n());
    EXPECT_EQ(t->n_after(), after.n());
    EXPECT_FALSE(t->has_mean_change());
    EXPECT_FALSE(t->has_p_value());
    EXPECT_FALSE(t->has_cliffs_delta());
  }
}

TEST(ComparePillarTest, NoDistributionSideGivesNoVerdictButBothMeans) {
  // Confidential with 4 scores: below min_distribution (5), so only n and
  // the mean are shown. No verdict, median, p-value or effect size may come
  // from the withheld counts, even where they would be significant (9/330 =
  // 3/110 < 0.05 here); the means are compared.
  const ScoreHistogram before = Hist({2, 2, 3, 3});
  const ScoreHistogram after = Hist({3, 3, 4, 4, 4, 5, 5});
  const v1::PillarStats coarse = Disclosed(before, v1::ROUND_MODE_CONFIDENTIAL);
  ASSERT_EQ(coarse.disclosure(), v1::DISCLOSURE_NO_DISTRIBUTION);
  ASSERT_FALSE(coarse.has_median());
  const v1::PillarStats full = Disclosed(after);
  ASSERT_EQ(full.disclosure(), v1::DISCLOSURE_FULL);

  // before 2,2,3,3: mean 10/4 = 2.5; after 3,3,4,4,4,5,5: mean 28/7 = 4.
  v1::PillarTrend expected;
  expected.set_pillar(v1::PILLAR_STRUCTURE);
  expected.set_n_before(4);
  expected.set_n_after(7);
  expected.set_mean_before(2.5);
  expected.set_mean_after(4.0);
  expected.set_mean_change(1.5);
  expected.set_verdict(v1::TREND_VERDICT_NOT_ENOUGH_DATA);
  expected.set_alpha(0.05);
  expected.set_before_disclosure(v1::DISCLOSURE_NO_DISTRIBUTION);
  expected.set_after_disclosure(v1::DISCLOSURE_FULL);
  absl::StatusOr<v1::PillarTrend> t =
      ComparePillar(Pillar::kStructure, coarse, before, full, after, 0.05);
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_TRUE(SameProto(*t, expected));
  EXPECT_EQ(t->verdict(), v1::TREND_VERDICT_NOT_ENOUGH_DATA);
  EXPECT_FALSE(t->has_p_value());
  EXPECT_FALSE(t->has_cliffs_delta());
  EXPECT_FALSE(t->has_median_before());
  EXPECT_FALSE(t->has_median_after());
  EXPECT_FALSE(t->has_median_change());
  EXPECT_NEAR(t->mean_before(), 2.5, kExact);
  EXPECT_NEAR(t->mean_after(), 4.0, kExact);
  EXPECT_NEAR(t->mean_change(), 1.5, kExact);

  // The same with the coarse side after (a decline of 1.5 in the means).
  expected.set_n_before(7);
  expected.set_n_after(4);
  expected.set_mean_before(4.0);
  expected.set_mean_after(2.5);
  expected.set_mean_change(-1.5);
  expected.set_before_disclosure(v1::DISCLOSURE_FULL);
  expected.set_after_disclosure(v1::DISCLOSURE_NO_DISTRIBUTION);
  absl::StatusOr<v1::PillarTrend> d =
      ComparePillar(Pillar::kStructure, full, after, coarse, before, 0.05);
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_TRUE(SameProto(*d, expected));

  // Both sides coarse: 2,2,3,3 then 3,4,4,5 (mean 16/4 = 4). No verdict at
  // any alpha, although the withheld counts give 6/70 = 3/35, which would be
  // significant at 0.10.
  const ScoreHistogram later = Hist({3, 4, 4, 5});
  const v1::PillarStats later_coarse =
      Disclosed(later, v1::ROUND_MODE_CONFIDENTIAL);
  ASSERT_EQ(later_coarse.disclosure(), v1::DISCLOSURE_NO_DISTRIBUTION);
  for (double alpha : {0.05, 0.10}) {
    SCOPED_TRACE(alpha);
    absl::StatusOr<v1::PillarTrend> s = ComparePillar(
        Pillar::kStructure, coarse, before, later_coarse, later, alpha);
    ASSERT_TRUE(s.ok()) << s.status();
    v1::PillarTrend both;
    both.set_pillar(v1::PILLAR_STRUCTURE);
    both.set_n_before(4);
    both.set_n_after(4);
    both.set_mean_before(2.5);
    both.set_mean_after(4.0);
    both.set_mean_change(1.5);
    both.set_verdict(v1::TREND_VERDICT_NOT_ENOUGH_DATA);
    both.set_alpha(alpha);
    both.set_before_disclosure(v1::DISCLOSURE_NO_DISTRIBUTION);
    both.set_after_disclosure(v1::DISCLOSURE_NO_DISTRIBUTION);
    EXPECT_TRUE(SameProto(*s, both));
  }
}

TEST(ComparePillarTest, MedianFieldsAbsentWhenASideHasNoMedian) {
  const ScoreHistogram before = Hist({2, 3, 3, 4, 4});
  const ScoreHistogram after = Hist({3, 4, 4, 5, 5});
  // Both sides in full: medians 3 and 4, change 1; p = 48/252 = 4/21.
  {
    absl::StatusOr<v1::PillarTrend> t =
        ComparePillar(Pillar::kStructure, Disclosed(before), before,
                      Disclosed(after), after, 0.05);
    ASSERT_TRUE(t.ok()) << t.status();
    ASSERT_TRUE(t->has_median_before() && t->has_median_after() &&
                t->has_median_change());
    EXPECT_NEAR(t->median_before(), 3.0, kExact);
    EXPECT_NEAR(t->median_after(), 4.0, kExact);
    EXPECT_NEAR(t->median_change(), 1.0, kExact);
    ASSERT_TRUE(t->has_p_value());
    EXPECT_NEAR(t->p_value(), 0.19047619047619047, kExact);
    EXPECT_EQ(t->verdict(), v1::TREND_VERDICT_TOO_SMALL_TO_TELL);
  }
  // A side that is not shown in full has no median, so no median field is
  // given, in either order, and no verdict, p-value or effect size.
  struct Side {
    const char* name;
    v1::PillarStats stats;
    ScoreHistogram counts;
    bool has_mean;
  };
  const ScoreHistogram four = Hist({3, 4, 4, 5});
  const ScoreHistogram two = Hist({4, 5});
  const std::vector<Side> sides = {
      // 3,4,4,5: below min_distribution, mean 4.
      {"no distribution", Disclosed(four, v1::ROUND_MODE_CONFIDENTIAL), four,
       true},
      // 4,5: below min_responses, only n.
      {"too few", Disclosed(two, v1::ROUND_MODE_CONFIDENTIAL), two, false},
      // 3,4,4,5,5: enough for everything, but held back against an earlier
      // round: only n.
      {"held back",
       DisclosedStats(
           Pillar::kStructure, ComputeScoreStats(after),
           v1::ROUND_MODE_CONFIDENTIAL, PrivacyThresholds{},
           Differencing{"r-earlier", /*mean_only=*/false, /*warn=*/false}),
       after, false},
  };
  const v1::Disclosure tiers[] = {v1::DISCLOSURE_NO_DISTRIBUTION,
                                  v1::DISCLOSURE_TOO_FEW_RESPONSES,
                                  v1::DISCLOSURE_HELD_BACK};
  for (size_t i = 0; i < sides.size(); ++i) {
    const Side& side = sides[i];
    SCOPED_TRACE(side.name);
    ASSERT_EQ(side.stats.disclosure(), tiers[i]);
    ASSERT_FALSE(side.stats.has_median());
    for (bool side_after : {true, false}) {
      SCOPED_TRACE(side_after ? "after" : "before");
      absl::StatusOr<v1::PillarTrend> t =
          side_after
              ? ComparePillar(Pillar::kStructure, Disclosed(before), before,
                              side.stats, side.counts, 0.05)
              : ComparePillar(Pillar::kStructure, side.stats, side.counts,
                              Disclosed(before), before, 0.05);
      ASSERT_TRUE(t.ok()) << t.status();
      EXPECT_FALSE(t->has_median_before());
      EXPECT_FALSE(t->has_median_after());
      EXPECT_FALSE(t->has_median_change());
      EXPECT_FALSE(t->has_p_value());
      EXPECT_FALSE(t->has_cliffs_delta());
      EXPECT_EQ(t->verdict(), v1::TREND_VERDICT_NOT_ENOUGH_DATA);
      EXPECT_EQ(side_after ? t->after_disclosure() : t->before_disclosure(),
                tiers[i]);
      EXPECT_EQ(side_after ? t->before_disclosure() : t->after_disclosure(),
                v1::DISCLOSURE_FULL);
      // The means only when both are shown: before 2,3,3,4,4 = 16/5, the
      // coarse side 16/4 = 4.
      EXPECT_EQ(t->has_mean_change(), side.has_mean);
      if (side.has_mean) {
        EXPECT_NEAR(t->mean_change(), side_after ? 4.0 - 3.2 : 3.2 - 4.0,
                    kExact);
      }
    }
  }
  // Under DIFFERENCING_POLICY_WARN the differenced side is shown in full
  // with a warning, and compared as such: medians 3 and 4, p = 4/21.
  const v1::PillarStats warned = DisclosedStats(
      Pillar::kStructure, ComputeScoreStats(after), v1::ROUND_MODE_CONFIDENTIAL,
      PrivacyThresholds{},
      Differencing{"r-earlier", /*mean_only=*/false, /*warn=*/true});
  ASSERT_EQ(warned.disclosure(), v1::DISCLOSURE_FULL);
  ASSERT_TRUE(warned.differencing_warning());
  absl::StatusOr<v1::PillarTrend> w = ComparePillar(
      Pillar::kStructure, Disclosed(before), before, warned, after, 0.05);
  ASSERT_TRUE(w.ok()) << w.status();
  EXPECT_NEAR(w->median_change(), 1.0, kExact);
  EXPECT_NEAR(w->p_value(), 0.19047619047619047, kExact);
  EXPECT_EQ(w->verdict(), v1::TREND_VERDICT_TOO_SMALL_TO_TELL);
}

TEST(ComparePillarTest, PooledAboveTheLimitIsInvalidArgument) {
  absl::StatusOr<ScoreHistogram> before =
      ScoreHistogram::FromCounts({40, 40, 40, 40, 40});
  absl::StatusOr<ScoreHistogram> after =
      ScoreHistogram::FromCounts({40, 40, 41, 40, 40});
  ASSERT_TRUE(before.ok() && after.ok());
  ASSERT_GT(before->n() + after->n(), kMaxTrendScores);
  absl::StatusOr<v1::PillarTrend> t = Compare(*before, *after);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(t.status().message()), HasSubstr("401"));
}

}  // namespace
}  // namespace fives
