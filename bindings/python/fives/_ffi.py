"""Loading libfives and declaring its C ABI (capi/fives.h) for ctypes.

The library is found, in this order:

1. the path given to :func:`set_library_path` (``fives.set_library_path``)
   before the library's first use: a file, or a folder holding
   ``libfives.so.0`` or ``libfives.so`` (a build folder such as
   ``build/default``). When given, it is the only candidate;
2. the path in the environment variable ``FIVES_LIBRARY`` (when set, it is
   the only candidate: an explicit choice never falls back to another copy);
3. the package's own folder (``libfives.so.0`` or ``libfives.so`` next to this
   file, e.g. copied there before ``pip install``);
4. only when the environment variable ``FIVES_SEARCH_BUILD_TREE`` is ``1``:
   the build tree of the source checkout this package sits in
   (``build/<preset>/libfives.so.0``, ``default`` first, then ``release``,
   then the others by name; sanitizer builds are skipped, since their
   runtime must be loaded first). Off by default, so an installed program
   never picks up a developer's build by where the package happens to sit;
5. the libdir pkg-config gives for fives (``pkg-config --variable=libdir
   fives``: a prefix named in ``PKG_CONFIG_PATH``, such as ``/opt/fives``);
6. the system's loader search path (``libfives.so.0``, e.g. after
   ``cmake --install`` to ``/usr/local``).

It is loaded on first use, so ``import fives`` always works; when no
candidate loads, :class:`fives.LibraryError` lists every path tried and why
it failed, and what to set. Once loaded, the library stays for the life of
the process: :func:`set_library_path` then raises :class:`fives.LibraryError`
naming the loaded path (unless it names that same file). The loaded library's ``fives_version_number()`` must match the
version this package was written for, and it must have every function of
``_FUNCTIONS``. A libfives refused for either reason ends the search: it
stays loaded, and loading a second copy into the process would abort it
(both register the fives schema with protobuf).

Every function of fives.h is declared once in ``_FUNCTIONS`` as
``(name, argtypes, restype, errcheck)``. Functions returning a status get
``_check`` as errcheck (all but the two of ``QUIET_FUNCTIONS``): a non-zero
code raises the exception class for that code with the message of
``fives_last_error()`` and the whole failure of
``fives_last_error_detail()``, which :meth:`fives.Error.text` writes for
people in a language.
"""

from __future__ import annotations

import ctypes
import glob
import os
import subprocess
import sys
import threading
from ctypes import (
    POINTER,
    c_char_p,
    c_double,
    c_int,
    c_int32,
    c_int64,
    c_size_t,
    c_uint32,
    c_void_p,
)
from typing import Any, List, Optional, Tuple, Union

from .errors import (InvalidArgument, LibraryError, error_for_code, refused,
                     text_position)

# The C ABI this package is written for: FIVES_VERSION_NUMBER of fives.h.
VERSION_MAJOR = 0
VERSION_MINOR = 1
VERSION_NUMBER = VERSION_MAJOR * 10000 + VERSION_MINOR * 100

# Status and enumeration values of fives.h.
FIVES_OK = 0
FORMAT_BINARY = 1
FORMAT_JSON = 2
FORMAT_TEXT = 3

HAS_MEAN = 0x1
HAS_MEDIAN = 0x2
HAS_SD = 0x4
HAS_RWG = 0x8
HAS_AD = 0x10
HAS_CONSENSUS = 0x20
HAS_AGREEMENT = 0x40
HAS_RANGE = 0x80


class Buffer(ctypes.Structure):
    """fives_buffer. ``data`` is c_void_p: returned memory is copied with
    ctypes.string_at and released with fives_buffer_free, never c_char_p."""

    _fields_ = [("data", c_void_p), ("len", c_size_t)]


class PillarStatsStruct(ctypes.Structure):
    """fives_pillar_stats, the row of a bulk table."""

    _fields_ = [
        ("n", c_int32),
        ("histogram", c_int32 * 5),
        ("min", c_int32),
        ("max", c_int32),
        ("label", c_int32),
        ("defined", c_uint32),
        ("ad_above_cutoff", c_int32),
        ("reserved", c_int32),
        ("mean", c_double),
        ("median", c_double),
        ("sd", c_double),
        ("rwg", c_double),
        ("rwg_raw", c_double),
        ("ad_mean", c_double),
        ("ad_median", c_double),
        ("consensus", c_double),
        ("agreement", c_double),
    ]


