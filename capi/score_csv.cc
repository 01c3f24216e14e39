// The C ABI of scores imported as CSV (fives/score_csv.h).
#include "fives/score_csv.h"

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "capi_internal.h"
#include "fives.h"
#include "fives/journal.h"
#include "journal_handle.h"

extern "C" {

FIVES_API int fives_journal_import_scores_csv(fives_journal* journal,
                                              const char* round_id,
                                              const uint8_t* data,
                                              size_t len) noexcept {
  return fives::capi::Guarded(journal, [&]() -> int {
    return fives::capi::Mutate(journal, [&](fives::Journal& j) -> absl::Status {
      absl::StatusOr<absl::string_view> round =
          fives::capi::CheckString(round_id, "round_id");
      if (!round.ok()) return round.status();
      if (absl::Status s = fives::capi::CheckBytes(data, len, "data");
          !s.ok()) {
        return s;
      }
      return fives::ImportScoresCsv(
                 j, *round,
                 absl::string_view(reinterpret_cast<const char*>(data), len))
          .status();
    });
  });
}

}  // extern "C"
