#include "fives/org_rollup.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "fives/cell_suppression.h"
#include "fives/disclosure.h"
#include "fives/error_detail.h"
#include "fives/org_partial.h"
#include "fives/score_stats.h"
#include "fives/trend.h"
#include "hash_table.h"
#include "parallel_for.h"

namespace fives {
namespace {

constexpr int kPillars = static_cast<int>(kPillarCount);
// How many steps ahead a loop that reads or writes in another order than
// its own asks for the memory it will touch.
constexpr int kAhead = 16;
// Below this many rows (or teams) a rollup runs on the calling thread.
constexpr int kRowsWorthAThread = 4096;

// What one team adds: its place in the partials, the thresholds its cells
// count with (the larger of the organisation's and its round's), and per
// pillar whether its counts are merged. Its counts stay in the partials'
// columns, read once when the cells are laid out.
struct TeamData {
  // The team's place in the partials' columns; -1: none that counts.
  int index = -1;
  // Where its respondent ids start in partials.respondent_ids.
  int first_id = 0;
  int32_t respondents = 0;
  PrivacyThresholds privacy;
  std::array<bool, kPillarCount> merged = {};
  // What the team's own report shows of each pillar (a v1::Disclosure),
  // in a byte: the rollup of a large organisation reads these for every
  // team, so they are kept small.
  std::array<uint8_t, kPillarCount> own = {};
};

// The rows: the organisation's units depth first (row = unit index), then
// per grouping its groups: the cells of the organisation's suppressor.
struct Layout {
  int tree = 0;
  int rows = 0;
  const SuppressionLayout* cells = nullptr;
  std::vector<std::string> group_value;
};

Layout LayOut(const Org& org) {
  Layout layout;
  layout.tree = org.UnitCount();
  layout.rows = org.CellCount();
  layout.cells = &org.Suppression().layout();
  for (const Org::Grouping& g : org.Groupings()) {
    layout.group_value.insert(layout.group_value.end(), g.values.begin(),
                              g.values.end());
  }
  return layout;
}

// Team `i` of the partials, checked and described in `t`.
absl::Status FillTeam(const Org& org, const v1::OrgPartials& c, int i,
                      int first_id, TeamData& t) {
  absl::Status valid =
      PrivacyThresholds{c.min_responses(i), c.min_distribution(i)}.Validate();
  if (!valid.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("journal ", c.journal(i), ": privacy: ", valid.message()));
  }
  t.index = i;
  t.first_id = first_id;
  t.privacy = org.privacy();
  t.privacy.min_responses =
      std::max(t.privacy.min_responses, c.min_responses(i));
  t.privacy.min_distribution =
      std::max(t.privacy.min_distribution, c.min_distribution(i));
  t.respondents = c.respondents(i);
  const int32_t* counts = c.counts().data() + i * kPillars * kScoreCategories;
  for (int p = 0; p < kPillars; ++p) {
    const int at = i * kPillars + p;
    const int32_t n = c.pillar_n(at);
    t.own[p] = static_cast<uint8_t>(c.team_disclosure(at));
    if (!c.counts_kept(at)) continue;
    int64_t sum = 0;
    bool ok = true;
    for (int k = 0; k < kScoreCategories; ++k) {
      const int32_t count = counts[p * kScoreCategories + k];
      ok = ok && count >= 0;
      sum += count;
    }
    if (!ok || sum != n) {
      return absl::InvalidArgumentError(
          absl::StrCat("journal ", c.journal(i), ": pillar ", p + 1,
                       ": the counts are not five counts summing to n ", n));
    }
    // A rollup never shows a person's scores: fewer than min_responses
    // are not merged, whatever the round's mode.
    t.merged[p] = n >= t.privacy.min_responses;
  }
  return absl::OkStatus();
}

// The teams of the organisation matched with their partials (by unit);
// the errors of strict rollups and the exclusions of lenient ones. The
// columns are read in their own order (each once), so a large set streams
// through the cache.
absl::StatusOr<std::vector<TeamData>> MatchTeams(
    const Org& org, const v1::OrgPartials& partials, bool strict, int threads,
    google::protobuf::RepeatedPtrField<v1::OrgExclusion>& excluded) {
  auto exclude = [&](const std::string& journal, const std::string& team_id,
                     std::string reason) {
    v1::OrgExclusion* e = excluded.Add();
    e->set_journal(journal);
    e->set_team_id(team_id);
    e->set_reason(std::move(reason));
  };
  for (const v1::OrgExclusion& failed : partials.excluded()) {
    if (strict) {
      return absl::InvalidArgumentError(
          absl::StrCat("journal ", failed.journal(), ": ", failed.reason()));
    }
    *excluded.Add() = failed;
  }
  if (absl::Status s = CheckPartialColumns(partials); !s.ok()) return s;
  const int size = partials.team_id_size();
  // Per partial: its unit (-1: none), where its ids start, whether it has a
  // round; per unit: its first partial and how many it has.
  std::vector<int> unit_of(size, -1), first_id(size, 0);
  std::vector<char> has_round(size, 0);
  std::vector<int> first(org.UnitCount(), -1), count(org.UnitCount(), 0);
  int ids = 0;
  // Partials in canonical order are sorted by team id, as TeamsById: a
  // merge of the two, with a lookup only for partials out of order.
  const std::vector<int>& by_id = org.TeamsById();
  const std::vector<std::string>& ids_sorted = org.TeamIdsSorted();
  size_t next = 0;
  const std::string* previous = nullptr;
  for (int i = 0; i < size; ++i) {
    first_id[i] = ids;
    ids += partials.respondent_id_count(i);
    has_round[i] = !partials.round_id(i).empty();
    const std::string& team_id = partials.team_id(i);
    int unit = -1;
    if (previous == nullptr || *previous <= team_id) {
      while (next < by_id.size() && ids_sorted[next] < team_id) ++next;
      if (next < by_id.size() && ids_sorted[next] == team_id) {
        unit = by_id[next];
      }
    } else {
      unit = org.TeamUnit(team_id);
    }
    previous = &team_id;
    if (unit < 0) {
      const std::string reason =
          absl::StrCat("team \"", team_id, "\" is not in the organisation");
      if (strict) {
        return absl::InvalidArgumentError(
            absl::StrCat("journal ", partials.journal(i), ": ", reason));
      }
      exclude(partials.journal(i), team_id, reason);
      continue;
    }
    unit_of[i] = unit;
    if (count[unit]++ == 0) first[unit] = i;
  }
  // The journals of teams that have more than one, in one pass.
  internal::HashMap<int, std::vector<std::string>> journals_of;
  for (int i = 0; i < size; ++i) {
    if (unit_of[i] >= 0 && count[unit_of[i]] > 1) {
      journals_of[unit_of[i]].push_back(partials.journal(i));
    }
  }
  for (int u = 0; u < org.UnitCount(); ++u) {
    if (!org.IsTeam(u) || (count[u] == 1 && has_round[first[u]])) continue;
    const std::string& team_id = org.Unit(u).team_id();
    if (count[u] == 0) {
      const std::string reason =
          absl::StrCat("team \"", team_id, "\" (unit \"", org.Unit(u).id(),
                       "\") has no journal");
      if (strict) return absl::InvalidArgumentError(reason);
      exclude("", team_id, reason);
    } else if (count[u] > 1) {
      std::vector<std::string>& names = journals_of[u];
      std::sort(names.begin(), names.end());
      const std::string reason =
          absl::StrCat("team \"", team_id, "\" has ", names.size(),
                       " journals: ", absl::StrJoin(names, ", "));
      if (strict) return absl::InvalidArgumentError(reason);
      exclude(absl::StrJoin(names, ", "), team_id, reason);
    } else {
      exclude(partials.journal(first[u]), team_id,
              absl::StrCat("team \"", team_id, "\" closed no round between ",
                           partials.period().from(), " and ",
                           partials.period().to()));
    }
  }
  // Each team's partial is checked and described on its own (on several
  // threads for a large set); the first error in the partials' order wins.
  std::vector<TeamData> teams(org.UnitCount());
  const size_t pieces = size >= kRowsWorthAThread ? 8 : 1;
  std::vector<absl::Status> failed(pieces);
  ParallelForRanges(
      size, pieces, threads, [&](size_t piece, size_t begin, size_t end) {
        for (size_t i = begin; i < end; ++i) {
          // Units are in tree order, partials in team id order: ask for the
          // team written a few steps ahead, so the cache misses overlap.
          if (i + kAhead < end && unit_of[i + kAhead] >= 0) {
            __builtin_prefetch(&teams[unit_of[i + kAhead]], 1);
          }
          const int u = unit_of[i];
          if (u < 0 || count[u] != 1 || !has_round[i]) continue;
          absl::Status s = FillTeam(org, partials, static_cast<int>(i),
                                    first_id[i], teams[u]);
          if (!s.ok()) {
            failed[piece] = std::move(s);
            return;
          }
        }
      });
  for (const absl::Status& s : failed) {
    if (!s.ok()) return s;
  }
  return teams;
}

// The number of people who answered both periods' rounds of a team (its
// ids are sorted).
int CommonRespondents(const v1::OrgPartials& a_set, const TeamData& a,
                      const v1::OrgPartials& b_set, const TeamData& b) {
  int common = 0;
  auto i = a_set.respondent_ids().begin() + a.first_id;
  auto j = b_set.respondent_ids().begin() + b.first_id;
  const auto i_end = i + a_set.respondent_id_count(a.index);
  const auto j_end = j + b_set.respondent_id_count(b.index);
  while (i != i_end && j != j_end) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++common, ++i, ++j;
    }
  }
  return common;
}

