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

std::string FindingText(const v1::Finding& finding, Language language) {
  if (finding.code().empty()) return finding.message();
  std::vector<std::string> args(finding.args().begin(), finding.args().end());
  auto word = [&](size_t i, absl::string_view prefix) {
    if (i < args.size()) args[i] = Say(absl::StrCat(prefix, args[i]), language);
  };
  auto date = [&](size_t i) {
    if (i < args.size()) args[i] = FormatLongDate(args[i], language);
  };
  const std::string& code = finding.code();
  if (code == "not_member" || code == "follow_up_passed" ||
      code == "moment_passed") {
    date(1);
  }
  if (code == "model_differs") {
    word(1, "decision_model_");
    word(2, "decision_model_");
  } else if (code == "moment_passed") {
    word(0, "moment_");
  }
  return SayWith(absl::StrCat("finding_", code), language, args);
}

}  // namespace fives
