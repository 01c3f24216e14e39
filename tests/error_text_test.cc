// Refusals people read in their language: every code has its phrase, the
// details survive context on the way up, and the texts of the refusals of
// members, rounds, responses, dates, ids, limits and journal files read as
// worked out here by hand, in Dutch and English.
#include "fives/error_text.h"

#include <string>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/time/civil_time.h"
#include "fives/catalog.h"
#include "fives/civil_date.h"
#include "fives/error_detail.h"
#include "fives/journal.h"
#include "fives/journal_io.h"
#include "fives/limits.h"
#include "fives/score_csv.h"
#include "fives/string_rules.h"
#include "fives/v1/error.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "journal_builder.h"

namespace fives {
namespace {

using journal_builder::Day;
using journal_builder::MakeResponse;
using ::testing::HasSubstr;

constexpr Language kNl = Language::kDutch;
constexpr Language kEn = Language::kEnglish;

TEST(ErrorTextTest, EveryCodeHasItsPhraseInBothLanguages) {
  const auto* codes = v1::ErrorCode_descriptor();
  ASSERT_GT(codes->value_count(), 40);
  for (int i = 0; i < codes->value_count(); ++i) {
    const auto code = static_cast<v1::ErrorCode>(codes->value(i)->number());
    const std::string key = ErrorPhraseKey(code);
    if (code == v1::ERROR_CODE_UNSPECIFIED) {
      EXPECT_EQ(key, "");
      continue;
    }
    EXPECT_TRUE(absl::StartsWith(key, "error_")) << codes->value(i)->name();
    EXPECT_NE(Phrase(key, kNl), key) << key;
    EXPECT_NE(Phrase(key, kEn), key) << key;
  }
  // And no phrase of the catalog names a code that does not exist.
  for (const v1::Phrase& phrase : BuiltinCatalog().phrases()) {
    if (!absl::StartsWith(phrase.key(), "error_")) continue;
    bool found = false;
    for (int i = 0; i < codes->value_count() && !found; ++i) {
      found = ErrorPhraseKey(static_cast<v1::ErrorCode>(
                  codes->value(i)->number())) == phrase.key();
    }
    EXPECT_TRUE(found) << phrase.key();
  }
}

TEST(ErrorTextTest, ThePhraseKeyOfACode) {
  EXPECT_EQ(ErrorPhraseKey(v1::ERROR_CODE_DATE_FORM), "error_date_form");
  EXPECT_EQ(ErrorPhraseKey(v1::ERROR_CODE_MEMBER_LEAVE_AFTER_GUARDIAN),
            "error_member_leave_after_guardian");
  EXPECT_EQ(ErrorPhraseKey(static_cast<v1::ErrorCode>(9999)), "");
}

TEST(ErrorTextTest, DatesSayWhatIsWrong) {
  const absl::Status feb = ParseCivilDate("2027-02-30", "--date").status();
  EXPECT_EQ(feb.message(),
            "--date: \"2027-02-30\" is not a date: February 2027 has 28 days");
  EXPECT_EQ(ErrorText(feb, kNl),
            "\"2027-02-30\" is geen datum: februari 2027 heeft 28 dagen");
  EXPECT_EQ(ErrorText(feb, kEn),
            "\"2027-02-30\" is not a date: February 2027 has 28 days");
  EXPECT_EQ(ErrorText(ParseCivilDate("2028-02-30", "d").status(), kNl),
            "\"2028-02-30\" is geen datum: februari 2028 heeft 29 dagen");
  EXPECT_EQ(ErrorText(ParseCivilDate("2026-13-01", "d").status(), kNl),
            "\"2026-13-01\" is geen datum: er is geen maand 13");
  EXPECT_EQ(ErrorText(ParseCivilDate("2026-04-00", "d").status(), kEn),
            "\"2026-04-00\" is not a date: there is no day 0");
  EXPECT_EQ(ErrorText(ParseCivilDate("1-12-2026", "d").status(), kNl),
            "\"1-12-2026\" is geen datum van de vorm JJJJ-MM-DD");
}

TEST(ErrorTextTest, WithoutADetailTheMessageIsTheText) {
  const absl::Status plain = absl::InvalidArgumentError("round.mode: 7");
  EXPECT_EQ(ErrorText(plain, kNl), "round.mode: 7");
  EXPECT_EQ(ErrorText(absl::OkStatus(), kNl), "");
  v1::Error error;
  error.set_message("x: y");
  error.mutable_detail()->set_code(static_cast<v1::ErrorCode>(9999));
  EXPECT_EQ(ErrorText(error, kNl), "x: y");  // a code of a later version
}

TEST(ErrorTextTest, ContextKeepsTheDetailAndTheCode) {
  const absl::Status inner = WithDetail(absl::NotFoundError("id: \"r9\""),
                                        v1::ERROR_CODE_ROUND_UNKNOWN, {"r9"});
  const absl::Status outer = WithContext(inner, "journal: ");
  EXPECT_EQ(outer.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(outer.message(), "journal: id: \"r9\"");
  EXPECT_EQ(ErrorText(outer, kNl), "er is geen ronde \"r9\" in het journaal");
  const v1::Error error = ToProto(outer);
  EXPECT_EQ(error.status(), 5);
  EXPECT_EQ(error.message(), "journal: id: \"r9\"");
  EXPECT_EQ(error.detail().code(), v1::ERROR_CODE_ROUND_UNKNOWN);
  ASSERT_EQ(error.detail().args_size(), 1);
  EXPECT_EQ(error.detail().args(0).text(), "r9");
  EXPECT_EQ(ErrorText(error, kEn), "there is no round \"r9\" in the journal");
}

TEST(ErrorTextTest, AMessageReplacedKeepsTheDetail) {
  const absl::Status inner = WithDetail(absl::NotFoundError("round_id: r9"),
                                        v1::ERROR_CODE_ROUND_UNKNOWN, {"r9"});
  const absl::Status renamed = WithMessage(inner, "--round: r9");
  EXPECT_EQ(renamed.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(renamed.message(), "--round: r9");
  EXPECT_EQ(ErrorText(renamed, kNl), "er is geen ronde \"r9\" in het journaal");
  EXPECT_TRUE(WithMessage(absl::OkStatus(), "x").ok());
}

TEST(ErrorTextTest, AroundADetailAPlaceIsWrittenFirst) {
  const absl::Status inner =
      WithDetail(absl::DataLossError("x"), v1::ERROR_CODE_FILE_DAMAGED, {});
  const absl::Status in_file =
      WithinDetail(inner, v1::ERROR_CODE_FILE_AT, {"mt.journal"});
  EXPECT_EQ(in_file.message(), "x");
  EXPECT_EQ(ErrorText(in_file, kNl),
            "journaalbestand mt.journal: het journaalbestand is beschadigd of "
            "afgebroken; het is ongewijzigd gelaten");
  // Without a detail inside there is nothing to put a place around.
  const absl::Status plain = absl::DataLossError("y");
  EXPECT_FALSE(
      ErrorDetailOf(WithinDetail(plain, v1::ERROR_CODE_FILE_AT, {"mt.journal"}))
          .has_value());
  // A part this version cannot write leaves the English message.
  v1::ErrorDetail odd = MakeErrorDetail(v1::ERROR_CODE_FILE_AT, {"f"});
  odd.add_parts()->set_code(static_cast<v1::ErrorCode>(9999));
  EXPECT_EQ(ErrorText(WithDetail(absl::DataLossError("z"), odd), kNl), "z");
}

TEST(ErrorTextTest, ArgumentsThatAreNotUtf8AreEscaped) {
  EXPECT_EQ(EscapeInvalidUtf8("ok \xc3\xa9"), "ok \xc3\xa9");
  EXPECT_EQ(EscapeInvalidUtf8("a\xff"
                              "b\xc3"),
            "a\\xffb\\xc3");
  const absl::Status s = WithDetail(absl::NotFoundError("id: \xff"),
                                    v1::ERROR_CODE_ROUND_UNKNOWN, {"r\xff"});
  ASSERT_TRUE(ErrorDetailOf(s).has_value());  // it still parses
  EXPECT_EQ(ErrorText(s, kEn), "there is no round \"r\\xff\" in the journal");
  EXPECT_EQ(ToProto(s).message(), "id: \\xff");
}

TEST(ErrorTextTest, PillarsAndPhrasesAreWrittenInTheLanguage) {
  const absl::Status s =
      WithDetail(absl::InvalidArgumentError("x"), v1::ERROR_CODE_SCORE_OUTSIDE,
                 {7, Pillar::kStrategy});
  EXPECT_EQ(ErrorText(s, kNl),
            "de score voor Stip & strategie is 7; een score is 1 tot en met 5");
  EXPECT_EQ(ErrorText(s, kEn),
            absl::StrCat("the score for ", PillarName(Pillar::kStrategy, kEn),
                         " is 7; a score is 1 to 5"));
}

// A team of two with an open round r1 of 2 March 2026.
Journal TeamWithOpenRound() {
  absl::StatusOr<Journal> j =
      journal_builder::JournalBuilder("mt", "MT")
          .AddMember("anna", "Anna", Day(2026, 1, 5))
          .AddMember("bram", "Bram", Day(2026, 1, 5))
          .StartRound("r1", Day(2026, 3, 2), v1::ROUND_MODE_OPEN)
          .Build();
  EXPECT_TRUE(j.ok()) << j.status();
  return *std::move(j);
}

TEST(ErrorTextTest, RefusalsOfResponses) {
  Journal j = TeamWithOpenRound();
  const absl::Status six =
      j.AddResponse("r1", MakeResponse("anna", {3, 4, 6, 2, 1}));
  EXPECT_EQ(six.message(),
            "response.scores[2].score: 6 is outside 1..5 (pillar structure)");
  EXPECT_EQ(ErrorText(six, kNl),
            "de score voor Structuur is 6; een score is 1 tot en met 5");
  const absl::Status missing =
      j.AddResponse("r1", MakeResponse("anna", {3, 4, 0, 2, 1}));
  EXPECT_EQ(ErrorText(missing, kNl),
            "de score voor Structuur ontbreekt; deze ronde vraagt elke pijler");
  EXPECT_EQ(
      ErrorText(j.AddResponse("r1", MakeResponse("zed", {3, 3, 3, 3, 3})), kNl),
      "\"zed\" is geen lid van team \"mt\"");
  EXPECT_EQ(
      ErrorText(j.AddResponse("r2", MakeResponse("anna", {3, 3, 3, 3, 3})),
                kEn),
      "there is no round \"r2\" in the journal");
  ASSERT_TRUE(j.AddResponse("r1", MakeResponse("anna", {3, 3, 3, 3, 3})).ok());
  EXPECT_EQ(
      ErrorText(j.AddResponse("r1", MakeResponse("anna", {3, 3, 3, 3, 3})),
                kNl),
      "\"anna\" heeft ronde \"r1\" al beantwoord");
  const absl::Status early = j.CloseRound("r1", Day(2026, 3, 1));
  EXPECT_EQ(ErrorText(early, kNl),
            "sluiten op 2026-03-01 kan niet: de ronde begon op 2026-03-02");
  ASSERT_TRUE(j.CloseRound("r1", Day(2026, 3, 9)).ok());
  EXPECT_EQ(ErrorText(j.CloseRound("r1", Day(2026, 3, 10)), kNl),
            "ronde \"r1\" is al gesloten op 2026-03-09");
  EXPECT_EQ(
      ErrorText(j.AddResponse("r1", MakeResponse("bram", {3, 3, 3, 3, 3})),
                kNl),
      "ronde \"r1\" is gesloten op 2026-03-09 en neemt geen antwoorden "
      "meer aan");
}

TEST(ErrorTextTest, RefusalsOfMembersAndRounds) {
  Journal j = TeamWithOpenRound();
  EXPECT_EQ(ErrorText(j.AddMember("anna", "Anna", Day(2026, 4, 1)), kNl),
            "\"anna\" staat al in team \"mt\" (een id wordt nooit opnieuw "
            "gebruikt)");
  EXPECT_EQ(ErrorText(j.AddMember("x y", "X", Day(2026, 4, 1)), kNl),
            "\"x y\" is geen geldige id (1 tot 64 tekens uit A-Z a-z 0-9 . _ "
            "-)");
  EXPECT_EQ(ErrorText(j.AddMember("cas", "", Day(2026, 4, 1)), kEn),
            "member \"cas\" needs a name");
  EXPECT_EQ(ErrorText(j.AddMember("cas", "Cas\x07", Day(2026, 4, 1)), kNl),
            "member.display_name: stuurteken U+0007 op byte 3 in een tekst "
            "van één regel");
  EXPECT_EQ(
      ErrorText(j.AddMember("cas", std::string(300, 'c'), Day(2026, 4, 1)),
                kNl),
      "member.display_name: 300 bytes, meer dan de grens van 256");
  EXPECT_EQ(ErrorText(j.RecordLeave("zed", Day(2026, 4, 1)), kNl),
            "\"zed\" is geen lid van team \"mt\"");
  EXPECT_EQ(ErrorText(j.RecordLeave("anna", Day(2025, 4, 1)), kNl),
            "vertrek op 2025-04-01 ligt vóór de dag waarop \"anna\" erbij "
            "kwam (2026-01-05)");
  ASSERT_TRUE(j.AddResponse("r1", MakeResponse("anna", {3, 3, 3, 3, 3})).ok());
  EXPECT_EQ(ErrorText(j.RecordLeave("anna", Day(2026, 3, 1)), kNl),
            "\"anna\" beantwoordde ronde \"r1\" van 2026-03-02, dus kan niet "
            "vertrekken op 2026-03-01");
  ASSERT_TRUE(j.RecordLeave("bram", Day(2026, 3, 5)).ok());
  EXPECT_EQ(ErrorText(j.RecordLeave("bram", Day(2026, 3, 6)), kEn),
            "\"bram\" already left on 2026-03-05");
  EXPECT_EQ(ErrorText(j.StartRound(j.NewRoundOptions("r1", Day(2026, 5, 1),
                                                     v1::ROUND_MODE_OPEN)),
                      kNl),
            "ronde \"r1\" staat al in het journaal");
  EXPECT_EQ(ErrorText(j.LatestReport().status(), kNl),
            "er is nog geen gesloten ronde om over te rapporteren");
  ASSERT_TRUE(j.StartRound(j.NewRoundOptions("r2", Day(2026, 5, 1),
                                             v1::ROUND_MODE_OPEN))
                  .ok());
  EXPECT_EQ(
      ErrorText(j.AddResponse("r2", MakeResponse("bram", {3, 3, 3, 3, 3})),
                kNl),
      "\"bram\" heeft het team verlaten op 2026-03-05");
  // Forgotten, a member's id gives way to a pseudonym.
  ASSERT_TRUE(j.ForgetMember("bram").ok());
  EXPECT_EQ(ErrorText(j.ForgetMember("bram"), kEn),
            "\"bram\" is not a member of team \"mt\"");
}

TEST(ErrorTextTest, RefusalsOfJournalFiles) {
  EXPECT_EQ(ErrorText(DecodeJournalFile("").status(), kNl),
            "het journaalbestand is leeg");
  EXPECT_EQ(ErrorText(DecodeJournalFile("{\"team\": 1}").status(), kNl),
            "dit bestand is geen fives-journaal");
  Journal j = TeamWithOpenRound();
  std::string bytes = EncodeJournalFile(j);
  bytes.back() ^= 1;
  EXPECT_EQ(ErrorText(DecodeJournalFile(bytes).status(), kNl),
            "het journaalbestand is beschadigd of afgebroken; het is "
            "ongewijzigd gelaten");
  const absl::Status missing =
      LoadJournalFile("/nonexistent/mt.journal").status();
  EXPECT_EQ(ErrorText(missing, kNl),
            "journaalbestand /nonexistent/mt.journal bestaat niet");
}

TEST(ErrorTextTest, ATextOrAListThatIsRefusedIsNamedByItsField) {
  // A text of a journal read from a file: its path in the journal.
  const absl::Status text =
      ParseJournal(
          "team { id: \"mt\" name: \"MT\" members { id: \"anna\" "
          "display_name: \"An\\007na\" joined: \"2026-01-05\" } }",
          JournalFormat::kText)
          .status();
  ASSERT_EQ(text.code(), absl::StatusCode::kInvalidArgument) << text;
  EXPECT_EQ(ErrorText(text, kNl),
            "team.members[0].display_name: stuurteken U+0007 op byte 2 in "
            "een tekst van één regel");
  EXPECT_EQ(text.message(),
            "team.members[0].display_name: control character U+0007 at byte 2 "
            "(a one-line text)");
  // The field is named once, in the message and in the text alike.
  const absl::Status named =
      InField(WithDetail(absl::InvalidArgumentError(": x"),
                         v1::ERROR_CODE_SIGNAL_TWICE, {}),
              "ticks[1]");
  EXPECT_EQ(named.message(), "ticks[1]: x");
  EXPECT_EQ(ErrorText(named, kNl), "ticks[1]: twee keer opgegeven");
  const absl::Status plain = absl::InvalidArgumentError("y");
  EXPECT_EQ(InField(plain, ""), plain);
  // A CSV cell is named by its place, not also by a field.
  Journal j = TeamWithOpenRound();
  const absl::Status cell =
      ImportScoresCsv(j, "r1",
                      "Lid;Stip & strategie;Synergie & sterktes;Structuur;"
                      "Sturing;Succesfactoren\n"
                      "an\x07na;4;4;2;3;4\n")
          .status();
  EXPECT_EQ(ErrorText(cell, kNl),
            "CSV met scores: 1 probleem, niets geïmporteerd: regel 2, kolom 1 "
            "(Lid): stuurteken U+0007 op byte 2 in een tekst van één regel");
  EXPECT_THAT(std::string(cell.message()),
              HasSubstr("line 2, column 1 (Lid): control character U+0007 at "
                        "byte 2"));
}

TEST(ErrorTextTest, ACsvImportListsEveryProblemByPlaceInTheLanguage) {
  Journal j = TeamWithOpenRound();
  const absl::Status bad =
      ImportScoresCsv(j, "r1",
                      "Lid;Stip & strategie;Synergie & sterktes;Structuur;"
                      "Sturing;Succesfactoren\n"
                      "anna;4;4;2;3;4\n"
                      "bram;4;6;5;3;3\n"
                      "zed;1;1;1;1;1\n"
                      "anna;2;2;2;2\n")
          .status();
  EXPECT_EQ(ErrorText(bad, kNl),
            "CSV met scores: 3 problemen, niets geïmporteerd: regel 3, kolom 3 "
            "(Synergie & sterktes): \"6\" is geen score van 1 tot en met 5; "
            "regel 4, kolom 1 (Lid): \"zed\" is geen id en geen naam van een "
            "lid van team \"mt\"; regel 5: 5 cellen, de kopregel heeft 6 "
            "kolommen");
  EXPECT_EQ(ErrorText(bad, kEn),
            "scores CSV: 3 problems, nothing imported: line 3, column 3 "
            "(Synergie & sterktes): \"6\" is not a score 1-5; line 4, column 1 "
            "(Lid): \"zed\" is neither the id nor the name of a member of team "
            "\"mt\"; line 5: 5 cells, the header has 6 columns");
  // A header without the member and with one pillar of five.
  const absl::Status header =
      ImportScoresCsv(j, "r1", "wie;structuur\n").status();
  EXPECT_EQ(
      ErrorText(header, kNl),
      "CSV met scores: 6 problemen, niets geïmporteerd: regel 1, kolom 1 "
      "(wie): geen kolom met scores (het lid: member, member_id, member "
      "id, name, lid, teamlid, naam; een pijler: de Nederlandse of "
      "Engelse naam, of de sleutel); regel 1: geen kolom voor het lid "
      "(member, member_id, member id, name, lid, teamlid, naam); regel 1: "
      "geen kolom voor Stip & strategie (\"Strategy\", \"Stip & "
      "strategie\"); regel 1: geen kolom voor Synergie & sterktes "
      "(\"Synergy & strengths\", \"Synergie & sterktes\", \"synergy\"); "
      "regel 1: geen kolom voor Sturing (\"Steering\", \"Sturing\"); "
      "regel 1: geen kolom voor Succesfactoren (\"Success factors\", "
      "\"Succesfactoren\", \"success\")");
  EXPECT_EQ(ErrorText(ImportScoresCsv(j, "r1", "").status(), kNl),
            "CSV met scores: leeg; verwacht een kopregel (de kolom voor het "
            "lid en een kolom per pijler) en een regel per lid");
  EXPECT_EQ(
      ErrorText(ImportScoresCsv(j, "r1", "lid;\"strategie\n").status(), kNl),
      "CSV met scores: 1 probleem, niets geïmporteerd: regel 1, kolom 2: "
      "een cel tussen aanhalingstekens is niet gesloten voor het einde "
      "van de tekst");
}

}  // namespace
}  // namespace fives
