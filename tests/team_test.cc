#include "fives/team.h"

#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/escaping.h"
#include "absl/time/civil_time.h"
#include "fives/civil_date.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "proto_testing.h"

namespace fives {
namespace {

using ::fives::proto_testing::SameProto;
using ::testing::HasSubstr;

absl::CivilDay Day(int y, int m, int d) { return absl::CivilDay(y, m, d); }

// Equality of two messages, with both printed on failure.
Team MakeTeam() {
  absl::StatusOr<Team> team = Team::Create("mt-north", "MT Noord");
  EXPECT_TRUE(team.ok()) << team.status();
  return *std::move(team);
}

std::vector<std::string> MemberIds(const Team& team) {
  std::vector<std::string> ids;
  for (const v1::Member& m : team.proto().members()) ids.push_back(m.id());
  return ids;
}

// The invalid id forms of IsValidId: empty, 65 characters, a space, a slash
// and non-ASCII (é in UTF-8).
// Ids of a wrong form (INVALID_ARGUMENT). An id one byte past the id_bytes
// limit (64) is RESOURCE_EXHAUSTED: see IdPastTheLimit below.
const std::vector<std::string>& InvalidIds() {
  static const auto* ids =
      new std::vector<std::string>{"", "ann smit", "ann/smit", "ren\xC3\xA9"};
  return *ids;
}

// --- IsValidId / ValidateId --------------------------------------------------

TEST(TeamIsValidIdTest, AcceptsEveryAllowedCharacterUpTo64) {
  EXPECT_TRUE(IsValidId("a"));
  EXPECT_TRUE(IsValidId("Az09._-"));
  EXPECT_TRUE(IsValidId(std::string(64, 'x')));
}

TEST(TeamIsValidIdTest, IdPastTheLimitIsResourceExhaustedEveryWay) {
  const std::string id(65, 'a');
  EXPECT_FALSE(IsValidId(id));
  const absl::Status created = Team::Create(id, "MT").status();
  EXPECT_EQ(created.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(created.message(),
            "team.id: 65 bytes, more than the limit of 64 (\"id_bytes\")");
  Team team = *Team::Create("mt", "MT");
  const absl::Status added =
      team.AddMember(id, "M", absl::CivilDay(2026, 1, 5));
  EXPECT_EQ(added.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(added.message(),
            "member.id: 65 bytes, more than the limit of 64 (\"id_bytes\")");
  v1::Team proto = team.proto();
  proto.set_id(id);
  EXPECT_EQ(Team::FromProto(proto).status().code(),
            absl::StatusCode::kResourceExhausted);
}

TEST(TeamIsValidIdTest, RejectsEachInvalidForm) {
  for (const std::string& id : InvalidIds()) {
    SCOPED_TRACE(absl::CHexEscape(id));
    EXPECT_FALSE(IsValidId(id));
  }
  EXPECT_FALSE(IsValidId("a:b"));
  EXPECT_FALSE(IsValidId(std::string("a\0b", 3)));
}

TEST(TeamValidateIdTest, MessageNamesFieldAndValue) {
  const absl::Status s = ValidateId("ann/smit", "member.id");
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(s.message()), HasSubstr("member.id"));
  EXPECT_THAT(std::string(s.message()), HasSubstr("\"ann/smit\""));
  EXPECT_TRUE(ValidateId("ann.smit", "member.id").ok());
}

// --- Team::Create ------------------------------------------------------------

TEST(TeamCreateTest, ValidIdAndName) {
  absl::StatusOr<Team> team = Team::Create("Team_1.a-b", "MT Zuid");
  ASSERT_TRUE(team.ok()) << team.status();
  EXPECT_EQ(team->id(), "Team_1.a-b");
  EXPECT_EQ(team->name(), "MT Zuid");
  EXPECT_EQ(team->proto().members_size(), 0);
  EXPECT_EQ(team->CountMembersOn(Day(2026, 1, 1)), 0);
}

TEST(TeamCreateTest, AcceptsIdOf64Characters) {
  const std::string id(64, 'a');
  absl::StatusOr<Team> team = Team::Create(id, "MT");
  ASSERT_TRUE(team.ok()) << team.status();
  EXPECT_EQ(team->id(), id);
}

TEST(TeamCreateTest, RejectsEachInvalidIdNamingFieldAndValue) {
  for (const std::string& id : InvalidIds()) {
    SCOPED_TRACE(absl::CHexEscape(id));
    absl::StatusOr<Team> team = Team::Create(id, "MT");
    ASSERT_FALSE(team.ok());
    EXPECT_EQ(team.status().code(), absl::StatusCode::kInvalidArgument);
    const std::string message(team.status().message());
    EXPECT_THAT(message, HasSubstr("team.id"));
    // The value is quoted, with non-printable and non-ASCII bytes escaped.
    EXPECT_THAT(message, HasSubstr("\"" + absl::CHexEscape(id) + "\""));
  }
}

TEST(TeamCreateTest, NonAsciiIdIsEscapedInTheMessage) {
  absl::StatusOr<Team> team = Team::Create("ren\xC3\xA9", "MT");
  ASSERT_FALSE(team.ok());
  EXPECT_THAT(std::string(team.status().message()),
              HasSubstr("\"ren\\xc3\\xa9\""));
}

TEST(TeamCreateTest, RejectsEmptyName) {
  absl::StatusOr<Team> team = Team::Create("mt-north", "");
  ASSERT_FALSE(team.ok());
  EXPECT_EQ(team.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(team.status().message()), HasSubstr("team.name"));
  EXPECT_THAT(std::string(team.status().message()), HasSubstr("empty"));
}

// --- Team::AddMember ---------------------------------------------------------

TEST(TeamAddMemberTest, AddsMemberWithFormattedJoinDate) {
  Team team = MakeTeam();
  ASSERT_TRUE(team.AddMember("ann", "Ann Smit", Day(2026, 1, 5)).ok());
  ASSERT_EQ(team.proto().members_size(), 1);
  const v1::Member& m = team.proto().members(0);
  EXPECT_EQ(m.id(), "ann");
  EXPECT_EQ(m.display_name(), "Ann Smit");
  EXPECT_EQ(m.joined(), "2026-01-05");
  EXPECT_EQ(m.left(), "");
  EXPECT_EQ(team.FindMember("ann"), &team.proto().members(0));
  EXPECT_EQ(team.FindMember("bob"), nullptr);
}

TEST(TeamAddMemberTest, RejectsEachInvalidIdAndChangesNothing) {
  Team team = MakeTeam();
  ASSERT_TRUE(team.AddMember("ann", "Ann", Day(2026, 1, 5)).ok());
  const v1::Team before = team.proto();
  for (const std::string& id : InvalidIds()) {
    SCOPED_TRACE(absl::CHexEscape(id));
    const absl::Status s = team.AddMember(id, "Someone", Day(2026, 1, 6));
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(s.message()), HasSubstr("member.id"));
    EXPECT_THAT(std::string(s.message()),
                HasSubstr("\"" + absl::CHexEscape(id) + "\""));
    EXPECT_TRUE(SameProto(team.proto(), before));
  }
}

TEST(TeamAddMemberTest, AcceptsIdOf64Characters) {
  Team team = MakeTeam();
  EXPECT_TRUE(team.AddMember(std::string(64, 'm'), "M", Day(2026, 1, 5)).ok());
}

TEST(TeamAddMemberTest, RejectsEmptyDisplayNameAndChangesNothing) {
  Team team = MakeTeam();
  ASSERT_TRUE(team.AddMember("ann", "Ann", Day(2026, 1, 5)).ok());
  const v1::Team before = team.proto();
  const absl::Status s = team.AddMember("bob", "", Day(2026, 1, 6));
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(s.message()), HasSubstr("member.display_name"));
  EXPECT_THAT(std::string(s.message()), HasSubstr("\"bob\""));
  EXPECT_TRUE(SameProto(team.proto(), before));
}

TEST(TeamAddMemberTest, DuplicateIdIsAlreadyExistsAndChangesNothing) {
  Team team = MakeTeam();
  ASSERT_TRUE(team.AddMember("ann", "Ann", Day(2026, 1, 5)).ok());
  const v1::Team before = team.proto();
  const absl::Status s = team.AddMember("ann", "Another Ann", Day(2026, 2, 1));
  EXPECT_EQ(s.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_THAT(std::string(s.message()), HasSubstr("member.id"));
  EXPECT_THAT(std::string(s.message()), HasSubstr("\"ann\""));
  EXPECT_THAT(std::string(s.message()), HasSubstr("mt-north"));
  EXPECT_TRUE(SameProto(team.proto(), before));
}

TEST(TeamAddMemberTest, IdOfAMemberWhoLeftIsNeverReused) {
  Team team = MakeTeam();
  ASSERT_TRUE(team.AddMember("ann", "Ann", Day(2026, 1, 5)).ok());
  ASSERT_TRUE(team.RecordLeave("ann", Day(2026, 2, 1)).ok());
  const v1::Team before = team.proto();
  const absl::Status s = team.AddMember("ann", "Ann", Day(2026, 3, 1));
  EXPECT_EQ(s.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_TRUE(SameProto(team.proto(), before));
}

TEST(TeamAddMemberTest, KeepsJoinOrderWhenAddedOutOfDateOrder) {
  Team team = MakeTeam();
  // Added: ann 01-10, bob 01-05, cas 01-10 (same day as ann, added later),
  // dirk 01-01, eva 01-07.
  ASSERT_TRUE(team.AddMember("ann", "Ann", Day(2026, 1, 10)).ok());
  ASSERT_TRUE(team.AddMember("bob", "Bob", Day(2026, 1, 5)).ok());
  ASSERT_TRUE(team.AddMember("cas", "Cas", Day(2026, 1, 10)).ok());
  ASSERT_TRUE(team.AddMember("dirk", "Dirk", Day(2026, 1, 1)).ok());
  ASSERT_TRUE(team.AddMember("eva", "Eva", Day(2026, 1, 7)).ok());
  // Join order: dirk 01-01, bob 01-05, eva 01-07, ann 01-10, cas 01-10 (ties
  // in the order they were added).
  EXPECT_THAT(MemberIds(team),
              ::testing::ElementsAre("dirk", "bob", "eva", "ann", "cas"));
  // Each member keeps its own fields when moved.
  EXPECT_EQ(team.FindMember("eva")->joined(), "2026-01-07");
  EXPECT_EQ(team.FindMember("eva")->display_name(), "Eva");
}

TEST(TeamAddMemberTest, SameDayMembersKeepTheOrderTheyWereAdded) {
  Team team = MakeTeam();
  for (const char* id : {"zed", "ann", "mia"}) {
    ASSERT_TRUE(team.AddMember(id, id, Day(2026, 1, 5)).ok());
  }
  EXPECT_THAT(MemberIds(team), ::testing::ElementsAre("zed", "ann", "mia"));
}

// Dates the stored form YYYY-MM-DD cannot hold (year 10000 formats as
// "10000-01-01", year -1000 as "-1000-01-01") must be refused: once stored,
// the team can no longer be loaded by FromProto, and every later call that
// reads the member's join date dereferences a failed ParseCivilDate.
TEST(TeamAddMemberTest, RejectsJoinDateOutsideYears0To9999) {
  for (const absl::CivilDay day : {Day(10000, 1, 1), Day(-1000, 1, 1)}) {
    SCOPED_TRACE(day);
    Team team = MakeTeam();
    ASSERT_TRUE(team.AddMember("ann", "Ann", Day(2026, 1, 5)).ok());
    const v1::Team before = team.proto();
    const absl::Status s = team.AddMember("bob", "Bob", day);
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
    EXPECT_THAT(std::string(s.message()), HasSubstr("joined"));
    EXPECT_TRUE(SameProto(team.proto(), before));
    // Whatever was stored can be loaded again.
    EXPECT_TRUE(Team::FromProto(team.proto()).ok());
  }
}

// --- Team::RecordLeave -------------------------------------------------------

TEST(TeamRecordLeaveTest, RecordsTheLeaveDate) {
  Team team = MakeTeam();
  ASSERT_TRUE(team.AddMember("ann", "Ann", Day(2026, 1, 5)).ok());
  ASSERT_TRUE(team.RecordLeave("ann", Day(2026, 3, 1)).ok());
  EXPECT_EQ(team.FindMember("ann")->left(), "2026-03-01");
  // History is kept: the member is still in the team's record.
  EXPECT_EQ(team.proto().members_size(), 1);
}

TEST(TeamRecordLeaveTest, LeavingOnTheJoinDateIsAllowed) {
  Team team = MakeTeam();
  ASSERT_TRUE(team.AddMember("ann", "Ann", Day(2026, 1, 5)).ok());
  EXPECT_TRUE(team.RecordLeave("ann", Day(2026, 1, 5)).ok());
  EXPECT_EQ(team.FindMember("ann")->left(), "2026-01-05");
}

TEST(TeamRecordLeaveTest, LeaveBeforeJoinIsRejectedAndChangesNothing) {
  Team team = MakeTeam();
  ASSERT_TRUE(team.AddMember("ann", "Ann", Day(2026, 1, 10)).ok());
  const v1::Team before = team.proto();
  const absl::Status s = team.RecordLeave("ann", Day(2026, 1, 9));
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  const std::string message(s.message());
  EXPECT_THAT(message, HasSubstr("left"));
  EXPECT_THAT(message, HasSubstr("2026-01-09"));
  EXPECT_THAT(message, HasSubstr("\"ann\""));
  EXPECT_THAT(message, HasSubstr("2026-01-10"));
  EXPECT_TRUE(SameProto(team.proto(), before));
}

TEST(TeamRecordLeaveTest, LeavingTwiceIsFailedPreconditionAndChangesNothing) {
  Team team = MakeTeam();
  ASSERT_TRUE(team.AddMember("ann", "Ann", Day(2026, 1, 5)).ok());
  ASSERT_TRUE(team.RecordLeave("ann", Day(2026, 2, 1)).ok());
  const v1::Team before = team.proto();
  const absl::Status s = team.RecordLeave("ann", Day(2026, 3, 1));
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(s.message()), HasSubstr("member_id"));
  EXPECT_THAT(std::string(s.message()), HasSubstr("\"ann\""));
  EXPECT_THAT(std::string(s.message()), HasSubstr("2026-02-01"));
  EXPECT_TRUE(SameProto(team.proto(), before));
  EXPECT_EQ(team.FindMember("ann")->left(), "2026-02-01");
}

TEST(TeamRecordLeaveTest, UnknownMemberIsNotFoundAndChangesNothing) {
  Team team = MakeTeam();
  ASSERT_TRUE(team.AddMember("ann", "Ann", Day(2026, 1, 5)).ok());
  const v1::Team before = team.proto();
  const absl::Status s = team.RecordLeave("bob", Day(2026, 2, 1));
  EXPECT_EQ(s.code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(s.message()), HasSubstr("member_id"));
  EXPECT_THAT(std::string(s.message()), HasSubstr("\"bob\""));
  EXPECT_TRUE(SameProto(team.proto(), before));
}

// What happens once such a date is stored: later calls that read the join
// date abort the process today. Run in a child process; exit code 0 means
// the team kept working.
TEST(TeamDeathTest, TeamKeepsWorkingAfterAnOutOfRangeJoinDate) {
  EXPECT_EXIT(
      {
        Team team = MakeTeam();
        (void)team.AddMember("ann", "Ann", Day(10000, 1, 1));
        (void)team.AddMember("bob", "Bob", Day(2026, 1, 5));
        (void)team.CountMembersOn(Day(2026, 2, 1));
        std::_Exit(0);
      },
      ::testing::ExitedWithCode(0), "");
}

TEST(TeamRecordLeaveTest, RejectsLeaveDateOutsideYears0To9999) {
  Team team = MakeTeam();
  ASSERT_TRUE(team.AddMember("ann", "Ann", Day(2026, 1, 5)).ok());
  const v1::Team before = team.proto();
  const absl::Status s = team.RecordLeave("ann", Day(10000, 1, 1));
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
  EXPECT_THAT(std::string(s.message()), HasSubstr("left"));
  EXPECT_TRUE(SameProto(team.proto(), before));
  EXPECT_TRUE(Team::FromProto(team.proto()).ok());
}

// --- Team::CheckCurrentMember / CountMembersOn -------------------------------

class TeamMembershipTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(team_.AddMember("ann", "Ann", Day(2026, 1, 5)).ok());
    ASSERT_TRUE(team_.AddMember("bob", "Bob", Day(2026, 1, 5)).ok());
    ASSERT_TRUE(team_.AddMember("cas", "Cas", Day(2026, 2, 1)).ok());
    ASSERT_TRUE(team_.RecordLeave("bob", Day(2026, 3, 1)).ok());
  }
  Team team_ = MakeTeam();
};

