#!/usr/bin/env python3
"""Independent reference for the exact permutation p-values in trend_test.cc.

This script generated the expected p-values of PermutationPValue in
tests/trend_test.cc (the fractions in the comments and the doubles in the
EXPECT_NEAR checks).  Run it from the repository root as

    python3 tests/tools/permutation_reference.py

It uses only the Python 3 standard library and shares no code or method with
lib/round/trend.cc: where the library counts splits from the histograms by dynamic
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

Larger samples (pooled n of about 400 to 20,000), given as histograms, are
too many to enumerate split by split.  For those (LARGE_CASES) the script
counts the splits exactly, with Python integers, by the textbook dynamic
programme over the five scores: a table of the number of ways to take j of
the scores seen so far into the "after" group with sum s, extended one score
at a time by the binomial coefficients C(c, k), the most frequent score
last (its count k in the "after" group is then n2 - j).  A split is as
extreme when |s * n - total * n2| >= |s_obs * n - total * n2|, the
comparison of |mean(after) - mean(before)| in integers.  This shares no
code with lib/round/trend.cc and counts another way: the library follows the
smaller group, enumerates the three least spread scores, sums the other two
through cumulative tables and works in floating point.
Each line gives the p-value as repr(float(p)) of the exact fraction (the
fraction itself has hundreds of digits) and checks that the splits counted
add up to C(n, n2).  These cases take a minute or two.

For 100,000 + 100,000 scores (HUGE_CASES) no exact count is practical; the
script prints the normal approximation with the exact permutation mean and
variance of the after-group sum and a continuity correction, close to the
exact value at that size (the test allows it 10%).
"""

import itertools
import math
import sys
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


# Histograms (counts of the scores 1..5): (name, before, after).
LARGE_CASES = [
    # 200 + 201 scores, refused before the exact test had no limit.
    ("uniform_200v201", (40, 40, 40, 40, 40), (41, 40, 40, 40, 40)),
    ("shifted_200v201", (40, 40, 40, 40, 40), (30, 35, 40, 50, 46)),
    # About 500: every score common, a small shift.
    ("uniform_250v250", (50, 50, 50, 50, 50), (44, 47, 50, 54, 55)),
    # About 1,000, most scores 3-5 (an organisation), unequal groups.
    ("org_600v400", (9, 24, 90, 252, 225), (4, 14, 54, 170, 158)),
    # About 2,000 and 3,000, few low scores, a decline and an improvement.
    ("org_1000v1000", (5, 15, 50, 500, 430), (6, 17, 55, 520, 402)),
    ("org_1500v1500", (4, 12, 30, 750, 704), (3, 10, 28, 720, 739)),
    # 20,000 scores of which few are 1 or 2, and of 1s and 3s with a few 2s
    # (the sum's lattice is then nearly one of even steps).
    ("rare_10000v10000", (3, 6, 0, 5000, 4991), (1, 9, 0, 4950, 5040)),
    ("gap_10000v10000", (5000, 7, 4993, 0, 0), (4930, 12, 5058, 0, 0)),
]

HUGE_CASES = [
    ("huge_100000v100000", (10000, 20000, 30000, 25000, 15000),
     (9800, 19900, 30000, 25200, 15100)),
]


def p_value_dp(before, after):
    """Exact (extreme, all) splits by dynamic programming over the scores."""
    n1, n2 = sum(before), sum(after)
    n = n1 + n2
    if n1 == 0 or n2 == 0:
        return 1, 1
    pooled = [b + a for b, a in zip(before, after)]
    total = sum((i + 1) * c for i, c in enumerate(pooled))
    observed = sum((i + 1) * c for i, c in enumerate(after))
    bound = abs(observed * n - total * n2)
    # Scores by count, the most frequent last.
    order = sorted(range(5), key=lambda i: pooled[i])
    ways = {(0, 0): 1}
    for i in order[:-1]:
        score, count = i + 1, pooled[i]
        row = [1] * (count + 1)
        for k in range(count):
            row[k + 1] = row[k] * (count - k) // (k + 1)
        grown = {}
        for (j, s), w in ways.items():
            for k in range(min(count, n2 - j) + 1):
                key = (j + k, s + score * k)
                grown[key] = grown.get(key, 0) + w * row[k]
        ways = grown
    last = order[-1]
    score, count = last + 1, pooled[last]
    extreme = splits = 0
    row = {}
    for (j, s), w in ways.items():
        k = n2 - j
        if k < 0 or k > count:
            continue
        if k not in row:
            row[k] = comb(count, k)
        w *= row[k]
        splits += w
        if abs((s + score * k) * n - total * n2) >= bound:
            extreme += w
    assert splits == comb(n, n2)
    return extreme, splits


def normal_approximation(before, after):
    """Two-sided normal approximation of the permutation p-value."""
    n1, n2 = sum(before), sum(after)
    n = n1 + n2
    pooled = [b + a for b, a in zip(before, after)]
    total = sum((i + 1) * c for i, c in enumerate(pooled))
    squares = sum((i + 1) ** 2 * c for i, c in enumerate(pooled))
    observed = sum((i + 1) * c for i, c in enumerate(after))
    mean = Fraction(total * n2, n)
    # Variance of the sum of n2 draws without replacement.
    variance = Fraction(n2 * n1, n - 1) * (Fraction(squares, n) -
                                          Fraction(total, n) ** 2)
    distance = abs(observed - mean) - Fraction(1, 2)
    z = float(distance) / math.sqrt(float(variance))
    return math.erfc(z / math.sqrt(2))


def main():
    for name, before, after in CASES:
        extreme, splits = p_value(before, after)
        p = Fraction(extreme, splits)
        print(f"{name}: before={before} after={after} "
              f"p={extreme}/{splits} = {p.numerator}/{p.denominator} "
              f"= {float(p)!r}")
    for name, before, after in LARGE_CASES:
        extreme, splits = p_value_dp(before, after)
        print(f"{name}: before={before} after={after} "
              f"p = {float(Fraction(extreme, splits))!r} "
              f"(of C({sum(before) + sum(after)}, {sum(after)}) splits)")
        sys.stdout.flush()
    for name, before, after in HUGE_CASES:
        print(f"{name}: before={before} after={after} "
              f"normal approximation p ~ "
              f"{normal_approximation(before, after)!r}")


if __name__ == "__main__":
    main()
