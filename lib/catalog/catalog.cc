#include "fives/catalog.h"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "fives/text_format.h"
#include "hash_table.h"

namespace fives {
namespace internal {
// Defined in the file generated from data/catalog.textproto.
extern const absl::string_view kCatalogTextproto;
}  // namespace internal

namespace {

constexpr absl::string_view kLanguageTags[] = {"en", "nl"};

struct LoadedCatalog {
  v1::Catalog catalog;
  // [pillar][language] -> texts.
  const v1::PillarTexts* texts[kPillarCount][2] = {};
  // Keys into `catalog`, which stays where it is.
  internal::HashMap<absl::string_view, const v1::Phrase*> phrases;
};

const LoadedCatalog& Loaded() {
  static const LoadedCatalog* loaded = [] {
    // Freed if building it throws (std::bad_alloc): built again next time.
    auto l = std::make_unique<LoadedCatalog>();
    absl::StatusOr<v1::Catalog> parsed =
        ParseCatalog(internal::kCatalogTextproto);
    if (!parsed.ok()) {
      // The embedded catalog is part of the build; a broken one is a build
      // defect that the catalog tests report, never a run-time condition.
      std::fprintf(stderr, "fives: built-in catalog is invalid: %s\n",
                   std::string(parsed.status().message()).c_str());
      std::abort();
    }
    l->catalog = *std::move(parsed);
    for (const v1::CatalogPillar& p : l->catalog.pillars()) {
      const size_t index = static_cast<size_t>(p.pillar()) - 1;
      for (const v1::PillarTexts& t : p.texts()) {
        l->texts[index][t.language() == "nl" ? 1 : 0] = &t;
      }
    }
    for (const v1::Phrase& phrase : l->catalog.phrases()) {
      l->phrases[phrase.key()] = &phrase;
    }
    return l.release();
  }();
  return *loaded;
}

// The $0..$9 placeholders of a phrase, as a set of digits.
std::set<char> Placeholders(absl::string_view text) {
  std::set<char> found;
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] == '$' && absl::ascii_isdigit(text[i + 1])) {
      found.insert(text[i + 1]);
    }
  }
  return found;
}

absl::Status CheckList(absl::string_view where, absl::string_view list,
                       int nl_size, int en_size) {
  if (nl_size == 0 || en_size == 0) {
    return absl::InvalidArgumentError(absl::StrCat(where, ".", list,
                                                   ": empty (nl has ", nl_size,
                                                   ", en has ", en_size, ")"));
  }
  if (nl_size != en_size) {
    return absl::InvalidArgumentError(
        absl::StrCat(where, ".", list, ": nl has ", nl_size,
                     " entries but en has ", en_size));
  }
  return absl::OkStatus();
}

}  // namespace

absl::string_view LanguageTag(Language language) {
  return kLanguageTags[language == Language::kDutch ? 1 : 0];
}

absl::StatusOr<Language> LanguageFromTag(absl::string_view tag) {
  const std::string lower = absl::AsciiStrToLower(tag);
  if (lower == "en") return Language::kEnglish;
  if (lower == "nl") return Language::kDutch;
  return absl::InvalidArgumentError(
      absl::StrCat("language: \"", tag, "\" is not supported (en or nl)"));
}

const v1::Catalog& BuiltinCatalog() { return Loaded().catalog; }

const v1::PillarTexts& PillarTextsFor(Pillar pillar, Language language) {
  return *Loaded().texts[PillarIndex(pillar)][language == Language::kDutch];
}

const std::string& PillarName(Pillar pillar, Language language) {
  return PillarTextsFor(pillar, language).name();
}

absl::string_view Phrase(absl::string_view key, Language language) {
  const auto& phrases = Loaded().phrases;
  auto it = phrases.find(key);
  if (it == phrases.end()) return key;
  return language == Language::kDutch ? it->second->nl() : it->second->en();
}

