/// @file
/// A round report as plain text for a terminal, in Dutch or English.
#ifndef FIVES_REPORT_TEXT_H_
#define FIVES_REPORT_TEXT_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "fives/catalog.h"
#include "fives/pillar.h"
#include "fives/v1/action.pb.h"
#include "fives/v1/charter.pb.h"
#include "fives/v1/report.pb.h"
#include "fives/v1/stats.pb.h"
#include "fives/v1/trend.pb.h"

namespace fives {

/// A number with `decimals` digits after the separator: a point in English,
/// a comma in Dutch.
std::string FormatDecimal(double value, int decimals, Language language);

/// FormatDecimal when the measure is defined (`has`), else "–".
std::string OptionalDecimal(bool has, double value, int decimals,
                            Language language);

/// FormatDecimal with a "+" before a change that shows as above zero
/// ("+0,25"; "0.00" and "-0.10" as FormatDecimal gives them).
std::string FormatSignedDecimal(double value, int decimals, Language language);

/// A share in 0..1 as a whole percentage: "67%".
std::string FormatPercent(double share);

/// The counts of the scores 1..5 ("0 1 3 1 0"), or "–" when the histogram
/// is withheld.
std::string CountsText(const v1::PillarStats& stats);

/// An action's status in words ("open", "klaar").
std::string ActionStatusText(v1::ActionStatus status, Language language);

/// A date the way the language writes it: "2 November 2026", "2 november
/// 2026"; an unparsable text is returned as it is.
std::string FormatLongDate(absl::string_view iso_date, Language language);

/// `text` padded with spaces to `width` characters (UTF-8 code points).
std::string PadRight(absl::string_view text, size_t width);

/// Rows of cells laid out in left-aligned columns two spaces apart, one line
/// per row (widths in UTF-8 code points).
std::string TextTable(const std::vector<std::vector<std::string>>& rows);

/// The label of a pillar's statistics in words ("split", "verdeeld").
absl::string_view LabelText(v1::AgreementLabel label, Language language);

/// Why a pillar sits where it does in the focus ranking, in words.
std::string FocusReasonText(const v1::FocusCandidate& candidate,
                            Language language);

// --- Perception and agreements side by side --------------------------------
// Pieces of the section "Perception and agreements" that the text, Markdown
// and HTML reports share: a pillar's perception in the round next to its
// readiness in the charter review.

/// A pillar's perception in `report`: its mean and label, "3.40 (mixed)";
/// "n = 2, not shown (fewer than 3)" when the round withholds it; "not asked
/// in this round" when the round did not ask it; "–" without a mean.
std::string PerceptionText(const v1::RoundReport& report, Pillar pillar,
                           Language language);

/// The agreements of a pillar's review in place, and how many it asks for.
struct Readiness {
  int in_place = 0;
  int total = 0;
};
Readiness ReadinessOf(const v1::PillarCharterReview& pillar);

/// The agreements not in place, in the method's order, by name: "Topic
/// owners, Not-doing list (stale)"; "–" when every one is in place.
std::string OpenAgreementsText(const v1::PillarCharterReview& pillar,
                               Language language);

/// The pillar's warning signals ticked at the latest check of the review,
/// each as "<signal>: ticked at 2 of 2 checks (since 25 March 2026)".
std::vector<std::string> PresentSignalLines(
    const v1::CharterReview& review, const v1::PillarCharterReview& pillar,
    Language language);

/// The next agreement: "Next agreement: Topic owners (Structure, the plan's
/// focus pillar). Give every recurring topic an owner."; "Every agreement is
/// in place." without one.
std::string NextAgreementText(const v1::CharterReview& review,
                              Language language);

/// The report: a heading, the per-pillar table (n, mean, median, sd, counts
/// of 1..5, rwg, consensus, agreement, label), each member's scores in an open
/// round, the focus ranking with reasons, the focus and its suggestions
/// (FocusSuggestions in `language`: a report of the analysis, without
/// suggestions, renders the same as one AddSuggestions filled). When the
/// report carries a charter review, a last section "Perception and
/// agreements": per pillar the perception, the readiness as "k/m" agreements
/// in place and the agreements missing or stale; then the next agreement and
/// the warning signals still seen at the latest check. Without one the output
/// ends with the suggestions.
std::string RenderReportText(const v1::RoundReport& report, Language language);

/// Why a pillar's figures are not all shown, as the disclosure decision gave
/// it (too few responses, only n and the mean, held back against
/// differencing), or the warning of the team's "warn" policy; empty when
/// everything is shown. The one source of this text for every renderer.
std::string DisclosureNote(const v1::PillarStats& stats,
                           const v1::PrivacyThresholds& thresholds,
                           Language language);

/// "not enough data to compare: ..." for a trend whose verdict is withheld,
/// saying which round does not show its full distribution; empty when the
/// trend has its verdict.
std::string ComparisonNote(const v1::PillarTrend& trend, Language language);

/// The same for a trend between two periods of an organisation, each named
/// by its dates (`before`, `after`, e.g. "1 January 2026 to 30 June 2026")
/// instead of a round id.
std::string PeriodComparisonNote(const v1::PillarTrend& trend,
                                 absl::string_view before,
                                 absl::string_view after, Language language);

/// The verdict of a trend in words: "improved: a larger change than chance
/// explains with these numbers (p ≤ 0.05)", "too small to tell: ...", or the
/// ComparisonNote when the verdict is withheld.
std::string VerdictText(const v1::PillarTrend& trend, Language language);

/// The verdict as one short word for a table cell: "improved", "declined",
/// "too small to tell", or "no verdict" when it is withheld.
std::string VerdictWord(const v1::PillarTrend& trend, Language language);

/// A pillar in plain words, for people who do not read statistics, from what
/// the disclosure decision released only: "the team mostly agrees: 4.00 on
/// average", "views differ: ...", "the team is split: some see a strength,
/// some a weakness (...)", "too few answers to say more (2 given, 3
/// needed)". Reports lead with these; the figures follow as details.
std::string PlainWordsText(const v1::PillarStats& stats,
                           const v1::PrivacyThresholds& thresholds,
                           Language language);

/// What each figure of a report means, one short line per measure (n, mean
/// and median, SD, the counts, rwg, consensus, agreement, the label and the
/// average-deviation note), with the round's own thresholds; n and the mean
/// alone when no pillar shows its distribution.
std::vector<std::string> MeasureLegend(const v1::RoundReport& report,
                                       Language language);

/// The size of an effect in words: "negligible", "small", "medium", "large"
/// (fives.v1.EffectSize); empty when unspecified.
std::string EffectSizeText(v1::EffectSize size, Language language);

/// A p-value for people: three decimals, or "< 0.001".
std::string PValueText(double p, Language language);

/// The closed loop of a round's report: whether the focus pillar of the plan
/// on an earlier round moved. `heading` names the pillar, the plan and the
/// rounds (or says there is no verdict yet); `lines` give the verdict in
/// words, the means before and after with the change, and the p-value with
/// the effect size, or why those are withheld.
struct VerdictView {
  std::string heading;
  std::vector<std::string> lines;
};
VerdictView VerdictOf(const v1::RoundReport& report, Language language);

/// The verdict as the text report ends with it: the heading, then each line
/// indented by two spaces.
std::string RenderVerdictText(const v1::RoundReport& report, Language language);

}  // namespace fives

#endif  // FIVES_REPORT_TEXT_H_
