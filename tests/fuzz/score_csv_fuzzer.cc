// Scores as CSV imported into the demo team's journal with two more rounds
// open, one in open mode taking partial responses and one confidential
// taking every pillar (ImportScoresCsv, and fives_journal_import_scores_csv
// as hosts call it): refused with the journal's bytes unchanged, or each
// row that is not empty became one response, and the journal validates and
// saves and loads again to the same journal.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/ascii.h"
#include "capi_journal.h"
#include "csv_rows.h"
#include "demo_team.h"
#include "fives.h"
#include "fives/journal_io.h"
#include "fives/round.h"
#include "fives/score_csv.h"
#include "google/protobuf/stubs/logging.h"
#include "journal_reads.h"

namespace {

using fives::fuzz::Check;
using fives::fuzz::CheckOk;

constexpr const char* kRounds[] = {"fuzz-open", "fuzz-confidential"};

// The demo journal with the two rounds open, a week after its last check.
const fives::Journal& Prepared() {
  static const fives::Journal* const journal = [] {
    auto demo = fives::cli::BuildDemoJournal();
    Check(demo.ok(), "the demo journal does not build");
    fives::Journal& j = demo->journal;
    const absl::CivilDay day = demo->charter_as_of + 7;
    fives::RoundOptions open =
        j.NewRoundOptions(kRounds[0], day, fives::v1::ROUND_MODE_OPEN);
    open.allow_partial = true;
    CheckOk(j.StartRound(open), "the open round does not start");
    CheckOk(j.StartRound(j.NewRoundOptions(kRounds[1], day,
                                           fives::v1::ROUND_MODE_CONFIDENTIAL)),
            "the confidential round does not start");
    return new fives::Journal(std::move(j));
  }();
  return *journal;
}

int Respondents(const fives::Journal& j, const char* round) {
  auto r = fives::Round::FromProto(*std::find_if(
      j.proto().rounds().begin(), j.proto().rounds().end(),
      [&](const fives::v1::Round& r) { return r.id() == round; }));
  CheckOk(r.status(), "a round does not validate");
  return r->respondents();
}

// The rows with a cell that is not blank, the header among them; -1 when
// the text does not read as CSV.
int RowsWithText(absl::string_view csv) {
  int rows = 0;
  const absl::Status read = fives::csv_internal::ReadCsvRows(
      csv, [&](const fives::csv_internal::CsvRow& row) {
        for (const auto& cell : row.cells) {
          if (!absl::StripAsciiWhitespace(cell.text).empty()) {
            ++rows;
            return;
          }
        }
      });
  return read.ok() ? rows : -1;
}

// The journal through the C ABI, kept from input to input while imports
// are refused (and so change nothing); parsed again after one is not.
class Handle {
 public:
  fives_journal* get(const std::string& bytes) {
    if (handle_ == nullptr) {
      Check(fives_journal_parse(&handle_,
                                reinterpret_cast<const uint8_t*>(bytes.data()),
                                bytes.size(), FIVES_FORMAT_BINARY) == FIVES_OK,
            "the prepared journal does not parse");
    }
    return handle_;
  }
  void Reset() {
    fives_journal_free(handle_);
    handle_ = nullptr;
  }

 private:
  fives_journal* handle_ = nullptr;
};

void Import(absl::string_view csv, const char* round) {
  static const std::string* const before = new std::string(
      fives::SerializeJournal(Prepared(), fives::JournalFormat::kBinary));
  static Handle* const handle = new Handle;
  fives::Journal j = Prepared();
  absl::StatusOr<int> added = fives::ImportScoresCsv(j, round, csv);
  const std::string after =
      fives::SerializeJournal(j, fives::JournalFormat::kBinary);

  // The C ABI decides the same and leaves the same bytes.
  fives_journal* h = handle->get(*before);
  const int code = fives_journal_import_scores_csv(
      h, round, reinterpret_cast<const uint8_t*>(csv.data()), csv.size());
  Check(code == static_cast<int>(added.status().code()),
        "the C ABI and the library decide differently");
  Check(fives::fuzz::Bytes(h) == after,
        "the C ABI and the library leave different journals");

  if (!added.ok()) {
    Check(after == *before, "a refused import changed the journal");
    return;
  }
  handle->Reset();
  Check(*added > 0, "an import added nothing");
  Check(*added == RowsWithText(csv) - 1,
        "an import added a number of responses other than its rows");
  Check(Respondents(j, round) == Respondents(Prepared(), round) + *added,
        "the round's respondents did not grow by the responses added");
  auto journal = fives::ParseJournal(after, fives::JournalFormat::kBinary);
  CheckOk(journal.status(), "an imported journal does not validate");
  fives::fuzz::CheckRoundTrip(*journal);
}

}  // namespace

// Protobuf logs every string field with invalid UTF-8 it refuses to parse;
// the fuzzer's log stays readable without.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  google::protobuf::SetLogHandler(nullptr);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view csv(reinterpret_cast<const char*>(data), size);
  for (const char* round : kRounds) Import(csv, round);
  return 0;
}
