// Shared by the journal fuzz targets: every read operation of a journal that
// validated (round reports in every format, pictures, the meeting report,
// follow-up, check status, guardian, charter review, comparisons between
// rounds, the organisation partial), in both languages, and the save/load
// round trip, which must give the same journal.
#ifndef FIVES_TESTS_FUZZ_JOURNAL_READS_H_
#define FIVES_TESTS_FUZZ_JOURNAL_READS_H_

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "fives/charter.h"
#include "fives/civil_date.h"
#include "fives/journal.h"
#include "fives/journal_io.h"
#include "fives/meeting_report.h"
#include "fives/org_partial.h"
#include "fives/report_suggestions.h"
#include "fives/report_svg.h"
#include "fives/report_text.h"
#include "google/protobuf/util/json_util.h"

namespace fives::fuzz {

// Reports of at most this many rounds per input (the latest ones): each
// report compares its round with every earlier one.
inline constexpr int kMaxReportedRounds = 12;

inline void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz check failed: %s\n", what);
    std::abort();
  }
}

inline void CheckOk(const absl::Status& status, const char* what) {
  if (!status.ok()) {
    std::fprintf(stderr, "fuzz check failed: %s: %s\n", what,
                 std::string(status.message()).c_str());
    std::abort();
  }
}

// The days the read operations are asked about: each round's date, the
// last one two months later, and a fixed day.
inline std::vector<absl::CivilDay> AsOfDays(const v1::Journal& proto) {
  std::vector<absl::CivilDay> days = {absl::CivilDay(2026, 12, 31)};
  absl::CivilDay last = days[0];
  bool any = false;
  for (const v1::Round& round : proto.rounds()) {
    auto day = ParseCivilDate(round.date(), "date");
    if (!day.ok()) continue;
    if (!any || *day > last) last = *day;
    any = true;
  }
  if (any) {
    days.push_back(last);
    days.push_back(last + 60);
  }
  return days;
}

inline void ReadEverything(const Journal& journal) {
  const v1::Journal& proto = journal.proto();
  const std::vector<absl::CivilDay> days = AsOfDays(proto);
  const int first = proto.rounds_size() > kMaxReportedRounds
                        ? proto.rounds_size() - kMaxReportedRounds
                        : 0;
  bool any_closed = false;
  for (const v1::Round& round : proto.rounds()) {
    any_closed |= round.state() == v1::ROUND_STATE_CLOSED;
  }
  for (Language lang : {Language::kEnglish, Language::kDutch}) {
    if (auto latest = journal.LatestReport(); latest.ok()) {
      (void)RenderReportText(*latest, lang);
    }
    for (int i = first; i < proto.rounds_size(); ++i) {
      const std::string& id = proto.rounds(i).id();
      const bool closed = proto.rounds(i).state() == v1::ROUND_STATE_CLOSED;
      auto report = journal.Report(id);
      // A journal that validated has a report of every closed round.
      if (closed) CheckOk(report.status(), "no report of a closed round");
      if (!report.ok()) continue;
      AddSuggestions(lang, &*report);
      (void)RenderReportText(*report, lang);
      std::string json;
      (void)google::protobuf::util::MessageToJsonString(*report, &json);
      std::optional<v1::RoundReport> previous =
          PreviousRoundReport(journal, id);
      CheckOk(RenderRadarSvg(*report, previous ? &*previous : nullptr, lang)
                  .status(),
              "no radar of a report");
      CheckOk(RenderDistributionSvg(*report, lang).status(),
              "no strips of a report");
      auto meeting = BuildMeetingReport(journal, id, lang, days.back());
      if (meeting.ok()) {
        (void)RenderMeetingMarkdown(*meeting, lang);
        (void)RenderMeetingHtml(*meeting, journal, lang);
      }
    }
    auto trend = RenderTrendSvg(journal, lang);
    if (any_closed) CheckOk(trend.status(), "no trend of a valid journal");
  }
  // Two closed rounds can always be compared.
  std::vector<std::string> closed;
  for (int i = first; i < proto.rounds_size(); ++i) {
    if (proto.rounds(i).state() == v1::ROUND_STATE_CLOSED) {
      closed.push_back(proto.rounds(i).id());
    }
  }
  for (size_t i = 0; i + 1 < closed.size(); ++i) {
    CheckOk(journal.CompareRounds(closed[i], closed[i + 1]).status(),
            "two closed rounds cannot be compared");
  }
  if (proto.rounds_size() > 2) {
    (void)journal.CompareRounds(proto.rounds(first).id(),
                                proto.rounds(proto.rounds_size() - 1).id());
  }
  const std::string owner =
      proto.team().members_size() > 0 ? proto.team().members(0).id() : "";
  for (absl::CivilDay day : days) {
    (void)journal.FollowUp(day);
    (void)journal.FollowUp(day, owner, Pillar::kStructure);
    (void)journal.CheckStatus(day);
    (void)journal.Guardian(day);
    (void)CheckCharter(proto, day);
    (void)ReviewCharter(proto, day);
    (void)ReviewCharter(proto, day, 1);
  }
  v1::OrgPeriod period;
  period.set_from("2000-01-01");
  period.set_to(FormatCivilDate(days.back()));
  (void)TeamPartialOf(journal, period, "fuzz.journal");
}

// Saved and loaded again, the journal is the same (binary, deterministic).
inline void CheckRoundTrip(const Journal& journal) {
  auto again = DecodeJournalFile(EncodeJournalFile(journal));
  CheckOk(again.status(), "a journal that loaded does not load after saving");
  Check(SerializeJournal(*again, JournalFormat::kBinary) ==
            SerializeJournal(journal, JournalFormat::kBinary),
        "a saved and loaded journal differs from the one saved");
}

}  // namespace fives::fuzz

#endif  // FIVES_TESTS_FUZZ_JOURNAL_READS_H_
