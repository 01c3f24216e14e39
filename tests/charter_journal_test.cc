// The charter on a journal: setting it (with dates stamped), ticking warning
// signals at a check, and the rules added with them (agenda, a KPI's
// priority, the catalog's texts for every agreement).
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "charter_fixture.h"
#include "fives/catalog.h"
#include "fives/charter.h"
#include "fives/charter_phrases.h"
#include "fives/journal.h"
#include "fives/journal_io.h"
#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "journal_builder.h"
#include "proto_testing.h"

namespace fives {
namespace {

using ::fives::charter_fixture::BaseJournal;
using ::fives::charter_fixture::FullCharter;
using ::fives::charter_fixture::kAsOf;
using ::fives::charter_fixture::kConfirmed;
using ::fives::charter_fixture::WithCharter;
using ::fives::journal_builder::Day;
using ::fives::journal_builder::DeterministicBytes;
using ::fives::proto_testing::SetInt32Field;
using ::google::protobuf::util::MessageDifferencer;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

const absl::CivilDay kToday = Day(2026, 5, 20);
constexpr char kTodayText[] = "2026-05-20";

Journal MakeJournal(v1::Journal proto = BaseJournal()) {
  absl::StatusOr<Journal> j = Journal::FromProto(std::move(proto));
  EXPECT_TRUE(j.ok()) << j.status();
  return *std::move(j);
}

v1::Charter ParseCharter(const std::string& text) {
  v1::Charter c;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &c)) << text;
  return c;
}

std::vector<CharterFinding> FindingsOn(const v1::Journal& j,
                                       const std::string& field) {
  std::vector<CharterFinding> out;
  for (const CharterFinding& f : CheckCharter(j, kAsOf)) {
    if (f.field == field) out.push_back(f);
  }
  return out;
}

v1::SignalTick Tick(v1::Pillar pillar, int number, std::string check = "") {
  v1::SignalTick t;
  t.set_check_id(std::move(check));
  t.set_pillar(pillar);
  t.set_number(number);
  return t;
}

// A tick of a host of the older schema: the 0-based `signal`, no number.
v1::SignalTick DeprecatedTick(v1::Pillar pillar, int index) {
  v1::SignalTick t;
  t.set_pillar(pillar);
  SetInt32Field(t, "signal", index);
  return t;
}

// --- Rules ------------------------------------------------------------------

TEST(CharterKpiTest, PriorityMustBeOneOfTheStrategys) {
  v1::Charter c = FullCharter();
  c.mutable_steering()->mutable_kpis(2)->set_priority("Growht");
  c.mutable_steering()->mutable_kpis(4)->clear_priority();
  const v1::Journal j = WithCharter(c);
  std::vector<CharterFinding> typo = FindingsOn(j, "steering.kpis[2].priority");
  ASSERT_THAT(typo, SizeIs(1));
  EXPECT_EQ(typo[0].severity, CharterFinding::kWarning);
  EXPECT_EQ(typo[0].pillar, Pillar::kSteering);
  EXPECT_EQ(typo[0].message,
            "steering.kpis[2].priority: \"Growht\" is not one of the "
            "strategy's priorities");
  std::vector<CharterFinding> empty =
      FindingsOn(j, "steering.kpis[4].priority");
  ASSERT_THAT(empty, SizeIs(1));
  EXPECT_EQ(empty[0].severity, CharterFinding::kWarning);
  EXPECT_THAT(empty[0].message, HasSubstr("empty for \"kpi4\""));
  // Warnings only: the charter stays valid.
  EXPECT_TRUE(ValidateCharter(j, kAsOf).ok());
  // Every other priority of the strategy is accepted.
  v1::Charter other = FullCharter();
  other.mutable_steering()->mutable_kpis(0)->set_priority("Cost");
  EXPECT_THAT(FindingsOn(WithCharter(other), "steering.kpis[0].priority"),
              IsEmpty());
}

