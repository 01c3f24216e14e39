// fives org check | report | demo: the organisation view over the teams'
// journals in a directory.
#include <filesystem>
#include <string>
#include <vector>

#include "absl/flags/declare.h"
#include "absl/flags/flag.h"
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

ABSL_DECLARE_FLAG(std::string, format);
ABSL_DECLARE_FLAG(std::string, out);
ABSL_DECLARE_FLAG(std::string, from);

ABSL_FLAG(std::string, org, "",
          "org: the organisation file (fives.v1.Organization, text or JSON)");
ABSL_FLAG(std::string, journals, "",
          "org: the directory of the teams' *.journal files");
ABSL_FLAG(std::string, to, "", "org: the last day of the period");
ABSL_FLAG(std::string, compare, "",
          "org report: an earlier period FROM..TO to compare with");
ABSL_FLAG(bool, lenient, false,
          "org: leave out journals that do not count, and say so, instead of "
          "refusing");

namespace fives::cli {
namespace {

absl::StatusOr<Org> LoadOrg() {
  const std::string path = absl::GetFlag(FLAGS_org);
  if (path.empty()) return absl::InvalidArgumentError("--org: missing");
  FileOps ops;
  absl::StatusOr<std::string> text = ops.ReadFile(path);
  if (!text.ok()) return text.status();
  absl::StatusOr<Org> org = Org::Parse(*text);
  if (!org.ok()) {
    return absl::Status(org.status().code(),
                        absl::StrCat(path, ": ", org.status().message()));
  }
  return org;
}

absl::StatusOr<v1::OrgPeriod> PeriodFlags() {
  v1::OrgPeriod period;
  period.set_from(absl::GetFlag(FLAGS_from));
  period.set_to(absl::GetFlag(FLAGS_to));
  if (period.from().empty())
    return absl::InvalidArgumentError("--from: missing");
  if (period.to().empty()) return absl::InvalidArgumentError("--to: missing");
  if (absl::Status s = OrgPeriodDays::FromProto(period).status(); !s.ok()) {
    return s;
  }
  return period;
}

absl::StatusOr<v1::OrgPeriod> ComparePeriod() {
  const std::vector<std::string> parts =
      absl::StrSplit(absl::GetFlag(FLAGS_compare), "..");
  v1::OrgPeriod period;
  if (parts.size() != 2) {
    return absl::InvalidArgumentError(
        absl::StrCat("--compare: \"", absl::GetFlag(FLAGS_compare),
                     "\" is not FROM..TO (YYYY-MM-DD..YYYY-MM-DD)"));
  }
  period.set_from(parts[0]);
  period.set_to(parts[1]);
  if (absl::Status s = OrgPeriodDays::FromProto(period).status(); !s.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("--compare: ", s.message()));
  }
  return period;
}

// Prints the report in --format (default text) to stdout or --out.
int Show(absl::string_view command, const ParsedArgs& parsed,
         const v1::OrgReport& report, Language language) {
  const std::string format =
      parsed.given.contains("format") ? absl::GetFlag(FLAGS_format) : "text";
  if (absl::Status s = CheckOrgDocumentFormat(format, "--format"); !s.ok()) {
    return UsageError(absl::StrCat(command, ": ", s.message()));
  }
  absl::StatusOr<std::string> text =
      RenderOrgDocument(report, format, language);
  if (!text.ok()) {
    return UsageError(absl::StrCat(command, ": ", text.status().message()));
  }
  if (absl::Status s = Emit(*text, absl::GetFlag(FLAGS_out)); !s.ok()) {
    return Refused(command, s);
  }
  return kExitOk;
}

int RunOrgCheck(absl::Span<char* const> args) {
  static constexpr absl::string_view kFlags[] = {"org", "journals", "from",
                                                 "to", "lenient"};
  static constexpr CommandSpec kSpec = {
      "org check",
      "fives org check --org FILE --journals DIR --from D --to D [--lenient]",
      kFlags};
  absl::StatusOr<ParsedArgs> parsed = ParseCommand(kSpec, args);
  if (!parsed.ok()) return UsageError(parsed.status().message());
  absl::StatusOr<v1::OrgPeriod> period = PeriodFlags();
  if (!period.ok())
    return UsageError(absl::StrCat("org check: ", period.status().message()));
  absl::StatusOr<Org> org = LoadOrg();
  if (!org.ok()) return Refused("org check", org.status());
  absl::StatusOr<v1::OrgPartials> partials =
      PartialsOfDirectory(absl::GetFlag(FLAGS_journals), *period);
  if (!partials.ok()) return Refused("org check", partials.status());
  RollupOptions options;
  options.strict = !absl::GetFlag(FLAGS_lenient);
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

int RunOrgReport(absl::Span<char* const> args) {
  static constexpr absl::string_view kFlags[] = {
      "org",     "journals", "from", "to", "compare",
      "lenient", "format",   "lang", "out"};
  static constexpr CommandSpec kSpec = {
      "org report",
      "fives org report --org FILE --journals DIR --from D --to D "
      "[--compare FROM..TO] [--lenient] [--format text|md|html|json|svg] "
      "[--lang en|nl] [--out FILE]",
      kFlags};
  absl::StatusOr<ParsedArgs> parsed = ParseCommand(kSpec, args);
  if (!parsed.ok()) return UsageError(parsed.status().message());
  absl::StatusOr<Language> language = LangFlag();
  if (!language.ok()) {
    return UsageError(
        absl::StrCat("org report: ", language.status().message()));
  }
  absl::StatusOr<v1::OrgPeriod> period = PeriodFlags();
  if (!period.ok()) {
    return UsageError(absl::StrCat("org report: ", period.status().message()));
  }
  std::optional<v1::OrgPeriod> earlier_period;
  if (parsed->given.contains("compare")) {
    absl::StatusOr<v1::OrgPeriod> p = ComparePeriod();
    if (!p.ok())
      return UsageError(absl::StrCat("org report: ", p.status().message()));
    earlier_period = *p;
  }
  absl::StatusOr<Org> org = LoadOrg();
  if (!org.ok()) return Refused("org report", org.status());
  const std::string dir = absl::GetFlag(FLAGS_journals);
  absl::StatusOr<v1::OrgPartials> partials = PartialsOfDirectory(dir, *period);
  if (!partials.ok()) return Refused("org report", partials.status());
  RollupOptions options;
  options.strict = !absl::GetFlag(FLAGS_lenient);
  absl::StatusOr<v1::OrgPartials> earlier;
  if (earlier_period) {
    earlier = PartialsOfDirectory(dir, *earlier_period);
    if (!earlier.ok()) return Refused("org report", earlier.status());
    options.earlier = &*earlier;
  }
  absl::StatusOr<v1::OrgReport> report = OrgReportOf(*org, *partials, options);
  if (!report.ok()) return Refused("org report", report.status());
  return Show("org report", *parsed, *report, *language);
}

// fives org demo [--journals DIR]: the built-in organisation's second
// quarter against its first; with --journals, also writes the organisation
// file and the journals into DIR (a new directory) to try org report on.
int RunOrgDemo(absl::Span<char* const> args) {
  static constexpr absl::string_view kFlags[] = {"journals", "format", "lang",
                                                 "out"};
  static constexpr CommandSpec kSpec = {
      "org demo",
      "fives org demo [--format text|md|html|json|svg] [--lang en|nl] "
      "[--out FILE] [--journals DIR]",
      kFlags};
  absl::StatusOr<ParsedArgs> parsed = ParseCommand(kSpec, args);
  if (!parsed.ok()) return UsageError(parsed.status().message());
  absl::StatusOr<Language> language = LangFlag();
  if (!language.ok()) {
    return UsageError(absl::StrCat("org demo: ", language.status().message()));
  }
  absl::StatusOr<DemoOrg> demo = BuildDemoOrg();
  if (!demo.ok()) return Refused("org demo", demo.status());
  if (parsed->given.contains("journals")) {
    const std::filesystem::path dir = absl::GetFlag(FLAGS_journals);
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
  return Show("org demo", *parsed, *report, *language);
}

}  // namespace

int RunOrg(absl::Span<char* const> args) {
  static constexpr Verb kVerbs[] = {
      {"check", RunOrgCheck}, {"report", RunOrgReport}, {"demo", RunOrgDemo}};
  return RunGroup("org", kVerbs, args);
}

}  // namespace fives::cli
