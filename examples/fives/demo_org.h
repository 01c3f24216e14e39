// The built-in demo organisation: 40 management teams in three divisions
// and six departments, with a region per team, each team's journal built
// through the journal API as a host would, over two quarters. Operations is
// weak on Synergy and improves it in the second quarter after plans on it;
// Sales & Service is weak on Structure; Product & Technology on Strategy. A
// team of four shows only its mean; a team where only two answer adds no
// scores; one production team closes no round in the second quarter.
#ifndef FIVES_EXAMPLES_FIVES_DEMO_ORG_H_
#define FIVES_EXAMPLES_FIVES_DEMO_ORG_H_

#include <vector>

#include "absl/status/statusor.h"
#include "fives/org_partial.h"
#include "fives/v1/org.pb.h"

namespace fives::cli {

struct DemoOrg {
  v1::Organization org;
  // One journal file per team ("<team id>.journal").
  std::vector<JournalBytes> journals;
  v1::OrgPeriod first_quarter;
  v1::OrgPeriod second_quarter;
};

absl::StatusOr<DemoOrg> BuildDemoOrg();

}  // namespace fives::cli

#endif  // FIVES_EXAMPLES_FIVES_DEMO_ORG_H_
