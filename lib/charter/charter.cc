// The team charter: checks with errors and warnings, and the review per
// pillar.
#include "fives/charter.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "fives/catalog.h"
#include "fives/civil_date.h"
#include "fives/error_detail.h"
#include "fives/team_config.h"
#include "hash_table.h"

namespace fives {
namespace {

std::optional<absl::CivilDay> ParseDay(const std::string& text) {
  absl::StatusOr<absl::CivilDay> d = ParseCivilDate(text, "");
  if (!d.ok()) return std::nullopt;
  return *d;
}

std::string Quoted(absl::string_view s) { return absl::StrCat("\"", s, "\""); }

// What is wrong with the signal of a tick of the valid pillar `p`: the
// field ("signal" or "number") and the problem, naming the value.
struct SignalProblem {
  absl::string_view field;
  std::string what;
};

// The deprecated 0-based `signal` is unset (journal files of format 1 had
// it; loading them moves it to `number`) and `number` is within 1..N.
std::optional<SignalProblem> CheckSignalNumber(Pillar p,
                                               const v1::SignalTick& tick) {
  const int count =
      PillarTextsFor(p, Language::kEnglish).warning_signals_size();
  // Read only to refuse it (its accessor is deprecated).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
  const int32_t index = tick.signal();
#pragma GCC diagnostic pop
  if (index != 0) {
    return SignalProblem{
        "signal", absl::StrCat(index,
                               ": the 0-based field is no longer read; give "
                               "number (1..",
                               count, ")")};
  }
  if (tick.number() < 1 || tick.number() > count) {
    return SignalProblem{
        "number", absl::StrCat(tick.number(), " is outside the ", count,
                               " warning signals of ", PillarKey(p), " (1..",
                               count, ")")};
  }
  return std::nullopt;
}

// "consent" for DECISION_MODEL_CONSENT: the catalog's decision_model_<key>.
std::string ModelKey(v1::DecisionModel model) {
  return absl::AsciiStrToLower(
      absl::StripPrefix(v1::DecisionModel_Name(model), "DECISION_MODEL_"));
}

// The days each member of the team was a member, parsed once.
class MemberDays {
 public:
  explicit MemberDays(const v1::Team& team) {
    for (const v1::Member& m : team.members()) {
      Span& span = spans_[m.id()];
      span.joined = ParseDay(m.joined());
      span.open_ended = m.left().empty();
      span.left = ParseDay(m.left());
    }
  }

  // Whether `id` is a member of the team on `day`; otherwise why not.
  std::optional<std::string> NotMemberOn(absl::string_view id,
                                         absl::CivilDay day) const {
    auto it = spans_.find(std::string(id));
    if (it == spans_.end()) {
      return absl::StrCat(Quoted(id), " is not a member of the team");
    }
    const Span& s = it->second;
    if (s.joined && *s.joined <= day &&
        (s.open_ended || (s.left && *s.left > day))) {
      return std::nullopt;
    }
    return absl::StrCat(Quoted(id), " is not a current member on ",
                        FormatCivilDate(day));
  }

  bool IsMemberOn(absl::string_view id, absl::CivilDay day) const {
    return !id.empty() && !NotMemberOn(id, day).has_value();
  }

 private:
  struct Span {
    std::optional<absl::CivilDay> joined, left;
    bool open_ended = true;
  };
  internal::HashMap<std::string, Span> spans_;
};

bool IsSteeringMomentKind(absl::string_view kind) {
  return std::find(kSteeringMomentKinds.begin(), kSteeringMomentKinds.end(),
                   kind) != kSteeringMomentKinds.end();
}

std::string StyleKeys() {
  std::vector<absl::string_view> keys;
  for (const StylePair& p : kStylePairs) {
    keys.push_back(p.first);
    keys.push_back(p.second);
  }
  return absl::StrJoin(keys, ", ");
}

// A field of the charter, named only when a finding needs it: `list`, then
// "[index]" when index >= 0, then ".leaf" when leaf is set.
struct Path {
  Path(const char* name) : list(name) {}  // NOLINT: a plain field name
  Path(absl::string_view list, int index, absl::string_view leaf)
      : list(list), index(index), leaf(leaf) {}

  std::string Name() const {
    std::string out(list);
    if (index >= 0) absl::StrAppend(&out, "[", index, "]");
    if (!leaf.empty()) absl::StrAppend(&out, ".", leaf);
    return out;
  }

