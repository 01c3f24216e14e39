#include "fives/score_stats.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>

#include "absl/numeric/int128.h"

namespace fives {
namespace {

constexpr int kK = kScoreCategories;
// sigma_EU^2 = (A^2 - 1) / 12 for A = 5 categories.
constexpr double kUniformVariance = (kK * kK - 1) / 12.0;
// d = the scale's range, in Tastle & Wierman's consensus.
constexpr int kRange = kMaxScore - kMinScore;
// Labels compare measures computed in floating point against thresholds: a
// value within this distance of the threshold counts as on it.
constexpr double kLabelTolerance = 1e-9;

// van der Eijk's agreement of one layer, a 0/1 pattern over the K categories
// (bit i set = category i present).
double LayerAgreement(unsigned pattern) {
  int present = 0;
  for (int i = 0; i < kK; ++i) present += (pattern >> i) & 1;
  if (present == 1) return 1.0;
  long tu = 0, tdu = 0;
  for (int i = 0; i < kK; ++i) {
    for (int j = i + 1; j < kK; ++j) {
      for (int k = j + 1; k < kK; ++k) {
        const bool a = (pattern >> i) & 1, b = (pattern >> j) & 1,
                   c = (pattern >> k) & 1;
        if (a && !b && c) ++tdu;
        if ((a && b && !c) || (!a && b && c)) ++tu;
      }
    }
  }
  if (tu + tdu == 0) return 0.0;
  const double u = static_cast<double>((kK - 2) * tu - (kK - 1) * tdu) /
                   static_cast<double>((kK - 2) * (tu + tdu));
  return u * (1.0 - static_cast<double>(present - 1) / (kK - 1));
}

// The agreement of every possible layer pattern, computed once.
const std::array<double, 1u << kK>& LayerAgreementTable() {
  static const std::array<double, 1u << kK> table = [] {
    std::array<double, 1u << kK> t{};
    for (unsigned p = 1; p < t.size(); ++p) t[p] = LayerAgreement(p);
    return t;
  }();
  return table;
}

// The score at 0-based position `k` of the sorted scores.
int OrderStatistic(const ScoreHistogram::Counts& c, int64_t k) {
  int64_t seen = 0;
  for (int i = 0; i < kK; ++i) {
    seen += c[i];
    if (k < seen) return kMinScore + i;
  }
  return kMaxScore;
}

}  // namespace

absl::string_view AgreementLabelKey(AgreementLabel label) {
  switch (label) {
    case AgreementLabel::kSingle:
      return "single";
    case AgreementLabel::kShared:
      return "shared";
    case AgreementLabel::kMixed:
      return "mixed";
    case AgreementLabel::kSplit:
      return "split";
  }
  return "single";
}

v1::AgreementLabel ToProto(AgreementLabel label) {
  switch (label) {
    case AgreementLabel::kSingle:
      return v1::AGREEMENT_LABEL_SINGLE;
    case AgreementLabel::kShared:
      return v1::AGREEMENT_LABEL_SHARED;
    case AgreementLabel::kMixed:
      return v1::AGREEMENT_LABEL_MIXED;
    case AgreementLabel::kSplit:
      return v1::AGREEMENT_LABEL_SPLIT;
  }
  return v1::AGREEMENT_LABEL_UNSPECIFIED;
}

double VanDerEijkAgreement(const ScoreHistogram& histogram) {
  ScoreHistogram::Counts rest = histogram.counts();
  const int64_t n = histogram.n();
  if (n <= 1) return 1.0;
  const auto& table = LayerAgreementTable();
  double weighted = 0;
  // Peel layers: take the smallest non-zero count off every non-zero
  // category; each layer weighs (its size) / n.
  for (;;) {
    unsigned pattern = 0;
    int64_t smallest = 0;
    int present = 0;
    for (int i = 0; i < kK; ++i) {
      if (rest[i] == 0) continue;
      pattern |= 1u << i;
      ++present;
      if (smallest == 0 || rest[i] < smallest) smallest = rest[i];
    }
    if (pattern == 0) break;
    weighted += static_cast<double>(smallest * present) * table[pattern];
    for (int i = 0; i < kK; ++i) {
      if (rest[i] != 0) rest[i] -= smallest;
    }
  }
  return weighted / static_cast<double>(n);
}

bool TwoCamps(const ScoreHistogram& histogram) {
  const ScoreHistogram::Counts& c = histogram.counts();
  const int64_t low = c[0] + c[1], high = c[3] + c[4];
  const int64_t n = low + c[2] + high;
  auto camp = [n](int64_t size) { return size >= 2 && 4 * size >= n; };
  // Fewer in the middle than in either camp: a bell around 3 (2,3,3,3,4)
  // is one view with some spread, not two.
  return camp(low) && camp(high) && c[2] < std::min(low, high);
}

ScoreStats ComputeScoreStats(const ScoreHistogram& histogram,
                             const AgreementThresholds& thresholds) {
  ScoreStats s;
  s.histogram = histogram;
  const ScoreHistogram::Counts& c = histogram.counts();
  int64_t n = 0, sum = 0;
  absl::int128 sum_squares = 0;
  int categories = 0;
  for (int i = 0; i < kK; ++i) {
    const int score = kMinScore + i;
    n += c[i];
    sum += c[i] * score;
    sum_squares += absl::int128(c[i]) * (score * score);
    if (c[i] > 0) {
      ++categories;
      if (!s.min) s.min = score;
      s.max = score;
    }
  }
  s.n = n;
  if (n == 0) return s;

  const double dn = static_cast<double>(n);
  s.mean = static_cast<double>(sum) / dn;
  const int lower = OrderStatistic(c, (n - 1) / 2);
  const int upper = OrderStatistic(c, n / 2);
  const int twice_median = lower + upper;
  s.median = twice_median / 2.0;

  // Every absolute deviation is kept as an exact integer numerator:
  // |x - mean| = |n x - sum| / n and |x - median| = |2 x - 2 median| / 2.
  int64_t dev_mean = 0, dev_median = 0;
  double log_sum = 0;  // sum of c_i log2(1 - |i - mean| / d)
  for (int i = 0; i < kK; ++i) {
    if (c[i] == 0) continue;
    const int score = kMinScore + i;
    const int64_t d = std::llabs(n * score - sum);
    dev_mean += c[i] * d;
    dev_median += c[i] * std::abs(2 * score - twice_median);
    if (categories > 1) {
      log_sum += static_cast<double>(c[i]) *
                 std::log2(static_cast<double>(kRange * n - d) /
                           static_cast<double>(kRange * n));
    }
  }
  s.consensus = categories > 1 ? 1.0 + log_sum / dn : 1.0;
  s.agreement = VanDerEijkAgreement(histogram);

  if (n >= 2) {
    // s^2 = (n * sum_squares - sum^2) / (n (n - 1)), exact up to the division.
    const absl::int128 numerator =
        absl::int128(n) * sum_squares - absl::int128(sum) * sum;
    const double variance =
        static_cast<double>(numerator) / (dn * static_cast<double>(n - 1));
    s.sd = std::sqrt(variance);
    s.rwg_raw = 1.0 - variance / kUniformVariance;
    s.rwg = variance >= kUniformVariance ? 0.0 : *s.rwg_raw;
    s.ad_mean = static_cast<double>(dev_mean) / (dn * dn);
    s.ad_median = static_cast<double>(dev_median) / (2.0 * dn);
    s.ad_above_cutoff = *s.ad_mean > thresholds.ad_cutoff + kLabelTolerance;
    if (*s.agreement < thresholds.split_agreement - kLabelTolerance ||
        TwoCamps(histogram)) {
      s.label = AgreementLabel::kSplit;
    } else if (*s.rwg >= thresholds.shared_rwg - kLabelTolerance) {
      s.label = AgreementLabel::kShared;
    } else {
      s.label = AgreementLabel::kMixed;
    }
  }
  return s;
}

absl::StatusOr<ScoreStats> ComputeScoreStats(
    absl::Span<const int> scores, const AgreementThresholds& thresholds) {
  if (scores.empty()) {
    return absl::InvalidArgumentError("scores: empty, expected at least one");
  }
  absl::StatusOr<ScoreHistogram> h = ScoreHistogram::FromScores(scores);
  if (!h.ok()) return h.status();
  return ComputeScoreStats(*h, thresholds);
}

v1::PillarStats ToProto(const ScoreStats& s) {
  v1::PillarStats p;
  p.set_n(static_cast<int32_t>(s.n));
  if (s.mean) p.set_mean(*s.mean);
  if (s.median) p.set_median(*s.median);
  if (s.sd) p.set_sd(*s.sd);
  if (s.min) p.set_min(*s.min);
  if (s.max) p.set_max(*s.max);
  if (s.n > 0) {
    for (int64_t count : s.histogram.counts()) p.add_histogram(count);
  }
  if (s.rwg) p.set_rwg(*s.rwg);
  if (s.rwg_raw) p.set_rwg_raw(*s.rwg_raw);
  if (s.ad_mean) p.set_ad_mean(*s.ad_mean);
  if (s.ad_median) p.set_ad_median(*s.ad_median);
  if (s.consensus) p.set_consensus(*s.consensus);
  if (s.agreement) p.set_agreement(*s.agreement);
  p.set_label(ToProto(s.label));
  p.set_ad_above_cutoff(s.ad_above_cutoff);
  p.set_disclosure(v1::DISCLOSURE_FULL);
  return p;
}

}  // namespace fives
