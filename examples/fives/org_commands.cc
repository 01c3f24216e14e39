// fives org check | report | demo: the organisation view over the teams'
// journals in a directory.
#include <filesystem>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "command_line.h"
#include "commands.h"
#include "demo_org.h"
#include "fives/journal_io.h"
#include "fives/org.h"
#include "fives/org_partial.h"
#include "fives/org_report.h"
#include "fives/org_rollup.h"
#include "fives/text_format.h"
#include "google/protobuf/text_format.h"
#include "report_output.h"

namespace fives::cli {
namespace {

absl::StatusOr<Org> LoadOrg(const ParsedArgs& args) {
  const std::string path = args.Value("org");
  if (path.empty()) {
    return CommandLineError(v1::ERROR_CODE_FLAG_MISSING, {"--org"});
  }
  FileOps ops;
  absl::StatusOr<std::string> text = ops.ReadFile(path);
  if (!text.ok()) return text.status();
  absl::StatusOr<Org> org = Org::Parse(*text);
  if (!org.ok()) {
    return WithContext(org.status(), absl::StrCat(path, ": "));
  }
  return org;
}

absl::StatusOr<v1::OrgPeriod> PeriodFlags(const ParsedArgs& args) {
  v1::OrgPeriod period;
  period.set_from(args.Value("from"));
  period.set_to(args.Value("to"));
  for (const auto& [flag, day] :
       {std::pair{"--from", period.from()}, std::pair{"--to", period.to()}}) {
    if (day.empty()) {
      return CommandLineError(v1::ERROR_CODE_FLAG_MISSING, {flag});
    }
  }
  for (const auto& [flag, day] :
       {std::pair{"--from", period.from()}, std::pair{"--to", period.to()}}) {
    if (absl::Status s = ParseDateArg(day, flag).status(); !s.ok()) return s;
  }
  if (absl::Status s = OrgPeriodDays::FromProto(period).status(); !s.ok()) {
    return s;
  }
  return period;
}

absl::StatusOr<v1::OrgPeriod> ComparePeriod(const ParsedArgs& args) {
  const std::string compare = args.Value("compare");
  const std::vector<std::string> parts = absl::StrSplit(compare, "..");
  v1::OrgPeriod period;
  if (parts.size() != 2) {
    return WithContext(
        CommandLineError(v1::ERROR_CODE_COMPARE_FORM, {compare}),
        "--compare: ");
  }
  period.set_from(parts[0]);
  period.set_to(parts[1]);
  if (absl::Status s = OrgPeriodDays::FromProto(period).status(); !s.ok()) {
    return WithContext(s, "--compare: ");
  }
  return period;
}

// Prints the report in --format (default text) to stdout or --out.
int Show(absl::string_view command, const ParsedArgs& args,
         const v1::OrgReport& report, Language language) {
  const std::string format = args.Value("format");
  if (absl::Status s = CheckOrgDocumentFormat(format, "--format"); !s.ok()) {
    return UsageError(command, s);
  }
  absl::StatusOr<std::string> text =
      RenderOrgDocument(report, format, language);
  if (!text.ok()) {
    return UsageError(command, text.status());
  }
  if (absl::Status s = Emit(*text, args.Value("out")); !s.ok()) {
    return Refused(command, s);
  }
  return kExitOk;
}

int RunOrgCheck(const ParsedArgs& args) {
  absl::StatusOr<v1::OrgPeriod> period = PeriodFlags(args);
  if (!period.ok()) return UsageError("org check", period.status());
  absl::StatusOr<Org> org = LoadOrg(args);
  if (!org.ok()) return Refused("org check", org.status());
  absl::StatusOr<v1::OrgPartials> partials =
      PartialsOfDirectory(args.Value("journals"), *period);
  if (!partials.ok()) return Refused("org check", partials.status());
  RollupOptions options;
  options.strict = !args.Switch("lenient");
  absl::StatusOr<v1::OrgRollup> rollup = RollUp(*org, *partials, options);
  if (!rollup.ok()) return Refused("org check", rollup.status());
  const v1::OrgRow& root = rollup->rows(0);
  absl::PrintF(
      "%s, %s..%s: %d teams, %d with a round in the period, %d "
      "people answered\n",
      rollup->org_name(), period->from(), period->to(), root.teams(),
      root.teams_with_round(), root.respondents());
  for (const v1::OrgExclusion& e : rollup->excluded()) {
    absl::PrintF("left out: %s%s%s\n", e.journal(),
                 e.journal().empty() ? "" : ": ", e.reason());
  }
  absl::PrintF("%s\n", rollup->complete() ? "complete" : "not complete");
  return kExitOk;
}

int RunOrgReport(const ParsedArgs& args) {
  absl::StatusOr<Language> language = LangFlag(args);
  if (!language.ok()) {
    return UsageError("org report", language.status());
  }
  absl::StatusOr<v1::OrgPeriod> period = PeriodFlags(args);
  if (!period.ok()) {
    return UsageError("org report", period.status());
  }
  std::optional<v1::OrgPeriod> earlier_period;
  if (args.Has("compare")) {
    absl::StatusOr<v1::OrgPeriod> p = ComparePeriod(args);
    if (!p.ok()) return UsageError("org report", p.status());
    earlier_period = *p;
  }
  absl::StatusOr<Org> org = LoadOrg(args);
  if (!org.ok()) return Refused("org report", org.status());
  const std::string dir = args.Value("journals");
  absl::StatusOr<v1::OrgPartials> partials = PartialsOfDirectory(dir, *period);
  if (!partials.ok()) return Refused("org report", partials.status());
  RollupOptions options;
  options.strict = !args.Switch("lenient");
  absl::StatusOr<v1::OrgPartials> earlier;
  if (earlier_period) {
    earlier = PartialsOfDirectory(dir, *earlier_period);
    if (!earlier.ok()) return Refused("org report", earlier.status());
    options.earlier = &*earlier;
  }
  absl::StatusOr<v1::OrgReport> report = OrgReportOf(*org, *partials, options);
  if (!report.ok()) return Refused("org report", report.status());
  return Show("org report", args, *report, *language);
}

// fives org demo [--journals DIR]: the built-in organisation's second
// quarter against its first; with --journals, also writes the organisation
// file and the journals into DIR (a new directory) to try org report on.
int RunOrgDemo(const ParsedArgs& args) {
  absl::StatusOr<Language> language = LangFlag(args);
  if (!language.ok()) {
    return UsageError("org demo", language.status());
  }
  absl::StatusOr<DemoOrg> demo = BuildDemoOrg();
  if (!demo.ok()) return Refused("org demo", demo.status());
  if (args.Has("journals")) {
    const std::filesystem::path dir = args.Value("journals");
    std::error_code error;
    if (dir.empty() || std::filesystem::exists(dir, error)) {
      return Refused("org demo", absl::AlreadyExistsError(absl::StrCat(
                                     "--journals: \"", dir.string(),
                                     "\" exists; give a new directory")));
    }
    std::filesystem::create_directories(dir, error);
    if (error) {
      return Refused("org demo", absl::PermissionDeniedError(absl::StrCat(
                                     "--journals: ", error.message())));
    }
    FileOps ops;
    std::string text;
    google::protobuf::TextFormat::PrintToString(demo->org, &text);
    // The organisation file holds no scores: shared as the umask allows.
    if (absl::Status s =
            WriteFileAtomically((dir / "org.textproto").string(), text, ops,
                                false, FileAccess::kAsUmask);
        !s.ok()) {
      return Refused("org demo", s);
    }
    for (const JournalBytes& j : demo->journals) {
      if (absl::Status s =
              WriteFileAtomically((dir / j.name).string(), j.bytes, ops, false);
          !s.ok()) {
        return Refused("org demo", s);
      }
    }
  }
  absl::StatusOr<Org> org = Org::FromProto(demo->org);
  if (!org.ok()) return Refused("org demo", org.status());
  absl::StatusOr<v1::OrgPartials> first =
      PartialsOf(demo->journals, demo->first_quarter);
  absl::StatusOr<v1::OrgPartials> second =
      PartialsOf(demo->journals, demo->second_quarter);
  if (!first.ok()) return Refused("org demo", first.status());
  if (!second.ok()) return Refused("org demo", second.status());
  RollupOptions options;
  options.earlier = &*first;
  absl::StatusOr<v1::OrgReport> report = OrgReportOf(*org, *second, options);
  if (!report.ok()) return Refused("org demo", report.status());
  return Show("org demo", args, *report, *language);
}

constexpr Flag kOrgFlag = Flag::Value("org", "FILE", "the organisation file");
constexpr Flag kJournalsFlag =
    Flag::Value("journals", "DIR", "the folder of the teams' journals");
constexpr Flag kFromFlag =
    Flag::Value("from", "YYYY-MM-DD", "the first day of the period");
constexpr Flag kToFlag =
    Flag::Value("to", "YYYY-MM-DD", "the last day of the period");
constexpr Flag kLenientFlag =
    Flag::Switch("lenient", "skip journals that do not count, and say so");
constexpr Flag kFormatFlag =
    Flag::Value("format", "text|md|html|json|svg", "the report's format")
        .Default("text");
constexpr Flag kOutFlag =
    Flag::Value("out", "FILE", "write to FILE (replaced), not standard output");

constexpr absl::string_view kFormatDetails =
    "--format: text; md (Markdown); html, one self-contained page; json, a\n"
    "fives.v1.OrgReport; svg, the heatmap.\n";

constexpr Flag kCheckFlags[] = {
    kOrgFlag.Required(),  kJournalsFlag.Required(),
    kFromFlag.Required(), kToFlag.Required(),
    kLenientFlag,         kLangFlag,
};

constexpr Flag kReportFlags[] = {
    kOrgFlag.Required(),
    kJournalsFlag.Required(),
    kFromFlag.Required(),
    kToFlag.Required(),
    Flag::Value("compare", "FROM..TO", "an earlier period: the trend per cell"),
    kLenientFlag,
    kFormatFlag,
    kLangFlag,
    kOutFlag,
};

constexpr Flag kDemoFlags[] = {
    kFormatFlag,
    kLangFlag,
    kOutFlag,
    Flag::Value("journals", "DIR", "also write its files into DIR (a new one)"),
};

constexpr Command kCommands[] = {
    {"org check", "", "which journals count, which are left out and why",
     kCheckFlags, RunOrgCheck},
    {"org report", "",
     "every unit and group per pillar, withheld where too few people answered "
     "or to protect another cell; the follow-up; with --compare the trend",
     kReportFlags, RunOrgReport, 0, 0, kFormatDetails},
    {"org demo", "",
     "a built-in organisation of 40 teams in three divisions, its second "
     "quarter against its first; with --journals its files, to try org "
     "report on",
     kDemoFlags, RunOrgDemo, 0, 0, kFormatDetails},
};

}  // namespace

absl::Span<const Command> OrgCommands() { return kCommands; }

}  // namespace fives::cli
