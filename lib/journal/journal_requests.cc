#include "fives/journal_requests.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "fives/civil_date.h"

namespace fives {

absl::StatusOr<RoundOptions> RoundOptionsFromRequest(
    const Journal& journal, const v1::RoundRequest& request,
    absl::string_view field) {
  absl::StatusOr<absl::CivilDay> date =
      ParseCivilDate(request.date(), absl::StrCat(field, ".date"));
  if (!date.ok()) return date.status();
  RoundOptions options =
      journal.NewRoundOptions(request.id(), *date, request.mode());
  // A request sets some thresholds; the others keep the team's values.
  if (request.has_thresholds()) {
    v1::PrivacyThresholds merged = options.privacy.ToProto();
    merged.MergeFrom(request.thresholds());
    absl::StatusOr<PrivacyThresholds> privacy =
        PrivacyThresholds::FromProto(merged);
    if (!privacy.ok()) return privacy.status();
    options.privacy = *privacy;
  }
  if (request.has_agreement()) {
    v1::AgreementThresholds merged = options.agreement.ToProto();
    merged.MergeFrom(request.agreement());
    absl::StatusOr<AgreementThresholds> agreement =
        AgreementThresholds::FromProto(merged);
    if (!agreement.ok()) return agreement.status();
    options.agreement = *agreement;
  }
  for (int i = 0; i < request.pillars_size(); ++i) {
    absl::StatusOr<Pillar> pillar =
        PillarFromProto(static_cast<v1::Pillar>(request.pillars(i)),
                        absl::StrCat(field, ".pillars[", i, "]"));
    if (!pillar.ok()) return pillar.status();
    options.pillars.push_back(*pillar);
  }
  options.allow_partial = request.allow_partial();
  return options;
}

absl::StatusOr<ActionInput> ActionInputFromRequest(
    const v1::ActionRequest& request, absl::string_view field) {
  ActionInput input;
  input.title = request.title();
  input.visible_result = request.visible_result();
  input.owner_id = request.owner_id();
  if (!request.due().empty()) {
    absl::StatusOr<absl::CivilDay> due =
        ParseCivilDate(request.due(), absl::StrCat(field, ".due"));
    if (!due.ok()) return due.status();
    input.due = *due;
  }
  if (request.pillar() != v1::PILLAR_UNSPECIFIED) {
    absl::StatusOr<Pillar> pillar =
        PillarFromProto(request.pillar(), absl::StrCat(field, ".pillar"));
    if (!pillar.ok()) return pillar.status();
    input.pillar = *pillar;
  }
  return input;
}

absl::StatusOr<PlanInput> PlanInputFromRequest(const v1::PlanRequest& request,
                                               absl::string_view field) {
  PlanInput input;
  input.round_id = request.round_id();
  absl::StatusOr<absl::CivilDay> created =
      ParseCivilDate(request.created(), absl::StrCat(field, ".created"));
  if (!created.ok()) return created.status();
  input.created = *created;
  if (request.focus() != v1::PILLAR_UNSPECIFIED) {
    absl::StatusOr<Pillar> focus =
        PillarFromProto(request.focus(), absl::StrCat(field, ".focus"));
    if (!focus.ok()) return focus.status();
    input.focus = *focus;
  }
  for (int i = 0; i < request.actions_size(); ++i) {
    absl::StatusOr<ActionInput> action = ActionInputFromRequest(
        request.actions(i), absl::StrCat(field, ".actions[", i, "]"));
    if (!action.ok()) return action.status();
    input.actions.push_back(*std::move(action));
  }
  input.note = request.note();
  return input;
}

absl::StatusOr<CheckInput> CheckInputFromRequest(
    const v1::CheckRequest& request, absl::string_view field) {
  CheckInput input;
  absl::StatusOr<absl::CivilDay> date =
      ParseCivilDate(request.date(), absl::StrCat(field, ".date"));
  if (!date.ok()) return date.status();
  input.date = *date;
  input.facilitator_id = request.facilitator_id();
  input.helps.assign(request.helps().begin(), request.helps().end());
  input.chafes.assign(request.chafes().begin(), request.chafes().end());
  input.hinders.assign(request.hinders().begin(), request.hinders().end());
  input.agreements.assign(request.agreements().begin(),
                          request.agreements().end());
  input.reviews.assign(request.reviews().begin(), request.reviews().end());
  for (int i = 0; i < request.agreement_actions_size(); ++i) {
    const v1::AgreementActionRequest& a = request.agreement_actions(i);
    absl::StatusOr<ActionInput> action = ActionInputFromRequest(
        a.action(), absl::StrCat(field, ".agreement_actions[", i, "]"));
    if (!action.ok()) return action.status();
    input.agreement_actions.push_back({a.agreement(), *std::move(action)});
  }
  input.signals.assign(request.signals().begin(), request.signals().end());
  return input;
}

}  // namespace fives
