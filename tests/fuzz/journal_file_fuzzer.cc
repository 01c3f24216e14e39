// The bytes of a journal file: DecodeJournalFile either refuses them or gives
// a journal on which every read operation runs, and which saves and loads
// again to the same journal.
#include <cstddef>
#include <cstdint>

#include "google/protobuf/stubs/logging.h"
#include "journal_reads.h"

// Protobuf logs every string field with invalid UTF-8 it refuses to parse;
// the fuzzer's log stays readable without.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  google::protobuf::SetLogHandler(nullptr);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto journal = fives::DecodeJournalFile(
      absl::string_view(reinterpret_cast<const char*>(data), size));
  if (!journal.ok()) return 0;
  fives::fuzz::ReadEverything(*journal);
  fives::fuzz::CheckRoundTrip(*journal);
  return 0;
}
