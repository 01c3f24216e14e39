#!/usr/bin/env python3
"""Independent reference for the per-group agreement statistics of 1..5 scores.

This script is the independent reference used to generate
tests/testdata/stats_reference.tsv.  Run it from the repository root as

    python3 tests/tools/stats_reference.py > tests/testdata/stats_reference.tsv

It follows the specification in design/statistics.md (shared design notes) and
uses only the Python 3 standard library.  Everything is computed with exact
`fractions.Fraction` arithmetic; the two irrational measures (sd and consensus)
use `decimal` with 50 significant digits and are rounded to float only when
printed.  Centre, spread and deviation measures are computed from the expanded
list of scores (not from histogram formulas), so they check the C++ histogram
code independently; van der Eijk's agreement works on the histogram by
definition.

Each row is one case, given as a histogram c1..c5 (counts of scores 1..5).
Numbers are printed as repr(float(x)) (round-trip, 17 significant digits), so
a reader can compare with a tolerance of 1e-9; undefined values are `NA`.

The script asserts, every time it runs, that the worked examples table of
statistics.md is reproduced to 6 decimals.  The output is deterministic
(fixed random seed).
"""

import decimal
import itertools
import random
import sys
from fractions import Fraction

K = 5                      # categories, scores 1..5
D = K - 1                  # d = 4, the scale's range
SIGMA_EU2 = Fraction(K * K - 1, 12)   # expected variance of the uniform null = 2
RWG_SHARED = Fraction(7, 10)          # label threshold "shared"
SEED = 20240607

DEC = decimal.Context(prec=50)


# ---------------------------------------------------------------- measures

def expand(hist):
    """The sorted list of scores that a histogram c1..c5 stands for."""
    return [score for score, count in zip(range(1, K + 1), hist) for _ in range(count)]


