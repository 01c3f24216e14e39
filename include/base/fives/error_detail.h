/// @file
/// Refusals people can read in their language: an absl::Status keeps its
/// English message for developers and carries a fives.v1.ErrorDetail (a
/// catalog code and its arguments) as a payload. fives::ErrorText
/// (fives/error_text.h, the report layer) writes the detail in a language.
#ifndef FIVES_ERROR_DETAIL_H_
#define FIVES_ERROR_DETAIL_H_

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <type_traits>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "fives/pillar.h"
#include "fives/v1/error.pb.h"

namespace fives {

/// The payload's type URL on an absl::Status.
inline constexpr absl::string_view kErrorDetailTypeUrl =
    "type.googleapis.com/fives.v1.ErrorDetail";

/// One argument of an error's phrase: a text (ids, names, dates as given),
/// a number, a pillar (shown by its name in the reader's language) or a
/// catalog phrase (PhraseArg).
class ErrorArgument {
 public:
  ErrorArgument(absl::string_view text);  // NOLINT: implicit by design
  ErrorArgument(const char* text) : ErrorArgument(absl::string_view(text)) {}
  ErrorArgument(const std::string& text)
      : ErrorArgument(absl::string_view(text)) {}
  template <typename Int,
            typename = std::enable_if_t<std::is_integral_v<Int>>>
  ErrorArgument(Int number)  // NOLINT: implicit by design
      : ErrorArgument(absl::string_view(absl::StrCat(number))) {}
  ErrorArgument(Pillar pillar);  // NOLINT: implicit by design

  const v1::ErrorArg& proto() const { return arg_; }

  /// The catalog phrase `key`, shown in the reader's language.
  static ErrorArgument Phrase(absl::string_view key);

 private:
  ErrorArgument() = default;
  v1::ErrorArg arg_;
};

/// The detail `code` with `args`, which fill the phrase's $0, $1, ... in
/// order.
v1::ErrorDetail MakeErrorDetail(v1::ErrorCode code,
                                std::initializer_list<ErrorArgument> args);

/// `status` with `detail` attached, replacing any detail it had.
absl::Status WithDetail(absl::Status status, const v1::ErrorDetail& detail);

/// `status` with the detail `code` and `args` attached (replacing any
/// detail it had).
absl::Status WithDetail(absl::Status status, v1::ErrorCode code,
                        std::initializer_list<ErrorArgument> args);

/// `status` with the detail `code` and `args` put around the detail it
/// has, as that detail's place ("journal file PATH: <detail>"); unchanged
/// when it has none.
absl::Status WithinDetail(absl::Status status, v1::ErrorCode code,
                          std::initializer_list<ErrorArgument> args);

/// The detail `status` carries, if any.
std::optional<v1::ErrorDetail> ErrorDetailOf(const absl::Status& status);

/// `status` with `message` in place of its own, its code and its detail
/// (every payload) kept.
absl::Status WithMessage(const absl::Status& status, absl::string_view message);

/// `status` with `prefix` put before its message ("journal file: " +
/// message), its code and its detail kept: the one way to add context to a
/// refusal on its way up.
absl::Status WithContext(const absl::Status& status, absl::string_view prefix);

/// `status` as the refusal of the field at `path` ("member.display_name"):
/// `path` put before its message, which starts with ": ", and the detail
/// ERROR_CODE_IN_FIELD with `path` around its own, so that people read
/// which text was refused. `status` as it is when `path` is empty.
absl::Status InField(const absl::Status& status, absl::string_view path);

/// The refusal as the C ABI and the bindings hand it over: the fives_status
/// code, the English message and the detail, if any.
v1::Error ToProto(const absl::Status& status);

}  // namespace fives

#endif  // FIVES_ERROR_DETAIL_H_
