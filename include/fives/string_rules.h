// What a string of fives may hold. Every journal fives accepts must be one
// it can save and read back (protobuf refuses invalid UTF-8 when it reads),
// and no text a host shows may carry a NUL, a terminal escape or a line
// break where a one-line name belongs:
//  - every string is valid UTF-8 without control characters (U+0000 to
//    U+001F, U+007F, U+0080 to U+009F) other than tab and line feed;
//  - one-line strings (names and ids: fields called `name` or `id`, or
//    ending in `_name`, `_id` or `_ids`) have no line feed either.
// Errors name the field and the byte: `team.members[2].display_name:
// control character U+001B at byte 4`.
#ifndef FIVES_STRING_RULES_H_
#define FIVES_STRING_RULES_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"

namespace fives {

// One string; InvalidArgument naming `field`.
absl::Status CheckText(absl::string_view text, absl::string_view field,
                       bool one_line);

// Every string field of `message` and of the messages in it, by the rules
// above; the error names the field from `root` ("" or e.g. "charter").
absl::Status CheckStrings(const google::protobuf::Message& message,
                          absl::string_view root = "");

}  // namespace fives

#endif  // FIVES_STRING_RULES_H_
