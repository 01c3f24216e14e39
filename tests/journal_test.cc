#include "fives/journal.h"

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "fives/catalog.h"
#include "fives/pillar.h"
#include "fives/round_report.h"
#include "fives/score_stats.h"
#include "fives/trend.h"
#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "proto_testing.h"

namespace fives {
namespace {

using ::fives::proto_testing::SameProto;
using ::google::protobuf::util::MessageDifferencer;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

constexpr double kExact = 1e-12;

absl::CivilDay Day(int y, int m, int d) { return absl::CivilDay(y, m, d); }

absl::Status ToStatus(const absl::Status& s) { return s; }
template <typename T>
absl::Status ToStatus(const absl::StatusOr<T>& s) {
  return s.status();
}

#define EXPECT_OK(expr)                          \
  do {                                           \
    const absl::Status _status = ToStatus(expr); \
    EXPECT_TRUE(_status.ok()) << _status;        \
  } while (0)

#define ASSERT_OK(expr)                          \
  do {                                           \
    const absl::Status _status = ToStatus(expr); \
    ASSERT_TRUE(_status.ok()) << _status;        \
  } while (0)

// Runs `call`, expects it to fail with `code` and a message containing every
// one of `parts`, and expects the journal to be exactly as it was.
template <typename F>
void ExpectRefusedImpl(Journal& journal, F call, absl::StatusCode code,
                       const std::vector<std::string>& parts) {
  const v1::Journal before = journal.proto();
  const absl::Status status = ToStatus(call());
  EXPECT_EQ(status.code(), code) << status;
  for (const std::string& part : parts) {
    EXPECT_THAT(std::string(status.message()), HasSubstr(part));
  }
  EXPECT_TRUE(SameProto(before, journal.proto()))
      << "a refused call changed the journal";
}

#define EXPECT_REFUSED(journal, expr, code, ...) \
  do {                                           \
    SCOPED_TRACE(#expr);                         \
    ExpectRefusedImpl(                           \
        journal, [&] { return (expr); }, code,   \
        std::vector<std::string>{__VA_ARGS__});  \
  } while (0)

constexpr absl::StatusCode kInvalid = absl::StatusCode::kInvalidArgument;
constexpr absl::StatusCode kPrecondition =
    absl::StatusCode::kFailedPrecondition;
constexpr absl::StatusCode kNotFound = absl::StatusCode::kNotFound;
constexpr absl::StatusCode kExists = absl::StatusCode::kAlreadyExists;

// The journal validates and survives a round trip through FromProto.
void ExpectValid(const Journal& j) {
  EXPECT_OK(Journal::Validate(j.proto()));
  absl::StatusOr<Journal> copy = Journal::FromProto(j.proto());
  ASSERT_TRUE(copy.ok()) << copy.status();
  EXPECT_TRUE(SameProto(copy->proto(), j.proto()));
}

template <typename List>
std::vector<std::string> Ids(const List& list) {
  std::vector<std::string> ids;
  for (const auto& a : list) ids.push_back(a.id());
  return ids;
}

// --- Fixture helpers --------------------------------------------------------

const absl::CivilDay kR1Day = Day(2026, 2, 2);
const absl::CivilDay kR1Closed = Day(2026, 2, 3);
const absl::CivilDay kPlanDay = Day(2026, 2, 10);

v1::Response Scores(const std::string& member, std::array<int, 5> s) {
  v1::Response r;
  r.set_member_id(member);
  for (Pillar p : kAllPillars) {
    v1::PillarScore* score = r.add_scores();
    score->set_pillar(ToProto(p));
    score->set_score(s[PillarIndex(p)]);
  }
  return r;
}

// Four members in join order.
const char* const kMembers[] = {"m-ann", "m-bob", "m-cas", "m-dirk"};

Journal NewJournal(const v1::TeamConfig& config = {}) {
  absl::StatusOr<Journal> j = Journal::Create("mt-north", "MT Noord", config);
  EXPECT_TRUE(j.ok()) << j.status();
  EXPECT_OK(j->AddMember("m-ann", "Ann Jansen", Day(2026, 1, 5)));
  EXPECT_OK(j->AddMember("m-bob", "Bob de Wit", Day(2026, 1, 5)));
  EXPECT_OK(j->AddMember("m-cas", "Cas Bakker", Day(2026, 1, 10)));
  EXPECT_OK(j->AddMember("m-dirk", "Dirk Visser", Day(2026, 1, 12)));
  return *std::move(j);
}

// A round of all five pillars with one response per entry, closed on
// `closed` unless that is nullopt.
void AddRound(Journal& j, const std::string& id, absl::CivilDay date,
              std::optional<absl::CivilDay> closed,
              const std::vector<v1::Response>& responses,
              v1::RoundMode mode = v1::ROUND_MODE_OPEN,
              std::vector<Pillar> pillars = {}) {
  RoundOptions options = j.NewRoundOptions(id, date, mode);
  options.pillars = std::move(pillars);
  ASSERT_OK(j.StartRound(options));
  for (const v1::Response& r : responses) {
    v1::Response response = r;
    if (!options.pillars.empty()) {
      response.clear_scores();
      for (const v1::PillarScore& s : r.scores()) {
        for (Pillar p : options.pillars) {
          if (s.pillar() == ToProto(p)) *response.add_scores() = s;
        }
      }
    }
    ASSERT_OK(j.AddResponse(id, response));
  }
  if (closed) ASSERT_OK(j.CloseRound(id, *closed));
}

// Structure is lowest (1, 1, 2, 2: mean 1.5), so it is the focus.
std::vector<v1::Response> FirstRoundResponses() {
  return {Scores("m-ann", {4, 4, 2, 3, 4}), Scores("m-bob", {4, 3, 1, 3, 4}),
          Scores("m-cas", {5, 4, 2, 4, 3}), Scores("m-dirk", {4, 4, 1, 3, 4})};
}

// Structure rose to 4, 4, 5, 5; steering is now lowest.
std::vector<v1::Response> SecondRoundResponses() {
  return {Scores("m-ann", {4, 4, 4, 3, 4}), Scores("m-bob", {4, 3, 5, 3, 4}),
          Scores("m-cas", {5, 4, 4, 4, 3}), Scores("m-dirk", {4, 4, 5, 3, 4})};
}

// A journal with the four members and the closed round r1.
Journal WithRound(const v1::TeamConfig& config = {}) {
  Journal j = NewJournal(config);
  AddRound(j, "r1", kR1Day, kR1Closed, FirstRoundResponses());
  return j;
}

ActionInput Act(const std::string& title, const std::string& owner,
                std::optional<absl::CivilDay> due = std::nullopt,
                std::optional<Pillar> pillar = std::nullopt) {
  ActionInput a;
  a.title = title;
  a.visible_result = "Everyone can see: " + title;
  a.owner_id = owner;
  a.due = due;
  a.pillar = pillar;
  return a;
}

PlanInput MakePlan(const std::string& round_id, absl::CivilDay created,
                   std::vector<ActionInput> actions) {
  PlanInput p;
  p.round_id = round_id;
  p.created = created;
  p.actions = std::move(actions);
  p.note = "structure is where we lose time";
  return p;
}

// `n` actions owned by the members in turn.
std::vector<ActionInput> Actions(int n) {
  std::vector<ActionInput> out;
  for (int i = 0; i < n; ++i) {
    out.push_back(Act("Action " + std::to_string(i + 1), kMembers[i % 4]));
  }
  return out;
}

// r1 and the plan p1 on it (a1 owned by m-ann, a2 by m-bob).
Journal WithPlan(const v1::TeamConfig& config = {}) {
  Journal j = WithRound(config);
  const int n = config.has_actions_per_plan() ? config.actions_per_plan() : 2;
  absl::StatusOr<std::string> id =
      j.CreatePlan(MakePlan("r1", kPlanDay, Actions(n)));
  EXPECT_TRUE(id.ok()) << id.status();
  return j;
}

v1::TeamConfig ActionsPerPlan(int n) {
  v1::TeamConfig c;
  c.set_actions_per_plan(n);
  return c;
}

v1::ActionReview Review(const std::string& id, v1::ReviewOutcome outcome,
                        const std::string& new_due = "",
                        const std::string& note = "") {
  v1::ActionReview r;
  r.set_action_id(id);
  r.set_outcome(outcome);
  r.set_new_due(new_due);
  r.set_note(note);
  return r;
}

CheckInput Check(absl::CivilDay date,
                 std::vector<v1::ActionReview> reviews = {}) {
  CheckInput in;
  in.date = date;
  in.helps = {"short meetings"};
  in.chafes = {"late agendas"};
  in.hinders = {"no decision log"};
  in.agreements = {"decisions go in the log the same day"};
  in.reviews = std::move(reviews);
  return in;
}

// ===========================================================================
// Create
// ===========================================================================

TEST(JournalCreateTest, AcceptsDefaultAndValidConfig) {
  absl::StatusOr<Journal> j = Journal::Create("mt-north", "MT Noord");
  ASSERT_TRUE(j.ok()) << j.status();
  EXPECT_EQ(j->proto().team().id(), "mt-north");
  EXPECT_EQ(j->proto().team().name(), "MT Noord");
  EXPECT_EQ(j->config().actions_per_plan, 2);
  EXPECT_EQ(j->config().action_window_days, 30);
  EXPECT_EQ(j->config().check_min_days, 42);
  EXPECT_EQ(j->config().check_max_days, 56);
  EXPECT_EQ(j->config().due_soon_days, 7);
  EXPECT_DOUBLE_EQ(j->config().trend_alpha, 0.05);
  ExpectValid(*j);

  v1::TeamConfig config;
  config.set_actions_per_plan(10);
  config.set_check_min_days(30);
  config.set_check_max_days(30);
  config.set_trend_alpha(0.5);
  absl::StatusOr<Journal> custom = Journal::Create("mt", "MT", config);
  ASSERT_TRUE(custom.ok()) << custom.status();
  EXPECT_TRUE(SameProto(custom->proto().config(), config));
  EXPECT_EQ(custom->config().actions_per_plan, 10);
}

TEST(JournalCreateTest, RefusesInvalidTeam) {
  absl::StatusOr<Journal> bad_id = Journal::Create("mt north!", "MT Noord");
  EXPECT_EQ(bad_id.status().code(), kInvalid);
  EXPECT_THAT(std::string(bad_id.status().message()), HasSubstr("team.id"));
  EXPECT_THAT(std::string(bad_id.status().message()), HasSubstr("mt north!"));
  absl::StatusOr<Journal> no_name = Journal::Create("mt-north", "");
  EXPECT_EQ(no_name.status().code(), kInvalid);
  EXPECT_THAT(std::string(no_name.status().message()), HasSubstr("team.name"));
}

TEST(JournalCreateTest, RefusesInvalidConfig) {
  struct Case {
    const char* name;
    std::function<void(v1::TeamConfig&)> set;
    std::vector<std::string> parts;
  };
  const Case cases[] = {
      {"actions_per_plan 0",
       [](v1::TeamConfig& c) { c.set_actions_per_plan(0); },
       {"actions_per_plan", "0"}},
      {"actions_per_plan 11",
       [](v1::TeamConfig& c) { c.set_actions_per_plan(11); },
       {"actions_per_plan", "11"}},
      {"check_max_days < check_min_days",
       [](v1::TeamConfig& c) {
         c.set_check_min_days(50);
         c.set_check_max_days(40);
       },
       {"check_max_days", "40"}},
      {"trend_alpha 0",
       [](v1::TeamConfig& c) { c.set_trend_alpha(0); },
       {"trend_alpha", "0"}},
      {"target 6",
       [](v1::TeamConfig& c) {
         c.set_focus_rule(v1::FOCUS_RULE_LARGEST_GAP);
         v1::PillarTarget* t = c.add_targets();
         t->set_pillar(v1::PILLAR_STRUCTURE);
         t->set_target(6);
       },
       {"targets", "6"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    v1::TeamConfig config;
    c.set(config);
    absl::StatusOr<Journal> j = Journal::Create("mt-north", "MT Noord", config);
    ASSERT_FALSE(j.ok());
    EXPECT_EQ(j.status().code(), kInvalid) << j.status();
    for (const std::string& part : c.parts) {
      EXPECT_THAT(std::string(j.status().message()), HasSubstr(part));
    }
  }
}

// ===========================================================================
// Plans
// ===========================================================================

TEST(JournalPlanTest, DefaultTwoActionsWithIdsInOrderAndProposed) {
  Journal j = WithRound();
  absl::StatusOr<std::string> id = j.CreatePlan(MakePlan(
      "r1", kPlanDay, {Act("Decision log", "m-ann"), Act("Agenda", "m-bob")}));
  ASSERT_TRUE(id.ok()) << id.status();
  EXPECT_EQ(*id, "p1");
  ASSERT_EQ(j.proto().plans_size(), 1);
  const v1::Plan& plan = j.proto().plans(0);
  EXPECT_EQ(plan.id(), "p1");
  EXPECT_EQ(plan.round_id(), "r1");
  EXPECT_EQ(plan.created(), "2026-02-10");
  EXPECT_EQ(plan.focus(), v1::PILLAR_STRUCTURE);
  EXPECT_THAT(plan.action_ids(), ElementsAre("a1", "a2"));
  EXPECT_EQ(plan.note(), "structure is where we lose time");
  ASSERT_EQ(j.proto().actions_size(), 2);
  const v1::Action& a1 = j.proto().actions(0);
  EXPECT_EQ(a1.id(), "a1");
  EXPECT_EQ(a1.title(), "Decision log");
  EXPECT_EQ(a1.visible_result(), "Everyone can see: Decision log");
  EXPECT_EQ(a1.owner_id(), "m-ann");
  EXPECT_EQ(a1.pillar(), v1::PILLAR_STRUCTURE);
  EXPECT_EQ(a1.created(), "2026-02-10");
  EXPECT_EQ(a1.status(), v1::ACTION_STATUS_PROPOSED);
  EXPECT_EQ(a1.plan_id(), "p1");
  EXPECT_TRUE(a1.check_id().empty());
  EXPECT_THAT(a1.history(), IsEmpty());
  EXPECT_THAT(a1.feedback(), IsEmpty());
  EXPECT_EQ(j.proto().actions(1).id(), "a2");
  EXPECT_EQ(j.proto().actions(1).owner_id(), "m-bob");
  EXPECT_EQ(j.proto().actions(1).status(), v1::ACTION_STATUS_PROPOSED);
  EXPECT_EQ(j.proto().next_plan(), 1);
  EXPECT_EQ(j.proto().next_action(), 2);
  ExpectValid(j);

  // The next plan continues the numbering.
  AddRound(j, "r2", Day(2026, 4, 6), Day(2026, 4, 7), SecondRoundResponses());
  absl::StatusOr<std::string> second =
      j.CreatePlan(MakePlan("r2", Day(2026, 4, 8), Actions(2)));
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(*second, "p2");
  EXPECT_THAT(j.proto().plans(1).action_ids(), ElementsAre("a3", "a4"));
  EXPECT_THAT(Ids(j.proto().actions()), ElementsAre("a1", "a2", "a3", "a4"));
  ExpectValid(j);
}

TEST(JournalPlanTest, WrongNumberOfActionsIsRefused) {
  Journal j = WithRound();
  EXPECT_REFUSED(j, j.CreatePlan(MakePlan("r1", kPlanDay, Actions(1))),
                 kInvalid, "plan.actions", "1 actions", "2 per focus");
  EXPECT_REFUSED(j, j.CreatePlan(MakePlan("r1", kPlanDay, Actions(3))),
                 kInvalid, "plan.actions", "3 actions", "2 per focus");
  EXPECT_REFUSED(j, j.CreatePlan(MakePlan("r1", kPlanDay, Actions(0))),
                 kInvalid, "plan.actions", "0 actions");
}

TEST(JournalPlanTest, ConfiguredActionsPerPlan) {
  Journal j = WithRound(ActionsPerPlan(3));
  EXPECT_REFUSED(j, j.CreatePlan(MakePlan("r1", kPlanDay, Actions(2))),
                 kInvalid, "plan.actions", "2 actions", "3 per focus");
  EXPECT_REFUSED(j, j.CreatePlan(MakePlan("r1", kPlanDay, Actions(4))),
                 kInvalid, "4 actions", "3 per focus");
  absl::StatusOr<std::string> id =
      j.CreatePlan(MakePlan("r1", kPlanDay, Actions(3)));
  ASSERT_TRUE(id.ok()) << id.status();
  EXPECT_THAT(j.proto().plans(0).action_ids(), ElementsAre("a1", "a2", "a3"));
  ExpectValid(j);
}

TEST(JournalPlanTest, OwnerMustBeACurrentMember) {
  Journal j = WithRound();
  ASSERT_OK(j.RecordLeave("m-dirk", Day(2026, 2, 5)));
  ASSERT_OK(j.AddMember("m-eve", "Eve Prins", Day(2026, 3, 1)));
  EXPECT_REFUSED(j,
                 j.CreatePlan(MakePlan("r1", kPlanDay,
                                       {Act("x", "m-ann"), Act("y", "m-zed")})),
                 kNotFound, "plan.actions[1].owner_id", "m-zed");
  EXPECT_REFUSED(j,
                 j.CreatePlan(MakePlan(
                     "r1", kPlanDay, {Act("x", "m-dirk"), Act("y", "m-ann")})),
                 kPrecondition, "plan.actions[0].owner_id", "m-dirk", "left",
                 "2026-02-05");
  EXPECT_REFUSED(j,
                 j.CreatePlan(MakePlan("r1", kPlanDay,
                                       {Act("x", "m-eve"), Act("y", "m-ann")})),
                 kPrecondition, "plan.actions[0].owner_id", "m-eve", "joined",
                 "2026-03-01");
  EXPECT_THAT(j.proto().plans(), IsEmpty());
}

TEST(JournalPlanTest, EmptyTitleOrVisibleResultIsRefused) {
  Journal j = WithRound();
  ActionInput no_title = Act("", "m-ann");
  EXPECT_REFUSED(
      j, j.CreatePlan(MakePlan("r1", kPlanDay, {no_title, Act("y", "m-bob")})),
      kInvalid, "plan.actions[0].title", "empty");
  ActionInput no_result = Act("y", "m-bob");
  no_result.visible_result.clear();
  EXPECT_REFUSED(
      j, j.CreatePlan(MakePlan("r1", kPlanDay, {Act("x", "m-ann"), no_result})),
      kInvalid, "plan.actions[1].visible_result", "empty");
}

TEST(JournalPlanTest, DueDates) {
  Journal j = WithRound();
  // Default: created + 30 = 2026-03-12; +30 given explicitly is fine too.
  EXPECT_REFUSED(j,
                 j.CreatePlan(MakePlan(
                     "r1", kPlanDay,
                     {Act("x", "m-ann", Day(2026, 3, 13)), Act("y", "m-bob")})),
                 kInvalid, "plan.actions[0].due", "2026-03-13", "30 days",
                 "2026-03-12");
  EXPECT_REFUSED(j,
                 j.CreatePlan(MakePlan(
                     "r1", kPlanDay,
                     {Act("x", "m-ann"), Act("y", "m-bob", Day(2026, 2, 9))})),
                 kInvalid, "plan.actions[1].due", "2026-02-09", "before",
                 "2026-02-10");
  ASSERT_OK(j.CreatePlan(
      MakePlan("r1", kPlanDay,
               {Act("x", "m-ann"), Act("y", "m-bob", Day(2026, 3, 12))})));
  EXPECT_EQ(j.proto().actions(0).due(), "2026-03-12");
  EXPECT_EQ(j.proto().actions(1).due(), "2026-03-12");
  ExpectValid(j);

  // Due on the day of creation is fine.
  Journal same_day = WithRound();
  ASSERT_OK(same_day.CreatePlan(MakePlan(
      "r1", kPlanDay, {Act("x", "m-ann", kPlanDay), Act("y", "m-bob")})));
  EXPECT_EQ(same_day.proto().actions(0).due(), "2026-02-10");
}

TEST(JournalPlanTest, LateDueDatesWhenAllowed) {
  v1::TeamConfig config;
  config.set_allow_late_due_dates(true);
  Journal j = WithRound(config);
  ASSERT_OK(j.CreatePlan(
      MakePlan("r1", kPlanDay,
               {Act("x", "m-ann", Day(2026, 3, 13)), Act("y", "m-bob")})));
  EXPECT_EQ(j.proto().actions(0).due(), "2026-03-13");
  EXPECT_EQ(j.proto().actions(1).due(), "2026-03-12");
  ExpectValid(j);
}

TEST(JournalPlanTest, CustomActionWindow) {
  v1::TeamConfig config;
  config.set_action_window_days(14);
  Journal j = WithRound(config);
  EXPECT_REFUSED(j,
                 j.CreatePlan(MakePlan(
                     "r1", kPlanDay,
                     {Act("x", "m-ann", Day(2026, 2, 25)), Act("y", "m-bob")})),
                 kInvalid, "plan.actions[0].due", "2026-02-25", "14 days");
  ASSERT_OK(j.CreatePlan(MakePlan("r1", kPlanDay, Actions(2))));
  EXPECT_EQ(j.proto().actions(0).due(), "2026-02-24");
}

TEST(JournalPlanTest, RoundMustExistBeClosedAndHaveNoPlan) {
  Journal j = WithRound();
  AddRound(j, "r-open", Day(2026, 2, 4), std::nullopt, FirstRoundResponses());
  EXPECT_REFUSED(j, j.CreatePlan(MakePlan("r9", kPlanDay, Actions(2))),
                 kNotFound, "plan.round_id", "r9");
  EXPECT_REFUSED(j, j.CreatePlan(MakePlan("r-open", kPlanDay, Actions(2))),
                 kPrecondition, "plan.round_id", "r-open", "not closed");
  EXPECT_REFUSED(j, j.CreatePlan(MakePlan("r1", Day(2026, 2, 2), Actions(2))),
                 kInvalid, "plan.created", "2026-02-02", "2026-02-03");
  ASSERT_OK(j.CreatePlan(MakePlan("r1", kPlanDay, Actions(2))));
  EXPECT_REFUSED(j, j.CreatePlan(MakePlan("r1", Day(2026, 2, 11), Actions(2))),
                 kExists, "plan.round_id", "r1", "p1");
}

TEST(JournalPlanTest, FocusDefaultsToTheReportsFocus) {
  Journal j = WithRound();
  absl::StatusOr<v1::RoundReport> report = j.Report("r1");
  ASSERT_TRUE(report.ok()) << report.status();
  ASSERT_EQ(report->focus(), v1::PILLAR_STRUCTURE);
  ASSERT_OK(j.CreatePlan(MakePlan("r1", kPlanDay, Actions(2))));
  EXPECT_EQ(j.proto().plans(0).focus(), report->focus());
  for (const v1::Action& a : j.proto().actions()) {
    EXPECT_EQ(a.pillar(), v1::PILLAR_STRUCTURE);
  }
}

TEST(JournalPlanTest, RoundWithoutFocusNeedsAnExplicitOne) {
  Journal j = NewJournal();
  AddRound(j, "r0", kR1Day, kR1Closed, {});
  EXPECT_REFUSED(j, j.CreatePlan(MakePlan("r0", kPlanDay, Actions(2))),
                 kPrecondition, "plan.focus", "r0");
  PlanInput plan = MakePlan("r0", kPlanDay, Actions(2));
  plan.focus = Pillar::kSteering;
  ASSERT_OK(j.CreatePlan(plan));
  EXPECT_EQ(j.proto().plans(0).focus(), v1::PILLAR_STEERING);
  ExpectValid(j);
}

TEST(JournalPlanTest, ExplicitFocusAndActionPillars) {
  Journal j = WithRound();
  PlanInput plan = MakePlan(
      "r1", kPlanDay,
      {Act("x", "m-ann", std::nullopt, Pillar::kSynergy), Act("y", "m-bob")});
  EXPECT_REFUSED(j, j.CreatePlan(plan), kInvalid, "plan.actions[0].pillar",
                 "synergy", "structure");
  plan.focus = Pillar::kSynergy;
  plan.actions[1].pillar = Pillar::kSteering;
  EXPECT_REFUSED(j, j.CreatePlan(plan), kInvalid, "plan.actions[1].pillar",
                 "steering", "synergy");
  plan.actions[1].pillar = Pillar::kSynergy;
  ASSERT_OK(j.CreatePlan(plan));
  EXPECT_EQ(j.proto().plans(0).focus(), v1::PILLAR_SYNERGY);
  EXPECT_EQ(j.proto().actions(0).pillar(), v1::PILLAR_SYNERGY);
  EXPECT_EQ(j.proto().actions(1).pillar(), v1::PILLAR_SYNERGY);
  ExpectValid(j);
}

// ===========================================================================
// Transitions
// ===========================================================================

TEST(JournalTransitionTest, ProposedOpenDone) {
  Journal j = WithPlan();
  ASSERT_OK(j.OpenAction("a1", Day(2026, 2, 11)));
  EXPECT_EQ(j.proto().actions(0).status(), v1::ACTION_STATUS_OPEN);
  ASSERT_OK(j.CompleteAction("a1", Day(2026, 2, 20)));
  const v1::Action& a = j.proto().actions(0);
  EXPECT_EQ(a.status(), v1::ACTION_STATUS_DONE);
  EXPECT_EQ(a.done_on(), "2026-02-20");
  EXPECT_TRUE(a.drop_reason().empty());
  ASSERT_EQ(a.history_size(), 2);
  EXPECT_EQ(a.history(0).date(), "2026-02-11");
  EXPECT_EQ(a.history(0).from(), v1::ACTION_STATUS_PROPOSED);
  EXPECT_EQ(a.history(0).to(), v1::ACTION_STATUS_OPEN);
  EXPECT_EQ(a.history(1).date(), "2026-02-20");
  EXPECT_EQ(a.history(1).from(), v1::ACTION_STATUS_OPEN);
  EXPECT_EQ(a.history(1).to(), v1::ACTION_STATUS_DONE);
  ExpectValid(j);
}

TEST(JournalTransitionTest, OpenDroppedWithReason) {
  Journal j = WithPlan();
  ASSERT_OK(j.OpenAction("a2", Day(2026, 2, 10)));  // same day as created
  EXPECT_REFUSED(j, j.DropAction("a2", Day(2026, 2, 21), ""), kInvalid,
                 "reason", "empty", "a2");
  ASSERT_OK(j.DropAction("a2", Day(2026, 2, 21), "no budget this quarter"));
  const v1::Action& a = j.proto().actions(1);
  EXPECT_EQ(a.status(), v1::ACTION_STATUS_DROPPED);
  EXPECT_EQ(a.drop_reason(), "no budget this quarter");
  EXPECT_TRUE(a.done_on().empty());
  ASSERT_EQ(a.history_size(), 2);
  EXPECT_EQ(a.history(1).date(), "2026-02-21");
  EXPECT_EQ(a.history(1).from(), v1::ACTION_STATUS_OPEN);
  EXPECT_EQ(a.history(1).to(), v1::ACTION_STATUS_DROPPED);
  EXPECT_EQ(a.history(1).reason(), "no budget this quarter");
  ExpectValid(j);
}

TEST(JournalTransitionTest, EveryOtherTransitionIsFailedPrecondition) {
  Journal j = WithPlan();
  const absl::CivilDay d = Day(2026, 2, 12);
  // proposed -> done, proposed -> dropped.
  EXPECT_REFUSED(j, j.CompleteAction("a1", d), kPrecondition, "a1", "proposed",
                 "done");
  EXPECT_REFUSED(j, j.DropAction("a1", d, "why"), kPrecondition, "a1",
                 "proposed", "dropped");
  // open -> open.
  ASSERT_OK(j.OpenAction("a1", d));
  EXPECT_REFUSED(j, j.OpenAction("a1", d), kPrecondition, "a1", "open");
  // done -> open, done -> dropped, done -> done.
  ASSERT_OK(j.CompleteAction("a1", d));
  EXPECT_REFUSED(j, j.OpenAction("a1", d), kPrecondition, "a1", "done", "open");
  EXPECT_REFUSED(j, j.DropAction("a1", d, "why"), kPrecondition, "a1", "done",
                 "dropped");
  EXPECT_REFUSED(j, j.CompleteAction("a1", d), kPrecondition, "a1", "done");
  // dropped -> open, dropped -> done.
  ASSERT_OK(j.OpenAction("a2", d));
  ASSERT_OK(j.DropAction("a2", d, "why"));
  EXPECT_REFUSED(j, j.OpenAction("a2", d), kPrecondition, "a2", "dropped",
                 "open");
  EXPECT_REFUSED(j, j.CompleteAction("a2", d), kPrecondition, "a2", "dropped",
                 "done");
  EXPECT_REFUSED(j, j.DropAction("a2", d, "again"), kPrecondition, "a2",
                 "dropped");
  ExpectValid(j);
}

TEST(JournalTransitionTest, DateBeforeTheLastChangeIsRefused) {
  Journal j = WithPlan();
  EXPECT_REFUSED(j, j.OpenAction("a1", Day(2026, 2, 9)), kInvalid, "2026-02-09",
                 "2026-02-10");
  ASSERT_OK(j.OpenAction("a1", Day(2026, 2, 15)));
  EXPECT_REFUSED(j, j.CompleteAction("a1", Day(2026, 2, 14)), kInvalid,
                 "2026-02-14", "2026-02-15");
  EXPECT_REFUSED(j, j.DropAction("a1", Day(2026, 2, 14), "why"), kInvalid,
                 "2026-02-14", "2026-02-15");
  ASSERT_OK(j.CompleteAction("a1", Day(2026, 2, 15)));  // same day is fine
  ExpectValid(j);
}

TEST(JournalTransitionTest, UnknownActionIsNotFound) {
  Journal j = WithPlan();
  const absl::CivilDay d = Day(2026, 2, 12);
  EXPECT_REFUSED(j, j.OpenAction("a9", d), kNotFound, "a9");
  EXPECT_REFUSED(j, j.CompleteAction("a9", d), kNotFound, "a9");
  EXPECT_REFUSED(j, j.DropAction("a9", d, "why"), kNotFound, "a9");
}

// ===========================================================================
// Feedback
// ===========================================================================

TEST(JournalFeedbackTest, AppendedInOrder) {
  Journal j = WithPlan();
  ASSERT_OK(j.AddFeedback("a1", Day(2026, 2, 12), "m-ann", "started", 10));
  ASSERT_OK(j.AddFeedback("a1", Day(2026, 2, 15), "m-bob", "looks good"));
  ASSERT_OK(j.AddFeedback("a1", Day(2026, 2, 14), "m-cas", "nothing yet", 0));
  ASSERT_OK(j.AddFeedback("a1", Day(2026, 2, 16), "m-ann", "finished", 100));
  const v1::Action& a = j.proto().actions(0);
  ASSERT_EQ(a.feedback_size(), 4);
  EXPECT_EQ(a.feedback(0).date(), "2026-02-12");
  EXPECT_EQ(a.feedback(0).author_id(), "m-ann");
  EXPECT_EQ(a.feedback(0).text(), "started");
  ASSERT_TRUE(a.feedback(0).has_progress());
  EXPECT_EQ(a.feedback(0).progress(), 10);
  EXPECT_EQ(a.feedback(1).author_id(), "m-bob");
  EXPECT_FALSE(a.feedback(1).has_progress());
  EXPECT_EQ(a.feedback(2).date(), "2026-02-14");  // appended, not sorted
  ASSERT_TRUE(a.feedback(2).has_progress());
  EXPECT_EQ(a.feedback(2).progress(), 0);
  EXPECT_EQ(a.feedback(3).progress(), 100);
  EXPECT_THAT(j.proto().actions(1).feedback(), IsEmpty());
  ExpectValid(j);
}

TEST(JournalFeedbackTest, AuthorMustBeACurrentMemberOnThatDate) {
  Journal j = WithPlan();
  ASSERT_OK(j.RecordLeave("m-dirk", Day(2026, 2, 14)));
  ASSERT_OK(j.AddMember("m-eve", "Eve Prins", Day(2026, 3, 1)));
  EXPECT_REFUSED(j, j.AddFeedback("a1", Day(2026, 2, 12), "m-zed", "hi"),
                 kNotFound, "feedback.author_id", "m-zed");
  EXPECT_REFUSED(j, j.AddFeedback("a1", Day(2026, 2, 14), "m-dirk", "hi"),
                 kPrecondition, "feedback.author_id", "m-dirk", "left");
  EXPECT_REFUSED(j, j.AddFeedback("a1", Day(2026, 2, 20), "m-eve", "hi"),
                 kPrecondition, "feedback.author_id", "m-eve", "joined");
  // Before leaving, and after joining, they may.
  EXPECT_OK(j.AddFeedback("a1", Day(2026, 2, 13), "m-dirk", "hi"));
  EXPECT_OK(j.AddFeedback("a1", Day(2026, 3, 1), "m-eve", "hi"));
  ExpectValid(j);
}

TEST(JournalFeedbackTest, TextProgressDateAndActionAreChecked) {
  Journal j = WithPlan();
  const absl::CivilDay d = Day(2026, 2, 12);
  EXPECT_REFUSED(j, j.AddFeedback("a1", d, "m-ann", ""), kInvalid,
                 "feedback.text", "empty");
  EXPECT_REFUSED(j, j.AddFeedback("a1", d, "m-ann", "x", -1), kInvalid,
                 "feedback.progress", "-1");
  EXPECT_REFUSED(j, j.AddFeedback("a1", d, "m-ann", "x", 101), kInvalid,
                 "feedback.progress", "101");
  EXPECT_REFUSED(j, j.AddFeedback("a1", Day(2026, 2, 9), "m-ann", "x"),
                 kInvalid, "feedback.date", "2026-02-09", "2026-02-10");
  EXPECT_REFUSED(j, j.AddFeedback("a9", d, "m-ann", "x"), kNotFound,
                 "action_id", "a9");
  EXPECT_OK(j.AddFeedback("a1", d, "m-ann", "x", 0));
  EXPECT_OK(j.AddFeedback("a1", d, "m-ann", "x", 100));
  EXPECT_OK(j.AddFeedback("a1", kPlanDay, "m-ann", "on the day"));
  EXPECT_EQ(j.proto().actions(0).feedback_size(), 3);
}

// ===========================================================================
// FollowUp
// ===========================================================================

// Plan p1 (2026-02-10) with four structure actions, opened 2026-02-11:
//   a1 m-ann due 02-20, done 02-18 (on time)
//   a2 m-bob due 02-25, dropped 02-22
//   a3 m-cas due 03-05, done 03-07 (late)
//   a4 m-ann due 03-12 (default), still open
Journal FollowUpJournal(v1::TeamConfig config = ActionsPerPlan(4)) {
  Journal j = WithRound(config);
  EXPECT_OK(
      j.CreatePlan(MakePlan("r1", kPlanDay,
                            {Act("Decision log", "m-ann", Day(2026, 2, 20)),
                             Act("Agenda", "m-bob", Day(2026, 2, 25)),
                             Act("Roles", "m-cas", Day(2026, 3, 5)),
                             Act("Meeting format", "m-ann")})));
  for (const char* id : {"a1", "a2", "a3", "a4"}) {
    EXPECT_OK(j.OpenAction(id, Day(2026, 2, 11)));
  }
  EXPECT_OK(j.CompleteAction("a1", Day(2026, 2, 18)));
  EXPECT_OK(j.DropAction("a2", Day(2026, 2, 22), "blocked"));
  EXPECT_OK(j.CompleteAction("a3", Day(2026, 3, 7)));
  return j;
}

TEST(JournalFollowUpTest, BeforeAnythingAndWhileProposed) {
  const Journal j = FollowUpJournal();
  // Actions created after as_of are absent.
  const v1::FollowUp before = j.FollowUp(Day(2026, 2, 9));
  EXPECT_EQ(before.as_of(), "2026-02-09");
  EXPECT_THAT(before.open(), IsEmpty());
  EXPECT_THAT(before.due_soon(), IsEmpty());
  EXPECT_THAT(before.overdue(), IsEmpty());
  EXPECT_THAT(before.celebrate(), IsEmpty());
  EXPECT_THAT(before.needs_attention(), IsEmpty());
  EXPECT_FALSE(before.has_completion_rate());
  EXPECT_FALSE(before.has_on_time_rate());
  EXPECT_TRUE(before.owner_id().empty());
  EXPECT_EQ(before.pillar(), v1::PILLAR_UNSPECIFIED);
  // On the plan's day the actions are proposed: not open yet.
  const v1::FollowUp proposed = j.FollowUp(kPlanDay);
  EXPECT_THAT(proposed.open(), IsEmpty());
  EXPECT_FALSE(proposed.has_completion_rate());
}

TEST(JournalFollowUpTest, PastDateFollowsTheHistory) {
  const Journal j = FollowUpJournal();
  // a1, a2, a3 were all still open on 02-15.
  const v1::FollowUp f = j.FollowUp(Day(2026, 2, 15));
  EXPECT_THAT(Ids(f.open()), ElementsAre("a1", "a2", "a3", "a4"));
  EXPECT_THAT(Ids(f.due_soon()), ElementsAre("a1"));  // 5 days
  EXPECT_THAT(f.overdue(), IsEmpty());
  EXPECT_THAT(f.celebrate(), IsEmpty());
  EXPECT_THAT(f.needs_attention(), IsEmpty());
  EXPECT_FALSE(f.has_completion_rate());
  EXPECT_FALSE(f.has_on_time_rate());
}

TEST(JournalFollowUpTest, ActionsAreListedAsTheyStoodOnThatDate) {
  Journal j = FollowUpJournal();
  EXPECT_OK(j.AddFeedback("a3", Day(2026, 2, 14), "m-cas", "Draft roles", 40));
  EXPECT_OK(j.AddFeedback("a3", Day(2026, 3, 6), "m-cas", "Almost", 90));
  const v1::FollowUp f = j.FollowUp(Day(2026, 2, 15));
  ASSERT_THAT(Ids(f.open()), ElementsAre("a1", "a2", "a3", "a4"));
  // a1 was done on 02-18, a2 dropped on 02-22: on 02-15 both were open.
  const v1::Action& a1 = f.open(0);
  EXPECT_EQ(a1.status(), v1::ACTION_STATUS_OPEN);
  EXPECT_EQ(a1.done_on(), "");
  ASSERT_EQ(a1.history_size(), 1);  // proposed -> open on 02-11
  EXPECT_EQ(a1.history(0).to(), v1::ACTION_STATUS_OPEN);
  const v1::Action& a2 = f.open(1);
  EXPECT_EQ(a2.status(), v1::ACTION_STATUS_OPEN);
  EXPECT_EQ(a2.drop_reason(), "");
  // Feedback given later is not there yet.
  const v1::Action& a3 = f.open(2);
  ASSERT_EQ(a3.feedback_size(), 1);
  EXPECT_EQ(a3.feedback(0).text(), "Draft roles");
  // The journal itself keeps everything.
  EXPECT_EQ(j.proto().actions(0).status(), v1::ACTION_STATUS_DONE);
  EXPECT_EQ(j.proto().actions(2).feedback_size(), 2);
  // Later, the celebrate list shows a3 done, with both feedbacks.
  const v1::FollowUp later = j.FollowUp(Day(2026, 3, 8));
  ASSERT_THAT(Ids(later.celebrate()), ElementsAre("a1", "a3"));
  EXPECT_EQ(later.celebrate(1).status(), v1::ACTION_STATUS_DONE);
  EXPECT_EQ(later.celebrate(1).done_on(), "2026-03-07");
  EXPECT_EQ(later.celebrate(1).feedback_size(), 2);
}

TEST(JournalFollowUpTest, ListsAndRates) {
  const Journal j = FollowUpJournal();
  {
    SCOPED_TRACE("2026-03-01");
    const v1::FollowUp f = j.FollowUp(Day(2026, 3, 1));
    EXPECT_THAT(Ids(f.open()), ElementsAre("a3", "a4"));
    EXPECT_THAT(Ids(f.due_soon()), ElementsAre("a3"));  // 4 days; a4 11
    EXPECT_THAT(f.overdue(), IsEmpty());
    EXPECT_THAT(Ids(f.celebrate()), ElementsAre("a1"));
    EXPECT_THAT(Ids(f.needs_attention()), ElementsAre("a2"));
    // 1 done / (1 done + 1 dropped + 0 overdue).
    ASSERT_TRUE(f.has_completion_rate());
    EXPECT_NEAR(f.completion_rate(), 0.5, kExact);
    // a1 done 02-18, due 02-20.
    ASSERT_TRUE(f.has_on_time_rate());
    EXPECT_NEAR(f.on_time_rate(), 1.0, kExact);
  }
  {
    SCOPED_TRACE("2026-03-04: a4 is 8 days away");
    const v1::FollowUp f = j.FollowUp(Day(2026, 3, 4));
    EXPECT_THAT(Ids(f.due_soon()), ElementsAre("a3"));
  }
  {
    SCOPED_TRACE("2026-03-05: a3 due today, a4 in 7 days (inclusive)");
    const v1::FollowUp f = j.FollowUp(Day(2026, 3, 5));
    EXPECT_THAT(Ids(f.due_soon()), ElementsAre("a3", "a4"));
    EXPECT_THAT(f.overdue(), IsEmpty());
  }
  {
    SCOPED_TRACE("2026-03-06: a3 overdue");
    const v1::FollowUp f = j.FollowUp(Day(2026, 3, 6));
    EXPECT_THAT(Ids(f.open()), ElementsAre("a3", "a4"));
    EXPECT_THAT(Ids(f.overdue()), ElementsAre("a3"));
    EXPECT_THAT(Ids(f.due_soon()), ElementsAre("a4"));
    EXPECT_THAT(Ids(f.needs_attention()), ElementsAre("a2", "a3"));
    // 1 done / (1 + 1 dropped + 1 overdue).
    EXPECT_NEAR(f.completion_rate(), 1.0 / 3.0, kExact);
    EXPECT_NEAR(f.on_time_rate(), 1.0, kExact);
  }
  {
    SCOPED_TRACE("2026-03-08: a3 done late");
    const v1::FollowUp f = j.FollowUp(Day(2026, 3, 8));
    EXPECT_THAT(Ids(f.open()), ElementsAre("a4"));
    EXPECT_THAT(Ids(f.due_soon()), ElementsAre("a4"));
    EXPECT_THAT(f.overdue(), IsEmpty());
    EXPECT_THAT(Ids(f.celebrate()), ElementsAre("a1", "a3"));
    EXPECT_THAT(Ids(f.needs_attention()), ElementsAre("a2"));
    // 2 done / (2 + 1 dropped).
    EXPECT_NEAR(f.completion_rate(), 2.0 / 3.0, kExact);
    // a1 on time, a3 two days late.
    EXPECT_NEAR(f.on_time_rate(), 0.5, kExact);
  }
  {
    SCOPED_TRACE("2026-03-13: a4 overdue");
    const v1::FollowUp f = j.FollowUp(Day(2026, 3, 13));
    EXPECT_THAT(Ids(f.open()), ElementsAre("a4"));
    EXPECT_THAT(Ids(f.overdue()), ElementsAre("a4"));
    EXPECT_THAT(f.due_soon(), IsEmpty());
    EXPECT_THAT(Ids(f.needs_attention()), ElementsAre("a2", "a4"));
    // 2 done / (2 + 1 dropped + 1 overdue).
    EXPECT_NEAR(f.completion_rate(), 0.5, kExact);
    EXPECT_NEAR(f.on_time_rate(), 0.5, kExact);
  }
}

TEST(JournalFollowUpTest, ConfigurableDueSoon) {
  v1::TeamConfig config = ActionsPerPlan(4);
  config.set_due_soon_days(3);
  const Journal j = FollowUpJournal(config);
  // a4 is due 03-12.
  EXPECT_THAT(j.FollowUp(Day(2026, 3, 8)).due_soon(), IsEmpty());  // 4 days
  EXPECT_THAT(Ids(j.FollowUp(Day(2026, 3, 9)).due_soon()),
              ElementsAre("a4"));  // 3 days
}

TEST(JournalFollowUpTest, SinceTheLastCheckAndFilters) {
  Journal j = FollowUpJournal();
  CheckInput check =
      Check(Day(2026, 3, 14), {Review("a4", v1::REVIEW_OUTCOME_KEPT)});
  check.agreement_actions.push_back(
      {0, Act("Pair on the log", "m-bob", std::nullopt, Pillar::kSynergy)});
  ASSERT_OK(j.RecordCheck(check));
  ASSERT_EQ(j.proto().actions_size(), 5);
  EXPECT_EQ(j.proto().actions(4).due(), "2026-04-13");
  {
    SCOPED_TRACE("on the check's day, the check is not yet 'the last'");
    const v1::FollowUp f = j.FollowUp(Day(2026, 3, 14));
    EXPECT_THAT(Ids(f.celebrate()), ElementsAre("a1", "a3"));
    EXPECT_THAT(Ids(f.needs_attention()), ElementsAre("a2", "a4"));
  }
  {
    SCOPED_TRACE("after the check");
    const v1::FollowUp f = j.FollowUp(Day(2026, 3, 15));
    EXPECT_THAT(Ids(f.open()), ElementsAre("a4", "a5"));
    EXPECT_THAT(f.celebrate(), IsEmpty());  // a1 and a3 before the check
    EXPECT_THAT(Ids(f.needs_attention()), ElementsAre("a4"));  // not a2
    EXPECT_NEAR(f.completion_rate(), 0.5, kExact);
    EXPECT_NEAR(f.on_time_rate(), 0.5, kExact);
  }
  {
    SCOPED_TRACE("owner m-ann");
    const v1::FollowUp f = j.FollowUp(Day(2026, 3, 15), "m-ann");
    EXPECT_EQ(f.owner_id(), "m-ann");
    EXPECT_THAT(Ids(f.open()), ElementsAre("a4"));
    EXPECT_THAT(Ids(f.overdue()), ElementsAre("a4"));
    // a1 done on time; a4 overdue.
    EXPECT_NEAR(f.completion_rate(), 0.5, kExact);
    EXPECT_NEAR(f.on_time_rate(), 1.0, kExact);
  }
  {
    SCOPED_TRACE("pillar synergy");
    const v1::FollowUp f = j.FollowUp(Day(2026, 3, 15), "", Pillar::kSynergy);
    EXPECT_EQ(f.pillar(), v1::PILLAR_SYNERGY);
    EXPECT_TRUE(f.owner_id().empty());
    EXPECT_THAT(Ids(f.open()), ElementsAre("a5"));
    EXPECT_THAT(f.overdue(), IsEmpty());
    EXPECT_FALSE(f.has_completion_rate());
    EXPECT_FALSE(f.has_on_time_rate());
  }
  {
    SCOPED_TRACE("pillar structure");
    const v1::FollowUp f = j.FollowUp(Day(2026, 3, 15), "", Pillar::kStructure);
    EXPECT_THAT(Ids(f.open()), ElementsAre("a4"));
  }
  {
    SCOPED_TRACE("owner m-bob, pillar structure: only the dropped a2");
    const v1::FollowUp f =
        j.FollowUp(Day(2026, 3, 15), "m-bob", Pillar::kStructure);
    EXPECT_EQ(f.owner_id(), "m-bob");
    EXPECT_EQ(f.pillar(), v1::PILLAR_STRUCTURE);
    EXPECT_THAT(f.open(), IsEmpty());
    ASSERT_TRUE(f.has_completion_rate());
    EXPECT_NEAR(f.completion_rate(), 0.0, kExact);
    EXPECT_FALSE(f.has_on_time_rate());
  }
  {
    SCOPED_TRACE("an unknown owner: nothing");
    const v1::FollowUp f = j.FollowUp(Day(2026, 3, 15), "m-zed");
    EXPECT_THAT(f.open(), IsEmpty());
    EXPECT_FALSE(f.has_completion_rate());
  }
  ExpectValid(j);
}

// ===========================================================================
// CheckStatus
// ===========================================================================

TEST(JournalCheckStatusTest, NotDueWithoutPlan) {
  const Journal j = WithRound();
  const v1::CheckStatus s = j.CheckStatus(Day(2026, 12, 31));
  EXPECT_EQ(s.state(), v1::CHECK_STATE_NOT_DUE);
  EXPECT_TRUE(s.anchor().empty());
  EXPECT_TRUE(s.window_start().empty());
  EXPECT_TRUE(s.window_end().empty());
  EXPECT_TRUE(s.last_check_id().empty());
}

TEST(JournalCheckStatusTest, AnchoredOnTheFirstPlanThenTheLastCheck) {
  Journal j = WithPlan();
  EXPECT_TRUE(j.CheckStatus(Day(2026, 2, 9)).anchor().empty());
  EXPECT_EQ(j.CheckStatus(Day(2026, 2, 9)).state(), v1::CHECK_STATE_NOT_DUE);

  struct Expect {
    absl::CivilDay day;
    v1::CheckState state;
  };
  auto check_window = [&](const std::string& anchor, const std::string& start,
                          const std::string& end, const std::string& last,
                          const std::vector<Expect>& days) {
    for (const Expect& e : days) {
      SCOPED_TRACE(testing::Message() << e.day);
      const v1::CheckStatus s = j.CheckStatus(e.day);
      EXPECT_EQ(s.anchor(), anchor);
      EXPECT_EQ(s.window_start(), start);
      EXPECT_EQ(s.window_end(), end);
      EXPECT_EQ(s.last_check_id(), last);
      EXPECT_EQ(s.state(), e.state);
    }
  };
  // Plan on 2026-02-10: window 02-10 + 42 .. + 56.
  check_window("2026-02-10", "2026-03-24", "2026-04-07", "",
               {{kPlanDay, v1::CHECK_STATE_NOT_DUE},
                {Day(2026, 3, 23), v1::CHECK_STATE_NOT_DUE},   // day 41
                {Day(2026, 3, 24), v1::CHECK_STATE_DUE},       // day 42
                {Day(2026, 4, 7), v1::CHECK_STATE_DUE},        // day 56
                {Day(2026, 4, 8), v1::CHECK_STATE_OVERDUE}});  // day 57

  // A later plan does not move the anchor: the first plan starts the rhythm.
  AddRound(j, "r2", Day(2026, 3, 2), Day(2026, 3, 3), SecondRoundResponses());
  ASSERT_OK(j.CreatePlan(MakePlan("r2", Day(2026, 3, 4), Actions(2))));
  check_window("2026-02-10", "2026-03-24", "2026-04-07", "",
               {{Day(2026, 3, 23), v1::CHECK_STATE_NOT_DUE},
                {Day(2026, 3, 24), v1::CHECK_STATE_DUE}});

  // A check on 03-30 becomes the anchor from that day on.
  ASSERT_OK(j.RecordCheck(Check(Day(2026, 3, 30))));
  check_window("2026-02-10", "2026-03-24", "2026-04-07", "",
               {{Day(2026, 3, 29), v1::CHECK_STATE_DUE}});
  check_window("2026-03-30", "2026-05-11", "2026-05-25", "c1",
               {{Day(2026, 3, 30), v1::CHECK_STATE_NOT_DUE},
                {Day(2026, 5, 10), v1::CHECK_STATE_NOT_DUE},
                {Day(2026, 5, 11), v1::CHECK_STATE_DUE},
                {Day(2026, 5, 25), v1::CHECK_STATE_DUE},
                {Day(2026, 5, 26), v1::CHECK_STATE_OVERDUE}});
  // And the next check after it.
  ASSERT_OK(j.RecordCheck(Check(Day(2026, 5, 12))));
  EXPECT_EQ(j.CheckStatus(Day(2026, 5, 12)).last_check_id(), "c2");
  EXPECT_EQ(j.CheckStatus(Day(2026, 5, 12)).anchor(), "2026-05-12");
  EXPECT_EQ(j.CheckStatus(Day(2026, 5, 11)).last_check_id(), "c1");
}

TEST(JournalCheckStatusTest, CustomWindow) {
  v1::TeamConfig config;
  config.set_check_min_days(14);
  config.set_check_max_days(21);
  const Journal j = WithPlan(config);
  const std::pair<absl::CivilDay, v1::CheckState> days[] = {
      {Day(2026, 2, 23), v1::CHECK_STATE_NOT_DUE},
      {Day(2026, 2, 24), v1::CHECK_STATE_DUE},
      {Day(2026, 3, 3), v1::CHECK_STATE_DUE},
      {Day(2026, 3, 4), v1::CHECK_STATE_OVERDUE}};
  for (const auto& [day, state] : days) {
    SCOPED_TRACE(testing::Message() << day);
    const v1::CheckStatus s = j.CheckStatus(day);
    EXPECT_EQ(s.window_start(), "2026-02-24");
    EXPECT_EQ(s.window_end(), "2026-03-03");
    EXPECT_EQ(s.state(), state);
  }
}

// ===========================================================================
// RecordCheck
// ===========================================================================

// Plan p1 with a1..a4 (owners m-ann, m-bob, m-cas, m-dirk); a1..a3 opened on
// 2026-02-11, a4 still proposed.
Journal CheckJournal(v1::TeamConfig config = ActionsPerPlan(4)) {
  Journal j = WithPlan(config);
  for (const char* id : {"a1", "a2", "a3"}) {
    EXPECT_OK(j.OpenAction(id, Day(2026, 2, 11)));
  }
  return j;
}

const absl::CivilDay kCheckDay = Day(2026, 3, 24);

CheckInput GoodCheck() {
  CheckInput in = Check(
      kCheckDay, {Review("a1", v1::REVIEW_OUTCOME_DONE),
                  Review("a2", v1::REVIEW_OUTCOME_DROPPED, "", "no budget"),
                  Review("a3", v1::REVIEW_OUTCOME_REPLANNED, "2026-04-23")});
  in.agreement_actions.push_back({0, Act("Keep the decision log", "m-cas",
                                         std::nullopt, Pillar::kSynergy)});
  return in;
}

TEST(JournalRecordCheckTest, AppliesReviewsAndAgreements) {
  Journal j = CheckJournal();
  absl::StatusOr<std::string> id = j.RecordCheck(GoodCheck());
  ASSERT_TRUE(id.ok()) << id.status();
  EXPECT_EQ(*id, "c1");
  ASSERT_EQ(j.proto().checks_size(), 1);
  const v1::Check& c = j.proto().checks(0);
  EXPECT_EQ(c.id(), "c1");
  EXPECT_EQ(c.date(), "2026-03-24");
  EXPECT_EQ(c.facilitator_id(), "m-ann");  // the guardian, by default
  EXPECT_THAT(c.helps(), ElementsAre("short meetings"));
  EXPECT_THAT(c.chafes(), ElementsAre("late agendas"));
  EXPECT_THAT(c.hinders(), ElementsAre("no decision log"));
  EXPECT_THAT(c.agreements(),
              ElementsAre("decisions go in the log the same day"));
  ASSERT_EQ(c.reviews_size(), 3);
  EXPECT_EQ(c.reviews(1).note(), "no budget");
  EXPECT_THAT(c.action_ids(), ElementsAre("a5"));

  const v1::Action& a1 = j.proto().actions(0);
  EXPECT_EQ(a1.status(), v1::ACTION_STATUS_DONE);
  EXPECT_EQ(a1.done_on(), "2026-03-24");
  EXPECT_EQ(a1.history().rbegin()->date(), "2026-03-24");
  EXPECT_EQ(a1.history().rbegin()->to(), v1::ACTION_STATUS_DONE);
  const v1::Action& a2 = j.proto().actions(1);
  EXPECT_EQ(a2.status(), v1::ACTION_STATUS_DROPPED);
  EXPECT_EQ(a2.drop_reason(), "no budget");
  EXPECT_EQ(a2.history().rbegin()->reason(), "no budget");
  const v1::Action& a3 = j.proto().actions(2);
  EXPECT_EQ(a3.status(), v1::ACTION_STATUS_OPEN);
  EXPECT_EQ(a3.due(), "2026-04-23");  // the last day of the window
  EXPECT_EQ(j.proto().actions(3).status(), v1::ACTION_STATUS_PROPOSED);

  const v1::Action& a5 = j.proto().actions(4);
  EXPECT_EQ(a5.id(), "a5");
  EXPECT_EQ(a5.check_id(), "c1");
  EXPECT_TRUE(a5.plan_id().empty());
  EXPECT_EQ(a5.pillar(), v1::PILLAR_SYNERGY);
  EXPECT_EQ(a5.owner_id(), "m-cas");
  EXPECT_EQ(a5.created(), "2026-03-24");
  EXPECT_EQ(a5.due(), "2026-04-23");
  EXPECT_EQ(a5.status(), v1::ACTION_STATUS_OPEN);
  ASSERT_EQ(a5.history_size(), 1);
  EXPECT_EQ(a5.history(0).from(), v1::ACTION_STATUS_PROPOSED);
  EXPECT_EQ(a5.history(0).to(), v1::ACTION_STATUS_OPEN);
  EXPECT_EQ(a5.history(0).date(), "2026-03-24");
  EXPECT_EQ(j.proto().next_action(), 5);
  EXPECT_EQ(j.proto().next_check(), 1);
  ExpectValid(j);

  // The second check: every open action (a3, a5) reviewed; KEPT changes
  // nothing; the proposed a4 needs no review.
  EXPECT_REFUSED(j, j.RecordCheck(Check(kCheckDay)), kInvalid, "check.date",
                 "2026-03-24", "c1");
  EXPECT_REFUSED(j, j.RecordCheck(Check(Day(2026, 3, 20))), kInvalid,
                 "check.date", "2026-03-20", "c1");
  const v1::Action a3_before = j.proto().actions(2);
  absl::StatusOr<std::string> second = j.RecordCheck(
      Check(Day(2026, 5, 5), {Review("a5", v1::REVIEW_OUTCOME_KEPT),
                              Review("a3", v1::REVIEW_OUTCOME_KEPT)}));
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(*second, "c2");
  EXPECT_TRUE(SameProto(j.proto().actions(2), a3_before));
  EXPECT_EQ(j.proto().checks(1).facilitator_id(), "m-bob");  // rotated
  ExpectValid(j);
}

TEST(JournalRecordCheckTest, FacilitatorMustBeTheGuardian) {
  Journal j = CheckJournal();
  CheckInput in = GoodCheck();
  in.facilitator_id = "m-bob";
  EXPECT_REFUSED(j, j.RecordCheck(in), kPrecondition, "check.facilitator_id",
                 "m-bob", "m-ann", "2026-03-24");
  in.facilitator_id = "m-zed";
  EXPECT_REFUSED(j, j.RecordCheck(in), kPrecondition, "m-zed", "m-ann");
  in.facilitator_id = "m-ann";
  EXPECT_OK(j.RecordCheck(in));
  EXPECT_EQ(j.proto().checks(0).facilitator_id(), "m-ann");
}

TEST(JournalRecordCheckTest, EveryOpenActionReviewedExactlyOnce) {
  Journal j = CheckJournal();
  {
    CheckInput in = GoodCheck();
    in.reviews.pop_back();  // a3
    EXPECT_REFUSED(j, j.RecordCheck(in), kInvalid, "check.reviews", "a3",
                   "not reviewed");
  }
  {
    CheckInput in = GoodCheck();
    in.reviews.push_back(Review("a4", v1::REVIEW_OUTCOME_KEPT));  // proposed
    EXPECT_REFUSED(j, j.RecordCheck(in), kPrecondition, "check.reviews[3]",
                   "a4", "not open");
  }
  {
    CheckInput in = GoodCheck();
    in.reviews.push_back(Review("a99", v1::REVIEW_OUTCOME_KEPT));
    EXPECT_REFUSED(j, j.RecordCheck(in), kNotFound, "check.reviews[3]", "a99");
  }
  {
    CheckInput in = GoodCheck();
    in.reviews.push_back(Review("a3", v1::REVIEW_OUTCOME_KEPT));
    EXPECT_REFUSED(j, j.RecordCheck(in), kInvalid, "check.reviews[3]", "a3",
                   "twice");
  }
  {
    CheckInput in = GoodCheck();
    in.reviews[0].set_outcome(v1::REVIEW_OUTCOME_UNSPECIFIED);
    EXPECT_REFUSED(j, j.RecordCheck(in), kInvalid, "check.reviews[0].outcome");
  }
  EXPECT_THAT(j.proto().checks(), IsEmpty());
}

// A second review of an action whose first review closed it is still a
// duplicate review of an action that was open on the check's date.
TEST(JournalRecordCheckTest, ReviewedTwiceAfterADoneOutcome) {
  Journal j = CheckJournal();
  CheckInput in = GoodCheck();
  in.reviews.push_back(Review("a1", v1::REVIEW_OUTCOME_KEPT));
  EXPECT_REFUSED(j, j.RecordCheck(in), kInvalid, "check.reviews[3]", "a1",
                 "twice");
}

TEST(JournalRecordCheckTest, DoneActionIsNotReviewedAgain) {
  Journal j = CheckJournal();
  ASSERT_OK(j.CompleteAction("a1", Day(2026, 3, 1)));
  CheckInput in = GoodCheck();
  EXPECT_REFUSED(j, j.RecordCheck(in), kPrecondition, "check.reviews[0]", "a1",
                 "not open");
  in.reviews.erase(in.reviews.begin());
  EXPECT_OK(j.RecordCheck(in));
  ExpectValid(j);
}

TEST(JournalRecordCheckTest, OutcomeRequirements) {
  Journal j = CheckJournal();
  {
    CheckInput in = GoodCheck();
    in.reviews[1].clear_note();
    EXPECT_REFUSED(j, j.RecordCheck(in), kInvalid, "check.reviews[1].note",
                   "empty");
  }
  {
    CheckInput in = GoodCheck();
    in.reviews[2].set_new_due("2026-04-24");  // check + 31
    EXPECT_REFUSED(j, j.RecordCheck(in), kInvalid, "check.reviews[2].new_due",
                   "2026-04-24", "2026-04-23");
  }
  {
    CheckInput in = GoodCheck();
    in.reviews[2].set_new_due("2026-03-23");  // before the check
    EXPECT_REFUSED(j, j.RecordCheck(in), kInvalid, "check.reviews[2].new_due",
                   "2026-03-23");
  }
  {
    CheckInput in = GoodCheck();
    in.reviews[2].set_new_due("");
    EXPECT_REFUSED(j, j.RecordCheck(in), kInvalid, "check.reviews[2].new_due");
  }
  {
    CheckInput in = GoodCheck();
    in.reviews[2].set_new_due("2026-13-01");
    EXPECT_REFUSED(j, j.RecordCheck(in), kInvalid, "check.reviews[2].new_due",
                   "2026-13-01");
  }
  // The check's own day is a valid new due date.
  CheckInput in = GoodCheck();
  in.reviews[2].set_new_due("2026-03-24");
  ASSERT_OK(j.RecordCheck(in));
  EXPECT_EQ(j.proto().actions(2).due(), "2026-03-24");
}

TEST(JournalRecordCheckTest, ReplannedPastTheWindowWhenLateDatesAllowed) {
  v1::TeamConfig config = ActionsPerPlan(4);
  config.set_allow_late_due_dates(true);
  Journal j = CheckJournal(config);
  CheckInput in = GoodCheck();
  in.reviews[2].set_new_due("2026-06-30");
  ASSERT_OK(j.RecordCheck(in));
  EXPECT_EQ(j.proto().actions(2).due(), "2026-06-30");
  ExpectValid(j);
}

TEST(JournalRecordCheckTest, AgreementActions) {
  Journal j = CheckJournal();
  {
    CheckInput in = GoodCheck();
    in.agreement_actions[0].agreement = 1;  // only one agreement
    EXPECT_REFUSED(j, j.RecordCheck(in), kInvalid,
                   "check.agreement_actions[0].agreement", "1");
  }
  {
    CheckInput in = GoodCheck();
    in.agreement_actions[0].agreement = -1;
    EXPECT_REFUSED(j, j.RecordCheck(in), kInvalid,
                   "check.agreement_actions[0].agreement", "-1");
  }
  {
    CheckInput in = GoodCheck();
    in.agreement_actions[0].action.pillar.reset();
    EXPECT_REFUSED(j, j.RecordCheck(in), kInvalid,
                   "check.agreement_actions[0].pillar", "required");
  }
  {
    CheckInput in = GoodCheck();
    in.agreement_actions[0].action.owner_id = "m-zed";
    EXPECT_REFUSED(j, j.RecordCheck(in), kNotFound,
                   "check.agreement_actions[0].owner_id", "m-zed");
  }
  {
    CheckInput in = GoodCheck();
    in.agreement_actions[0].action.title.clear();
    EXPECT_REFUSED(j, j.RecordCheck(in), kInvalid,
                   "check.agreement_actions[0].title", "empty");
  }
  {
    CheckInput in = GoodCheck();
    in.agreement_actions[0].action.due = Day(2026, 4, 24);
    EXPECT_REFUSED(j, j.RecordCheck(in), kInvalid,
                   "check.agreement_actions[0].due", "2026-04-24");
  }
  // Two agreements, two actions from the second one, any pillar.
  CheckInput in = GoodCheck();
  in.agreements.push_back("a shared sentence on success");
  in.agreement_actions.push_back({1, Act("Draft the sentence", "m-dirk",
                                         Day(2026, 4, 1), Pillar::kStrategy)});
  absl::StatusOr<std::string> id = j.RecordCheck(in);
  ASSERT_TRUE(id.ok()) << id.status();
  EXPECT_THAT(j.proto().checks(0).action_ids(), ElementsAre("a5", "a6"));
  const v1::Action& a6 = j.proto().actions(5);
  EXPECT_EQ(a6.id(), "a6");
  EXPECT_EQ(a6.pillar(), v1::PILLAR_STRATEGY);
  EXPECT_EQ(a6.due(), "2026-04-01");
  EXPECT_EQ(a6.check_id(), "c1");
  EXPECT_EQ(a6.status(), v1::ACTION_STATUS_OPEN);
  ExpectValid(j);
}

TEST(JournalRecordCheckTest, EmptyPromptEntryIsRefused) {
  Journal j = CheckJournal();
  {
    CheckInput in = GoodCheck();
    in.helps = {"a", ""};
    EXPECT_REFUSED(j, j.RecordCheck(in), kInvalid, "check.helps[1]", "empty");
  }
  {
    CheckInput in = GoodCheck();
    in.chafes = {""};
    EXPECT_REFUSED(j, j.RecordCheck(in), kInvalid, "check.chafes[0]", "empty");
  }
  {
    CheckInput in = GoodCheck();
    in.hinders = {"x", "y", ""};
    EXPECT_REFUSED(j, j.RecordCheck(in), kInvalid, "check.hinders[2]", "empty");
  }
  {
    CheckInput in = GoodCheck();
    in.agreements = {""};
    EXPECT_REFUSED(j, j.RecordCheck(in), kInvalid, "check.agreements[0]",
                   "empty");
  }
  // Empty lists are fine.
  CheckInput in = GoodCheck();
  in.helps.clear();
  in.chafes.clear();
  in.hinders.clear();
  EXPECT_OK(j.RecordCheck(in));
}

TEST(JournalRecordCheckTest, ChecksWithoutAnyPlan) {
  Journal j = NewJournal();
  absl::StatusOr<std::string> c1 = j.RecordCheck(Check(Day(2026, 2, 1)));
  ASSERT_TRUE(c1.ok()) << c1.status();
  EXPECT_EQ(*c1, "c1");
  absl::StatusOr<std::string> c2 = j.RecordCheck(Check(Day(2026, 3, 15)));
  ASSERT_TRUE(c2.ok()) << c2.status();
  EXPECT_EQ(*c2, "c2");
  ExpectValid(j);
}

// An action opened after the check's date was not open on that date
// (CheckInput::reviews: "one review for every action open on `date`").
TEST(JournalRecordCheckTest, BackdatedCheckBeforeAnActionChangeIsRefused) {
  Journal j = WithPlan();
  ASSERT_OK(j.OpenAction("a1", Day(2026, 2, 11)));
  ASSERT_OK(j.OpenAction("a2", Day(2026, 3, 1)));
  const v1::Journal before = j.proto();
  // A check recorded afterwards, dated 2026-02-20, before a2 was opened:
  // checks are recorded in date order, so it is refused.
  absl::StatusOr<std::string> id = j.RecordCheck(
      Check(Day(2026, 2, 20), {Review("a1", v1::REVIEW_OUTCOME_KEPT)}));
  EXPECT_EQ(id.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(id.status().message(),
              HasSubstr("check.date: 2026-02-20 is before action \"a2\" "
                        "changed on 2026-03-01"));
  EXPECT_TRUE(MessageDifferencer::Equals(before, j.proto()));
}

// Whatever RecordCheck accepts must leave a journal that validates.
TEST(JournalRecordCheckTest, AcceptedCheckNeverBreaksTheJournal) {
  Journal j = WithPlan();
  ASSERT_OK(j.OpenAction("a1", Day(2026, 2, 11)));
  ASSERT_OK(j.OpenAction("a2", Day(2026, 3, 1)));
  absl::StatusOr<std::string> id = j.RecordCheck(
      Check(Day(2026, 2, 20), {Review("a1", v1::REVIEW_OUTCOME_KEPT),
                               Review("a2", v1::REVIEW_OUTCOME_DONE)}));
  EXPECT_FALSE(id.ok());
  EXPECT_OK(Journal::Validate(j.proto()));
}

// A check dated between the last check and a later handover: whatever
// RecordCheck accepts must leave a journal that validates (guardian terms in
// date order).
TEST(JournalRecordCheckTest, CheckBeforeAHandoverNeverBreaksTheJournal) {
  Journal j = NewJournal();
  ASSERT_OK(j.RecordCheck(Check(Day(2026, 3, 1))));     // ann -> bob
  ASSERT_OK(j.RecordLeave("m-bob", Day(2026, 3, 10)));  // bob -> cas
  absl::StatusOr<std::string> id = j.RecordCheck(Check(Day(2026, 3, 5)));
  EXPECT_EQ(id.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(id.status().message(),
              HasSubstr("before the latest process guardian term"));
  EXPECT_OK(Journal::Validate(j.proto()));
}

// ===========================================================================
// Guardian
// ===========================================================================

TEST(JournalGuardianTest, FirstCurrentMemberBeforeAnyCheck) {
  Journal j = NewJournal();
  absl::StatusOr<std::string> g = j.Guardian(Day(2026, 1, 5));
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_EQ(*g, "m-ann");
  EXPECT_THAT(j.proto().guardians(), IsEmpty());
  // Before anyone joined.
  EXPECT_EQ(j.Guardian(Day(2026, 1, 4)).status().code(), kNotFound);
  EXPECT_THAT(std::string(j.Guardian(Day(2026, 1, 4)).status().message()),
              HasSubstr("mt-north"));
  // When the first member left, the next one in join order.
  ASSERT_OK(j.RecordLeave("m-ann", Day(2026, 1, 20)));
  EXPECT_EQ(*j.Guardian(Day(2026, 1, 19)), "m-ann");
  EXPECT_EQ(*j.Guardian(Day(2026, 1, 20)), "m-bob");
  EXPECT_THAT(j.proto().guardians(), IsEmpty());
  ExpectValid(j);
}

TEST(JournalGuardianTest, NoMembersIsNotFound) {
  absl::StatusOr<Journal> j = Journal::Create("mt-empty", "Empty MT");
  ASSERT_TRUE(j.ok());
  EXPECT_EQ(j->Guardian(Day(2026, 1, 1)).status().code(), kNotFound);
  EXPECT_REFUSED(*j, j->RecordCheck(Check(Day(2026, 1, 1))), kNotFound,
                 "mt-empty");

  // Everyone left.
  ASSERT_OK(j->AddMember("m-solo", "Solo", Day(2026, 1, 1)));
  ASSERT_OK(j->RecordLeave("m-solo", Day(2026, 2, 1)));
  EXPECT_EQ(*j->Guardian(Day(2026, 1, 31)), "m-solo");
  EXPECT_EQ(j->Guardian(Day(2026, 2, 1)).status().code(), kNotFound);
}

TEST(JournalGuardianTest, RotationSkipsLeaversAndWrapsAround) {
  Journal j = NewJournal();
  ASSERT_OK(j.RecordCheck(Check(Day(2026, 3, 1))));
  EXPECT_EQ(j.proto().checks(0).facilitator_id(), "m-ann");
  EXPECT_EQ(*j.Guardian(Day(2026, 2, 28)), "m-ann");
  EXPECT_EQ(*j.Guardian(Day(2026, 3, 1)), "m-bob");

  ASSERT_OK(j.RecordLeave("m-cas", Day(2026, 3, 20)));
  CheckInput wrong = Check(Day(2026, 4, 15));
  wrong.facilitator_id = "m-ann";
  EXPECT_REFUSED(j, j.RecordCheck(wrong), kPrecondition, "m-ann", "m-bob");
  ASSERT_OK(j.RecordCheck(Check(Day(2026, 4, 15))));
  EXPECT_EQ(j.proto().checks(1).facilitator_id(), "m-bob");
  EXPECT_EQ(*j.Guardian(Day(2026, 4, 15)), "m-dirk");  // m-cas left

  ASSERT_OK(j.RecordCheck(Check(Day(2026, 6, 1))));
  EXPECT_EQ(j.proto().checks(2).facilitator_id(), "m-dirk");
  EXPECT_EQ(*j.Guardian(Day(2026, 6, 1)), "m-ann");  // wrap-around

  // History of the role.
  ASSERT_EQ(j.proto().guardians_size(), 4);
  const std::tuple<const char*, const char*, v1::GuardianReason> expected[] = {
      {"m-ann", "2026-03-01", v1::GUARDIAN_REASON_FIRST},
      {"m-bob", "2026-03-01", v1::GUARDIAN_REASON_ROTATION},
      {"m-dirk", "2026-04-15", v1::GUARDIAN_REASON_ROTATION},
      {"m-ann", "2026-06-01", v1::GUARDIAN_REASON_ROTATION}};
  for (int i = 0; i < 4; ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(j.proto().guardians(i).member_id(), std::get<0>(expected[i]));
    EXPECT_EQ(j.proto().guardians(i).since(), std::get<1>(expected[i]));
    EXPECT_EQ(j.proto().guardians(i).reason(), std::get<2>(expected[i]));
  }
  // Past dates still give the guardian of the time.
  EXPECT_EQ(*j.Guardian(Day(2026, 4, 14)), "m-bob");
  EXPECT_EQ(*j.Guardian(Day(2026, 5, 31)), "m-dirk");
  ExpectValid(j);
}

TEST(JournalGuardianTest, MemberJoiningLaterJoinsTheRotation) {
  Journal j = NewJournal();
  ASSERT_OK(j.RecordCheck(Check(Day(2026, 3, 1))));   // ann -> bob
  ASSERT_OK(j.RecordCheck(Check(Day(2026, 4, 15))));  // bob -> cas
  ASSERT_OK(j.RecordCheck(Check(Day(2026, 6, 1))));   // cas -> dirk
  ASSERT_OK(j.AddMember("m-eve", "Eve Prins", Day(2026, 6, 10)));
  ASSERT_OK(j.RecordCheck(Check(Day(2026, 7, 15))));  // dirk -> eve
  EXPECT_EQ(*j.Guardian(Day(2026, 7, 15)), "m-eve");
  ASSERT_OK(j.RecordCheck(Check(Day(2026, 9, 1))));  // eve -> ann
  EXPECT_EQ(j.proto().checks(4).facilitator_id(), "m-eve");
  EXPECT_EQ(*j.Guardian(Day(2026, 9, 1)), "m-ann");
  ExpectValid(j);
}

TEST(JournalGuardianTest, GuardianWhoLeavesHandsOver) {
  Journal j = NewJournal();
  ASSERT_OK(j.RecordCheck(Check(Day(2026, 3, 1))));  // guardian now m-bob
  // A leave before the term began is refused.
  EXPECT_REFUSED(j, j.RecordLeave("m-bob", Day(2026, 2, 20)), kPrecondition,
                 "m-bob", "2026-03-01");
  ASSERT_OK(j.RecordLeave("m-bob", Day(2026, 3, 10)));
  ASSERT_EQ(j.proto().guardians_size(), 3);
  const v1::GuardianTerm& handover = j.proto().guardians(2);
  EXPECT_EQ(handover.member_id(), "m-cas");
  EXPECT_EQ(handover.since(), "2026-03-10");
  EXPECT_EQ(handover.reason(), v1::GUARDIAN_REASON_HANDOVER);
  EXPECT_EQ(*j.Guardian(Day(2026, 3, 9)), "m-bob");
  EXPECT_EQ(*j.Guardian(Day(2026, 3, 10)), "m-cas");
  // The next check is led by the new guardian and rotates on from there.
  ASSERT_OK(j.RecordCheck(Check(Day(2026, 4, 15))));
  EXPECT_EQ(j.proto().checks(1).facilitator_id(), "m-cas");
  EXPECT_EQ(*j.Guardian(Day(2026, 4, 15)), "m-dirk");
  // A member who is not the guardian leaves: no new term.
  ASSERT_OK(j.RecordLeave("m-ann", Day(2026, 4, 20)));
  EXPECT_EQ(j.proto().guardians_size(), 4);
  // The last guardian leaves: handover wraps to the first current member.
  ASSERT_OK(j.RecordLeave("m-dirk", Day(2026, 5, 1)));
  ASSERT_EQ(j.proto().guardians_size(), 5);
  EXPECT_EQ(j.proto().guardians(4).member_id(), "m-cas");
  EXPECT_EQ(j.proto().guardians(4).reason(), v1::GUARDIAN_REASON_HANDOVER);
  ExpectValid(j);
}

// ===========================================================================
// ForgetMember
// ===========================================================================

constexpr char kZoeId[] = "zoe-vermeulen";
constexpr char kZoeName[] = "Zo\xC3\xAB Vermeulen";  // "Zoë Vermeulen"
constexpr char kZoeRemark[] = "my private remark";

// Members m-ann, zoe, m-bob, m-cas in join order; zoe answers an open and a
// confidential round, owns actions, writes feedback, is guardian and leads a
// check.
Journal ZoeJournal() {
  absl::StatusOr<Journal> created = Journal::Create("mt-west", "MT West");
  EXPECT_TRUE(created.ok());
  Journal j = *std::move(created);
  EXPECT_OK(j.AddMember("m-ann", "Ann Jansen", Day(2026, 1, 2)));
  EXPECT_OK(j.AddMember(kZoeId, kZoeName, Day(2026, 1, 3)));
  EXPECT_OK(j.AddMember("m-bob", "Bob de Wit", Day(2026, 1, 5)));
  EXPECT_OK(j.AddMember("m-cas", "Cas Bakker", Day(2026, 1, 5)));
  AddRound(
      j, "r1", kR1Day, kR1Closed,
      {Scores("m-ann", {4, 4, 2, 3, 4}), Scores(kZoeId, {2, 5, 1, 4, 3}),
       Scores("m-bob", {4, 3, 1, 3, 4}), Scores("m-cas", {5, 4, 2, 4, 3})});
  AddRound(j, "r2", Day(2026, 2, 4), Day(2026, 2, 5),
           {
               Scores(kZoeId, {1, 2, 3, 4, 5}),
               Scores("m-ann", {4, 4, 2, 3, 4}),
               Scores("m-bob", {4, 3, 1, 3, 4}),
               Scores("m-cas", {5, 4, 2, 4, 3}),
           },
           v1::ROUND_MODE_CONFIDENTIAL);
  EXPECT_OK(j.CreatePlan(MakePlan(
      "r1", kPlanDay, {Act("Decision log", kZoeId), Act("Agenda", "m-ann")})));
  EXPECT_OK(j.OpenAction("a1", Day(2026, 2, 11)));
  EXPECT_OK(j.OpenAction("a2", Day(2026, 2, 11)));
  EXPECT_OK(j.AddFeedback("a2", Day(2026, 2, 15), kZoeId, kZoeRemark, 40));
  EXPECT_OK(j.AddFeedback("a1", Day(2026, 2, 16), "m-ann", "ann's note"));
  // c1, led by m-ann; the role goes to zoe.
  CheckInput c1 =
      Check(Day(2026, 3, 24), {Review("a1", v1::REVIEW_OUTCOME_KEPT),
                               Review("a2", v1::REVIEW_OUTCOME_DONE)});
  c1.agreement_actions.push_back(
      {0, Act("Feedback round", kZoeId, std::nullopt, Pillar::kSynergy)});
  EXPECT_OK(j.RecordCheck(c1));
  // c2, led by zoe; the role goes to m-bob.
  EXPECT_OK(j.RecordCheck(
      Check(Day(2026, 5, 5), {Review("a1", v1::REVIEW_OUTCOME_DONE),
                              Review("a3", v1::REVIEW_OUTCOME_KEPT)})));
  EXPECT_OK(j.RecordLeave(kZoeId, Day(2026, 5, 10)));
  return j;
}

std::string Binary(const v1::Journal& j) { return j.SerializeAsString(); }
std::string Json(const v1::Journal& j) {
  std::string out;
  EXPECT_TRUE(google::protobuf::util::MessageToJsonString(j, &out).ok());
  return out;
}
std::string Text(const google::protobuf::Message& j) {
  std::string out;
  EXPECT_TRUE(google::protobuf::TextFormat::PrintToString(j, &out));
  return out;
}

// A report without who gave which score: the statistics only.
v1::RoundReport StatisticsOnly(v1::RoundReport r) {
  for (v1::PillarStats& p : *r.mutable_pillars()) p.clear_scores();
  return r;
}

// The trend of `pillar` between two rounds of `j`, computed directly with
// ComparePillar on the statistics the rounds disclose.
v1::PillarTrend Expected(const Journal& j, const std::string& before_id,
                         const std::string& after_id, Pillar pillar) {
  auto figures = [&](const std::string& id) {
    for (const v1::Round& stored : j.proto().rounds()) {
      if (stored.id() != id) continue;
      absl::StatusOr<Round> round = Round::FromProto(stored);
      EXPECT_TRUE(round.ok()) << round.status();
      const ScoreHistogram h = round->Histogram(pillar);
      return std::make_pair(
          DisclosedStats(pillar, ComputeScoreStats(h, round->agreement()),
                         stored.mode(), round->privacy()),
          h);
    }
    ADD_FAILURE() << "no round " << id;
    return std::make_pair(v1::PillarStats(), ScoreHistogram());
  };
  const auto [before, before_counts] = figures(before_id);
  const auto [after, after_counts] = figures(after_id);
  absl::StatusOr<v1::PillarTrend> t =
      ComparePillar(pillar, before, before_counts, after, after_counts,
                    j.config().trend_alpha);
  EXPECT_TRUE(t.ok()) << t.status();
  t->set_before_round_id(before_id);
  t->set_after_round_id(after_id);
  return *t;
}

TEST(JournalForgetMemberTest, ReplacesTheMemberEverywhere) {
  Journal j = ZoeJournal();
  ExpectValid(j);
  // The journal refers to zoe where expected before forgetting.
  ASSERT_EQ(j.proto().checks(1).facilitator_id(), kZoeId);
  ASSERT_EQ(j.proto().guardians(1).member_id(), kZoeId);
  for (const std::string& s :
       {Binary(j.proto()), Json(j.proto()), Text(j.proto())}) {
    ASSERT_THAT(s, HasSubstr(kZoeId));
    ASSERT_THAT(s, HasSubstr("Vermeulen"));
    ASSERT_THAT(s, HasSubstr(kZoeRemark));
  }
  const absl::StatusOr<v1::RoundReport> r1_before = j.Report("r1");
  const absl::StatusOr<v1::RoundReport> r2_before = j.Report("r2");
  ASSERT_TRUE(r1_before.ok() && r2_before.ok());

  ASSERT_OK(j.ForgetMember(kZoeId));
  const v1::Journal& p = j.proto();

  // The team: the pseudonym has no dates and stands last, so neither the
  // dates nor the place in the roster single the person out.
  ASSERT_EQ(p.team().members_size(), 4);
  const v1::Member& m = p.team().members(3);
  EXPECT_EQ(m.id(), "forgotten-1");
  EXPECT_EQ(m.display_name(), "forgotten-1");
  EXPECT_TRUE(m.forgotten());
  EXPECT_EQ(m.joined(), "");
  EXPECT_EQ(m.left(), "");
  EXPECT_EQ(p.team().members(0).id(), "m-ann");
  EXPECT_EQ(p.next_forgotten(), 1);
  // Open round: the response is gone; zoe's scores (2 on strategy) stay in
  // the round's counts, linked to nobody.
  std::vector<std::string> ids;
  for (const v1::Response& r : p.rounds(0).responses()) {
    ids.push_back(r.member_id());
  }
  EXPECT_THAT(ids, ElementsAre("m-ann", "m-bob", "m-cas"));
  EXPECT_THAT(p.rounds(0).forgotten_participants(), ElementsAre("forgotten-1"));
  ASSERT_GT(p.rounds(0).forgotten_scores_size(), 0);
  EXPECT_EQ(p.rounds(0).forgotten_scores(0).pillar(), v1::PILLAR_STRATEGY);
  EXPECT_THAT(p.rounds(0).forgotten_scores(0).histogram(),
              ElementsAre(0, 1, 0, 0, 0));
  // The member counts of the rounds are kept.
  EXPECT_EQ(p.rounds(0).members(), r1_before->members());
  EXPECT_EQ(p.rounds(1).members(), r2_before->members());
  // Confidential round: the participants, sorted.
  EXPECT_THAT(p.rounds(1).participants(),
              ElementsAre("forgotten-1", "m-ann", "m-bob", "m-cas"));
  // Actions: owner, feedback author without the text.
  EXPECT_EQ(p.actions(0).owner_id(), "forgotten-1");
  EXPECT_EQ(p.actions(2).owner_id(), "forgotten-1");
  EXPECT_EQ(p.actions(1).owner_id(), "m-ann");
  const v1::Feedback& f = p.actions(1).feedback(0);
  EXPECT_EQ(f.author_id(), "forgotten-1");
  EXPECT_TRUE(f.text().empty());
  EXPECT_EQ(f.date(), "2026-02-15");
  EXPECT_EQ(f.progress(), 40);
  EXPECT_EQ(p.actions(0).feedback(0).author_id(), "m-ann");
  EXPECT_EQ(p.actions(0).feedback(0).text(), "ann's note");
  // The check zoe led, and the guardian terms.
  EXPECT_EQ(p.checks(0).facilitator_id(), "m-ann");
  EXPECT_EQ(p.checks(1).facilitator_id(), "forgotten-1");
  EXPECT_EQ(p.guardians(1).member_id(), "forgotten-1");
  EXPECT_EQ(*j.Guardian(Day(2026, 4, 1)), "forgotten-1");

  // Nothing left in any serialization.
  for (const auto& [name, s] :
       {std::make_pair("binary", Binary(p)), std::make_pair("json", Json(p)),
        std::make_pair("text", Text(p))}) {
    SCOPED_TRACE(name);
    EXPECT_THAT(s, Not(HasSubstr(kZoeId)));
    EXPECT_THAT(s, Not(HasSubstr(kZoeName)));
    EXPECT_THAT(s, Not(HasSubstr("Vermeulen")));
    EXPECT_THAT(s, Not(HasSubstr("vermeulen")));
    EXPECT_THAT(s, Not(HasSubstr(kZoeRemark)));
  }

  // The statistics of the rounds are unchanged.
  const absl::StatusOr<v1::RoundReport> r1_after = j.Report("r1");
  const absl::StatusOr<v1::RoundReport> r2_after = j.Report("r2");
  ASSERT_TRUE(r1_after.ok() && r2_after.ok());
  EXPECT_TRUE(SameProto(StatisticsOnly(*r1_before), StatisticsOnly(*r1_after)));
  EXPECT_TRUE(SameProto(*r2_before, *r2_after))
      << r2_before->DebugString() << "\n"
      << r2_after->DebugString();
  // The open round shows every figure as before, and no score of the
  // forgotten member by any id.
  EXPECT_EQ(r1_after->respondents(), r1_before->respondents());
  EXPECT_EQ(r1_after->members(), r1_before->members());
  for (const v1::MemberScore& s : r1_after->pillars(0).scores()) {
    EXPECT_NE(s.member_id(), kZoeId);
    EXPECT_NE(s.member_id(), "forgotten-1");
  }
  EXPECT_EQ(r1_after->pillars(0).scores_size(),
            r1_before->pillars(0).scores_size() - 1);
  EXPECT_THAT(Text(*r1_after), Not(HasSubstr("Vermeulen")));

  // The journal still validates.
  ExpectValid(j);
  // The follow-up works with the pseudonym.
  EXPECT_THAT(Ids(j.FollowUp(Day(2026, 5, 6), "forgotten-1").open()),
              ElementsAre("a3"));
}

TEST(JournalForgetMemberTest, TwiceOrUnknownIsRefused) {
  Journal j = ZoeJournal();
  ASSERT_OK(j.ForgetMember(kZoeId));
  EXPECT_REFUSED(j, j.ForgetMember("forgotten-1"), kPrecondition, "forgotten-1",
                 "already forgotten");
  // The original id no longer exists.
  EXPECT_REFUSED(j, j.ForgetMember(kZoeId), kNotFound, kZoeId);
  EXPECT_REFUSED(j, j.ForgetMember("m-zed"), kNotFound, "m-zed", "mt-west");
}

TEST(JournalForgetMemberTest, PseudonymsAreNewAndCounted) {
  Journal j = NewJournal();
  // A member whose chosen id looks like a pseudonym.
  ASSERT_OK(j.AddMember("forgotten-1", "Frank", Day(2026, 1, 20)));
  ASSERT_OK(j.ForgetMember("m-bob"));
  // Forgotten members stand last, in the order they were forgotten.
  auto from_end = [&j](int k) -> const v1::Member& {
    const auto& members = j.proto().team().members();
    return members[members.size() - 1 - k];
  };
  EXPECT_EQ(from_end(0).id(), "forgotten-2");
  EXPECT_EQ(j.proto().next_forgotten(), 2);
  EXPECT_EQ(from_end(1).id(), "forgotten-1");
  EXPECT_FALSE(from_end(1).forgotten());
  ASSERT_OK(j.ForgetMember("m-cas"));
  EXPECT_EQ(from_end(0).id(), "forgotten-3");
  EXPECT_EQ(from_end(1).id(), "forgotten-2");
  EXPECT_EQ(j.proto().next_forgotten(), 3);
  ExpectValid(j);
}

TEST(JournalForgetMemberTest, ForgottenMemberCanNoLongerBeUsedByOldId) {
  Journal j = WithPlan();
  ASSERT_OK(j.ForgetMember("m-bob"));
  EXPECT_EQ(j.proto().actions(1).owner_id(), "forgotten-1");
  EXPECT_REFUSED(j, j.AddFeedback("a1", Day(2026, 2, 12), "m-bob", "hi"),
                 kNotFound, "m-bob");
  // The id is never reused.
  EXPECT_REFUSED(j, j.AddMember("forgotten-1", "Someone", Day(2026, 3, 1)),
                 kExists, "forgotten-1");
  ExpectValid(j);
}

// ===========================================================================
// Report: the closed loop, and CompareRounds
// ===========================================================================

TEST(JournalReportTest, ClosedLoopOnThePlansFocus) {
  Journal j = WithPlan();
  AddRound(j, "r2", Day(2026, 4, 6), Day(2026, 4, 7), SecondRoundResponses());

  absl::StatusOr<v1::RoundReport> first = j.Report("r1");
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_TRUE(first->plan_id().empty());
  EXPECT_FALSE(first->has_focus_trend());

  absl::StatusOr<v1::RoundReport> report = j.Report("r2");
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->plan_id(), "p1");
  ASSERT_TRUE(report->has_focus_trend());
  const v1::PillarTrend& t = report->focus_trend();
  EXPECT_EQ(t.pillar(), v1::PILLAR_STRUCTURE);
  EXPECT_EQ(t.before_round_id(), "r1");
  EXPECT_EQ(t.after_round_id(), "r2");
  EXPECT_EQ(t.n_before(), 4);
  EXPECT_EQ(t.n_after(), 4);
  EXPECT_NEAR(t.mean_before(), 1.5, kExact);
  EXPECT_NEAR(t.mean_after(), 4.5, kExact);
  // 1, 1, 2, 2 -> 4, 4, 5, 5: 2/70 (tests/tools/permutation_reference.py).
  EXPECT_NEAR(t.p_value(), 0.02857142857142857, kExact);
  EXPECT_NEAR(t.cliffs_delta(), 1.0, kExact);
  EXPECT_EQ(t.verdict(), v1::TREND_VERDICT_IMPROVED);
  EXPECT_DOUBLE_EQ(t.alpha(), 0.05);

  // The same as ComparePillar on the rounds' statistics.
  EXPECT_TRUE(SameProto(t, Expected(j, "r1", "r2", Pillar::kStructure)));

  // LatestReport is the report of r2.
  absl::StatusOr<v1::RoundReport> latest = j.LatestReport();
  ASSERT_TRUE(latest.ok()) << latest.status();
  EXPECT_TRUE(SameProto(*latest, *report));

  // A plan on r2 does not replace the loop of r2 itself: still p1.
  ASSERT_OK(j.CreatePlan(MakePlan("r2", Day(2026, 4, 8), Actions(2))));
  EXPECT_EQ(j.Report("r2")->plan_id(), "p1");
  // ... but closes the loop of the round after it.
  AddRound(j, "r3", Day(2026, 6, 1), Day(2026, 6, 2), FirstRoundResponses());
  absl::StatusOr<v1::RoundReport> third = j.Report("r3");
  ASSERT_TRUE(third.ok()) << third.status();
  EXPECT_EQ(third->plan_id(), "p2");
  EXPECT_EQ(third->focus_trend().pillar(), j.proto().plans(1).focus());
  EXPECT_EQ(third->focus_trend().before_round_id(), "r2");
  EXPECT_EQ(third->focus_trend().after_round_id(), "r3");
}

TEST(JournalReportTest, ClosedLoopUsesTheTeamsAlpha) {
  v1::TeamConfig config;
  config.set_trend_alpha(0.01);
  Journal j = WithPlan(config);
  AddRound(j, "r2", Day(2026, 4, 6), Day(2026, 4, 7), SecondRoundResponses());
  absl::StatusOr<v1::RoundReport> report = j.Report("r2");
  ASSERT_TRUE(report.ok()) << report.status();
  // 2/70 ~ 0.0286 > 0.01.
  EXPECT_EQ(report->focus_trend().verdict(),
            v1::TREND_VERDICT_TOO_SMALL_TO_TELL);
  EXPECT_DOUBLE_EQ(report->focus_trend().alpha(), 0.01);
  EXPECT_TRUE(SameProto(report->focus_trend(),
                        Expected(j, "r1", "r2", Pillar::kStructure)));
}

TEST(JournalReportTest, ClosedLoopOnConfidentialRoundsHidesThePValue) {
  // Four respondents are below min_distribution (5): only the mean shows, so
  // the loop compares the means and gives no verdict, although the withheld
  // counts 1,1,2,2 -> 4,4,5,5 would give p = 2/70.
  Journal j = NewJournal();
  AddRound(j, "r1", kR1Day, kR1Closed, FirstRoundResponses(),
           v1::ROUND_MODE_CONFIDENTIAL);
  ASSERT_OK(j.CreatePlan(MakePlan("r1", kPlanDay, Actions(2))));
  EXPECT_EQ(j.proto().plans(0).focus(), v1::PILLAR_STRUCTURE);
  AddRound(j, "r2", Day(2026, 4, 6), Day(2026, 4, 7), SecondRoundResponses(),
           v1::ROUND_MODE_CONFIDENTIAL);
  absl::StatusOr<v1::RoundReport> report = j.Report("r2");
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->plan_id(), "p1");
  // The same four people answered both rounds: nothing to difference, so
  // r2 is not held back.
  EXPECT_EQ(report->pillars(2).disclosure(), v1::DISCLOSURE_NO_DISTRIBUTION);
  EXPECT_TRUE(report->pillars(2).held_back_against().empty());
  const v1::PillarTrend& t = report->focus_trend();
  // Structure 1,1,2,2 (mean 6/4 = 1.5) -> 4,5,4,5 (mean 18/4 = 4.5).
  v1::PillarTrend expected;
  expected.set_pillar(v1::PILLAR_STRUCTURE);
  expected.set_before_round_id("r1");
  expected.set_after_round_id("r2");
  expected.set_n_before(4);
  expected.set_n_after(4);
  expected.set_mean_before(1.5);
  expected.set_mean_after(4.5);
  expected.set_mean_change(3.0);
  expected.set_verdict(v1::TREND_VERDICT_NOT_ENOUGH_DATA);
  expected.set_alpha(0.05);
  expected.set_before_disclosure(v1::DISCLOSURE_NO_DISTRIBUTION);
  expected.set_after_disclosure(v1::DISCLOSURE_NO_DISTRIBUTION);
  EXPECT_TRUE(SameProto(t, expected));
  EXPECT_EQ(t.verdict(), v1::TREND_VERDICT_NOT_ENOUGH_DATA);
  EXPECT_FALSE(t.has_p_value());
  EXPECT_FALSE(t.has_cliffs_delta());
  EXPECT_FALSE(t.has_median_before());
  EXPECT_FALSE(t.has_median_after());
  EXPECT_FALSE(t.has_median_change());
  EXPECT_NEAR(t.mean_change(), 3.0, kExact);
  EXPECT_TRUE(SameProto(t, Expected(j, "r1", "r2", Pillar::kStructure)));

  // CompareRounds says the same for every pillar: no verdict, the means.
  absl::StatusOr<v1::RoundComparison> all = j.CompareRounds("r1", "r2");
  ASSERT_TRUE(all.ok()) << all.status();
  ASSERT_EQ(all->pillars_size(), 5);
  for (const v1::PillarTrend& p : all->pillars()) {
    SCOPED_TRACE(v1::Pillar_Name(p.pillar()));
    EXPECT_EQ(p.verdict(), v1::TREND_VERDICT_NOT_ENOUGH_DATA);
    EXPECT_TRUE(p.has_mean_change());
    EXPECT_FALSE(p.has_p_value());
    EXPECT_FALSE(p.has_median_change());
  }
  EXPECT_TRUE(SameProto(all->pillars(2), t));
}

TEST(JournalReportTest, CompareRoundsCoversEveryPillarAskedInBoth) {
  Journal j = WithRound();
  AddRound(j, "r2", Day(2026, 4, 6), Day(2026, 4, 7), SecondRoundResponses());
  AddRound(j, "r3", Day(2026, 6, 1), Day(2026, 6, 2), SecondRoundResponses(),
           v1::ROUND_MODE_OPEN,
           {Pillar::kStrategy, Pillar::kStructure, Pillar::kSuccess});
  absl::StatusOr<v1::RoundComparison> all = j.CompareRounds("r1", "r2");
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_EQ(all->before_round_id(), "r1");
  EXPECT_EQ(all->after_round_id(), "r2");
  ASSERT_EQ(all->pillars_size(), 5);
  for (Pillar p : kAllPillars) {
    SCOPED_TRACE(PillarKey(p));
    EXPECT_TRUE(SameProto(all->pillars(static_cast<int>(PillarIndex(p))),
                          Expected(j, "r1", "r2", p)));
  }
  EXPECT_EQ(all->pillars(2).verdict(), v1::TREND_VERDICT_IMPROVED);
  EXPECT_EQ(all->pillars(0).verdict(), v1::TREND_VERDICT_TOO_SMALL_TO_TELL);

  absl::StatusOr<v1::RoundComparison> some = j.CompareRounds("r1", "r3");
  ASSERT_TRUE(some.ok()) << some.status();
  ASSERT_EQ(some->pillars_size(), 3);
  EXPECT_EQ(some->pillars(0).pillar(), v1::PILLAR_STRATEGY);
  EXPECT_EQ(some->pillars(1).pillar(), v1::PILLAR_STRUCTURE);
  EXPECT_EQ(some->pillars(2).pillar(), v1::PILLAR_SUCCESS);
  EXPECT_TRUE(
      SameProto(some->pillars(1), Expected(j, "r1", "r3", Pillar::kStructure)));
}

TEST(JournalReportTest, CompareRoundsRefusesOpenAndUnknownRounds) {
  Journal j = WithRound();
  AddRound(j, "r2", Day(2026, 4, 6), std::nullopt, SecondRoundResponses());
  absl::StatusOr<v1::RoundComparison> open = j.CompareRounds("r1", "r2");
  ASSERT_FALSE(open.ok());
  EXPECT_EQ(open.status().code(), kPrecondition);
  EXPECT_THAT(std::string(open.status().message()), HasSubstr("r2"));
  EXPECT_THAT(std::string(open.status().message()), HasSubstr("closed"));
  EXPECT_EQ(j.CompareRounds("r2", "r1").status().code(), kPrecondition);
  absl::StatusOr<v1::RoundComparison> unknown = j.CompareRounds("r1", "r9");
  EXPECT_EQ(unknown.status().code(), kNotFound);
  EXPECT_THAT(std::string(unknown.status().message()), HasSubstr("r9"));
  EXPECT_EQ(j.CompareRounds("r0", "r1").status().code(), kNotFound);
  EXPECT_EQ(j.Report("r9").status().code(), kNotFound);
}

TEST(JournalReportTest, LatestReportNeedsAClosedRound) {
  Journal j = NewJournal();
  EXPECT_EQ(j.LatestReport().status().code(), kNotFound);
  AddRound(j, "r1", kR1Day, std::nullopt, FirstRoundResponses());
  EXPECT_EQ(j.LatestReport().status().code(), kNotFound);
}

// ===========================================================================
// Validate / FromProto
// ===========================================================================

// Plan p1 (a1 open with feedback, a2 proposed), checks c1 and c2, three
// guardian terms.
Journal FullJournal() {
  Journal j = WithPlan();
  EXPECT_OK(j.OpenAction("a1", Day(2026, 2, 11)));
  EXPECT_OK(j.AddFeedback("a1", Day(2026, 2, 12), "m-bob", "going well", 30));
  EXPECT_OK(j.RecordCheck(
      Check(Day(2026, 3, 24), {Review("a1", v1::REVIEW_OUTCOME_KEPT)})));
  EXPECT_OK(j.RecordCheck(
      Check(Day(2026, 5, 5), {Review("a1", v1::REVIEW_OUTCOME_KEPT)})));
  return j;
}

TEST(JournalValidateTest, AcceptsJournalsBuiltThroughTheApi) {
  ExpectValid(NewJournal());
  ExpectValid(WithRound());
  ExpectValid(WithPlan());
  ExpectValid(FollowUpJournal());
  ExpectValid(CheckJournal());
  ExpectValid(ZoeJournal());
  const Journal full = FullJournal();
  ASSERT_EQ(full.proto().checks_size(), 2);
  ASSERT_EQ(full.proto().guardians_size(), 3);
  ExpectValid(full);
}

void ExpectRejected(const std::function<void(v1::Journal&)>& tamper,
                    const std::vector<std::string>& parts) {
  v1::Journal proto = FullJournal().proto();
  tamper(proto);
  const absl::Status s = Journal::Validate(proto);
  EXPECT_EQ(s.code(), kInvalid) << s;
  for (const std::string& part : parts) {
    EXPECT_THAT(std::string(s.message()), HasSubstr(part));
  }
  absl::StatusOr<Journal> j = Journal::FromProto(proto);
  EXPECT_FALSE(j.ok());
  EXPECT_EQ(j.status(), s);
}

TEST(JournalValidateTest, RejectsUnknownActionOwner) {
  ExpectRejected(
      [](v1::Journal& j) { j.mutable_actions(0)->set_owner_id("m-ghost"); },
      {"actions[0].owner_id", "m-ghost"});
}

TEST(JournalValidateTest, RejectsActionIdNotAssigned) {
  ExpectRejected(
      [](v1::Journal& j) {
        ASSERT_EQ(j.next_action(), 2);
        j.mutable_actions(0)->set_id("a9");
      },
      {"actions[0].id", "a9", "a1..a2"});
  ExpectRejected([](v1::Journal& j) { j.mutable_plans(0)->set_id("p2"); },
                 {"plans[0].id", "p2"});
  ExpectRejected([](v1::Journal& j) { j.mutable_checks(1)->set_id("c3"); },
                 {"checks[1].id", "c3"});
}

TEST(JournalValidateTest, RejectsDuplicateIds) {
  ExpectRejected([](v1::Journal& j) { j.mutable_actions(1)->set_id("a1"); },
                 {"actions[1].id", "twice"});
  ExpectRejected([](v1::Journal& j) { j.mutable_checks(1)->set_id("c1"); },
                 {"checks[1].id", "twice"});
  ExpectRejected(
      [](v1::Journal& j) {
        v1::Round copy = j.rounds(0);
        *j.add_rounds() = copy;
      },
      {"rounds[1].id", "r1"});
  ExpectRejected(
      [](v1::Journal& j) {
        v1::Plan copy = j.plans(0);
        copy.clear_action_ids();
        *j.add_plans() = copy;
      },
      {"plans[1].id", "p1", "twice"});
}

TEST(JournalValidateTest, RejectsPlanOnAnOpenRound) {
  ExpectRejected(
      [](v1::Journal& j) {
        j.mutable_rounds(0)->set_state(v1::ROUND_STATE_OPEN);
        j.mutable_rounds(0)->clear_closed_on();
        j.mutable_rounds(0)->clear_close_order();
      },
      {"plans[0].round_id", "r1", "closed"});
}

TEST(JournalValidateTest, RejectsHistoryNotMatchingStatus) {
  ExpectRejected(
      [](v1::Journal& j) {
        j.mutable_actions(0)->set_status(v1::ACTION_STATUS_DONE);
        j.mutable_actions(0)->set_done_on("2026-03-01");
      },
      {"actions[0].status"});
  ExpectRejected([](v1::Journal& j) { j.mutable_actions(0)->clear_history(); },
                 {"actions[0].status"});
  ExpectRejected(
      [](v1::Journal& j) {
        j.mutable_actions(0)->mutable_history(0)->set_to(
            v1::ACTION_STATUS_DONE);
        j.mutable_actions(0)->set_status(v1::ACTION_STATUS_DONE);
        j.mutable_actions(0)->set_done_on("2026-02-11");
      },
      {"actions[0].history[0]"});
}

TEST(JournalValidateTest, RejectsFeedbackProgressOutOfRange) {
  ExpectRejected(
      [](v1::Journal& j) {
        j.mutable_actions(0)->mutable_feedback(0)->set_progress(101);
      },
      {"actions[0].feedback[0].progress", "101"});
}

TEST(JournalValidateTest, RejectsCheckDatesNotIncreasing) {
  ExpectRejected(
      [](v1::Journal& j) { j.mutable_checks(1)->set_date(j.checks(0).date()); },
      {"checks[1].date"});
  ExpectRejected(
      [](v1::Journal& j) { j.mutable_checks(1)->set_date("2026-01-01"); },
      {"checks[1].date"});
}

TEST(JournalValidateTest, RejectsUnknownGuardian) {
  ExpectRejected(
      [](v1::Journal& j) { j.mutable_guardians(0)->set_member_id("m-ghost"); },
      {"guardians[0].member_id", "m-ghost"});
}

}  // namespace
}  // namespace fives
