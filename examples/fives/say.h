// Phrases of the catalog (data/catalog.textproto) for the command's output.
#ifndef FIVES_EXAMPLES_FIVES_SAY_H_
#define FIVES_EXAMPLES_FIVES_SAY_H_

#include <string>

#include "absl/strings/string_view.h"
#include "absl/strings/substitute.h"
#include "fives/catalog.h"

namespace fives::cli {

// The phrase `key` in `lang`.
inline std::string Say(absl::string_view key, Language lang) {
  return std::string(Phrase(key, lang));
}

// The phrase `key` in `lang` with $0, $1, ... filled in.
template <typename... Args>
std::string Say(absl::string_view key, Language lang, const Args&... args) {
  return absl::Substitute(Say(key, lang), args...);
}

}  // namespace fives::cli

#endif  // FIVES_EXAMPLES_FIVES_SAY_H_