// Adds each team's figures into its unit, every unit into its parent (from
// the last unit up, so each subtree is summed once) and each team into its
// groups. `add(into, from)` adds row `from` into row `into`.
template <typename Add>
void SumUp(const Org& org, const Layout& layout, Add add) {
  for (int u = layout.tree - 1; u > 0; --u) {
    if (org.IsTeam(u)) {
      for (const std::vector<int>& groups : layout.cells->leaf_group) {
        add(groups[u], u);
      }
    }
    add(org.Parent(u), u);
  }
}

// What every pillar's decisions read.
struct PillarInputs {
  const Org* org = nullptr;
  const Layout* layout = nullptr;
  const Suppressor* suppressor = nullptr;
  // All rows count with the organisation's thresholds.
  bool uniform = true;
  // The earlier period's rollup as its readers saw it, or null.
  const v1::OrgRollup* earlier = nullptr;
};

// Per row of one pillar, while summing: the thresholds (unless uniform),
// who answered, who answered in both periods and who answered the merged
// teams' rounds then (only with an earlier period); per team what its own
// report shows.
struct PillarWork {
  std::vector<int32_t> min_responses, min_distribution;
  std::vector<int32_t> pool, common, earlier_pool;
  std::vector<v1::Disclosure> own;
};

// SumUp for the counts and teams of one pillar, the most frequent sum:
// reverse depth-first order meets a unit after its whole subtree, so the
// children of a unit are added up in registers and written once.
void SumCountsUp(const Org& org, const Layout& layout,
                 OrgRollupCells::PillarCells& cells) {
  std::array<int32_t, kScoreCategories> sum = {};
  int32_t teams = 0;
  int at = -1;
  auto flush = [&] {
    if (at < 0) return;
    for (int k = 0; k < kScoreCategories; ++k) cells.counts[at][k] += sum[k];
    cells.teams[at] += teams;
  };
  for (int u = layout.tree - 1; u > 0; --u) {
    const int parent = org.Parent(u);
    if (parent != at) {
      flush();
      at = parent;
      sum = {};
      teams = 0;
    }
    for (int k = 0; k < kScoreCategories; ++k) sum[k] += cells.counts[u][k];
    teams += cells.teams[u];
  }
  flush();
  for (const std::vector<int>& groups : layout.cells->leaf_group) {
    for (int u = 0; u < layout.tree; ++u) {
      const int g = groups[u];
      if (g < 0) continue;
      for (int k = 0; k < kScoreCategories; ++k) {
        cells.counts[g][k] += cells.counts[u][k];
      }
      cells.teams[g] += cells.teams[u];
    }
  }
}

