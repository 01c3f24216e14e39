// A journal's entry counts and string lengths against the limits (see
// fives/limits.h), on the parsed message and on its wire bytes before they
// are parsed; not public.
#ifndef FIVES_LIB_JOURNAL_LIMITS_H_
#define FIVES_LIB_JOURNAL_LIMITS_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "fives/limits.h"
#include "fives/v1/journal.pb.h"

namespace fives::journal_internal {

// The counts of `j`: RESOURCE_EXHAUSTED naming the list and the limit.
// (String lengths are checked with the other string rules, CheckStrings.)
absl::Status CheckJournalCounts(const v1::Journal& j);

// The entries of a charter (every element of its lists) against the
// charter_entries limit.
absl::Status CheckCharterEntries(const v1::Charter& charter);

// The same counts, and every string's length, of the serialized journal
// `bytes` of more than kWireCheckFromBytes, read without parsing it into
// memory: a file that would parse into millions of entries is refused
// before it is parsed. Bytes that are not a journal pass (the parse that
// follows refuses them), as does smaller input (Validate checks it).
inline constexpr size_t kWireCheckFromBytes = size_t{1} << 20;
absl::Status CheckJournalWire(absl::string_view bytes);

}  // namespace fives::journal_internal

#endif  // FIVES_LIB_JOURNAL_LIMITS_H_