TEST(CharterAgendaTest, EveryItemNeedsATitleAndAKind) {
  v1::Charter c = FullCharter();
  v1::StructureCharter* s = c.mutable_structure();
  auto add = [s](const std::string& title, v1::AgendaKind kind,
                 const std::string& owner) {
    v1::AgendaItem* item = s->add_agenda();
    item->set_title(title);
    item->set_kind(kind);
    item->set_owner_id(owner);
  };
  add("Budget 2027", v1::AGENDA_KIND_DECISION, "ann");  // [0] fine
  add("Culture", v1::AGENDA_KIND_DISCUSSION, "");       // [1] fine
  add("Sales figures", v1::AGENDA_KIND_UPDATE, "bob");  // [2] warning
  add("", v1::AGENDA_KIND_DECISION, "");                // [3] no title
  add("Office move", v1::AGENDA_KIND_UNSPECIFIED, "");  // [4] no kind
  add("Party", static_cast<v1::AgendaKind>(9), "");     // [5] bad kind
  add("Pricing", v1::AGENDA_KIND_DECISION, "zed");      // [6] not member
  const v1::Journal j = WithCharter(c);
  EXPECT_THAT(FindingsOn(j, "structure.agenda[0].kind"), IsEmpty());
  EXPECT_THAT(FindingsOn(j, "structure.agenda[0].owner_id"), IsEmpty());
  EXPECT_THAT(FindingsOn(j, "structure.agenda[1].kind"), IsEmpty());
  EXPECT_THAT(FindingsOn(j, "structure.agenda[1].owner_id"), IsEmpty());

  std::vector<CharterFinding> update =
      FindingsOn(j, "structure.agenda[2].kind");
  ASSERT_THAT(update, SizeIs(1));
  EXPECT_EQ(update[0].severity, CharterFinding::kWarning);
  EXPECT_THAT(update[0].message,
              HasSubstr("\"Sales figures\" is an update: a written note is "
                        "enough"));
  std::vector<CharterFinding> title =
      FindingsOn(j, "structure.agenda[3].title");
  ASSERT_THAT(title, SizeIs(1));
  EXPECT_EQ(title[0].severity, CharterFinding::kError);
  std::vector<CharterFinding> kind = FindingsOn(j, "structure.agenda[4].kind");
  ASSERT_THAT(kind, SizeIs(1));
  EXPECT_EQ(kind[0].severity, CharterFinding::kError);
  EXPECT_THAT(kind[0].message, HasSubstr("AGENDA_KIND_UNSPECIFIED"));
  std::vector<CharterFinding> bad = FindingsOn(j, "structure.agenda[5].kind");
  ASSERT_THAT(bad, SizeIs(1));
  EXPECT_EQ(bad[0].message,
            "structure.agenda[5].kind: 9 is not an agenda kind");
  std::vector<CharterFinding> owner =
      FindingsOn(j, "structure.agenda[6].owner_id");
  ASSERT_THAT(owner, SizeIs(1));
  EXPECT_EQ(owner[0].severity, CharterFinding::kError);
  EXPECT_THAT(owner[0].message, HasSubstr("\"zed\" is not a member"));
  // The first error decides ValidateCharter.
  EXPECT_EQ(ValidateCharter(j, kAsOf).message(),
            "charter.structure.agenda[3].title: empty, needs a title");
}

TEST(CharterAgendaTest, OnlyDecisionsAndDiscussionsNeedTheMeeting) {
  EXPECT_TRUE(NeedsMeeting(v1::AGENDA_KIND_DECISION));
  EXPECT_TRUE(NeedsMeeting(v1::AGENDA_KIND_DISCUSSION));
  EXPECT_FALSE(NeedsMeeting(v1::AGENDA_KIND_UPDATE));
  EXPECT_FALSE(NeedsMeeting(v1::AGENDA_KIND_UNSPECIFIED));
}

// --- The catalog's texts
// ------------------------------------------------------