// One pillar's cells, from the teams' counts laid out in `cells`: summed up
// the tree and into the groups, each given its tier, then complementary
// suppression for the means and for the distributions.
void DecidePillar(const PillarInputs& in, int p, PillarWork& work,
                  OrgRollupCells::PillarCells& cells) {
  const Org& org = *in.org;
  const Layout& layout = *in.layout;
  const int rows = layout.rows;
  const bool with_earlier = in.earlier != nullptr;
  SumCountsUp(org, layout, cells);
  if (!in.uniform) {
    SumUp(org, layout, [&](int into, int from) {
      work.min_responses[into] =
          std::max(work.min_responses[into], work.min_responses[from]);
      work.min_distribution[into] =
          std::max(work.min_distribution[into], work.min_distribution[from]);
    });
  }
  if (with_earlier) {
    SumUp(org, layout, [&](int into, int from) {
      work.pool[into] += work.pool[from];
      work.common[into] += work.common[from];
      work.earlier_pool[into] += work.earlier_pool[from];
    });
  }
  std::vector<int64_t> n(rows, 0);
  std::vector<bool> primary(rows, false);
  for (int row = 0; row < rows; ++row) {
    for (int32_t k : cells.counts[row]) n[row] += k;
    if (n[row] == 0) continue;
    const PrivacyThresholds privacy =
        in.uniform ? org.privacy()
                   : PrivacyThresholds{work.min_responses[row],
                                       work.min_distribution[row]};
    v1::Disclosure& tier = cells.tier[row];
    v1::OrgWithheld& why = cells.withheld[row];
    tier = DisclosureTier(v1::ROUND_MODE_CONFIDENTIAL, n[row], privacy);
    if (tier != v1::DISCLOSURE_FULL) why = v1::ORG_WITHHELD_TOO_FEW;
    // A team shows no more than its own report does.
    if (row < layout.tree && org.IsTeam(row)) {
      const v1::Disclosure own = work.own[row];
      if (own == v1::DISCLOSURE_HELD_BACK ||
          (own == v1::DISCLOSURE_NO_DISTRIBUTION &&
           tier == v1::DISCLOSURE_FULL)) {
        tier = own;
        why = v1::ORG_WITHHELD_TEAM_HELD_BACK;
      }
    }
    if (with_earlier) {
      const v1::OrgCell& then = in.earlier->rows(row).pillars(p);
      const v1::Disclosure seen = then.stats().disclosure();
      const GroupOverlap overlap{work.earlier_pool[row], then.stats().n(),
                                 work.pool[row], static_cast<int>(n[row]),
                                 work.common[row]};
      // The organisation's thresholds, and those of the rounds now.
      if (ShowsMean(seen) && ShowsMean(tier) &&
          CanDifferByFewer(overlap, privacy.min_responses)) {
        tier = v1::DISCLOSURE_HELD_BACK;
        why = v1::ORG_WITHHELD_DIFFERS_FROM_EARLIER;
      } else if (seen == v1::DISCLOSURE_FULL && tier == v1::DISCLOSURE_FULL &&
                 CanDifferByFewer(overlap, privacy.min_distribution)) {
        tier = v1::DISCLOSURE_NO_DISTRIBUTION;
        why = v1::ORG_WITHHELD_DIFFERS_FROM_EARLIER;
      }
    }
  }
  // Complementary suppression: the means, then the distributions.
  for (int row = 0; row < rows; ++row) {
    primary[row] = n[row] > 0 && !ShowsMean(cells.tier[row]);
  }
  const std::vector<bool> hide_mean = in.suppressor->Secondary(n, primary);
  for (int row = 0; row < rows; ++row) {
    if (hide_mean[row]) {
      cells.tier[row] = v1::DISCLOSURE_HELD_BACK;
      cells.withheld[row] = v1::ORG_WITHHELD_PROTECTS_ANOTHER;
    }
    primary[row] =
        n[row] > 0 && !hide_mean[row] && cells.tier[row] != v1::DISCLOSURE_FULL;
  }
  const std::vector<bool> hide_distribution =
      in.suppressor->Secondary(n, primary, hide_mean);
  for (int row = 0; row < rows; ++row) {
    if (hide_distribution[row]) {
      cells.tier[row] = v1::DISCLOSURE_NO_DISTRIBUTION;
      cells.withheld[row] = v1::ORG_WITHHELD_PROTECTS_ANOTHER;
    }
  }
}

