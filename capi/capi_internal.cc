#include "capi_internal.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "failed_calls.h"
#include "fives/civil_date.h"
#include "fives/error_detail.h"
#include "fives/limits.h"
#include "fives/string_rules.h"
#include "fives/text_format.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/text_format.h"

// LogSilencer (see RunGuarded) exists up to protobuf 21 (3.21).
#if defined(GOOGLE_PROTOBUF_VERSION) && GOOGLE_PROTOBUF_VERSION < 4022000
#define FIVES_PROTOBUF_LOG_SILENCER 1
#include "google/protobuf/stubs/logging.h"
#endif

namespace fives::capi {
namespace {

thread_local FailedCall last_failure;

// Records memory running out as the thread's last failure, without
// allocating: memory may still be short. The message fits in the string's
// inline buffer, and an OK status (which holds no payload) is inline too.
void FailOutOfMemory() noexcept {
  last_failure.code = FIVES_RESOURCE_EXHAUSTED;
  last_failure.message.assign("out of memory");
  last_failure.status = absl::OkStatus();
}

// Protobuf 3.21 logs to stderr when it meets, for instance, invalid UTF-8
// in a string field it parses; fives reports that as the call's error, so
// the log line is held back while a call runs. From protobuf 22 on (no
// LogSilencer) protobuf logs through Abseil's logging, which belongs to the
// host: it sets what reaches stderr (absl::SetStderrThreshold, log sinks).
// A failure that escapes as an exception is recorded as the call's when
// `record`, and only returned otherwise (QuietCall).
int RunGuarded(absl::FunctionRef<int()> body, bool record) noexcept {
  try {
#ifdef FIVES_PROTOBUF_LOG_SILENCER
    google::protobuf::LogSilencer silence;
#endif
    return body();
  } catch (const std::bad_alloc&) {
    if (record) FailOutOfMemory();
    return FIVES_RESOURCE_EXHAUSTED;
  } catch (...) {
    if (!record) return FIVES_INTERNAL;
    return Fail(absl::InternalError("unexpected failure inside fives"));
  }
}

}  // namespace

const char* LastError() { return last_failure.message.c_str(); }

const FailedCall* LastFailure() {
  return last_failure.code == FIVES_OK ? nullptr : &last_failure;
}

v1::Error ErrorProto(const FailedCall& failure) {
  // The code and the message as the call reported them (out of memory has
  // no status to carry them).
  v1::Error error = ToProto(failure.status);
  error.set_status(failure.code);
  error.set_message(EscapeInvalidUtf8(failure.message));
  return error;
}

void BeginCall() {
  last_failure.code = FIVES_OK;
  last_failure.message.clear();
  last_failure.status = absl::OkStatus();
}

int Fail(const absl::Status& status) {
  const int code = status.ok() ? FIVES_UNKNOWN : CodeOf(status);
  // The message first: when its copy runs out of memory, RunGuarded
  // records that instead.
  last_failure.message.assign(status.message().data(), status.message().size());
  last_failure.code = code;
  last_failure.status = status;
  return code;
}

int Done(const absl::Status& status) {
  return status.ok() ? FIVES_OK : Fail(status);
}

int GuardedCall(const void* first_argument,
                absl::FunctionRef<int()> body) noexcept {
  const int code = RunGuarded(body, /*record=*/true);
  if (code != FIVES_OK && first_argument != nullptr) {
    KeepFailure(first_argument, last_failure);
  }
  return code;
}

int QuietCall(absl::FunctionRef<int()> body) noexcept {
  return RunGuarded(body, /*record=*/false);
}

int CodeOf(const absl::Status& status) {
  return static_cast<int>(status.code());
}

absl::Status CheckNotNull(const void* p, absl::string_view field) {
  if (p == nullptr) {
    return absl::InvalidArgumentError(absl::StrCat(field, ": NULL"));
  }
  return absl::OkStatus();
}

absl::StatusOr<absl::string_view> CheckString(const char* s,
                                              absl::string_view field) {
  if (s == nullptr) {
    return absl::InvalidArgumentError(absl::StrCat(field, ": NULL"));
  }
  const size_t most = static_cast<size_t>(
      std::max<int64_t>(GetLimit(Limit::kTextBytes), 1 << 16));
  const size_t len = ::strnlen(s, most + 1);
  if (len > most) {
    return absl::ResourceExhaustedError(
        absl::StrCat(field, ": longer than ", most,
                     " bytes (the \"text_bytes\" limit, at least 65536)"));
  }
  if (ValidUtf8Prefix(absl::string_view(s, len)) < len) {
    return absl::InvalidArgumentError(absl::StrCat(field, ": not valid UTF-8"));
  }
  return absl::string_view(s, len);
}

absl::StatusOr<Language> CheckLanguage(const char* language) {
  absl::StatusOr<absl::string_view> tag = CheckString(language, "language");
  if (!tag.ok()) return tag.status();
  return LanguageFromTag(*tag);
}

absl::StatusOr<absl::CivilDay> CheckDate(const char* s,
                                         absl::string_view field) {
  absl::StatusOr<absl::string_view> text = CheckString(s, field);
  if (!text.ok()) return text.status();
  return ParseCivilDate(*text, field);
}

absl::Status CheckBytes(const uint8_t* data, size_t len,
                        absl::string_view field) {
  if (data == nullptr && len != 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": NULL with length ", len));
  }
  if (absl::Status s = CheckLimit(
          Limit::kInputBytes,
          static_cast<int64_t>(std::min<size_t>(len, INT64_MAX)), field);
      !s.ok()) {
    return s;
  }
  return absl::OkStatus();
}

