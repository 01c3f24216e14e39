/// @file
/// The 5S catalog: for every pillar its name, summary, topics, warning signals
/// and practices in Dutch and English, plus the library's user-facing phrases.
/// Compiled into the library, parsed and validated once on first use.
#ifndef FIVES_CATALOG_H_
#define FIVES_CATALOG_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/strings/substitute.h"
#include "fives/pillar.h"
#include "fives/v1/catalog.pb.h"

namespace fives {

enum class Language { kEnglish, kDutch };

/// "en" or "nl".
absl::string_view LanguageTag(Language language);
/// Parses "en" or "nl" (case-insensitive); the error names the value.
absl::StatusOr<Language> LanguageFromTag(absl::string_view tag);

/// The built-in catalog. Valid by construction: the library's tests check it.
const v1::Catalog& BuiltinCatalog();

/// The texts of one pillar in one language, from the built-in catalog.
const v1::PillarTexts& PillarTextsFor(Pillar pillar, Language language);

/// The display name of a pillar in a language.
const std::string& PillarName(Pillar pillar, Language language);

/// The phrase with `key` in `language`; `key` itself when the catalog has no
/// such phrase (a programming error, caught by the catalog tests).
absl::string_view Phrase(absl::string_view key, Language language);

/// The phrase `key` in `language` with its placeholders $0, $1, ... replaced
/// by `args` (numbers and strings, as absl::Substitute takes them). Every
/// text for people is built this way, so the catalog holds each sentence
/// whole, in each language's own word order.
template <typename... Args>
std::string Say(absl::string_view key, Language language, const Args&... args) {
  if constexpr (sizeof...(Args) == 0) {
    return std::string(Phrase(key, language));
  } else {
    return absl::Substitute(Phrase(key, language), args...);
  }
}

/// The phrase `key` in `language` with its placeholders replaced by `args`
/// known only at run time (at most ten, as absl::Substitute takes them;
/// placeholders beyond `args` stay empty).
std::string SayWith(absl::string_view key, Language language,
                    const std::vector<std::string>& args);

/// Checks a catalog: five pillars in order with their keys, texts in "nl" and
/// "en" with non-empty name, summary and lists of equal length per language,
/// and phrases with unique keys whose $-placeholders match across languages.
absl::Status ValidateCatalog(const v1::Catalog& catalog);

/// Parses a text-format catalog and validates it.
absl::StatusOr<v1::Catalog> ParseCatalog(absl::string_view textproto);

}  // namespace fives

#endif  // FIVES_CATALOG_H_
