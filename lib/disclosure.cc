#include "fives/disclosure.h"

#include <algorithm>
#include <cstdint>
#include <tuple>

#include "absl/container/flat_hash_map.h"
#include "fives/civil_date.h"

namespace fives {

v1::Disclosure DisclosureTier(v1::RoundMode mode, int64_t n,
                              const PrivacyThresholds& privacy) {
  if (mode != v1::ROUND_MODE_CONFIDENTIAL) return v1::DISCLOSURE_FULL;
  if (n < privacy.min_responses) return v1::DISCLOSURE_TOO_FEW_RESPONSES;
  if (n < privacy.min_distribution) return v1::DISCLOSURE_NO_DISTRIBUTION;
  return v1::DISCLOSURE_FULL;
}

v1::PillarStats DisclosedStats(Pillar pillar, const ScoreStats& stats,
                               v1::RoundMode mode,
                               const PrivacyThresholds& privacy,
                               const Differencing& differencing) {
  v1::PillarStats out;
  v1::Disclosure tier = DisclosureTier(mode, stats.n, privacy);
  const bool differenced = tier != v1::DISCLOSURE_TOO_FEW_RESPONSES &&
                           mode == v1::ROUND_MODE_CONFIDENTIAL &&
                           !differencing.against.empty();
  if (differenced && !differencing.warn) tier = v1::DISCLOSURE_HELD_BACK;
  switch (tier) {
    case v1::DISCLOSURE_FULL:
      out = ToProto(stats);
      break;
    case v1::DISCLOSURE_NO_DISTRIBUTION:
      out.set_n(static_cast<int32_t>(stats.n));
      if (stats.mean) out.set_mean(*stats.mean);
      break;
    default:  // too few, or held back: only n
      out.set_n(static_cast<int32_t>(stats.n));
      break;
  }
  out.set_disclosure(tier);
  if (differenced) {
    out.set_held_back_against(differencing.against);
    out.set_differencing_warning(differencing.warn);
  }
  out.set_pillar(ToProto(pillar));
  return out;
}

v1::PillarStats DisclosedStats(const Round& round, Pillar pillar,
                               const Differencing& differencing) {
  ScoreStats stats;
  const int64_t n = round.ScoreCount(pillar);
  const ScoreHistogram histogram = round.Histogram(pillar);
  if (histogram.n() == n) {
    stats = ComputeScoreStats(histogram, round.agreement());
  } else {
    stats.n = n;  // counts discarded at close: below min_responses
  }
  return DisclosedStats(pillar, stats, round.proto().mode(), round.privacy(),
                        differencing);
}

bool IsReleased(const v1::PillarStats& stats) { return stats.has_mean(); }

bool MayCompare(const v1::PillarStats& before, const v1::PillarStats& after) {
  return before.disclosure() == v1::DISCLOSURE_FULL &&
         after.disclosure() == v1::DISCLOSURE_FULL && before.n() > 0 &&
         after.n() > 0;
}

namespace {

// A set of members as bits, over the journal's members numbered once.
class MemberSet {
 public:
  void Add(int index) {
    const size_t word = static_cast<size_t>(index) / 64;
    if (bits_.size() <= word) bits_.resize(word + 1, 0);
    bits_[word] |= uint64_t{1} << (index % 64);
  }
  int Size() const {
    int n = 0;
    for (uint64_t w : bits_) n += __builtin_popcountll(w);
    return n;
  }
  int Common(const MemberSet& other) const {
    int n = 0;
    const size_t words = std::min(bits_.size(), other.bits_.size());
    for (size_t i = 0; i < words; ++i) {
      n += __builtin_popcountll(bits_[i] & other.bits_[i]);
    }
    return n;
  }

