/// @file
/// Reports people want to look at: a round's report and a journal's history
/// as SVG pictures, in Dutch or English, with no dependency beyond the
/// library's own.
///
/// Every picture is a standalone SVG 1.1 document with a fixed viewBox, a
/// `<title>` and a `<desc>` (a plain-language summary for screen readers), text
/// in font-family sans-serif and no external assets. Colours come from the
/// Okabe-Ito palette (distinguishable with the common colour-vision
/// deficiencies) and never carry meaning alone: lines are solid or dashed and
/// named in a legend, scores are hatched or plain, labels are words. Visible
/// numbers use the language's decimal separator. The same input always gives
/// byte-identical output.
///
/// Privacy: a picture shows exactly what the report discloses. A pillar
/// withheld for too few responses is drawn as a gap with a short note, never
/// interpolated; a pillar that shows only its mean gets no spread band.
#ifndef FIVES_REPORT_SVG_H_
#define FIVES_REPORT_SVG_H_

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "fives/catalog.h"
#include "fives/journal.h"
#include "fives/v1/journal.pb.h"
#include "fives/v1/report.pb.h"
#include "fives/v1/stats.pb.h"

namespace fives {

/// From this many scores on, the spread band is the interquartile range;
/// below it, the range from the lowest to the highest score.
inline constexpr int kQuartileBandMinN = 5;

/// The spread of one pillar's scores as the pictures draw it.
struct SpreadBand {
  enum class Kind {
    /// First to third quartile. With the n scores sorted, the lower half is
    /// the floor(n/2) smallest and the upper half the floor(n/2) largest
    /// scores (the middle score is in neither when n is odd); the first
    /// quartile is the median of the lower half, the third the median of the
    /// upper half (the mean of the two middle values when a half is even).
    /// Scores 1 1 2 4 5 5: quartiles 1 and 5. Scores 3 4 4 4 5: 3.5 and 4.5.
    kQuartiles,
    /// Lowest to highest score.
    kRange,
  };
  Kind kind = Kind::kRange;
  double low = 0;
  double high = 0;
};

/// The band of a pillar: computed from the histogram when the report
/// discloses it (kQuartiles when n >= kQuartileBandMinN, kRange below);
/// nullopt when the histogram is withheld (DISCLOSURE_NO_DISTRIBUTION or
/// DISCLOSURE_TOO_FEW_RESPONSES) or there are no scores. InvalidArgument for
/// a histogram that is not five non-negative counts summing to n.
absl::StatusOr<std::optional<SpreadBand>> PillarSpread(
    const v1::PillarStats& stats);

/// The radar: five axes in pillar order (Strategy at the top, clockwise),
/// scale 1-5 with a grid ring per score, this round's means as a polygon, the
/// spread per pillar (PillarSpread) as a band along its axis, and, when
/// `previous` is given (nullable), that round's means as a dashed outline.
/// Each axis carries the pillar's name in `language`, its mean and its band.
/// A pillar withheld, not asked or without scores has no point: its axis is
/// dotted, the outline is broken there, and a note says why.
///
/// InvalidArgument for a report that has no pillars, an unknown or repeated
/// pillar, a mean or median outside 1..5, min/max outside 1..5, or a
/// histogram that is not five non-negative counts summing to n; the same for
/// `previous`.
absl::StatusOr<std::string> RenderRadarSvg(const v1::RoundReport& report,
                                           const v1::RoundReport* previous,
                                           Language language);

/// Distribution strips: per pillar (in pillar order) a bar of the counts of
/// the scores 1..5 stacked left to right, each block with its count, scores
/// 1 and 2 hatched; next to it the agreement label (shared, mixed, split,
/// single) as a word in a coloured tag, and n with the mean below. A pillar
/// whose distribution is withheld shows a note instead of the bar. Errors as
/// RenderRadarSvg.
absl::StatusOr<std::string> RenderDistributionSvg(const v1::RoundReport& report,
                                                  Language language);

/// The trend: one panel per pillar with the mean of every closed round of
/// `journal`, in the journal's order, as points joined by a line (broken
/// where a round shows no mean), the spread of each round as a vertical band
/// (PillarSpread: quartiles or range from the disclosed histogram; none when
/// the round shows only its mean or withholds the pillar, which is noted as
/// "n < min_responses"), and a marker where a plan on that round chose the
/// pillar as its focus. Uses each round's report as Journal::ClosedRoundReports
/// gives it (the journal validated once, when it was loaded), so privacy is
/// as in the reports. NotFound when it has no closed round, as
/// Journal::LatestReport.
absl::StatusOr<std::string> RenderTrendSvg(const Journal& journal,
                                           Language language);

}  // namespace fives

#endif  // FIVES_REPORT_SVG_H_
