// The fives_journal handle, shared by the C ABI's journal and charter entry
// points. Not installed.
#ifndef FIVES_CAPI_JOURNAL_HANDLE_H_
#define FIVES_CAPI_JOURNAL_HANDLE_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "capi_internal.h"
#include "fives/journal.h"
#include "fives/journal_io.h"

// The handle. `magic` is set while the handle is alive, so a pointer that
// is not a journal is refused where it can be detected.
struct fives_journal {
  static constexpr uint64_t kMagic = 0x66697665736A6E6CULL;  // "fivesjnl"
  uint64_t magic = kMagic;
  fives::Journal journal;
  // The path it was loaded from ("" when not loaded) and the stamp of that
  // file's bytes then, or when it was last saved there: a save to that path
  // refuses to replace what another process wrote since. Mutable: the save
  // (of a const handle) renews it; a handle is used by one thread at a time.
  std::string path;
  mutable fives::JournalFileStamp stamp;
};

namespace fives::capi {

// InvalidArgument for NULL or a pointer that is not a live handle.
absl::Status CheckJournal(const fives_journal* j);

// Runs `op` on the journal; the shape of every mutating entry point.
template <typename Op>
int Mutate(fives_journal* j, Op op) {
  BeginCall();
  if (absl::Status s = CheckJournal(j); !s.ok()) return Fail(s);
  return Done(op(j->journal));
}

// Checks `out` and the handle, then runs `op`, which fills `out`; the shape
// of every entry point that returns a result.
template <typename Handle, typename Op>
int WithResult(fives_buffer* out, Handle* j, Op op) {
  BeginCall();
  if (absl::Status s = CheckOut(out); !s.ok()) return Fail(s);
  if (absl::Status s = CheckJournal(j); !s.ok()) return Fail(s);
  return Done(op(j->journal));
}

}  // namespace fives::capi

#endif  // FIVES_CAPI_JOURNAL_HANDLE_H_
