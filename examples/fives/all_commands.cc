// The overview's order of the commands and its headings.
#include <initializer_list>
#include <vector>

#include "absl/strings/str_cat.h"
#include "commands.h"
#include "flag.h"

namespace fives::cli {
namespace {

CommandSection Section(
    std::string heading,
    std::initializer_list<absl::Span<const Command>> groups) {
  CommandSection section;
  section.heading = std::move(heading);
  for (absl::Span<const Command> group : groups) {
    for (const Command& command : group) section.commands.push_back(&command);
  }
  return section;
}

}  // namespace

absl::Span<const CommandSection> AllCommands() {
  static const std::vector<CommandSection>* const kSections =
      new std::vector<CommandSection>{
          Section("", {StatsCommands(), DemoCommands()}),
          Section(absl::StrCat("A team's journal (", FlagSynopsis(kJournalFlag),
                               ", default ", kJournalFlag.default_value, "):"),
                  {InitCommands(), MemberCommands(), RoundCommands(),
                   ReportCommands(), PlanCommands(), ActionCommands(),
                   CheckCommands(), CharterCommands(), GuardianCommands(),
                   ExchangeCommands()}),
          Section(
              "An organisation: a tree of units whose leaves are teams, one "
              "journal each (--org FILE: a fives.v1.Organization in text "
              "format or JSON; --journals DIR: the teams' *.journal files):",
              {OrgCommands()}),
      };
  return *kSections;
}

}  // namespace fives::cli
