/// @file
/// A team's settings for the rhythm of the method, with the method's defaults:
/// two actions per plan, due within 30 days, a check every 6-8 weeks.
#ifndef FIVES_TEAM_CONFIG_H_
#define FIVES_TEAM_CONFIG_H_

#include "absl/status/statusor.h"
#include "fives/agreement_thresholds.h"
#include "fives/focus.h"
#include "fives/privacy_thresholds.h"
#include "fives/v1/config.pb.h"

namespace fives {

struct TeamConfig {
  int actions_per_plan = 2;
  int action_window_days = 30;
  bool allow_late_due_dates = false;
  int due_soon_days = 7;
  int check_min_days = 42;
  int check_max_days = 56;
  PrivacyThresholds privacy;
  AgreementThresholds agreement;
  FocusOptions focus;
  double trend_alpha = 0.05;

  /// Absent fields take the defaults; InvalidArgument naming the field for a
  /// value out of its range (see config.proto).
  static absl::StatusOr<TeamConfig> FromProto(const v1::TeamConfig& proto);
};

}  // namespace fives

#endif  // FIVES_TEAM_CONFIG_H_
