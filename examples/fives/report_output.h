// The formats of `fives report` and `fives demo --format`: the text report,
// Markdown, one self-contained HTML page, the meeting report as JSON, or one
// picture as SVG; on stdout or into a file (--out, replaced atomically).
#ifndef FIVES_EXAMPLES_FIVES_REPORT_OUTPUT_H_
#define FIVES_EXAMPLES_FIVES_REPORT_OUTPUT_H_

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "fives/catalog.h"
#include "fives/journal.h"
#include "fives/v1/document.pb.h"

namespace fives::cli {

enum class ReportFormat { kText, kMarkdown, kHtml, kJson, kSvg };

// text, md, html, json or svg; the error names the value.
absl::StatusOr<ReportFormat> ParseReportFormat(absl::string_view name);

// radar, strips or trend.
absl::Status CheckPicture(absl::string_view picture);

// The report of `round_id` (empty: the latest closed round) as of `as_of`
// (none: the day the round closed), in `format` (`picture` chooses the SVG).
absl::StatusOr<std::string> RenderReport(const Journal& journal,
                                         absl::string_view round_id,
                                         ReportFormat format,
                                         absl::string_view picture,
                                         Language language,
                                         std::optional<absl::CivilDay> as_of);

// A request for the library's document `kind` in `language`; the caller
// sets the rest.
v1::DocumentRequest DocumentOf(v1::DocumentKind kind, Language language);

// Prints the document `request` asks for, or reports the refusal as
// `command`'s; the exit code.
int PrintDocument(const Journal& journal, const v1::DocumentRequest& request,
                  absl::string_view command);

// Writes `text` to stdout, or atomically to the file `out` (replacing it).
absl::Status Emit(const std::string& text, const std::string& out);

}  // namespace fives::cli

#endif  // FIVES_EXAMPLES_FIVES_REPORT_OUTPUT_H_
