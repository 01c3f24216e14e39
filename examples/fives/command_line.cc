#include "command_line.h"

#include <algorithm>
#include <cstdio>

#include "absl/flags/commandlineflag.h"
#include "absl/flags/flag.h"
#include "absl/flags/reflection.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "fives/civil_date.h"

ABSL_FLAG(std::string, journal, "./fives.journal",
          "the journal file to work on");
ABSL_FLAG(std::string, date, "",
          "the day of the operation, YYYY-MM-DD (the library never reads the "
          "clock: commands where the day matters require it)");
ABSL_FLAG(bool, json, false,
          "print one JSON object (proto3 JSON mapping, snake_case field names) "
          "instead of text");
ABSL_FLAG(std::string, lang, "en", "language of the texts: en or nl");

namespace fives::cli {

const std::vector<std::string>& ParsedArgs::Values(
    absl::string_view name) const {
  static const std::vector<std::string>* const kNone =
      new std::vector<std::string>();
  auto it = repeated.find(name);
  return it == repeated.end() ? *kNone : it->second;
}

absl::StatusOr<ParsedArgs> ParseSubcommandArgs(
    absl::Span<char* const> args, absl::Span<const absl::string_view> allowed,
    absl::Span<const absl::string_view> repeatable) {
  ParsedArgs parsed;
  bool flags_done = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const absl::string_view arg(args[i]);
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
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "unknown flag --", name,
          allowed.empty() ? " (this command takes no flags)"
                          : absl::StrCat(" (expected --",
                                         absl::StrJoin(allowed, ", --"), ")")));
    }
    parsed.given.insert(std::string(name));
    const bool is_repeatable = std::find(repeatable.begin(), repeatable.end(),
                                         name) != repeatable.end();
    absl::CommandLineFlag* flag =
        is_repeatable ? nullptr : absl::FindCommandLineFlag(name);
    if (!is_repeatable && flag == nullptr) {
      return absl::InternalError(
          absl::StrCat("flag --", name, " is not defined"));
    }
    std::string value;
    if (eq != absl::string_view::npos) {
      value = std::string(body.substr(eq + 1));
    } else if (flag != nullptr && flag->IsOfType<bool>()) {
      value = "true";
    } else if (i + 1 < args.size() &&
               !absl::StartsWith(absl::string_view(args[i + 1]), "--")) {
      value = args[++i];  // --name VALUE
    } else {
      // "--text --json" is a forgotten value, not the text "--json"; such a
      // value is given as --text=--json.
      return absl::InvalidArgumentError(
          absl::StrCat("flag --", name, " needs a value"));
    }
    if (is_repeatable) {
      parsed.repeated[std::string(name)].push_back(std::move(value));
      continue;
    }
    std::string error;
    if (!flag->ParseFrom(value, &error)) {
      return absl::InvalidArgumentError(
          absl::StrCat("flag --", name, ": ", error));
    }
  }
  return parsed;
}

absl::StatusOr<ParsedArgs> ParseCommand(const CommandSpec& spec,
                                        absl::Span<char* const> args) {
  absl::StatusOr<ParsedArgs> parsed =
      ParseSubcommandArgs(args, spec.flags, spec.repeatable);
  if (!parsed.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(spec.name, ": ", parsed.status().message()));
  }
  const size_t n = parsed->positional.size();
  if (n < spec.min_args) {
    return absl::InvalidArgumentError(absl::StrCat(
        spec.name, ": missing argument (usage: ", spec.usage, ")"));
  }
  if (n > spec.max_args) {
    return absl::InvalidArgumentError(absl::StrCat(
        spec.name, ": unexpected argument \"",
        parsed->positional[spec.max_args], "\" (usage: ", spec.usage, ")"));
  }
  return parsed;
}

int RunGroup(absl::string_view group, absl::Span<const Verb> verbs,
             absl::Span<char* const> args) {
  std::vector<absl::string_view> names;
  for (const Verb& v : verbs) names.push_back(v.name);
  const std::string expected =
      absl::StrCat("(expected ", absl::StrJoin(names, ", "), ")");
  if (args.empty()) {
    return UsageError(absl::StrCat(group, ": missing subcommand ", expected));
  }
  const absl::string_view verb = args[0];
  for (const Verb& v : verbs) {
    if (verb == v.name) return v.run(args.subspan(1));
  }
  if (absl::StartsWith(verb, "-")) {
    return UsageError(absl::StrCat(group, ": the subcommand comes first ",
                                   expected, ", then its flags"));
  }
  return UsageError(
      absl::StrCat(group, ": unknown subcommand \"", verb, "\" ", expected));
}

absl::StatusOr<std::vector<std::string>> ParseSubcommandFlags(
    absl::Span<char* const> args, absl::Span<const absl::string_view> allowed) {
  absl::StatusOr<ParsedArgs> parsed = ParseSubcommandArgs(args, allowed);
  if (!parsed.ok()) return parsed.status();
  return std::move(parsed->positional);
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

int UsageError(absl::string_view message) {
  const std::string line = OneLine(message);
  std::fprintf(stderr, "fives: %s\n", line.c_str());
  return kExitUsage;
}

int Refused(absl::string_view context, const absl::Status& status) {
  const std::string line =
      OneLine(absl::StrCat(context, ": ", status.message()));
  std::fprintf(stderr, "fives: %s\n", line.c_str());
  return kExitRefused;
}

absl::StatusOr<absl::CivilDay> ParseDateArg(absl::string_view text,
                                            absl::string_view field) {
  absl::StatusOr<absl::CivilDay> day = ParseCivilDate(text, field);
  if (!day.ok()) return day.status();
  if (absl::Status s = CheckCivilDate(*day, field); !s.ok()) return s;
  return day;
}

absl::StatusOr<Language> LangFlag() {
  return LanguageFromTag(absl::GetFlag(FLAGS_lang));
}

absl::StatusOr<std::optional<absl::CivilDay>> DateFlag(bool required) {
  const std::string text = absl::GetFlag(FLAGS_date);
  if (text.empty()) {
    if (!required) return std::optional<absl::CivilDay>();
    return absl::InvalidArgumentError(
        "--date YYYY-MM-DD is required (fives never reads the clock: give the "
        "day)");
  }
  absl::StatusOr<absl::CivilDay> day = ParseDateArg(text, "--date");
  if (!day.ok()) return day.status();
  return std::optional<absl::CivilDay>(*day);
}

}  // namespace fives::cli