TEST_F(TeamMembershipTest, MemberFromTheJoinDate) {
  EXPECT_TRUE(team_.CheckCurrentMember("ann", Day(2026, 1, 5)).ok());
  EXPECT_TRUE(team_.CheckCurrentMember("cas", Day(2026, 2, 1)).ok());
  EXPECT_TRUE(team_.CheckCurrentMember("cas", Day(2030, 1, 1)).ok());
}

TEST_F(TeamMembershipTest, MemberNotYetJoinedIsFailedPrecondition) {
  const absl::Status s = team_.CheckCurrentMember("cas", Day(2026, 1, 31));
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  const std::string message(s.message());
  EXPECT_THAT(message, HasSubstr("member_id"));
  EXPECT_THAT(message, HasSubstr("\"cas\""));
  EXPECT_THAT(message, HasSubstr("2026-02-01"));
  EXPECT_THAT(message, HasSubstr("2026-01-31"));
}

TEST_F(TeamMembershipTest, MemberOnTheLeaveDateIsNoLongerCurrent) {
  // The day before leaving: still a member.
  EXPECT_TRUE(team_.CheckCurrentMember("bob", Day(2026, 2, 28)).ok());
  const absl::Status s = team_.CheckCurrentMember("bob", Day(2026, 3, 1));
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(s.message()), HasSubstr("\"bob\""));
  EXPECT_THAT(std::string(s.message()), HasSubstr("2026-03-01"));
  EXPECT_EQ(team_.CheckCurrentMember("bob", Day(2026, 6, 1)).code(),
            absl::StatusCode::kFailedPrecondition);
}

