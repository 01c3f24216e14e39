#include "svg_writer.h"

#include <cmath>
#include <cstdint>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/substitute.h"
#include "fives/privacy_thresholds.h"
#include "fives/report_text.h"
#include "fives/score_histogram.h"
#include "fives/string_rules.h"

namespace fives::svg {
namespace {

int MinResponses(const v1::RoundReport& report) {
  return report.thresholds().has_min_responses()
             ? report.thresholds().min_responses()
             : PrivacyThresholds{}.min_responses;
}

int MinDistribution(const v1::RoundReport& report) {
  return report.thresholds().has_min_distribution()
             ? report.thresholds().min_distribution()
             : PrivacyThresholds{}.min_distribution;
}

bool InScale(double v) { return std::isfinite(v) && v >= 1.0 && v <= 5.0; }

}  // namespace

std::string Escape(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' &&
            c != '\r') {
          break;
        }
        out += c;
    }
  }
  return out;
}

std::string Num(double value) {
  return FormatDecimal(value, 1, Language::kEnglish);
}

double TextWidth(absl::string_view text, double font_size) {
  return 0.6 * font_size * static_cast<double>(CountCodePoints(text));
}

std::string Fit(absl::string_view text, double font_size, double max_width) {
  if (TextWidth(text, font_size) <= max_width) return std::string(text);
  const double per = 0.6 * font_size;
  const size_t keep =
      max_width > 2 * per ? static_cast<size_t>(max_width / per) - 1 : 0;
  return absl::StrCat(FirstCodePoints(text, keep), "…");
}

std::vector<std::string> Wrap(absl::string_view text, double font_size,
                              double max_width) {
  std::vector<std::string> lines;
  std::string line;
  for (absl::string_view word : absl::StrSplit(text, ' ', absl::SkipEmpty())) {
    std::string candidate =
        line.empty() ? std::string(word) : absl::StrCat(line, " ", word);
    if (!line.empty() && TextWidth(candidate, font_size) > max_width) {
      lines.push_back(std::move(line));
      line = std::string(word);
    } else {
      line = std::move(candidate);
    }
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

std::string ScoreText(double value, Language language) {
  const double whole = std::round(value);
  if (std::fabs(value - whole) < 1e-9) {
    return absl::StrCat(static_cast<int>(whole));
  }
  return FormatDecimal(value, 1, language);
}

Document::Document(int width, int height, absl::string_view title,
                   absl::string_view desc)
    : width_(width) {
  absl::StrAppend(
      &out_, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
      "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"",
      width, "\" height=\"", height, "\" viewBox=\"0 0 ", width, " ", height,
      "\" role=\"img\" aria-labelledby=\"title desc\" "
      "font-family=\"sans-serif\">\n",
      "<title id=\"title\">", Escape(title), "</title>\n", "<desc id=\"desc\">",
      Escape(desc), "</desc>\n", "<rect x=\"0\" y=\"0\" width=\"", width,
      "\" height=\"", height, "\" fill=\"#FFFFFF\"/>\n");
}

void Document::Raw(absl::string_view markup) { absl::StrAppend(&out_, markup); }

void Document::Text(double x, double y, absl::string_view text,
                    const TextStyle& style) {
  absl::StrAppend(&out_, "<text x=\"", Num(x), "\" y=\"", Num(y),
                  "\" font-size=\"", Num(style.size), "\"");
  if (style.anchor != "start") {
    absl::StrAppend(&out_, " text-anchor=\"", style.anchor, "\"");
  }
  if (style.bold) absl::StrAppend(&out_, " font-weight=\"bold\"");
  if (style.italic) absl::StrAppend(&out_, " font-style=\"italic\"");
  if (style.fill != kBlack) {
    absl::StrAppend(&out_, " fill=\"", style.fill, "\"");
  }
  if (!style.extra.empty()) absl::StrAppend(&out_, " ", style.extra);
  absl::StrAppend(&out_, ">", Escape(text), "</text>\n");
}

void Document::Lines(double x, double y, const std::vector<std::string>& lines,
                     double line_height, const TextStyle& style) {
  for (size_t i = 0; i < lines.size(); ++i) {
    Text(x, y + line_height * static_cast<double>(i), lines[i], style);
  }
}

std::string Document::Finish() && {
  out_.append("</svg>\n");
  return std::move(out_);
}

absl::Status ValidateReport(const v1::RoundReport& report,
                            absl::string_view what) {
  if (report.pillars().empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(what, ": the report has no pillars"));
  }
  std::array<bool, kPillarCount> seen{};
  for (int i = 0; i < report.pillars_size(); ++i) {
    const v1::PillarStats& s = report.pillars(i);
    const std::string field = absl::StrCat(what, ".pillars[", i, "]");
    absl::StatusOr<Pillar> pillar =
        PillarFromProto(s.pillar(), absl::StrCat(field, ".pillar"));
    if (!pillar.ok()) return pillar.status();
    if (seen[PillarIndex(*pillar)]) {
      return absl::InvalidArgumentError(
          absl::StrCat(field, ": pillar ", PillarKey(*pillar), " repeated"));
    }
    seen[PillarIndex(*pillar)] = true;
    if (s.n() < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat(field, ".n: negative (", s.n(), ")"));
    }
    if (s.has_mean() && !InScale(s.mean())) {
      return absl::InvalidArgumentError(absl::StrCat(
          field, ".mean: ", s.mean(), " is outside the scale 1..5"));
    }
    if (s.has_median() && !InScale(s.median())) {
      return absl::InvalidArgumentError(absl::StrCat(
          field, ".median: ", s.median(), " is outside the scale 1..5"));
    }
    if (s.has_min() && (s.min() < 1 || s.min() > 5)) {
      return absl::InvalidArgumentError(
          absl::StrCat(field, ".min: ", s.min(), " is outside 1..5"));
    }
    if (s.has_max() && (s.max() < 1 || s.max() > 5)) {
      return absl::InvalidArgumentError(
          absl::StrCat(field, ".max: ", s.max(), " is outside 1..5"));
    }
    if (s.has_min() && s.has_max() && s.min() > s.max()) {
      return absl::InvalidArgumentError(
          absl::StrCat(field, ": min ", s.min(), " above max ", s.max()));
    }
    absl::StatusOr<std::optional<SpreadBand>> band = PillarSpread(s);
    if (!band.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(field, ": ", band.status().message()));
    }
  }
  return absl::OkStatus();
}

