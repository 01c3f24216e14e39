// Helpers of the C ABI's implementation: errors, buffers, checked inputs,
// messages in the three formats. Not installed.
#ifndef FIVES_CAPI_CAPI_INTERNAL_H_
#define FIVES_CAPI_CAPI_INTERNAL_H_

#include <cstdint>
#include <string>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "failed_calls.h"
#include "fives.h"
#include "fives/catalog.h"
#include "fives/journal_io.h"
#include "fives/score_stats.h"
#include "fives/v1/error.pb.h"
#include "google/protobuf/message.h"

namespace fives::capi {

// Message arguments are refused over the input_bytes limit, string
// arguments over the text_bytes limit (or 64 KiB, when that is larger, for
// paths): RESOURCE_EXHAUSTED. The library checks each text's own limit.

// The thread's last error message ("" after a successful call).
const char* LastError();
// The thread's last failure, or nullptr after a successful call.
const FailedCall* LastFailure();
// `failure` as the C ABI hands it over: its code, message and detail.
v1::Error ErrorProto(const FailedCall& failure);

// Starts a call: clears the thread's last error.
void BeginCall();
// Records `status` (message and payloads) as the thread's last failure and
// returns its code.
int Fail(const absl::Status& status);
// FIVES_OK for an OK status, otherwise Fail(status).
int Done(const absl::Status& status);

// Runs the body of a C entry point. An allocation failure becomes
// FIVES_RESOURCE_EXHAUSTED (and any other exception FIVES_INTERNAL), so no
// exception reaches the host; protobuf's log stays silent, so the library
// never writes to the host's stderr: errors are codes and messages only.
// `first_argument` is the entry point's first argument (its out-parameter
// or its handle; NULL when it is not a pointer): a failure's message is
// also kept under it for fives_error_take (failed_calls.h).
int GuardedCall(const void* first_argument,
                absl::FunctionRef<int()> body) noexcept;
template <typename Body>
int Guarded(const void* first_argument, Body body) noexcept {
  return GuardedCall(first_argument, body);
}

// Runs the body of an entry point that reads the thread's last failure
// (fives_last_error_detail, fives_last_error_text): it neither clears nor
// replaces it, so its own failures are codes only, and keeps nothing for
// fives_error_take. An allocation failure becomes FIVES_RESOURCE_EXHAUSTED,
// any other exception FIVES_INTERNAL.
int QuietCall(absl::FunctionRef<int()> body) noexcept;
// The fives_status of `status` (FIVES_OK for OK), recording nothing: what a
// QuietCall body returns.
int CodeOf(const absl::Status& status);

// InvalidArgument naming `field` for NULL.
absl::Status CheckNotNull(const void* p, absl::string_view field);
// A NUL-terminated UTF-8 string within the text_bytes limit (see above).
absl::StatusOr<absl::string_view> CheckString(const char* s,
                                              absl::string_view field);
// A language tag ("en" or "nl").
absl::StatusOr<Language> CheckLanguage(const char* language);
// An ISO-8601 date string.
absl::StatusOr<absl::CivilDay> CheckDate(const char* s,
                                         absl::string_view field);
// A byte range: data may be NULL only when len is 0.
absl::Status CheckBytes(const uint8_t* data, size_t len,
                        absl::string_view field);
// FIVES_FORMAT_BINARY, _JSON or _TEXT.
absl::Status CheckFormat(fives_format format);
// An output buffer: not NULL, and empty (so nothing the caller owns leaks).
absl::Status CheckOut(const fives_buffer* out);

// The plain-number form of one pillar's statistics (fives_pillar_stats).
void FillPillarStats(const ScoreStats& stats, fives_pillar_stats* out);

// `message` from `len` bytes in `format`; InvalidArgument naming `field`.
absl::Status ParseMessage(const uint8_t* data, size_t len, fives_format format,
                          absl::string_view field,
                          google::protobuf::Message* message);
// `message` in `format` into `out`.
absl::Status WriteMessage(const google::protobuf::Message& message,
                          fives_format format, fives_buffer* out);
// `text` into `out`, NUL-terminated.
absl::Status WriteText(absl::string_view text, fives_buffer* out);

}  // namespace fives::capi

#endif  // FIVES_CAPI_CAPI_INTERNAL_H_
