// The command line of a `fives` command, parsed by the command's table
// (command.h): only the flags it declares are accepted, a flag that is not
// given reads as its declared default, and positional arguments are kept in
// order (so "-1" is a score to reject, not an unknown flag). Also the exit
// statuses and the one-line errors every command prints.
#ifndef FIVES_EXAMPLES_FIVES_COMMAND_LINE_H_
#define FIVES_EXAMPLES_FIVES_COMMAND_LINE_H_

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/types/span.h"
#include "command.h"
#include "fives/catalog.h"
#include "fives/error_detail.h"

namespace fives::cli {

// Exit statuses of the command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitRefused = 1;  // a valid request the library refused
inline constexpr int kExitUsage = 2;    // bad usage: unknown flag, bad value

// A command line parsed by its command's table. Reading a flag the table
// does not declare is a bug in the command: it aborts.
struct ParsedArgs {
  const Command* command = nullptr;
  // --help or -h was given: the command's help is wanted, nothing else (the
  // arguments are then not checked).
  bool help = false;
  // The arguments that are not flags, in order.
  std::vector<std::string> positional;
  // The values of the flags given, by name, in order (a switch: "true" or
  // "false").
  absl::flat_hash_map<std::string, std::vector<std::string>> given;

  // Whether the flag was given.
  bool Has(absl::string_view name) const;
  // The value of a value flag: as given, else its default.
  std::string Value(absl::string_view name) const;
  // Whether a switch is on.
  bool Switch(absl::string_view name) const;
  // Every value of a repeated flag (empty when it was not given).
  const std::vector<std::string>& Values(absl::string_view name) const;
  // The command's usage line (Usage in command.h).
  std::string Usage() const;
};

// Parses `args`, the words after the command's name: --name=value, --name
// value, or --name for a switch (--name=true or false also works), each flag
// of the table at most once unless repeated; a lone "--" ends the flags;
// --help or -h asks for help. InvalidArgument "<command>: <why>", naming
// the flag and the value, for a flag the table does not declare, a missing
// or unfit value, a flag given twice, or too few or too many arguments.
absl::StatusOr<ParsedArgs> ParseArgs(const Command& command,
                                     absl::Span<char* const> args);

// `text` on one line: control characters (newlines included) are escaped,
// so every error the command prints is exactly one line.
std::string OneLine(absl::string_view text);

// The language errors are printed in: --lang of the command line, set by
// the dispatcher before the words are parsed, so that the command line's
// own errors speak it too (English when --lang is not given).
void SetErrorLanguage(Language language);
// The language set by SetErrorLanguage.
Language ErrorLanguage();

// A refusal of the command's own inputs (a flag, an argument, a spec):
// InvalidArgument carrying the detail `code` with `args`, its message the
// detail's English text, so that each is written once, in the catalog.
absl::Status CommandLineError(v1::ErrorCode code,
                              std::initializer_list<ErrorArgument> args);
// CommandLineError for a command given too few arguments, or `argument`
// beyond the last one it takes; `usage` is its usage line.
absl::Status ArgumentMissing(absl::string_view usage);
absl::Status ArgumentUnexpected(absl::string_view argument,
                                absl::string_view usage);
// CommandLineError for a `flag` given empty: it needs the catalog phrase
// needs_<needs> ("file_name": "--out needs a file name").
absl::Status FlagEmpty(absl::string_view flag, absl::string_view needs);
// CommandLineError for a value of `flag` that is none of `choices`,
// "--format: " in front.
absl::Status FlagChoice(absl::string_view flag, absl::string_view value,
                        absl::Span<const absl::string_view> choices);

// Prints "fives: <context>: <status>" on stderr and returns kExitUsage, for
// a value the library refused before any file was opened (a date, a
// pillar). The status is written for people in the error language
// (fives::ErrorText); the flag it names ("--date: ") stays in front.
int UsageError(absl::string_view context, const absl::Status& status);

// Prints "fives: <context>: <status>" on stderr, the status written for
// people in the error language, and returns kExitRefused.
int Refused(absl::string_view context, const absl::Status& status);

// The error of a library function that named the value `field` ("language:
// ..."), renamed to the flag that gave it ("--lang: ...").
absl::Status FlagError(absl::string_view flag, absl::string_view field,
                       const absl::Status& status);

// The date of --date. InvalidArgument when it is not YYYY-MM-DD, or, when
// `required`, missing: the library never reads the clock, so a command where
// the day matters is told the day. nullopt when not required and not given.
absl::StatusOr<std::optional<absl::CivilDay>> DateFlag(const ParsedArgs& args,
                                                       bool required);

// The language of --lang.
absl::StatusOr<Language> LangFlag(const ParsedArgs& args);

// `day` as people read it in `language` ("5 January 2026", "5 januari
// 2026"; fives::FormatLongDate): the dates of the lines a command prints
// for people. ISO dates stay in flags, JSON, CSV and errors.
std::string LongDate(absl::CivilDay day, Language language);

// Parses a date given in an argument (field names it in the error).
absl::StatusOr<absl::CivilDay> ParseDateArg(absl::string_view text,
                                            absl::string_view field);

}  // namespace fives::cli

#endif  // FIVES_EXAMPLES_FIVES_COMMAND_LINE_H_
