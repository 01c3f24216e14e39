// Complementary suppression: worked cases, and random tables checked by an
// independent audit (Gaussian elimination over the leaves, modulo another
// prime than the library's) that no withheld cell follows from the shown
// ones.
#include "fives/cell_suppression.h"

#include <cstdint>
#include <random>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "span_audit.h"

namespace fives {
namespace {

// Each cell's leaves as a 0/1 vector over the tree leaves.
std::vector<std::vector<int64_t>> LeafVectors(const SuppressionTable& t) {
  const int tree = static_cast<int>(t.parent.size());
  const int cells = static_cast<int>(t.n.size());
  std::vector<std::vector<int>> children(tree);
  for (int c = 1; c < tree; ++c) children[t.parent[c]].push_back(c);
  std::vector<std::vector<int64_t>> v(cells, std::vector<int64_t>(tree, 0));
  for (int leaf = 0; leaf < tree; ++leaf) {
    if (!children[leaf].empty()) continue;
    for (int c = leaf; c >= 0; c = t.parent[c]) v[c][leaf] = 1;
    for (const std::vector<int>& groups : t.leaf_group) {
      if (groups[leaf] >= 0) v[groups[leaf]][leaf] = 1;
    }
  }
  return v;
}

// What a reader of the shown cells can work out exactly: the cells whose
// vector lies in the span of the shown cells' vectors.
std::vector<bool> Derivable(const SuppressionTable& t,
                            const std::vector<bool>& withheld) {
  std::vector<bool> shown(t.n.size());
  for (size_t c = 0; c < t.n.size(); ++c) shown[c] = !withheld[c] && t.n[c] > 0;
  return span_audit::Derivable(LeafVectors(t), shown);
}

// A table from a tree (parent per cell, depth first) with leaf sizes; cells
// below `min_size` are primary.
SuppressionTable MakeTable(std::vector<int> parent, std::vector<int64_t> leaf_n,
                           std::vector<std::vector<int>> leaf_group_values,
                           std::vector<int> group_counts, int64_t min_size) {
  SuppressionTable t;
  t.parent = std::move(parent);
  const int tree = static_cast<int>(t.parent.size());
  int cells = tree;
  for (size_t k = 0; k < group_counts.size(); ++k) {
    for (int g = 0; g < group_counts[k]; ++g) {
      t.group_grouping.push_back(static_cast<int>(k));
    }
  }
  std::vector<int> first;
  for (int count : group_counts) {
    first.push_back(cells);
    cells += count;
  }
  t.n.assign(cells, 0);
  for (int c = tree - 1; c >= 0; --c) {
    t.n[c] += leaf_n[c];
    if (c > 0) t.n[t.parent[c]] += t.n[c];
  }
  for (size_t k = 0; k < group_counts.size(); ++k) {
    std::vector<int> lg(tree, -1);
    for (int c = 0; c < tree; ++c) {
      if (leaf_group_values[k][c] >= 0) {
        lg[c] = first[k] + leaf_group_values[k][c];
        t.n[lg[c]] += leaf_n[c];
      }
    }
    t.leaf_group.push_back(lg);
  }
  t.primary.assign(cells, false);
  for (int c = 0; c < cells; ++c)
    t.primary[c] = t.n[c] > 0 && t.n[c] < min_size;
  return t;
}

std::vector<int> Indices(const std::vector<bool>& v) {
  std::vector<int> out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i]) out.push_back(static_cast<int>(i));
  }
  return out;
}

// P(0) = A(1) + B(2) + C(3); A has 3 people: B, the smallest other child,
// goes too (A = P - B - C otherwise).
TEST(CellSuppressionTest, SmallestSiblingProtectsAHiddenChild) {
  SuppressionTable t =
      MakeTable({-1, 0, 0, 0}, {0, 3, 10, 20}, {}, {}, /*min_size=*/5);
  EXPECT_THAT(Indices(ComplementarySuppression(t)), ::testing::ElementsAre(2));
}

// R(0) = D1(1) + D2(4); D1 = A(2) + B(3); D2 = C(5) + E(6). A is small: B
// goes with it; the root's equation then has D1 and D2 both shown: fine.
TEST(CellSuppressionTest, NestedHierarchyNeedsOneSibling) {
  SuppressionTable t =
      MakeTable({-1, 0, 1, 1, 0, 4, 4}, {0, 0, 3, 8, 0, 12, 18}, {}, {}, 5);
  EXPECT_THAT(Indices(ComplementarySuppression(t)), ::testing::ElementsAre(3));
}

// D1(1) has one child A(2) of 4 people, so D1 is as small as A; the root's
// equation R = D1 + D2 then needs D2(3) withheld, and D2 = C(4) + E(5)
// needs its smaller child C.
TEST(CellSuppressionTest, OnlyChildPassesTheProtectionUp) {
  SuppressionTable t =
      MakeTable({-1, 0, 1, 0, 3, 3}, {0, 0, 4, 0, 9, 11}, {}, {}, 5);
  EXPECT_THAT(Indices(ComplementarySuppression(t)),
              ::testing::ElementsAre(3, 4));
}