  absl::string_view list;
  int index = -1;
  absl::string_view leaf;
};

// Entry `index` of the list `list`, e.g. structure.decision_log[3].
struct Entry {
  Path At(absl::string_view leaf) const { return Path(list, index, leaf); }
  Path Self() const { return Path(list, index, ""); }

  absl::string_view list;
  int index;
};

class Checker {
 public:
  // Without `members`, owners and members are not looked up (and the
  // warnings that depend on `as_of` are meaningless).
  Checker(const v1::Journal& j, absl::CivilDay as_of, bool members = true)
      : j_(j), as_of_(as_of), members_(members), days_(j.team()) {}

  std::vector<CharterFinding> Run() {
    if (!j_.has_charter()) return {};
    const v1::Charter& c = j_.charter();
    Strategy(c.strategy());
    Synergy(c.synergy());
    Structure(c.structure());
    Steering(c.steering());
    Success(c.success());
    Signals(c);
    return std::move(findings_);
  }

 private:
  void Add(CharterFinding::Severity severity, Pillar pillar, const Path& path,
           absl::string_view what, std::string code,
           std::vector<std::string> args) {
    std::string field = path.Name();
    std::string message = absl::StrCat(field, ": ", what);
    findings_.push_back({severity, pillar, field, std::move(message),
                         std::move(code), std::move(args)});
  }
  void Error(Pillar p, const Path& field, absl::string_view what,
             std::string code = "", std::vector<std::string> args = {}) {
    Add(CharterFinding::kError, p, field, what, std::move(code),
        std::move(args));
  }
  void Warning(Pillar p, const Path& field, absl::string_view what,
               std::string code, std::vector<std::string> args) {
    Add(CharterFinding::kWarning, p, field, what, std::move(code),
        std::move(args));
  }

  // An ISO-8601 date; empty is allowed unless `required`.
  std::optional<absl::CivilDay> Date(Pillar p, const Path& field,
                                     const std::string& text,
                                     bool required = false) {
    if (text.empty()) {
      if (required) Error(p, field, "empty, needs a date", "date_missing");
      return std::nullopt;
    }
    std::optional<absl::CivilDay> d = ParseDay(text);
    if (!d) {
      Error(p, field,
            absl::StrCat(Quoted(text), " is not an ISO-8601 date (YYYY-MM-DD)"),
            "date_form", {text});
    }
    return d;
  }

  // A current member on `day`; empty is an error unless `optional`.
  void Member(Pillar p, const Path& field, const std::string& id,
              absl::CivilDay day) {
    if (!members_) return;
    if (id.empty()) {
      Error(p, field, "empty, needs a current member as owner",
            "owner_missing");
      return;
    }
    if (std::optional<std::string> why = days_.NotMemberOn(id, day)) {
      Error(p, field, *why, "not_member", {id, FormatCivilDate(day)});
    }
  }

  void Model(Pillar p, const Path& field, v1::DecisionModel model,
             bool allow_unspecified = false) {
    if (model == v1::DECISION_MODEL_UNSPECIFIED) {
      if (!allow_unspecified) {
        Error(p, field,
              "DECISION_MODEL_UNSPECIFIED, choose advice, consent, majority or "
              "mandate",
              "model_missing");
      }
    } else if (!v1::DecisionModel_IsValid(model)) {
      Error(p, field,
            absl::StrCat(static_cast<int>(model), " is not a decision model"));
    }
  }

  void Strategy(const v1::StrategyCharter& s) {
    const Pillar p = Pillar::kStrategy;
    Date(p, "strategy.shared_sentence_updated", s.shared_sentence_updated());
    Date(p, "strategy.priorities_updated", s.priorities_updated());
    Date(p, "strategy.not_doing_updated", s.not_doing_updated());
    Date(p, "strategy.strategy_checked_decisions_updated",
         s.strategy_checked_decisions_updated());
    const int n = s.priorities_size();
    if (n < 3 || n > 5) {
      Warning(p, "strategy.priorities",
              absl::StrCat(n, " priorities, the method asks 3 to 5"),
              "priorities_count", {absl::StrCat(n)});
    }
  }

  void Synergy(const v1::SynergyCharter& s) {
    const Pillar p = Pillar::kSynergy;
    Date(p, "synergy.disagreement_norm_updated", s.disagreement_norm_updated());
    Date(p, "synergy.feedback_language_updated", s.feedback_language_updated());
    for (int i = 0; i < s.styles_size(); ++i) {
      const v1::PreferenceStyle& st = s.styles(i);
      const Entry where{"synergy.styles", i};
      Member(p, where.At("member_id"), st.member_id(), as_of_);
      if (!IsStyleKey(st.style())) {
        Error(
            p, where.At("style"),
            absl::StrCat(Quoted(st.style()), " is not a style of the catalog (",
                         StyleKeys(), ")"),
            "style_unknown", {st.style(), StyleKeys()});
      }
      Date(p, where.At("updated"), st.updated());
    }
  }

