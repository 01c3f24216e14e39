#include "fives/cell_suppression.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <utility>

#include "absl/container/flat_hash_map.h"

namespace fives {
namespace {

// Arithmetic modulo the Mersenne prime 2^61 - 1: the small integer
// coefficients of the audit's equations never vanish by accident.
constexpr uint64_t kPrime = (uint64_t{1} << 61) - 1;

uint64_t Reduce(unsigned __int128 x) {
  uint64_t r =
      static_cast<uint64_t>(x & kPrime) + static_cast<uint64_t>(x >> 61);
  while (r >= kPrime) r -= kPrime;
  return r;
}
uint64_t Mul(uint64_t a, uint64_t b) {
  return Reduce(static_cast<unsigned __int128>(a) * b);
}
uint64_t Add(uint64_t a, uint64_t b) {
  uint64_t r = a + b;
  return r >= kPrime ? r - kPrime : r;
}
uint64_t Sub(uint64_t a, uint64_t b) { return a >= b ? a - b : a + kPrime - b; }
uint64_t FromInt(int64_t v) {
  return v >= 0 ? static_cast<uint64_t>(v) % kPrime
                : kPrime - static_cast<uint64_t>(-v) % kPrime;
}
uint64_t Power(uint64_t base, uint64_t e) {
  uint64_t r = 1;
  for (; e != 0; e >>= 1, base = Mul(base, base)) {
    if (e & 1) r = Mul(r, base);
  }
  return r;
}
uint64_t Inverse(uint64_t a) { return Power(a, kPrime - 2); }

// The table with its equations: each a total and the terms it sums.
class Table {
 public:
  explicit Table(const SuppressionTable& t)
      : t_(t),
        tree_(static_cast<int>(t.parent.size())),
        cells_(static_cast<int>(t.n.size())) {
    children_.resize(tree_);
    for (int c = 1; c < tree_; ++c) children_[t.parent[c]].push_back(c);
    end_.assign(tree_, 0);
    for (int c = tree_ - 1; c >= 0; --c) {
      end_[c] = children_[c].empty() ? c + 1 : end_[children_[c].back()];
    }
    equations_of_.resize(cells_);
    for (int c = 0; c < tree_; ++c) {
      if (children_[c].empty()) continue;
      std::vector<int> terms = {c};
      terms.insert(terms.end(), children_[c].begin(), children_[c].end());
      AddEquation(std::move(terms));
    }
    const int groupings = static_cast<int>(t.leaf_group.size());
    std::vector<std::vector<int>> groups(groupings);
    for (int g = tree_; g < cells_; ++g) {
      groups[t.group_grouping[g - tree_]].push_back(g);
    }
    for (std::vector<int>& members : groups) {
      if (members.empty()) continue;
      std::vector<int> terms = {0};
      terms.insert(terms.end(), members.begin(), members.end());
      AddEquation(std::move(terms));
    }
  }

  bool Unknown(const std::vector<bool>& withheld, int c) const {
    return withheld[c] && t_.n[c] > 0;
  }

  // Step 1: until no equation has exactly one unknown term.
  void Peel(std::vector<bool>& withheld, std::vector<bool>& secondary) const {
    std::vector<int> unknown(equations_.size(), 0);
    std::vector<int> work;
    for (size_t e = 0; e < equations_.size(); ++e) {
      for (int c : equations_[e]) unknown[e] += Unknown(withheld, c);
      if (unknown[e] == 1) work.push_back(static_cast<int>(e));
    }
    while (!work.empty()) {
      const int e = work.back();
      work.pop_back();
      if (unknown[e] != 1) continue;
      const std::vector<int>& terms = equations_[e];
      int pick = -1;
      // The smallest shown non-empty term, children before the total.
      for (size_t i = 1; i < terms.size(); ++i) {
        const int c = terms[i];
        if (withheld[c] || t_.n[c] == 0) continue;
        if (pick < 0 || t_.n[c] < t_.n[pick]) pick = c;
      }
      if (pick < 0 && !withheld[terms[0]] && t_.n[terms[0]] > 0) {
        pick = terms[0];
      }
      if (pick < 0) continue;  // the unknown term is empty: nothing to hide
      withheld[pick] = true;
      secondary[pick] = true;
      for (int f : equations_of_[pick]) {
        if (++unknown[f] == 1) work.push_back(f);
      }
    }
  }

