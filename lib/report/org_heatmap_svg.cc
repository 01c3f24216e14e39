// The organisation heatmap (RenderOrgHeatmapSvg): one row per unit, team and
// group, one column per pillar.
//
// Each cell says what it shows in more than colour: the mean as a number
// and as a fill on the viridis scale (sequential, readable with colour-blind
// vision and in grey), the agreement label as a shape, n as text; a cell
// not shown is hatched grey with its reason as a word. Rows have a fixed
// height and fixed type, so a tall organisation makes a taller picture,
// never smaller text; the pillar names repeat every kHeaderEvery rows.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "fives/org_report.h"
#include "fives/pillar.h"
#include "fives/report_text.h"
#include "org_report_view.h"
#include "svg_writer.h"

namespace fives {
namespace {

using org_view::CellView;
using svg::Num;
using svg::Say;
using svg::TextStyle;

constexpr int kWidth = 1200;
constexpr double kLeft = 20;
constexpr double kNameWidth = 320;
constexpr double kCellsX = 350;
constexpr double kCellWidth = 166;
constexpr double kRowHeight = 32;
constexpr double kCellGap = 2;
constexpr double kIndent = 16;
constexpr int kMaxIndentLevels = 10;
constexpr double kFont = 14;
constexpr double kMeanFont = 15;
constexpr double kLineHeight = 19;
constexpr double kHeaderHeight = 46;
constexpr int kHeaderEvery = 25;

// Viridis at nine even steps from score 1 to 5.
constexpr std::array<std::array<int, 3>, 9> kViridis = {{{68, 1, 84},
                                                         {71, 45, 123},
                                                         {59, 82, 139},
                                                         {44, 114, 142},
                                                         {33, 145, 140},
                                                         {40, 174, 128},
                                                         {94, 201, 98},
                                                         {173, 220, 48},
                                                         {253, 231, 37}}};

struct Rgb {
  int r, g, b;
};

Rgb ScaleColour(double mean) {
  const double t = std::clamp((mean - 1.0) / 4.0, 0.0, 1.0) * 8.0;
  const int i = std::min(static_cast<int>(t), 7);
  const double f = t - i;
  auto mix = [&](int c) {
    return static_cast<int>(std::lround(
        kViridis[i][c] + (kViridis[i + 1][c] - kViridis[i][c]) * f));
  };
  return {mix(0), mix(1), mix(2)};
}

std::string Hex(const Rgb& c) {
  return absl::AsciiStrToUpper(absl::StrCat(
      "#", absl::Hex(c.r, absl::kZeroPad2), absl::Hex(c.g, absl::kZeroPad2),
      absl::Hex(c.b, absl::kZeroPad2)));
}

// Black or white, whichever contrasts more with `c` (WCAG luminance).
absl::string_view InkOn(const Rgb& c) {
  auto lin = [](int v) {
    const double s = v / 255.0;
    return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
  };
  const double l = 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? svg::kBlack : "#FFFFFF";
}

// The halo that keeps a mark readable on any fill.
std::string Halo(absl::string_view ink) {
  return absl::StrCat(" stroke=\"", ink == svg::kBlack ? "#FFFFFF" : "#000000",
                      "\" stroke-width=\"1.5\" paint-order=\"stroke\"");
}

// The shape of an agreement label centred on (x, y): one dot for shared, a
// ring for mixed, two dots apart for split, a small square for one score;
// a dash where the label is not shown.
std::string Shape(std::optional<v1::AgreementLabel> label, double x, double y,
                  absl::string_view ink) {
  const std::string fill = absl::StrCat(" fill=\"", ink, "\"");
  if (!label) {
    return absl::StrCat("<rect x=\"", Num(x - 7), "\" y=\"", Num(y - 1.5),
                        "\" width=\"14\" height=\"3\"", fill, "/>\n");
  }
  switch (*label) {
    case v1::AGREEMENT_LABEL_SHARED:
      return absl::StrCat("<circle cx=\"", Num(x), "\" cy=\"", Num(y),
                          "\" r=\"6.5\"", fill, Halo(ink), "/>\n");
    case v1::AGREEMENT_LABEL_MIXED:
      return absl::StrCat("<circle cx=\"", Num(x), "\" cy=\"", Num(y),
                          "\" r=\"5.5\" fill=\"none\" stroke=\"", ink,
                          "\" stroke-width=\"2.5\"/>\n");
    case v1::AGREEMENT_LABEL_SPLIT:
      return absl::StrCat("<circle cx=\"", Num(x - 7), "\" cy=\"", Num(y),
                          "\" r=\"4\"", fill, Halo(ink), "/>\n",
                          "<circle cx=\"", Num(x + 7), "\" cy=\"", Num(y),
                          "\" r=\"4\"", fill, Halo(ink), "/>\n");
    default:
      return absl::StrCat("<rect x=\"", Num(x - 5), "\" y=\"", Num(y - 5),
                          "\" width=\"10\" height=\"10\" fill=\"none\" "
                          "stroke=\"",
                          ink, "\" stroke-width=\"2\"/>\n");
  }
}

// The team marker before a team's name.
std::string TeamMark(double x, double y) {
  return absl::StrCat("<rect x=\"", Num(x), "\" y=\"", Num(y - 9),
                      "\" width=\"8\" height=\"8\" fill=\"", svg::kDarkGrey,
                      "\"/>\n");
}

// One cell at (x, top).
void DrawCell(svg::Document& doc, const CellView& v, double x, double top,
              Language lang) {
  const double w = kCellWidth - kCellGap;
  const double h = kRowHeight - kCellGap;
  const double baseline = top + h / 2 + 5;
  TextStyle small;
  small.size = kFont;
  if (v.n == 0) {
    doc.Raw(absl::StrCat("<rect x=\"", Num(x), "\" y=\"", Num(top),
                         "\" width=\"", Num(w), "\" height=\"", Num(h),
                         "\" fill=\"#FFFFFF\" stroke=\"", svg::kGrid,
                         "\" stroke-dasharray=\"4 3\"/>\n"));
    small.fill = svg::kDarkGrey;
    small.italic = true;
    doc.Text(x + 10, baseline, Say("svg_no_scores", lang), small);
    return;
  }
  if (!v.mean) {
    doc.Raw(absl::StrCat("<rect x=\"", Num(x), "\" y=\"", Num(top),
                         "\" width=\"", Num(w), "\" height=\"", Num(h),
                         "\" fill=\"url(#fives-withheld)\" stroke=\"",
                         svg::kGrey, "\"/>\n"));
    small.fill = "#333333";
    doc.Text(x + 10, baseline, org_view::CountText(v.n, lang), small);
    TextStyle reason = small;
    reason.italic = true;
    reason.anchor = "end";
    doc.Text(x + w - 8, baseline,
             svg::Fit(org_view::WithheldWord(v.withheld, lang), kFont, w - 76),
             reason);
    return;
  }
  const Rgb colour = ScaleColour(*v.mean);
  const absl::string_view ink = InkOn(colour);
  doc.Raw(absl::StrCat("<rect x=\"", Num(x), "\" y=\"", Num(top), "\" width=\"",
                       Num(w), "\" height=\"", Num(h), "\" fill=\"",
                       Hex(colour), "\"/>\n"));
  TextStyle mean;
  mean.size = kMeanFont;
  mean.bold = true;
  mean.fill = ink;
  doc.Text(x + 10, baseline, org_view::MeanText(*v.mean, lang), mean);
  small.fill = ink;
  doc.Text(x + 48, baseline, org_view::CountText(v.n, lang), small);
  doc.Raw(Shape(v.label, x + w - 22, top + h / 2, ink));
}

// The band of pillar names above the rows (or the groups).
void DrawHeader(svg::Document& doc, double top, absl::string_view first) {
  doc.Raw(absl::StrCat("<rect x=\"", Num(kLeft), "\" y=\"", Num(top),
                       "\" width=\"", Num(kWidth - 2 * kLeft), "\" height=\"",
                       Num(kHeaderHeight - 6), "\" fill=\"#EDEDED\"/>\n"));
  TextStyle bold;
  bold.size = kFont;
  bold.bold = true;
  doc.Text(kLeft + 6, top + 25, svg::Fit(first, kFont, kNameWidth - 12), bold);
}

void DrawPillarNames(svg::Document& doc, double top,
                     const std::vector<std::vector<std::string>>& names) {
  TextStyle bold;
  bold.size = kFont;
  bold.bold = true;
  for (size_t i = 0; i < names.size(); ++i) {
    const double x = kCellsX + kCellWidth * static_cast<double>(i) + 8;
    const double first = names[i].size() > 1 ? top + 17 : top + 25;
    doc.Lines(x, first, names[i], 16, bold);
  }
}

// The pillar's name in at most two lines of the column.
std::vector<std::string> ColumnName(Pillar p, Language lang) {
  std::vector<std::string> lines =
      svg::Wrap(PillarName(p, lang), kFont, kCellWidth - 16);
  if (lines.size() > 2) {
    lines[1] = svg::Fit(absl::StrJoin(lines.begin() + 1, lines.end(), " "),
                        kFont, kCellWidth - 16);
    lines.resize(2);
  }
  for (std::string& line : lines) line = svg::Fit(line, kFont, kCellWidth - 16);
  return lines;
}

// The sentence of one row for the description.
std::string RowSentence(const v1::OrgRow& row, Language lang) {
  std::vector<std::string> cells;
  for (size_t i = 0; i < kPillarCount; ++i) {
    cells.push_back(absl::StrCat(
        PillarName(kAllPillars[i], lang), " ",
        org_view::CellText(org_view::ViewOf(row.pillars(static_cast<int>(i))),
                           lang)));
  }
  return absl::StrCat(org_view::RowName(row, lang), ": ",
                      absl::StrJoin(cells, "; "), ".");
}

}  // namespace

absl::StatusOr<std::string> RenderOrgHeatmapSvg(const v1::OrgRollup& rollup,
                                                Language lang) {
  if (absl::Status s = org_view::Validate(rollup, nullptr); !s.ok()) return s;
  const double text_width = kWidth - 2 * kLeft;

  // The legend's lines, to size the picture before drawing.
  const std::vector<std::string> reasons = [&] {
    std::vector<std::string> lines;
    for (v1::OrgWithheld r :
         {v1::ORG_WITHHELD_TOO_FEW, v1::ORG_WITHHELD_PROTECTS_ANOTHER,
          v1::ORG_WITHHELD_TEAM_HELD_BACK,
          v1::ORG_WITHHELD_DIFFERS_FROM_EARLIER}) {
      for (std::string& line :
           svg::Wrap(org_view::WithheldLegend(r, rollup.privacy(), lang), kFont,
                     text_width - 40)) {
        lines.push_back(std::move(line));
      }
    }
    return lines;
  }();
  const std::vector<std::string> counts_note =
      svg::Wrap(Say("org_scores_explained", lang), kFont, text_width);

  const double legend_top = 98;
  const double scale_y = legend_top + 20;
  const double shapes_y = scale_y + 54;
  const double withheld_y = shapes_y + 30;
  const double reasons_y = withheld_y + kLineHeight;
  const double team_y =
      reasons_y + kLineHeight * static_cast<double>(reasons.size()) + 8;
  const double note_y = team_y + 26;
  const double rows_top =
      note_y + kLineHeight * static_cast<double>(counts_note.size()) + 10;

  // Rows, with a header band before the first row, every kHeaderEvery rows,
  // and before the groups.
  std::vector<double> row_top(rollup.rows_size());
  std::vector<double> header_top;
  std::vector<bool> header_is_groups;
  double y = rows_top;
  int since_header = kHeaderEvery;
  bool in_groups = false;
  for (int i = 0; i < rollup.rows_size(); ++i) {
    const bool group = rollup.rows(i).kind() == v1::ORG_ROW_KIND_GROUP;
    if (since_header == kHeaderEvery || (group && !in_groups)) {
      header_top.push_back(y);
      header_is_groups.push_back(group);
      y += kHeaderHeight;
      since_header = 0;
    }
    in_groups = in_groups || group;
    row_top[i] = y;
    y += kRowHeight;
    ++since_header;
  }
  const int height = static_cast<int>(std::ceil(y + 20));

  const std::string title = Say("org_heatmap_title", lang, rollup.org_name());
  std::vector<std::string> desc = {
      Say("org_heatmap_desc", lang, absl::StrCat(rollup.rows_size())),
      Say("svg_scale", lang)};
  for (const std::string& line : org_view::HeaderLines(rollup, lang)) {
    desc.push_back(absl::StrCat(line, "."));
  }
  for (const v1::OrgRow& row : rollup.rows()) {
    desc.push_back(RowSentence(row, lang));
  }
  svg::Document doc(kWidth, height, title, absl::StrJoin(desc, " "));
  doc.Raw(absl::StrCat("<defs>\n", svg::kWithheldPattern, "</defs>\n"));

  TextStyle heading;
  heading.size = 20;
  heading.bold = true;
  doc.Text(kLeft, 34, svg::Fit(title, heading.size, text_width), heading);
  TextStyle meta;
  meta.size = kFont;
  meta.fill = svg::kDarkGrey;
  doc.Text(kLeft, 58,
           svg::Fit(Say("org_period", lang,
                        org_view::PeriodText(rollup.period(), lang)),
                    kFont, text_width),
           meta);
  TextStyle plain;
  plain.size = kFont;
  doc.Text(kLeft, 80,
           svg::Fit(org_view::WeakestText(rollup, lang), kFont, text_width),
           plain);

  // The legend: colour scale, shapes, withheld cells, team marker, n.
  doc.Raw("<g id=\"legend\">\n");
  TextStyle bold = plain;
  bold.bold = true;
  const std::string colour_word = Say("org_heatmap_colour", lang);
  doc.Text(kLeft, scale_y + 15, colour_word, bold);
  const double swatch_x = kLeft + svg::TextWidth(colour_word, kFont) + 16;
  for (int k = 0; k <= 8; ++k) {
    const double score = 1.0 + 0.5 * k;
    const Rgb c = ScaleColour(score);
    doc.Raw(absl::StrCat("<rect x=\"", Num(swatch_x + 40.0 * k), "\" y=\"",
                         Num(scale_y), "\" width=\"40\" height=\"22\" fill=\"",
                         Hex(c), "\"/>\n"));
    if (k % 2 == 0) {
      TextStyle tick = plain;
      tick.anchor = "middle";
      tick.bold = true;
      tick.fill = InkOn(c);
      doc.Text(swatch_x + 40.0 * k + 20, scale_y + 16, absl::StrCat(1 + k / 2),
               tick);
    }
  }
  doc.Text(swatch_x + 40.0 * 9 + 14, scale_y + 16, Say("svg_scale", lang),
           plain);

  doc.Text(kLeft, shapes_y, Say("org_heatmap_shape", lang), bold);
  double x = kLeft + svg::TextWidth(Say("org_heatmap_shape", lang), kFont) + 24;
  const std::optional<v1::AgreementLabel> labels[] = {
      v1::AGREEMENT_LABEL_SHARED, v1::AGREEMENT_LABEL_MIXED,
      v1::AGREEMENT_LABEL_SPLIT, v1::AGREEMENT_LABEL_SINGLE, std::nullopt};
  for (const std::optional<v1::AgreementLabel>& label : labels) {
    const std::string words = label ? std::string(LabelText(*label, lang))
                                    : Say("org_heatmap_no_shape", lang);
    doc.Raw(Shape(label, x + 11, shapes_y - 5, svg::kBlack));
    doc.Text(x + 28, shapes_y, words, plain);
    x += 28 + svg::TextWidth(words, kFont) + 26;
  }

  doc.Raw(absl::StrCat("<rect x=\"", Num(kLeft), "\" y=\"",
                       Num(withheld_y - 15),
                       "\" width=\"30\" height=\"20\" "
                       "fill=\"url(#fives-withheld)\" stroke=\"",
                       svg::kGrey, "\"/>\n"));
  doc.Text(kLeft + 40, withheld_y, Say("org_heatmap_withheld", lang), bold);
  doc.Lines(kLeft + 40, reasons_y, reasons, kLineHeight, plain);
  doc.Raw(TeamMark(kLeft + 11, team_y));
  doc.Text(kLeft + 40, team_y, Say("org_heatmap_team", lang), plain);
  doc.Lines(kLeft, note_y, counts_note, kLineHeight, meta);
  doc.Raw("</g>\n");

  // The column names, once per header band.
  std::vector<std::vector<std::string>> names;
  for (Pillar p : kAllPillars) names.push_back(ColumnName(p, lang));
  for (size_t k = 0; k < header_top.size(); ++k) {
    DrawHeader(doc, header_top[k],
               header_is_groups[k] ? Say("org_groups_heading", lang)
                                   : Say("org_col_unit", lang));
    DrawPillarNames(doc, header_top[k], names);
  }

  for (int i = 0; i < rollup.rows_size(); ++i) {
    const v1::OrgRow& row = rollup.rows(i);
    const double top = row_top[i];
    doc.Raw(absl::StrCat("<g id=\"row-", i, "\">\n"));
    if (i % 2 == 1) {
      doc.Raw(absl::StrCat("<rect x=\"", Num(kLeft), "\" y=\"", Num(top),
                           "\" width=\"", Num(kNameWidth), "\" height=\"",
                           Num(kRowHeight - kCellGap),
                           "\" fill=\"#F4F4F4\"/>\n"));
    }
    const int levels = std::min(org_view::RowDepth(row), kMaxIndentLevels);
    double name_x = kLeft + 6 + kIndent * levels;
    const double baseline = top + (kRowHeight - kCellGap) / 2 + 5;
    TextStyle name = plain;
    if (row.kind() == v1::ORG_ROW_KIND_TEAM) {
      doc.Raw(TeamMark(name_x, baseline));
      name_x += 14;
    } else if (row.kind() == v1::ORG_ROW_KIND_UNIT) {
      name.bold = true;
    }
    doc.Text(name_x, baseline,
             svg::Fit(org_view::RowName(row, lang), kFont,
                      kLeft + kNameWidth - 6 - name_x),
             name);
    for (int p = 0; p < row.pillars_size(); ++p) {
      DrawCell(doc, org_view::ViewOf(row.pillars(p)), kCellsX + kCellWidth * p,
               top, lang);
    }
    doc.Raw("</g>\n");
  }
  return std::move(doc).Finish();
}

}  // namespace fives
