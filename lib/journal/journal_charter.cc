// The team charter of a journal: setting it, and ticking warning signals at
// a check.
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "fives/charter.h"
#include "fives/civil_date.h"
#include "fives/error_detail.h"
#include "fives/journal.h"
#include "fives/string_rules.h"
#include "google/protobuf/util/message_differencer.h"
#include "journal_internal.h"
#include "journal_limits.h"

namespace fives {

absl::Status journal_internal::AppendSignalTicks(
    v1::Journal& j, absl::string_view check_id,
    const std::vector<v1::SignalTick>& ticks, absl::string_view field) {
  std::set<std::tuple<int, int>> ticked;
  for (const v1::SignalTick& t : j.charter().signals()) {
    if (t.check_id() == check_id) ticked.emplace(t.pillar(), t.number());
  }
  for (size_t i = 0; i < ticks.size(); ++i) {
    const v1::SignalTick& t = ticks[i];
    const std::string where = absl::StrCat(field, "[", i, "]");
    if (!t.check_id().empty() && t.check_id() != check_id) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ".check_id: \"", t.check_id(),
                       "\" is not the check \"", check_id, "\""));
    }
    if (absl::Status s = CheckSignalTick(t, where); !s.ok()) return s;
    if (!ticked.emplace(t.pillar(), t.number()).second) {
      const Pillar pillar = *PillarFromProto(t.pillar());
      return WithDetail(
          absl::InvalidArgumentError(absl::StrCat(
              where, ": signal ", t.number(), " of ", PillarKey(pillar),
              " is ticked twice at check \"", check_id, "\"")),
          v1::ERROR_CODE_CHECK_SIGNAL_TWICE, {t.number(), pillar, check_id});
    }
  }
  for (const v1::SignalTick& t : ticks) {
    v1::SignalTick* added = j.mutable_charter()->add_signals();
    *added = t;
    added->set_check_id(std::string(check_id));
  }
  return absl::OkStatus();
}

absl::Status Journal::SetCharter(v1::Charter charter, absl::CivilDay today) {
  // Before any work that grows with the charter (StampCharter).
  if (absl::Status s = journal_internal::CheckCharterEntries(charter);
      !s.ok()) {
    return s;
  }
  if (absl::Status s = CheckStrings(charter, "charter"); !s.ok()) return s;
  if (absl::Status s = CheckCivilDate(today, "today"); !s.ok()) return s;
  const v1::Charter& current = proto_.charter();
  // Signals are the checks' record: the input may repeat them, not change
  // them. A tick of the input that does not check out (the deprecated
  // 0-based field, say) is named before it is compared.
  for (int i = 0; i < charter.signals_size(); ++i) {
    if (absl::Status s = CheckSignalTick(
            charter.signals(i), absl::StrCat("charter.signals[", i, "]"));
        !s.ok()) {
      return s;
    }
  }
  bool same_signals = charter.signals_size() == current.signals_size();
  for (int i = 0; same_signals && i < charter.signals_size(); ++i) {
    same_signals = google::protobuf::util::MessageDifferencer::Equals(
        charter.signals(i), current.signals(i));
  }
  if (charter.signals_size() > 0 && !same_signals) {
    return absl::InvalidArgumentError(absl::StrCat(
        "charter.signals: ", charter.signals_size(),
        " ticks that differ from the journal's ", current.signals_size(),
        "; warning signals are ticked at a check"));
  }
  *charter.mutable_signals() = current.signals();
  StampCharter(current, today, &charter);

  // Work on a copy: nothing is half-applied.
  v1::Journal j = proto_;
  *j.mutable_charter() = std::move(charter);
  if (absl::Status s = ValidateCharter(j, today); !s.ok()) return s;
  proto_ = std::move(j);
  return absl::OkStatus();
}

absl::Status Journal::TickSignals(absl::string_view check_id,
                                  const std::vector<v1::SignalTick>& ticks) {
  if (check_id.empty()) {
    return WithDetail(absl::InvalidArgumentError(
                          "check_id: empty, needs the id of a recorded check"),
                      v1::ERROR_CODE_CHECK_ID_EMPTY, {});
  }
  bool found = false;
  for (const v1::Check& c : proto_.checks())
    found = found || c.id() == check_id;
  if (!found) {
    return WithDetail(absl::NotFoundError(absl::StrCat("check_id: no check \"",
                                                       check_id, "\"")),
                      v1::ERROR_CODE_CHECK_UNKNOWN, {check_id});
  }
  v1::Journal j = proto_;
  if (absl::Status s =
          journal_internal::AppendSignalTicks(j, check_id, ticks, "ticks");
      !s.ok()) {
    return s;
  }
  if (absl::Status s = journal_internal::CheckCharterEntries(j.charter());
      !s.ok()) {
    return s;
  }
  proto_ = std::move(j);
  return absl::OkStatus();
}

}  // namespace fives