// R(0) = D1(1){A(2), B(3)} + D2(4){C(5), E(6)}; regions North(7) = {A, C}
// and South(8) = {B, E}. A is small. The tree alone needs B withheld, but
// North - C still gives A, so the smallest group (North) goes, and then
// South (R - South would give North).
TEST(CellSuppressionTest, GroupingAcrossTheTreeIsCaught) {
  SuppressionTable t =
      MakeTable({-1, 0, 1, 1, 0, 4, 4}, {0, 0, 3, 10, 0, 10, 10},
                {{-1, -1, 0, 1, -1, 0, 1}}, {2}, 5);
  const std::vector<bool> secondary = ComplementarySuppression(t);
  EXPECT_THAT(Indices(secondary), ::testing::ElementsAre(3, 7, 8));
  std::vector<bool> withheld = secondary;
  withheld[2] = true;
  EXPECT_FALSE(Derivable(t, withheld)[2]);
}

// An empty cell holds nothing to protect and is never picked.
TEST(CellSuppressionTest, EmptyCellsAreNeitherProtectedNorPicked) {
  SuppressionTable t = MakeTable({-1, 0, 0, 0}, {0, 3, 0, 20}, {}, {}, 5);
  // P = A + 0 + C: A small, the empty B cannot hide it, so C goes.
  EXPECT_THAT(Indices(ComplementarySuppression(t)), ::testing::ElementsAre(3));
}

TEST(CellSuppressionTest, NothingSmallNothingWithheld) {
  SuppressionTable t =
      MakeTable({-1, 0, 1, 1, 0, 4, 4}, {0, 0, 6, 8, 0, 12, 18},
                {{-1, -1, 0, 1, -1, 0, 1}}, {2}, 5);
  EXPECT_THAT(Indices(ComplementarySuppression(t)), ::testing::IsEmpty());
}

// Random trees of 1-4 levels with 0-2 groupings, sizes 0-12 per team: no
// primary cell may be derivable from the shown cells, and the decision is
// the same every time.
TEST(CellSuppressionTest, RandomTablesLeaveNoWithheldCellDerivable) {
  std::mt19937 random(20261201);
  int tables_with_secondary = 0;
  for (int trial = 0; trial < 300; ++trial) {
    std::vector<int> parent = {-1};
    std::vector<int> depth = {0};
    const int max_depth = 1 + static_cast<int>(random() % 4);
    const int units = 4 + static_cast<int>(random() % 30);
    // Depth first: each new unit hangs below the last unit on the current
    // path, or one of its ancestors.
    std::vector<int> path = {0};
    for (int u = 1; u < units; ++u) {
      while (path.size() > 1 && random() % 3 == 0) path.pop_back();
      if (static_cast<int>(path.size()) > max_depth) path.pop_back();
      parent.push_back(path.back());
      depth.push_back(static_cast<int>(path.size()));
      path.push_back(u);
    }
    const int tree = static_cast<int>(parent.size());
    std::vector<bool> has_child(tree, false);
    for (int c = 1; c < tree; ++c) has_child[parent[c]] = true;
    std::vector<int64_t> leaf_n(tree, 0);
    for (int c = 0; c < tree; ++c) {
      if (!has_child[c]) leaf_n[c] = random() % 13;
    }
    const int groupings = static_cast<int>(random() % 3);
    std::vector<int> counts;
    std::vector<std::vector<int>> values;
    for (int k = 0; k < groupings; ++k) {
      counts.push_back(2 + static_cast<int>(random() % 3));
      std::vector<int> v(tree, -1);
      for (int c = 0; c < tree; ++c) {
        if (!has_child[c]) v[c] = static_cast<int>(random() % counts.back());
      }
      values.push_back(v);
    }
    const SuppressionTable t = MakeTable(parent, leaf_n, values, counts, 5);
    const std::vector<bool> secondary = ComplementarySuppression(t);
    ASSERT_EQ(secondary, ComplementarySuppression(t));
    std::vector<bool> withheld(t.n.size());
    for (size_t c = 0; c < t.n.size(); ++c) {
      ASSERT_FALSE(secondary[c] && (t.primary[c] || t.n[c] == 0))
          << "trial " << trial << " cell " << c;
      withheld[c] = secondary[c] || t.primary[c];
    }
    const std::vector<bool> derivable = Derivable(t, withheld);
    for (size_t c = 0; c < t.n.size(); ++c) {
      if (t.primary[c]) {
        EXPECT_FALSE(derivable[c]) << "trial " << trial << " cell " << c;
      }
    }
    tables_with_secondary += !Indices(secondary).empty();
  }
  // The random tables do exercise the protection.
  EXPECT_GT(tables_with_secondary, 100);
}

}  // namespace
}  // namespace fives
