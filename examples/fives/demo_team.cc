#include "demo_team.h"

#include <array>

#include "demo_charter.h"
#include "fives/pillar.h"

namespace fives::cli {
namespace {

using Scores = std::array<int, kPillarCount>;

struct DemoMember {
  const char* id;
  const char* name;
  // Scores for strategy, synergy, structure, steering, success in round 1
  // and round 2.
  Scores first;
  Scores second;
};

// Round 1: Structure is split (two 1s and two 5s around a 2 and a 4); the
// others range from shared (strategy) to mixed. Round 2: Structure moved up
// to 4s and 5s; Steering is now the lowest.
constexpr DemoMember kMembers[] = {
    {"anna", "Anna", {4, 4, 2, 3, 4}, {4, 4, 4, 3, 4}},
    {"bram", "Bram", {4, 3, 5, 3, 3}, {4, 4, 5, 3, 3}},
    {"carla", "Carla", {3, 4, 1, 4, 4}, {4, 4, 4, 4, 4}},
    {"daan", "Daan", {4, 5, 5, 2, 3}, {4, 5, 5, 3, 4}},
    {"eva", "Eva", {5, 4, 1, 3, 4}, {5, 4, 4, 3, 4}},
    {"femke", "Femke", {4, 3, 4, 4, 3}, {4, 4, 4, 4, 3}},
};

constexpr absl::CivilDay Day(int y, int m, int d) {
  return absl::CivilDay(y, m, d);
}

absl::Status Score(Journal& journal, const std::string& round, bool second) {
  for (const DemoMember& m : kMembers) {
    v1::Response response;
    response.set_member_id(m.id);
    const Scores& scores = second ? m.second : m.first;
    for (Pillar p : kAllPillars) {
      v1::PillarScore* score = response.add_scores();
      score->set_pillar(ToProto(p));
      score->set_score(scores[PillarIndex(p)]);
    }
    if (absl::Status s = journal.AddResponse(round, response); !s.ok()) {
      return s;
    }
  }
  return absl::OkStatus();
}

// A warning signal of the catalog ticked at a check (`number` from 1).
v1::SignalTick Tick(Pillar pillar, int number) {
  v1::SignalTick tick;
  tick.set_pillar(ToProto(pillar));
  tick.set_number(number);
  return tick;
}

#define DEMO_RETURN_IF_ERROR(expr)                  \
  do {                                              \
    if (absl::Status s = (expr); !s.ok()) return s; \
  } while (0)

}  // namespace

absl::StatusOr<DemoJournal> BuildDemoJournal() {
  absl::StatusOr<Journal> journal = Journal::Create("demo-mt", "Demo MT");
  if (!journal.ok()) return journal.status();
  Journal& j = *journal;
  for (const DemoMember& m : kMembers) {
    DEMO_RETURN_IF_ERROR(j.AddMember(m.id, m.name, Day(2026, 1, 5)));
  }

  // Round 1: open, everyone sees who scored what.
  const std::string first = "2026-11";
  DEMO_RETURN_IF_ERROR(j.StartRound(
      j.NewRoundOptions(first, Day(2026, 11, 2), v1::ROUND_MODE_OPEN)));
  DEMO_RETURN_IF_ERROR(Score(j, first, /*second=*/false));
  DEMO_RETURN_IF_ERROR(j.CloseRound(first, Day(2026, 11, 3)));

  // The plan on its focus (Structure, the report's choice): two actions
  // visible within 30 days.
  PlanInput plan;
  plan.round_id = first;
  plan.created = Day(2026, 11, 3);
  plan.note = "Split on Structure: we talked first, then chose two moves";
  ActionInput decisions;
  decisions.owner_id = "bram";
  decisions.title = "Choose a decision model per recurring topic";
  decisions.visible_result = "A one-page decision table in the MT folder";
  decisions.due = Day(2026, 11, 24);
  ActionInput meetings;
  meetings.owner_id = "carla";
  meetings.title = "Use the four-block meeting format";
  meetings.visible_result = "Every MT agenda has the four blocks";
  plan.actions = {decisions, meetings};
  absl::StatusOr<std::string> plan_id = j.CreatePlan(plan);
  if (!plan_id.ok()) return plan_id.status();
  const std::string a1 = j.proto().plans(0).action_ids(0);
  const std::string a2 = j.proto().plans(0).action_ids(1);

  // The owners commit, report progress, and the first action is done.
  DEMO_RETURN_IF_ERROR(j.OpenAction(a1, Day(2026, 11, 4)));
  DEMO_RETURN_IF_ERROR(j.OpenAction(a2, Day(2026, 11, 4)));
  DEMO_RETURN_IF_ERROR(j.AddFeedback(a1, Day(2026, 11, 13), "bram",
                                     "Draft table shared; two topics open",
                                     60));
  DEMO_RETURN_IF_ERROR(j.AddFeedback(a2, Day(2026, 11, 18), "anna",
                                     "The last two agendas used the blocks",
                                     70));
  DEMO_RETURN_IF_ERROR(j.CompleteAction(a1, Day(2026, 11, 20)));

  // With the decision table done, the team writes down its charter, partly:
  // the review shows what is still missing.
  DEMO_RETURN_IF_ERROR(j.SetCharter(DemoCharter(), Day(2026, 11, 20)));

  // The collaboration check, six weeks after the plan, led by the process
  // guardian: the open action is replanned, an agreement becomes an action.
  CheckInput check;
  check.date = Day(2026, 12, 15);
  check.helps = {"Decisions are written down the day they are made"};
  check.chafes = {"Meetings still overrun"};
  check.hinders = {"Urgent operational topics crowd out the strategy block"};
  check.agreements = {
      "The process guardian closes every meeting with the decision log",
      "Updates go out in writing before the meeting"};
  v1::ActionReview review;
  review.set_action_id(a2);
  review.set_outcome(v1::REVIEW_OUTCOME_REPLANNED);
  review.set_new_due("2026-12-29");
  review.set_note("Two agendas to go");
  check.reviews = {review};
  AgreementAction agreement;
  agreement.agreement = 0;
  agreement.action.owner_id = "daan";
  agreement.action.title = check.agreements[0];
  agreement.action.visible_result =
      "The decision log is up to date after each meeting";
  agreement.action.pillar = Pillar::kStructure;
  check.agreement_actions = {agreement};
  // The warning signals the team still sees: fighting fires (strategy) and
  // vague decisions nobody follows up (structure).
  check.signals = {Tick(Pillar::kStrategy, 2), Tick(Pillar::kStructure, 3)};
  absl::StatusOr<std::string> check_id = j.RecordCheck(check);
  if (!check_id.ok()) return check_id.status();
  DEMO_RETURN_IF_ERROR(j.AddFeedback(a2, Day(2026, 12, 19), "carla",
                                     "All agendas now use the blocks", 100));
  DEMO_RETURN_IF_ERROR(j.CompleteAction(a2, Day(2026, 12, 19)));

  // Round 2, seven weeks after round 1, confidential.
  const std::string second = "2026-12";
  DEMO_RETURN_IF_ERROR(j.StartRound(j.NewRoundOptions(
      second, Day(2026, 12, 21), v1::ROUND_MODE_CONFIDENTIAL)));
  DEMO_RETURN_IF_ERROR(Score(j, second, /*second=*/true));
  DEMO_RETURN_IF_ERROR(j.CloseRound(second, Day(2026, 12, 22)));

  // The next check, seven weeks after the first, led by the next guardian:
  // the decisions are no longer vague, the fires are still there, and
  // incidents now set the agenda.
  CheckInput next;
  next.date = Day(2027, 2, 2);
  next.helps = {"The decision log is read out at the end of every meeting"};
  next.chafes = {"The monthly figures still take half an hour"};
  next.hinders = {"Incidents push the strategy block off the agenda"};
  const std::string a3 = j.proto().checks(0).action_ids(0);
  v1::ActionReview log_review;
  log_review.set_action_id(a3);
  // Kept: the reports as of round 2 show the action as it was then.
  log_review.set_outcome(v1::REVIEW_OUTCOME_KEPT);
  log_review.set_note("The log is current; keep it up until the next check");
  next.reviews = {log_review};
  next.signals = {Tick(Pillar::kStrategy, 2), Tick(Pillar::kSteering, 1)};
  absl::StatusOr<std::string> next_id = j.RecordCheck(next);
  if (!next_id.ok()) return next_id.status();

  return DemoJournal{
      *std::move(journal), first,    second,   *plan_id, *check_id,
      Day(2026, 12, 22),   *next_id, next.date};
}

#undef DEMO_RETURN_IF_ERROR

}  // namespace fives::cli
