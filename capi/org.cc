// The C ABI of the organisation: a handle over fives::Org, team partials,
// folding them, the rollup and the trend between two rollups.
#include "fives/org.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "capi_internal.h"
#include "fives.h"
#include "fives/journal_io.h"
#include "fives/org_partial.h"
#include "fives/org_report.h"
#include "fives/org_rollup.h"
#include "fives/v1/org.pb.h"

// The handle. `magic` is set while the handle is alive, so a pointer that
// is not an organisation is refused where it can be detected.
struct fives_org {
  static constexpr uint64_t kMagic = 0x66697665736F7267ULL;  // "fivesorg"
  uint64_t magic = kMagic;
  fives::Org org;
};

namespace {

using fives::capi::BeginCall;
using fives::capi::CheckOut;
using fives::capi::CheckString;
using fives::capi::Done;
using fives::capi::Fail;
using fives::capi::Guarded;
using fives::capi::ParseMessage;
using fives::capi::WriteMessage;

// The most threads a call may ask for: each is a system thread.
constexpr int kMaxThreads = 256;

absl::Status CheckOrg(const fives_org* org) {
  if (org == nullptr) return absl::InvalidArgumentError("org: NULL");
  if (org->magic != fives_org::kMagic) {
    return absl::InvalidArgumentError(
        "org: not a live fives_org (freed, or not a handle)");
  }
  return absl::OkStatus();
}

// The period of two date strings, checked by the library's own rule
// (OrgPeriodDays): both dates, `from` not after `to`.
absl::StatusOr<fives::v1::OrgPeriod> CheckPeriod(const char* from,
                                                 const char* to) {
  absl::StatusOr<absl::string_view> f = CheckString(from, "period.from");
  if (!f.ok()) return f.status();
  absl::StatusOr<absl::string_view> t = CheckString(to, "period.to");
  if (!t.ok()) return t.status();
  fives::v1::OrgPeriod period;
  period.set_from(std::string(*f));
  period.set_to(std::string(*t));
  if (absl::Status s = fives::OrgPeriodDays::FromProto(period).status();
      !s.ok()) {
    return s;
  }
  return period;
}

absl::Status CheckThreads(int threads) {
  if (threads < 0 || threads > kMaxThreads) {
    return absl::InvalidArgumentError(absl::StrCat(
        "threads: ", threads, " is outside 0 (one per core) to ", kMaxThreads));
  }
  return absl::OkStatus();
}

// Partials from serialized bytes.
absl::StatusOr<fives::v1::OrgPartials> PartialsFrom(const uint8_t* data,
                                                    size_t len,
                                                    absl::string_view field) {
  fives::v1::OrgPartials partials;
  if (absl::Status s =
          ParseMessage(data, len, FIVES_FORMAT_BINARY, field, &partials);
      !s.ok()) {
    return s;
  }
  return partials;
}

// Runs `op`, which fills `out`, after checking `out`; the shape of the
// entry points without a handle that return a result.
template <typename Op>
int WithOut(fives_buffer* out, Op op) {
  return Guarded(out, [&]() -> int {
    BeginCall();
    if (absl::Status s = CheckOut(out); !s.ok()) return Fail(s);
    return Done(op());
  });
}

}  // namespace

