// Text of the journal subcommands beyond the round report: the verdict on a
// plan's focus, the follow-up lists, the check status and the process
// guardian, in English or Dutch.
//
// The library's catalog has no phrases for these yet, so the command keeps
// its own small table (journal_text.cc); they belong in the catalog.
#ifndef FIVES_EXAMPLES_FIVES_JOURNAL_TEXT_H_
#define FIVES_EXAMPLES_FIVES_JOURNAL_TEXT_H_

#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "fives/catalog.h"
#include "fives/journal.h"

namespace fives::cli {

// One line for an action: id, status, due date, owner, pillar, title,
// visible result and the latest progress.
std::string ActionLine(const v1::Action& action, Language lang);

// The closed loop of a report: whether the focus pillar of the plan on an
// earlier round moved, in words, with the means before and after, the
// change, the p-value and the effect size.
std::string RenderVerdict(const v1::RoundReport& report, Language lang);

// The follow-up lists: open, due soon, overdue, celebrate, what is needed,
// and the rates.
std::string RenderFollowUp(const v1::FollowUp& follow_up, int due_soon_days,
                           Language lang);

// Whether the collaboration check is due, and its window.
std::string RenderCheckStatus(const v1::CheckStatus& status,
                              absl::CivilDay as_of, Language lang);

// The process guardian on `on` and the terms that began by then.
std::string RenderGuardian(const Journal& journal, absl::CivilDay on,
                           Language lang);

// A plan: its round, focus, note and actions.
std::string RenderPlan(const Journal& journal, const v1::Plan& plan,
                       Language lang);

// A recorded check: its four prompts, reviews, new actions and the warning
// signals ticked at it.
std::string RenderCheck(const Journal& journal, const v1::Check& check,
                        Language lang);

// "id (Display name)" of a member, or the id alone when it is unknown.
std::string MemberLabel(const Journal& journal, absl::string_view id);

}  // namespace fives::cli

#endif  // FIVES_EXAMPLES_FIVES_JOURNAL_TEXT_H_
