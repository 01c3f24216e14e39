// The distribution strips (RenderDistributionSvg).
#include <algorithm>
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

constexpr int kWidth = 680;
constexpr double kNameX = 20;
constexpr double kBarX = 200;
constexpr double kBarWidth = 320;
constexpr double kBarHeight = 28;
constexpr double kTagX = 540;
constexpr double kRowsTop = 96;
constexpr double kRowHeight = 64;

// Fill of the block of score 1..5: hatched for the low scores, so the score
// is told by pattern and position as well as colour.
constexpr absl::string_view kScoreFill[] = {"url(#fives-score-1)",
                                            "url(#fives-score-2)", "#D9D9D9",
                                            svg::kSkyBlue, svg::kBlue};
// Count text on the block: white only on the dark blue of score 5.
constexpr absl::string_view kScoreInk[] = {"#000000", "#000000", "#000000",
                                           "#000000", "#FFFFFF"};

// A digit on the block of `score` (a count, or the score in the key); on
// the patterned blocks of 1 and 2 a white halo keeps it readable.
TextStyle DigitStyle(int score, double size) {
  TextStyle digit;
  digit.size = size;
  digit.bold = true;
  digit.anchor = "middle";
  digit.fill = kScoreInk[score - 1];
  if (score <= 2) {
    digit.extra =
        "stroke=\"#FFFFFF\" stroke-width=\"3\" paint-order=\"stroke\"";
  }
  return digit;
}

// The score patterns; the withheld pattern (svg::kWithheldPattern) follows.
constexpr absl::string_view kScoreDefs =
    "<defs>\n"
    "<pattern id=\"fives-score-1\" width=\"6\" height=\"6\" "
    "patternUnits=\"userSpaceOnUse\">"
    "<rect width=\"6\" height=\"6\" fill=\"#D55E00\"/>"
    "<path d=\"M0,6 L6,0 M-1,1 L1,-1 M5,7 L7,5 M0,0 L6,6\" stroke=\"#FFFFFF\" "
    "stroke-width=\"1\" stroke-opacity=\"0.7\"/></pattern>\n"
    "<pattern id=\"fives-score-2\" width=\"8\" height=\"8\" "
    "patternUnits=\"userSpaceOnUse\">"
    "<rect width=\"8\" height=\"8\" fill=\"#E69F00\"/>"
    "<path d=\"M0,8 L8,0 M-2,2 L2,-2 M6,10 L10,6\" stroke=\"#FFFFFF\" "
    "stroke-width=\"1.2\" stroke-opacity=\"0.7\"/></pattern>\n";

// Tag colour of an agreement label.
absl::string_view LabelColour(v1::AgreementLabel label) {
  switch (label) {
    case v1::AGREEMENT_LABEL_SHARED:
      return svg::kGreen;
    case v1::AGREEMENT_LABEL_MIXED:
      return svg::kYellow;
    case v1::AGREEMENT_LABEL_SPLIT:
      return svg::kVermillion;
    default:
      return svg::kGrey;
  }
}

}  // namespace