// Everything a rollup decides, before it becomes a message.
struct Computed {
  Layout layout;
  std::vector<TeamData> teams;
  OrgRollupCells cells;
  google::protobuf::RepeatedPtrField<v1::OrgExclusion> excluded;
};

// Per row: the people who answered the rounds that count there.
std::vector<int32_t> Respondents(const Org& org, const Layout& layout,
                                 const std::vector<TeamData>& teams) {
  std::vector<int32_t> out(layout.rows, 0);
  for (int u = 0; u < layout.tree; ++u) {
    out[u] = teams[u].respondents;
  }
  SumUp(org, layout, [&](int into, int from) { out[into] += out[from]; });
  return out;
}

absl::StatusOr<Computed> Compute(const Org& org,
                                 const v1::OrgPartials& partials,
                                 const RollupOptions& options,
                                 std::optional<v1::OrgRollup>* earlier_out);

// The earlier period as its readers saw it: rolled up on its own, lenient.
absl::StatusOr<v1::OrgRollup> EarlierRollup(const Org& org,
                                            const v1::OrgPartials& partials) {
  RollupOptions lenient;
  lenient.strict = false;
  absl::StatusOr<v1::OrgRollup> e = RollUp(org, partials, lenient);
  if (!e.ok()) {
    return WithContext(e.status(), "earlier: ");
  }
  return e;
}

