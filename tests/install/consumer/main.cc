// A C++ host of the installed libfives.a: the C++ API and the C ABI in one
// program, on the same data. Prints "consumer_cxx: ok" and exits 0 when they
// agree.
#include <cstdio>
#include <string>
#include <vector>

#include "fives.h"
#include "fives/score_stats.h"
#include "fives/v1/stats.pb.h"

int main() {
  const std::vector<int> scores = {4, 5, 3, 4, 2, 5};
  absl::StatusOr<fives::ScoreStats> stats = fives::ComputeScoreStats(scores);
  if (!stats.ok()) {
    std::fprintf(stderr, "ComputeScoreStats: %s\n",
                 stats.status().ToString().c_str());
    return 1;
  }
  const fives::v1::PillarStats direct = fives::ToProto(*stats);

  const int32_t c_scores[] = {4, 5, 3, 4, 2, 5};
  fives_buffer out = FIVES_BUFFER_INIT;
  if (fives_score_stats(&out, c_scores, 6, FIVES_FORMAT_BINARY) != FIVES_OK) {
    std::fprintf(stderr, "fives_score_stats: %s\n", fives_last_error());
    return 1;
  }
  fives::v1::PillarStats via_c;
  const bool parsed = via_c.ParseFromArray(out.data, static_cast<int>(out.len));
  fives_buffer_free(&out);
  if (!parsed || via_c.SerializeAsString() != direct.SerializeAsString()) {
    std::fprintf(stderr, "the C ABI and the C++ API disagree:\n%s\n%s\n",
                 via_c.DebugString().c_str(), direct.DebugString().c_str());
    return 1;
  }
  std::printf("consumer_cxx: ok, mean %.4g from both APIs\n", direct.mean());
  return 0;
}
