#include "journal_limits.h"

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "fives/limits.h"
#include "fives/string_rules.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/wire_format_lite.h"
#include "hash_table.h"

namespace fives::journal_internal {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;
using google::protobuf::internal::WireFormatLite;

// The lists with a limit on their length, per parent ("rounds.responses":
// the responses of each round). The charter's lists count together
// against charter_entries.
struct CountRule {
  absl::string_view path;
  Limit limit;
};
constexpr CountRule kCountRules[] = {
    {"team.members", Limit::kMembers},
    {"rounds", Limit::kRounds},
    {"rounds.responses", Limit::kMembers},
    {"rounds.participants", Limit::kMembers},
    {"rounds.forgotten_participants", Limit::kMembers},
    {"plans", Limit::kRounds},
    {"actions", Limit::kActions},
    {"actions.feedback", Limit::kFeedback},
    {"checks", Limit::kChecks},
    {"checks.reviews", Limit::kActions},
};

// The rules as a tree over the schema: at each message, the fields with a
// limit or with rules below them.
struct RuleNode {
  struct Edge {
    bool limited = false;
    Limit limit = Limit::kMembers;
    std::unique_ptr<RuleNode> below;
  };
  internal::HashMap<const FieldDescriptor*, Edge> edges;

  const Edge* Find(const FieldDescriptor* f) const {
    auto it = edges.find(f);
    return it == edges.end() ? nullptr : &it->second;
  }
};

struct Schema {
  RuleNode root;
  const FieldDescriptor* charter = nullptr;
};

const Schema& TheSchema() {
  static const Schema* schema = [] {
    auto* s = new Schema;
    const Descriptor* journal = v1::Journal::descriptor();
    for (const CountRule& rule : kCountRules) {
      RuleNode* node = &s->root;
      const Descriptor* type = journal;
      const std::vector<absl::string_view> parts =
          absl::StrSplit(rule.path, '.');
      for (size_t k = 0; k < parts.size(); ++k) {
        const FieldDescriptor* f = type->FindFieldByName(std::string(parts[k]));
        RuleNode::Edge& edge = node->edges[f];
        if (k + 1 == parts.size()) {
          edge.limited = true;
          edge.limit = rule.limit;
        } else {
          if (edge.below == nullptr) edge.below = std::make_unique<RuleNode>();
          node = edge.below.get();
          type = f->message_type();
        }
      }
    }
    s->charter = journal->FindFieldByName("charter");
    return s;
  }();
  return *schema;
}

// Where a walk is, to name the list only when one is too long.
class Path {
 public:
  void Push(const FieldDescriptor* f, int64_t index) {
    steps_.push_back({f, index});
  }
  void Pop() { steps_.pop_back(); }
  // The path, then `last` (without an index when `index` < 0).
  std::string Name(const FieldDescriptor* last, int64_t index) const {
    std::string out;
    auto add = [&](const FieldDescriptor* f, int64_t i) {
      if (!out.empty()) out += '.';
      absl::StrAppend(&out, f->name());
      if (i >= 0) absl::StrAppend(&out, "[", i, "]");
    };
    for (const auto& [f, i] : steps_) add(f, i);
    if (last != nullptr) add(last, index);
    return out;
  }

 private:
  std::vector<std::pair<const FieldDescriptor*, int64_t>> steps_;
};

bool IsEntry(const FieldDescriptor* f) {
  return f->is_repeated() &&
         (f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE ||
          f->cpp_type() == FieldDescriptor::CPPTYPE_STRING);
}

// The charter's entries: every element of its lists, at any depth.
int64_t CharterEntries(const Message& m) {
  const Reflection* r = m.GetReflection();
  std::vector<const FieldDescriptor*> fields;
  r->ListFields(m, &fields);
  int64_t count = 0;
  for (const FieldDescriptor* f : fields) {
    if (IsEntry(f)) count += r->FieldSize(m, f);
    if (f->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) continue;
    if (f->is_repeated()) {
      for (int i = 0; i < r->FieldSize(m, f); ++i) {
        count += CharterEntries(r->GetRepeatedMessage(m, f, i));
      }
    } else {
      count += CharterEntries(r->GetMessage(m, f));
    }
  }
  return count;
}

absl::Status CheckCounts(const Message& m, const RuleNode& node, Path& path) {
  const Reflection* r = m.GetReflection();
  for (const auto& [f, edge] : node.edges) {
    if (f->is_repeated()) {
      const int count = r->FieldSize(m, f);
      if (edge.limited && count > GetLimit(edge.limit)) {
        return CheckLimit(edge.limit, count, path.Name(f, -1));
      }
      if (edge.below == nullptr) continue;
      for (int i = 0; i < count; ++i) {
        path.Push(f, i);
        absl::Status s =
            CheckCounts(r->GetRepeatedMessage(m, f, i), *edge.below, path);
        path.Pop();
        if (!s.ok()) return s;
      }
    } else if (edge.below != nullptr && r->HasField(m, f)) {
      path.Push(f, -1);
      absl::Status s = CheckCounts(r->GetMessage(m, f), *edge.below, path);
      path.Pop();
      if (!s.ok()) return s;
    }
  }
  return absl::OkStatus();
}

// A walk over wire bytes that reads tags and lengths only. Anything that
// does not read as the schema says stops the walk with OK: the parse that
// follows gives the error.
class WireWalk {
 public:
  explicit WireWalk(const Schema& schema) : schema_(schema) {}

