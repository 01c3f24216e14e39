"""Loading the library, the declaration table, versions and errors."""

import ctypes
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest

import fives
from fives import _ffi

from helpers import HEADER, PACKAGE_DIR, run_python

# The build tree of a checkout is searched only when asked.
SEARCH = {"FIVES_SEARCH_BUILD_TREE": "1"}


class TableTest(unittest.TestCase):
    def test_every_function_of_the_header_is_declared_once(self):
        with open(HEADER, encoding="utf-8") as f:
            header = f.read()
        declared = re.findall(r"FIVES_API\s+[^;]*?\b(fives_\w+)\s*\(", header)
        self.assertGreater(len(declared), 30)
        self.assertEqual(list(_ffi.FUNCTION_NAMES), declared)

    def test_every_declared_function_is_bound(self):
        lib = _ffi.lib()
        for name, argtypes, restype, errcheck in _ffi._FUNCTIONS:
            func = getattr(lib, name)
            self.assertEqual(func.argtypes, argtypes, name)
            self.assertEqual(func.restype, restype, name)
            if restype is ctypes.c_int and name in _ffi.QUIET_FUNCTIONS:
                # They leave the last error as it is: no _check.
                self.assertIsNone(errcheck, name)
            elif restype is ctypes.c_int:
                self.assertIs(func.errcheck, _ffi._check, name)
        self.assertLessEqual(_ffi.QUIET_FUNCTIONS, set(_ffi.FUNCTION_NAMES))

    def test_struct_matches_header(self):
        self.assertEqual(ctypes.sizeof(_ffi.PillarStatsStruct), 120)
        self.assertEqual(_ffi.PillarStatsStruct.mean.offset, 48)
        self.assertEqual(_ffi.PillarStatsStruct.defined.offset, 36)


class VersionTest(unittest.TestCase):
    def test_versions(self):
        self.assertEqual(fives.library_version(), "0.1.0")
        self.assertEqual(_ffi.lib().fives_version_number(), 100)
        self.assertEqual(fives.__version__, "0.1.0")

    def test_one_version_everywhere(self):
        # The C header's three numbers are the source: CMake reads them (the
        # project, the SONAME, pkg-config), pyproject.toml takes the
        # package's __version__, which must be the header's, as must the
        # Node host's package.json and its lock.
        root = os.path.dirname(os.path.dirname(HEADER))
        with open(HEADER) as f:
            header = f.read()
        parts = [re.search(r"^#define FIVES_VERSION_%s (\d+)" % part,
                           header, re.M) for part in ("MAJOR", "MINOR",
                                                      "PATCH")]
        assert all(parts)
        version = ".".join(p.group(1) for p in parts if p is not None)
        self.assertEqual(fives.__version__, version)
        self.assertEqual(fives.library_version(), version)
        with open(os.path.join(root, "CMakeLists.txt")) as f:
            self.assertNotRegex(f.read(), r"project\(fives VERSION \d")
        with open(os.path.join(PACKAGE_DIR, "pyproject.toml")) as f:
            pyproject = f.read()
        self.assertNotRegex(pyproject, r"(?m)^version = \"")
        self.assertIn('dynamic = ["version"]', pyproject)
        self.assertIn('version = { attr = "fives.__version__" }', pyproject)
        node = os.path.join(root, "examples", "node")
        with open(os.path.join(node, "package.json")) as f:
            self.assertEqual(json.load(f)["version"], version)
        with open(os.path.join(node, "package-lock.json")) as f:
            lock = json.load(f)
        self.assertEqual(lock["version"], version)
        self.assertEqual(lock["packages"][""]["version"], version)

    def test_library_path_is_fives_library(self):
        expected = os.environ.get("FIVES_LIBRARY")
        if expected:
            self.assertEqual(fives.library_path(), expected)
        self.assertTrue(os.path.exists(fives.library_path()))