TEST_F(TeamMembershipTest, UnknownIdIsNotFoundNamingTheField) {
  const absl::Status s =
      team_.CheckCurrentMember("zed", Day(2026, 3, 1), "response.member_id");
  EXPECT_EQ(s.code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(s.message()), HasSubstr("response.member_id"));
  EXPECT_THAT(std::string(s.message()), HasSubstr("\"zed\""));
  EXPECT_THAT(std::string(s.message()), HasSubstr("mt-north"));
}

TEST_F(TeamMembershipTest, CustomFieldNameIsUsedForFailedPrecondition) {
  const absl::Status s =
      team_.CheckCurrentMember("bob", Day(2026, 3, 2), "round.member");
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(s.message()), HasSubstr("round.member"));
}

TEST_F(TeamMembershipTest, CountMembersOnFollowsJoinAndLeaveDates) {
  EXPECT_EQ(team_.CountMembersOn(Day(2026, 1, 4)), 0);   // nobody yet
  EXPECT_EQ(team_.CountMembersOn(Day(2026, 1, 5)), 2);   // ann, bob
  EXPECT_EQ(team_.CountMembersOn(Day(2026, 2, 1)), 3);   // + cas
  EXPECT_EQ(team_.CountMembersOn(Day(2026, 2, 28)), 3);  // bob's last day
  EXPECT_EQ(team_.CountMembersOn(Day(2026, 3, 1)), 2);   // bob left
}

