// Allocation failure at every allocation of C ABI calls: global operator
// new (every variant) is replaced by a countdown that makes the k-th
// allocation fail, and each call runs for k = 1, 2, ... until it makes fewer
// than k allocations. Every failure must come back as
// FIVES_RESOURCE_EXHAUSTED "out of memory" (or FIVES_OK with the right
// result, where the failing allocation was harmless), with the journal, the
// file on disk and the folder as they were; LeakSanitizer (the asan preset)
// checks that the failure paths free what they allocated. Each call also
// runs with every allocation from the k-th on failing, as when memory runs
// out for good. The calls: a load, the reports and documents, the result
// messages and a save; and the calls that hand a failure over (its detail,
// its text for people), which must leave the failure they read as it was.
//
// Two things in the libraries fives builds on are not exception-safe, and
// fives stays clear of both: protobuf 3.21's RepeatedPtrField::Add(T&&)
// (what add_<field>(std::string&&) calls) counts the new element before it
// allocates it, so a std::bad_alloc there leaves a slot that the field's
// destructor deletes; fives adds strings with add_<field>()->assign(...).
// And absl::StrFormat allocates inside a shared library where a
// std::bad_alloc ends the process; fives formats with absl::StrCat and
// std::to_chars.
#include <stdlib.h>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <functional>
#include <new>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "demo_team.h"
#include "fives.h"
#include "fives/journal_io.h"
#include "fives/v1/error.pb.h"
#include "gtest/gtest.h"
#include "temp_folder.h"

namespace {

// The countdown. Only the calls under test run armed; the test's own
// allocations are neither counted nor failed.
std::atomic<bool> armed{false};
std::atomic<bool> persistent{false};  // fail the k-th and every later one
std::atomic<bool> fired{false};       // an allocation was failed
std::atomic<long> allocations{0};
std::atomic<long> fail_at{0};

bool FailThisAllocation() {
  if (!armed.load(std::memory_order_relaxed)) return false;
  const long n = allocations.fetch_add(1, std::memory_order_relaxed) + 1;
  const long at = fail_at.load(std::memory_order_relaxed);
  const bool fail =
      persistent.load(std::memory_order_relaxed) ? n >= at : n == at;
  if (fail) fired.store(true, std::memory_order_relaxed);
  return fail;
}

void* Allocate(std::size_t size) {
  if (FailThisAllocation()) return nullptr;
  return std::malloc(size == 0 ? 1 : size);
}

void* AllocateAligned(std::size_t size, std::align_val_t align) {
  if (FailThisAllocation()) return nullptr;
  void* p = nullptr;
  const std::size_t a =
      std::max(static_cast<std::size_t>(align), sizeof(void*));
  return ::posix_memalign(&p, a, size == 0 ? 1 : size) == 0 ? p : nullptr;
}

}  // namespace

