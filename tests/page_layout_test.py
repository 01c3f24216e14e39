#!/usr/bin/env python3
"""Loads the demo's HTML pages in headless Chromium and measures them.

Usage: page_layout_test.py PATH_TO_FIVES [OUTPUT_DIR]

Writes the demo meeting page and the demo organisation page in English and
Dutch with the fives command, puts a measuring script into a copy of each,
and loads the copy in headless Chromium (--dump-dom) at 1280 and at 1920
pixels wide. The script writes what it measured into the page as JSON. The
test fails when
  - a text of a picture (an <svg> <text>) is less than 12 px tall on the
    screen (its box, and its font size times the picture's scale), or
  - a table cell breaks a line next to a digit or a % sign, which parts a
    number from its unit ("3 | of 4", "40 | %", "10 | March 2026"), or
  - a readiness cell (the bar and "3 of 4") takes more than one line.
Prints the smallest text height of each page and width.

Exits 77, which CTest reports as skipped, with a message saying so when no
Chromium is found (FIVES_CHROMIUM, else chromium, chromium-browser or
google-chrome on the PATH); script/bootstrap installs Debian's chromium.
The pages and the measurements stay in OUTPUT_DIR when one is given.
Standard library only.
"""

import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

FIVES = None
OUT_DIR = None
CHROMIUM = None
SKIP = 77
WIDTHS = (1280, 1920)
MIN_TEXT_PX = 12.0

# Runs after the page has laid out; the result goes into <pre id=...>, which
# --dump-dom prints.
MEASURE = r"""
<pre id="fives-layout-result"></pre>
<script>
(function () {
  const out = {width: window.innerWidth, texts: [], breaks: [], bars: []};
  for (const t of document.querySelectorAll('svg text')) {
    const label = t.textContent.trim();
    if (label === '') continue;
    const box = t.getBoundingClientRect();
    const m = t.getScreenCTM();
    const scale = Math.hypot(m.a, m.b);
    const svg = t.ownerSVGElement;
    out.texts.push({
      picture: (svg.getAttribute('aria-labelledby') || '').split('-')[0],
      text: label,
      height: box.height,
      font_px: parseFloat(getComputedStyle(t).fontSize) * scale,
    });
  }
  // Line breaks inside table cells, where the next visible character sits
  // lower than the one before it: after a number, or before one that
  // follows a word ("of | 4", "March | 2026"; "· | 4" is a fine break).
  const digit = /[0-9%]/;
  const word = /[\p{L}\p{N}]/u;
  for (const cell of document.querySelectorAll('td, th')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    let prev = null;  // {ch, top, height}
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const s = node.data;
      for (let i = 0; i < s.length; ++i) {
        if (/\s/.test(s[i])) continue;
        const r = document.createRange();
        r.setStart(node, i);
        r.setEnd(node, i + 1);
        const rect = r.getBoundingClientRect();
        if (rect.height === 0) continue;
        if (prev && rect.top > prev.top + prev.height / 2 &&
            (digit.test(prev.ch) ||
             (/[0-9]/.test(s[i]) && word.test(prev.ch)))) {
          out.breaks.push({cell: cell.textContent.trim(),
                           before: prev.ch, after: s[i]});
        }
        prev = {ch: s[i], top: rect.top, height: rect.height};
      }
    }
  }
  // The readiness bar and its words on one line.
  for (const bar of document.querySelectorAll('td .bar')) {
    const cell = bar.closest('td');
    const r = document.createRange();
    r.selectNodeContents(cell);
    const lineHeight = parseFloat(getComputedStyle(cell).lineHeight);
    out.bars.push({cell: cell.textContent.trim(),
                   lines: r.getBoundingClientRect().height / lineHeight});
  }
  document.getElementById('fives-layout-result').textContent =
      JSON.stringify(out);
})();
</script>
"""