 private:
  std::vector<uint64_t> bits_;
};

// What a round tells of who answered one pillar: the `n` who did are among
// `pool` (exactly `pool` when n equals its size).
struct Respondents {
  MemberSet pool;
  int pool_size = 0;
  int n = 0;
};

// Whether the people behind `a` and `b` can differ by at least one and
// fewer than `min_responses`: some choice of the n of each pool, consistent
// with what is stored, has a symmetric difference in [1, min_responses).
bool CanDifferenceSmall(const Respondents& a, const Respondents& b,
                        int min_responses) {
  const int common = a.pool.Common(b.pool);
  // k, the number who answered both, ranges over [k_min, k_max].
  const int k_max = std::min({a.n, b.n, common});
  const int in_common_a = std::max(0, a.n - (a.pool_size - common));
  const int in_common_b = std::max(0, b.n - (b.pool_size - common));
  const int k_min = std::max(0, in_common_a + in_common_b - common);
  if (k_min > k_max) return false;
  // The symmetric difference is n_a + n_b - 2k.
  const int d_min = a.n + b.n - 2 * k_max;
  const int d_max = a.n + b.n - 2 * k_min;
  int d = std::max(d_min, 1);
  if ((d - d_min) % 2 != 0) ++d;
  return d <= d_max && d < min_responses;
}

struct Judged {
  const v1::Round* round;
  std::array<Respondents, kPillarCount> respondents;
  // Released per pillar (mean or more shown to readers).
  std::array<bool, kPillarCount> released = {};
};

}  // namespace

DifferencingGuard::DifferencingGuard(const v1::Journal& journal) {
  const bool warn =
      journal.config().differencing() == v1::DIFFERENCING_POLICY_WARN;
  absl::flat_hash_map<absl::string_view, int> index;
  for (const v1::Member& m : journal.team().members()) {
    index.emplace(m.id(), static_cast<int>(index.size()));
  }
  int next_unknown = static_cast<int>(index.size());
  auto number = [&](absl::string_view id) {
    auto it = index.find(id);
    return it == index.end() ? next_unknown++ : it->second;
  };

  // Closed rounds in the order they were closed.
  std::vector<std::tuple<int, absl::CivilDay, int>> order;
  for (int i = 0; i < journal.rounds_size(); ++i) {
    const v1::Round& r = journal.rounds(i);
    if (r.state() != v1::ROUND_STATE_CLOSED) continue;
    absl::StatusOr<absl::CivilDay> closed = ParseCivilDate(r.closed_on(), "");
    order.emplace_back(r.close_order(),
                       closed.ok() ? *closed : absl::CivilDay(), i);
  }
  std::sort(order.begin(), order.end());

  std::vector<Judged> judged;
  judged.reserve(order.size());
  for (const auto& [close_order, closed_on, i] : order) {
    const v1::Round& r = journal.rounds(i);
    const bool confidential = r.mode() == v1::ROUND_MODE_CONFIDENTIAL;
    const PrivacyThresholds privacy =
        PrivacyThresholds::FromProto(r.thresholds())
            .value_or(PrivacyThresholds{});
    Judged j{&r, {}, {}};
    std::array<bool, kPillarCount> asked = {};
    if (confidential) {
      MemberSet pool;
      for (const std::string& id : r.participants()) pool.Add(number(id));
      for (const v1::PillarTally& t : r.tallies()) {
        if (!IsValidPillar(t.pillar())) continue;
        const size_t p = static_cast<size_t>(t.pillar()) - 1;
        asked[p] = true;
        j.respondents[p] = {pool, r.participants_size(),
                            static_cast<int>(Round::TallyCount(t))};
      }
    } else {
      for (const v1::Response& response : r.responses()) {
        const int member = number(response.member_id());
        for (const v1::PillarScore& s : response.scores()) {
          if (!IsValidPillar(s.pillar())) continue;
          const size_t p = static_cast<size_t>(s.pillar()) - 1;
          asked[p] = true;
          j.respondents[p].pool.Add(member);
          ++j.respondents[p].n;
        }
      }
      // Forgotten members answered under their pseudonym, and their scores
      // are no longer linked to it: with partial answers, which pillars
      // each answered is not known.
      for (const v1::PillarTally& t : r.forgotten_scores()) {
        if (!IsValidPillar(t.pillar())) continue;
        const size_t p = static_cast<size_t>(t.pillar()) - 1;
        asked[p] = true;
        Respondents& who = j.respondents[p];
        who.pool_size = who.n;
        for (const std::string& id : r.forgotten_participants()) {
          who.pool.Add(number(id));
          ++who.pool_size;
        }
        who.n += static_cast<int>(Round::TallyCount(t));
      }
      for (size_t p = 0; p < kPillarCount; ++p) {
        Respondents& who = j.respondents[p];
        if (r.forgotten_scores_size() == 0) who.pool_size = who.n;
      }
    }
    RoundDifferencing found;
    for (size_t p = 0; p < kPillarCount; ++p) {
      if (!asked[p]) continue;
      const Respondents& who = j.respondents[p];
      if (DisclosureTier(r.mode(), who.n, privacy) ==
          v1::DISCLOSURE_TOO_FEW_RESPONSES) {
        continue;
      }
      bool released = true;
      if (confidential) {
        // The latest earlier released round it could be differenced against.
        for (auto e = judged.rbegin(); e != judged.rend(); ++e) {
          if (!e->released[p]) continue;
          if (CanDifferenceSmall(e->respondents[p], who,
                                 privacy.min_responses)) {
            found[p] = {e->round->id(), warn};
            released = warn;
            break;
          }
        }
      }
      j.released[p] = released;
    }
    found_.emplace(r.id(), found);
    judged.push_back(std::move(j));
  }
}

const RoundDifferencing& DifferencingGuard::For(
    absl::string_view round_id) const {
  static const RoundDifferencing kNothing = {};
  auto it = found_.find(round_id);
  return it == found_.end() ? kNothing : it->second;
}

}  // namespace fives