absl::Status ValidateCatalog(const v1::Catalog& catalog) {
  if (catalog.pillars_size() != static_cast<int>(kPillarCount)) {
    return absl::InvalidArgumentError(absl::StrCat("catalog.pillars: has ",
                                                   catalog.pillars_size(),
                                                   " pillars, expected 5"));
  }
  for (int i = 0; i < catalog.pillars_size(); ++i) {
    const v1::CatalogPillar& p = catalog.pillars(i);
    const std::string where = absl::StrCat("catalog.pillars[", i, "]");
    const Pillar expected = kAllPillars[i];
    if (p.pillar() != ToProto(expected) || p.key() != PillarKey(expected)) {
      return absl::InvalidArgumentError(absl::StrCat(
          where, ": is \"", p.key(), "\", expected \"", PillarKey(expected),
          "\" (pillars must be in the method's order)"));
    }
    const v1::PillarTexts* by_lang[2] = {};
    for (const v1::PillarTexts& t : p.texts()) {
      absl::StatusOr<Language> lang = LanguageFromTag(t.language());
      if (!lang.ok() || t.language() != LanguageTag(*lang)) {
        return absl::InvalidArgumentError(absl::StrCat(
            where, ".texts: language \"", t.language(), "\" is not en or nl"));
      }
      const int slot = *lang == Language::kDutch;
      if (by_lang[slot] != nullptr) {
        return absl::InvalidArgumentError(absl::StrCat(
            where, ".texts: language \"", t.language(), "\" appears twice"));
      }
      by_lang[slot] = &t;
      if (t.name().empty() || t.summary().empty()) {
        return absl::InvalidArgumentError(
            absl::StrCat(where, ".texts[", t.language(),
                         "]: name and summary are required"));
      }
      for (const auto* list :
           {&t.topics(), &t.warning_signals(), &t.practices()}) {
        for (const std::string& item : *list) {
          if (item.empty()) {
            return absl::InvalidArgumentError(
                absl::StrCat(where, ".texts[", t.language(),
                             "]: a list holds an empty entry"));
          }
        }
      }
    }
    if (by_lang[0] == nullptr || by_lang[1] == nullptr) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ".texts: needs both nl and en"));
    }
    const v1::PillarTexts& en = *by_lang[0];
    const v1::PillarTexts& nl = *by_lang[1];
    if (auto s = CheckList(where, "topics", nl.topics_size(), en.topics_size());
        !s.ok())
      return s;
    if (auto s = CheckList(where, "warning_signals", nl.warning_signals_size(),
                           en.warning_signals_size());
        !s.ok())
      return s;
    if (auto s = CheckList(where, "practices", nl.practices_size(),
                           en.practices_size());
        !s.ok())
      return s;
  }
  std::set<std::string> keys;
  for (const v1::Phrase& phrase : catalog.phrases()) {
    if (phrase.key().empty() || !keys.insert(phrase.key()).second) {
      return absl::InvalidArgumentError(absl::StrCat(
          "catalog.phrases: key \"", phrase.key(), "\" is empty or repeated"));
    }
    if (phrase.nl().empty() || phrase.en().empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "catalog.phrases[", phrase.key(), "]: needs both nl and en"));
    }
    if (Placeholders(phrase.nl()) != Placeholders(phrase.en())) {
      return absl::InvalidArgumentError(
          absl::StrCat("catalog.phrases[", phrase.key(),
                       "]: nl and en use different $-placeholders"));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<v1::Catalog> ParseCatalog(absl::string_view textproto) {
  v1::Catalog catalog;
  if (absl::Status s = ParseTextFormat(textproto, "catalog", &catalog);
      !s.ok()) {
    return s;
  }
  if (absl::Status s = ValidateCatalog(catalog); !s.ok()) return s;
  return catalog;
}

std::string SayWith(absl::string_view key, Language language,
                    const std::vector<std::string>& args) {
  std::array<absl::string_view, 10> a;
  for (size_t i = 0; i < a.size() && i < args.size(); ++i) a[i] = args[i];
  return absl::Substitute(Phrase(key, language), a[0], a[1], a[2], a[3], a[4],
                          a[5], a[6], a[7], a[8], a[9]);
}

}  // namespace fives
