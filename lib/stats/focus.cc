#include "fives/focus.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"

namespace fives {
namespace {

// Means and consensus values that differ by less than this are a tie: both
// come from small integer ratios, so real differences are far larger.
constexpr double kTieTolerance = 1e-9;

struct Entry {
  Pillar pillar;
  bool has_data;
  double key;  // smaller ranks first
  double consensus;
  v1::FocusCandidate candidate;
};

bool Tied(double a, double b) { return std::fabs(a - b) < kTieTolerance; }

}  // namespace

absl::Status FocusOptions::SetTargets(
    const google::protobuf::RepeatedPtrField<v1::PillarTarget>& list) {
  std::array<std::optional<double>, kPillarCount> parsed = {};
  for (int i = 0; i < list.size(); ++i) {
    const std::string where = absl::StrCat("targets[", i, "]");
    absl::StatusOr<Pillar> p =
        PillarFromProto(list[i].pillar(), where + ".pillar");
    if (!p.ok()) return p.status();
    if (parsed[PillarIndex(*p)]) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ".pillar: ", PillarKey(*p), " has two targets"));
    }
    parsed[PillarIndex(*p)] = list[i].target();
  }
  targets = parsed;
  return absl::OkStatus();
}

absl::StatusOr<std::vector<v1::FocusCandidate>> RankFocus(
    const google::protobuf::RepeatedPtrField<v1::PillarStats>& stats,
    const FocusOptions& options) {
  if (options.rule != v1::FOCUS_RULE_LOWEST_MEAN &&
      options.rule != v1::FOCUS_RULE_LARGEST_GAP) {
    return absl::InvalidArgumentError(absl::StrCat(
        "rule: ", static_cast<int>(options.rule),
        " is not FOCUS_RULE_LOWEST_MEAN or FOCUS_RULE_LARGEST_GAP"));
  }
  const bool by_gap = options.rule == v1::FOCUS_RULE_LARGEST_GAP;
  std::array<bool, kPillarCount> seen = {};
  std::vector<Entry> entries;
  for (int i = 0; i < stats.size(); ++i) {
    const v1::PillarStats& s = stats[i];
    absl::StatusOr<Pillar> p =
        PillarFromProto(s.pillar(), absl::StrCat("stats[", i, "].pillar"));
    if (!p.ok()) return p.status();
    if (seen[PillarIndex(*p)]) {
      return absl::InvalidArgumentError(absl::StrCat(
          "stats[", i, "].pillar: ", PillarKey(*p), " appears twice"));
    }
    seen[PillarIndex(*p)] = true;
    Entry e{*p, s.has_mean(), 0, s.has_consensus() ? s.consensus() : 1.0, {}};
    e.candidate.set_pillar(s.pillar());
    e.candidate.set_talk_first(s.label() == v1::AGREEMENT_LABEL_SPLIT);
    if (s.has_mean()) e.candidate.set_mean(s.mean());
    if (s.has_consensus()) e.candidate.set_consensus(s.consensus());
    if (by_gap) {
      const std::optional<double>& target = options.targets[PillarIndex(*p)];
      if (!target) {
        return absl::InvalidArgumentError(
            absl::StrCat("targets: no target for pillar ", PillarKey(*p),
                         " (FOCUS_RULE_LARGEST_GAP needs one per pillar)"));
      }
      if (!(*target >= 1 && *target <= 5)) {
        return absl::InvalidArgumentError(
            absl::StrCat("targets: ", *target, " for pillar ", PillarKey(*p),
                         " is outside 1..5"));
      }
      if (e.has_data) {
        e.candidate.set_gap(*target - s.mean());
        e.key = -(*target - s.mean());
      }
    } else if (e.has_data) {
      e.key = s.mean();
    }
    entries.push_back(std::move(e));
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    if (a.has_data != b.has_data) return a.has_data;
    if (a.has_data) {
      if (!Tied(a.key, b.key)) return a.key < b.key;
      if (!Tied(a.consensus, b.consensus)) return a.consensus < b.consensus;
    }
    return PillarIndex(a.pillar) < PillarIndex(b.pillar);
  });
  std::vector<v1::FocusCandidate> ranking;
  ranking.reserve(entries.size());
  for (size_t i = 0; i < entries.size(); ++i) {
    Entry& e = entries[i];
    v1::FocusReason reason =
        by_gap ? v1::FOCUS_REASON_LARGEST_GAP : v1::FOCUS_REASON_LOWEST_MEAN;
    if (!e.has_data) {
      reason = v1::FOCUS_REASON_NOT_ENOUGH_DATA;
    } else if (i > 0 && Tied(entries[i - 1].key, e.key)) {
      reason = Tied(entries[i - 1].consensus, e.consensus)
                   ? v1::FOCUS_REASON_TIE_ORDER
                   : v1::FOCUS_REASON_TIE_CONSENSUS;
    }
    e.candidate.set_rank(static_cast<int>(i) + 1);
    e.candidate.set_reason(reason);
    ranking.push_back(std::move(e.candidate));
  }
  return ranking;
}

}  // namespace fives
