// Bulk statistics from random arrays (fives_bulk_stats*, GroupedHistograms):
// the three C calls accept and refuse the same arrays; the table and the
// compact form give the same figures; every group's n per pillar is the
// number of its scores given; adding the responses in two parts gives the
// same histograms as adding them at once.
//
// Input: two bytes for the group count (0..256), one mode byte, then the
// responses: a group (one byte, or with mode bit 0 four bytes, any value)
// and five scores (bytes modulo 7, or with mode bit 1 the raw bytes), so
// bad groups and scores occur.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "fives.h"
#include "fives/grouped_histograms.h"

namespace {

void Expect(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz check failed: %s\n", what);
    std::abort();
  }
}

bool SameStats(const fives_pillar_stats& a, const fives_pillar_stats& b) {
  return std::memcmp(&a, &b, sizeof a) == 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 3) return 0;
  const size_t group_count = (data[0] | (data[1] << 8)) % 257;
  const uint8_t mode = data[2];
  const size_t group_bytes = (mode & 1) ? 4 : 1;
  std::vector<uint32_t> groups;
  std::vector<uint8_t> scores;
  for (size_t i = 3; i + group_bytes + 5 <= size; i += group_bytes + 5) {
    uint32_t g = 0;
    if (mode & 1) {
      std::memcpy(&g, data + i, 4);
    } else {
      g = data[i] % (group_count + 1);  // group_count itself is out of range
    }
    groups.push_back(g);
    for (int p = 0; p < 5; ++p) {
      const uint8_t s = data[i + group_bytes + p];
      scores.push_back((mode & 2) ? s : s % 7);
    }
  }
  const size_t n = groups.size();

  std::vector<fives_pillar_stats> table(group_count * 5);
  const int table_status = fives_bulk_stats_table(
      table.data(), table.size(), sizeof(fives_pillar_stats), groups.data(),
      scores.data(), n, group_count);
  std::vector<uint32_t> index(group_count * 5);
  fives_buffer compact = FIVES_BUFFER_INIT;
  const int compact_status = fives_bulk_stats_compact(
      &compact, index.data(), index.size(), sizeof(fives_pillar_stats),
      groups.data(), scores.data(), n, group_count);
  Expect(table_status == compact_status, "table and compact differ in status");
  for (fives_format format :
       {FIVES_FORMAT_BINARY, FIVES_FORMAT_JSON, FIVES_FORMAT_TEXT}) {
    fives_buffer out = FIVES_BUFFER_INIT;
    const int status = fives_bulk_stats(&out, groups.data(), scores.data(), n,
                                        group_count, format);
    Expect(status == table_status, "bulk stats and table differ in status");
    fives_buffer_free(&out);
  }
  if (table_status == FIVES_OK) {
    const size_t k = compact.len / sizeof(fives_pillar_stats);
    std::vector<int32_t> counted(group_count * 5, 0);
    for (size_t i = 0; i < n; ++i) {
      for (int p = 0; p < 5; ++p) {
        if (scores[5 * i + p] != 0) ++counted[groups[i] * 5 + p];
      }
    }
    for (size_t c = 0; c < group_count * 5; ++c) {
      Expect(index[c] < k, "compact index out of range");
      fives_pillar_stats distinct;
      std::memcpy(&distinct, compact.data + index[c] * sizeof distinct,
                  sizeof distinct);
      Expect(SameStats(distinct, table[c]), "compact and table differ");
      Expect(table[c].n == counted[c], "n is not the number of scores");
    }
    // The same responses in two parts.
    auto once = fives::GroupedHistograms::Create(group_count);
    auto twice = fives::GroupedHistograms::Create(group_count);
    Expect(once.ok() && twice.ok(), "Create refused a valid group count");
    const size_t half = n / 2;
    Expect(once->Add(groups, scores).ok(), "Add refused what the C call took");
    Expect(twice->Add(absl::MakeConstSpan(groups).subspan(0, half),
                      absl::MakeConstSpan(scores).subspan(0, 5 * half))
                   .ok() &&
               twice
                   ->Add(absl::MakeConstSpan(groups).subspan(half),
                         absl::MakeConstSpan(scores).subspan(5 * half))
                   .ok(),
           "Add refused a part");
    for (size_t g = 0; g < group_count; ++g) {
      for (fives::Pillar p : fives::kAllPillars) {
        Expect(once->Histogram(g, p) == twice->Histogram(g, p),
               "two parts give other histograms");
      }
    }
  }
  fives_buffer_free(&compact);
  return 0;
}