// The replacements. The throwing forms throw std::bad_alloc, as the
// standard library's do when memory runs out.
void* operator new(std::size_t size) {
  if (void* p = Allocate(size)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) {
  if (void* p = Allocate(size)) return p;
  throw std::bad_alloc();
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  return Allocate(size);
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  return Allocate(size);
}
void* operator new(std::size_t size, std::align_val_t align) {
  if (void* p = AllocateAligned(size, align)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size, std::align_val_t align) {
  if (void* p = AllocateAligned(size, align)) return p;
  throw std::bad_alloc();
}
void* operator new(std::size_t size, std::align_val_t align,
                   const std::nothrow_t&) noexcept {
  return AllocateAligned(size, align);
}
void* operator new[](std::size_t size, std::align_val_t align,
                     const std::nothrow_t&) noexcept {
  return AllocateAligned(size, align);
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept {
  std::free(p);
}
void operator delete(void* p, std::align_val_t,
                     const std::nothrow_t&) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::align_val_t,
                       const std::nothrow_t&) noexcept {
  std::free(p);
}

// For LeakSanitizer (the asan preset). Protobuf 3.21's generated code is
// not exception-safe: a std::bad_alloc in the middle of copying or merging
// a message loses what it had allocated so far (the sub-messages of a copy
// constructor, the new elements of a repeated field's MergeFrom, the element
// RepeatedPtrField::Add allocates before it grows its array, a string field
// set, the array a RepeatedField grows into). Those leaks are protobuf's own,
// and each stack holds one of these frames: protobuf's or the generated code's
// (namespace fives::v1, where fives writes nothing by hand and never allocates
// a message with new). Every other leak is reported.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:google::protobuf::RepeatedPtrField*::Add\n"
         "leak:google::protobuf::internal::RepeatedPtrFieldBase::\n"
         "leak:google::protobuf::RepeatedField<*>::Reserve\n"
         "leak:google::protobuf::Arena::CreateMaybeMessage\n"
         "leak:google::protobuf::Arena::CreateMessageInternal\n"
         "leak:google::protobuf::internal::ArenaStringPtr::Set\n"
         "leak:fives::v1::\n";
}

namespace fives {
namespace {

using ::fives::file_testing::ReadBytes;
using ::fives::file_testing::TempFolder;
using ::fives::file_testing::WriteBytes;

// No call is tried more often than this: a call that never succeeds is a
// failure of its own.
constexpr long kMaxTries = 200000;

// How one run of a call ended.
struct Outcome {
  long k;              // the allocation that failed (the first, if persistent)
  int code;            // what the call returned
  bool failed_one;     // an allocation was failed
  std::string error;   // fives_last_error()
  int detail_code;     // what fives_last_error_detail returned
  std::string detail;  // and gave: the serialized fives.v1.Error
};

// The thread's last failure as fives_last_error_detail gives it, which
// leaves it as it is.
std::pair<int, std::string> LastErrorDetail() {
  fives_buffer error = FIVES_BUFFER_INIT;
  const int code = fives_last_error_detail(&error, FIVES_FORMAT_BINARY);
  std::string bytes(reinterpret_cast<const char*>(error.data), error.len);
  fives_buffer_free(&error);
  return {code, bytes};
}

std::string Trace(const Outcome& o, bool every_later) {
  return absl::StrCat("allocation ", o.k, every_later ? " and later" : "",
                      " failing: code ", o.code, " \"", o.error, "\"");
}

// Runs `call` with the k-th allocation failing, for k = 1, 2, ... until
// one run fails none (the call made fewer than k allocations), and hands
// each outcome to `check`. Returns the number of k tried.
long FailEachAllocation(bool every_later, const std::function<int()>& call,
                        const std::function<void(const Outcome&)>& check) {
  for (long k = 1; k <= kMaxTries; ++k) {
    persistent = every_later;
    fail_at = k;
    allocations = 0;
    fired = false;
    armed = true;
    const int code = call();
    armed = false;
    const std::string error = fives_last_error();
    auto [detail_code, detail] = LastErrorDetail();
    const Outcome o{k, code, fired, error, detail_code, detail};
    SCOPED_TRACE(Trace(o, every_later));
    check(o);
    if (!o.failed_one || ::testing::Test::HasFailure()) {
      ::testing::Test::RecordProperty("allocations_tried", static_cast<int>(k));
      return k;
    }
  }
  ADD_FAILURE() << "still failing an allocation after " << kMaxTries;
  return kMaxTries;
}

// A failed allocation gives FIVES_RESOURCE_EXHAUSTED "out of memory", or
// FIVES_OK when it was harmless; a run without one gives FIVES_OK. Returns
// whether the call succeeded.
bool ExpectOutOfMemoryOrOk(const Outcome& o) {
  if (o.code == FIVES_OK) return true;
  EXPECT_TRUE(o.failed_one) << "failed without a failed allocation";
  EXPECT_EQ(o.code, FIVES_RESOURCE_EXHAUSTED);
  EXPECT_EQ(o.error, "out of memory");
  // The whole failure says the same, without a detail.
  EXPECT_EQ(o.detail_code, FIVES_OK);
  v1::Error proto;
  EXPECT_TRUE(proto.ParseFromString(o.detail));
  EXPECT_EQ(proto.status(), FIVES_RESOURCE_EXHAUSTED);
  EXPECT_EQ(proto.message(), "out of memory");
  EXPECT_FALSE(proto.has_detail());
  return false;
}

std::string Bytes(const fives_buffer& b) {
  return std::string(reinterpret_cast<const char*>(b.data), b.len);
}

// The journal as serialized bytes.
std::string Serialized(const fives_journal* j) {
  fives_buffer out = FIVES_BUFFER_INIT;
  EXPECT_EQ(fives_journal_serialize(&out, j, FIVES_FORMAT_BINARY), FIVES_OK);
  std::string bytes = Bytes(out);
  fives_buffer_free(&out);
  return bytes;
}

// The demo team's journal (rounds, plans, actions, checks, a charter) in a
// journal file.
class AllocFaultTest : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    absl::StatusOr<cli::DemoJournal> demo = cli::BuildDemoJournal();
    ASSERT_TRUE(demo.ok()) << demo.status();
    ASSERT_FALSE(demo->journal.proto().charter().ByteSizeLong() == 0);
    ASSERT_GE(demo->journal.proto().checks_size(), 1);
    ASSERT_GE(demo->journal.proto().plans_size(), 1);
    as_of_ = absl::FormatCivilTime(demo->as_of);
    ASSERT_TRUE(SaveJournalFile(demo->journal, path_).ok());
    file_bytes_ = ReadBytes(path_);
    names_ = folder_.List();
    expected_ = SerializeJournal(demo->journal, JournalFormat::kBinary);
    WarmUp();
  }

  // Every call once, unhindered, as in a process that has used the library
  // before: protobuf builds a schema's descriptors on their first use, and
  // that is not exception-safe (a std::bad_alloc in the middle leaves the
  // generated pool half-built, and the next use crashes inside protobuf).
  void WarmUp() {
    fives_journal* j = Load();
    ASSERT_NE(j, nullptr);
    for (fives_document document :
         {FIVES_DOCUMENT_MARKDOWN, FIVES_DOCUMENT_HTML}) {
      fives_buffer out = FIVES_BUFFER_INIT;
      EXPECT_EQ(fives_journal_document(&out, j, nullptr, "en", as_of_.c_str(),
                                       document),
                FIVES_OK);
      fives_buffer_free(&out);
    }
    fives_buffer out = FIVES_BUFFER_INIT;
    EXPECT_EQ(fives_journal_report_text(&out, j, nullptr, "en"), FIVES_OK);
    fives_buffer_free(&out);
    EXPECT_EQ(fives_journal_save(j, path_.c_str()), FIVES_OK);
    fives_journal_free(j);
  }

  // The file and the folder as SetUp left them.
  void ExpectFileAsItWas() {
    EXPECT_EQ(ReadBytes(path_), file_bytes_) << "the file changed";
    EXPECT_EQ(folder_.List(), names_) << "a file was left behind";
  }

  // A loaded journal, the allocations unhindered.
  fives_journal* Load() {
    fives_journal* j = nullptr;
    EXPECT_EQ(fives_journal_load(&j, path_.c_str()), FIVES_OK)
        << fives_last_error();
    return j;
  }

  // A result call `call(out, journal)` at every allocation: the right text
  // or out of memory with an empty buffer, the journal unchanged.
  long CheckResultCall(
      const std::function<int(fives_buffer*, const fives_journal*)>& call) {
    fives_journal* j = Load();
    if (j == nullptr) return 0;
    fives_buffer out = FIVES_BUFFER_INIT;
    EXPECT_EQ(call(&out, j), FIVES_OK) << fives_last_error();
    const std::string expected = Bytes(out);
    fives_buffer_free(&out);
    EXPECT_GT(expected.size(), 20u);
    const long tried = FailEachAllocation(
        GetParam(), [&] { return call(&out, j); },
        [&](const Outcome& o) {
          if (ExpectOutOfMemoryOrOk(o)) {
            EXPECT_EQ(Bytes(out), expected);
          } else {
            EXPECT_EQ(out.data, nullptr);
          }
          fives_buffer_free(&out);
          EXPECT_EQ(Serialized(j), expected_);
        });
    fives_journal_free(j);
    return tried;
  }

  TempFolder folder_;
  const std::string path_ = folder_.File("team.fives");
  std::string as_of_;
  std::string file_bytes_;
  std::vector<std::string> names_;
  std::string expected_;  // the journal, serialized
};

TEST_P(AllocFaultTest, Load) {
  fives_journal* j = nullptr;
  const long tried = FailEachAllocation(
      GetParam(), [&] { return fives_journal_load(&j, path_.c_str()); },
      [&](const Outcome& o) {
        if (ExpectOutOfMemoryOrOk(o)) {
          ASSERT_NE(j, nullptr);
          EXPECT_EQ(Serialized(j), expected_);
          fives_journal_free(j);
          j = nullptr;
        } else {
          EXPECT_EQ(j, nullptr);
        }
        ExpectFileAsItWas();
      });
  // Parsing the demo journal allocates for every member, response, action
  // and string: hundreds of allocations at least.
  EXPECT_GT(tried, 300);
}

TEST_P(AllocFaultTest, ReportText) {
  const long tried =
      CheckResultCall([](fives_buffer* out, const fives_journal* j) {
        return fives_journal_report_text(out, j, nullptr, "en");
      });
  EXPECT_GT(tried, 300);
}

// Every document: the meeting report in Markdown and HTML and the three
// pictures.
TEST_P(AllocFaultTest, Documents) {
  for (fives_document document :
       {FIVES_DOCUMENT_MARKDOWN, FIVES_DOCUMENT_HTML, FIVES_DOCUMENT_RADAR,
        FIVES_DOCUMENT_STRIPS, FIVES_DOCUMENT_TREND}) {
    SCOPED_TRACE(absl::StrCat("document ", document));
    const long tried =
        CheckResultCall([&](fives_buffer* out, const fives_journal* j) {
          return fives_journal_document(out, j, nullptr, "nl", as_of_.c_str(),
                                        document);
        });
    EXPECT_GT(tried, 100);
  }
}

// The result messages a host builds its own screens from, in protobuf's
// text format (which allocates for every field name and value) and binary.
// Not JSON: protobuf 3.21's JSON printer writes through a CodedOutputStream
// whose destructor fails a CHECK when a std::bad_alloc unwinds through it,
// which ends the process; fives cannot guard a conversion inside protobuf.
TEST_P(AllocFaultTest, ResultMessages) {
  const char* as_of = as_of_.c_str();
  using Call =
      std::function<int(fives_buffer*, const fives_journal*, fives_format)>;
  const std::vector<std::pair<const char*, Call>> calls = {
      {"report",
       [](fives_buffer* out, const fives_journal* j, fives_format format) {
         return fives_journal_report(out, j, nullptr, "nl", format);
       }},
      {"meeting report",
       [&](fives_buffer* out, const fives_journal* j, fives_format format) {
         return fives_journal_meeting_report(out, j, nullptr, "en", as_of,
                                             format);
       }},
      {"follow-up",
       [&](fives_buffer* out, const fives_journal* j, fives_format format) {
         return fives_journal_follow_up(out, j, as_of, nullptr,
                                        FIVES_PILLAR_NONE, format);
       }},
      {"check status",
       [&](fives_buffer* out, const fives_journal* j, fives_format format) {
         return fives_journal_check_status(out, j, as_of, format);
       }},
      {"charter review",
       [&](fives_buffer* out, const fives_journal* j, fives_format format) {
         return fives_journal_review_charter(out, j, as_of, 0, format);
       }},
  };
  for (fives_format format : {FIVES_FORMAT_TEXT, FIVES_FORMAT_BINARY}) {
    for (const auto& [name, call] : calls) {
      SCOPED_TRACE(absl::StrCat(name, ", format ", format));
      EXPECT_GT(CheckResultCall([&, call = call](fives_buffer* out,
                                                 const fives_journal* j) {
                  return call(out, j, format);
                }),
                2);
    }
  }
}

// A save of a changed journal over the file: each run starts from the
// file of SetUp and a journal loaded from it, with a member added.
TEST_P(AllocFaultTest, Save) {
  fives_journal* j = nullptr;
  std::string changed;  // the changed journal, serialized
  std::string saved;    // the file its save writes
  auto load_and_change = [&] {
    WriteBytes(path_, file_bytes_);
    j = Load();
    ASSERT_NE(j, nullptr);
    ASSERT_EQ(fives_journal_add_member(j, "zora", "Zora", "2026-06-01"),
              FIVES_OK);
  };
  load_and_change();
  if (j == nullptr) return;
  ASSERT_EQ(fives_journal_save(j, path_.c_str()), FIVES_OK);
  changed = Serialized(j);
  saved = ReadBytes(path_);
  ASSERT_NE(saved, file_bytes_);
  fives_journal_free(j);
  load_and_change();

  const long tried = FailEachAllocation(
      GetParam(), [&] { return fives_journal_save(j, path_.c_str()); },
      [&](const Outcome& o) {
        EXPECT_EQ(Serialized(j), changed);
        if (ExpectOutOfMemoryOrOk(o)) {
          EXPECT_EQ(ReadBytes(path_), saved);
          EXPECT_EQ(folder_.List(), names_);
        } else {
          ExpectFileAsItWas();
          // The journal still knows the file it was loaded from.
          EXPECT_EQ(fives_journal_save(j, path_.c_str()), FIVES_OK)
              << fives_last_error();
          EXPECT_EQ(ReadBytes(path_), saved);
        }
        fives_journal_free(j);
        load_and_change();
      });
  fives_journal_free(j);
  // Encoding, the leftover check's listing, the temporary file's name and
  // the check of the file on disk all allocate.
  EXPECT_GT(tried, 20);
}

// The calls on a failed call: its detail and its text for people. The two
// on the thread's last error leave it as it was even when they run out of
// memory themselves; a take that runs out of memory leaves the failure
// kept.
TEST_P(AllocFaultTest, FailureHandedOver) {
  fives_journal* j = Load();
  if (j == nullptr) return;
  constexpr char kMessage[] =
      "date: \"2027-02-30\" is not a date: February 2027 has 28 days";
  constexpr char kDutch[] =
      "\"2027-02-30\" is geen datum: februari 2027 heeft 28 dagen";
  auto refuse_date = [&] {
    ASSERT_EQ(
        fives_journal_start_round(j, "q9", "2027-02-30", FIVES_ROUND_OPEN),
        FIVES_INVALID_ARGUMENT);
    ASSERT_STREQ(fives_last_error(), kMessage);
  };
  refuse_date();
  // Unhindered first, as WarmUp does for the other calls.
  std::string expected_error;  // the fives.v1.Error, serialized
  std::string expected_text;   // the failure in text format
  {
    fives_buffer out = FIVES_BUFFER_INIT;
    ASSERT_EQ(fives_last_error_detail(&out, FIVES_FORMAT_BINARY), FIVES_OK);
    expected_error = Bytes(out);
    fives_buffer_free(&out);
    ASSERT_EQ(fives_last_error_detail(&out, FIVES_FORMAT_TEXT), FIVES_OK);
    expected_text = Bytes(out);
    fives_buffer_free(&out);
    ASSERT_EQ(fives_last_error_text(&out, "nl"), FIVES_OK);
    ASSERT_EQ(Bytes(out), kDutch);
    fives_buffer_free(&out);
  }
  ASSERT_STREQ(fives_last_error(), kMessage);

  fives_buffer out = FIVES_BUFFER_INIT;
  // The result, or out of memory with an empty buffer; the last error is
  // the refused date either way.
  auto quiet = [&](const std::string& expected) {
    return [&, expected](const Outcome& o) {
      if (o.code == FIVES_OK) {
        EXPECT_EQ(Bytes(out), expected);
      } else {
        EXPECT_TRUE(o.failed_one);
        EXPECT_EQ(o.code, FIVES_RESOURCE_EXHAUSTED);
        EXPECT_EQ(out.data, nullptr);
      }
      EXPECT_EQ(o.error, kMessage);
      EXPECT_EQ(o.detail, expected_error);
      fives_buffer_free(&out);
    };
  };
  for (fives_format format : {FIVES_FORMAT_BINARY, FIVES_FORMAT_TEXT}) {
    SCOPED_TRACE(absl::StrCat("fives_last_error_detail, format ", format));
    FailEachAllocation(
        GetParam(), [&] { return fives_last_error_detail(&out, format); },
        quiet(format == FIVES_FORMAT_BINARY ? expected_error : expected_text));
  }
  {
    SCOPED_TRACE("fives_last_error_text");
    EXPECT_GT(FailEachAllocation(
                  GetParam(), [&] { return fives_last_error_text(&out, "nl"); },
                  quiet(kDutch)),
              1);
  }
  {
    SCOPED_TRACE("fives_error_text");
    EXPECT_GT(FailEachAllocation(
                  GetParam(),
                  [&] {
                    return fives_error_text(
                        &out,
                        reinterpret_cast<const uint8_t*>(expected_error.data()),
                        expected_error.size(), FIVES_FORMAT_BINARY, "nl");
                  },
                  [&](const Outcome& o) {
                    if (ExpectOutOfMemoryOrOk(o)) {
                      EXPECT_EQ(Bytes(out), kDutch);
                    } else {
                      EXPECT_EQ(out.data, nullptr);
                    }
                    fives_buffer_free(&out);
                  }),
              1);
  }
  {
    SCOPED_TRACE("fives_error_take_detail");
    refuse_date();
    FailEachAllocation(
        GetParam(),
        [&] { return fives_error_take_detail(&out, j, FIVES_FORMAT_BINARY); },
        [&](const Outcome& o) {
          if (ExpectOutOfMemoryOrOk(o)) {
            EXPECT_EQ(Bytes(out), expected_error);
          } else {
            // Still kept: taken now, unhindered.
            EXPECT_EQ(out.data, nullptr);
            EXPECT_EQ(fives_error_take_detail(&out, j, FIVES_FORMAT_BINARY),
                      FIVES_OK);
            EXPECT_EQ(Bytes(out), expected_error);
          }
          fives_buffer_free(&out);
          refuse_date();
        });
  }
  EXPECT_EQ(Serialized(j), expected_);
  fives_journal_free(j);
}

INSTANTIATE_TEST_SUITE_P(OneOrEveryLater, AllocFaultTest, ::testing::Bool(),
                         [](const ::testing::TestParamInfo<bool>& info) {
                           return info.param ? "EveryLater" : "One";
                         });

}  // namespace
}  // namespace fives
