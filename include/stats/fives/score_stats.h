/// @file
/// Centre, spread and agreement of one pillar's scores, computed from its
/// histogram. Each measure, its edge cases and its source are given with its
/// field below and in docs/measures.md, with the formula and a worked example.
#ifndef FIVES_SCORE_STATS_H_
#define FIVES_SCORE_STATS_H_

#include <cstdint>
#include <optional>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "fives/agreement_thresholds.h"
#include "fives/score_histogram.h"
#include "fives/v1/stats.pb.h"

namespace fives {

enum class AgreementLabel { kSingle, kShared, kMixed, kSplit };

/// "single", "shared", "mixed" or "split".
absl::string_view AgreementLabelKey(AgreementLabel label);
v1::AgreementLabel ToProto(AgreementLabel label);

/// Whether `histogram` falls into two camps: at least two members, and at
/// least a quarter of the team, score 1 or 2; as many score 4 or 5; and
/// fewer score 3 than are in either camp.
bool TwoCamps(const ScoreHistogram& histogram);

/// Every measure of one pillar. An undefined measure is an empty optional,
/// never 0 or NaN: with n = 0 everything but n is empty; with n = 1 the
/// measures of spread (sd, rwg, rwg_raw, ad_mean, ad_median) are empty.
struct ScoreStats {
  int64_t n = 0;
  ScoreHistogram histogram;
  std::optional<double> mean;
  std::optional<double> median;
  /// Sample standard deviation (denominator n - 1).
  std::optional<double> sd;
  std::optional<int> min;
  std::optional<int> max;
  /// r_wg against the uniform null (variance 2), truncated to [0, 1].
  std::optional<double> rwg;
  /// 1 - s^2 / 2, not truncated.
  std::optional<double> rwg_raw;
  /// Average deviation around the mean (AD_M) and the median (AD_Md).
  std::optional<double> ad_mean;
  std::optional<double> ad_median;
  /// Tastle & Wierman consensus, [0, 1].
  std::optional<double> consensus;
  /// van der Eijk agreement A, [-1, 1].
  std::optional<double> agreement;
  /// How the team's view reads, from n >= 2 on:
  ///   split   the scores fall into two camps: van der Eijk agreement below
  ///           the thresholds' split_agreement (polarised), or two camps
  ///           (TwoCamps), whatever the other measures say: 1,2,5,5 and
  ///           2,2,4,4 are split, 2,3,3,3,4 is not;
  ///   shared  otherwise, rwg at least the thresholds' shared_rwg;
  ///   mixed   otherwise: views differ without two camps (2,3,3,4);
  ///   single  one score only (n = 1), or nothing to compare.
  AgreementLabel label = AgreementLabel::kSingle;
  /// ad_mean above the thresholds' ad_cutoff.
  bool ad_above_cutoff = false;
};

/// Every measure of the histogram. `thresholds` must be valid.
ScoreStats ComputeScoreStats(const ScoreHistogram& histogram,
                             const AgreementThresholds& thresholds = {});

/// From a list of scores: InvalidArgument for an empty list or a score outside
/// 1..5 (naming its index and value).
absl::StatusOr<ScoreStats> ComputeScoreStats(
    absl::Span<const int> scores, const AgreementThresholds& thresholds = {});

/// van der Eijk's agreement A of five category counts; 1 when n <= 1.
double VanDerEijkAgreement(const ScoreHistogram& histogram);

/// Every measure as a message, fully disclosed (DISCLOSURE_FULL).
v1::PillarStats ToProto(const ScoreStats& stats);

}  // namespace fives

#endif  // FIVES_SCORE_STATS_H_
