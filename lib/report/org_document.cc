// The one dispatch from an organisation report to a document format.
#include "absl/strings/str_cat.h"
#include "fives/error_detail.h"
#include "fives/org_report.h"
#include "fives/text_format.h"

namespace fives {

absl::Status CheckOrgDocumentFormat(absl::string_view format,
                                    absl::string_view field) {
  for (absl::string_view known : {"text", "md", "html", "json", "svg"}) {
    if (format == known) return absl::OkStatus();
  }
  return WithDetail(absl::InvalidArgumentError(absl::StrCat(
                        field, ": \"", format,
                        "\" is not text, md, html, json or svg")),
                    v1::ERROR_CODE_FLAG_CHOICE,
                    {format, "text, md, html, json, svg"});
}

absl::StatusOr<std::string> RenderOrgDocument(const v1::OrgReport& report,
                                              absl::string_view format,
                                              Language language) {
  if (absl::Status s = CheckOrgDocumentFormat(format, "format"); !s.ok()) {
    return s;
  }
  const v1::OrgTrend* trend = report.has_trend() ? &report.trend() : nullptr;
  if (format == "text") return RenderOrgText(report.rollup(), trend, language);
  if (format == "md") {
    return RenderOrgMarkdown(report.rollup(), trend, language);
  }
  if (format == "html") return RenderOrgHtml(report.rollup(), trend, language);
  if (format == "svg") return RenderOrgHeatmapSvg(report.rollup(), language);
  if (format == "json") {
    return PrintJson(report, JsonLayout{/*indented=*/true});
  }
  return absl::InternalError(absl::StrCat("format \"", format, "\""));
}

}  // namespace fives
