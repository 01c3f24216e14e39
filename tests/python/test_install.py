"""`pip install ./bindings/python`, offline, gives a working package."""

import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import fives

from helpers import PACKAGE_DIR, run_python


def _can_build(python):
    """True when ``python`` has pip and can build a setuptools wheel without
    the network (setuptools >= 61, and wheel unless setuptools >= 70.1)."""
    code = (
        "import setuptools, pip\n"
        "v = tuple(int(x) for x in setuptools.__version__.split('.')[:2])\n"
        "assert v >= (61, 0)\n"
        "if v < (70, 1):\n"
        "    import wheel\n")
    try:
        result = subprocess.run([python, "-c", code], capture_output=True,
                                timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return result.returncode == 0


def _builder():
    """This interpreter, else Debian's (the package is pure Python)."""
    for python in (sys.executable, "/usr/bin/python3"):
        if os.path.exists(python) and _can_build(python):
            return python
    return None


class InstallTest(unittest.TestCase):
    def test_pip_install_offline(self):
        python = _builder()
        if python is None:
            self.skipTest("no interpreter with pip, setuptools and wheel")
        tmp = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, tmp)
        # Build from a copy: pip builds in the source folder, which must stay
        # clean.
        source = os.path.join(tmp, "src")
        shutil.copytree(PACKAGE_DIR, source,
                        ignore=shutil.ignore_patterns("__pycache__", "build",
                                                      "*.egg-info"))
        target = os.path.join(tmp, "site")
        env = dict(os.environ)
        env.pop("LD_PRELOAD", None)  # pip needs no sanitizer runtime
        env["PIP_NO_INDEX"] = "1"
        result = subprocess.run(
            [python, "-m", "pip", "install", "--target", target,
             "--no-build-isolation", "--no-deps", "--no-index",
             "--disable-pip-version-check", "--no-cache-dir", "--quiet",
             source],
            capture_output=True, text=True, env=env, cwd=tmp, timeout=300)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        installed = os.path.join(target, "fives")
        for name in ("__init__.py", "_ffi.py", "py.typed"):
            self.assertTrue(os.path.exists(os.path.join(installed, name)),
                            name)
        self.assertTrue(any(n.startswith("fives-0.1.0") and
                            n.endswith(".dist-info")
                            for n in os.listdir(target)))

        check = ("import fives, os\n"
                 "assert os.path.dirname(fives.__file__) == {!r}\n"
                 "s = fives.score_stats([4, 4, 5, 3, 4, 2])\n"
                 "print(s.n, round(s.rwg, 6), s.label, fives.library_path())\n"
                 ).format(installed)
        run = run_python(check, env={"PYTHONPATH": target,
                                     "FIVES_LIBRARY": fives.library_path()},
                         cwd=tmp)
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertEqual(run.stdout.split(),
                         ["6", "0.466667", "mixed", fives.library_path()])

        # Without FIVES_LIBRARY and outside the checkout: the error lists the
        # installed package's folder.
        run = run_python("import fives\n"
                         "try:\n"
                         "    print('LOADED', fives.library_path())\n"
                         "except fives.LibraryError as e:\n"
                         "    print(e)\n",
                         env={"PYTHONPATH": target, "FIVES_LIBRARY": None,
                              "LD_LIBRARY_PATH": None}, cwd=tmp)
        self.assertEqual(run.returncode, 0, run.stderr)
        if run.stdout.startswith("LOADED"):
            return  # libfives is installed on the system
        self.assertIn(os.path.join(installed, "libfives.so.0"), run.stdout)


if __name__ == "__main__":
    unittest.main()
