/// @file
/// What each team's journal contributes to a rollup of one period, as a
/// message (v1::TeamPartial) computed where the journal is, so any number of
/// journals can be read on any number of machines and the partials folded
/// in any order to the same bytes.
#ifndef FIVES_ORG_PARTIAL_H_
#define FIVES_ORG_PARTIAL_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "fives/journal.h"
#include "fives/v1/org.pb.h"

namespace fives {

/// A period with both dates checked (from <= to); the error names
/// "period.from" or "period.to" and the value.
struct OrgPeriodDays {
  absl::CivilDay from;
  absl::CivilDay to;
  static absl::StatusOr<OrgPeriodDays> FromProto(const v1::OrgPeriod& period);
};

/// The partial of one team for `period`: the round that counts is the latest
/// round closed within the period (by closing date, then closing order),
/// with its counts as the journal keeps them; the follow-up is as of the
/// period's end. A team without such a round has an empty round_id.
absl::StatusOr<v1::TeamPartial> TeamPartialOf(const Journal& journal,
                                              const v1::OrgPeriod& period,
                                              absl::string_view journal_name);

/// A journal as its host read it: a name (the file) and the bytes of the
/// journal file (as DecodeJournalFile takes them).
struct JournalBytes {
  std::string name;
  std::string bytes;
};

/// The partials of `journals` for `period`, computed on up to `threads`
/// threads (0: one per core). A journal that does not load is listed in
/// `excluded` with its error; the rollup decides whether that is fatal.
/// InvalidArgument only for a bad period.
absl::StatusOr<v1::OrgPartials> PartialsOf(
    const std::vector<JournalBytes>& journals, const v1::OrgPeriod& period,
    int threads = 0);

/// The same for every file named *.journal in `directory` (not recursive),
/// read and decoded in parallel. NotFound for a missing directory.
absl::StatusOr<v1::OrgPartials> PartialsOfDirectory(
    const std::string& directory, const v1::OrgPeriod& period, int threads = 0);

/// Folds two partial sets of the same period: teams sorted by team id, then
/// journal name, then bytes; exclusions likewise. Two journals of one team
/// are both kept (the rollup refuses or excludes them). InvalidArgument for
/// different periods or a set whose columns do not line up.
absl::StatusOr<v1::OrgPartials> FoldPartials(const v1::OrgPartials& a,
                                             const v1::OrgPartials& b);

/// A set of the team partials given (any order), for `period`.
v1::OrgPartials PartialsFromTeams(std::vector<v1::TeamPartial> teams,
                                  const v1::OrgPeriod& period);

/// The number of teams in a set, and team `i` as a message; InvalidArgument
/// naming the column whose length does not fit the number of teams.
absl::Status CheckPartialColumns(const v1::OrgPartials& partials);
v1::TeamPartial TeamPartialAt(const v1::OrgPartials& partials, int i);

}  // namespace fives

#endif  // FIVES_ORG_PARTIAL_H_