def find_chromium():
    named = os.environ.get("FIVES_CHROMIUM")
    if named:
        return shutil.which(named)
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def write_page(folder, name, args):
    path = os.path.join(folder, name)
    result = subprocess.run([FIVES, *args, "--format", "html", "--out", path],
                            capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        raise AssertionError(f"fives {' '.join(args)}: {result.stderr}")
    return path


def measure(folder, page, width):
    """The measuring script's JSON for `page` loaded `width` px wide."""
    with open(page, encoding="utf-8") as f:
        text = f.read()
    probe = os.path.join(folder, f"{os.path.basename(page)[:-5]}_{width}.html")
    with open(probe, "w", encoding="utf-8") as f:
        f.write(text.replace("</body>", MEASURE + "</body>", 1))
    with tempfile.TemporaryDirectory() as profile:
        # --no-sandbox: Chromium's sandbox refuses to start as root, as in
        # containers and CI.
        result = subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
             "--hide-scrollbars", "--no-first-run",
             f"--user-data-dir={profile}",
             f"--window-size={width},2000", "--dump-dom",
             "file://" + os.path.abspath(probe)],
            capture_output=True, text=True, timeout=120)
    found = re.search(r'<pre id="fives-layout-result">(.*?)</pre>',
                      result.stdout, re.S)
    if result.returncode != 0 or not found or not found.group(1):
        raise AssertionError(
            f"chromium did not measure {probe} (exit {result.returncode}): "
            f"{result.stderr[-2000:]}")
    data = json.loads(html.unescape(found.group(1)))
    with open(probe[:-5] + ".json", "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1, ensure_ascii=False)
    return data


class PageLayoutTest(unittest.TestCase):
    PAGES = [
        ("meeting_en.html", ["demo", "--lang", "en"]),
        ("meeting_nl.html", ["demo", "--lang", "nl"]),
        ("org_en.html", ["org", "demo", "--lang", "en"]),
        ("org_nl.html", ["org", "demo", "--lang", "nl"]),
    ]

    @classmethod
    def setUpClass(cls):
        cls.tmp = None
        if OUT_DIR:
            os.makedirs(OUT_DIR, exist_ok=True)
            cls.folder = OUT_DIR
        else:
            cls.tmp = tempfile.TemporaryDirectory()
            cls.folder = cls.tmp.name
        cls.results = {}
        for name, args in cls.PAGES:
            page = write_page(cls.folder, name, args)
            for width in WIDTHS:
                cls.results[(name, width)] = measure(cls.folder, page, width)

    @classmethod
    def tearDownClass(cls):
        if cls.tmp:
            cls.tmp.cleanup()

    def test_viewport_is_as_asked(self):
        for (name, width), data in self.results.items():
            self.assertEqual(data["width"], width, name)

    def test_picture_texts_are_readable(self):
        for (name, width), data in sorted(self.results.items()):
            texts = data["texts"]
            with self.subTest(page=name, width=width):
                self.assertTrue(texts, "no picture text found")
                low = min(texts, key=lambda t: min(t["height"], t["font_px"]))
                print(f"{name} at {width} px: {len(texts)} texts, smallest "
                      f"box {min(t['height'] for t in texts):.1f} px, "
                      f"smallest font {min(t['font_px'] for t in texts):.1f} "
                      f"px ({low['picture']}: {low['text']!r})",
                      file=sys.stderr)
                small = [t for t in texts
                         if t["height"] < MIN_TEXT_PX
                         or t["font_px"] < MIN_TEXT_PX - 0.01]
                self.assertEqual(small, [], f"texts below {MIN_TEXT_PX} px")

    def test_no_cell_parts_a_number(self):
        for (name, width), data in sorted(self.results.items()):
            with self.subTest(page=name, width=width):
                self.assertEqual(data["breaks"], [])

    def test_readiness_on_one_line(self):
        for (name, width), data in sorted(self.results.items()):
            if not name.startswith("meeting"):
                continue
            with self.subTest(page=name, width=width):
                self.assertTrue(data["bars"], "no readiness cell found")
                wrapped = [b for b in data["bars"] if b["lines"] > 1.5]
                self.assertEqual(wrapped, [])


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    FIVES = os.path.abspath(sys.argv.pop(1))
    if len(sys.argv) > 1:
        OUT_DIR = os.path.abspath(sys.argv.pop(1))
    CHROMIUM = find_chromium()
    if CHROMIUM is None:
        print("SKIPPED: no Chromium found (FIVES_CHROMIUM, chromium, "
              "chromium-browser, google-chrome); install Debian's chromium "
              "(apt-get install chromium, as script/bootstrap does)",
              file=sys.stderr)
        sys.exit(SKIP)
    unittest.main(verbosity=2)