// --- Team::FromProto ---------------------------------------------------------

v1::Team ValidTeamProto() {
  v1::Team t;
  t.set_id("mt-north");
  t.set_name("MT Noord");
  v1::Member* ann = t.add_members();
  ann->set_id("ann");
  ann->set_display_name("Ann");
  ann->set_joined("2026-01-05");
  v1::Member* bob = t.add_members();
  bob->set_id("bob");
  bob->set_display_name("Bob");
  bob->set_joined("2026-01-06");
  bob->set_left("2026-03-01");
  return t;
}

absl::Status FromProtoStatus(const v1::Team& proto) {
  return Team::FromProto(proto).status();
}

TEST(TeamFromProtoTest, RoundTripsAValidTeam) {
  const v1::Team proto = ValidTeamProto();
  absl::StatusOr<Team> team = Team::FromProto(proto);
  ASSERT_TRUE(team.ok()) << team.status();
  EXPECT_TRUE(SameProto(team->proto(), proto));
  EXPECT_EQ(team->CountMembersOn(Day(2026, 2, 1)), 2);
  EXPECT_EQ(team->CountMembersOn(Day(2026, 3, 1)), 1);
  // A team built through the API round-trips as well.
  Team built = MakeTeam();
  ASSERT_TRUE(built.AddMember("ann", "Ann", Day(2026, 1, 5)).ok());
  ASSERT_TRUE(built.RecordLeave("ann", Day(2026, 1, 20)).ok());
  absl::StatusOr<Team> again = Team::FromProto(built.proto());
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_TRUE(SameProto(again->proto(), built.proto()));
}

