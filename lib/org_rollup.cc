#include "fives/org_rollup.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "fives/cell_suppression.h"
#include "fives/disclosure.h"
#include "fives/org_partial.h"
#include "fives/score_stats.h"
#include "fives/trend.h"

namespace fives {
namespace {

// One cell of one pillar while it is rolled up.
struct Cell {
  ScoreHistogram counts;
  PrivacyThresholds privacy;
  int teams = 0;
  // Who answered the rounds merged here (for differencing between periods).
  int pool = 0;
  v1::Disclosure tier = v1::DISCLOSURE_UNSPECIFIED;
  v1::OrgWithheld withheld = v1::ORG_WITHHELD_NONE;
};

void Stricter(PrivacyThresholds& into, const PrivacyThresholds& other) {
  into.min_responses = std::max(into.min_responses, other.min_responses);
  into.min_distribution =
      std::max(into.min_distribution, other.min_distribution);
}

bool ShowsMean(v1::Disclosure tier) {
  return tier == v1::DISCLOSURE_FULL || tier == v1::DISCLOSURE_NO_DISTRIBUTION;
}

// What one team adds: per pillar its counts (when merged) and thresholds.
struct TeamData {
  const v1::TeamPartial* partial = nullptr;
  PrivacyThresholds privacy;
  std::array<bool, kPillarCount> merged = {};
};

// The rows of the table: the org's units depth first, then per grouping
// its groups. Cell index = row index.
struct Layout {
  int tree = 0;
  std::vector<int> group_grouping;
  std::vector<std::string> group_value;
  std::vector<std::vector<int>> leaf_group;
  // Per row: the team units in it (tree rows: subtree range; groups: list).
  std::vector<std::vector<int>> group_teams;
};

Layout LayOut(const Org& org) {
  Layout layout;
  layout.tree = org.UnitCount();
  int next = layout.tree;
  for (size_t k = 0; k < org.Groupings().size(); ++k) {
    const Org::Grouping& g = org.Groupings()[k];
    std::vector<int> leaf_group(layout.tree, -1);
    const int first = next;
    for (const std::string& value : g.values) {
      layout.group_grouping.push_back(static_cast<int>(k));
      layout.group_value.push_back(value);
      layout.group_teams.emplace_back();
      ++next;
    }
    for (int u = 0; u < layout.tree; ++u) {
      if (org.IsTeam(u)) {
        leaf_group[u] = first + g.group_of_unit[u];
        layout.group_teams[leaf_group[u] - layout.tree].push_back(u);
      } else if (org.SubtreeEnd(u) == u + 1) {
        // A unit without teams below: an empty leaf, in no group.
        leaf_group[u] = -1;
      }
    }
    layout.leaf_group.push_back(std::move(leaf_group));
  }
  return layout;
}

// The teams of the organisation matched with their partials; the errors of
// strict rollups and the exclusions of lenient ones.
absl::StatusOr<std::vector<TeamData>> MatchTeams(
    const Org& org, const v1::OrgPartials& partials, bool strict,
    v1::OrgRollup& out) {
  std::vector<TeamData> teams(org.UnitCount());
  auto exclude = [&](const std::string& journal, const std::string& team_id,
                     std::string reason) {
    v1::OrgExclusion* e = out.add_excluded();
    e->set_journal(journal);
    e->set_team_id(team_id);
    e->set_reason(std::move(reason));
  };
  for (const v1::OrgExclusion& failed : partials.excluded()) {
    if (strict) {
      return absl::InvalidArgumentError(
          absl::StrCat("journal ", failed.journal(), ": ", failed.reason()));
    }
    *out.add_excluded() = failed;
  }
  absl::flat_hash_map<int, std::vector<const v1::TeamPartial*>> by_unit;
  for (const v1::TeamPartial& p : partials.teams()) {
    const int unit = org.TeamUnit(p.team_id());
    if (unit < 0) {
      const std::string reason =
          absl::StrCat("team \"", p.team_id(), "\" is not in the organisation");
      if (strict) {
        return absl::InvalidArgumentError(
            absl::StrCat("journal ", p.journal(), ": ", reason));
      }
      exclude(p.journal(), p.team_id(), reason);
      continue;
    }
    by_unit[unit].push_back(&p);
  }
  for (int u = 0; u < org.UnitCount(); ++u) {
    if (!org.IsTeam(u)) continue;
    const std::string& team_id = org.Unit(u).team_id();
    auto it = by_unit.find(u);
    if (it == by_unit.end()) {
      const std::string reason =
          absl::StrCat("team \"", team_id, "\" (unit \"", org.Unit(u).id(),
                       "\") has no journal");
      if (strict) return absl::InvalidArgumentError(reason);
      exclude("", team_id, reason);
      continue;
    }
    if (it->second.size() > 1) {
      std::vector<std::string> names;
      for (const v1::TeamPartial* p : it->second) names.push_back(p->journal());
      const std::string reason =
          absl::StrCat("team \"", team_id, "\" has ", names.size(),
                       " journals: ", absl::StrJoin(names, ", "));
      if (strict) return absl::InvalidArgumentError(reason);
      exclude(absl::StrJoin(names, ", "), team_id, reason);
      continue;
    }
    const v1::TeamPartial* p = it->second.front();
    if (p->round_id().empty()) {
      exclude(p->journal(), team_id,
              absl::StrCat("team \"", team_id, "\" closed no round between ",
                           partials.period().from(), " and ",
                           partials.period().to()));
      continue;
    }
    TeamData& t = teams[u];
    t.partial = p;
    absl::StatusOr<PrivacyThresholds> privacy =
        PrivacyThresholds::FromProto(p->privacy());
    if (!privacy.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "journal ", p->journal(), ": privacy: ", privacy.status().message()));
    }
    t.privacy = org.privacy();
    Stricter(t.privacy, *privacy);
    if (p->pillars_size() != static_cast<int>(kPillarCount)) {
      return absl::InvalidArgumentError(
          absl::StrCat("journal ", p->journal(),
                       ": pillars: ", p->pillars_size(), " entries, not 5"));
    }
    for (size_t i = 0; i < kPillarCount; ++i) {
      const v1::TeamPillarPartial& pillar = p->pillars(static_cast<int>(i));
      if (pillar.counts_size() == 0) continue;
      std::vector<int64_t> counts(pillar.counts().begin(),
                                  pillar.counts().end());
      absl::StatusOr<ScoreHistogram> h = ScoreHistogram::FromCounts(counts);
      if (!h.ok() || h->n() != pillar.n()) {
        return absl::InvalidArgumentError(absl::StrCat(
            "journal ", p->journal(), ": pillars[", i,
            "].counts: not five counts summing to n ", pillar.n()));
      }
      // A rollup never shows a person's scores: fewer than min_responses
      // are not merged, whatever the round's mode.
      t.merged[i] = pillar.n() >= t.privacy.min_responses;
    }
  }
  return teams;
}

