// The C ABI of the limits (fives/limits.h): the enum values are the same.
#include "fives/limits.h"

#include "capi_internal.h"
#include "fives.h"

#define FIVES_SAME_LIMIT(c, cc) \
  static_assert(static_cast<int>(c) == static_cast<int>(fives::Limit::cc))
FIVES_SAME_LIMIT(FIVES_LIMIT_INPUT_BYTES, kInputBytes);
FIVES_SAME_LIMIT(FIVES_LIMIT_MEMBERS, kMembers);
FIVES_SAME_LIMIT(FIVES_LIMIT_ROUNDS, kRounds);
FIVES_SAME_LIMIT(FIVES_LIMIT_ACTIONS, kActions);
FIVES_SAME_LIMIT(FIVES_LIMIT_FEEDBACK, kFeedback);
FIVES_SAME_LIMIT(FIVES_LIMIT_CHECKS, kChecks);
FIVES_SAME_LIMIT(FIVES_LIMIT_CHARTER_ENTRIES, kCharterEntries);
FIVES_SAME_LIMIT(FIVES_LIMIT_ID_BYTES, kIdBytes);
FIVES_SAME_LIMIT(FIVES_LIMIT_NAME_BYTES, kNameBytes);
FIVES_SAME_LIMIT(FIVES_LIMIT_TEXT_BYTES, kTextBytes);
FIVES_SAME_LIMIT(FIVES_LIMIT_DEPTH, kDepth);
#undef FIVES_SAME_LIMIT

extern "C" {

FIVES_API int fives_limit_set(fives_limit limit, int64_t value) noexcept {
  return fives::capi::Guarded(nullptr, [&]() -> int {
    fives::capi::BeginCall();
    return fives::capi::Done(
        fives::SetLimit(static_cast<fives::Limit>(limit), value));
  });
}

FIVES_API int64_t fives_limit_get(fives_limit limit) noexcept {
  return fives::GetLimit(static_cast<fives::Limit>(limit));
}

FIVES_API const char* fives_limit_name(fives_limit limit) noexcept {
  absl::StatusOr<fives::LimitSpec> spec =
      fives::SpecOf(static_cast<fives::Limit>(limit));
  // The names are string literals: static storage, NUL-terminated.
  return spec.ok() ? spec->name.data() : nullptr;
}

}  // extern "C"
