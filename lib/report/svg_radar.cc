// The radar picture (RenderRadarSvg).
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "fives/report_svg.h"
#include "fives/report_text.h"
#include "svg_writer.h"

namespace fives {
namespace {

using svg::Num;
using svg::TextStyle;

constexpr int kWidth = 760;
constexpr double kCx = 380;
constexpr double kCy = 320;
// Radius of the score 5 ring; score v sits at kRadius * v / 5.
constexpr double kRadius = 170;
constexpr double kLabelGap = 20;
constexpr double kLabelSize = 13;
constexpr double kNoteSize = 12;
constexpr double kLineHeight = 15;
constexpr double kPi = 3.14159265358979323846;
// Baseline of the first legend entry, below the lowest axis labels.
constexpr double kLegendTop = 552;
constexpr double kLegendTextX = 70;

struct LegendEntry {
  // The swatch centred on height y.
  std::function<std::string(double)> swatch;
  std::vector<std::string> lines;
};

struct Point {
  double x;
  double y;
};

// Angle of a pillar's axis: Strategy straight up, then clockwise.
double Angle(size_t index) {
  return (-90.0 + 72.0 * static_cast<double>(index)) * kPi / 180.0;
}

Point At(size_t index, double value) {
  const double r = kRadius * value / 5.0;
  return {kCx + r * std::cos(Angle(index)), kCy + r * std::sin(Angle(index))};
}

std::string PointList(const std::vector<Point>& points) {
  return absl::StrJoin(points, " ", [](std::string* out, const Point& p) {
    absl::StrAppend(out, Num(p.x), ",", Num(p.y));
  });
}

// The outline through the means: a closed polygon when every pillar has
// one, else a polyline per run of neighbouring pillars with a mean, so a
// missing pillar is a gap and never an interpolated corner.
std::string Outline(const std::array<svg::PillarView, kPillarCount>& views,
                    absl::string_view id, absl::string_view stroke,
                    absl::string_view fill) {
  size_t present = 0;
  for (const auto& v : views) present += v.mean.has_value() ? 1 : 0;
  if (present == 0) return "";
  if (present == kPillarCount) {
    std::vector<Point> points;
    for (size_t i = 0; i < kPillarCount; ++i) {
      points.push_back(At(i, *views[i].mean));
    }
    return absl::StrCat("<polygon id=\"", id, "\" points=\"", PointList(points),
                        "\" ", stroke, " ", fill, "/>\n");
  }
  // Start right after a missing pillar and walk once around.
  size_t start = 0;
  while (views[start].mean.has_value()) ++start;
  std::string out;
  std::vector<Point> run;
  int part = 0;
  auto flush = [&] {
    if (run.size() >= 2) {
      absl::StrAppend(&out, "<polyline id=\"", id, "-", part++, "\" points=\"",
                      PointList(run), "\" ", stroke, " fill=\"none\"/>\n");
    }
    run.clear();
  };
  for (size_t k = 1; k <= kPillarCount; ++k) {
    const size_t i = (start + k) % kPillarCount;
    if (views[i].mean) {
      run.push_back(At(i, *views[i].mean));
    } else {
      flush();
    }
  }
  flush();
  return out;
}

// A band of width `w` along axis `index` from `low` to `high`.
std::string Band(size_t index, double low, double high, double w,
                 absl::string_view id) {
  const Point a = At(index, low);
  const Point b = At(index, high);
  // Perpendicular to the axis.
  const double px = -std::sin(Angle(index)) * w / 2;
  const double py = std::cos(Angle(index)) * w / 2;
  // A band of zero length still shows as a short bar.
  double ex = 0, ey = 0;
  if (high - low < 0.05) {
    ex = std::cos(Angle(index)) * 2;
    ey = std::sin(Angle(index)) * 2;
  }
  const std::vector<Point> corners = {{a.x + px - ex, a.y + py - ey},
                                      {b.x + px + ex, b.y + py + ey},
                                      {b.x - px + ex, b.y - py + ey},
                                      {a.x - px - ex, a.y - py - ey}};
  return absl::StrCat("<polygon id=\"", id, "\" points=\"", PointList(corners),
                      "\" fill=\"", svg::kOrange,
                      "\" fill-opacity=\"0.55\" stroke=\"#8A5F00\" "
                      "stroke-width=\"1\"/>\n");
}

}  // namespace

absl::StatusOr<std::string> RenderRadarSvg(const v1::RoundReport& report,
                                           const v1::RoundReport* previous,
                                           Language language) {
  if (absl::Status s = svg::ValidateReport(report, "report"); !s.ok()) return s;
  if (previous != nullptr) {
    if (absl::Status s = svg::ValidateReport(*previous, "previous"); !s.ok()) {
      return s;
    }
  }
  const auto views = svg::ViewsOf(report);
  std::array<svg::PillarView, kPillarCount> before;
  if (previous != nullptr) before = svg::ViewsOf(*previous);

  // Texts: the title, and per pillar its note lines.
  const std::string title = svg::Say("svg_radar_title", language,
                                     report.team_name(), report.round_id());
  std::array<std::vector<std::string>, kPillarCount> notes;
  std::vector<std::string> sentences = {svg::Say("svg_scale", language)};
  bool any_gap = false;
  for (size_t i = 0; i < kPillarCount; ++i) {
    notes[i] = svg::PillarNotes(views[i], report, language);
    any_gap = any_gap || !views[i].mean.has_value();
    std::string sentence = absl::StrCat(PillarName(views[i].pillar, language),
                                        ": ", absl::StrJoin(notes[i], ", "));
    if (previous != nullptr && before[i].mean) {
      absl::StrAppend(&sentence, " (",
                      svg::Say("svg_previous_mean", language,
                               FormatDecimal(*before[i].mean, 2, language)),
                      ")");
    }
    sentences.push_back(absl::StrCat(sentence, "."));
  }
  if (previous != nullptr) {
    sentences.push_back(absl::StrCat(
        svg::Say("svg_legend_previous", language, previous->round_id(),
                 FormatLongDate(previous->round_date(), language)),
        "."));
  }
  sentences.push_back(absl::StrCat(
      svg::Say("svg_legend_band", language, absl::StrCat(kQuartileBandMinN)),
      "."));
  // The legend, built first to size the picture.
  std::vector<LegendEntry> legend;
  TextStyle legend_style;
  legend_style.size = 12;
  auto add = [&](std::function<std::string(double)> swatch,
                 const std::string& text) {
    legend.push_back(
        {std::move(swatch),
         svg::Wrap(text, legend_style.size, kWidth - kLegendTextX - 20)});
  };
  add(
      [](double y) {
        return absl::StrCat("<line x1=\"22\" y1=\"", Num(y),
                            "\" x2=\"58\" y2=\"", Num(y), "\" stroke=\"",
                            svg::kBlue,
                            "\" stroke-width=\"2.5\"/><circle cx=\"40\" cy=\"",
                            Num(y), "\" r=\"4.5\" fill=\"", svg::kBlue,
                            "\" stroke=\"#FFFFFF\" stroke-width=\"1.5\"/>\n");
      },
      svg::Say("svg_legend_this_round", language, report.round_id(),
               FormatLongDate(report.round_date(), language)));
  add(
      [](double y) {
        return absl::StrCat("<rect x=\"22\" y=\"", Num(y - 6),
                            "\" width=\"36\" height=\"12\" fill=\"",
                            svg::kOrange,
                            "\" fill-opacity=\"0.55\" stroke=\"#8A5F00\" "
                            "stroke-width=\"1\"/>\n");
      },
      svg::Say("svg_legend_band", language, absl::StrCat(kQuartileBandMinN)));
  if (previous != nullptr) {
    add(
        [](double y) {
          return absl::StrCat(
              "<line x1=\"22\" y1=\"", Num(y), "\" x2=\"58\" y2=\"", Num(y),
              "\" stroke=\"", svg::kVermillion,
              "\" stroke-width=\"2\" stroke-dasharray=\"7 5\"/><rect x=\"37\" "
              "y=\"",
              Num(y - 3),
              "\" width=\"6\" height=\"6\" fill=\"#FFFFFF\" stroke=\"",
              svg::kVermillion, "\" stroke-width=\"1.5\"/>\n");
        },
        svg::Say("svg_legend_previous", language, previous->round_id(),
                 FormatLongDate(previous->round_date(), language)));
  }
  if (any_gap) {
    add(
        [](double y) {
          return absl::StrCat(
              "<line x1=\"22\" y1=\"", Num(y), "\" x2=\"58\" y2=\"", Num(y),
              "\" stroke=\"", svg::kDarkGrey,
              "\" stroke-width=\"1.5\" stroke-dasharray=\"2 4\"/>\n");
        },
        svg::Say("svg_legend_gap", language));
  }
  double height = kLegendTop;
  for (const LegendEntry& e : legend) {
    height += kLineHeight * static_cast<double>(e.lines.size()) + 6;
  }

  svg::Document doc(kWidth, static_cast<int>(height + 8), title,
                    absl::StrJoin(sentences, " "));

  // Heading.
  TextStyle heading;
  heading.size = 17;
  heading.bold = true;
  doc.Text(20, 30, svg::Fit(title, heading.size, kWidth - 40), heading);
  TextStyle sub;
  sub.size = 12;
  sub.fill = svg::kDarkGrey;
  doc.Text(20, 50, svg::Say("svg_scale", language), sub);

  // Grid rings, one per score, and their values along the Strategy axis.
  doc.Raw(
      "<g id=\"grid\" fill=\"none\" stroke=\"#C8C8C8\" stroke-width=\"1\">\n");
  for (int v = 1; v <= 5; ++v) {
    std::vector<Point> ring;
    for (size_t i = 0; i < kPillarCount; ++i) ring.push_back(At(i, v));
    doc.Raw(absl::StrCat("<polygon points=\"", PointList(ring), "\"/>\n"));
  }
  doc.Raw("</g>\n");
  // Axes: solid where the pillar has a mean, dotted where it is a gap.
  for (size_t i = 0; i < kPillarCount; ++i) {
    const Point end = At(i, 5);
    doc.Raw(
        absl::StrCat("<line x1=\"", Num(kCx), "\" y1=\"", Num(kCy), "\" x2=\"",
                     Num(end.x), "\" y2=\"", Num(end.y), "\" stroke=\"",
                     views[i].mean ? svg::kGrey : svg::kDarkGrey,
                     "\" stroke-width=\"", views[i].mean ? "1" : "1.5", "\"",
                     views[i].mean ? "" : " stroke-dasharray=\"2 4\"", "/>\n"));
  }
  // Spread bands.
  for (size_t i = 0; i < kPillarCount; ++i) {
    if (!views[i].band) continue;
    doc.Raw(Band(i, views[i].band->low, views[i].band->high, 12,
                 absl::StrCat("band-", PillarKey(views[i].pillar))));
  }
  // The previous round, dashed.
  if (previous != nullptr) {
    doc.Raw(Outline(before, "previous-outline",
                    absl::StrCat("stroke=\"", svg::kVermillion,
                                 "\" stroke-width=\"2\" "
                                 "stroke-dasharray=\"7 5\""),
                    "fill=\"none\""));
    for (size_t i = 0; i < kPillarCount; ++i) {
      if (!before[i].mean) continue;
      const Point p = At(i, *before[i].mean);
      doc.Raw(absl::StrCat("<rect id=\"previous-", PillarKey(before[i].pillar),
                           "\" x=\"", Num(p.x - 3), "\" y=\"", Num(p.y - 3),
                           "\" width=\"6\" height=\"6\" fill=\"#FFFFFF\" "
                           "stroke=\"",
                           svg::kVermillion, "\" stroke-width=\"1.5\"/>\n"));
    }
  }
  // This round: the outline and a point per pillar with a mean.
  doc.Raw(
      Outline(views, "mean-outline",
              absl::StrCat("stroke=\"", svg::kBlue, "\" stroke-width=\"2.5\""),
              absl::StrCat("fill=\"", svg::kBlue, "\" fill-opacity=\"0.12\"")));
  for (size_t i = 0; i < kPillarCount; ++i) {
    if (!views[i].mean) continue;
    const Point p = At(i, *views[i].mean);
    doc.Raw(absl::StrCat("<circle id=\"mean-", PillarKey(views[i].pillar),
                         "\" cx=\"", Num(p.x), "\" cy=\"", Num(p.y),
                         "\" r=\"4.5\" fill=\"", svg::kBlue,
                         "\" stroke=\"#FFFFFF\" stroke-width=\"1.5\"/>\n"));
  }

  TextStyle ring_label;
  ring_label.size = 12;
  ring_label.fill = svg::kDarkGrey;
  ring_label.anchor = "middle";
  ring_label.extra =
      "stroke=\"#FFFFFF\" stroke-width=\"3\" paint-order=\"stroke\"";
  // Drawn over the outlines, on the middle of the ring's edge between Strategy
  // and Synergy, away from the axes where points and bands sit.
  for (int v = 1; v <= 5; ++v) {
    const Point a = At(0, v);
    const Point b = At(1, v);
    doc.Text((a.x + b.x) / 2, (a.y + b.y) / 2 + 4, absl::StrCat(v), ring_label);
  }

  // Labels: name and notes beyond the end of each axis.
  for (size_t i = 0; i < kPillarCount; ++i) {
    const double c = std::cos(Angle(i));
    const double s = std::sin(Angle(i));
    const Point anchor = {kCx + (kRadius + kLabelGap) * c,
                          kCy + (kRadius + kLabelGap) * s};
    const double block =
        kLineHeight * static_cast<double>(notes[i].size()) + kLabelSize;
    TextStyle name;
    name.size = kLabelSize;
    name.bold = true;
    TextStyle note;
    note.size = kNoteSize;
    note.fill = views[i].mean ? svg::kBlack : svg::kDarkGrey;
    note.italic = !views[i].mean.has_value();
    double top;  // Baseline of the name.
    if (std::fabs(c) < 0.2) {
      name.anchor = note.anchor = "middle";
      top = s < 0 ? anchor.y - block + kLabelSize - 4 : anchor.y + kLabelSize;
    } else {
      name.anchor = note.anchor = c > 0 ? "start" : "end";
      // Upper axes: centred on the axis end; lower axes: just below it.
      top = s < 0.5 ? anchor.y - block / 2 + kLabelSize
                    : anchor.y + kLabelSize / 2;
    }
    const std::string key(PillarKey(views[i].pillar));
    doc.Raw(absl::StrCat("<g id=\"", views[i].mean ? "label-" : "gap-", key,
                         "\">\n"));
    doc.Text(anchor.x, top, PillarName(views[i].pillar, language), name);
    doc.Lines(anchor.x, top + kLineHeight, notes[i], kLineHeight, note);
    doc.Raw("</g>\n");
  }

  // Legend.
  double y = kLegendTop;
  doc.Raw("<g id=\"legend\">\n");
  for (const LegendEntry& e : legend) {
    doc.Raw(e.swatch(y));
    doc.Lines(kLegendTextX, y + 4, e.lines, kLineHeight, legend_style);
    y += kLineHeight * static_cast<double>(e.lines.size()) + 6;
  }
  doc.Raw("</g>\n");
  return std::move(doc).Finish();
}

}  // namespace fives
