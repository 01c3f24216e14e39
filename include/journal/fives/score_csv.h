/// @file
/// Scores collected elsewhere (a web form, a spreadsheet) imported into a
/// round as CSV, one response per row, all or nothing.
///
/// The CSV is as forms and spreadsheets export it:
///  - UTF-8, with or without a byte order mark; lines end in LF or CRLF;
///  - `,` or `;` separates the cells: whichever the header row has more of
///    outside quotes;
///  - cells may be quoted as RFC 4180 has it ("a ""quoted"" cell", with
///    separators and line breaks inside); spaces around a cell are ignored;
///  - empty lines, and rows whose cells are all empty, are skipped.
/// The first row names the columns, case-insensitively: one member column
/// (kScoreCsvMemberHeaders) and one column per pillar the round asks, named
/// by the catalog's English or Dutch name ("Success factors",
/// "Succesfactoren") or by its key ("success"). Each further row is one
/// member's response: the member cell holds the member's id, or the display
/// name of exactly one member of the team (ids first); a score cell holds 1
/// to 5, or nothing where the member left the pillar out, which only a round
/// that allows partial responses takes.
#ifndef FIVES_SCORE_CSV_H_
#define FIVES_SCORE_CSV_H_

#include <cstddef>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "fives/journal.h"

namespace fives {

/// The most CSV text ImportScoresCsv reads: 1 MiB, a thousand times what a
/// team's round takes.
inline constexpr size_t kMaxScoreCsvBytes = size_t{1} << 20;

/// The problems a refusal lists; the rest are counted ("and 3 more").
inline constexpr int kMaxScoreCsvProblems = 20;

/// The names of the member column (compared without case): English and
/// Dutch.
inline constexpr absl::string_view kScoreCsvMemberHeaders[] = {
    "member", "member_id", "member id", "name", "lid", "teamlid", "naam"};

/// Adds one response per row of `csv` to the round `round_id` of `journal`
/// and returns how many. Either every row is valid and all are added, or
/// nothing is added and the error lists every problem, by line and column:
///   scores CSV: 2 problems, nothing imported: line 4, column 3 (Synergy):
///   "6" is not a score 1-5; line 6, column 1 (member): "anna" is also on
///   line 3
/// Problems: a header column that is unknown, empty, named twice or a
/// pillar the round does not ask; a pillar column or the member column
/// missing; a row with more or fewer cells than the header; a member who is
/// not in the team, not a member on the round's date, named twice in the
/// file or who already answered the round; a score that is not 1-5, or left
/// out where the round takes no partial responses; a row without any score;
/// a cell that is not UTF-8 or holds a control character; a quote RFC 4180
/// does not allow. All of these are InvalidArgument, as is a text without
/// a header or without rows. NotFound for an unknown round,
/// FailedPrecondition for a closed one, ResourceExhausted for more than
/// kMaxScoreCsvBytes (refused before it is read).
absl::StatusOr<int> ImportScoresCsv(Journal& journal,
                                    absl::string_view round_id,
                                    absl::string_view csv);

}  // namespace fives

#endif  // FIVES_SCORE_CSV_H_
