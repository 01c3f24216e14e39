// The collaboration check and the rotating process guardian of a journal.
#include <algorithm>

#include "absl/strings/str_cat.h"
#include "fives/civil_date.h"
#include "fives/error_detail.h"
#include "fives/journal.h"
#include "fives/string_rules.h"
#include "hash_table.h"
#include "journal_internal.h"
#include "journal_limits.h"

namespace fives {

using journal_internal::FindAction;
using journal_internal::MakeAction;
using journal_internal::NextCurrentMember;
using journal_internal::StoredDay;
using journal_internal::TermOn;

namespace {

// An action a check on `day` reviews: open, and created by then.
bool ReviewedAtCheckOn(const v1::Action& a, absl::CivilDay day) {
  return a.status() == v1::ACTION_STATUS_OPEN && StoredDay(a.created()) <= day;
}

}  // namespace

v1::GuardianReport Journal::GuardianReportOn(absl::CivilDay on) const {
  v1::GuardianReport report;
  report.set_as_of(FormatCivilDate(on));
  if (absl::StatusOr<std::string> g = Guardian(on); g.ok()) {
    report.set_guardian_id(*g);
  }
  for (const v1::GuardianTerm& t : proto_.guardians()) {
    if (StoredDay(t.since()) <= on) *report.add_history() = t;
  }
  return report;
}

v1::CheckDue Journal::CheckDue(absl::CivilDay as_of) const {
  v1::CheckDue due;
  due.set_as_of(FormatCivilDate(as_of));
  *due.mutable_status() = CheckStatus(as_of);
  absl::StatusOr<std::string> guardian = Guardian(as_of);
  if (guardian.ok()) due.set_guardian_id(*guardian);
  for (const v1::Action& a : proto_.actions()) {
    if (ReviewedAtCheckOn(a, as_of)) *due.add_to_review() = a;
  }
  return due;
}

v1::CheckStatus Journal::CheckStatus(absl::CivilDay as_of) const {
  v1::CheckStatus status;
  std::optional<absl::CivilDay> anchor;
  for (const v1::Check& c : proto_.checks()) {
    const absl::CivilDay d = StoredDay(c.date());
    if (d <= as_of && (!anchor || d >= *anchor)) {
      anchor = d;
      status.set_last_check_id(c.id());
    }
  }
  if (!anchor) {
    for (const v1::Plan& p : proto_.plans()) {
      const absl::CivilDay d = StoredDay(p.created());
      if (d <= as_of && (!anchor || d < *anchor)) anchor = d;
    }
  }
  if (!anchor) {
    status.set_state(v1::CHECK_STATE_NOT_DUE);  // the rhythm starts with a plan
    return status;
  }
  const absl::CivilDay start = *anchor + config_.check_min_days;
  const absl::CivilDay end = *anchor + config_.check_max_days;
  status.set_anchor(FormatCivilDate(*anchor));
  status.set_window_start(FormatCivilDate(start));
  status.set_window_end(FormatCivilDate(end));
  status.set_state(as_of < start  ? v1::CHECK_STATE_NOT_DUE
                   : as_of <= end ? v1::CHECK_STATE_DUE
                                  : v1::CHECK_STATE_OVERDUE);
  return status;
}

absl::StatusOr<std::string> Journal::Guardian(absl::CivilDay on) const {
  if (const v1::GuardianTerm* term = TermOn(proto_, on)) {
    return term->member_id();
  }
  std::string first = NextCurrentMember(proto_.team(), "", on);
  if (first.empty()) {
    return WithDetail(absl::NotFoundError(absl::StrCat(
                          "guardian: team \"", proto_.team().id(),
                          "\" has no member on ", FormatCivilDate(on))),
                      v1::ERROR_CODE_GUARDIAN_NO_MEMBER,
                      {proto_.team().id(), FormatCivilDate(on)});
  }
  return first;
}

absl::StatusOr<std::string> Journal::RecordCheck(const CheckInput& input) {
  if (absl::Status s = CheckCivilDate(input.date, "check.date"); !s.ok()) {
    return s;
  }
  for (const v1::Check& c : proto_.checks()) {
    if (StoredDay(c.date()) >= input.date) {
      return WithDetail(
          absl::InvalidArgumentError(absl::StrCat(
              "check.date: ", FormatCivilDate(input.date),
              " is not after check \"", c.id(), "\" of ", c.date())),
          v1::ERROR_CODE_CHECK_NOT_AFTER_CHECK,
          {FormatCivilDate(input.date), c.id(), c.date()});
    }
  }
  // A check is recorded in date order with what it reviews and rotates: it
  // may not predate an action's latest change or the latest guardian term.
  for (const v1::Action& a : proto_.actions()) {
    if (a.history_size() > 0 &&
        StoredDay(a.history().rbegin()->date()) > input.date) {
      return WithDetail(
          absl::InvalidArgumentError(absl::StrCat(
              "check.date: ", FormatCivilDate(input.date),
              " is before action \"", a.id(), "\" changed on ",
              a.history().rbegin()->date(), "; record checks in date order")),
          v1::ERROR_CODE_CHECK_BEFORE_ACTION_CHANGE,
          {FormatCivilDate(input.date), a.id(), a.history().rbegin()->date()});
    }
  }
  if (proto_.guardians_size() > 0 &&
      StoredDay(proto_.guardians().rbegin()->since()) > input.date) {
    return WithDetail(
        absl::InvalidArgumentError(
            absl::StrCat("check.date: ", FormatCivilDate(input.date),
                         " is before the latest process guardian term (since ",
                         proto_.guardians().rbegin()->since(),
                         "); record checks in date order")),
        v1::ERROR_CODE_CHECK_BEFORE_GUARDIAN_TERM,
        {FormatCivilDate(input.date), proto_.guardians().rbegin()->since()});
  }
  absl::StatusOr<std::string> guardian = Guardian(input.date);
  if (!guardian.ok()) return guardian.status();
  const std::string facilitator =
      input.facilitator_id.empty() ? *guardian : input.facilitator_id;
  if (facilitator != *guardian) {
    return WithDetail(
        absl::FailedPreconditionError(absl::StrCat(
            "check.facilitator_id: \"", facilitator,
            "\" is not the process guardian on ", FormatCivilDate(input.date),
            " (\"", *guardian, "\" is)")),
        v1::ERROR_CODE_CHECK_FACILITATOR_NOT_GUARDIAN,
        {facilitator, FormatCivilDate(input.date), *guardian});
  }
  const Team t = team();
  if (absl::Status s =
          t.CheckCurrentMember(facilitator, input.date, "check.facilitator_id");
      !s.ok()) {
    return s;
  }
  const std::pair<const char*, const std::vector<std::string>*> prompts[] = {
      {"helps", &input.helps},
      {"chafes", &input.chafes},
      {"hinders", &input.hinders},
      {"agreements", &input.agreements}};
  for (const auto& [name, list] : prompts) {
    for (size_t i = 0; i < list->size(); ++i) {
      if ((*list)[i].empty()) {
        return WithDetail(
            absl::InvalidArgumentError(
                absl::StrCat("check.", name, "[", i, "]: empty")),
            v1::ERROR_CODE_CHECK_PROMPT_EMPTY,
            {ErrorArgument::Phrase(absl::StrCat("check_", name)), i + 1});
      }
    }
  }

  // Work on a copy: nothing is half-applied.
  v1::Journal j = proto_;
  int32_t next_check = j.next_check();
  const std::string check_id = journal_internal::NextId("c", &next_check);
  const std::string date = FormatCivilDate(input.date);
  v1::Check check;
  check.set_id(check_id);
  check.set_date(date);
  check.set_facilitator_id(facilitator);
  for (const std::string& s : input.helps) check.add_helps(s);
  for (const std::string& s : input.chafes) check.add_chafes(s);
  for (const std::string& s : input.hinders) check.add_hinders(s);
  for (const std::string& s : input.agreements) check.add_agreements(s);

  // Every action open on the check's date is reviewed, once.
  internal::HashSet<std::string> reviewed;
  for (size_t i = 0; i < input.reviews.size(); ++i) {
    const v1::ActionReview& r = input.reviews[i];
    const std::string field = absl::StrCat("check.reviews[", i, "]");
    v1::Action* a = FindAction(j, r.action_id());
    if (a == nullptr) {
      return WithDetail(
          absl::NotFoundError(absl::StrCat(field, ".action_id: no action \"",
                                           r.action_id(), "\"")),
          v1::ERROR_CODE_ACTION_UNKNOWN, {r.action_id()});
    }
    if (!reviewed.insert(r.action_id()).second) {
      return WithDetail(absl::InvalidArgumentError(absl::StrCat(
                            field, ".action_id: action \"", r.action_id(),
                            "\" is reviewed twice")),
                        v1::ERROR_CODE_REVIEW_TWICE, {r.action_id()});
    }
    if (!ReviewedAtCheckOn(*a, input.date)) {
      return WithDetail(absl::FailedPreconditionError(absl::StrCat(
                            field, ".action_id: action \"", r.action_id(),
                            "\" is not open, nothing to review")),
                        v1::ERROR_CODE_REVIEW_NOT_OPEN, {r.action_id()});
    }
    switch (r.outcome()) {
      case v1::REVIEW_OUTCOME_KEPT:
        break;
      case v1::REVIEW_OUTCOME_DONE:
      case v1::REVIEW_OUTCOME_DROPPED: {
        const bool done = r.outcome() == v1::REVIEW_OUTCOME_DONE;
        if (!done && r.note().empty()) {
          return WithDetail(
              absl::InvalidArgumentError(absl::StrCat(
                  field, ".note: empty; dropping an action needs a reason")),
              v1::ERROR_CODE_ACTION_DROP_REASON_EMPTY, {r.action_id()});
        }
        v1::StatusChange* change = a->add_history();
        change->set_date(date);
        change->set_from(v1::ACTION_STATUS_OPEN);
        change->set_to(done ? v1::ACTION_STATUS_DONE
                            : v1::ACTION_STATUS_DROPPED);
        change->set_reason(r.note());
        a->set_status(change->to());
        if (done) {
          a->set_done_on(date);
        } else {
          a->set_drop_reason(r.note());
        }
        break;
      }
      case v1::REVIEW_OUTCOME_REPLANNED: {
        absl::StatusOr<absl::CivilDay> due =
            ParseCivilDate(r.new_due(), field + ".new_due");
        if (!due.ok()) return due.status();
        const absl::CivilDay window_end =
            input.date + config_.action_window_days;
        if (*due < input.date ||
            (*due > window_end && !config_.allow_late_due_dates)) {
          return WithDetail(
              absl::InvalidArgumentError(
                  absl::StrCat(field, ".new_due: ", r.new_due(), " is outside ",
                               date, "..", FormatCivilDate(window_end))),
              v1::ERROR_CODE_REVIEW_NEW_DUE_OUTSIDE,
              {r.action_id(), r.new_due(), date, FormatCivilDate(window_end)});
        }
        a->set_due(r.new_due());
        break;
      }
      default:
        return absl::InvalidArgumentError(
            absl::StrCat(field, ".outcome: ", static_cast<int>(r.outcome()),
                         " is not kept, done, dropped or replanned"));
    }
    *check.add_reviews() = r;
  }
  for (const v1::Action& a : proto_.actions()) {
    if (ReviewedAtCheckOn(a, input.date) && !reviewed.contains(a.id())) {
      return WithDetail(absl::InvalidArgumentError(absl::StrCat(
                            "check.reviews: open action \"", a.id(), "\" (",
                            a.title(), ") is not reviewed")),
                        v1::ERROR_CODE_REVIEW_MISSING, {a.id(), a.title()});
    }
  }

  // Agreements that become actions, open from the check on.
  int32_t next_action = j.next_action();
  for (size_t i = 0; i < input.agreement_actions.size(); ++i) {
    const AgreementAction& aa = input.agreement_actions[i];
    const std::string field = absl::StrCat("check.agreement_actions[", i, "]");
    if (aa.agreement < 0 ||
        aa.agreement >= static_cast<int>(input.agreements.size())) {
      return absl::InvalidArgumentError(absl::StrCat(
          field, ".agreement: ", aa.agreement, " is not an agreement index (",
          input.agreements.size(), " agreements)"));
    }
    if (!aa.action.pillar) {
      return WithDetail(
          absl::InvalidArgumentError(absl::StrCat(
              field, ".pillar: required for an agreement's action")),
          v1::ERROR_CODE_CHECK_AGREEMENT_NO_PILLAR,
          {input.agreements[aa.agreement]});
    }
    absl::StatusOr<v1::Action> action =
        MakeAction(aa.action, t, config_, input.date, *aa.action.pillar, field);
    if (!action.ok()) return action.status();
    action->set_id(journal_internal::NextId("a", &next_action));
    action->set_check_id(check_id);
    action->set_status(v1::ACTION_STATUS_OPEN);
    v1::StatusChange* change = action->add_history();
    change->set_date(date);
    change->set_from(v1::ACTION_STATUS_PROPOSED);
    change->set_to(v1::ACTION_STATUS_OPEN);
    check.add_action_ids(action->id());
    *j.add_actions() = *std::move(action);
  }

  // The guardian role: recorded from the first check on, then it rotates.
  if (j.guardians_size() == 0) {
    v1::GuardianTerm* first = j.add_guardians();
    first->set_member_id(facilitator);
    first->set_since(date);
    first->set_reason(v1::GUARDIAN_REASON_FIRST);
  }
  const std::string next =
      NextCurrentMember(t.proto(), facilitator, input.date);
  if (!next.empty() && next != facilitator) {
    v1::GuardianTerm* term = j.add_guardians();
    term->set_member_id(next);
    term->set_since(date);
    term->set_reason(v1::GUARDIAN_REASON_ROTATION);
  }
  if (absl::Status s = journal_internal::AppendSignalTicks(
          j, check_id, input.signals, "check.signals");
      !s.ok()) {
    return s;
  }
  if (absl::Status s =
          CheckLimit(Limit::kChecks, j.checks_size() + 1, "checks");
      !s.ok()) {
    return s;
  }
  if (absl::Status s = CheckLimit(Limit::kActions, j.actions_size(), "actions");
      !s.ok()) {
    return s;
  }
  if (absl::Status s = journal_internal::CheckCharterEntries(j.charter());
      !s.ok()) {
    return s;
  }
  if (absl::Status s = CheckStrings(check, "check"); !s.ok()) return s;
  for (int i = proto_.actions_size(); i < j.actions_size(); ++i) {
    if (absl::Status s = CheckStrings(j.actions(i), "check.agreements");
        !s.ok()) {
      return s;
    }
  }
  *j.add_checks() = std::move(check);
  j.set_next_action(next_action);
  j.set_next_check(next_check);
  proto_ = std::move(j);
  return check_id;
}

}  // namespace fives
