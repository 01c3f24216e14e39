#!/usr/bin/env python3
"""Runs the README's code blocks in order, as a new user would.

Usage (CTest runs it): readme_snippets_test.py --readme README.md
    --source SRC --build BUILD --gen GEN_DIR [--cxx C++] [--cc CC] [--keep]

Each fenced block is handled by its info string, or by a marker: an HTML
comment on the line right before the fence.

  ```sh ```bash      run in one bash session, in order (set -e, pipefail):
                     the directory and exported variables carry over
  ```console         the same; "$ " lines are commands, the lines after one
                     its expected stdout (whitespace ignored)
  ```python          run with the session's python3 (the package installed
                     with pip, as the README's Python section says)
  ```js              run with node in the session's directory
  ```text            not run: usage, output, excerpts of files
  <!-- snippet: skip (WHY) -->        not run; WHY is listed
  <!-- snippet: file=NAME -->         written to NAME in the session's
                                      directory for a later block; not run
  <!-- snippet: fragment -->          c or cpp with parts left out: its
                                      #include lines, then the rest inside
                                      main(), compiled (not run)
  <!-- snippet: stdin="TEXT" -->      TEXT (and a newline) is what the user
                                      types: the block's standard input
  <!-- snippet: instead="CMD" (WHY) -->  CMD runs in the session in place of
                                      the block (a cheaper equivalent)

Any other block, an empty info string included, fails the test: nothing is
skipped without a reason. When the prose right after a block says
"prints `X`", X must be in the block's output.

The session starts in a scratch copy of the source tree (a fresh clone) whose
build/default is the build under test (symlinks; its Testing folder is the
scratch copy's own), with build/default/examples (the fives command) first on
PATH, a virtual environment with `pip install --no-build-isolation
./bindings/python` next, FIVES_LIBRARY naming the built library and HOME in
the scratch directory. Paths outside the clone that the README writes to
(/opt/fives, /tmp/) are mapped into the scratch directory. Blocks that run
node or java, and Python blocks that use dask, are skipped, saying why, when
that runtime is missing.
"""

import argparse
import glob
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile

SHELL = {"sh", "bash", "console"}
NOT_RUN = {"text"}
BLOCK_TIMEOUT = 240
README = "README.md"   # the name errors give, set from --readme

# Absolute paths the README writes to, mapped into the scratch directory so
# that a run changes nothing outside it (and needs no root for /opt).
MAPPED_PATHS = ["/opt/fives", "/tmp/"]

MARKER = re.compile(r"^<!--\s*snippet:\s*(.*?)\s*-->\s*$")
FENCE = re.compile(r"^```(.*)$")
PRINTS = re.compile(r"\bprints `([^`]+)`", re.S)

NODE_USE = re.compile(r"(^|[\s;&|(])node(\s|$)", re.M)
JAVA_USE = re.compile(r"(^|[\s;&|(])javac?(\s|$)", re.M)

# Runs a block in the session: restores the directory and environment given
# by the caller, saves them on exit for the next block.
WRAPPER = r"""
set -eE -o pipefail
__snippet_save() { pwd > "$__SNIPPET_STATE/pwd"; env -0 > "$__SNIPPET_STATE/env"; }
trap __snippet_save EXIT
trap 'echo "snippet: exit status $? at line $LINENO of the block: $BASH_COMMAND" >&2' ERR
source "$__SNIPPET_BLOCK"
"""


class Block:
    def __init__(self, line, lang, text, marker):
        self.line = line          # README line of the opening fence
        self.lang = lang
        self.text = text
        self.marker = marker      # the marker's text, or None
        self.after = ""           # the prose up to the next block
        self.skip = None
        self.file = None
        self.fragment = False
        self.stdin = None
        self.instead = None
        if marker is not None:
            self._parse_marker(marker)

    def _parse_marker(self, text):
        why = re.search(r"\((.*)\)\s*$", text)
        if why:
            text = text[:why.start()]
            why = why.group(1)
        for key, quoted, bare in re.findall(
                r'(\w+)(?:="([^"]*)"|=(\S+))?', text):
            value = quoted or bare
            if key == "skip":
                self.skip = why or "no reason given"
            elif key == "file":
                self.file = value
            elif key == "fragment":
                self.fragment = True
            elif key == "stdin":
                self.stdin = value + "\n"
            elif key == "instead":
                self.instead = value
                self.instead_why = why
            else:
                raise ValueError(f"{README}:{self.line - 1}: unknown marker "
                                 f"word {key!r}")
        if self.skip == "no reason given" or (self.instead and not why):
            raise ValueError(f"{README}:{self.line - 1}: the marker needs "
                             "a reason in parentheses")

    def numbered(self):
        return "\n".join(f"  {self.line + 1 + i:5d} | {line}"
                         for i, line in enumerate(self.text.splitlines()))


