/// @file
/// The team charter: the agreements behind the five pillars (fives.v1.Charter,
/// kept in Journal.charter). CheckCharter lists what is wrong (errors) or
/// doubtful (warnings); ReviewCharter says per pillar which agreements are in
/// place, missing or stale, counts the warning signals ticked at checks, and
/// names the one missing agreement that would help most.
#ifndef FIVES_CHARTER_H_
#define FIVES_CHARTER_H_

#include <array>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "fives/catalog.h"
#include "fives/pillar.h"
#include "fives/v1/charter.pb.h"
#include "fives/v1/journal.pb.h"

namespace fives {

/// A pair of opposite preference styles, by key.
struct StylePair {
  absl::string_view first;
  absl::string_view second;
};

/// The catalog of style pairs: decisive/careful, fast/precise,
/// big_picture/detail, people/task. Their names and pitfalls in words:
/// StyleName and StylePitfall (fives/charter_phrases.h).
inline constexpr std::array<StylePair, 4> kStylePairs = {{
    {"decisive", "careful"},
    {"fast", "precise"},
    {"big_picture", "detail"},
    {"people", "task"},
}};

/// True for a key of kStylePairs.
bool IsStyleKey(absl::string_view key);

/// The six steering moments of the year, in order: strategy, talent, budget,
/// risks, customer, operations.
inline constexpr std::array<absl::string_view, 6> kSteeringMomentKinds = {
    "strategy", "talent", "budget", "risks", "customer", "operations"};

/// Whether an agenda item of this kind needs the meeting: decisions and
/// discussions do, an update does not (a written note is enough).
bool NeedsMeeting(v1::AgendaKind kind);

/// The keys of the agreements `pillar` asks for, in the method's order (the
/// keys of the review's AgreementStatus). Their names and next steps in
/// words: AgreementName and AgreementNextStep (fives/charter_phrases.h).
std::vector<absl::string_view> AgreementKeys(Pillar pillar);

/// One problem of a charter. `field` is the path inside the charter, e.g.
/// "steering.kpis[2].owner_id"; `message` starts with the field and names the
/// value.
struct CharterFinding {
  enum Severity { kError, kWarning };
  Severity severity;
  Pillar pillar;
  std::string field;
  /// In English, starting with the field: for errors and logs.
  std::string message;
  /// For people, in their language: the catalog phrase "finding_<code>"
  /// with $0, $1, ... = `args`; empty for the findings of a charter that
  /// set_charter refuses anyway, which have the message only.
  std::string code;
  std::vector<std::string> args;
};

/// Every finding for the journal's charter as of `as_of`, in charter order.
/// Errors: a date that is not ISO-8601, a decision model unspecified or
/// unknown, an owner or member who is not a current member on `as_of` (a
/// logged decision's owner: on the decision's date), a goal's progress
/// outside 0..100, an unknown steering-moment kind, an unknown style key, a
/// signal index outside the catalog's list, an unknown check id, a signal
/// ticked twice at one check, an agenda item without title or kind. Warnings:
/// priorities outside 3..5, KPIs outside 6..10, a KPI whose priority is
/// empty or not one of the strategy's priorities, a logged decision taken with
/// another model than the register's for its topic, a steering moment whose
/// date passed without being held, a follow-up date passed without the
/// follow-up, an update on the agenda (it needs no meeting). A journal without
/// a charter has no findings.
std::vector<CharterFinding> CheckCharter(const v1::Journal& journal,
                                         absl::CivilDay as_of);

/// The finding as a fives.v1.Finding: its severity, field, message, code and
/// arguments, as a CharterReview lists it (in words: FindingText,
/// fives/charter_phrases.h).
v1::Finding ToProto(const CharterFinding& finding);

/// InvalidArgument with the first error of CheckCharter; warnings pass.
absl::Status ValidateCharter(const v1::Journal& journal, absl::CivilDay as_of);

/// The errors of CheckCharter that need neither a date nor the team: dates
/// not ISO-8601, decision models, steering-moment kinds, style keys, goal
/// progress, empty or repeated topics, signal numbers and check ids. Owners
/// and members are not looked up: a member may leave or be forgotten while
/// the charter still names them. Journal::Validate runs it; the error names
/// "charter.<field>" and the value.
absl::Status ValidateCharterStructure(const v1::Journal& journal);

/// The pillar and signal number of a tick are valid: the pillar is one of
/// the five, `number` is within 1..N for that pillar's N warning signals in
/// the catalog, and the deprecated 0-based `signal` is unset (it is no
/// longer read: a host that still sets it is refused, not misread). The
/// error names `field` + ".pillar", ".number" or ".signal" and the value.
absl::Status CheckSignalTick(const v1::SignalTick& tick,
                             absl::string_view field);

/// Dates the agreements of `after` that are new or changed since `before`
/// with `today`, unless the caller dated them: a field X with a sibling
/// X_updated gets today when X changed and X_updated did not, or when X is
/// set and X_updated empty; an entry of a list (styles, decision register,
/// topic owners, KPIs, risks, goals) is matched to `before` by its first
/// field (member, topic, name, description, goal) and gets today when it is
/// new or changed and its `updated` is empty or unchanged.
void StampCharter(const v1::Charter& before, absl::CivilDay today,
                  v1::Charter* after);

/// "strategy:2" ("structuur:2" in Dutch): a warning signal as people
/// number it and --signal takes it, by pillar and `number` counted from 1
/// in the catalog's order, as SignalTick.number does.
std::string SignalLabel(Pillar pillar, int number,
                        Language language = Language::kEnglish);

/// How long an agreement stays fresh without being confirmed again, when
/// the caller does not say.
inline constexpr int kDefaultStaleDays = 365;

/// The stale age as every face takes it: 0 for kDefaultStaleDays, else the
/// value; a negative value is refused, naming `field`.
absl::StatusOr<int> StaleDaysOrDefault(int stale_days, absl::string_view field);

/// The charter review as of `as_of`; an agreement confirmed more than
/// `stale_days` days before `as_of` is stale, one confirmed after `as_of` is
/// missing (it was not there yet). The agreements each pillar asks for are
/// listed in lib/charter/charter.cc (kAgreements). The next agreement is the
/// first one not in place of the focus pillar of the latest plan made by
/// `as_of`, else of the pillar with the lowest readiness (ties in the method's
/// order). Each pillar carries its findings of CheckCharter, and its warning
/// signals counted over the checks held up to `as_of`.
v1::CharterReview ReviewCharter(const v1::Journal& journal,
                                absl::CivilDay as_of,
                                int stale_days = kDefaultStaleDays);

}  // namespace fives

#endif  // FIVES_CHARTER_H_
