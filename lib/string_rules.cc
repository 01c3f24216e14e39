#include "fives/string_rules.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/stubs/common.h"

namespace fives {
namespace {

bool IsOneLine(absl::string_view field) {
  return field == "name" || field == "id" || absl::EndsWith(field, "_name") ||
         absl::EndsWith(field, "_id") || absl::EndsWith(field, "_ids");
}

}  // namespace

absl::Status CheckText(absl::string_view text, absl::string_view field,
                       bool one_line) {
  // The validator protobuf's reader applies to every string it reads: a
  // string it passes is one a saved journal gives back.
  const int valid = google::protobuf::internal::UTF8SpnStructurallyValid(
      google::protobuf::StringPiece(text.data(), text.size()));
  if (static_cast<size_t>(valid) < text.size()) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": not valid UTF-8 at byte ", valid));
  }
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    uint32_t code = 0x110000;  // none
    if (c < 0x20 || c == 0x7f) {
      if (c != '\t' && (one_line || c != '\n')) code = c;
    } else if (c == 0xc2 && i + 1 < text.size()) {
      // U+0080 to U+009F, the C1 controls (CSI among them), are C2 80-9F.
      const auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9f) code = next;
    }
    if (code != 0x110000) {
      return absl::InvalidArgumentError(
          absl::StrFormat("%s: control character U+%04X at byte %d%s", field,
                          code, i, one_line ? " (a one-line text)" : ""));
    }
  }
  return absl::OkStatus();
}

namespace {

using google::protobuf::FieldDescriptor;

// A depth-first walk that knows where it is, to name the field only when
// one is wrong.
class StringWalk {
 public:
  explicit StringWalk(absl::string_view root) : root_(root) {}

  absl::Status Walk(const google::protobuf::Message& m) {
    const google::protobuf::Reflection* r = m.GetReflection();
    std::vector<const FieldDescriptor*> fields;
    r->ListFields(m, &fields);
    for (const FieldDescriptor* f : fields) {
      const bool repeated = f->is_repeated();
      const int count = repeated ? r->FieldSize(m, f) : 1;
      if (f->type() == FieldDescriptor::TYPE_STRING) {
        const bool one_line = IsOneLine(f->name());
        std::string scratch;
        for (int i = 0; i < count; ++i) {
          const std::string& s =
              repeated ? r->GetRepeatedStringReference(m, f, i, &scratch)
                       : r->GetStringReference(m, f, &scratch);
          if (absl::Status st = CheckText(s, "", one_line); !st.ok()) {
            return absl::InvalidArgumentError(
                absl::StrCat(Path(f, repeated ? i : -1), st.message()));
          }
        }
      } else if (f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
        for (int i = 0; i < count; ++i) {
          path_.push_back({f, repeated ? i : -1});
          absl::Status st = Walk(repeated ? r->GetRepeatedMessage(m, f, i)
                                          : r->GetMessage(m, f));
          path_.pop_back();
          if (!st.ok()) return st;
        }
      }
    }
    return absl::OkStatus();
  }

 private:
  std::string Path(const FieldDescriptor* last, int index) const {
    std::string out(root_);
    auto add = [&](const FieldDescriptor* f, int i) {
      if (!out.empty()) out += '.';
      absl::StrAppend(&out, f->name());
      if (i >= 0) absl::StrAppend(&out, "[", i, "]");
    };
    for (const auto& [f, i] : path_) add(f, i);
    add(last, index);
    return out;
  }

  absl::string_view root_;
  std::vector<std::pair<const FieldDescriptor*, int>> path_;
};

}  // namespace

absl::Status CheckStrings(const google::protobuf::Message& message,
                          absl::string_view root) {
  return StringWalk(root).Walk(message);
}

}  // namespace fives