  void Structure(const v1::StructureCharter& s) {
    const Pillar p = Pillar::kStructure;
    internal::HashMap<std::string, v1::DecisionModel> register_models;
    for (int i = 0; i < s.decision_register_size(); ++i) {
      const v1::DecisionRule& r = s.decision_register(i);
      const Entry where{"structure.decision_register", i};
      if (r.topic().empty()) {
        Error(p, where.At("topic"), "empty, needs a topic", "topic_missing");
      } else if (!register_models.emplace(r.topic(), r.model()).second) {
        Error(p, where.At("topic"),
              absl::StrCat(Quoted(r.topic()), " appears twice"), "topic_twice",
              {r.topic()});
      }
      Model(p, where.At("model"), r.model());
      Member(p, where.At("owner_id"), r.owner_id(), as_of_);
      Date(p, where.At("updated"), r.updated());
    }
    for (int i = 0; i < s.decision_log_size(); ++i) {
      const v1::DecisionRecord& d = s.decision_log(i);
      const Entry where{"structure.decision_log", i};
      std::optional<absl::CivilDay> day =
          Date(p, where.At("date"), d.date(), /*required=*/true);
      Model(p, where.At("model"), d.model());
      // The owner was a member when the decision was taken.
      Member(p, where.At("owner_id"), d.owner_id(), day.value_or(as_of_));
      auto reg = register_models.find(d.topic());
      if (reg != register_models.end() &&
          d.model() != v1::DECISION_MODEL_UNSPECIFIED &&
          reg->second != v1::DECISION_MODEL_UNSPECIFIED &&
          d.model() != reg->second) {
        Warning(p, where.At("model"),
                absl::StrCat(v1::DecisionModel_Name(d.model()), " for ",
                             Quoted(d.topic()), ", the register says ",
                             v1::DecisionModel_Name(reg->second)),
                "model_differs",
                {d.topic(), ModelKey(d.model()), ModelKey(reg->second)});
      }
      std::optional<absl::CivilDay> follow_up =
          Date(p, where.At("follow_up"), d.follow_up());
      if (follow_up && *follow_up < as_of_ && !d.followed_up()) {
        Warning(p, where.At("follow_up"),
                absl::StrCat(d.follow_up(), " for ", Quoted(d.topic()),
                             " has passed without a follow-up"),
                "follow_up_passed", {d.topic(), d.follow_up()});
      }
    }
    Date(p, "structure.meeting_blocks_updated", s.meeting_blocks_updated());
    for (int i = 0; i < s.agenda_size(); ++i) {
      const v1::AgendaItem& item = s.agenda(i);
      const Entry where{"structure.agenda", i};
      if (item.title().empty())
        Error(p, where.At("title"), "empty, needs a title", "title_missing");
      if (item.kind() == v1::AGENDA_KIND_UNSPECIFIED) {
        Error(p, where.At("kind"),
              "AGENDA_KIND_UNSPECIFIED, choose update, decision or discussion",
              "kind_missing");
      } else if (!v1::AgendaKind_IsValid(item.kind())) {
        Error(p, where.At("kind"),
              absl::StrCat(static_cast<int>(item.kind()),
                           " is not an agenda kind"));
      } else if (!NeedsMeeting(item.kind())) {
        Warning(p, where.At("kind"),
                absl::StrCat(Quoted(item.title()),
                             " is an update: a written note is enough, it "
                             "needs no meeting time"),
                "agenda_update", {item.title()});
      }
      if (!item.owner_id().empty()) {
        Member(p, where.At("owner_id"), item.owner_id(), as_of_);
      }
    }
    for (int i = 0; i < s.topic_owners_size(); ++i) {
      const v1::DecisionRule& r = s.topic_owners(i);
      const Entry where{"structure.topic_owners", i};
      if (r.topic().empty())
        Error(p, where.At("topic"), "empty, needs a topic", "topic_missing");
      Model(p, where.At("model"), r.model(), /*allow_unspecified=*/true);
      Member(p, where.At("owner_id"), r.owner_id(), as_of_);
      Date(p, where.At("updated"), r.updated());
    }
  }

