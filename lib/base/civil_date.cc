#include "fives/civil_date.h"

#include <string>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "fives/error_detail.h"

namespace fives {
namespace {

// The number made of text[begin, end), all ASCII digits; -1 otherwise.
int Digits(absl::string_view text, size_t begin, size_t end) {
  int value = 0;
  for (size_t i = begin; i < end; ++i) {
    if (!absl::ascii_isdigit(text[i])) return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

absl::StatusOr<absl::CivilDay> ParseCivilDate(absl::string_view text,
                                              absl::string_view field) {
  // Exactly YYYY-MM-DD. Journals hold thousands of dates, so this reads the
  // digits directly; CivilDay normalises out-of-range fields (2026-02-30
  // becomes March 2nd), so a real date is one that comes back unchanged.
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    const int year = Digits(text, 0, 4);
    const int month = Digits(text, 5, 7);
    const int day = Digits(text, 8, 10);
    if (year >= 0 && month >= 1 && day >= 1) {
      const absl::CivilDay date(year, month, day);
      if (date.month() == month && date.day() == day) return date;
    }
    // The form is right: say which part is not.
    if (year >= 0 && month >= 0 && day >= 0) {
      const std::string given = std::string(text);
      const std::string what =
          absl::StrCat(field, ": \"", text, "\" is not a date: ");
      if (month < 1 || month > 12) {
        return WithDetail(absl::InvalidArgumentError(
                              absl::StrCat(what, "there is no month ", month)),
                          v1::ERROR_CODE_DATE_NO_MONTH, {given, month});
      }
      if (day < 1) {
        return WithDetail(
            absl::InvalidArgumentError(absl::StrCat(what, "there is no day 0")),
            v1::ERROR_CODE_DATE_NO_DAY_ZERO, {given});
      }
      static constexpr const char* kMonths[] = {
          "January",   "February", "March",    "April",
          "May",       "June",     "July",     "August",
          "September", "October",  "November", "December"};
      const int days_in_month =
          (absl::CivilDay(absl::CivilMonth(year, month) + 1) - 1).day();
      return WithDetail(
          absl::InvalidArgumentError(absl::StrCat(what, kMonths[month - 1], " ",
                                                  year, " has ", days_in_month,
                                                  " days")),
          v1::ERROR_CODE_DATE_DAYS_IN_MONTH,
          {given, ErrorArgument::Phrase(absl::StrCat("month_", month)), year,
           days_in_month});
    }
  }
  return WithDetail(absl::InvalidArgumentError(absl::StrCat(
                        field, ": \"", absl::CHexEscape(text),
                        "\" is not a date of the form YYYY-MM-DD")),
                    v1::ERROR_CODE_DATE_FORM, {absl::CHexEscape(text)});
}

absl::Status CheckCivilDate(absl::CivilDay day, absl::string_view field) {
  if (day.year() < 0 || day.year() > 9999) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": year ", day.year(), " is outside 0000..9999"));
  }
  return absl::OkStatus();
}

std::string FormatCivilDate(absl::CivilDay day) {
  return absl::StrCat(absl::Dec(day.year(), absl::kZeroPad4), "-",
                      absl::Dec(day.month(), absl::kZeroPad2), "-",
                      absl::Dec(day.day(), absl::kZeroPad2));
}

}  // namespace fives
