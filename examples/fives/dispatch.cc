#include "dispatch.h"

#include <cstdio>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "fives/catalog.h"
#include "command_help.h"
#include "command_line.h"
#include "fives/version.h"

namespace fives::cli {
namespace {

bool IsHelpWord(absl::string_view word) {
  return word == "--help" || word == "-h";
}

int Print(const std::string& text) {
  std::fputs(text.c_str(), stdout);
  return kExitOk;
}

// What the first words of a command line name.
struct Named {
  // The command, or null for a group without its subcommand.
  const Command* command = nullptr;
  // The commands of the group the first word names (empty for a command
  // without a group).
  std::vector<const Command*> group;
  // How many words named it: 1 or 2.
  size_t words = 0;
};

// The command or group that `args` starts with; a usage error (ready for
// UsageError) for an unknown command or subcommand. A group's first word
// alone, or followed by --help or -h, names the group.
absl::StatusOr<Named> Find(absl::Span<const CommandSection> sections,
                           absl::Span<char* const> args) {
  const absl::string_view word = args[0];
  Named named;
  for (const CommandSection& section : sections) {
    for (const Command* command : section.commands) {
      if (command->name == word) {
        named.command = command;
        named.words = 1;
        return named;
      }
      if (GroupOf(*command) == word) named.group.push_back(command);
    }
  }
  if (named.group.empty()) {
    return CommandLineError(v1::ERROR_CODE_COMMAND_UNKNOWN, {word});
  }
  named.words = 1;
  if (args.size() < 2 || IsHelpWord(args[1])) return named;
  const absl::string_view verb = args[1];
  std::vector<absl::string_view> verbs;
  for (const Command* command : named.group) {
    if (VerbOf(*command) == verb) {
      named.command = command;
      named.words = 2;
      return named;
    }
    verbs.push_back(VerbOf(*command));
  }
  const std::string expected = absl::StrJoin(verbs, ", ");
  if (absl::StartsWith(verb, "-")) {
    return CommandLineError(v1::ERROR_CODE_SUBCOMMAND_FIRST, {word, expected});
  }
  return CommandLineError(v1::ERROR_CODE_SUBCOMMAND_UNKNOWN,
                          {word, verb, expected});
}

// The subcommands of the group `named`: "add, leave, forget, list".
std::string Verbs(const Named& named) {
  std::vector<absl::string_view> verbs;
  for (const Command* command : named.group) verbs.push_back(VerbOf(*command));
  return absl::StrJoin(verbs, ", ");
}

// Sets the error language to --lang wherever it is given (before a lone
// "--"), so that an error of the command line itself speaks it; a --lang
// the library cannot read is left for the command to refuse.
void SetErrorLanguageFromArgs(absl::Span<char* const> args) {
  for (size_t i = 0; i < args.size(); ++i) {
    const absl::string_view arg = args[i];
    if (arg == "--") return;
    absl::string_view tag;
    if (arg == "--lang" && i + 1 < args.size()) {
      tag = args[i + 1];
    } else if (absl::StartsWith(arg, "--lang=")) {
      tag = arg.substr(sizeof "--lang=" - 1);
    } else {
      continue;
    }
    absl::StatusOr<Language> language = LanguageFromTag(tag);
    if (language.ok()) SetErrorLanguage(*language);
  }
}

// fives help [COMMAND].
int Help(absl::Span<const CommandSection> sections,
         absl::Span<char* const> args) {
  if (args.empty() || absl::string_view(args[0]) == "help" ||
      IsHelpWord(args[0])) {
    return Print(OverviewHelp(sections));
  }
  absl::StatusOr<Named> named = Find(sections, args);
  if (!named.ok()) {
    return UsageError("help", named.status());
  }
  const size_t words =
      named->command == nullptr ? 1 : named->words;  // a group and --help
  if (args.size() > words) {
    return UsageError("help",
                      ArgumentUnexpected(args[words], "fives help [COMMAND]"));
  }
  if (named->command == nullptr) {
    return Print(GroupHelp(args[0], named->group));
  }
  return Print(CommandHelp(*named->command));
}

}  // namespace

int RunCommandLine(absl::Span<const CommandSection> sections,
                   absl::Span<char* const> args) {
  SetErrorLanguageFromArgs(args);
  if (args.empty()) {
    return UsageError("", CommandLineError(v1::ERROR_CODE_COMMAND_MISSING, {}));
  }
  const absl::string_view word = args[0];
  if (word == "help" || IsHelpWord(word)) {
    return Help(sections, args.subspan(1));
  }
  if (word == "version" || word == "--version") {
    if (args.size() > 1) {
      return UsageError(word, ArgumentUnexpected(args[1], "fives --version"));
    }
    return Print(absl::StrCat("fives ", VersionString(), "\n"));
  }
  absl::StatusOr<Named> named = Find(sections, args);
  if (!named.ok()) return UsageError("", named.status());
  if (named->command == nullptr) {
    if (args.size() > 1) return Print(GroupHelp(word, named->group));
    return UsageError("", CommandLineError(v1::ERROR_CODE_SUBCOMMAND_MISSING,
                                           {word, Verbs(*named)}));
  }
  const Command& command = *named->command;
  absl::StatusOr<ParsedArgs> parsed =
      ParseArgs(command, args.subspan(named->words));
  if (!parsed.ok()) return UsageError(command.name, parsed.status());
  if (parsed->help) return Print(CommandHelp(command));
  return command.run(*parsed);
}

}  // namespace fives::cli
