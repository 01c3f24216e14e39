// The `fives` command's argument parser (examples/fives/command_line.h):
// the input is an argv split at NUL bytes, "COMMAND ARGS..."; the command is
// the one of the tables below that the first word names (else the one the
// first byte picks), ParseArgs parses the rest by its table, then every
// declared flag is read as the commands read them (--date, --lang, dates in
// arguments, OneLine for the error messages), and with --help the command's
// help is made. A refusal is InvalidArgument, never another code, and names
// the command; OneLine's result is one line; the help lists every flag.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "command.h"
#include "command_help.h"
#include "command_line.h"

namespace {

using fives::cli::Command;
using fives::cli::Flag;
using fives::cli::ParsedArgs;

void Expect(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz check failed: %s\n", what);
    std::abort();
  }
}

int Unused(const ParsedArgs&) { return fives::cli::kExitOk; }

constexpr Flag kReportFlags[] = {
    fives::cli::kJournalFlag,
    Flag::Value("date", "YYYY-MM-DD", "the day"),
    fives::cli::kLangFlag,
    Flag::Value("round", "ID", "the round"),
    Flag::Value("format", "text|json", "the format").Default("text"),
    Flag::Switch("json", "JSON"),
};
constexpr Flag kPlanFlags[] = {
    fives::cli::kJournalFlag,
    Flag::Value("date", "YYYY-MM-DD", "the day").Required(),
    Flag::Repeated("action", "A", "an action").Required(),
};
constexpr Flag kCheckFlags[] = {
    fives::cli::kJournalFlag,
    Flag::Value("date", "YYYY-MM-DD", "the day"),
    Flag::Repeated("helps", "T", "helps"),
    Flag::Repeated("chafes", "T", "chafes"),
    Flag::Switch("json", "JSON"),
    Flag::Switch("force", "force"),
};
constexpr Flag kCharterFlags[] = {
    fives::cli::kJournalFlag,
    Flag::Value("date", "YYYY-MM-DD", "the day"),
    Flag::Switch("json", "JSON"),
    fives::cli::kLangFlag,
    Flag::Value("stale-days", "N", "stale").Default("365"),
};

constexpr Command kCommands[] = {
    {"report", "", "a report", kReportFlags, Unused},
    {"plan", "ROUND", "a plan", kPlanFlags, Unused, 1, 1},
    {"check record", "[ID]", "a check", kCheckFlags, Unused, 0, 1},
    {"charter", "[FILE]", "a charter", kCharterFlags, Unused, 0, 1},
    {"member add", "ID NAME", "a member", kReportFlags, Unused, 2, 2},
};

bool Declares(const Command& command, absl::string_view name) {
  for (const Flag& flag : command.flags) {
    if (flag.name == name) return true;
  }
  return false;
}

void Run(const Command& command, absl::Span<char* const> args) {
  absl::StatusOr<ParsedArgs> parsed = fives::cli::ParseArgs(command, args);
  if (!parsed.ok()) {
    Expect(parsed.status().code() == absl::StatusCode::kInvalidArgument,
           "a refused command line is not InvalidArgument");
    Expect(absl::StartsWith(parsed.status().message(),
                            absl::StrCat(command.name, ": ")),
           "a refusal does not start with the command's name");
    Expect(fives::cli::OneLine(parsed.status().message()).find('\n') ==
               std::string::npos,
           "OneLine gives more than one line");
    return;
  }
  if (parsed->help) {
    const std::string help = fives::cli::CommandHelp(command);
    for (const Flag& flag : command.flags) {
      Expect(absl::StrContains(help, absl::StrCat("--", flag.name)),
             "the help leaves out a flag");
    }
    return;
  }
  for (const std::string& arg : parsed->positional) {
    (void)fives::cli::ParseDateArg(arg, "date");
  }
  for (const auto& [name, values] : parsed->given) {
    Expect(Declares(command, name), "a flag given is not declared");
    Expect(!values.empty(), "a flag given has no value");
  }
  for (const Flag& flag : command.flags) {
    switch (flag.kind) {
      case Flag::Kind::kSwitch:
        (void)parsed->Switch(flag.name);
        break;
      case Flag::Kind::kValue:
        (void)fives::cli::OneLine(parsed->Value(flag.name));
        break;
      case Flag::Kind::kRepeated:
        for (const std::string& v : parsed->Values(flag.name)) {
          (void)fives::cli::OneLine(v);
        }
        break;
    }
  }
  if (Declares(command, "date")) {
    (void)fives::cli::DateFlag(*parsed, false);
    (void)fives::cli::DateFlag(*parsed, true);
  }
  if (Declares(command, "lang")) (void)fives::cli::LangFlag(*parsed);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<std::string> words(1);
  for (size_t i = 0; i < size; ++i) {
    if (data[i] == 0) {
      words.emplace_back();
    } else {
      words.back().push_back(static_cast<char>(data[i]));
    }
  }
  std::vector<char*> argv;
  for (std::string& w : words) argv.push_back(w.data());
  // argv[0] is the program; the command's name is one word or two.
  const absl::Span<char* const> all = absl::MakeSpan(argv).subspan(1);
  for (const Command& command : kCommands) {
    const std::string name(command.name);
    const size_t space = name.find(' ');
    const size_t name_words = space == std::string::npos ? 1 : 2;
    if (all.size() < name_words) continue;
    std::string given = all[0];
    if (name_words == 2) absl::StrAppend(&given, " ", all[1]);
    if (given == name) {
      Run(command, all.subspan(name_words));
      return 0;
    }
  }
  Run(kCommands[(size > 0 ? data[0] : 0) % std::size(kCommands)], all);
  return 0;
}
