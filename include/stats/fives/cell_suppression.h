/// @file
/// Complementary cell suppression for a table of sums: which shown cells to
/// withhold as well, so that no withheld cell follows from the shown ones by
/// adding and subtracting (what statistical agencies call secondary
/// suppression, as tau-argus and GaussSuppression do).
///
/// The table: cells are sums of the values of leaves (teams). The tree
/// cells are the units of a hierarchy (each the sum of its children); group
/// cells partition the leaves once per grouping (region, kind), each group
/// the sum of its leaves. A cell with n = 0 holds nothing and is known to be
/// zero. A primary cell is withheld for itself (too few people); the result
/// says which other cells must be withheld too.
///
/// The method, exact in rational arithmetic (computed modulo 2^61 - 1):
///  1. In the hierarchy and each grouping's equation (root = sum of its
///     groups), no equation may have exactly one withheld non-empty term:
///     then that term is its total minus the others. Such an equation gets
///     its smallest shown term withheld too (children before the total,
///     then the lower index), and so on until none is left. For a hierarchy
///     alone this is exact: a withheld cell follows from the shown ones only
///     through such an equation.
///  2. With groupings, equations can combine across the tree and the
///     groups. Every primary cell is then checked exactly: whether its
///     leaves' indicator vector lies in the span of the shown cells'. While
///     one does, the smallest shown group is withheld and step 1 runs
///     again; with every group withheld the table is a hierarchy again, so
///     this ends.
/// Cost: step 1 is linear in the cells; step 2 grows with the withheld
/// leaves times the number of distinct group memberships. Sources and a
/// worked example: docs/measures.md.
#ifndef FIVES_CELL_SUPPRESSION_H_
#define FIVES_CELL_SUPPRESSION_H_

#include <cstdint>
#include <vector>

namespace fives {

/// The shape of a table.
struct SuppressionLayout {
  /// Tree cells 0..T-1 depth first, so each subtree is a range of indices
  /// (parent[0] = -1, the root).
  std::vector<int> parent;
  /// Group cells T..T+G-1: the grouping each belongs to (0-based), in order
  /// of grouping; and per grouping, each tree leaf's group cell (the index
  /// T + g), -1 for tree cells that are not leaves.
  std::vector<int> group_grouping;
  std::vector<std::vector<int>> leaf_group;
};

/// Complementary suppression on one layout, for any number of tables of that
/// shape. Thread safety: const methods may run concurrently.
class Suppressor {
 public:
  explicit Suppressor(SuppressionLayout layout);

  /// Per cell: true for a cell that must be withheld to protect another
  /// (never a primary or an empty cell). `n` is the number of values each
  /// cell sums (0: empty), `primary` the cells withheld for themselves, and
  /// `withheld` (empty, or one per cell) cells already withheld for another
  /// reason, which need no protection of their own. Deterministic.
  std::vector<bool> Secondary(const std::vector<int64_t>& n,
                              const std::vector<bool>& primary,
                              const std::vector<bool>& withheld = {}) const;

  int cells() const { return cells_; }
  const SuppressionLayout& layout() const { return layout_; }

 private:
  void Peel(const std::vector<int64_t>& n, std::vector<bool>& withheld,
            std::vector<bool>& secondary) const;
  int FirstDerivablePrimary(const std::vector<int64_t>& n,
                            const std::vector<bool>& primary,
                            const std::vector<bool>& withheld) const;

  SuppressionLayout layout_;
  int tree_ = 0;
  int cells_ = 0;
  /// Compressed lists: children of tree cells, terms of each equation (the
  /// total first), equations of each cell.
  std::vector<int> child_start_, children_;
  std::vector<int> end_;
  std::vector<int> term_start_, terms_;
  std::vector<int> of_start_, equations_of_;
};

/// One table: its layout, sizes and primary cells.
struct SuppressionTable : SuppressionLayout {
  std::vector<int64_t> n;
  std::vector<bool> primary;
  std::vector<bool> withheld;
};

/// Suppressor(table).Secondary(table.n, table.primary, table.withheld).
std::vector<bool> ComplementarySuppression(const SuppressionTable& table);

}  // namespace fives

#endif  // FIVES_CELL_SUPPRESSION_H_
