// The subcommands of `fives`. Each takes the arguments after its name and
// returns the process's exit status (see command_line.h).
#ifndef FIVES_EXAMPLES_FIVES_COMMANDS_H_
#define FIVES_EXAMPLES_FIVES_COMMANDS_H_

#include "absl/types/span.h"

namespace fives::cli {

// fives stats [--json] SCORE...: the statistics of one pillar's scores.
int RunStats(absl::Span<char* const> args);

// fives demo [--lang en|nl]: the report of the built-in demo team.
int RunDemo(absl::Span<char* const> args);

}  // namespace fives::cli

#endif  // FIVES_EXAMPLES_FIVES_COMMANDS_H_