  void Steering(const v1::SteeringCharter& s) {
    const Pillar p = Pillar::kSteering;
    const int n = s.kpis_size();
    if (n < 6 || n > 10) {
      Warning(p, "steering.kpis",
              absl::StrCat(n, " KPIs, the method asks 6 to 10"), "kpis_count",
              {absl::StrCat(n)});
    }
    const auto& listed = j_.charter().strategy().priorities();
    const internal::HashSet<absl::string_view> priorities(listed.begin(),
                                                          listed.end());
    for (int i = 0; i < n; ++i) {
      const v1::Kpi& k = s.kpis(i);
      const Entry where{"steering.kpis", i};
      if (k.name().empty()) {
        Error(p, where.At("name"), "empty, needs a name", "name_missing");
      }
      Member(p, where.At("owner_id"), k.owner_id(), as_of_);
      Date(p, where.At("updated"), k.updated());
      // A KPI steers one of the strategy's priorities; priorities change,
      // so a KPI left behind is a warning, not an error.
      if (k.priority().empty()) {
        Warning(p, where.At("priority"),
                absl::StrCat("empty for ", Quoted(k.name()),
                             ", name the strategy priority it steers"),
                "kpi_no_priority", {k.name()});
      } else if (!priorities.contains(k.priority())) {
        Warning(p, where.At("priority"),
                absl::StrCat(Quoted(k.priority()),
                             " is not one of the strategy's priorities"),
                "kpi_unknown_priority", {k.name(), k.priority()});
      }
    }
    for (int i = 0; i < s.moments_size(); ++i) {
      const v1::SteeringMoment& m = s.moments(i);
      const Entry where{"steering.moments", i};
      if (!IsSteeringMomentKind(m.kind())) {
        Error(p, where.At("kind"),
              absl::StrCat(Quoted(m.kind()),
                           " is not a steering moment (strategy, talent, "
                           "budget, risks, customer, operations)"),
              "moment_unknown", {m.kind()});
      }
      std::optional<absl::CivilDay> day =
          Date(p, where.At("date"), m.date(), /*required=*/true);
      if (day && *day < as_of_ && !m.held()) {
        Warning(p, where.At("date"),
                absl::StrCat("the ", m.kind(), " moment of ", m.date(),
                             " has passed without being held"),
                "moment_passed", {m.kind(), m.date()});
      }
    }
    for (int i = 0; i < s.communication_size(); ++i) {
      Member(p, Path("steering.communication", i, "who_id"),
             s.communication(i).who_id(), as_of_);
    }
    for (int i = 0; i < s.risks_size(); ++i) {
      const v1::Risk& r = s.risks(i);
      const Entry where{"steering.risks", i};
      Member(p, where.At("owner_id"), r.owner_id(), as_of_);
      Date(p, where.At("updated"), r.updated());
    }
  }

  void Success(const v1::SuccessCharter& s) {
    const Pillar p = Pillar::kSuccess;
    for (int i = 0; i < s.goals_size(); ++i) {
      const v1::TeamGoal& g = s.goals(i);
      const Entry where{"success.goals", i};
      if (g.progress() < 0 || g.progress() > 100) {
        Error(p, where.At("progress"),
              absl::StrCat(g.progress(), " is outside 0..100"),
              "progress_outside", {absl::StrCat(g.progress())});
      }
      Date(p, where.At("updated"), g.updated());
    }
  }

  void Signals(const v1::Charter& c) {
    internal::HashSet<absl::string_view> checks;
    for (const v1::Check& check : j_.checks()) checks.insert(check.id());
    internal::HashSet<std::tuple<absl::string_view, int, int>> seen;
    for (int i = 0; i < c.signals_size(); ++i) {
      const v1::SignalTick& t = c.signals(i);
      const Entry where{"signals", i};
      const bool valid_pillar = IsValidPillar(t.pillar());
      const Pillar p =
          valid_pillar ? *PillarFromProto(t.pillar()) : Pillar::kSuccess;
      if (!checks.contains(t.check_id())) {
        Error(p, where.At("check_id"),
              absl::StrCat("no check ", Quoted(t.check_id())), "check_unknown",
              {t.check_id()});
      }
      if (!valid_pillar) {
        Error(p, where.At("pillar"),
              absl::StrCat(static_cast<int>(t.pillar()), " is not a pillar"));
        continue;
      }
      if (std::optional<SignalProblem> problem = CheckSignalNumber(p, t)) {
        Error(p, where.At(problem->field), problem->what);
        continue;
      }
      if (!seen.insert({t.check_id(), t.pillar(), t.number()}).second) {
        Error(p, where.Self(), "ticked twice at the same check",
              "signal_twice");
      }
    }
  }

