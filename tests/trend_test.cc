#include "fives/trend.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
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

ScoreHistogram Counts(const std::vector<int64_t>& counts) {
  absl::StatusOr<ScoreHistogram> h = ScoreHistogram::FromCounts(counts);
  EXPECT_TRUE(h.ok()) << h.status();
  return h.ok() ? *h : ScoreHistogram();
}

double CountsPValue(const ScoreHistogram& before, const ScoreHistogram& after) {
  absl::StatusOr<double> p = PermutationPValue(before, after);
  EXPECT_TRUE(p.ok()) << p.status();
  return p.ok() ? *p : -1;
}

// Within `fraction` of `expected`.
::testing::Matcher<double> Relatively(double expected, double fraction) {
  return ::testing::DoubleNear(expected, expected * fraction);
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

TEST(PermutationPValueTest, IdenticalHistogramsGiveOne) {
  // Every split is as extreme as a difference of 0, at any size.
  for (int64_t count : {40, 200, 20000, 2000000}) {
    SCOPED_TRACE(count);
    const ScoreHistogram h = Counts({count, count, count, count, count});
    EXPECT_EQ(CountsPValue(h, h), 1.0);
  }
}

// ---------------------------------------------------------------------------
// Large samples. The expected values below were generated by the dynamic
// programme of tests/tools/permutation_reference.py (LARGE_CASES), which
// counts the splits exactly in Python integers, one score at a time; the
// library's floating-point sums agree to rounding (kRounding of the value).
// ---------------------------------------------------------------------------

constexpr double kRounding = 1e-12;

TEST(PermutationPValueTest, TwoHundredVersusTwoHundredOneIsExact) {
  // 401 pooled scores, refused while the exact test stopped at 400.
  const ScoreHistogram before = Counts({40, 40, 40, 40, 40});
  const ScoreHistogram one_more = Counts({41, 40, 40, 40, 40});
  EXPECT_EQ(PermutationPValueMethod(before, one_more),
            PermutationMethod::kExact);
  EXPECT_THAT(CountsPValue(before, one_more),
              Relatively(0.9719253891809665, kRounding));
  EXPECT_THAT(CountsPValue(before, Counts({30, 35, 40, 50, 46})),
              Relatively(0.10069427613119693, kRounding));
}

TEST(PermutationPValueTest, HundredsToThousandsMatchTheReference) {
  struct Case {
    const char* name;
    std::vector<int64_t> before, after;
    double p;
  };
  const Case cases[] = {
      {"uniform_250v250",
       {50, 50, 50, 50, 50},
       {44, 47, 50, 54, 55},
       0.37549994362153033},
      {"org_600v400",
       {9, 24, 90, 252, 225},
       {4, 14, 54, 170, 158},
       0.3068739040455683},
      {"org_1000v1000",
       {5, 15, 50, 500, 430},
       {6, 17, 55, 520, 402},
       0.20963955772025952},
      {"org_1500v1500",
       {4, 12, 30, 750, 704},
       {3, 10, 28, 720, 739},
       0.18900502807058378},
      // 20,000 scores, few of them 1s and 2s: still counted exactly.
      {"rare_10000v10000",
       {3, 6, 0, 5000, 4991},
       {1, 9, 0, 4950, 5040},
       0.5030895093448415},
      // 1s and 3s with a few 2s: the sum moves mostly in steps of two.
      {"gap_10000v10000",
       {5000, 7, 4993, 0, 0},
       {4930, 12, 5058, 0, 0},
       0.34314638389005514},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const ScoreHistogram before = Counts(c.before), after = Counts(c.after);
    EXPECT_EQ(PermutationPValueMethod(before, after),
              PermutationMethod::kExact);
    EXPECT_THAT(CountsPValue(before, after), Relatively(c.p, kRounding));
    // The same by hand-picked method, and in the other order.
    EXPECT_THAT(PermutationPValueBy(PermutationMethod::kExact, before, after),
                Relatively(c.p, kRounding));
    EXPECT_THAT(CountsPValue(after, before), Relatively(c.p, kRounding));
  }
}

TEST(PermutationPValueTest, OneScoreAgainstAMillion) {
  // 200,000 of each score, then a single 5. The pooled mean is a hair above
  // 3, so the splits as extreme put a 1 or a 5 in the group of one:
  // 400,001 of the 1,000,001.
  const ScoreHistogram before =
      Counts({200000, 200000, 200000, 200000, 200000});
  const ScoreHistogram after = Counts({0, 0, 0, 0, 1});
  EXPECT_EQ(PermutationPValueMethod(before, after), PermutationMethod::kExact);
  EXPECT_THAT(CountsPValue(before, after),
              Relatively(400001.0 / 1000001.0, kRounding));
}

TEST(PermutationPValueTest, ExactUpToTheBoundThenWhileAffordable) {
  // 1,000 pooled scores, every score common: exact.
  EXPECT_EQ(PermutationPValueMethod(Counts({100, 100, 100, 100, 100}),
                                    Counts({100, 95, 100, 105, 100})),
            PermutationMethod::kExact);
  // 1,101: the saddlepoint.
  EXPECT_EQ(PermutationPValueMethod(Counts({110, 110, 110, 110, 110}),
                                    Counts({110, 105, 110, 115, 111})),
            PermutationMethod::kSaddlepoint);
  // 1,000,000 with 1s, 2s and 3s rare: exact still; with every score
  // common, the saddlepoint.
  EXPECT_EQ(PermutationPValueMethod(Counts({10, 20, 30, 250000, 249940}),
                                    Counts({12, 18, 29, 249000, 250941})),
            PermutationMethod::kExact);
  EXPECT_EQ(
      PermutationPValueMethod(Counts({25000, 75000, 150000, 175000, 75000}),
                              Counts({24000, 74500, 150500, 176000, 75000})),
      PermutationMethod::kSaddlepoint);
}

// The largest errors of the saddlepoint approximation stated in trend.h.
constexpr double kSaddlepointAbsolute = 1.3e-6;
constexpr double kSaddlepointRelative = 1.3e-4;

TEST(PermutationPValueTest, SaddlepointAgreesWithExactAtTheCrossover) {
  // Pairs of 1,000 to 1,300 pooled scores, from no change to a large one,
  // in groups of equal and unequal sizes, with and without rare scores: the
  // saddlepoint against the exact count (checked against the reference
  // above). PermutationPValue takes the saddlepoint for the first two.
  struct Case {
    std::vector<int64_t> before, after;
  };
  const Case cases[] = {
      {{110, 110, 110, 110, 110}, {110, 105, 110, 115, 111}},
      {{110, 110, 110, 110, 110}, {100, 100, 110, 120, 121}},
      {{110, 110, 110, 110, 110}, {80, 95, 110, 135, 131}},
      {{110, 110, 110, 110, 110}, {55, 80, 110, 155, 151}},
      {{100, 100, 100, 100, 100}, {100, 95, 100, 105, 100}},
      {{60, 120, 220, 260, 140}, {10, 30, 55, 70, 45}},
      {{60, 120, 220, 260, 140}, {4, 20, 50, 80, 56}},
      {{30, 150, 0, 300, 120}, {30, 150, 0, 280, 141}},
      {{200, 230, 250, 200, 150}, {20, 30, 60, 60, 30}},
      {{3, 7, 90, 300, 250}, {2, 5, 70, 260, 273}},
  };
  for (size_t i = 0; i < std::size(cases); ++i) {
    const ScoreHistogram before = Counts(cases[i].before),
                         after = Counts(cases[i].after);
    if (i < 2) {
      EXPECT_EQ(PermutationPValueMethod(before, after),
                PermutationMethod::kSaddlepoint);
    }
    const double exact =
        PermutationPValueBy(PermutationMethod::kExact, before, after);
    const double saddlepoint =
        PermutationPValueBy(PermutationMethod::kSaddlepoint, before, after);
    SCOPED_TRACE(testing::Message() << "case " << i << ", exact " << exact);
    EXPECT_NEAR(saddlepoint, exact, kSaddlepointAbsolute);
    EXPECT_THAT(saddlepoint, Relatively(exact, kSaddlepointRelative));
  }
  // And on the reference values, where the count is exact by choice.
  EXPECT_THAT(PermutationPValueBy(PermutationMethod::kSaddlepoint,
                                  Counts({4, 12, 30, 750, 704}),
                                  Counts({3, 10, 28, 720, 739})),
              Relatively(0.18900502807058378, kSaddlepointRelative));
  EXPECT_THAT(PermutationPValueBy(PermutationMethod::kSaddlepoint,
                                  Counts({50, 50, 50, 50, 50}),
                                  Counts({44, 47, 50, 54, 55})),
              Relatively(0.37549994362153033, kSaddlepointRelative));
}

TEST(PermutationPValueTest, HundredThousandPerGroup) {
  // Means 3.150 and 3.159. permutation_reference.py (HUGE_CASES) gives the
  // normal approximation with the exact permutation variance: 0.0921.
  const ScoreHistogram before = Counts({10000, 20000, 30000, 25000, 15000});
  const ScoreHistogram after = Counts({9800, 19900, 30000, 25200, 15100});
  EXPECT_EQ(PermutationPValueMethod(before, after),
            PermutationMethod::kSaddlepoint);
  const double p = CountsPValue(before, after);
  EXPECT_GE(p, 0.0);
  EXPECT_LE(p, 1.0);
  EXPECT_THAT(p, Relatively(0.09214381706544397, 0.1));
  // A shift of a tenth of a point in the mean is far beyond chance.
  const double far =
      CountsPValue(before, Counts({8000, 18000, 30000, 27000, 17000}));
  EXPECT_GT(far, 0.0);
  EXPECT_LT(far, 1e-100);
}

TEST(PermutationPValueTest, NeverFailsAtAnySize) {
  // Shapes from one score to all five, groups from 1 to 2^31 - 1 scores:
  // always a p-value in [0, 1], the same either way round.
  const std::vector<std::vector<int64_t>> shapes = {
      {0, 0, 1, 0, 0}, {1, 0, 0, 0, 1}, {0, 1, 0, 1, 0},  {1, 2, 3, 2, 1},
      {1, 0, 1, 0, 1}, {5, 1, 0, 1, 5}, {1, 1, 1, 1, 20}, {3, 2, 1, 2, 3}};
  for (int64_t scale : {int64_t{1}, int64_t{7}, int64_t{150}, int64_t{4000},
                        int64_t{300000}, int64_t{50000000}}) {
    for (const std::vector<int64_t>& shape : shapes) {
      SCOPED_TRACE(testing::Message()
                   << "scale " << scale << ", shape " << shape[0] << shape[1]
                   << shape[2] << shape[3] << shape[4]);
      std::vector<int64_t> before(5), after(5);
      for (int i = 0; i < 5; ++i) before[i] = after[i] = shape[i] * scale;
      // A fiftieth of the lowest score given moves up to the highest.
      const int top = shape[4] > 0 ? 4 : 3;
      const int low = shape[0] > 0 ? 0 : shape[1] > 0 ? 1 : 2;
      const int64_t moved = std::max<int64_t>(1, after[low] / 50);
      after[low] -= moved;
      after[top] += moved;
      const ScoreHistogram b = Counts(before), a = Counts(after);
      const double p = CountsPValue(b, a);
      EXPECT_GE(p, 0.0);
      EXPECT_LE(p, 1.0);
      EXPECT_EQ(CountsPValue(a, b), p);
    }
  }
  // The largest histograms there are.
  const int64_t max = kMaxHistogramScores, fifth = max / 5;
  for (const auto& [before, after] :
       {std::make_pair(Counts({0, 0, max, 0, 0}),
                       Counts({0, 0, max - 1, 1, 0})),
        std::make_pair(
            Counts({fifth, fifth, fifth, fifth, fifth}),
            Counts({fifth - 1000, fifth, fifth, fifth, fifth + 1000}))}) {
    const double p = CountsPValue(before, after);
    EXPECT_GE(p, 0.0);
    EXPECT_LE(p, 1.0);
  }
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

TEST(ComparePillarTest, LargeRoundsGetAVerdict) {
  // 401 pooled scores (refused while the exact test stopped at 400): 0.972
  // (permutation_reference.py), too small to tell.
  absl::StatusOr<v1::PillarTrend> t =
      Compare(Counts({40, 40, 40, 40, 40}), Counts({40, 40, 41, 40, 40}));
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(t->verdict(), v1::TREND_VERDICT_TOO_SMALL_TO_TELL);
  ASSERT_TRUE(t->has_p_value());
  EXPECT_GT(t->p_value(), 0.9);
  // Two organisations of 100,000: a rise of 0.009 in the mean has p = 0.092,
  // too small to tell at 0.05, an improvement at 0.10.
  const ScoreHistogram before = Counts({10000, 20000, 30000, 25000, 15000});
  const ScoreHistogram after = Counts({9800, 19900, 30000, 25200, 15100});
  absl::StatusOr<v1::PillarTrend> at05 = Compare(before, after, 0.05);
  absl::StatusOr<v1::PillarTrend> at10 = Compare(before, after, 0.10);
  ASSERT_TRUE(at05.ok() && at10.ok());
  EXPECT_EQ(at05->verdict(), v1::TREND_VERDICT_TOO_SMALL_TO_TELL);
  EXPECT_EQ(at10->verdict(), v1::TREND_VERDICT_IMPROVED);
  EXPECT_THAT(at10->p_value(), Relatively(0.0921, 0.01));
  EXPECT_NEAR(at10->mean_change(), 0.009, kExact);
}

}  // namespace
}  // namespace fives
