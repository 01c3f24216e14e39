// The help of `fives`, made from the commands' tables (command.h): the
// overview of every command, a group's commands, and one command's usage
// with every flag it accepts, one line each with its default.
#ifndef FIVES_EXAMPLES_FIVES_COMMAND_HELP_H_
#define FIVES_EXAMPLES_FIVES_COMMAND_HELP_H_

#include <string>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "command.h"

namespace fives::cli {

// `fives help` and `fives --help`: every command of every section, with the
// notes that hold for all of them.
std::string OverviewHelp(absl::Span<const CommandSection> sections);

// `fives help member` and `fives member --help`: the commands of a group.
std::string GroupHelp(absl::string_view group,
                      absl::Span<const Command* const> commands);

// `fives help report` and `fives report --help`: the usage line with every
// flag, what the command does, and a line per flag: what it does, its
// default, whether it is required or may be repeated.
std::string CommandHelp(const Command& command);

}  // namespace fives::cli

#endif  // FIVES_EXAMPLES_FIVES_COMMAND_HELP_H_
