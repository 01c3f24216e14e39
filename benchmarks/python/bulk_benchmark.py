#!/usr/bin/env python3
"""Bulk scoring from Python: fives.bulk_stats against the alternatives.

1,000,000 responses over 100,000 teams, five pillars scored 1..5, uniform
random in random team order (the shape of benchmarks/scoring_benchmark.cc),
timed as best of 5:

  fives       fives.bulk_stats: every measure of every team and pillar, one
              call (a fresh result each time, and reusing one with out=)
  C call      the same C function, fives_bulk_stats_table, called bare
              through ctypes with a ready buffer: the C work alone
  C++         BM_BulkHistogramsAndStats of fives_benchmark (the C++ API),
              when the binary is found (see --cxx-benchmark)
  pure Python the same measures (mean, median, sd, min, max, rwg, ad,
              consensus, agreement, label) with the statistics module
  pandas      groupby(...).agg(mean, median, std, min, max, count), fewer
              measures; when pandas is importable (Debian's python3-pandas:
              run with /usr/bin/python3)

Run from the repository root after a Release build:

  cmake --preset release && cmake --build --preset release
  FIVES_LIBRARY=build/release/libfives.so.0 /usr/bin/python3 \\
      benchmarks/python/bulk_benchmark.py

Targets: fives >= 50x faster than pure Python, faster than pandas, and within
1.5x of the C++ bulk path.
"""

import argparse
import array
import ctypes
import json
import math
import os
import random
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
try:
    import fives
except ImportError:  # run from the checkout without PYTHONPATH
    sys.path.insert(0, os.path.join(ROOT, "bindings", "python"))
    import fives
from fives import _ffi

RESPONSES = 1_000_000
TEAMS = 100_000
SEED = 2026


def make_data(responses, teams, seed):
    """Seeded data: a team index per response, five scores 1..5 each."""
    rng = random.Random(seed)
    groups = array.array("I", rng.choices(range(teams), k=responses))
    # Bytes 0..254 mapped evenly onto 1..5 (255 is redrawn), then scores.
    raw = bytearray()
    while len(raw) < 5 * responses:
        chunk = rng.randbytes(5 * responses).replace(b"\xff", b"")
        raw += chunk
    table = bytes(1 + b // 51 if b < 255 else 0 for b in range(256))
    scores = bytes(raw[:5 * responses]).translate(table)
    return groups, scores


def best_of(runs, func):
    best = float("inf")
    result = None
    for _ in range(runs):
        start = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - start)
    return best, result


# ---- The same measures in pure Python ----------------------------------------


def van_der_eijk(hist):
    """van der Eijk (2001) agreement A of a histogram over 1..5."""
    n = sum(hist)
    rest = list(hist)
    total = 0.0
    while any(rest):
        step = min(c for c in rest if c > 0)
        pattern = [1 if c > 0 else 0 for c in rest]
        s = sum(pattern)
        if s == 1:
            layer = 1.0
        else:
            tu = tdu = 0
            for i in range(5):
                for j in range(i + 1, 5):
                    for k in range(j + 1, 5):
                        t = (pattern[i], pattern[j], pattern[k])
                        if t == (1, 0, 1):
                            tdu += 1
                        elif t == (1, 1, 0) or t == (0, 1, 1):
                            tu += 1
            if tu + tdu == 0:
                layer = 0.0
            else:
                u = (3 * tu - 4 * tdu) / (3 * (tu + tdu))
                layer = u * (1 - (s - 1) / 4)
        total += layer * step * s / n
        rest = [c - step if c > 0 else 0 for c in rest]
    # Layers of opposite sign can cancel exactly; rounding leaves a trace
    # (-1e-17) that would turn a 0 into "split".
    return 0.0 if abs(total) < 1e-12 else total


def pillar_measures(xs):
    """Every measure of one pillar's scores, with the statistics module."""
    n = len(xs)
    if n == 0:
        return None
    mean = statistics.fmean(xs)
    median = statistics.median(xs)
    hist = [0] * 5
    for x in xs:
        hist[x - 1] += 1
    m = {"n": n, "mean": mean, "median": median, "min": min(xs),
         "max": max(xs), "sd": None, "rwg": None, "rwg_raw": None,
         "ad_mean": None, "ad_median": None}
    if n >= 2:
        var = statistics.variance(xs)
        m["sd"] = math.sqrt(var)
        m["rwg_raw"] = 1 - var / 2
        m["rwg"] = 1 - min(var, 2.0) / 2
        m["ad_mean"] = sum(abs(x - mean) for x in xs) / n
        m["ad_median"] = sum(abs(x - median) for x in xs) / n
    m["consensus"] = 1 + sum(c / n * math.log2(1 - abs(i + 1 - mean) / 4)
                             for i, c in enumerate(hist) if c)
    m["agreement"] = van_der_eijk(hist)
    if n < 2:
        m["label"] = "single"
    elif m["agreement"] < 0:
        m["label"] = "split"
    elif m["rwg"] >= 0.7:
        m["label"] = "shared"
    else:
        m["label"] = "mixed"
    return m


