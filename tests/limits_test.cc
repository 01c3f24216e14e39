// The limits of limits.h: each at the limit and one past it, on every path
// a journal comes in by (journal file and binary bytes, checked before they
// are parsed; JSON; text; a message from the host) and through the
// operation that would grow a journal past it. The expected counts are
// those of the journals the builders make, counted by hand from their
// descriptions (journal_builder.h, charter_fixture.h).
#include "fives/limits.h"

#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "charter_fixture.h"
#include "fives/journal.h"
#include "fives/journal_io.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "journal_builder.h"

namespace fives {
namespace {

using ::fives::journal_builder::BuildRichJournal;
using ::fives::journal_builder::Day;
using ::fives::journal_builder::MakeActionInput;
using ::fives::journal_builder::MakeResponse;
using ::testing::HasSubstr;

// Sets a limit for one test and restores the default after it.
class ScopedLimit {
 public:
  ScopedLimit(Limit limit, int64_t value) : limit_(limit) {
    EXPECT_TRUE(SetLimit(limit, value).ok());
  }
  ~ScopedLimit() { EXPECT_TRUE(SetLimit(limit_, 0).ok()); }

 private:
  Limit limit_;
};

// A journal as it is stored, in every form it can come back in; made
// under the default limits.
struct Stored {
  explicit Stored(const Journal& j)
      : proto(j.proto()),
        file(EncodeJournalFile(j)),
        binary(SerializeJournal(j, JournalFormat::kBinary)),
        json(SerializeJournal(j, JournalFormat::kJson)),
        text(SerializeJournal(j, JournalFormat::kText)) {}
  explicit Stored(const v1::Journal& p) : Stored(*Journal::FromProto(p)) {}

