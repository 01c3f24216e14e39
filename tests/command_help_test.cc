// The `fives` command's tables against its parser and its help: every flag a
// command's parser accepts is in its help, with what it does and its
// default; a flag a command does not declare is refused, naming it.
#include "command_help.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "command_line.h"
#include "commands.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace fives::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

std::vector<const Command*> Commands() {
  std::vector<const Command*> out;
  for (const CommandSection& section : AllCommands()) {
    out.insert(out.end(), section.commands.begin(), section.commands.end());
  }
  return out;
}

// Parses `words` after `min_args` placeholder arguments.
absl::StatusOr<ParsedArgs> Parse(const Command& command,
                                 std::vector<std::string> words) {
  std::vector<std::string> all(command.min_args, "x");
  all.insert(all.end(), words.begin(), words.end());
  std::vector<char*> argv;
  for (std::string& word : all) argv.push_back(word.data());
  // The strings live until the parse returns; ParsedArgs copies them.
  return ParseArgs(command, argv);
}

// The entry of `--name` in the flags section of `help`: its line and the
// lines under it that continue it, joined by single spaces; empty when
// there is none.
std::string FlagEntry(const std::string& help, absl::string_view name) {
  const std::vector<std::string> lines = absl::StrSplit(help, '\n');
  auto flags = std::find(lines.begin(), lines.end(), "flags:");
  std::string entry;
  for (auto it = flags; it != lines.end(); ++it) {
    const std::string& line = *it;
    if (!entry.empty()) {
      // A continuation line starts with more than two spaces.
      if (!absl::StartsWith(line, "   ")) break;
      absl::StrAppend(&entry, " ", absl::StripAsciiWhitespace(line));
      continue;
    }
    const std::string start = absl::StrCat("  --", name);
    if (absl::StartsWith(line, start + " ") || line == start) {
      entry = std::string(absl::StripTrailingAsciiWhitespace(line));
    }
  }
  // Padding to the help column: single spaces.
  std::vector<absl::string_view> words =
      absl::StrSplit(entry, ' ', absl::SkipEmpty());
  return absl::StrJoin(words, " ");
}

std::string Collapse(absl::string_view text) {
  std::vector<absl::string_view> words =
      absl::StrSplit(text, ' ', absl::SkipEmpty());
  return absl::StrJoin(words, " ");
}

TEST(CommandHelpTest, ListsEveryDeclaredFlagWithItsHelpAndDefault) {
  for (const Command* command : Commands()) {
    SCOPED_TRACE(command->name);
    const std::string help = CommandHelp(*command);
    EXPECT_THAT(help, StartsWith(absl::StrCat("usage: fives ", command->name)));
    for (const Flag& flag : command->flags) {
      SCOPED_TRACE(flag.name);
      const std::string entry = FlagEntry(help, flag.name);
      ASSERT_FALSE(entry.empty()) << help;
      std::string synopsis = absl::StrCat("--", flag.name);
      if (flag.kind != Flag::Kind::kSwitch) {
        absl::StrAppend(&synopsis, " ", Collapse(flag.value));
      }
      EXPECT_THAT(entry, StartsWith(synopsis));
      EXPECT_THAT(entry, HasSubstr(Collapse(flag.help)));
      if (!flag.default_value.empty()) {
        EXPECT_THAT(entry,
                    HasSubstr(absl::StrCat("default: ", flag.default_value)));
      }
      EXPECT_EQ(absl::StrContains(entry, "required"), flag.required);
      EXPECT_EQ(absl::StrContains(entry, "repeatable"),
                flag.kind == Flag::Kind::kRepeated);
      // And in the usage line at the top.
      EXPECT_THAT(Collapse(help.substr(0, help.find("\n\n"))),
                  HasSubstr(synopsis));
    }
    EXPECT_THAT(help, HasSubstr("\n  -h, --help "));
  }
}

TEST(CommandHelpTest, EveryFlagTheParserAcceptsIsInTheHelp) {
  // Every name any command declares, and some no command declares.
  std::set<std::string> names = {"help-me", "verbose", "version", "all",
                                 "json-out"};
  for (const Command* command : Commands()) {
    for (const Flag& flag : command->flags)
      names.insert(std::string(flag.name));
  }
  for (const Command* command : Commands()) {
    SCOPED_TRACE(command->name);
    const std::string help = CommandHelp(*command);
    for (const std::string& name : names) {
      SCOPED_TRACE(name);
      // "1" is a value every flag's parse takes, switches included.
      absl::StatusOr<ParsedArgs> parsed =
          Parse(*command, {absl::StrCat("--", name, "=1")});
      const std::string unknown = absl::StrCat("unknown flag --", name);
      const bool accepted =
          parsed.ok() || !absl::StrContains(parsed.status().message(), unknown);
      if (accepted) {
        EXPECT_FALSE(FlagEntry(help, name).empty())
            << "accepted but not in the help:\n"
            << help;
      } else {
        EXPECT_TRUE(FlagEntry(help, name).empty());
      }
    }
  }
}

TEST(CommandLineTest, RefusesAnUndeclaredFlagNamingIt) {
  for (const Command* command : Commands()) {
    SCOPED_TRACE(command->name);
    for (const char* word : {"--no-such-flag", "--no-such-flag=3"}) {
      absl::StatusOr<ParsedArgs> parsed = Parse(*command, {word});
      ASSERT_FALSE(parsed.ok());
      EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument);
      EXPECT_THAT(std::string(parsed.status().message()),
                  StartsWith(absl::StrCat(command->name,
                                          ": unknown flag --no-such-flag")));
    }
  }
}

