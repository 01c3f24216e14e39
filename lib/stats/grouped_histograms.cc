#include "fives/grouped_histograms.h"

#include <algorithm>
#include <array>

#include "absl/strings/str_cat.h"
#include "hash_table.h"

namespace fives {
namespace {

// Responses validated and counted at a time: small enough to stay in cache.
constexpr size_t kBlock = 4096;
constexpr int kFieldBits = 12;
constexpr uint64_t kFieldMask = (uint64_t{1} << kFieldBits) - 1;
constexpr uint64_t kSpillAt = uint64_t{1} << (kFieldBits - 1);  // 2048
// The top bit of each of the five fields.
constexpr uint64_t kTopBits = kSpillAt | kSpillAt << 12 | kSpillAt << 24 |
                              kSpillAt << 36 | kSpillAt << 48;
// What one score adds to a packed word: a score 1..5 adds 1 to its field and
// 0 (pillar left out) adds nothing. An invalid value 6..255 adds 2048 to the
// first field, whose count is below 2048, so it sets a top bit: the check
// for spills catches it at no extra cost.
constexpr std::array<uint64_t, 256> kIncrement = [] {
  std::array<uint64_t, 256> t = {};
  for (int v = 1; v < 256; ++v) {
    t[v] = v <= kMaxScore ? uint64_t{1} << (kFieldBits * (v - 1)) : kSpillAt;
  }
  return t;
}();

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
  if ((value & kTopBits) == 0) return;
  for (int f = 0; f < kScoreCategories; ++f) {
    if (value & (kSpillAt << (kFieldBits * f))) {
      value -= kSpillAt << (kFieldBits * f);
      spill_[word * kScoreCategories + f] += kSpillAt;
    }
  }
}

absl::Status GroupedHistograms::Validate(absl::Span<const uint32_t> groups,
                                         absl::Span<const uint8_t> scores,
                                         size_t begin, size_t end) const {
  const size_t group_count = this->group_count();
  for (size_t i = begin; i < end; ++i) {
    if (groups[i] >= group_count) {
      return absl::InvalidArgumentError(
          absl::StrCat("groups[", i, "]: ", groups[i],
                       " is not below group_count ", group_count));
    }
    for (size_t p = 0; p < kPillarCount; ++p) {
      const size_t at = i * kPillarCount + p;
      if (scores[at] > kMaxScore) {
        return absl::InvalidArgumentError(absl::StrCat(
            "scores[", at, "]: ", scores[at], " is outside 1..5 (response ", i,
            ", pillar ", PillarKey(kAllPillars[p]),
            "; 0 leaves a pillar out)"));
      }
    }
  }
  return absl::OkStatus();
}

size_t GroupedHistograms::Count(absl::Span<const uint32_t> groups,
                                absl::Span<const uint8_t> scores, size_t begin,
                                size_t end) {
  const size_t group_count = this->group_count();
  uint64_t* const packed = packed_.data();
  for (size_t i = begin; i < end; ++i) {
    if (groups[i] >= group_count) return i;  // never taken with valid input
    uint64_t* w = packed + size_t{groups[i]} * kPillarCount;
    const uint8_t* s = &scores[i * kPillarCount];
    const uint64_t a = w[0] + kIncrement[s[0]], b = w[1] + kIncrement[s[1]],
                   c = w[2] + kIncrement[s[2]], d = w[3] + kIncrement[s[3]],
                   e = w[4] + kIncrement[s[4]];
    w[0] = a;
    w[1] = b;
    w[2] = c;
    w[3] = d;
    w[4] = e;
    // One test for the five words, rarely true: a field reached 2048, or a
    // score was invalid.
    if ((a | b | c | d | e) & kTopBits) {
      if (std::max({s[0], s[1], s[2], s[3], s[4]}) > kMaxScore) {
        for (size_t p = 0; p < kPillarCount; ++p) w[p] -= kIncrement[s[p]];
        return i;
      }
      for (size_t p = 0; p < kPillarCount; ++p) {
        Spill(size_t{groups[i]} * kPillarCount + p, w[p]);
      }
    }
  }
  return end;
}

void GroupedHistograms::Remove(absl::Span<const uint32_t> groups,
                               absl::Span<const uint8_t> scores, size_t end) {
  for (size_t i = 0; i < end; ++i) {
    for (size_t p = 0; p < kPillarCount; ++p) {
      const uint8_t score = scores[i * kPillarCount + p];
      if (score == 0 || score > kMaxScore) continue;  // counted as nothing
      const size_t word = size_t{groups[i]} * kPillarCount + p;
      const int field = score - kMinScore;
      uint64_t& value = packed_[word];
      if (((value >> (kFieldBits * field)) & kFieldMask) == 0) {
        // The count sits in spill_: bring 2048 of it back into the field.
        auto it = spill_.find(word * kScoreCategories + field);
        it->second -= kSpillAt;
        if (it->second == 0) spill_.erase(it);
        value += kSpillAt << (kFieldBits * field);
      }
      value -= kIncrement[score];
    }
  }
}

absl::Status GroupedHistograms::Add(absl::Span<const uint32_t> groups,
                                    absl::Span<const uint8_t> scores) {
  if (scores.size() != groups.size() * kPillarCount) {
    return absl::InvalidArgumentError(
        absl::StrCat("scores: ", scores.size(), " values for ", groups.size(),
                     " responses, expected 5 per response"));
  }
  // A response adds at most one score per pillar, so no group passes the
  // limit while the total stays below it.
  if (responses_ + static_cast<int64_t>(groups.size()) > kMaxHistogramScores) {
    return absl::ResourceExhaustedError(
        absl::StrCat("responses: ", responses_, " + ", groups.size(),
                     " exceeds ", kMaxHistogramScores));
  }
  // One pass counts and checks: a bad group index or score stops it. Then
  // everything counted so far is taken off again (so nothing is half-applied)
  // and the first bad value is reported.
  for (size_t begin = 0; begin < groups.size(); begin += kBlock) {
    const size_t end = std::min(groups.size(), begin + kBlock);
    const size_t counted = Count(groups, scores, begin, end);
    if (counted != end) {
      Remove(groups, scores, counted);
      return Validate(groups, scores, begin, end);
    }
  }
  responses_ += static_cast<int64_t>(groups.size());
  return absl::OkStatus();
}

void GroupedHistograms::Clear() {
  std::fill(packed_.begin(), packed_.end(), 0);
  spill_.clear();
  responses_ = 0;
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
  if (!spill_.empty()) {
    // Some packed words hold only part of their counts: no memo.
    for (size_t g = 0; g < groups; ++g) {
      for (Pillar p : kAllPillars) {
        visit(g, p, ComputeScoreStats(Histogram(g, p), thresholds));
      }
    }
    return;
  }
  // Teams are small, so few distinct histograms occur (at most 1,820 for
  // teams of up to 12 members): the statistics are memoised per packed
  // histogram in a direct-mapped table of at most 32,768 slots, so memory
  // stays O(1) in the number of groups and responses.
  int shift = 64;
  size_t slots = 1;
  while (slots < std::min<size_t>(groups * kPillarCount, 32768)) {
    slots <<= 1;
    --shift;
  }
  struct Slot {
    uint64_t key = ~uint64_t{0};  // no packed word has every bit set
    ScoreStats stats;
  };
  std::vector<Slot> memo(slots);
  for (size_t g = 0; g < groups; ++g) {
    for (Pillar p : kAllPillars) {
      const uint64_t key = packed_[g * kPillarCount + PillarIndex(p)];
      // Fibonacci hashing of the packed counts.
      Slot& slot = memo[shift == 64 ? 0 : (key * 0x9E3779B97F4A7C15u) >> shift];
      if (slot.key != key) {
        slot.key = key;
        slot.stats = ComputeScoreStats(Histogram(g, p), thresholds);
      }
      visit(g, p, slot.stats);
    }
  }
}

void GroupedHistograms::ForEachDistinctStats(
    const AgreementThresholds& thresholds,
    absl::FunctionRef<void(const ScoreStats&)> distinct,
    absl::Span<uint32_t> index) const {
  const size_t words = packed_.size();
  uint32_t next = 0;
  if (spill_.empty()) {
    // Without spilled counts a packed word is the whole histogram: a key.
    internal::HashMap<uint64_t, uint32_t> seen;
    seen.reserve(std::min<size_t>(words, 1 << 15));
    for (size_t w = 0; w < words; ++w) {
      auto [it, added] = seen.try_emplace(packed_[w], next);
      if (added) {
        ++next;
        distinct(ComputeScoreStats(
            Histogram(w / kPillarCount, kAllPillars[w % kPillarCount]),
            thresholds));
      }
      index[w] = it->second;
    }
    return;
  }
  internal::HashMap<ScoreHistogram::Counts, uint32_t> seen;
  for (size_t w = 0; w < words; ++w) {
    const ScoreHistogram h =
        Histogram(w / kPillarCount, kAllPillars[w % kPillarCount]);
    auto [it, added] = seen.try_emplace(h.counts(), next);
    if (added) {
      ++next;
      distinct(ComputeScoreStats(h, thresholds));
    }
    index[w] = it->second;
  }
}

v1::BulkStats ToProto(const GroupedHistograms& histograms,
                      const AgreementThresholds& thresholds) {
  v1::BulkStats bulk;
  v1::GroupStats* current = nullptr;
  histograms.ForEachStats(thresholds,
                          [&](size_t group, Pillar p, const ScoreStats& s) {
                            if (p == Pillar::kStrategy) {
                              current = bulk.add_groups();
                              current->set_group(static_cast<uint32_t>(group));
                            }
                            v1::PillarStats* stats = current->add_pillars();
                            *stats = ToProto(s);
                            stats->set_pillar(ToProto(p));
                          });
  return bulk;
}

}  // namespace fives
