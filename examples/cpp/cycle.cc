// One 5S cycle with the C++ API of fives (link fives_core): a team, a
// confidential round, its report, a plan, and the journal saved to a file
// and loaded again.
//
//   cycle [FOLDER]      writes FOLDER/board.journal (default: the current
//                       folder)
//
// Every operation returns absl::Status or absl::StatusOr<T>; a refused call
// names the field and value at fault and changes nothing.
#include <array>
#include <cstdlib>
#include <iostream>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "fives/catalog.h"
#include "fives/journal.h"
#include "fives/journal_io.h"
#include "fives/pillar.h"
#include "fives/report_text.h"

namespace {

// Stops with the error's message; a host would return the status instead.
void Check(const absl::Status& status, const char* what) {
  if (status.ok()) return;
  std::cerr << what << ": " << status << "\n";
  std::exit(1);
}

template <typename T>
T Value(absl::StatusOr<T> result, const char* what) {
  Check(result.status(), what);
  return *std::move(result);
}

// The team and its scores for Strategy, Synergy, Structure, Steering and
// Success factors, 1..5 each.
struct Member {
  const char* id;
  const char* name;
  std::array<int, fives::kPillarCount> scores;
};
constexpr Member kTeam[] = {
    {"anna", "Anna", {4, 4, 2, 3, 4}},   {"bram", "Bram", {4, 3, 5, 3, 3}},
    {"carla", "Carla", {3, 4, 1, 4, 4}}, {"daan", "Daan", {4, 5, 5, 2, 3}},
    {"eva", "Eva", {5, 4, 1, 3, 4}},     {"femke", "Femke", {4, 3, 4, 4, 3}},
};

}  // namespace

int main(int argc, char** argv) {
  const std::string path =
      std::string(argc > 1 ? argv[1] : ".") + "/board.journal";

  // 1. The team: a journal with the method's default settings, and its
  // members.
  fives::Journal journal =
      Value(fives::Journal::Create("board", "Board MT"), "create");
  for (const Member& m : kTeam) {
    Check(journal.AddMember(m.id, m.name, absl::CivilDay(2026, 1, 5)),
          "add member");
  }

  // 2. A confidential round: scores are kept only as counts per pillar.
  const std::string round = "2026-q1";
  Check(journal.StartRound(
            journal.NewRoundOptions(round, absl::CivilDay(2026, 3, 2),
                                    fives::v1::ROUND_MODE_CONFIDENTIAL)),
        "start round");
  for (const Member& m : kTeam) {
    fives::v1::Response response;
    response.set_member_id(m.id);
    for (fives::Pillar p : fives::kAllPillars) {
      fives::v1::PillarScore* score = response.add_scores();
      score->set_pillar(fives::ToProto(p));
      score->set_score(m.scores[fives::PillarIndex(p)]);
    }
    Check(journal.AddResponse(round, response), "add response");
  }
  Check(journal.CloseRound(round, absl::CivilDay(2026, 3, 9)), "close round");

  // 3. The report: statistics per pillar and the focus (a
  // fives::v1::RoundReport), here rendered as text with the suggestions.
  const fives::v1::RoundReport report = Value(journal.Report(round), "report");
  std::cout << fives::RenderReportText(report, fives::Language::kEnglish);

  // 4. The plan on the report's focus: two actions with owners; the second
  // has an explicit due date, the first the team's default (30 days).
  fives::PlanInput plan;
  plan.round_id = round;
  plan.created = absl::CivilDay(2026, 3, 10);
  fives::ActionInput decisions;
  decisions.title = "Choose a decision model per recurring topic";
  decisions.visible_result = "A decision table in the MT folder";
  decisions.owner_id = "bram";
  fives::ActionInput agenda;
  agenda.title = "Use the four-block agenda";
  agenda.visible_result = "Every MT agenda has the four blocks";
  agenda.owner_id = "carla";
  agenda.due = absl::CivilDay(2026, 3, 31);
  plan.actions = {decisions, agenda};
  const std::string plan_id = Value(journal.CreatePlan(plan), "plan");
  std::cout << "\nplan " << plan_id << " created\n";
  const fives::v1::Plan& made = journal.proto().plans(0);
  for (const std::string& action : made.action_ids()) {
    Check(journal.OpenAction(action, absl::CivilDay(2026, 3, 11)), "open");
  }
  Check(journal.AddFeedback(made.action_ids(0), absl::CivilDay(2026, 3, 20),
                            "bram", "Draft table shared", /*progress=*/50),
        "feedback");

  // 5. Save the journal (atomically: a crash leaves the old file), then load
  // it back. The file is checksummed: a damaged one is refused with
  // DataLoss, a missing one with NotFound.
  Check(fives::SaveJournalFile(journal, path), "save");
  const fives::Journal loaded = Value(fives::LoadJournalFile(path), "load");
  const std::string saved =
      fives::SerializeJournal(journal, fives::JournalFormat::kBinary);
  if (fives::SerializeJournal(loaded, fives::JournalFormat::kBinary) != saved) {
    std::cerr << "the loaded journal differs from the saved one\n";
    return 1;
  }
  std::cout << "journal saved to " << path << " and loaded (" << saved.size()
            << " bytes)\n";

  // 6. What needs attention, from the loaded journal.
  const fives::v1::FollowUp follow_up =
      loaded.FollowUp(absl::CivilDay(2026, 3, 21));
  std::cout << "open actions: " << follow_up.open_size()
            << ", overdue: " << follow_up.overdue_size() << "\n";
  return 0;
}
