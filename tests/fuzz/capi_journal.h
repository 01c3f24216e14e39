// What the fuzz targets of the C ABI share: a journal's bytes through the
// ABI, and the demo journal's bytes to start from.
#ifndef FIVES_TESTS_FUZZ_CAPI_JOURNAL_H_
#define FIVES_TESTS_FUZZ_CAPI_JOURNAL_H_

#include <string>

#include "demo_team.h"
#include "fives.h"
#include "fives/journal_io.h"
#include "journal_reads.h"

namespace fives::fuzz {

// The journal as a serialized fives.v1.Journal, through the C ABI.
inline std::string Bytes(const fives_journal* j) {
  fives_buffer out = FIVES_BUFFER_INIT;
  Check(fives_journal_serialize(&out, j, FIVES_FORMAT_BINARY) == FIVES_OK,
        "serialize failed");
  std::string bytes(reinterpret_cast<const char*>(out.data), out.len);
  fives_buffer_free(&out);
  return bytes;
}

// The demo team's journal (the command's `fives demo`), built once.
inline const std::string& DemoBytes() {
  static const std::string* const bytes = [] {
    auto demo = fives::cli::BuildDemoJournal();
    Check(demo.ok(), "the demo journal does not build");
    return new std::string(
        SerializeJournal(demo->journal, JournalFormat::kBinary));
  }();
  return *bytes;
}

}  // namespace fives::fuzz

#endif  // FIVES_TESTS_FUZZ_CAPI_JOURNAL_H_
