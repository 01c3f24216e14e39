// fives demo: the whole cycle on the built-in demo team.
#include <string>
#include <vector>

#include "absl/flags/declare.h"
#include "absl/flags/flag.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "charter_review_text.h"
#include "command_line.h"
#include "commands.h"
#include "demo_team.h"
#include "fives/catalog.h"
#include "fives/charter.h"
#include "fives/civil_date.h"
#include "fives/journal_io.h"
#include "fives/report_text.h"
#include "journal_file.h"
#include "journal_text.h"
#include "report_output.h"

ABSL_DECLARE_FLAG(std::string, format);
ABSL_DECLARE_FLAG(std::string, out);
ABSL_DECLARE_FLAG(std::string, picture);

namespace fives::cli {

int RunDemo(absl::Span<char* const> args) {
  static constexpr absl::string_view kFlags[] = {"lang", "journal", "format",
                                                 "picture", "out"};
  static constexpr CommandSpec kSpec = {
      "demo",
      "fives demo [--lang en|nl] [--journal PATH] "
      "[--format text|md|html|json|svg [--picture radar|strips|trend]] "
      "[--out FILE]",
      kFlags};
  absl::StatusOr<ParsedArgs> parsed = ParseCommand(kSpec, args);
  if (!parsed.ok()) return UsageError(parsed.status().message());
  absl::StatusOr<Language> language = LangFlag();
  if (!language.ok()) {
    return UsageError(absl::StrCat("demo: ", language.status().message()));
  }
  if (parsed->given.contains("picture") &&
      (!parsed->given.contains("format") ||
       absl::GetFlag(FLAGS_format) != "svg")) {
    return UsageError("demo: --picture goes with --format svg");
  }
  // Only an explicit --journal writes a file, and never over another.
  const bool write = parsed->given.contains("journal");
  const std::string path = JournalPath();
  if (write) {
    if (path.empty()) return UsageError("demo: --journal needs a path");
    if (absl::Status s = CheckNoFile(path); !s.ok()) return Refused("demo", s);
  }
  absl::StatusOr<DemoJournal> demo = BuildDemoJournal();
  if (!demo.ok()) return Refused("demo", demo.status());
  const Journal& j = demo->journal;
  absl::StatusOr<v1::RoundReport> first =
      j.Report(demo->first_round, *language);
  if (!first.ok()) return Refused("demo", first.status());
  absl::StatusOr<v1::RoundReport> second =
      j.Report(demo->second_round, *language);
  if (!second.ok()) return Refused("demo", second.status());
  if (write) {
    if (absl::Status s = CreateJournalFile(j, path); !s.ok()) {
      return Refused("demo", s);
    }
  }
  // --format: the meeting report of the second round in that format.
  if (parsed->given.contains("format") || parsed->given.contains("out")) {
    absl::StatusOr<ReportFormat> format =
        parsed->given.contains("format")
            ? ParseReportFormat(absl::GetFlag(FLAGS_format))
            : absl::StatusOr<ReportFormat>(ReportFormat::kText);
    if (!format.ok()) {
      return UsageError(absl::StrCat("demo: ", format.status().message()));
    }
    const std::string picture = absl::GetFlag(FLAGS_picture);
    if (absl::Status s = CheckPicture(picture); !s.ok()) {
      return UsageError(absl::StrCat("demo: ", s.message()));
    }

    absl::StatusOr<std::string> text = RenderReport(
        j, demo->second_round, *format, picture, *language, demo->as_of);
    if (!text.ok()) return Refused("demo", text.status());
    if (absl::Status s = Emit(*text, absl::GetFlag(FLAGS_out)); !s.ok()) {
      return Refused("demo", s);
    }
    return kExitOk;
  }

  constexpr absl::string_view kRule =
      "\n----------------------------------------\n\n";
  std::string out = RenderReportText(*first, *language);
  absl::StrAppend(&out, kRule);
  for (const v1::Plan& plan : j.proto().plans()) {
    absl::StrAppend(&out, RenderPlan(j, plan, *language));
  }
  absl::StrAppend(&out, "\n");
  // The checks up to round 2; the next one leads into the charter review.
  std::vector<const v1::Check*> later;
  for (const v1::Check& check : j.proto().checks()) {
    if (check.date() > FormatCivilDate(demo->as_of)) {
      later.push_back(&check);
      continue;
    }
    absl::StrAppend(&out, RenderCheck(j, check, *language));
  }
  absl::StrAppend(
      &out, kRule, RenderReportText(*second, *language), "\n",
      RenderVerdict(*second, *language), "\n",
      RenderFollowUp(j.FollowUp(demo->as_of), j.config().due_soon_days,
                     *language),
      "\n",
      RenderCheckStatus(j.CheckStatus(demo->as_of), demo->as_of, *language),
      RenderGuardian(j, demo->as_of, *language));
  // The charter: the next check ticks warning signals again, and the review
  // as of that day shows what is in place, what is missing and what next.
  absl::StrAppend(&out, kRule);
  for (const v1::Check* check : later) {
    absl::StrAppend(&out, RenderCheck(j, *check, *language), "\n");
  }
  absl::StrAppend(
      &out, RenderCharterReview(
                j, ReviewCharter(j.proto(), demo->charter_as_of), *language));
  if (write) absl::StrAppend(&out, "\njournal written to ", path, "\n");
  absl::PrintF("%s", out);
  return kExitOk;
}

}  // namespace fives::cli