class BufferTest(unittest.TestCase):
    def test_call_buffer_copies_and_frees(self):
        data = _ffi.call_buffer(_ffi.lib().fives_catalog, _ffi.FORMAT_BINARY)
        self.assertIsInstance(data, bytes)
        self.assertGreater(len(data), 1000)

    def test_buffer_free_accepts_empty(self):
        buf = _ffi.Buffer()
        _ffi.lib().fives_buffer_free(ctypes.byref(buf))
        _ffi.lib().fives_buffer_free(None)
        self.assertIsNone(buf.data)

    def test_non_empty_out_buffer_is_refused_and_kept(self):
        lib = _ffi.lib()
        buf = _ffi.Buffer()
        lib.fives_catalog(ctypes.byref(buf), _ffi.FORMAT_JSON)
        try:
            with self.assertRaises(fives.InvalidArgument) as cm:
                lib.fives_catalog(ctypes.byref(buf), _ffi.FORMAT_JSON)
            self.assertIn("out: not empty", str(cm.exception))
        finally:
            lib.fives_buffer_free(ctypes.byref(buf))


class ErrorTest(unittest.TestCase):
    def test_no_log_line_reaches_the_hosts_stderr(self):
        # A string field with invalid UTF-8 makes protobuf log an error; the
        # call reports it, and nothing reaches the host's stderr.
        code = (
            "import ctypes, fives\n"
            "from fives import _ffi\n"
            "lib = _ffi.lib()\n"
            "out = _ffi.Buffer()\n"
            "data = bytes([0x0a, 0x02, 0xc3, 0x28])\n"
            "try:\n"
            "    lib.fives_message_convert(ctypes.byref(out),\n"
            "        b'fives.v1.Team', data, len(data), 1, 2)\n"
            "except fives.InvalidArgument as e:\n"
            "    print(e.code, e)\n")
        result = run_python(code)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertTrue(result.stdout.startswith("3 data:"), result.stdout)
        self.assertEqual(result.stderr, "")

    CLASSES = {
        1: fives.Cancelled,
        2: fives.Unknown,
        3: fives.InvalidArgument,
        4: fives.DeadlineExceeded,
        5: fives.NotFound,
        6: fives.AlreadyExists,
        7: fives.PermissionDenied,
        8: fives.ResourceExhausted,
        9: fives.FailedPrecondition,
        10: fives.Aborted,
        11: fives.OutOfRange,
        12: fives.Unimplemented,
        13: fives.Internal,
        14: fives.Unavailable,
        15: fives.DataLoss,
        16: fives.Unauthenticated,
    }

    def test_every_error_is_exported(self):
        from fives import errors
        for name in errors.__all__:
            self.assertIn(name, fives.__all__)
            self.assertIs(getattr(fives, name), getattr(errors, name))

    def test_every_code_has_its_class(self):
        for code, cls in self.CLASSES.items():
            error = fives.error_for_code(code, f"message {code}")
            self.assertIs(type(error), cls)
            self.assertIsInstance(error, fives.Error)
            self.assertEqual(error.code, code)
            self.assertEqual(cls.code, code)
            self.assertEqual(error.message, f"message {code}")
            self.assertEqual(str(error), f"message {code}")
            self.assertEqual(fives.StatusCode(code).value, code)
            # The library names each code as the enum does.
            self.assertEqual(
                _ffi.lib().fives_status_name(code).decode(),
                "FIVES_" + fives.StatusCode(code).name)
        self.assertIsNone(_ffi.lib().fives_status_name(17))

    def test_unknown_code_is_a_generic_error(self):
        error = fives.error_for_code(99, "from the future")
        self.assertIs(type(error), fives.Error)
        self.assertEqual(error.code, 99)
        self.assertEqual(str(error), "from the future")

    def test_python_idioms(self):
        self.assertTrue(issubclass(fives.InvalidArgument, ValueError))
        self.assertTrue(issubclass(fives.ClosedError, fives.FailedPrecondition))
        self.assertTrue(issubclass(fives.ClosedError, ValueError))
        self.assertTrue(issubclass(fives.LibraryError, OSError))
        self.assertTrue(issubclass(fives.LibraryError, fives.Error))

    def test_errcheck_raises_with_library_message(self):
        lib = _ffi.lib()
        with self.assertRaises(fives.InvalidArgument) as cm:
            _ffi.call_buffer(lib.fives_catalog, 7)
        self.assertEqual(cm.exception.code, fives.StatusCode.INVALID_ARGUMENT)
        self.assertIn("format: 7 is not FIVES_FORMAT_BINARY", str(cm.exception))
        # The message is the library's last error of this thread.
        self.assertEqual(lib.fives_last_error().decode(), str(cm.exception))
        # A successful call clears it.
        fives.catalog()
        self.assertEqual(lib.fives_last_error(), b"")

    def test_error_without_detail_reads_as_its_message(self):
        # A format only a program can get wrong: no detail, and the text
        # for people is the English message in every language.
        lib = _ffi.lib()
        with self.assertRaises(fives.InvalidArgument) as cm:
            _ffi.call_buffer(lib.fives_catalog, 7)
        e = cm.exception
        message = ("format: 7 is not FIVES_FORMAT_BINARY (1), "
                   "FIVES_FORMAT_JSON (2) or FIVES_FORMAT_TEXT (3)")
        self.assertEqual(str(e), message)
        self.assertIsNone(e.detail)
        self.assertEqual(e.detail_code, "")
        self.assertEqual(e.text(), message)
        self.assertEqual(e.text("nl"), message)
        self.assertEqual(e.to_message(), {"status": 3, "message": message})
        self.assertIsInstance(e.error, bytes)

    def test_reading_the_detail_leaves_the_last_error(self):
        lib = _ffi.lib()
        with self.assertRaises(fives.InvalidArgument) as cm:
            _ffi.call_buffer(lib.fives_catalog, 7)
        before = lib.fives_last_error()
        self.assertEqual(before.decode(), str(cm.exception))
        buf = _ffi.Buffer()
        self.assertEqual(
            lib.fives_last_error_detail(ctypes.byref(buf), _ffi.FORMAT_JSON),
            0)
        try:
            self.assertEqual(json.loads(ctypes.string_at(buf.data, buf.len)),
                             {"status": 3, "message": before.decode()})
        finally:
            lib.fives_buffer_free(ctypes.byref(buf))
        self.assertEqual(
            lib.fives_last_error_text(ctypes.byref(buf), b"nl"), 0)
        try:
            self.assertEqual(ctypes.string_at(buf.data, buf.len), before)
        finally:
            lib.fives_buffer_free(ctypes.byref(buf))
        self.assertEqual(lib.fives_last_error(), before)
        # The codes of the two calls on the last error come back as they
        # are, without raising.
        self.assertEqual(lib.fives_last_error_text(ctypes.byref(buf), b"de"),
                         fives.StatusCode.INVALID_ARGUMENT)
        fives.catalog()
        self.assertEqual(
            lib.fives_last_error_detail(ctypes.byref(buf), _ffi.FORMAT_JSON),
            fives.StatusCode.NOT_FOUND)
        self.assertIsNone(buf.data)

    def test_errors_python_raises_have_a_text(self):
        message = 'round_id: "r9" not found'
        e = fives.error_for_code(5, message)
        self.assertIsNone(e.error)
        self.assertIsNone(e.detail)
        self.assertEqual(e.to_message(), {"status": 5, "message": message})
        self.assertEqual(e.text("nl"), message)
        with self.assertRaises(fives.InvalidArgument) as cm:
            e.text("de")
        self.assertEqual(str(cm.exception),
                         "language: \"de\" is not supported (en or nl)")
        with self.assertRaises(TypeError):
            e.text(None)  # type: ignore[arg-type]
        self.assertEqual(fives.LibraryError("not loaded").text("nl"),
                         "not loaded")

    def test_error_text_refuses_what_is_not_an_error(self):
        lib = _ffi.lib()
        garbage = b"\xff\xff\xff\xff\xff"
        with self.assertRaises(fives.InvalidArgument) as cm:
            _ffi.call_buffer(lib.fives_error_text, garbage, len(garbage),
                             _ffi.FORMAT_BINARY, b"en")
        self.assertEqual(str(cm.exception),
                         "error: the bytes are not a fives.v1.Error")

    def test_codes_from_the_library(self):
        tmp = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, tmp)
        with self.assertRaises(fives.NotFound):
            fives.Journal.load(os.path.join(tmp, "none.journal"))
        damaged = os.path.join(tmp, "damaged.journal")
        with fives.Journal.new("t", "T") as j:
            j.save(damaged)
        with open(damaged, "r+b") as f:
            data = f.read()
            f.seek(0)
            f.write(data[:-3])
            f.truncate()
        with self.assertRaises(fives.DataLoss) as cm:
            fives.Journal.load(damaged)
        self.assertTrue(str(cm.exception))
        with self.assertRaises(fives.ResourceExhausted) as cm:
            fives.Journal.new("t" * 70000, "T")
        self.assertIn("team_id", str(cm.exception))
        with fives.Journal.new("t", "T") as j:
            with self.assertRaises(fives.AlreadyExists):
                j.start_round("r", _date(2026, 1, 1))
                j.start_round("r", _date(2026, 1, 2))