def median_of(xs):
    xs = sorted(xs)
    n = len(xs)
    if n % 2:
        return Fraction(xs[n // 2])
    return Fraction(xs[n // 2 - 1] + xs[n // 2], 2)


def dec_sqrt(q):
    return DEC.sqrt(DEC.divide(decimal.Decimal(q.numerator), decimal.Decimal(q.denominator)))


def dec_log2(q):
    """log2 of a positive Fraction; exact for powers of two (so log2(1/2) is exactly -1)."""
    num, den = q.numerator, q.denominator
    exp2 = 0
    while num % 2 == 0:
        num //= 2
        exp2 += 1
    while den % 2 == 0:
        den //= 2
        exp2 -= 1
    ln2 = DEC.ln(decimal.Decimal(2))
    rest = DEC.subtract(DEC.ln(decimal.Decimal(num)), DEC.ln(decimal.Decimal(den)))
    return DEC.add(decimal.Decimal(exp2), DEC.divide(rest, ln2))


def consensus_of(hist, mean):
    """Tastle & Wierman (2007): 1 + sum_i p_i log2(1 - |i - mean| / d), i over p_i > 0."""
    n = sum(hist)
    total = decimal.Decimal(0)
    for i, count in zip(range(1, K + 1), hist):
        if count == 0:          # 0 log 0 is skipped
            continue
        p = Fraction(count, n)
        arg = 1 - abs(i - mean) / D
        term = DEC.multiply(DEC.divide(decimal.Decimal(p.numerator), decimal.Decimal(p.denominator)),
                            dec_log2(arg))
        total = DEC.add(total, term)
    return DEC.add(decimal.Decimal(1), total)


def layer_agreement(pattern):
    """van der Eijk's A for one 0/1 layer pattern over the K categories."""
    s = sum(pattern)
    if s == 1:
        return Fraction(1)
    tu = tdu = 0
    for i, j, k in itertools.combinations(range(K), 3):
        triple = (pattern[i], pattern[j], pattern[k])
        if triple == (1, 0, 1):
            tdu += 1
        elif triple in ((1, 1, 0), (0, 1, 1)):
            tu += 1
    if tu + tdu == 0:
        return Fraction(0)
    u = Fraction((K - 2) * tu - (K - 1) * tdu, (K - 2) * (tu + tdu))
    return u * (1 - Fraction(s - 1, K - 1))


def agreement_of(hist):
    """van der Eijk (2001) A: layers weighted by layer size / n."""
    n = sum(hist)
    rest = list(hist)
    total = Fraction(0)
    while any(rest):
        step = min(c for c in rest if c > 0)
        pattern = [1 if c > 0 else 0 for c in rest]
        size = step * sum(pattern)
        total += layer_agreement(pattern) * Fraction(size, n)
        rest = [c - step if c > 0 else 0 for c in rest]
    return total


def measures(hist):
    """All measures of one histogram; None stands for undefined."""
    xs = expand(hist)
    n = len(xs)
    assert n >= 1
    mean = Fraction(sum(xs), n)
    median = median_of(xs)
    m = {
        "n": n, "mean": mean, "median": median, "min": min(xs), "max": max(xs),
        "consensus": consensus_of(hist, mean), "agreement": agreement_of(hist),
    }
    if n >= 2:
        var = sum((x - mean) ** 2 for x in xs) / (n - 1)
        m["var"] = var
        m["sd"] = dec_sqrt(var)
        m["rwg_raw"] = 1 - var / SIGMA_EU2
        m["rwg"] = 1 - min(var, SIGMA_EU2) / SIGMA_EU2
        m["ad_mean"] = sum(abs(x - mean) for x in xs) / n
        m["ad_median"] = sum(abs(x - median) for x in xs) / n
    else:
        for key in ("var", "sd", "rwg_raw", "rwg", "ad_mean", "ad_median"):
            m[key] = None
    # Two camps: at least two members and a quarter of the team on each
    # side of 3 (1-2 and 4-5), with fewer in the middle than in either camp.
    low = sum(1 for x in xs if x <= 2)
    high = sum(1 for x in xs if x >= 4)
    middle = n - low - high
    two_camps = (low >= 2 and high >= 2 and 4 * low >= n and 4 * high >= n
                 and middle < min(low, high))
    if n < 2:
        m["label"] = "single"
    elif m["agreement"] < 0 or two_camps:
        m["label"] = "split"
    elif m["rwg"] >= RWG_SHARED:
        m["label"] = "shared"
    else:
        m["label"] = "mixed"
    sanity(m)
    return m


def sanity(m):
    assert 1 <= m["min"] <= m["mean"] <= m["max"] <= K
    assert m["min"] <= m["median"] <= m["max"]
    assert decimal.Decimal(0) <= m["consensus"] <= decimal.Decimal(1), m
    assert -1 <= m["agreement"] <= 1, m
    if m["n"] >= 2:
        assert 0 <= m["rwg"] <= 1 and m["rwg_raw"] <= m["rwg"]
        assert 0 <= m["ad_mean"] <= 2 and 0 <= m["ad_median"] <= 2
        assert m["ad_median"] <= m["ad_mean"]   # the median minimises mean |x - c|
    if m["min"] == m["max"]:
        assert m["consensus"] == 1 and m["agreement"] == 1


# ---------------------------------------------------------------- worked examples

def hist_of(scores):
    return tuple(scores.count(s) for s in range(1, K + 1))


# (histogram, rwg, rwg_raw, ad_mean, ad_median, consensus, agreement) as printed in statistics.md
WORKED = [
    (hist_of([3, 3, 3, 3]), 1, 1, 0, 0, 1, 1),
    (hist_of([1, 5, 1, 5]), 0, -1.666667, 2, 2, 0, -1),
    (hist_of([1, 2, 3, 4, 5]), 0, -0.25, 1.2, 1.2, 0.433985, 0),
    (hist_of([4, 4, 5, 3, 4, 2]), 0.466667, 0.466667, 0.777778, 0.666667, 0.666300, 0.5),
    (hist_of([3, 4]), 0.75, 0.75, 0.5, 0.5, 0.807355, 0.75),
    (hist_of([4, 4, 4, 5]), 0.875, 0.875, 0.375, 0.25, 0.855278, 0.875),
    (hist_of([1, 1, 5]), 0, -1.666667, 1.777778, 1.333333, 0.081704, -0.333333),
    ((0, 2, 5, 3, 0), 0.727778, 0.727778, 0.54, 0.5, 0.778628, 0.65),
    ((2, 1, 3, 4, 2), 0.079545, 0.079545, 1.083333, 1.083333, 0.494702, 0.194444),
]


def check_worked_examples():
    keys = ("rwg", "rwg_raw", "ad_mean", "ad_median", "consensus", "agreement")
    for hist, *expected in WORKED:
        m = measures(hist)
        for key, want in zip(keys, expected):
            got = float(m[key])
            # the table is rounded to 6 decimals
            assert abs(got - want) <= 5e-7 + 1e-12, (hist, key, got, want)
    # the hand computation given for 4,4,5,3,4,2
    m = measures(hist_of([4, 4, 5, 3, 4, 2]))
    assert m["mean"] == Fraction(22, 6) and m["var"] == Fraction(16, 15)
    assert m["rwg"] == Fraction(7, 15)


# ---------------------------------------------------------------- cases

def all_histograms(n):
    """Every histogram c1..c5 with sum n (compositions into 5 parts)."""
    for cuts in itertools.combinations(range(n + K - 1), K - 1):
        bounds = (-1,) + cuts + (n + K - 1,)
        yield tuple(bounds[i + 1] - bounds[i] - 1 for i in range(K))


def random_histogram(rng, n):
    """n scores drawn from a random distribution over 1..5; some categories switched off,
    so that shared, mixed and split teams all occur."""
    weights = [rng.random() ** 2 for _ in range(K)]
    for i in range(K):
        if rng.random() < 0.3:
            weights[i] = 0.0
    if not any(weights):
        weights[rng.randrange(K)] = 1.0
    scores = rng.choices(range(1, K + 1), weights=weights, k=n)
    return hist_of(scores)


def cases():
    out = [hist for hist, *_ in WORKED]
    # edge cases
    for s in range(K):                                   # n = 1 at each score
        out.append(tuple(1 if i == s else 0 for i in range(K)))
    for a in range(K):                                   # n = 2, all 15 pairs
        for b in range(a, K):
            h = [0] * K
            h[a] += 1
            h[b] += 1
            out.append(tuple(h))
    for n in range(3, 13):                               # all equal, n = 3..12
        for s in range(K):
            out.append(tuple(n if i == s else 0 for i in range(K)))
    for a, b in [(1, 1), (1, 2), (2, 1), (1, 3), (3, 1), (2, 3), (3, 2), (1, 5), (5, 1),
                 (1, 9), (9, 1), (5, 5), (6, 6), (1, 11), (11, 1), (50, 50), (99, 1), (1, 99)]:
        out.append((a, 0, 0, 0, b))                      # only the two ends
    out += [(1000, 0, 0, 0, 1000), (7, 0, 0, 0, 0), (0, 0, 0, 0, 7), (1000, 0, 0, 0, 1),
            (1, 0, 0, 0, 1000), (0, 0, 2000, 0, 0), (400, 400, 400, 400, 400),
            (5000, 0, 0, 0, 0), (0, 0, 0, 0, 5000), (2500, 0, 0, 0, 2499),
            (3, 0, 0, 0, 1), (6, 1, 0, 0, 0), (0, 0, 0, 6, 6), (0, 6, 0, 6, 0),
            (1, 0, 1, 0, 1), (2, 0, 2, 0, 2), (0, 1, 0, 1, 0), (1, 1, 0, 1, 1),
            (4, 0, 0, 1, 4), (1, 2, 3, 2, 1), (3, 2, 1, 2, 3), (12, 0, 0, 0, 0)]
    # exact label boundary rwg = 7/10 (s^2 = 3/5): the first few found with n = 7..16
    found = 0
    for n in range(7, 17):
        for h in all_histograms(n):
            xs = expand(h)
            mean = Fraction(sum(xs), n)
            if sum((x - mean) ** 2 for x in xs) / (n - 1) == Fraction(3, 5):
                out.append(h)
                found += 1
        if found >= 6:
            break
    # every histogram with n <= 6
    for n in range(1, 7):
        out += list(all_histograms(n))
    rng = random.Random(SEED)
    for _ in range(150):
        out.append(random_histogram(rng, rng.randint(7, 40)))
    for _ in range(20):
        out.append(random_histogram(rng, rng.randint(100, 5000)))
    # drop duplicates, keep first occurrence
    seen, unique = set(), []
    for h in out:
        if h not in seen:
            seen.add(h)
            unique.append(h)
    return unique


# ---------------------------------------------------------------- output

COLUMNS = ["c1", "c2", "c3", "c4", "c5", "n", "mean", "median", "sd", "min", "max",
           "rwg", "rwg_raw", "ad_mean", "ad_median", "consensus", "agreement", "label"]


def fmt(x):
    if x is None:
        return "NA"
    f = float(x)
    if f == 0.0:
        f = 0.0          # never print -0.0
    return repr(f)


def main():
    check_worked_examples()
    w = sys.stdout.write
    w("# Reference values for the 1..5 agreement statistics, generated by "
      "tests/tools/stats_reference.py (do not edit by hand). One row per histogram c1..c5; "
      "numbers are repr(float), NA = undefined (n = 1); min, max and n are integers; "
      "label is single/split/shared/mixed. Compare with tolerance 1e-9.\n")
    w("# " + "\t".join(COLUMNS) + "\n")
    for hist in cases():
        m = measures(hist)
        row = [str(c) for c in hist] + [str(m["n"]), fmt(m["mean"]), fmt(m["median"]), fmt(m["sd"]),
                                         str(m["min"]), str(m["max"])]
        row += [fmt(m[k]) for k in ("rwg", "rwg_raw", "ad_mean", "ad_median", "consensus", "agreement")]
        row.append(m["label"])
        w("\t".join(row) + "\n")


if __name__ == "__main__":
    main()