assert ctypes.sizeof(PillarStatsStruct) == 120, ctypes.sizeof(PillarStatsStruct)

_journal_p = c_void_p  # fives_journal*: opaque
_org_p = c_void_p  # fives_org*: opaque
_buffer_p = POINTER(Buffer)
_bytes_p = c_void_p  # const uint8_t*: an address or a bytes object
_str = c_char_p  # const char*: NUL-terminated UTF-8 in


def _last_error() -> str:
    message = _lib.fives_last_error() if _lib is not None else b""
    return (message or b"").decode("utf-8", errors="replace")


def _last_failure() -> Optional[bytes]:
    """The thread's last failure as a serialized fives.v1.Error (its code,
    message and detail), or None when the library cannot give it (memory
    ran out). Read right after the failed call: fives_last_error_detail
    leaves the last error as it is."""
    if _lib is None:
        return None
    buf = Buffer()
    try:
        if _lib.fives_last_error_detail(ctypes.byref(buf),
                                        FORMAT_BINARY) != FIVES_OK:
            return None
        return ctypes.string_at(buf.data, buf.len) if buf.data else b""
    finally:
        _lib.fives_buffer_free(ctypes.byref(buf))


def _check(result: int, func: Any, arguments: Tuple[Any, ...]) -> int:
    """errcheck of every function returning a status."""
    if result != FIVES_OK:
        raise error_for_code(result, _last_error(), _last_failure())
    return result


