/// @file
/// Minimum group sizes of a confidential round: below them a pillar's
/// statistics, or its distribution, are withheld so no reader can work out
/// one member's score. Open rounds show everything. The tiers, with
/// examples: docs/measures.md.
#ifndef FIVES_PRIVACY_THRESHOLDS_H_
#define FIVES_PRIVACY_THRESHOLDS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "fives/v1/round.pb.h"

namespace fives {

struct PrivacyThresholds {
  /// The floor of published survey tools: at n = 2 each rater can work out
  /// the other's score from the mean.
  static constexpr int kLowestMinResponses = 3;
  /// The floor of the distribution: with three or four scores, the mean and
  /// any measure of spread, label or flag mostly give the histogram away.
  static constexpr int kLowestMinDistribution = 5;

  /// Below this n only n is shown.
  int min_responses = kLowestMinResponses;
  /// Below this n only n and the mean are shown.
  int min_distribution = kLowestMinDistribution;

  /// InvalidArgument naming the field: min_responses below 3, or
  /// min_distribution below 5 or below min_responses.
  absl::Status Validate() const;

  /// Absent fields take the defaults; the result is validated.
  static absl::StatusOr<PrivacyThresholds> FromProto(
      const v1::PrivacyThresholds& proto);
  v1::PrivacyThresholds ToProto() const;

  /// At least as strict as `other` in both thresholds.
  bool AtLeastAsStrictAs(const PrivacyThresholds& other) const {
    return min_responses >= other.min_responses &&
           min_distribution >= other.min_distribution;
  }
};

}  // namespace fives

#endif  // FIVES_PRIVACY_THRESHOLDS_H_
