#include "fives/trend.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <vector>

#include "absl/numeric/int128.h"
#include "fives/disclosure.h"

namespace fives {
namespace {

using LongDouble = long double;

// floor(a / b) and ceil(a / b) for b > 0.
int64_t FloorDiv(absl::int128 a, int64_t b) {
  absl::int128 q = a / b;
  if (q * b > a) --q;
  return static_cast<int64_t>(q);
}
int64_t CeilDiv(absl::int128 a, int64_t b) { return -FloorDiv(-a, b); }

// The permutation distribution in integers. The smaller group (m of the n
// pooled scores; the after group on a tie) is the one whose sum s is
// followed: a split's difference in means is (s * n - sum * m) / (m (n - m))
// up to sign, so a split is as extreme as the observed one exactly when
// s <= low or s >= high.
struct Pooled {
  std::array<int64_t, kScoreCategories> count = {};
  int64_t n = 0;
  int64_t m = 0;
  int64_t low = 0;
  int64_t high = 0;
  // Every split is as extreme (one score only, or no split on the lattice of
  // s strictly between low and high).
  bool every_split = false;
  // The lattice of s: m * min_score + step * y for integers y; y_low and
  // y_high are low and high on it, y_min and y_max the smallest and largest
  // sums of m pooled scores.
  int min_score = 0;
  int step = 0;
  int64_t y_low = 0;
  int64_t y_high = 0;
  int64_t y_min = 0;
  int64_t y_max = 0;
};

Pooled MakePooled(const ScoreHistogram& before, const ScoreHistogram& after) {
  Pooled p;
  const int64_t n1 = before.n(), n2 = after.n();
  p.n = n1 + n2;
  const bool after_drawn = n2 <= n1;
  p.m = after_drawn ? n2 : n1;
  int64_t sum = 0, drawn_sum = 0;
  for (int i = 0; i < kScoreCategories; ++i) {
    const int score = i + kMinScore;
    p.count[i] = before.counts()[i] + after.counts()[i];
    sum += p.count[i] * score;
    drawn_sum += (after_drawn ? after : before).counts()[i] * score;
  }
  absl::int128 d = absl::int128(drawn_sum) * p.n - absl::int128(sum) * p.m;
  if (d < 0) d = -d;
  p.high = CeilDiv(absl::int128(sum) * p.m + d, p.n);
  p.low = FloorDiv(absl::int128(sum) * p.m - d, p.n);
  p.min_score = 0;
  for (int i = kScoreCategories - 1; i >= 0; --i) {
    if (p.count[i] > 0) p.min_score = i + kMinScore;
  }
  for (int i = 0; i < kScoreCategories; ++i) {
    if (p.count[i] > 0) p.step = std::gcd(p.step, i + kMinScore - p.min_score);
  }
  if (p.step == 0) {  // one score only: every split is the same
    p.every_split = true;
    return p;
  }
  const int64_t base = p.m * p.min_score;
  p.y_high = CeilDiv(p.high - base, p.step);
  p.y_low = FloorDiv(p.low - base, p.step);
  p.every_split = p.y_low + 1 >= p.y_high;
  int64_t left = p.m;
  for (int i = 0; i < kScoreCategories && left > 0; ++i) {
    const int64_t t = std::min(left, p.count[i]);
    p.y_min += t * ((i + kMinScore - p.min_score) / p.step);
    left -= t;
  }
  left = p.m;
  for (int i = kScoreCategories - 1; i >= 0 && left > 0; --i) {
    const int64_t t = std::min(left, p.count[i]);
    p.y_max += t * ((i + kMinScore - p.min_score) / p.step);
    left -= t;
  }
  return p;
}

// ---------------------------------------------------------------------------
// Exact. A split puts k_i of the c_i pooled scores of column i (one column
// per score) in the smaller group, in C(c_1, k_1) ... C(c_5, k_5) ways, with
// k_1 + ... + k_5 = m. The two columns with the widest range of k ("d" and
// "e") are summed through cumulative tables; the other three are
// enumerated. Both the extreme splits and all splits are summed the same
// way, so any common factor of a column's weights cancels: a column's
// weights are C(c, k) theta^k (the theta^m of a split cancels too), scaled.
// ---------------------------------------------------------------------------

// Above kExactTrendScores a column's k is kept only where its probability
// is at least this fraction of the likeliest k's. What is left out has
// probability below 5 (m + 1) 2^-200 < 1e-50 in all, and moves the p-value
// by no more.
constexpr LongDouble kWindowFraction = 0x1p-200L;
// The window is about this many standard deviations of k on either side.
constexpr double kWindowDeviations = 16.7;

struct Column {
  int score = 0;
  int64_t count = 0;
  // The k kept, and weight[k - lo] proportional to C(count, k) theta^k.
  int64_t lo = 0;
  int64_t hi = 0;
  std::vector<double> weight = {1.0};
  int64_t size() const { return hi - lo + 1; }
};

// log C(a, b).
LongDouble LogChoose(int64_t a, int64_t b) {
  return std::lgamma(static_cast<LongDouble>(a) + 1) -
         std::lgamma(static_cast<LongDouble>(b) + 1) -
         std::lgamma(static_cast<LongDouble>(a - b) + 1);
}

// The k of the column that are possible and, above kExactTrendScores,
// likely enough (kWindowFraction). k is hypergeometric (m drawn from n, of
// which `count` are of this column), so its probability falls off on either
// side of the mode: each end is found by bisection on log probabilities.
void SetWindow(const Pooled& p, Column& col) {
  const int64_t c = col.count, n = p.n, m = p.m;
  const int64_t k_min = std::max<int64_t>(0, m - (n - c));
  const int64_t k_max = std::min(c, m);
  col.lo = k_min;
  col.hi = k_max;
  if (n <= kExactTrendScores) return;
  const int64_t mode = std::clamp(
      static_cast<int64_t>(static_cast<LongDouble>(m + 1) * (c + 1) / (n + 2)),
      k_min, k_max);
  auto log_p = [&](int64_t k) {
    return LogChoose(c, k) + LogChoose(n - c, m - k);
  };
  const LongDouble least = log_p(mode) + std::log(kWindowFraction);
  // The last k above the mode, and the first below, still at least `least`.
  int64_t in = mode, out = k_max + 1;
  while (out - in > 1) {
    const int64_t mid = in + (out - in) / 2;
    (log_p(mid) >= least ? in : out) = mid;
  }
  col.hi = in;
  in = mode;
  out = k_min - 1;
  while (in - out > 1) {
    const int64_t mid = out + (in - out) / 2;
    (log_p(mid) >= least ? in : out) = mid;
  }
  col.lo = in;
}

// weight[k - lo] = C(count, k) theta^k scaled to a maximum in [1, 2).
// Up to kExactTrendScores pooled scores the weights are computed from k = 0
// with theta a power of two and each step rounded as C(count, k + 1)
// itself, so that for small samples every sum below is one of exact
// integers (times a power of two) and the p-value is the exact ratio
// rounded once; C(1000, 500) < 2^1000 fits a double. Above, from k = lo
// with weight 1: within the window a column's weights span less than
// 2^210, whatever the sizes.
void SetWeights(const Pooled& p, LongDouble theta, Column& col) {
  const bool small = p.n <= kExactTrendScores;
  col.weight.resize(col.size());
  LongDouble x = 1;
  double top = 0;
  for (int64_t k = small ? 0 : col.lo; k <= col.hi; ++k) {
    if (k >= col.lo) {
      const double value = static_cast<double>(x);
      col.weight[k - col.lo] = value;
      top = std::max(top, value);
    }
    const LongDouble up = static_cast<LongDouble>(col.count - k);
    const LongDouble down = static_cast<LongDouble>(k + 1);
    // The division off the chain of products where exactness is not due.
    x = small ? x * up / down * theta : x * (up * theta / down);
  }
  const double scale = std::ldexp(1.0, -std::ilogb(top));
  for (double& value : col.weight) value *= scale;
}

// The sum over i in [from, to) of x[i] y[-i], in four partial sums so that
// the additions need not wait for each other.
double DotReversed(const double* x, const double* y, int64_t from, int64_t to) {
  double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  int64_t i = from;
  for (; i + 4 <= to; i += 4) {
    s0 += x[i] * y[-i];
    s1 += x[i + 1] * y[-i - 1];
    s2 += x[i + 2] * y[-i - 2];
    s3 += x[i + 3] * y[-i - 3];
  }
  for (; i < to; ++i) s0 += x[i] * y[-i];
  return (s0 + s1) + (s2 + s3);
}

// The exact p-value of a pooled sample with at least two scores.
double ExactPValue(const Pooled& p) {
  std::vector<Column> cols;
  for (int i = 0; i < kScoreCategories; ++i) {
    if (p.count[i] == 0) continue;
    Column col;
    col.score = i + kMinScore;
    col.count = p.count[i];
    SetWindow(p, col);
    cols.push_back(col);
  }
  std::stable_sort(
      cols.begin(), cols.end(),
      [](const Column& a, const Column& b) { return a.size() < b.size(); });
  // theta = m / (n - m) makes each column's weights peak near its likeliest
  // k; a power of two near it keeps small cases exact.
  LongDouble theta = static_cast<LongDouble>(p.m) / (p.n - p.m);
  if (p.n <= kExactTrendScores) theta = std::exp2(std::round(std::log2(theta)));
  for (Column& col : cols) SetWeights(p, theta, col);
  const Column* d = &cols[cols.size() - 2];
  const Column* e = &cols.back();
  if (d->score > e->score) std::swap(d, e);
  // The other columns, after empty ones (k = 0, weight 1) for absent
  // scores, so that the innermost loop below runs over a present column.
  const Column empty;
  std::array<const Column*, 3> small = {&empty, &empty, &empty};
  const size_t present_small = cols.size() - 2;
  for (size_t i = 0; i < present_small; ++i) {
    small[3 - present_small + i] = &cols[i];
  }
  const Column &a = *small[0], &b = *small[1], &c = *small[2];
  // x_order: the small columns by score, for the range of their sum.
  std::array<const Column*, 3> x_order = small;
  std::sort(
      x_order.begin(), x_order.end(),
      [](const Column* u, const Column* v) { return u->score < v->score; });

  // small_weight[j]: the weight of the small columns with M = small_lo + j.
  const int64_t small_lo = a.lo + b.lo + c.lo, small_hi = a.hi + b.hi + c.hi;
  std::vector<double> ab(a.size() + b.size() - 1, 0.0);
  for (int64_t i = 0; i < a.size(); ++i) {
    for (int64_t j = 0; j < b.size(); ++j)
      ab[i + j] += a.weight[i] * b.weight[j];
  }
  std::vector<double> small_weight(small_hi - small_lo + 1, 0.0);
  for (size_t i = 0; i < ab.size(); ++i) {
    for (int64_t j = 0; j < c.size(); ++j)
      small_weight[i + j] += ab[i] * c.weight[j];
  }

  const int64_t delta = e->score - d->score;
  const int64_t first_m = std::max(small_lo, p.m - (d->hi + e->hi));
  const int64_t last_m = std::min(small_hi, p.m - (d->lo + e->lo));
  std::vector<double> below, above, tail;
  LongDouble extreme = 0, total = 0;
  for (int64_t big_m = first_m; big_m <= last_m; ++big_m) {
    // r of the m in d and e, the rest M = big_m in the small columns.
    const int64_t r = p.m - big_m;
    const int64_t kd_lo = std::max(d->lo, r - e->hi);
    const int64_t kd_hi = std::min(d->hi, r - e->lo);
    if (kd_lo > kd_hi) continue;
    // The range of x, the sum of the small columns' scores in the group.
    int64_t x_lo = 0, x_hi = 0, left_lo = big_m, left_hi = big_m;
    for (const Column* col : x_order) {
      x_lo += col->score * col->lo;
      x_hi += col->score * col->lo;
      left_lo -= col->lo;
      left_hi -= col->lo;
    }
    for (int i = 0; i < 3; ++i) {
      const Column* up = x_order[i];
      const int64_t t = std::min(left_lo, up->hi - up->lo);
      x_lo += up->score * t;
      left_lo -= t;
      const Column* down = x_order[2 - i];
      const int64_t u = std::min(left_hi, down->hi - down->lo);
      x_hi += down->score * u;
      left_hi -= u;
    }
    // The whole sum is s = x + e.score r - delta k_d: extreme for
    // k_d <= k1(x) = floor((x + e.score r - high) / delta) or
    // k_d >= k2(x) = ceil((x + e.score r - low) / delta).
    const int64_t s_lo = x_lo + e->score * r, s_hi = x_hi + e->score * r;
    const int64_t k1_lo = FloorDiv(s_lo - p.high, delta);
    const int64_t k1_hi = FloorDiv(s_hi - p.high, delta);
    const int64_t k2_lo = CeilDiv(s_lo - p.low, delta);
    const int64_t k2_hi = CeilDiv(s_hi - p.low, delta);
    // below[k - k1_lo]: the weight of d and e with k_d <= k, and
    // above[k - k2_lo] with k_d >= k, each summed from its own end.
    below.assign(k1_hi - k1_lo + 1, 0.0);
    above.assign(k2_hi - k2_lo + 1, 0.0);
    const double* dw = &d->weight[kd_lo - d->lo];
    const double* ew =
        &e->weight[r - kd_lo - e->lo];  // ew[-i]: k_d = kd_lo + i
    const int64_t nd = kd_hi - kd_lo + 1;
    // Stored partial sums only where a threshold may fall.
    const int64_t up_from = std::clamp<int64_t>(k1_lo - kd_lo, 0, nd);
    const int64_t up_to = std::clamp<int64_t>(k1_hi - kd_lo + 1, up_from, nd);
    double acc = DotReversed(dw, ew, 0, up_from);
    for (int64_t i = up_from; i < up_to; ++i) {
      acc += dw[i] * ew[-i];
      below[kd_lo + i - k1_lo] = acc;
    }
    const double all = acc + DotReversed(dw, ew, up_to, nd);
    for (int64_t k = std::max(kd_hi + 1, k1_lo); k <= k1_hi; ++k) {
      below[k - k1_lo] = all;
    }
    const int64_t down_from = std::clamp<int64_t>(k2_hi - kd_lo + 1, 0, nd);
    const int64_t down_to = std::clamp<int64_t>(k2_lo - kd_lo, 0, down_from);
    acc = DotReversed(dw, ew, down_from, nd);
    for (int64_t i = down_from - 1; i >= down_to; --i) {
      acc += dw[i] * ew[-i];
      above[kd_lo + i - k2_lo] = acc;
    }
    for (int64_t k = k2_lo; k <= std::min(kd_lo - 1, k2_hi); ++k) {
      above[k - k2_lo] = all;
    }
    total += static_cast<LongDouble>(small_weight[big_m - small_lo]) * all;

    // tail[x - x_lo]: the weight of d and e that makes the sum extreme.
    tail.resize(x_hi - x_lo + 1);
    int64_t k1 = k1_lo, k2 = k2_lo;
    int64_t rem1 = (s_lo - p.high) - k1 * delta;  // in [0, delta)
    int64_t rem2 = k2 * delta - (s_lo - p.low);   // in [0, delta)
    for (int64_t x = x_lo; x <= x_hi; ++x) {
      tail[x - x_lo] = below[k1 - k1_lo] + above[k2 - k2_lo];
      if (++rem1 == delta) {
        rem1 = 0;
        ++k1;
      }
      if (--rem2 < 0) {
        rem2 += delta;
        ++k2;
      }
    }

    // The small columns: k_a + k_b + k_c = M.
    LongDouble sum = 0;
    const int64_t step = b.score - c.score;
    const int64_t ka_hi = std::min(a.hi, big_m - b.lo - c.lo);
    for (int64_t ka = a.lo; ka <= ka_hi; ++ka) {
      const int64_t rest = big_m - ka;
      const int64_t kb_lo = std::max(b.lo, rest - c.hi);
      const int64_t kb_hi = std::min(b.hi, rest - c.lo);
      if (kb_lo > kb_hi) continue;
      const double* bw = &b.weight[kb_lo - b.lo];
      const double* cw = &c.weight[rest - kb_lo - c.lo];  // cw[-i]
      const double* t = &tail[a.score * ka + b.score * kb_lo +
                              c.score * (rest - kb_lo) - x_lo];
      // Four sums, so that the additions need not wait for each other.
      double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      const int64_t len = kb_hi - kb_lo + 1;
      int64_t i = 0;
      for (; i + 4 <= len; i += 4) {
        s0 += bw[i] * cw[-i] * t[i * step];
        s1 += bw[i + 1] * cw[-i - 1] * t[(i + 1) * step];
        s2 += bw[i + 2] * cw[-i - 2] * t[(i + 2) * step];
        s3 += bw[i + 3] * cw[-i - 3] * t[(i + 3) * step];
      }
      for (; i < len; ++i) s0 += bw[i] * cw[-i] * t[i * step];
      sum += static_cast<LongDouble>(a.weight[ka - a.lo]) *
             ((s0 + s1) + (s2 + s3));
    }
    extreme += sum;
  }
  return std::min(1.0, static_cast<double>(extreme / total));
}

// The time ExactPValue takes, in steps of about half a nanosecond, from each
// column's expected window: one step for each (k_a, k_b, k_c) enumerated,
// twenty for each start of the innermost loop, three for each term of the
// cumulative sums of d and e, forty for each weight computed.
double ExactSteps(const Pooled& p) {
  struct Size {
    int score;
    double size;
  };
  std::vector<Size> sizes;
  const double n = static_cast<double>(p.n), m = static_cast<double>(p.m);
  for (int i = 0; i < kScoreCategories; ++i) {
    const double c = static_cast<double>(p.count[i]);
    if (c == 0) continue;
    double size = std::min(c, m) - std::max(0.0, m - (n - c)) + 1;
    if (p.n > kExactTrendScores) {
      const double sd =
          std::sqrt(m * (c / n) * (1 - c / n) * (n - m) / (n - 1));
      size = std::min(size, 2 * (kWindowDeviations * sd + 10) + 1);
    }
    sizes.push_back({i + kMinScore, size});
  }
  std::stable_sort(
      sizes.begin(), sizes.end(),
      [](const Size& a, const Size& b) { return a.size < b.size; });
  const size_t k = sizes.size();
  double triples = 1, ms = 1, x_span = 1, all = 0;
  int min_score = kMaxScore;
  for (size_t i = 0; i + 2 < k; ++i)
    min_score = std::min(min_score, sizes[i].score);
  for (size_t i = 0; i < k; ++i) {
    all += sizes[i].size;
    if (i + 2 < k) {
      triples *= sizes[i].size;
      ms += sizes[i].size - 1;
      x_span += (sizes[i].score - min_score) * (sizes[i].size - 1);
    }
  }
  // The inner loop starts once for each (k_a, M), k_a of the smallest.
  double starts = 0;
  if (k == 5) starts = sizes[0].size * (sizes[1].size + sizes[2].size);
  const double d = k >= 2 ? sizes[k - 2].size : 0;
  return triples + 20 * starts + 3 * ms * (d + x_span) + 40 * all;
}

// ---------------------------------------------------------------------------
// Saddlepoint. Independent draws k_i ~ Binomial(c_i, f), f = m / n,
// conditioned on k_1 + ... + k_5 = m have exactly the permutation
// distribution of the smaller group. With y = sum v_i k_i (v_i the lattice
// values of the present scores) the joint cumulant generating function of
// (size, y) is K(a, b) = sum c_i log(1 - f + f e^(a + b v_i)), and
// Skovgaard's approximation of P(y > q | size = m), q half an integer, is
//   Q(w) + phi(w) (1/u - 1/w),
//   w = sign(b) sqrt(2 sum c_i KL(p_i || f)),
//   u = 2 sinh(b / 2) sqrt(det K''(a, b) / (n f (1 - f))),
// at the saddlepoint K'(a, b) = (m, q), with p_i = f e^h / (1 - f + f e^h),
// h = a + b v_i, the tilted probability of column i. Long double throughout.
// ---------------------------------------------------------------------------

struct Tilted {
  int k = 0;  // present scores
  std::array<LongDouble, kScoreCategories> value = {}, count = {};
  LongDouble v_max = 0;
  LongDouble f = 0;  // m / n
  LongDouble n = 0;
};

// Upper tail of the standard normal, and its density.
LongDouble NormalTail(LongDouble z) {
  return 0.5L * std::erfc(z / std::sqrt(2.0L));
}
LongDouble NormalDensity(LongDouble z) {
  constexpr LongDouble kInvSqrt2Pi = 0.398942280401432677939946059934381868L;
  return kInvSqrt2Pi * std::exp(-0.5L * z * z);
}

// Column i at the tilt h: p - f (delta), p and 1 - p, each without
// cancellation: with e = e^h - 1, p = f (1 + e) / (1 + f e),
// 1 - p = (1 - f) / (1 + f e), p - f = f (1 - f) e / (1 + f e).
struct Tilt {
  LongDouble delta, p, q;
};
Tilt TiltAt(const Tilted& t, LongDouble h) {
  const LongDouble e = std::expm1(h);
  if (std::isinf(e)) return {1 - t.f, 1, 0};
  const LongDouble scale = 1 / (1 + t.f * e);
  return {t.f * (1 - t.f) * e * scale, t.f * (1 + e) * scale,
          (1 - t.f) * scale};
}

// KL(p || f) of two Bernoulli distributions, p = f + delta.
LongDouble BernoulliDivergence(LongDouble f, const Tilt& x) {
  const LongDouble u = x.delta / f, v = x.delta / (1 - f);
  if (std::fabs(u) <= 0.1L && std::fabs(v) <= 0.1L) {
    // sum over j >= 2 of (f (-u)^j + (1 - f) v^j) / (j (j - 1)).
    LongDouble sum = 0, uj = u * u, vj = v * v;
    for (int j = 2; j < 60; ++j) {
      const LongDouble size = f * std::fabs(uj) + (1 - f) * std::fabs(vj);
      sum += ((j % 2 == 0 ? f * uj : -f * uj) + (1 - f) * vj) / (j * (j - 1));
      if (size <= 1e-22L * sum * (j * (j - 1))) break;
      uj *= u;
      vj *= v;
    }
    return sum;
  }
  LongDouble d = 0;
  if (x.p > 0) d += x.p * std::log(x.p / f);
  if (x.q > 0) d += x.q * std::log(x.q / (1 - f));
  return d;
}

// Sums over the columns at the tilt (a, b): sum c delta, sum c v delta, and
// the second derivatives of K.
struct Moments {
  LongDouble size = 0, sum = 0, aa = 0, ab = 0, bb = 0;
};
Moments MomentsAt(const Tilted& t, LongDouble a, LongDouble b) {
  Moments s;
  for (int i = 0; i < t.k; ++i) {
    const Tilt x = TiltAt(t, a + b * t.value[i]);
    const LongDouble w = t.count[i] * x.p * x.q;
    s.size += t.count[i] * x.delta;
    s.sum += t.count[i] * t.value[i] * x.delta;
    s.aa += w;
    s.ab += w * t.value[i];
    s.bb += w * t.value[i] * t.value[i];
  }
  return s;
}

// Newton's step, kept inside the bracket (lo, hi) by bisection.
LongDouble SafeStep(LongDouble x, LongDouble step, LongDouble lo,
                    LongDouble hi) {
  const LongDouble next = x - step;
  if (next > lo && next < hi && std::isfinite(next)) return next;
  if (std::isfinite(lo) && std::isfinite(hi)) return 0.5L * (lo + hi);
  if (std::isfinite(lo)) return lo + std::max<LongDouble>(1, std::fabs(lo));
  return hi - std::max<LongDouble>(1, std::fabs(hi));
}

bool Converged(LongDouble x, LongDouble next) {
  return std::fabs(next - x) <= 1e-17L * std::max<LongDouble>(1, std::fabs(x));
}

// The a with sum c delta = 0 (the group keeps its size) for this b, from
// the guess a.
LongDouble SolveOffset(const Tilted& t, LongDouble b, LongDouble a) {
  // At a = -b v_max every delta <= 0, at a = 0 every delta >= 0 (b >= 0).
  LongDouble lo = b >= 0 ? -b * t.v_max : 0, hi = b >= 0 ? 0 : -b * t.v_max;
  if (lo == hi) return 0;
  if (!(a > lo && a < hi)) a = 0.5L * (lo + hi);
  for (int it = 0; it < 200; ++it) {
    const Moments s = MomentsAt(t, a, b);
    if (s.size == 0) return a;
    (s.size > 0 ? hi : lo) = a;
    const LongDouble next = SafeStep(a, s.size / s.aa, lo, hi);
    if (Converged(a, next)) return next;
    a = next;
  }
  return a;
}

// Skovgaard's P(y > mean + r | size = m) (lower: P(y < mean + r)).
LongDouble SaddlepointTail(const Tilted& t, LongDouble r, bool lower) {
  // The b with sum c v delta = r: increasing in b, by Newton's method with
  // bisection (its derivative is the conditional variance).
  LongDouble b = 0, lo = -INFINITY, hi = INFINITY, a = 0;
  for (int it = 0; it < 200; ++it) {
    a = SolveOffset(t, b, a);
    const Moments s = MomentsAt(t, a, b);
    const LongDouble excess = s.sum - r;
    if (excess == 0) break;
    (excess > 0 ? hi : lo) = b;
    const LongDouble next =
        SafeStep(b, excess / (s.bb - s.ab * s.ab / s.aa), lo, hi);
    // a moves with b by -(ab / aa) db to first order.
    const LongDouble guess = a - (next - b) * s.ab / s.aa;
    const bool done = Converged(b, next);
    b = next;
    a = guess;
    if (done) break;
  }
  a = SolveOffset(t, b, a);
  LongDouble divergence = 0;
  std::array<LongDouble, kScoreCategories> w = {};
  for (int i = 0; i < t.k; ++i) {
    const Tilt x = TiltAt(t, a + b * t.value[i]);
    divergence += t.count[i] * BernoulliDivergence(t.f, x);
    w[i] = t.count[i] * x.p * x.q;
  }
  // det K'' = sum over pairs of w_i w_j (v_i - v_j)^2: no cancellation.
  LongDouble det = 0;
  for (int i = 0; i < t.k; ++i) {
    for (int j = i + 1; j < t.k; ++j) {
      const LongDouble dv = t.value[i] - t.value[j];
      det += w[i] * w[j] * dv * dv;
    }
  }
  LongDouble wz = std::sqrt(2 * divergence);
  if (b < 0) wz = -wz;
  const LongDouble u =
      2 * std::sinh(b / 2) * std::sqrt(det / (t.n * t.f * (1 - t.f)));
  LongDouble correction = NormalDensity(wz) * (wz - u) / (u * wz);
  if (!std::isfinite(correction)) correction = 0;  // w or u out of range
  const LongDouble tail =
      lower ? NormalTail(-wz) - correction : NormalTail(wz) + correction;
  return std::clamp<LongDouble>(tail, 0, 1);
}

double SaddlepointPValue(const Pooled& p) {
  Tilted t;
  absl::int128 lattice_sum = 0;
  LongDouble sum = 0, sum_squares = 0;
  for (int i = 0; i < kScoreCategories; ++i) {
    if (p.count[i] == 0) continue;
    const int v = (i + kMinScore - p.min_score) / p.step;
    t.value[t.k] = v;
    t.count[t.k] = static_cast<LongDouble>(p.count[i]);
    t.v_max = std::max<LongDouble>(t.v_max, v);
    lattice_sum += absl::int128(p.count[i]) * v;
    sum += t.count[t.k] * v;
    sum_squares += t.count[t.k] * v * v;
    ++t.k;
  }
  t.n = static_cast<LongDouble>(p.n);
  t.f = static_cast<LongDouble>(p.m) / t.n;
  // Within 1e-4 standard deviations of the mean, where 1/u - 1/w is all
  // cancellation, the tail is interpolated between the two sides.
  const LongDouble near =
      1e-4L * std::sqrt(t.f * (1 - t.f) * (sum_squares - sum * sum / t.n));
  // The tail beyond the half-integer q2 / 2 of the lattice.
  auto tail = [&](int64_t q2, bool lower) {
    // q - mean = (q2 n - 2 m lattice_sum) / (2 n), exactly to the last bit.
    const absl::int128 num =
        absl::int128(q2) * p.n - 2 * absl::int128(p.m) * lattice_sum;
    const LongDouble r = static_cast<LongDouble>(num) / (2 * t.n);
    if (std::fabs(r) >= near) return SaddlepointTail(t, r, lower);
    const LongDouble below = SaddlepointTail(t, -near, lower);
    const LongDouble above = SaddlepointTail(t, near, lower);
    return below + (above - below) * (r + near) / (2 * near);
  };
  LongDouble pv = 0;
  if (p.y_high <= p.y_min) {
    pv += 1;
  } else if (p.y_high <= p.y_max) {
    pv += tail(2 * p.y_high - 1, /*lower=*/false);
  }
  if (p.y_low >= p.y_max) {
    pv += 1;
  } else if (p.y_low >= p.y_min) {
    pv += tail(2 * p.y_low + 1, /*lower=*/true);
  }
  return static_cast<double>(std::clamp<LongDouble>(pv, 0, 1));
}

PermutationMethod ChooseMethod(const Pooled& p) {
  if (p.n <= kExactTrendScores || p.every_split)
    return PermutationMethod::kExact;
  return ExactSteps(p) <= kExactTrendSteps ? PermutationMethod::kExact
                                           : PermutationMethod::kSaddlepoint;
}

double PValueBy(PermutationMethod method, const Pooled& p) {
  if (p.every_split) return 1.0;
  return method == PermutationMethod::kExact ? ExactPValue(p)
                                             : SaddlepointPValue(p);
}

}  // namespace

absl::StatusOr<double> PermutationPValue(const ScoreHistogram& before,
                                         const ScoreHistogram& after) {
  if (before.n() == 0 || after.n() == 0) return 1.0;
  const Pooled p = MakePooled(before, after);
  return PValueBy(ChooseMethod(p), p);
}

PermutationMethod PermutationPValueMethod(const ScoreHistogram& before,
                                          const ScoreHistogram& after) {
  if (before.n() == 0 || after.n() == 0) return PermutationMethod::kExact;
  return ChooseMethod(MakePooled(before, after));
}

double PermutationPValueBy(PermutationMethod method,
                           const ScoreHistogram& before,
                           const ScoreHistogram& after) {
  if (before.n() == 0 || after.n() == 0) return 1.0;
  return PValueBy(method, MakePooled(before, after));
}

double CliffsDelta(const ScoreHistogram& before, const ScoreHistogram& after) {
  const int64_t n1 = before.n(), n2 = after.n();
  if (n1 == 0 || n2 == 0) return 0;
  long double higher = 0, lower = 0;
  for (int a = 0; a < kScoreCategories; ++a) {
    for (int b = 0; b < kScoreCategories; ++b) {
      const long double pairs =
          static_cast<long double>(after.counts()[a]) * before.counts()[b];
      if (a > b) higher += pairs;
      if (a < b) lower += pairs;
    }
  }
  return static_cast<double>((higher - lower) /
                             (static_cast<long double>(n1) * n2));
}

v1::EffectSize EffectSizeOf(double cliffs_delta) {
  const double d = std::fabs(cliffs_delta);
  if (d < 0.147) return v1::EFFECT_SIZE_NEGLIGIBLE;
  if (d < 0.33) return v1::EFFECT_SIZE_SMALL;
  if (d < 0.474) return v1::EFFECT_SIZE_MEDIUM;
  return v1::EFFECT_SIZE_LARGE;
}

absl::StatusOr<v1::PillarTrend> ComparePillar(
    Pillar pillar, const v1::PillarStats& before,
    const ScoreHistogram& before_counts, const v1::PillarStats& after,
    const ScoreHistogram& after_counts, double alpha) {
  v1::PillarTrend t;
  t.set_pillar(ToProto(pillar));
  t.set_n_before(before.n());
  t.set_n_after(after.n());
  t.set_alpha(alpha);
  t.set_before_disclosure(before.disclosure());
  t.set_after_disclosure(after.disclosure());
  if (before.has_mean() && after.has_mean()) {
    t.set_mean_before(before.mean());
    t.set_mean_after(after.mean());
    t.set_mean_change(after.mean() - before.mean());
  }
  // Everything else only when both rounds show their distribution: a
  // verdict from withheld counts would tell apart histograms the disclosed
  // figures cannot.
  if (!MayCompare(before, after)) {
    t.set_verdict(v1::TREND_VERDICT_NOT_ENOUGH_DATA);
    return t;
  }
  if (before.has_median() && after.has_median()) {
    t.set_median_before(before.median());
    t.set_median_after(after.median());
    t.set_median_change(after.median() - before.median());
  }
  absl::StatusOr<double> p = PermutationPValue(before_counts, after_counts);
  if (!p.ok()) return p.status();
  t.set_p_value(*p);
  t.set_cliffs_delta(CliffsDelta(before_counts, after_counts));
  t.set_effect_size(EffectSizeOf(t.cliffs_delta()));
  if (*p <= alpha && t.mean_change() > 0) {
    t.set_verdict(v1::TREND_VERDICT_IMPROVED);
  } else if (*p <= alpha && t.mean_change() < 0) {
    t.set_verdict(v1::TREND_VERDICT_DECLINED);
  } else {
    t.set_verdict(v1::TREND_VERDICT_TOO_SMALL_TO_TELL);
  }
  return t;
}

}  // namespace fives
