#include "fives/disclosure.h"

#include <algorithm>
#include <cstdint>
#include <tuple>

#include "fives/civil_date.h"
#include "hash_table.h"

namespace fives {

v1::PillarStats DisclosedStats(Pillar pillar, const ScoreStats& stats,
                               v1::RoundMode mode,
                               const PrivacyThresholds& privacy,
                               const Differencing& differencing) {
  v1::PillarStats out;
  v1::Disclosure tier = DisclosureTier(mode, stats.n, privacy);
  const bool differenced = tier != v1::DISCLOSURE_TOO_FEW_RESPONSES &&
                           mode == v1::ROUND_MODE_CONFIDENTIAL &&
                           !differencing.against.empty();
  if (differenced && !differencing.warn) {
    tier = differencing.mean_only ? v1::DISCLOSURE_NO_DISTRIBUTION
                                  : v1::DISCLOSURE_HELD_BACK;
  }
  out = StatsAtTier(pillar, stats, tier);
  if (differenced) {
    out.set_held_back_against(differencing.against);
    out.set_differencing_warning(differencing.warn);
    out.set_held_back_combination(differencing.combination);
  }
  return out;
}

v1::PillarStats StatsAtTier(Pillar pillar, const ScoreStats& stats,
                            v1::Disclosure tier) {
  v1::PillarStats out;
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
  out.set_pillar(ToProto(pillar));
  return out;
}

bool CanDifferByFewer(const GroupOverlap& groups, int limit) {
  const int common = groups.common;
  // k, the number who answered both, ranges over [k_min, k_max].
  const int k_max = std::min({groups.n_a, groups.n_b, common});
  const int in_common_a = std::max(0, groups.n_a - (groups.pool_a - common));
  const int in_common_b = std::max(0, groups.n_b - (groups.pool_b - common));
  const int k_min = std::max(0, in_common_a + in_common_b - common);
  if (k_min > k_max) return false;
  // The symmetric difference is n_a + n_b - 2k.
  const int d_min = groups.n_a + groups.n_b - 2 * k_max;
  const int d_max = groups.n_a + groups.n_b - 2 * k_min;
  int d = std::max(d_min, 1);
  if ((d - d_min) % 2 != 0) ++d;
  return d <= d_max && d < limit;
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
  // One past the highest member number in the set.
  int Bits() const {
    for (size_t w = bits_.size(); w > 0; --w) {
      if (bits_[w - 1] != 0) {
        return static_cast<int>(64 * (w - 1)) + 64 -
               __builtin_clzll(bits_[w - 1]);
      }
    }
    return 0;
  }
  int Size() const {
    int n = 0;
    for (uint64_t w : bits_) n += __builtin_popcountll(w);
    return n;
  }
  bool Has(int index) const {
    const size_t word = static_cast<size_t>(index) / 64;
    return word < bits_.size() && (bits_[word] >> (index % 64)) & 1;
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
// fewer than `min_responses`.
bool CanDifferenceSmall(const Respondents& a, const Respondents& b,
                        int min_responses) {
  return CanDifferByFewer(
      {a.pool_size, a.n, b.pool_size, b.n, a.pool.Common(b.pool)},
      min_responses);
}

// What readers have seen of one pillar of a round: nothing, the mean, or
// the distribution; and who can have answered it.
struct Seen {
  v1::Disclosure tier = v1::DISCLOSURE_UNSPECIFIED;
  Respondents respondents;
  PrivacyThresholds privacy;
};

// Beyond this many members (ever in the team) the combination check is not
// made; the pair check still is. An MT over decades stays far below.
constexpr int kMaxCombinationMembers = 256;

// Numbers the journal's members once; people nobody can name any more get
// numbers of their own.
class MemberNumbers {
 public:
  explicit MemberNumbers(const v1::Journal& j) {
    for (const v1::Member& m : j.team().members()) {
      index_.emplace(m.id(), static_cast<int>(index_.size()));
    }
  }
  int operator()(absl::string_view id) {
    auto it = index_.find(id);
    return it == index_.end() ? static_cast<int>(index_.size()) + extra_++
                              : it->second;
  }

 private:
  internal::HashMap<absl::string_view, int> index_;
  int extra_ = 0;
};

// Who can have answered each pillar of a stored round (asked[p] false for a
// pillar not asked).
std::array<Respondents, kPillarCount> RespondentsOf(
    const v1::Round& r, MemberNumbers& number,
    std::array<bool, kPillarCount>& asked) {
  std::array<Respondents, kPillarCount> who;
  asked = {};
  if (r.mode() == v1::ROUND_MODE_CONFIDENTIAL) {
    MemberSet pool;
    for (const std::string& id : r.participants()) pool.Add(number(id));
    for (const v1::PillarTally& t : r.tallies()) {
      if (!IsValidPillar(t.pillar())) continue;
      const size_t p = static_cast<size_t>(t.pillar()) - 1;
      asked[p] = true;
      who[p] = {pool, r.participants_size(),
                static_cast<int>(Round::TallyCount(t))};
    }
    return who;
  }
  for (const v1::Response& response : r.responses()) {
    const int member = number(response.member_id());
    for (const v1::PillarScore& s : response.scores()) {
      if (!IsValidPillar(s.pillar())) continue;
      const size_t p = static_cast<size_t>(s.pillar()) - 1;
      asked[p] = true;
      who[p].pool.Add(member);
      ++who[p].n;
    }
  }
  for (Respondents& w : who) w.pool_size = w.n;
  // Forgotten members answered under their pseudonym, and their scores are
  // no longer linked to it: which pillars each answered is not known.
  for (const v1::PillarTally& t : r.forgotten_scores()) {
    if (!IsValidPillar(t.pillar())) continue;
    const size_t p = static_cast<size_t>(t.pillar()) - 1;
    asked[p] = true;
    for (const std::string& id : r.forgotten_participants()) {
      who[p].pool.Add(number(id));
      ++who[p].pool_size;
    }
    who[p].n += static_cast<int>(Round::TallyCount(t));
  }
  return who;
}

// Closed before `b` in the journal's close order (close_order, then close
// date for rounds of older journals, then place).
bool ClosedBefore(const v1::Round& a, int a_index, const v1::Round& b,
                  int b_index) {
  auto key = [](const v1::Round& r, int index) {
    absl::StatusOr<absl::CivilDay> day = ParseCivilDate(r.closed_on(), "");
    return std::make_tuple(r.close_order(), day.ok() ? *day : absl::CivilDay(),
                           index);
  };
  return key(a, a_index) < key(b, b_index);
}

// Arithmetic modulo the prime 2^61 - 1. The matrices here hold 0 and 1, a
// row per round and a column per member. Up to 40 members every minor is
// below 2^61 in size (Hadamard's bound), so ranks modulo the prime are the
// ranks over the rationals; beyond, they differ only when the prime divides
// a minor.
constexpr uint64_t kPrime = (uint64_t{1} << 61) - 1;
uint64_t MulMod(uint64_t a, uint64_t b) {
  const unsigned __int128 p = static_cast<unsigned __int128>(a) * b;
  uint64_t r =
      static_cast<uint64_t>(p & kPrime) + static_cast<uint64_t>(p >> 61);
  return r >= kPrime ? r - kPrime : r;
}
uint64_t SubMod(uint64_t a, uint64_t b) {
  return a >= b ? a - b : a + kPrime - b;
}
uint64_t PowMod(uint64_t a, uint64_t e) {
  uint64_t r = 1;
  for (; e > 0; e >>= 1, a = MulMod(a, a)) {
    if (e & 1) r = MulMod(r, a);
  }
  return r;
}

// The people (columns) whose score the sums over `rows` determine, and the
// pairs whose two scores they tie together (a combination of the rows that
// is zero but on those two): from a basis of the rows' null space, a column
// is determined when its row in that basis is zero, a pair when their two
// rows are parallel.
struct Isolated {
  std::vector<int> singles;
  std::vector<std::pair<int, int>> pairs;
};
Isolated IsolatedBy(const std::vector<std::vector<uint64_t>>& rows,
                    int columns) {
  std::vector<std::vector<uint64_t>> m = rows;
  std::vector<int> pivot_of_column(columns, -1);
  int rank = 0;
  for (int c = 0; c < columns && rank < static_cast<int>(m.size()); ++c) {
    int r = rank;
    while (r < static_cast<int>(m.size()) && m[r][c] == 0) ++r;
    if (r == static_cast<int>(m.size())) continue;
    std::swap(m[r], m[rank]);
    const uint64_t inverse = PowMod(m[rank][c], kPrime - 2);
    for (uint64_t& v : m[rank]) v = MulMod(v, inverse);
    for (int other = 0; other < static_cast<int>(m.size()); ++other) {
      if (other == rank || m[other][c] == 0) continue;
      const uint64_t f = m[other][c];
      for (int k = 0; k < columns; ++k) {
        m[other][k] = SubMod(m[other][k], MulMod(f, m[rank][k]));
      }
    }
    pivot_of_column[c] = rank++;
  }
  // Null-space basis: one vector per free column.
  std::vector<std::vector<uint64_t>> kernel_rows(columns);  // per column
  for (int free = 0; free < columns; ++free) {
    if (pivot_of_column[free] >= 0) continue;
    for (int c = 0; c < columns; ++c) {
      uint64_t v = 0;
      if (c == free) {
        v = 1;
      } else if (pivot_of_column[c] >= 0) {
        v = SubMod(0, m[pivot_of_column[c]][free]);
      }
      kernel_rows[c].push_back(v);
    }
  }
  Isolated out;
  auto zero = [](const std::vector<uint64_t>& v) {
    return std::all_of(v.begin(), v.end(), [](uint64_t x) { return x == 0; });
  };
  for (int c = 0; c < columns; ++c) {
    if (zero(kernel_rows[c])) out.singles.push_back(c);
  }
  // Scale each row to a leading 1: two rows are parallel when equal.
  for (std::vector<uint64_t>& row : kernel_rows) {
    auto lead =
        std::find_if(row.begin(), row.end(), [](uint64_t x) { return x != 0; });
    if (lead == row.end()) continue;
    const uint64_t inverse = PowMod(*lead, kPrime - 2);
    for (uint64_t& v : row) v = MulMod(v, inverse);
  }
  for (int a = 0; a < columns; ++a) {
    if (zero(kernel_rows[a])) continue;
    for (int b = a + 1; b < columns; ++b) {
      if (kernel_rows[a] == kernel_rows[b]) out.pairs.emplace_back(a, b);
    }
  }
  return out;
}

}  // namespace

RoundDifferencing StoredDifferencing(const v1::Round& round) {
  RoundDifferencing out;
  for (const v1::PillarDifferencing& d : round.differencing()) {
    if (!IsValidPillar(d.pillar())) continue;
    out[static_cast<size_t>(d.pillar()) - 1] = {d.against(), d.mean_only(),
                                                d.warning(), d.combination()};
  }
  return out;
}

void StoreDifferencing(const RoundDifferencing& found, v1::Round& round) {
  round.clear_differencing();
  for (Pillar p : kAllPillars) {
    const Differencing& d = found[PillarIndex(p)];
    if (d.against.empty()) continue;
    v1::PillarDifferencing* stored = round.add_differencing();
    stored->set_pillar(ToProto(p));
    stored->set_against(d.against);
    stored->set_mean_only(d.mean_only);
    stored->set_warning(d.warn);
    stored->set_combination(d.combination);
  }
}

RoundDifferencing JudgeDifferencing(const v1::Journal& journal,
                                    absl::string_view round_id) {
  RoundDifferencing found;
  int index = -1;
  for (int i = 0; i < journal.rounds_size(); ++i) {
    if (journal.rounds(i).id() == round_id) index = i;
  }
  if (index < 0) return found;
  const v1::Round& r = journal.rounds(index);
  if (r.mode() != v1::ROUND_MODE_CONFIDENTIAL) return found;
  const bool warn =
      journal.config().differencing() == v1::DIFFERENCING_POLICY_WARN;
  MemberNumbers number(journal);
  auto thresholds = [](const v1::Round& round) {
    return PrivacyThresholds::FromProto(round.thresholds())
        .value_or(PrivacyThresholds{});
  };

  // What readers have seen of every other round, latest first.
  std::vector<std::pair<const v1::Round*, std::array<Seen, kPillarCount>>> seen;
  for (int i = journal.rounds_size() - 1; i >= 0; --i) {
    const v1::Round& e = journal.rounds(i);
    if (i == index) continue;
    const bool open_mode = e.mode() == v1::ROUND_MODE_OPEN;
    if (!open_mode && (e.state() != v1::ROUND_STATE_CLOSED ||
                       !ClosedBefore(e, i, r, index))) {
      continue;  // not reported yet, or judged after this one
    }
    std::array<bool, kPillarCount> asked;
    const std::array<Respondents, kPillarCount> who =
        RespondentsOf(e, number, asked);
    const PrivacyThresholds privacy = thresholds(e);
    const RoundDifferencing stored = StoredDifferencing(e);
    std::array<Seen, kPillarCount> s;
    for (size_t p = 0; p < kPillarCount; ++p) {
      if (!asked[p]) continue;
      v1::Disclosure tier = DisclosureTier(e.mode(), who[p].n, privacy);
      const Differencing& d = stored[p];
      if (!open_mode && tier != v1::DISCLOSURE_TOO_FEW_RESPONSES &&
          !d.against.empty() && !d.warn) {
        tier = d.mean_only ? v1::DISCLOSURE_NO_DISTRIBUTION
                           : v1::DISCLOSURE_HELD_BACK;
      }
      s[p] = {tier, who[p], privacy};
    }
    seen.emplace_back(&e, s);
  }

  std::array<bool, kPillarCount> asked;
  const std::array<Respondents, kPillarCount> who =
      RespondentsOf(r, number, asked);
  const PrivacyThresholds privacy = thresholds(r);
  for (size_t p = 0; p < kPillarCount; ++p) {
    if (!asked[p]) continue;
    const v1::Disclosure tier = DisclosureTier(r.mode(), who[p].n, privacy);
    if (tier == v1::DISCLOSURE_TOO_FEW_RESPONSES) continue;
    Differencing& d = found[p];
    for (const auto& [e, e_seen] : seen) {
      const Seen& s = e_seen[p];
      if (!ShowsMean(s.tier)) continue;
      const int min_responses =
          std::max(privacy.min_responses, s.privacy.min_responses);
      const int min_distribution =
          std::max(privacy.min_distribution, s.privacy.min_distribution);
      if (CanDifferenceSmall(s.respondents, who[p], min_responses)) {
        d = {e->id(), false, warn};
        break;  // held back: nothing milder can follow
      }
      if (d.against.empty() && tier == v1::DISCLOSURE_FULL &&
          s.tier == v1::DISCLOSURE_FULL &&
          CanDifferenceSmall(s.respondents, who[p], min_distribution)) {
        d = {e->id(), true, warn};
      }
    }
    if ((!d.against.empty() && !d.mean_only) || who[p].pool_size != who[p].n) {
      continue;  // held back already, or who answered is not known exactly
    }
    // Combinations of several rounds, where who answered is known exactly.
    std::vector<std::vector<uint64_t>> rows;
    const v1::Round* latest = nullptr;
    int columns = 0;
    for (const auto& [e, e_seen] : seen) {
      const Seen& s = e_seen[p];
      if (!ShowsMean(s.tier) || s.respondents.pool_size != s.respondents.n) {
        continue;
      }
      if (latest == nullptr) latest = e;
      columns = std::max(columns, s.respondents.pool.Bits());
    }
    if (latest == nullptr) continue;
    columns = std::max(columns, who[p].pool.Bits());
    if (columns > kMaxCombinationMembers) continue;
    auto row_of = [columns](const MemberSet& set) {
      std::vector<uint64_t> row(columns, 0);
      for (int c = 0; c < columns; ++c) row[c] = set.Has(c) ? 1 : 0;
      return row;
    };
    for (const auto& [e, e_seen] : seen) {
      const Seen& s = e_seen[p];
      if (!ShowsMean(s.tier) || s.respondents.pool_size != s.respondents.n) {
        continue;
      }
      rows.push_back(row_of(s.respondents.pool));
    }
    const Isolated before = IsolatedBy(rows, columns);
    rows.push_back(row_of(who[p].pool));
    const Isolated after = IsolatedBy(rows, columns);
    // One person, or two (min_responses is at least 3).
    const bool more = after.singles.size() > before.singles.size() ||
                      after.pairs.size() > before.pairs.size();
    if (more) d = {latest->id(), false, warn, true};
  }
  return found;
}

}  // namespace fives
