#include "fives/cell_suppression.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <utility>

#include "hash_table.h"

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

}  // namespace

Suppressor::Suppressor(SuppressionLayout layout) : layout_(std::move(layout)) {
  tree_ = static_cast<int>(layout_.parent.size());
  cells_ = tree_ + static_cast<int>(layout_.group_grouping.size());
  // Children, compressed: counts, then positions.
  child_start_.assign(tree_ + 1, 0);
  for (int c = 1; c < tree_; ++c) ++child_start_[layout_.parent[c] + 1];
  for (int c = 0; c < tree_; ++c) child_start_[c + 1] += child_start_[c];
  children_.resize(tree_ > 0 ? tree_ - 1 : 0);
  std::vector<int> fill(child_start_.begin(), child_start_.end() - 1);
  for (int c = 1; c < tree_; ++c) children_[fill[layout_.parent[c]]++] = c;
  end_.assign(tree_, 0);
  for (int c = tree_ - 1; c >= 0; --c) {
    end_[c] = child_start_[c] == child_start_[c + 1]
                  ? c + 1
                  : end_[children_[child_start_[c + 1] - 1]];
  }
  // Equations: each internal tree cell with its children; each grouping,
  // the root with its groups.
  term_start_ = {0};
  for (int c = 0; c < tree_; ++c) {
    if (child_start_[c] == child_start_[c + 1]) continue;
    terms_.push_back(c);
    terms_.insert(terms_.end(), children_.begin() + child_start_[c],
                  children_.begin() + child_start_[c + 1]);
    term_start_.push_back(static_cast<int>(terms_.size()));
  }
  const int groupings = static_cast<int>(layout_.leaf_group.size());
  for (int k = 0; k < groupings; ++k) {
    const size_t before = terms_.size();
    terms_.push_back(0);
    for (int g = tree_; g < cells_; ++g) {
      if (layout_.group_grouping[g - tree_] == k) terms_.push_back(g);
    }
    if (terms_.size() == before + 1) {
      terms_.pop_back();
      continue;
    }
    term_start_.push_back(static_cast<int>(terms_.size()));
  }
  const int equations = static_cast<int>(term_start_.size()) - 1;
  of_start_.assign(cells_ + 1, 0);
  for (int c : terms_) ++of_start_[c + 1];
  for (int c = 0; c < cells_; ++c) of_start_[c + 1] += of_start_[c];
  equations_of_.resize(terms_.size());
  std::vector<int> at(of_start_.begin(), of_start_.end() - 1);
  for (int e = 0; e < equations; ++e) {
    for (int i = term_start_[e]; i < term_start_[e + 1]; ++i) {
      equations_of_[at[terms_[i]]++] = e;
    }
  }
}

// Step 1: until no equation has exactly one unknown (withheld, non-empty)
// term.
void Suppressor::Peel(const std::vector<int64_t>& n,
                      std::vector<bool>& withheld,
                      std::vector<bool>& secondary) const {
  const int equations = static_cast<int>(term_start_.size()) - 1;
  auto unknown_term = [&](int c) { return withheld[c] && n[c] > 0; };
  std::vector<int> unknown(equations, 0);
  std::vector<int> work;
  for (int e = 0; e < equations; ++e) {
    for (int i = term_start_[e]; i < term_start_[e + 1]; ++i) {
      unknown[e] += unknown_term(terms_[i]);
    }
    if (unknown[e] == 1) work.push_back(e);
  }
  while (!work.empty()) {
    const int e = work.back();
    work.pop_back();
    if (unknown[e] != 1) continue;
    int pick = -1;
    // The smallest shown non-empty term, children before the total.
    for (int i = term_start_[e] + 1; i < term_start_[e + 1]; ++i) {
      const int c = terms_[i];
      if (withheld[c] || n[c] == 0) continue;
      if (pick < 0 || n[c] < n[pick]) pick = c;
    }
    const int total = terms_[term_start_[e]];
    if (pick < 0 && !withheld[total] && n[total] > 0) pick = total;
    if (pick < 0) continue;  // the unknown term is empty: nothing to hide
    withheld[pick] = true;
    secondary[pick] = true;
    for (int i = of_start_[pick]; i < of_start_[pick + 1]; ++i) {
      const int f = equations_of_[i];
      if (++unknown[f] == 1) work.push_back(f);
    }
  }
}

