#include "fives/score_csv.h"

#include <array>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "fives/journal.h"
#include "fives/journal_io.h"
#include "gtest/gtest.h"
#include "journal_builder.h"
#include "proto_testing.h"

namespace fives {
namespace {

using journal_builder::Day;
using journal_builder::JournalBuilder;
using journal_builder::MakeResponse;
using proto_testing::SameProto;

constexpr absl::StatusCode kInvalid = absl::StatusCode::kInvalidArgument;

// The header in the catalog's English names, and a row of five scores.
constexpr char kHeader[] =
    "member,strategy,synergy,structure,steering,success\n";

// Members ann, bob, cis, dan, gus and hal (named like cis) from 2026-01-05;
// eve joins after every round, fay left before them. Rounds (all open
// mode unless said): r1 on 2026-02-02, dan already answered; rp takes
// partial responses; rc is confidential; r3 asks strategy and structure
// only; old is closed.
Journal TestJournal() {
  absl::StatusOr<Journal> j =
      JournalBuilder("mt", "MT")
          .AddMember("ann", "Ann", Day(2026, 1, 5))
          .AddMember("bob", "Bob", Day(2026, 1, 5))
          .AddMember("cis", "Cis", Day(2026, 1, 5))
          .AddMember("dan", "Dan", Day(2026, 1, 5))
          .AddMember("fay", "Fay", Day(2026, 1, 5))
          .AddMember("gus", "Gus \"G\", Jr.", Day(2026, 1, 5))
          .AddMember("hal", "Cis", Day(2026, 1, 5))
          .AddMember("eve", "Eve", Day(2026, 3, 1))
          .StartRound("old", Day(2026, 1, 12), v1::ROUND_MODE_OPEN)
          .AddResponse("old", "ann", {3, 3, 3, 3, 3})
          .CloseRound("old", Day(2026, 1, 13))
          .RecordLeave("fay", Day(2026, 1, 20))
          .StartRound("r1", Day(2026, 2, 2), v1::ROUND_MODE_OPEN)
          .AddResponse("r1", "dan", {3, 3, 3, 3, 3})
          .StartRound("rp", Day(2026, 2, 9), v1::ROUND_MODE_OPEN, {},
                      /*allow_partial=*/true)
          .StartRound("rc", Day(2026, 2, 16), v1::ROUND_MODE_CONFIDENTIAL)
          .StartRound("r3", Day(2026, 2, 23), v1::ROUND_MODE_OPEN,
                      {Pillar::kStructure, Pillar::kStrategy})
          .Build();
  EXPECT_TRUE(j.ok()) << j.status();
  return *std::move(j);
}

const v1::Round& RoundOf(const Journal& j, absl::string_view id) {
  for (const v1::Round& r : j.proto().rounds()) {
    if (r.id() == id) return r;
  }
  ADD_FAILURE() << "no round " << id;
  return j.proto().rounds(0);
}

// Imports `csv` into round `round` of a fresh test journal and expects it
// to be refused with `code` and exactly `message`, the journal's bytes
// unchanged.
void ExpectRefused(absl::string_view round, absl::string_view csv,
                   absl::StatusCode code, absl::string_view message) {
  Journal j = TestJournal();
  const std::string before = SerializeJournal(j, JournalFormat::kBinary);
  absl::StatusOr<int> added = ImportScoresCsv(j, round, csv);
  EXPECT_EQ(added.status().code(), code) << added.status();
  EXPECT_EQ(added.status().message(), message);
  EXPECT_EQ(SerializeJournal(j, JournalFormat::kBinary), before)
      << "a refused import changed the journal";
}

// A refusal with one problem in round r1.
void ExpectProblem(absl::string_view csv, absl::string_view problem) {
  ExpectRefused(
      "r1", csv, kInvalid,
      absl::StrCat("scores CSV: 1 problem, nothing imported: ", problem));
}

// Imports `csv` into `round` of a fresh test journal, expecting `rows`.
Journal Imported(absl::string_view round, absl::string_view csv, int rows) {
  Journal j = TestJournal();
  absl::StatusOr<int> added = ImportScoresCsv(j, round, csv);
  EXPECT_TRUE(added.ok()) << added.status();
  EXPECT_EQ(added.value_or(-1), rows);
  EXPECT_TRUE(Journal::Validate(j.proto()).ok());
  return j;
}

// The open round's responses, by member in id order.
void ExpectResponses(const Journal& j, absl::string_view round,
                     const std::vector<v1::Response>& expected) {
  const v1::Round& r = RoundOf(j, round);
  ASSERT_EQ(r.responses_size(), static_cast<int>(expected.size()));
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_TRUE(SameProto(r.responses(static_cast<int>(i)), expected[i]));
  }
}

TEST(ScoreCsvImport, CommaSeparatedEnglishNames) {
  const Journal j =
      Imported("r1",
               "member,Strategy,Synergy & strengths,Structure,Steering,Success "
               "factors\n"
               "ann,4,3,2,5,1\n"
               "bob,5,5,4,4,3\n",
               2);
  ExpectResponses(j, "r1",
                  {MakeResponse("ann", {4, 3, 2, 5, 1}),
                   MakeResponse("bob", {5, 5, 4, 4, 3}),
                   MakeResponse("dan", {3, 3, 3, 3, 3})});
}

TEST(ScoreCsvImport, SemicolonSeparatedDutchNamesAnyCaseAndSpaces) {
  const Journal j =
      Imported("r1",
               "Lid;Stip & strategie;SYNERGIE & STERKTES; structuur ;Sturing;"
               "succesfactoren\n"
               "cis;1;2;3;4;5\n",
               1);
  ExpectResponses(j, "r1",
                  {MakeResponse("cis", {1, 2, 3, 4, 5}),
                   MakeResponse("dan", {3, 3, 3, 3, 3})});
}

TEST(ScoreCsvImport, ByteOrderMarkCrlfAndEmptyLines) {
  const Journal j = Imported(
      "r1",
      "\xEF\xBB\xBFmember_id,strategy,synergy,structure,steering,success\r\n"
      "ann,1,1,1,1,1\r\n"
      "\r\n"
      ",,,,,\r\n"
      "bob,2,2,2,2,2\r\n"
      "\r\n"
      "\r\n",
      2);
  ExpectResponses(j, "r1",
                  {MakeResponse("ann", {1, 1, 1, 1, 1}),
                   MakeResponse("bob", {2, 2, 2, 2, 2}),
                   MakeResponse("dan", {3, 3, 3, 3, 3})});
}

TEST(ScoreCsvImport, QuotedCellsColumnsInAnyOrderAndDisplayNames) {
  // Gus's name holds a separator and quotes; ids come before names, and a
  // name is compared without case.
  const Journal j = Imported(
      "r1",
      "\"member\",\"Success factors\",\"Strategy\",\"Synergy & strengths\","
      "\"Structure\",\"Steering\"\n"
      "\"Gus \"\"G\"\", Jr.\",\"5\",\"4\",\" 3 \",\"2\",\"1\"\n"
      "  ANN  ,1,2,3,4,5\n",
      2);
  ExpectResponses(j, "r1",
                  {MakeResponse("ann", {2, 3, 4, 5, 1}),
                   MakeResponse("dan", {3, 3, 3, 3, 3}),
                   MakeResponse("gus", {4, 3, 2, 1, 5})});
}

TEST(ScoreCsvImport, SemicolonFileWithCommasInsideQuotes) {
  const Journal j = Imported("r1",
                             "naam;strategy;synergy;structure;steering;"
                             "success\n"
                             "\"Gus \"\"G\"\", Jr.\";2;2;2;2;2\n",
                             1);
  ExpectResponses(j, "r1",
                  {MakeResponse("dan", {3, 3, 3, 3, 3}),
                   MakeResponse("gus", {2, 2, 2, 2, 2})});
}

TEST(ScoreCsvImport, PartialAnswersWhereTheRoundAllowsThem) {
  const Journal j = Imported("rp",
                             absl::StrCat(kHeader,
                                          "ann,4,,3,,5\n"
                                          "bob,,,,,1\n"),
                             2);
  ExpectResponses(j, "rp",
                  {MakeResponse("ann", {4, 0, 3, 0, 5}),
                   MakeResponse("bob", {0, 0, 0, 0, 1})});
}

TEST(ScoreCsvImport, ConfidentialRoundKeepsCountsOnly) {
  const Journal j = Imported("rc",
                             absl::StrCat(kHeader,
                                          "ann,1,2,3,4,5\n"
                                          "bob,1,2,3,4,4\n"
                                          "cis,2,2,3,4,5\n"),
                             3);
  const v1::Round& r = RoundOf(j, "rc");
  EXPECT_EQ(r.responses_size(), 0);
  ASSERT_EQ(r.participants_size(), 3);
  EXPECT_EQ(r.participants(0), "ann");
  EXPECT_EQ(r.participants(2), "cis");
  // Strategy: two 1s and a 2; success: a 4 and two 5s.
  ASSERT_EQ(r.tallies_size(), 5);
  EXPECT_EQ(std::vector<int>(r.tallies(0).histogram().begin(),
                             r.tallies(0).histogram().end()),
            (std::vector<int>{2, 1, 0, 0, 0}));
  EXPECT_EQ(std::vector<int>(r.tallies(4).histogram().begin(),
                             r.tallies(4).histogram().end()),
            (std::vector<int>{0, 0, 0, 1, 2}));
}

TEST(ScoreCsvImport, RoundAskingSomePillarsNeedsOnlyTheirColumns) {
  const Journal j = Imported("r3", "member,structure,strategy\nann,2,5\n", 1);
  ExpectResponses(j, "r3", {MakeResponse("ann", {5, 0, 2, 0, 0})});
}

TEST(ScoreCsvImport, NoLineBreakAtTheEnd) {
  const Journal j = Imported("r1", absl::StrCat(kHeader, "ann,1,2,3,4,5"), 1);
  ExpectResponses(j, "r1",
                  {MakeResponse("ann", {1, 2, 3, 4, 5}),
                   MakeResponse("dan", {3, 3, 3, 3, 3})});
}

// --- The header ---------------------------------------------------------

TEST(ScoreCsvRefused, UnknownColumn) {
  ExpectProblem(
      "member,strategy,synergy,structure,steering,success,Timestamp\n"
      "ann,1,2,3,4,5,2026-02-02\n",
      "line 1, column 7 (Timestamp): not a column of scores (the member: "
      "member, member_id, member id, name, lid, teamlid or naam; a pillar: "
      "its English or Dutch name, or its key)");
}

TEST(ScoreCsvRefused, PillarTwice) {
  ExpectProblem(
      "member,strategy,synergy,structure,steering,success,Stip & strategie\n"
      "ann,1,2,3,4,5,1\n",
      "line 1, column 7 (Stip & strategie): strategy again (column 2 is "
      "strategy)");
}

TEST(ScoreCsvRefused, MemberColumnTwice) {
  ExpectProblem(
      "member,lid,strategy,synergy,structure,steering,success\n"
      "ann,ann,1,2,3,4,5\n",
      "line 1, column 2 (lid): a second member column (column 1 is member)");
}

TEST(ScoreCsvRefused, MissingPillarColumnsNamed) {
  ExpectRefused("r1", "member,strategy,synergy,success\nann,1,2,3\n", kInvalid,
                "scores CSV: 2 problems, nothing imported: line 1: no column "
                "for structure (\"Structure\" or \"Structuur\"); line 1: no "
                "column for steering (\"Steering\" or \"Sturing\")");
}

TEST(ScoreCsvRefused, MissingMemberColumn) {
  ExpectProblem(
      "strategy,synergy,structure,steering,success\n1,2,3,4,5\n",
      "line 1: no member column (member, member_id, member id, name, lid, "
      "teamlid or naam)");
}

TEST(ScoreCsvRefused, EmptyColumnName) {
  ExpectProblem(
      "member,strategy,synergy,structure,steering,success,\n"
      "ann,1,2,3,4,5,\n",
      "line 1, column 7: no column name");
}

TEST(ScoreCsvRefused, PillarTheRoundDoesNotAsk) {
  ExpectRefused("r3", "member,strategy,synergy,structure\nann,1,2,3\n",
                kInvalid,
                "scores CSV: 1 problem, nothing imported: line 1, column 3 "
                "(synergy): round \"r3\" does not ask synergy");
}

TEST(ScoreCsvRefused, HeaderAfterEmptyLinesKeepsItsLine) {
  ExpectProblem("\n\nmember,strategy,synergy,structure,steering,success,x\n",
                "line 3, column 7 (x): not a column of scores (the member: "
                "member, member_id, member id, name, lid, teamlid or naam; a "
                "pillar: its English or Dutch name, or its key)");
}

// --- The rows -----------------------------------------------------------

TEST(ScoreCsvRefused, WrongNumberOfCells) {
  ExpectRefused("r1", absl::StrCat(kHeader, "ann,1,2,3\nbob,1,2,3,4,5,5\n"),
                kInvalid,
                "scores CSV: 2 problems, nothing imported: line 2: 4 cells, "
                "the header has 6 columns; line 3: 7 cells, the header has 6 "
                "columns");
}

TEST(ScoreCsvRefused, MemberNotInTheTeam) {
  ExpectProblem(absl::StrCat(kHeader, "zed,1,2,3,4,5\n"),
                "line 2, column 1 (member): \"zed\" is neither the id nor the "
                "name of a member of team \"mt\"");
}

TEST(ScoreCsvRefused, MemberNotCurrentOnTheRoundsDate) {
  ExpectRefused("r1", absl::StrCat(kHeader, "eve,1,2,3,4,5\nfay,1,2,3,4,5\n"),
                kInvalid,
                "scores CSV: 2 problems, nothing imported: line 2, column 1 "
                "(member): \"eve\" joined on 2026-03-01, after 2026-02-02; "
                "line 3, column 1 (member): \"fay\" left the team on "
                "2026-01-20");
}

TEST(ScoreCsvRefused, MemberTwiceInTheFile) {
  ExpectRefused("r1",
                absl::StrCat(kHeader,
                             "ann,1,2,3,4,5\n"
                             "bob,1,2,3,4,5\n"
                             "ann,5,5,5,5,5\n"
                             "Bob,5,5,5,5,5\n"),
                kInvalid,
                "scores CSV: 2 problems, nothing imported: line 4, column 1 "
                "(member): \"ann\" is also on line 2; line 5, column 1 "
                "(member): \"Bob\" (bob) is also on line 3");
}

TEST(ScoreCsvRefused, MemberWhoAlreadyAnswered) {
  ExpectProblem(absl::StrCat(kHeader, "dan,1,2,3,4,5\n"),
                "line 2, column 1 (member): \"dan\" already answered round "
                "\"r1\"");
}

TEST(ScoreCsvRefused, NameOfTwoMembers) {
  ExpectProblem(absl::StrCat(kHeader, "Cis,1,2,3,4,5\n"),
                "line 2, column 1 (member): \"Cis\" is the name of 2 members "
                "(cis, hal); give the member id");
}

TEST(ScoreCsvRefused, EmptyMemberCell) {
  ExpectProblem(absl::StrCat(kHeader, ",1,2,3,4,5\n"),
                "line 2, column 1 (member): empty; give the member id");
}

TEST(ScoreCsvRefused, ScoresOutside1To5) {
  ExpectRefused(
      "r1",
      "member,Strategy,Synergy,Structure,Steering,Success\n"
      "ann,1,2,3,4,5\n"
      "bob,1,2,3,4,5\n"
      "cis,4,6,0,4.0,-1\n",
      kInvalid,
      "scores CSV: 4 problems, nothing imported: line 4, column 3 "
      "(Synergy): \"6\" is not a score 1-5; line 4, column 4 (Structure): "
      "\"0\" is not a score 1-5; line 4, column 5 (Steering): \"4.0\" is not "
      "a score 1-5; line 4, column 6 (Success): \"-1\" is not a score 1-5");
}

TEST(ScoreCsvRefused, LeftOutWhereTheRoundTakesEveryPillar) {
  ExpectProblem(absl::StrCat(kHeader, "ann,1,\" \",3,4,5\n"),
                "line 2, column 3 (synergy): empty, and round \"r1\" takes no "
                "partial responses");
}

TEST(ScoreCsvRefused, RowWithoutAnyScore) {
  ExpectRefused("rp", absl::StrCat(kHeader, "ann,,,,,\n"), kInvalid,
                "scores CSV: 1 problem, nothing imported: line 2: no score; "
                "a response needs at least one");
}

TEST(ScoreCsvRefused, EveryProblemOfARowInColumnOrder) {
  ExpectRefused("r1", absl::StrCat(kHeader, "zed,6,,3,3,3\n"), kInvalid,
                "scores CSV: 3 problems, nothing imported: line 2, column 1 "
                "(member): \"zed\" is neither the id nor the name of a member "
                "of team \"mt\"; line 2, column 2 (strategy): \"6\" is not a "
                "score 1-5; line 2, column 3 (synergy): empty, and round "
                "\"r1\" takes no partial responses");
}

TEST(ScoreCsvRefused, LongCellsShownShortened) {
  ExpectProblem(
      absl::StrCat(kHeader, std::string(100, 'z'), ",1,2,3,4,5\n"),
      absl::StrCat("line 2, column 1 (member): \"", std::string(40, 'z'),
                   "...\" is neither the id nor the name of a member "
                   "of team \"mt\""));
}

// --- Encoding and quoting -------------------------------------------------

TEST(ScoreCsvRefused, InvalidUtf8) {
  ExpectProblem(absl::StrCat(kHeader, "ann,\xff,2,3,4,5\n"),
                "line 2, column 2 (strategy): not valid UTF-8 at byte 0");
}

TEST(ScoreCsvRefused, ControlCharacter) {
  ExpectProblem(absl::StrCat(kHeader, "ann\x1b[2J,1,2,3,4,5\n"),
                "line 2, column 1 (member): control character U+001B at byte "
                "3 (a one-line text)");
}

TEST(ScoreCsvRefused, InvalidUtf8InTheHeader) {
  ExpectProblem("member,str\xc3,synergy,structure,steering,success\n",
                "line 1, column 2: not valid UTF-8 at byte 3");
}

TEST(ScoreCsvRefused, LineBreakInsideAQuotedCellCountsAsALine) {
  ExpectRefused("r1",
                absl::StrCat(kHeader,
                             "ann,\"4\n\",3,3,3,3\n"
                             "bob,9,3,3,3,3\n"),
                kInvalid,
                "scores CSV: 2 problems, nothing imported: line 2, column 2 "
                "(strategy): control character U+000A at byte 1 (a one-line "
                "text); line 4, column 2 (strategy): \"9\" is not a score 1-5");
}

TEST(ScoreCsvRefused, StrayQuote) {
  ExpectProblem(absl::StrCat(kHeader, "ann,4\"x,3,3,3,3\n"),
                "line 2, column 2: a quote where none may be (a cell holding "
                "a quote is quoted whole, each quote in it doubled, and "
                "nothing follows its closing quote but spaces)");
}

TEST(ScoreCsvRefused, TextAfterAClosingQuote) {
  ExpectProblem(absl::StrCat(kHeader, "ann,3,\"4\"x,3,3,3\n"),
                "line 2, column 3: a quote where none may be (a cell holding "
                "a quote is quoted whole, each quote in it doubled, and "
                "nothing follows its closing quote but spaces)");
}

TEST(ScoreCsvRefused, QuoteNeverClosed) {
  ExpectProblem(absl::StrCat(kHeader, "ann,\"4,3,3,3,3\nbob,1,1,1,1,1\n"),
                "line 2, column 2: a quoted cell is not closed before the end "
                "of the text");
}

// --- The file -------------------------------------------------------------

TEST(ScoreCsvRefused, Empty) {
  for (absl::string_view csv : {"", "\xEF\xBB\xBF", "\n\r\n  \n"}) {
    SCOPED_TRACE(csv);
    ExpectRefused("r1", csv, kInvalid,
                  "scores CSV: empty; expected a header row (the member "
                  "column and a column per pillar) and a row per member");
  }
}

TEST(ScoreCsvRefused, OnlyAHeader) {
  ExpectRefused("r1", absl::StrCat(kHeader, "\n,,,,,\n"), kInvalid,
                "scores CSV: only a header (line 1), no rows of scores");
}

TEST(ScoreCsvRefused, UnknownRound) {
  ExpectRefused("r9", absl::StrCat(kHeader, "ann,1,2,3,4,5\n"),
                absl::StatusCode::kNotFound,
                "round_id: no round \"r9\" in the journal");
}

TEST(ScoreCsvRefused, ClosedRound) {
  ExpectRefused("old", absl::StrCat(kHeader, "bob,1,2,3,4,5\n"),
                absl::StatusCode::kFailedPrecondition,
                "round \"old\": closed on 2026-01-13, it takes no more "
                "responses");
}

TEST(ScoreCsvRefused, AllOrNothing) {
  // Two valid rows and one bad one: none is added.
  ExpectProblem(absl::StrCat(kHeader,
                             "ann,1,2,3,4,5\n"
                             "bob,1,2,3,4,5\n"
                             "cis,1,2,3,4,7\n"),
                "line 4, column 6 (success): \"7\" is not a score 1-5");
}

TEST(ScoreCsvRefused, ListsTwentyProblemsAndCountsTheRest) {
  std::string csv = kHeader;
  std::string listed;
  for (int i = 0; i < 25; ++i) {
    absl::StrAppend(&csv, "zed", i, ",1,2,3,4,5\n");
    if (i < kMaxScoreCsvProblems) {
      absl::StrAppend(&listed, i == 0 ? "" : "; ", "line ", i + 2,
                      ", column 1 (member): \"zed", i,
                      "\" is neither the id nor the name of a member of team "
                      "\"mt\"");
    }
  }
  ExpectRefused("r1", csv, kInvalid,
                absl::StrCat("scores CSV: 25 problems, nothing imported: ",
                             listed, "; and 5 more"));
}

// A valid CSV of exactly `size` bytes: two rows, then empty lines.
std::string CsvOfSize(size_t size) {
  std::string csv = absl::StrCat(kHeader, "ann,1,2,3,4,5\nbob,5,4,3,2,1\n");
  csv.resize(size, '\n');
  return csv;
}

TEST(ScoreCsvSize, AtTheLimitIsRead) {
  const Journal j = Imported("r1", CsvOfSize(kMaxScoreCsvBytes), 2);
  EXPECT_EQ(RoundOf(j, "r1").responses_size(), 3);
}

TEST(ScoreCsvSize, OnePastTheLimitIsRefused) {
  ExpectRefused("r1", CsvOfSize(kMaxScoreCsvBytes + 1),
                absl::StatusCode::kResourceExhausted,
                "scores CSV: 1048577 bytes, more than the 1048576 fives reads "
                "(kMaxScoreCsvBytes)");
}

}  // namespace
}  // namespace fives
