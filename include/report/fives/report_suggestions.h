/// @file
/// A round report in a language: the catalog's practices for its focus
/// pillar as suggestions. The analysis (BuildRoundReport, Journal::Report)
/// gives figures only; the texts for people are added here.
#ifndef FIVES_REPORT_SUGGESTIONS_H_
#define FIVES_REPORT_SUGGESTIONS_H_

#include <string>
#include <vector>

#include "fives/catalog.h"
#include "fives/v1/report.pb.h"

namespace fives {

/// The catalog's practices for the focus pillar of `report`, in `language`,
/// in the catalog's order; none when the report names no focus.
std::vector<std::string> FocusSuggestions(const v1::RoundReport& report,
                                          Language language);

/// Sets the texts of `report` for people in `language`: `language` to its
/// tag ("en", "nl") and `suggestions` to FocusSuggestions, replacing what
/// they held. Every face that hands a fives.v1.RoundReport to a host (the C
/// ABI, Python, the command's JSON, the meeting report) goes through it.
void AddSuggestions(Language language, v1::RoundReport* report);

}  // namespace fives

#endif  // FIVES_REPORT_SUGGESTIONS_H_