// team.proto: "Members in join order (ties in the order they were added)".
// A stored team that breaks this is accepted today, and AddMember, which
// inserts by scanning back from the end, then places new members out of join
// order as well.
TEST(TeamFromProtoTest, RejectsMembersOutOfJoinOrder) {
  v1::Team proto = ValidTeamProto();
  proto.mutable_members(0)->set_joined("2026-02-01");  // ann after bob (01-06)
  const absl::Status s = FromProtoStatus(proto);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
  EXPECT_THAT(std::string(s.message()), HasSubstr("team.members[1]"));
}

TEST(TeamFromProtoTest, LeftOnJoinDateIsValid) {
  v1::Team proto = ValidTeamProto();
  proto.mutable_members(1)->set_left("2026-01-06");
  EXPECT_TRUE(FromProtoStatus(proto).ok());
}

TEST(TeamFromProtoTest, RejectsInvalidTeamIdAndEmptyName) {
  for (const std::string& id : InvalidIds()) {
    SCOPED_TRACE(absl::CHexEscape(id));
    v1::Team proto = ValidTeamProto();
    proto.set_id(id);
    const absl::Status s = FromProtoStatus(proto);
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(s.message()), HasSubstr("team.id"));
  }
  v1::Team proto = ValidTeamProto();
  proto.clear_name();
  const absl::Status s = FromProtoStatus(proto);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(s.message()), HasSubstr("team.name"));
}

