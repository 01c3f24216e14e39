/// @file
/// The schema's requests (fives.v1.RoundRequest, PlanRequest, CheckRequest)
/// as the journal's inputs, for hosts that speak the schema rather than C++
/// (the C ABI and, through it, every other language). Each field is checked
/// here once and a bad one named as the request's field ("request.date",
/// "request.actions[1].due").
#ifndef FIVES_JOURNAL_REQUESTS_H_
#define FIVES_JOURNAL_REQUESTS_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "fives/journal.h"
#include "fives/round.h"
#include "fives/v1/requests.pb.h"

namespace fives {

/// The options of a new round of `journal`: the team's configuration
/// (Journal::NewRoundOptions) with the thresholds the request sets over it,
/// field by field. InvalidArgument naming `field` + ".date" or
/// ".pillars[i]" for a malformed date or an unknown pillar, and
/// "thresholds.<name>" or "agreement.<name>" for thresholds that are not
/// valid once merged.
absl::StatusOr<RoundOptions> RoundOptionsFromRequest(
    const Journal& journal, const v1::RoundRequest& request,
    absl::string_view field = "request");

/// An action of a plan or a check: the due date parsed and the pillar, when
/// set, checked. InvalidArgument naming `field` + ".due" or ".pillar".
absl::StatusOr<ActionInput> ActionInputFromRequest(
    const v1::ActionRequest& request, absl::string_view field);

/// A plan: InvalidArgument naming `field` + ".created", ".focus" or an
/// action's field (".actions[i].due").
absl::StatusOr<PlanInput> PlanInputFromRequest(
    const v1::PlanRequest& request, absl::string_view field = "request");

/// A check: InvalidArgument naming `field` + ".date" or an agreement
/// action's field (".agreement_actions[i].due").
absl::StatusOr<CheckInput> CheckInputFromRequest(
    const v1::CheckRequest& request, absl::string_view field = "request");

}  // namespace fives

#endif  // FIVES_JOURNAL_REQUESTS_H_