  const v1::Journal& j_;
  const absl::CivilDay as_of_;
  const bool members_;
  const MemberDays days_;
  std::vector<CharterFinding> findings_;
};

// --- The review --------------------------------------------------------------

struct ReviewContext {
  const v1::Journal& j;
  const v1::Charter& c;
  absl::CivilDay as_of;
  int check_max_days;
  const MemberDays& days;
};

// An agreement as found in the charter: present (and complete), and the date
// it was last confirmed, if it carries one.
struct Found {
  bool present = false;
  std::optional<absl::CivilDay> updated;
};

Found Dated(bool present, const std::string& updated) {
  return {present, ParseDay(updated)};
}

// Present when `present`; dated by the oldest valid date among `dates`.
Found Oldest(bool present, const std::vector<const std::string*>& dates) {
  Found f{present, std::nullopt};
  for (const std::string* d : dates) {
    std::optional<absl::CivilDay> day = ParseDay(*d);
    if (day && (!f.updated || *day < *f.updated)) f.updated = day;
  }
  return f;
}

template <typename List, typename Updated>
std::vector<const std::string*> DatesOf(const List& list, Updated updated) {
  std::vector<const std::string*> out;
  for (const auto& e : list) out.push_back(&updated(e));
  return out;
}

struct AgreementDef {
  Pillar pillar;
  absl::string_view key;
  Found (*find)(const ReviewContext&);
};

// The agreements each pillar asks for, in the method's order.
constexpr AgreementDef kAgreements[] = {
    // Strategy.
    {Pillar::kStrategy, "shared_sentence",
     [](const ReviewContext& r) {
       const auto& s = r.c.strategy();
       return Dated(!s.shared_sentence().empty(), s.shared_sentence_updated());
     }},
    {Pillar::kStrategy, "priorities",
     [](const ReviewContext& r) {
       const auto& s = r.c.strategy();
       const int n = s.priorities_size();
       return Dated(n >= 3 && n <= 5, s.priorities_updated());
     }},
    {Pillar::kStrategy, "not_doing",
     [](const ReviewContext& r) {
       const auto& s = r.c.strategy();
       return Dated(s.not_doing_size() > 0, s.not_doing_updated());
     }},
    {Pillar::kStrategy, "strategy_checked_decisions",
     [](const ReviewContext& r) {
       const auto& s = r.c.strategy();
       return Dated(s.strategy_checked_decisions_size() > 0,
                    s.strategy_checked_decisions_updated());
     }},
    // Synergy.
    {Pillar::kSynergy, "disagreement_norm",
     [](const ReviewContext& r) {
       const auto& s = r.c.synergy();
       return Dated(!s.disagreement_norm().empty(),
                    s.disagreement_norm_updated());
     }},
    {Pillar::kSynergy, "feedback_language",
     [](const ReviewContext& r) {
       const auto& s = r.c.synergy();
       return Dated(!s.feedback_language().empty(),
                    s.feedback_language_updated());
     }},
    // Every current member has a style of the catalog.
    {Pillar::kSynergy, "styles",
     [](const ReviewContext& r) {
       std::vector<const std::string*> dates;
       int current = 0;
       bool all = true;
       for (const v1::Member& m : r.j.team().members()) {
         if (!r.days.IsMemberOn(m.id(), r.as_of)) continue;
         ++current;
         const v1::PreferenceStyle* style = nullptr;
         for (const v1::PreferenceStyle& s : r.c.synergy().styles()) {
           if (s.member_id() == m.id() && IsStyleKey(s.style())) style = &s;
         }
         if (style == nullptr) {
           all = false;
         } else {
           dates.push_back(&style->updated());
         }
       }
       return Oldest(current > 0 && all, dates);
     }},
    // Structure.
    {Pillar::kStructure, "decision_register",
     [](const ReviewContext& r) {
       const auto& s = r.c.structure();
       return Oldest(s.decision_register_size() > 0,
                     DatesOf(
                         s.decision_register(),
                         [](const v1::DecisionRule& d) -> const auto& {
                           return d.updated();
                         }));
     }},
    {Pillar::kStructure, "meeting_blocks",
     [](const ReviewContext& r) {
       const auto& s = r.c.structure();
       return Dated(s.meeting_blocks_size() == 4, s.meeting_blocks_updated());
     }},
    {Pillar::kStructure, "topic_owners",
     [](const ReviewContext& r) {
       const auto& s = r.c.structure();
       bool owned = s.topic_owners_size() > 0;
       for (const v1::DecisionRule& d : s.topic_owners()) {
         owned = owned && !d.owner_id().empty();
       }
       return Oldest(owned, DatesOf(
                                s.topic_owners(),
                                [](const v1::DecisionRule& d) -> const auto& {
                                  return d.updated();
                                }));
     }},
    // Steering.
    {Pillar::kSteering, "kpis",
     [](const ReviewContext& r) {
       const auto& s = r.c.steering();
       const int n = s.kpis_size();
       return Oldest(n >= 6 && n <= 10,
                     DatesOf(
                         s.kpis(), [](const v1::Kpi& k) -> const auto& {
                           return k.updated();
                         }));
     }},
    // All six kinds dated in the year of the review.
    {Pillar::kSteering, "moments",
     [](const ReviewContext& r) {
       bool all = true;
       for (absl::string_view kind : kSteeringMomentKinds) {
         bool dated = false;
         for (const v1::SteeringMoment& m : r.c.steering().moments()) {
           std::optional<absl::CivilDay> d = ParseDay(m.date());
           if (m.kind() == kind && d && d->year() == r.as_of.year()) {
             dated = true;
           }
         }
         all = all && dated;
       }
       return Found{all, std::nullopt};
     }},
    {Pillar::kSteering, "communication",
     [](const ReviewContext& r) {
       return Found{r.c.steering().communication_size() > 0, std::nullopt};
     }},
    // Every risk has an owner.
    {Pillar::kSteering, "risks",
     [](const ReviewContext& r) {
       const auto& s = r.c.steering();
       bool owned = s.risks_size() > 0;
       for (const v1::Risk& k : s.risks()) {
         owned = owned && !k.owner_id().empty();
       }
       return Oldest(owned,
                     DatesOf(
                         s.risks(), [](const v1::Risk& k) -> const auto& {
                           return k.updated();
                         }));
     }},
    // Success: the guardian and the check rhythm live in the journal.
    {Pillar::kSuccess, "guardian",
     [](const ReviewContext& r) {
       bool appointed = false;
       for (const v1::GuardianTerm& t : r.j.guardians()) {
         std::optional<absl::CivilDay> d = ParseDay(t.since());
         appointed = appointed || (d && *d <= r.as_of);
       }
       for (const v1::Check& c : r.j.checks()) {
         std::optional<absl::CivilDay> d = ParseDay(c.date());
         appointed = appointed || (d && *d <= r.as_of);
       }
       return Found{appointed, std::nullopt};
     }},
    // A check within the last check_max_days.
    {Pillar::kSuccess, "check_rhythm",
     [](const ReviewContext& r) {
       bool recent = false;
       for (const v1::Check& c : r.j.checks()) {
         std::optional<absl::CivilDay> d = ParseDay(c.date());
         if (d && *d <= r.as_of && r.as_of - *d <= r.check_max_days) {
           recent = true;
         }
       }
       return Found{recent, std::nullopt};
     }},
    {Pillar::kSuccess, "goals",
     [](const ReviewContext& r) {
       const auto& s = r.c.success();
       return Oldest(s.goals_size() > 0,
                     DatesOf(
                         s.goals(), [](const v1::TeamGoal& g) -> const auto& {
                           return g.updated();
                         }));
     }},
};

}  // namespace

bool IsStyleKey(absl::string_view key) {
  for (const StylePair& p : kStylePairs) {
    if (key == p.first || key == p.second) return true;
  }
  return false;
}

bool NeedsMeeting(v1::AgendaKind kind) {
  return kind == v1::AGENDA_KIND_DECISION || kind == v1::AGENDA_KIND_DISCUSSION;
}

std::vector<absl::string_view> AgreementKeys(Pillar pillar) {
  std::vector<absl::string_view> keys;
  for (const AgreementDef& def : kAgreements) {
    if (def.pillar == pillar) keys.push_back(def.key);
  }
  return keys;
}

absl::Status CheckSignalTick(const v1::SignalTick& tick,
                             absl::string_view field) {
  if (!IsValidPillar(tick.pillar())) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ".pillar: ", static_cast<int>(tick.pillar()),
                     " is not a pillar"));
  }
  const Pillar pillar = *PillarFromProto(tick.pillar());
  if (std::optional<SignalProblem> problem = CheckSignalNumber(pillar, tick)) {
    absl::Status refusal = absl::InvalidArgumentError(
        absl::StrCat(field, ".", problem->field, ": ", problem->what));
    if (problem->field != "number") return refusal;  // the 0-based field
    return WithDetail(
        std::move(refusal), v1::ERROR_CODE_SIGNAL_OUTSIDE,
        {tick.number(),
         PillarTextsFor(pillar, Language::kEnglish).warning_signals_size(),
         pillar});
  }
  return absl::OkStatus();
}