absl::StatusOr<Computed> Compute(const Org& org,
                                 const v1::OrgPartials& partials,
                                 const RollupOptions& options,
                                 std::optional<v1::OrgRollup>* earlier_out) {
  if (absl::Status s = OrgPeriodDays::FromProto(partials.period()).status();
      !s.ok()) {
    return s;
  }
  Computed c;
  absl::StatusOr<std::vector<TeamData>> matched =
      MatchTeams(org, partials, options.strict, options.threads, c.excluded);
  if (!matched.ok()) return matched.status();
  c.teams = *std::move(matched);
  if (std::none_of(c.teams.begin(), c.teams.end(),
                   [](const TeamData& t) { return t.index >= 0; })) {
    return absl::FailedPreconditionError(absl::StrCat(
        "period: no team of the organisation closed a round between ",
        partials.period().from(), " and ", partials.period().to()));
  }
  c.layout = LayOut(org);
  const Layout& layout = c.layout;
  const int rows = layout.rows;
  c.cells.rows = rows;

  std::optional<v1::OrgRollup> earlier;
  std::vector<TeamData> earlier_teams;
  if (options.earlier != nullptr) {
    absl::StatusOr<v1::OrgRollup> e = EarlierRollup(org, *options.earlier);
    if (!e.ok()) return e.status();
    earlier = *std::move(e);
    google::protobuf::RepeatedPtrField<v1::OrgExclusion> scratch;
    earlier_teams =
        *MatchTeams(org, *options.earlier, false, options.threads, scratch);
    if (earlier->rows_size() != rows) {
      return absl::InternalError("earlier: a different number of rows");
    }
  }

  // Thresholds differ between rows only where a team's round asks for more
  // than the organisation; who answered matters only against an earlier
  // period. Without either, those sums are left out.
  const bool uniform =
      std::all_of(c.teams.begin(), c.teams.end(), [&](const TeamData& t) {
        return t.index < 0 ||
               (t.privacy.min_responses == org.privacy().min_responses &&
                t.privacy.min_distribution == org.privacy().min_distribution);
      });
  PillarInputs in;
  in.org = &org;
  in.layout = &layout;
  in.uniform = uniform;
  in.earlier = earlier ? &*earlier : nullptr;
  std::array<PillarWork, kPillarCount> work;
  for (int p = 0; p < kPillars; ++p) {
    OrgRollupCells::PillarCells& cells = c.cells.pillars[p];
    cells.counts.assign(rows, {0, 0, 0, 0, 0});
    cells.tier.assign(rows, v1::DISCLOSURE_UNSPECIFIED);
    cells.withheld.assign(rows, v1::ORG_WITHHELD_NONE);
    cells.teams.assign(rows, 0);
    work[p].own.assign(layout.tree, v1::DISCLOSURE_UNSPECIFIED);
    if (!uniform) {
      work[p].min_responses.assign(rows, org.privacy().min_responses);
      work[p].min_distribution.assign(rows, org.privacy().min_distribution);
    }
    if (earlier) {
      work[p].pool.assign(rows, 0);
      work[p].common.assign(rows, 0);
      work[p].earlier_pool.assign(rows, 0);
    }
  }
  // One pass over the teams for all pillars, each team's counts read once
  // (on several threads for a large organisation: each writes its rows).
  const int32_t* counts = partials.counts().data();
  auto lay_out_teams = [&](size_t, size_t begin, size_t end) {
    for (size_t u = begin; u < end; ++u) {
      if (earlier && earlier_teams[u].index >= 0) {
        for (int p = 0; p < kPillars; ++p) {
          if (earlier_teams[u].merged[p]) {
            work[p].earlier_pool[u] = earlier_teams[u].respondents;
          }
        }
      }
      // Partials are in team id order: ask for the counts read a few steps
      // ahead (both cache lines), so the misses overlap.
      if (u + kAhead < end && c.teams[u + kAhead].index >= 0) {
        const int32_t* ahead =
            counts + c.teams[u + kAhead].index * kPillars * kScoreCategories;
        __builtin_prefetch(ahead);
        __builtin_prefetch(ahead + kPillars * kScoreCategories - 1);
      }
      const TeamData& t = c.teams[u];
      if (t.index < 0) continue;
      const int32_t* team_counts =
          counts + t.index * kPillars * kScoreCategories;
      for (int p = 0; p < kPillars; ++p) {
        work[p].own[u] = static_cast<v1::Disclosure>(t.own[p]);
        if (!t.merged[p]) continue;
        OrgRollupCells::PillarCells& cells = c.cells.pillars[p];
        for (int k = 0; k < kScoreCategories; ++k) {
          cells.counts[u][k] = team_counts[p * kScoreCategories + k];
        }
        cells.teams[u] = 1;
        if (!uniform) {
          work[p].min_responses[u] = t.privacy.min_responses;
          work[p].min_distribution[u] = t.privacy.min_distribution;
        }
        if (earlier) {
          work[p].pool[u] = t.respondents;
          if (earlier_teams[u].index >= 0 && earlier_teams[u].merged[p]) {
            work[p].common[u] = CommonRespondents(
                *options.earlier, earlier_teams[u], partials, t);
          }
        }
      }
    }
  };
  ParallelForRanges(layout.tree, layout.tree >= kRowsWorthAThread ? 8 : 1,
                    options.threads, lay_out_teams);
  // The pillars are independent: on up to `threads` threads, when the
  // organisation is large enough to be worth it.
  in.suppressor = &org.Suppression();
  ParallelFor(kPillarCount, rows >= kRowsWorthAThread ? options.threads : 1,
              [&](size_t p) {
                DecidePillar(in, static_cast<int>(p), work[p],
                             c.cells.pillars[p]);
              });
  if (earlier_out != nullptr) *earlier_out = std::move(earlier);
  return c;
}