def pure_python(groups, scores, teams):
    lists = [[] for _ in range(teams * 5)]
    for i, g in enumerate(groups):
        base = 5 * g
        row = scores[5 * i:5 * i + 5]
        for p in range(5):
            if row[p]:
                lists[base + p].append(row[p])
    return [pillar_measures(xs) for xs in lists]


def subset(groups, scores, teams):
    """The responses of the first `teams` teams (same team sizes)."""
    g_out, s_out = array.array("I"), bytearray()
    for i, g in enumerate(groups):
        if g < teams:
            g_out.append(g)
            s_out += scores[5 * i:5 * i + 5]
    return g_out, bytes(s_out)


# ---- The others ----------------------------------------------------------------


def pandas_groupby(groups, scores, runs):
    try:
        import numpy as np
        import pandas as pd
    except ImportError:
        return None, None
    pillars = ["strategy", "synergy", "structure", "steering", "success"]
    s = np.frombuffer(scores, dtype=np.uint8).reshape(-1, 5)
    frame = pd.DataFrame({"team": np.frombuffer(groups, dtype=np.uint32)} |
                         {p: s[:, i] for i, p in enumerate(pillars)})

    def run():
        return frame.groupby("team")[pillars].agg(
            ["mean", "median", "std", "min", "max", "count"])

    seconds, _ = best_of(runs, run)
    return seconds, pd.__version__


def raw_c_call(groups, scores, teams, runs):
    """fives_bulk_stats_table through ctypes, bare: (seconds with a buffer
    reused, seconds with a new buffer per call)."""
    lib = _ffi.lib()
    row = ctypes.sizeof(_ffi.PillarStatsStruct)
    g = groups.buffer_info()[0]
    out = (ctypes.c_char * (teams * 5 * row))()

    def reused():
        lib.fives_bulk_stats_table(out, teams * 5, row, g, scores,
                                   len(groups), teams)

    def fresh():
        table = (ctypes.c_char * (teams * 5 * row))()
        lib.fives_bulk_stats_table(table, teams * 5, row, g, scores,
                                   len(groups), teams)
        return table

    return best_of(runs, reused)[0], best_of(runs, fresh)[0]


