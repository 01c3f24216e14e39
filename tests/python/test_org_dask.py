"""fives.org_dask on a local Dask cluster: 2,000 team journals read on two
worker processes, their partials folded in a tree, the rollup on the
client; the same bytes as in a single process.

The journals (org_fixture.generate: members, confidential rounds with
responses, closed; a plan on every third team) and the organisation file
(4 levels, grouped by region and kind) are made with the package's own API.
Needs dask.distributed (Debian's python3-dask and python3-distributed,
installed by script/bootstrap; CTest runs this file with an interpreter that
imports it, see CMakeLists.txt). Without it the tests are skipped, saying
so.
"""

import os
import shutil
import sys
import tempfile
import time
import unittest
import warnings

import fives
from fives import org_dask

import org_fixture
from org_fixture import H1, H2

try:
    import distributed
except ImportError as e:  # pragma: no cover - depends on the machine
    distributed = None
    MISSING = (f"dask.distributed is not importable with {sys.executable} "
               f"({e}); install Debian's python3-dask and "
               f"python3-distributed (script/bootstrap does)")

TEAMS = 2000


def log(what, seconds):
    print(f"  {what}: {seconds:.2f} s", file=sys.stderr, flush=True)


class DaskRollupTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if distributed is None:
            raise unittest.SkipTest(MISSING)
        # Debian's tornado 6.2 under distributed 2022.12: not ours to fix.
        warnings.filterwarnings("ignore", "make_current is deprecated",
                                DeprecationWarning)
        cls.dir = tempfile.mkdtemp()
        t = time.perf_counter()
        org_path, cls.paths = org_fixture.generate(cls.dir, TEAMS)
        log(f"{TEAMS} journals written", time.perf_counter() - t)
        cls.org = fives.Org.from_file(org_path)
        # The single-process reference: every journal of the folder.
        t = time.perf_counter()
        cls.h1 = fives.partials_of_directory(cls.dir, H1)
        cls.h2 = fives.partials_of_directory(cls.dir, H2)
        cls.rollup_h1 = cls.org.rollup(cls.h1)
        cls.rollup_h2 = cls.org.rollup(cls.h2, earlier=cls.h1)
        log("single process: partials and rollups of both halves",
            time.perf_counter() - t)
        t = time.perf_counter()
        cls.cluster = distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True,
            host="127.0.0.1", dashboard_address=None)
        cls.client = distributed.Client(cls.cluster)
        log("cluster started", time.perf_counter() - t)

    @classmethod
    def tearDownClass(cls):
        cls.client.close()
        cls.cluster.close()
        cls.org.close()
        shutil.rmtree(cls.dir)

    def test_the_organisation(self):
        rows = self.rollup_h1.rows
        kinds = [r.kind for r in rows]
        self.assertEqual(kinds.count(fives.OrgRowKind.TEAM), TEAMS)
        self.assertEqual(kinds.count(fives.OrgRowKind.UNIT), 1 + 4 + 20)
        self.assertEqual(max(r.depth for r in rows), 3)
        self.assertEqual(
            sorted((r.group_key, r.group_value) for r in rows
                   if r.kind == fives.OrgRowKind.GROUP),
            [("kind", "line"), ("kind", "staff"), ("region", "east"),
             ("region", "north"), ("region", "south")])
        self.assertEqual(self.rollup_h1.root.teams, TEAMS)
        # Every 250th team closed no round in the first half year.
        self.assertEqual(len(self.rollup_h1.excluded), TEAMS // 250)
        self.assertGreater(self.rollup_h1.cells_withheld_too_few, 0)
        self.assertEqual(self.rollup_h1.root.cell("strategy").disclosure,
                         fives.Disclosure.FULL)
        self.assertEqual(self.rollup_h2.earlier, fives.Period(*H1))

    def test_trend_of_the_whole_organisation(self):
        # Thousands of pooled scores per cell: the trend gives a verdict
        # (it refused more than 400 pooled scores before trend-exact).
        trend = fives.Org.compare(self.rollup_h1, self.rollup_h2)
        self.assertEqual(len(trend.rows), len(self.rollup_h2.rows))
        root = trend.row("acme")
        for p in fives.Pillar:
            t = root.pillar(p)
            self.assertGreater(t.n_before + t.n_after, 10000)
            self.assertIsNotNone(t.p_value)
            self.assertIn(t.verdict, (fives.TrendVerdict.IMPROVED,
                                      fives.TrendVerdict.DECLINED,
                                      fives.TrendVerdict.TOO_SMALL_TO_TELL))
        self.assertEqual(trend.weakest_before, self.rollup_h1.weakest)

    def test_partials_from_paths(self):
        t = time.perf_counter()
        partials = org_dask.partials(self.client, self.paths, H1)
        log("dask: partials of the first half", time.perf_counter() - t)
        self.assertEqual(partials, self.h1)

    def test_rollup_is_the_single_process_rollup(self):
        t = time.perf_counter()
        rollup = org_dask.rollup(self.client, self.org, self.paths, H1)
        log("dask: rollup of the first half", time.perf_counter() - t)
        self.assertEqual(rollup.to_bytes(), self.rollup_h1.to_bytes())
        self.assertEqual(rollup, self.rollup_h1)

    def test_rollup_against_an_earlier_period(self):
        t = time.perf_counter()
        rollup = org_dask.rollup(self.client, self.org, self.paths, H2,
                                 earlier=H1, batch_size=37, split_every=3)
        log("dask: rollup of the second half against the first",
            time.perf_counter() - t)
        self.assertEqual(rollup.to_bytes(), self.rollup_h2.to_bytes())

    def test_bytes_from_the_client(self):
        journals = []
        for path in self.paths[:300]:
            with open(path, "rb") as f:
                journals.append((os.path.basename(path), f.read()))
        # A damaged journal is listed, as in one process.
        journals.append(("damaged.journal", journals[0][1][:-3]))
        expected = fives.partials_of(journals, H1)
        partials = org_dask.partials(self.client, journals, H1, batch_size=16)
        self.assertEqual(partials, expected)
        message = fives.message_to_dict("fives.v1.OrgPartials", partials)
        self.assertEqual(len(message["team_id"]), 300)
        self.assertEqual([e["journal"] for e in message["excluded"]],
                         ["damaged.journal"])

    def test_arguments(self):
        with self.assertRaises(TypeError):
            org_dask.partials(self.client, "t0000.journal", H1)
        with self.assertRaises(TypeError):
            org_dask.partials(self.client, [42], H1)
        with self.assertRaises(ValueError):
            org_dask.partials(self.client, self.paths, H1, batch_size=0)
        with self.assertRaises(TypeError):
            org_dask.rollup(self.client, None, self.paths, H1)
        self.assertEqual(org_dask.partials(self.client, [], H1),
                         fives.partials_of([], H1))


if __name__ == "__main__":
    unittest.main()