std::array<PillarView, kPillarCount> ViewsOf(const v1::RoundReport& report) {
  std::array<PillarView, kPillarCount> views;
  for (Pillar p : kAllPillars) views[PillarIndex(p)].pillar = p;
  for (const v1::PillarStats& s : report.pillars()) {
    PillarView& v = views[PillarIndex(*PillarFromProto(s.pillar()))];
    v.stats = &s;
    if (s.n() > 0 && s.has_mean()) {
      v.mean = s.mean();
      v.band = *PillarSpread(s);
    }
  }
  return views;
}

std::vector<std::string> PillarNotes(const PillarView& view,
                                     const v1::RoundReport& report,
                                     Language language) {
  if (view.stats == nullptr) return {Say("svg_not_asked", language)};
  const v1::PillarStats& s = *view.stats;
  if (s.disclosure() == v1::DISCLOSURE_TOO_FEW_RESPONSES) {
    return {Say("svg_withheld_short", language,
                absl::StrCat(MinResponses(report)))};
  }
  if (s.disclosure() == v1::DISCLOSURE_HELD_BACK) {
    return {Say("svg_held_back_short", language, s.held_back_against())};
  }
  if (!view.mean) return {Say("svg_no_scores", language)};
  std::vector<std::string> notes = {
      Say("svg_mean", language, FormatDecimal(*view.mean, 2, language))};
  if (view.band) {
    notes.push_back(BandText(*view.band, language));
  } else if (s.disclosure() == v1::DISCLOSURE_NO_DISTRIBUTION) {
    notes.push_back(Say("svg_mean_only_short", language,
                        absl::StrCat(MinDistribution(report))));
  }
  return notes;
}

std::string BandText(const SpreadBand& band, Language language) {
  return Say(band.kind == SpreadBand::Kind::kQuartiles ? "svg_band_quartiles"
                                                       : "svg_band_range",
             language, ScoreText(band.low, language),
             ScoreText(band.high, language));
}

}  // namespace fives::svg

namespace fives {

absl::StatusOr<std::optional<SpreadBand>> PillarSpread(
    const v1::PillarStats& stats) {
  if (stats.histogram().empty()) return std::nullopt;
  if (stats.histogram_size() != kScoreCategories) {
    return absl::InvalidArgumentError(
        absl::StrCat("histogram has ", stats.histogram_size(), " entries, not ",
                     kScoreCategories));
  }
  int64_t total = 0;
  for (int i = 0; i < kScoreCategories; ++i) {
    if (stats.histogram(i) < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("histogram count of score ", i + 1, " is negative (",
                       stats.histogram(i), ")"));
    }
    total += stats.histogram(i);
  }
  if (total != stats.n()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "histogram counts sum to ", total, ", not n = ", stats.n()));
  }
  if (stats.disclosure() != v1::DISCLOSURE_FULL || total == 0) {
    return std::nullopt;
  }
  // The k-th smallest score, 0-based.
  auto at = [&](int64_t k) {
    int64_t below = 0;
    for (int i = 0; i < kScoreCategories; ++i) {
      below += stats.histogram(i);
      if (k < below) return static_cast<double>(i + 1);
    }
    return static_cast<double>(kScoreCategories);
  };
  // Median of the `len` sorted scores starting at index `first`.
  auto median = [&](int64_t first, int64_t len) {
    const int64_t mid = first + len / 2;
    return len % 2 == 1 ? at(mid) : (at(mid - 1) + at(mid)) / 2.0;
  };
  SpreadBand band;
  if (total >= kQuartileBandMinN) {
    const int64_t half = total / 2;
    band.kind = SpreadBand::Kind::kQuartiles;
    band.low = median(0, half);
    band.high = median(total - half, half);
  } else {
    band.kind = SpreadBand::Kind::kRange;
    band.low = at(0);
    band.high = at(total - 1);
  }
  return band;
}

}  // namespace fives