namespace {

// The refusal of a charter with the error `f`: its message, and for people
// the finding's phrase (ERROR_CODE_CHARTER_FINDING) when it has one.
absl::Status RefusalOf(const CharterFinding& f) {
  absl::Status refusal =
      absl::InvalidArgumentError(absl::StrCat("charter.", f.message));
  if (f.code.empty()) return refusal;
  v1::ErrorDetail detail =
      MakeErrorDetail(v1::ERROR_CODE_CHARTER_FINDING, {f.field, f.code});
  for (const std::string& arg : f.args) detail.add_args()->set_text(arg);
  return WithDetail(std::move(refusal), detail);
}

}  // namespace

std::vector<CharterFinding> CheckCharter(const v1::Journal& journal,
                                         absl::CivilDay as_of) {
  return Checker(journal, as_of).Run();
}

v1::Finding ToProto(const CharterFinding& finding) {
  v1::Finding out;
  out.set_severity(finding.severity == CharterFinding::kError
                       ? v1::FINDING_SEVERITY_ERROR
                       : v1::FINDING_SEVERITY_WARNING);
  out.set_field(finding.field);
  out.set_message(finding.message);
  out.set_code(finding.code);
  for (const std::string& arg : finding.args) out.add_args()->assign(arg);
  return out;
}

