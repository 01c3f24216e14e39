// fives round import ROUND --csv FILE: a round's scores from a form or a
// spreadsheet, all rows or none (fives/score_csv.h).
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "command_line.h"
#include "commands.h"
#include "fives/catalog.h"
#include "fives/score_csv.h"
#include "input_file.h"
#include "journal_file.h"

namespace fives::cli {

namespace {

int RunRoundImport(const ParsedArgs& args) {
  absl::StatusOr<Language> lang = LangFlag(args);
  if (!lang.ok()) {
    return UsageError("round import", lang.status());
  }
  const std::string file = args.Value("csv");
  if (file.empty()) {
    return UsageError("round import",
                      CommandLineError(v1::ERROR_CODE_FLAGS_REQUIRED,
                                       {"--csv FILE", args.Usage()}));
  }
  absl::StatusOr<std::string> csv = ReadInputFile(file);
  if (!csv.ok()) return Refused("round import", csv.status());
  const std::string& round = args.positional[0];
  return UpdateJournal(args, [&](Journal& j) -> absl::StatusOr<std::string> {
    absl::StatusOr<int> added = ImportScoresCsv(j, round, *csv);
    if (!added.ok()) return added.status();
    return absl::StrCat(
        *added == 1 ? Say("done_round_import_one", *lang, round, file)
                    : Say("done_round_import", *lang, round, *added, file),
        "\n");
  });
}

constexpr Flag kImportFlags[] = {
    kJournalFlag,
    Flag::Value("csv", "FILE", "the CSV file: a header row, a row per member")
        .Required(),
    kLangFlag,
};

constexpr absl::string_view kImportDetails =
    "All rows or none: a header row (member, and the pillars by English or\n"
    "Dutch name or key), then a row per member (id or name, scores 1..5; an\n"
    "empty cell leaves a pillar out in partial rounds); , or ; between\n"
    "cells, quotes as RFC 4180 has them. A refusal lists every problem by\n"
    "line and column.\n";

constexpr Command kImport = {
    "round import",
    "ROUND",
    "the scores of a form or spreadsheet, from its CSV export",
    kImportFlags,
    RunRoundImport,
    1,
    1,
    kImportDetails};

}  // namespace

const Command& RoundImportCommand() { return kImport; }

}  // namespace fives::cli
