// The cost of the C ABI against the direct C++ call, for the same work:
//   BM_CapiScoreStats / BM_CxxScoreStats: one pillar of 6 scores to a
//     serialized fives.v1.PillarStats (fives_score_stats with
//     FIVES_FORMAT_BINARY and fives_buffer_free, against ComputeScoreStats,
//     ToProto and SerializeToString into a new string).
//   BM_CapiBulkStatsTable / BM_CxxBulkStatsTable: 100,000 responses of
//     10,000 groups to a table of fives_pillar_stats (fives_bulk_stats_table
//     against GroupedHistograms, Add and ForEachStats filling the same
//     structs).
//   BM_CapiVersionNumber / BM_CxxVersionNumber: the bare call
//     (fives_version_number against the constant FIVES_VERSION_NUMBER).
// Compare the ratios Capi / Cxx of one run, not absolute times.
//
// In fives_benchmark the C ABI is linked in from its objects (the objects of
// libfives.so and libfives.a), not through libfives.so: a process holding
// libfives.so and the C++ API's own protobuf classes aborts at start (both
// copies register fives/v1/*.proto in the one libprotobuf.so). Built with
// FIVES_CAPI_BENCHMARK_SHARED, as fives_capi_benchmark, the file holds only
// the BM_Capi benchmarks and calls them through libfives.so (PLT,
// thread-local storage of a shared library): compare its BM_Capi* with those
// of fives_benchmark for the cost of the shared library itself.

#include <cstdint>
#include <random>
#include <vector>

#include "benchmark/benchmark.h"
#include "fives.h"

#ifndef FIVES_CAPI_BENCHMARK_SHARED
#include <iterator>
#include <optional>
#include <string>

#include "absl/types/span.h"
#include "capi_internal.h"
#include "fives/grouped_histograms.h"
#include "fives/score_stats.h"
#endif

namespace {

constexpr size_t kBulkResponses = 100'000;
constexpr size_t kBulkGroups = 10'000;

constexpr int32_t kScores[6] = {4, 5, 3, 4, 2, 5};

// 100,000 responses in random group order, five scores 1..5 each.
struct BulkData {
  std::vector<uint32_t> groups;
  std::vector<uint8_t> scores;
};

const BulkData& Bulk() {
  static const BulkData* data = [] {
    auto* d = new BulkData;
    std::mt19937 rng(2027);
    std::uniform_int_distribution<uint32_t> group(0, kBulkGroups - 1);
    std::uniform_int_distribution<int> score(1, 5);
    d->groups.resize(kBulkResponses);
    d->scores.resize(kBulkResponses * 5);
    for (uint32_t& g : d->groups) g = group(rng);
    for (uint8_t& s : d->scores) s = static_cast<uint8_t>(score(rng));
    return d;
  }();
  return *data;
}

// --- Through the C ABI ------------------------------------------------------

void BM_CapiScoreStats(benchmark::State& state) {
  for (auto _ : state) {
    fives_buffer out = FIVES_BUFFER_INIT;
    if (fives_score_stats(&out, kScores, 6, FIVES_FORMAT_BINARY) != FIVES_OK) {
      state.SkipWithError(fives_last_error());
      break;
    }
    benchmark::DoNotOptimize(out.data);
    benchmark::DoNotOptimize(out.len);
    fives_buffer_free(&out);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CapiScoreStats);

void BM_CapiBulkStatsTable(benchmark::State& state) {
  const BulkData& d = Bulk();
  std::vector<fives_pillar_stats> table(kBulkGroups * 5);
  for (auto _ : state) {
    if (fives_bulk_stats_table(table.data(), table.size(),
                               sizeof(fives_pillar_stats), d.groups.data(),
                               d.scores.data(), kBulkResponses,
                               kBulkGroups) != FIVES_OK) {
      state.SkipWithError(fives_last_error());
      break;
    }
    benchmark::DoNotOptimize(table.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * kBulkResponses);
}
BENCHMARK(BM_CapiBulkStatsTable)->Unit(benchmark::kMicrosecond);

void BM_CapiVersionNumber(benchmark::State& state) {
  for (auto _ : state) {
    uint32_t v = fives_version_number();
    benchmark::DoNotOptimize(v);
  }
}
BENCHMARK(BM_CapiVersionNumber);

#ifndef FIVES_CAPI_BENCHMARK_SHARED
// --- Direct C++ calls --------------------------------------------------------

void BM_CxxScoreStats(benchmark::State& state) {
  const std::vector<int> scores(std::begin(kScores), std::end(kScores));
  for (auto _ : state) {
    absl::StatusOr<fives::ScoreStats> stats = fives::ComputeScoreStats(scores);
    if (!stats.ok()) {
      state.SkipWithError(stats.status().ToString().c_str());
      break;
    }
    std::string bytes;
    fives::ToProto(*stats).SerializeToString(&bytes);
    benchmark::DoNotOptimize(bytes.data());
    benchmark::DoNotOptimize(bytes.size());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CxxScoreStats);

void BM_CxxBulkStatsTable(benchmark::State& state) {
  const BulkData& d = Bulk();
  std::vector<fives_pillar_stats> table(kBulkGroups * 5);
  for (auto _ : state) {
    absl::StatusOr<fives::GroupedHistograms> h =
        fives::GroupedHistograms::Create(kBulkGroups);
    absl::Status added = h.ok() ? h->Add(d.groups, d.scores) : h.status();
    if (!added.ok()) {
      state.SkipWithError(added.ToString().c_str());
      break;
    }
    h->ForEachStats(
        {}, [&](size_t group, fives::Pillar p, const fives::ScoreStats& s) {
          fives::capi::FillPillarStats(
              s, &table[group * 5 + fives::PillarIndex(p)]);
        });
    benchmark::DoNotOptimize(table.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * kBulkResponses);
}
BENCHMARK(BM_CxxBulkStatsTable)->Unit(benchmark::kMicrosecond);

void BM_CxxVersionNumber(benchmark::State& state) {
  for (auto _ : state) {
    uint32_t v = FIVES_VERSION_NUMBER;
    benchmark::DoNotOptimize(v);
  }
}
BENCHMARK(BM_CxxVersionNumber);
#endif  // FIVES_CAPI_BENCHMARK_SHARED

}  // namespace
