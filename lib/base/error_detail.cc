#include "fives/error_detail.h"

#include <string>
#include <utility>

#include "absl/strings/cord.h"
#include "absl/types/optional.h"
#include "fives/string_rules.h"

namespace fives {

ErrorArgument::ErrorArgument(absl::string_view text) {
  // A proto3 string holds UTF-8 only: other bytes (a file's, a host's) are
  // shown escaped, so the detail still parses.
  arg_.set_text(EscapeInvalidUtf8(text));
}

ErrorArgument::ErrorArgument(Pillar pillar) {
  arg_.set_pillar(ToProto(pillar));
}

ErrorArgument ErrorArgument::Phrase(absl::string_view key) {
  ErrorArgument argument;
  argument.arg_.set_phrase(std::string(key));
  return argument;
}

v1::ErrorDetail MakeErrorDetail(v1::ErrorCode code,
                                std::initializer_list<ErrorArgument> args) {
  v1::ErrorDetail detail;
  detail.set_code(code);
  for (const ErrorArgument& arg : args) *detail.add_args() = arg.proto();
  return detail;
}

absl::Status WithDetail(absl::Status status, const v1::ErrorDetail& detail) {
  status.SetPayload(kErrorDetailTypeUrl,
                    absl::Cord(detail.SerializeAsString()));
  return status;
}

absl::Status WithDetail(absl::Status status, v1::ErrorCode code,
                        std::initializer_list<ErrorArgument> args) {
  return WithDetail(std::move(status), MakeErrorDetail(code, args));
}

absl::Status WithinDetail(absl::Status status, v1::ErrorCode code,
                          std::initializer_list<ErrorArgument> args) {
  std::optional<v1::ErrorDetail> inner = ErrorDetailOf(status);
  if (!inner.has_value()) return status;
  v1::ErrorDetail outer = MakeErrorDetail(code, args);
  *outer.add_parts() = *std::move(inner);
  return WithDetail(std::move(status), outer);
}

std::optional<v1::ErrorDetail> ErrorDetailOf(const absl::Status& status) {
  absl::optional<absl::Cord> payload = status.GetPayload(kErrorDetailTypeUrl);
  if (!payload.has_value()) return std::nullopt;
  v1::ErrorDetail detail;
  if (!detail.ParseFromString(std::string(*payload))) return std::nullopt;
  return detail;
}

absl::Status WithMessage(const absl::Status& status,
                         absl::string_view message) {
  if (status.ok()) return status;
  absl::Status with(status.code(), message);
  status.ForEachPayload([&](absl::string_view url, const absl::Cord& payload) {
    with.SetPayload(url, payload);
  });
  return with;
}

absl::Status WithContext(const absl::Status& status, absl::string_view prefix) {
  return WithMessage(status, absl::StrCat(prefix, status.message()));
}

absl::Status InField(const absl::Status& status, absl::string_view path) {
  if (path.empty()) return status;
  return WithinDetail(WithContext(status, path), v1::ERROR_CODE_IN_FIELD,
                      {path});
}

v1::Error ToProto(const absl::Status& status) {
  v1::Error error;
  error.set_status(static_cast<int>(status.code()));
  error.set_message(EscapeInvalidUtf8(status.message()));
  if (std::optional<v1::ErrorDetail> detail = ErrorDetailOf(status)) {
    *error.mutable_detail() = *std::move(detail);
  }
  return error;
}

}  // namespace fives