namespace {

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

}  // namespace

// The audit, exact: with the shown leaves known, each unknown leaf l
// satisfies p_l = kappa[atom(l)] + sum_j mu_j [l in shown group j] for a
// combination of the shown cells to give p, where atom(l) is the lowest
// shown tree cell above l (kappa = 0 for a leaf with none: the shown tree
// cells span exactly the indicators of their atoms). Subtracting the
// equation of each atom's first leaf removes kappa; what is left is a small
// system in mu over the distinct rows.
int Suppressor::FirstDerivablePrimary(const std::vector<int64_t>& n,
                                      const std::vector<bool>& primary,
                                      const std::vector<bool>& withheld) const {
  const SuppressionLayout& t_ = layout_;
  auto Unknown = [&](const std::vector<bool>& w, int c) {
    return w[c] && n[c] > 0;
  };
  const int groupings = static_cast<int>(t_.leaf_group.size());
  std::vector<int> column(cells_, -1);
  int columns = 0;
  for (int g = tree_; g < cells_; ++g) {
    if (!withheld[g] && n[g] > 0) column[g] = columns++;
  }
  // Unknown leaves in tree order, their atom and shown groups.
  std::vector<int> atom(tree_, -1);
  for (int c = 1; c < tree_; ++c) {
    const int p = t_.parent[c];
    atom[c] = (!withheld[p] && n[p] > 0) ? p : atom[p];
  }
  std::vector<int> leaves;
  for (int c = 0; c < tree_; ++c) {
    if (child_start_[c] == child_start_[c + 1] && Unknown(withheld, c)) {
      leaves.push_back(c);
    }
  }
  auto groups_of = [&](int leaf) {
    std::vector<int> g;
    for (int k = 0; k < groupings; ++k) {
      const int cell = t_.leaf_group[k][leaf];
      if (cell >= 0 && column[cell] >= 0) g.push_back(column[cell]);
    }
    return g;
  };
  internal::HashMap<int, int> rep;  // atom -> its first leaf
  std::vector<int> row_of(tree_, -1);
  std::map<Row, int> row_index;
  std::vector<int> row_count;
  internal::HashMap<int, std::vector<int>> atom_leaves;
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
    internal::HashMap<int, std::pair<int, int>> rhs;  // row -> (value, k)
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
    if (!primary[p] || n[p] == 0) continue;
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

std::vector<bool> Suppressor::Secondary(
    const std::vector<int64_t>& n, const std::vector<bool>& primary,
    const std::vector<bool>& already) const {
  std::vector<bool> withheld(cells_, false), secondary(cells_, false);
  bool any_primary = false;
  for (int c = 0; c < cells_; ++c) {
    any_primary = any_primary || (primary[c] && n[c] > 0);
    withheld[c] = primary[c] || (!already.empty() && already[c]);
  }
  // Nothing to protect: cells withheld for other reasons need none.
  if (!any_primary) return secondary;
  Peel(n, withheld, secondary);
  if (cells_ == tree_) return secondary;
  while (FirstDerivablePrimary(n, primary, withheld) >= 0) {
    int pick = -1;
    for (int g = tree_; g < cells_; ++g) {
      if (withheld[g] || n[g] == 0) continue;
      if (pick < 0 || n[g] < n[pick]) pick = g;
    }
    if (pick < 0) break;  // cannot happen: a hierarchy alone is safe
    withheld[pick] = true;
    secondary[pick] = true;
    Peel(n, withheld, secondary);
  }
  return secondary;
}

std::vector<bool> ComplementarySuppression(const SuppressionTable& table) {
  return Suppressor(table).Secondary(table.n, table.primary, table.withheld);
}

}  // namespace fives