TEST(CommandLineTest, TakesEveryDeclaredFlagAndItsDefault) {
  for (const Command* command : Commands()) {
    SCOPED_TRACE(command->name);
    absl::StatusOr<ParsedArgs> none = Parse(*command, {});
    ASSERT_TRUE(none.ok()) << none.status();
    for (const Flag& flag : command->flags) {
      SCOPED_TRACE(flag.name);
      EXPECT_FALSE(none->Has(flag.name));
      absl::StatusOr<ParsedArgs> given =
          flag.kind == Flag::Kind::kSwitch
              ? Parse(*command, {absl::StrCat("--", flag.name)})
              : Parse(*command, {absl::StrCat("--", flag.name), "v1"});
      ASSERT_TRUE(given.ok()) << given.status();
      EXPECT_TRUE(given->Has(flag.name));
      switch (flag.kind) {
        case Flag::Kind::kSwitch:
          EXPECT_FALSE(none->Switch(flag.name));
          EXPECT_TRUE(given->Switch(flag.name));
          break;
        case Flag::Kind::kValue:
          EXPECT_EQ(none->Value(flag.name), flag.default_value);
          EXPECT_EQ(given->Value(flag.name), "v1");
          break;
        case Flag::Kind::kRepeated:
          EXPECT_TRUE(none->Values(flag.name).empty());
          EXPECT_EQ(given->Values(flag.name), std::vector<std::string>{"v1"});
          break;
      }
    }
  }
}

TEST(CommandLineTest, BadValuesNameTheFlagAndTheValue) {
  for (const Command* command : Commands()) {
    SCOPED_TRACE(command->name);
    for (const Flag& flag : command->flags) {
      SCOPED_TRACE(flag.name);
      const std::string dashed = absl::StrCat("--", flag.name);
      if (flag.kind == Flag::Kind::kSwitch) {
        absl::StatusOr<ParsedArgs> parsed =
            Parse(*command, {absl::StrCat(dashed, "=maybe")});
        ASSERT_FALSE(parsed.ok());
        EXPECT_EQ(parsed.status().message(),
                  absl::StrCat(command->name, ": flag ", dashed,
                               ": \"maybe\" is not true or false (a switch: ",
                               dashed, " alone turns it on)"));
        continue;
      }
      // A value forgotten: the next word is a flag.
      absl::StatusOr<ParsedArgs> parsed = Parse(*command, {dashed, "--help"});
      ASSERT_FALSE(parsed.ok());
      EXPECT_EQ(
          parsed.status().message(),
          absl::StrCat(command->name, ": flag ", dashed, " needs a value"));
      if (flag.kind == Flag::Kind::kRepeated) continue;
      parsed = Parse(*command, {dashed, "a", absl::StrCat(dashed, "=b")});
      ASSERT_FALSE(parsed.ok());
      EXPECT_EQ(parsed.status().message(),
                absl::StrCat(command->name, ": ", dashed,
                             " is given more than once (\"a\", then \"b\")"));
    }
  }
}

TEST(CommandLineTest, HelpIsAskedForWithoutTheArguments) {
  for (const Command* command : Commands()) {
    SCOPED_TRACE(command->name);
    for (const char* word : {"--help", "-h"}) {
      std::vector<char*> argv = {const_cast<char*>(word)};
      absl::StatusOr<ParsedArgs> parsed = ParseArgs(*command, argv);
      ASSERT_TRUE(parsed.ok()) << parsed.status();
      EXPECT_TRUE(parsed->help);
    }
  }
  // After "--", and as a flag's value, it is an argument.
  const Command& stats = *Commands()[0];
  ASSERT_EQ(stats.name, "stats");
  std::vector<std::string> words = {"--", "-h"};
  std::vector<char*> argv = {words[0].data(), words[1].data()};
  absl::StatusOr<ParsedArgs> parsed = ParseArgs(stats, argv);
  ASSERT_TRUE(parsed.ok());
  EXPECT_FALSE(parsed->help);
  EXPECT_EQ(parsed->positional, std::vector<std::string>{"-h"});
}

TEST(CommandTableTest, NamesAreUniqueAndEveryCommandIsInTheOverview) {
  const std::string overview = OverviewHelp(AllCommands());
  std::set<absl::string_view> commands;
  for (const Command* command : Commands()) {
    SCOPED_TRACE(command->name);
    EXPECT_TRUE(commands.insert(command->name).second);
    EXPECT_THAT(overview, HasSubstr(absl::StrCat("\n  ", command->name)));
    EXPECT_FALSE(command->summary.empty());
    EXPECT_LE(command->min_args, command->max_args);
    std::set<absl::string_view> flags;
    for (const Flag& flag : command->flags) {
      EXPECT_TRUE(flags.insert(flag.name).second) << flag.name;
      EXPECT_NE(flag.name, "help");
      EXPECT_FALSE(flag.help.empty()) << flag.name;
      EXPECT_EQ(flag.value.empty(), flag.kind == Flag::Kind::kSwitch)
          << flag.name;
      // The usage line of errors names every required flag.
      if (flag.required) {
        EXPECT_THAT(Usage(*command), HasSubstr(absl::StrCat("--", flag.name)));
      }
    }
  }
}

TEST(CommandHelpTest, LinesFitATerminal) {
  std::vector<std::string> texts = {OverviewHelp(AllCommands())};
  for (const Command* command : Commands()) {
    texts.push_back(CommandHelp(*command));
  }
  for (const std::string& text : texts) {
    for (absl::string_view line : absl::StrSplit(text, '\n')) {
      EXPECT_LE(line.size(), 79u) << line;
    }
  }
}

}  // namespace
}  // namespace fives::cli
