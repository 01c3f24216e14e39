#include "fives/trend.h"

#include <cmath>
#include <vector>

#include "absl/strings/str_cat.h"
#include "fives/disclosure.h"

namespace fives {
namespace {

// Differences in means that are equal in exact arithmetic may differ in the
// last bits in floating point; they count as equal within this.
constexpr double kTieTolerance = 1e-9;

// Binomial coefficient as a long double (exact up to 2^64, then to 18
// significant digits; C(400, 200) is about 1e119, far inside its range).
long double Choose(int64_t n, int64_t k) {
  if (k < 0 || k > n) return 0;
  k = std::min(k, n - k);
  long double r = 1;
  for (int64_t i = 1; i <= k; ++i) r = r * (n - k + i) / i;
  return r;
}

}  // namespace

absl::StatusOr<double> PermutationPValue(const ScoreHistogram& before,
                                         const ScoreHistogram& after) {
  const int64_t n1 = before.n(), n2 = after.n(), total = n1 + n2;
  if (total > kMaxTrendScores) {
    return absl::InvalidArgumentError(absl::StrCat(
        "trend: ", total, " pooled scores, the exact test takes at most ",
        kMaxTrendScores));
  }
  if (n1 == 0 || n2 == 0) return 1.0;
  int64_t pooled[kScoreCategories];
  int64_t pooled_sum = 0, after_sum = 0;
  for (int i = 0; i < kScoreCategories; ++i) {
    pooled[i] = before.counts()[i] + after.counts()[i];
    pooled_sum += pooled[i] * (i + kMinScore);
    after_sum += after.counts()[i] * (i + kMinScore);
  }
  // The difference in means is a function of the after-group's sum s:
  // s / n2 - (pooled_sum - s) / n1.
  auto difference = [&](int64_t s) {
    return static_cast<double>(s) / n2 -
           static_cast<double>(pooled_sum - s) / n1;
  };
  const double observed = std::fabs(difference(after_sum));
  // ways[j][s]: the number of ways to pick j of the pooled scores seen so far
  // with sum s (sums offset by the minimum score).
  const int64_t max_sum = n2 * kMaxScore;
  std::vector<long double> ways((n2 + 1) * (max_sum + 1), 0.0L), next;
  auto at = [&](std::vector<long double>& w, int64_t j,
                int64_t s) -> long double& { return w[j * (max_sum + 1) + s]; };
  at(ways, 0, 0) = 1;
  for (int i = 0; i < kScoreCategories; ++i) {
    const int score = i + kMinScore;
    std::vector<long double> choose(pooled[i] + 1);
    for (int64_t k = 0; k <= pooled[i]; ++k) choose[k] = Choose(pooled[i], k);
    next.assign(ways.size(), 0.0L);
    for (int64_t j = 0; j <= n2; ++j) {
      for (int64_t s = 0; s <= max_sum; ++s) {
        const long double w = at(ways, j, s);
        if (w == 0) continue;
        for (int64_t k = 0; k <= pooled[i] && j + k <= n2; ++k) {
          at(next, j + k, s + k * score) += w * choose[k];
        }
      }
    }
    ways.swap(next);
  }
  long double extreme = 0;
  for (int64_t s = 0; s <= max_sum; ++s) {
    const long double w = at(ways, n2, s);
    if (w != 0 && std::fabs(difference(s)) >= observed - kTieTolerance) {
      extreme += w;
    }
  }
  const double p = static_cast<double>(extreme / Choose(total, n2));
  return std::min(1.0, p);
}

double CliffsDelta(const ScoreHistogram& before, const ScoreHistogram& after) {
  const int64_t n1 = before.n(), n2 = after.n();
  if (n1 == 0 || n2 == 0) return 0;
  long double higher = 0, lower = 0;
  for (int a = 0; a < kScoreCategories; ++a) {
    for (int b = 0; b < kScoreCategories; ++b) {
      const long double pairs =
          static_cast<long double>(after.counts()[a]) * before.counts()[b];
      if (a > b) higher += pairs;
      if (a < b) lower += pairs;
    }
  }
  return static_cast<double>((higher - lower) /
                             (static_cast<long double>(n1) * n2));
}

absl::StatusOr<v1::PillarTrend> ComparePillar(
    Pillar pillar, const v1::PillarStats& before,
    const ScoreHistogram& before_counts, const v1::PillarStats& after,
    const ScoreHistogram& after_counts, double alpha) {
  v1::PillarTrend t;
  t.set_pillar(ToProto(pillar));
  t.set_n_before(before.n());
  t.set_n_after(after.n());
  t.set_alpha(alpha);
  t.set_before_disclosure(before.disclosure());
  t.set_after_disclosure(after.disclosure());
  if (before.has_mean() && after.has_mean()) {
    t.set_mean_before(before.mean());
    t.set_mean_after(after.mean());
    t.set_mean_change(after.mean() - before.mean());
  }
  // Everything else only when both rounds show their distribution: a
  // verdict from withheld counts would tell apart histograms the disclosed
  // figures cannot.
  if (!MayCompare(before, after)) {
    t.set_verdict(v1::TREND_VERDICT_NOT_ENOUGH_DATA);
    return t;
  }
  if (before.has_median() && after.has_median()) {
    t.set_median_before(before.median());
    t.set_median_after(after.median());
    t.set_median_change(after.median() - before.median());
  }
  absl::StatusOr<double> p = PermutationPValue(before_counts, after_counts);
  if (!p.ok()) return p.status();
  t.set_p_value(*p);
  t.set_cliffs_delta(CliffsDelta(before_counts, after_counts));
  if (*p <= alpha && t.mean_change() > 0) {
    t.set_verdict(v1::TREND_VERDICT_IMPROVED);
  } else if (*p <= alpha && t.mean_change() < 0) {
    t.set_verdict(v1::TREND_VERDICT_DECLINED);
  } else {
    t.set_verdict(v1::TREND_VERDICT_TOO_SMALL_TO_TELL);
  }
  return t;
}

}  // namespace fives
