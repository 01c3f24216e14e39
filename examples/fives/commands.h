// The subcommands of `fives`. Each takes the arguments after its name and
// returns the process's exit status (see command_line.h).
#ifndef FIVES_EXAMPLES_FIVES_COMMANDS_H_
#define FIVES_EXAMPLES_FIVES_COMMANDS_H_

#include "absl/types/span.h"

namespace fives::cli {

// fives stats [--json] SCORE...: the statistics of one pillar's scores.
int RunStats(absl::Span<char* const> args);

// fives demo [--lang en|nl] [--journal PATH]: the whole cycle on the
// built-in demo team (demo_command.cc).
int RunDemo(absl::Span<char* const> args);

// journal_commands.cc: fives init | export | import | report.
int RunInit(absl::Span<char* const> args);
int RunExport(absl::Span<char* const> args);
int RunImport(absl::Span<char* const> args);
int RunReport(absl::Span<char* const> args);

// member_commands.cc: fives member add | leave | forget | list.
int RunMember(absl::Span<char* const> args);

// round_commands.cc: fives round start | score | import | close.
int RunRound(absl::Span<char* const> args);
// round_import_command.cc: fives round import.
int RunRoundImport(absl::Span<char* const> args);

// action_commands.cc: fives plan, and fives action list | update | feedback.
int RunPlan(absl::Span<char* const> args);
int RunAction(absl::Span<char* const> args);

// check_commands.cc: fives check due | record | tick, and fives guardian.
int RunCheck(absl::Span<char* const> args);
int RunGuardian(absl::Span<char* const> args);

// charter_commands.cc: fives charter show | set | check | signals.
int RunCharter(absl::Span<char* const> args);

// org_commands.cc: fives org check | report | demo.
int RunOrg(absl::Span<char* const> args);

}  // namespace fives::cli

#endif  // FIVES_EXAMPLES_FIVES_COMMANDS_H_