TEST(TeamFromProtoTest, RejectsInvalidMemberIdNamingTheEntry) {
  for (const std::string& id : InvalidIds()) {
    SCOPED_TRACE(absl::CHexEscape(id));
    v1::Team proto = ValidTeamProto();
    proto.mutable_members(1)->set_id(id);
    const absl::Status s = FromProtoStatus(proto);
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(s.message()), HasSubstr("team.members[1].id"));
    EXPECT_THAT(std::string(s.message()),
                HasSubstr("\"" + absl::CHexEscape(id) + "\""));
  }
}

TEST(TeamFromProtoTest, RejectsDuplicateMemberIds) {
  v1::Team proto = ValidTeamProto();
  v1::Member* again = proto.add_members();
  again->set_id("ann");
  again->set_display_name("Ann again");
  again->set_joined("2026-04-01");
  const absl::Status s = FromProtoStatus(proto);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(s.message()), HasSubstr("team.members[2].id"));
  EXPECT_THAT(std::string(s.message()), HasSubstr("\"ann\""));
  EXPECT_THAT(std::string(s.message()), HasSubstr("twice"));
}

TEST(TeamFromProtoTest, RejectsBadJoinedDates) {
  // Not a calendar date, wrong form, empty, a time appended.
  for (const char* bad : {"2026-02-30", "2026-13-01", "2026-1-5", "05-01-2026",
                          "", "2026/01/05", "2026-01-05T10:00"}) {
    SCOPED_TRACE(bad);
    v1::Team proto = ValidTeamProto();
    proto.mutable_members(0)->set_joined(bad);
    const absl::Status s = FromProtoStatus(proto);
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(s.message()), HasSubstr("team.members[0].joined"));
    EXPECT_THAT(std::string(s.message()),
                HasSubstr(std::string("\"") + bad + "\""));
  }
}

