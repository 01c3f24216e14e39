// An organisation (Org::Parse, text format or JSON) and the partials of its
// teams (fives.v1.OrgPartials bytes, and those of an earlier period) through
// FoldPartials, RollUp, RollUpCells, OrgReportOf, CompareRollups and
// RenderOrgDocument in every format and both languages. Folding is
// commutative: a + b and b + a give the same bytes.
//
// Input: one flag byte (bit 0: strict; bit 1: Dutch), four bytes (little
// endian) of the organisation's length, the organisation, four bytes of the
// partials' length, the partials; the rest, when there is any, the earlier
// period's partials.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "fives/org.h"
#include "fives/org_partial.h"
#include "fives/org_report.h"
#include "fives/org_rollup.h"
#include "google/protobuf/stubs/logging.h"

namespace {

void Expect(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz check failed: %s\n", what);
    std::abort();
  }
}

absl::string_view Part(const uint8_t* data, size_t size, size_t* pos) {
  uint32_t n = 0;
  for (int i = 0; i < 4; ++i) {
    n |= (*pos < size ? uint32_t{data[(*pos)++]} : 0) << (8 * i);
  }
  n = static_cast<uint32_t>(std::min<size_t>(n, size - *pos));
  absl::string_view part(reinterpret_cast<const char*>(data + *pos), n);
  *pos += n;
  return part;
}

void Documents(const fives::v1::OrgReport& report, fives::Language lang) {
  for (const char* format : {"text", "md", "html", "svg", "json"}) {
    (void)fives::RenderOrgDocument(report, format, lang);
  }
}

}  // namespace

// Protobuf logs every string field with invalid UTF-8 it refuses to parse;
// the fuzzer's log stays readable without.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  google::protobuf::SetLogHandler(nullptr);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const uint8_t flags = data[0];
  size_t pos = 1;
  const absl::string_view org_text = Part(data, size, &pos);
  const absl::string_view partials_bytes = Part(data, size, &pos);
  const absl::string_view earlier_bytes(
      reinterpret_cast<const char*>(data + pos), size - pos);
  const fives::Language lang =
      (flags & 2) ? fives::Language::kDutch : fives::Language::kEnglish;

  fives::v1::OrgPartials partials, earlier;
  if (!partials.ParseFromArray(partials_bytes.data(),
                               static_cast<int>(partials_bytes.size()))) {
    return 0;
  }
  const bool has_earlier =
      !earlier_bytes.empty() &&
      earlier.ParseFromArray(earlier_bytes.data(),
                             static_cast<int>(earlier_bytes.size()));
  if (has_earlier) {
    auto ab = fives::FoldPartials(partials, earlier);
    auto ba = fives::FoldPartials(earlier, partials);
    Expect(ab.ok() == ba.ok(), "a + b and b + a differ in status");
    if (ab.ok()) {
      Expect(ab->SerializeAsString() == ba->SerializeAsString(),
             "a + b and b + a differ");
    }
  }
  (void)fives::FoldPartials(partials, partials);

  auto org = fives::Org::Parse(org_text);
  if (!org.ok()) return 0;
  fives::RollupOptions options;
  options.strict = flags & 1;
  options.threads = 1;
  auto before =
      has_earlier
          ? fives::RollUp(*org, earlier, options)
          : absl::StatusOr<fives::v1::OrgRollup>(absl::NotFoundError("none"));
  if (has_earlier) options.earlier = &earlier;
  auto rollup = fives::RollUp(*org, partials, options);
  auto cells = fives::RollUpCells(*org, partials, options);
  Expect(rollup.ok() == cells.ok(), "RollUp and RollUpCells differ in status");
  auto report = fives::OrgReportOf(*org, partials, options);
  Expect(rollup.ok() == report.ok(), "RollUp and OrgReportOf differ in status");
  if (!report.ok()) return 0;
  Documents(*report, lang);
  if (before.ok()) {
    auto trend = fives::CompareRollups(*before, *rollup);
    if (trend.ok()) {
      fives::v1::OrgReport with_trend = *report;
      *with_trend.mutable_trend() = *trend;
      Documents(with_trend, lang);
    }
  }
  return 0;
}
