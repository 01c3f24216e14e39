/// @file
/// Counts of the scores 1..5 of one pillar: the sufficient statistic of every
/// measure fives reports. Exact, O(1) memory and mergeable: the histogram of
/// two merged shards equals the histogram of their union.
#ifndef FIVES_SCORE_HISTOGRAM_H_
#define FIVES_SCORE_HISTOGRAM_H_

#include <array>
#include <cstdint>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"

namespace fives {

/// The scale of the method: every pillar is scored 1 (weak) to 5 (strong).
inline constexpr int kMinScore = 1;
inline constexpr int kMaxScore = 5;
inline constexpr int kScoreCategories = kMaxScore - kMinScore + 1;
/// The most scores one histogram holds (they cross the schema as int32).
inline constexpr int64_t kMaxHistogramScores = 2147483647;

/// True for a score on the scale.
constexpr bool IsValidScore(int64_t score) {
  return score >= kMinScore && score <= kMaxScore;
}

class ScoreHistogram {
 public:
  using Counts = std::array<int64_t, kScoreCategories>;

  ScoreHistogram() = default;

  /// From five non-negative counts of the scores 1..5, at most
  /// kMaxHistogramScores in all.
  static absl::StatusOr<ScoreHistogram> FromCounts(
      absl::Span<const int64_t> counts);
  /// From a list of scores, each 1..5; the error names the index and value.
  static absl::StatusOr<ScoreHistogram> FromScores(
      absl::Span<const int> scores);

  /// Adds one score; InvalidArgument outside 1..5, ResourceExhausted when
  /// full; no change on failure.
  absl::Status Add(int score);
  /// Adds one score the caller has already validated (1..5, not full).
  void AddUnchecked(int score) { ++counts_[score - kMinScore]; }
  /// Adds every count of `other`; ResourceExhausted (and no change) when the
  /// union would hold more than kMaxHistogramScores.
  absl::Status Merge(const ScoreHistogram& other);

  /// Number of times `score` (1..5) was given.
  int64_t count(int score) const { return counts_[score - kMinScore]; }
  const Counts& counts() const { return counts_; }
  /// Total number of scores.
  int64_t n() const;

  friend bool operator==(const ScoreHistogram& a, const ScoreHistogram& b) {
    return a.counts_ == b.counts_;
  }
  friend bool operator!=(const ScoreHistogram& a, const ScoreHistogram& b) {
    return !(a == b);
  }

 private:
  Counts counts_ = {};
};

}  // namespace fives

#endif  // FIVES_SCORE_HISTOGRAM_H_