  v1::Journal proto;
  std::string file, binary, json, text;
};

// Every way in gives OK.
void ExpectLoads(const Stored& s) {
  EXPECT_TRUE(DecodeJournalFile(s.file).ok())
      << DecodeJournalFile(s.file).status();
  EXPECT_TRUE(ParseJournal(s.binary, JournalFormat::kBinary).ok());
  EXPECT_TRUE(ParseJournal(s.json, JournalFormat::kJson).ok());
  EXPECT_TRUE(ParseJournal(s.text, JournalFormat::kText).ok());
  EXPECT_TRUE(Journal::FromProto(s.proto).ok());
}

// Every way in gives RESOURCE_EXHAUSTED with `message` (a journal file's
// prefixed with "journal file: ").
void ExpectRefused(const Stored& s, const std::string& message) {
  const absl::Status statuses[] = {
      ParseJournal(s.binary, JournalFormat::kBinary).status(),
      ParseJournal(s.json, JournalFormat::kJson).status(),
      ParseJournal(s.text, JournalFormat::kText).status(),
      Journal::FromProto(s.proto).status()};
  for (const absl::Status& st : statuses) {
    EXPECT_EQ(st.code(), absl::StatusCode::kResourceExhausted) << st;
    EXPECT_EQ(st.message(), message);
  }
  const absl::Status file = DecodeJournalFile(s.file).status();
  EXPECT_EQ(file.code(), absl::StatusCode::kResourceExhausted) << file;
  EXPECT_EQ(file.message(), "journal file: " + message);
}

// Members ann, bob, cas (joined 2026-01-05); open round r1 of 2026-02-02
// answered by all three, closed 2026-02-06.
Journal SmallTeam() {
  Journal j = *Journal::Create("t", "Team");
  for (const char* id : {"ann", "bob", "cas"}) {
    EXPECT_TRUE(j.AddMember(id, id, Day(2026, 1, 5)).ok());
  }
  EXPECT_TRUE(j.StartRound(j.NewRoundOptions("r1", Day(2026, 2, 2),
                                             v1::ROUND_MODE_OPEN))
                  .ok());
  for (const char* id : {"ann", "bob", "cas"}) {
    EXPECT_TRUE(j.AddResponse("r1", MakeResponse(id, {4, 3, 2, 4, 5})).ok());
  }
  EXPECT_TRUE(j.CloseRound("r1", Day(2026, 2, 6)).ok());
  return j;
}

PlanInput TwoActions() {
  PlanInput p;
  p.round_id = "r1";
  p.created = Day(2026, 2, 10);
  p.focus = Pillar::kStructure;
  p.actions = {MakeActionInput("Decision log", "Log in the drive", "ann"),
               MakeActionInput("Roles", "Page on the wall", "bob")};
  return p;
}

TEST(LimitsTest, DefaultsNamesAndRanges) {
  // The figures the header documents.
  const std::pair<Limit, int64_t> defaults[] = {{Limit::kInputBytes, 32 << 20},
                                                {Limit::kMembers, 1000},
                                                {Limit::kRounds, 1000},
                                                {Limit::kActions, 10000},
                                                {Limit::kFeedback, 1000},
                                                {Limit::kChecks, 1000},
                                                {Limit::kCharterEntries, 1000},
                                                {Limit::kIdBytes, 64},
                                                {Limit::kNameBytes, 256},
                                                {Limit::kTextBytes, 16384},
                                                {Limit::kDepth, 32}};
  for (const auto& [limit, value] : defaults) {
    EXPECT_EQ(GetLimit(limit), value) << static_cast<int>(limit);
  }
  EXPECT_EQ(*LimitFromName("charter_entries"), Limit::kCharterEntries);
  EXPECT_EQ(LimitFromName("people").status().message(),
            "limit: \"people\" is not a limit (input_bytes, members, rounds, "
            "actions, feedback, checks, charter_entries, id_bytes, "
            "name_bytes, text_bytes, depth)");

  ASSERT_TRUE(SetLimit(Limit::kMembers, 5).ok());
  EXPECT_EQ(GetLimit(Limit::kMembers), 5);
  // Out of range: refused, the value kept.
  for (int64_t bad : {int64_t{-1}, int64_t{10'000'001}}) {
    const absl::Status s = SetLimit(Limit::kMembers, bad);
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(GetLimit(Limit::kMembers), 5);
  }
  EXPECT_EQ(SetLimit(Limit::kMembers, -1).message(),
            "members: -1 is outside 1..10000000 (0 restores the default, "
            "1000)");
  EXPECT_TRUE(SetLimit(Limit::kMembers, 10'000'000).ok());
  ASSERT_TRUE(SetLimit(Limit::kMembers, 0).ok());
  EXPECT_EQ(GetLimit(Limit::kMembers), 1000);
  EXPECT_EQ(SetLimit(static_cast<Limit>(12), 1).message(),
            "limit: 12 is not a limit (1..11)");
  EXPECT_EQ(GetLimit(static_cast<Limit>(0)), 0);
}

// The rich journal: 8 members, 3 rounds, 5 actions (a1 with 3 feedback
// entries), 1 check.
TEST(JournalLimitsTest, CountsOfTheRichJournal) {
  const Stored rich(*BuildRichJournal());
  struct Case {
    Limit limit;
    int64_t count;
    std::string message;
  };
  const Case cases[] = {
      {Limit::kMembers, 8,
       "team.members: 8 entries, more than the limit of 7 (\"members\")"},
      {Limit::kRounds, 3,
       "rounds: 3 entries, more than the limit of 2 (\"rounds\")"},
      {Limit::kActions, 5,
       "actions: 5 entries, more than the limit of 4 (\"actions\")"},
      {Limit::kFeedback, 3,
       "actions[0].feedback: 3 entries, more than the limit of 2 "
       "(\"feedback\")"},
      {Limit::kChecks, 1,
       "checks: 1 entries, more than the limit of 0 (\"checks\")"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.message);
    {
      ScopedLimit at(c.limit, c.count);
      ExpectLoads(rich);
    }
    if (c.count == 1) {
      // A limit is at least 1: a journal with one check is always allowed.
      EXPECT_FALSE(SetLimit(c.limit, -1).ok());
      continue;
    }
    ScopedLimit past(c.limit, c.count - 1);
    ExpectRefused(rich, c.message);
  }
}

// The lengths of the rich journal's strings: the longest id is
// "forgotten-1" (11 bytes, fien's pseudonym, moved to the end of the
// members: index 7); the longest name the team's, "MT Noord — "Zuid""
// (19 bytes); the longest other text p1's note (45 bytes).
TEST(JournalLimitsTest, StringLengthsOfTheRichJournal) {
  const Stored rich(*BuildRichJournal());
  struct Case {
    Limit limit;
    int64_t length;
    std::string message;
  };
  const Case cases[] = {
      {Limit::kIdBytes, 11,
       "team.members[7].id: 11 bytes, more than the limit of 10 "
       "(\"id_bytes\")"},
      {Limit::kNameBytes, 19,
       "team.name: 19 bytes, more than the limit of 18 (\"name_bytes\")"},
      {Limit::kTextBytes, 45,
       "plans[0].note: 45 bytes, more than the limit of 44 (\"text_bytes\")"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.message);
    {
      ScopedLimit at(c.limit, c.length);
      ExpectLoads(rich);
    }
    ScopedLimit past(c.limit, c.length - 1);
    ExpectRefused(rich, c.message);
  }
}

// The full charter: 4 priorities, 1 not-doing, 1 checked decision, 5
// styles, 2 rules, 1 decision, 4 meeting blocks, 1 topic owner, 6 KPIs, 6
// moments, 1 communication rule, 1 risk and 1 goal: 34 entries.
TEST(JournalLimitsTest, CharterEntries) {
  using charter_fixture::FullCharter;
  const Stored with_charter(charter_fixture::WithCharter(FullCharter()));
  {
    ScopedLimit at(Limit::kCharterEntries, 34);
    ExpectLoads(with_charter);
  }
  ScopedLimit past(Limit::kCharterEntries, 33);
  ExpectRefused(with_charter,
                "charter: 34 entries, more than the limit of 33 "
                "(\"charter_entries\")");
  // Setting it: refused before anything is stamped, the journal unchanged.
  Journal j = *Journal::FromProto(charter_fixture::BaseJournal());
  const std::string before = j.proto().SerializeAsString();
  const absl::Status s = j.SetCharter(FullCharter(), charter_fixture::kAsOf);
  EXPECT_EQ(s.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(s.message(),
            "charter: 34 entries, more than the limit of 33 "
            "(\"charter_entries\")");
  EXPECT_EQ(j.proto().SerializeAsString(), before);
}

// A round's responses and participants are members: a stored round with
// more of them than the members limit is refused before anything else is
// looked at (the ids need not even be members).
TEST(JournalLimitsTest, ResponsesOfOneRound) {
  v1::Journal proto = SmallTeam().proto();
  ScopedLimit members(Limit::kMembers, 3);
  EXPECT_TRUE(Journal::FromProto(proto).ok());
  *proto.mutable_rounds(0)->add_responses() =
      MakeResponse("zoe", {1, 1, 1, 1, 1});
  const std::string bytes = proto.SerializeAsString();
  const std::string message =
      "rounds[0].responses: 4 entries, more than the limit of 3 "
      "(\"members\")";
  EXPECT_EQ(ParseJournal(bytes, JournalFormat::kBinary).status().message(),
            message);
  EXPECT_EQ(Journal::FromProto(proto).status().message(), message);
}

TEST(JournalLimitsTest, NestingDepthOfJsonAndText) {
  // The rich journal nests 7 levels in JSON (journal, rounds, a round, its
  // responses, a response, its scores, a score) and 3 in text format (a
  // round, a response, a score: the journal itself has no braces).
  const Stored rich(*BuildRichJournal());
  {
    ScopedLimit at(Limit::kDepth, 7);
    EXPECT_TRUE(ParseJournal(rich.json, JournalFormat::kJson).ok());
  }
  {
    ScopedLimit at(Limit::kDepth, 3);
    EXPECT_TRUE(ParseJournal(rich.text, JournalFormat::kText).ok());
  }
  ScopedLimit past(Limit::kDepth, 2);
  const absl::Status json =
      ParseJournal(rich.json, JournalFormat::kJson).status();
  EXPECT_EQ(json.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(json.message(),
            "journal JSON: 7 levels, more than the limit of 2 (\"depth\")");
  const absl::Status text =
      ParseJournal(rich.text, JournalFormat::kText).status();
  EXPECT_EQ(text.message(),
            "journal text: 3 levels, more than the limit of 2 (\"depth\")");
  // Brackets inside strings do not count.
  EXPECT_TRUE(ParseJournal(R"({"team": {"id": "t", "name": "[[[{{{"}})",
                           JournalFormat::kJson)
                  .status()
                  .message()
                  .find("depth") == absl::string_view::npos);
  // Deep input of no use is refused before protobuf's parser sees it.
  const std::string deep = std::string(1000, '[') + std::string(1000, ']');
  EXPECT_EQ(ParseJournal(deep, JournalFormat::kJson).status().code(),
            absl::StatusCode::kResourceExhausted);
}

TEST(JournalLimitsTest, InputBytes) {
  const Stored rich(*BuildRichJournal());
  const int64_t size = static_cast<int64_t>(rich.binary.size());
  {
    ScopedLimit at(Limit::kInputBytes, size);
    EXPECT_TRUE(ParseJournal(rich.binary, JournalFormat::kBinary).ok());
  }
  ScopedLimit past(Limit::kInputBytes, size - 1);
  const absl::Status s =
      ParseJournal(rich.binary, JournalFormat::kBinary).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(s.message(),
            absl::StrCat("data: ", size, " bytes, more than the limit of ",
                         size - 1, " (\"input_bytes\")"));
}

// A binary journal that claims a million members in a few bytes each is
// refused by its counts before it is parsed into memory.
TEST(JournalLimitsTest, ManyTinyEntriesAreCountedBeforeTheParse) {
  std::string team;
  team += '\x0a';  // Team.id, 1 byte
  team += '\x01';
  team += 't';
  for (int i = 0; i < 1'000'000; ++i) {
    team += '\x1a';  // Team.members, empty
    team += '\x00';
  }
  std::string journal;
  journal += '\x0a';  // Journal.team
  // The length as a varint.
  uint32_t n = static_cast<uint32_t>(team.size());
  while (n >= 0x80) {
    journal += static_cast<char>((n & 0x7f) | 0x80);
    n >>= 7;
  }
  journal += static_cast<char>(n);
  journal += team;
  const absl::Status s = ParseJournal(journal, JournalFormat::kBinary).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(s.message(),
            "team.members: 1001 entries, more than the limit of 1000 "
            "(\"members\")");
}

// Past 1 MiB, string lengths are checked on the wire before the parse,
// with the same message as after it.
TEST(JournalLimitsTest, LongTextInALargeJournalIsNamedOnTheWire) {
  Journal j = SmallTeam();
  ASSERT_TRUE(j.CreatePlan(TwoActions()).ok());
  v1::Journal proto = j.proto();
  for (int i = 0; i < 80; ++i) {
    v1::Feedback* f = proto.mutable_actions(0)->add_feedback();
    f->set_date("2026-02-12");
    f->set_author_id("bob");
    f->set_text(std::string(i < 79 ? 15000 : 16385, 'x'));
  }
  const std::string bytes = proto.SerializeAsString();
  ASSERT_GT(bytes.size(), size_t{1} << 20);
  const std::string message =
      "actions[0].feedback[79].text: 16385 bytes, more than the limit of "
      "16384 (\"text_bytes\")";
  const absl::Status wire =
      ParseJournal(bytes, JournalFormat::kBinary).status();
  EXPECT_EQ(wire.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(wire.message(), message);
  EXPECT_EQ(Journal::FromProto(proto).status().message(), message);
}

// Each operation that grows a list: allowed up to the limit, refused one
// past it with the journal unchanged.
TEST(JournalLimitsTest, OperationsStopAtTheLimit) {
  auto expect_refused = [](const Journal& j, const std::string& before,
                           const absl::Status& s, const std::string& message) {
    EXPECT_EQ(s.code(), absl::StatusCode::kResourceExhausted) << s;
    EXPECT_EQ(s.message(), message);
    EXPECT_EQ(j.proto().SerializeAsString(), before);
  };
  {
    ScopedLimit limit(Limit::kMembers, 3);
    Journal j = SmallTeam();  // three members: at the limit
    const std::string before = j.proto().SerializeAsString();
    expect_refused(j, before, j.AddMember("dirk", "Dirk", Day(2026, 3, 1)),
                   "team.members: 4 entries, more than the limit of 3 "
                   "(\"members\")");
  }
  {
    ScopedLimit limit(Limit::kRounds, 1);
    Journal j = SmallTeam();
    const std::string before = j.proto().SerializeAsString();
    expect_refused(j, before,
                   j.StartRound(j.NewRoundOptions("r2", Day(2026, 3, 2),
                                                  v1::ROUND_MODE_OPEN)),
                   "rounds: 2 entries, more than the limit of 1 (\"rounds\")");
  }
  {
    ScopedLimit limit(Limit::kActions, 1);
    Journal j = SmallTeam();
    const std::string before = j.proto().SerializeAsString();
    expect_refused(j, before, j.CreatePlan(TwoActions()).status(),
                   "actions: 2 entries, more than the limit of 1 "
                   "(\"actions\")");
  }
  {
    ScopedLimit limit(Limit::kActions, 2);
    Journal j = SmallTeam();
    EXPECT_TRUE(j.CreatePlan(TwoActions()).ok());
  }
  {
    ScopedLimit limit(Limit::kFeedback, 1);
    Journal j = SmallTeam();
    ASSERT_TRUE(j.CreatePlan(TwoActions()).ok());
    ASSERT_TRUE(j.OpenAction("a1", Day(2026, 2, 11)).ok());
    EXPECT_TRUE(j.AddFeedback("a1", Day(2026, 2, 12), "bob", "Started").ok());
    const std::string before = j.proto().SerializeAsString();
    expect_refused(j, before,
                   j.AddFeedback("a1", Day(2026, 2, 13), "cas", "Going"),
                   "action.feedback: 2 entries, more than the limit of 1 "
                   "(\"feedback\")");
  }
  {
    ScopedLimit limit(Limit::kChecks, 1);
    Journal j = SmallTeam();
    CheckInput check;
    check.date = Day(2026, 3, 25);
    EXPECT_TRUE(j.RecordCheck(check).ok());
    const std::string before = j.proto().SerializeAsString();
    check.date = Day(2026, 5, 6);
    expect_refused(j, before, j.RecordCheck(check).status(),
                   "checks: 2 entries, more than the limit of 1 (\"checks\")");
  }
  {
    ScopedLimit ids(Limit::kIdBytes, 4);
    ScopedLimit names(Limit::kNameBytes, 5);
    ScopedLimit texts(Limit::kTextBytes, 12);  // dates are 10
    Journal j = *Journal::Create("t", "Team");
    EXPECT_TRUE(j.AddMember("anna", "Annie", Day(2026, 1, 5)).ok());
    const std::string before = j.proto().SerializeAsString();
    expect_refused(j, before, j.AddMember("bram1", "Bram", Day(2026, 1, 5)),
                   "member.id: 5 bytes, more than the limit of 4 "
                   "(\"id_bytes\")");
    expect_refused(j, before, j.AddMember("bram", "Bramse", Day(2026, 1, 5)),
                   "member.display_name: 6 bytes, more than the limit of 5 "
                   "(\"name_bytes\")");
    ASSERT_TRUE(j.StartRound(j.NewRoundOptions("r1", Day(2026, 2, 2),
                                               v1::ROUND_MODE_OPEN))
                    .ok());
    ASSERT_TRUE(
        j.AddResponse("r1", MakeResponse("anna", {4, 3, 2, 4, 5})).ok());
    ASSERT_TRUE(j.CloseRound("r1", Day(2026, 2, 6)).ok());
    PlanInput plan;
    plan.round_id = "r1";
    plan.created = Day(2026, 2, 10);
    plan.focus = Pillar::kStructure;
    plan.actions = {MakeActionInput("Log", "Drive", "anna"),
                    MakeActionInput("Roles", "Wall", "anna")};
    plan.note = "1234567890123";
    const std::string planned = j.proto().SerializeAsString();
    expect_refused(j, planned, j.CreatePlan(plan).status(),
                   "plan.note: 13 bytes, more than the limit of 12 "
                   "(\"text_bytes\")");
    plan.note = "123456789012";
    EXPECT_TRUE(j.CreatePlan(plan).ok());
  }
}

}  // namespace
}  // namespace fives
