// A charter set on the demo team's journal from protobuf text format and from
// JSON (fives_journal_set_charter, as `fives charter set` and hosts do):
// refused with the journal's bytes unchanged, or set, and then the charter,
// its review and the meeting page read back, and the journal saves and
// loads again to the same journal.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "capi_journal.h"
#include "demo_team.h"
#include "fives.h"
#include "fives/journal_io.h"
#include "google/protobuf/stubs/logging.h"
#include "journal_reads.h"

namespace {

using fives::fuzz::Bytes;
using fives::fuzz::Check;
using fives::fuzz::DemoBytes;

void SetCharter(const uint8_t* data, size_t size, fives_format format,
                const char* today) {
  const std::string& demo = DemoBytes();
  fives_journal* j = nullptr;
  Check(fives_journal_parse(&j, reinterpret_cast<const uint8_t*>(demo.data()),
                            demo.size(), FIVES_FORMAT_BINARY) == FIVES_OK,
        "the demo journal does not parse");
  const int status = fives_journal_set_charter(j, data, size, format, today);
  const std::string after = Bytes(j);
  if (status != FIVES_OK) {
    Check(after == demo, "a refused charter changed the journal");
  } else {
    fives_buffer out = FIVES_BUFFER_INIT;
    for (fives_format f :
         {FIVES_FORMAT_BINARY, FIVES_FORMAT_JSON, FIVES_FORMAT_TEXT}) {
      (void)fives_journal_charter(&out, j, f);
      fives_buffer_free(&out);
      (void)fives_journal_review_charter(&out, j, today, 0, f);
      fives_buffer_free(&out);
      (void)fives_journal_review_charter(&out, j, "2030-01-01", 30, f);
      fives_buffer_free(&out);
    }
    for (const char* lang : {"en", "nl"}) {
      (void)fives_journal_document(&out, j, nullptr, lang, today,
                                   FIVES_DOCUMENT_HTML);
      fives_buffer_free(&out);
      (void)fives_journal_document(&out, j, nullptr, lang, today,
                                   FIVES_DOCUMENT_MARKDOWN);
      fives_buffer_free(&out);
    }
    // A journal with the charter set validates and saves and loads again
    // (a charter with invalid UTF-8 was once accepted; its bytes did not
    // parse).
    fives::v1::Journal proto;
    Check(proto.ParseFromString(after),
          "a journal with the charter set does not parse");
    {
      auto journal = fives::ParseJournal(after, fives::JournalFormat::kBinary);
      fives::fuzz::CheckOk(journal.status(),
                           "a journal with the charter set does not validate");
      auto again = fives::DecodeJournalFile(fives::EncodeJournalFile(*journal));
      Check(again.ok() && fives::SerializeJournal(
                              *again, fives::JournalFormat::kBinary) == after,
            "a journal with the charter set does not save and load again");
    }
  }
  fives_journal_free(j);
}

}  // namespace

// Protobuf logs every string field with invalid UTF-8 it refuses to parse;
// the fuzzer's log stays readable without.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  google::protobuf::SetLogHandler(nullptr);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  SetCharter(data, size, FIVES_FORMAT_TEXT, "2027-02-10");
  SetCharter(data, size, FIVES_FORMAT_JSON, "2027-02-10");
  return 0;
}