def _date(y, m, d):
    import datetime
    return datetime.date(y, m, d)


class LoadingTest(unittest.TestCase):
    def test_wrong_fives_library_lists_what_was_tried(self):
        missing = os.path.join(tempfile.gettempdir(), "no-such-dir",
                               "libfives.so.0")
        result = run_python(
            "import fives\n"
            "try:\n"
            "    fives.score_stats([3])\n"
            "except fives.LibraryError as e:\n"
            "    print('LibraryError'); print(e)\n",
            env={"FIVES_LIBRARY": missing, "PYTHONPATH": PACKAGE_DIR})
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("LibraryError", result.stdout)
        self.assertIn(missing + ": no such file", result.stdout)
        self.assertIn("FIVES_LIBRARY is set", result.stdout)

    def test_fives_library_that_is_not_a_library(self):
        tmp = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, tmp)
        bogus = os.path.join(tmp, "libfives.so.0")
        with open(bogus, "w") as f:
            f.write("not an ELF file")
        result = run_python(
            "import fives\n"
            "try:\n"
            "    fives.library_path()\n"
            "except OSError as e:\n"
            "    print(type(e).__name__); print(e)\n",
            env={"FIVES_LIBRARY": bogus, "PYTHONPATH": PACKAGE_DIR})
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("LibraryError", result.stdout)
        self.assertIn(bogus + ":", result.stdout)

    def fake_library(self, source):
        """A shared library built from C ``source``, or skip."""
        compiler = shutil.which("cc") or shutil.which("gcc")
        if compiler is None:
            self.skipTest("no C compiler")
        tmp = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, tmp)
        with open(os.path.join(tmp, "fake.c"), "w") as f:
            f.write(source)
        path = os.path.join(tmp, "libfives.so.0")
        env = dict(os.environ)
        env.pop("LD_PRELOAD", None)
        result = subprocess.run([compiler, "-shared", "-fPIC", "-o", path,
                                 os.path.join(tmp, "fake.c")], env=env,
                                capture_output=True, text=True)
        if result.returncode != 0:
            self.skipTest("cannot build a shared library: " + result.stderr)
        return path

    def load_with(self, path):
        result = run_python(
            "import fives\n"
            "try:\n"
            "    fives.library_path()\n"
            "except fives.LibraryError as e:\n"
            "    print(e)\n",
            env={"FIVES_LIBRARY": path, "PYTHONPATH": PACKAGE_DIR})
        self.assertEqual(result.returncode, 0, result.stderr)
        return result.stdout

    def test_other_version_is_refused(self):
        path = self.fake_library(
            "unsigned fives_version_number(void) { return 20103; }\n")
        out = self.load_with(path)
        self.assertIn(path + ": libfives 2.1.3, but this package needs 0.1.x",
                      out)

    def test_missing_function_is_named(self):
        path = self.fake_library(
            "unsigned fives_version_number(void) { return 100; }\n"
            "const char* fives_version_string(void) { return \"0.1.0\"; }\n")
        out = self.load_with(path)
        self.assertIn(path + ": lacks the function fives_status_name", out)

    def test_import_works_without_the_library(self):
        result = run_python(
            "import fives; print(fives.Pillar.STRATEGY.key, int("
            "fives.InvalidArgument.code))",
            env={"FIVES_LIBRARY": "/nonexistent/libfives.so.0",
                 "PYTHONPATH": PACKAGE_DIR})
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.split(), ["strategy", "3"])

    def test_outside_a_checkout_every_place_is_listed(self):
        tmp = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, tmp)
        shutil.copytree(os.path.join(PACKAGE_DIR, "fives"),
                        os.path.join(tmp, "fives"),
                        ignore=shutil.ignore_patterns("__pycache__", "*.so*"))
        result = run_python(
            "import fives\n"
            "try:\n"
            "    print('LOADED', fives.library_path())\n"
            "except fives.LibraryError as e:\n"
            "    print(e)\n",
            env={"FIVES_LIBRARY": None, "PYTHONPATH": tmp,
                 "LD_LIBRARY_PATH": None, "FIVES_SEARCH_BUILD_TREE": "1"},
            cwd=tmp)
        self.assertEqual(result.returncode, 0, result.stderr)
        out = result.stdout
        if out.startswith("LOADED"):
            self.skipTest("libfives is installed on the system: " + out)
        self.assertIn(os.path.join(tmp, "fives", "libfives.so.0") +
                      ": no such file", out)
        self.assertIn(os.path.join(tmp, "fives", "libfives.so") +
                      ": no such file", out)
        self.assertIn("not in a source checkout", out)
        self.assertIn("  libfives.so.0:", out)  # the system loader's search
        self.assertIn("FIVES_LIBRARY", out)
        self.assertIn("PKG_CONFIG_PATH", out)

    def test_library_of_a_prefix_is_found_through_pkg_config(self):
        # A prefix as cmake --install leaves it: <prefix>/lib/libfives.so.0
        # and <prefix>/lib/pkgconfig/fives.pc, named by PKG_CONFIG_PATH.
        built = os.environ.get("FIVES_LIBRARY")
        if not built or shutil.which("pkg-config") is None:
            self.skipTest("needs FIVES_LIBRARY (the built library) and "
                          "pkg-config")
        tmp = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, tmp)
        libdir = os.path.join(tmp, "prefix", "lib")
        os.makedirs(os.path.join(libdir, "pkgconfig"))
        shutil.copy(built, os.path.join(libdir, "libfives.so.0"))
        with open(os.path.join(libdir, "pkgconfig", "fives.pc"), "w") as f:
            f.write(f"libdir={libdir}\nName: fives\nDescription: d\n"
                    "Version: 0.1.0\nLibs: -L${libdir} -lfives\n")
        package = os.path.join(tmp, "site")
        shutil.copytree(os.path.join(PACKAGE_DIR, "fives"),
                        os.path.join(package, "fives"),
                        ignore=shutil.ignore_patterns("__pycache__", "*.so*"))
        result = run_python(
            "import fives\nprint(fives.library_path())\n",
            env={"FIVES_LIBRARY": None, "PYTHONPATH": package,
                 "LD_LIBRARY_PATH": None,
                 "PKG_CONFIG_PATH": os.path.join(libdir, "pkgconfig")},
            cwd=tmp)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.strip(),
                         os.path.join(libdir, "libfives.so.0"))

    def test_library_in_the_package_folder_is_found(self):
        tmp = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, tmp)
        package = os.path.join(tmp, "fives")
        shutil.copytree(os.path.join(PACKAGE_DIR, "fives"), package,
                        ignore=shutil.ignore_patterns("__pycache__", "*.so*"))
        shutil.copy(fives.library_path(),
                    os.path.join(package, "libfives.so.0"))
        result = run_python(
            "import fives; print(fives.library_path()); "
            "print(fives.score_stats([4, 4, 5, 3, 4, 2]).label)",
            env={"FIVES_LIBRARY": None, "PYTHONPATH": tmp}, cwd=tmp)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.split(),
                         [os.path.join(package, "libfives.so.0"), "mixed"])

    def make_checkout(self):
        """A fake source checkout: capi/fives.h, the package, build/."""
        root = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, root)
        os.makedirs(os.path.join(root, "capi"))
        shutil.copy(HEADER, os.path.join(root, "capi", "fives.h"))
        shutil.copytree(os.path.join(PACKAGE_DIR, "fives"),
                        os.path.join(root, "bindings", "python", "fives"),
                        ignore=shutil.ignore_patterns("__pycache__", "*.so*"))
        return root

    def add_build(self, root, preset, sanitizer):
        folder = os.path.join(root, "build", preset)
        os.makedirs(folder)
        shutil.copy(fives.library_path(),
                    os.path.join(folder, "libfives.so.0"))
        with open(os.path.join(folder, "CMakeCache.txt"), "w") as f:
            flags = "-fsanitize=address,undefined" if sanitizer else "-O2"
            f.write(f"CMAKE_CXX_FLAGS:STRING={flags}\n")
        return os.path.join(folder, "libfives.so.0")

    def load_in(self, root, env=None):
        code = ("import fives\n"
                "try:\n"
                "    print('LOADED', fives.library_path())\n"
                "except fives.LibraryError as e:\n"
                "    print(e)\n")
        full = {"FIVES_LIBRARY": None, "FIVES_SEARCH_BUILD_TREE": None,
                "PYTHONPATH": os.path.join(root, "bindings", "python")}
        full.update(env or {})
        result = run_python(code, env=full, cwd=root)
        self.assertEqual(result.returncode, 0, result.stderr)
        return result.stdout

    def test_build_tree_of_the_checkout(self):
        root = self.make_checkout()
        release = self.add_build(root, "release", sanitizer=False)
        default = self.add_build(root, "default", sanitizer=False)
        # default comes first, then release.
        self.assertEqual(self.load_in(root, SEARCH).split(),
                         ["LOADED", default])
        os.remove(default)
        self.assertEqual(self.load_in(root, SEARCH).split(),
                         ["LOADED", release])

    def test_build_tree_only_when_asked(self):
        root = self.make_checkout()
        default = self.add_build(root, "default", sanitizer=False)
        pattern = os.path.join(root, "build", "<preset>", "libfives.so.0")
        for value in (None, "0", "yes"):
            with self.subTest(FIVES_SEARCH_BUILD_TREE=value):
                out = self.load_in(
                    root, {"FIVES_SEARCH_BUILD_TREE": value,
                           "LD_LIBRARY_PATH": None, "PKG_CONFIG_PATH": None})
                if out.startswith("LOADED"):  # installed on the system
                    self.assertNotEqual(out.split()[1], default)
                    continue
                self.assertNotIn(default, out)
                self.assertIn(f"build tree: {pattern} not searched", out)
                self.assertIn("FIVES_SEARCH_BUILD_TREE", out)
                self.assertIn("set FIVES_LIBRARY", out)
                self.assertIn("fives.set_library_path", out)
        out = self.load_in(root, {"FIVES_SEARCH_BUILD_TREE": "yes",
                                  "LD_LIBRARY_PATH": None})
        if not out.startswith("LOADED"):
            self.assertIn("FIVES_SEARCH_BUILD_TREE='yes': set it to 1", out)

    def test_a_refused_libfives_ends_the_search(self):
        # A stale build that lacks a function of the table (here a fake
        # one) is loaded before it is refused; a second libfives in the same
        # process would abort it, so the search stops there with a message.
        root = self.make_checkout()
        stale = self.fake_library(
            "unsigned fives_version_number(void) { return 100; }\n")
        default = os.path.join(root, "build", "default", "libfives.so.0")
        os.makedirs(os.path.dirname(default))
        shutil.copy(stale, default)
        with open(os.path.join(os.path.dirname(default), "CMakeCache.txt"),
                  "w") as f:
            f.write("CMAKE_CXX_FLAGS:STRING=-O2\n")
        release = self.add_build(root, "release", sanitizer=False)
        out = self.load_in(root, SEARCH)
        self.assertIn(default + ": lacks the function fives_version_string",
                      out)
        self.assertIn("no later path tried", out)
        self.assertNotIn(release, out)
        os.remove(default)
        self.assertEqual(self.load_in(root, SEARCH).split(),
                         ["LOADED", release])

    def test_sanitizer_builds_are_skipped_without_their_runtime(self):
        root = self.make_checkout()
        asan = self.add_build(root, "asan", sanitizer=True)
        # Without the sanitizer runtime loaded first the library must not be
        # loaded at all (the runtime would abort the process).
        out = self.load_in(root, env={"LD_PRELOAD": None, **SEARCH})
        self.assertIn(asan + ": skipped: a sanitizer build", out)
        self.assertIn("could not load libfives", out)

    def test_the_real_checkout_finds_its_build_tree(self):
        out = run_python(
            "import fives\n"
            "try:\n"
            "    print('LOADED', fives.library_path())\n"
            "except fives.LibraryError as e:\n"
            "    print(e)\n",
            env={"FIVES_LIBRARY": None, "PYTHONPATH": PACKAGE_DIR, **SEARCH})
        self.assertEqual(out.returncode, 0, out.stderr)
        build = os.path.join(os.path.dirname(os.path.dirname(PACKAGE_DIR)),
                             "build")
        if out.stdout.startswith("LOADED"):
            self.assertTrue(out.stdout.split()[1].startswith(build + os.sep),
                            out.stdout)
        else:  # no usable build in build/*: the message says where it looked
            self.assertIn(build, out.stdout)

    def test_journal_alive_at_interpreter_exit(self):
        result = run_python(
            "import fives, datetime\n"
            "keep = fives.Journal.new('t', 'T')\n"
            "keep.add_member('a', 'A', datetime.date(2026, 1, 1))\n"
            "cycle = [fives.Journal.new('u', 'U')]\n"
            "cycle.append(cycle)\n"
            "fives.Journal.__del__  # defined\n",
            env={"PYTHONPATH": PACKAGE_DIR})
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertNotIn("Exception ignored", result.stderr)
        self.assertEqual(result.stderr, "")


