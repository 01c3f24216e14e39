"""fives.Journal.import_scores_csv: scores from a form or a spreadsheet."""

import datetime
import unittest

import fives

D = datetime.date
HEADER = "member,Strategy,Synergy,Structure,Steering,Success\n"


def team(partial=False) -> fives.Journal:
    j = fives.Journal.new("board", "Board MT")
    for member_id, name in (("anna", "Anna"), ("bram", "Bram"),
                            ("carla", "Carla")):
        j.add_member(member_id, name, D(2026, 1, 5))
    j.start_round("r1", D(2026, 2, 2), "open", allow_partial=partial)
    return j


def scores(j: fives.Journal, member_id: str):
    """The member's scores in r1, by pillar key."""
    for response in j.to_dict()["rounds"][0].get("responses", []):
        if response["member_id"] == member_id:
            return {s["pillar"][len("PILLAR_"):].lower(): s["score"]
                    for s in response["scores"]}
    return None


class ImportTest(unittest.TestCase):
    def test_text_with_commas(self):
        with team() as j:
            j.import_scores_csv("r1", HEADER + "anna,4,3,2,5,1\n"
                                "Bram,5,5,4,4,3\n")
            self.assertEqual(scores(j, "anna"),
                             {"strategy": 4, "synergy": 3, "structure": 2,
                              "steering": 5, "success": 1})
            self.assertEqual(scores(j, "bram")["success"], 3)

    def test_bytes_with_bom_crlf_semicolons_and_dutch_names(self):
        data = ("\ufeffLid;Stip & strategie;Synergie & sterktes;Structuur;"
                "Sturing;Succesfactoren\r\n\"carla\";1;2;3;4;5\r\n\r\n"
                ).encode("utf-8")
        with team() as j:
            j.import_scores_csv("r1", data)
            self.assertEqual(scores(j, "carla")["steering"], 4)
            j.import_scores_csv("r1", bytearray(
                HEADER.encode("utf-8") + b"anna,1,1,1,1,1\n"))
            self.assertEqual(scores(j, "anna")["strategy"], 1)

    def test_partial_answers(self):
        with team(partial=True) as j:
            j.import_scores_csv("r1", HEADER + "anna,4,,3,,5\n")
            self.assertEqual(scores(j, "anna"),
                             {"strategy": 4, "structure": 3, "success": 5})


class RefusedTest(unittest.TestCase):
    def assert_refused(self, j, error, csv, message, round_id="r1"):
        before = j.to_bytes()
        with self.assertRaises(error) as cm:
            j.import_scores_csv(round_id, csv)
        self.assertEqual(str(cm.exception), message)
        self.assertEqual(j.to_bytes(), before)

    def test_every_bad_row_by_line_and_column(self):
        with team() as j:
            self.assert_refused(
                j, fives.InvalidArgument,
                HEADER + "anna,1,2,3,4,5\nbram,1,6,3,4,5\nanna,1,1,1,1,1\n",
                'scores CSV: 2 problems, nothing imported: line 3, column 3 '
                '(Synergy): "6" is not a score 1-5; line 4, column 1 '
                '(member): "anna" is also on line 2')

    def test_unknown_and_missing_columns(self):
        with team() as j:
            self.assert_refused(
                j, fives.InvalidArgument,
                "member,Strategy,Synergy,Structure,Success,When\n",
                "scores CSV: 2 problems, nothing imported: line 1, column 6 "
                "(When): not a column of scores (the member: member, "
                "member_id, member id, name, lid, teamlid or naam; a pillar: "
                "its English or Dutch name, or its key); line 1: no column "
                "for steering (\"Steering\" or \"Sturing\")")

    def test_round_unknown_or_closed(self):
        with team() as j:
            self.assert_refused(j, fives.NotFound, HEADER, 'round_id: no '
                                'round "r9" in the journal', round_id="r9")
            j.add_response("r1", "anna", [3, 3, 3, 3, 3])
            j.close_round("r1", D(2026, 2, 3))
            self.assert_refused(j, fives.FailedPrecondition,
                                HEADER + "bram,1,2,3,4,5\n",
                                'round "r1": closed on 2026-02-03, it takes '
                                'no more responses')

    def test_too_large(self):
        with team() as j:
            data = (HEADER + "anna,1,2,3,4,5\n").encode("utf-8")
            data += b"\n" * (1048577 - len(data))
            self.assert_refused(j, fives.ResourceExhausted, data,
                                "scores CSV: 1048577 bytes, more than the "
                                "1048576 fives reads (kMaxScoreCsvBytes)")
            j.import_scores_csv("r1", data[:-1])  # at the limit
            self.assertEqual(scores(j, "anna")["success"], 5)

    def test_wrong_types(self):
        with team() as j:
            with self.assertRaises(TypeError):
                j.import_scores_csv("r1", 42)
            with self.assertRaises(TypeError):
                j.import_scores_csv(None, HEADER)
            with self.assertRaises(fives.InvalidArgument):
                j.import_scores_csv("r1", "member\ud800")


if __name__ == "__main__":
    unittest.main()