extern "C" {

FIVES_API int fives_org_parse(fives_org** out, const uint8_t* data, size_t len,
                              fives_format format) noexcept {
  return Guarded(out, [&]() -> int {
    BeginCall();
    if (out == nullptr) return Fail(absl::InvalidArgumentError("out: NULL"));
    *out = nullptr;
    fives::v1::Organization proto;
    if (absl::Status s = ParseMessage(data, len, format, "org", &proto);
        !s.ok()) {
      return Fail(s);
    }
    absl::StatusOr<fives::Org> org = fives::Org::FromProto(std::move(proto));
    if (!org.ok()) return Fail(org.status());
    *out = new fives_org{fives_org::kMagic, *std::move(org)};
    return FIVES_OK;
  });
}

FIVES_API void fives_org_free(fives_org* org) noexcept {
  if (org == nullptr) return;
  org->magic = 0;
  delete org;
}

FIVES_API int fives_org_serialize(fives_buffer* out, const fives_org* org,
                                  fives_format format) noexcept {
  return WithOut(out, [&]() -> absl::Status {
    if (absl::Status s = CheckOrg(org); !s.ok()) return s;
    return WriteMessage(org->org.proto(), format, out);
  });
}

FIVES_API int fives_org_partial(fives_buffer* out, const uint8_t* journal_file,
                                size_t len, const char* period_from,
                                const char* period_to,
                                const char* journal_name) noexcept {
  return WithOut(out, [&]() -> absl::Status {
    if (absl::Status s =
            fives::capi::CheckBytes(journal_file, len, "journal_file");
        !s.ok()) {
      return s;
    }
    absl::StatusOr<fives::v1::OrgPeriod> period =
        CheckPeriod(period_from, period_to);
    if (!period.ok()) return period.status();
    absl::string_view name;
    if (journal_name != nullptr) {
      absl::StatusOr<absl::string_view> n =
          CheckString(journal_name, "journal_name");
      if (!n.ok()) return n.status();
      name = *n;
    }
    absl::StatusOr<fives::Journal> journal = fives::DecodeJournalFile(
        absl::string_view(reinterpret_cast<const char*>(journal_file), len));
    if (!journal.ok()) return journal.status();
    absl::StatusOr<fives::v1::TeamPartial> partial =
        fives::TeamPartialOf(*journal, *period, name);
    if (!partial.ok()) return partial.status();
    return WriteMessage(*partial, FIVES_FORMAT_BINARY, out);
  });
}

FIVES_API int fives_org_partials(fives_buffer* out,
                                 const uint8_t* const* journal_files,
                                 const size_t* lens,
                                 const char* const* journal_names, size_t count,
                                 const char* period_from, const char* period_to,
                                 int threads) noexcept {
  return WithOut(out, [&]() -> absl::Status {
    if (count > 0 && (journal_files == nullptr || lens == nullptr ||
                      journal_names == nullptr)) {
      return absl::InvalidArgumentError(
          absl::StrCat(journal_files == nullptr ? "journal_files"
                       : lens == nullptr        ? "lens"
                                                : "journal_names",
                       ": NULL with count ", count));
    }
    absl::StatusOr<fives::v1::OrgPeriod> period =
        CheckPeriod(period_from, period_to);
    if (!period.ok()) return period.status();
    if (absl::Status s = CheckThreads(threads); !s.ok()) return s;
    std::vector<fives::JournalBytes> journals;
    journals.reserve(count);
    for (size_t i = 0; i < count; ++i) {
      if (absl::Status s =
              fives::capi::CheckBytes(journal_files[i], lens[i],
                                      absl::StrCat("journal_files[", i, "]"));
          !s.ok()) {
        return s;
      }
      absl::StatusOr<absl::string_view> name =
          CheckString(journal_names[i], absl::StrCat("journal_names[", i, "]"));
      if (!name.ok()) return name.status();
      journals.push_back(
          {std::string(*name),
           std::string(reinterpret_cast<const char*>(journal_files[i]),
                       lens[i])});
    }
    absl::StatusOr<fives::v1::OrgPartials> partials =
        fives::PartialsOf(journals, *period, threads);
    if (!partials.ok()) return partials.status();
    return WriteMessage(*partials, FIVES_FORMAT_BINARY, out);
  });
}

FIVES_API int fives_org_partials_of_directory(fives_buffer* out,
                                              const char* directory,
                                              const char* period_from,
                                              const char* period_to,
                                              int threads) noexcept {
  return WithOut(out, [&]() -> absl::Status {
    absl::StatusOr<absl::string_view> dir = CheckString(directory, "directory");
    if (!dir.ok()) return dir.status();
    absl::StatusOr<fives::v1::OrgPeriod> period =
        CheckPeriod(period_from, period_to);
    if (!period.ok()) return period.status();
    if (absl::Status s = CheckThreads(threads); !s.ok()) return s;
    absl::StatusOr<fives::v1::OrgPartials> partials =
        fives::PartialsOfDirectory(std::string(*dir), *period, threads);
    if (!partials.ok()) return partials.status();
    return WriteMessage(*partials, FIVES_FORMAT_BINARY, out);
  });
}

FIVES_API int fives_org_fold_partials(fives_buffer* out, const uint8_t* a,
                                      size_t a_len, const uint8_t* b,
                                      size_t b_len) noexcept {
  return WithOut(out, [&]() -> absl::Status {
    absl::StatusOr<fives::v1::OrgPartials> first = PartialsFrom(a, a_len, "a");
    if (!first.ok()) return first.status();
    absl::StatusOr<fives::v1::OrgPartials> second = PartialsFrom(b, b_len, "b");
    if (!second.ok()) return second.status();
    absl::StatusOr<fives::v1::OrgPartials> folded =
        fives::FoldPartials(*first, *second);
    if (!folded.ok()) return folded.status();
    return WriteMessage(*folded, FIVES_FORMAT_BINARY, out);
  });
}

FIVES_API int fives_org_rollup(fives_buffer* out, const fives_org* org,
                               const uint8_t* partials, size_t len,
                               const uint8_t* earlier, size_t earlier_len,
                               int strict, fives_format format) noexcept {
  return WithOut(out, [&]() -> absl::Status {
    if (absl::Status s = CheckOrg(org); !s.ok()) return s;
    if (absl::Status s = fives::capi::CheckFormat(format); !s.ok()) return s;
    absl::StatusOr<fives::v1::OrgPartials> now =
        PartialsFrom(partials, len, "partials");
    if (!now.ok()) return now.status();
    fives::RollupOptions options;
    options.strict = strict != 0;
    absl::StatusOr<fives::v1::OrgPartials> then;
    if (earlier != nullptr || earlier_len != 0) {
      then = PartialsFrom(earlier, earlier_len, "earlier");
      if (!then.ok()) return then.status();
      options.earlier = &*then;
    }
    absl::StatusOr<fives::v1::OrgRollup> rollup =
        fives::RollUp(org->org, *now, options);
    if (!rollup.ok()) return rollup.status();
    return WriteMessage(*rollup, format, out);
  });
}

FIVES_API int fives_org_compare(fives_buffer* out, const uint8_t* before,
                                size_t before_len, const uint8_t* after,
                                size_t after_len,
                                fives_format format) noexcept {
  return WithOut(out, [&]() -> absl::Status {
    if (absl::Status s = fives::capi::CheckFormat(format); !s.ok()) return s;
    fives::v1::OrgRollup b, a;
    if (absl::Status s =
            ParseMessage(before, before_len, FIVES_FORMAT_BINARY, "before", &b);
        !s.ok()) {
      return s;
    }
    if (absl::Status s =
            ParseMessage(after, after_len, FIVES_FORMAT_BINARY, "after", &a);
        !s.ok()) {
      return s;
    }
    absl::StatusOr<fives::v1::OrgTrend> trend = fives::CompareRollups(b, a);
    if (!trend.ok()) return trend.status();
    return WriteMessage(*trend, format, out);
  });
}

FIVES_API int fives_org_document(fives_buffer* out, const uint8_t* rollup,
                                 size_t rollup_len, const uint8_t* trend,
                                 size_t trend_len, const char* kind,
                                 const char* language) noexcept {
  return WithOut(out, [&]() -> absl::Status {
    absl::StatusOr<absl::string_view> format = CheckString(kind, "kind");
    if (!format.ok()) return format.status();
    if (absl::Status s = fives::CheckOrgDocumentFormat(*format, "kind");
        !s.ok()) {
      return s;
    }
    absl::StatusOr<fives::Language> lang = fives::capi::CheckLanguage(language);
    if (!lang.ok()) return lang.status();
    fives::v1::OrgReport report;
    if (absl::Status s = ParseMessage(rollup, rollup_len, FIVES_FORMAT_BINARY,
                                      "rollup", report.mutable_rollup());
        !s.ok()) {
      return s;
    }
    if (trend != nullptr || trend_len != 0) {
      if (absl::Status s = ParseMessage(trend, trend_len, FIVES_FORMAT_BINARY,
                                        "trend", report.mutable_trend());
          !s.ok()) {
        return s;
      }
    }
    absl::StatusOr<std::string> text =
        fives::RenderOrgDocument(report, *format, *lang);
    if (!text.ok()) return text.status();
    return fives::capi::WriteText(*text, out);
  });
}

}  // extern "C"