// The follow-up of the method, summed over the teams of each row.
struct FollowUpSums {
  int teams = 0, with_round = 0, with_plan = 0;
  int open = 0, overdue = 0, done = 0, on_time = 0, dropped = 0;
  int check_overdue = 0, guardian_rotating = 0;
  std::array<double, kPillarCount> readiness = {};
  std::array<int, kPillarCount> ready = {}, focus = {};

  void Add(const FollowUpSums& o) {
    teams += o.teams, with_round += o.with_round, with_plan += o.with_plan;
    open += o.open, overdue += o.overdue, done += o.done;
    on_time += o.on_time, dropped += o.dropped;
    check_overdue += o.check_overdue;
    guardian_rotating += o.guardian_rotating;
    for (int i = 0; i < kPillars; ++i) {
      readiness[i] += o.readiness[i];
      ready[i] += o.ready[i];
      focus[i] += o.focus[i];
    }
  }
};

std::vector<FollowUpSums> SumFollowUp(const Org& org, const Layout& layout,
                                      const v1::OrgPartials& c,
                                      const std::vector<TeamData>& teams) {
  std::vector<FollowUpSums> out(layout.rows);
  for (int u = 0; u < layout.tree; ++u) {
    if (!org.IsTeam(u)) continue;
    FollowUpSums& s = out[u];
    s.teams = 1;
    const int i = teams[u].index;
    if (i < 0) continue;
    s.with_round = 1;
    s.with_plan = c.has_plan(i);
    s.open = c.actions_open(i);
    s.overdue = c.actions_overdue(i);
    s.done = c.actions_done(i);
    s.on_time = c.actions_done_on_time(i);
    s.dropped = c.actions_dropped(i);
    s.check_overdue = c.check_overdue(i);
    s.guardian_rotating = c.guardian_rotating(i);
    for (int p = 0; p < kPillars; ++p) {
      const double r = c.charter_readiness(i * kPillars + p);
      s.readiness[p] = r;
      s.ready[p] = r >= 1.0;
      s.focus[p] = c.has_plan(i) && c.focus(i) == ToProto(kAllPillars[p]);
    }
  }
  SumUp(org, layout, [&](int into, int from) { out[into].Add(out[from]); });
  return out;
}

void FillFollowUp(const FollowUpSums& s, v1::OrgFollowUp& f) {
  f.set_teams_with_plan(s.with_plan);
  f.set_actions_open(s.open);
  f.set_actions_overdue(s.overdue);
  f.set_actions_done(s.done);
  f.set_actions_dropped(s.dropped);
  const int settled = s.done + s.dropped + s.overdue;
  if (settled > 0) {
    f.set_completion_rate(static_cast<double>(s.done) / settled);
  }
  if (s.done > 0) f.set_on_time_rate(static_cast<double>(s.on_time) / s.done);
  f.set_teams_check_overdue(s.check_overdue);
  f.set_teams_guardian_rotating(s.guardian_rotating);
  for (int i = 0; i < kPillars; ++i) {
    f.add_charter_readiness(s.with_round > 0 ? s.readiness[i] / s.with_round
                                             : 0.0);
    f.add_teams_charter_ready(s.ready[i]);
    f.add_teams_focus(s.focus[i]);
  }
}

// Every measure of a histogram; small histograms repeat across teams, so
// their measures are computed once.
class StatsCache {
 public:
  const ScoreStats& Of(const std::array<int32_t, 5>& counts) {
    auto it = cache_.find(counts);
    if (it != cache_.end()) return it->second;
    const std::vector<int64_t> c(counts.begin(), counts.end());
    ScoreStats stats = ComputeScoreStats(*ScoreHistogram::FromCounts(c));
    if (cache_.size() > kMaxEntries) cache_.clear();
    return cache_.emplace(counts, std::move(stats)).first->second;
  }

 private:
  static constexpr size_t kMaxEntries = 1 << 16;
  internal::HashMap<std::array<int32_t, 5>, ScoreStats> cache_;
};

}  // namespace

absl::StatusOr<OrgRollupCells> RollUpCells(const Org& org,
                                           const v1::OrgPartials& partials,
                                           const RollupOptions& options) {
  absl::StatusOr<Computed> c = Compute(org, partials, options, nullptr);
  if (!c.ok()) return c.status();
  return std::move(c->cells);
}

