// Flag parsing for the subcommands of `fives`: the flags are Abseil flags;
// each subcommand accepts only its own, and positional arguments are kept
// in order (so "-1" is a score to reject, not an unknown flag).
#ifndef FIVES_EXAMPLES_FIVES_COMMAND_LINE_H_
#define FIVES_EXAMPLES_FIVES_COMMAND_LINE_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace fives::cli {

// Exit statuses of the command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitRefused = 1;  // a valid request the library refused
inline constexpr int kExitUsage = 2;    // bad usage: unknown flag, bad value

// Sets the flags in `args` that start with "--" (--name=value, --name value,
// or --name for booleans) and returns the other arguments. InvalidArgument for
// a flag not in `allowed` or a value the flag does not take. A lone "--" ends
// the flags.
absl::StatusOr<std::vector<std::string>> ParseSubcommandFlags(
    absl::Span<char* const> args, absl::Span<const absl::string_view> allowed);

// Prints "fives: <message>" on stderr and returns kExitUsage.
int UsageError(absl::string_view message);

}  // namespace fives::cli

#endif  // FIVES_EXAMPLES_FIVES_COMMAND_LINE_H_
