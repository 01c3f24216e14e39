// Internal: what the organisation view shows, shared by its renderers
// (org_report_text.cc, org_report_html.cc, org_heatmap_svg.cc). The check
// of a rollup for drawing, what each cell may show, and every table and
// line as plain, unescaped text in one language; each renderer only lays
// them out. Not part of the public API.
#ifndef FIVES_LIB_ORG_REPORT_VIEW_H_
#define FIVES_LIB_ORG_REPORT_VIEW_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "fives/catalog.h"
#include "fives/v1/org.pb.h"

namespace fives::org_view {

// InvalidArgument naming the row and the field ("rollup.rows[3].pillars: 4
// cells, expected 5"): a row of an unknown kind, without five pillar cells,
// with a pillar out of order, a negative count or depth, a mean shown
// outside 1..5, a cell with answers and no disclosure, a share outside
// 0..1, per-pillar follow-up lists that are neither empty nor five long.
// The same for the trend's rows when `trend` is not null.
absl::Status Validate(const v1::OrgRollup& rollup, const v1::OrgTrend* trend);

// The name of a row: a unit's or team's name (its id when unnamed), a
// group's "key: value".
std::string RowName(const v1::OrgRow& row, Language language);
// Units and teams: their depth in the tree; groups: 0.
int RowDepth(const v1::OrgRow& row);

// What one cell shows, as the rollup released it: a mean only where the
// disclosure shows it, the label only with the full distribution, and the
// reason for whatever is not shown.
struct CellView {
  int n = 0;
  std::optional<double> mean;
  std::optional<v1::AgreementLabel> label;
  // NONE when everything is shown (or the cell is empty).
  v1::OrgWithheld withheld = v1::ORG_WITHHELD_NONE;
};
CellView ViewOf(const v1::OrgCell& cell);

// A mean with one decimal in the language ("3,4").
std::string MeanText(double mean, Language language);
// "n = 12".
std::string CountText(int n, Language language);
// The short word of a reason ("too few") and its sentence for the legend.
std::string WithheldWord(v1::OrgWithheld reason, Language language);
std::string WithheldLegend(v1::OrgWithheld reason,
                           const v1::PrivacyThresholds& thresholds,
                           Language language);
// The sentence for the legend of an agreement label ("split: the scores
// fall into two camps, high and low").
std::string LabelLegend(v1::AgreementLabel label, Language language);

// Between the parts of a cell ("3,4 · n = 12 · gedeeld"): a renderer may
// break a cell's line here, and only here.
inline constexpr absl::string_view kPartSeparator = " · ";

// A cell in words: "3,4 · n = 12 · gedeeld", "n = 2 · te weinig", "–".
std::string CellText(const CellView& view, Language language);

// "1 January 2026 to 30 June 2026".
std::string PeriodText(const v1::OrgPeriod& period, Language language);

// The lines under the title: the period, the earlier period it was set
// beside, the thresholds, whether it is complete, the cells withheld and
// the weakest pillar.
std::vector<std::string> HeaderLines(const v1::OrgRollup& rollup,
                                     Language language);
// The last of them: the weakest pillar, or that there is none.
std::string WeakestText(const v1::OrgRollup& rollup, Language language);
// Journals and teams left out, one line each.
std::vector<std::string> ExcludedLines(const v1::OrgRollup& rollup,
                                       Language language);
// The teams without a round in the period, on one line however many:
// "Teams without a round in this period (2): MT Gamma, MT Delta"; empty
// when every team has one.
std::string TeamsWithoutRound(const v1::OrgRollup& rollup, Language language);

// The legend of the scores: the reasons that occur, then the labels that
// occur, each a sentence.
std::vector<std::string> ScoresLegend(const v1::OrgRollup& rollup,
                                      Language language);

// A table as text: a header, then rows in the rollup's order. Cell 0 of a
// row is its name; renderers indent it by `depth` and mark teams. Group
// rows follow the tree; renderers put the heading `groups` before them.
struct Row {
  std::string name;
  int depth = 0;
  v1::OrgRowKind kind = v1::ORG_ROW_KIND_UNIT;
  std::vector<std::string> cells;
  // Per cell: it is withheld, showing n at most, for renderers that set
  // such cells apart.
  std::vector<bool> muted;
};
struct Table {
  std::string heading;
  // One sentence on what the cells hold.
  std::string explained;
  std::vector<std::string> header;
  // Per column after the name: right-aligned numbers.
  std::vector<bool> numeric;
  std::vector<Row> rows;
};

// Teams, teams with a round, people who answered, then each pillar's cell.
Table ScoresTable(const v1::OrgRollup& rollup, Language language);
// Team rows with a place among the teams on some pillar: "place 2 of 9 ·
// above 75% of the teams". No rows when no team has a place.
Table RankTable(const v1::OrgRollup& rollup, Language language);
// Plans, actions by status, rates, checks overdue, guardians rotating.
Table FollowUpTable(const v1::OrgRollup& rollup, Language language);
// Per pillar: readiness, teams with every agreement, teams with the focus;
// "–" for a row without either.
Table CharterTable(const v1::OrgRollup& rollup, Language language);
// Per trend row and pillar: "3,20 → 3,62 (+0,42) · verbeterd" (two decimals:
// the change reads as the difference of the means), indented as the
// rollup's row of the same unit or group.
Table TrendTable(const v1::OrgRollup& rollup, const v1::OrgTrend& trend,
                 Language language);

// The lines above the trend table: the two periods, and whether the weakest
// pillar of the earlier period moved.
std::vector<std::string> TrendLines(const v1::OrgTrend& trend,
                                    Language language);
// The meaning of the verdict words.
std::vector<std::string> TrendLegend(const v1::OrgTrend& trend,
                                     Language language);

}  // namespace fives::org_view

#endif  // FIVES_LIB_ORG_REPORT_VIEW_H_
