// The organisation rollup at scale, in a process of its own so its peak
// memory is its own. Run a Release build:
//   cmake --preset release && cmake --build --preset release
//   build/release/benchmarks/fives_org_benchmark
// BM_OrgRollup: from the teams' partials (in memory) to the full rollup with
// complementary suppression, for an organisation of N teams in a 5-level
// tree (organisation, 10 divisions, 10 departments each, 100 areas each,
// 10 teams each, with teams of 3-12 people: areas where one team is too
// small for its distribution make complementary suppression work); compare
// with benchmarks/pandas_org_rollup.py
// (the same shape in pandas, merging and a minimum size only).
// BM_OrgPartialsOfJournals: journals (file bytes) to partials on 1 and 2
// threads.

#include <sys/resource.h>

#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "benchmark/benchmark.h"
#include "fives/journal.h"
#include "fives/journal_io.h"
#include "fives/org.h"
#include "fives/org_partial.h"
#include "fives/org_rollup.h"
#include "google/protobuf/arena.h"

namespace fives {
namespace {

void ReportPeakMemory(benchmark::State& state) {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  state.counters["peak_rss_MiB"] = usage.ru_maxrss / 1024.0;
}

v1::OrgPeriod Quarter() {
  v1::OrgPeriod p;
  p.set_from("2026-04-01");
  p.set_to("2026-06-30");
  return p;
}

// The organisation: root, divisions, departments, areas of 10 teams; a
// region attribute on the areas when `regions` > 0.
v1::Organization MakeOrg(int teams, int regions) {
  v1::Organization org;
  org.set_id("big");
  org.set_name("Big");
  if (regions > 0) org.add_group_by("region");
  auto unit = [&](const std::string& id, const std::string& parent) {
    v1::OrgUnit* u = org.add_units();
    u->set_id(id);
    u->set_name(id);
    u->set_parent(parent);
    return u;
  };
  unit("big", "");
  const int areas = std::max(1, teams / 10);
  const int departments = std::max(1, areas / 100);
  const int divisions = std::max(1, departments / 10);
  for (int d = 0; d < divisions; ++d) unit(absl::StrCat("d", d), "big");
  for (int p = 0; p < departments; ++p) {
    unit(absl::StrCat("p", p), absl::StrCat("d", p % divisions));
  }
  for (int a = 0; a < areas; ++a) {
    v1::OrgUnit* u =
        unit(absl::StrCat("a", a), absl::StrCat("p", a % departments));
    if (regions > 0) {
      v1::OrgAttribute* attr = u->add_attributes();
      attr->set_key("region");
      attr->set_value(absl::StrCat("r", a % regions));
    }
  }
  for (int t = 0; t < teams; ++t) {
    v1::OrgUnit* u = unit(absl::StrCat("u", t), absl::StrCat("a", t % areas));
    u->set_team_id(absl::StrCat("t", t));
  }
  return org;
}

// One partial per team: a confidential round of 3-12 people, random scores.
v1::OrgPartials MakePartials(int teams) {
  std::vector<v1::TeamPartial> out(teams);
  std::mt19937 rng(2026);
  std::uniform_int_distribution<int> size(3, 12), score(0, 4);
  for (int t = 0; t < teams; ++t) {
    v1::TeamPartial* p = &out[t];
    p->set_team_id(absl::StrCat("t", t));
    p->set_journal(absl::StrCat("t", t, ".journal"));
    p->set_round_id("r1");
    p->set_closed_on("2026-05-04");
    p->set_mode(v1::ROUND_MODE_CONFIDENTIAL);
    p->mutable_privacy()->set_min_responses(3);
    p->mutable_privacy()->set_min_distribution(5);
    const int n = size(rng);
    p->set_members(n);
    p->set_respondents(n);
    for (Pillar pillar : kAllPillars) {
      v1::TeamPillarPartial* tp = p->add_pillars();
      tp->set_pillar(ToProto(pillar));
      tp->set_n(n);
      std::array<int, 5> counts = {};
      for (int i = 0; i < n; ++i) ++counts[score(rng)];
      for (int c : counts) tp->add_counts(c);
      tp->set_team_disclosure(n >= 5 ? v1::DISCLOSURE_FULL
                                     : v1::DISCLOSURE_NO_DISTRIBUTION);
    }
    v1::TeamFollowUpPartial* f = p->mutable_follow_up();
    f->set_has_plan(t % 3 != 0);
    f->set_actions_done(t % 3);
    f->set_actions_open(2 - t % 3);
    for (int i = 0; i < 5; ++i) f->add_charter_readiness(0.25 * (t % 5));
  }
  return PartialsFromTeams(std::move(out), Quarter());
}

void BM_OrgRollup(benchmark::State& state) {
  const int teams = static_cast<int>(state.range(0));
  const int regions = static_cast<int>(state.range(1));
  const Org org = *Org::FromProto(MakeOrg(teams, regions));
  const v1::OrgPartials partials = MakePartials(teams);
  int withheld = 0;
  for (auto _ : state) {
    absl::StatusOr<v1::OrgRollup> r = RollUp(org, partials);
    if (!r.ok()) {
      state.SkipWithError(std::string(r.status().message()).c_str());
      return;
    }
    withheld = r->cells_withheld_protecting();
    benchmark::DoNotOptimize(r);
  }
  state.counters["teams"] = teams;
  state.counters["units"] = org.UnitCount();
  state.counters["cells_protecting"] = withheld;
  ReportPeakMemory(state);
}
BENCHMARK(BM_OrgRollup)
    ->Args({10'000, 0})
    ->Args({100'000, 0})
    ->Args({100'000, 4})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

// The decisions alone (merged counts, tiers, complementary suppression),
// without a message per cell: what the pandas pass is compared with. The
// third argument is the number of threads (0: one per core).
void BM_OrgRollupCells(benchmark::State& state) {
  const int teams = static_cast<int>(state.range(0));
  const int regions = static_cast<int>(state.range(1));
  RollupOptions options;
  options.threads = static_cast<int>(state.range(2));
  const Org org = *Org::FromProto(MakeOrg(teams, regions));
  // As a host gets them: bytes parsed into one arena.
  google::protobuf::Arena arena;
  auto* parsed =
      google::protobuf::Arena::CreateMessage<v1::OrgPartials>(&arena);
  parsed->ParseFromString(MakePartials(teams).SerializeAsString());
  const v1::OrgPartials& partials = *parsed;
  for (auto _ : state) {
    absl::StatusOr<OrgRollupCells> r = RollUpCells(org, partials, options);
    if (!r.ok()) {
      state.SkipWithError(std::string(r.status().message()).c_str());
      return;
    }
    benchmark::DoNotOptimize(r);
  }
  state.counters["teams"] = teams;
  ReportPeakMemory(state);
}
BENCHMARK(BM_OrgRollupCells)
    ->Args({10'000, 0, 0})
    ->Args({100'000, 0, 0})
    ->Args({100'000, 0, 1})
    ->Args({100'000, 4, 0})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

// 400 team journals of a year (12 members, four quarterly rounds) as file
// bytes, to partials.
const std::vector<JournalBytes>& TeamJournals() {
  static const auto* journals = [] {
    auto* out = new std::vector<JournalBytes>;
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> score(1, 5);
    for (int t = 0; t < 400; ++t) {
      Journal j = *Journal::Create(absl::StrCat("t", t), "Team");
      for (int m = 0; m < 12; ++m) {
        (void)j.AddMember(absl::StrCat("m", m), "M",
                          absl::CivilDay(2026, 1, 5));
      }
      for (int r = 0; r < 4; ++r) {
        const std::string id = absl::StrCat("r", r);
        (void)j.StartRound(
            j.NewRoundOptions(id, absl::CivilDay(2026, 1 + 3 * r, 12),
                              v1::ROUND_MODE_CONFIDENTIAL));
        for (int m = 0; m < 12; ++m) {
          v1::Response response;
          response.set_member_id(absl::StrCat("m", m));
          for (Pillar p : kAllPillars) {
            v1::PillarScore* s = response.add_scores();
            s->set_pillar(ToProto(p));
            s->set_score(score(rng));
          }
          (void)j.AddResponse(id, response);
        }
        (void)j.CloseRound(id, absl::CivilDay(2026, 1 + 3 * r, 19));
      }
      out->push_back({absl::StrCat("t", t, ".journal"), EncodeJournalFile(j)});
    }
    return out;
  }();
  return *journals;
}

void BM_OrgPartialsOfJournals(benchmark::State& state) {
  const std::vector<JournalBytes>& journals = TeamJournals();
  for (auto _ : state) {
    absl::StatusOr<v1::OrgPartials> p =
        PartialsOf(journals, Quarter(), static_cast<int>(state.range(0)));
    benchmark::DoNotOptimize(p);
  }
  state.counters["journals"] = static_cast<double>(journals.size());
  ReportPeakMemory(state);
}
BENCHMARK(BM_OrgPartialsOfJournals)
    ->Arg(1)
    ->Arg(2)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace fives
