// The organisation view as one self-contained HTML page (RenderOrgHtml), for
// an organisation's meeting on a screen of 1280-1920 pixels: the heatmap
// inline at its own size (text never below 14 px; the page scrolls
// sideways on a narrower screen rather than shrink it), then the tables.
#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "fives/org_report.h"
#include "markup.h"
#include "org_report_view.h"
#include "svg_writer.h"

namespace fives {
namespace {

using markup::HtmlEscape;
using org_view::Row;
using org_view::Table;

constexpr int kMaxDepthClass = 10;

std::string EscapedPhrase(absl::string_view key, Language lang) {
  return HtmlEscape(Phrase(key, lang));
}

// No external fonts or assets; every text 14 px or more.
constexpr absl::string_view kStyle = R"css(
body { font-family: sans-serif; font-size: 16px; margin: 1.5rem 2rem;
       color: #1a1a1a; line-height: 1.45; }
h1 { font-size: 1.9rem; margin-bottom: 0.3rem; }
h2 { font-size: 1.4rem; border-bottom: 2px solid #0072B2;
     padding-bottom: 0.2rem; margin-top: 2.2rem; }
h3 { font-size: 1.1rem; margin-bottom: 0.3rem; }
p, ul { max-width: 80rem; }
.meta { color: #333; padding-left: 1.2rem; }
p.key { font-weight: bold; }
figure.heatmap { margin: 0.5rem 0; overflow-x: auto; }
figure.heatmap svg { display: block; width: 1200px; max-width: none;
                     height: auto; }
.wide { overflow-x: auto; }
table { border-collapse: collapse; font-size: 15px; margin: 0.6rem 0 1rem; }
th, td { border-bottom: 1px solid #ddd; padding: 0.3rem 0.7rem;
         text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
td:first-child, td.num, .part { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.unit td:first-child { font-weight: bold; }
tr.section th { background: #e4e4e4; }
td.muted { color: #555; font-style: italic;
           background: repeating-linear-gradient(135deg, #f2f2f2 0 6px,
                                                 #e6e6e6 6px 8px); }
.tag { font-size: 14px; font-weight: normal; border: 1px solid #555;
       border-radius: 0.6rem; padding: 0 0.45rem; margin-left: 0.4rem; }
@media print { h2 { break-after: avoid; } tr { break-inside: avoid; } }
)css";

// The indent of each depth.
std::string DepthStyle() {
  std::string css;
  for (int d = 1; d <= kMaxDepthClass; ++d) {
    absl::StrAppend(&css, "td.d", d, " { padding-left: ", 0.7 + 1.4 * d,
                    "rem; }\n");
  }
  return css;
}

std::string RowClass(const Row& row) {
  switch (row.kind) {
    case v1::ORG_ROW_KIND_TEAM:
      return "team";
    case v1::ORG_ROW_KIND_GROUP:
      return "group";
    default:
      return "unit";
  }
}

// A cell: its parts each kept on one line with the dot after it, so a
// narrow screen breaks the cell between them ("3,4 · n = 14 ·" over
// "gedeeld") and never inside one.
std::string CellHtml(absl::string_view text) {
  const std::vector<absl::string_view> parts =
      absl::StrSplit(text, org_view::kPartSeparator);
  if (parts.size() < 2) return HtmlEscape(text);
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    absl::StrAppend(&out, i > 0 ? " " : "", "<span class=\"part\">",
                    HtmlEscape(parts[i]), i + 1 < parts.size() ? " ·" : "",
                    "</span>");
  }
  return out;
}

// A section: its heading, `intro` (markup), what the cells hold, the table.
std::string TableHtml(const Table& t, Language lang,
                      absl::string_view intro = "") {
  std::string out = absl::StrCat("<h2>", HtmlEscape(t.heading), "</h2>\n",
                                 intro, "<p>", HtmlEscape(t.explained),
                                 "</p>\n<div class=\"wide\">\n<table>\n<tr>");
  for (size_t i = 0; i < t.header.size(); ++i) {
    const bool numeric = i > 0 && t.numeric[i - 1];
    absl::StrAppend(&out, numeric ? "<th class=\"num\">" : "<th>",
                    HtmlEscape(t.header[i]), "</th>");
  }
  absl::StrAppend(&out, "</tr>\n");
  bool in_groups = false;
  for (const Row& row : t.rows) {
    if (row.kind == v1::ORG_ROW_KIND_GROUP && !in_groups) {
      in_groups = true;
      absl::StrAppend(
          &out, "<tr class=\"section\"><th colspan=\"", t.header.size(), "\">",
          EscapedPhrase("org_groups_heading", lang), "</th></tr>\n");
    }
    const int depth = std::min(row.depth, kMaxDepthClass);
    absl::StrAppend(&out, "<tr class=\"", RowClass(row), "\"><td",
                    depth > 0 ? absl::StrCat(" class=\"d", depth, "\"") : "",
                    ">", HtmlEscape(row.name));
    if (row.kind == v1::ORG_ROW_KIND_TEAM) {
      absl::StrAppend(&out, "<span class=\"tag\">",
                      EscapedPhrase("org_team_mark", lang), "</span>");
    }
    absl::StrAppend(&out, "</td>");
    for (size_t i = 0; i < row.cells.size(); ++i) {
      const bool numeric = i < t.numeric.size() && t.numeric[i];
      const bool muted = i < row.muted.size() && row.muted[i];
      absl::StrAppend(&out,
                      numeric ? "<td class=\"num\">"
                      : muted ? "<td class=\"muted\">"
                              : "<td>",
                      CellHtml(row.cells[i]), "</td>");
    }
    absl::StrAppend(&out, "</tr>\n");
  }
  absl::StrAppend(&out, "</table>\n</div>\n");
  return out;
}

std::string ListHtml(absl::string_view heading,
                     const std::vector<std::string>& items) {
  if (items.empty()) return "";
  std::string out = absl::StrCat("<h3>", HtmlEscape(heading), "</h3>\n<ul>\n");
  for (const std::string& item : items) {
    absl::StrAppend(&out, "<li>", HtmlEscape(item), "</li>\n");
  }
  absl::StrAppend(&out, "</ul>\n");
  return out;
}

}  // namespace

absl::StatusOr<std::string> RenderOrgHtml(const v1::OrgRollup& rollup,
                                          const v1::OrgTrend* trend,
                                          Language lang) {
  if (absl::Status s = org_view::Validate(rollup, trend); !s.ok()) return s;
  absl::StatusOr<std::string> heatmap = RenderOrgHeatmapSvg(rollup, lang);
  if (!heatmap.ok()) return heatmap.status();

  const std::string title =
      HtmlEscape(svg::Say("org_title", lang, rollup.org_name()));
  std::string out = absl::StrCat(
      "<!DOCTYPE html>\n<html lang=\"", LanguageTag(lang),
      "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
      "content=\"width=device-width, initial-scale=1\">\n<title>",
      title, "</title>\n<style>", kStyle, DepthStyle(),
      "</style>\n</head>\n<body>\n<h1>", title, "</h1>\n<ul class=\"meta\">\n");
  for (const std::string& line : org_view::HeaderLines(rollup, lang)) {
    absl::StrAppend(&out, "<li>", HtmlEscape(line), "</li>\n");
  }
  absl::StrAppend(&out, "</ul>\n",
                  ListHtml(Phrase("org_excluded_heading", lang),
                           org_view::ExcludedLines(rollup, lang)));
  if (const std::string teams = org_view::TeamsWithoutRound(rollup, lang);
      !teams.empty()) {
    absl::StrAppend(&out, "<p>", HtmlEscape(teams), "</p>\n");
  }

  absl::StrAppend(&out, "<h2>", EscapedPhrase("org_heatmap_heading", lang),
                  "</h2>\n<figure class=\"heatmap\">",
                  markup::InlineSvg(*heatmap, "heatmap"), "</figure>\n");
  absl::StrAppend(&out, TableHtml(org_view::ScoresTable(rollup, lang), lang),
                  ListHtml(Phrase("org_legend_heading", lang),
                           org_view::ScoresLegend(rollup, lang)));
  const Table ranks = org_view::RankTable(rollup, lang);
  if (!ranks.rows.empty()) absl::StrAppend(&out, TableHtml(ranks, lang));
  absl::StrAppend(&out, TableHtml(org_view::FollowUpTable(rollup, lang), lang),
                  TableHtml(org_view::CharterTable(rollup, lang), lang));

  if (trend != nullptr) {
    const Table t = org_view::TrendTable(rollup, *trend, lang);
    // The periods, then the question of the meeting in bold: did the
    // weakest pillar move?
    std::string lines;
    const std::vector<std::string> trend_lines =
        org_view::TrendLines(*trend, lang);
    for (size_t i = 0; i < trend_lines.size(); ++i) {
      absl::StrAppend(&lines, i == 0 ? "<p>" : "<p class=\"key\">",
                      HtmlEscape(trend_lines[i]), "</p>\n");
    }
    absl::StrAppend(&out, TableHtml(t, lang, lines),
                    ListHtml(Phrase("org_legend_heading", lang),
                             org_view::TrendLegend(*trend, lang)));
  }
  absl::StrAppend(&out, "</body>\n</html>\n");
  return out;
}

}  // namespace fives
