// The screens of the actions: one line per action, the follow-up lists,
// every action as it stands, and a plan.
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "fives/catalog.h"
#include "fives/pillar.h"
#include "fives/report_text.h"
#include "screens.h"

namespace fives::screens {

std::string ActionLine(const v1::Action& action, Language lang) {
  std::string line = absl::StrCat(
      action.id(), "  [", ActionStatusText(action.status(), lang), "]  ",
      Say("action_due", lang, FormatLongDate(action.due(), lang)), "  ",
      action.owner_id(), "  ");
  absl::StatusOr<Pillar> pillar = PillarFromProto(action.pillar());
  if (pillar.ok()) absl::StrAppend(&line, PillarName(*pillar, lang), ": ");
  absl::StrAppend(&line, action.title(), " (",
                  Say("action_visible", lang, action.visible_result()), ")");
  if (action.status() == v1::ACTION_STATUS_OPEN) {
    for (auto it = action.feedback().rbegin(); it != action.feedback().rend();
         ++it) {
      if (it->has_progress()) {
        absl::StrAppend(&line, " ",
                        Say("action_progress", lang, it->progress()));
        break;
      }
    }
  }
  return line;
}

Outline FollowUpOutline(const v1::FollowUp& f, int due_soon_days,
                        Language lang) {
  Outline out;
  out.Title(Say("follow_up_heading", lang, FormatLongDate(f.as_of(), lang)));
  const std::pair<std::string,
                  const google::protobuf::RepeatedPtrField<v1::Action>*>
      lists[] = {
          {Say("follow_up_open", lang), &f.open()},
          {Say("follow_up_due_soon", lang, due_soon_days), &f.due_soon()},
          {Say("follow_up_overdue", lang), &f.overdue()},
          {Say("follow_up_celebrate", lang), &f.celebrate()},
          {Say("follow_up_needed", lang), &f.needs_attention()},
      };
  for (const auto& [heading, list] : lists) {
    if (list->empty()) {
      out.Line(1, absl::StrCat(heading, ": ", Say("follow_up_none", lang)));
      continue;
    }
    out.Line(1, absl::StrCat(heading, ": ", list->size()));
    for (const v1::Action& a : *list) out.Line(2, ActionLine(a, lang));
  }
  out.Line(1, Say("follow_up_rates", lang,
                  f.has_completion_rate() ? FormatPercent(f.completion_rate())
                                          : Say("rate_none", lang),
                  f.has_on_time_rate() ? FormatPercent(f.on_time_rate())
                                       : Say("rate_none", lang)));
  return out;
}

Outline ActionsOutline(const std::vector<const v1::Action*>& actions,
                       Language lang) {
  Outline out;
  out.Title(Say("actions_heading", lang, actions.size()));
  for (const v1::Action* a : actions) out.Line(1, ActionLine(*a, lang));
  return out;
}

Outline PlanOutline(const Journal& journal, const v1::Plan& plan,
                    Language lang) {
  absl::StatusOr<Pillar> focus = PillarFromProto(plan.focus());
  Outline out;
  out.Title(Say("plan_heading", lang, plan.id(), plan.round_id(),
                FormatLongDate(plan.created(), lang),
                focus.ok() ? PillarName(*focus, lang) : std::string("?")));
  if (!plan.note().empty()) out.Line(1, Say("plan_note", lang, plan.note()));
  for (const std::string& id : plan.action_ids()) {
    for (const v1::Action& a : journal.proto().actions()) {
      if (a.id() == id) out.Line(2, ActionLine(a, lang));
    }
  }
  return out;
}

}  // namespace fives::screens
