// Helpers shared by the journal's implementation files; not public.
#ifndef FIVES_LIB_JOURNAL_INTERNAL_H_
#define FIVES_LIB_JOURNAL_INTERNAL_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "fives/journal.h"
#include "fives/round.h"
#include "fives/v1/journal.pb.h"

namespace fives::journal_internal {

// A date stored in a validated journal.
absl::CivilDay StoredDay(const std::string& text);

// The element with `id`, or nullptr.
const v1::Round* FindRound(const v1::Journal& j, absl::string_view id);
v1::Round* FindRound(v1::Journal& j, absl::string_view id);
// The round with `id`, validated; NotFound naming `field` when there is none.
absl::StatusOr<Round> LoadRound(const v1::Journal& j, absl::string_view id,
                                absl::string_view field = "round_id");
const v1::Action* FindAction(const v1::Journal& j, absl::string_view id);
v1::Action* FindAction(v1::Journal& j, absl::string_view id);

// "<prefix><n>" with n the counter's next value; advances the counter.
std::string NextId(absl::string_view prefix, int32_t* counter);

// True when `id` is a member on `day`.
bool IsCurrentMember(const v1::Team& team, absl::string_view id,
                     absl::CivilDay day);

// The first current member on `day` after `after_id` in join order, wrapping
// around (`after_id` itself last); empty when nobody is a member on `day`.
// An empty `after_id` gives the first current member.
std::string NextCurrentMember(const v1::Team& team, absl::string_view after_id,
                              absl::CivilDay day);

// The guardian term in force on `day`, or nullptr before the first term.
const v1::GuardianTerm* TermOn(const v1::Journal& j, absl::CivilDay day);

// Builds an action (status PROPOSED, no id yet) from its input, checked
// against the team and the configuration; `field` prefixes every message.
absl::StatusOr<v1::Action> MakeAction(const ActionInput& input,
                                      const Team& team,
                                      const TeamConfig& config,
                                      absl::CivilDay created, Pillar pillar,
                                      absl::string_view field);

// Appends `ticks` to j's charter as ticked at check `check_id` after
// checking each (pillar, signal index, check_id empty or `check_id`, not
// ticked twice); `field` names the list in errors. Nothing is appended on
// error.
absl::Status AppendSignalTicks(v1::Journal& j, absl::string_view check_id,
                               const std::vector<v1::SignalTick>& ticks,
                               absl::string_view field);

}  // namespace fives::journal_internal

#endif  // FIVES_LIB_JOURNAL_INTERNAL_H_