# (name, argtypes, restype, errcheck): every function of capi/fives.h, in the
# header's order.
_FUNCTIONS: Tuple[Tuple[str, List[Any], Any, Any], ...] = (
    # Versions, errors, buffers.
    ("fives_version_number", [], c_uint32, None),
    ("fives_version_string", [], c_char_p, None),
    ("fives_status_name", [c_int], c_char_p, None),
    ("fives_last_error", [], c_char_p, None),
    ("fives_buffer_free", [_buffer_p], None, None),
    ("fives_error_take", [_buffer_p, c_void_p], c_int, _check),
    # Limits.
    ("fives_limit_set", [c_int, c_int64], c_int, _check),
    ("fives_limit_get", [c_int], c_int64, None),
    ("fives_limit_name", [c_int], c_char_p, None),
    # Failures as fives.v1.Error messages, and their text for people. The
    # two on the last error leave it as it is, so their codes are read as
    # they come (no _check, which would read the last error).
    ("fives_error_take_detail", [_buffer_p, c_void_p, c_int], c_int, _check),
    ("fives_last_error_detail", [_buffer_p, c_int], c_int, None),
    ("fives_last_error_text", [_buffer_p, _str], c_int, None),
    ("fives_error_text", [_buffer_p, _bytes_p, c_size_t, c_int, _str], c_int,
     _check),
    # Messages.
    ("fives_message_convert", [_buffer_p, _str, _bytes_p, c_size_t, c_int,
                               c_int], c_int, _check),
    # The catalog.
    ("fives_catalog", [_buffer_p, c_int], c_int, _check),
    ("fives_pillar_texts", [_buffer_p, c_int, _str, c_int], c_int, _check),
    # Statistics.
    ("fives_score_stats", [_buffer_p, POINTER(c_int32), c_size_t, c_int], c_int,
     _check),
    ("fives_bulk_stats",
     [_buffer_p, c_void_p, c_void_p, c_size_t, c_size_t, c_int], c_int, _check),
    ("fives_bulk_stats_table",
     [c_void_p, c_size_t, c_size_t, c_void_p, c_void_p, c_size_t, c_size_t],
     c_int, _check),
    ("fives_bulk_stats_compact",
     [_buffer_p, c_void_p, c_size_t, c_size_t, c_void_p, c_void_p, c_size_t,
      c_size_t], c_int, _check),
    # The journal.
    ("fives_journal_new",
     [POINTER(c_void_p), _str, _str, _bytes_p, c_size_t, c_int], c_int, _check),
    ("fives_journal_parse", [POINTER(c_void_p), _bytes_p, c_size_t, c_int],
     c_int, _check),
    ("fives_journal_load", [POINTER(c_void_p), _str], c_int, _check),
    ("fives_journal_free", [_journal_p], None, None),
    ("fives_journal_serialize", [_buffer_p, _journal_p, c_int], c_int, _check),
    ("fives_journal_save", [_journal_p, _str], c_int, _check),
    ("fives_journal_add_member", [_journal_p, _str, _str, _str], c_int, _check),
    ("fives_journal_member_leaves", [_journal_p, _str, _str], c_int, _check),
    ("fives_journal_forget_member", [_journal_p, _str], c_int, _check),
    ("fives_journal_start_round", [_journal_p, _str, _str, c_int], c_int,
     _check),
    ("fives_journal_start_round_request", [_journal_p, _bytes_p, c_size_t,
                                           c_int], c_int, _check),
    ("fives_journal_add_response", [_journal_p, _str, _str, POINTER(c_int32)],
     c_int, _check),
    ("fives_journal_import_scores_csv", [_journal_p, _str, _bytes_p, c_size_t],
     c_int, _check),
    ("fives_journal_close_round", [_journal_p, _str, _str], c_int, _check),
    ("fives_journal_report", [_buffer_p, _journal_p, _str, _str, c_int], c_int,
     _check),
    ("fives_journal_report_text", [_buffer_p, _journal_p, _str, _str], c_int,
     _check),
    ("fives_journal_meeting_report",
     [_buffer_p, _journal_p, _str, _str, _str, c_int], c_int, _check),
    ("fives_journal_document",
     [_buffer_p, _journal_p, _str, _str, _str, c_int], c_int, _check),
    ("fives_journal_render", [_buffer_p, _journal_p, _bytes_p, c_size_t, c_int],
     c_int, _check),
    ("fives_journal_compare_rounds", [_buffer_p, _journal_p, _str, _str, c_int],
     c_int, _check),
    ("fives_journal_create_plan", [_buffer_p, _journal_p, _bytes_p, c_size_t,
                                   c_int], c_int, _check),
    ("fives_journal_open_action", [_journal_p, _str, _str], c_int, _check),
    ("fives_journal_complete_action", [_journal_p, _str, _str], c_int, _check),
    ("fives_journal_drop_action", [_journal_p, _str, _str, _str], c_int,
     _check),
    ("fives_journal_add_feedback", [_journal_p, _str, _str, _str, _str,
                                    c_int32], c_int, _check),
    ("fives_journal_follow_up", [_buffer_p, _journal_p, _str, _str, c_int,
                                 c_int], c_int, _check),
    ("fives_journal_check_status", [_buffer_p, _journal_p, _str, c_int], c_int,
     _check),
    ("fives_journal_record_check", [_buffer_p, _journal_p, _bytes_p, c_size_t,
                                    c_int], c_int, _check),
    ("fives_journal_guardian", [_buffer_p, _journal_p, _str], c_int, _check),
    # The team charter.
    ("fives_journal_charter", [_buffer_p, _journal_p, c_int], c_int, _check),
    ("fives_journal_set_charter", [_journal_p, _bytes_p, c_size_t, c_int,
                                   _str], c_int, _check),
    ("fives_journal_review_charter", [_buffer_p, _journal_p, _str, c_int,
                                      c_int], c_int, _check),
    ("fives_journal_tick_signals", [_journal_p, _bytes_p, c_size_t, c_int],
     c_int, _check),
    # The organisation.
    ("fives_org_parse", [POINTER(c_void_p), _bytes_p, c_size_t, c_int], c_int,
     _check),
    ("fives_org_free", [_org_p], None, None),
    ("fives_org_serialize", [_buffer_p, _org_p, c_int], c_int, _check),
    ("fives_org_partial", [_buffer_p, _bytes_p, c_size_t, _str, _str, _str],
     c_int, _check),
    ("fives_org_partials",
     [_buffer_p, POINTER(c_void_p), POINTER(c_size_t), POINTER(c_char_p),
      c_size_t, _str, _str, c_int], c_int, _check),
    ("fives_org_partials_of_directory", [_buffer_p, _str, _str, _str, c_int],
     c_int, _check),
    ("fives_org_fold_partials", [_buffer_p, _bytes_p, c_size_t, _bytes_p,
                                 c_size_t], c_int, _check),
    ("fives_org_rollup", [_buffer_p, _org_p, _bytes_p, c_size_t, _bytes_p,
                          c_size_t, c_int, c_int], c_int, _check),
    ("fives_org_compare", [_buffer_p, _bytes_p, c_size_t, _bytes_p, c_size_t,
                           c_int], c_int, _check),
    ("fives_org_document", [_buffer_p, _bytes_p, c_size_t, _bytes_p,
                            c_size_t, _str, _str], c_int, _check),
)

