// The failed calls, kept by the call's first argument, for hosts that learn
// of a failure on another thread than the one that ran the call (a Node.js
// async call, a Java or .NET thread pool): there fives_last_error, which is
// per thread, cannot reach it. fives_error_take hands its message over,
// fives_error_take_detail the whole fives.v1.Error. Not installed.
#ifndef FIVES_CAPI_FAILED_CALLS_H_
#define FIVES_CAPI_FAILED_CALLS_H_

#include <string>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"

namespace fives::capi {

// A failed call as the C ABI reports it: the code it returned, the message
// fives_last_error gives, and the status it failed with, whose payload is
// the fives.v1.ErrorDetail (OK, so without a detail, when memory ran out:
// that path must not allocate).
struct FailedCall {
  int code = 0;
  std::string message;
  absl::Status status;
};

// The most failures kept; the oldest goes first.
inline constexpr int kMaxFailedCalls = 256;

// Keeps `failure` under `first_argument`, replacing an earlier one. Never
// throws: when memory is short, nothing is kept.
void KeepFailure(const void* first_argument,
                 const FailedCall& failure) noexcept;

// Hands the failure kept under `first_argument` to `use` and forgets it
// when `use` returns OK; otherwise it stays kept, so a take that fails
// changes nothing. NotFound when no failure is kept under it, else what
// `use` returned. `use` runs under the keep's lock.
absl::Status TakeFailure(
    const void* first_argument,
    absl::FunctionRef<absl::Status(const FailedCall&)> use);

}  // namespace fives::capi

#endif  // FIVES_CAPI_FAILED_CALLS_H_
