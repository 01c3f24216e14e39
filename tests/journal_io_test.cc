// Tests of the journal's formats (binary, JSON, text) and of the journal file
// on disk: round trips, a randomized property test, truncation and
// corruption at every byte, foreign and newer files, unknown fields of newer
// schemas, and fault injection into every step of an atomic save.
#include "fives/journal_io.h"

#include <stdlib.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "fives/civil_date.h"
#include "fives/journal.h"
#include "fives/v1/journal.pb.h"
#include "fives/v1/team.pb.h"
#include "gmock/gmock.h"
#include "google/protobuf/unknown_field_set.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "journal_builder.h"
#include "temp_folder.h"

namespace fives {
namespace {

using ::fives::file_testing::ReadBytes;
using ::fives::file_testing::TempFolder;
using ::fives::file_testing::WriteBytes;
using ::fives::journal_builder::BuildRichJournal;
using ::fives::journal_builder::Day;
using ::fives::journal_builder::DeterministicBytes;
using ::fives::journal_builder::JournalBuilder;
using ::fives::journal_builder::MakeActionInput;
using ::fives::journal_builder::MakeResponse;
using ::fives::journal_builder::MakeReview;
using ::google::protobuf::util::MessageDifferencer;
using ::testing::AnyOf;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

namespace fs = std::filesystem;

constexpr JournalFormat kAllFormats[] = {
    JournalFormat::kBinary, JournalFormat::kJson, JournalFormat::kText};

const char* FormatName(JournalFormat f) {
  switch (f) {
    case JournalFormat::kBinary:
      return "binary";
    case JournalFormat::kJson:
      return "json";
    case JournalFormat::kText:
      return "text";
  }
  return "?";
}

// --- Helpers -----------------------------------------------------------------

// Equal journals: the same deterministic binary bytes. On failure, the
// differences field by field.
::testing::AssertionResult SameJournal(const v1::Journal& expected,
                                       const v1::Journal& actual) {
  if (DeterministicBytes(expected) == DeterministicBytes(actual)) {
    return ::testing::AssertionSuccess();
  }
  std::string report;
  MessageDifferencer differencer;
  differencer.ReportDifferencesToString(&report);
  differencer.Compare(expected, actual);
  return ::testing::AssertionFailure()
         << "journals differ (deterministic bytes); differences:\n"
         << (report.empty() ? "(only in unknown fields or field order)"
                            : report);
}

::testing::AssertionResult SameJournal(const Journal& expected,
                                       const Journal& actual) {
  return SameJournal(expected.proto(), actual.proto());
}

Journal RichJournal() {
  absl::StatusOr<Journal> j = BuildRichJournal();
  EXPECT_TRUE(j.ok()) << j.status();
  if (!j.ok()) return *Journal::Create("broken", "Broken");
  return *std::move(j);
}

Journal MinimalJournal() { return *Journal::Create("t", "T"); }

uint32_t ZlibCrc32(absl::string_view data) {
  uLong crc = crc32(0L, Z_NULL, 0);
  crc = crc32(crc, reinterpret_cast<const Bytef*>(data.data()),
              static_cast<uInt>(data.size()));
  return static_cast<uint32_t>(crc);
}

// A journal file envelope built by hand.
struct Envelope {
  std::string magic = "fives.journal";
  uint32_t format_version = 2;
  std::string journal;
  std::optional<uint64_t> journal_size;  // default: journal.size()
  bool with_crc = true;
  std::optional<uint32_t> crc;  // default: the right CRC

