// Hostile strings (string_rules.h): invalid UTF-8, NUL, terminal escapes
// and line breaks in names are refused wherever they come in (text and JSON
// import, every call that takes a text, the charter, the organisation), the
// error names the field, and nothing is half-applied; Markdown shows names
// literally; a plan or check cannot list one action twice.
#include "fives/string_rules.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "fives/journal.h"
#include "fives/journal_io.h"
#include "fives/meeting_report.h"
#include "fives/org.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "journal_builder.h"
#include "proto_testing.h"

namespace fives {
namespace {

using ::fives::journal_builder::BuildRichJournal;
using ::fives::journal_builder::Day;
using ::testing::HasSubstr;

TEST(ValidUtf8PrefixTest, StopsAtTheFirstMalformedSequence) {
  EXPECT_EQ(ValidUtf8Prefix(""), 0u);
  EXPECT_EQ(ValidUtf8Prefix("plain"), 5u);
  // é (2 bytes), € (3), 😀 (4), U+10FFFF (4): all well-formed.
  EXPECT_EQ(ValidUtf8Prefix("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"), 9u);
  EXPECT_EQ(ValidUtf8Prefix("\xf4\x8f\xbf\xbf"), 4u);
  EXPECT_EQ(ValidUtf8Prefix("ab\xff"), 2u);            // never a lead byte
  EXPECT_EQ(ValidUtf8Prefix("a\xc0\x80"), 1u);         // overlong NUL
  EXPECT_EQ(ValidUtf8Prefix("\xe0\x80\xaf"), 0u);      // overlong '/'
  EXPECT_EQ(ValidUtf8Prefix("x\xed\xa0\x80"), 1u);     // surrogate U+D800
  EXPECT_EQ(ValidUtf8Prefix("\xf4\x90\x80\x80"), 0u);  // above U+10FFFF
  EXPECT_EQ(ValidUtf8Prefix("\xc3\xa9\xe2\x82"), 2u);  // cut short
  EXPECT_EQ(ValidUtf8Prefix("\xc3("), 0u);             // no continuation
  EXPECT_EQ(ValidUtf8Prefix("\x80"), 0u);              // lone continuation
}

TEST(CodePointsTest, CountsAndCutsWholeCharacters) {
  EXPECT_EQ(CountCodePoints(""), 0u);
  EXPECT_EQ(CountCodePoints("Stip & strategie"), 16u);
  // "Müller" is 7 bytes, 6 characters; "😀" is 4 bytes, 1 character.
  EXPECT_EQ(CountCodePoints("M\xc3\xbcller"), 6u);
  EXPECT_EQ(CountCodePoints("\xf0\x9f\x98\x80!"), 2u);
  EXPECT_EQ(FirstCodePoints("M\xc3\xbcller", 2), "M\xc3\xbc");
  EXPECT_EQ(FirstCodePoints("M\xc3\xbcller", 1), "M");
  EXPECT_EQ(FirstCodePoints("abc", 0), "");
  EXPECT_EQ(FirstCodePoints("abc", 9), "abc");
}

TEST(CheckTextTest, ValidTextPasses) {
  for (absl::string_view ok :
       {"", "Ann", "Zo\xC3\xAB \xE2\x9C\x93", "emoji \xF0\x9F\x8C\xB7",
        "tab\there", "\xC2\xA0no-break space", "\xC3\x9F"}) {
    EXPECT_TRUE(CheckText(ok, "name", TextKind::kName).ok()) << ok;
  }
  EXPECT_TRUE(CheckText("two\nlines", "text", TextKind::kText).ok());
}

TEST(CheckTextTest, EachBadByteIsNamedWithItsPlace) {
  struct Case {
    std::string text;
    TextKind kind;
    std::string error;
  };
  const Case cases[] = {
      {"ab\xF8", TextKind::kName, "f: not valid UTF-8 at byte 2"},
      {"\xC3", TextKind::kText, "f: not valid UTF-8 at byte 0"},
      {"ok\xC0\xAF", TextKind::kText,
       "f: not valid UTF-8 at byte 2"},  // overlong /
      {"x\xED\xA0\x80", TextKind::kText,
       "f: not valid UTF-8 at byte 1"},  // surrogate
      {std::string("a\0b", 3), TextKind::kText,
       "f: control character U+0000 at byte 1"},
      {"\x1B[31mred", TextKind::kText, "f: control character U+001B at byte 0"},
      {"bell\x07", TextKind::kText, "f: control character U+0007 at byte 4"},
      {"del\x7F", TextKind::kText, "f: control character U+007F at byte 3"},
      {"csi\xC2\x9B"
       "31m",
       TextKind::kText, "f: control character U+009B at byte 3"},
      {"back\rspace", TextKind::kText, "f: control character U+000D at byte 4"},
      {"two\nlines", TextKind::kId,
       "f: control character U+000A at byte 3 (a one-line text)"},
  };
  for (const Case& c : cases) {
    const absl::Status s = CheckText(c.text, "f", c.kind);
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << c.error;
    EXPECT_EQ(s.message(), c.error);
  }
}

// The case of the report: a text-format journal with an octal escape that
// is not UTF-8 was accepted, and its bytes could not be read back.
TEST(StringRulesJournalTest, ImportRefusesWhatCouldNotBeReadBack) {
  const Journal rich = *BuildRichJournal();
  const std::string text = SerializeJournal(rich, JournalFormat::kText);
  const std::string name = "MT Noord \\342\\200\\224 \\\"Zuid\\\"";
  ASSERT_THAT(text, HasSubstr(name));
  std::string bad = text;
  bad.replace(bad.find(name), name.size(), "MT \\370");
  absl::StatusOr<Journal> j = ParseJournal(bad, JournalFormat::kText);
  EXPECT_EQ(j.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(j.status().message(),
              HasSubstr("team.name: not valid UTF-8 at byte 3"));

  // A NUL in a member's name, in JSON.
  std::string json = SerializeJournal(rich, JournalFormat::kJson);
  const std::string ann = "\"Ann de Vries\"";
  ASSERT_THAT(json, HasSubstr(ann));
  json.replace(json.find(ann), ann.size(), "\"Ann\\u0000de Vries\"");
  j = ParseJournal(json, JournalFormat::kJson);
  EXPECT_THAT(j.status().message(),
              HasSubstr("team.members[0].display_name: control character "
                        "U+0000 at byte 3"));

  // A terminal escape in feedback, in the binary message.
  v1::Journal proto = rich.proto();
  proto.mutable_actions(0)->mutable_feedback(0)->set_text("\x1B]0;owned\x07");
  EXPECT_THAT(Journal::FromProto(proto).status().message(),
              HasSubstr("actions[0].feedback[0].text: control character "
                        "U+001B at byte 0"));
  // Every journal that does load saves to bytes that load again.
  EXPECT_TRUE(DecodeJournalFile(EncodeJournalFile(rich)).ok());
}

TEST(StringRulesJournalTest, CallsThatTakeATextRefuseItAndChangeNothing) {
  Journal j = *BuildRichJournal();
  const std::string before = proto_testing::DeterministicBytes(j.proto());
  EXPECT_THAT(Journal::Create("t", "Team\x1B[2J").status().message(),
              HasSubstr("team.name: control character U+001B at byte 4"));
  EXPECT_THAT(
      j.AddMember("ivo", "Ivo\nCEO", Day(2026, 5, 1)).message(),
      HasSubstr("member.display_name: control character U+000A at byte 3"));
  EXPECT_THAT(
      j.AddFeedback("a2", Day(2026, 5, 2), "ann", std::string("fine\0", 5))
          .message(),
      HasSubstr("feedback.text: control character U+0000 at byte 4"));
  EXPECT_THAT(j.DropAction("a2", Day(2026, 5, 2), "\xFF").message(),
              HasSubstr("reason: not valid UTF-8 at byte 0"));
  v1::Charter charter = j.proto().charter();
  charter.mutable_strategy()->set_shared_sentence(
      "Stip \xC2\x9B"
      "31m");
  EXPECT_THAT(
      j.SetCharter(charter, Day(2026, 5, 2)).message(),
      HasSubstr("charter.strategy.shared_sentence: control character U+009B"));
  EXPECT_EQ(proto_testing::DeterministicBytes(j.proto()), before);
}

TEST(StringRulesJournalTest, APlanOrCheckListsAnActionOnce) {
  const Journal rich = *BuildRichJournal();
  v1::Journal proto = rich.proto();
  proto.mutable_plans(0)->add_action_ids(proto.plans(0).action_ids(0));
  EXPECT_THAT(Journal::FromProto(proto).status().message(),
              HasSubstr("plans[0].action_ids: \"a1\" appears twice"));
  proto = rich.proto();
  ASSERT_GT(proto.checks(0).reviews_size(), 0);
  *proto.mutable_checks(0)->add_reviews() = proto.checks(0).reviews(0);
  EXPECT_THAT(Journal::FromProto(proto).status().message(),
              HasSubstr("checks[0].reviews: action \""));
}

TEST(StringRulesOrgTest, AUnitNamedWithAnEscapeIsRefused) {
  absl::StatusOr<Org> org = Org::Parse(R"pb(
    id: "acme"
    name: "Acme"
    units { id: "acme" name: "Acme" }
    units { id: "u1" name: "Sales\033[5m" parent: "acme" team_id: "t1" }
  )pb");
  EXPECT_EQ(org.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(org.status().message(),
              HasSubstr("units[1].name: control character U+001B at byte 5"));
}

// Markdown shows a name literally: no HTML, link or emphasis gets in.
TEST(MarkdownTextTest, NamesCannotFormatThePage) {
  v1::Journal proto = BuildRichJournal()->proto();
  proto.mutable_team()->set_name(
      "<img src=x onerror=alert(1)> [click](http://x) *loud* &amp; #1");
  const Journal j = *Journal::FromProto(proto);
  const v1::MeetingReport m =
      *BuildMeetingReport(j, "r2", Language::kEnglish, Day(2026, 4, 20));
  const std::string md = RenderMeetingMarkdown(m, Language::kEnglish);
  EXPECT_THAT(md, HasSubstr("\\<img src=x onerror=alert(1)\\> "
                            "\\[click\\](http://x) \\*loud\\* \\&amp; #1"));
  // Every < of the page is escaped.
  for (size_t at = md.find('<'); at != std::string::npos;
       at = md.find('<', at + 1)) {
    EXPECT_TRUE(at > 0 && md[at - 1] == '\\') << md.substr(at, 20);
  }
}

}  // namespace
}  // namespace fives
