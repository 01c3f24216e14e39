// The C ABI: versions, errors, buffers, messages between formats, the
// catalog and statistics.
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "capi_internal.h"
#include "failed_calls.h"
#include "fives.h"
#include "fives/catalog.h"
#include "fives/error_text.h"
#include "fives/grouped_histograms.h"
#include "fives/score_stats.h"
#include "fives/v1/error.pb.h"
#include "fives/v1/requests.pb.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"

using fives::capi::BeginCall;
using fives::capi::CheckFormat;
using fives::capi::CheckOut;
using fives::capi::CodeOf;
using fives::capi::Done;
using fives::capi::Fail;

namespace {

absl::StatusOr<fives::GroupedHistograms> Aggregate(const uint32_t* groups,
                                                   const uint8_t* scores,
                                                   size_t responses,
                                                   size_t group_count) {
  if ((groups == nullptr || scores == nullptr) && responses != 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(groups == nullptr ? "groups" : "scores", ": NULL with ",
                     responses, " responses"));
  }
  if (responses > fives::kMaxHistogramScores) {
    return absl::ResourceExhaustedError(
        absl::StrCat("responses: ", responses, " is more than ",
                     fives::kMaxHistogramScores));
  }
  absl::StatusOr<fives::GroupedHistograms> h =
      fives::GroupedHistograms::Create(group_count);
  if (!h.ok()) return h.status();
  if (responses > 0) {
    absl::Status s = h->Add(absl::MakeConstSpan(groups, responses),
                            absl::MakeConstSpan(scores, responses * 5));
    if (!s.ok()) return s;
  }
  return h;
}

}  // namespace

