#include "fives/grouped_histograms.h"

#include <algorithm>
#include <array>

#include "absl/strings/str_cat.h"

namespace fives {
namespace {

constexpr int kFieldBits = 12;
constexpr uint64_t kFieldMask = (uint64_t{1} << kFieldBits) - 1;
constexpr uint64_t kSpillAt = uint64_t{1} << (kFieldBits - 1);  // 2048
// The top bit of each of the five fields.
constexpr uint64_t kTopBits = kSpillAt | kSpillAt << 12 | kSpillAt << 24 |
                              kSpillAt << 36 | kSpillAt << 48;
// What one score adds to a packed word; 0 (pillar left out) adds nothing.
constexpr std::array<uint64_t, kMaxScore + 1> kIncrement = {
    0, uint64_t{1}, uint64_t{1} << 12, uint64_t{1} << 24, uint64_t{1} << 36,
    uint64_t{1} << 48};

}  // namespace

absl::StatusOr<GroupedHistograms> GroupedHistograms::Create(
    size_t group_count) {
  if (group_count == 0 || group_count > kMaxGroups) {
    return absl::InvalidArgumentError(absl::StrCat(
        "group_count: ", group_count, " is outside 1..", kMaxGroups));
  }
  return GroupedHistograms(group_count);
}

void GroupedHistograms::Spill(size_t word, uint64_t& value) {
  for (int f = 0; f < kScoreCategories; ++f) {
    if (value & (kSpillAt << (kFieldBits * f))) {
      value -= kSpillAt << (kFieldBits * f);
      spill_[word * kScoreCategories + f] += kSpillAt;
    }
  }
}

absl::Status GroupedHistograms::Add(absl::Span<const uint32_t> groups,
                                    absl::Span<const uint8_t> scores) {
  if (scores.size() != groups.size() * kPillarCount) {
    return absl::InvalidArgumentError(absl::StrCat(
        "scores: ", scores.size(), " values for ", groups.size(),
        " responses, expected 5 per response"));
  }
  // A response adds at most one score per pillar, so no group passes the
  // limit while the total stays below it.
  if (responses_ + static_cast<int64_t>(groups.size()) > kMaxHistogramScores) {
    return absl::ResourceExhaustedError(absl::StrCat(
        "responses: ", responses_, " + ", groups.size(), " exceeds ",
        kMaxHistogramScores));
  }
  // Validate everything first (two branch-free scans), so that nothing is
  // half-applied, then count without checks.
  const size_t group_count = this->group_count();
  const uint32_t max_group =
      groups.empty() ? 0 : *std::max_element(groups.begin(), groups.end());
  if (max_group >= group_count) {
    const size_t i = std::find_if(groups.begin(), groups.end(),
                                  [&](uint32_t g) { return g >= group_count; }) -
                     groups.begin();
    return absl::InvalidArgumentError(absl::StrCat(
        "groups[", i, "]: ", groups[i], " is not below group_count ",
        group_count));
  }
  const uint8_t max_score =
      scores.empty() ? 0 : *std::max_element(scores.begin(), scores.end());
  if (max_score > kMaxScore) {
    const size_t i = std::find_if(scores.begin(), scores.end(),
                                  [](uint8_t s) { return s > kMaxScore; }) -
                     scores.begin();
    return absl::InvalidArgumentError(absl::StrCat(
        "scores[", i, "]: ", scores[i], " is outside 1..5 (response ",
        i / kPillarCount, ", pillar ", PillarKey(kAllPillars[i % kPillarCount]),
        "; 0 leaves a pillar out)"));
  }
  uint64_t* const packed = packed_.data();
  for (size_t i = 0; i < groups.size(); ++i) {
    const size_t base = size_t{groups[i]} * kPillarCount;
    const uint8_t* s = &scores[i * kPillarCount];
    for (size_t p = 0; p < kPillarCount; ++p) {
      uint64_t value = packed[base + p] + kIncrement[s[p]];
      if (value & kTopBits) Spill(base + p, value);
      packed[base + p] = value;
    }
  }
  responses_ += static_cast<int64_t>(groups.size());
  return absl::OkStatus();
}

ScoreHistogram GroupedHistograms::Histogram(size_t group, Pillar pillar) const {
  const size_t word = group * kPillarCount + PillarIndex(pillar);
  const uint64_t value = packed_[word];
  std::array<int64_t, kScoreCategories> c;
  for (int f = 0; f < kScoreCategories; ++f) {
    c[f] = static_cast<int64_t>((value >> (kFieldBits * f)) & kFieldMask);
  }
  if (!spill_.empty()) {
    for (int f = 0; f < kScoreCategories; ++f) {
      auto it = spill_.find(word * kScoreCategories + f);
      if (it != spill_.end()) c[f] += it->second;
    }
  }
  // Valid by construction: counts are non-negative and Add keeps the total
  // at most kMaxHistogramScores.
  return *ScoreHistogram::FromCounts(c);
}

void GroupedHistograms::ForEachStats(
    const AgreementThresholds& thresholds,
    absl::FunctionRef<void(size_t, Pillar, const ScoreStats&)> visit) const {
  const size_t groups = group_count();
  for (size_t g = 0; g < groups; ++g) {
    for (Pillar p : kAllPillars) {
      visit(g, p, ComputeScoreStats(Histogram(g, p), thresholds));
    }
  }
}

}  // namespace fives
