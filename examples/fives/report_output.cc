#include "report_output.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "fives/journal_io.h"
#include "fives/meeting_report.h"
#include "fives/report_svg.h"
#include "fives/report_text.h"
#include "fives/text_format.h"
#include "journal_file.h"
#include "journal_text.h"

namespace fives::cli {

absl::StatusOr<ReportFormat> ParseReportFormat(absl::string_view name) {
  if (name == "text") return ReportFormat::kText;
  if (name == "md") return ReportFormat::kMarkdown;
  if (name == "html") return ReportFormat::kHtml;
  if (name == "json") return ReportFormat::kJson;
  if (name == "svg") return ReportFormat::kSvg;
  return absl::InvalidArgumentError(absl::StrCat(
      "--format: \"", name, "\" is not text, md, html, json or svg"));
}

absl::Status CheckPicture(absl::string_view picture) {
  if (picture == "radar" || picture == "strips" || picture == "trend") {
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "--picture: \"", picture, "\" is not radar, strips or trend"));
}

absl::StatusOr<std::string> RenderReport(
    const Journal& journal, absl::string_view round_id, ReportFormat format,
    absl::string_view picture, Language language, absl::CivilDay as_of) {
  absl::StatusOr<v1::MeetingReport> meeting =
      BuildMeetingReport(journal, round_id, language, as_of);
  if (!meeting.ok()) return meeting.status();
  switch (format) {
    case ReportFormat::kMarkdown:
      return RenderMeetingMarkdown(*meeting, language);
    case ReportFormat::kHtml:
      return RenderMeetingHtml(*meeting, journal, language);
    case ReportFormat::kJson:
      return absl::StrCat(fives::PrintJson(*meeting), "\n");
    case ReportFormat::kSvg:
      if (picture == "strips") {
        return RenderDistributionSvg(meeting->round(), language);
      }
      if (picture == "trend") return RenderTrendSvg(journal.proto(), language);
      {
        const std::optional<v1::RoundReport> previous =
            PreviousRoundReport(journal, meeting->round().round_id(), language);
        return RenderRadarSvg(meeting->round(), previous ? &*previous : nullptr,
                              language);
      }
    case ReportFormat::kText:
    default:
      return absl::StrCat(RenderReportText(meeting->round(), language), "\n",
                          RenderVerdict(meeting->round(), language));
  }
}

absl::Status Emit(const std::string& text, const std::string& out) {
  if (out.empty()) {
    absl::PrintF("%s", text);
    return absl::OkStatus();
  }
  // Reports and pictures are made to be shared: the umask decides.
  FileOps ops;
  return WriteFileAtomically(out, text, ops, /*replace=*/true,
                             FileAccess::kAsUmask);
}

}  // namespace fives::cli
