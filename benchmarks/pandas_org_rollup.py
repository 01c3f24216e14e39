"""What users would pick instead of fives' organisation rollup: pandas.

The same shape as BM_OrgRollupCells in org_benchmark.cc: 100,000 teams of
3-12 people in a 5-level tree (organisation, 10 divisions, 100 departments,
10,000 areas, the teams), five pillars with the counts of the scores 1..5 per
team. The pass does only what a minimum-group-size tool does: it merges the
counts up every level (groupby sum) and applies a minimum size (below 3
nothing, below 5 no distribution), without complementary suppression or any
measure. Prints the best of five runs and the peak memory, twice: from a
frame whose teams already carry their division, department and area (the
pass as the issue names it), and from the partials as fives gets them
(team ids sorted, counts) joined on the team id with the organisation's
table first, the same job as RollUpCells.

Needs Debian's python3-pandas (run with /usr/bin/python3); exits 0 with a
note when pandas is absent, so it never fails a build.
"""

import resource
import sys
import time

try:
    import numpy as np
    import pandas as pd
except ImportError:
    print("pandas_org_rollup: pandas not installed "
          "(apt-get install python3-pandas)")
    sys.exit(0)

TEAMS = 100_000
PILLARS = 5
SCORES = 5


def frame():
    rng = np.random.default_rng(2026)
    team = np.arange(TEAMS)
    area = team % (TEAMS // 10)
    department = area % (TEAMS // 1000)
    division = department % (TEAMS // 10000)
    columns = {"division": division, "department": department, "area": area}
    size = rng.integers(3, 13, TEAMS)
    for p in range(PILLARS):
        # Each person's score uniform in 1..5, as the benchmark's partials.
        counts = rng.multinomial(size, [1 / SCORES] * SCORES)
        for s in range(SCORES):
            columns[f"p{p}s{s + 1}"] = counts[:, s].astype(np.int32)
    return pd.DataFrame(columns)


def rollup(f, counts):
    levels = [f[counts].sum().to_frame().T]
    levels += [f.groupby(level, sort=True)[counts].sum()
               for level in ("division", "department", "area")]
    levels.append(f[counts])
    shown = []
    for table in levels:
        values = table.to_numpy().reshape(len(table), PILLARS, SCORES)
        n = values.sum(axis=2, keepdims=True)
        distribution = np.where(n >= 5, values, -1)
        total = np.where(n >= 3, n, -1)
        shown.append((distribution, total))
    return shown


def best_of_five(run):
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        shown = run()
        best = min(best, time.perf_counter() - start)
    rows = sum(len(d) for d, _ in shown)
    assert rows == 1 + 10 + 100 + 10_000 + TEAMS, rows
    return best, rows


def main():
    f = frame()
    counts = [c for c in f.columns if c.startswith("p")]
    best, rows = best_of_five(lambda: rollup(f, counts))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"pandas_org_rollup_seconds {best:.4f} peak_rss_MiB {peak:.1f} "
          f"(pandas {pd.__version__}, best of 5, {TEAMS} teams, {rows} rows)")
    # From partials: team ids in byte order with their counts, and the
    # organisation's table of team id -> area, department, division.
    ids = np.array([f"t{t}" for t in range(TEAMS)])
    org = pd.DataFrame({"team_id": ids, "division": f["division"],
                        "department": f["department"], "area": f["area"]})
    partials = f[counts].assign(team_id=ids).sort_values("team_id")
    partials = partials.reset_index(drop=True)

    def from_partials():
        joined = partials.merge(org, on="team_id", how="inner")
        return rollup(joined, counts)

    best, rows = best_of_five(from_partials)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"pandas_org_rollup_from_partials_seconds {best:.4f} "
          f"peak_rss_MiB {peak:.1f} (joined on the team id first)")


if __name__ == "__main__":
    main()
