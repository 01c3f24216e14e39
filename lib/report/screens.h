// The journal's screens beyond the round report, each built once as an
// Outline (outline.h) in English or Dutch, every word from the catalog:
// follow-up, actions, check due, a recorded check, the process guardian, a
// plan, the charter, its review, the warning signals and the members.
// RenderJournalDocument (fives/journal_document.h) is their public face.
// Not part of the public API.
#ifndef FIVES_LIB_SCREENS_H_
#define FIVES_LIB_SCREENS_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "fives/catalog.h"
#include "fives/journal.h"
#include "fives/pillar.h"
#include "outline.h"

namespace fives::screens {

// "id (Display name)" of a member, or the id alone when it has no other
// name or is unknown.
std::string MemberLabel(const Journal& journal, absl::string_view id);

// One line for an action: id, status, due date, owner, pillar, title,
// visible result and, while open, the latest progress.
std::string ActionLine(const v1::Action& action, Language lang);

// The catalog's text of a warning signal by its number counted from 1
// (SignalTick.number); "?" for a number outside 1..N.
std::string SignalText(Pillar pillar, int number, Language lang);

// The follow-up lists (open, due soon, overdue, celebrate, what is needed)
// and the rates.
Outline FollowUpOutline(const v1::FollowUp& follow_up, int due_soon_days,
                        Language lang);

// Every action given, as it stands.
Outline ActionsOutline(const std::vector<const v1::Action*>& actions,
                       Language lang);

// Whether the check is due on `due.as_of`, its window, who leads it and
// the actions it must review.
Outline CheckDueOutline(const Journal& journal, const v1::CheckDue& due,
                        Language lang);

// A recorded check: its four prompts, reviews, new actions and the warning
// signals ticked at it.
Outline CheckOutline(const Journal& journal, const v1::Check& check,
                     Language lang);

// The process guardian on `on` and the terms that began by then.
Outline GuardianOutline(const Journal& journal, absl::CivilDay on,
                        Language lang);

// A plan: its round, focus, note and actions.
Outline PlanOutline(const Journal& journal, const v1::Plan& plan,
                    Language lang);

// The charter per pillar: each agreement, its entries and when it was
// confirmed, and the warning signals ticked, by check.
Outline CharterOutline(const Journal& journal, Language lang);

// The charter review: per pillar the readiness ("3/4"), the agreements
// missing and stale, the warning signals over the checks and the findings;
// then the next agreement and its next step.
Outline CharterReviewOutline(const Journal& journal,
                             const v1::CharterReview& review, Language lang);

// Every pillar's warning signals with their numbers.
Outline SignalsOutline(Language lang);

// The team's members over time: id, name, joined and left.
Outline MembersOutline(const Journal& journal, Language lang);

}  // namespace fives::screens

#endif  // FIVES_LIB_SCREENS_H_
