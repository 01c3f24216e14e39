#!/usr/bin/env python3
"""Independent reference for the exact permutation p-values in trend_test.cc.

This script generated the expected p-values of PermutationPValue in
tests/trend_test.cc (the fractions in the comments and the doubles in the
EXPECT_NEAR checks).  Run it from the repository root as

    python3 tests/tools/permutation_reference.py

It uses only the Python 3 standard library and shares no code or method with
lib/trend.cc: where the library counts splits from the histograms by dynamic
programming over sums, this script writes out the pooled list of scores and
enumerates every one of the C(n1 + n2, n2) ways to choose which positions of
the pooled list form the "after" group (itertools.combinations), so tied
scores in different positions count as different splits.  Each split's
difference in means, mean(after) - mean(before), is computed with
fractions.Fraction, and the p-value is the exact fraction of splits whose
absolute difference is at least the observed one (two-sided).  When either
group is empty the p-value is 1 by definition (nothing to compare).

Each printed line gives: the case name, the two samples, the p-value as
extreme splits / all splits, as a reduced fraction and as repr(float(p)).
"""

import itertools
from fractions import Fraction
from math import comb

# (name, before, after)
CASES = [
    ("separation_5v5_ones_fives", [1, 1, 1, 1, 1], [5, 5, 5, 5, 5]),
    ("separation_5v5_mixed", [1, 1, 2, 2, 2], [4, 4, 5, 5, 5]),
    ("separation_5v5_declined", [4, 4, 5, 5, 5], [1, 1, 2, 2, 2]),
    ("identical_3", [2, 3, 4], [2, 3, 4]),
    ("identical_all_threes", [3, 3, 3, 3, 3, 3], [3, 3, 3, 3, 3, 3]),
    ("shift_n4", [2, 3, 3, 4], [3, 4, 4, 5]),
    ("shift_n5", [2, 3, 3, 4, 4], [3, 4, 4, 5, 5]),
    ("shift_n6", [1, 2, 3, 3, 4, 4], [2, 3, 4, 4, 5, 5]),
    ("shift_n7", [2, 2, 3, 3, 3, 4, 4], [3, 3, 4, 4, 4, 5, 5]),
    ("shift_n8", [1, 2, 2, 3, 3, 4, 4, 4], [2, 3, 3, 4, 4, 5, 5, 5]),
    ("ties_heavy_a", [3, 3, 3, 3, 4], [3, 3, 4, 4, 4]),
    ("ties_heavy_b", [2, 2, 2, 2, 2, 2], [2, 2, 2, 2, 2, 3]),
    ("ties_heavy_c", [3, 3, 3, 3, 3, 4, 4, 4], [4, 4, 4, 4, 4, 4, 3, 3]),
    ("unequal_4v7", [2, 2, 3, 3], [3, 3, 4, 4, 4, 5, 5]),
    ("unequal_7v4", [3, 3, 4, 4, 4, 5, 5], [2, 2, 3, 3]),
    ("one_v_one_different", [2], [4]),
    ("one_v_one_same", [3], [3]),
    ("one_v_four", [1], [4, 4, 5, 5]),
    ("empty_before", [], [3, 4, 5]),
    ("empty_after", [1, 2], []),
    ("separation_4v4", [1, 1, 2, 2], [4, 4, 5, 5]),
    ("confidential_4v4", [2, 2, 3, 3], [3, 4, 4, 5]),
    ("large_10v10", [1, 2, 2, 3, 3, 3, 3, 4, 4, 5], [2, 3, 3, 4, 4, 4, 4, 5, 5, 5]),
]


def p_value(before, after):
    n1, n2 = len(before), len(after)
    if n1 == 0 or n2 == 0:
        return 1, 1
    pooled = before + after
    total = sum(pooled)

    def diff(after_sum):
        return Fraction(after_sum, n2) - Fraction(total - after_sum, n1)

    observed = abs(diff(sum(after)))
    extreme = 0
    splits = 0
    for idx in itertools.combinations(range(n1 + n2), n2):
        splits += 1
        s = sum(pooled[i] for i in idx)
        if abs(diff(s)) >= observed:
            extreme += 1
    assert splits == comb(n1 + n2, n2)
    return extreme, splits


def main():
    for name, before, after in CASES:
        extreme, splits = p_value(before, after)
        p = Fraction(extreme, splits)
        print(f"{name}: before={before} after={after} "
              f"p={extreme}/{splits} = {p.numerator}/{p.denominator} "
              f"= {float(p)!r}")


if __name__ == "__main__":
    main()
