// The C ABI of the team charter: reading and setting a journal's charter,
// the charter review, and warning signals ticked at a check.
#include "fives/charter.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "capi_internal.h"
#include "fives.h"
#include "fives/error_detail.h"
#include "fives/journal.h"
#include "fives/v1/charter.pb.h"
#include "fives/v1/requests.pb.h"
#include "journal_handle.h"

namespace {

using fives::capi::CheckDate;
using fives::capi::Mutate;
using fives::capi::WithResult;

}  // namespace

extern "C" {

FIVES_API int fives_journal_charter(fives_buffer* out,
                                    const fives_journal* journal,
                                    fives_format format) noexcept {
  return fives::capi::Guarded(out, [&]() -> int {
    return WithResult(out, journal, [&](auto& j) -> absl::Status {
      return fives::capi::WriteMessage(j.proto().charter(), format, out);
    });
  });
}

FIVES_API int fives_journal_set_charter(fives_journal* journal,
                                        const uint8_t* charter, size_t len,
                                        fives_format format,
                                        const char* today) noexcept {
  return fives::capi::Guarded(journal, [&]() -> int {
    return Mutate(journal, [&](fives::Journal& j) -> absl::Status {
      fives::v1::Charter c;
      if (absl::Status s =
              fives::capi::ParseMessage(charter, len, format, "charter", &c);
          !s.ok()) {
        return s;
      }
      absl::StatusOr<absl::CivilDay> d = CheckDate(today, "today");
      if (!d.ok()) return d.status();
      return j.SetCharter(std::move(c), *d);
    });
  });
}

FIVES_API int fives_journal_review_charter(fives_buffer* out,
                                           const fives_journal* journal,
                                           const char* as_of, int stale_days,
                                           fives_format format) noexcept {
  return fives::capi::Guarded(out, [&]() -> int {
    return WithResult(out, journal, [&](auto& j) -> absl::Status {
      absl::StatusOr<absl::CivilDay> d = CheckDate(as_of, "as_of");
      if (!d.ok()) return d.status();
      absl::StatusOr<int> stale =
          fives::StaleDaysOrDefault(stale_days, "stale_days");
      if (!stale.ok()) return stale.status();
      if (absl::Status s = fives::capi::CheckFormat(format); !s.ok()) {
        return s;
      }
      const fives::v1::CharterReview review =
          fives::ReviewCharter(j.proto(), *d, *stale);
      return fives::capi::WriteMessage(review, format, out);
    });
  });
}

FIVES_API int fives_journal_tick_signals(fives_journal* journal,
                                         const uint8_t* request, size_t len,
                                         fives_format format) noexcept {
  return fives::capi::Guarded(journal, [&]() -> int {
    return Mutate(journal, [&](fives::Journal& j) -> absl::Status {
      fives::v1::SignalTickRequest r;
      if (absl::Status s =
              fives::capi::ParseMessage(request, len, format, "request", &r);
          !s.ok()) {
        return s;
      }
      const std::vector<fives::v1::SignalTick> ticks(r.ticks().begin(),
                                                     r.ticks().end());
      // Journal::TickSignals names its arguments "check_id" and "ticks[i]":
      // the request's fields.
      absl::Status s = j.TickSignals(r.check_id(), ticks);
      if (s.ok()) return s;
      return fives::WithContext(s, "request.");
    });
  });
}

}  // extern "C"
