// PermutationPValue on merged histograms of 400 to 1,000,000 pooled scores:
// two equal halves, the second with one score in a hundred a point higher
// (3 -> 4). BM_PermutationPValue has the shape of an organisation (5, 15,
// 30, 35 and 15% of the scores 1..5), BM_PermutationPValueEven every score
// equally common, the costliest shape for the exact count. Counters: exact
// (1 when PermutationPValue counted the splits, 0 for the saddlepoint) and
// the p-value. Run a Release build: script/benchmark.

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

#include "benchmark/benchmark.h"
#include "fives/score_histogram.h"
#include "fives/trend.h"

namespace fives {
namespace {

using Shares = std::array<double, kScoreCategories>;

constexpr Shares kOrganisation = {0.05, 0.15, 0.30, 0.35, 0.15};
constexpr Shares kEven = {0.2, 0.2, 0.2, 0.2, 0.2};

struct Pair {
  ScoreHistogram before, after;
};

Pair MakePair(int64_t n, const Shares& shares) {
  const int64_t half = n / 2;
  std::array<int64_t, kScoreCategories> counts = {};
  int64_t used = 0;
  for (int i = 0; i + 1 < kScoreCategories; ++i) {
    counts[i] = std::llround(half * shares[i]);
    used += counts[i];
  }
  counts[kScoreCategories - 1] = half - used;
  std::array<int64_t, kScoreCategories> after = counts;
  const int64_t moved = std::max<int64_t>(1, half / 100);
  after[2] -= moved;
  after[3] += moved;
  return {*ScoreHistogram::FromCounts(counts),
          *ScoreHistogram::FromCounts(after)};
}

void Run(benchmark::State& state, const Shares& shares) {
  const Pair pair = MakePair(state.range(0), shares);
  double p = 0;
  for (auto _ : state) {
    // A const value: DoNotOptimize on a mutable double can corrupt it with
    // GCC (google/benchmark issue 903).
    const double value = *PermutationPValue(pair.before, pair.after);
    benchmark::DoNotOptimize(value);
    p = value;
  }
  state.counters["exact"] = PermutationPValueMethod(pair.before, pair.after) ==
                                    PermutationMethod::kExact
                                ? 1
                                : 0;
  state.counters["p"] = p;
}

void BM_PermutationPValue(benchmark::State& state) {
  Run(state, kOrganisation);
}
BENCHMARK(BM_PermutationPValue)
    ->Arg(400)
    ->Arg(2000)
    ->Arg(20000)
    ->Arg(1000000)
    ->Unit(benchmark::kMicrosecond);

void BM_PermutationPValueEven(benchmark::State& state) { Run(state, kEven); }
BENCHMARK(BM_PermutationPValueEven)
    ->Arg(400)
    ->Arg(1000)
    ->Arg(2000)
    ->Arg(20000)
    ->Arg(1000000)
    ->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace fives
