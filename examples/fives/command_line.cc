#include "command_line.h"

#include <cstdio>
#include <cstdlib>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "fives/civil_date.h"
#include "fives/error_detail.h"
#include "fives/error_text.h"
#include "fives/report_text.h"

namespace fives::cli {
namespace {

const Flag* FindFlag(const Command& command, absl::string_view name) {
  for (const Flag& flag : command.flags) {
    if (flag.name == name) return &flag;
  }
  return nullptr;
}

// The flag `name` of the command, which must declare it as `kind`.
const Flag& DeclaredFlag(const ParsedArgs& args, absl::string_view name,
                         Flag::Kind kind) {
  const Flag* flag =
      args.command == nullptr ? nullptr : FindFlag(*args.command, name);
  if (flag == nullptr || flag->kind != kind) {
    std::fprintf(stderr, "fives: bug: %s reads --%s, not declared as such\n",
                 args.command == nullptr
                     ? "a command"
                     : std::string(args.command->name).c_str(),
                 std::string(name).c_str());
    std::abort();
  }
  return *flag;
}

// The values a switch takes after "=", as Abseil's boolean flags take them.
std::optional<bool> ParseSwitch(absl::string_view text) {
  for (absl::string_view yes : {"1", "t", "true", "y", "yes"}) {
    if (absl::EqualsIgnoreCase(text, yes)) return true;
  }
  for (absl::string_view no : {"0", "f", "false", "n", "no"}) {
    if (absl::EqualsIgnoreCase(text, no)) return false;
  }
  return std::nullopt;
}

// The flags `command` takes: "--date, --lang".
std::string FlagNames(const Command& command) {
  std::vector<std::string> names;
  for (const Flag& flag : command.flags) {
    names.push_back(absl::StrCat("--", flag.name));
  }
  return absl::StrJoin(names, ", ");
}

// The flags and positionals of `args`, without the command's name in
// errors.
absl::Status ParseWords(const Command& command, absl::Span<char* const> args,
                        ParsedArgs& parsed) {
  bool flags_done = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const absl::string_view arg(args[i]);
    if (!flags_done && (arg == "--help" || arg == "-h")) {
      parsed.help = true;
      return absl::OkStatus();
    }
    if (flags_done || arg.size() < 2 || arg.substr(0, 2) != "--") {
      parsed.positional.emplace_back(arg);
      continue;
    }
    if (arg == "--") {
      flags_done = true;
      continue;
    }
    const absl::string_view body = arg.substr(2);
    const size_t eq = body.find('=');
    const absl::string_view name = body.substr(0, eq);
    const Flag* flag = FindFlag(command, name);
    if (flag == nullptr) {
      return CommandLineError(v1::ERROR_CODE_FLAG_UNKNOWN,
                              {absl::StrCat("--", name), FlagNames(command)});
    }
    std::string value;
    if (eq != absl::string_view::npos) {
      value = std::string(body.substr(eq + 1));
    } else if (flag->kind == Flag::Kind::kSwitch) {
      value = "true";
    } else if (i + 1 < args.size() &&
               !absl::StartsWith(absl::string_view(args[i + 1]), "--")) {
      value = args[++i];  // --name VALUE
    } else {
      // "--text --json" is a forgotten value, not the text "--json"; such a
      // value is given as --text=--json.
      return CommandLineError(v1::ERROR_CODE_FLAG_NEEDS_VALUE,
                              {absl::StrCat("--", name)});
    }
    if (flag->kind == Flag::Kind::kSwitch) {
      const std::optional<bool> on = ParseSwitch(value);
      if (!on) {
        return CommandLineError(v1::ERROR_CODE_FLAG_NOT_A_SWITCH,
                                {absl::StrCat("--", name), value});
      }
      value = *on ? "true" : "false";
    }
    std::vector<std::string>& values = parsed.given[name];
    if (flag->kind != Flag::Kind::kRepeated && !values.empty()) {
      return CommandLineError(v1::ERROR_CODE_FLAG_TWICE,
                              {absl::StrCat("--", name), values[0], value});
    }
    values.push_back(std::move(value));
  }
  return absl::OkStatus();
}

}  // namespace

bool ParsedArgs::Has(absl::string_view name) const {
  return given.contains(name);
}

std::string ParsedArgs::Value(absl::string_view name) const {
  const Flag& flag = DeclaredFlag(*this, name, Flag::Kind::kValue);
  auto it = given.find(name);
  return it == given.end() ? std::string(flag.default_value) : it->second[0];
}

bool ParsedArgs::Switch(absl::string_view name) const {
  DeclaredFlag(*this, name, Flag::Kind::kSwitch);
  auto it = given.find(name);
  return it != given.end() && it->second[0] == "true";
}

const std::vector<std::string>& ParsedArgs::Values(
    absl::string_view name) const {
  static const std::vector<std::string>* const kNone =
      new std::vector<std::string>();
  DeclaredFlag(*this, name, Flag::Kind::kRepeated);
  auto it = given.find(name);
  return it == given.end() ? *kNone : it->second;
}

std::string ParsedArgs::Usage() const {
  return command == nullptr ? "" : cli::Usage(*command);
}