TEST(CharterTextsTest, EveryAgreementHasANameAndANextStepInBothLanguages) {
  const v1::CharterReview review =
      ReviewCharter(WithCharter(v1::Charter()), kAsOf);
  ASSERT_EQ(review.pillars_size(), 5);
  int total = 0;
  for (Pillar p : kAllPillars) {
    const std::vector<absl::string_view> keys = AgreementKeys(p);
    const v1::PillarCharterReview& pr = review.pillars(PillarIndex(p));
    // The review lists exactly these keys, in this order.
    ASSERT_EQ(pr.agreements_size(), static_cast<int>(keys.size()));
    for (size_t i = 0; i < keys.size(); ++i) {
      EXPECT_EQ(pr.agreements(i).key(), keys[i]);
      for (Language l : {Language::kEnglish, Language::kDutch}) {
        EXPECT_NE(AgreementName(keys[i], l),
                  absl::StrCat("agreement_", keys[i]));
        EXPECT_NE(AgreementNextStep(keys[i], l),
                  absl::StrCat("agreement_", keys[i], "_next"));
      }
      // Dutch differs from English somewhere in the pair.
      EXPECT_TRUE(AgreementNextStep(keys[i], Language::kDutch) !=
                  AgreementNextStep(keys[i], Language::kEnglish))
          << keys[i];
    }
    total += static_cast<int>(keys.size());
  }
  EXPECT_EQ(total, 17);
  EXPECT_EQ(AgreementName("kpis", Language::kEnglish), "6 to 10 core KPIs");
  EXPECT_EQ(AgreementName("decision_register", Language::kDutch),
            "Besluitregister");
}

TEST(CharterTextsTest, MomentsModelsAndAgendaKindsHaveWords) {
  for (absl::string_view kind : kSteeringMomentKinds) {
    for (Language l : {Language::kEnglish, Language::kDutch}) {
      EXPECT_NE(Phrase(absl::StrCat("moment_", kind), l),
                absl::StrCat("moment_", kind));
    }
  }
  for (const char* model : {"advice", "consent", "majority", "mandate"}) {
    for (Language l : {Language::kEnglish, Language::kDutch}) {
      EXPECT_NE(Phrase(absl::StrCat("decision_model_", model), l),
                absl::StrCat("decision_model_", model));
    }
  }
  for (const char* kind : {"update", "decision", "discussion"}) {
    for (Language l : {Language::kEnglish, Language::kDutch}) {
      EXPECT_NE(Phrase(absl::StrCat("agenda_", kind), l),
                absl::StrCat("agenda_", kind));
    }
  }
  EXPECT_EQ(Phrase("moment_customer", Language::kDutch), "klant");
}

// --- StampCharter
// ---------------------------------------------------------------

TEST(CharterStampTest, NewAgreementsWithoutADateGetToday) {
  v1::Charter after = ParseCharter(R"pb(
    strategy {
      shared_sentence: "We deliver"
      priorities: [ "A", "B", "C" ]
    }
    steering {
      kpis { name: "NPS" owner_id: "ann" priority: "A" }
      kpis { name: "Cash" owner_id: "bob" updated: "2026-01-02" }
      moments { kind: "budget" date: "2026-09-01" }
    }
  )pb");
  StampCharter(v1::Charter(), kToday, &after);
  EXPECT_EQ(after.strategy().shared_sentence_updated(), kTodayText);
  EXPECT_EQ(after.strategy().priorities_updated(), kTodayText);
  // Empty agreements get no date.
  EXPECT_EQ(after.strategy().not_doing_updated(), "");
  EXPECT_EQ(after.steering().kpis(0).updated(), kTodayText);
  // A new entry the caller dated keeps its date.
  EXPECT_EQ(after.steering().kpis(1).updated(), "2026-01-02");
  // Absent sections stay absent.
  EXPECT_FALSE(after.has_synergy());
  EXPECT_FALSE(after.has_success());
}

TEST(CharterStampTest, ChangedAgreementsGetTodayUnlessRedated) {
  const v1::Charter before = FullCharter();
  v1::Charter after = FullCharter();
  // Changed, date copied along: today.
  after.mutable_strategy()->set_shared_sentence("We grow together");
  // Changed and dated by the caller: the caller's date.
  after.mutable_strategy()->mutable_not_doing()->Add("Acquisitions");
  after.mutable_strategy()->set_not_doing_updated("2026-05-01");
  // An entry changed (target), date copied: today; another untouched.
  after.mutable_steering()->mutable_kpis(3)->set_target("20");
  // An entry with its date cleared: today.
  after.mutable_success()->mutable_goals(0)->clear_updated();
  // A style entry changed for one member.
  after.mutable_synergy()->mutable_styles(1)->set_style("precise");
  StampCharter(before, kToday, &after);
  EXPECT_EQ(after.strategy().shared_sentence_updated(), kTodayText);
  EXPECT_EQ(after.strategy().not_doing_updated(), "2026-05-01");
  EXPECT_EQ(after.strategy().priorities_updated(), kConfirmed);
  EXPECT_EQ(after.steering().kpis(3).updated(), kTodayText);
  EXPECT_EQ(after.steering().kpis(2).updated(), kConfirmed);
  EXPECT_EQ(after.success().goals(0).updated(), kTodayText);
  EXPECT_EQ(after.synergy().styles(1).updated(), kTodayText);
  EXPECT_EQ(after.synergy().styles(0).updated(), kConfirmed);
  EXPECT_EQ(after.structure().meeting_blocks_updated(), kConfirmed);
}

