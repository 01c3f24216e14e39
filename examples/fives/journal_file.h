// The journal file of the journal subcommands: the one path by which they
// load, change and save it, and the JSON output they share.
#ifndef FIVES_EXAMPLES_FIVES_JOURNAL_FILE_H_
#define FIVES_EXAMPLES_FIVES_JOURNAL_FILE_H_

#include <string>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "command_line.h"
#include "fives/journal.h"
#include "google/protobuf/message.h"

namespace fives::cli {

// Loads the journal of the command's --journal and hands it to `use`, whose
// result is the exit status. A missing, unreadable, damaged or foreign file
// is refused (exit 1, "fives: <command>: <why>") and left untouched.
int ReadJournal(const ParsedArgs& args,
                absl::FunctionRef<int(const Journal&)> use);

// Loads the journal of the command's --journal, applies `mutate` and saves the
// result atomically (fives::SaveJournalFile). `mutate` returns the text to
// print once the journal is saved, or the library's refusal: then nothing is
// saved and the file is left as it was (exit 1). So is a file that another
// process changed between the load and the save.
int UpdateJournal(
    const ParsedArgs& args,
    absl::FunctionRef<absl::StatusOr<std::string>(Journal&)> mutate);

// AlreadyExists when something exists at `path` (checked before doing the
// work; fives::CreateJournalFile checks again, atomically).
absl::Status CheckNoFile(const std::string& path);

// Prints the JSON of a message (fives::PrintJson, the one JSON policy) and a
// newline on stdout; with_defaults also prints fields at their default.
void PrintJson(const google::protobuf::Message& message,
               bool with_defaults = false);

}  // namespace fives::cli

#endif  // FIVES_EXAMPLES_FIVES_JOURNAL_FILE_H_