def cxx_benchmarks(path, names, runs):
    """Best real time in seconds of each named benchmark of fives_benchmark
    (missing ones absent)."""
    if not path or not os.path.exists(path):
        return {}
    try:
        result = subprocess.run(
            [path, "--benchmark_filter=^(" + "|".join(names) + ")$",
             f"--benchmark_repetitions={runs}", "--benchmark_format=json"],
            capture_output=True, text=True, timeout=900, check=True)
        runs = json.loads(result.stdout)["benchmarks"]
    except (OSError, subprocess.SubprocessError, ValueError, KeyError):
        return {}
    unit = {"ms": 1e-3, "us": 1e-6, "ns": 1e-9, "s": 1}
    best = {}
    for b in runs:
        if b.get("run_type", "iteration") != "iteration":
            continue
        t = b["real_time"] * unit[b.get("time_unit", "ns")]
        name = b.get("run_name", b["name"])
        best[name] = min(best.get(name, t), t)
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--full-python", action="store_true",
                        help="time pure Python on all responses (minutes) "
                             "instead of a tenth of the teams, scaled")
    default_cxx = os.path.join(ROOT, "build", "release", "benchmarks",
                               "fives_benchmark")
    parser.add_argument("--cxx-benchmark", default=default_cxx,
                        help="fives_benchmark binary ('' to skip)")
    args = parser.parse_args()

    print(f"python {sys.version.split()[0]} ({sys.executable}); "
          f"libfives {fives.library_version()} from {fives.library_path()}")
    groups, scores = make_data(RESPONSES, TEAMS, SEED)
    print(f"{RESPONSES:,} responses over {TEAMS:,} teams, best of {args.runs}")

    t_fives, result = best_of(args.runs,
                              lambda: fives.bulk_stats(groups, scores, TEAMS))
    t_reuse, _ = best_of(args.runs, lambda: fives.bulk_stats(
        groups, scores, TEAMS, out=result))
    t_c_reused, t_c_fresh = raw_c_call(groups, scores, TEAMS, args.runs)
    t_compact, compact = best_of(args.runs, lambda: fives.bulk_stats_compact(
        groups, scores, TEAMS))
    for team in range(0, TEAMS, 997):  # the compact form gives the same
        assert compact.group(team) == result.group(team), team

    if args.full_python:
        t_py, py_result = best_of(1, lambda: pure_python(groups, scores, TEAMS))
        scale, note = 1.0, "all responses"
        py_groups = TEAMS
    else:
        py_groups = TEAMS // 10
        sub_g, sub_s = subset(groups, scores, py_groups)
        t_sub, py_result = best_of(1, lambda: pure_python(sub_g, sub_s,
                                                          py_groups))
        scale = len(groups) / len(sub_g)
        t_py = t_sub * scale
        note = (f"timed on the {len(sub_g):,} responses of the first "
                f"{py_groups:,} teams ({t_sub:.2f} s), scaled x{scale:.2f} "
                f"(linear in responses)")

    # The pure-Python figures agree with fives.
    worst = 0.0
    for row, m in enumerate(py_result[:py_groups * 5]):
        s = result.pillar(row // 5, row % 5 + 1)
        if m is None:
            assert s.n == 0
            continue
        assert s.label == m["label"] and s.n == m["n"], (row, s, m)
        for key in ("mean", "median", "sd", "rwg", "rwg_raw", "ad_mean",
                    "ad_median", "consensus", "agreement"):
            a, b = getattr(s, key), m[key]
            assert (a is None) == (b is None), (row, key)
            if a is not None:
                worst = max(worst, abs(a - b))
    assert worst < 1e-9, worst

    t_pandas, pandas_version = pandas_groupby(groups, scores, args.runs)
    cxx = cxx_benchmarks(args.cxx_benchmark, ["BM_BulkHistogramsAndStats",
                                              "BM_BulkHistogramsAndDistinctStats",
                                              "BM_CxxBulkStatsTable"],
                         args.runs)
    t_cxx = cxx.get("BM_BulkHistogramsAndStats")
    t_cxx_distinct = cxx.get("BM_BulkHistogramsAndDistinctStats")
    # BM_CxxBulkStatsTable: the C++ API filling the same fives_pillar_stats
    # table (kept across iterations), on 100,000 responses of 10,000 groups
    # (capi_benchmark.cc). fives at the same shape, reusing its result.
    t_cxx_table = cxx.get("BM_CxxBulkStatsTable")
    if t_cxx_table is not None:
        small_g, small_s = make_data(100_000, 10_000, SEED + 1)
        small = fives.bulk_stats(small_g, small_s, 10_000)
        t_small, _ = best_of(max(50, args.runs), lambda: fives.bulk_stats(
            small_g, small_s, 10_000, out=small))

    ms = lambda t: f"{t * 1e3:9.2f} ms"  # noqa: E731
    print()
    print(f"fives.bulk_stats (new result)        {ms(t_fives)}")
    print(f"fives.bulk_stats (out= reused)       {ms(t_reuse)}")
    print(f"fives.bulk_stats_compact             {ms(t_compact)}   "
          f"({compact.distinct_count:,} distinct sets of counts)")
    print(f"C call, new buffer per call          {ms(t_c_fresh)}")
    print(f"C call, buffer reused                {ms(t_c_reused)}")
    if t_cxx is not None:
        print(f"C++ BM_BulkHistogramsAndStats        {ms(t_cxx)}   "
              f"(computes every measure, stores none)")
    print(f"pure Python (statistics module)      {ms(t_py)}   {note}; "
          f"agrees with fives to {worst:.1e}")
    if t_pandas is not None:
        print(f"pandas {pandas_version} groupby (6 measures)   {ms(t_pandas)}")
    else:
        print("pandas groupby                       (pandas not importable; "
              "run with /usr/bin/python3)")

    print()
    print(f"pure Python / fives           {t_py / t_fives:8.1f}x   "
          f"(target >= 50x)")
    print(f"pure Python / fives compact   {t_py / t_compact:8.1f}x")
    if t_pandas is not None:
        print(f"pandas / fives                {t_pandas / t_fives:8.2f}x   "
              f"(target > 1: fives faster, computing more measures)")
    print(f"fives / C call (new buffer)   {t_fives / t_c_fresh:8.2f}x   "
          f"(Python's own cost)")
    print(f"fives out= / C call (reused)  {t_reuse / t_c_reused:8.2f}x")
    if t_cxx is not None:
        print(f"fives / C++ (no table)        {t_fives / t_cxx:8.2f}x   "
              f"(target <= 1.5x)")
        print(f"fives out= / C++ (no table)   {t_reuse / t_cxx:8.2f}x")
        print(f"fives compact / C++ (none)    {t_compact / t_cxx:8.2f}x   "
              f"(target <= 1.5x)")
    if t_cxx_distinct is not None:
        print(f"fives compact / C++ compact   {t_compact / t_cxx_distinct:8.2f}x"
              f"   (BM_BulkHistogramsAndDistinctStats "
              f"{t_cxx_distinct * 1e3:.2f} ms)")
    if t_cxx_table is not None:
        print(f"100,000 responses, 10,000 teams: fives out= "
              f"{t_small * 1e3:.3f} ms, C++ BM_CxxBulkStatsTable "
              f"{t_cxx_table * 1e3:.3f} ms")
        print(f"fives out= / C++ (same table) {t_small / t_cxx_table:8.2f}x   "
              f"(target <= 1.5x)")
    if not cxx:
        print("C++ bulk path                 (fives_benchmark not found: "
              "--cxx-benchmark PATH)")


if __name__ == "__main__":
    main()
