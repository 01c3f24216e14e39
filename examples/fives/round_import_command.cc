// fives round import ROUND --csv FILE: a round's scores from a form or a
// spreadsheet, all rows or none (fives/score_csv.h).
#include <string>

#include "absl/flags/flag.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "command_line.h"
#include "commands.h"
#include "fives/score_csv.h"
#include "input_file.h"
#include "journal_file.h"

ABSL_FLAG(std::string, csv, "",
          "round import: the CSV file of scores, a header row and a row per "
          "member");

namespace fives::cli {

int RunRoundImport(absl::Span<char* const> args) {
  static constexpr absl::string_view kFlags[] = {"journal", "csv"};
  static constexpr CommandSpec kSpec = {
      "round import", "fives round import ROUND --csv FILE", kFlags, 1, 1};
  absl::StatusOr<ParsedArgs> parsed = ParseCommand(kSpec, args);
  if (!parsed.ok()) return UsageError(parsed.status().message());
  const std::string file = absl::GetFlag(FLAGS_csv);
  if (!parsed->given.contains("csv") || file.empty()) {
    return UsageError(absl::StrCat(
        "round import: --csv FILE is required (usage: ", kSpec.usage, ")"));
  }
  absl::StatusOr<std::string> csv = ReadInputFile(file);
  if (!csv.ok()) return Refused("round import", csv.status());
  const std::string& round = parsed->positional[0];
  return UpdateJournal(
      "round import", [&](Journal& j) -> absl::StatusOr<std::string> {
        absl::StatusOr<int> added = ImportScoresCsv(j, round, *csv);
        if (!added.ok()) return added.status();
        return absl::StrFormat("round %s: %d %s imported from %s\n", round,
                               *added, *added == 1 ? "response" : "responses",
                               file);
      });
}

}  // namespace fives::cli