def parse(path):
    lines = open(path, encoding="utf-8").read().splitlines()
    blocks, i, marker_line = [], 0, None
    while i < len(lines):
        fence = FENCE.match(lines[i])
        if not fence:
            if blocks:
                blocks[-1].after += lines[i] + "\n"
            marker_line = i if MARKER.match(lines[i]) else None
            i += 1
            continue
        start, lang = i, fence.group(1).strip()
        body = []
        i += 1
        while i < len(lines) and lines[i] != "```":
            body.append(lines[i])
            i += 1
        if i == len(lines):
            raise ValueError(f"{README}:{start + 1}: fence never closed")
        marker = (MARKER.match(lines[marker_line]).group(1)
                  if marker_line is not None else None)
        blocks.append(Block(start + 1, lang, "\n".join(body) + "\n", marker))
        marker_line = None
        i += 1
    return blocks


def console_commands(text):
    """(command, expected output) pairs of a console block."""
    pairs, lines, i = [], text.splitlines(), 0
    while i < len(lines):
        if not lines[i].startswith("$ "):
            raise ValueError(f"output before any command: {lines[i]!r}")
        command = lines[i][2:]
        while command.endswith("\\") and i + 1 < len(lines):
            i += 1
            command += "\n" + lines[i]
        i += 1
        expected = []
        while i < len(lines) and not lines[i].startswith("$ "):
            expected.append(lines[i])
            i += 1
        pairs.append((command, "\n".join(expected)))
    return pairs


def squeeze(text):
    return re.sub(r"\s+", " ", text).strip()