extern "C" {

FIVES_API uint32_t fives_version_number(void) noexcept {
  return FIVES_VERSION_NUMBER;
}

FIVES_API const char* fives_version_string(void) noexcept {
  return FIVES_VERSION;
}

FIVES_API const char* fives_status_name(int code) noexcept {
  // In the order of the codes, 0 to 16.
  static constexpr const char* kNames[] = {
      "FIVES_OK",
      "FIVES_CANCELLED",
      "FIVES_UNKNOWN",
      "FIVES_INVALID_ARGUMENT",
      "FIVES_DEADLINE_EXCEEDED",
      "FIVES_NOT_FOUND",
      "FIVES_ALREADY_EXISTS",
      "FIVES_PERMISSION_DENIED",
      "FIVES_RESOURCE_EXHAUSTED",
      "FIVES_FAILED_PRECONDITION",
      "FIVES_ABORTED",
      "FIVES_OUT_OF_RANGE",
      "FIVES_UNIMPLEMENTED",
      "FIVES_INTERNAL",
      "FIVES_UNAVAILABLE",
      "FIVES_DATA_LOSS",
      "FIVES_UNAUTHENTICATED",
  };
  if (code < 0 || code >= static_cast<int>(std::size(kNames))) return nullptr;
  return kNames[code];
}

FIVES_API const char* fives_last_error(void) noexcept {
  return fives::capi::LastError();
}

FIVES_API int fives_error_take(fives_buffer* message,
                               const void* first_argument) noexcept {
  // Not under its first argument: taking a message keeps none.
  return fives::capi::Guarded(nullptr, [&]() -> int {
    BeginCall();
    if (absl::Status s = CheckOut(message); !s.ok()) return Fail(s);
    return Done(fives::capi::TakeFailure(
        first_argument, [&](const fives::capi::FailedCall& failure) {
          return fives::capi::WriteText(failure.message, message);
        }));
  });
}

FIVES_API int fives_error_take_detail(fives_buffer* error,
                                      const void* first_argument,
                                      fives_format format) noexcept {
  // As fives_error_take: its own failures are kept under no argument.
  return fives::capi::Guarded(nullptr, [&]() -> int {
    BeginCall();
    if (absl::Status s = CheckOut(error); !s.ok()) return Fail(s);
    if (absl::Status s = CheckFormat(format); !s.ok()) return Fail(s);
    return Done(fives::capi::TakeFailure(
        first_argument, [&](const fives::capi::FailedCall& failure) {
          return fives::capi::WriteMessage(fives::capi::ErrorProto(failure),
                                           format, error);
        }));
  });
}

FIVES_API int fives_last_error_detail(fives_buffer* error,
                                      fives_format format) noexcept {
  return fives::capi::QuietCall([&]() -> int {
    if (absl::Status s = CheckOut(error); !s.ok()) return CodeOf(s);
    if (absl::Status s = CheckFormat(format); !s.ok()) return CodeOf(s);
    const fives::capi::FailedCall* last = fives::capi::LastFailure();
    if (last == nullptr) return FIVES_NOT_FOUND;
    return CodeOf(fives::capi::WriteMessage(fives::capi::ErrorProto(*last),
                                            format, error));
  });
}

FIVES_API int fives_last_error_text(fives_buffer* text,
                                    const char* language) noexcept {
  return fives::capi::QuietCall([&]() -> int {
    if (absl::Status s = CheckOut(text); !s.ok()) return CodeOf(s);
    absl::StatusOr<fives::Language> lang = fives::capi::CheckLanguage(language);
    if (!lang.ok()) return CodeOf(lang.status());
    const fives::capi::FailedCall* last = fives::capi::LastFailure();
    if (last == nullptr) return FIVES_NOT_FOUND;
    return CodeOf(fives::capi::WriteText(
        fives::ErrorText(fives::capi::ErrorProto(*last), *lang), text));
  });
}

FIVES_API int fives_error_text(fives_buffer* text, const uint8_t* error,
                               size_t error_len, fives_format format,
                               const char* language) noexcept {
  return fives::capi::Guarded(text, [&]() -> int {
    BeginCall();
    if (absl::Status s = CheckOut(text); !s.ok()) return Fail(s);
    fives::v1::Error message;
    if (absl::Status s = fives::capi::ParseMessage(error, error_len, format,
                                                   "error", &message);
        !s.ok()) {
      return Fail(s);
    }
    absl::StatusOr<fives::Language> lang = fives::capi::CheckLanguage(language);
    if (!lang.ok()) return Fail(lang.status());
    return Done(fives::capi::WriteText(fives::ErrorText(message, *lang), text));
  });
}

FIVES_API void fives_buffer_free(fives_buffer* buffer) noexcept {
  if (buffer == nullptr) return;
  std::free(buffer->data);
  buffer->data = nullptr;
  buffer->len = 0;
}

FIVES_API int fives_message_convert(fives_buffer* out, const char* type,
                                    const uint8_t* data, size_t len,
                                    fives_format from_format,
                                    fives_format to_format) noexcept {
  return fives::capi::Guarded(out, [&]() -> int {
    BeginCall();
    if (absl::Status s = CheckOut(out); !s.ok()) return Fail(s);
    absl::StatusOr<absl::string_view> name =
        fives::capi::CheckString(type, "type");
    if (!name.ok()) return Fail(name.status());
    const google::protobuf::Descriptor* descriptor =
        absl::StartsWith(*name, "fives.v1.")
            ? google::protobuf::DescriptorPool::generated_pool()
                  ->FindMessageTypeByName(std::string(*name))
            : nullptr;
    if (descriptor == nullptr) {
      return Fail(absl::InvalidArgumentError(
          absl::StrCat("type: \"", *name,
                       "\" is not a message of the fives schema (the full "
                       "name, e.g. \"fives.v1.OrgRollup\")")));
    }
    if (absl::Status s = CheckFormat(to_format); !s.ok()) return Fail(s);
    std::unique_ptr<google::protobuf::Message> message(
        google::protobuf::MessageFactory::generated_factory()
            ->GetPrototype(descriptor)
            ->New());
    if (absl::Status s = fives::capi::ParseMessage(data, len, from_format,
                                                   "data", message.get());
        !s.ok()) {
      return Fail(s);
    }
    return Done(fives::capi::WriteMessage(*message, to_format, out));
  });
}

FIVES_API int fives_catalog(fives_buffer* out, fives_format format) noexcept {
  return fives::capi::Guarded(out, [&]() -> int {
    BeginCall();
    if (absl::Status s = CheckOut(out); !s.ok()) return Fail(s);
    return Done(
        fives::capi::WriteMessage(fives::BuiltinCatalog(), format, out));
  });
}

FIVES_API int fives_pillar_texts(fives_buffer* out, fives_pillar pillar,
                                 const char* language,
                                 fives_format format) noexcept {
  return fives::capi::Guarded(out, [&]() -> int {
    BeginCall();
    if (absl::Status s = CheckOut(out); !s.ok()) return Fail(s);
    absl::StatusOr<fives::Pillar> p = fives::PillarFromProto(
        static_cast<fives::v1::Pillar>(pillar), "pillar");
    if (!p.ok()) return Fail(p.status());
    absl::StatusOr<absl::string_view> tag =
        fives::capi::CheckString(language, "language");
    if (!tag.ok()) return Fail(tag.status());
    absl::StatusOr<fives::Language> lang = fives::LanguageFromTag(*tag);
    if (!lang.ok()) return Fail(lang.status());
    return Done(fives::capi::WriteMessage(fives::PillarTextsFor(*p, *lang),
                                          format, out));
  });
}

FIVES_API int fives_score_stats(fives_buffer* out, const int32_t* scores,
                                size_t count, fives_format format) noexcept {
  return fives::capi::Guarded(out, [&]() -> int {
    BeginCall();
    if (absl::Status s = CheckOut(out); !s.ok()) return Fail(s);
    if (absl::Status s = CheckFormat(format); !s.ok()) return Fail(s);
    if (scores == nullptr && count != 0) {
      return Fail(absl::InvalidArgumentError(
          absl::StrCat("scores: NULL with count ", count)));
    }
    if (count > static_cast<size_t>(fives::kMaxHistogramScores)) {
      return Fail(absl::ResourceExhaustedError(
          absl::StrCat("count: ", count, " scores is too many")));
    }
    static_assert(sizeof(int) == sizeof(int32_t), "scores are int32_t");
    absl::StatusOr<fives::ScoreStats> stats = fives::ComputeScoreStats(
        absl::MakeConstSpan(reinterpret_cast<const int*>(scores), count));
    if (!stats.ok()) return Fail(stats.status());
    return Done(fives::capi::WriteMessage(fives::ToProto(*stats), format, out));
  });
}

FIVES_API int fives_bulk_stats(fives_buffer* out, const uint32_t* groups,
                               const uint8_t* scores, size_t responses,
                               size_t group_count,
                               fives_format format) noexcept {
  return fives::capi::Guarded(out, [&]() -> int {
    BeginCall();
    if (absl::Status s = CheckOut(out); !s.ok()) return Fail(s);
    if (absl::Status s = CheckFormat(format); !s.ok()) return Fail(s);
    absl::StatusOr<fives::GroupedHistograms> h =
        Aggregate(groups, scores, responses, group_count);
    if (!h.ok()) return Fail(h.status());
    return Done(fives::capi::WriteMessage(fives::ToProto(*h), format, out));
  });
}

FIVES_API int fives_bulk_stats_table(fives_pillar_stats* out, size_t out_count,
                                     size_t struct_size, const uint32_t* groups,
                                     const uint8_t* scores, size_t responses,
                                     size_t group_count) noexcept {
  return fives::capi::Guarded(out, [&]() -> int {
    BeginCall();
    if (out == nullptr) return Fail(absl::InvalidArgumentError("out: NULL"));
    if (struct_size < sizeof(fives_pillar_stats)) {
      return Fail(absl::InvalidArgumentError(absl::StrCat(
          "struct_size: ", struct_size, " is smaller than this library's ",
          "fives_pillar_stats (", sizeof(fives_pillar_stats), " bytes)")));
    }
    if (group_count > out_count / 5) {
      return Fail(absl::InvalidArgumentError(
          absl::StrCat("out_count: ", out_count, " structs for ", group_count,
                       " groups, need ", group_count, " x 5")));
    }
    absl::StatusOr<fives::GroupedHistograms> h =
        Aggregate(groups, scores, responses, group_count);
    if (!h.ok()) return Fail(h.status());
    auto* bytes = reinterpret_cast<unsigned char*>(out);
    h->ForEachStats(
        {}, [&](size_t group, fives::Pillar p, const fives::ScoreStats& s) {
          // Filled through a local copy: with a struct_size that is not a
          // multiple of the struct's alignment, slots are not aligned.
          fives_pillar_stats slot;
          fives::capi::FillPillarStats(s, &slot);
          std::memcpy(bytes + (group * 5 + fives::PillarIndex(p)) * struct_size,
                      &slot, sizeof slot);
        });
    return FIVES_OK;
  });
}

FIVES_API int fives_bulk_stats_compact(fives_buffer* out, uint32_t* index,
                                       size_t index_count, size_t struct_size,
                                       const uint32_t* groups,
                                       const uint8_t* scores, size_t responses,
                                       size_t group_count) noexcept {
  return fives::capi::Guarded(out, [&]() -> int {
    BeginCall();
    if (absl::Status s = CheckOut(out); !s.ok()) return Fail(s);
    if (index == nullptr) {
      return Fail(absl::InvalidArgumentError("index: NULL"));
    }
    if (struct_size < sizeof(fives_pillar_stats)) {
      return Fail(absl::InvalidArgumentError(absl::StrCat(
          "struct_size: ", struct_size, " is smaller than this library's ",
          "fives_pillar_stats (", sizeof(fives_pillar_stats), " bytes)")));
    }
    if (group_count > index_count / 5) {
      return Fail(absl::InvalidArgumentError(
          absl::StrCat("index_count: ", index_count, " entries for ",
                       group_count, " groups, need ", group_count, " x 5")));
    }
    absl::StatusOr<fives::GroupedHistograms> h =
        Aggregate(groups, scores, responses, group_count);
    if (!h.ok()) return Fail(h.status());
    std::string distinct;
    h->ForEachDistinctStats(
        {},
        [&](const fives::ScoreStats& s) {
          fives_pillar_stats slot;
          fives::capi::FillPillarStats(s, &slot);
          const size_t at = distinct.size();
          distinct.resize(at + struct_size, '\0');
          std::memcpy(&distinct[at], &slot, sizeof slot);
        },
        absl::MakeSpan(index, group_count * 5));
    return Done(fives::capi::WriteText(distinct, out));
  });
}

}  // extern "C"
