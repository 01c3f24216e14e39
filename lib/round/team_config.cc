#include "fives/team_config.h"

#include <cmath>

#include "absl/strings/str_cat.h"

namespace fives {
namespace {

absl::Status CheckRange(const char* field, int value, int lo, int hi) {
  if (value < lo || value > hi) {
    return absl::InvalidArgumentError(absl::StrCat(
        "config.", field, ": ", value, " is outside ", lo, "..", hi));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<TeamConfig> TeamConfig::FromProto(const v1::TeamConfig& proto) {
  TeamConfig c;
  if (proto.has_actions_per_plan())
    c.actions_per_plan = proto.actions_per_plan();
  if (proto.has_action_window_days()) {
    c.action_window_days = proto.action_window_days();
  }
  c.allow_late_due_dates = proto.allow_late_due_dates();
  if (proto.has_due_soon_days()) c.due_soon_days = proto.due_soon_days();
  if (proto.has_check_min_days()) c.check_min_days = proto.check_min_days();
  if (proto.has_check_max_days()) c.check_max_days = proto.check_max_days();
  if (proto.has_trend_alpha()) c.trend_alpha = proto.trend_alpha();
  if (auto s = CheckRange("actions_per_plan", c.actions_per_plan, 1, 10);
      !s.ok())
    return s;
  if (auto s = CheckRange("action_window_days", c.action_window_days, 1, 365);
      !s.ok())
    return s;
  if (auto s = CheckRange("due_soon_days", c.due_soon_days, 1, 60); !s.ok())
    return s;
  if (auto s = CheckRange("check_min_days", c.check_min_days, 1, 365); !s.ok())
    return s;
  if (auto s =
          CheckRange("check_max_days", c.check_max_days, c.check_min_days, 365);
      !s.ok())
    return s;
  if (std::isnan(c.trend_alpha) || c.trend_alpha <= 0 || c.trend_alpha > 0.5) {
    return absl::InvalidArgumentError(absl::StrCat(
        "config.trend_alpha: ", c.trend_alpha, " is outside (0, 0.5]"));
  }
  absl::StatusOr<PrivacyThresholds> privacy =
      PrivacyThresholds::FromProto(proto.privacy());
  if (!privacy.ok()) return privacy.status();
  c.privacy = *privacy;
  absl::StatusOr<AgreementThresholds> agreement =
      AgreementThresholds::FromProto(proto.agreement());
  if (!agreement.ok()) return agreement.status();
  c.agreement = *agreement;
  c.focus.rule = proto.focus_rule() == v1::FOCUS_RULE_UNSPECIFIED
                     ? v1::FOCUS_RULE_LOWEST_MEAN
                     : proto.focus_rule();
  if (c.focus.rule != v1::FOCUS_RULE_LOWEST_MEAN &&
      c.focus.rule != v1::FOCUS_RULE_LARGEST_GAP) {
    return absl::InvalidArgumentError(
        absl::StrCat("config.focus_rule: ", static_cast<int>(c.focus.rule),
                     " is not a focus rule"));
  }
  if (absl::Status s = c.focus.SetTargets(proto.targets()); !s.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("config.", s.message()));
  }
  for (const auto& target : c.focus.targets) {
    if (target && !(*target >= 1 && *target <= 5)) {
      return absl::InvalidArgumentError(
          absl::StrCat("config.targets: ", *target, " is outside 1..5"));
    }
  }
  return c;
}

}  // namespace fives