  absl::Status Walk(google::protobuf::io::CodedInputStream& in,
                    const Descriptor* type, const RuleNode* node,
                    bool in_charter) {
    // Per repeated field of this message, its elements so far (a message
    // has a few such fields: a short list beats a table).
    std::vector<std::pair<const FieldDescriptor*, int64_t>> seen;
    auto next_index = [&seen](const FieldDescriptor* f) -> int64_t {
      for (auto& [field, count] : seen) {
        if (field == f) return count++;
      }
      seen.push_back({f, 1});
      return 0;
    };
    for (;;) {
      const uint32_t tag = in.ReadTag();
      if (tag == 0) return absl::OkStatus();
      const FieldDescriptor* f = type->FindFieldByNumber(
          static_cast<int>(WireFormatLite::GetTagFieldNumber(tag)));
      const bool delimited = WireFormatLite::GetTagWireType(tag) ==
                             WireFormatLite::WIRETYPE_LENGTH_DELIMITED;
      if (f == nullptr || !delimited ||
          (f->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE &&
           f->cpp_type() != FieldDescriptor::CPPTYPE_STRING)) {
        if (!WireFormatLite::SkipField(&in, tag)) return Stop();
        continue;
      }
      const int64_t index = f->is_repeated() ? next_index(f) : -1;
      const RuleNode::Edge* edge = node == nullptr ? nullptr : node->Find(f);
      // Names are built only for an error.
      if (edge != nullptr && edge->limited &&
          index + 1 > GetLimit(edge->limit)) {
        return CheckLimit(edge->limit, index + 1, path_.Name(f, -1));
      }
      const bool charter = in_charter || f == schema_.charter;
      if (in_charter && IsEntry(f)) {
        if (++charter_entries_ > GetLimit(Limit::kCharterEntries)) {
          return CheckLimit(Limit::kCharterEntries, charter_entries_,
                            "charter");
        }
      }
      uint32_t length = 0;
      if (!in.ReadVarint32(&length)) return Stop();
      if (f->cpp_type() == FieldDescriptor::CPPTYPE_STRING) {
        const TextKind kind = f->type() == FieldDescriptor::TYPE_STRING
                                  ? KindOfField(f->name())
                                  : TextKind::kText;
        if (length > GetLimit(LengthLimitOf(kind))) {
          return CheckLimit(LengthLimitOf(kind), length, path_.Name(f, index));
        }
        if (!in.Skip(static_cast<int>(length))) return Stop();
        continue;
      }
      // The schema nests a few levels; protobuf's parser stops at 100.
      if (++depth_ > 100) return Stop();
      const auto limit = in.PushLimit(static_cast<int>(length));
      path_.Push(f, index);
      absl::Status s =
          Walk(in, f->message_type(),
               edge == nullptr ? nullptr : edge->below.get(), charter);
      path_.Pop();
      --depth_;
      if (!s.ok() || stopped_) return s;
      if (!in.ConsumedEntireMessage()) return Stop();
      in.PopLimit(limit);
    }
  }

 private:
  absl::Status Stop() {
    stopped_ = true;
    return absl::OkStatus();
  }

  const Schema& schema_;
  Path path_;
  int64_t charter_entries_ = 0;
  int depth_ = 0;
  bool stopped_ = false;
};

}  // namespace

absl::Status CheckJournalCounts(const v1::Journal& j) {
  Path path;
  if (absl::Status s = CheckCounts(j, TheSchema().root, path); !s.ok()) {
    return s;
  }
  return CheckCharterEntries(j.charter());
}

absl::Status CheckCharterEntries(const v1::Charter& charter) {
  return CheckLimit(Limit::kCharterEntries, CharterEntries(charter), "charter");
}

absl::Status CheckJournalWire(absl::string_view bytes) {
  // Below this size a parse costs little memory whatever the bytes hold
  // (an entry takes at least two bytes and parses into well under a
  // hundred), and Validate checks the same counts and lengths after it.
  if (bytes.size() <= kWireCheckFromBytes) return absl::OkStatus();
  google::protobuf::io::CodedInputStream in(
      reinterpret_cast<const uint8_t*>(bytes.data()),
      static_cast<int>(bytes.size()));
  const Schema& schema = TheSchema();
  return WireWalk(schema).Walk(in, v1::Journal::descriptor(), &schema.root,
                               false);
}

}  // namespace fives::journal_internal