namespace {

// RollUp, also giving the earlier period's rollup it was judged against
// (when options.earlier is set), so a report need not roll that up again.
absl::StatusOr<v1::OrgRollup> RollUpWithEarlier(
    const Org& org, const v1::OrgPartials& partials,
    const RollupOptions& options, std::optional<v1::OrgRollup>* earlier) {
  absl::StatusOr<Computed> computed = Compute(org, partials, options, earlier);
  if (!computed.ok()) return computed.status();
  const Computed& c = *computed;
  const Layout& layout = c.layout;
  v1::OrgRollup out;
  out.set_org_id(org.proto().id());
  out.set_org_name(org.proto().name());
  *out.mutable_period() = partials.period();
  *out.mutable_privacy() = org.privacy().ToProto();
  if (options.earlier != nullptr) {
    *out.mutable_earlier() = options.earlier->period();
  }
  *out.mutable_excluded() = c.excluded;
  const std::vector<FollowUpSums> follow_up =
      SumFollowUp(org, layout, partials, c.teams);
  const std::vector<int32_t> respondents = Respondents(org, layout, c.teams);
  StatsCache stats;
  out.mutable_rows()->Reserve(layout.rows);
  int too_few = 0, protecting = 0;
  for (int row = 0; row < layout.rows; ++row) {
    v1::OrgRow* r = out.add_rows();
    if (row < layout.tree) {
      const v1::OrgUnit& unit = org.Unit(row);
      r->set_kind(org.IsTeam(row) ? v1::ORG_ROW_KIND_TEAM
                                  : v1::ORG_ROW_KIND_UNIT);
      r->set_unit_id(unit.id());
      r->set_name(unit.name());
      r->set_parent(unit.parent());
      r->set_depth(org.Depth(row));
      r->set_team_id(unit.team_id());
      if (c.teams[row].index >= 0) {
        r->set_round_id(partials.round_id(c.teams[row].index));
      }
    } else {
      const int g = row - layout.tree;
      r->set_kind(v1::ORG_ROW_KIND_GROUP);
      r->set_group_key(org.Groupings()[layout.cells->group_grouping[g]].key);
      r->set_group_value(layout.group_value[g]);
      r->set_name(layout.group_value[g]);
    }
    const FollowUpSums& f = follow_up[row];
    r->set_teams(f.teams);
    r->set_teams_with_round(f.with_round);
    r->set_respondents(respondents[row]);
    FillFollowUp(f, *r->mutable_follow_up());
    r->mutable_pillars()->Reserve(kPillars);
    for (int p = 0; p < kPillars; ++p) {
      const OrgRollupCells::PillarCells& cells = c.cells.pillars[p];
      v1::OrgCell* cell = r->add_pillars();
      cell->set_teams(cells.teams[row]);
      cell->set_withheld(cells.withheld[row]);
      if (cells.tier[row] != v1::DISCLOSURE_UNSPECIFIED) {
        *cell->mutable_stats() = StatsAtTier(
            kAllPillars[p], stats.Of(cells.counts[row]), cells.tier[row]);
      } else {
        // Nothing merged: a team's own n (too few to merge), else none.
        v1::PillarStats* s = cell->mutable_stats();
        s->set_pillar(ToProto(kAllPillars[p]));
        if (row < layout.tree && c.teams[row].index >= 0) {
          const int n = partials.pillar_n(c.teams[row].index * kPillars + p);
          s->set_n(n);
          if (n > 0) {
            s->set_disclosure(v1::DISCLOSURE_TOO_FEW_RESPONSES);
            cell->set_withheld(v1::ORG_WITHHELD_TOO_FEW);
          }
        }
      }
      if (cell->withheld() == v1::ORG_WITHHELD_PROTECTS_ANOTHER) {
        ++protecting;
      } else if (cell->withheld() != v1::ORG_WITHHELD_NONE) {
        ++too_few;
      }
    }
  }
  out.set_cells_withheld_too_few(too_few);
  out.set_cells_withheld_protecting(protecting);

  // Ranks among the teams whose means are shown.
  std::vector<double> means;
  for (int p = 0; p < kPillars; ++p) {
    means.clear();
    for (const v1::OrgRow& r : out.rows()) {
      const v1::PillarStats& s = r.pillars(p).stats();
      if (r.kind() == v1::ORG_ROW_KIND_TEAM && s.has_mean()) {
        means.push_back(s.mean());
      }
    }
    std::sort(means.begin(), means.end());
    const int ranked = static_cast<int>(means.size());
    for (v1::OrgRow& r : *out.mutable_rows()) {
      v1::OrgCell* cell = r.mutable_pillars(p);
      if (r.kind() != v1::ORG_ROW_KIND_TEAM || !cell->stats().has_mean()) {
        continue;
      }
      const double mean = cell->stats().mean();
      const int below = static_cast<int>(
          std::lower_bound(means.begin(), means.end(), mean) - means.begin());
      const int above = static_cast<int>(
          means.end() - std::upper_bound(means.begin(), means.end(), mean));
      cell->set_rank(above + 1);
      cell->set_ranked(ranked);
      if (ranked > 1) {
        cell->set_percentile(static_cast<double>(below) / (ranked - 1));
      }
    }
  }

  // The weakest pillar the root shows (ties: the first in pillar order).
  const v1::OrgRow& root = out.rows(0);
  int weakest = -1;
  for (int p = 0; p < kPillars; ++p) {
    const v1::PillarStats& s = root.pillars(p).stats();
    if (s.has_mean() &&
        (weakest < 0 || s.mean() < root.pillars(weakest).stats().mean())) {
      weakest = p;
    }
  }
  if (weakest >= 0) out.set_weakest(ToProto(kAllPillars[weakest]));
  out.set_complete(out.excluded_size() == 0);
  return out;
}

}  // namespace