absl::StatusOr<ParsedArgs> ParseArgs(const Command& command,
                                     absl::Span<char* const> args) {
  ParsedArgs parsed;
  parsed.command = &command;
  const std::string context = absl::StrCat(command.name, ": ");
  if (absl::Status s = ParseWords(command, args, parsed); !s.ok()) {
    return WithContext(s, context);
  }
  if (parsed.help) return parsed;
  const size_t n = parsed.positional.size();
  if (n < command.min_args) {
    return WithContext(ArgumentMissing(Usage(command)), context);
  }
  if (n > command.max_args) {
    return WithContext(
        ArgumentUnexpected(parsed.positional[command.max_args], Usage(command)),
        context);
  }
  return parsed;
}

std::string OneLine(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (u < 0x20 || u == 0x7f) {
      out += absl::StrFormat("\\x%02x", u);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

absl::Status CommandLineError(v1::ErrorCode code,
                              std::initializer_list<ErrorArgument> args) {
  const absl::Status status =
      WithDetail(absl::InvalidArgumentError(""), code, args);
  return WithMessage(status, ErrorText(status, Language::kEnglish));
}

absl::Status ArgumentMissing(absl::string_view usage) {
  return CommandLineError(v1::ERROR_CODE_ARGUMENT_MISSING, {usage});
}

absl::Status ArgumentUnexpected(absl::string_view argument,
                                absl::string_view usage) {
  return CommandLineError(v1::ERROR_CODE_ARGUMENT_UNEXPECTED,
                          {argument, usage});
}

absl::Status FlagEmpty(absl::string_view flag, absl::string_view needs) {
  return CommandLineError(
      v1::ERROR_CODE_FLAG_EMPTY,
      {flag, ErrorArgument::Phrase(absl::StrCat("needs_", needs))});
}

absl::Status FlagChoice(absl::string_view flag, absl::string_view value,
                        absl::Span<const absl::string_view> choices) {
  return WithContext(CommandLineError(v1::ERROR_CODE_FLAG_CHOICE,
                                      {value, absl::StrJoin(choices, ", ")}),
                     absl::StrCat(flag, ": "));
}

namespace {

Language error_language = Language::kEnglish;

// The flag a message starts with, as '--name: ' or '--name "VALUE": ';
// empty when it starts otherwise.
absl::string_view FlagPrefix(absl::string_view message) {
  absl::string_view rest = message;
  if (!absl::ConsumePrefix(&rest, "--")) return "";
  const size_t name = rest.find_first_not_of("abcdefghijklmnopqrstuvwxyz-");
  if (name == 0 || name == absl::string_view::npos) return "";
  rest.remove_prefix(name);
  if (absl::ConsumePrefix(&rest, " \"")) {
    const size_t quote = rest.find('"');
    if (quote == absl::string_view::npos) return "";
    rest.remove_prefix(quote + 1);
  }
  if (!absl::StartsWith(rest, ": ")) return "";
  return message.substr(0, message.size() - rest.size() + 2);
}

// "fives: <context>: <status for people>", on one line. A value given in a
// flag keeps the flag's name in front ("--date: "), as the library's
// message names it.
void PrintRefusal(absl::string_view context, const absl::Status& status) {
  std::string text = ErrorText(status, error_language);
  if (ErrorDetailOf(status).has_value()) {
    const absl::string_view flag = FlagPrefix(status.message());
    if (!absl::StartsWith(text, flag)) text = absl::StrCat(flag, text);
  } else {
    text = std::string(absl::StripPrefix(text, absl::StrCat(context, ": ")));
  }
  const std::string line =
      OneLine(context.empty() ? text : absl::StrCat(context, ": ", text));
  std::fprintf(stderr, "fives: %s\n", line.c_str());
}

}  // namespace

void SetErrorLanguage(Language language) { error_language = language; }

Language ErrorLanguage() { return error_language; }

int UsageError(absl::string_view context, const absl::Status& status) {
  PrintRefusal(context, status);
  return kExitUsage;
}

int Refused(absl::string_view context, const absl::Status& status) {
  PrintRefusal(context, status);
  return kExitRefused;
}

absl::Status FlagError(absl::string_view flag, absl::string_view field,
                       const absl::Status& status) {
  absl::string_view message = status.message();
  absl::ConsumePrefix(&message, absl::StrCat(field, ": "));
  return WithMessage(status, absl::StrCat(flag, ": ", message));
}

absl::StatusOr<absl::CivilDay> ParseDateArg(absl::string_view text,
                                            absl::string_view field) {
  absl::StatusOr<absl::CivilDay> day = ParseCivilDate(text, field);
  if (!day.ok()) return day.status();
  if (absl::Status s = CheckCivilDate(*day, field); !s.ok()) return s;
  return day;
}

absl::StatusOr<Language> LangFlag(const ParsedArgs& args) {
  absl::StatusOr<Language> language = LanguageFromTag(args.Value("lang"));
  if (!language.ok()) {
    return FlagError("--lang", "language", language.status());
  }
  return language;
}

std::string LongDate(absl::CivilDay day, Language language) {
  return FormatLongDate(FormatCivilDate(day), language);
}

absl::StatusOr<std::optional<absl::CivilDay>> DateFlag(const ParsedArgs& args,
                                                       bool required) {
  const std::string text = args.Value("date");
  if (text.empty()) {
    if (!required) return std::optional<absl::CivilDay>();
    return CommandLineError(v1::ERROR_CODE_DATE_REQUIRED, {});
  }
  absl::StatusOr<absl::CivilDay> day = ParseDateArg(text, "--date");
  if (!day.ok()) return day.status();
  return std::optional<absl::CivilDay>(*day);
}

}  // namespace fives::cli
