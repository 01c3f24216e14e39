/// @file
/// What a string of fives may hold. Every journal fives accepts must be one
/// it can save and read back (protobuf refuses invalid UTF-8 when it reads),
/// and no text a host shows may carry a NUL, a terminal escape or a line
/// break where a one-line name belongs:
///  - every string is valid UTF-8 without control characters (U+0000 to
///    U+001F, U+007F, U+0080 to U+009F) other than tab and line feed;
///  - one-line strings (names and ids: fields called `name` or `id`, or
///    ending in `_name`, `_id` or `_ids`) have no line feed either;
///  - ids, names and other texts are at most the id_bytes, name_bytes and
///    text_bytes limits long (see limits.h; RESOURCE_EXHAUSTED).
/// Errors name the field and the byte: `team.members[2].display_name:
/// control character U+001B at byte 4`.
#ifndef FIVES_STRING_RULES_H_
#define FIVES_STRING_RULES_H_

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "fives/limits.h"
#include "google/protobuf/message.h"

namespace fives {

enum class TextKind {
  kId,    ///< one line; fields `id`, `*_id`, `*_ids`
  kName,  ///< one line; fields `name`, `*_name`
  kText,  ///< any other string field
};

/// The length of the longest prefix of `text` that is well-formed UTF-8
/// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), the
/// rule protobuf's reader applies to string fields; text.size() when all of
/// it is. Protobuf exports no such check (its validator is internal, and
/// moved to utf8_range in protobuf 22), nor does Abseil.
size_t ValidUtf8Prefix(absl::string_view text);

/// `text` with every byte that is not part of well-formed UTF-8 written as
/// `\xNN`, valid text as it is: for a message or an argument that quotes
/// bytes a host passed in, in a proto3 string (which must be UTF-8 to parse
/// back).
std::string EscapeInvalidUtf8(absl::string_view text);

/// The number of code points of UTF-8 `text` (every byte that does not
/// continue a sequence): the width of a text in a terminal's columns or a
/// picture's characters.
size_t CountCodePoints(absl::string_view text);

/// The bytes of the first `count` code points of UTF-8 `text` (all of it
/// when it has fewer), so a cut never splits a character.
absl::string_view FirstCodePoints(absl::string_view text, size_t count);

/// The kind of a string field, by its name.
TextKind KindOfField(absl::string_view field_name);

/// The limit on the length of a text of `kind`.
Limit LengthLimitOf(TextKind kind);

/// One string; InvalidArgument (or RESOURCE_EXHAUSTED for its length)
/// naming `field` (InField). An empty `field` leaves naming it to the
/// caller: the message then starts with ": ".
absl::Status CheckText(absl::string_view text, absl::string_view field,
                       TextKind kind);

/// Every string field of `message` and of the messages in it, by the rules
/// above; the error names the field from `root` ("" or e.g. "charter").
absl::Status CheckStrings(const google::protobuf::Message& message,
                          absl::string_view root = "");

}  // namespace fives

#endif  // FIVES_STRING_RULES_H_
