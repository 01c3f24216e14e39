// Did a pillar move between two rounds? An exact permutation test on the two
// histograms, honest for teams of 4-12: a change that chance explains is
// "too small to tell".
#ifndef FIVES_TREND_H_
#define FIVES_TREND_H_

#include "absl/status/statusor.h"
#include "fives/pillar.h"
#include "fives/score_histogram.h"
#include "fives/v1/stats.pb.h"
#include "fives/v1/trend.pb.h"

namespace fives {

// Pooled scores above this are refused by the exact test (its cost grows
// with the cube of n); the rounds of a team are far smaller.
inline constexpr int64_t kMaxTrendScores = 400;

// Two-sided exact permutation p-value for the difference in means of two
// samples given as histograms: the probability, over every equally likely
// split of the pooled scores into groups of the two sizes, of a difference
// at least as large in either direction. 1 when either sample is empty.
// InvalidArgument when the pooled n exceeds kMaxTrendScores.
absl::StatusOr<double> PermutationPValue(const ScoreHistogram& before,
                                         const ScoreHistogram& after);

// Cliff's delta, P(after > before) - P(after < before) over all pairs, in
// [-1, 1]; 0 when either sample is empty.
double CliffsDelta(const ScoreHistogram& before, const ScoreHistogram& after);

// One pillar compared. `before` and `after` are the statistics as the rounds
// disclose them (DisclosedStats), the histograms the rounds' counts. The
// means are compared when both are shown; the verdict, median change,
// p-value and Cliff's delta only when both rounds are at DISCLOSURE_FULL
// (MayCompare), otherwise the verdict is TREND_VERDICT_NOT_ENOUGH_DATA and
// before_disclosure / after_disclosure say why.
absl::StatusOr<v1::PillarTrend> ComparePillar(
    Pillar pillar, const v1::PillarStats& before,
    const ScoreHistogram& before_counts, const v1::PillarStats& after,
    const ScoreHistogram& after_counts, double alpha);

}  // namespace fives

#endif  // FIVES_TREND_H_
