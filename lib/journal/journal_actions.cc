// Plans, actions, feedback and the follow-up lists of a journal.
#include <algorithm>

#include "absl/strings/str_cat.h"
#include "fives/civil_date.h"
#include "fives/error_detail.h"
#include "fives/journal.h"
#include "fives/limits.h"
#include "fives/string_rules.h"
#include "journal_internal.h"

namespace fives {

using journal_internal::FindAction;
using journal_internal::FindRound;
using journal_internal::MakeAction;
using journal_internal::StoredDay;

namespace {

absl::string_view StatusName(v1::ActionStatus s) {
  switch (s) {
    case v1::ACTION_STATUS_PROPOSED:
      return "proposed";
    case v1::ACTION_STATUS_OPEN:
      return "open";
    case v1::ACTION_STATUS_DONE:
      return "done";
    case v1::ACTION_STATUS_DROPPED:
      return "dropped";
    default:
      return "unspecified";
  }
}

// The status as a phrase of the catalog (status_open, ...).
ErrorArgument StatusPhrase(v1::ActionStatus s) {
  return ErrorArgument::Phrase(absl::StrCat("status_", StatusName(s)));
}

absl::Status NoAction(absl::string_view id) {
  return WithDetail(absl::NotFoundError(absl::StrCat("action_id: no action \"",
                                                     id, "\" in the journal")),
                    v1::ERROR_CODE_ACTION_UNKNOWN, {id});
}

}  // namespace

absl::StatusOr<std::string> Journal::CreatePlan(const PlanInput& input) {
  const v1::Round* round = FindRound(proto_, input.round_id);
  if (round == nullptr) {
    return WithDetail(
        absl::NotFoundError(absl::StrCat("plan.round_id: no round \"",
                                         input.round_id, "\" in the journal")),
        v1::ERROR_CODE_PLAN_ROUND_UNKNOWN, {input.round_id});
  }
  if (round->state() != v1::ROUND_STATE_CLOSED) {
    return WithDetail(
        absl::FailedPreconditionError(absl::StrCat(
            "plan.round_id: round \"", input.round_id,
            "\" is not closed; a plan answers a closed round's report")),
        v1::ERROR_CODE_PLAN_ROUND_NOT_CLOSED, {input.round_id});
  }
  if (StoredDay(round->closed_on()) > input.created) {
    const std::string created = FormatCivilDate(input.created);
    return WithDetail(absl::InvalidArgumentError(absl::StrCat(
                          "plan.created: ", created, " is before round \"",
                          input.round_id, "\" closed on ", round->closed_on())),
                      v1::ERROR_CODE_PLAN_BEFORE_ROUND_CLOSED,
                      {created, input.round_id, round->closed_on()});
  }
  if (absl::Status s = CheckCivilDate(input.created, "plan.created"); !s.ok())
    return s;
  for (const v1::Plan& p : proto_.plans()) {
    if (p.round_id() == input.round_id) {
      return WithDetail(absl::AlreadyExistsError(absl::StrCat(
                            "plan.round_id: round \"", input.round_id,
                            "\" already has plan \"", p.id(), "\"")),
                        v1::ERROR_CODE_PLAN_EXISTS, {input.round_id, p.id()});
    }
  }
  if (static_cast<int>(input.actions.size()) != config_.actions_per_plan) {
    return WithDetail(
        absl::InvalidArgumentError(absl::StrCat(
            "plan.actions: ", input.actions.size(), " actions, the team plans ",
            config_.actions_per_plan, " per focus")),
        v1::ERROR_CODE_PLAN_ACTIONS_COUNT,
        {input.actions.size(), config_.actions_per_plan});
  }
  Pillar focus;
  if (input.focus) {
    focus = *input.focus;
  } else {
    absl::StatusOr<v1::RoundReport> report = Report(input.round_id);
    if (!report.ok()) return report.status();
    if (report->focus() == v1::PILLAR_UNSPECIFIED) {
      return WithDetail(
          absl::FailedPreconditionError(absl::StrCat(
              "plan.focus: round \"", input.round_id,
              "\" names no focus (too few responses); choose one")),
          v1::ERROR_CODE_PLAN_NO_FOCUS, {input.round_id});
    }
    focus = *PillarFromProto(report->focus());
  }
  if (absl::Status s = CheckLimit(
          Limit::kActions,
          proto_.actions_size() + static_cast<int64_t>(input.actions.size()),
          "actions");
      !s.ok()) {
    return s;
  }
  const Team t = team();
  std::vector<v1::Action> actions;
  int32_t next_action = proto_.next_action();
  int32_t next_plan = proto_.next_plan();
  const std::string plan_id = journal_internal::NextId("p", &next_plan);
  for (size_t i = 0; i < input.actions.size(); ++i) {
    const ActionInput& a = input.actions[i];
    const std::string field = absl::StrCat("plan.actions[", i, "]");
    if (a.pillar && *a.pillar != focus) {
      return WithDetail(absl::InvalidArgumentError(absl::StrCat(
                            field, ".pillar: ", PillarKey(*a.pillar),
                            " is not the plan's focus ", PillarKey(focus))),
                        v1::ERROR_CODE_ACTION_PILLAR_NOT_FOCUS,
                        {a.title, *a.pillar, focus});
    }
    absl::StatusOr<v1::Action> action =
        MakeAction(a, t, config_, input.created, focus, field);
    if (!action.ok()) return action.status();
    if (absl::Status s = CheckStrings(*action, field); !s.ok()) return s;
    action->set_id(journal_internal::NextId("a", &next_action));
    action->set_plan_id(plan_id);
    actions.push_back(*std::move(action));
  }
  if (absl::Status s = CheckText(input.note, "plan.note", TextKind::kText);
      !s.ok()) {
    return s;
  }
  v1::Plan plan;
  plan.set_id(plan_id);
  plan.set_round_id(input.round_id);
  plan.set_created(FormatCivilDate(input.created));
  plan.set_focus(ToProto(focus));
  plan.set_note(input.note);
  for (v1::Action& a : actions) {
    plan.add_action_ids(a.id());
    *proto_.add_actions() = std::move(a);
  }
  *proto_.add_plans() = std::move(plan);
  proto_.set_next_action(next_action);
  proto_.set_next_plan(next_plan);
  return plan_id;
}

namespace {

// Moves `action` from one status to another on `on`, if that transition is
// allowed; otherwise FailedPrecondition naming both statuses.
absl::Status Transition(v1::Action* action, absl::string_view id,
                        v1::ActionStatus to, absl::CivilDay on,
                        absl::string_view reason) {
  if (action == nullptr) return NoAction(id);
  const v1::ActionStatus from = action->status();
  const bool allowed =
      (from == v1::ACTION_STATUS_PROPOSED && to == v1::ACTION_STATUS_OPEN) ||
      (from == v1::ACTION_STATUS_OPEN &&
       (to == v1::ACTION_STATUS_DONE || to == v1::ACTION_STATUS_DROPPED));
  if (!allowed) {
    return WithDetail(
        absl::FailedPreconditionError(absl::StrCat(
            "action \"", id, "\": cannot go from ", StatusName(from), " to ",
            StatusName(to), " (allowed: proposed -> open -> done or dropped)")),
        v1::ERROR_CODE_ACTION_TRANSITION,
        {id, StatusPhrase(from), StatusPhrase(to)});
  }
  if (absl::Status s = CheckCivilDate(on, "date"); !s.ok()) return s;
  const absl::CivilDay last =
      action->history_size() > 0 ? StoredDay(action->history().rbegin()->date())
                                 : StoredDay(action->created());
  if (on < last) {
    return WithDetail(
        absl::InvalidArgumentError(absl::StrCat(
            "date: ", FormatCivilDate(on), " is before the action's ",
            "last change on ", FormatCivilDate(last))),
        v1::ERROR_CODE_ACTION_DATE_BEFORE_CHANGE,
        {id, FormatCivilDate(on), FormatCivilDate(last)});
  }
  if (to == v1::ACTION_STATUS_DROPPED && reason.empty()) {
    return WithDetail(
        absl::InvalidArgumentError(absl::StrCat(
            "reason: empty; dropping action \"", id, "\" needs one")),
        v1::ERROR_CODE_ACTION_DROP_REASON_EMPTY, {id});
  }
  v1::StatusChange* change = action->add_history();
  change->set_date(FormatCivilDate(on));
  change->set_from(from);
  change->set_to(to);
  change->set_reason(std::string(reason));
  action->set_status(to);
  if (to == v1::ACTION_STATUS_DONE) action->set_done_on(FormatCivilDate(on));
  if (to == v1::ACTION_STATUS_DROPPED)
    action->set_drop_reason(std::string(reason));
  return absl::OkStatus();
}

}  // namespace

absl::Status Journal::OpenAction(absl::string_view action_id,
                                 absl::CivilDay on) {
  return Transition(FindAction(proto_, action_id), action_id,
                    v1::ACTION_STATUS_OPEN, on, "");
}

absl::Status Journal::CompleteAction(absl::string_view action_id,
                                     absl::CivilDay on) {
  return Transition(FindAction(proto_, action_id), action_id,
                    v1::ACTION_STATUS_DONE, on, "");
}

absl::Status Journal::DropAction(absl::string_view action_id, absl::CivilDay on,
                                 absl::string_view reason) {
  if (absl::Status s = CheckText(reason, "reason", TextKind::kText); !s.ok())
    return s;
  return Transition(FindAction(proto_, action_id), action_id,
                    v1::ACTION_STATUS_DROPPED, on, reason);
}

absl::Status Journal::AddFeedback(absl::string_view action_id,
                                  absl::CivilDay on,
                                  absl::string_view author_id,
                                  absl::string_view text,
                                  std::optional<int> progress) {
  v1::Action* action = FindAction(proto_, action_id);
  if (action == nullptr) return NoAction(action_id);
  if (absl::Status s = CheckCivilDate(on, "feedback.date"); !s.ok()) return s;
  if (on < StoredDay(action->created())) {
    return WithDetail(
        absl::InvalidArgumentError(absl::StrCat(
            "feedback.date: ", FormatCivilDate(on),
            " is before the action was created on ", action->created())),
        v1::ERROR_CODE_FEEDBACK_BEFORE_CREATED,
        {FormatCivilDate(on), action_id, action->created()});
  }
  if (absl::Status s =
          team().CheckCurrentMember(author_id, on, "feedback.author_id");
      !s.ok()) {
    return s;
  }
  if (text.empty()) {
    return WithDetail(absl::InvalidArgumentError("feedback.text: empty"),
                      v1::ERROR_CODE_FEEDBACK_TEXT_EMPTY, {action_id});
  }
  if (absl::Status s = CheckText(text, "feedback.text", TextKind::kText);
      !s.ok()) {
    return s;
  }
  if (absl::Status s = CheckLimit(Limit::kFeedback, action->feedback_size() + 1,
                                  "action.feedback");
      !s.ok()) {
    return s;
  }
  if (progress && (*progress < 0 || *progress > 100)) {
    return WithDetail(
        absl::InvalidArgumentError(absl::StrCat(
            "feedback.progress: ", *progress, " is outside 0..100")),
        v1::ERROR_CODE_FEEDBACK_PROGRESS_RANGE, {*progress});
  }
  v1::Feedback* f = action->add_feedback();
  f->set_date(FormatCivilDate(on));
  f->set_author_id(std::string(author_id));
  f->set_text(std::string(text));
  if (progress) f->set_progress(*progress);
  return absl::OkStatus();
}

namespace {

// The action as it stood on `as_of`, when its status was `status`: later
// status changes and feedback left out, done_on and drop_reason only when
// they applied by then. (A due date re-planned at a later check cannot be
// told apart: the action keeps its current due date.)
v1::Action ActionAsOf(const v1::Action& a, absl::CivilDay as_of,
                      v1::ActionStatus status) {
  v1::Action out = a;
  out.set_status(status);
  if (status != v1::ACTION_STATUS_DONE) out.clear_done_on();
  if (status != v1::ACTION_STATUS_DROPPED) out.clear_drop_reason();
  auto later = [as_of](const std::string& date) {
    return journal_internal::StoredDay(date) > as_of;
  };
  auto* history = out.mutable_history();
  history->erase(std::remove_if(history->begin(), history->end(),
                                [&](const v1::StatusChange& c) {
                                  return later(c.date());
                                }),
                 history->end());
  auto* feedback = out.mutable_feedback();
  feedback->erase(
      std::remove_if(feedback->begin(), feedback->end(),
                     [&](const v1::Feedback& f) { return later(f.date()); }),
      feedback->end());
  return out;
}

}  // namespace

std::vector<const v1::Action*> Journal::Actions(
    absl::string_view owner_id, std::optional<Pillar> pillar) const {
  std::vector<const v1::Action*> out;
  for (const v1::Action& a : proto_.actions()) {
    if (!owner_id.empty() && a.owner_id() != owner_id) continue;
    if (pillar && a.pillar() != ToProto(*pillar)) continue;
    out.push_back(&a);
  }
  return out;
}

v1::FollowUp Journal::FollowUp(absl::CivilDay as_of, absl::string_view owner_id,
                               std::optional<Pillar> pillar) const {
  v1::FollowUp out;
  out.set_as_of(FormatCivilDate(as_of));
  out.set_owner_id(std::string(owner_id));
  if (pillar) out.set_pillar(ToProto(*pillar));
  // The last check before today bounds "since the last check".
  std::optional<absl::CivilDay> last_check;
  for (const v1::Check& c : proto_.checks()) {
    const absl::CivilDay d = StoredDay(c.date());
    if (d < as_of && (!last_check || d > *last_check)) last_check = d;
  }
  auto since_last_check = [&](absl::CivilDay d) {
    return d <= as_of && (!last_check || d > *last_check);
  };
  int done = 0, on_time = 0, dropped = 0, overdue_count = 0;
  for (const v1::Action& a : proto_.actions()) {
    if (!owner_id.empty() && a.owner_id() != owner_id) continue;
    if (pillar && a.pillar() != ToProto(*pillar)) continue;
    if (StoredDay(a.created()) > as_of) continue;  // not there yet
    // The status as of that date, from the history.
    v1::ActionStatus status = v1::ACTION_STATUS_PROPOSED;
    absl::CivilDay changed = StoredDay(a.created());
    for (const v1::StatusChange& c : a.history()) {
      const absl::CivilDay d = StoredDay(c.date());
      if (d > as_of) break;
      status = c.to();
      changed = d;
    }
    const absl::CivilDay due = StoredDay(a.due());
    const v1::Action then = ActionAsOf(a, as_of, status);
    switch (status) {
      case v1::ACTION_STATUS_OPEN:
        *out.add_open() = then;
        if (due < as_of) {
          ++overdue_count;
          *out.add_overdue() = then;
          *out.add_needs_attention() = then;
        } else if (due - as_of <= config_.due_soon_days) {
          *out.add_due_soon() = then;
        }
        break;
      case v1::ACTION_STATUS_DONE:
        ++done;
        if (changed <= due) ++on_time;
        if (since_last_check(changed)) *out.add_celebrate() = then;
        break;
      case v1::ACTION_STATUS_DROPPED:
        ++dropped;
        if (since_last_check(changed)) *out.add_needs_attention() = then;
        break;
      default:
        break;
    }
  }
  auto by_due = [](const v1::Action& a, const v1::Action& b) {
    return std::make_pair(a.due(), a.id()) < std::make_pair(b.due(), b.id());
  };
  for (auto* list :
       {out.mutable_open(), out.mutable_due_soon(), out.mutable_overdue(),
        out.mutable_celebrate(), out.mutable_needs_attention()}) {
    std::sort(list->begin(), list->end(), by_due);
  }
  if (done + dropped + overdue_count > 0) {
    out.set_completion_rate(static_cast<double>(done) /
                            (done + dropped + overdue_count));
  }
  if (done > 0) out.set_on_time_rate(static_cast<double>(on_time) / done);
  out.set_done(done);
  out.set_done_on_time(on_time);
  out.set_dropped(dropped);
  return out;
}

}  // namespace fives