absl::Status ValidateCharter(const v1::Journal& journal, absl::CivilDay as_of) {
  for (const CharterFinding& f : CheckCharter(journal, as_of)) {
    if (f.severity == CharterFinding::kError) {
      return RefusalOf(f);
    }
  }
  return absl::OkStatus();
}

absl::Status ValidateCharterStructure(const v1::Journal& journal) {
  for (const CharterFinding& f :
       Checker(journal, absl::CivilDay(), /*members=*/false).Run()) {
    if (f.severity == CharterFinding::kError) {
      return absl::InvalidArgumentError(absl::StrCat("charter.", f.message));
    }
  }
  return absl::OkStatus();
}

std::string SignalLabel(Pillar pillar, int number, Language language) {
  return absl::StrCat(language == Language::kDutch ? PillarKeyInDutch(pillar)
                                                   : PillarKey(pillar),
                      ":", number);
}

absl::StatusOr<int> StaleDaysOrDefault(int stale_days,
                                       absl::string_view field) {
  if (stale_days < 0) {
    return WithDetail(
        absl::InvalidArgumentError(absl::StrCat(
            field, ": ", stale_days, " is negative (0 takes the default of ",
            kDefaultStaleDays, " days)")),
        v1::ERROR_CODE_STALE_DAYS, {stale_days, 0});
  }
  return stale_days == 0 ? kDefaultStaleDays : stale_days;
}

