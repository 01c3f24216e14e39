// The one dispatch from an organisation report to a document format.
#include "absl/strings/str_cat.h"
#include "fives/org_report.h"
#include "google/protobuf/util/json_util.h"

namespace fives {

absl::StatusOr<std::string> RenderOrgDocument(const v1::OrgReport& report,
                                              absl::string_view format,
                                              Language language) {
  const v1::OrgTrend* trend = report.has_trend() ? &report.trend() : nullptr;
  if (format == "text") return RenderOrgText(report.rollup(), trend, language);
  if (format == "md") {
    return RenderOrgMarkdown(report.rollup(), trend, language);
  }
  if (format == "html") return RenderOrgHtml(report.rollup(), trend, language);
  if (format == "svg") return RenderOrgHeatmapSvg(report.rollup(), language);
  if (format == "json") {
    google::protobuf::util::JsonPrintOptions options;
    options.add_whitespace = true;
    options.preserve_proto_field_names = true;
    std::string json;
    const auto status =
        google::protobuf::util::MessageToJsonString(report, &json, options);
    if (!status.ok()) {
      return absl::InternalError(std::string(status.message()));
    }
    return json;
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "--format: \"", format, "\" is not text, md, html, json or svg"));
}

}  // namespace fives
