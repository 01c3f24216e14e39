// Test helper, independent of the library's suppression code: what a reader
// of some sums can work out exactly. Each cell is given as its vector over
// the parts it adds up (0/1 per team); a cell follows from the shown cells
// when its vector lies in the span of theirs. Gaussian elimination modulo
// 1e9+7 (the library computes modulo 2^61 - 1).
#ifndef FIVES_TESTS_SPAN_AUDIT_H_
#define FIVES_TESTS_SPAN_AUDIT_H_

#include <cstdint>
#include <utility>
#include <vector>

namespace fives::span_audit {

inline constexpr int64_t kCheckPrime = 1000000007;

inline int64_t PowMod(int64_t b, int64_t e) {
  int64_t r = 1;
  b %= kCheckPrime;
  for (; e > 0; e >>= 1, b = b * b % kCheckPrime) {
    if (e & 1) r = r * b % kCheckPrime;
  }
  return r;
}

inline int Rank(std::vector<std::vector<int64_t>> m) {
  int rank = 0;
  const int cols = m.empty() ? 0 : static_cast<int>(m[0].size());
  for (int c = 0; c < cols && rank < static_cast<int>(m.size()); ++c) {
    int pivot = -1;
    for (int r = rank; r < static_cast<int>(m.size()); ++r) {
      if (m[r][c] % kCheckPrime != 0) pivot = r;
    }
    if (pivot < 0) continue;
    std::swap(m[pivot], m[rank]);
    const int64_t inv =
        PowMod((m[rank][c] % kCheckPrime + kCheckPrime) % kCheckPrime,
               kCheckPrime - 2);
    for (int r = 0; r < static_cast<int>(m.size()); ++r) {
      if (r == rank) continue;
      const int64_t f = (m[r][c] % kCheckPrime + kCheckPrime) % kCheckPrime *
                        inv % kCheckPrime;
      if (f == 0) continue;
      for (int k = 0; k < cols; ++k) {
        m[r][k] = ((m[r][k] - f * m[rank][k]) % kCheckPrime + kCheckPrime) %
                  kCheckPrime;
      }
    }
    ++rank;
  }
  return rank;
}

// Per cell: whether its vector is in the span of the vectors of the cells
// with shown[c] true.
inline std::vector<bool> Derivable(
    const std::vector<std::vector<int64_t>>& vectors,
    const std::vector<bool>& shown) {
  std::vector<std::vector<int64_t>> rows;
  for (size_t c = 0; c < vectors.size(); ++c) {
    if (shown[c]) rows.push_back(vectors[c]);
  }
  const int base = Rank(rows);
  std::vector<bool> out(vectors.size());
  for (size_t c = 0; c < vectors.size(); ++c) {
    std::vector<std::vector<int64_t>> with = rows;
    with.push_back(vectors[c]);
    out[c] = Rank(with) == base;
  }
  return out;
}

}  // namespace fives::span_audit

#endif  // FIVES_TESTS_SPAN_AUDIT_H_