v1::CharterReview ReviewCharter(const v1::Journal& journal,
                                absl::CivilDay as_of, int stale_days) {
  absl::StatusOr<TeamConfig> config = TeamConfig::FromProto(journal.config());
  const MemberDays days(journal.team());
  const ReviewContext context{
      journal, journal.charter(), as_of,
      config.ok() ? config->check_max_days : TeamConfig().check_max_days, days};

  v1::CharterReview review;
  review.set_as_of(FormatCivilDate(as_of));
  review.set_stale_days(stale_days);
  std::array<v1::PillarCharterReview*, kPillarCount> pillars{};
  std::array<int, kPillarCount> total{}, in_place{};
  for (Pillar p : kAllPillars) {
    v1::PillarCharterReview* pr = review.add_pillars();
    pr->set_pillar(ToProto(p));
    pr->set_key(std::string(PillarKey(p)));
    pillars[PillarIndex(p)] = pr;
  }
  for (const AgreementDef& def : kAgreements) {
    const std::size_t i = PillarIndex(def.pillar);
    v1::PillarCharterReview* pr = pillars[i];
    const Found found = def.find(context);
    v1::AgreementStatus* a = pr->add_agreements();
    a->set_key(std::string(def.key));
    if (found.updated) a->set_updated(FormatCivilDate(*found.updated));
    ++total[i];
    // An agreement first confirmed after `as_of` was not there yet.
    if (!found.present || (found.updated && *found.updated > as_of)) {
      a->set_state(v1::AGREEMENT_STATE_MISSING);
      pr->add_missing()->assign(def.key.data(), def.key.size());
    } else if (found.updated && as_of - *found.updated > stale_days) {
      a->set_state(v1::AGREEMENT_STATE_STALE);
      pr->add_stale()->assign(def.key.data(), def.key.size());
    } else {
      a->set_state(v1::AGREEMENT_STATE_IN_PLACE);
      ++in_place[i];
    }
  }
  for (std::size_t i = 0; i < kPillarCount; ++i) {
    pillars[i]->set_readiness(
        total[i] == 0 ? 1.0 : static_cast<double>(in_place[i]) / total[i]);
  }

  // The findings of the check, per pillar.
  int errors = 0, warnings = 0;
  for (const CharterFinding& f : CheckCharter(journal, as_of)) {
    *pillars[PillarIndex(f.pillar)]->add_findings() = ToProto(f);
    ++(f.severity == CharterFinding::kError ? errors : warnings);
  }
  review.set_errors(errors);
  review.set_warnings(warnings);

  // Signals: per pillar and number, the distinct checks up to `as_of` that
  // ticked it, by date (ticks that do not check out are left out).
  internal::HashMap<absl::string_view, absl::CivilDay> checks;
  std::optional<absl::CivilDay> latest_check;
  for (const v1::Check& c : journal.checks()) {
    std::optional<absl::CivilDay> d = ParseDay(c.date());
    if (!d || *d > as_of) continue;
    checks.emplace(c.id(), *d);
    if (!latest_check || *d > *latest_check) latest_check = d;
  }
  review.set_checks(static_cast<int32_t>(checks.size()));
  std::array<std::map<int, std::map<absl::CivilDay, std::string>>, kPillarCount>
      ticked;
  for (const v1::SignalTick& t : journal.charter().signals()) {
    auto check = checks.find(t.check_id());
    if (check == checks.end() || !CheckSignalTick(t, "").ok()) continue;
    const Pillar p = *PillarFromProto(t.pillar());
    ticked[PillarIndex(p)][t.number()].emplace(check->second, t.check_id());
  }
  for (std::size_t i = 0; i < kPillarCount; ++i) {
    for (const auto& [number, by_day] : ticked[i]) {
      v1::SignalCount* s = pillars[i]->add_signals();
      s->set_number(number);
      s->set_checks(static_cast<int32_t>(by_day.size()));
      s->set_first(FormatCivilDate(by_day.begin()->first));
      s->set_last(FormatCivilDate(by_day.rbegin()->first));
      s->set_at_latest_check(by_day.rbegin()->first == *latest_check);
    }
  }

  // The next agreement.
  auto first_open = [&](std::size_t i) -> const v1::AgreementStatus* {
    for (const v1::AgreementStatus& a : pillars[i]->agreements()) {
      if (a.state() != v1::AGREEMENT_STATE_IN_PLACE) return &a;
    }
    return nullptr;
  };
  auto set_next = [&](std::size_t i, const v1::AgreementStatus& a,
                      v1::NextReason reason) {
    v1::NextAgreement* next = review.mutable_next();
    next->set_pillar(ToProto(kAllPillars[i]));
    next->set_key(a.key());
    next->set_reason(reason);
  };
  const v1::Plan* latest = nullptr;
  std::optional<absl::CivilDay> latest_day;
  for (const v1::Plan& plan : journal.plans()) {
    std::optional<absl::CivilDay> d = ParseDay(plan.created());
    if (!d || *d > as_of || !IsValidPillar(plan.focus())) continue;
    if (!latest_day || *d >= *latest_day) {
      latest = &plan;
      latest_day = d;
    }
  }
  if (latest != nullptr) {
    const std::size_t i = PillarIndex(*PillarFromProto(latest->focus()));
    if (const v1::AgreementStatus* a = first_open(i)) {
      set_next(i, *a, v1::NEXT_REASON_PLAN_FOCUS);
      return review;
    }
  }
  std::optional<std::size_t> lowest;
  for (std::size_t i = 0; i < kPillarCount; ++i) {
    if (first_open(i) == nullptr) continue;
    if (!lowest || pillars[i]->readiness() < pillars[*lowest]->readiness()) {
      lowest = i;
    }
  }
  if (lowest)
    set_next(*lowest, *first_open(*lowest), v1::NEXT_REASON_LOWEST_READINESS);
  return review;
}

}  // namespace fives
