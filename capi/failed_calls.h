// The messages of failed calls, kept by the call's first argument, for
// hosts that learn of a failure on another thread than the one that ran
// the call (a Node.js async call, a Java or .NET thread pool): there
// fives_last_error, which is per thread, cannot reach the message.
// fives_error_take hands it over. Not installed.
#ifndef FIVES_CAPI_FAILED_CALLS_H_
#define FIVES_CAPI_FAILED_CALLS_H_

#include <optional>
#include <string>

namespace fives::capi {

// The most messages kept; the oldest goes first.
inline constexpr int kMaxFailedCalls = 256;

// Keeps `message` under `first_argument`, replacing an earlier one. Never
// throws: when memory is short, nothing is kept.
void KeepFailure(const void* first_argument,
                 const std::string& message) noexcept;

// The message kept under `first_argument`, removed from the keep; nullopt
// when none is.
std::optional<std::string> TakeFailure(const void* first_argument);

}  // namespace fives::capi

#endif  // FIVES_CAPI_FAILED_CALLS_H_
