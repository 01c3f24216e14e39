#include "fives/string_rules.h"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "fives/error_detail.h"
#include "google/protobuf/descriptor.h"
#include "hash_table.h"

namespace fives {

namespace {

bool StartsCodePoint(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
}

}  // namespace

size_t CountCodePoints(absl::string_view text) {
  return std::count_if(text.begin(), text.end(), StartsCodePoint);
}

absl::string_view FirstCodePoints(absl::string_view text, size_t count) {
  size_t seen = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (StartsCodePoint(text[i])) {
      if (seen == count) return text.substr(0, i);
      ++seen;
    }
  }
  return text;
}

size_t ValidUtf8Prefix(absl::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t len = text.size();
  size_t i = 0;
  while (i < len) {
    const unsigned char c = s[i];
    size_t extra;
    uint32_t min, cp;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      extra = 1, min = 0x80, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2, min = 0x800, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3, min = 0x10000, cp = c & 0x07;
    } else {
      return i;
    }
    if (len - i <= extra) return i;
    for (size_t k = 1; k <= extra; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return i;
    }
    i += extra + 1;
  }
  return len;
}

std::string EscapeInvalidUtf8(absl::string_view text) {
  std::string out;
  while (!text.empty()) {
    const size_t valid = ValidUtf8Prefix(text);
    out.append(text.data(), valid);
    text.remove_prefix(valid);
    if (text.empty()) break;
    absl::StrAppend(
        &out, "\\x",
        absl::Hex(static_cast<unsigned char>(text.front()), absl::kZeroPad2));
    text.remove_prefix(1);
  }
  return out;
}
TextKind KindOfField(absl::string_view field_name) {
  if (field_name == "id" || absl::EndsWith(field_name, "_id") ||
      absl::EndsWith(field_name, "_ids")) {
    return TextKind::kId;
  }
  if (field_name == "name" || absl::EndsWith(field_name, "_name")) {
    return TextKind::kName;
  }
  return TextKind::kText;
}

Limit LengthLimitOf(TextKind kind) {
  switch (kind) {
    case TextKind::kId:
      return Limit::kIdBytes;
    case TextKind::kName:
      return Limit::kNameBytes;
    case TextKind::kText:
    default:
      return Limit::kTextBytes;
  }
}

