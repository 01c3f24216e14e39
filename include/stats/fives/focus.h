/// @file
/// Choosing the one pillar with the most to gain. Every asked pillar is ranked
/// with the reason for its place; a pillar the team is split on is flagged
/// "talk first". The rules and tie-breaks, with an example: docs/measures.md.
#ifndef FIVES_FOCUS_H_
#define FIVES_FOCUS_H_

#include <array>
#include <optional>
#include <vector>

#include "absl/status/statusor.h"
#include "fives/pillar.h"
#include "fives/v1/report.pb.h"
#include "fives/v1/stats.pb.h"
#include "google/protobuf/repeated_ptr_field.h"

namespace fives {

struct FocusOptions {
  v1::FocusRule rule = v1::FOCUS_RULE_LOWEST_MEAN;
  /// Target mean per pillar (1..5), required for every ranked pillar under
  /// FOCUS_RULE_LARGEST_GAP.
  std::array<std::optional<double>, kPillarCount> targets = {};

  /// Reads the targets of a list of messages; the error names the entry.
  absl::Status SetTargets(
      const google::protobuf::RepeatedPtrField<v1::PillarTarget>& targets);
};

/// Ranks the pillars of `stats` (one entry per pillar; withheld or empty
/// pillars rank last). The rule's key first (lowest mean, or largest gap),
/// then lower consensus, then pillar order. InvalidArgument for an unknown
/// rule, a missing or out-of-range target, or a pillar listed twice.
absl::StatusOr<std::vector<v1::FocusCandidate>> RankFocus(
    const google::protobuf::RepeatedPtrField<v1::PillarStats>& stats,
    const FocusOptions& options);

}  // namespace fives

#endif  // FIVES_FOCUS_H_
