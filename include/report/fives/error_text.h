/// @file
/// A refusal in words for people, in their language: the catalog phrase of
/// its fives.v1.ErrorDetail (fives/error_detail.h) with the arguments
/// filled in. A refusal without a detail is one only a host's program can
/// cause (a malformed message, an enum value out of range); its English
/// message for developers is the text then.
#ifndef FIVES_ERROR_TEXT_H_
#define FIVES_ERROR_TEXT_H_

#include <string>

#include "absl/status/status.h"
#include "fives/catalog.h"
#include "fives/v1/error.pb.h"

namespace fives {

/// The catalog key of `code`'s phrase: "error_date_form" for
/// ERROR_CODE_DATE_FORM; "" for a value that is not a code.
std::string ErrorPhraseKey(v1::ErrorCode code);

/// `status` for people in `language`; "" for an OK status.
std::string ErrorText(const absl::Status& status, Language language);

/// The same for a refusal as the C ABI hands it over: its detail in
/// `language`, or its message when it has none (or a code this version
/// does not know).
std::string ErrorText(const v1::Error& error, Language language);

}  // namespace fives

#endif  // FIVES_ERROR_TEXT_H_
