#include "fives/text_format.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "fives/limits.h"
#include "google/protobuf/io/tokenizer.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/json_util.h"

namespace fives {
namespace {

// Keeps the first error instead of logging it.
class FirstError : public google::protobuf::io::ErrorCollector {
 public:
  void AddError(int line, int column, const std::string& message) override {
    if (error_.empty()) {
      error_ = absl::StrCat("line ", line + 1, ", column ", column + 1, ": ",
                            message);
    }
  }
  void AddWarning(int, int, const std::string&) override {}
  const std::string& error() const { return error_; }

 private:
  std::string error_;
};

// The deepest nesting of brackets outside quoted strings (and, in text
// format, outside # comments): {} and [] in JSON, {} and <> in text format.
// Malformed input gives some depth; its parse gives the error.
int NestingDepth(absl::string_view s, bool text_format) {
  int depth = 0, deepest = 0;
  char quote = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (quote != 0) {
      if (c == '\\') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
      continue;
    }
    if (c == '"' || (text_format && c == '\'')) {
      quote = c;
    } else if (text_format && c == '#') {
      while (i < s.size() && s[i] != '\n') ++i;
    } else if (c == '{' || (text_format ? c == '<' : c == '[')) {
      if (++depth > deepest) deepest = depth;
    } else if (c == '}' || (text_format ? c == '>' : c == ']')) {
      --depth;
    }
  }
  return deepest;
}

absl::Status CheckDepth(absl::string_view s, bool text_format,
                        absl::string_view what) {
  return CheckLimit(Limit::kDepth, NestingDepth(s, text_format), what);
}

}  // namespace

absl::Status ParseTextFormat(absl::string_view text, absl::string_view what,
                             google::protobuf::Message* message) {
  if (absl::Status s = CheckDepth(text, true, what); !s.ok()) return s;
  FirstError errors;
  google::protobuf::TextFormat::Parser parser;
  parser.RecordErrorsTo(&errors);
  if (!parser.ParseFromString(std::string(text), message)) {
    return absl::InvalidArgumentError(absl::StrCat(
        what, ": not text format of a ", message->GetDescriptor()->full_name(),
        errors.error().empty() ? "" : " (", errors.error(),
        errors.error().empty() ? "" : ")"));
  }
  return absl::OkStatus();
}

absl::Status ParseJson(absl::string_view json, absl::string_view what,
                       google::protobuf::Message* message) {
  if (absl::Status s = CheckDepth(json, false, what); !s.ok()) return s;
  message->Clear();
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  const auto status = google::protobuf::util::JsonStringToMessage(
      std::string(json), message, options);
  if (!status.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(
        what, ": not JSON of a ", message->GetDescriptor()->full_name(), ": ",
        std::string(status.message())));
  }
  return absl::OkStatus();
}

std::string PrintJson(const google::protobuf::Message& message,
                      JsonLayout layout) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  options.add_whitespace = layout.indented;
  options.always_print_primitive_fields = layout.with_defaults;
  std::string json;
  // Printing a message of a compiled-in type cannot fail.
  (void)google::protobuf::util::MessageToJsonString(message, &json, options);
  return json;
}

}  // namespace fives
