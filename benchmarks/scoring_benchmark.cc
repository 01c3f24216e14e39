// Benchmarks of the scoring path. Run a Release build:
//   cmake --preset release && cmake --build --preset release
//   build/release/benchmarks/fives_benchmark
// BM_BulkHistograms and BM_BulkSumBaseline read the same data in the same
// run; their ratio is the figure to compare, not the absolute times.

#include <sys/resource.h>

#include <cstdint>
#include <random>
#include <vector>

#include "absl/time/civil_time.h"
#include "benchmark/benchmark.h"
#include "fives/grouped_histograms.h"
#include "fives/report_suggestions.h"
#include "fives/round.h"
#include "fives/round_report.h"
#include "fives/score_stats.h"
#include "fives/team.h"

namespace fives {
namespace {

constexpr size_t kResponses = 1'000'000;
constexpr size_t kTeams = 100'000;

// 1,000,000 responses in random team order, five scores 1..5 each.
struct BulkData {
  std::vector<uint32_t> groups;
  std::vector<uint8_t> scores;
};

const BulkData& Data() {
  static const BulkData* data = [] {
    auto* d = new BulkData;
    std::mt19937 rng(2026);
    std::uniform_int_distribution<uint32_t> team(0, kTeams - 1);
    std::uniform_int_distribution<int> score(1, 5);
    d->groups.resize(kResponses);
    d->scores.resize(kResponses * kPillarCount);
    for (uint32_t& g : d->groups) g = team(rng);
    for (uint8_t& s : d->scores) s = static_cast<uint8_t>(score(rng));
    return d;
  }();
  return *data;
}

void ReportPeakMemory(benchmark::State& state) {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  state.counters["peak_rss_MiB"] = usage.ru_maxrss / 1024.0;
}

// (c) The baseline: one pass that only sums the same scores per team and
// pillar (what a groupby mean needs), with the same memory access pattern.
void BM_BulkSumBaseline(benchmark::State& state) {
  const BulkData& d = Data();
  std::vector<uint32_t> sums(kTeams * kPillarCount);
  for (auto _ : state) {
    std::fill(sums.begin(), sums.end(), 0);
    for (size_t i = 0; i < kResponses; ++i) {
      uint32_t* cell = &sums[size_t{d.groups[i]} * kPillarCount];
      const uint8_t* s = &d.scores[i * kPillarCount];
      for (size_t p = 0; p < kPillarCount; ++p) cell[p] += s[p];
    }
    benchmark::DoNotOptimize(sums.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * kResponses);
  ReportPeakMemory(state);
}
BENCHMARK(BM_BulkSumBaseline)->Unit(benchmark::kMillisecond);

// (b), first half: the validated histogram pass alone. Like the baseline, it
// keeps its buffer across iterations and clears it in each.
void BM_BulkHistograms(benchmark::State& state) {
  const BulkData& d = Data();
  GroupedHistograms h = *GroupedHistograms::Create(kTeams);
  for (auto _ : state) {
    h.Clear();
    benchmark::DoNotOptimize(h.Add(d.groups, d.scores));
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * kResponses);
  ReportPeakMemory(state);
}
BENCHMARK(BM_BulkHistograms)->Unit(benchmark::kMillisecond);

// (b) in full: histograms, then every measure for all 500,000 team-pillars.
void BM_BulkHistogramsAndStats(benchmark::State& state) {
  const BulkData& d = Data();
  for (auto _ : state) {
    GroupedHistograms h = *GroupedHistograms::Create(kTeams);
    benchmark::DoNotOptimize(h.Add(d.groups, d.scores));
    double checksum = 0;
    h.ForEachStats({}, [&](size_t, Pillar, const ScoreStats& s) {
      checksum += *s.mean + *s.agreement;
    });
    benchmark::DoNotOptimize(checksum);
  }
  state.SetItemsProcessed(state.iterations() * kResponses);
  ReportPeakMemory(state);
}
BENCHMARK(BM_BulkHistogramsAndStats)->Unit(benchmark::kMillisecond);

// (b) in the compact form the C ABI and Python hand out: histograms, the
// statistics of each distinct histogram once, and an index per team-pillar.
void BM_BulkHistogramsAndDistinctStats(benchmark::State& state) {
  const BulkData& d = Data();
  std::vector<uint32_t> index(kTeams * kPillarCount);
  for (auto _ : state) {
    GroupedHistograms h = *GroupedHistograms::Create(kTeams);
    benchmark::DoNotOptimize(h.Add(d.groups, d.scores));
    std::vector<ScoreStats> distinct;
    distinct.reserve(1 << 15);
    h.ForEachDistinctStats(
        {}, [&](const ScoreStats& s) { distinct.push_back(s); },
        absl::MakeSpan(index));
    benchmark::DoNotOptimize(distinct.data());
    state.counters["distinct"] = static_cast<double>(distinct.size());
  }
  state.SetItemsProcessed(state.iterations() * kResponses);
  ReportPeakMemory(state);
}
BENCHMARK(BM_BulkHistogramsAndDistinctStats)->Unit(benchmark::kMillisecond);

// Statistics from one histogram: target at most 200 ns per pillar. The
// histograms vary (every team size 1..12 and shape) so no branch is
// predicted for free.
void BM_StatsFromHistogram(benchmark::State& state) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> score(1, 5), size(1, 12);
  std::vector<ScoreHistogram> histograms(4096);
  for (ScoreHistogram& h : histograms) {
    for (int i = size(rng); i > 0; --i) h.AddUnchecked(score(rng));
  }
  size_t i = 0;
  for (auto _ : state) {
    ScoreStats s = ComputeScoreStats(histograms[i++ & 4095]);
    benchmark::DoNotOptimize(s);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_StatsFromHistogram);

// (a) One MT round of 8 members: create the round, add the 8 responses,
// close it and build the full report (statistics, ranking, suggestions).
void BM_RoundOf8ToReport(benchmark::State& state) {
  Team team = *Team::Create("bench", "Benchmark MT");
  std::vector<v1::Response> responses;
  std::mt19937 rng(3);
  std::uniform_int_distribution<int> score(1, 5);
  for (int m = 0; m < 8; ++m) {
    const std::string id = "member-" + std::to_string(m);
    (void)team.AddMember(id, "Member " + std::to_string(m),
                         absl::CivilDay(2026, 1, 1));
    v1::Response r;
    r.set_member_id(id);
    for (Pillar p : kAllPillars) {
      v1::PillarScore* s = r.add_scores();
      s->set_pillar(ToProto(p));
      s->set_score(score(rng));
    }
    responses.push_back(r);
  }
  RoundOptions options;
  options.id = "r1";
  options.date = absl::CivilDay(2026, 6, 1);
  options.mode = v1::ROUND_MODE_CONFIDENTIAL;
  for (auto _ : state) {
    Round round = *Round::Create(options);
    for (const v1::Response& r : responses) {
      benchmark::DoNotOptimize(round.AddResponse(team, r));
    }
    benchmark::DoNotOptimize(round.Close(absl::CivilDay(2026, 6, 8)));
    absl::StatusOr<v1::RoundReport> report =
        BuildRoundReport(team, round, ReportOptions{});
    if (report.ok()) AddSuggestions(Language::kEnglish, &*report);
    benchmark::DoNotOptimize(report);
  }
}
BENCHMARK(BM_RoundOf8ToReport)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace fives
