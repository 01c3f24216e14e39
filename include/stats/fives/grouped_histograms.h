/// @file
/// Bulk scoring: the per-pillar histograms of many groups (teams) at once, fed
/// with arrays of responses. Memory is O(groups): 40 bytes per group, whatever
/// the number of responses.
#ifndef FIVES_GROUPED_HISTOGRAMS_H_
#define FIVES_GROUPED_HISTOGRAMS_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "fives/agreement_thresholds.h"
#include "fives/pillar.h"
#include "fives/score_histogram.h"
#include "fives/score_stats.h"
#include "fives/v1/requests.pb.h"

namespace fives {

/// Thread safety: one thread at a time; const methods may run concurrently.
class GroupedHistograms {
 public:
  /// The most groups one instance holds (group indices are uint32).
  static constexpr size_t kMaxGroups = size_t{1} << 28;

  /// InvalidArgument when group_count is 0 or above kMaxGroups.
  static absl::StatusOr<GroupedHistograms> Create(size_t group_count);

  /// Adds responses: response i belongs to group `groups[i]` and has the five
  /// scores `scores[5 i]` to `scores[5 i + 4]` in pillar order, each 1..5, or 0
  /// for a pillar it leaves out. All or nothing: InvalidArgument naming the
  /// response, pillar and value for a bad group index, a score above 5 or a
  /// size mismatch; ResourceExhausted when a group would exceed
  /// kMaxHistogramScores scores.
  absl::Status Add(absl::Span<const uint32_t> groups,
                   absl::Span<const uint8_t> scores);

  /// Sets every count back to zero, keeping the memory.
  void Clear();

  size_t group_count() const { return packed_.size() / kPillarCount; }
  /// Total responses added.
  int64_t responses() const { return responses_; }

  /// The histogram of one group's pillar; `group` < group_count().
  ScoreHistogram Histogram(size_t group, Pillar pillar) const;

  /// The statistics of every group and pillar, compactly: calls `distinct`
  /// once for each distinct histogram among them, in order of first
  /// appearance, and writes into index[group * 5 + pillar] the 0-based
  /// number of the call that holds that group's pillar. Teams are small, so
  /// few histograms are distinct (at most 1,820 for teams of up to 12).
  /// `index` has room for group_count() * 5 entries.
  void ForEachDistinctStats(const AgreementThresholds& thresholds,
                            absl::FunctionRef<void(const ScoreStats&)> distinct,
                            absl::Span<uint32_t> index) const;

  /// Calls `visit` with the statistics of every group and pillar, group by
  /// group in pillar order, without storing them.
  void ForEachStats(
      const AgreementThresholds& thresholds,
      absl::FunctionRef<void(size_t group, Pillar pillar, const ScoreStats&)>
          visit) const;

 private:
  explicit GroupedHistograms(size_t group_count)
      : packed_(group_count * kPillarCount, 0) {}

  /// Checks responses [begin, end) in order: InvalidArgument naming the first
  /// bad group index or score.
  absl::Status Validate(absl::Span<const uint32_t> groups,
                        absl::Span<const uint8_t> scores, size_t begin,
                        size_t end) const;
  /// Counts responses from `begin` up to `end` or the first response with a
  /// bad group index or score, whichever comes first, and returns where it
  /// stopped; the bad response itself is not counted.
  size_t Count(absl::Span<const uint32_t> groups,
               absl::Span<const uint8_t> scores, size_t begin, size_t end);
  /// Takes responses [0, end), counted before, off again.
  void Remove(absl::Span<const uint32_t> groups,
              absl::Span<const uint8_t> scores, size_t end);
  /// Moves every field of packed word number `word` (value `value`) that
  /// reached its top bit into spill_.
  void Spill(size_t word, uint64_t& value);

  /// One word per group and pillar, packed_[group * 5 + pillar], holding the
  /// five counts of the scores 1..5 in 12-bit fields: one add per score and
  /// 40 bytes per group. A field that reaches 2048 moves 2048 to spill_, so
  /// the fields never overflow.
  std::vector<uint64_t> packed_;
  /// (word index * 5 + score - 1) -> count moved out of the packed field.
  absl::flat_hash_map<uint64_t, int64_t> spill_;
  int64_t responses_ = 0;
};

/// The statistics of every group as one fives.v1.BulkStats: one GroupStats
/// per group in order, each with its five pillars in pillar order.
v1::BulkStats ToProto(const GroupedHistograms& histograms,
                      const AgreementThresholds& thresholds = {});

}  // namespace fives

#endif  // FIVES_GROUPED_HISTOGRAMS_H_
