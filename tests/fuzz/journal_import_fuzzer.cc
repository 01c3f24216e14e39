// A journal imported from JSON and from protobuf text format (ParseJournal,
// as `fives import` and fives_journal_parse do): refused, or a journal on
// which every read operation runs and which saves and loads again to the
// same journal (text and JSON import once accepted invalid UTF-8 that the
// binary form then refused).
#include <cstddef>
#include <cstdint>

#include "google/protobuf/stubs/logging.h"
#include "journal_reads.h"

namespace {

void Import(absl::string_view text, fives::JournalFormat format) {
  auto journal = fives::ParseJournal(text, format);
  if (!journal.ok()) return;
  fives::fuzz::ReadEverything(*journal);
  fives::v1::Journal reparsed;
  fives::fuzz::Check(reparsed.ParseFromString(fives::SerializeJournal(
                         *journal, fives::JournalFormat::kBinary)),
                     "an imported journal's bytes do not parse");
  fives::fuzz::CheckRoundTrip(*journal);
  // The journal exported again in the same format imports to the same one.
  auto again =
      fives::ParseJournal(fives::SerializeJournal(*journal, format), format);
  fives::fuzz::Check(again.ok(), "an exported journal does not import");
  fives::fuzz::Check(
      fives::SerializeJournal(*again, fives::JournalFormat::kBinary) ==
          fives::SerializeJournal(*journal, fives::JournalFormat::kBinary),
      "an exported and imported journal differs");
}

}  // namespace

// Protobuf logs every string field with invalid UTF-8 it refuses to parse;
// the fuzzer's log stays readable without.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  google::protobuf::SetLogHandler(nullptr);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  Import(text, fives::JournalFormat::kJson);
  Import(text, fives::JournalFormat::kText);
  return 0;
}
