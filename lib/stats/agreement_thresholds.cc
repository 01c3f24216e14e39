#include "fives/agreement_thresholds.h"

#include <cmath>

#include "absl/strings/str_cat.h"

namespace fives {
namespace {

absl::Status CheckRange(const char* field, double value, double lo, double hi) {
  if (std::isnan(value) || value < lo || value > hi) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": ", value, " is outside ", lo, "..", hi));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status AgreementThresholds::Validate() const {
  if (auto s = CheckRange("agreement.shared_rwg", shared_rwg, 0, 1); !s.ok())
    return s;
  if (auto s = CheckRange("agreement.split_agreement", split_agreement, -1, 1);
      !s.ok())
    return s;
  return CheckRange("agreement.ad_cutoff", ad_cutoff, 0, 2);
}

absl::StatusOr<AgreementThresholds> AgreementThresholds::FromProto(
    const v1::AgreementThresholds& proto) {
  AgreementThresholds t;
  if (proto.has_shared_rwg()) t.shared_rwg = proto.shared_rwg();
  if (proto.has_split_agreement()) t.split_agreement = proto.split_agreement();
  if (proto.has_ad_cutoff()) t.ad_cutoff = proto.ad_cutoff();
  if (absl::Status s = t.Validate(); !s.ok()) return s;
  return t;
}

v1::AgreementThresholds AgreementThresholds::ToProto() const {
  v1::AgreementThresholds p;
  p.set_shared_rwg(shared_rwg);
  p.set_split_agreement(split_agreement);
  p.set_ad_cutoff(ad_cutoff);
  return p;
}

}  // namespace fives
