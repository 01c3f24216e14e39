/// @file
/// The report of a round: per-pillar statistics as the round's privacy allows,
/// the focus ranking and the focus pillar. Figures only: the report layer adds
/// the suggestions in a language (AddSuggestions, fives/report_suggestions.h).
#ifndef FIVES_ROUND_REPORT_H_
#define FIVES_ROUND_REPORT_H_

#include "absl/status/statusor.h"
#include "fives/disclosure.h"
#include "fives/focus.h"
#include "fives/round.h"
#include "fives/score_stats.h"
#include "fives/team.h"
#include "fives/v1/report.pb.h"

namespace fives {

struct ReportOptions {
  FocusOptions focus;
  /// Differencing found for the round's pillars (the decision stored when it
  /// closed, see JudgeDifferencing); nothing for a round on its own.
  RoundDifferencing differencing;
};

/// The report of `round` of `team`: each pillar as DisclosedStats releases it
/// (open rounds add each member's score, sorted by id), the ranking and the
/// focus; `language` and `suggestions` stay empty. A confidential round
/// must be closed first
/// (FailedPrecondition): figures that change with each response would let a
/// reader tell what the last member answered. Open rounds report at any time.
absl::StatusOr<v1::RoundReport> BuildRoundReport(const Team& team,
                                                 const Round& round,
                                                 const ReportOptions& options);

}  // namespace fives

#endif  // FIVES_ROUND_REPORT_H_