class Session:
    def __init__(self, args, scratch):
        self.args = args
        self.scratch = scratch
        self.clone = os.path.join(scratch, "clone")
        self.state = os.path.join(scratch, "state")
        self.cwd = self.clone
        self.env = None
        self.counter = 0

    def map_paths(self, text):
        for path in MAPPED_PATHS:
            text = text.replace(path, os.path.join(self.scratch, "mapped",
                                                   path.strip("/")) +
                                ("/" if path.endswith("/") else ""))
        return text

    def setup(self):
        args = self.args
        os.makedirs(self.state)
        os.makedirs(os.path.join(self.scratch, "home"))
        os.makedirs(os.path.join(self.scratch, "mapped", "tmp"))
        os.makedirs(os.path.join(self.scratch, "mapped", "opt"))
        # A fresh clone: the tracked sources, not what a build or npm left.
        shutil.copytree(args.source, self.clone, symlinks=True,
                        ignore=shutil.ignore_patterns(
                            ".git", "build", "build-*", "node_modules",
                            "__pycache__", "*.egg-info"))
        modules = os.path.join(args.source, "examples", "node", "node_modules")
        if os.path.isdir(modules):   # what script/bootstrap's npm ci made
            os.symlink(modules, os.path.join(self.clone, "examples", "node",
                                             "node_modules"))
        # The build under test stands in for "after a build".
        build = os.path.join(self.clone, "build", "default")
        os.makedirs(build)
        for name in os.listdir(args.build):
            if name not in ("Testing", "install_manifest.txt"):
                os.symlink(os.path.join(args.build, name),
                           os.path.join(build, name))
        env = {k: v for k, v in os.environ.items()
               if not k.startswith("FIVES_") and k not in (
                   "PKG_CONFIG_PATH", "PYTHONPATH", "VIRTUAL_ENV",
                   "LD_LIBRARY_PATH")}
        venv = os.path.join(self.scratch, "venv")
        env.update(
            HOME=os.path.join(self.scratch, "home"),
            PATH=os.pathsep.join([os.path.join(build, "examples"),
                                  os.path.join(venv, "bin"),
                                  env.get("PATH", "/usr/bin:/bin")]),
            FIVES_LIBRARY=os.path.join(build, "libfives.so.0"),
            PYTHONDONTWRITEBYTECODE="1",
            PIP_DISABLE_PIP_VERSION_CHECK="1",
            PIP_NO_CACHE_DIR="1")
        self.env = env
        python = choose_python()
        print(f"setup: a fresh clone in {self.clone}, the build {args.build}, "
              f"a virtual environment of {python}")
        run = [
            [python, "-m", "venv", "--system-site-packages", venv],
            [os.path.join(venv, "bin", "pip"), "install", "--quiet",
             "--no-build-isolation", "./bindings/python"],
        ]
        for command in run:
            result = subprocess.run(command, cwd=self.clone, env=env,
                                    capture_output=True, text=True,
                                    timeout=BLOCK_TIMEOUT)
            if result.returncode != 0:
                sys.exit(f"setup failed: {' '.join(command)}\n"
                         f"{result.stdout}{result.stderr}")

    def shell(self, script, stdin=None):
        """Runs script in the session; (exit status, stdout, stderr)."""
        self.counter += 1
        path = os.path.join(self.state, f"block-{self.counter}.sh")
        with open(path, "w", encoding="utf-8") as f:
            f.write(script)
        env = dict(self.env, __SNIPPET_STATE=self.state,
                   __SNIPPET_BLOCK=path)
        # A session of its own, so that a timeout ends what the block
        # started (a build, a server) and not only bash.
        process = subprocess.Popen(
            ["bash", "--noprofile", "--norc", "-c", WRAPPER],
            cwd=self.cwd, env=env, stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            start_new_session=True)
        try:
            out, err = process.communicate(stdin or "", timeout=BLOCK_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            out, err = process.communicate()
            return (-1, out, err +
                    f"\nsnippet: timed out after {BLOCK_TIMEOUT} s")
        with open(os.path.join(self.state, "pwd"), encoding="utf-8") as f:
            self.cwd = f.read().strip()
        with open(os.path.join(self.state, "env"), "rb") as f:
            saved = f.read().decode("utf-8").split("\0")
        self.env = {}
        for entry in saved:
            key, sep, value = entry.partition("=")
            if sep and not key.startswith("__SNIPPET_") and key not in (
                    "PWD", "OLDPWD", "SHLVL", "_"):
                self.env[key] = value
        return process.returncode, out, err

    def write_here(self, name, text):
        path = os.path.join(self.cwd, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path


def choose_python():
    """The interpreter for the virtual environment: the first that has
    setuptools and dask.distributed, as tests/python chooses."""
    candidates = [sys.executable, "/usr/bin/python3"]
    for python in candidates:
        if os.path.exists(python) and subprocess.run(
                [python, "-c", "import setuptools, dask.distributed"],
                capture_output=True).returncode == 0:
            return python
    return sys.executable


def missing_runtime(block, session):
    """Why a block cannot run on this machine, or None."""
    text = block.text
    if block.lang == "js" or (block.lang in SHELL and NODE_USE.search(text)):
        koffi = os.path.join(session.clone, "examples", "node",
                             "node_modules", "koffi", "package.json")
        if not shutil.which("node"):
            return "needs node (apt-get install nodejs npm)"
        if not os.path.exists(koffi):
            return "needs koffi (npm ci in examples/node)"
    if block.lang in SHELL and JAVA_USE.search(text):
        if not shutil.which("javac") or not shutil.which("java"):
            return "needs a JDK (apt-get install default-jdk-headless)"
        if not os.path.exists("/usr/share/java/jna.jar"):
            return "needs /usr/share/java/jna.jar (apt-get install libjna-java)"
    if block.lang == "python" and "dask" in text:
        code = subprocess.run(
            ["python3", "-c", "import dask.distributed"], env=session.env,
            capture_output=True).returncode
        if code != 0:
            return "needs dask.distributed (apt-get install python3-distributed)"
    return None


def compile_fragment(block, session):
    args = session.args
    includes = [l for l in block.text.splitlines() if l.startswith("#")]
    body = [l for l in block.text.splitlines() if not l.startswith("#")]
    source = "\n".join(includes + ["int main(void) {"] + body +
                       ["  return 0;", "}"]) + "\n"
    suffix = ".c" if block.lang == "c" else ".cc"
    path = os.path.join(session.state, f"fragment-{block.line}{suffix}")
    with open(path, "w", encoding="utf-8") as f:
        f.write(source)
    if block.lang == "c":
        command = [args.cc, "-std=c99", "-fsyntax-only",
                   "-I", os.path.join(args.source, "capi"), path]
    else:
        # Every layer's public headers (include/LAYER/fives/*.h), as a
        # host of the source tree sees them through fives_core.
        layers = sorted(glob.glob(os.path.join(args.source, "include", "*")))
        command = [args.cxx, "-std=c++17", "-fsyntax-only"]
        for layer in layers:
            command += ["-I", layer]
        command += ["-I", args.gen, path]
    result = subprocess.run(command, capture_output=True, text=True,
                            timeout=BLOCK_TIMEOUT)
    return result.returncode, result.stdout, result.stderr


def run_block(block, session):
    """(outcome, detail, failure or None)."""
    if block.skip:
        return "skipped", block.skip, None
    if block.lang in NOT_RUN and not (block.file or block.fragment):
        return "not code", block.lang, None
    if block.file:
        session.write_here(block.file, block.text)
        return "written", block.file, None
    if block.fragment:
        if block.lang not in ("c", "cpp"):
            return "failed", "", "fragment is for c and cpp blocks only"
        code, out, err = compile_fragment(block, session)
        if code != 0:
            return "failed", "", f"does not compile:\n{err}"
        return "compiled", block.lang, None
    why = missing_runtime(block, session)
    if why:
        return "skipped", why, None
    text = session.map_paths(block.text)
    if block.instead:
        command = session.map_paths(block.instead)
        code, out, err = session.shell(command + "\n")
        if code != 0:
            return "failed", "", f"`{block.instead}` exit {code}:\n{err}"
        return "ran instead", f"{block.instead} ({block.instead_why})", None
    if block.lang == "console":
        try:
            pairs = console_commands(text)
        except ValueError as e:
            return "failed", "", f"not a console transcript: {e}"
        outputs = []
        for command, expected in pairs:
            code, out, err = session.shell(command + "\n", block.stdin)
            if code != 0:
                return "failed", "", f"`{command}` exit {code}:\n{err}"
            if expected.strip() and re.sub(r"\s", "", out) != re.sub(
                    r"\s", "", expected):
                return "failed", "", (f"`{command}` printed\n{out}\n"
                                      f"where the README shows\n{expected}")
            outputs.append(out)
        out = "".join(outputs)
    elif block.lang in ("sh", "bash"):
        code, out, err = session.shell(text, block.stdin)
        if code != 0:
            return "failed", "", f"exit status {code}, stderr:\n{err}"
    elif block.lang in ("python", "js"):
        name = f"block-{block.line}.{'py' if block.lang == 'python' else 'js'}"
        path = os.path.join(session.state, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        # node reads the block from stdin so that require('./...') is
        # relative to the session's directory, as at a prompt.
        command = (f'python3 "{path}"\n' if block.lang == "python"
                   else f'node - < "{path}"\n')
        code, out, err = session.shell(command, block.stdin)
        if code != 0:
            return "failed", "", f"exit status {code}, stderr:\n{err}"
    elif not block.lang:
        return "failed", "", ("a block without an info string: say what it "
                              "is (```text, ```sh, ...) or mark it")
    else:
        return "failed", "", (f"```{block.lang}: no way to run it; mark it "
                              "(see tests/readme_snippets_test.py)")
    # The first paragraph after the block.
    paragraph = re.split(r"\n\s*\n", block.after.strip("\n"))[0]
    printed = PRINTS.search(paragraph)
    if printed and squeeze(printed.group(1)) not in squeeze(out):
        return "failed", "", (f"the README says it prints "
                              f"`{squeeze(printed.group(1))}`; it printed:\n"
                              f"{out}")
    first = block.text.strip().splitlines()[0]
    return "ran", first + (" [output checked]" if printed else ""), None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--readme", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--build", required=True)
    parser.add_argument("--gen", required=True,
                        help="the generated protobuf headers")
    parser.add_argument("--cc", default="cc")
    parser.add_argument("--cxx", default="c++")
    parser.add_argument("--keep", action="store_true",
                        help="keep the scratch directory")
    args = parser.parse_args()
    global README
    README = os.path.basename(args.readme)
    args.source = os.path.abspath(args.source)
    args.build = os.path.abspath(args.build)

    try:
        blocks = parse(args.readme)
    except ValueError as e:
        sys.exit(str(e))
    scratch = tempfile.mkdtemp(prefix="fives-readme-")
    session = Session(args, scratch)
    failures, counts = [], {}
    try:
        session.setup()
        for block in blocks:
            outcome, detail, failure = run_block(block, session)
            counts.setdefault(outcome, []).append((block, detail))
            label = f"{README}:{block.line} ```{block.lang}"
            if failure:
                failures.append(block)
                print(f"FAIL {label}\n{block.numbered()}\n"
                      f"  {failure.rstrip()}\n", flush=True)
            else:
                print(f"{outcome:12s} {label}: {detail}", flush=True)
    finally:
        if args.keep:
            print(f"scratch directory kept: {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    print(f"\n{len(blocks)} blocks: " + ", ".join(
        f"{len(v)} {k}" for k, v in sorted(counts.items())))
    for block, why in counts.get("skipped", []):
        print(f"  skipped {README}:{block.line}: {why}")
    if failures:
        print("FAILED: " + ", ".join(f"{README}:{b.line}" for b in failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
