#include "journal_internal.h"

#include "absl/strings/str_cat.h"
#include "fives/civil_date.h"
#include "fives/error_detail.h"
#include "fives/pillar.h"

namespace fives::journal_internal {

absl::CivilDay StoredDay(const std::string& text) {
  return *ParseCivilDate(text, "date");
}

const v1::Round* FindRound(const v1::Journal& j, absl::string_view id) {
  for (const v1::Round& r : j.rounds()) {
    if (r.id() == id) return &r;
  }
  return nullptr;
}

v1::Round* FindRound(v1::Journal& j, absl::string_view id) {
  return const_cast<v1::Round*>(
      FindRound(static_cast<const v1::Journal&>(j), id));
}

absl::StatusOr<Round> LoadRound(const v1::Journal& j, absl::string_view id,
                                absl::string_view field) {
  const v1::Round* stored = FindRound(j, id);
  if (stored == nullptr) {
    return WithDetail(absl::NotFoundError(absl::StrCat(
                          field, ": no round \"", id, "\" in the journal")),
                      v1::ERROR_CODE_ROUND_UNKNOWN, {std::string(id)});
  }
  return Round::FromProto(*stored);
}

const v1::Action* FindAction(const v1::Journal& j, absl::string_view id) {
  for (const v1::Action& a : j.actions()) {
    if (a.id() == id) return &a;
  }
  return nullptr;
}

v1::Action* FindAction(v1::Journal& j, absl::string_view id) {
  return const_cast<v1::Action*>(
      FindAction(static_cast<const v1::Journal&>(j), id));
}

std::string NextId(absl::string_view prefix, int32_t* counter) {
  return absl::StrCat(prefix, ++*counter);
}

bool IsCurrentMember(const v1::Team& team, absl::string_view id,
                     absl::CivilDay day) {
  for (const v1::Member& m : team.members()) {
    if (m.id() != id) continue;
    if (m.forgotten()) return false;
    return StoredDay(m.joined()) <= day &&
           (m.left().empty() || StoredDay(m.left()) > day);
  }
  return false;
}

std::string NextCurrentMember(const v1::Team& team, absl::string_view after_id,
                              absl::CivilDay day) {
  const int size = team.members_size();
  int start = 0;
  for (int i = 0; i < size; ++i) {
    if (team.members(i).id() == after_id) start = i + 1;
  }
  for (int step = 0; step < size; ++step) {
    const v1::Member& m = team.members((start + step) % size);
    if (IsCurrentMember(team, m.id(), day)) return m.id();
  }
  return "";
}

const v1::GuardianTerm* TermOn(const v1::Journal& j, absl::CivilDay day) {
  const v1::GuardianTerm* term = nullptr;
  for (const v1::GuardianTerm& t : j.guardians()) {
    if (StoredDay(t.since()) <= day) term = &t;
  }
  return term;
}

absl::StatusOr<v1::Action> MakeAction(const ActionInput& input,
                                      const Team& team,
                                      const TeamConfig& config,
                                      absl::CivilDay created, Pillar pillar,
                                      absl::string_view field) {
  if (input.title.empty()) {
    return WithDetail(
        absl::InvalidArgumentError(absl::StrCat(field, ".title: empty")),
        v1::ERROR_CODE_ACTION_TITLE_EMPTY, {});
  }
  if (input.visible_result.empty()) {
    return WithDetail(
        absl::InvalidArgumentError(absl::StrCat(
            field,
            ".visible_result: empty (what will anyone see when it is done?)")),
        v1::ERROR_CODE_ACTION_VISIBLE_RESULT_EMPTY, {input.title});
  }
  if (absl::Status s = team.CheckCurrentMember(
          input.owner_id, created, absl::StrCat(field, ".owner_id"));
      !s.ok()) {
    return s;
  }
  const absl::CivilDay window_end = created + config.action_window_days;
  const absl::CivilDay due = input.due.value_or(window_end);
  if (absl::Status s = CheckCivilDate(due, absl::StrCat(field, ".due"));
      !s.ok())
    return s;
  if (due < created) {
    return WithDetail(
        absl::InvalidArgumentError(absl::StrCat(
            field, ".due: ", FormatCivilDate(due),
            " is before the creation date ", FormatCivilDate(created))),
        v1::ERROR_CODE_ACTION_DUE_BEFORE_CREATED,
        {input.title, FormatCivilDate(due), FormatCivilDate(created)});
  }
  if (due > window_end && !config.allow_late_due_dates) {
    return WithDetail(
        absl::InvalidArgumentError(absl::StrCat(
            field, ".due: ", FormatCivilDate(due), " is more than ",
            config.action_window_days, " days after ", FormatCivilDate(created),
            " (the team's window ends ", FormatCivilDate(window_end), ")")),
        v1::ERROR_CODE_ACTION_DUE_PAST_WINDOW,
        {input.title, FormatCivilDate(due), config.action_window_days,
         FormatCivilDate(created), FormatCivilDate(window_end)});
  }
  v1::Action a;
  a.set_pillar(ToProto(pillar));
  a.set_title(input.title);
  a.set_visible_result(input.visible_result);
  a.set_owner_id(input.owner_id);
  a.set_created(FormatCivilDate(created));
  a.set_due(FormatCivilDate(due));
  a.set_status(v1::ACTION_STATUS_PROPOSED);
  return a;
}

}  // namespace fives::journal_internal
