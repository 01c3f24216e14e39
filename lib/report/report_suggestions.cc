#include "fives/report_suggestions.h"

#include <string>
#include <utility>
#include <vector>

#include "fives/pillar.h"

namespace fives {

std::vector<std::string> FocusSuggestions(const v1::RoundReport& report,
                                          Language language) {
  // No focus (PILLAR_UNSPECIFIED) or a value that is no pillar: none.
  absl::StatusOr<Pillar> focus = PillarFromProto(report.focus());
  if (!focus.ok()) return {};
  const auto& practices = PillarTextsFor(*focus, language).practices();
  return std::vector<std::string>(practices.begin(), practices.end());
}

void AddSuggestions(Language language, v1::RoundReport* report) {
  report->set_language(std::string(LanguageTag(language)));
  report->clear_suggestions();
  // add_suggestions()->assign(): protobuf 3.21's Add(T&&) counts the
  // element before it allocates it, so running out of memory there would
  // leave a slot the destructor crashes on.
  for (const std::string& s : FocusSuggestions(*report, language)) {
    report->add_suggestions()->assign(s);
  }
}

}  // namespace fives