// The number of people who answered both periods' rounds of a team.
int CommonRespondents(const v1::TeamPartial& a, const v1::TeamPartial& b) {
  int common = 0;
  auto i = a.respondent_ids().begin(), j = b.respondent_ids().begin();
  while (i != a.respondent_ids().end() && j != b.respondent_ids().end()) {
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

// The teams (units) of each row.
template <typename Visit>
void ForTeamsOf(const Org& org, const Layout& layout, int row, Visit visit) {
  if (row < layout.tree) {
    for (int u = row; u < org.SubtreeEnd(row); ++u) {
      if (org.IsTeam(u)) visit(u);
    }
  } else {
    for (int u : layout.group_teams[row - layout.tree]) visit(u);
  }
}

// The cells of one pillar, merged and judged, before suppression.
std::vector<Cell> MergeCells(const Org& org, const Layout& layout,
                             const std::vector<TeamData>& teams, size_t p) {
  const int rows = layout.tree + static_cast<int>(layout.group_value.size());
  std::vector<Cell> cells(rows);
  for (Cell& c : cells) c.privacy = org.privacy();
  auto add = [&](Cell& into, const TeamData& t) {
    (void)into.counts.Merge(*ScoreHistogram::FromCounts(std::vector<int64_t>(
        t.partial->pillars(static_cast<int>(p)).counts().begin(),
        t.partial->pillars(static_cast<int>(p)).counts().end())));
    Stricter(into.privacy, t.privacy);
    ++into.teams;
    into.pool += t.partial->respondents();
  };
  // Tree: children after parents, so adding each unit into its parent from
  // the last unit up sums every subtree once.
  for (int u = 0; u < layout.tree; ++u) {
    if (org.IsTeam(u) && teams[u].partial != nullptr && teams[u].merged[p]) {
      add(cells[u], teams[u]);
      for (size_t k = 0; k < layout.leaf_group.size(); ++k) {
        add(cells[layout.leaf_group[k][u]], teams[u]);
      }
    }
  }
  for (int u = layout.tree - 1; u > 0; --u) {
    Cell& parent = cells[org.Parent(u)];
    (void)parent.counts.Merge(cells[u].counts);
    Stricter(parent.privacy, cells[u].privacy);
    parent.teams += cells[u].teams;
    parent.pool += cells[u].pool;
  }
  return cells;
}

}  // namespace

absl::StatusOr<v1::OrgRollup> RollUp(const Org& org,
                                     const v1::OrgPartials& partials,
                                     const RollupOptions& options) {
  absl::StatusOr<OrgPeriodDays> period =
      OrgPeriodDays::FromProto(partials.period());
  if (!period.ok()) return period.status();
  v1::OrgRollup out;
  out.set_org_id(org.proto().id());
  out.set_org_name(org.proto().name());
  *out.mutable_period() = partials.period();
  *out.mutable_privacy() = org.privacy().ToProto();
  absl::StatusOr<std::vector<TeamData>> matched =
      MatchTeams(org, partials, options.strict, out);
  if (!matched.ok()) return matched.status();
  const std::vector<TeamData>& teams = *matched;
  if (std::none_of(teams.begin(), teams.end(),
                   [](const TeamData& t) { return t.partial != nullptr; })) {
    return absl::FailedPreconditionError(absl::StrCat(
        "period: no team of the organisation closed a round between ",
        partials.period().from(), " and ", partials.period().to()));
  }
  const Layout layout = LayOut(org);
  const int rows = layout.tree + static_cast<int>(layout.group_value.size());

  // The earlier period, rolled up on its own as its readers saw it.
  std::optional<v1::OrgRollup> earlier;
  std::vector<TeamData> earlier_teams;
  if (options.earlier != nullptr) {
    RollupOptions lenient;
    lenient.strict = false;
    absl::StatusOr<v1::OrgRollup> e = RollUp(org, *options.earlier, lenient);
    if (!e.ok()) {
      return absl::Status(e.status().code(),
                          absl::StrCat("earlier: ", e.status().message()));
    }
    earlier = *std::move(e);
    v1::OrgRollup scratch;
    earlier_teams = *MatchTeams(org, *options.earlier, false, scratch);
    *out.mutable_earlier() = options.earlier->period();
  }

  std::array<std::vector<Cell>, kPillarCount> all;
  for (size_t p = 0; p < kPillarCount; ++p) {
    std::vector<Cell> cells = MergeCells(org, layout, teams, p);
    // Common respondents with the earlier period, per row.
    std::vector<int> common(rows, 0);
    if (earlier) {
      for (int row = 0; row < rows; ++row) {
        ForTeamsOf(org, layout, row, [&](int u) {
          const TeamData& now = teams[u];
          const TeamData& then = earlier_teams[u];
          if (now.partial && then.partial && now.merged[p] && then.merged[p]) {
            common[row] += CommonRespondents(*then.partial, *now.partial);
          }
        });
      }
    }
    std::vector<bool> primary(rows, false);
    for (int row = 0; row < rows; ++row) {
      Cell& c = cells[row];
      const int64_t n = c.counts.n();
      if (n == 0) continue;
      c.tier = DisclosureTier(v1::ROUND_MODE_CONFIDENTIAL, n, c.privacy);
      if (c.tier != v1::DISCLOSURE_FULL) c.withheld = v1::ORG_WITHHELD_TOO_FEW;
      // A team shows no more than its own report does.
      if (row < layout.tree && org.IsTeam(row)) {
        const v1::Disclosure own =
            teams[row].partial->pillars(static_cast<int>(p)).team_disclosure();
        if (own == v1::DISCLOSURE_HELD_BACK ||
            (own == v1::DISCLOSURE_NO_DISTRIBUTION &&
             c.tier == v1::DISCLOSURE_FULL)) {
          c.tier = own;
          c.withheld = v1::ORG_WITHHELD_TEAM_HELD_BACK;
        }
      }
      if (earlier) {
        const v1::OrgCell& then =
            earlier->rows(row).pillars(static_cast<int>(p));
        const v1::Disclosure seen = then.stats().disclosure();
        PrivacyThresholds both = c.privacy;
        absl::StatusOr<PrivacyThresholds> earlier_privacy =
            PrivacyThresholds::FromProto(earlier->privacy());
        if (earlier_privacy.ok()) Stricter(both, *earlier_privacy);
        const GroupOverlap overlap{earlier->rows(row).respondents(),
                                   then.stats().n(), c.pool,
                                   static_cast<int>(n), common[row]};
        if (ShowsMean(seen) && ShowsMean(c.tier) &&
            CanDifferByFewer(overlap, both.min_responses)) {
          c.tier = v1::DISCLOSURE_HELD_BACK;
          c.withheld = v1::ORG_WITHHELD_DIFFERS_FROM_EARLIER;
        } else if (seen == v1::DISCLOSURE_FULL &&
                   c.tier == v1::DISCLOSURE_FULL &&
                   CanDifferByFewer(overlap, both.min_distribution)) {
          c.tier = v1::DISCLOSURE_NO_DISTRIBUTION;
          c.withheld = v1::ORG_WITHHELD_DIFFERS_FROM_EARLIER;
        }
      }
    }
    // Complementary suppression: the means, then the distributions.
    SuppressionTable table;
    table.parent.resize(layout.tree);
    for (int u = 0; u < layout.tree; ++u) table.parent[u] = org.Parent(u);
    table.group_grouping = layout.group_grouping;
    table.leaf_group = layout.leaf_group;
    table.n.resize(rows);
    for (int row = 0; row < rows; ++row) table.n[row] = cells[row].counts.n();
    table.primary.assign(rows, false);
    for (int row = 0; row < rows; ++row) {
      table.primary[row] = table.n[row] > 0 && !ShowsMean(cells[row].tier);
    }
    const std::vector<bool> hide_mean = ComplementarySuppression(table);
    for (int row = 0; row < rows; ++row) {
      if (hide_mean[row]) {
        cells[row].tier = v1::DISCLOSURE_HELD_BACK;
        cells[row].withheld = v1::ORG_WITHHELD_PROTECTS_ANOTHER;
      }
    }
    table.withheld = hide_mean;
    for (int row = 0; row < rows; ++row) {
      table.primary[row] = table.n[row] > 0 && !hide_mean[row] &&
                           cells[row].tier != v1::DISCLOSURE_FULL;
    }
    const std::vector<bool> hide_distribution = ComplementarySuppression(table);
    for (int row = 0; row < rows; ++row) {
      if (hide_distribution[row]) {
        cells[row].tier = v1::DISCLOSURE_NO_DISTRIBUTION;
        cells[row].withheld = v1::ORG_WITHHELD_PROTECTS_ANOTHER;
      }
    }
    all[p] = std::move(cells);
  }

  // The rows.
  for (int row = 0; row < rows; ++row) {
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
      if (teams[row].partial) r->set_round_id(teams[row].partial->round_id());
    } else {
      const int g = row - layout.tree;
      r->set_kind(v1::ORG_ROW_KIND_GROUP);
      r->set_group_key(org.Groupings()[layout.group_grouping[g]].key);
      r->set_group_value(layout.group_value[g]);
      r->set_name(layout.group_value[g]);
    }
    v1::OrgFollowUp* f = r->mutable_follow_up();
    std::array<double, kPillarCount> readiness = {};
    std::array<int, kPillarCount> ready = {}, focus = {};
    int with_follow_up = 0, on_time = 0;
    ForTeamsOf(org, layout, row, [&](int u) {
      r->set_teams(r->teams() + 1);
      const v1::TeamPartial* p = teams[u].partial;
      if (p == nullptr) return;
      r->set_teams_with_round(r->teams_with_round() + 1);
      r->set_respondents(r->respondents() + p->respondents());
      const v1::TeamFollowUpPartial& t = p->follow_up();
      ++with_follow_up;
      f->set_teams_with_plan(f->teams_with_plan() + t.has_plan());
      f->set_actions_open(f->actions_open() + t.actions_open());
      f->set_actions_overdue(f->actions_overdue() + t.actions_overdue());
      f->set_actions_done(f->actions_done() + t.actions_done());
      f->set_actions_dropped(f->actions_dropped() + t.actions_dropped());
      f->set_teams_check_overdue(f->teams_check_overdue() + t.check_overdue());
      f->set_teams_guardian_rotating(f->teams_guardian_rotating() +
                                     t.guardian_rotating());
      for (size_t i = 0; i < kPillarCount; ++i) {
        const double value = static_cast<int>(i) < t.charter_readiness_size()
                                 ? t.charter_readiness(static_cast<int>(i))
                                 : 0.0;
        readiness[i] += value;
        ready[i] += value >= 1.0;
        focus[i] += t.has_plan() && t.focus() == ToProto(kAllPillars[i]);
      }
      on_time += t.actions_done_on_time();
    });
    const int settled =
        f->actions_done() + f->actions_dropped() + f->actions_overdue();
    if (settled > 0) {
      f->set_completion_rate(static_cast<double>(f->actions_done()) / settled);
    }
    if (f->actions_done() > 0) {
      f->set_on_time_rate(static_cast<double>(on_time) / f->actions_done());
    }
    for (size_t i = 0; i < kPillarCount; ++i) {
      f->add_charter_readiness(
          with_follow_up > 0 ? readiness[i] / with_follow_up : 0.0);
      f->add_teams_charter_ready(ready[i]);
      f->add_teams_focus(focus[i]);
    }
    for (size_t p = 0; p < kPillarCount; ++p) {
      const Cell& c = all[p][row];
      v1::OrgCell* cell = r->add_pillars();
      cell->set_teams(c.teams);
      cell->set_withheld(c.withheld);
      if (c.counts.n() > 0) {
        *cell->mutable_stats() =
            StatsAtTier(kAllPillars[p], ComputeScoreStats(c.counts), c.tier);
      } else {
        // Nothing merged: a team's own n (too few to merge), else none.
        v1::PillarStats* s = cell->mutable_stats();
        s->set_pillar(ToProto(kAllPillars[p]));
        if (row < layout.tree && teams[row].partial != nullptr) {
          const int n = teams[row].partial->pillars(static_cast<int>(p)).n();
          s->set_n(n);
          if (n > 0) {
            s->set_disclosure(v1::DISCLOSURE_TOO_FEW_RESPONSES);
            cell->set_withheld(v1::ORG_WITHHELD_TOO_FEW);
          }
        }
      }
      if (cell->withheld() == v1::ORG_WITHHELD_PROTECTS_ANOTHER) {
        out.set_cells_withheld_protecting(out.cells_withheld_protecting() + 1);
      } else if (cell->withheld() != v1::ORG_WITHHELD_NONE) {
        out.set_cells_withheld_too_few(out.cells_withheld_too_few() + 1);
      }
    }
  }

  // Ranks among the teams whose means are shown.
  for (size_t p = 0; p < kPillarCount; ++p) {
    std::vector<double> means;
    for (const v1::OrgRow& r : out.rows()) {
      const v1::PillarStats& s = r.pillars(static_cast<int>(p)).stats();
      if (r.kind() == v1::ORG_ROW_KIND_TEAM && s.has_mean()) {
        means.push_back(s.mean());
      }
    }
    std::sort(means.begin(), means.end());
    const int ranked = static_cast<int>(means.size());
    for (v1::OrgRow& r : *out.mutable_rows()) {
      v1::OrgCell* cell = r.mutable_pillars(static_cast<int>(p));
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
  for (int p = 0; p < static_cast<int>(kPillarCount); ++p) {
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
  absl::flat_hash_map<std::string, const v1::OrgRow*> earlier;
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
    if (r.pillars_size() != static_cast<int>(kPillarCount) ||
        it->second->pillars_size() != static_cast<int>(kPillarCount)) {
      return absl::InvalidArgumentError(
          absl::StrCat("rows[", i, "].pillars: not five"));
    }
    v1::OrgRowTrend* t = out.add_rows();
    t->set_kind(r.kind());
    t->set_unit_id(r.unit_id());
    t->set_name(r.name());
    t->set_group_key(r.group_key());
    t->set_group_value(r.group_value());
    for (size_t p = 0; p < kPillarCount; ++p) {
      const v1::PillarStats& b =
          it->second->pillars(static_cast<int>(p)).stats();
      const v1::PillarStats& a = r.pillars(static_cast<int>(p)).stats();
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
