/// @file
/// The disclosure decision: what a reader may see of a round's figures, and
/// why not when something is withheld. Every figure about a confidential
/// round that leaves the library (the round report in every format, the
/// pictures, comparisons and verdicts, the meeting report, the charter side
/// by side, the C ABI and Python) is derived from what this file releases;
/// renderers only draw what it released and the reason it gave.
///
/// The model, per pillar of a confidential round with n scores:
///  - n < min_responses (at least 3): only n (DISCLOSURE_TOO_FEW_RESPONSES).
///    With two scores each rater would know the other's from the mean.
///  - n < min_distribution (at least 5): n and the mean, nothing else
///    derived from the scores (DISCLOSURE_NO_DISTRIBUTION). With three or
///    four scores, the mean with any measure of spread, label or flag mostly
///    pins the histogram down.
///  - otherwise everything (DISCLOSURE_FULL).
///  - differencing (JudgeDifferencing, decided when the round closes): a
///    round whose respondents on a pillar differ from an earlier released
///    round's by at least one and fewer than min_responses people, or whose
///    sum with those of several earlier rounds would determine one or two
///    people's scores, shows only n (DISCLOSURE_HELD_BACK); one that differs
///    by fewer than min_distribution from a round showing its distribution
///    shows only n and the mean. Under the team's DIFFERENCING_POLICY_WARN
///    everything is shown, with differencing_warning set.
/// Open rounds show everything: their members agreed to be seen. The tiers
/// and differencing, with examples: docs/measures.md.
#ifndef FIVES_DISCLOSURE_H_
#define FIVES_DISCLOSURE_H_

#include <array>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "fives/pillar.h"
#include "fives/privacy_thresholds.h"
#include "fives/round.h"
#include "fives/score_stats.h"
#include "fives/v1/config.pb.h"
#include "fives/v1/journal.pb.h"
#include "fives/v1/stats.pb.h"

namespace fives {

/// The tier of a pillar with `n` scores in a round of `mode`. (Inline: the
/// organisation rollup asks it for every cell.)
inline v1::Disclosure DisclosureTier(v1::RoundMode mode, int64_t n,
                                     const PrivacyThresholds& privacy) {
  if (mode != v1::ROUND_MODE_CONFIDENTIAL) return v1::DISCLOSURE_FULL;
  if (n < privacy.min_responses) return v1::DISCLOSURE_TOO_FEW_RESPONSES;
  if (n < privacy.min_distribution) return v1::DISCLOSURE_NO_DISTRIBUTION;
  return v1::DISCLOSURE_FULL;
}

/// Differencing found for one pillar of a round: the earlier released round
/// its figures could be differenced against (empty: none); whether only the
/// distribution must go (the rounds differ by at least min_responses but
/// fewer than min_distribution people), and whether the team's policy shows
/// everything with a warning instead.
struct Differencing {
  std::string against;
  bool mean_only = false;
  bool warn = false;
  /// A combination of earlier rounds, the latest `against`.
  bool combination = false;
};
using RoundDifferencing = std::array<Differencing, kPillarCount>;

/// A pillar's statistics as a reader may see them. Open rounds: every
/// measure. Confidential rounds: by DisclosureTier, then held back (only n)
/// when `differencing` names a round and does not warn. `stats` holds every
/// measure of the pillar's scores; a confidential pillar whose counts were
/// discarded at close has only n (and is below min_responses).
v1::PillarStats DisclosedStats(Pillar pillar, const ScoreStats& stats,
                               v1::RoundMode mode,
                               const PrivacyThresholds& privacy,
                               const Differencing& differencing = {});

/// `stats` as shown at `tier`: every measure (FULL), n and the mean
/// (NO_DISTRIBUTION), or only n.
v1::PillarStats StatsAtTier(Pillar pillar, const ScoreStats& stats,
                            v1::Disclosure tier);

/// Two groups of people who answered: `n_a` of the `pool_a` people of one
/// (exactly the pool when equal) and `n_b` of `pool_b`, `common` people
/// being in both pools.
struct GroupOverlap {
  int pool_a = 0;
  int n_a = 0;
  int pool_b = 0;
  int n_b = 0;
  int common = 0;
};

/// Whether the people behind the two groups can differ by at least one and
/// fewer than `limit`: some choice of who answered, consistent with the
/// counts, has a symmetric difference in [1, limit). Subtracting the two
/// groups' figures would then give those people's scores. The rule of
/// differencing between rounds, and between periods of an organisation.
bool CanDifferByFewer(const GroupOverlap& groups, int limit);

/// The same for one pillar of `round`, from its stored counts.
v1::PillarStats DisclosedStats(const Round& round, Pillar pillar,
                               const Differencing& differencing = {});

/// Whether a tier shows the mean (FULL or NO_DISTRIBUTION).
inline bool ShowsMean(v1::Disclosure tier) {
  return tier == v1::DISCLOSURE_FULL || tier == v1::DISCLOSURE_NO_DISTRIBUTION;
}

/// Whether two rounds may be compared on a pillar (verdict, median change,
/// p-value, effect size): both at DISCLOSURE_FULL.
bool MayCompare(const v1::PillarStats& before, const v1::PillarStats& after);

/// Differencing protection: judges the confidential round `round_id` of
/// `journal` as it closes, against every round whose figures readers have
/// seen: every open-mode round (in any state: its report is live) and every
/// confidential round closed before it, as its own stored decision released
/// it. A pillar could be differenced against an earlier round when the people
/// who answered it in the two rounds can differ by at least one and
///  - fewer than min_responses: only n is shown (held back);
///  - fewer than min_distribution, both rounds showing their distribution:
///    only n and the mean are shown.
/// The larger thresholds of the two rounds count. With partial answers only
/// the number who answered a pillar is stored; any split consistent with it
/// counts. Beyond pairs: where the sets of who answered are known exactly,
/// a pillar is also held back when adding and subtracting its figures and
/// those of several earlier rounds would isolate one or two people (the
/// sums of the rounds as linear equations in the members' scores: a member,
/// or a pair, whose scores the equations newly determine). Under
/// DIFFERENCING_POLICY_WARN everything is shown, with a warning.
/// The decision is stored in the round (v1::Round.differencing) by
/// Journal::CloseRound, so what a report shows never changes later, and
/// forgetting a member changes no decision.
RoundDifferencing JudgeDifferencing(const v1::Journal& journal,
                                    absl::string_view round_id);

/// The stored decision of a closed round, by pillar.
RoundDifferencing StoredDifferencing(const v1::Round& round);

/// The stored form of `found` for the pillars `round` asks.
void StoreDifferencing(const RoundDifferencing& found, v1::Round& round);

}  // namespace fives

#endif  // FIVES_DISCLOSURE_H_
