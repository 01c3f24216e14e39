// Parsing protobuf text format and JSON (the proto3 JSON mapping) with
// errors as values: the error names the input and the first problem, and
// nothing is written to the log. Both refuse unknown fields, and input
// nested deeper than the depth limit (limits.h) with RESOURCE_EXHAUSTED
// before it is parsed.
#ifndef FIVES_TEXT_FORMAT_H_
#define FIVES_TEXT_FORMAT_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"

namespace fives {

// Parses `text` into `message` (cleared first). InvalidArgument starting
// with `what` and naming the first error's line and column.
absl::Status ParseTextFormat(absl::string_view text, absl::string_view what,
                             google::protobuf::Message* message);

// Parses `json` into `message` (cleared first). InvalidArgument starting
// with `what`: "<what>: not JSON of a fives.v1.Journal: <the problem>".
absl::Status ParseJson(absl::string_view json, absl::string_view what,
                       google::protobuf::Message* message);

}  // namespace fives

#endif  // FIVES_TEXT_FORMAT_H_
