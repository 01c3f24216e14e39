// The built-in demo: a management team of six that scored one open round,
// with a split on Structure.
#ifndef FIVES_EXAMPLES_FIVES_DEMO_TEAM_H_
#define FIVES_EXAMPLES_FIVES_DEMO_TEAM_H_

#include "absl/status/statusor.h"
#include "fives/round.h"
#include "fives/team.h"

namespace fives::cli {

struct DemoTeam {
  Team team;
  Round round;
};

// Builds the demo through the public API, as a host would.
absl::StatusOr<DemoTeam> BuildDemoTeam();

}  // namespace fives::cli

#endif  // FIVES_EXAMPLES_FIVES_DEMO_TEAM_H_
