#include "fives/charter_phrases.h"

#include "absl/strings/str_cat.h"

namespace fives {

absl::string_view StyleName(absl::string_view key, Language language) {
  return Phrase(absl::StrCat("style_", key), language);
}

absl::string_view StylePitfall(absl::string_view key, Language language) {
  return Phrase(absl::StrCat("style_", key, "_pitfall"), language);
}

absl::string_view AgreementName(absl::string_view key, Language language) {
  return Phrase(absl::StrCat("agreement_", key), language);
}

absl::string_view AgreementNextStep(absl::string_view key, Language language) {
  return Phrase(absl::StrCat("agreement_", key, "_next"), language);
}

}  // namespace fives
