// Internal helpers of the SVG pictures (report_svg.h): escaping, fixed
// number formatting, conservative text measuring and a small document
// writer. Not part of the public API.
#ifndef FIVES_LIB_SVG_WRITER_H_
#define FIVES_LIB_SVG_WRITER_H_

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "fives/catalog.h"
#include "fives/pillar.h"
#include "fives/report_svg.h"
#include "fives/v1/report.pb.h"
#include "fives/v1/stats.pb.h"

namespace fives::svg {

// Okabe-Ito palette.
inline constexpr absl::string_view kBlack = "#000000";
inline constexpr absl::string_view kOrange = "#E69F00";
inline constexpr absl::string_view kSkyBlue = "#56B4E9";
inline constexpr absl::string_view kGreen = "#009E73";
inline constexpr absl::string_view kYellow = "#F0E442";
inline constexpr absl::string_view kBlue = "#0072B2";
inline constexpr absl::string_view kVermillion = "#D55E00";
inline constexpr absl::string_view kPurple = "#CC79A7";
// Neutrals for grid, notes and withheld areas.
inline constexpr absl::string_view kGrid = "#C8C8C8";
inline constexpr absl::string_view kGrey = "#999999";
inline constexpr absl::string_view kDarkGrey = "#555555";

// The pattern of withheld areas, light grey hatching, for a <defs> block:
// fill="url(#fives-withheld)". Every picture marks what privacy withholds
// this way, so colour never carries it alone.
inline constexpr absl::string_view kWithheldPattern =
    "<pattern id=\"fives-withheld\" width=\"8\" height=\"8\" "
    "patternUnits=\"userSpaceOnUse\">"
    "<rect width=\"8\" height=\"8\" fill=\"#F2F2F2\"/>"
    "<path d=\"M0,8 L8,0 M-2,2 L2,-2 M6,10 L10,6\" stroke=\"#BBBBBB\" "
    "stroke-width=\"1\"/></pattern>\n";

// `text` escaped for XML character data and attribute values (&, <, >, ",
// '); C0 control characters other than tab, newline and carriage return,
// which XML 1.0 cannot carry, are dropped.
std::string Escape(absl::string_view text);

// A coordinate with one decimal, never "-0.0".
std::string Num(double value);

// Estimated width of `text` at `font_size`: 0.6 em per code point, which is
// at or above the average advance of common sans-serif fonts.
double TextWidth(absl::string_view text, double font_size);

// `text` shortened with an ellipsis to fit `max_width`.
std::string Fit(absl::string_view text, double font_size, double max_width);

// `text` broken at spaces into lines that fit `max_width` (a word longer
// than a line is kept whole).
std::vector<std::string> Wrap(absl::string_view text, double font_size,
                              double max_width);

// A score value for a label: "4" when whole, else one decimal ("3,5").
std::string ScoreText(double value, Language language);

// The catalog's phrases, as every renderer of the library says them.
using ::fives::Say;

// Text attributes.
struct TextStyle {
  double size = 12;
  // "start", "middle" or "end".
  absl::string_view anchor = "start";
  bool bold = false;
  bool italic = false;
  absl::string_view fill = kBlack;
  // Extra raw attributes, e.g. id="...".
  std::string extra;
};

// An SVG document with a fixed size, built element by element.
class Document {
 public:
  // `title` and `desc` are plain text (escaped here).
  Document(int width, int height, absl::string_view title,
           absl::string_view desc);

  // Appends raw, already escaped markup.
  void Raw(absl::string_view markup);
  // One line of text (escaped here).
  void Text(double x, double y, absl::string_view text, const TextStyle& style);
  // Lines of text, `line_height` apart, the first baseline at `y`.
  void Lines(double x, double y, const std::vector<std::string>& lines,
             double line_height, const TextStyle& style);

  int width() const { return width_; }
  // The finished document.
  std::string Finish() &&;

 private:
  int width_;
  std::string out_;
};

// What a report shows of one pillar.
struct PillarView {
  Pillar pillar = Pillar::kStrategy;
  // Null when the round did not ask the pillar.
  const v1::PillarStats* stats = nullptr;
  std::optional<double> mean;
  std::optional<SpreadBand> band;
};

// Checks a report for drawing (see RenderRadarSvg for the rules); `what`
// names it in the error.
absl::Status ValidateReport(const v1::RoundReport& report,
                            absl::string_view what);

// The five pillars of a validated report, in pillar order.
std::array<PillarView, kPillarCount> ViewsOf(const v1::RoundReport& report);

// The pillar's state as short note lines: mean and band, or why there is
// none ("not shown: n < 3").
std::vector<std::string> PillarNotes(const PillarView& view,
                                     const v1::RoundReport& report,
                                     Language language);

// The band as text: "quartiles 3–4" or "range 1–5".
std::string BandText(const SpreadBand& band, Language language);

}  // namespace fives::svg

#endif  // FIVES_LIB_SVG_WRITER_H_
