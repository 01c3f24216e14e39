#include "command_line.h"

#include <algorithm>
#include <cstdio>

#include "absl/flags/commandlineflag.h"
#include "absl/flags/reflection.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace fives::cli {

absl::StatusOr<std::vector<std::string>> ParseSubcommandFlags(
    absl::Span<char* const> args, absl::Span<const absl::string_view> allowed) {
  std::vector<std::string> positional;
  bool flags_done = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const absl::string_view arg(args[i]);
    if (flags_done || arg.size() < 2 || arg.substr(0, 2) != "--") {
      positional.emplace_back(arg);
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
    absl::CommandLineFlag* flag = absl::FindCommandLineFlag(name);
    if (flag == nullptr) {
      return absl::InternalError(
          absl::StrCat("flag --", name, " is not defined"));
    }
    std::string value;
    if (eq != absl::string_view::npos) {
      value = std::string(body.substr(eq + 1));
    } else if (flag->IsOfType<bool>()) {
      value = "true";
    } else if (i + 1 < args.size()) {
      value = args[++i];  // --name VALUE
    } else {
      return absl::InvalidArgumentError(
          absl::StrCat("flag --", name, " needs a value"));
    }
    std::string error;
    if (!flag->ParseFrom(value, &error)) {
      return absl::InvalidArgumentError(
          absl::StrCat("flag --", name, ": ", error));
    }
  }
  return positional;
}

int UsageError(absl::string_view message) {
  std::fprintf(stderr, "fives: %.*s\n", static_cast<int>(message.size()),
               message.data());
  return kExitUsage;
}

}  // namespace fives::cli
