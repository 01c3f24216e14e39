// Flag parsing for the subcommands of `fives`: the flags are Abseil flags;
// each subcommand accepts only its own, and positional arguments are kept
// in order (so "-1" is a score to reject, not an unknown flag).
//
// Repeated flags: Abseil (20220623) has no flag type that collects repeated
// occurrences (a std::vector<std::string> flag splits one value on commas and
// the last occurrence wins). A subcommand names its repeatable flags instead;
// the parser collects every occurrence, whole and in order (commas and all),
// into ParsedArgs::repeated. Those flags are not Abseil flags.
#ifndef FIVES_EXAMPLES_FIVES_COMMAND_LINE_H_
#define FIVES_EXAMPLES_FIVES_COMMAND_LINE_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/flags/declare.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/types/span.h"
#include "fives/catalog.h"

// Flags shared by several subcommands, defined in command_line.cc.
ABSL_DECLARE_FLAG(std::string, journal);
ABSL_DECLARE_FLAG(std::string, date);
ABSL_DECLARE_FLAG(bool, json);
ABSL_DECLARE_FLAG(std::string, lang);

namespace fives::cli {

// Exit statuses of the command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitRefused = 1;  // a valid request the library refused
inline constexpr int kExitUsage = 2;    // bad usage: unknown flag, bad value

struct ParsedArgs {
  // The arguments that are not flags, in order.
  std::vector<std::string> positional;
  // The names of the flags given, repeatable ones included.
  absl::flat_hash_set<std::string> given;
  // Every value of each repeatable flag, in the order given.
  absl::flat_hash_map<std::string, std::vector<std::string>> repeated;

  // The values of a repeatable flag (empty when it was not given).
  const std::vector<std::string>& Values(absl::string_view name) const;
};

// Sets the flags in `args` that start with "--" (--name=value, --name value,
// or --name for booleans) and returns the other arguments. Flags named in
// `repeatable` (which must also be in `allowed`) are collected instead of
// set. InvalidArgument for a flag not in `allowed` or a value the flag does
// not take. A lone "--" ends the flags.
absl::StatusOr<ParsedArgs> ParseSubcommandArgs(
    absl::Span<char* const> args, absl::Span<const absl::string_view> allowed,
    absl::Span<const absl::string_view> repeatable = {});

// A subcommand's command line: its flags and number of arguments.
struct CommandSpec {
  // "member add": the prefix of its errors.
  absl::string_view name;
  // "fives member add ID NAME --date D": shown when arguments are missing.
  absl::string_view usage;
  absl::Span<const absl::string_view> flags;
  size_t min_args = 0;
  size_t max_args = 0;
  absl::Span<const absl::string_view> repeatable = {};
};

// ParseSubcommandArgs for `spec`, checking the number of arguments. The
// error is "<name>: <why>", ready for UsageError.
absl::StatusOr<ParsedArgs> ParseCommand(const CommandSpec& spec,
                                        absl::Span<char* const> args);

// ParseSubcommandArgs without repeatable flags, returning the positionals.
absl::StatusOr<std::vector<std::string>> ParseSubcommandFlags(
    absl::Span<char* const> args, absl::Span<const absl::string_view> allowed);

// `text` on one line: control characters (newlines included) are escaped,
// so every error the command prints is exactly one line.
std::string OneLine(absl::string_view text);

// Prints "fives: <message>" on stderr and returns kExitUsage.
int UsageError(absl::string_view message);

// Prints "fives: <context>: <message of status>" on stderr and returns
// kExitRefused.
int Refused(absl::string_view context, const absl::Status& status);

// The date of --date. InvalidArgument when it is not YYYY-MM-DD, or, when
// `required`, missing: the library never reads the clock, so a command where
// the day matters is told the day. nullopt when not required and not given.
absl::StatusOr<std::optional<absl::CivilDay>> DateFlag(bool required);

// A subcommand of a group ("add" of "member").
struct Verb {
  absl::string_view name;
  int (*run)(absl::Span<char* const> args);
};

// Runs the subcommand of `group` named by the first argument, with the
// arguments after it; a usage error when it is missing or unknown.
int RunGroup(absl::string_view group, absl::Span<const Verb> verbs,
             absl::Span<char* const> args);

// The language of --lang.
absl::StatusOr<Language> LangFlag();

// Parses a date given in an argument (field names it in the error).
absl::StatusOr<absl::CivilDay> ParseDateArg(absl::string_view text,
                                            absl::string_view field);

}  // namespace fives::cli

#endif  // FIVES_EXAMPLES_FIVES_COMMAND_LINE_H_