FUNCTION_NAMES = tuple(entry[0] for entry in _FUNCTIONS)
# The functions returning a status without _check: they neither clear nor
# replace the thread's last error.
QUIET_FUNCTIONS = frozenset(("fives_last_error_detail",
                             "fives_last_error_text"))

_NAMES = ("libfives.so.0", "libfives.so")
_lock = threading.Lock()
_lib: Optional[ctypes.CDLL] = None
_path: Optional[str] = None
# The choice of set_library_path, before the first load.
_chosen: Optional[str] = None
SEARCH_BUILD_TREE = "FIVES_SEARCH_BUILD_TREE"


def _package_dir() -> str:
    return os.path.dirname(os.path.abspath(__file__))


def _checkout_root() -> Optional[str]:
    """The source checkout holding this package (bindings/python/fives)."""
    root = os.path.dirname(os.path.dirname(os.path.dirname(_package_dir())))
    marker = os.path.join(root, "capi", "fives.h")
    return root if os.path.isfile(marker) else None


def _is_sanitizer_build(build_dir: str) -> bool:
    try:
        with open(os.path.join(build_dir, "CMakeCache.txt"),
                  encoding="utf-8", errors="replace") as cache:
            return "-fsanitize=" in cache.read()
    except OSError:
        return False


def _sanitizer_loaded() -> bool:
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            return "libasan" in maps.read()
    except OSError:
        return False


def _in_folder(folder: str) -> List[Tuple[str, Optional[str]]]:
    return [(os.path.join(folder, name), None) for name in _NAMES]


def _search_build_tree(root: Optional[str]) -> Tuple[bool, str]:
    """Whether FIVES_SEARCH_BUILD_TREE asks for the build tree of the
    checkout ``root``, and if not a note saying how to."""
    value = os.environ.get(SEARCH_BUILD_TREE, "")
    if root is None:
        return False, "build tree: the package is not in a source checkout"
    pattern = os.path.join(root, "build", "<preset>", "libfives.so.0")
    if value == "1":
        return True, ""
    if value in ("", "0"):
        return False, (f"build tree: {pattern} not searched (set "
                       f"{SEARCH_BUILD_TREE}=1 to search it)")
    return False, (f"build tree: {pattern} not searched "
                   f"({SEARCH_BUILD_TREE}={value!r}: set it to 1 to search "
                   f"it)")


def _candidates() -> Tuple[List[Tuple[str, Optional[str]]], List[str]]:
    """(path, reason to skip or None) in search order, and notes for errors."""
    notes: List[str] = []
    if _chosen is not None:
        if os.path.isdir(_chosen):
            return _in_folder(_chosen), [
                f"set_library_path({_chosen!r}): no other path tried"]
        return [(_chosen, None)], [
            f"set_library_path({_chosen!r}): no other path tried"]
    explicit = os.environ.get("FIVES_LIBRARY")
    if explicit:
        return [(explicit, None)], ["FIVES_LIBRARY is set: no other path tried"]
    found: List[Tuple[str, Optional[str]]] = _in_folder(_package_dir())
    root = _checkout_root()
    search, note = _search_build_tree(root)
    if not search or root is None:
        notes.append(note)
    else:
        pattern = os.path.join(root, "build", "*", "libfives.so.0")
        dirs = sorted({os.path.dirname(p) for p in glob.glob(pattern)})
        # default, then release, then the others.
        rank = {"default": 0, "release": 1}
        dirs.sort(key=lambda d: (rank.get(os.path.basename(d), 2), d))
        if not dirs:
            notes.append(f"build tree: no {pattern}")
        asan = _sanitizer_loaded()
        for d in dirs:
            skip = None
            if _is_sanitizer_build(d) and not asan:
                skip = ("skipped: a sanitizer build (set FIVES_LIBRARY and "
                        "LD_PRELOAD the sanitizer runtime to use it)")
            found.append((os.path.join(d, "libfives.so.0"), skip))
    libdir, note = _pkg_config_libdir()
    if libdir is not None:
        found.append((os.path.join(libdir, "libfives.so.0"), None))
    else:
        notes.append(note)
    found.append(("libfives.so.0", None))  # the system loader's search path
    return found, notes


