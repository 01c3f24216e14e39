// The built-in demo: a management team of six going once around the cycle,
// built through the journal API as a host would. Round 1 (open) has a split
// on Structure, which becomes the focus of a plan with two actions; the
// actions get feedback and are opened and completed; the team sets a partly
// filled charter; a collaboration check reviews the open action, turns an
// agreement into an action and ticks warning signals; round 2
// (confidential), seven weeks after round 1, shows whether Structure moved;
// the next check, seven weeks after the first, ticks signals again.
#ifndef FIVES_EXAMPLES_FIVES_DEMO_TEAM_H_
#define FIVES_EXAMPLES_FIVES_DEMO_TEAM_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "fives/journal.h"

namespace fives::cli {

struct DemoJournal {
  Journal journal;
  std::string first_round;
  std::string second_round;
  std::string plan_id;
  std::string check_id;
  // The day round 2 closed: the reports and follow-up are as of then.
  absl::CivilDay as_of;
  // The next check, after round 2, and its day: the charter review is as of
  // then, with the warning signals of both checks.
  std::string next_check_id;
  absl::CivilDay charter_as_of;
};

// Builds the demo journal through the public API.
absl::StatusOr<DemoJournal> BuildDemoJournal();

}  // namespace fives::cli

#endif  // FIVES_EXAMPLES_FIVES_DEMO_TEAM_H_