TEST(CharterStampTest, AnUnchangedCharterKeepsEveryDate) {
  const v1::Charter before = FullCharter();
  v1::Charter after = FullCharter();
  StampCharter(before, kToday, &after);
  EXPECT_TRUE(MessageDifferencer::Equals(before, after)) << after.DebugString();
}

// --- Journal::SetCharter
// -----------------------------------------------------------

TEST(JournalSetCharterTest, SetsAndDatesTheCharter) {
  Journal j = MakeJournal();
  v1::Charter c = FullCharter();
  c.mutable_strategy()->clear_shared_sentence_updated();
  ASSERT_TRUE(j.SetCharter(c, kToday).ok());
  EXPECT_EQ(j.proto().charter().strategy().shared_sentence_updated(),
            kTodayText);
  EXPECT_EQ(j.proto().charter().strategy().priorities_updated(), kConfirmed);
  // The review sees it: every agreement of strategy in place.
  const v1::CharterReview r = ReviewCharter(j.proto(), kToday);
  EXPECT_DOUBLE_EQ(r.pillars(0).readiness(), 1.0);
  // It survives the file.
  absl::StatusOr<Journal> back = DecodeJournalFile(EncodeJournalFile(j));
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_TRUE(
      MessageDifferencer::Equals(back->proto().charter(), j.proto().charter()));
}

TEST(JournalSetCharterTest, AnErrorLeavesTheJournalAsItWas) {
  Journal j = MakeJournal();
  ASSERT_TRUE(j.SetCharter(FullCharter(), kToday).ok());
  const std::string before = DeterministicBytes(j.proto());
  v1::Charter bad = FullCharter();
  bad.mutable_strategy()->set_shared_sentence("Changed");
  bad.mutable_steering()->mutable_kpis(1)->set_owner_id("zed");
  const absl::Status s = j.SetCharter(bad, kToday);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(),
            "charter.steering.kpis[1].owner_id: \"zed\" is not a member of "
            "the team");
  EXPECT_EQ(DeterministicBytes(j.proto()), before);
  // A date that cannot be written is refused before anything else.
  const absl::Status date =
      j.SetCharter(FullCharter(), absl::CivilDay(10000, 1, 1));
  EXPECT_EQ(date.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(date.message()), HasSubstr("today"));
  EXPECT_EQ(DeterministicBytes(j.proto()), before);
}

TEST(JournalSetCharterTest, WarningsPass) {
  Journal j = MakeJournal();
  v1::Charter c = FullCharter();
  c.mutable_strategy()->mutable_priorities()->RemoveLast();
  c.mutable_strategy()->mutable_priorities()->RemoveLast();  // 2: warning
  EXPECT_TRUE(j.SetCharter(c, kToday).ok());
  EXPECT_EQ(j.proto().charter().strategy().priorities_size(), 2);
}

