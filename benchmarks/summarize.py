"""Prints the ratios the benchmark targets are stated in, from the JSON of
fives_benchmark (--benchmark_format=json) and the pandas figure, if any."""

import json
import re
import sys


def main(benchmark_json, pandas_line="", org_json=None):
    runs = {}
    for path in (benchmark_json, org_json):
        if not path:
            continue
        with open(path) as f:
            runs.update({b["name"]: b for b in json.load(f)["benchmarks"]
                         if b.get("aggregate_name", "median") == "median"})

    def ns(name, clock="cpu_time"):
        for key, run in runs.items():
            if key.startswith(name):
                scale = {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}[run["time_unit"]]
                return run[clock] * scale, run
        raise SystemExit(f"summarize: no result for {name}")

    base, _ = ns("BM_BulkSumBaseline")
    hist, _ = ns("BM_BulkHistograms_")
    full, full_run = ns("BM_BulkHistogramsAndStats")
    stats, _ = ns("BM_StatsFromHistogram")
    report, _ = ns("BM_RoundOf8ToReport")
    print(f"(a) round of 8 members to a full report: {report / 1e3:.1f} us "
          f"(target < 20 us)")
    print(f"(b) histogram pass, 1,000,000 responses x 5 pillars: {hist / 1e6:.2f} ms;"
          f" baseline sum pass {base / 1e6:.2f} ms; ratio {hist / base:.2f}x "
          f"(target <= 2x)")
    print(f"(b) histograms + every measure for 500,000 team-pillars: "
          f"{full / 1e6:.1f} ms, peak RSS {full_run.get('peak_rss_MiB', 0):.1f} MiB")
    print(f"statistics from one histogram: {stats:.0f} ns (target <= 200 ns)")
    parse, parse_run = ns("BM_JournalParseFromString")
    load, _ = ns("BM_JournalLoad_")
    load_report, _ = ns("BM_JournalLoadAndLatestReport")
    review, _ = ns("BM_CharterReview")
    print(f"journal of ten years ({parse_run.get('rounds', 0):.0f} rounds, "
          f"{parse_run.get('checks', 0):.0f} checks with "
          f"{parse_run.get('signals', 0):.0f} warning signals ticked, "
          f"{parse_run.get('actions', 0):.0f} actions with feedback, a charter "
          f"with {parse_run.get('decisions', 0):.0f} logged decisions; file "
          f"{parse_run.get('file_bytes', 0) / 1024:.0f} KiB): load and validate "
          f"{load / 1e3:.0f} us = {load / parse:.2f}x protobuf's ParseFromString "
          f"of the same journal bytes ({parse / 1e3:.0f} us; target <= 1.5x); "
          f"with the latest report {load_report / 1e3:.0f} us = "
          f"{load_report / parse:.2f}x; the charter review alone "
          f"{review / 1e3:.0f} us = {review / parse:.2f}x")
    judge, judge_run = ns("BM_DifferencingJudgeLatest")
    print(f"differencing check of the latest round of the ten-year journal "
          f"(once, at close): {judge / 1e3:.0f} us = "
          f"{100 * judge / load_report:.1f}% of loading and reporting; "
          f"{judge_run.get('differenced_pillars', 0):.0f} round-pillars "
          f"differenced in the journal")
    for family, label in (("BM_PermutationPValue/", "organisation-shaped"),
                          ("BM_PermutationPValueEven/", "every score alike")):
        parts = []
        for key in sorted((k for k in runs if k.startswith(family)),
                          key=lambda k: int(k[len(family):].split("_")[0])):
            t, run = ns(key)
            method = "exact" if run.get("exact", 0) else "saddlepoint"
            parts.append(f"{int(key[len(family):].split('_')[0]):,}: "
                         f"{t / 1e3:.0f} us ({method})")
        print(f"trend p-value, {label} halves, pooled scores "
              + "; ".join(parts) + " (target < 10 ms)")
    capi_stats, _ = ns("BM_CapiScoreStats")
    cxx_stats, _ = ns("BM_CxxScoreStats")
    capi_bulk, _ = ns("BM_CapiBulkStatsTable")
    cxx_bulk, _ = ns("BM_CxxBulkStatsTable")
    capi_call, _ = ns("BM_CapiVersionNumber")
    cxx_call, _ = ns("BM_CxxVersionNumber")
    print(f"C ABI vs direct C++: score stats of 6 scores {capi_stats:.0f} ns vs "
          f"{cxx_stats:.0f} ns ({capi_stats / cxx_stats:.2f}x); bulk table of "
          f"100,000 responses {capi_bulk / 1e6:.2f} ms vs {cxx_bulk / 1e6:.2f} ms "
          f"({capi_bulk / cxx_bulk:.2f}x); a bare call costs "
          f"{capi_call - cxx_call:.2f} ns more")
    match = re.search(r"pandas_groupby_seconds ([0-9.]+)", pandas_line)
    if match:
        pandas = float(match.group(1)) * 1e9
        print(f"pandas groupby (mean, median, std, min, max, count): "
              f"{pandas / 1e6:.0f} ms; fives with every measure is "
              f"{pandas / full:.1f}x faster (target >= 10x)")
    else:
        print("pandas groupby: not measured (python3-pandas absent)")
    if org_json:
        org_summary(ns, pandas_line)


