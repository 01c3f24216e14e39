// Parsing protobuf text format with errors as values: the error names the
// line and column, and nothing is written to the log.
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

}  // namespace fives

#endif  // FIVES_TEXT_FORMAT_H_
