/// @file
/// Did a pillar move between two rounds? A permutation test on the two
/// histograms, exact for teams and for samples of up to 1,000 scores and
/// accurate beyond: a change that chance explains is "too small to tell".
/// The test, Cliff's delta and their sources, worked: docs/measures.md.
#ifndef FIVES_TREND_H_
#define FIVES_TREND_H_

#include <cstdint>

#include "absl/status/statusor.h"
#include "fives/pillar.h"
#include "fives/score_histogram.h"
#include "fives/v1/stats.pb.h"
#include "fives/v1/trend.pb.h"

namespace fives {

/// Pooled scores up to which PermutationPValue is always exact.
inline constexpr int64_t kExactTrendScores = 1000;
/// Beyond kExactTrendScores, PermutationPValue is still exact when counting
/// takes at most this many steps (of about half a nanosecond), as many as
/// the costliest pair of at most kExactTrendScores pooled scores takes.
inline constexpr double kExactTrendSteps = 1.25e7;

/// Two-sided permutation p-value for the difference in means of two samples
/// given as histograms: the probability, over every equally likely split of
/// the pooled scores into groups of the two sizes, of a difference at least
/// as large in either direction (ties included). 1 when either sample is
/// empty. Never fails, whatever the sizes (the StatusOr remains for callers
/// written when large samples were refused); at most about 10 ms.
///
/// The method (PermutationPValueMethod tells which):
///
/// - kExact, the splits counted: always up to kExactTrendScores pooled
///   scores, and beyond that whenever counting takes at most
///   kExactTrendSteps, as it does when at most two scores are common (a
///   million scores, all but a few dozen of them 4s and 5s, say), where the
///   approximation below would not be accurate. A split puts
///   k_i of the c_i pooled scores i in the smaller group, in the product of
///   the C(c_i, k_i) ways; the three scores with the narrowest range of k_i
///   are enumerated and the other two summed through cumulative tables, so
///   the cost grows with the product of the three narrower ranges, about
///   (n / 5)^3 steps at worst. Floating point, exact to rounding (up to 55
///   pooled scores every sum is one of whole numbers). Above
///   kExactTrendScores the k_i whose probability is below 2^-200 of the
///   likeliest k_i's are left out, which moves the p-value by less than
///   1e-50.
///
/// - kSaddlepoint otherwise, so only above kExactTrendScores and when every
///   score is common enough for counting to be costly: Skovgaard's double
///   saddlepoint approximation of the same permutation distribution, with
///   the second continuity correction for the lattice of the sum (I. M.
///   Skovgaard, J. Appl. Probab. 24, 1987; R. W. Butler, Saddlepoint
///   Approximations with Applications, 2007, chapter 4). The smaller group is
///   written as independent binomial draws from each score's count,
///   conditioned on the group's size, which is exactly the permutation
///   distribution. Against the exact count, on 21,300 random pairs of 1,001
///   to 8,000 pooled scores for which it is used (all five scores or four,
///   some of them rare; equal and unequal groups; p-values from 1 down to
///   1e-100) and 1,700 more of 3,000 to 60,000 with most scores on one or
///   two values, the largest error was 1.3e-6 absolute and 1.3e-4 of the
///   p-value, 3.7e-5 of it for p-values above 1e-6 (random pairs alone:
///   3.7e-7, 1.3e-4, 1.4e-5); it shrinks as the samples grow. It takes 30
///   to 150 microseconds at any size.
absl::StatusOr<double> PermutationPValue(const ScoreHistogram& before,
                                         const ScoreHistogram& after);

/// The two ways PermutationPValue computes its result.
enum class PermutationMethod { kExact, kSaddlepoint };

/// The method PermutationPValue uses for these histograms.
PermutationMethod PermutationPValueMethod(const ScoreHistogram& before,
                                          const ScoreHistogram& after);

/// The p-value of PermutationPValue by the given method, for tests and
/// benchmarks. kExact on large samples can take hours: its cost grows with
/// the product of the three narrower ranges of k_i (above).
double PermutationPValueBy(PermutationMethod method,
                           const ScoreHistogram& before,
                           const ScoreHistogram& after);

/// Cliff's delta, P(after > before) - P(after < before) over all pairs, in
/// [-1, 1]; 0 when either sample is empty.
double CliffsDelta(const ScoreHistogram& before, const ScoreHistogram& after);

/// The size of a Cliff's delta (Romano et al. 2006): |delta| below 0.147
/// negligible, below 0.33 small, below 0.474 medium, else large.
v1::EffectSize EffectSizeOf(double cliffs_delta);

/// One pillar compared. `before` and `after` are the statistics as the rounds
/// disclose them (DisclosedStats), the histograms the rounds' counts. The
/// means are compared when both are shown; the verdict, median change,
/// p-value and Cliff's delta only when both rounds are at DISCLOSURE_FULL
/// (MayCompare), otherwise the verdict is TREND_VERDICT_NOT_ENOUGH_DATA and
/// before_disclosure / after_disclosure say why.
absl::StatusOr<v1::PillarTrend> ComparePillar(
    Pillar pillar, const v1::PillarStats& before,
    const ScoreHistogram& before_counts, const v1::PillarStats& after,
    const ScoreHistogram& after_counts, double alpha);

}  // namespace fives

#endif  // FIVES_TREND_H_