  std::string Bytes() const {
    v1::JournalFile file;
    file.set_magic(magic);
    file.set_format_version(format_version);
    file.set_journal(journal);
    file.set_journal_size(journal_size.value_or(journal.size()));
    if (with_crc) file.set_crc32(crc.value_or(ZlibCrc32(journal)));
    return DeterministicBytes(file);
  }
};

void AppendVarint(std::string* out, uint64_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

// The wire bytes of one field unknown to the schema.
std::string UnknownVarintField(int number, uint64_t value) {
  std::string out;
  AppendVarint(&out, static_cast<uint64_t>(number) << 3);
  AppendVarint(&out, value);
  return out;
}

std::string UnknownBytesField(int number, absl::string_view data) {
  std::string out;
  AppendVarint(&out, (static_cast<uint64_t>(number) << 3) | 2);
  AppendVarint(&out, data.size());
  out.append(data.data(), data.size());
  return out;
}

::testing::AssertionResult HasUnknownVarint(const google::protobuf::Message& m,
                                            int number, uint64_t value) {
  const google::protobuf::UnknownFieldSet& u =
      m.GetReflection()->GetUnknownFields(m);
  for (int i = 0; i < u.field_count(); ++i) {
    const google::protobuf::UnknownField& f = u.field(i);
    if (f.number() == number &&
        f.type() == google::protobuf::UnknownField::TYPE_VARINT &&
        f.varint() == value) {
      return ::testing::AssertionSuccess();
    }
  }
  return ::testing::AssertionFailure()
         << m.GetTypeName() << " has no unknown varint field " << number
         << " = " << value << " (it has " << u.field_count()
         << " unknown fields)";
}

::testing::AssertionResult HasUnknownBytes(const google::protobuf::Message& m,
                                           int number,
                                           absl::string_view value) {
  const google::protobuf::UnknownFieldSet& u =
      m.GetReflection()->GetUnknownFields(m);
  for (int i = 0; i < u.field_count(); ++i) {
    const google::protobuf::UnknownField& f = u.field(i);
    if (f.number() == number &&
        f.type() == google::protobuf::UnknownField::TYPE_LENGTH_DELIMITED &&
        f.length_delimited() == value) {
      return ::testing::AssertionSuccess();
    }
  }
  return ::testing::AssertionFailure()
         << m.GetTypeName() << " has no unknown bytes field " << number
         << " = \"" << value << "\" (it has " << u.field_count()
         << " unknown fields)";
}

int RoundIndex(const v1::Journal& j, absl::string_view id) {
  for (int i = 0; i < j.rounds_size(); ++i) {
    if (j.rounds(i).id() == id) return i;
  }
  return -1;
}

int ActionIndex(const v1::Journal& j, absl::string_view id) {
  for (int i = 0; i < j.actions_size(); ++i) {
    if (j.actions(i).id() == id) return i;
  }
  return -1;
}

// --- The rich journal itself -------------------------------------------------

// The round-trip tests are only as good as the journal they use: check that
// it holds every part the brief asks for.
TEST(RichJournalTest, UsesEveryPartOfTheSchema) {
  absl::StatusOr<Journal> built = BuildRichJournal();
  ASSERT_TRUE(built.ok()) << built.status();
  const v1::Journal& p = built->proto();
  EXPECT_TRUE(p.config().has_trend_alpha());
  EXPECT_EQ(p.team().members_size(), 8);
  ASSERT_EQ(p.rounds_size(), 3);
  EXPECT_EQ(p.rounds(0).mode(), v1::ROUND_MODE_OPEN);
  EXPECT_EQ(p.rounds(0).state(), v1::ROUND_STATE_CLOSED);
  // Five answered; one was forgotten since, their scores kept unlinked.
  EXPECT_EQ(p.rounds(0).responses_size(), 4);
  EXPECT_EQ(p.rounds(0).forgotten_participants_size(), 1);
  EXPECT_EQ(p.rounds(1).mode(), v1::ROUND_MODE_CONFIDENTIAL);
  EXPECT_EQ(p.rounds(1).state(), v1::ROUND_STATE_CLOSED);
  EXPECT_EQ(p.rounds(1).participants_size(), 6);
  EXPECT_EQ(p.rounds(1).responses_size(), 0);
  EXPECT_EQ(p.rounds(2).state(), v1::ROUND_STATE_OPEN);
  EXPECT_EQ(p.plans_size(), 2);
  ASSERT_EQ(p.actions_size(), 5);
  std::set<v1::ActionStatus> statuses;
  for (const v1::Action& a : p.actions()) statuses.insert(a.status());
  EXPECT_EQ(statuses, (std::set<v1::ActionStatus>{
                          v1::ACTION_STATUS_PROPOSED, v1::ACTION_STATUS_OPEN,
                          v1::ACTION_STATUS_DONE, v1::ACTION_STATUS_DROPPED}));
  // Feedback with progress 0 (presence matters) and without progress.
  ASSERT_EQ(p.actions(0).feedback_size(), 3);
  EXPECT_TRUE(p.actions(0).feedback(0).has_progress());
  EXPECT_EQ(p.actions(0).feedback(0).progress(), 0);
  EXPECT_FALSE(p.actions(0).feedback(2).has_progress());
  ASSERT_EQ(p.checks_size(), 1);
  EXPECT_EQ(p.checks(0).reviews_size(), 1);
  EXPECT_EQ(p.checks(0).action_ids_size(), 1);
  // First term, rotation after the check, handover when bob left.
  ASSERT_EQ(p.guardians_size(), 3);
  EXPECT_EQ(p.guardians(2).reason(), v1::GUARDIAN_REASON_HANDOVER);
  bool left = false, forgotten = false;
  for (const v1::Member& m : p.team().members()) {
    left |= !m.left().empty();
    forgotten |= m.forgotten();
  }
  EXPECT_TRUE(left);
  EXPECT_TRUE(forgotten);
  EXPECT_EQ(p.next_forgotten(), 1);
  // Big enough for two-byte lengths in the journal file's envelope.
  EXPECT_GT(EncodeJournalFile(*built).size(), 1000u);
}

// --- JournalFormatFromName ---------------------------------------------------

TEST(JournalFormatFromNameTest, KnownNamesAnyCase) {
  const std::pair<const char*, JournalFormat> cases[] = {
      {"binary", JournalFormat::kBinary}, {"BINARY", JournalFormat::kBinary},
      {"Binary", JournalFormat::kBinary}, {"json", JournalFormat::kJson},
      {"JSON", JournalFormat::kJson},     {"jSoN", JournalFormat::kJson},
      {"text", JournalFormat::kText},     {"TEXT", JournalFormat::kText},
      {"Text", JournalFormat::kText},
  };
  for (const auto& [name, format] : cases) {
    absl::StatusOr<JournalFormat> f = JournalFormatFromName(name);
    ASSERT_TRUE(f.ok()) << name << ": " << f.status();
    EXPECT_EQ(*f, format) << name;
  }
}

TEST(JournalFormatFromNameTest, BadNamesAreRefusedByName) {
  for (const char* name :
       {"xml", "", " json", "text ", "bin", "jsonl", "textproto", "binary\n"}) {
    absl::StatusOr<JournalFormat> f = JournalFormatFromName(name);
    ASSERT_FALSE(f.ok()) << "\"" << name << "\"";
    EXPECT_EQ(f.status().code(), absl::StatusCode::kInvalidArgument) << name;
    EXPECT_THAT(f.status().message(),
                HasSubstr(absl::StrCat("\"", name, "\"")));
    EXPECT_THAT(f.status().message(), HasSubstr("binary, json or text"));
  }
}

// --- Round trips -------------------------------------------------------------

class RoundTripTest : public ::testing::TestWithParam<JournalFormat> {};

TEST_P(RoundTripTest, RichJournal) {
  const Journal j = RichJournal();
  const std::string data = SerializeJournal(j, GetParam());
  ASSERT_FALSE(data.empty());
  absl::StatusOr<Journal> back = ParseJournal(data, GetParam());
  ASSERT_TRUE(back.ok()) << back.status() << "\n" << data;
  EXPECT_TRUE(SameJournal(j, *back));
  // Printing again gives the same data.
  EXPECT_EQ(SerializeJournal(*back, GetParam()), data);
}

TEST_P(RoundTripTest, MinimalJournal) {
  const Journal j = MinimalJournal();
  const std::string data = SerializeJournal(j, GetParam());
  absl::StatusOr<Journal> back = ParseJournal(data, GetParam());
  ASSERT_TRUE(back.ok()) << back.status() << "\n" << data;
  EXPECT_TRUE(SameJournal(j, *back));
}

// Every prefix of the rich journal's history (one builder step more each
// time) round-trips, so no intermediate state is special.
TEST_P(RoundTripTest, JournalAfterEachOperation) {
  JournalBuilder b("mt", "MT");
  std::vector<Journal> states;
  auto snap = [&] {
    ASSERT_TRUE(b.status().ok()) << b.status();
    states.push_back(*b.journal());
  };
  snap();
  b.AddMember("ann", "Ann", Day(2026, 1, 5));
  snap();
  b.AddMember("bob", "Bob", Day(2026, 1, 5));
  snap();
  b.AddMember("cas", "Cas", Day(2026, 1, 6));
  snap();
  b.StartRound("r1", Day(2026, 2, 2), v1::ROUND_MODE_CONFIDENTIAL);
  snap();
  b.AddResponse("r1", "ann", {1, 2, 3, 4, 5});
  snap();
  b.AddResponse("r1", "bob", {5, 4, 3, 2, 1});
  snap();
  b.AddResponse("r1", "cas", {3, 3, 3, 3, 3});
  snap();
  b.CloseRound("r1", Day(2026, 2, 3));
  snap();
  PlanInput plan;
  plan.round_id = "r1";
  plan.created = Day(2026, 2, 4);
  plan.actions = {MakeActionInput("T1", "V1", "ann"),
                  MakeActionInput("T2", "V2", "cas")};
  b.CreatePlan(plan);  // focus from the report
  snap();
  b.OpenAction("a1", Day(2026, 2, 5));
  snap();
  b.AddFeedback("a1", Day(2026, 2, 6), "bob", "ok", 100);
  snap();
  b.CompleteAction("a1", Day(2026, 2, 7));
  snap();
  b.RecordLeave("ann", Day(2026, 2, 8));
  snap();
  b.ForgetMember("bob");
  snap();
  for (size_t i = 0; i < states.size(); ++i) {
    SCOPED_TRACE(absl::StrCat("state ", i));
    const std::string data = SerializeJournal(states[i], GetParam());
    absl::StatusOr<Journal> back = ParseJournal(data, GetParam());
    ASSERT_TRUE(back.ok()) << back.status();
    EXPECT_TRUE(SameJournal(states[i], *back));
  }
}

INSTANTIATE_TEST_SUITE_P(AllFormats, RoundTripTest,
                         ::testing::ValuesIn(kAllFormats),
                         [](const ::testing::TestParamInfo<JournalFormat>& i) {
                           return std::string(FormatName(i.param));
                         });

TEST(SerializeJournalTest, BinaryIsDeterministicAndEqualsTheProto) {
  const Journal j = RichJournal();
  const std::string a = SerializeJournal(j, JournalFormat::kBinary);
  EXPECT_EQ(a, SerializeJournal(j, JournalFormat::kBinary));
  EXPECT_EQ(a, DeterministicBytes(j.proto()));
  v1::Journal parsed;
  ASSERT_TRUE(parsed.ParseFromString(a));
  EXPECT_TRUE(MessageDifferencer::Equals(parsed, j.proto()));
}

// One JSON policy (text_format.h): the .proto's field names, in the journal's
// export as in every other JSON; JSON that spells them in lowerCamelCase
// (as the proto3 JSON mapping also allows) still reads.
TEST(SerializeJournalTest, JsonAndTextUseTheFieldNamesOfTheSchema) {
  const Journal j = RichJournal();
  const std::string json = SerializeJournal(j, JournalFormat::kJson);
  EXPECT_THAT(json, HasSubstr("\"next_action\": 5"));
  EXPECT_THAT(json, HasSubstr("\"visible_result\""));
  EXPECT_THAT(json, Not(HasSubstr("\"nextAction\"")));
  EXPECT_THAT(json, Not(HasSubstr("\"visibleResult\"")));
  absl::StatusOr<Journal> camel = ParseJournal(
      "{\"team\": {\"id\": \"mt\", \"name\": \"MT\", \"members\": [{\"id\": "
      "\"ann\", \"displayName\": \"Ann\", \"joined\": \"2026-01-05\"}]}}",
      JournalFormat::kJson);
  ASSERT_TRUE(camel.ok()) << camel.status();
  EXPECT_EQ(camel->proto().team().members(0).display_name(), "Ann");
  EXPECT_THAT(json, HasSubstr("\"ROUND_MODE_CONFIDENTIAL\""));
  const std::string text = SerializeJournal(j, JournalFormat::kText);
  EXPECT_THAT(text, HasSubstr("next_action: 5"));
  EXPECT_THAT(text, HasSubstr("visible_result: "));
}

TEST(JournalFileTest, EncodeDecodeRoundTrip) {
  for (const Journal& j : {RichJournal(), MinimalJournal()}) {
    const std::string bytes = EncodeJournalFile(j);
    EXPECT_EQ(bytes, EncodeJournalFile(j)) << "not deterministic";
    absl::StatusOr<Journal> back = DecodeJournalFile(bytes);
    ASSERT_TRUE(back.ok()) << back.status();
    EXPECT_TRUE(SameJournal(j, *back));
    EXPECT_EQ(EncodeJournalFile(*back), bytes);
  }
}

// The envelope as fives.v1.JournalFile documents it, readable by any
// protobuf client; the checksum is the last field.
TEST(JournalFileTest, EnvelopeLayout) {
  const Journal j = RichJournal();
  const std::string bytes = EncodeJournalFile(j);
  v1::JournalFile file;
  ASSERT_TRUE(file.ParseFromString(bytes));
  EXPECT_EQ(file.magic(), "fives.journal");
  EXPECT_EQ(file.format_version(), 2u);
  EXPECT_EQ(file.journal(), SerializeJournal(j, JournalFormat::kBinary));
  EXPECT_EQ(file.journal_size(), file.journal().size());
  ASSERT_TRUE(file.has_crc32());
  EXPECT_EQ(file.crc32(), ZlibCrc32(file.journal()));
  EXPECT_TRUE(file.GetReflection()->GetUnknownFields(file).empty());
  // Starts with the magic field; ends with tag 15/fixed32 and the CRC.
  EXPECT_THAT(bytes, StartsWith(std::string("\x0a\x0d"
                                            "fives.journal",
                                            15)));
  ASSERT_GE(bytes.size(), 5u);
  EXPECT_EQ(static_cast<unsigned char>(bytes[bytes.size() - 5]), 0x7d);
  uint32_t crc = 0;
  for (int i = 0; i < 4; ++i) {
    crc |= static_cast<uint32_t>(
               static_cast<unsigned char>(bytes[bytes.size() - 4 + i]))
           << (8 * i);
  }
  EXPECT_EQ(crc, file.crc32());
  // And the hand-built envelope of the same journal is the same bytes.
  Envelope e;
  e.journal = file.journal();
  EXPECT_EQ(e.Bytes(), bytes);
}

TEST(JournalFileTest, SaveLoadRoundTrip) {
  TempFolder folder;
  const std::string path = folder.File("team.fives");
  for (const Journal& j : {RichJournal(), MinimalJournal()}) {
    ASSERT_TRUE(SaveJournalFile(j, path).ok());
    EXPECT_EQ(ReadBytes(path), EncodeJournalFile(j));
    absl::StatusOr<Journal> back = LoadJournalFile(path);
    ASSERT_TRUE(back.ok()) << back.status();
    EXPECT_TRUE(SameJournal(j, *back));
    EXPECT_EQ(folder.List(), std::vector<std::string>{"team.fives"});
  }
}

// Only a regular file within the input_bytes limit is read: a device
// that never ends, a folder and a file one byte too large are refused at
// once, naming the path and the limit, without reading them.
TEST(JournalFileTest, LoadReadsOnlyBoundedRegularFiles) {
  TempFolder folder;
  absl::StatusOr<Journal> j = LoadJournalFile("/dev/zero");
  EXPECT_EQ(j.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(j.status().message(),
            "journal file: /dev/zero is not a regular file");
  j = LoadJournalFile(folder.path());
  EXPECT_THAT(j.status().message(), HasSubstr("is not a regular file"));
  // A sparse file: no disk is used.
  const std::string big = folder.File("big.fives");
  {
    std::ofstream(big, std::ios::binary) << "x";
    ASSERT_EQ(::truncate(big.c_str(), (32 << 20) + 1), 0);
  }
  j = LoadJournalFile(big);
  EXPECT_EQ(j.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(j.status().message(),
            absl::StrCat("journal file: ", big,
                         ": 33554433 bytes, more than the limit of "
                         "33554432 (\"input_bytes\")"));
  // The bytes themselves, and text and JSON, have the same limit.
  const std::string huge((32 << 20) + 1, ' ');
  EXPECT_EQ(DecodeJournalFile(huge).status().code(),
            absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(ParseJournal(huge, JournalFormat::kJson).status().code(),
            absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(
      ParseJournal(huge, JournalFormat::kText).status().message(),
      HasSubstr("data: 33554433 bytes, more than the limit of 33554432"));
}

// Each format written to a file, read back and parsed; then the journal
// parsed from the text is saved as a journal file and loaded.
TEST(JournalFileTest, EveryFormatThroughFiles) {
  TempFolder folder;
  const Journal j = RichJournal();
  for (JournalFormat format : kAllFormats) {
    SCOPED_TRACE(FormatName(format));
    const std::string path =
        folder.File(absl::StrCat("export.", FormatName(format)));
    WriteBytes(path, SerializeJournal(j, format));
    absl::StatusOr<Journal> parsed = ParseJournal(ReadBytes(path), format);
    ASSERT_TRUE(parsed.ok()) << parsed.status();
    EXPECT_TRUE(SameJournal(j, *parsed));
    const std::string file = folder.File("journal.fives");
    ASSERT_TRUE(SaveJournalFile(*parsed, file).ok());
    absl::StatusOr<Journal> loaded = LoadJournalFile(file);
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    EXPECT_TRUE(SameJournal(j, *loaded));
  }
}

// --- Property test: random valid operation sequences -------------------------

enum Op {
  kAddMember,
  kLeave,
  kForget,
  kStartRound,
  kRespond,
  kCloseRound,
  kPlan,
  kOpenAction,
  kCompleteAction,
  kDropAction,
  kFeedback,
  kCheck,
  kOpCount
};

constexpr const char* kOpNames[kOpCount] = {
    "AddMember",      "RecordLeave", "ForgetMember", "StartRound",
    "AddResponse",    "CloseRound",  "CreatePlan",   "OpenAction",
    "CompleteAction", "DropAction",  "AddFeedback",  "RecordCheck"};

// Relative frequency of each operation.
constexpr int kOpWeights[kOpCount] = {3, 1, 1, 2, 10, 2, 3, 3, 2, 1, 3, 2};

// Texts that stress JSON and text escaping (and one empty, refused where a
// text is required).
constexpr const char* kTexts[] = {
    "Plan",
    "Zo\xC3\xAB \xE2\x9C\x93",
    "quote \" and backslash \\",
    "line\nbreak",
    "tab\there",
    "emoji \xF0\x9F\x8C\xB7",
    "{\"json\": [1, 2]}",
    "# not a comment",
    "  spaces  ",
    "",
};

class RandomJournal {
 public:
  explicit RandomJournal(std::mt19937& rng) : rng_(rng) {
    v1::TeamConfig config;
    config.set_actions_per_plan(Uniform(1, 3));
    config.set_action_window_days(Uniform(5, 60));
    config.set_allow_late_due_dates(Uniform(0, 3) == 0);
    if (Uniform(0, 1)) config.set_trend_alpha(0.01 * Uniform(1, 50));
    std::string name = Name();
    if (name.empty()) name = "Team";
    absl::StatusOr<Journal> j =
        Journal::Create(absl::StrCat("team-", Uniform(1, 99)), name, config);
    EXPECT_TRUE(j.ok()) << j.status();
    journal_.emplace(j.ok() ? *std::move(j) : *Journal::Create("t", "T"));
    today_ = Day(2026, 1, 1) + Uniform(0, 300);
  }

  const Journal& journal() const { return *journal_; }

  // A random operation, by weight; one that cannot apply for want of a
  // round or an action (mostly) becomes the one that makes it.
  Op PickOp() {
    int total = 0;
    for (int w : kOpWeights) total += w;
    int r = Uniform(0, total - 1);
    Op op = kRespond;
    for (int i = 0; i < kOpCount; ++i) {
      if (r < kOpWeights[i]) {
        op = static_cast<Op>(i);
        break;
      }
      r -= kOpWeights[i];
    }
    if (Uniform(0, 9) == 0) return op;  // sometimes, try it anyway
    const v1::Journal& p = journal_->proto();
    if (p.actions().empty() && (op == kOpenAction || op == kCompleteAction ||
                                op == kDropAction || op == kFeedback)) {
      op = kPlan;
    }
    if (op == kPlan && UnplannedRound() == nullptr) op = kCloseRound;
    if ((op == kRespond || op == kCloseRound) &&
        PickRound(v1::ROUND_STATE_OPEN) == nullptr) {
      op = kStartRound;
    }
    return op;
  }

  absl::Status Apply(Op op) {
    Journal& j = *journal_;
    today_ += Uniform(0, 3);
    switch (op) {
      case kAddMember: {
        std::string id = Uniform(0, 9) == 0 && Members() > 0
                             ? Member()
                             : absl::StrCat("m", next_member_++);
        return j.AddMember(id, Name(), today_ - Uniform(0, 10));
      }
      case kLeave:
        return j.RecordLeave(Member(), today_);
      case kForget:
        if (Uniform(0, 2) != 0) return absl::CancelledError("skipped");
        return j.ForgetMember(Member());
      case kStartRound: {
        RoundOptions o = j.NewRoundOptions(
            absl::StrCat("r", next_round_++), today_,
            Uniform(0, 1) ? v1::ROUND_MODE_OPEN : v1::ROUND_MODE_CONFIDENTIAL);
        if (Uniform(0, 2) == 0) {
          for (Pillar p : kAllPillars) {
            if (Uniform(0, 1)) o.pillars.push_back(p);
          }
        }
        o.allow_partial = Uniform(0, 2) == 0;
        return j.StartRound(o);
      }
      case kRespond: {
        const v1::Round* r = PickRound(v1::ROUND_STATE_OPEN);
        if (r == nullptr) return absl::NotFoundError("no open round");
        std::array<int, 5> scores = {};
        for (size_t i = 0; i < scores.size(); ++i) {
          const bool asked =
              r->pillars().empty() ||
              std::find(r->pillars().begin(), r->pillars().end(),
                        ToProto(kAllPillars[i])) != r->pillars().end();
          if (!asked) continue;
          if (r->allow_partial() && Uniform(0, 4) == 0) continue;
          scores[i] = Uniform(0, 40) == 0 ? 6 : Uniform(1, 5);
        }
        return j.AddResponse(
            r->id(),
            MakeResponse(MemberOn(*ParseCivilDate(r->date(), "date")), scores));
      }
      case kCloseRound: {
        const v1::Round* r = PickRound(v1::ROUND_STATE_OPEN);
        if (r == nullptr) return absl::NotFoundError("no open round");
        return j.CloseRound(r->id(), today_);
      }
      case kPlan: {
        const v1::Round* r = UnplannedRound();
        if (r == nullptr || Uniform(0, 9) == 0) {
          r = PickRound(v1::ROUND_STATE_CLOSED);
        }
        if (r == nullptr) return absl::NotFoundError("no closed round");
        PlanInput plan;
        plan.round_id = r->id();
        plan.created = today_;
        if (Uniform(0, 3) != 0) plan.focus = kAllPillars[Uniform(0, 4)];
        plan.note = Text();
        for (int i = 0; i < j.config().actions_per_plan; ++i) {
          std::optional<absl::CivilDay> due;
          if (Uniform(0, 1)) due = today_ + Uniform(0, 45);
          plan.actions.push_back(
              MakeActionInput(Text(), Text(), MemberOn(today_), due));
        }
        return j.CreatePlan(plan).status();
      }
      case kOpenAction:
        return j.OpenAction(PickAction(v1::ACTION_STATUS_PROPOSED), today_);
      case kCompleteAction:
        return j.CompleteAction(PickAction(v1::ACTION_STATUS_OPEN), today_);
      case kDropAction:
        return j.DropAction(PickAction(v1::ACTION_STATUS_OPEN), today_, Text());
      case kFeedback: {
        std::optional<int> progress;
        if (Uniform(0, 1)) progress = Uniform(0, 105);
        return j.AddFeedback(PickAction(v1::ACTION_STATUS_OPEN), today_,
                             MemberOn(today_), Text(), progress);
      }
      case kCheck: {
        CheckInput check;
        check.date = today_;
        // Reviews of every open action.
        for (const v1::Action& a : j.proto().actions()) {
          if (a.status() != v1::ACTION_STATUS_OPEN) continue;
          switch (Uniform(0, 3)) {
            case 0:
              check.reviews.push_back(
                  MakeReview(a.id(), v1::REVIEW_OUTCOME_KEPT, "", Text()));
              break;
            case 1:
              check.reviews.push_back(
                  MakeReview(a.id(), v1::REVIEW_OUTCOME_DONE));
              break;
            case 2:
              check.reviews.push_back(
                  MakeReview(a.id(), v1::REVIEW_OUTCOME_DROPPED, "", Text()));
              break;
            default:
              check.reviews.push_back(
                  MakeReview(a.id(), v1::REVIEW_OUTCOME_REPLANNED,
                             FormatCivilDate(today_ + Uniform(0, 20))));
              break;
          }
        }
        const int prompts = Uniform(0, 2);
        for (int i = 0; i < prompts; ++i) {
          check.helps.push_back(Text());
          check.chafes.push_back(Text());
          check.agreements.push_back(Text());
        }
        if (!check.agreements.empty() && Uniform(0, 1)) {
          AgreementAction aa;
          aa.agreement = Uniform(0, prompts - 1);
          aa.action = MakeActionInput(Text(), Text(), MemberOn(today_),
                                      std::nullopt, kAllPillars[Uniform(0, 4)]);
          check.agreement_actions.push_back(aa);
        }
        return j.RecordCheck(check).status();
      }
      case kOpCount:
        break;
    }
    return absl::InternalError("unknown op");
  }

 private:
  int Uniform(int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(rng_);
  }
  // A text for a name: one line (names with a line break are refused).
  std::string Name() {
    std::string name = Text();
    while (absl::StrContains(name, '\n')) name = Text();
    return name;
  }

  std::string Text() {
    // Mostly non-empty.
    constexpr int n = static_cast<int>(std::size(kTexts));
    return kTexts[Uniform(0, 15) == 0 ? n - 1 : Uniform(0, n - 2)];
  }
  int Members() const { return journal_->proto().team().members_size(); }
  // A random member id; sometimes a stranger.
  std::string Member() {
    if (Members() == 0 || Uniform(0, 19) == 0) return "stranger";
    return journal_->proto().team().members(Uniform(0, Members() - 1)).id();
  }
  // Mostly a member on `day`, sometimes anyone (or a stranger).
  std::string MemberOn(absl::CivilDay day) {
    std::vector<std::string> current;
    for (const v1::Member& m : journal_->proto().team().members()) {
      if (m.forgotten()) continue;
      if (*ParseCivilDate(m.joined(), "joined") > day) continue;
      if (!m.left().empty() && *ParseCivilDate(m.left(), "left") <= day) {
        continue;
      }
      current.push_back(m.id());
    }
    if (current.empty() || Uniform(0, 9) == 0) return Member();
    return current[Uniform(0, static_cast<int>(current.size()) - 1)];
  }
  const v1::Round* PickRound(v1::RoundState state) {
    std::vector<const v1::Round*> rounds;
    for (const v1::Round& r : journal_->proto().rounds()) {
      if (r.state() == state) rounds.push_back(&r);
    }
    if (rounds.empty()) return nullptr;
    return rounds[Uniform(0, static_cast<int>(rounds.size()) - 1)];
  }
  // A closed round without a plan, or nullptr.
  const v1::Round* UnplannedRound() {
    std::vector<const v1::Round*> rounds;
    for (const v1::Round& r : journal_->proto().rounds()) {
      if (r.state() != v1::ROUND_STATE_CLOSED) continue;
      bool planned = false;
      for (const v1::Plan& plan : journal_->proto().plans()) {
        planned |= plan.round_id() == r.id();
      }
      if (!planned) rounds.push_back(&r);
    }
    if (rounds.empty()) return nullptr;
    return rounds[Uniform(0, static_cast<int>(rounds.size()) - 1)];
  }
  // A random action id, mostly one with `status`.
  std::string PickAction(v1::ActionStatus status) {
    const auto& actions = journal_->proto().actions();
    if (actions.empty()) return "a404";
    std::vector<std::string> ids;
    for (const v1::Action& a : actions) {
      if (a.status() == status) ids.push_back(a.id());
    }
    if (ids.empty() || Uniform(0, 9) == 0) {
      return actions[Uniform(0, actions.size() - 1)].id();
    }
    return ids[Uniform(0, static_cast<int>(ids.size()) - 1)];
  }

  std::mt19937& rng_;
  std::optional<Journal> journal_;
  absl::CivilDay today_;
  int next_member_ = 1;
  int next_round_ = 1;
};

// The journal survives every format and the journal file unchanged.
::testing::AssertionResult RoundTripsEverywhere(const Journal& j,
                                                const std::string& path) {
  const std::string expected = DeterministicBytes(j.proto());
  for (JournalFormat format : kAllFormats) {
    absl::StatusOr<Journal> back =
        ParseJournal(SerializeJournal(j, format), format);
    if (!back.ok()) {
      return ::testing::AssertionFailure()
             << FormatName(format) << ": " << back.status();
    }
    if (auto same = SameJournal(j, *back); !same) {
      return same << " (format " << FormatName(format) << ")";
    }
  }
  absl::StatusOr<Journal> decoded = DecodeJournalFile(EncodeJournalFile(j));
  if (!decoded.ok()) {
    return ::testing::AssertionFailure() << "decode: " << decoded.status();
  }
  if (auto same = SameJournal(j, *decoded); !same) return same << " (decode)";
  if (absl::Status s = SaveJournalFile(j, path); !s.ok()) {
    return ::testing::AssertionFailure() << "save: " << s;
  }
  absl::StatusOr<Journal> loaded = LoadJournalFile(path);
  if (!loaded.ok()) {
    return ::testing::AssertionFailure() << "load: " << loaded.status();
  }
  if (auto same = SameJournal(j, *loaded); !same) return same << " (load)";
  return ::testing::AssertionSuccess();
}

TEST(JournalIoPropertyTest, RandomOperationSequencesRoundTrip) {
  constexpr int kSequences = 200;
  std::mt19937 rng(20260405);
  TempFolder folder;
  const std::string path = folder.File("journal.fives");
  std::array<int, kOpCount> tried = {}, applied = {};
  int max_actions = 0, max_rounds = 0, round_tripped = 0;
  std::vector<std::string> invalid;
  for (int seq = 0; seq < kSequences; ++seq) {
    SCOPED_TRACE(absl::StrCat("sequence ", seq));
    RandomJournal random(rng);
    const int ops = std::uniform_int_distribution<int>(10, 70)(rng);
    for (int i = 0; i < ops; ++i) {
      // A few members first, then anything.
      const Op op = i < 3 ? kAddMember : random.PickOp();
      const std::string before = DeterministicBytes(random.journal().proto());
      const absl::Status s = random.Apply(op);
      ++tried[op];
      if (s.ok()) {
        ++applied[op];
      } else {
        // A refused operation changes nothing.
        ASSERT_EQ(DeterministicBytes(random.journal().proto()), before)
            << "refused " << kOpNames[op] << " (" << s
            << ") changed the journal in step " << i;
      }
    }
    const Journal& j = random.journal();
    max_actions = std::max(max_actions, j.proto().actions_size());
    max_rounds = std::max(max_rounds, j.proto().rounds_size());
    // Whatever the API accepted must still be a valid journal: ParseJournal
    // and LoadJournalFile validate, so an invalid one cannot be read back.
    if (absl::Status valid = Journal::Validate(j.proto()); !valid.ok()) {
      ASSERT_TRUE(SaveJournalFile(j, path).ok());
      const absl::Status load = LoadJournalFile(path).status();
      invalid.push_back(absl::StrCat("sequence ", seq, ": ", valid.message(),
                                     " (LoadJournalFile: ", load.ToString(),
                                     ")"));
      continue;
    }
    ++round_tripped;
    ASSERT_TRUE(RoundTripsEverywhere(j, path)) << "journal:\n"
                                               << j.proto().DebugString();
  }
  EXPECT_TRUE(invalid.empty())
      << invalid.size() << " of " << kSequences
      << " journals built only through the Journal API do not validate, so "
         "what SaveJournalFile wrote cannot be loaded; first ones:\n"
      << absl::StrJoin(invalid.begin(),
                       invalid.begin() + std::min<size_t>(invalid.size(), 5),
                       "\n");
  EXPECT_GE(round_tripped, kSequences * 3 / 4);
  // The generator must actually reach every operation.
  int total = 0;
  for (int op = 0; op < kOpCount; ++op) {
    EXPECT_GT(applied[op], 0)
        << kOpNames[op] << " never succeeded (" << tried[op] << " tries)";
    total += applied[op];
  }
  EXPECT_GT(total, 2000);
  EXPECT_GE(max_actions, 5);
  EXPECT_GE(max_rounds, 3);
  std::vector<std::string> summary;
  for (int op = 0; op < kOpCount; ++op) {
    summary.push_back(
        absl::StrCat(kOpNames[op], " ", applied[op], "/", tried[op]));
  }
  RecordProperty("applied", absl::StrJoin(summary, ", "));
  RecordProperty("round_tripped", round_tripped);
}

// A member who answered a round and then leaves on or before the round's
// date: Journal::Validate says they were not a member on that date. Either
// RecordLeave refuses such a date, or the journal it made must load again.
TEST(ApiBuiltJournalTest, LeaveOnOrBeforeAnAnsweredRoundStillLoads) {
  struct Case {
    v1::RoundMode mode;
    absl::CivilDay left;
  };
  const Case cases[] = {
      {v1::ROUND_MODE_OPEN, Day(2026, 2, 2)},
      {v1::ROUND_MODE_CONFIDENTIAL, Day(2026, 2, 2)},
      {v1::ROUND_MODE_OPEN, Day(2026, 1, 20)},
      {v1::ROUND_MODE_CONFIDENTIAL, Day(2026, 1, 20)},
  };
  TempFolder folder;
  const std::string path = folder.File("journal.fives");
  for (const Case& c : cases) {
    SCOPED_TRACE(absl::StrCat(v1::RoundMode_Name(c.mode), ", left on ",
                              FormatCivilDate(c.left)));
    JournalBuilder b;
    b.AddMember("ann", "Ann", Day(2026, 1, 5))
        .AddMember("bob", "Bob", Day(2026, 1, 5))
        .StartRound("r1", Day(2026, 2, 2), c.mode)
        .AddResponse("r1", "ann", {3, 3, 3, 3, 3});
    absl::StatusOr<Journal> j = b.Build();
    ASSERT_TRUE(j.ok()) << j.status();
    const absl::Status leave = j->RecordLeave("ann", c.left);
    if (!leave.ok()) continue;  // refused: fine
    ASSERT_TRUE(SaveJournalFile(*j, path).ok());
    absl::StatusOr<Journal> loaded = LoadJournalFile(path);
    EXPECT_TRUE(loaded.ok())
        << "RecordLeave was accepted, SaveJournalFile wrote the journal, and "
           "LoadJournalFile refuses it: "
        << loaded.status();
    absl::StatusOr<Journal> parsed = ParseJournal(
        SerializeJournal(*j, JournalFormat::kJson), JournalFormat::kJson);
    EXPECT_TRUE(parsed.ok()) << parsed.status();
  }
}

// --- Truncation --------------------------------------------------------------

void ExpectEveryTruncationRefused(const Journal& j) {
  const std::string bytes = EncodeJournalFile(j);
  TempFolder folder;
  const std::string path = folder.File("cut.fives");
  for (size_t n = 0; n < bytes.size(); ++n) {
    SCOPED_TRACE(absl::StrCat("cut at ", n, " of ", bytes.size()));
    const std::string cut = bytes.substr(0, n);
    absl::StatusOr<Journal> decoded = DecodeJournalFile(cut);
    ASSERT_FALSE(decoded.ok());
    if (n == 0) {
      EXPECT_EQ(decoded.status().code(), absl::StatusCode::kInvalidArgument);
      EXPECT_THAT(decoded.status().message(), HasSubstr("empty"));
    } else {
      EXPECT_THAT(decoded.status().code(),
                  AnyOf(absl::StatusCode::kDataLoss,
                        absl::StatusCode::kInvalidArgument))
          << decoded.status();
    }
    WriteBytes(path, cut);
    absl::StatusOr<Journal> loaded = LoadJournalFile(path);
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.status().code(), decoded.status().code());
    EXPECT_THAT(loaded.status().message(), HasSubstr(path));
    ASSERT_EQ(ReadBytes(path), cut) << "the load changed the file";
    ASSERT_EQ(folder.List(), std::vector<std::string>{"cut.fives"});
  }
  // The whole file is fine.
  EXPECT_TRUE(DecodeJournalFile(bytes).ok());
}

TEST(JournalFileTruncationTest, EveryCutOfTheRichJournalIsRefused) {
  ExpectEveryTruncationRefused(RichJournal());
}

TEST(JournalFileTruncationTest, EveryCutOfTheMinimalJournalIsRefused) {
  ExpectEveryTruncationRefused(MinimalJournal());
}

// --- Corruption --------------------------------------------------------------

// Which part of the envelope byte `offset` belongs to.
std::string RegionOf(absl::string_view bytes, size_t offset) {
  v1::JournalFile file;
  file.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()));
  const size_t journal = file.journal().size();
  size_t len_bytes = 1;
  for (size_t v = journal; v >= 0x80; v >>= 7) ++len_bytes;
  const size_t size_value_bytes = len_bytes;  // journal_size == journal size
  struct Part {
    const char* name;
    size_t size;
  };
  const Part parts[] = {{"magic (tag, length, text)", 15},
                        {"format_version tag", 1},
                        {"format_version value", 1},
                        {"journal tag", 1},
                        {"journal length", len_bytes},
                        {"journal bytes", journal},
                        {"journal_size tag", 1},
                        {"journal_size value", size_value_bytes},
                        {"crc32 tag", 1},
                        {"crc32 value", 4}};
  size_t start = 0;
  for (const Part& p : parts) {
    if (offset < start + p.size) {
      return absl::StrCat(p.name, " (+", offset - start, ")");
    }
    start += p.size;
  }
  return "past the end";
}

void ExpectEveryFlipRefused(const Journal& j) {
  const std::string bytes = EncodeJournalFile(j);
  std::vector<std::string> undetected;
  int checked = 0;
  for (size_t offset = 0; offset < bytes.size(); ++offset) {
    for (unsigned char mask : {0x01, 0x80, 0xFF}) {
      std::string damaged = bytes;
      damaged[offset] =
          static_cast<char>(static_cast<unsigned char>(damaged[offset]) ^ mask);
      absl::StatusOr<Journal> decoded = DecodeJournalFile(damaged);
      ++checked;
      if (decoded.ok()) {
        undetected.push_back(absl::StrCat("offset ", offset, " xor 0x",
                                          absl::Hex(mask), ": ",
                                          RegionOf(bytes, offset)));
        continue;
      }
      EXPECT_THAT(
          decoded.status().code(),
          AnyOf(absl::StatusCode::kDataLoss, absl::StatusCode::kInvalidArgument,
                absl::StatusCode::kFailedPrecondition))
          << "offset " << offset << " xor " << static_cast<int>(mask) << ": "
          << decoded.status();
    }
  }
  EXPECT_EQ(checked, 3 * static_cast<int>(bytes.size()));
  EXPECT_TRUE(undetected.empty())
      << undetected.size() << " damaged files were accepted:\n"
      << absl::StrJoin(undetected, "\n");
}

TEST(JournalFileCorruptionTest, EveryFlipOfTheRichJournalIsRefused) {
  ExpectEveryFlipRefused(RichJournal());
}

TEST(JournalFileCorruptionTest, EveryFlipOfTheMinimalJournalIsRefused) {
  ExpectEveryFlipRefused(MinimalJournal());
}

// A damaged journal body is reported as a checksum mismatch.
TEST(JournalFileCorruptionTest, DamagedBodyIsAChecksumMismatch) {
  const std::string bytes = EncodeJournalFile(RichJournal());
  std::string damaged = bytes;
  damaged[bytes.size() / 2] ^= 0x10;
  absl::StatusOr<Journal> decoded = DecodeJournalFile(damaged);
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(decoded.status().message(), HasSubstr("checksum mismatch"));
}

// --- Empty, foreign and newer files ------------------------------------------

TEST(JournalFileDecodeTest, EmptyIsInvalidArgument) {
  absl::StatusOr<Journal> j = DecodeJournalFile("");
  ASSERT_FALSE(j.ok());
  EXPECT_EQ(j.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(j.status().message(), HasSubstr("empty"));
}

TEST(JournalFileDecodeTest, ForeignFilesAreNotJournals) {
  v1::Team team;
  team.set_id("mt-north");
  team.set_name("MT Noord");
  team.add_members()->set_id("ann");
  const std::string foreign[] = {
      std::string("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16),
      "hello",
      "hello\n",
      DeterministicBytes(team),
      // A bare fives.v1.Journal is not a journal file.
      SerializeJournal(RichJournal(), JournalFormat::kBinary),
      SerializeJournal(RichJournal(), JournalFormat::kJson),
      SerializeJournal(RichJournal(), JournalFormat::kText),
      std::string(100, '\0'),
  };
  for (const std::string& bytes : foreign) {
    SCOPED_TRACE(absl::CHexEscape(bytes.substr(0, 24)));
    absl::StatusOr<Journal> j = DecodeJournalFile(bytes);
    ASSERT_FALSE(j.ok());
    EXPECT_EQ(j.status().code(), absl::StatusCode::kInvalidArgument)
        << j.status();
    EXPECT_THAT(j.status().message(), HasSubstr("not a fives journal"));
  }
}

TEST(JournalFileDecodeTest, NewerFormatVersionIsFailedPrecondition) {
  Envelope e;
  e.journal = SerializeJournal(RichJournal(), JournalFormat::kBinary);
  e.format_version = 3;
  absl::StatusOr<Journal> j = DecodeJournalFile(e.Bytes());
  ASSERT_FALSE(j.ok());
  EXPECT_EQ(j.status().code(), absl::StatusCode::kFailedPrecondition)
      << j.status();
  EXPECT_THAT(j.status().message(), HasSubstr("format version 3"));
  EXPECT_THAT(j.status().message(), HasSubstr("up to version 2"));

  // Even without a checksum, the version is what the reader hears about.
  e.format_version = 7;
  e.with_crc = false;
  j = DecodeJournalFile(e.Bytes());
  ASSERT_FALSE(j.ok());
  EXPECT_EQ(j.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(j.status().message(), HasSubstr("format version 7"));

  // Through a file, the message also names the path.
  TempFolder folder;
  const std::string path = folder.File("new.fives");
  e.format_version = 3;
  e.with_crc = true;
  WriteBytes(path, e.Bytes());
  j = LoadJournalFile(path);
  ASSERT_FALSE(j.ok());
  EXPECT_EQ(j.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(j.status().message(), HasSubstr(path));
  EXPECT_THAT(j.status().message(), HasSubstr("format version 3"));
}

TEST(JournalFileDecodeTest, HandBuiltVersionsAreAccepted) {
  const Journal rich = RichJournal();
  for (uint32_t version : {1u, 2u}) {
    SCOPED_TRACE(version);
    Envelope e;
    e.format_version = version;
    e.journal = SerializeJournal(rich, JournalFormat::kBinary);
    absl::StatusOr<Journal> j = DecodeJournalFile(e.Bytes());
    ASSERT_TRUE(j.ok()) << j.status();
    // Without warning signal ticks, version 1 reads the same.
    EXPECT_TRUE(SameJournal(rich, *j));
  }
}

// --- Format version 1: signal ticks counted from 0 ---------------------------

// The ticks of a journal as (check, pillar, number), and whether any still
// sets the deprecated 0-based field.
std::vector<std::tuple<std::string, v1::Pillar, int>> Ticks(
    const Journal& j, bool* deprecated_set) {
  std::vector<std::tuple<std::string, v1::Pillar, int>> out;
  *deprecated_set = false;
  for (const v1::SignalTick& t : j.proto().charter().signals()) {
    out.emplace_back(t.check_id(), t.pillar(), t.number());
    const google::protobuf::FieldDescriptor* signal =
        t.GetDescriptor()->FindFieldByName("signal");
    *deprecated_set |= t.GetReflection()->HasField(t, signal);
  }
  return out;
}

// The demo journal as the fives command wrote it in format version 1
// (`fives demo --journal`): c1 ticked strategy:2 and structure:3, c2
// strategy:2 and steering:1, kept there as the 0-based 1, 2, 1 and 0 (the
// last one absent, being the default).
TEST(JournalFileFormat1Test, DemoJournalReadsInNumbersFrom1) {
  const std::string path =
      std::string(FIVES_TESTDATA_DIR) + "/journal_format1.fives";
  const std::string bytes = ReadBytes(path);
  v1::JournalFile file;
  ASSERT_TRUE(file.ParseFromString(bytes));
  ASSERT_EQ(file.format_version(), 1u) << "the fixture is of format 1";

  absl::StatusOr<Journal> j = LoadJournalFile(path);
  ASSERT_TRUE(j.ok()) << j.status();
  bool deprecated_set = true;
  using Tick = std::tuple<std::string, v1::Pillar, int>;
  const std::vector<Tick> expected = {{"c1", v1::PILLAR_STRATEGY, 2},
                                      {"c1", v1::PILLAR_STRUCTURE, 3},
                                      {"c2", v1::PILLAR_STRATEGY, 2},
                                      {"c2", v1::PILLAR_STEERING, 1}};
  EXPECT_EQ(Ticks(*j, &deprecated_set), expected);
  EXPECT_FALSE(deprecated_set);
  // JSON says what the screens say.
  const std::string json = SerializeJournal(*j, JournalFormat::kJson);
  EXPECT_THAT(json, HasSubstr("\"number\": 3"));
  EXPECT_THAT(json, Not(HasSubstr("\"signal\"")));

  // Saved, it is of the current version and reads back the same.
  TempFolder folder;
  const std::string saved = folder.File("saved.fives");
  ASSERT_TRUE(SaveJournalFile(*j, saved).ok());
  v1::JournalFile again;
  ASSERT_TRUE(again.ParseFromString(ReadBytes(saved)));
  EXPECT_EQ(again.format_version(), 2u);
  absl::StatusOr<Journal> back = LoadJournalFile(saved);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_TRUE(SameJournal(*j, *back));
  EXPECT_EQ(Ticks(*back, &deprecated_set), expected);
  EXPECT_FALSE(deprecated_set);
}

// A hand-built journal of each version with one tick that sets the 0-based
// field to `index`.
std::string EnvelopeWithDeprecatedTick(uint32_t version, int32_t index) {
  v1::Journal proto = RichJournal().proto();
  v1::SignalTick* t = proto.mutable_charter()->add_signals();
  t->set_check_id(proto.checks(0).id());
  t->set_pillar(v1::PILLAR_SYNERGY);
  const google::protobuf::FieldDescriptor* signal =
      t->GetDescriptor()->FindFieldByName("signal");
  t->GetReflection()->SetInt32(t, signal, index);
  Envelope e;
  e.format_version = version;
  e.journal = DeterministicBytes(proto);
  return e.Bytes();
}

TEST(JournalFileFormat1Test, OnlyVersion1IsMigrated) {
  // Version 1: the index becomes the number.
  absl::StatusOr<Journal> j =
      DecodeJournalFile(EnvelopeWithDeprecatedTick(1, 2));
  ASSERT_TRUE(j.ok()) << j.status();
  bool deprecated_set = true;
  ASSERT_EQ(Ticks(*j, &deprecated_set).size(), 1u);
  EXPECT_EQ(j->proto().charter().signals(0).number(), 3);
  EXPECT_FALSE(deprecated_set);
  // Version 1 with an index outside the catalog: refused naming it.
  j = DecodeJournalFile(EnvelopeWithDeprecatedTick(1, 3));
  ASSERT_FALSE(j.ok());
  EXPECT_EQ(j.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(j.status().message(),
              HasSubstr("charter.signals[0].number: 4 is outside the 3 "
                        "warning signals of synergy (1..3)"));
  j = DecodeJournalFile(EnvelopeWithDeprecatedTick(1, -1));
  ASSERT_FALSE(j.ok());
  EXPECT_THAT(j.status().message(), HasSubstr("charter.signals[0].signal: -1"));
  // Version 2 keeps numbers: a tick by the 0-based field is refused, not
  // read as a number.
  j = DecodeJournalFile(EnvelopeWithDeprecatedTick(2, 2));
  ASSERT_FALSE(j.ok());
  EXPECT_EQ(j.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(j.status().message(),
              HasSubstr("charter.signals[0].signal: 2: the 0-based field is "
                        "no longer read; give number (1..3)"));
}

TEST(JournalFileDecodeTest, MissingFormatVersionIsDataLoss) {
  Envelope e;
  e.journal = SerializeJournal(RichJournal(), JournalFormat::kBinary);
  e.format_version = 0;
  absl::StatusOr<Journal> j = DecodeJournalFile(e.Bytes());
  ASSERT_FALSE(j.ok());
  EXPECT_EQ(j.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(j.status().message(), HasSubstr("format version"));
}

TEST(JournalFileDecodeTest, MissingCrcIsDataLoss) {
  Envelope e;
  e.journal = SerializeJournal(RichJournal(), JournalFormat::kBinary);
  e.with_crc = false;
  absl::StatusOr<Journal> j = DecodeJournalFile(e.Bytes());
  ASSERT_FALSE(j.ok());
  EXPECT_EQ(j.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(j.status().message(), HasSubstr("checksum"));
  EXPECT_THAT(j.status().message(), HasSubstr("missing"));
}

TEST(JournalFileDecodeTest, WrongCrcIsDataLoss) {
  Envelope e;
  e.journal = SerializeJournal(RichJournal(), JournalFormat::kBinary);
  for (uint32_t crc : {0u, ZlibCrc32(e.journal) ^ 1u, 0xffffffffu}) {
    e.crc = crc;
    absl::StatusOr<Journal> j = DecodeJournalFile(e.Bytes());
    ASSERT_FALSE(j.ok()) << crc;
    EXPECT_EQ(j.status().code(), absl::StatusCode::kDataLoss);
    EXPECT_THAT(j.status().message(), HasSubstr("checksum mismatch"));
  }
}

TEST(JournalFileDecodeTest, WrongJournalSizeIsDataLoss) {
  Envelope e;
  e.journal = SerializeJournal(RichJournal(), JournalFormat::kBinary);
  const uint64_t size = e.journal.size();
  for (uint64_t wrong : {uint64_t{0}, size - 1, size + 1, uint64_t{1} << 40}) {
    e.journal_size = wrong;
    absl::StatusOr<Journal> j = DecodeJournalFile(e.Bytes());
    ASSERT_FALSE(j.ok()) << wrong;
    EXPECT_EQ(j.status().code(), absl::StatusCode::kDataLoss);
    EXPECT_THAT(j.status().message(),
                HasSubstr(absl::StrCat("the header says ", wrong)));
    EXPECT_THAT(j.status().message(), HasSubstr(absl::StrCat(size)));
  }
}

TEST(JournalFileDecodeTest, WrongMagicIsRefused) {
  Envelope e;
  e.journal = SerializeJournal(RichJournal(), JournalFormat::kBinary);
  for (const char* magic : {"fives.journaL", "fives.journal2", "", "fives"}) {
    e.magic = magic;
    absl::StatusOr<Journal> j = DecodeJournalFile(e.Bytes());
    ASSERT_FALSE(j.ok()) << magic;
    EXPECT_THAT(j.status().code(), AnyOf(absl::StatusCode::kInvalidArgument,
                                         absl::StatusCode::kDataLoss))
        << magic;
  }
}

TEST(JournalFileDecodeTest, BodyThatIsNotAJournalIsDataLoss) {
  Envelope e;
  e.journal = "\xff\xff\xff\xff";  // not a fives.v1.Journal, right CRC
  absl::StatusOr<Journal> j = DecodeJournalFile(e.Bytes());
  ASSERT_FALSE(j.ok());
  EXPECT_EQ(j.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(j.status().message(), HasSubstr("does not parse"));
}

TEST(JournalFileDecodeTest, JournalThatDoesNotValidateIsInvalidArgument) {
  v1::Journal proto = RichJournal().proto();
  ASSERT_GT(proto.actions_size(), 0);
  proto.mutable_actions(0)->set_owner_id("nobody");
  Envelope e;
  e.journal = DeterministicBytes(proto);
  absl::StatusOr<Journal> j = DecodeJournalFile(e.Bytes());
  ASSERT_FALSE(j.ok());
  EXPECT_EQ(j.status().code(), absl::StatusCode::kInvalidArgument)
      << j.status();
  EXPECT_THAT(j.status().message(), HasSubstr("not a valid journal"));
  EXPECT_THAT(j.status().message(), HasSubstr("actions[0].owner_id"));
  EXPECT_THAT(j.status().message(), HasSubstr("\"nobody\""));

  // A dangling plan reference, through a file.
  proto = RichJournal().proto();
  proto.mutable_plans(0)->set_round_id("r404");
  e.journal = DeterministicBytes(proto);
  TempFolder folder;
  const std::string path = folder.File("bad.fives");
  WriteBytes(path, e.Bytes());
  j = LoadJournalFile(path);
  ASSERT_FALSE(j.ok());
  EXPECT_EQ(j.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(j.status().message(), HasSubstr(path));
  EXPECT_THAT(j.status().message(), HasSubstr("r404"));
}

TEST(JournalFileLoadTest, MissingFileIsNotFound) {
  TempFolder folder;
  const std::string path = folder.File("absent.fives");
  absl::StatusOr<Journal> j = LoadJournalFile(path);
  ASSERT_FALSE(j.ok());
  EXPECT_EQ(j.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(j.status().message(), HasSubstr(path));
  EXPECT_THAT(j.status().message(), HasSubstr("does not exist"));
  EXPECT_TRUE(folder.List().empty());
}

TEST(JournalFileLoadTest, EmptyAndForeignFilesThroughLoad) {
  TempFolder folder;
  const std::string path = folder.File("x.fives");
  WriteBytes(path, "");
  absl::StatusOr<Journal> j = LoadJournalFile(path);
  ASSERT_FALSE(j.ok());
  EXPECT_EQ(j.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(j.status().message(), HasSubstr(path));
  EXPECT_THAT(j.status().message(), HasSubstr("empty"));

  WriteBytes(path, "hello");
  j = LoadJournalFile(path);
  ASSERT_FALSE(j.ok());
  EXPECT_EQ(j.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(j.status().message(), HasSubstr("not a fives journal"));
  EXPECT_EQ(ReadBytes(path), "hello");

  // A folder is not a journal file.
  j = LoadJournalFile(folder.path());
  EXPECT_FALSE(j.ok());
}

// --- Unknown fields of a newer schema ----------------------------------------

const std::string& TopUnknownVarint() {
  static const std::string* s = new std::string(UnknownVarintField(1000, 42));
  return *s;
}
const std::string& TopUnknownBytes() {
  static const std::string* s =
      new std::string(UnknownBytesField(1001, "future data"));
  return *s;
}

// The rich journal with fields this schema does not know: at the top, in
// the team, in a member, in a closed and an open round, in a proposed
// action.
v1::Journal WithUnknownFields(const v1::Journal& base) {
  v1::Journal p = base;
  auto add = [](google::protobuf::Message* m, const std::string& extra) {
    const std::string bytes = DeterministicBytes(*m) + extra;
    EXPECT_TRUE(m->ParseFromString(bytes));
  };
  add(p.mutable_team(), UnknownBytesField(40, "team extra"));
  add(p.mutable_team()->mutable_members(0), UnknownBytesField(50, "she/her"));
  add(p.mutable_rounds(RoundIndex(p, "r1")), UnknownVarintField(99, 7));
  add(p.mutable_rounds(RoundIndex(p, "r3")), UnknownVarintField(99, 8));
  add(p.mutable_actions(ActionIndex(p, "a4")), UnknownVarintField(77, 1));
  v1::Journal out;
  EXPECT_TRUE(out.ParseFromString(DeterministicBytes(p) + TopUnknownVarint() +
                                  TopUnknownBytes()));
  return out;
}

// Every unknown field WithUnknownFields added is still there.
void ExpectUnknownFieldsKept(const v1::Journal& p, const std::string& when) {
  SCOPED_TRACE(when);
  EXPECT_TRUE(HasUnknownVarint(p, 1000, 42));
  EXPECT_TRUE(HasUnknownBytes(p, 1001, "future data"));
  EXPECT_TRUE(HasUnknownBytes(p.team(), 40, "team extra"));
  bool member_found = false;
  for (const v1::Member& m : p.team().members()) {
    if (m.joined() == "2026-01-05" && m.display_name() == "Ann de Vries") {
      member_found = true;
      EXPECT_TRUE(HasUnknownBytes(m, 50, "she/her"));
    }
  }
  EXPECT_TRUE(member_found);
  ASSERT_GE(RoundIndex(p, "r1"), 0);
  ASSERT_GE(RoundIndex(p, "r3"), 0);
  ASSERT_GE(ActionIndex(p, "a4"), 0);
  EXPECT_TRUE(HasUnknownVarint(p.rounds(RoundIndex(p, "r1")), 99, 7));
  EXPECT_TRUE(HasUnknownVarint(p.rounds(RoundIndex(p, "r3")), 99, 8));
  EXPECT_TRUE(HasUnknownVarint(p.actions(ActionIndex(p, "a4")), 77, 1));
}

TEST(UnknownFieldsTest, TheTestJournalHasThem) {
  const v1::Journal p = WithUnknownFields(RichJournal().proto());
  ExpectUnknownFieldsKept(p, "built");
  absl::StatusOr<Journal> j = Journal::FromProto(p);
  ASSERT_TRUE(j.ok()) << j.status();
  ExpectUnknownFieldsKept(j->proto(), "FromProto");
}

TEST(UnknownFieldsTest, KeptThroughLoadAddMemberSaveReload) {
  absl::StatusOr<Journal> j =
      Journal::FromProto(WithUnknownFields(RichJournal().proto()));
  ASSERT_TRUE(j.ok()) << j.status();
  TempFolder folder;
  const std::string path = folder.File("newer.fives");
  // The file as a newer library would have written it.
  WriteBytes(path, EncodeJournalFile(*j));
  EXPECT_THAT(ReadBytes(path), HasSubstr(TopUnknownVarint()));

  absl::StatusOr<Journal> loaded = LoadJournalFile(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  ExpectUnknownFieldsKept(loaded->proto(), "first load");

  ASSERT_TRUE(loaded->AddMember("zed", "Zed", Day(2026, 4, 10)).ok());
  ExpectUnknownFieldsKept(loaded->proto(), "after AddMember");
  ASSERT_TRUE(SaveJournalFile(*loaded, path).ok());
  const std::string raw = ReadBytes(path);
  EXPECT_THAT(raw, HasSubstr(TopUnknownVarint()));
  EXPECT_THAT(raw, HasSubstr(TopUnknownBytes()));
  EXPECT_THAT(raw, HasSubstr(UnknownBytesField(50, "she/her")));

  absl::StatusOr<Journal> reloaded = LoadJournalFile(path);
  ASSERT_TRUE(reloaded.ok()) << reloaded.status();
  ExpectUnknownFieldsKept(reloaded->proto(), "reload");
  EXPECT_NE(reloaded->team().FindMember("zed"), nullptr);
  EXPECT_TRUE(SameJournal(*loaded, *reloaded));
}

// Other operations rewrite rounds, actions and members: they keep the
// unknown fields of the messages they touch too.
TEST(UnknownFieldsTest, KeptThroughOtherOperations) {
  absl::StatusOr<Journal> j =
      Journal::FromProto(WithUnknownFields(RichJournal().proto()));
  ASSERT_TRUE(j.ok()) << j.status();
  ASSERT_TRUE(j->AddResponse("r3", MakeResponse("dirk", {0, 5, 0, 1, 0})).ok());
  ExpectUnknownFieldsKept(j->proto(), "AddResponse to r3");
  ASSERT_TRUE(j->CloseRound("r3", Day(2026, 4, 8)).ok());
  ExpectUnknownFieldsKept(j->proto(), "CloseRound r3");
  ASSERT_TRUE(j->OpenAction("a4", Day(2026, 4, 8)).ok());
  ExpectUnknownFieldsKept(j->proto(), "OpenAction a4");
  ASSERT_TRUE(j->AddFeedback("a4", Day(2026, 4, 9), "eva", "Going").ok());
  ExpectUnknownFieldsKept(j->proto(), "AddFeedback a4");
  ASSERT_TRUE(j->RecordLeave("gus", Day(2026, 4, 9)).ok());
  ExpectUnknownFieldsKept(j->proto(), "RecordLeave");
  ASSERT_TRUE(j->ForgetMember("cas").ok());
  ExpectUnknownFieldsKept(j->proto(), "ForgetMember");
  TempFolder folder;
  const std::string path = folder.File("j.fives");
  ASSERT_TRUE(SaveJournalFile(*j, path).ok());
  absl::StatusOr<Journal> back = LoadJournalFile(path);
  ASSERT_TRUE(back.ok()) << back.status();
  ExpectUnknownFieldsKept(back->proto(), "saved and loaded");
  EXPECT_TRUE(SameJournal(*j, *back));
}

TEST(UnknownFieldsTest, BinaryFormatKeepsThem) {
  absl::StatusOr<Journal> j =
      Journal::FromProto(WithUnknownFields(RichJournal().proto()));
  ASSERT_TRUE(j.ok()) << j.status();
  absl::StatusOr<Journal> back = ParseJournal(
      SerializeJournal(*j, JournalFormat::kBinary), JournalFormat::kBinary);
  ASSERT_TRUE(back.ok()) << back.status();
  ExpectUnknownFieldsKept(back->proto(), "binary");
  EXPECT_TRUE(SameJournal(*j, *back));
}

// JSON and text cannot carry unknown fields: what they print must still
// parse, giving the journal without them.
TEST(UnknownFieldsTest, JsonAndTextDropThemButStillParse) {
  const v1::Journal with = WithUnknownFields(RichJournal().proto());
  absl::StatusOr<Journal> j = Journal::FromProto(with);
  ASSERT_TRUE(j.ok()) << j.status();
  v1::Journal without = with;
  without.DiscardUnknownFields();
  for (JournalFormat format : {JournalFormat::kJson, JournalFormat::kText}) {
    SCOPED_TRACE(FormatName(format));
    const std::string data = SerializeJournal(*j, format);
    absl::StatusOr<Journal> back = ParseJournal(data, format);
    ASSERT_TRUE(back.ok()) << back.status();
    EXPECT_TRUE(SameJournal(without, back->proto()));
  }
}

// --- Fault injection on save -------------------------------------------------

enum class Fault {
  kNone,
  kCreateTemp,
  kWrite,
  kPartialWrite,
  kSync,
  kClose,
  kRename,
  kSyncDir,
};

const char* FaultName(Fault f) {
  switch (f) {
    case Fault::kNone:
      return "none";
    case Fault::kCreateTemp:
      return "CreateTemp";
    case Fault::kWrite:
      return "Write";
    case Fault::kPartialWrite:
      return "PartialWrite";
    case Fault::kSync:
      return "Sync";
    case Fault::kClose:
      return "Close";
    case Fault::kRename:
      return "Rename";
    case Fault::kSyncDir:
      return "SyncDir";
  }
  return "?";
}

absl::Status Injected(Fault f) {
  return absl::UnavailableError(
      absl::StrCat("injected failure in ", FaultName(f)));
}

// What a save of `path` reports for the fault: the steps on the temporary
// file's descriptor, which know no path, get the journal's path in front.
absl::Status InjectedAt(Fault f, const std::string& path) {
  const absl::Status injected = Injected(f);
  switch (f) {
    case Fault::kWrite:
    case Fault::kPartialWrite:
    case Fault::kSync:
    case Fault::kClose:
      return absl::Status(injected.code(),
                          absl::StrCat(path, ": ", injected.message()));
    default:
      return injected;
  }
}

// The POSIX calls, with one step made to fail; records the calls.
class FaultyFileOps : public FileOps {
 public:
  explicit FaultyFileOps(Fault fault) : fault_(fault) {}

  absl::StatusOr<int> CreateTemp(std::string& path_template) override {
    calls.push_back("CreateTemp");
    template_seen = path_template;
    if (fault_ == Fault::kCreateTemp) return Injected(fault_);
    absl::StatusOr<int> fd = FileOps::CreateTemp(path_template);
    if (fd.ok()) temp_path = path_template;
    return fd;
  }
  absl::Status Write(int fd, absl::string_view data) override {
    calls.push_back("Write");
    if (fault_ == Fault::kWrite) return Injected(fault_);
    if (fault_ == Fault::kPartialWrite) {
      // Half the bytes reach the file, then the disk is full.
      absl::Status s = FileOps::Write(fd, data.substr(0, data.size() / 2));
      EXPECT_TRUE(s.ok()) << s;
      return Injected(fault_);
    }
    return FileOps::Write(fd, data);
  }
  absl::Status Sync(int fd) override {
    calls.push_back("Sync");
    if (fault_ == Fault::kSync) return Injected(fault_);
    return FileOps::Sync(fd);
  }
  absl::Status Close(int fd) override {
    calls.push_back("Close");
    // Like close(2) reporting EIO: the descriptor is gone all the same.
    absl::Status s = FileOps::Close(fd);
    if (fault_ == Fault::kClose) return Injected(fault_);
    return s;
  }
  absl::Status Rename(const std::string& from, const std::string& to) override {
    calls.push_back("Rename");
    if (fault_ == Fault::kRename) return Injected(fault_);
    return FileOps::Rename(from, to);
  }
  absl::Status SyncDir(const std::string& dir) override {
    calls.push_back("SyncDir");
    synced_dir = dir;
    if (fault_ == Fault::kSyncDir) return Injected(fault_);
    return FileOps::SyncDir(dir);
  }
  absl::StatusOr<std::vector<std::string>> ListFolder(
      const std::string& dir) override {
    calls.push_back("ListFolder");
    return FileOps::ListFolder(dir);
  }
  absl::Status Remove(const std::string& path) override {
    calls.push_back("Remove");
    removed.push_back(path);
    return FileOps::Remove(path);
  }

  std::vector<std::string> calls;
  std::string template_seen;
  std::string temp_path;
  std::string synced_dir;
  std::vector<std::string> removed;

 private:
  Fault fault_;
};

bool HasTempFile(const std::vector<std::string>& names) {
  for (const std::string& n : names) {
    if (absl::StrContains(n, ".tmp-")) return true;
  }
  return false;
}

Journal NewerJournal() {
  Journal j = RichJournal();
  EXPECT_TRUE(j.AddMember("zed", "Zed", Day(2026, 4, 10)).ok());
  return j;
}

TEST(SaveFaultTest, SuccessfulSaveMakesEveryCallInOrder) {
  TempFolder folder;
  const std::string path = folder.File("journal.fives");
  FaultyFileOps ops(Fault::kNone);
  ASSERT_TRUE(SaveJournalFile(RichJournal(), path, ops).ok());
  EXPECT_EQ(ops.calls,
            (std::vector<std::string>{"ListFolder", "CreateTemp", "Write",
                                      "Sync", "Rename", "Close", "SyncDir"}));
  // The temporary file is in the same folder, next to the journal.
  EXPECT_EQ(ops.template_seen, path + ".tmp-XXXXXX");
  EXPECT_THAT(ops.temp_path, StartsWith(path + ".tmp-"));
  EXPECT_EQ(ops.synced_dir, folder.path());
  EXPECT_TRUE(ops.removed.empty());
  EXPECT_EQ(ReadBytes(path), EncodeJournalFile(RichJournal()));
  EXPECT_EQ(folder.List(), std::vector<std::string>{"journal.fives"});
}

TEST(SaveFaultTest, FailureBeforeRenameKeepsThePreviousFile) {
  const Journal old_journal = RichJournal();
  const Journal new_journal = NewerJournal();
  for (Fault fault : {Fault::kCreateTemp, Fault::kWrite, Fault::kPartialWrite,
                      Fault::kSync, Fault::kRename}) {
    SCOPED_TRACE(FaultName(fault));
    TempFolder folder;
    const std::string path = folder.File("journal.fives");
    ASSERT_TRUE(SaveJournalFile(old_journal, path).ok());
    const std::string before = ReadBytes(path);

    FaultyFileOps ops(fault);
    const absl::Status s = SaveJournalFile(new_journal, path, ops);
    EXPECT_EQ(s, InjectedAt(fault, path));
    EXPECT_EQ(ReadBytes(path), before) << "the previous file changed";
    EXPECT_EQ(folder.List(), std::vector<std::string>{"journal.fives"})
        << "a temporary file was left";
    EXPECT_FALSE(HasTempFile(folder.List()));
    if (fault != Fault::kCreateTemp) {
      EXPECT_EQ(ops.removed, std::vector<std::string>{ops.temp_path});
    }
    EXPECT_EQ(std::count(ops.calls.begin(), ops.calls.end(), "Close"),
              fault == Fault::kCreateTemp ? 0 : 1)
        << "the temporary file's descriptor is closed exactly once";
    EXPECT_EQ(std::count(ops.calls.begin(), ops.calls.end(), "SyncDir"), 0);
    absl::StatusOr<Journal> loaded = LoadJournalFile(path);
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    EXPECT_TRUE(SameJournal(old_journal, *loaded));
  }
}

// A shared file (a report) whose mode cannot be set: the error, the
// previous file as it was and no temporary file left.
TEST(SaveFaultTest, ChmodFailureOfASharedFileKeepsThePreviousFile) {
  class FailingChmod : public FileOps {
   public:
    absl::Status Chmod(int, unsigned) override {
      return absl::PermissionDeniedError("chmod refused");
    }
  };
  TempFolder folder;
  const std::string path = folder.File("report.md");
  FileOps posix;
  ASSERT_TRUE(
      WriteFileAtomically(path, "old", posix, true, FileAccess::kAsUmask).ok());
  FailingChmod ops;
  EXPECT_EQ(WriteFileAtomically(path, "new", ops, true, FileAccess::kAsUmask),
            absl::PermissionDeniedError(path + ": chmod refused"));
  EXPECT_EQ(ReadBytes(path), "old");
  EXPECT_EQ(folder.List(), std::vector<std::string>{"report.md"});
  // A private file (a journal) never asks for a mode.
  EXPECT_TRUE(WriteFileAtomically(path, "new", ops, true).ok());
  EXPECT_EQ(ReadBytes(path), "new");
}

TEST(SaveFaultTest, FailureBeforeRenameWithNoPreviousFileLeavesNothing) {
  for (Fault fault : {Fault::kCreateTemp, Fault::kWrite, Fault::kPartialWrite,
                      Fault::kSync, Fault::kRename}) {
    SCOPED_TRACE(FaultName(fault));
    TempFolder folder;
    const std::string path = folder.File("journal.fives");
    FaultyFileOps ops(fault);
    EXPECT_EQ(SaveJournalFile(RichJournal(), path, ops),
              InjectedAt(fault, path));
    EXPECT_TRUE(folder.List().empty());
    absl::StatusOr<Journal> loaded = LoadJournalFile(path);
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.status().code(), absl::StatusCode::kNotFound);
  }
}

// The temporary file is closed after the rename (it stays locked until it
// is in place): a close or folder fsync failure comes with the new file in
// place, its bytes fsync'ed.
TEST(SaveFaultTest, FailureAfterRenameIsReportedWithTheNewFileInPlace) {
  for (Fault fault : {Fault::kClose, Fault::kSyncDir}) {
    SCOPED_TRACE(FaultName(fault));
    TempFolder folder;
    const std::string path = folder.File("journal.fives");
    ASSERT_TRUE(SaveJournalFile(RichJournal(), path).ok());
    const Journal new_journal = NewerJournal();
    FaultyFileOps ops(fault);
    EXPECT_EQ(SaveJournalFile(new_journal, path, ops), InjectedAt(fault, path));
    EXPECT_EQ(ReadBytes(path), EncodeJournalFile(new_journal));
    EXPECT_EQ(folder.List(), std::vector<std::string>{"journal.fives"});
    EXPECT_TRUE(ops.removed.empty());
    EXPECT_EQ(std::count(ops.calls.begin(), ops.calls.end(), "Close"), 1);
    absl::StatusOr<Journal> loaded = LoadJournalFile(path);
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    EXPECT_TRUE(SameJournal(new_journal, *loaded));
  }
}

TEST(SaveFaultTest, SavingOverAMissingFileWorks) {
  TempFolder folder;
  const std::string path = folder.File("first.fives");
  ASSERT_TRUE(folder.List().empty());
  const absl::Status s = SaveJournalFile(RichJournal(), path);
  ASSERT_TRUE(s.ok()) << s;
  EXPECT_EQ(folder.List(), std::vector<std::string>{"first.fives"});
  absl::StatusOr<Journal> loaded = LoadJournalFile(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_TRUE(SameJournal(RichJournal(), *loaded));
  // And saving again over it replaces it.
  const Journal newer = NewerJournal();
  ASSERT_TRUE(SaveJournalFile(newer, path).ok());
  EXPECT_EQ(ReadBytes(path), EncodeJournalFile(newer));
  EXPECT_EQ(folder.List(), std::vector<std::string>{"first.fives"});
}

TEST(SaveFaultTest, SavingIntoAMissingFolderFailsCleanly) {
  TempFolder folder;
  const std::string missing = folder.File("missing");
  const std::string path = missing + "/journal.fives";
  const absl::Status s = SaveJournalFile(RichJournal(), path);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), absl::StatusCode::kNotFound) << s;
  EXPECT_THAT(s.message(), HasSubstr(missing));
  EXPECT_FALSE(fs::exists(missing));
  EXPECT_TRUE(folder.List().empty());
}

TEST(SaveFaultTest, EmptyPathIsRefused) {
  FaultyFileOps ops(Fault::kNone);
  const absl::Status s = SaveJournalFile(RichJournal(), "", ops);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(s.message(), HasSubstr("path"));
  EXPECT_TRUE(ops.calls.empty());
}

// --- Importing JSON, text and binary -----------------------------------------

TEST(ParseJournalTest, JsonRefusesUnknownFields) {
  const std::string json =
      "{\"team\": {\"id\": \"mt\", \"name\": \"MT\"}, \"colour\": \"red\"}";
  absl::StatusOr<Journal> j = ParseJournal(json, JournalFormat::kJson);
  ASSERT_FALSE(j.ok());
  EXPECT_EQ(j.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(j.status().message(), HasSubstr("journal JSON"));
  EXPECT_THAT(j.status().message(), HasSubstr("colour"));

  // The same without the stranger is fine.
  j = ParseJournal("{\"team\": {\"id\": \"mt\", \"name\": \"MT\"}}",
                   JournalFormat::kJson);
  ASSERT_TRUE(j.ok()) << j.status();
  EXPECT_EQ(j->proto().team().id(), "mt");

  // An unknown field deep inside, in an exported journal.
  std::string exported = SerializeJournal(RichJournal(), JournalFormat::kJson);
  const size_t at = exported.find("\"visible_result\"");
  ASSERT_NE(at, std::string::npos);
  exported.insert(at, "\"colour\": \"red\", ");
  j = ParseJournal(exported, JournalFormat::kJson);
  ASSERT_FALSE(j.ok());
  EXPECT_EQ(j.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(j.status().message(), HasSubstr("journal JSON"));
}

TEST(ParseJournalTest, MalformedJsonIsInvalidArgument) {
  const std::string exported =
      SerializeJournal(RichJournal(), JournalFormat::kJson);
  const std::string bad[] = {
      "",
      "{",
      "{\"team\": ",
      "[]",
      "null",
      "{\"team\": {\"id\": 5}}",
      "{\"nextAction\": \"many\"}",
      "{\"rounds\": [{\"mode\": \"ROUND_MODE_SOMETIMES\"}]}",
      exported.substr(0, exported.size() / 2),
      "hello",
  };
  for (const std::string& json : bad) {
    SCOPED_TRACE(json.substr(0, 60));
    absl::StatusOr<Journal> j = ParseJournal(json, JournalFormat::kJson);
    ASSERT_FALSE(j.ok());
    EXPECT_EQ(j.status().code(), absl::StatusCode::kInvalidArgument)
        << j.status();
    EXPECT_THAT(j.status().message(), HasSubstr("journal JSON"));
  }
}

TEST(ParseJournalTest, JsonThatDoesNotValidateIsInvalidArgument) {
  // Parses, but a journal needs a team.
  absl::StatusOr<Journal> j = ParseJournal("{}", JournalFormat::kJson);
  ASSERT_FALSE(j.ok());
  EXPECT_EQ(j.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(j.status().message(), HasSubstr("team"));
}

TEST(ParseJournalTest, TextRefusesUnknownFieldsAndMalformedText) {
  const std::string exported =
      SerializeJournal(RichJournal(), JournalFormat::kText);
  const std::string bad[] = {
      "team { id: \"mt\" name: \"MT\" } colour: \"red\"",
      "team { id: \"mt\" name: \"MT\" colour: 1 }",
      "team {",
      "team { id: mt }",
      "next_action: \"many\"",
      "rounds { mode: ROUND_MODE_SOMETIMES }",
      "hello",
      "{\"team\": {}}",
      exported.substr(0, exported.size() / 2),
  };
  for (const std::string& text : bad) {
    SCOPED_TRACE(text.substr(0, 60));
    absl::StatusOr<Journal> j = ParseJournal(text, JournalFormat::kText);
    ASSERT_FALSE(j.ok());
    EXPECT_EQ(j.status().code(), absl::StatusCode::kInvalidArgument)
        << j.status();
    EXPECT_THAT(j.status().message(), HasSubstr("journal text"));
  }
  absl::StatusOr<Journal> j =
      ParseJournal("team { id: \"mt\" name: \"MT\" }", JournalFormat::kText);
  ASSERT_TRUE(j.ok()) << j.status();
  // Empty text parses to an empty journal, which does not validate.
  j = ParseJournal("", JournalFormat::kText);
  ASSERT_FALSE(j.ok());
  EXPECT_EQ(j.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(ParseJournalTest, GarbageBinaryIsRefused) {
  const std::string exported =
      SerializeJournal(RichJournal(), JournalFormat::kBinary);
  const std::string bad[] = {
      std::string("\xff\xff\xff\xff\xff", 5),
      std::string("\x0a\x80", 2),  // a length that never ends
      std::string("\x0a\x10"
                  "abc",
                  5),          // a length past the end
      std::string("\x00", 1),  // field number 0
      "hello",
      exported.substr(0, exported.size() - 1),
  };
  for (const std::string& data : bad) {
    SCOPED_TRACE(absl::CHexEscape(data.substr(0, 16)));
    absl::StatusOr<Journal> j = ParseJournal(data, JournalFormat::kBinary);
    ASSERT_FALSE(j.ok());
    EXPECT_EQ(j.status().code(), absl::StatusCode::kInvalidArgument)
        << j.status();
  }
  absl::StatusOr<Journal> j =
      ParseJournal(std::string("\xff\xff\xff\xff", 4), JournalFormat::kBinary);
  ASSERT_FALSE(j.ok());
  EXPECT_THAT(j.status().message(), HasSubstr("not a fives.v1.Journal"));
}

TEST(ParseJournalTest, ValidBytesOfAnInvalidJournalAreInvalidArgument) {
  v1::Journal proto = RichJournal().proto();
  proto.mutable_actions(0)->set_owner_id("nobody");
  for (JournalFormat format : kAllFormats) {
    SCOPED_TRACE(FormatName(format));
    std::string data;
    switch (format) {
      case JournalFormat::kBinary:
        data = DeterministicBytes(proto);
        break;
      case JournalFormat::kJson:
        data = SerializeJournal(RichJournal(), format);
        data.replace(data.find("\"owner_id\": \"ann\""),
                     std::string("\"owner_id\": \"ann\"").size(),
                     "\"owner_id\": \"nobody\"");
        break;
      case JournalFormat::kText:
        data = proto.DebugString();
        break;
    }
    absl::StatusOr<Journal> j = ParseJournal(data, format);
    ASSERT_FALSE(j.ok());
    EXPECT_EQ(j.status().code(), absl::StatusCode::kInvalidArgument)
        << j.status();
    EXPECT_THAT(j.status().message(), HasSubstr("owner_id"));
    EXPECT_THAT(j.status().message(), HasSubstr("nobody"));
  }
}

}  // namespace
}  // namespace fives
