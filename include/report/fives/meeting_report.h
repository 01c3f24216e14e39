/// @file
/// The report a team looks at in its meeting: the round's figures and
/// pictures, the focus and its suggested practices, the plan with its
/// actions, what is overdue, the next check and the process guardian; as a
/// message, as Markdown, and as one self-contained HTML page.
#ifndef FIVES_MEETING_REPORT_H_
#define FIVES_MEETING_REPORT_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "fives/catalog.h"
#include "fives/journal.h"
#include "fives/v1/meeting_report.pb.h"

namespace fives {

/// The meeting report of round `round_id` (empty: the latest closed round)
/// as of `as_of` (the library never reads the clock), with the charter
/// review as of `as_of` when the journal has a charter, and the round's
/// suggestions in `language` (AddSuggestions). NotFound for an unknown round
/// or a journal without a closed round.
absl::StatusOr<v1::MeetingReport> BuildMeetingReport(const Journal& journal,
                                                     absl::string_view round_id,
                                                     Language language,
                                                     absl::CivilDay as_of);

/// The day a report of round `round_id` (empty: the latest closed round)
/// speaks of when the caller names none: the day the round closed, so the
/// report reads the same whenever it is made. NotFound as BuildMeetingReport.
absl::StatusOr<absl::CivilDay> DefaultReportDay(const Journal& journal,
                                                absl::string_view round_id);

/// The report of the closed round before `round_id` in the journal, for the
/// radar's dashed outline (figures only, as Journal::Report gives them);
/// nullopt when there is none.
std::optional<v1::RoundReport> PreviousRoundReport(const Journal& journal,
                                                   absl::string_view round_id);

/// The cells of one row of the meeting's pillar table, unescaped: name, n,
/// mean, median, counts 1..5, rwg, agreement, and the label (or why the
/// pillar is withheld).
struct PillarRowCells {
  std::string name, n, mean, median, counts, rwg, agreement, label;
};
PillarRowCells MeetingPillarCells(const v1::RoundReport& round,
                                  const v1::PillarStats& stats,
                                  Language language);

/// The display name the report holds for a member id (the id when none).
std::string MeetingMemberName(const v1::MeetingReport& report,
                              absl::string_view member_id);

/// An action's latest feedback in words: "10 March 2026, Dee: Draft ready
/// (40%)", or "–" when it has none.
std::string LatestFeedbackText(const v1::MeetingReport& report,
                               const v1::Action& action, Language language);

/// The rhythm in words: the state of the next collaboration check with its
/// window, and the process guardian.
std::vector<std::string> MeetingRhythmLines(const v1::MeetingReport& report,
                                            Language language);

/// The report as Markdown (tables, lists; no pictures). With a charter
/// review, the section "Perception and agreements" follows the focus: per
/// pillar the perception, the readiness ("2 of 3"), the agreements missing or
/// stale and the warning signals still seen, then the next agreement.
std::string RenderMeetingMarkdown(const v1::MeetingReport& report,
                                  Language language);

/// The report as one self-contained HTML page (inline CSS and SVG, no
/// external assets; opens offline): the Markdown's content plus the radar
/// (with the previous closed round as a dashed outline), the distribution
/// strips and the trend over every round of `journal`. The readiness column
/// adds a bar of one square per agreement, filled when in place (the words
/// "2 of 3" next to it carry the same).
absl::StatusOr<std::string> RenderMeetingHtml(const v1::MeetingReport& report,
                                              const Journal& journal,
                                              Language language);

}  // namespace fives

#endif  // FIVES_MEETING_REPORT_H_
