"""Shared helpers of the Python tests (run by CTest, see CMakeLists.txt).

The tests import the package from bindings/python (PYTHONPATH) and load the
library named by FIVES_LIBRARY; run by hand from the repository root with

    FIVES_LIBRARY=build/default/libfives.so.0 PYTHONPATH=bindings/python \
        python3 -m unittest discover -s tests/python -t tests/python
"""

import os
import subprocess
import sys
from typing import Dict, List, Optional, Tuple

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.path.dirname(os.path.dirname(HERE))
PACKAGE_DIR = os.path.join(SOURCE_DIR, "bindings", "python")
HEADER = os.path.join(SOURCE_DIR, "capi", "fives.h")
REFERENCE_TSV = os.path.join(SOURCE_DIR, "tests", "testdata",
                             "stats_reference.tsv")

MEASURES = ("mean", "median", "sd", "rwg", "rwg_raw", "ad_mean", "ad_median",
            "consensus", "agreement")


def read_reference() -> List[Dict[str, object]]:
    """The rows of tests/testdata/stats_reference.tsv (exact-fraction
    reference values, None for NA)."""
    rows = []
    header: Optional[List[str]] = None
    with open(REFERENCE_TSV, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# c1"):
                header = line[2:].split("\t")
                continue
            if not line or line.startswith("#"):
                continue
            assert header is not None
            values = dict(zip(header, line.split("\t")))
            row: Dict[str, object] = {
                "histogram": tuple(int(values[f"c{i}"]) for i in range(1, 6)),
                "n": int(values["n"]),
                "min": int(values["min"]),
                "max": int(values["max"]),
                "label": values["label"],
            }
            for key in MEASURES:
                row[key] = None if values[key] == "NA" else float(values[key])
            rows.append(row)
    return rows


def scores_of(histogram: Tuple[int, ...]) -> List[int]:
    return [s for s, c in zip(range(1, 6), histogram) for _ in range(c)]


def run_python(code: str, env: Optional[Dict[str, str]] = None,
               cwd: Optional[str] = None,
               timeout: float = 120) -> subprocess.CompletedProcess:
    """Runs ``code`` in a fresh interpreter with the current environment
    (sanitizer preloads included) updated by ``env`` (a value of None
    removes the variable)."""
    full = dict(os.environ)
    for key, value in (env or {}).items():
        if value is None:
            full.pop(key, None)
        else:
            full[key] = value
    return subprocess.run([sys.executable, "-c", code], env=full, cwd=cwd,
                          capture_output=True, text=True, timeout=timeout)