TEST(JournalSetCharterTest, SignalsAreKeptAndCannotBeChanged) {
  Journal j = MakeJournal();
  ASSERT_TRUE(j.TickSignals("c1", {Tick(v1::PILLAR_STRATEGY, 1)}).ok());
  // Without signals in the input: kept.
  ASSERT_TRUE(j.SetCharter(FullCharter(), kToday).ok());
  ASSERT_EQ(j.proto().charter().signals_size(), 1);
  EXPECT_EQ(j.proto().charter().signals(0).check_id(), "c1");
  // The same signals repeated (a charter read back and edited): accepted.
  v1::Charter round_trip = j.proto().charter();
  round_trip.mutable_strategy()->set_shared_sentence("Edited");
  EXPECT_TRUE(j.SetCharter(round_trip, kToday).ok());
  EXPECT_EQ(j.proto().charter().strategy().shared_sentence(), "Edited");
  // Different signals: refused, nothing changed.
  const std::string before = DeterministicBytes(j.proto());
  v1::Charter changed = j.proto().charter();
  changed.mutable_signals(0)->set_number(3);
  changed.mutable_strategy()->set_shared_sentence("Again");
  const absl::Status s = j.SetCharter(changed, kToday);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(s.message()), HasSubstr("charter.signals"));
  EXPECT_EQ(DeterministicBytes(j.proto()), before);
  // A charter of a host of the older schema, its tick by the 0-based
  // field: refused naming the tick's field and value, not compared.
  v1::Charter old = j.proto().charter();
  old.mutable_signals(0)->clear_number();
  SetInt32Field(*old.mutable_signals(0), "signal", 2);
  const absl::Status deprecated = j.SetCharter(old, kToday);
  EXPECT_EQ(deprecated.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(deprecated.message(),
            "charter.signals[0].signal: 2: the 0-based field is no longer "
            "read; give number (1..3)");
  EXPECT_EQ(DeterministicBytes(j.proto()), before);
}

// --- Signals
// ----------------------------------------------------------------------

TEST(JournalTickSignalsTest, TicksAtARecordedCheck) {
  Journal j = MakeJournal();
  ASSERT_TRUE(j.TickSignals("c2", {Tick(v1::PILLAR_STEERING, 2),
                                   Tick(v1::PILLAR_SYNERGY, 1, "c2")})
                  .ok());
  ASSERT_EQ(j.proto().charter().signals_size(), 2);
  EXPECT_EQ(j.proto().charter().signals(0).check_id(), "c2");
  EXPECT_EQ(j.proto().charter().signals(0).pillar(), v1::PILLAR_STEERING);
  EXPECT_EQ(j.proto().charter().signals(0).number(), 2);
  const v1::CharterReview r = ReviewCharter(j.proto(), kAsOf);
  ASSERT_EQ(r.pillars(3).signals_size(), 1);
  EXPECT_EQ(r.pillars(3).signals(0).checks(), 1);
  EXPECT_EQ(r.pillars(3).signals(0).first(), "2026-05-06");
  EXPECT_TRUE(r.pillars(3).signals(0).at_latest_check());
  EXPECT_TRUE(Journal::Validate(j.proto()).ok());
}

struct TickError {
  std::string name;
  std::string check;
  std::vector<v1::SignalTick> ticks;
  absl::StatusCode code;
  std::string message;
};