def org_summary(ns, pandas_line):
    # Wall-clock time: the rollup runs on both cores.
    cells, cells_run = ns("BM_OrgRollupCells/100000/0/0/", "real_time")
    one_thread, _ = ns("BM_OrgRollupCells/100000/0/1/", "real_time")
    cells_small, small_run = ns("BM_OrgRollupCells/10000/0/0/", "real_time")
    grouped, _ = ns("BM_OrgRollupCells/100000/4/0/", "real_time")
    full, full_run = ns("BM_OrgRollup/100000/0", "real_time")
    # Wall-clock time: the threads' work is not the main thread's CPU time.
    _, one_run = ns("BM_OrgPartialsOfJournals/1/")
    _, two_run = ns("BM_OrgPartialsOfJournals/2/")
    one, two = one_run["real_time"] * 1e6, two_run["real_time"] * 1e6
    print(f"organisation of 100,000 teams in 5 levels, partials to the "
          f"rollup with complementary suppression: {cells / 1e6:.1f} ms "
          f"on both cores, {one_thread / 1e6:.1f} ms on one (10,000 teams {cells_small / 1e6:.1f} ms; with a region grouping "
          f"{grouped / 1e6:.1f} ms); with a message per cell and every measure "
          f"{full / 1e6:.0f} ms; peak RSS {full_run.get('peak_rss_MiB', 0):.0f}"
          f" MiB (10,000 teams: {small_run.get('peak_rss_MiB', 0):.0f} MiB)")
    print(f"400 journals to partials: 1 thread {one / 1e6:.0f} ms, 2 threads "
          f"{two / 1e6:.0f} ms ({one / two:.2f}x)")
    match = re.search(r"pandas_org_rollup_seconds ([0-9.]+) peak_rss_MiB "
                      r"([0-9.]+)", pandas_line)
    if match:
        pandas = float(match.group(1)) * 1e9
        print(f"pandas groupby of the same organisation (merging and a "
              f"minimum size only): {pandas / 1e6:.0f} ms, peak RSS "
              f"{float(match.group(2)):.0f} MiB; fives is {pandas / cells:.1f}x "
              f"faster (target >= 10x)")
    match = re.search(r"pandas_org_rollup_from_partials_seconds ([0-9.]+)",
                      pandas_line)
    if match:
        pandas = float(match.group(1)) * 1e9
        print(f"pandas from the partials (joined on the team id first, the "
              f"same job as fives): {pandas / 1e6:.0f} ms; fives is "
              f"{pandas / cells:.1f}x faster")
    else:
        print("pandas org rollup: not measured (python3-pandas absent)")


if __name__ == "__main__":
    main(*sys.argv[1:])
