/// @file
/// The thresholds that turn agreement measures into the labels shared, mixed
/// and split. Defaults are the conventional cut-offs; a team may set its own
/// in its configuration, and each round keeps those in force when it started.
/// How the labels are decided, with their sources: docs/measures.md.
#ifndef FIVES_AGREEMENT_THRESHOLDS_H_
#define FIVES_AGREEMENT_THRESHOLDS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "fives/v1/stats.pb.h"

namespace fives {

struct AgreementThresholds {
  /// rwg at or above this is "shared" (James, Demaree & Wolf: 0.70).
  double shared_rwg = 0.70;
  /// van der Eijk agreement below this is "split" (polarised).
  double split_agreement = 0.0;
  /// An average deviation above c/6 = 5/6 signals no agreement.
  double ad_cutoff = 5.0 / 6.0;

  /// InvalidArgument naming the field when a value is out of its range:
  /// shared_rwg in [0, 1], split_agreement in [-1, 1], ad_cutoff in [0, 2].
  absl::Status Validate() const;

  /// Absent fields take the defaults; the result is validated.
  static absl::StatusOr<AgreementThresholds> FromProto(
      const v1::AgreementThresholds& proto);
  /// Every field set.
  v1::AgreementThresholds ToProto() const;

  friend bool operator==(const AgreementThresholds& a,
                         const AgreementThresholds& b) {
    return a.shared_rwg == b.shared_rwg &&
           a.split_agreement == b.split_agreement && a.ad_cutoff == b.ad_cutoff;
  }
  friend bool operator!=(const AgreementThresholds& a,
                         const AgreementThresholds& b) {
    return !(a == b);
  }
};

}  // namespace fives

#endif  // FIVES_AGREEMENT_THRESHOLDS_H_
