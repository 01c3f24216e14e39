// The commands of `fives`, each file's in the order of the overview; each
// table declares the command's flags, and its run function gets the parsed
// command line (command.h).
#ifndef FIVES_EXAMPLES_FIVES_COMMANDS_H_
#define FIVES_EXAMPLES_FIVES_COMMANDS_H_

#include <vector>

#include "absl/types/span.h"
#include "command.h"

namespace fives::cli {

// stats_command.cc: fives stats.
absl::Span<const Command> StatsCommands();
// demo_command.cc: fives demo.
absl::Span<const Command> DemoCommands();
// journal_commands.cc: fives init; fives report; fives export | import.
absl::Span<const Command> InitCommands();
absl::Span<const Command> ReportCommands();
absl::Span<const Command> ExchangeCommands();
// member_commands.cc: fives member add | leave | forget | list.
absl::Span<const Command> MemberCommands();
// round_commands.cc: fives round start | score | import | close.
absl::Span<const Command> RoundCommands();
// round_import_command.cc: fives round import.
const Command& RoundImportCommand();
// action_commands.cc: fives plan; fives action list | update | feedback.
absl::Span<const Command> PlanCommands();
absl::Span<const Command> ActionCommands();
// check_commands.cc: fives check due | record | tick; fives guardian.
absl::Span<const Command> CheckCommands();
absl::Span<const Command> GuardianCommands();
// charter_commands.cc: fives charter show | set | check | signals.
absl::Span<const Command> CharterCommands();
// org_commands.cc: fives org check | report | demo.
absl::Span<const Command> OrgCommands();

// Every command above, under the headings of the overview.
absl::Span<const CommandSection> AllCommands();

}  // namespace fives::cli

#endif  // FIVES_EXAMPLES_FIVES_COMMANDS_H_
