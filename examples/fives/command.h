// A command of `fives` ("report", "member add"): its arguments, its flags
// (flag.h) and the function that runs it. The table of a command is the one
// place its flags are declared: the parser (command_line.h) accepts those
// and no others, and the help (command_help.h) lists every one of them.
#ifndef FIVES_EXAMPLES_FIVES_COMMAND_H_
#define FIVES_EXAMPLES_FIVES_COMMAND_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "flag.h"

namespace fives::cli {

struct ParsedArgs;

struct Command {
  // "report", or for a command of a group "member add".
  absl::string_view name;
  // The arguments after the name, as the usage line shows them: "ID NAME".
  absl::string_view args;
  // What the command does, in a line or two of plain words.
  absl::string_view summary;
  absl::Span<const Flag> flags;
  // Runs the command with its parsed command line; returns the exit status.
  int (*run)(const ParsedArgs& args);
  // The number of arguments it takes.
  size_t min_args = 0;
  size_t max_args = 0;
  // More for `fives help NAME`: lines that each end in "\n", or empty.
  absl::string_view details = {};
  // The command's lines in the overview (`fives help`), when more than one
  // form is worth showing, separated by "\n"; empty: name, args and the
  // required flags.
  absl::string_view overview = {};
};

// A heading of the overview and the commands under it, in order.
struct CommandSection {
  // Empty for the commands that need no introduction.
  std::string heading;
  std::vector<const Command*> commands;
};

// "fives member add ID NAME --date YYYY-MM-DD": the name, the arguments and
// the required flags; errors show it.
std::string Usage(const Command& command);

// The group of a command: "member" of "member add", "" for "report".
absl::string_view GroupOf(const Command& command);

// The name of a command within its group: "add" of "member add".
absl::string_view VerbOf(const Command& command);

}  // namespace fives::cli

#endif  // FIVES_EXAMPLES_FIVES_COMMAND_H_
