// The refusals of plans, actions, feedback and checks in words for people:
// each carries its ErrorDetail, fives::ErrorText writes it in Dutch and in
// English, the English message for developers stays as it was, and the
// refused call leaves the journal as it was.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "fives/catalog.h"
#include "fives/error_detail.h"
#include "fives/error_text.h"
#include "fives/journal.h"
#include "fives/pillar.h"
#include "fives/v1/charter.pb.h"
#include "fives/v1/error.pb.h"
#include "gtest/gtest.h"
#include "journal_builder.h"
#include "proto_testing.h"

namespace fives {
namespace {

using ::fives::journal_builder::Day;
using ::fives::journal_builder::JournalBuilder;
using ::fives::journal_builder::MakeActionInput;
using ::fives::journal_builder::MakeReview;
using ::fives::proto_testing::SameProto;

absl::Status ToStatus(const absl::Status& s) { return s; }
template <typename T>
absl::Status ToStatus(const absl::StatusOr<T>& s) {
  return s.status();
}

// What a refusal says: its code, its English message for developers and its
// text for people in Dutch and in English.
struct Said {
  absl::StatusCode status;
  v1::ErrorCode code;
  std::string message;
  std::string dutch;
  std::string english;
};

// Runs `call` on `journal`, expects the refusal `said`, and expects the
// journal to be exactly as it was.
template <typename F>
void ExpectSaid(Journal& journal, F call, const Said& said) {
  const v1::Journal before = journal.proto();
  const absl::Status status = ToStatus(call());
  EXPECT_EQ(status.code(), said.status) << status;
  EXPECT_EQ(status.message(), said.message);
  const std::optional<v1::ErrorDetail> detail = ErrorDetailOf(status);
  ASSERT_TRUE(detail.has_value()) << status;
  EXPECT_EQ(detail->code(), said.code)
      << v1::ErrorCode_Name(detail->code()) << " instead of "
      << v1::ErrorCode_Name(said.code);
  EXPECT_EQ(ErrorText(status, Language::kDutch), said.dutch);
  EXPECT_EQ(ErrorText(status, Language::kEnglish), said.english);
  EXPECT_TRUE(SameProto(before, journal.proto()))
      << "a refused call changed the journal";
}

#define EXPECT_SAID(journal, expr, ...)                      \
  do {                                                       \
    SCOPED_TRACE(#expr);                                     \
    ExpectSaid(                                              \
        journal, [&] { return (expr); }, Said{__VA_ARGS__}); \
  } while (0)

constexpr absl::StatusCode kInvalid = absl::StatusCode::kInvalidArgument;
constexpr absl::StatusCode kNotFound = absl::StatusCode::kNotFound;
constexpr absl::StatusCode kPrecondition =
    absl::StatusCode::kFailedPrecondition;
constexpr absl::StatusCode kExists = absl::StatusCode::kAlreadyExists;

// Ann, Bob, Cas, Dirk and Eva (joined 2026-01-05) and round r1 of
// 2026-02-02, closed on 2026-02-06; its report names the focus structure.
JournalBuilder WithClosedRound() {
  const absl::CivilDay joined = Day(2026, 1, 5);
  JournalBuilder b;
  b.AddMember("ann", "Ann", joined)
      .AddMember("bob", "Bob", joined)
      .AddMember("cas", "Cas", joined)
      .AddMember("dirk", "Dirk", joined)
      .AddMember("eva", "Eva", joined)
      .StartRound("r1", Day(2026, 2, 2), v1::ROUND_MODE_OPEN)
      .AddResponse("r1", "bob", {3, 3, 2, 4, 4})
      .AddResponse("r1", "ann", {4, 3, 2, 4, 5})
      .AddResponse("r1", "cas", {5, 4, 1, 3, 4})
      .AddResponse("r1", "dirk", {4, 2, 2, 3, 5})
      .AddResponse("r1", "eva", {3, 3, 3, 3, 3})
      .CloseRound("r1", Day(2026, 2, 6));
  return b;
}

PlanInput PlanOn(absl::string_view round_id, absl::CivilDay created,
                 std::vector<ActionInput> actions) {
  PlanInput plan;
  plan.round_id = std::string(round_id);
  plan.created = created;
  plan.actions = std::move(actions);
  return plan;
}

ActionInput DecisionLog() {
  return MakeActionInput("Decision log", "Log in the shared drive", "ann");
}
ActionInput RolesOnOnePage() {
  return MakeActionInput("Roles on one page", "Page on the wall", "bob");
}

// The closed round with plan p1 of 2026-02-10: a1 (Decision log, ann) and
// a2 (Roles on one page, bob), both due 2026-03-12; opened on 2026-02-11
// when `open`, else still proposed.
Journal WithPlan(bool open = true) {
  JournalBuilder b = WithClosedRound();
  b.CreatePlan(
      PlanOn("r1", Day(2026, 2, 10), {DecisionLog(), RolesOnOnePage()}));
  if (open) {
    b.OpenAction("a1", Day(2026, 2, 11)).OpenAction("a2", Day(2026, 2, 11));
  }
  absl::StatusOr<Journal> j = b.Build();
  EXPECT_TRUE(j.ok()) << j.status();
  return *std::move(j);
}

// A check on 2026-03-25 that keeps both open actions.
CheckInput CheckOn(absl::CivilDay date = Day(2026, 3, 25)) {
  CheckInput check;
  check.date = date;
  check.reviews = {MakeReview("a1", v1::REVIEW_OUTCOME_KEPT),
                   MakeReview("a2", v1::REVIEW_OUTCOME_KEPT)};
  return check;
}

// ===========================================================================
// Plans
// ===========================================================================

TEST(PlanErrorTextTest, TheRound) {
  JournalBuilder b = WithClosedRound();
  b.StartRound("r2", Day(2026, 2, 9), v1::ROUND_MODE_OPEN);
  absl::StatusOr<Journal> built = b.Build();
  ASSERT_TRUE(built.ok()) << built.status();
  Journal j = *std::move(built);
  const std::vector<ActionInput> actions = {DecisionLog(), RolesOnOnePage()};

  EXPECT_SAID(j, j.CreatePlan(PlanOn("r9", Day(2026, 2, 10), actions)),
              kNotFound, v1::ERROR_CODE_PLAN_ROUND_UNKNOWN,
              "plan.round_id: no round \"r9\" in the journal",
              "er is geen ronde \"r9\"", "there is no round \"r9\"");
  EXPECT_SAID(j, j.CreatePlan(PlanOn("r2", Day(2026, 2, 10), actions)),
              kPrecondition, v1::ERROR_CODE_PLAN_ROUND_NOT_CLOSED,
              "plan.round_id: round \"r2\" is not closed; a plan answers a "
              "closed round's report",
              "ronde \"r2\" is nog niet gesloten; een plan is een antwoord op "
              "het rapport van een gesloten ronde",
              "round \"r2\" is not closed; a plan answers a closed round's "
              "report");
  EXPECT_SAID(j, j.CreatePlan(PlanOn("r1", Day(2026, 2, 5), actions)), kInvalid,
              v1::ERROR_CODE_PLAN_BEFORE_ROUND_CLOSED,
              "plan.created: 2026-02-05 is before round \"r1\" closed on "
              "2026-02-06",
              "2026-02-05 ligt vóór 2026-02-06, de dag waarop ronde \"r1\" "
              "werd gesloten",
              "2026-02-05 is before round \"r1\" closed on 2026-02-06");

  ASSERT_TRUE(j.CreatePlan(PlanOn("r1", Day(2026, 2, 10), actions)).ok());
  EXPECT_SAID(j, j.CreatePlan(PlanOn("r1", Day(2026, 2, 11), actions)), kExists,
              v1::ERROR_CODE_PLAN_EXISTS,
              "plan.round_id: round \"r1\" already has plan \"p1\"",
              "ronde \"r1\" heeft al plan \"p1\"",
              "round \"r1\" already has plan \"p1\"");
}

TEST(PlanErrorTextTest, TheNumberOfActions) {
  absl::StatusOr<Journal> built = WithClosedRound().Build();
  ASSERT_TRUE(built.ok()) << built.status();
  Journal j = *std::move(built);
  EXPECT_SAID(
      j,
      j.CreatePlan(PlanOn("r1", Day(2026, 2, 10),
                          {DecisionLog(), RolesOnOnePage(), DecisionLog()})),
      kInvalid, v1::ERROR_CODE_PLAN_ACTIONS_COUNT,
      "plan.actions: 3 actions, the team plans 2 per focus",
      "aantal acties: 3; het team plant er 2 per focus",
      "number of actions: 3; the team plans 2 per focus");
}

TEST(PlanErrorTextTest, ARoundWithoutAFocus) {
  JournalBuilder b = WithClosedRound();
  b.StartRound("r0", Day(2026, 2, 9), v1::ROUND_MODE_OPEN)
      .CloseRound("r0", Day(2026, 2, 10));
  absl::StatusOr<Journal> built = b.Build();
  ASSERT_TRUE(built.ok()) << built.status();
  Journal j = *std::move(built);
  EXPECT_SAID(
      j,
      j.CreatePlan(
          PlanOn("r0", Day(2026, 2, 11), {DecisionLog(), RolesOnOnePage()})),
      kPrecondition, v1::ERROR_CODE_PLAN_NO_FOCUS,
      "plan.focus: round \"r0\" names no focus (too few responses); choose "
      "one",
      "ronde \"r0\" noemt geen focus (te weinig antwoorden); kies er zelf een",
      "round \"r0\" names no focus (too few responses); choose one");
}

TEST(PlanErrorTextTest, TheActions) {
  absl::StatusOr<Journal> built = WithClosedRound().Build();
  ASSERT_TRUE(built.ok()) << built.status();
  Journal j = *std::move(built);
  const absl::CivilDay created = Day(2026, 2, 10);

  ActionInput synergy = DecisionLog();
  synergy.pillar = Pillar::kSynergy;
  EXPECT_SAID(j,
              j.CreatePlan(PlanOn("r1", created, {synergy, RolesOnOnePage()})),
              kInvalid, v1::ERROR_CODE_ACTION_PILLAR_NOT_FOCUS,
              "plan.actions[0].pillar: synergy is not the plan's focus "
              "structure",
              "de pijler van actie \"Decision log\" is Synergie & sterktes, "
              "maar de focus van het plan is Structuur",
              "the pillar of action \"Decision log\" is Synergy & strengths, "
              "but the plan's focus is Structure");

  ActionInput no_title = DecisionLog();
  no_title.title.clear();
  EXPECT_SAID(j,
              j.CreatePlan(PlanOn("r1", created, {no_title, RolesOnOnePage()})),
              kInvalid, v1::ERROR_CODE_ACTION_TITLE_EMPTY,
              "plan.actions[0].title: empty", "een actie heeft geen titel",
              "an action has no title");

  ActionInput no_result = RolesOnOnePage();
  no_result.visible_result.clear();
  EXPECT_SAID(
      j, j.CreatePlan(PlanOn("r1", created, {DecisionLog(), no_result})),
      kInvalid, v1::ERROR_CODE_ACTION_VISIBLE_RESULT_EMPTY,
      "plan.actions[1].visible_result: empty (what will anyone see when it "
      "is done?)",
      "actie \"Roles on one page\" noemt geen zichtbaar resultaat: wat ziet "
      "iedereen als die klaar is?",
      "action \"Roles on one page\" names no visible result: what will "
      "anyone see when it is done?");

  ActionInput early = RolesOnOnePage();
  early.due = Day(2026, 2, 9);
  EXPECT_SAID(j, j.CreatePlan(PlanOn("r1", created, {DecisionLog(), early})),
              kInvalid, v1::ERROR_CODE_ACTION_DUE_BEFORE_CREATED,
              "plan.actions[1].due: 2026-02-09 is before the creation date "
              "2026-02-10",
              "actie \"Roles on one page\" moet uiterlijk 2026-02-09 klaar "
              "zijn, maar die datum ligt vóór de aanmaakdatum 2026-02-10",
              "action \"Roles on one page\" is due 2026-02-09, which is "
              "before its creation date 2026-02-10");

  ActionInput late = DecisionLog();
  late.due = Day(2026, 3, 13);
  EXPECT_SAID(j, j.CreatePlan(PlanOn("r1", created, {late, RolesOnOnePage()})),
              kInvalid, v1::ERROR_CODE_ACTION_DUE_PAST_WINDOW,
              "plan.actions[0].due: 2026-03-13 is more than 30 days after "
              "2026-02-10 (the team's window ends 2026-03-12)",
              "actie \"Decision log\" moet uiterlijk 2026-03-13 klaar zijn; "
              "dat is meer dan 30 dagen na 2026-02-10 (de actietermijn van "
              "het team loopt tot 2026-03-12)",
              "action \"Decision log\" is due 2026-03-13, more than 30 days "
              "after 2026-02-10 (the team's window ends 2026-03-12)");
  EXPECT_TRUE(j.proto().plans().empty());
}

// ===========================================================================
// Actions and feedback
// ===========================================================================

TEST(ActionErrorTextTest, AnUnknownAction) {
  Journal j = WithPlan();
  const Said said = {kNotFound, v1::ERROR_CODE_ACTION_UNKNOWN,
                     "action_id: no action \"a9\" in the journal",
                     "er is geen actie \"a9\"", "there is no action \"a9\""};
  EXPECT_SAID(j, j.OpenAction("a9", Day(2026, 2, 12)), said.status, said.code,
              said.message, said.dutch, said.english);
  EXPECT_SAID(j, j.CompleteAction("a9", Day(2026, 2, 12)), said.status,
              said.code, said.message, said.dutch, said.english);
  EXPECT_SAID(j, j.DropAction("a9", Day(2026, 2, 12), "No longer needed"),
              said.status, said.code, said.message, said.dutch, said.english);
  EXPECT_SAID(j, j.AddFeedback("a9", Day(2026, 2, 12), "ann", "Started"),
              said.status, said.code, said.message, said.dutch, said.english);
}

TEST(ActionErrorTextTest, Transitions) {
  Journal j = WithPlan(/*open=*/false);
  EXPECT_SAID(j, j.CompleteAction("a1", Day(2026, 2, 12)), kPrecondition,
              v1::ERROR_CODE_ACTION_TRANSITION,
              "action \"a1\": cannot go from proposed to done (allowed: "
              "proposed -> open -> done or dropped)",
              "actie \"a1\" kan niet van voorgesteld naar klaar (toegestaan: "
              "voorgesteld → open → klaar of geschrapt)",
              "action \"a1\" cannot go from proposed to done (allowed: "
              "proposed → open → done or dropped)");
  EXPECT_SAID(j, j.OpenAction("a1", Day(2026, 2, 9)), kInvalid,
              v1::ERROR_CODE_ACTION_DATE_BEFORE_CHANGE,
              "date: 2026-02-09 is before the action's last change on "
              "2026-02-10",
              "2026-02-09 ligt vóór de laatste wijziging van actie \"a1\" op "
              "2026-02-10",
              "2026-02-09 is before the last change of action \"a1\" on "
              "2026-02-10");

  ASSERT_TRUE(j.OpenAction("a1", Day(2026, 2, 11)).ok());
  ASSERT_TRUE(j.CompleteAction("a1", Day(2026, 2, 20)).ok());
  EXPECT_SAID(j, j.DropAction("a1", Day(2026, 2, 21), "Too late"),
              kPrecondition, v1::ERROR_CODE_ACTION_TRANSITION,
              "action \"a1\": cannot go from done to dropped (allowed: "
              "proposed -> open -> done or dropped)",
              "actie \"a1\" kan niet van klaar naar geschrapt (toegestaan: "
              "voorgesteld → open → klaar of geschrapt)",
              "action \"a1\" cannot go from done to dropped (allowed: "
              "proposed → open → done or dropped)");
  EXPECT_SAID(j, j.CompleteAction("a1", Day(2026, 2, 19)), kPrecondition,
              v1::ERROR_CODE_ACTION_TRANSITION,
              "action \"a1\": cannot go from done to done (allowed: "
              "proposed -> open -> done or dropped)",
              "actie \"a1\" kan niet van klaar naar klaar (toegestaan: "
              "voorgesteld → open → klaar of geschrapt)",
              "action \"a1\" cannot go from done to done (allowed: "
              "proposed → open → done or dropped)");

  ASSERT_TRUE(j.OpenAction("a2", Day(2026, 2, 11)).ok());
  EXPECT_SAID(j, j.OpenAction("a2", Day(2026, 2, 12)), kPrecondition,
              v1::ERROR_CODE_ACTION_TRANSITION,
              "action \"a2\": cannot go from open to open (allowed: "
              "proposed -> open -> done or dropped)",
              "actie \"a2\" kan niet van open naar open (toegestaan: "
              "voorgesteld → open → klaar of geschrapt)",
              "action \"a2\" cannot go from open to open (allowed: "
              "proposed → open → done or dropped)");
  EXPECT_SAID(j, j.DropAction("a2", Day(2026, 2, 12), ""), kInvalid,
              v1::ERROR_CODE_ACTION_DROP_REASON_EMPTY,
              "reason: empty; dropping action \"a2\" needs one",
              "voor het schrappen van actie \"a2\" is een reden nodig",
              "dropping action \"a2\" needs a reason");
}

TEST(ActionErrorTextTest, Feedback) {
  Journal j = WithPlan();
  EXPECT_SAID(j, j.AddFeedback("a1", Day(2026, 2, 9), "ann", "Started"),
              kInvalid, v1::ERROR_CODE_FEEDBACK_BEFORE_CREATED,
              "feedback.date: 2026-02-09 is before the action was created on "
              "2026-02-10",
              "2026-02-09 ligt vóór 2026-02-10, de dag waarop actie \"a1\" is "
              "aangemaakt",
              "2026-02-09 is before action \"a1\" was created on 2026-02-10");
  EXPECT_SAID(j, j.AddFeedback("a1", Day(2026, 2, 12), "ann", ""), kInvalid,
              v1::ERROR_CODE_FEEDBACK_TEXT_EMPTY, "feedback.text: empty",
              "de terugkoppeling op actie \"a1\" heeft geen tekst",
              "the feedback on action \"a1\" has no text");
  EXPECT_SAID(j, j.AddFeedback("a1", Day(2026, 2, 12), "ann", "Started", 150),
              kInvalid, v1::ERROR_CODE_FEEDBACK_PROGRESS_RANGE,
              "feedback.progress: 150 is outside 0..100",
              "voortgang 150% ligt niet tussen 0% en 100%",
              "progress 150% is not between 0% and 100%");
  EXPECT_SAID(j, j.AddFeedback("a1", Day(2026, 2, 12), "ann", "Started", -1),
              kInvalid, v1::ERROR_CODE_FEEDBACK_PROGRESS_RANGE,
              "feedback.progress: -1 is outside 0..100",
              "voortgang -1% ligt niet tussen 0% en 100%",
              "progress -1% is not between 0% and 100%");
}

// ===========================================================================
// Checks, reviews and the guardian
// ===========================================================================

TEST(CheckErrorTextTest, ChecksInDateOrder) {
  Journal j = WithPlan();
  ASSERT_TRUE(j.CompleteAction("a1", Day(2026, 3, 1)).ok());
  CheckInput before_change = CheckOn(Day(2026, 2, 20));
  before_change.reviews = {MakeReview("a2", v1::REVIEW_OUTCOME_KEPT)};
  EXPECT_SAID(j, j.RecordCheck(before_change), kInvalid,
              v1::ERROR_CODE_CHECK_BEFORE_ACTION_CHANGE,
              "check.date: 2026-02-20 is before action \"a1\" changed on "
              "2026-03-01; record checks in date order",
              "2026-02-20 ligt vóór de wijziging van actie \"a1\" op "
              "2026-03-01; leg checks vast in volgorde van datum",
              "2026-02-20 is before action \"a1\" changed on 2026-03-01; "
              "record checks in date order");

  CheckInput first = CheckOn();
  first.reviews = {MakeReview("a2", v1::REVIEW_OUTCOME_KEPT)};
  absl::StatusOr<std::string> c1 = j.RecordCheck(first);
  ASSERT_TRUE(c1.ok()) << c1.status();
  EXPECT_SAID(j, j.RecordCheck(first), kInvalid,
              v1::ERROR_CODE_CHECK_NOT_AFTER_CHECK,
              "check.date: 2026-03-25 is not after check \"c1\" of 2026-03-25",
              "2026-03-25 ligt niet na check \"c1\" van 2026-03-25",
              "2026-03-25 is not after check \"c1\" of 2026-03-25");

  // Ann led c1, the role went to Bob; Bob leaves and hands it to Cas.
  ASSERT_TRUE(j.RecordLeave("bob", Day(2026, 4, 1)).ok());
  CheckInput second = CheckOn(Day(2026, 3, 30));
  second.reviews = {MakeReview("a2", v1::REVIEW_OUTCOME_KEPT)};
  EXPECT_SAID(j, j.RecordCheck(second), kInvalid,
              v1::ERROR_CODE_CHECK_BEFORE_GUARDIAN_TERM,
              "check.date: 2026-03-30 is before the latest process guardian "
              "term (since 2026-04-01); record checks in date order",
              "2026-03-30 ligt vóór de laatste termijn van de procesbewaker "
              "(sinds 2026-04-01); leg checks vast in volgorde van datum",
              "2026-03-30 is before the latest process guardian term (since "
              "2026-04-01); record checks in date order");
}

TEST(CheckErrorTextTest, TheFacilitatorAndThePrompts) {
  Journal j = WithPlan();
  CheckInput bob_leads = CheckOn();
  bob_leads.facilitator_id = "bob";
  EXPECT_SAID(j, j.RecordCheck(bob_leads), kPrecondition,
              v1::ERROR_CODE_CHECK_FACILITATOR_NOT_GUARDIAN,
              "check.facilitator_id: \"bob\" is not the process guardian on "
              "2026-03-25 (\"ann\" is)",
              "\"bob\" is op 2026-03-25 niet de procesbewaker (\"ann\" wel); "
              "de procesbewaker leidt de check",
              "\"bob\" is not the process guardian on 2026-03-25 (\"ann\" "
              "is); the process guardian leads the check");

  const struct {
    std::vector<std::string> CheckInput::*prompt;
    const char* message;
    const char* dutch;
    const char* english;
  } prompts[] = {
      {&CheckInput::helps, "check.helps[1]: empty",
       "punt 2 bij \"helpt\" is leeg", "item 2 under \"helps\" is empty"},
      {&CheckInput::chafes, "check.chafes[1]: empty",
       "punt 2 bij \"schuurt\" is leeg", "item 2 under \"chafes\" is empty"},
      {&CheckInput::hinders, "check.hinders[1]: empty",
       "punt 2 bij \"hindert\" is leeg", "item 2 under \"hinders\" is empty"},
      {&CheckInput::agreements, "check.agreements[1]: empty",
       "punt 2 bij \"we spreken af\" is leeg",
       "item 2 under \"we agree\" is empty"},
  };
  for (const auto& p : prompts) {
    CheckInput check = CheckOn();
    check.*p.prompt = {"Short agenda", ""};
    EXPECT_SAID(j, j.RecordCheck(check), kInvalid,
                v1::ERROR_CODE_CHECK_PROMPT_EMPTY, p.message, p.dutch,
                p.english);
  }
}

TEST(CheckErrorTextTest, Reviews) {
  Journal j = WithPlan();
  CheckInput unknown = CheckOn();
  unknown.reviews.push_back(MakeReview("a9", v1::REVIEW_OUTCOME_KEPT));
  EXPECT_SAID(j, j.RecordCheck(unknown), kNotFound,
              v1::ERROR_CODE_ACTION_UNKNOWN,
              "check.reviews[2].action_id: no action \"a9\"",
              "er is geen actie \"a9\"", "there is no action \"a9\"");

  CheckInput twice = CheckOn();
  twice.reviews.push_back(MakeReview("a1", v1::REVIEW_OUTCOME_KEPT));
  EXPECT_SAID(j, j.RecordCheck(twice), kInvalid, v1::ERROR_CODE_REVIEW_TWICE,
              "check.reviews[2].action_id: action \"a1\" is reviewed twice",
              "actie \"a1\" wordt twee keer besproken",
              "action \"a1\" is reviewed twice");

  CheckInput no_reason = CheckOn();
  no_reason.reviews[0] = MakeReview("a1", v1::REVIEW_OUTCOME_DROPPED);
  EXPECT_SAID(j, j.RecordCheck(no_reason), kInvalid,
              v1::ERROR_CODE_ACTION_DROP_REASON_EMPTY,
              "check.reviews[0].note: empty; dropping an action needs a reason",
              "voor het schrappen van actie \"a1\" is een reden nodig",
              "dropping action \"a1\" needs a reason");

  CheckInput too_late = CheckOn();
  too_late.reviews[1] =
      MakeReview("a2", v1::REVIEW_OUTCOME_REPLANNED, "2026-05-01");
  EXPECT_SAID(j, j.RecordCheck(too_late), kInvalid,
              v1::ERROR_CODE_REVIEW_NEW_DUE_OUTSIDE,
              "check.reviews[1].new_due: 2026-05-01 is outside "
              "2026-03-25..2026-04-24",
              "actie \"a2\" kan niet naar 2026-05-01 worden verzet: kies een "
              "datum van 2026-03-25 tot en met 2026-04-24",
              "action \"a2\" cannot be replanned to 2026-05-01: choose a date "
              "from 2026-03-25 to 2026-04-24");

  CheckInput missing = CheckOn();
  missing.reviews.pop_back();
  EXPECT_SAID(j, j.RecordCheck(missing), kInvalid,
              v1::ERROR_CODE_REVIEW_MISSING,
              "check.reviews: open action \"a2\" (Roles on one page) is not "
              "reviewed",
              "de open actie \"a2\" (Roles on one page) is niet besproken",
              "open action \"a2\" (Roles on one page) is not reviewed");

  ASSERT_TRUE(j.CompleteAction("a2", Day(2026, 3, 1)).ok());
  EXPECT_SAID(j, j.RecordCheck(CheckOn()), kPrecondition,
              v1::ERROR_CODE_REVIEW_NOT_OPEN,
              "check.reviews[1].action_id: action \"a2\" is not open, nothing "
              "to review",
              "actie \"a2\" staat niet open: er valt niets te bespreken",
              "action \"a2\" is not open, nothing to review");
}

TEST(CheckErrorTextTest, AgreementActions) {
  Journal j = WithPlan();
  CheckInput check = CheckOn();
  check.agreements = {"Start on time"};
  AgreementAction agreement;
  agreement.agreement = 0;
  agreement.action =
      MakeActionInput("Start on time", "Doors close at nine", "cas");
  check.agreement_actions = {agreement};
  EXPECT_SAID(j, j.RecordCheck(check), kInvalid,
              v1::ERROR_CODE_CHECK_AGREEMENT_NO_PILLAR,
              "check.agreement_actions[0].pillar: required for an "
              "agreement's action",
              "de actie bij afspraak \"Start on time\" heeft een pijler nodig",
              "the action of agreement \"Start on time\" needs a pillar");

  // The agreement's action is checked as a plan's action is.
  check.agreement_actions[0].action.pillar = Pillar::kStructure;
  check.agreement_actions[0].action.due = Day(2026, 4, 30);
  EXPECT_SAID(j, j.RecordCheck(check), kInvalid,
              v1::ERROR_CODE_ACTION_DUE_PAST_WINDOW,
              "check.agreement_actions[0].due: 2026-04-30 is more than 30 "
              "days after 2026-03-25 (the team's window ends 2026-04-24)",
              "actie \"Start on time\" moet uiterlijk 2026-04-30 klaar zijn; "
              "dat is meer dan 30 dagen na 2026-03-25 (de actietermijn van "
              "het team loopt tot 2026-04-24)",
              "action \"Start on time\" is due 2026-04-30, more than 30 days "
              "after 2026-03-25 (the team's window ends 2026-04-24)");
}

v1::SignalTick Tick(v1::Pillar pillar, int number) {
  v1::SignalTick t;
  t.set_pillar(pillar);
  t.set_number(number);
  return t;
}

TEST(CheckErrorTextTest, WarningSignals) {
  Journal j = WithPlan();
  CheckInput check = CheckOn();
  check.signals = {Tick(v1::PILLAR_STRATEGY, 1), Tick(v1::PILLAR_STEERING, 2),
                   Tick(v1::PILLAR_STRATEGY, 1)};
  EXPECT_SAID(j, j.RecordCheck(check), kInvalid,
              v1::ERROR_CODE_CHECK_SIGNAL_TWICE,
              "check.signals[2]: signal 1 of strategy is ticked twice at "
              "check \"c1\"",
              "signaal 1 van Stip & strategie is bij check \"c1\" twee keer "
              "aangevinkt",
              "warning signal 1 of Strategy is ticked twice at check \"c1\"");

  check.signals = {Tick(v1::PILLAR_STEERING, 2)};
  ASSERT_TRUE(j.RecordCheck(check).ok());
  const std::vector<v1::SignalTick> ticks = {Tick(v1::PILLAR_STEERING, 2)};
  EXPECT_SAID(j, j.TickSignals("c1", ticks), kInvalid,
              v1::ERROR_CODE_CHECK_SIGNAL_TWICE,
              "ticks[0]: signal 2 of steering is ticked twice at check \"c1\"",
              "signaal 2 van Sturing is bij check \"c1\" twee keer aangevinkt",
              "warning signal 2 of Steering is ticked twice at check \"c1\"");
  EXPECT_SAID(j, j.TickSignals("", ticks), kInvalid,
              v1::ERROR_CODE_CHECK_ID_EMPTY,
              "check_id: empty, needs the id of a recorded check",
              "geen check opgegeven: noem een vastgelegde check",
              "no check given: name a recorded check");
  EXPECT_SAID(j, j.TickSignals("c9", ticks), kNotFound,
              v1::ERROR_CODE_CHECK_UNKNOWN, "check_id: no check \"c9\"",
              "er is geen check \"c9\"", "there is no check \"c9\"");
}

TEST(CheckErrorTextTest, ATeamWithoutMembersHasNoGuardian) {
  absl::StatusOr<Journal> created = Journal::Create("mt-empty", "MT Leeg");
  ASSERT_TRUE(created.ok()) << created.status();
  Journal j = *std::move(created);
  CheckInput check;
  check.date = Day(2026, 3, 25);
  const Said said = {
      kNotFound, v1::ERROR_CODE_GUARDIAN_NO_MEMBER,
      "guardian: team \"mt-empty\" has no member on 2026-03-25",
      "team \"mt-empty\" heeft op 2026-03-25 geen leden en dus geen "
      "procesbewaker",
      "team \"mt-empty\" has no member on 2026-03-25, so no process guardian"};
  EXPECT_SAID(j, j.RecordCheck(check), said.status, said.code, said.message,
              said.dutch, said.english);
  EXPECT_SAID(j, j.Guardian(check.date), said.status, said.code, said.message,
              said.dutch, said.english);
}

}  // namespace
}  // namespace fives
