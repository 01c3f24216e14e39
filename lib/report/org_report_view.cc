#include "org_report_view.h"

#include <cmath>
#include <set>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/substitute.h"
#include "fives/pillar.h"
#include "fives/privacy_thresholds.h"
#include "fives/report_text.h"
#include "svg_writer.h"

namespace fives::org_view {
namespace {

using svg::Say;

constexpr absl::string_view kMissing = "–";
constexpr int kPillars = static_cast<int>(kPillarCount);

absl::Status Invalid(absl::string_view field, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", what));
}

bool IsShare(double v) { return std::isfinite(v) && v >= 0 && v <= 1; }

// The pillar of position `i` or unspecified (the rollup may leave it out).
absl::Status CheckPillar(v1::Pillar pillar, int i, absl::string_view field) {
  if (pillar == v1::PILLAR_UNSPECIFIED || pillar == ToProto(kAllPillars[i])) {
    return absl::OkStatus();
  }
  return Invalid(field, absl::StrCat(v1::Pillar_Name(pillar), " at position ",
                                     i, ", expected ",
                                     v1::Pillar_Name(ToProto(kAllPillars[i]))));
}

absl::Status CheckCell(const v1::OrgCell& cell, int i,
                       const std::string& where) {
  const v1::PillarStats& s = cell.stats();
  if (absl::Status st = CheckPillar(s.pillar(), i, where + ".stats.pillar");
      !st.ok()) {
    return st;
  }
  if (s.n() < 0) {
    return Invalid(where + ".stats.n", absl::StrCat(s.n(), " is negative"));
  }
  if (cell.teams() < 0) {
    return Invalid(where + ".teams",
                   absl::StrCat(cell.teams(), " is negative"));
  }
  if (s.n() > 0 && s.disclosure() == v1::DISCLOSURE_UNSPECIFIED) {
    return Invalid(where + ".stats.disclosure",
                   absl::StrCat("unspecified for a cell with n = ", s.n()));
  }
  if (!v1::Disclosure_IsValid(s.disclosure())) {
    return Invalid(where + ".stats.disclosure",
                   absl::StrCat(s.disclosure(), " is not a disclosure"));
  }
  if (!v1::OrgWithheld_IsValid(cell.withheld())) {
    return Invalid(where + ".withheld",
                   absl::StrCat(cell.withheld(), " is not a reason"));
  }
  if (s.has_mean() &&
      !(std::isfinite(s.mean()) && s.mean() >= 1 && s.mean() <= 5)) {
    return Invalid(where + ".stats.mean",
                   absl::StrCat(s.mean(), " is outside the scale 1..5"));
  }
  if (cell.has_percentile() && !IsShare(cell.percentile())) {
    return Invalid(where + ".percentile",
                   absl::StrCat(cell.percentile(), " is outside 0..1"));
  }
  if (cell.has_rank() != cell.has_ranked() ||
      (cell.has_rank() && (cell.rank() < 1 || cell.rank() > cell.ranked()))) {
    return Invalid(
        where + ".rank",
        absl::StrCat(cell.rank(), " of ", cell.ranked(), " is not a place"));
  }
  return absl::OkStatus();
}

absl::Status CheckFollowUp(const v1::OrgFollowUp& f, const std::string& where) {
  for (const auto& [name, value] :
       {std::pair{"teams_with_plan", f.teams_with_plan()},
        std::pair{"actions_open", f.actions_open()},
        std::pair{"actions_overdue", f.actions_overdue()},
        std::pair{"actions_done", f.actions_done()},
        std::pair{"actions_dropped", f.actions_dropped()},
        std::pair{"teams_check_overdue", f.teams_check_overdue()},
        std::pair{"teams_guardian_rotating", f.teams_guardian_rotating()}}) {
    if (value < 0) {
      return Invalid(absl::StrCat(where, ".", name),
                     absl::StrCat(value, " is negative"));
    }
  }
  if (f.has_completion_rate() && !IsShare(f.completion_rate())) {
    return Invalid(where + ".completion_rate",
                   absl::StrCat(f.completion_rate(), " is outside 0..1"));
  }
  if (f.has_on_time_rate() && !IsShare(f.on_time_rate())) {
    return Invalid(where + ".on_time_rate",
                   absl::StrCat(f.on_time_rate(), " is outside 0..1"));
  }
  for (const auto& [name, size] :
       {std::pair{"charter_readiness", f.charter_readiness_size()},
        std::pair{"teams_charter_ready", f.teams_charter_ready_size()},
        std::pair{"teams_focus", f.teams_focus_size()}}) {
    if (size != 0 && size != kPillars) {
      return Invalid(absl::StrCat(where, ".", name),
                     absl::StrCat(size, " entries, expected 0 or 5"));
    }
  }
  for (int i = 0; i < f.charter_readiness_size(); ++i) {
    if (!IsShare(f.charter_readiness(i))) {
      return Invalid(absl::StrCat(where, ".charter_readiness[", i, "]"),
                     absl::StrCat(f.charter_readiness(i), " is outside 0..1"));
    }
  }
  return absl::OkStatus();
}

absl::Status CheckKind(v1::OrgRowKind kind, const std::string& where) {
  if (kind == v1::ORG_ROW_KIND_UNIT || kind == v1::ORG_ROW_KIND_TEAM ||
      kind == v1::ORG_ROW_KIND_GROUP) {
    return absl::OkStatus();
  }
  return Invalid(where + ".kind", absl::StrCat(kind, " is not a row kind"));
}

PrivacyThresholds ThresholdsOf(const v1::PrivacyThresholds& proto) {
  return PrivacyThresholds::FromProto(proto).value_or(PrivacyThresholds{});
}

std::string GroupName(absl::string_view key, absl::string_view value,
                      Language lang) {
  return absl::StrCat(key, ": ",
                      value.empty() ? Say("org_group_no_value", lang) : value);
}

std::vector<std::string> PillarHeader(Language lang) {
  std::vector<std::string> header;
  for (Pillar p : kAllPillars) header.push_back(PillarName(p, lang));
  return header;
}

Row RowOf(const v1::OrgRow& row, Language lang) {
  Row r;
  r.name = RowName(row, lang);
  r.depth = RowDepth(row);
  r.kind = row.kind();
  return r;
}

std::string Count(int value) { return absl::StrCat(value); }

// A mean beside a change: two decimals, so that the change reads as their
// difference ("3,04 → 3,15 (+0,11)", where one decimal would show "3,0 →
// 3,2 (+0,1)").
std::string ChangeMean(double mean, Language lang) {
  return FormatDecimal(mean, 2, lang);
}

std::string Share(bool has, double value) {
  return has ? FormatPercent(value) : std::string(kMissing);
}

}  // namespace

absl::Status Validate(const v1::OrgRollup& rollup, const v1::OrgTrend* trend) {
  for (int r = 0; r < rollup.rows_size(); ++r) {
    const v1::OrgRow& row = rollup.rows(r);
    const std::string where = absl::StrCat("rollup.rows[", r, "]");
    if (absl::Status s = CheckKind(row.kind(), where); !s.ok()) return s;
    if (row.pillars_size() != kPillars) {
      return Invalid(where + ".pillars",
                     absl::StrCat(row.pillars_size(), " cells, expected 5"));
    }
    if (row.depth() < 0) {
      return Invalid(where + ".depth",
                     absl::StrCat(row.depth(), " is negative"));
    }
    for (const auto& [name, value] :
         {std::pair{"teams", row.teams()},
          std::pair{"teams_with_round", row.teams_with_round()},
          std::pair{"respondents", row.respondents()}}) {
      if (value < 0) {
        return Invalid(absl::StrCat(where, ".", name),
                       absl::StrCat(value, " is negative"));
      }
    }
    for (int i = 0; i < kPillars; ++i) {
      if (absl::Status s = CheckCell(row.pillars(i), i,
                                     absl::StrCat(where, ".pillars[", i, "]"));
          !s.ok()) {
        return s;
      }
    }
    if (absl::Status s = CheckFollowUp(row.follow_up(), where + ".follow_up");
        !s.ok()) {
      return s;
    }
  }
  if (rollup.weakest() != v1::PILLAR_UNSPECIFIED &&
      !IsValidPillar(rollup.weakest())) {
    return Invalid("rollup.weakest",
                   absl::StrCat(rollup.weakest(), " is not a pillar"));
  }
  if (trend == nullptr) return absl::OkStatus();
  for (int r = 0; r < trend->rows_size(); ++r) {
    const v1::OrgRowTrend& row = trend->rows(r);
    const std::string where = absl::StrCat("trend.rows[", r, "]");
    if (absl::Status s = CheckKind(row.kind(), where); !s.ok()) return s;
    if (row.pillars_size() != kPillars) {
      return Invalid(where + ".pillars",
                     absl::StrCat(row.pillars_size(), " trends, expected 5"));
    }
    for (int i = 0; i < kPillars; ++i) {
      if (absl::Status s =
              CheckPillar(row.pillars(i).pillar(), i,
                          absl::StrCat(where, ".pillars[", i, "].pillar"));
          !s.ok()) {
        return s;
      }
    }
  }
  if (trend->weakest_before() != v1::PILLAR_UNSPECIFIED &&
      !IsValidPillar(trend->weakest_before())) {
    return Invalid("trend.weakest_before",
                   absl::StrCat(trend->weakest_before(), " is not a pillar"));
  }
  return absl::OkStatus();
}

std::string RowName(const v1::OrgRow& row, Language lang) {
  if (row.kind() == v1::ORG_ROW_KIND_GROUP) {
    return GroupName(row.group_key(), row.group_value(), lang);
  }
  return row.name().empty() ? row.unit_id() : row.name();
}

int RowDepth(const v1::OrgRow& row) {
  return row.kind() == v1::ORG_ROW_KIND_GROUP ? 0 : row.depth();
}

CellView ViewOf(const v1::OrgCell& cell) {
  const v1::PillarStats& s = cell.stats();
  CellView v;
  v.n = s.n();
  if (s.n() == 0) return v;
  const bool mean_shown = s.disclosure() == v1::DISCLOSURE_FULL ||
                          s.disclosure() == v1::DISCLOSURE_NO_DISTRIBUTION;
  if (mean_shown && s.has_mean()) v.mean = s.mean();
  if (s.disclosure() == v1::DISCLOSURE_FULL && v.mean &&
      s.label() != v1::AGREEMENT_LABEL_UNSPECIFIED) {
    v.label = s.label();
  }
  // Everything shown: no reason to give.
  if (s.disclosure() == v1::DISCLOSURE_FULL && v.mean) return v;
  v.withheld = cell.withheld();
  // Whatever is not shown says why, even when the rollup gave no reason:
  // the team's own report held it back, or too few answered.
  if (v.withheld == v1::ORG_WITHHELD_NONE) {
    v.withheld = s.disclosure() == v1::DISCLOSURE_HELD_BACK
                     ? v1::ORG_WITHHELD_TEAM_HELD_BACK
                     : v1::ORG_WITHHELD_TOO_FEW;
  }
  return v;
}

std::string MeanText(double mean, Language lang) {
  return FormatDecimal(mean, 1, lang);
}

std::string CountText(int n, Language lang) {
  return Say("svg_n", lang, absl::StrCat(n));
}

std::string WithheldWord(v1::OrgWithheld reason, Language lang) {
  switch (reason) {
    case v1::ORG_WITHHELD_TOO_FEW:
      return Say("org_withheld_too_few", lang);
    case v1::ORG_WITHHELD_PROTECTS_ANOTHER:
      return Say("org_withheld_protects", lang);
    case v1::ORG_WITHHELD_TEAM_HELD_BACK:
      return Say("org_withheld_team", lang);
    case v1::ORG_WITHHELD_DIFFERS_FROM_EARLIER:
      return Say("org_withheld_earlier", lang);
    default:
      return "";
  }
}

std::string WithheldLegend(v1::OrgWithheld reason,
                           const v1::PrivacyThresholds& thresholds,
                           Language lang) {
  switch (reason) {
    case v1::ORG_WITHHELD_TOO_FEW: {
      // The two tiers in the words of every other report.
      v1::PillarStats too_few, mean_only;
      too_few.set_disclosure(v1::DISCLOSURE_TOO_FEW_RESPONSES);
      mean_only.set_disclosure(v1::DISCLOSURE_NO_DISTRIBUTION);
      const v1::PrivacyThresholds t = ThresholdsOf(thresholds).ToProto();
      return Say("org_legend_too_few", lang, DisclosureNote(too_few, t, lang),
                 DisclosureNote(mean_only, t, lang));
    }
    case v1::ORG_WITHHELD_PROTECTS_ANOTHER:
      return Say("org_legend_protects", lang);
    case v1::ORG_WITHHELD_TEAM_HELD_BACK:
      return Say("org_legend_team", lang);
    case v1::ORG_WITHHELD_DIFFERS_FROM_EARLIER:
      return Say("org_legend_earlier", lang);
    default:
      return "";
  }
}

std::string LabelLegend(v1::AgreementLabel label, Language lang) {
  switch (label) {
    case v1::AGREEMENT_LABEL_SHARED:
      return Say("org_legend_shared", lang);
    case v1::AGREEMENT_LABEL_MIXED:
      return Say("org_legend_mixed", lang);
    case v1::AGREEMENT_LABEL_SPLIT:
      return Say("org_legend_split", lang);
    default:
      return Say("org_legend_single", lang);
  }
}

std::string CellText(const CellView& v, Language lang) {
  if (v.n == 0) return std::string(kMissing);
  std::vector<std::string> parts;
  if (v.mean) parts.push_back(MeanText(*v.mean, lang));
  parts.push_back(CountText(v.n, lang));
  if (v.label) {
    parts.emplace_back(LabelText(*v.label, lang));
  } else if (v.withheld != v1::ORG_WITHHELD_NONE) {
    parts.push_back(WithheldWord(v.withheld, lang));
  }
  return absl::StrJoin(parts, kPartSeparator);
}

std::string PeriodText(const v1::OrgPeriod& period, Language lang) {
  return Say("org_period_range", lang, FormatLongDate(period.from(), lang),
             FormatLongDate(period.to(), lang));
}

std::vector<std::string> HeaderLines(const v1::OrgRollup& rollup,
                                     Language lang) {
  std::vector<std::string> lines = {
      Say("org_period", lang, PeriodText(rollup.period(), lang))};
  if (rollup.has_earlier()) {
    lines.push_back(
        Say("org_earlier", lang, PeriodText(rollup.earlier(), lang)));
  }
  const PrivacyThresholds t = ThresholdsOf(rollup.privacy());
  lines.push_back(Say("org_thresholds", lang, absl::StrCat(t.min_responses),
                      absl::StrCat(t.min_distribution)));
  lines.push_back(
      Say(rollup.complete() ? "org_complete" : "org_incomplete", lang));
  lines.push_back(Say("org_cells_withheld", lang,
                      absl::StrCat(rollup.cells_withheld_too_few()),
                      absl::StrCat(rollup.cells_withheld_protecting())));
  lines.push_back(WeakestText(rollup, lang));
  return lines;
}

std::string WeakestText(const v1::OrgRollup& rollup, Language lang) {
  if (!IsValidPillar(rollup.weakest())) return Say("org_weakest_none", lang);
  return Say("org_weakest", lang,
             PillarName(*PillarFromProto(rollup.weakest()), lang));
}

std::vector<std::string> ExcludedLines(const v1::OrgRollup& rollup,
                                       Language lang) {
  std::vector<std::string> lines;
  for (const v1::OrgExclusion& e : rollup.excluded()) {
    lines.push_back(Say(
        "org_excluded_line", lang,
        e.journal().empty() ? std::string(kMissing) : e.journal(),
        e.team_id().empty() ? std::string(kMissing) : e.team_id(), e.reason()));
  }
  return lines;
}

std::string TeamsWithoutRound(const v1::OrgRollup& rollup, Language lang) {
  std::vector<std::string> names;
  for (const v1::OrgRow& row : rollup.rows()) {
    if (row.kind() == v1::ORG_ROW_KIND_TEAM && row.round_id().empty()) {
      names.push_back(RowName(row, lang));
    }
  }
  if (names.empty()) return "";
  return Say("org_no_round", lang, absl::StrCat(names.size()),
             absl::StrJoin(names, ", "));
}

std::vector<std::string> ScoresLegend(const v1::OrgRollup& rollup,
                                      Language lang) {
  std::set<int> reasons, labels;
  for (const v1::OrgRow& row : rollup.rows()) {
    for (const v1::OrgCell& cell : row.pillars()) {
      const CellView v = ViewOf(cell);
      if (v.withheld != v1::ORG_WITHHELD_NONE) reasons.insert(v.withheld);
      if (v.label) labels.insert(*v.label);
    }
  }
  std::vector<std::string> lines;
  for (int reason : reasons) {
    lines.push_back(WithheldLegend(static_cast<v1::OrgWithheld>(reason),
                                   rollup.privacy(), lang));
  }
  // The method's order of the labels: shared, mixed, split, single.
  for (v1::AgreementLabel label :
       {v1::AGREEMENT_LABEL_SHARED, v1::AGREEMENT_LABEL_MIXED,
        v1::AGREEMENT_LABEL_SPLIT, v1::AGREEMENT_LABEL_SINGLE}) {
    if (labels.count(label) > 0) lines.push_back(LabelLegend(label, lang));
  }
  return lines;
}

Table ScoresTable(const v1::OrgRollup& rollup, Language lang) {
  Table t;
  t.heading = Say("org_scores_heading", lang);
  t.explained = Say("org_scores_explained", lang);
  t.header = {Say("org_col_unit", lang), Say("org_col_teams", lang),
              Say("org_col_teams_with_round", lang),
              Say("org_col_respondents", lang)};
  t.numeric = {true, true, true};
  for (std::string& name : PillarHeader(lang)) {
    t.header.push_back(std::move(name));
    t.numeric.push_back(false);
  }
  for (const v1::OrgRow& row : rollup.rows()) {
    Row r = RowOf(row, lang);
    r.cells = {Count(row.teams()), Count(row.teams_with_round()),
               Count(row.respondents())};
    r.muted = {false, false, false};
    for (const v1::OrgCell& cell : row.pillars()) {
      const CellView v = ViewOf(cell);
      r.cells.push_back(CellText(v, lang));
      r.muted.push_back(v.n > 0 && !v.mean);
    }
    t.rows.push_back(std::move(r));
  }
  return t;
}

Table RankTable(const v1::OrgRollup& rollup, Language lang) {
  Table t;
  t.heading = Say("org_rank_heading", lang);
  t.explained = Say("org_rank_explained", lang);
  t.header = {Say("org_col_unit", lang)};
  for (std::string& name : PillarHeader(lang)) {
    t.header.push_back(std::move(name));
    t.numeric.push_back(false);
  }
  for (const v1::OrgRow& row : rollup.rows()) {
    if (row.kind() != v1::ORG_ROW_KIND_TEAM) continue;
    Row r = RowOf(row, lang);
    bool any = false;
    for (const v1::OrgCell& cell : row.pillars()) {
      if (!cell.has_rank()) {
        r.cells.emplace_back(kMissing);
        continue;
      }
      any = true;
      std::string text = Say("org_rank", lang, absl::StrCat(cell.rank()),
                             absl::StrCat(cell.ranked()));
      if (cell.has_percentile()) {
        absl::StrAppend(
            &text, kPartSeparator,
            Say("org_percentile", lang, FormatPercent(cell.percentile())));
      }
      r.cells.push_back(std::move(text));
    }
    if (any) t.rows.push_back(std::move(r));
  }
  return t;
}

Table FollowUpTable(const v1::OrgRollup& rollup, Language lang) {
  Table t;
  t.heading = Say("org_follow_up_heading", lang);
  t.explained = Say("org_follow_up_explained", lang);
  t.header = {
      Say("org_col_unit", lang),      Say("org_col_teams", lang),
      Say("org_col_with_plan", lang), Say("follow_up_open", lang),
      Say("follow_up_overdue", lang), Say("org_col_done", lang),
      Say("org_col_dropped", lang),   Say("org_col_completion", lang),
      Say("org_col_on_time", lang),   Say("org_col_check_overdue", lang),
      Say("org_col_guardian", lang)};
  t.numeric = std::vector<bool>(t.header.size() - 1, true);
  for (const v1::OrgRow& row : rollup.rows()) {
    const v1::OrgFollowUp& f = row.follow_up();
    Row r = RowOf(row, lang);
    r.cells = {Count(row.teams()),
               Count(f.teams_with_plan()),
               Count(f.actions_open()),
               Count(f.actions_overdue()),
               Count(f.actions_done()),
               Count(f.actions_dropped()),
               Share(f.has_completion_rate(), f.completion_rate()),
               Share(f.has_on_time_rate(), f.on_time_rate()),
               Count(f.teams_check_overdue()),
               Count(f.teams_guardian_rotating())};
    t.rows.push_back(std::move(r));
  }
  return t;
}

Table CharterTable(const v1::OrgRollup& rollup, Language lang) {
  Table t;
  t.heading = Say("org_charter_heading", lang);
  t.explained = Say("org_charter_explained", lang);
  t.header = {Say("org_col_unit", lang)};
  for (std::string& name : PillarHeader(lang)) {
    t.header.push_back(std::move(name));
    t.numeric.push_back(false);
  }
  for (const v1::OrgRow& row : rollup.rows()) {
    const v1::OrgFollowUp& f = row.follow_up();
    Row r = RowOf(row, lang);
    const bool none = f.charter_readiness_size() == 0 &&
                      f.teams_charter_ready_size() == 0 &&
                      f.teams_focus_size() == 0;
    for (int i = 0; i < kPillars; ++i) {
      if (none) {
        r.cells.emplace_back(kMissing);
        continue;
      }
      const bool ready = f.charter_readiness_size() == kPillars;
      r.cells.push_back(absl::StrCat(
          Say("org_charter_in_place", lang,
              Share(ready, ready ? f.charter_readiness(i) : 0)),
          kPartSeparator,
          Say("org_charter_complete", lang,
              f.teams_charter_ready_size() == kPillars
                  ? Count(f.teams_charter_ready(i))
                  : std::string(kMissing)),
          kPartSeparator,
          Say("org_charter_focus", lang,
              f.teams_focus_size() == kPillars ? Count(f.teams_focus(i))
                                               : std::string(kMissing))));
    }
    t.rows.push_back(std::move(r));
  }
  return t;
}

Table TrendTable(const v1::OrgRollup& rollup, const v1::OrgTrend& trend,
                 Language lang) {
  Table t;
  t.heading = Say("org_trend_heading", lang);
  t.explained = Say("org_trend_explained", lang);
  t.header = {Say("org_col_unit", lang)};
  for (std::string& name : PillarHeader(lang)) {
    t.header.push_back(std::move(name));
    t.numeric.push_back(false);
  }
  for (const v1::OrgRowTrend& row : trend.rows()) {
    Row r;
    r.kind = row.kind();
    if (row.kind() == v1::ORG_ROW_KIND_GROUP) {
      r.name = GroupName(row.group_key(), row.group_value(), lang);
    } else {
      r.name = row.name().empty() ? row.unit_id() : row.name();
      for (const v1::OrgRow& same : rollup.rows()) {
        if (same.kind() != v1::ORG_ROW_KIND_GROUP &&
            same.unit_id() == row.unit_id()) {
          r.depth = same.depth();
          break;
        }
      }
    }
    for (const v1::PillarTrend& p : row.pillars()) {
      std::string cell;
      if (p.has_mean_before() || p.has_mean_after()) {
        cell =
            absl::StrCat(p.has_mean_before() ? ChangeMean(p.mean_before(), lang)
                                             : std::string(kMissing),
                         " → ",
                         p.has_mean_after() ? ChangeMean(p.mean_after(), lang)
                                            : std::string(kMissing));
        if (p.has_mean_change()) {
          absl::StrAppend(&cell, " (",
                          FormatSignedDecimal(p.mean_change(), 2, lang), ")");
        }
        absl::StrAppend(&cell, kPartSeparator);
      }
      absl::StrAppend(&cell, VerdictWord(p, lang));
      r.cells.push_back(std::move(cell));
    }
    t.rows.push_back(std::move(r));
  }
  return t;
}

std::vector<std::string> TrendLines(const v1::OrgTrend& trend, Language lang) {
  const std::string before = PeriodText(trend.before(), lang);
  const std::string after = PeriodText(trend.after(), lang);
  std::vector<std::string> lines = {
      Say("org_trend_periods", lang, before, after)};
  if (!IsValidPillar(trend.weakest_before())) {
    lines.push_back(Say("org_weakest_before_none", lang));
    return lines;
  }
  const v1::PillarTrend& moved = trend.weakest_moved();
  std::string verdict = moved.verdict() == v1::TREND_VERDICT_NOT_ENOUGH_DATA
                            ? PeriodComparisonNote(moved, before, after, lang)
                            : VerdictText(moved, lang);
  if (moved.has_mean_before() && moved.has_mean_after() &&
      moved.has_mean_change()) {
    absl::StrAppend(
        &verdict, "; ",
        Say("verdict_means", lang, ChangeMean(moved.mean_before(), lang),
            ChangeMean(moved.mean_after(), lang),
            FormatSignedDecimal(moved.mean_change(), 2, lang)));
  }
  lines.push_back(
      Say("org_weakest_moved", lang,
          PillarName(*PillarFromProto(trend.weakest_before()), lang), verdict));
  return lines;
}

std::vector<std::string> TrendLegend(const v1::OrgTrend& trend, Language lang) {
  // The level of the test: the same for every pillar of a comparison.
  double alpha = trend.weakest_moved().alpha();
  for (const v1::OrgRowTrend& row : trend.rows()) {
    for (const v1::PillarTrend& p : row.pillars()) {
      if (alpha <= 0) alpha = p.alpha();
    }
  }
  const std::string a = FormatDecimal(alpha > 0 ? alpha : 0.05, 2, lang);
  return {Say("verdict_improved", lang, a), Say("verdict_declined", lang, a),
          Say("org_legend_too_small", lang, a),
          Say("org_legend_no_verdict", lang), Say("org_legend_p", lang)};
}

}  // namespace fives::org_view
