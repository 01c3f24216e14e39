#include "fives/charter_phrases.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "fives/report_text.h"

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

std::string FindingText(const v1::Finding& f, Language lang) {
  if (f.code().empty()) return f.message();
  std::vector<std::string> args(f.args().begin(), f.args().end());
  auto word = [&](size_t i, absl::string_view prefix) {
    if (i < args.size()) args[i] = Say(absl::StrCat(prefix, args[i]), lang);
  };
  auto date = [&](size_t i) {
    if (i < args.size()) args[i] = FormatLongDate(args[i], lang);
  };
  if (f.code() == "not_member" || f.code() == "follow_up_passed" ||
      f.code() == "moment_passed") {
    date(1);
  }
  if (f.code() == "model_differs") {
    word(1, "decision_model_");
    word(2, "decision_model_");
  } else if (f.code() == "moment_passed") {
    word(0, "moment_");
  }
  return SayWith(absl::StrCat("finding_", f.code()), lang, args);
}

}  // namespace fives