namespace {

// CheckText of a text whose field is named by the caller: a message that
// starts with ": ".
absl::Status CheckTextOf(absl::string_view text, TextKind kind) {
  if (absl::Status s = CheckLimit(LengthLimitOf(kind),
                                  static_cast<int64_t>(text.size()), "");
      !s.ok()) {
    return s;
  }
  const bool one_line = kind != TextKind::kText;
  // Most texts are printable ASCII: one pass decides them.
  size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c >= 0x7f) break;
    ++i;
  }
  if (i == text.size()) return absl::OkStatus();
  // The validator protobuf's reader applies to every string it reads: a
  // string it passes is one a saved journal gives back.
  const size_t valid = ValidUtf8Prefix(text);
  if (valid < text.size()) {
    return WithDetail(absl::InvalidArgumentError(
                          absl::StrCat(": not valid UTF-8 at byte ", valid)),
                      v1::ERROR_CODE_TEXT_NOT_UTF8, {valid});
  }
  for (; i < text.size(); ++i) {
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
      const std::string name = absl::StrCat(
          "U+", absl::AsciiStrToUpper(
                    absl::StrCat(absl::Hex(code, absl::kZeroPad4))));
      return WithDetail(absl::InvalidArgumentError(absl::StrCat(
                            ": control character ", name, " at byte ", i,
                            one_line ? " (a one-line text)" : "")),
                        one_line ? v1::ERROR_CODE_TEXT_CONTROL_ONE_LINE
                                 : v1::ERROR_CODE_TEXT_CONTROL,
                        {name, i});
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status CheckText(absl::string_view text, absl::string_view field,
                       TextKind kind) {
  return InField(CheckTextOf(text, kind), field);
}

namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;

// Per message type, the fields a walk must visit: its string fields and
// the message fields whose types hold strings somewhere below. Built once
// per type (journals are loaded often; reflection over every field of
// every message would cost more than the load).
struct TypePlan {
  std::vector<const FieldDescriptor*> strings;
  std::vector<TextKind> kinds;
  // Each message field with the plan of its type.
  std::vector<std::pair<const FieldDescriptor*, const TypePlan*>> messages;
};

class TypePlans {
 public:
  const TypePlan& Of(const Descriptor* type) {
    std::lock_guard<std::mutex> lock(mu_);
    return Build(type);
  }

 private:
  // With mu_ held.
  const TypePlan& Build(const Descriptor* type) {
    auto it = plans_.find(type);
    if (it != plans_.end()) return *it->second;
    auto plan = std::make_unique<TypePlan>();
    TypePlan& out = *plan;
    plans_.emplace(type, std::move(plan));
    for (int i = 0; i < type->field_count(); ++i) {
      const FieldDescriptor* f = type->field(i);
      if (f->type() == FieldDescriptor::TYPE_STRING) {
        out.strings.push_back(f);
        out.kinds.push_back(KindOfField(f->name()));
      } else if (f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
        // A type under construction (a recursive one) counts as holding
        // strings: the walk then simply finds none.
        const TypePlan& inner = Build(f->message_type());
        if (!inner.strings.empty() || !inner.messages.empty() ||
            f->message_type() == type) {
          out.messages.push_back({f, &inner});
        }
      }
    }
    return out;
  }

  std::mutex mu_;
  // Guarded by mu_; plans are never removed, so references stay valid.
  internal::HashMap<const Descriptor*, std::unique_ptr<TypePlan>> plans_;
};

TypePlans& Plans() {
  static TypePlans* plans = new TypePlans;
  return *plans;
}

// `status` (of a text checked with an empty field name) naming `field`.
absl::Status Named(const absl::Status& status, absl::string_view field) {
  return InField(status, field);
}

// A depth-first walk that knows where it is, to name the field only when
// one is wrong.
class StringWalk {
 public:
  explicit StringWalk(absl::string_view root) : root_(root) {}

  absl::Status Walk(const google::protobuf::Message& m, const TypePlan& plan) {
    const google::protobuf::Reflection* r = m.GetReflection();
    for (size_t k = 0; k < plan.strings.size(); ++k) {
      const FieldDescriptor* f = plan.strings[k];
      if (f->is_repeated()) {
        const int count = r->FieldSize(m, f);
        for (int i = 0; i < count; ++i) {
          const std::string& s =
              r->GetRepeatedStringReference(m, f, i, &scratch);
          if (absl::Status st = CheckText(s, "", plan.kinds[k]); !st.ok()) {
            return Named(st, Path(f, i));
          }
        }
      } else {
        const std::string& s = r->GetStringReference(m, f, &scratch);
        if (absl::Status st = CheckText(s, "", plan.kinds[k]); !st.ok()) {
          return Named(st, Path(f, -1));
        }
      }
    }
    for (const auto& [f, inner] : plan.messages) {
      if (f->is_repeated()) {
        const int count = r->FieldSize(m, f);
        for (int i = 0; i < count; ++i) {
          path_.push_back({f, i});
          absl::Status st = Walk(r->GetRepeatedMessage(m, f, i), *inner);
          path_.pop_back();
          if (!st.ok()) return st;
        }
      } else if (r->HasField(m, f)) {
        path_.push_back({f, -1});
        absl::Status st = Walk(r->GetMessage(m, f), *inner);
        path_.pop_back();
        if (!st.ok()) return st;
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
  // GetStringReference's buffer for strings not stored as std::string.
  std::string scratch;
};

}  // namespace

absl::Status CheckStrings(const google::protobuf::Message& message,
                          absl::string_view root) {
  return StringWalk(root).Walk(message, Plans().Of(message.GetDescriptor()));
}

}  // namespace fives
