/// @file
/// Parsing protobuf text format and JSON (the proto3 JSON mapping) with
/// errors as values: the error names the input and the first problem, and
/// nothing is written to the log. Both refuse unknown fields, and input
/// nested deeper than the depth limit (limits.h) with RESOURCE_EXHAUSTED
/// before it is parsed.
///
/// And the one way fives writes JSON, for every path (the C ABI, Python,
/// journal export, the command): the proto3 JSON mapping with the field
/// names of the .proto files (snake_case: "team_id", not "teamId"), enum
/// values by name ("PILLAR_STRATEGY"), 64-bit integers as strings, and
/// fields at their default value left out unless `with_defaults`. Parsing
/// accepts both spellings of a field name.
#ifndef FIVES_TEXT_FORMAT_H_
#define FIVES_TEXT_FORMAT_H_

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"

namespace fives {

/// Parses `text` into `message` (cleared first). InvalidArgument starting
/// with `what` and naming the first error's line and column.
absl::Status ParseTextFormat(absl::string_view text, absl::string_view what,
                             google::protobuf::Message* message);

/// Parses `json` into `message` (cleared first). InvalidArgument starting
/// with `what`: "<what>: not JSON of a fives.v1.Journal: <the problem>".
absl::Status ParseJson(absl::string_view json, absl::string_view what,
                       google::protobuf::Message* message);

/// How PrintJson lays the JSON out; the content is the same either way.
struct JsonLayout {
  bool indented = false;       ///< one field per line, for people and diffs
  bool with_defaults = false;  ///< also the fields at their default value
};

/// `message` as JSON, by the policy above. A message of a compiled-in type
/// always prints.
std::string PrintJson(const google::protobuf::Message& message,
                      JsonLayout layout = {});

}  // namespace fives

#endif  // FIVES_TEXT_FORMAT_H_
