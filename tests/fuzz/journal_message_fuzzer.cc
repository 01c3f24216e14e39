// The fives.v1.Journal message inside a journal file (past the envelope's
// checksum): parsed and validated (Journal::FromProto), then every read
// operation and the save/load round trip.
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
  fives::v1::Journal proto;
  if (!proto.ParseFromArray(data, static_cast<int>(size))) return 0;
  auto journal = fives::Journal::FromProto(std::move(proto));
  if (!journal.ok()) return 0;
  fives::fuzz::ReadEverything(*journal);
  fives::fuzz::CheckRoundTrip(*journal);
  return 0;
}
