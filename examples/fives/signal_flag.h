// --signal PILLAR:N: a warning signal of the catalog that the team ticks at
// a check. N counts from 1 in the order `fives charter signals` lists them,
// as the library's SignalTick.number does.
#ifndef FIVES_EXAMPLES_FIVES_SIGNAL_FLAG_H_
#define FIVES_EXAMPLES_FIVES_SIGNAL_FLAG_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "fives/v1/charter.pb.h"

namespace fives::cli {

// The ticks of every --signal value, in order (check_id left empty).
// InvalidArgument naming the value for a pillar that is not one, an N that
// is not a whole number or outside the pillar's signals, or a signal given
// twice.
absl::StatusOr<std::vector<v1::SignalTick>> ParseSignalFlags(
    const std::vector<std::string>& values);

}  // namespace fives::cli

#endif  // FIVES_EXAMPLES_FIVES_SIGNAL_FLAG_H_
