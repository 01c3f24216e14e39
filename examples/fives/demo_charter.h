// The demo team's charter, partly filled so its review shows gaps: strategy
// without the decisions that go past it, synergy with only a norm for
// disagreement, structure without meeting blocks or topic owners, steering
// with four KPIs (the method asks six to ten), and two team goals.
#ifndef FIVES_EXAMPLES_FIVES_DEMO_CHARTER_H_
#define FIVES_EXAMPLES_FIVES_DEMO_CHARTER_H_

#include "fives/v1/charter.pb.h"

namespace fives::cli {

// The charter the demo team sets (its members as owners); undated, so
// Journal::SetCharter dates every agreement with the day it is set.
v1::Charter DemoCharter();

}  // namespace fives::cli

#endif  // FIVES_EXAMPLES_FIVES_DEMO_CHARTER_H_