TEST(JournalTickSignalsTest, EveryBadTickIsRefusedAndNothingApplied) {
  const std::vector<TickError> cases = {
      {"unknown check",
       "c9",
       {Tick(v1::PILLAR_STRATEGY, 1)},
       absl::StatusCode::kNotFound,
       "check_id: no check \"c9\""},
      {"pillar unspecified",
       "c1",
       {Tick(v1::PILLAR_STRATEGY, 1), Tick(v1::PILLAR_UNSPECIFIED, 1)},
       absl::StatusCode::kInvalidArgument,
       "ticks[1].pillar: 0 is not a pillar"},
      {"number 0 (numbers count from 1)",
       "c1",
       {Tick(v1::PILLAR_SYNERGY, 0)},
       absl::StatusCode::kInvalidArgument,
       "ticks[0].number: 0 is outside the 3 warning signals of synergy "
       "(1..3)"},
      {"number negative",
       "c1",
       {Tick(v1::PILLAR_SYNERGY, -1)},
       absl::StatusCode::kInvalidArgument,
       "ticks[0].number: -1 is outside the 3 warning signals of synergy "
       "(1..3)"},
      {"number past the list (N + 1)",
       "c1",
       {Tick(v1::PILLAR_SUCCESS, 3)},
       absl::StatusCode::kInvalidArgument,
       "ticks[0].number: 3 is outside the 2 warning signals of success "
       "(1..2)"},
      {"the deprecated 0-based field",
       "c1",
       {Tick(v1::PILLAR_STEERING, 1), DeprecatedTick(v1::PILLAR_STEERING, 1)},
       absl::StatusCode::kInvalidArgument,
       "ticks[1].signal: 1: the 0-based field is no longer read; give number "
       "(1..3)"},
      {"the deprecated field beside a number",
       "c1",
       {[] {
         v1::SignalTick t = DeprecatedTick(v1::PILLAR_STEERING, 2);
         t.set_number(3);
         return t;
       }()},
       absl::StatusCode::kInvalidArgument,
       "ticks[0].signal: 2: the 0-based field is no longer read; give number "
       "(1..3)"},
      {"twice in the call",
       "c1",
       {Tick(v1::PILLAR_STEERING, 3), Tick(v1::PILLAR_STEERING, 3)},
       absl::StatusCode::kInvalidArgument,
       "ticks[1]: signal 3 of steering is ticked twice at check \"c1\""},
      {"another check's tick",
       "c1",
       {Tick(v1::PILLAR_STEERING, 3, "c2")},
       absl::StatusCode::kInvalidArgument,
       "ticks[0].check_id: \"c2\" is not the check \"c1\""},
  };
  for (const TickError& c : cases) {
    SCOPED_TRACE(c.name);
    Journal j = MakeJournal();
    const std::string before = DeterministicBytes(j.proto());
    const absl::Status s = j.TickSignals(c.check, c.ticks);
    EXPECT_EQ(s.code(), c.code);
    EXPECT_EQ(s.message(), c.message);
    EXPECT_EQ(DeterministicBytes(j.proto()), before);
  }
  // Twice across calls at one check.
  Journal j = MakeJournal();
  ASSERT_TRUE(j.TickSignals("c1", {Tick(v1::PILLAR_STRUCTURE, 2)}).ok());
  const absl::Status again =
      j.TickSignals("c1", {Tick(v1::PILLAR_STRUCTURE, 2)});
  EXPECT_EQ(again.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(again.message()), HasSubstr("ticked twice"));
  // The same signal at another check is a new tick.
  EXPECT_TRUE(j.TickSignals("c2", {Tick(v1::PILLAR_STRUCTURE, 2)}).ok());
  EXPECT_EQ(ReviewCharter(j.proto(), kAsOf).pillars(2).signals(0).checks(), 2);
}

TEST(JournalTickSignalsTest, RecordCheckTicksSignals) {
  Journal j = MakeJournal();
  CheckInput check;
  check.date = Day(2026, 6, 20);
  check.signals = {Tick(v1::PILLAR_SUCCESS, 2), Tick(v1::PILLAR_STRATEGY, 2)};
  absl::StatusOr<std::string> id = j.RecordCheck(check);
  ASSERT_TRUE(id.ok()) << id.status();
  EXPECT_EQ(*id, "c3");
  ASSERT_EQ(j.proto().charter().signals_size(), 2);
  EXPECT_EQ(j.proto().charter().signals(0).check_id(), "c3");
  EXPECT_EQ(j.proto().charter().signals(1).check_id(), "c3");
  const v1::CharterReview r = ReviewCharter(j.proto(), Day(2026, 7, 1));
  EXPECT_EQ(r.checks(), 3);
  ASSERT_EQ(r.pillars(4).signals_size(), 1);
  EXPECT_EQ(r.pillars(4).signals(0).number(), 2);
  EXPECT_EQ(r.pillars(4).signals(0).last(), "2026-06-20");

  // A bad tick refuses the whole check.
  const std::string before = DeterministicBytes(j.proto());
  CheckInput bad;
  bad.date = Day(2026, 8, 1);
  bad.signals = {Tick(v1::PILLAR_STEERING, 1), Tick(v1::PILLAR_STEERING, 8)};
  absl::StatusOr<std::string> refused = j.RecordCheck(bad);
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(refused.status().message()),
              HasSubstr("check.signals[1].number: 8 is outside"));
  EXPECT_EQ(DeterministicBytes(j.proto()), before);
}

TEST(JournalTickSignalsTest, AStoredDuplicateTickIsRefusedOnLoad) {
  v1::Journal proto = BaseJournal();
  *proto.mutable_charter()->add_signals() = Tick(v1::PILLAR_SYNERGY, 2, "c1");
  EXPECT_TRUE(Journal::Validate(proto).ok());
  *proto.mutable_charter()->add_signals() = Tick(v1::PILLAR_SYNERGY, 2, "c1");
  const absl::Status s = Journal::Validate(proto);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "charter.signals[1]: ticked twice at the same check");
}

}  // namespace
}  // namespace fives
