#include "fives/score_histogram.h"

#include "absl/strings/str_cat.h"

namespace fives {

absl::StatusOr<ScoreHistogram> ScoreHistogram::FromCounts(
    absl::Span<const int64_t> counts) {
  if (counts.size() != kScoreCategories) {
    return absl::InvalidArgumentError(absl::StrCat(
        "histogram: has ", counts.size(), " counts, expected 5 (scores 1..5)"));
  }
  ScoreHistogram h;
  for (int i = 0; i < kScoreCategories; ++i) {
    if (counts[i] < 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          "histogram[", i, "]: count ", counts[i], " is negative"));
    }
    h.counts_[i] = counts[i];
  }
  if (h.n() > kMaxHistogramScores) {
    return absl::InvalidArgumentError(absl::StrCat("histogram: ", h.n(),
                                                   " scores in all, more than ",
                                                   kMaxHistogramScores));
  }
  return h;
}

absl::StatusOr<ScoreHistogram> ScoreHistogram::FromScores(
    absl::Span<const int> scores) {
  ScoreHistogram h;
  for (size_t i = 0; i < scores.size(); ++i) {
    if (!IsValidScore(scores[i])) {
      return absl::InvalidArgumentError(
          absl::StrCat("scores[", i, "]: ", scores[i], " is outside 1..5"));
    }
    h.AddUnchecked(scores[i]);
  }
  return h;
}

absl::Status ScoreHistogram::Add(int score) {
  if (!IsValidScore(score)) {
    return absl::InvalidArgumentError(
        absl::StrCat("score: ", score, " is outside 1..5"));
  }
  if (n() >= kMaxHistogramScores) {
    return absl::ResourceExhaustedError(absl::StrCat(
        "histogram: already holds ", kMaxHistogramScores, " scores"));
  }
  AddUnchecked(score);
  return absl::OkStatus();
}

absl::Status ScoreHistogram::Merge(const ScoreHistogram& other) {
  if (n() + other.n() > kMaxHistogramScores) {
    return absl::ResourceExhaustedError(
        absl::StrCat("histogram: merging ", n(), " and ", other.n(),
                     " scores exceeds ", kMaxHistogramScores));
  }
  for (int i = 0; i < kScoreCategories; ++i) counts_[i] += other.counts_[i];
  return absl::OkStatus();
}

int64_t ScoreHistogram::n() const {
  int64_t total = 0;
  for (int64_t c : counts_) total += c;
  return total;
}

}  // namespace fives
