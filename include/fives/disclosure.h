// The disclosure decision: what a reader may see of a round's figures, and
// why not when something is withheld. Every figure about a confidential
// round that leaves the library (the round report in every format, the
// pictures, comparisons and verdicts, the meeting report, the charter side
// by side, the C ABI and Python) is derived from what this file releases;
// renderers only draw what it released and the reason it gave.
//
// The model, per pillar of a confidential round with n scores:
//  - n < min_responses (at least 3): only n (DISCLOSURE_TOO_FEW_RESPONSES).
//    With two scores each rater would know the other's from the mean.
//  - n < min_distribution (at least 5): n and the mean, nothing else
//    derived from the scores (DISCLOSURE_NO_DISTRIBUTION). With three or
//    four scores, the mean with any measure of spread, label or flag mostly
//    pins the histogram down.
//  - otherwise everything (DISCLOSURE_FULL).
//  - differencing: a round whose respondents on a pillar differ from an
//    earlier released round's by at least one and fewer than min_responses
//    people shows only n (DISCLOSURE_HELD_BACK), or, under the team's
//    DIFFERENCING_POLICY_WARN, everything with differencing_warning set.
// Open rounds show everything: their members agreed to be seen.
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

// The tier of a pillar with `n` scores in a round of `mode`.
v1::Disclosure DisclosureTier(v1::RoundMode mode, int64_t n,
                              const PrivacyThresholds& privacy);

// Differencing found for one pillar of a round: the earlier released round
// its figures could be differenced against (empty: none), and whether the
// team's policy shows them with a warning instead of holding them back.
struct Differencing {
  std::string against;
  bool warn = false;
};
using RoundDifferencing = std::array<Differencing, kPillarCount>;

// A pillar's statistics as a reader may see them. Open rounds: every
// measure. Confidential rounds: by DisclosureTier, then held back (only n)
// when `differencing` names a round and does not warn. `stats` holds every
// measure of the pillar's scores; a confidential pillar whose counts were
// discarded at close has only n (and is below min_responses).
v1::PillarStats DisclosedStats(Pillar pillar, const ScoreStats& stats,
                               v1::RoundMode mode,
                               const PrivacyThresholds& privacy,
                               const Differencing& differencing = {});

// The same for one pillar of `round`, from its stored counts.
v1::PillarStats DisclosedStats(const Round& round, Pillar pillar,
                               const Differencing& differencing = {});

// Whether the figures of a pillar are out in the open: its mean or more is
// shown (a pillar with only n tells nothing a difference could use).
bool IsReleased(const v1::PillarStats& stats);

// Whether two rounds may be compared on a pillar (verdict, median change,
// p-value, effect size): both at DISCLOSURE_FULL.
bool MayCompare(const v1::PillarStats& before, const v1::PillarStats& after);

// Differencing protection over the rounds of a journal. Rounds are judged in
// the order they were closed (close_order, then close date for rounds from
// older journals), each against the rounds closed before it, so a released
// report never changes later. A round's pillar could be differenced against
// an earlier released one when the people who answered that pillar in the
// two rounds can differ by at least one and fewer than the later round's
// min_responses (with partial answers, only the number who answered a
// pillar is stored; any split consistent with it counts). Open rounds count
// as released in full; they are never held back. Forgotten members stay in
// the participant lists under their pseudonym, so forgetting changes no
// decision.
class DifferencingGuard {
 public:
  // `journal` must be valid.
  explicit DifferencingGuard(const v1::Journal& journal);

  // What was found for each pillar of the round `round_id` (nothing found
  // for rounds that are not closed or not confidential).
  const RoundDifferencing& For(absl::string_view round_id) const;

 private:
  absl::flat_hash_map<std::string, RoundDifferencing> found_;
};

}  // namespace fives

#endif  // FIVES_DISCLOSURE_H_
