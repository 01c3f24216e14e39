// The command line of `fives` as a whole: which command runs, the help and
// the version.
#ifndef FIVES_EXAMPLES_FIVES_DISPATCH_H_
#define FIVES_EXAMPLES_FIVES_DISPATCH_H_

#include "absl/types/span.h"
#include "command.h"

namespace fives::cli {

// Runs the command that `args` (argv after the program's name) names among
// `sections`, with the rest of `args` parsed by its table, and returns the
// exit status. Also:
//   fives help, --help, -h             the overview (OverviewHelp)
//   fives help GROUP, GROUP --help     a group's commands (GroupHelp)
//   fives help COMMAND, COMMAND --help a command's usage and flags
//   fives version, --version           "fives VERSION", the library's
// Help and the version go to stdout with exit status 0; a missing or
// unknown command or subcommand is bad usage.
int RunCommandLine(absl::Span<const CommandSection> sections,
                   absl::Span<char* const> args);

}  // namespace fives::cli

#endif  // FIVES_EXAMPLES_FIVES_DISPATCH_H_
