/// @file
/// The organisation view: for every unit up the tree and every attribute
/// group, the merged histograms of its teams per pillar with every measure
/// of the round report, the number of teams and respondents, and the
/// follow-up of the method; private at every level.
///
/// Privacy, per pillar (the same disclosure model as a team's round, one
/// place: disclosure.h):
///  - A cell counts with the larger of the organisation's thresholds and
///    those of every round merged into it. A rollup shows no person's
///    scores: open rounds are merged like confidential ones.
///  - A cell below min_responses shows only n; below min_distribution n
///    and the mean (DisclosureTier). A team cell also shows no more than
///    the team's own report does (differencing between its rounds).
///  - Complementary suppression (cell_suppression.h), first for the means
///    (no cell that shows only n follows from the means shown), then for the
///    distributions (no cell that shows no distribution follows from the
///    distributions shown), across the tree and the groupings together.
///  - With an earlier period: a cell whose people can differ from the same
///    cell's people then by at least one and fewer than min_responses shows
///    only n; by fewer than min_distribution, both showing the distribution,
///    n and the mean (CanDifferByFewer, the rule of a team's rounds).
///  - A team's rank or percentile among the teams is given only among teams
///    whose means are shown, so it tells nothing that is withheld.
/// Each withheld cell says why (too few, protecting another, held back),
/// never which member.
#ifndef FIVES_ORG_ROLLUP_H_
#define FIVES_ORG_ROLLUP_H_

#include <array>
#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "fives/org.h"
#include "fives/pillar.h"
#include "fives/v1/org.pb.h"

namespace fives {

struct RollupOptions {
  /// Strict: a team of the organisation without a journal, a journal of a
  /// team the organisation does not list, two journals of one team and a
  /// journal that failed to load are errors naming it. Lenient: each is left
  /// out and listed in `excluded`, and the rollup is marked incomplete.
  /// Either way a team without a round in the period is listed and makes the
  /// rollup incomplete, and a period in which no team closed a round is
  /// FailedPrecondition.
  bool strict = true;
  /// The partials of an earlier period whose rollup readers have seen:
  /// differencing between the two is held back. Null: none.
  const v1::OrgPartials* earlier = nullptr;
  /// The pillars are decided on up to this many threads (0: one per core)
  /// for organisations of thousands of units; the result is the same.
  int threads = 0;
};

absl::StatusOr<v1::OrgRollup> RollUp(const Org& org,
                                     const v1::OrgPartials& partials,
                                     const RollupOptions& options = {});

/// The decisions of a rollup in compact form, for hosts of very large
/// organisations that want the figures without a message per cell: per
/// pillar (pillar order) and row (the rows of RollUp, in order) the merged
/// counts of the scores 1..5, what may be shown and why not, and the teams
/// merged. The counts are the library's working figures: show a cell's
/// counts only when `tier` is DISCLOSURE_FULL, its mean only when
/// DISCLOSURE_NO_DISTRIBUTION or FULL (RollUp does exactly that).
struct OrgRollupCells {
  struct PillarCells {
    std::vector<std::array<int32_t, 5>> counts;
    std::vector<v1::Disclosure> tier;
    std::vector<v1::OrgWithheld> withheld;
    std::vector<int32_t> teams;
  };
  int rows = 0;
  std::array<PillarCells, kPillarCount> pillars;
};
absl::StatusOr<OrgRollupCells> RollUpCells(const Org& org,
                                           const v1::OrgPartials& partials,
                                           const RollupOptions& options = {});

/// The rollup of `partials` and, with options.earlier, the earlier period's
/// rollup (as its readers saw it) compared with it: what an organisation's
/// meeting looks at, in one message.
absl::StatusOr<v1::OrgReport> OrgReportOf(const Org& org,
                                          const v1::OrgPartials& partials,
                                          const RollupOptions& options = {});

/// The same units in two periods: per row and pillar the change as both
/// rollups show it (ComparePillar: verdict, median change, p-value and
/// Cliff's delta only where both cells show their distribution), and whether
/// the organisation's weakest pillar of the earlier period moved. `after`
/// should be rolled up with `earlier` = the partials of `before`.
/// InvalidArgument when the rollups are of different organisations.
absl::StatusOr<v1::OrgTrend> CompareRollups(const v1::OrgRollup& before,
                                            const v1::OrgRollup& after,
                                            double alpha = 0.05);

}  // namespace fives

#endif  // FIVES_ORG_ROLLUP_H_
