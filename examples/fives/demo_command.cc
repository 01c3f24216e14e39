#include <cstdio>
#include <string>

#include "absl/flags/flag.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "command_line.h"
#include "commands.h"
#include "demo_team.h"
#include "fives/catalog.h"
#include "fives/report_text.h"
#include "fives/round_report.h"

ABSL_FLAG(std::string, lang, "en", "language of the report: en or nl");

namespace fives::cli {

int RunDemo(absl::Span<char* const> args) {
  static constexpr absl::string_view kFlags[] = {"lang"};
  absl::StatusOr<std::vector<std::string>> words =
      ParseSubcommandFlags(args, kFlags);
  if (!words.ok()) {
    return UsageError(absl::StrCat("demo: ", words.status().message()));
  }
  if (!words->empty()) {
    return UsageError(
        absl::StrCat("demo: unexpected argument \"", words->front(), "\""));
  }
  absl::StatusOr<Language> language =
      LanguageFromTag(absl::GetFlag(FLAGS_lang));
  if (!language.ok()) {
    return UsageError(absl::StrCat("demo: ", language.status().message()));
  }
  absl::StatusOr<DemoTeam> demo = BuildDemoTeam();
  if (!demo.ok()) {
    std::fprintf(stderr, "fives: demo: %s\n",
                 std::string(demo.status().message()).c_str());
    return kExitRefused;
  }
  ReportOptions options;
  options.language = *language;
  absl::StatusOr<v1::RoundReport> report =
      BuildRoundReport(demo->team, demo->round, options);
  if (!report.ok()) {
    std::fprintf(stderr, "fives: demo: %s\n",
                 std::string(report.status().message()).c_str());
    return kExitRefused;
  }
  absl::PrintF("%s", RenderReportText(*report, *language));
  return kExitOk;
}

}  // namespace fives::cli