class SetLibraryPathTest(unittest.TestCase):
    def run_code(self, code):
        # FIVES_LIBRARY names nothing: only set_library_path can load.
        result = run_python(
            "import fives\n" + code,
            env={"FIVES_LIBRARY": "/nonexistent/libfives.so.0",
                 "PYTHONPATH": PACKAGE_DIR})
        self.assertEqual(result.returncode, 0, result.stderr)
        return result.stdout

    def test_before_the_first_use_it_is_the_only_candidate(self):
        built = fives.library_path()
        out = self.run_code(
            f"fives.set_library_path({built!r})\n"
            "print(fives.library_path())\n"
            "print(fives.score_stats([2, 3, 3, 4]).mean)\n")
        self.assertEqual(out.split(), [built, "3.0"])

    def test_a_folder_and_a_path_like(self):
        tmp = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, tmp)
        copy = os.path.join(tmp, "libfives.so.0")
        shutil.copy(fives.library_path(), copy)
        out = self.run_code(
            "import pathlib\n"
            f"fives.set_library_path(pathlib.Path({tmp!r}))\n"
            "print(fives.library_path())\n")
        self.assertEqual(out.split(), [copy])

    def test_a_missing_path_is_named_with_what_to_set(self):
        missing = os.path.join(tempfile.gettempdir(), "no-such-dir",
                               "libfives.so.0")
        out = self.run_code(
            f"fives.set_library_path({missing!r})\n"
            "try:\n"
            "    fives.library_path()\n"
            "except fives.LibraryError as e:\n"
            "    print(e)\n")
        self.assertIn(missing + ": no such file", out)
        self.assertIn(f"set_library_path({missing!r}): no other path tried",
                      out)
        self.assertNotIn("/nonexistent/libfives.so.0", out)  # FIVES_LIBRARY
        self.assertIn("set FIVES_LIBRARY", out)

    def test_after_the_library_loaded(self):
        built = fives.library_path()
        out = self.run_code(
            f"fives.set_library_path({built!r})\n"
            "loaded = fives.library_path()\n"
            "fives.set_library_path(loaded)  # the same file: nothing to do\n"
            "try:\n"
            "    fives.set_library_path('/elsewhere/libfives.so.0')\n"
            "except fives.LibraryError as e:\n"
            "    print('LibraryError:', e)\n"
            "print('still', fives.library_path())\n")
        self.assertIn("LibraryError: set_library_path('/elsewhere/libfives"
                      ".so.0'): libfives is already loaded from " + built,
                      out)
        self.assertIn("still " + built, out)

    def test_in_this_process(self):
        loaded = fives.library_path()  # loaded by now
        fives.set_library_path(loaded)
        fives.set_library_path(os.path.dirname(loaded))  # its folder
        with self.assertRaises(fives.LibraryError) as cm:
            fives.set_library_path(os.path.join(tempfile.gettempdir(),
                                                "libfives.so.0"))
        self.assertIn("already loaded from " + loaded, str(cm.exception))
        with self.assertRaises(TypeError):
            fives.set_library_path(5)  # type: ignore[arg-type]
        with self.assertRaises(fives.InvalidArgument) as cm:
            fives.set_library_path("")
        self.assertIn("path: '' is not a path", str(cm.exception))
        self.assertEqual(fives.library_path(), loaded)


if __name__ == "__main__":
    unittest.main()
