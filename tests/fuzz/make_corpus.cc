// Writes the seed corpus of every fuzz target into DIR/<target>/ (the
// committed corpus is tests/fuzz/corpus; regression inputs found by the
// fuzzers sit beside what this writes): the demo team's journal and smaller
// journals in every form, requests and charters, command lines, bulk arrays,
// the demo organisation with the partials of its two quarters, and scores as
// CSV.
//
// Usage: fives_fuzz_corpus DIR
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "capi_sequence.h"
#include "demo_org.h"
#include "demo_team.h"
#include "fives.h"
#include "fives/journal_io.h"
#include "fives/org_partial.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/json_util.h"

namespace {

std::string dir;

void Write(const std::string& target, const std::string& name,
           const std::string& bytes) {
  const std::string path = dir + "/" + target + "/" + name;
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  if (!out) {
    std::fprintf(stderr, "cannot write %s\n", path.c_str());
    std::exit(1);
  }
}

void Must(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "make_corpus: %s\n", what);
    std::exit(1);
  }
}

std::string Text(const google::protobuf::Message& m) {
  std::string s;
  google::protobuf::TextFormat::PrintToString(m, &s);
  return s;
}

std::string Json(const google::protobuf::Message& m) {
  std::string s;
  (void)google::protobuf::util::MessageToJsonString(m, &s);
  return s;
}

// A small team through the C ABI: four members, an open round closed, a
// confidential round with partial answers still open.
fives::Journal SmallJournal(bool second_round) {
  fives_journal* j = nullptr;
  Must(fives_journal_new(&j, "small", "Small MT", nullptr, 0,
                         FIVES_FORMAT_BINARY) == FIVES_OK,
       "new");
  for (const char* m : {"ann", "bob", "cis", "dan"}) {
    Must(fives_journal_add_member(j, m, m, "2026-01-05") == FIVES_OK, "member");
  }
  Must(fives_journal_start_round(j, "r1", "2026-02-02", FIVES_ROUND_OPEN) ==
           FIVES_OK,
       "round");
  const int32_t scores[4][5] = {
      {4, 3, 1, 4, 5}, {4, 4, 5, 3, 4}, {3, 4, 2, 4, 4}, {5, 3, 4, 2, 4}};
  const char* members[] = {"ann", "bob", "cis", "dan"};
  for (int i = 0; i < 4; ++i) {
    Must(fives_journal_add_response(j, "r1", members[i], scores[i]) == FIVES_OK,
         "response");
  }
  Must(fives_journal_close_round(j, "r1", "2026-02-03") == FIVES_OK, "close");
  if (second_round) {
    const char* request =
        "id: \"r2\" date: \"2026-03-23\" mode: ROUND_MODE_CONFIDENTIAL "
        "allow_partial: true pillars: PILLAR_STRUCTURE pillars: "
        "PILLAR_STEERING";
    Must(fives_journal_start_round_request(
             j, reinterpret_cast<const uint8_t*>(request),
             std::string(request).size(), FIVES_FORMAT_TEXT) == FIVES_OK,
         "round request");
    const int32_t partial[5] = {0, 0, 3, 0, 0};
    Must(fives_journal_add_response(j, "r2", "bob", partial) == FIVES_OK,
         "partial response");
  }
  fives_buffer out = FIVES_BUFFER_INIT;
  Must(fives_journal_serialize(&out, j, FIVES_FORMAT_BINARY) == FIVES_OK,
       "serialize");
  auto journal = fives::ParseJournal(
      std::string(reinterpret_cast<const char*>(out.data), out.len),
      fives::JournalFormat::kBinary);
  Must(journal.ok(), "parse");
  fives_buffer_free(&out);
  fives_journal_free(j);
  return *std::move(journal);
}

// The encoding of capi_sequence.h.
class Sequence {
 public:
  explicit Sequence(bool demo) { bytes_.push_back(demo ? 1 : 0); }
  Sequence& Op(fives::fuzz::Op op) {
    bytes_.push_back(static_cast<char>(op));
    return *this;
  }
  Sequence& Str(const std::string& s) {
    bytes_.push_back(static_cast<char>(0x80 + s.size()));
    bytes_ += s;
    return *this;
  }
  Sequence& Num(int n) {
    bytes_.push_back(static_cast<char>(n));
    return *this;
  }
  Sequence& Message(const std::string& text) {
    bytes_.push_back(static_cast<char>(FIVES_FORMAT_TEXT - 1));
    bytes_.push_back(static_cast<char>(text.size() & 0xff));
    bytes_.push_back(static_cast<char>(text.size() >> 8));
    bytes_ += text;
    return *this;
  }
  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
};