TEST(TeamFromProtoTest, RejectsBadLeftDates) {
  for (const char* bad : {"2026-02-29", "2026-3-1", "tomorrow"}) {
    SCOPED_TRACE(bad);
    v1::Team proto = ValidTeamProto();
    proto.mutable_members(1)->set_left(bad);
    const absl::Status s = FromProtoStatus(proto);
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(s.message()), HasSubstr("team.members[1].left"));
    EXPECT_THAT(std::string(s.message()),
                HasSubstr(std::string("\"") + bad + "\""));
  }
}

TEST(TeamFromProtoTest, RejectsLeftBeforeJoined) {
  v1::Team proto = ValidTeamProto();
  proto.mutable_members(1)->set_left("2026-01-05");  // joined 2026-01-06
  const absl::Status s = FromProtoStatus(proto);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  const std::string message(s.message());
  EXPECT_THAT(message, HasSubstr("team.members[1].left"));
  EXPECT_THAT(message, HasSubstr("2026-01-05"));
  EXPECT_THAT(message, HasSubstr("2026-01-06"));
}

// A date of the right form that is not on the calendar says which part is
// wrong; 2028 is a leap year, 2100 is not.
TEST(CivilDateTest, ErrorsSayWhatIsWrongWithADate) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"2027-02-30",
       "when: \"2027-02-30\" is not a date: February 2027 has "
       "28 days"},
      {"2028-02-30",
       "when: \"2028-02-30\" is not a date: February 2028 has "
       "29 days"},
      {"2100-02-29",
       "when: \"2100-02-29\" is not a date: February 2100 has "
       "28 days"},
      {"2027-04-31",
       "when: \"2027-04-31\" is not a date: April 2027 has 30 "
       "days"},
      {"2027-13-01",
       "when: \"2027-13-01\" is not a date: there is no month "
       "13"},
      {"2027-00-10",
       "when: \"2027-00-10\" is not a date: there is no month "
       "0"},
      {"2027-01-00", "when: \"2027-01-00\" is not a date: there is no day 0"},
      {"2027-1-5", "when: \"2027-1-5\" is not a date of the form YYYY-MM-DD"},
      {"2027/01/05",
       "when: \"2027/01/05\" is not a date of the form YYYY-MM-DD"},
  };
  for (const auto& [text, message] : cases) {
    const absl::StatusOr<absl::CivilDay> day = ParseCivilDate(text, "when");
    EXPECT_EQ(day.status().code(), absl::StatusCode::kInvalidArgument) << text;
    EXPECT_EQ(day.status().message(), message);
  }
  EXPECT_EQ(*ParseCivilDate("2028-02-29", "when"), absl::CivilDay(2028, 2, 29));
}

}  // namespace
}  // namespace fives
