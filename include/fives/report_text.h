// A round report as plain text for a terminal, in Dutch or English.
#ifndef FIVES_REPORT_TEXT_H_
#define FIVES_REPORT_TEXT_H_

#include <string>

#include "absl/strings/string_view.h"
#include "fives/catalog.h"
#include "fives/v1/action.pb.h"
#include "fives/v1/report.pb.h"
#include "fives/v1/stats.pb.h"

namespace fives {

// A number with `decimals` digits after the separator: a point in English,
// a comma in Dutch.
std::string FormatDecimal(double value, int decimals, Language language);

// An action's status in words ("open", "klaar").
std::string ActionStatusText(v1::ActionStatus status, Language language);

// A date the way the language writes it: "2 November 2026", "2 november
// 2026"; an unparsable text is returned as it is.
std::string FormatLongDate(absl::string_view iso_date, Language language);

// `text` padded with spaces to `width` characters (UTF-8 code points).
std::string PadRight(absl::string_view text, size_t width);

// The label of a pillar's statistics in words ("split", "verdeeld").
absl::string_view LabelText(v1::AgreementLabel label, Language language);

// Why a pillar sits where it does in the focus ranking, in words.
std::string FocusReasonText(const v1::FocusCandidate& candidate,
                            Language language);

// The report: a heading, the per-pillar table (n, mean, median, sd, counts
// of 1..5, rwg, consensus, agreement, label), each member's scores in an open
// round, the focus ranking with reasons, the focus and its suggestions.
std::string RenderReportText(const v1::RoundReport& report, Language language);

}  // namespace fives

#endif  // FIVES_REPORT_TEXT_H_
