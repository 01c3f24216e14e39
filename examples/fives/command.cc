#include "command.h"

#include "absl/strings/str_cat.h"

namespace fives::cli {

std::string Usage(const Command& command) {
  std::string out = absl::StrCat("fives ", command.name);
  if (!command.args.empty()) absl::StrAppend(&out, " ", command.args);
  for (const Flag& flag : command.flags) {
    if (flag.required) absl::StrAppend(&out, " ", FlagSynopsis(flag));
  }
  return out;
}

absl::string_view GroupOf(const Command& command) {
  const size_t space = command.name.find(' ');
  return space == absl::string_view::npos ? absl::string_view()
                                          : command.name.substr(0, space);
}

absl::string_view VerbOf(const Command& command) {
  const size_t space = command.name.find(' ');
  return space == absl::string_view::npos ? command.name
                                          : command.name.substr(space + 1);
}

}  // namespace fives::cli