absl::Status CheckFormat(fives_format format) {
  if (format == FIVES_FORMAT_BINARY || format == FIVES_FORMAT_JSON ||
      format == FIVES_FORMAT_TEXT) {
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(
      absl::StrCat("format: ", format,
                   " is not FIVES_FORMAT_BINARY (1), FIVES_FORMAT_JSON (2) or "
                   "FIVES_FORMAT_TEXT (3)"));
}

absl::Status CheckOut(const fives_buffer* out) {
  if (out == nullptr) return absl::InvalidArgumentError("out: NULL");
  if (out->data != nullptr) {
    return absl::InvalidArgumentError(
        "out: not empty (free it with fives_buffer_free, or start from "
        "FIVES_BUFFER_INIT)");
  }
  return absl::OkStatus();
}

absl::Status ParseMessage(const uint8_t* data, size_t len, fives_format format,
                          absl::string_view field,
                          google::protobuf::Message* message) {
  if (absl::Status s = CheckBytes(data, len, field); !s.ok()) return s;
  if (absl::Status s = CheckFormat(format); !s.ok()) return s;
  const std::string type = message->GetDescriptor()->full_name();
  const char* chars = reinterpret_cast<const char*>(data);
  switch (format) {
    case FIVES_FORMAT_BINARY:
      if (!message->ParseFromArray(chars, static_cast<int>(len))) {
        return absl::InvalidArgumentError(
            absl::StrCat(field, ": the bytes are not a ", type));
      }
      return absl::OkStatus();
    case FIVES_FORMAT_JSON:
      return ParseJson(absl::string_view(chars, len), field, message);
    default:
      return ParseTextFormat(absl::string_view(chars, len), field, message);
  }
}

void FillPillarStats(const ScoreStats& s, fives_pillar_stats* out) {
  *out = fives_pillar_stats{};
  out->n = static_cast<int32_t>(s.n);
  for (int i = 0; i < 5; ++i) {
    out->histogram[i] = static_cast<int32_t>(s.histogram.counts()[i]);
  }
  out->label = static_cast<int32_t>(ToProto(s.label));
  out->ad_above_cutoff = s.ad_above_cutoff;
  auto set = [&](const std::optional<double>& v, double* field, uint32_t bit) {
    if (v) {
      *field = *v;
      out->defined |= bit;
    }
  };
  set(s.mean, &out->mean, FIVES_HAS_MEAN);
  set(s.median, &out->median, FIVES_HAS_MEDIAN);
  set(s.sd, &out->sd, FIVES_HAS_SD);
  set(s.rwg, &out->rwg, FIVES_HAS_RWG);
  set(s.rwg_raw, &out->rwg_raw, FIVES_HAS_RWG);
  set(s.ad_mean, &out->ad_mean, FIVES_HAS_AD);
  set(s.ad_median, &out->ad_median, FIVES_HAS_AD);
  set(s.consensus, &out->consensus, FIVES_HAS_CONSENSUS);
  set(s.agreement, &out->agreement, FIVES_HAS_AGREEMENT);
  if (s.min && s.max) {
    out->min = *s.min;
    out->max = *s.max;
    out->defined |= FIVES_HAS_RANGE;
  }
}

absl::Status WriteText(absl::string_view text, fives_buffer* out) {
  auto* data = static_cast<uint8_t*>(std::malloc(text.size() + 1));
  if (data == nullptr) {
    return absl::ResourceExhaustedError("out of memory for the result");
  }
  std::memcpy(data, text.data(), text.size());
  data[text.size()] = 0;
  out->data = data;
  out->len = text.size();
  return absl::OkStatus();
}

absl::Status WriteMessage(const google::protobuf::Message& message,
                          fives_format format, fives_buffer* out) {
  if (absl::Status s = CheckFormat(format); !s.ok()) return s;
  std::string bytes;
  switch (format) {
    case FIVES_FORMAT_BINARY: {
      // Straight into the result: the schema has no map fields, so the
      // serialization is deterministic without a deterministic stream.
      const size_t size = message.ByteSizeLong();
      auto* data = static_cast<uint8_t*>(std::malloc(size + 1));
      if (data == nullptr) {
        return absl::ResourceExhaustedError("out of memory for the result");
      }
      message.SerializeWithCachedSizesToArray(data);
      data[size] = 0;
      out->data = data;
      out->len = size;
      return absl::OkStatus();
    }
    case FIVES_FORMAT_JSON:
      bytes = PrintJson(message);
      break;
    default: {
      google::protobuf::TextFormat::Printer printer;
      printer.SetHideUnknownFields(true);
      printer.PrintToString(message, &bytes);
      break;
    }
  }
  return WriteText(bytes, out);
}

}  // namespace fives::capi