std::string Argv(std::vector<std::string> args) {
  std::string s;
  for (size_t i = 0; i < args.size(); ++i) {
    if (i > 0) s.push_back('\0');
    s += args[i];
  }
  return s;
}

std::string U32(size_t n) {
  std::string s;
  for (int i = 0; i < 4; ++i) s.push_back(static_cast<char>(n >> (8 * i)));
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  using fives::fuzz::Op;
  Must(argc == 2, "usage: fives_fuzz_corpus DIR");
  dir = argv[1];
  for (const char* t : {"journal_file", "journal_message", "journal_import",
                        "command_line", "charter_set", "capi_sequence",
                        "bulk_stats", "org_rollup", "score_csv"}) {
    std::system(("mkdir -p '" + dir + "/" + t + "'").c_str());
  }

  // Journals.
  auto demo = fives::cli::BuildDemoJournal();
  Must(demo.ok(), "demo");
  auto org = fives::cli::BuildDemoOrg();
  Must(org.ok(), "demo org");
  std::vector<std::pair<std::string, const fives::Journal*>> journals;
  const fives::Journal small = SmallJournal(false);
  const fives::Journal small2 = SmallJournal(true);
  journals.push_back({"demo", &demo->journal});
  journals.push_back({"small", &small});
  journals.push_back({"small-open-round", &small2});
  std::vector<fives::Journal> org_journals;
  for (size_t i : {size_t{0}, size_t{17}, size_t{39}}) {
    if (i >= org->journals.size()) continue;
    auto j = fives::DecodeJournalFile(org->journals[i].bytes);
    Must(j.ok(), "org journal");
    org_journals.push_back(*std::move(j));
  }
  for (size_t i = 0; i < org_journals.size(); ++i) {
    journals.push_back({"org-team-" + std::to_string(i), &org_journals[i]});
  }
  for (const auto& [name, j] : journals) {
    Write("journal_file", name + ".journal", fives::EncodeJournalFile(*j));
    Write("journal_message", name + ".binpb",
          fives::SerializeJournal(*j, fives::JournalFormat::kBinary));
    Write("journal_import", name + ".json",
          fives::SerializeJournal(*j, fives::JournalFormat::kJson));
    Write("journal_import", name + ".txtpb",
          fives::SerializeJournal(*j, fives::JournalFormat::kText));
  }

  // Charters: the demo's, and one with every section.
  const fives::v1::Charter& charter = demo->journal.proto().charter();
  fives::v1::Charter set = charter;
  set.clear_signals();
  Write("charter_set", "demo.txtpb", Text(set));
  Write("charter_set", "demo.json", Json(set));
  Write("charter_set", "empty.txtpb", "");
  Write("charter_set", "kpi.txtpb",
        "steering { kpis { name: \"NPS\" owner_id: \"anna\" target: \"40\" "
        "priority: \"customers\" } }");

  // Command lines: GROUP VERB ARGS...
  Write("command_line", "report",
        Argv({"fives", "report", "--round", "r1", "--format=html", "--lang",
              "nl", "--date", "2026-11-03"}));
  Write("command_line", "plan",
        Argv({"fives", "plan", "r1", "--date=2026-11-03", "--action",
              "anna|Decide|a register|2026-11-24", "--action=bram|Log|a log"}));
  Write("command_line", "check",
        Argv({"fives", "check", "record", "--helps", "x", "--chafes=y",
              "--json", "--force", "--", "--not-a-flag"}));
  Write("command_line", "charter",
        Argv({"fives", "charter", "file.txt", "--stale-days=30", "--json"}));
  Write(
      "command_line", "member",
      Argv({"fives", "member", "add", "anna", "Anna", "--date", "2026-01-05"}));
  Write("command_line", "help", Argv({"fives", "plan", "r1", "--help"}));

  // C ABI sequences.
  Sequence team(false);
  for (const char* m : {"ann", "bob", "cis", "dan", "eve"}) {
    team.Op(Op::kAddMember).Str(m).Str(m).Str("2026-01-05");
  }
  team.Op(Op::kStartRound).Str("r1").Str("2026-02-02").Num(2);
  for (const char* m : {"ann", "bob", "cis", "dan", "eve"}) {
    team.Op(Op::kAddResponse)
        .Str("r1")
        .Str(m)
        .Num(4)
        .Num(3)
        .Num(2)
        .Num(4)
        .Num(5);
  }
  team.Op(Op::kCloseRound).Str("r1").Str("2026-02-03");
  team.Op(Op::kReport).Str("r1").Str("nl").Num(1);
  team.Op(Op::kDocument).Str("").Str("en").Str("2026-02-03").Num(2);
  team.Op(Op::kCreatePlan)
      .Message(
          "round_id: \"r1\" created: \"2026-02-03\" actions { title: \"A\" "
          "visible_result: \"B\" owner_id: \"ann\" } actions { title: \"C\" "
          "visible_result: \"D\" owner_id: \"bob\" }");
  team.Op(Op::kOpenAction).Str("a1").Str("2026-02-04");
  team.Op(Op::kAddFeedback)
      .Str("a1")
      .Str("2026-02-10")
      .Str("bob")
      .Str("ok")
      .Num(51);
  team.Op(Op::kCompleteAction).Str("a1").Str("2026-02-20");
  team.Op(Op::kFollowUp).Str("2026-03-01").Str("").Num(0).Num(1);
  team.Op(Op::kMemberLeaves).Str("eve").Str("2026-03-01");
  team.Op(Op::kForgetMember).Str("eve");
  team.Op(Op::kCheckStatus).Str("2026-03-20").Num(0);
  team.Op(Op::kGuardian).Str("2026-03-20");
  Write("capi_sequence", "team-cycle", team.bytes());

  Sequence on_demo(true);
  on_demo.Op(Op::kRecordCheck)
      .Message(
          "date: \"2027-03-20\" helps: \"x\" chafes: \"y\" hinders: \"z\" "
          "agreements: \"w\"");
  on_demo.Op(Op::kSetCharter).Message(Text(set)).Str("2027-03-21");
  on_demo.Op(Op::kTickSignals)
      .Message("check_id: \"c1\" ticks { pillar: PILLAR_SYNERGY number: 1 }");
  on_demo.Op(Op::kReviewCharter).Str("2027-03-21").Num(0).Num(1);
  on_demo.Op(Op::kCompareRounds).Str("2026-11").Str("2026-12").Num(1);
  on_demo.Op(Op::kMeetingReport).Str("").Str("nl").Str("2027-03-21").Num(2);
  on_demo.Op(Op::kDocument).Str("").Str("en").Str("2027-03-21").Num(5);
  on_demo.Op(Op::kDropAction).Str("a3").Str("2027-03-22").Str("no time");
  on_demo.Op(Op::kStartRoundRequest)
      .Message("id: \"r3\" date: \"2027-04-01\" mode: ROUND_MODE_OPEN");
  on_demo.Op(Op::kReportText).Str("").Str("en");
  on_demo.Op(Op::kCharter).Num(2);
  on_demo.Op(Op::kSerialize).Num(2);
  Write("capi_sequence", "demo-calls", on_demo.bytes());

  Sequence refusals(false);
  refusals.Op(Op::kStartRound).Str("r1").Str("2027-02-30").Num(1);
  refusals.Op(Op::kLastErrorText).Str("nl");
  refusals.Op(Op::kLastErrorDetail).Num(2);
  refusals.Op(Op::kErrorTakeDetail).Num(2);
  refusals.Op(Op::kErrorText)
      .Message(
          "status: 3 message: \"date: ...\" detail { code: "
          "ERROR_CODE_DATE_DAYS_IN_MONTH args { text: \"2027-02-30\" } args { "
          "phrase: \"month_2\" } args { text: \"2027\" } args { text: "
          "\"28\" } }")
      .Str("nl");
  refusals.Op(Op::kAddMember).Str("ann").Str("Ann").Str("2027-13-01");
  refusals.Op(Op::kLastErrorText).Str("x");
  Write("capi_sequence", "refusals", refusals.bytes());

  // Bulk arrays: 12 groups of up to 8 responses; bad scores and groups.
  std::string bulk = {12, 0, 0};
  uint32_t state = 1;
  for (int i = 0; i < 60; ++i) {
    bulk.push_back(static_cast<char>(i % 12));
    for (int p = 0; p < 5; ++p) {
      state = state * 1103515245 + 12345;
      bulk.push_back(static_cast<char>(1 + (state >> 16) % 5));
    }
  }
  Write("bulk_stats", "twelve-groups", bulk);
  std::string partial = bulk;
  partial[2] = 0;
  for (size_t i = 4; i < partial.size(); i += 6) partial[i] = 0;
  Write("bulk_stats", "left-out", partial);
  std::string wide = {3, 0, 1};
  for (uint32_t g : {0u, 2u, 1u, 7u}) {
    wide += U32(g).substr(0, 4);
    wide += std::string("\x05\x04\x03\x02\x01", 5);
  }
  Write("bulk_stats", "wide-groups", wide);

  // The demo organisation over its two quarters.
  auto q1 = fives::PartialsOf(org->journals, org->first_quarter, 1);
  auto q2 = fives::PartialsOf(org->journals, org->second_quarter, 1);
  Must(q1.ok() && q2.ok(), "partials");
  const std::string org_text = Text(org->org);
  const std::string org_json = Json(org->org);
  const std::string p1 = q1->SerializeAsString(), p2 = q2->SerializeAsString();
  Write("org_rollup", "demo-q1",
        std::string(1, 1) + U32(org_text.size()) + org_text + U32(p1.size()) +
            p1);
  Write("org_rollup", "demo-q2-after-q1",
        std::string(1, 2) + U32(org_json.size()) + org_json + U32(p2.size()) +
            p2 + p1);

  // Scores as CSV for the demo team, as forms and spreadsheets export them,
  // and a few that are refused.
  Write("score_csv", "comma.csv",
        "member,Strategy,Synergy & strengths,Structure,Steering,Success "
        "factors\n"
        "anna,4,4,2,3,4\nbram,4,3,5,3,3\ncarla,3,4,1,4,4\n"
        "daan,4,5,5,2,3\neva,5,4,1,3,4\nfemke,4,3,4,4,3\n");
  Write("score_csv", "semicolon-dutch.csv",
        "Lid;Stip & strategie;Synergie & sterktes;Structuur;Sturing;"
        "Succesfactoren\nAnna;4;4;4;3;4\nBram;4;4;5;3;3\nCarla;4;4;4;4;4\n");
  Write("score_csv", "bom-crlf.csv",
        "\xEF\xBB\xBFmember_id,strategy,synergy,structure,steering,"
        "success\r\ndaan,4,5,5,3,4\r\neva,5,4,4,3,4\r\n\r\n,,,,,\r\n");
  Write("score_csv", "quoted.csv",
        "\"name\",\"Success factors\",\"Strategy\",\"Synergy\","
        "\"Structure\",\"Steering\"\n\"Femke\",\"3\",\" 4 \",\"3\","
        "\"4\",\"4\"\n\"anna\",1,1,1,\"1\"  ,1\n");
  Write("score_csv", "partial.csv",
        "member;strategy;synergy;structure;steering;success\n"
        "anna;4;;3;;5\nbram;;;;;1\n");
  Write("score_csv", "bad-score.csv",
        "member,strategy,synergy,structure,steering,success\n"
        "anna,4,6,2,3,4\nanna,1,1,1,1,1\nzed,1,2,3,4,5\n");
  Write("score_csv", "bad-header.csv",
        "member,strategy,strategy,Timestamp\nanna,1,2,3\n");
  Write("score_csv", "bad-quoted-lines.csv",
        "member,strategy,synergy,structure,steering,success\n"
        "\"an\"\"na\",1,1,1,1,1\n\"bram\nde\",2,2,2,2,2\r\n"
        "carla,3,3,3,3\n");
  Write("score_csv", "bad-quote.csv",
        "member,strategy,synergy,structure,steering,success\n"
        "anna,4\"x,3,3,3,3\nbram,\"4,3,3,3,3\n");
  return 0;
}
