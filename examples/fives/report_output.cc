#include "report_output.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "command_line.h"
#include "fives/civil_date.h"
#include "fives/journal_document.h"
#include "fives/journal_io.h"
#include "fives/meeting_report.h"
#include "fives/text_format.h"
#include "journal_file.h"

namespace fives::cli {

absl::StatusOr<ReportFormat> ParseReportFormat(absl::string_view name) {
  if (name == "text") return ReportFormat::kText;
  if (name == "md") return ReportFormat::kMarkdown;
  if (name == "html") return ReportFormat::kHtml;
  if (name == "json") return ReportFormat::kJson;
  if (name == "svg") return ReportFormat::kSvg;
  return FlagChoice("--format", name, {"text", "md", "html", "json", "svg"});
}

absl::Status CheckPicture(absl::string_view picture) {
  if (picture == "radar" || picture == "strips" || picture == "trend") {
    return absl::OkStatus();
  }
  return FlagChoice("--picture", picture, {"radar", "strips", "trend"});
}

absl::StatusOr<std::string> RenderReport(const Journal& journal,
                                         absl::string_view round_id,
                                         ReportFormat format,
                                         absl::string_view picture,
                                         Language language,
                                         std::optional<absl::CivilDay> as_of) {
  v1::DocumentRequest request;
  request.set_round_id(std::string(round_id));
  request.set_language(std::string(LanguageTag(language)));
  if (as_of) request.set_as_of(FormatCivilDate(*as_of));
  if (format == ReportFormat::kJson) {
    absl::StatusOr<absl::CivilDay> day =
        as_of ? *as_of : DefaultReportDay(journal, round_id);
    if (!day.ok()) return day.status();
    absl::StatusOr<v1::MeetingReport> meeting =
        BuildMeetingReport(journal, round_id, language, *day);
    if (!meeting.ok()) return meeting.status();
    return absl::StrCat(fives::PrintJson(*meeting), "\n");
  }
  request.set_kind(v1::DOCUMENT_KIND_REPORT);
  switch (format) {
    case ReportFormat::kMarkdown:
      request.set_format(v1::DOCUMENT_FORMAT_MARKDOWN);
      break;
    case ReportFormat::kHtml:
      request.set_format(v1::DOCUMENT_FORMAT_HTML);
      break;
    case ReportFormat::kSvg:
      request.set_format(v1::DOCUMENT_FORMAT_SVG);
      request.set_kind(picture == "strips"  ? v1::DOCUMENT_KIND_STRIPS
                       : picture == "trend" ? v1::DOCUMENT_KIND_TREND
                                            : v1::DOCUMENT_KIND_RADAR);
      break;
    default:
      request.set_format(v1::DOCUMENT_FORMAT_TEXT);
      break;
  }
  return RenderJournalDocument(journal, request);
}

v1::DocumentRequest DocumentOf(v1::DocumentKind kind, Language language) {
  v1::DocumentRequest request;
  request.set_kind(kind);
  request.set_language(std::string(LanguageTag(language)));
  return request;
}

int PrintDocument(const Journal& journal, const v1::DocumentRequest& request,
                  absl::string_view command) {
  absl::StatusOr<std::string> text = RenderJournalDocument(journal, request);
  if (!text.ok()) return Refused(command, text.status());
  absl::PrintF("%s", *text);
  return kExitOk;
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
