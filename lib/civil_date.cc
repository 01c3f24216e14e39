#include "fives/civil_date.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace fives {

absl::StatusOr<absl::CivilDay> ParseCivilDate(absl::string_view text,
                                              absl::string_view field) {
  absl::CivilDay day;
  // ParseCivilTime accepts out-of-range fields by normalising them (e.g.
  // 2026-02-30 becomes March 2nd), so the round trip must give the text back.
  if (text.size() != 10 || !absl::ParseCivilTime(text, &day) ||
      FormatCivilDate(day) != text) {
    return absl::InvalidArgumentError(absl::StrCat(
        field, ": \"", text, "\" is not a date of the form YYYY-MM-DD"));
  }
  return day;
}

absl::Status CheckCivilDate(absl::CivilDay day, absl::string_view field) {
  if (day.year() < 0 || day.year() > 9999) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": year ", day.year(), " is outside 0000..9999"));
  }
  return absl::OkStatus();
}

std::string FormatCivilDate(absl::CivilDay day) {
  return absl::StrFormat("%04d-%02d-%02d", day.year(), day.month(), day.day());
}

}  // namespace fives
