#!/usr/bin/env python3
"""Renders the demo's SVG pictures to PNG and checks them.

Usage: svg_render_test.py PATH_TO_TEST_BINARY [OUTPUT_DIR]
           [--filter GTEST_FILTER] [--expect NAME.svg,NAME.svg,...]

Runs the GoogleTest binary's picture writer (by default report_svg_test's
SvgFiles.WritesDemoPictures and its pictures; --filter and --expect name
another binary's writer and files) with FIVES_SVG_OUT set, then for every
expected .svg: parses it as XML (an <svg> root in the SVG
namespace with a non-empty <title> and <desc>, a viewBox), renders it with
rsvg-convert (Debian's librsvg2-bin; its absence is a failure, since
script/bootstrap installs it) and decodes the PNG with the standard library
to check that the image is not blank. The PNGs stay in OUTPUT_DIR when one
is given (to look at them), else in a temporary folder.
Standard library only.
"""

import argparse
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET
import zlib

SVG_NS = "{http://www.w3.org/2000/svg}"
EXPECTED = [
    f"{kind}_{lang}.svg"
    for lang in ("en", "nl")
    for kind in ("radar", "strips", "trend", "radar_withheld", "strips_withheld")
]

BINARY = None
OUT_DIR = None
FILTER = "SvgFiles.WritesDemoPictures"


def decode_png(data):
    """Returns (width, height, channels, rows of bytes) of an 8-bit PNG."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos = 8
    idat = b""
    width = height = depth = colour = None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(
                ">IIBBBBB", body
            )
            if depth != 8 or interlace != 0:
                raise ValueError(f"unsupported PNG: depth {depth}, interlace {interlace}")
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    channels = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
    raw = zlib.decompress(idat)
    stride = width * channels
    rows = []
    prev = bytearray(stride)
    i = 0
    for _ in range(height):
        filt = raw[i]
        line = bytearray(raw[i + 1 : i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = prev[x]
            c = prev[x - channels] if x >= channels else 0
            if filt == 1:
                line[x] = (line[x] + a) & 0xFF
            elif filt == 2:
                line[x] = (line[x] + b) & 0xFF
            elif filt == 3:
                line[x] = (line[x] + (a + b) // 2) & 0xFF
            elif filt == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[x] = (line[x] + pred) & 0xFF
            elif filt != 0:
                raise ValueError(f"bad filter {filt}")
        rows.append(bytes(line))
        prev = line
    return width, height, channels, rows


class SvgRenderTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if OUT_DIR:
            os.makedirs(OUT_DIR, exist_ok=True)
            cls.dir = OUT_DIR
            cls.tmp = None
        else:
            cls.tmp = tempfile.TemporaryDirectory()
            cls.dir = cls.tmp.name
        env = dict(os.environ, FIVES_SVG_OUT=cls.dir)
        result = subprocess.run(
            [BINARY, f"--gtest_filter={FILTER}"],
            env=env,
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise AssertionError(f"{BINARY} failed:\n{result.stdout}\n{result.stderr}")

    @classmethod
    def tearDownClass(cls):
        if cls.tmp is not None:
            cls.tmp.cleanup()

    def test_all_written(self):
        for name in EXPECTED:
            self.assertTrue(os.path.isfile(os.path.join(self.dir, name)), name)

    def test_well_formed_and_accessible(self):
        for name in EXPECTED:
            with self.subTest(svg=name):
                root = ET.parse(os.path.join(self.dir, name)).getroot()
                self.assertEqual(root.tag, f"{SVG_NS}svg")
                self.assertTrue(root.get("viewBox", "").startswith("0 0 "))
                title = root.find(f"{SVG_NS}title")
                desc = root.find(f"{SVG_NS}desc")
                self.assertIsNotNone(title)
                self.assertIsNotNone(desc)
                self.assertTrue(title.text and title.text.strip())
                self.assertTrue(desc.text and len(desc.text) > 40)
                # Every visible text in a sans-serif font, no external asset.
                self.assertEqual(root.get("font-family"), "sans-serif")
                for el in root.iter():
                    for attr, value in el.attrib.items():
                        self.assertFalse(
                            value.startswith(("http:", "https:", "file:", "data:"))
                            and attr != "xmlns",
                            f"{name}: external reference {attr}={value}",
                        )

    def test_renders_non_blank(self):
        rsvg = shutil.which("rsvg-convert")
        self.assertIsNotNone(
            rsvg, "rsvg-convert is missing: apt-get install librsvg2-bin"
        )
        for name in EXPECTED:
            with self.subTest(svg=name):
                svg = os.path.join(self.dir, name)
                png = svg[:-4] + ".png"
                subprocess.run([rsvg, "-o", png, svg], check=True)
                with open(png, "rb") as f:
                    width, height, channels, rows = decode_png(f.read())
                self.assertGreater(width, 300)
                self.assertGreater(height, 300)
                counts = {}
                for row in rows:
                    for x in range(0, len(row), channels):
                        pixel = row[x : x + channels]
                        counts[pixel] = counts.get(pixel, 0) + 1
                background = max(counts.values())
                total = width * height
                # Not blank: several colours, and a fair share of the image
                # differs from the background.
                self.assertGreater(len(counts), 5)
                self.assertGreater(total - background, total // 50)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    parser = argparse.ArgumentParser(usage=__doc__)
    parser.add_argument("binary")
    parser.add_argument("out_dir", nargs="?")
    parser.add_argument("--filter", default=FILTER)
    parser.add_argument("--expect", default=",".join(EXPECTED))
    args = parser.parse_args()
    BINARY = args.binary
    OUT_DIR = args.out_dir
    FILTER = args.filter
    EXPECTED = args.expect.split(",")
    unittest.main(argv=[sys.argv[0]])
