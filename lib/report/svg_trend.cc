// The trend over the rounds (RenderTrendSvg).
#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "fives/journal.h"
#include "fives/report_svg.h"
#include "fives/report_text.h"
#include "hash_table.h"
#include "svg_writer.h"

namespace fives {
namespace {

using svg::Num;
using svg::TextStyle;

constexpr int kWidth = 800;
constexpr double kNameX = 20;
constexpr double kAxisX = 232;
constexpr double kPlotLeft = 240;
constexpr double kPlotRight = 780;
constexpr double kPanelsTop = 84;
constexpr double kPanelHeight = 112;
// Inside a panel: score 5 at +22, score 1 at +94.
constexpr double kTopPad = 22;
constexpr double kScoreStep = 18;
// The round ids and the small texts (values, dates, gaps): 12, the least
// that reads on a meeting-room screen with the picture at its own size.
constexpr double kIdSize = 12;
constexpr double kSmallSize = 12;

double YOf(double panel_top, double value) {
  return panel_top + kTopPad + (5.0 - value) * kScoreStep;
}

struct Marker {
  std::string plan_id;
  std::string round_id;
};

}  // namespace

absl::StatusOr<std::string> RenderTrendSvg(const Journal& journal,
                                           Language language) {
  absl::StatusOr<std::vector<v1::RoundReport>> closed =
      journal.ClosedRoundReports();
  if (!closed.ok()) return closed.status();
  std::vector<v1::RoundReport> reports;
  for (v1::RoundReport& report : *closed) {
    if (report.pillars().empty()) continue;
    if (absl::Status s = svg::ValidateReport(report, report.round_id());
        !s.ok()) {
      return s;
    }
    reports.push_back(std::move(report));
  }
  if (reports.empty()) {
    // As Journal::LatestReport says it: the same condition, the same code.
    return absl::NotFoundError("journal: no closed round to report on");
  }
  const size_t count = reports.size();
  std::vector<std::array<svg::PillarView, kPillarCount>> views;
  for (const v1::RoundReport& r : reports) views.push_back(svg::ViewsOf(r));
  // Plan markers: [pillar][round index] -> plan ids.
  std::array<std::vector<std::vector<std::string>>, kPillarCount> markers;
  for (auto& m : markers) m.resize(count);
  internal::HashMap<absl::string_view, size_t> drawn;
  for (size_t r = 0; r < count; ++r) drawn.emplace(reports[r].round_id(), r);
  for (const v1::Plan& plan : journal.proto().plans()) {
    absl::StatusOr<Pillar> focus = PillarFromProto(plan.focus());
    auto r = drawn.find(plan.round_id());
    if (!focus.ok() || r == drawn.end()) continue;
    markers[PillarIndex(*focus)][r->second].push_back(plan.id());
  }
  int min_responses = 3;
  for (const v1::RoundReport& r : reports) {
    if (r.thresholds().has_min_responses()) {
      min_responses = r.thresholds().min_responses();
    }
  }

  const std::string title =
      svg::Say("svg_trend_title", language, journal.proto().team().name());
  std::vector<std::string> sentences = {svg::Say("svg_scale", language)};
  for (Pillar p : kAllPillars) {
    std::vector<std::string> parts;
    for (size_t r = 0; r < count; ++r) {
      const svg::PillarView& v = views[r][PillarIndex(p)];
      if (v.stats == nullptr) continue;
      std::string part = absl::StrCat(
          reports[r].round_id(), " ",
          absl::StrJoin(svg::PillarNotes(v, reports[r], language), ", "));
      for (const std::string& plan : markers[PillarIndex(p)][r]) {
        absl::StrAppend(&part, " (",
                        svg::Say("svg_focus_of_plan", language, plan,
                                 reports[r].round_id()),
                        ")");
      }
      parts.push_back(std::move(part));
    }
    sentences.push_back(absl::StrCat(PillarName(p, language), ": ",
                                     absl::StrJoin(parts, "; "), "."));
  }
  sentences.push_back(absl::StrCat(
      svg::Say("svg_legend_band", language, absl::StrCat(kQuartileBandMinN)),
      "."));

  // Legend texts, wrapped, to size the picture.
  const double legend_text_x = 70;
  const double legend_width = kWidth - legend_text_x - 20;
  bool any_gap = false, any_held_back = false;
  for (const auto& round_views : views) {
    for (const svg::PillarView& v : round_views) {
      any_gap = any_gap ||
                (v.stats != nullptr &&
                 v.stats->disclosure() == v1::DISCLOSURE_TOO_FEW_RESPONSES);
      any_held_back =
          any_held_back || (v.stats != nullptr &&
                            v.stats->disclosure() == v1::DISCLOSURE_HELD_BACK);
    }
  }
  std::vector<std::vector<std::string>> legend = {
      svg::Wrap(svg::Say("svg_legend_trend_mean", language), 12, legend_width),
      svg::Wrap(svg::Say("svg_legend_band", language,
                         absl::StrCat(kQuartileBandMinN)),
                12, legend_width),
      svg::Wrap(svg::Say("svg_legend_focus", language), 12, legend_width)};
  if (any_gap) {
    legend.push_back(svg::Wrap(svg::Say("svg_legend_withheld_trend", language,
                                        absl::StrCat(min_responses)),
                               12, legend_width));
  }
  if (any_held_back) {
    legend.push_back(svg::Wrap(svg::Say("svg_legend_held_back_trend", language),
                               12, legend_width));
  }
  const double axis_bottom =
      kPanelsTop + kPanelHeight * static_cast<double>(kPillarCount);
  double legend_height = 0;
  for (const auto& lines : legend) legend_height += 15.0 * lines.size() + 6;
  const int height = static_cast<int>(axis_bottom + 44 + legend_height + 10);
  svg::Document doc(kWidth, height, title, absl::StrJoin(sentences, " "));

  TextStyle heading;
  heading.size = 17;
  heading.bold = true;
  doc.Text(20, 30, svg::Fit(title, heading.size, kWidth - 40), heading);
  TextStyle sub;
  sub.size = 12;
  sub.fill = svg::kDarkGrey;
  doc.Text(20, 50, svg::Say("svg_scale", language), sub);

  const double step = (kPlotRight - kPlotLeft) / static_cast<double>(count);
  auto x_of = [&](size_t r) {
    return kPlotLeft + step * (static_cast<double>(r) + 0.5);
  };

  for (Pillar p : kAllPillars) {
    const size_t pi = PillarIndex(p);
    const double top = kPanelsTop + kPanelHeight * static_cast<double>(pi);
    const std::string key(PillarKey(p));
    doc.Raw(absl::StrCat("<g id=\"panel-", key, "\">\n"));
    if (pi > 0) {
      doc.Raw(absl::StrCat("<line x1=\"", Num(kNameX), "\" y1=\"", Num(top),
                           "\" x2=\"", Num(kPlotRight), "\" y2=\"", Num(top),
                           "\" stroke=\"", svg::kGrey,
                           "\" stroke-width=\"1\"/>\n"));
    }
    TextStyle name;
    name.size = 14;
    name.bold = true;
    doc.Text(kNameX, YOf(top, 3) + 5, PillarName(p, language), name);
    // Grid lines at every score, values at 1, 3 and 5.
    for (int v = 1; v <= 5; ++v) {
      doc.Raw(absl::StrCat(
          "<line x1=\"", Num(kAxisX), "\" y1=\"", Num(YOf(top, v)), "\" x2=\"",
          Num(kPlotRight), "\" y2=\"", Num(YOf(top, v)), "\" stroke=\"",
          v % 2 == 1 ? svg::kGrid : "#E6E6E6", "\" stroke-width=\"1\"/>\n"));
      if (v % 2 == 1) {
        TextStyle tick;
        tick.size = kSmallSize;
        tick.anchor = "end";
        tick.fill = svg::kDarkGrey;
        doc.Text(kAxisX - 4, YOf(top, v) + 4, absl::StrCat(v), tick);
      }
    }
    // Bands.
    for (size_t r = 0; r < count; ++r) {
      const svg::PillarView& v = views[r][pi];
      if (!v.band) continue;
      const double y1 = YOf(top, v.band->high) - 2;
      const double y2 = YOf(top, v.band->low) + 2;
      doc.Raw(absl::StrCat("<rect id=\"band-", key, "-", r, "\" x=\"",
                           Num(x_of(r) - 6), "\" y=\"", Num(y1),
                           "\" width=\"12\" height=\"", Num(y2 - y1),
                           "\" fill=\"", svg::kOrange,
                           "\" fill-opacity=\"0.55\" stroke=\"#8A5F00\" "
                           "stroke-width=\"1\"/>\n"));
    }
    // The line through the means, broken where a round shows none.
    std::vector<std::string> run;
    auto flush = [&] {
      if (run.size() >= 2) {
        doc.Raw(absl::StrCat("<polyline points=\"", absl::StrJoin(run, " "),
                             "\" fill=\"none\" stroke=\"", svg::kBlue,
                             "\" stroke-width=\"2.5\"/>\n"));
      }
      run.clear();
    };
    for (size_t r = 0; r < count; ++r) {
      const svg::PillarView& v = views[r][pi];
      if (v.mean) {
        run.push_back(absl::StrCat(Num(x_of(r)), ",", Num(YOf(top, *v.mean))));
      } else if (v.stats != nullptr) {
        flush();
      }
    }
    flush();
    // Points, gaps and focus markers.
    for (size_t r = 0; r < count; ++r) {
      const svg::PillarView& v = views[r][pi];
      const double x = x_of(r);
      if (v.mean) {
        const double y = YOf(top, *v.mean);
        doc.Raw(absl::StrCat("<circle id=\"mean-", key, "-", r, "\" cx=\"",
                             Num(x), "\" cy=\"", Num(y), "\" r=\"4.5\" fill=\"",
                             svg::kBlue,
                             "\" stroke=\"#FFFFFF\" stroke-width=\"1.5\"/>\n"));
        if (!markers[pi][r].empty()) {
          doc.Raw(absl::StrCat("<circle cx=\"", Num(x), "\" cy=\"", Num(y),
                               "\" r=\"9\" fill=\"none\" stroke=\"",
                               svg::kPurple, "\" stroke-width=\"2.5\"/>\n"));
        }
      } else if (v.stats != nullptr &&
                 v.stats->disclosure() == v1::DISCLOSURE_TOO_FEW_RESPONSES) {
        TextStyle gap;
        gap.size = kSmallSize;
        gap.italic = true;
        gap.anchor = "middle";
        gap.fill = svg::kDarkGrey;
        gap.extra = absl::StrCat("id=\"gap-", key, "-", r, "\"");
        const std::string few = absl::StrCat("n < ", min_responses);
        doc.Text(x, YOf(top, 3) + 4,
                 svg::TextWidth(few, kSmallSize) + 4 <= step ? few : "–", gap);
      } else if (v.stats != nullptr &&
                 v.stats->disclosure() == v1::DISCLOSURE_HELD_BACK) {
        TextStyle gap;
        gap.size = kSmallSize;
        gap.anchor = "middle";
        gap.fill = svg::kDarkGrey;
        gap.extra = absl::StrCat("id=\"held-back-", key, "-", r, "\"");
        doc.Text(x, YOf(top, 3) + 4, "×", gap);
      }
      if (!markers[pi][r].empty()) {
        const double ty = top + 4;
        doc.Raw(absl::StrCat("<polygon id=\"focus-", key, "-", r,
                             "\" points=\"", Num(x - 6), ",", Num(ty), " ",
                             Num(x + 6), ",", Num(ty), " ", Num(x), ",",
                             Num(ty + 9), "\" fill=\"", svg::kPurple,
                             "\" stroke=\"#000000\" stroke-width=\"0.8\"/>\n"));
        if (step >= 80) {
          TextStyle word;
          word.size = kSmallSize;
          word.fill = svg::kBlack;
          doc.Text(x + 9, ty + 8,
                   absl::StrCat(svg::Say("svg_focus_word", language), " ",
                                absl::StrJoin(markers[pi][r], ", ")),
                   word);
        }
      }
    }
    doc.Raw("</g>\n");
  }

  // Round labels under the last panel: every k-th when they would crowd.
  double label_width = 0;
  for (const v1::RoundReport& r : reports) {
    label_width = std::max(
        {label_width,
         svg::TextWidth(svg::Fit(r.round_id(), kIdSize, 90), kIdSize),
         svg::TextWidth(FormatLongDate(r.round_date(), language), kSmallSize)});
  }
  const size_t every =
      std::max<size_t>(1, static_cast<size_t>((label_width + 8) / step) + 1);
  TextStyle id_style;
  id_style.size = kIdSize;
  id_style.bold = true;
  id_style.anchor = "middle";
  TextStyle date_style;
  date_style.size = kSmallSize;
  date_style.anchor = "middle";
  date_style.fill = svg::kDarkGrey;
  doc.Raw("<g id=\"rounds\">\n");
  for (size_t r = 0; r < count; r += every) {
    doc.Text(x_of(r), axis_bottom + 2,
             svg::Fit(reports[r].round_id(), kIdSize, 90), id_style);
    doc.Text(x_of(r), axis_bottom + 18,
             FormatLongDate(reports[r].round_date(), language), date_style);
  }
  doc.Raw("</g>\n");

  // Legend.
  double y = axis_bottom + 44;
  TextStyle text;
  text.size = 12;
  doc.Raw("<g id=\"legend\">\n");
  for (size_t i = 0; i < legend.size(); ++i) {
    switch (i) {
      case 0:
        doc.Raw(absl::StrCat("<line x1=\"22\" y1=\"", Num(y),
                             "\" x2=\"58\" y2=\"", Num(y), "\" stroke=\"",
                             svg::kBlue,
                             "\" stroke-width=\"2.5\"/><circle cx=\"40\" cy=\"",
                             Num(y), "\" r=\"4.5\" fill=\"", svg::kBlue,
                             "\" stroke=\"#FFFFFF\" stroke-width=\"1.5\"/>\n"));
        break;
      case 1:
        doc.Raw(absl::StrCat("<rect x=\"34\" y=\"", Num(y - 9),
                             "\" width=\"12\" height=\"18\" fill=\"",
                             svg::kOrange,
                             "\" fill-opacity=\"0.55\" stroke=\"#8A5F00\" "
                             "stroke-width=\"1\"/>\n"));
        break;
      case 2:
        doc.Raw(absl::StrCat("<polygon points=\"", Num(26), ",", Num(y - 5),
                             " ", Num(38), ",", Num(y - 5), " ", Num(32), ",",
                             Num(y + 4), "\" fill=\"", svg::kPurple,
                             "\" stroke=\"#000000\" stroke-width=\"0.8\"/>",
                             "<circle cx=\"50\" cy=\"", Num(y),
                             "\" r=\"7\" fill=\"none\" "
                             "stroke=\"",
                             svg::kPurple, "\" stroke-width=\"2.5\"/>\n"));
        break;
      default: {
        TextStyle gap;
        gap.size = kSmallSize;
        gap.italic = true;
        gap.anchor = "middle";
        gap.fill = svg::kDarkGrey;
        doc.Text(40, y + 4, "n < …", gap);
      }
    }
    doc.Lines(legend_text_x, y + 4, legend[i], 15, text);
    y += 15.0 * legend[i].size() + 6;
  }
  doc.Raw("</g>\n");
  return std::move(doc).Finish();
}

}  // namespace fives
