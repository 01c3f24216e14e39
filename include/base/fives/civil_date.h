/// @file
/// ISO-8601 civil dates (YYYY-MM-DD), the only form of time in fives. The
/// library never reads the clock: callers pass "today".
#ifndef FIVES_CIVIL_DATE_H_
#define FIVES_CIVIL_DATE_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"

namespace fives {

/// Parses exactly YYYY-MM-DD with a real calendar date; the error names
/// `field` and the text.
absl::StatusOr<absl::CivilDay> ParseCivilDate(absl::string_view text,
                                              absl::string_view field);

/// InvalidArgument naming `field` unless the year is 0..9999, the years an
/// ISO-8601 civil date of the form YYYY-MM-DD can hold.
absl::Status CheckCivilDate(absl::CivilDay day, absl::string_view field);

/// Formats as YYYY-MM-DD (the day must pass CheckCivilDate).
std::string FormatCivilDate(absl::CivilDay day);

}  // namespace fives

#endif  // FIVES_CIVIL_DATE_H_
