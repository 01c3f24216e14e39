#include "fives/privacy_thresholds.h"

#include "absl/strings/str_cat.h"

namespace fives {

absl::Status PrivacyThresholds::Validate() const {
  if (min_responses < kLowestMinResponses) {
    return absl::InvalidArgumentError(absl::StrCat(
        "thresholds.min_responses: ", min_responses, " is below ",
        kLowestMinResponses, ", too small to keep scores confidential"));
  }
  if (min_distribution < kLowestMinDistribution) {
    return absl::InvalidArgumentError(absl::StrCat(
        "thresholds.min_distribution: ", min_distribution, " is below ",
        kLowestMinDistribution,
        ", too small to show a distribution without giving scores away"));
  }
  if (min_distribution < min_responses) {
    return absl::InvalidArgumentError(
        absl::StrCat("thresholds.min_distribution: ", min_distribution,
                     " is below min_responses ", min_responses));
  }
  return absl::OkStatus();
}

absl::StatusOr<PrivacyThresholds> PrivacyThresholds::FromProto(
    const v1::PrivacyThresholds& proto) {
  PrivacyThresholds t;
  if (proto.has_min_responses()) t.min_responses = proto.min_responses();
  if (proto.has_min_distribution()) {
    t.min_distribution = proto.min_distribution();
  }
  if (absl::Status s = t.Validate(); !s.ok()) return s;
  return t;
}

v1::PrivacyThresholds PrivacyThresholds::ToProto() const {
  v1::PrivacyThresholds p;
  p.set_min_responses(min_responses);
  p.set_min_distribution(min_distribution);
  return p;
}

}  // namespace fives