absl::StatusOr<v1::OrgRollup> RollUp(const Org& org,
                                     const v1::OrgPartials& partials,
                                     const RollupOptions& options) {
  return RollUpWithEarlier(org, partials, options, nullptr);
}

absl::StatusOr<v1::OrgReport> OrgReportOf(const Org& org,
                                          const v1::OrgPartials& partials,
                                          const RollupOptions& options) {
  v1::OrgReport report;
  std::optional<v1::OrgRollup> before;
  absl::StatusOr<v1::OrgRollup> now =
      RollUpWithEarlier(org, partials, options, &before);
  if (!now.ok()) return now.status();
  if (before) {
    absl::StatusOr<v1::OrgTrend> trend = CompareRollups(*before, *now);
    if (!trend.ok()) return trend.status();
    *report.mutable_trend() = *std::move(trend);
  }
  *report.mutable_rollup() = *std::move(now);
  return report;
}

absl::StatusOr<v1::OrgTrend> CompareRollups(const v1::OrgRollup& before,
                                            const v1::OrgRollup& after,
                                            double alpha) {
  if (before.org_id() != after.org_id()) {
    return absl::InvalidArgumentError(
        absl::StrCat("before: organisation \"", before.org_id(),
                     "\", after: \"", after.org_id(), "\""));
  }
  auto key = [](const v1::OrgRow& r) {
    return r.kind() == v1::ORG_ROW_KIND_GROUP
               ? absl::StrCat("g:", r.group_key(), "=", r.group_value())
               : absl::StrCat("u:", r.unit_id());
  };
  internal::HashMap<std::string, const v1::OrgRow*> earlier;
  for (const v1::OrgRow& r : before.rows()) earlier[key(r)] = &r;
  auto counts_of = [](const v1::PillarStats& s) {
    if (s.histogram_size() != kScoreCategories) return ScoreHistogram();
    std::vector<int64_t> c(s.histogram().begin(), s.histogram().end());
    absl::StatusOr<ScoreHistogram> h = ScoreHistogram::FromCounts(c);
    return h.ok() ? *h : ScoreHistogram();
  };
  v1::OrgTrend out;
  *out.mutable_before() = before.period();
  *out.mutable_after() = after.period();
  for (int i = 0; i < after.rows_size(); ++i) {
    const v1::OrgRow& r = after.rows(i);
    auto it = earlier.find(key(r));
    if (it == earlier.end()) continue;
    if (r.pillars_size() != kPillars ||
        it->second->pillars_size() != kPillars) {
      return absl::InvalidArgumentError(
          absl::StrCat("rows[", i, "].pillars: not five"));
    }
    v1::OrgRowTrend* t = out.add_rows();
    t->set_kind(r.kind());
    t->set_unit_id(r.unit_id());
    t->set_name(r.name());
    t->set_group_key(r.group_key());
    t->set_group_value(r.group_value());
    for (int p = 0; p < kPillars; ++p) {
      const v1::PillarStats& b = it->second->pillars(p).stats();
      const v1::PillarStats& a = r.pillars(p).stats();
      absl::StatusOr<v1::PillarTrend> trend = ComparePillar(
          kAllPillars[p], b, counts_of(b), a, counts_of(a), alpha);
      if (!trend.ok()) return trend.status();
      *t->add_pillars() = *std::move(trend);
    }
  }
  out.set_weakest_before(before.weakest());
  if (before.weakest() != v1::PILLAR_UNSPECIFIED && out.rows_size() > 0 &&
      out.rows(0).unit_id() == before.rows(0).unit_id()) {
    // Proto pillars are numbered from 1 in pillar order.
    *out.mutable_weakest_moved() =
        out.rows(0).pillars(static_cast<int>(before.weakest()) - 1);
  }
  return out;
}

}  // namespace fives
