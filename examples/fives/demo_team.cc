#include "demo_team.h"

#include <array>

#include "absl/time/civil_time.h"

namespace fives::cli {
namespace {

struct DemoMember {
  const char* id;
  const char* name;
  // Scores for strategy, synergy, structure, steering, success.
  std::array<int, kPillarCount> scores;
};

// Structure is split (two 1s and two 5s around a 2 and a 4); the others
// range from shared (strategy) to mixed.
constexpr DemoMember kMembers[] = {
    {"anna", "Anna", {4, 4, 2, 3, 4}},   {"bram", "Bram", {4, 3, 5, 3, 3}},
    {"carla", "Carla", {3, 4, 1, 4, 4}}, {"daan", "Daan", {4, 5, 5, 2, 3}},
    {"eva", "Eva", {5, 4, 1, 3, 4}},     {"femke", "Femke", {4, 3, 4, 4, 3}},
};

}  // namespace

absl::StatusOr<DemoTeam> BuildDemoTeam() {
  absl::StatusOr<Team> team = Team::Create("demo-mt", "Demo MT");
  if (!team.ok()) return team.status();
  for (const DemoMember& m : kMembers) {
    if (absl::Status s =
            team->AddMember(m.id, m.name, absl::CivilDay(2026, 1, 5));
        !s.ok()) {
      return s;
    }
  }
  RoundOptions options;
  options.id = "2026-q4";
  options.date = absl::CivilDay(2026, 11, 2);
  options.mode = v1::ROUND_MODE_OPEN;
  absl::StatusOr<Round> round = Round::Create(options);
  if (!round.ok()) return round.status();
  for (const DemoMember& m : kMembers) {
    v1::Response response;
    response.set_member_id(m.id);
    for (Pillar p : kAllPillars) {
      v1::PillarScore* score = response.add_scores();
      score->set_pillar(ToProto(p));
      score->set_score(m.scores[PillarIndex(p)]);
    }
    if (absl::Status s = round->AddResponse(*team, response); !s.ok()) return s;
  }
  if (absl::Status s = round->Close(absl::CivilDay(2026, 11, 9)); !s.ok()) {
    return s;
  }
  return DemoTeam{*std::move(team), *std::move(round)};
}

}  // namespace fives::cli
