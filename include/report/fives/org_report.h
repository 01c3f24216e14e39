/// @file
/// The organisation view for people: the rollup (and optionally the trend
/// against an earlier period) as plain text, Markdown, a self-contained HTML
/// page for an organisation's meeting, and the heatmap picture, in Dutch or
/// English. Renderers draw only what the rollup released and the reason it
/// gave for each withheld cell.
#ifndef FIVES_ORG_REPORT_H_
#define FIVES_ORG_REPORT_H_

#include <string>

#include "absl/status/statusor.h"
#include "fives/catalog.h"
#include "fives/v1/org.pb.h"

namespace fives {

/// `trend` may be null. InvalidArgument for a rollup that is not well formed
/// (a row without five pillars).
absl::StatusOr<std::string> RenderOrgText(const v1::OrgRollup& rollup,
                                          const v1::OrgTrend* trend,
                                          Language language);
absl::StatusOr<std::string> RenderOrgMarkdown(const v1::OrgRollup& rollup,
                                              const v1::OrgTrend* trend,
                                              Language language);
absl::StatusOr<std::string> RenderOrgHtml(const v1::OrgRollup& rollup,
                                          const v1::OrgTrend* trend,
                                          Language language);

/// The heatmap: one row per unit (indented by depth) and group, one column
/// per pillar; each cell's fill is the mean on a colour-blind-safe scale, the
/// agreement label is a shape or pattern inside it (colour never carries
/// meaning alone), n is printed in it, withheld cells are hatched grey with
/// a short reason. Readable with 200 rows. Byte-identical for the same input.
absl::StatusOr<std::string> RenderOrgHeatmapSvg(const v1::OrgRollup& rollup,
                                                Language language);

/// The report in `format`: "text", "md", "html", "svg" (the heatmap) or
/// "json" (the v1::OrgReport message, snake_case field names). The one
/// dispatch for every host; InvalidArgument naming an unknown format.
absl::StatusOr<std::string> RenderOrgDocument(const v1::OrgReport& report,
                                              absl::string_view format,
                                              Language language);

/// OK when RenderOrgDocument takes `format`; else InvalidArgument naming
/// `field` (the host's name for it, "format" in RenderOrgDocument) and the
/// value.
absl::Status CheckOrgDocumentFormat(absl::string_view format,
                                    absl::string_view field);

}  // namespace fives

#endif  // FIVES_ORG_REPORT_H_
