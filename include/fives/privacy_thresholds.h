// Minimum group sizes of a confidential round: below them a pillar's
// statistics, or its distribution, are withheld so no reader can work out
// one member's score. Open rounds show everything.
#ifndef FIVES_PRIVACY_THRESHOLDS_H_
#define FIVES_PRIVACY_THRESHOLDS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "fives/v1/round.pb.h"

namespace fives {

struct PrivacyThresholds {
  // The floor of published survey tools: at n = 2 each rater can work out
  // the other's score from the mean.
  static constexpr int kLowestMinResponses = 3;

  // Below this n only n is shown.
  int min_responses = 3;
  // Below this n only the mean and the label are shown: with three or four
  // scores, the mean and a measure of spread mostly give the histogram away.
  int min_distribution = 5;

  // InvalidArgument naming the field: min_responses below 3, or
  // min_distribution below min_responses.
  absl::Status Validate() const;

  // Absent fields take the defaults; the result is validated.
  static absl::StatusOr<PrivacyThresholds> FromProto(
      const v1::PrivacyThresholds& proto);
  v1::PrivacyThresholds ToProto() const;
};

}  // namespace fives

#endif  // FIVES_PRIVACY_THRESHOLDS_H_
