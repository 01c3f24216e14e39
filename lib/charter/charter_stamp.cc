// Dating the agreements of a charter that a caller set or changed.
#include <string>

#include "absl/strings/match.h"
#include "fives/charter.h"
#include "fives/civil_date.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "google/protobuf/util/message_differencer.h"
#include "hash_table.h"

namespace fives {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;
using google::protobuf::util::MessageDifferencer;

constexpr absl::string_view kUpdatedSuffix = "_updated";

// Whether field `f` holds the same value in `a` and `b`.
bool SameField(const Message& a, const Message& b, const FieldDescriptor* f) {
  MessageDifferencer differencer;
  // Compare only `f`: every other field is ignored.
  for (int i = 0; i < a.GetDescriptor()->field_count(); ++i) {
    const FieldDescriptor* other = a.GetDescriptor()->field(i);
    if (other != f) differencer.IgnoreField(other);
  }
  return differencer.Compare(a, b);
}

// Whether two list entries are equal apart from their `updated`.
bool SameEntry(const Message& a, const Message& b,
               const FieldDescriptor* updated) {
  MessageDifferencer differencer;
  differencer.IgnoreField(updated);
  return differencer.Compare(a, b);
}

bool IsSet(const Message& m, const FieldDescriptor* f) {
  const Reflection* r = m.GetReflection();
  return f->is_repeated() ? r->FieldSize(m, f) > 0 : r->HasField(m, f);
}

// The entries of `list` in `m` by their first field (a string); the first
// entry of each value, as a scan from the start would find it.
internal::HashMap<std::string, const Message*> EntriesByKey(
    const Message& m, const FieldDescriptor* list) {
  const Reflection* r = m.GetReflection();
  const FieldDescriptor* key = list->message_type()->field(0);
  internal::HashMap<std::string, const Message*> out;
  out.reserve(r->FieldSize(m, list));
  for (int i = 0; i < r->FieldSize(m, list); ++i) {
    const Message& e = r->GetRepeatedMessage(m, list, i);
    out.emplace(e.GetReflection()->GetString(e, key), &e);
  }
  return out;
}

// One section of the charter (strategy, synergy, ...).
void StampSection(const Message& before, const std::string& today,
                  Message* after) {
  const Descriptor* d = after->GetDescriptor();
  const Reflection* r = after->GetReflection();
  for (int i = 0; i < d->field_count(); ++i) {
    const FieldDescriptor* f = d->field(i);
    // X with its sibling X_updated.
    if (const FieldDescriptor* date =
            d->FindFieldByName(f->name() + std::string(kUpdatedSuffix))) {
      const bool dated = !r->GetString(*after, date).empty();
      const bool date_kept = SameField(before, *after, date);
      const bool changed = !SameField(before, *after, f);
      if (IsSet(*after, f) && ((changed && date_kept) || !dated)) {
        r->SetString(after, date, today);
      }
      continue;
    }
    // A list of entries, each with its own `updated`.
    if (!f->is_repeated() || f->type() != FieldDescriptor::TYPE_MESSAGE) {
      continue;
    }
    const FieldDescriptor* updated =
        f->message_type()->FindFieldByName("updated");
    const FieldDescriptor* key = f->message_type()->field(0);
    if (updated == nullptr || key->type() != FieldDescriptor::TYPE_STRING) {
      continue;
    }
    const internal::HashMap<std::string, const Message*> earlier =
        EntriesByKey(before, f);
    for (int k = 0; k < r->FieldSize(*after, f); ++k) {
      Message* entry = r->MutableRepeatedMessage(after, f, k);
      const Reflection* er = entry->GetReflection();
      const std::string date = er->GetString(*entry, updated);
      auto match = earlier.find(er->GetString(*entry, key));
      const Message* old = match == earlier.end() ? nullptr : match->second;
      const bool changed_undated =
          old != nullptr && !SameEntry(*old, *entry, updated) &&
          old->GetReflection()->GetString(*old, updated) == date;
      if (date.empty() || changed_undated) {
        er->SetString(entry, updated, today);
      }
    }
  }
}

}  // namespace

void StampCharter(const v1::Charter& before, absl::CivilDay today,
                  v1::Charter* after) {
  const std::string day = FormatCivilDate(today);
  if (after->has_strategy()) {
    StampSection(before.strategy(), day, after->mutable_strategy());
  }
  if (after->has_synergy()) {
    StampSection(before.synergy(), day, after->mutable_synergy());
  }
  if (after->has_structure()) {
    StampSection(before.structure(), day, after->mutable_structure());
  }
  if (after->has_steering()) {
    StampSection(before.steering(), day, after->mutable_steering());
  }
  if (after->has_success()) {
    StampSection(before.success(), day, after->mutable_success());
  }
}

}  // namespace fives
