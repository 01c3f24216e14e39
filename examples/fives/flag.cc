#include "flag.h"

#include "absl/strings/str_cat.h"

namespace fives::cli {

std::string FlagSynopsis(const Flag& flag) {
  std::string out = absl::StrCat("--", flag.name);
  if (flag.kind != Flag::Kind::kSwitch) absl::StrAppend(&out, " ", flag.value);
  if (flag.kind == Flag::Kind::kRepeated) absl::StrAppend(&out, "...");
  return out;
}

}  // namespace fives::cli
