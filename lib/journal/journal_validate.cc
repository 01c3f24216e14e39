// Validation of a stored journal: every part, and every reference between
// parts, without copying the message.
#include "absl/functional/function_ref.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "fives/charter.h"
#include "fives/civil_date.h"
#include "fives/error_detail.h"
#include "fives/journal.h"
#include "fives/string_rules.h"
#include "hash_table.h"
#include "journal_limits.h"

namespace fives {
namespace {

absl::Status Invalid(absl::string_view where, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(where, ": ", what));
}

// A library-assigned id: `prefix` and a number from 1 to `counter`.
absl::Status CheckAssignedId(absl::string_view id, absl::string_view prefix,
                             int32_t counter,
                             absl::FunctionRef<std::string()> where) {
  int number = 0;
  if (!absl::StartsWith(id, prefix) ||
      !absl::SimpleAtoi(id.substr(prefix.size()), &number) || number < 1 ||
      number > counter) {
    return Invalid(
        where(),
        absl::StrCat("\"", id, "\" is not an id this journal ", "assigned (",
                     prefix, "1..", prefix, counter, ")"));
  }
  return absl::OkStatus();
}

struct Context {
  const v1::Journal& j;
  internal::HashMap<absl::string_view, const v1::Member*> members;
  internal::HashMap<absl::string_view, const v1::Round*> rounds;
  internal::HashMap<absl::string_view, const v1::Plan*> plans;
  internal::HashMap<absl::string_view, const v1::Action*> actions;
  internal::HashSet<absl::string_view> checks;
};

absl::Status CheckMember(const Context& c, absl::string_view id,
                         absl::string_view where) {
  if (!c.members.contains(id)) {
    return Invalid(where, absl::StrCat("\"", id, "\" is not a member"));
  }
  return absl::OkStatus();
}

absl::StatusOr<absl::CivilDay> Date(const std::string& text,
                                    absl::string_view where) {
  return ParseCivilDate(text, where);
}

absl::Status CheckRounds(Context& c) {
  // Join dates, parsed once (the team is valid).
  internal::HashMap<const v1::Member*, absl::CivilDay> joined;
  for (const auto& [id, m] : c.members) {
    if (m->forgotten()) continue;
    joined.emplace(m, *ParseCivilDate(m->joined(), ""));
  }
  for (int i = 0; i < c.j.rounds_size(); ++i) {
    const v1::Round& r = c.j.rounds(i);
    if (absl::Status s = Round::Validate(r); !s.ok()) {
      return WithContext(s, absl::StrCat("rounds[", i, "]: "));
    }
    if (!c.rounds.emplace(r.id(), &r).second) {
      return Invalid(absl::StrCat("rounds[", i, "].id"),
                     absl::StrCat("\"", r.id(), "\" appears twice"));
    }
    const absl::CivilDay day = *ParseCivilDate(r.date(), "date");
    // Every id in a round is a member on the round's date.
    auto member_on_day = [&](const std::string& id, absl::string_view list,
                             int k) -> absl::Status {
      auto it = c.members.find(id);
      const v1::Member* m = it == c.members.end() ? nullptr : it->second;
      // A forgotten member has no dates left to judge by.
      if (m != nullptr && m->forgotten()) return absl::OkStatus();
      if (m != nullptr && joined.at(m) <= day &&
          (m->left().empty() || *ParseCivilDate(m->left(), "") > day)) {
        return absl::OkStatus();
      }
      return Invalid(
          absl::StrCat("rounds[", i, "].", list, "[", k, "]"),
          absl::StrCat("\"", id, "\" was not a member on ", r.date()));
    };
    for (int k = 0; k < r.responses_size(); ++k) {
      if (auto s = member_on_day(r.responses(k).member_id(), "responses", k);
          !s.ok())
        return s;
    }
    for (int k = 0; k < r.participants_size(); ++k) {
      if (auto s = member_on_day(r.participants(k), "participants", k); !s.ok())
        return s;
    }
  }
  return absl::OkStatus();
}

// Checks one action; messages name "actions[index]...", built only when
// there is an error.
absl::Status CheckAction(const Context& c, const v1::Action& a, int index) {
  auto where = [index](absl::string_view field) {
    return absl::StrCat("actions[", index, "]", field);
  };
  if (!IsValidPillar(a.pillar())) {
    return PillarFromProto(a.pillar(), where(".pillar")).status();
  }
  if (a.title().empty()) return Invalid(where(".title"), "empty");
  if (a.visible_result().empty())
    return Invalid(where(".visible_result"), "empty");
  if (!c.members.contains(a.owner_id())) {
    return CheckMember(c, a.owner_id(), where(".owner_id"));
  }
  absl::StatusOr<absl::CivilDay> created = ParseCivilDate(a.created(), "");
  if (!created.ok())
    return ParseCivilDate(a.created(), where(".created")).status();
  absl::StatusOr<absl::CivilDay> due = ParseCivilDate(a.due(), "");
  if (!due.ok()) return ParseCivilDate(a.due(), where(".due")).status();
  if (*due < *created) {
    return Invalid(where(".due"),
                   absl::StrCat(a.due(), " is before created ", a.created()));
  }
  // The history must replay from PROPOSED to the status, in date order.
  v1::ActionStatus status = v1::ACTION_STATUS_PROPOSED;
  absl::CivilDay last = *created;
  for (int k = 0; k < a.history_size(); ++k) {
    const v1::StatusChange& h = a.history(k);
    absl::StatusOr<absl::CivilDay> d = ParseCivilDate(h.date(), "");
    const bool allowed = d.ok() && *d >= last && h.from() == status &&
                         ((h.from() == v1::ACTION_STATUS_PROPOSED &&
                           h.to() == v1::ACTION_STATUS_OPEN) ||
                          (h.from() == v1::ACTION_STATUS_OPEN &&
                           (h.to() == v1::ACTION_STATUS_DONE ||
                            h.to() == v1::ACTION_STATUS_DROPPED)));
    if (!allowed) {
      return Invalid(where(absl::StrCat(".history[", k, "]")),
                     "not a valid next step of the action's life (a date in "
                     "order, and proposed -> open -> done or dropped)");
    }
    status = h.to();
    last = *d;
  }
  if (a.status() != status) {
    return Invalid(where(".status"), "does not match the end of its history");
  }
  if ((status == v1::ACTION_STATUS_DONE) != !a.done_on().empty() ||
      (status == v1::ACTION_STATUS_DROPPED) != !a.drop_reason().empty()) {
    return Invalid(where(""),
                   "done_on or drop_reason does not match the status");
  }
  for (int k = 0; k < a.feedback_size(); ++k) {
    const v1::Feedback& f = a.feedback(k);
    auto fw = [&](absl::string_view field) {
      return where(absl::StrCat(".feedback[", k, "]", field));
    };
    absl::StatusOr<absl::CivilDay> d = ParseCivilDate(f.date(), "");
    if (!d.ok()) return ParseCivilDate(f.date(), fw(".date")).status();
    if (*d < *created) return Invalid(fw(".date"), "before the action");
    if (!c.members.contains(f.author_id())) {
      return CheckMember(c, f.author_id(), fw(".author_id"));
    }
    if (f.has_progress() && (f.progress() < 0 || f.progress() > 100)) {
      return Invalid(fw(".progress"),
                     absl::StrCat(f.progress(), " is outside 0..100"));
    }
  }
  if (!a.plan_id().empty() && !c.plans.contains(a.plan_id())) {
    return Invalid(where(".plan_id"),
                   absl::StrCat("no plan \"", a.plan_id(), "\""));
  }
  if (!a.check_id().empty() && !c.checks.contains(a.check_id())) {
    return Invalid(where(".check_id"),
                   absl::StrCat("no check \"", a.check_id(), "\""));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status Journal::Validate(const v1::Journal& j) {
  // The counts first: every check below is at most n log n in them.
  if (absl::Status s = journal_internal::CheckJournalCounts(j); !s.ok()) {
    return s;
  }
  if (absl::Status s = CheckStrings(j); !s.ok()) return s;
  if (absl::Status s = Team::Validate(j.team()); !s.ok()) return s;
  if (auto config = TeamConfig::FromProto(j.config()); !config.ok()) {
    return config.status();
  }
  Context c{j, {}, {}, {}, {}, {}};
  for (int i = 0; i < j.team().members_size(); ++i) {
    const v1::Member& m = j.team().members(i);
    if (m.forgotten() && !m.joined().empty()) {
      return Invalid(absl::StrCat("team.members[", i, "].joined"),
                     "kept for a forgotten member; nothing dates them");
    }
    c.members.emplace(m.id(), &m);
  }
  if (absl::Status s = CheckRounds(c); !s.ok()) return s;
  internal::HashSet<int32_t> close_orders;
  for (int i = 0; i < j.rounds_size(); ++i) {
    const v1::Round& r = j.rounds(i);
    if (r.close_order() > 0 && !close_orders.insert(r.close_order()).second) {
      return Invalid(absl::StrCat("rounds[", i, "].close_order"),
                     absl::StrCat(r.close_order(), " appears twice"));
    }
    for (int k = 0; k < r.differencing_size(); ++k) {
      if (!c.rounds.contains(r.differencing(k).against())) {
        return Invalid(
            absl::StrCat("rounds[", i, "].differencing[", k, "].against"),
            absl::StrCat("\"", r.differencing(k).against(),
                         "\" is not a round of the journal"));
      }
    }
    for (int k = 0; k < r.forgotten_participants_size(); ++k) {
      auto m = c.members.find(r.forgotten_participants(k));
      if (m == c.members.end() || !m->second->forgotten()) {
        return Invalid(
            absl::StrCat("rounds[", i, "].forgotten_participants[", k, "]"),
            absl::StrCat("\"", r.forgotten_participants(k),
                         "\" is not a forgotten member"));
      }
    }
    for (int k = 0; k < r.responses_size(); ++k) {
      auto m = c.members.find(r.responses(k).member_id());
      if (m != c.members.end() && m->second->forgotten()) {
        return Invalid(
            absl::StrCat("rounds[", i, "].responses[", k, "].member_id"),
            absl::StrCat("\"", m->first,
                         "\" is forgotten; their scores are kept unlinked"));
      }
    }
  }

  // Ids first, so references can be checked in any order.
  for (int i = 0; i < j.plans_size(); ++i) {
    const v1::Plan& p = j.plans(i);
    const std::string where = absl::StrCat("plans[", i, "]");
    if (auto s = CheckAssignedId(p.id(), "p", j.next_plan(),
                                 [&] { return where + ".id"; });
        !s.ok())
      return s;
    if (!c.plans.emplace(p.id(), &p).second) {
      return Invalid(where + ".id", absl::StrCat("\"", p.id(), "\" twice"));
    }
  }
  for (int i = 0; i < j.checks_size(); ++i) {
    const std::string where = absl::StrCat("checks[", i, "]");
    if (auto s = CheckAssignedId(j.checks(i).id(), "c", j.next_check(),
                                 [&] { return where + ".id"; });
        !s.ok())
      return s;
    if (!c.checks.insert(j.checks(i).id()).second) {
      return Invalid(where + ".id", "appears twice");
    }
  }
  for (int i = 0; i < j.actions_size(); ++i) {
    if (auto s = CheckAssignedId(
            j.actions(i).id(), "a", j.next_action(),
            [i] { return absl::StrCat("actions[", i, "].id"); });
        !s.ok())
      return s;
    if (!c.actions.emplace(j.actions(i).id(), &j.actions(i)).second) {
      return Invalid(absl::StrCat("actions[", i, "].id"), "appears twice");
    }
  }

  internal::HashSet<absl::string_view> planned_rounds;
  for (int i = 0; i < j.plans_size(); ++i) {
    const v1::Plan& p = j.plans(i);
    const std::string where = absl::StrCat("plans[", i, "]");
    auto round = c.rounds.find(p.round_id());
    if (round == c.rounds.end() ||
        round->second->state() != v1::ROUND_STATE_CLOSED) {
      return Invalid(
          where + ".round_id",
          absl::StrCat("\"", p.round_id(), "\" is not a closed round"));
    }
    if (!planned_rounds.insert(p.round_id()).second) {
      return Invalid(where + ".round_id", "the round has two plans");
    }
    if (auto f = PillarFromProto(p.focus(), where + ".focus"); !f.ok()) {
      return f.status();
    }
    if (auto d = Date(p.created(), where + ".created"); !d.ok()) {
      return d.status();
    }
    // An action listed twice would be reported twice: a small journal
    // could ask for a page of any size.
    internal::HashSet<absl::string_view> listed;
    for (const std::string& id : p.action_ids()) {
      if (!listed.insert(id).second) {
        return Invalid(where + ".action_ids",
                       absl::StrCat("\"", id, "\" appears twice"));
      }
      auto a = c.actions.find(id);
      if (a == c.actions.end() || a->second->plan_id() != p.id()) {
        return Invalid(
            where + ".action_ids",
            absl::StrCat("\"", id, "\" is not an action of this plan"));
      }
    }
  }
  for (int i = 0; i < j.actions_size(); ++i) {
    if (auto s = CheckAction(c, j.actions(i), i); !s.ok()) return s;
  }
  std::optional<absl::CivilDay> previous;
  for (int i = 0; i < j.checks_size(); ++i) {
    const v1::Check& check = j.checks(i);
    const std::string where = absl::StrCat("checks[", i, "]");
    absl::StatusOr<absl::CivilDay> d = Date(check.date(), where + ".date");
    if (!d.ok()) return d.status();
    if (previous && *d <= *previous) {
      return Invalid(where + ".date", "not after the check before it");
    }
    previous = *d;
    if (auto s =
            CheckMember(c, check.facilitator_id(), where + ".facilitator_id");
        !s.ok())
      return s;
    internal::HashSet<absl::string_view> reviewed, listed;
    for (const v1::ActionReview& r : check.reviews()) {
      if (!reviewed.insert(r.action_id()).second) {
        return Invalid(
            where + ".reviews",
            absl::StrCat("action \"", r.action_id(), "\" is reviewed twice"));
      }
      if (!c.actions.contains(r.action_id())) {
        return Invalid(where + ".reviews",
                       absl::StrCat("no action \"", r.action_id(), "\""));
      }
      if (r.outcome() < v1::REVIEW_OUTCOME_KEPT ||
          r.outcome() > v1::REVIEW_OUTCOME_REPLANNED) {
        return Invalid(where + ".reviews", "unknown outcome");
      }
    }
    for (const std::string& id : check.action_ids()) {
      if (!listed.insert(id).second) {
        return Invalid(where + ".action_ids",
                       absl::StrCat("\"", id, "\" appears twice"));
      }
      if (!c.actions.contains(id)) {
        return Invalid(where + ".action_ids",
                       absl::StrCat("no action \"", id, "\""));
      }
    }
  }
  // A term begins at the first check, at each rotation (one per check) and
  // at each handover (one per leave).
  if (j.guardians_size() > 1 + j.checks_size() + j.team().members_size()) {
    return Invalid("guardians",
                   absl::StrCat(j.guardians_size(),
                                " terms, more than one per check and per "
                                "member's leave"));
  }
  std::optional<absl::CivilDay> since;
  for (int i = 0; i < j.guardians_size(); ++i) {
    const v1::GuardianTerm& g = j.guardians(i);
    const std::string where = absl::StrCat("guardians[", i, "]");
    if (auto s = CheckMember(c, g.member_id(), where + ".member_id"); !s.ok())
      return s;
    absl::StatusOr<absl::CivilDay> d = Date(g.since(), where + ".since");
    if (!d.ok()) return d.status();
    if (since && *d < *since) return Invalid(where + ".since", "out of order");
    since = *d;
    if (g.reason() < v1::GUARDIAN_REASON_FIRST ||
        g.reason() > v1::GUARDIAN_REASON_HANDOVER) {
      return Invalid(where + ".reason", "unknown reason");
    }
  }
  return ValidateCharterStructure(j);
}

}  // namespace fives