absl::StatusOr<std::string> RenderDistributionSvg(const v1::RoundReport& report,
                                                  Language language) {
  if (absl::Status s = svg::ValidateReport(report, "report"); !s.ok()) return s;
  const auto views = svg::ViewsOf(report);

  // The widest label tag, so every tag has the same width.
  double tag_width = 0;
  for (v1::AgreementLabel label :
       {v1::AGREEMENT_LABEL_SINGLE, v1::AGREEMENT_LABEL_SHARED,
        v1::AGREEMENT_LABEL_MIXED, v1::AGREEMENT_LABEL_SPLIT}) {
    tag_width = std::max(tag_width,
                         svg::TextWidth(LabelText(label, language), 13) + 20);
  }

  const std::string title = svg::Say("svg_strips_title", language,
                                     report.team_name(), report.round_id());
  std::vector<std::string> sentences = {svg::Say("svg_scale", language)};
  for (const svg::PillarView& v : views) {
    std::vector<std::string> parts;
    if (v.stats != nullptr) {
      parts.push_back(svg::Say("svg_n", language, absl::StrCat(v.stats->n())));
    }
    for (std::string& note : svg::PillarNotes(v, report, language)) {
      parts.push_back(std::move(note));
    }
    if (v.stats != nullptr && v.stats->histogram_size() == 5) {
      parts.push_back(svg::Say("svg_counts", language,
                               absl::StrJoin(v.stats->histogram(), " ")));
    }
    if (v.mean)
      parts.push_back(std::string(LabelText(v.stats->label(), language)));
    sentences.push_back(absl::StrCat(PillarName(v.pillar, language), ": ",
                                     absl::StrJoin(parts, ", "), "."));
  }

  const std::vector<std::string> footnote =
      svg::Wrap(svg::Say("svg_strips_note", language), 12, kWidth - 40);
  const double rows_bottom =
      kRowsTop + kRowHeight * static_cast<double>(kPillarCount);
  const int height = static_cast<int>(rows_bottom + 15 * footnote.size() + 20);
  svg::Document doc(kWidth, height, title, absl::StrJoin(sentences, " "));
  doc.Raw(absl::StrCat(kScoreDefs, svg::kWithheldPattern, "</defs>\n"));

  TextStyle heading;
  heading.size = 17;
  heading.bold = true;
  doc.Text(20, 30, svg::Fit(title, heading.size, kWidth - 40), heading);

  // The key: the five score blocks.
  TextStyle key;
  key.size = 12;
  const std::string score_word = svg::Say("svg_score", language);
  doc.Text(kNameX, 64, score_word, key);
  const double key_x = kNameX + svg::TextWidth(score_word, 12) + 10;
  doc.Raw("<g id=\"key\">\n");
  for (int score = 1; score <= 5; ++score) {
    const double x = key_x + 34.0 * (score - 1);
    doc.Raw(absl::StrCat("<rect x=\"", Num(x),
                         "\" y=\"50\" width=\"28\" "
                         "height=\"20\" fill=\"",
                         kScoreFill[score - 1],
                         "\" stroke=\"#FFFFFF\" stroke-width=\"1\"/>\n"));
    doc.Text(x + 14, 64, absl::StrCat(score), DigitStyle(score, 12));
  }
  doc.Raw("</g>\n");
  doc.Text(key_x + 34.0 * 5 + 6, 64, svg::Say("svg_strips_key", language), key);

  for (size_t i = 0; i < kPillarCount; ++i) {
    const svg::PillarView& v = views[i];
    const double top = kRowsTop + kRowHeight * static_cast<double>(i);
    const std::string key_name(PillarKey(v.pillar));
    doc.Raw(absl::StrCat("<g id=\"strip-", key_name, "\">\n"));
    TextStyle name;
    name.size = 14;
    name.bold = true;
    doc.Text(kNameX, top + 19, PillarName(v.pillar, language), name);

    const bool has_bar = v.stats != nullptr && v.stats->histogram_size() == 5 &&
                         v.stats->n() > 0;
    if (has_bar) {
      double x = kBarX;
      const double n = static_cast<double>(v.stats->n());
      for (int score = 1; score <= 5; ++score) {
        const int count = v.stats->histogram(score - 1);
        if (count == 0) continue;
        const double w = kBarWidth * count / n;
        doc.Raw(absl::StrCat(
            "<rect id=\"block-", key_name, "-", score, "\" x=\"", Num(x),
            "\" y=\"", Num(top), "\" width=\"", Num(w), "\" height=\"",
            Num(kBarHeight), "\" fill=\"", kScoreFill[score - 1],
            "\" stroke=\"#FFFFFF\" stroke-width=\"1\"/>\n"));
        if (w >= 18) {
          doc.Text(x + w / 2, top + 19, absl::StrCat(count),
                   DigitStyle(score, 13));
        }
        x += w;
      }
    } else {
      doc.Raw(absl::StrCat("<rect x=\"", Num(kBarX), "\" y=\"", Num(top),
                           "\" width=\"", Num(kBarWidth), "\" height=\"",
                           Num(kBarHeight),
                           "\" fill=\"url(#fives-withheld)\" stroke=\"",
                           svg::kGrey, "\" stroke-width=\"1\"/>\n"));
    }

    // The label as a word in a tag.
    if (v.mean && v.stats != nullptr) {
      const v1::AgreementLabel label = v.stats->label();
      const absl::string_view colour = LabelColour(label);
      doc.Raw(absl::StrCat(
          "<rect id=\"tag-", key_name, "\" x=\"", Num(kTagX), "\" y=\"",
          Num(top + 2), "\" width=\"", Num(tag_width), "\" height=\"",
          Num(kBarHeight - 4), "\" rx=\"12\" fill=\"", colour,
          "\" fill-opacity=\"0.3\" stroke=\"",
          // The yellow alone is too light for a border on white.
          label == v1::AGREEMENT_LABEL_MIXED ? "#A39A00" : colour,
          "\" stroke-width=\"2\"",
          label == v1::AGREEMENT_LABEL_SPLIT ? " stroke-dasharray=\"5 3\"" : "",
          "/>\n"));
      TextStyle word;
      word.size = 13;
      word.bold = label == v1::AGREEMENT_LABEL_SPLIT;
      word.anchor = "middle";
      doc.Text(kTagX + tag_width / 2, top + 19, LabelText(label, language),
               word);
    }

    // n, mean and band, or why nothing is shown.
    std::vector<std::string> info;
    if (v.stats != nullptr) {
      info.push_back(svg::Say("svg_n", language, absl::StrCat(v.stats->n())));
    }
    for (std::string& note : svg::PillarNotes(v, report, language)) {
      info.push_back(std::move(note));
    }
    TextStyle small;
    small.size = 12;
    small.fill = svg::kDarkGrey;
    small.italic = !has_bar;
    doc.Text(kBarX, top + kBarHeight + 16,
             svg::Fit(absl::StrJoin(info, " · "), 12, kWidth - kBarX - 20),
             small);
    doc.Raw("</g>\n");
  }

  TextStyle foot;
  foot.size = 12;
  foot.fill = svg::kDarkGrey;
  doc.Lines(kNameX, rows_bottom + 12, footnote, 15, foot);
  return std::move(doc).Finish();
}

}  // namespace fives