  // Step 2: the first primary cell the shown cells determine, or -1.
  int FirstDerivablePrimary(const std::vector<bool>& withheld) const;

  int tree() const { return tree_; }
  int cells() const { return cells_; }
  const SuppressionTable& table() const { return t_; }

 private:
  void AddEquation(std::vector<int> terms) {
    const int e = static_cast<int>(equations_.size());
    for (int c : terms) equations_of_[c].push_back(e);
    equations_.push_back(std::move(terms));
  }

  const SuppressionTable& t_;
  const int tree_, cells_;
  std::vector<std::vector<int>> children_;
  std::vector<int> end_;
  std::vector<std::vector<int>> equations_;
  std::vector<std::vector<int>> equations_of_;
};

// A row of the audit: coefficients (+1/-1) on shown group columns.
using Row = std::vector<std::pair<int, int>>;

Row Difference(const std::vector<int>& a, const std::vector<int>& b) {
  std::map<int, int> sum;
  for (int c : a) ++sum[c];
  for (int c : b) --sum[c];
  Row row;
  for (const auto& [c, v] : sum) {
    if (v != 0) row.push_back({c, v});
  }
  return row;
}

// The audit, exact: with the shown leaves known, each unknown leaf l
// satisfies p_l = kappa[atom(l)] + sum_j mu_j [l in shown group j] for a
// combination of the shown cells to give p, where atom(l) is the lowest
// shown tree cell above l (kappa = 0 for a leaf with none: the shown tree
// cells span exactly the indicators of their atoms). Subtracting the
// equation of each atom's first leaf removes kappa; what is left is a small
// system in mu over the distinct rows.
int Table::FirstDerivablePrimary(const std::vector<bool>& withheld) const {
  const int groupings = static_cast<int>(t_.leaf_group.size());
  std::vector<int> column(cells_, -1);
  int columns = 0;
  for (int g = tree_; g < cells_; ++g) {
    if (!withheld[g] && t_.n[g] > 0) column[g] = columns++;
  }
  // Unknown leaves in tree order, their atom and shown groups.
  std::vector<int> atom(tree_, -1);
  for (int c = 1; c < tree_; ++c) {
    const int p = t_.parent[c];
    atom[c] = (!withheld[p] && t_.n[p] > 0) ? p : atom[p];
  }
  std::vector<int> leaves;
  for (int c = 0; c < tree_; ++c) {
    if (children_[c].empty() && Unknown(withheld, c)) leaves.push_back(c);
  }
  auto groups_of = [&](int leaf) {
    std::vector<int> g;
    for (int k = 0; k < groupings; ++k) {
      const int cell = t_.leaf_group[k][leaf];
      if (cell >= 0 && column[cell] >= 0) g.push_back(column[cell]);
    }
    return g;
  };
  absl::flat_hash_map<int, int> rep;  // atom -> its first leaf
  std::vector<int> row_of(tree_, -1);
  std::map<Row, int> row_index;
  std::vector<int> row_count;
  absl::flat_hash_map<int, std::vector<int>> atom_leaves;
  std::vector<int> free_leaves;
  for (int l : leaves) {
    Row row;
    if (atom[l] < 0) {
      row = Difference(groups_of(l), {});
      free_leaves.push_back(l);
    } else {
      auto [it, first] = rep.emplace(atom[l], l);
      row = Difference(groups_of(l), groups_of(it->second));
      atom_leaves[atom[l]].push_back(l);
    }
    auto [it, added] =
        row_index.emplace(std::move(row), static_cast<int>(row_count.size()));
    if (added) row_count.push_back(0);
    ++row_count[it->second];
    row_of[l] = it->second;
  }
  // Left null space of the rows: combinations that sum to zero. A right-
  // hand side is consistent when every such combination of it is zero.
  const int rows = static_cast<int>(row_count.size());
  std::vector<std::vector<uint64_t>> m(rows, std::vector<uint64_t>(columns)),
      track(rows, std::vector<uint64_t>(rows, 0));
  for (const auto& [row, i] : row_index) {
    for (const auto& [c, v] : row) m[i][c] = FromInt(v);
    track[i][i] = 1;
  }
  int rank = 0;
  for (int c = 0; c < columns && rank < rows; ++c) {
    int pivot = -1;
    for (int r = rank; r < rows; ++r) {
      if (m[r][c] != 0) {
        pivot = r;
        break;
      }
    }
    if (pivot < 0) continue;
    std::swap(m[pivot], m[rank]);
    std::swap(track[pivot], track[rank]);
    const uint64_t inv = Inverse(m[rank][c]);
    for (int r = 0; r < rows; ++r) {
      if (r == rank || m[r][c] == 0) continue;
      const uint64_t f = Mul(m[r][c], inv);
      for (int k = 0; k < columns; ++k) {
        m[r][k] = Sub(m[r][k], Mul(f, m[rank][k]));
      }
      for (int k = 0; k < rows; ++k) {
        track[r][k] = Sub(track[r][k], Mul(f, track[rank][k]));
      }
    }
    ++rank;
  }
  // Whether p, given by its right-hand side on the unknown leaves that can
  // have a non-zero one, is a combination of the shown cells.
  auto derivable = [&](const std::vector<std::pair<int, int>>& leaf_rhs) {
    absl::flat_hash_map<int, std::pair<int, int>> rhs;  // row -> (value, k)
    for (const auto& [l, v] : leaf_rhs) {
      if (v == 0) continue;
      auto [it, added] = rhs.emplace(row_of[l], std::make_pair(v, 0));
      if (it->second.first != v) return false;
      ++it->second.second;
    }
    for (const auto& [r, vk] : rhs) {
      // Leaves of one row with different right-hand sides: no combination.
      if (vk.second != row_count[r]) return false;
    }
    for (int z = rank; z < rows; ++z) {
      uint64_t dot = 0;
      for (const auto& [r, vk] : rhs) {
        dot = Add(dot, Mul(track[z][r], FromInt(vk.first)));
      }
      if (dot != 0) return false;
    }
    return true;
  };
  for (int p = 0; p < cells_; ++p) {
    if (!t_.primary[p] || t_.n[p] == 0) continue;
    std::vector<std::pair<int, int>> leaf_rhs;
    if (p < tree_) {
      auto in_p = [&](int l) { return l >= p && l < end_[p]; };
      // Only the atom above p straddles it; atoms inside p or apart from it
      // give zero.
      const int a = atom[p];
      if (a < 0) {
        auto lo = std::lower_bound(free_leaves.begin(), free_leaves.end(), p);
        auto hi = std::lower_bound(lo, free_leaves.end(), end_[p]);
        for (auto it = lo; it != hi; ++it) leaf_rhs.push_back({*it, 1});
      } else {
        const std::vector<int>& in_atom = atom_leaves[a];
        const int r = rep.at(a);
        for (int l : in_atom) {
          leaf_rhs.push_back({l, int{in_p(l)} - int{in_p(r)}});
        }
      }
    } else {
      const int k = t_.group_grouping[p - tree_];
      auto in_p = [&](int l) { return t_.leaf_group[k][l] == p; };
      for (int l : leaves) {
        const int v = atom[l] < 0 ? int{in_p(l)}
                                  : int{in_p(l)} - int{in_p(rep.at(atom[l]))};
        leaf_rhs.push_back({l, v});
      }
    }
    if (derivable(leaf_rhs)) return p;
  }
  return -1;
}

}  // namespace

std::vector<bool> ComplementarySuppression(const SuppressionTable& table) {
  const Table t(table);
  std::vector<bool> withheld(t.cells(), false), secondary(t.cells(), false);
  for (int c = 0; c < t.cells(); ++c) {
    withheld[c] =
        table.primary[c] || (!table.withheld.empty() && table.withheld[c]);
  }
  t.Peel(withheld, secondary);
  if (t.cells() == t.tree()) return secondary;
  while (t.FirstDerivablePrimary(withheld) >= 0) {
    int pick = -1;
    for (int g = t.tree(); g < t.cells(); ++g) {
      if (withheld[g] || table.n[g] == 0) continue;
      if (pick < 0 || table.n[g] < table.n[pick]) pick = g;
    }
    if (pick < 0) break;  // cannot happen: a hierarchy alone is safe
    withheld[pick] = true;
    secondary[pick] = true;
    t.Peel(withheld, secondary);
  }
  return secondary;
}

}  // namespace fives
