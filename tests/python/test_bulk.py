"""fives.bulk_stats: one call over buffers, columns, errors."""

import array
import ctypes
import mmap
import random
import struct
import threading
import unittest

import fives
from fives import _ffi

from helpers import MEASURES, read_reference, scores_of

# Three groups: group 0 has two responses, group 1 three (one leaves synergy
# out), group 2 none.
GROUPS = [0, 1, 0, 1, 1]
SCORES = [4, 4, 5, 3, 4,
          1, 0, 1, 1, 1,
          2, 4, 5, 3, 4,
          5, 5, 5, 5, 5,
          3, 5, 3, 3, 3]


def by_group(groups, scores, group_count):
    """Each group's scores per pillar (0 left out)."""
    out = [[[] for _ in range(5)] for _ in range(group_count)]
    for i, g in enumerate(groups):
        for p in range(5):
            s = scores[5 * i + p]
            if s:
                out[g][p].append(s)
    return out


class BulkTest(unittest.TestCase):
    def check_against_score_stats(self, result, groups, scores, group_count):
        self.assertEqual(len(result), group_count)
        expected = by_group(groups, scores, group_count)
        for g in range(group_count):
            for p in range(5):
                got = result.pillar(g, p + 1)
                self.assertEqual(got.pillar, fives.Pillar(p + 1))
                if not expected[g][p]:
                    self.assertEqual(got.n, 0)
                    self.assertIsNone(got.mean)
                    self.assertEqual(got.label, "single")  # n < 2
                    self.assertEqual(got.histogram, ())
                    continue
                want = dataclasses_replace(fives.score_stats(expected[g][p]),
                                           pillar=fives.Pillar(p + 1))
                self.assertEqual(got, want, (g, p))

    def test_each_buffer_type(self):
        g_array = array.array("I", GROUPS)
        s_bytes = bytes(SCORES)
        inputs = {
            "array/bytes": (g_array, s_bytes),
            "array/array": (g_array, array.array("B", SCORES)),
            "array/bytearray": (g_array, bytearray(SCORES)),
            "bytes/bytes": (struct.pack("<5I", *GROUPS), s_bytes),
            "bytearray/memoryview": (bytearray(g_array.tobytes()),
                                     memoryview(s_bytes)),
            "memoryview/memoryview": (memoryview(g_array),
                                      memoryview(bytearray(SCORES))),
            "readonly slices": (memoryview(b"\0" * 4 + g_array.tobytes())[4:],
                                memoryview(b"\0" + s_bytes)[1:]),
            "ctypes": ((ctypes.c_uint32 * 5)(*GROUPS),
                       (ctypes.c_uint8 * 25)(*SCORES)),
            "2-D scores": (g_array, memoryview(s_bytes).cast("B", (5, 5))),
            "signed": (array.array("i", GROUPS), array.array("b", SCORES)),
        }
        for name, (groups, scores) in inputs.items():
            with self.subTest(name):
                result = fives.bulk_stats(groups, scores, 3)
                self.check_against_score_stats(result, GROUPS, SCORES, 3)

    def test_mmap_buffer(self):
        m = mmap.mmap(-1, 25)
        m.write(bytes(SCORES))
        result = fives.bulk_stats(array.array("I", GROUPS), m, 3)
        self.check_against_score_stats(result, GROUPS, SCORES, 3)
        del result
        m.close()

    def test_columns(self):
        result = fives.bulk_stats(array.array("I", GROUPS), bytes(SCORES), 3)
        mean = result.mean
        self.assertIsInstance(mean, memoryview)
        self.assertEqual(len(mean), 15)
        self.assertEqual(mean.format, "d")
        self.assertEqual(mean[0], 3.0)  # group 0, strategy: 4 and 2
        self.assertEqual(result.n.tolist(),
                         [2, 2, 2, 2, 2, 3, 2, 3, 3, 3, 0, 0, 0, 0, 0])
        self.assertEqual(result.histogram(5).tolist()[:5], [0, 0, 2, 0, 0])
        self.assertEqual(result.min[5], 1)
        self.assertEqual(result.max[5], 5)
        self.assertEqual(result.label[5], 4)  # split: 1, 3, 5
        self.assertEqual(fives.LABELS[result.label[5]], "split")
        self.assertEqual(result.label[10], 1)  # single: no scores
        self.assertEqual(result.defined[10], 0)
        self.assertEqual(result.defined[0], 0xFF)
        self.assertEqual(result.ad_above_cutoff[5], 1)
        for name in MEASURES:
            column = getattr(result, name)
            self.assertEqual(len(column), 15, name)
            self.assertEqual(column.tolist(), result.column(name).tolist())
            for row in range(15):
                value = result.pillar(row // 5, row % 5 + 1)
                want = getattr(value, name)
                self.assertEqual(column[row], 0.0 if want is None else want)
        self.assertTrue(result.mean.readonly)
        self.assertEqual(len(result.raw), 15 * 120)
        with self.assertRaises(KeyError):
            result.column("reserved")
        with self.assertRaises(KeyError):
            result.column("nope")
        self.assertEqual(len(result.group(1)), 5)
        self.assertEqual(result.group(1)[0], result.pillar(1, "strategy"))
        self.assertIn("3 groups", repr(result))

    def test_pillar_arguments(self):
        result = fives.bulk_stats(array.array("I", GROUPS), bytes(SCORES), 3)
        with self.assertRaises(IndexError):
            result.pillar(3, 1)
        with self.assertRaises(IndexError):
            result.pillar(-1, 1)
        with self.assertRaises(TypeError):
            result.pillar("0", 1)  # type: ignore[arg-type]
        with self.assertRaises(fives.InvalidArgument):
            result.pillar(0, 6)
        with self.assertRaises(fives.InvalidArgument):
            result.histogram(0)
        with self.assertRaises(TypeError):
            result.histogram(1.0)  # type: ignore[arg-type]

    def test_every_reference_histogram_in_one_call(self):
        rows = read_reference()
        groups, scores = array.array("I"), bytearray()
        for g, row in enumerate(rows):
            for s in scores_of(row["histogram"]):
                groups.append(g)
                # The same score in all five pillars.
                scores += bytes([s] * 5)
        result = fives.bulk_stats(groups, scores, len(rows))
        for g, row in enumerate(rows):
            for p in fives.Pillar:
                s = result.pillar(g, p)
                self.assertEqual(s.histogram, row["histogram"])
                self.assertEqual(s.label, row["label"])
                for key in MEASURES:
                    want, got = row[key], getattr(s, key)
                    if want is None:
                        self.assertIsNone(got, (row, key))
                    else:
                        self.assertAlmostEqual(got, want, delta=1e-9)

    def test_random_data_matches_score_stats(self):
        rng = random.Random(7)
        groups = [rng.randrange(40) for _ in range(400)]
        scores = [rng.choice((0, 1, 2, 3, 4, 5, 5)) for _ in range(2000)]
        result = fives.bulk_stats(array.array("I", groups), bytes(scores), 41)
        self.check_against_score_stats(result, groups, scores, 41)

    def test_no_responses(self):
        result = fives.bulk_stats(b"", b"", 2)
        self.assertEqual(result.n.tolist(), [0] * 10)
        self.assertEqual(result.pillar(1, 5).n, 0)
        result = fives.bulk_stats(array.array("I"), array.array("B"), 1)
        self.assertEqual(len(result), 1)

    def test_out_reuses_storage(self):
        groups = array.array("I", GROUPS)
        first = fives.bulk_stats(groups, bytes(SCORES), 3)
        table = first._table
        other = [5] * 25
        again = fives.bulk_stats(groups, bytes(other), 2, out=first)
        self.assertIs(again, first)
        self.assertIs(again._table, table)
        self.assertEqual(len(again), 2)
        self.assertEqual(again.mean.tolist(), [5.0] * 10)
        with self.assertRaises(fives.InvalidArgument) as cm:
            fives.bulk_stats(groups, bytes(SCORES), 4, out=first)
        self.assertIn("room for 3 groups", str(cm.exception))
        with self.assertRaises(TypeError):
            fives.bulk_stats(groups, bytes(SCORES), 3, out=object())
        # A failed call leaves the earlier figures as they were.
        with self.assertRaises(fives.InvalidArgument):
            fives.bulk_stats(groups, bytes([9] * 25), 2, out=first)
        self.assertEqual(again.mean.tolist(), [5.0] * 10)

    def test_buffers_are_not_copied_or_changed(self):
        groups = array.array("I", GROUPS)
        scores = bytearray(SCORES)
        fives.bulk_stats(groups, scores, 3)
        self.assertEqual(list(groups), GROUPS)
        self.assertEqual(list(scores), SCORES)
        # While the call holds them, exporters cannot resize; afterwards they
        # can again (the export was released).
        groups.append(0)
        scores.extend(b"\1\1\1\1\1")
        self.assertEqual(len(fives.bulk_stats(groups, scores, 3)), 3)

    def test_threads(self):
        groups = array.array("I", GROUPS * 200)
        scores = bytes(SCORES * 200)
        expected = fives.bulk_stats(groups, scores, 3).raw.tobytes()
        results = []

        def work():
            for _ in range(20):
                results.append(fives.bulk_stats(groups, scores, 3).raw.tobytes())

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(len(results), 80)
        self.assertTrue(all(r == expected for r in results))


class BadBufferTest(unittest.TestCase):
    def test_wrong_item_sizes_are_type_errors(self):
        scores = bytes(SCORES)
        for groups in (array.array("H", GROUPS), array.array("Q", GROUPS),
                       array.array("d", GROUPS), array.array("f", GROUPS)):
            with self.assertRaises(TypeError) as cm:
                fives.bulk_stats(groups, scores, 3)
            self.assertIn("groups", str(cm.exception))
        groups = array.array("I", GROUPS)
        for bad in (array.array("H", SCORES), array.array("I", SCORES),
                    array.array("d", SCORES)):
            with self.assertRaises(TypeError) as cm:
                fives.bulk_stats(groups, bad, 3)
            self.assertIn("scores", str(cm.exception))

    def test_non_buffers_are_type_errors(self):
        with self.assertRaises(TypeError):
            fives.bulk_stats(GROUPS, bytes(SCORES), 3)
        with self.assertRaises(TypeError):
            fives.bulk_stats(array.array("I", GROUPS), SCORES, 3)
        with self.assertRaises(TypeError):
            fives.bulk_stats(array.array("I", GROUPS), "4", 3)

    def test_big_endian_is_refused(self):
        big = (ctypes.c_uint32.__ctype_be__ * 5)(*GROUPS)
        self.assertEqual(memoryview(big).format, ">I")
        with self.assertRaises(TypeError) as cm:
            fives.bulk_stats(big, bytes(SCORES), 3)
        self.assertIn("big-endian", str(cm.exception))
        little = (ctypes.c_uint32.__ctype_le__ * 5)(*GROUPS)
        self.assertEqual(len(fives.bulk_stats(little, bytes(SCORES), 3)), 3)

    def test_length_mismatch_is_invalid_argument(self):
        groups = array.array("I", GROUPS)
        for scores in (bytes(SCORES[:-1]), bytes(SCORES + [1]), b""):
            with self.assertRaises(fives.InvalidArgument) as cm:
                fives.bulk_stats(groups, scores, 3)
            self.assertIn("expected 5 per response", str(cm.exception))
            self.assertIsInstance(cm.exception, ValueError)
        with self.assertRaises(fives.InvalidArgument) as cm:
            fives.bulk_stats(b"\0\0\0", b"", 3)
        self.assertIn("whole number of uint32", str(cm.exception))

    def test_non_contiguous_is_invalid_argument(self):
        groups = memoryview(array.array("I", GROUPS * 2))[::2]
        with self.assertRaises(fives.InvalidArgument) as cm:
            fives.bulk_stats(groups, bytes(SCORES), 3)
        self.assertIn("contiguous", str(cm.exception))

    def test_bad_values_carry_the_library_message(self):
        groups = array.array("I", GROUPS)
        with self.assertRaises(fives.InvalidArgument) as cm:
            fives.bulk_stats(groups, bytes(SCORES), 1)
        self.assertIn("groups[1]", str(cm.exception))
        bad = list(SCORES)
        bad[7] = 6
        with self.assertRaises(fives.InvalidArgument) as cm:
            fives.bulk_stats(groups, bytes(bad), 3)
        self.assertIn("6", str(cm.exception))
        bad[7] = 255
        with self.assertRaises(fives.InvalidArgument):
            fives.bulk_stats(groups, bytes(bad), 3)
        with self.assertRaises(fives.InvalidArgument):
            fives.bulk_stats(array.array("i", [0, -1, 0, 0, 0]), bytes(SCORES),
                             3)

    def test_group_count(self):
        groups = array.array("I", GROUPS)
        for bad in (0, -1, 2**28 + 1):
            with self.assertRaises(fives.InvalidArgument):
                fives.bulk_stats(groups, bytes(SCORES), bad)
        for bad in (3.0, "3", None, True):
            with self.assertRaises(TypeError):
                fives.bulk_stats(groups, bytes(SCORES), bad)  # type: ignore


class CompactTest(unittest.TestCase):
    """fives.bulk_stats_compact: the same statistics, each distinct once."""

    def test_random_data_matches_score_stats(self):
        rng = random.Random(11)
        groups = [rng.randrange(60) for _ in range(600)]
        scores = [rng.choice((0, 1, 2, 3, 4, 5, 5)) for _ in range(3000)]
        result = fives.bulk_stats_compact(array.array("I", groups),
                                          bytes(scores), 61)
        BulkTest.check_against_score_stats(self, result, groups, scores, 61)
        # The same as the table form, group by group.
        table = fives.bulk_stats(array.array("I", groups), bytes(scores), 61)
        for g in range(61):
            self.assertEqual(result.group(g), table.group(g))

    def test_each_distinct_set_of_counts_once(self):
        # Groups 0 and 2 have the same scores; group 1 differs; group 3 has
        # none: three distinct sets of counts (empty included).
        groups = array.array("I", [0, 1, 2])
        scores = bytes([3] * 5 + [4] * 5 + [3] * 5)
        result = fives.bulk_stats_compact(groups, scores, 4)
        self.assertEqual(result.distinct_count, 3)
        index = result.index.tolist()
        self.assertEqual(len(index), 20)
        self.assertEqual(index[0:5], [0] * 5)     # first seen: position 0
        self.assertEqual(index[5:10], [1] * 5)
        self.assertEqual(index[10:15], [0] * 5)   # group 2 shares group 0's
        self.assertEqual(index[15:20], [2] * 5)
        self.assertEqual(result.distinct(1).mean, 4.0)
        self.assertEqual(result.distinct(2).n, 0)
        self.assertEqual(result.pillar(2, "steering").mean, 3.0)
        # A distinct set serves any pillar: it names none, and converts to
        # the message without one; a group's pillar names its pillar.
        self.assertIsNone(result.distinct(1).pillar)
        self.assertEqual(result.distinct(1).to_message()["mean"], 4.0)
        self.assertNotIn("pillar", result.distinct(1).to_message())
        self.assertIs(result.pillar(2, "steering").pillar,
                      fives.Pillar.STEERING)
        self.assertEqual(result.pillar(2, "steering").to_message()["pillar"],
                         "PILLAR_STEERING")
        with self.assertRaises(IndexError):
            result.distinct(3)
        with self.assertRaises(IndexError):
            result.pillar(4, 1)
        with self.assertRaises(TypeError):
            result.distinct("0")  # type: ignore[arg-type]

    def test_errors_as_bulk_stats(self):
        groups = array.array("I", GROUPS)
        with self.assertRaises(fives.InvalidArgument) as cm:
            fives.bulk_stats_compact(groups, bytes(SCORES), 1)
        self.assertIn("groups[1]", str(cm.exception))
        bad = list(SCORES)
        bad[7] = 6
        with self.assertRaises(fives.InvalidArgument):
            fives.bulk_stats_compact(groups, bytes(bad), 3)
        with self.assertRaises(TypeError):
            fives.bulk_stats_compact(array.array("H", GROUPS), bytes(SCORES), 3)
        with self.assertRaises(fives.InvalidArgument):
            fives.bulk_stats_compact(groups, bytes(SCORES[:-1]), 3)


class MessageTest(unittest.TestCase):
    def test_message(self):
        m = fives.bulk_stats_message(array.array("I", GROUPS), bytes(SCORES), 3)
        self.assertEqual(len(m["groups"]), 3)
        self.assertNotIn("group", m["groups"][0])  # 0: default, absent
        self.assertEqual(m["groups"][2]["group"], 2)
        table = fives.bulk_stats(array.array("I", GROUPS), bytes(SCORES), 3)
        for g, group in enumerate(m["groups"]):
            self.assertEqual(len(group["pillars"]), 5)
            for p, message in enumerate(group["pillars"]):
                self.assertEqual(fives.PillarStats.from_message(message),
                                 table.pillar(g, p + 1))

    def test_message_errors(self):
        with self.assertRaises(fives.InvalidArgument):
            fives.bulk_stats_message(array.array("I", GROUPS), bytes(SCORES), 1)
        with self.assertRaises(TypeError):
            fives.bulk_stats_message(GROUPS, bytes(SCORES), 3)


class TableCallTest(unittest.TestCase):
    """The C function itself, through the declaration table."""

    def test_struct_size_and_out_count_checks(self):
        lib = _ffi.lib()
        out = (_ffi.PillarStatsStruct * 5)()
        g = (ctypes.c_uint32 * 1)(0)
        s = (ctypes.c_uint8 * 5)(1, 2, 3, 4, 5)
        with self.assertRaises(fives.InvalidArgument) as cm:
            lib.fives_bulk_stats_table(out, 5, 100, g, s, 1, 1)
        self.assertIn("struct_size", str(cm.exception))
        with self.assertRaises(fives.InvalidArgument) as cm:
            lib.fives_bulk_stats_table(out, 4, 120, g, s, 1, 1)
        self.assertIn("out_count", str(cm.exception))
        with self.assertRaises(fives.InvalidArgument):
            lib.fives_bulk_stats_table(None, 5, 120, g, s, 1, 1)
        with self.assertRaises(fives.InvalidArgument):
            lib.fives_bulk_stats_table(out, 5, 120, None, s, 1, 1)
        lib.fives_bulk_stats_table(out, 5, 120, g, s, 1, 1)
        self.assertEqual(out[2].n, 1)
        self.assertEqual(out[2].mean, 3.0)
        # A larger struct_size (a newer caller's struct) is accepted.
        wide = (ctypes.c_char * (5 * 128))()
        lib.fives_bulk_stats_table(wide, 5, 128, g, s, 1, 1)
        third = _ffi.PillarStatsStruct.from_buffer(wide, 2 * 128)
        self.assertEqual(third.mean, 3.0)


def dataclasses_replace(obj, **changes):
    import dataclasses
    return dataclasses.replace(obj, **changes)


if __name__ == "__main__":
    unittest.main()