def _pkg_config_libdir() -> Tuple[Optional[str], str]:
    """The libdir of fives.pc, or None and why there is none."""
    try:
        result = subprocess.run(
            ["pkg-config", "--variable=libdir", "fives"],
            capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None, "pkg-config: not available"
    libdir = result.stdout.strip()
    if result.returncode != 0 or not libdir:
        return None, ("pkg-config: no fives.pc (set PKG_CONFIG_PATH to "
                      "<prefix>/lib/pkgconfig)")
    return libdir, ""


def _bind(lib: ctypes.CDLL) -> None:
    for name, argtypes, restype, errcheck in _FUNCTIONS:
        try:
            func = getattr(lib, name)
        except AttributeError:
            raise LibraryError(f"lacks the function {name} of fives.h "
                               f"(an older or foreign libfives?)") from None
        func.argtypes = argtypes
        func.restype = restype
        if errcheck is not None:
            func.errcheck = errcheck


def _open(path: str) -> ctypes.CDLL:
    lib = ctypes.CDLL(path)
    try:
        version = lib.fives_version_number
    except AttributeError:
        raise OSError("not libfives: no fives_version_number") from None
    version.argtypes = []
    version.restype = c_uint32
    number = int(version())
    major, minor = number // 10000, number // 100 % 100
    compatible = major == VERSION_MAJOR and (
        minor == VERSION_MINOR if major == 0 else minor >= VERSION_MINOR)
    if not compatible:
        raise LibraryError(
            f"libfives {major}.{minor}.{number % 100}, but this "
            f"package needs {VERSION_MAJOR}.{VERSION_MINOR}.x")
    _bind(lib)
    return lib


def _load() -> ctypes.CDLL:
    global _lib, _path
    with _lock:
        if _lib is not None:
            return _lib
        candidates, notes = _candidates()
        tried: List[str] = []
        for path, skip in candidates:
            if skip is not None:
                tried.append(f"  {path}: {skip}")
                continue
            if os.sep in path and not os.path.exists(path):
                tried.append(f"  {path}: no such file")
                continue
            try:
                lib = _open(path)
            except LibraryError as e:
                # A libfives of another version or function set: it is
                # loaded now, its schema registered with protobuf, and a
                # second libfives in this process would abort it.
                tried.append(f"  {path}: {e}")
                notes.append("no later path tried: the refused libfives "
                             "stays loaded, and a second one in the same "
                             "process would abort it (both register the "
                             "fives schema with protobuf)")
                break
            except OSError as e:
                tried.append(f"  {path}: {e}")
                continue
            _path = path
            _lib = lib
            return lib
        lines = (["could not load libfives; tried:"] + tried +
                 [f"  ({n})" for n in notes] +
                 ["set FIVES_LIBRARY to the path of libfives.so.0 (built by "
                  "`cmake --build --preset default`), or call "
                  "fives.set_library_path(path) before the first use"])
        raise LibraryError("\n".join(lines))


def lib() -> ctypes.CDLL:
    """The loaded library (loaded on first call)."""
    return _lib if _lib is not None else _load()


def library_path() -> str:
    """The path the library was loaded from."""
    lib()
    assert _path is not None
    return _path


def set_library_path(path: Union[str, "os.PathLike[str]"]) -> None:
    """Chooses the libfives to load: a file, or a folder holding
    ``libfives.so.0`` or ``libfives.so``. The only candidate then, before
    ``FIVES_LIBRARY`` and every other place; checked when the library is
    first used. Raises :class:`fives.LibraryError` naming the loaded path
    once a library is loaded (a second libfives cannot be loaded into the
    process), unless ``path`` is that same file."""
    global _chosen
    chosen = os.fspath(path)
    if not isinstance(chosen, str):
        raise TypeError(f"path: expected str, got {type(chosen).__name__}")
    if not chosen or "\0" in chosen:
        raise InvalidArgument(f"path: {chosen!r} is not a path")
    with _lock:
        if _lib is not None:
            assert _path is not None
            if _same_file(chosen, _path):
                return
            raise LibraryError(
                f"set_library_path({chosen!r}): libfives is already loaded "
                f"from {_path}, and a process holds one libfives; call "
                f"set_library_path before the first use of fives")
        _chosen = chosen


def _same_file(chosen: str, loaded: str) -> bool:
    """Whether ``chosen`` (a file or a folder) names the loaded library."""
    candidates = ([p for p, _ in _in_folder(chosen)] if os.path.isdir(chosen)
                  else [chosen])
    for candidate in candidates:
        try:
            if os.path.samefile(candidate, loaded):
                return True
        except OSError:
            continue
    return False


# ---- Helpers for the wrappers ------------------------------------------------


def call_buffer(func: Any, *args: Any) -> bytes:
    """Calls ``func(&buffer, *args)`` and returns a copy of the buffer's bytes,
    freeing the library's memory in every case."""
    buf = Buffer()
    try:
        func(ctypes.byref(buf), *args)
        if not buf.data:
            return b""
        return ctypes.string_at(buf.data, buf.len)
    finally:
        _lib.fives_buffer_free(ctypes.byref(buf))  # type: ignore[union-attr]


def text_arg(value: Any, field: str) -> bytes:
    """A str argument as NUL-terminated UTF-8 for a ``const char*``."""
    if not isinstance(value, str):
        raise TypeError(f"{field}: expected str, got {type(value).__name__}")
    if "\0" in value:
        at = text_position(value, value.index("\0"))
        raise refused(f"{field}: contains a NUL character at byte {at}",
                      "ERROR_CODE_TEXT_CONTROL", "U+0000", at)
    try:
        return value.encode("utf-8")
    except UnicodeEncodeError as e:
        raise refused(f"{field}: not valid UTF-8 ({e.reason})",
                      "ERROR_CODE_TEXT_NOT_UTF8",
                      text_position(value, e.start)) from None


def optional_text_arg(value: Any, field: str) -> Optional[bytes]:
    return None if value is None else text_arg(value, field)


# ---- Zero-copy addresses of buffers -----------------------------------------


class _PyBuffer(ctypes.Structure):
    """Py_buffer (PEP 3118), whose layout is part of the stable ABI."""

    _fields_ = [
        ("buf", c_void_p),
        ("obj", c_void_p),
        ("len", ctypes.c_ssize_t),
        ("itemsize", ctypes.c_ssize_t),
        ("readonly", c_int),
        ("ndim", c_int),
        ("format", c_void_p),
        ("shape", c_void_p),
        ("strides", c_void_p),
        ("suboffsets", c_void_p),
        ("internal", c_void_p),
    ]


_get_buffer: Optional[Any]
_release_buffer: Optional[Any]
try:  # CPython: the buffer protocol itself, zero-copy for read-only buffers.
    _pythonapi = ctypes.pythonapi
    _get_buffer = ctypes.PYFUNCTYPE(c_int, ctypes.py_object,
                                    POINTER(_PyBuffer), c_int)(
        ("PyObject_GetBuffer", _pythonapi))
    _release_buffer = ctypes.PYFUNCTYPE(None, POINTER(_PyBuffer))(
        ("PyBuffer_Release", _pythonapi))
except (AttributeError, OSError):  # pragma: no cover - not CPython
    _get_buffer = None
    _release_buffer = None

_PyBUF_C_CONTIGUOUS = 0x0038  # PyBUF_C_CONTIGUOUS of Python's buffer API


class BufferAddress:
    """The address of a C-contiguous buffer's first byte, held for a ``with``
    block: the exporter cannot resize or free it meanwhile. No copy is made
    (except on interpreters without ``ctypes.pythonapi``, which copy a
    read-only buffer)."""

    __slots__ = ("_view", "_keep", "address")

    def __init__(self, obj: Any) -> None:
        self._view: Optional[_PyBuffer] = None
        self._keep: Any = None
        self.address = 0
        if _get_buffer is not None:
            view = _PyBuffer()
            _get_buffer(obj, ctypes.byref(view), _PyBUF_C_CONTIGUOUS)
            self._view = view
            self.address = view.buf or 0
            return
        mv = memoryview(obj).cast("B")  # pragma: no cover - not CPython
        n = mv.nbytes
        if mv.readonly:
            self._keep = (ctypes.c_char * n).from_buffer_copy(mv)
        else:
            self._keep = (ctypes.c_char * n).from_buffer(mv)
        self.address = ctypes.addressof(self._keep)

    def __enter__(self) -> int:
        return self.address

    def __exit__(self, *exc: Any) -> None:
        self.release()

    def release(self) -> None:
        if self._view is not None:
            assert _release_buffer is not None
            _release_buffer(ctypes.byref(self._view))
            self._view = None
        self._keep = None


def is_little_endian() -> bool:
    return sys.byteorder == "little"
