/// @file
/// The most one input may hold: limits a host can rely on and set.
///
/// fives is embedded in servers that load journals and requests from many
/// customers; one upload must not decide how much memory or time a call
/// takes. Every limit is checked before the large allocation it guards (a
/// file's size before it is read, a binary journal's entry counts and
/// string lengths before it is parsed, a JSON text's depth before it is
/// parsed) and refused with RESOURCE_EXHAUSTED naming the field, the value
/// and the limit:
///
///   team.members: 1001 entries, more than the limit of 1000 ("members")
///
/// The defaults hold an MT over decades with a wide margin: a team of ten
/// with a round, a plan and a check every six weeks writes about 16 KiB,
/// 9 rounds, 18 actions and 8 checks a year.
///
/// The limits are process-wide. SetLimit may be called at any time from any
/// thread; each check reads the value in force when it runs. A host that
/// lowers a limit below what a stored journal holds can no longer load that
/// journal (the error says which limit to raise).
#ifndef FIVES_LIMITS_H_
#define FIVES_LIMITS_H_

#include <cstdint>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace fives {

/// The values match the C ABI's fives_limit.
enum class Limit : int {
  /// The largest journal file or message fives reads, in bytes.
  kInputBytes = 1,
  /// Members a team has had, current and former (per journal); also the
  /// most responses and participants of one round.
  kMembers = 2,
  /// Rounds of a journal; also its plans (one per round at most).
  kRounds = 3,
  /// Actions of a journal, from plans and checks; also the reviews of one
  /// check.
  kActions = 4,
  /// Feedback entries of one action.
  kFeedback = 5,
  /// Collaboration checks of a journal. (Its guardian terms are one per
  /// check and per leave at most, plus the first.)
  kChecks = 6,
  /// Entries of a charter: every priority, rule, decision, KPI, goal, signal
  /// tick and other list element of its five sections together.
  kCharterEntries = 7,
  /// The longest id (member, round, team, action ids), in bytes.
  kIdBytes = 8,
  /// The longest name (display names, team name), in bytes.
  kNameBytes = 9,
  /// The longest other text (titles, notes, feedback, charter texts), in
  /// bytes.
  kTextBytes = 10,
  /// The deepest nesting of a JSON or text-format input.
  kDepth = 11,
};

struct LimitSpec {
  Limit limit;
  /// The limit's name in errors, the C ABI's docs and Python ("members").
  absl::string_view name;
  /// What is counted, in errors ("entries", "bytes", "levels").
  absl::string_view unit;
  int64_t default_value;
  /// The largest value a host may set.
  int64_t max_value;
};

/// Every limit, in the order of the enum.
absl::Span<const LimitSpec> LimitSpecs();

/// The spec of `limit`; InvalidArgument for a value outside the enum.
absl::StatusOr<LimitSpec> SpecOf(Limit limit);

/// The limit called `name` ("members"); InvalidArgument naming the known
/// names otherwise.
absl::StatusOr<Limit> LimitFromName(absl::string_view name);

/// The value in force.
int64_t GetLimit(Limit limit);

/// Sets `limit` to `value` (1 to the spec's max_value), or back to its
/// default when `value` is 0. InvalidArgument, and nothing changed, for an
/// unknown limit or a value out of range.
absl::Status SetLimit(Limit limit, int64_t value);

/// OK when `value` <= the limit in force, else RESOURCE_EXHAUSTED:
/// `"<field>: <value> <unit>, more than the limit of <limit> ("<name>")"`.
absl::Status CheckLimit(Limit limit, int64_t value, absl::string_view field);

}  // namespace fives

#endif  // FIVES_LIMITS_H_
