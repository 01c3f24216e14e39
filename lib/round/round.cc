#include "fives/round.h"

#include <algorithm>

#include "absl/functional/function_ref.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "fives/civil_date.h"
#include "fives/error_detail.h"

namespace fives {
namespace {

using Scores = std::array<int, kPillarCount>;  // 0 = not given

absl::Status CheckMode(v1::RoundMode mode) {
  if (mode == v1::ROUND_MODE_OPEN || mode == v1::ROUND_MODE_CONFIDENTIAL) {
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "round.mode: ", static_cast<int>(mode),
      " is not ROUND_MODE_OPEN (1) or ROUND_MODE_CONFIDENTIAL (2)"));
}

// The asked pillars as flags; an empty list asks all five. A stored list
// must be in pillar order; a list from the caller may be in any order.
template <typename Range, typename Convert>
absl::StatusOr<std::array<bool, kPillarCount>> AskedPillars(
    const Range& pillars, Convert convert, bool in_pillar_order) {
  std::array<bool, kPillarCount> asked = {};
  if (pillars.empty()) {
    asked.fill(true);
    return asked;
  }
  int i = 0;
  for (const auto& item : pillars) {
    const std::string field = absl::StrCat("round.pillars[", i++, "]");
    absl::StatusOr<Pillar> p = convert(item, field);
    if (!p.ok()) return p.status();
    if (asked[PillarIndex(*p)]) {
      return absl::InvalidArgumentError(
          absl::StrCat(field, ": ", PillarKey(*p), " is asked twice"));
    }
    for (size_t later = PillarIndex(*p) + 1;
         in_pillar_order && later < kPillarCount; ++later) {
      if (asked[later]) {
        return absl::InvalidArgumentError(absl::StrCat(
            field, ": ", PillarKey(*p), " is out of pillar order"));
      }
    }
    asked[PillarIndex(*p)] = true;
  }
  return asked;
}

// Checks one response's scores against the round's rules; `field()` gives
// the prefix of every message ("response" or "round.responses[3]"), built
// only when there is an error.
absl::StatusOr<Scores> CheckScores(const v1::Response& response,
                                   const std::array<bool, kPillarCount>& asked,
                                   bool allow_partial,
                                   absl::FunctionRef<std::string()> field) {
  Scores scores = {};
  for (int i = 0; i < response.scores_size(); ++i) {
    const v1::PillarScore& s = response.scores(i);
    auto where = [&] { return absl::StrCat(field(), ".scores[", i, "]"); };
    if (!IsValidPillar(s.pillar())) {
      return PillarFromProto(s.pillar(), where() + ".pillar").status();
    }
    const Pillar p = static_cast<Pillar>(s.pillar() - 1);
    if (!asked[PillarIndex(p)]) {
      return WithDetail(absl::InvalidArgumentError(
                            absl::StrCat(where(), ".pillar: ", PillarKey(p),
                                         " is not asked in this round")),
                        v1::ERROR_CODE_PILLAR_NOT_ASKED, {p});
    }
    if (scores[PillarIndex(p)] != 0) {
      return WithDetail(
          absl::InvalidArgumentError(absl::StrCat(
              where(), ".pillar: ", PillarKey(p), " is scored twice")),
          v1::ERROR_CODE_PILLAR_SCORED_TWICE, {p});
    }
    if (!IsValidScore(s.score())) {
      return WithDetail(absl::InvalidArgumentError(absl::StrCat(
                            where(), ".score: ", s.score(),
                            " is outside 1..5 (pillar ", PillarKey(p), ")")),
                        v1::ERROR_CODE_SCORE_OUTSIDE, {s.score(), p});
    }
    scores[PillarIndex(p)] = s.score();
  }
  int given = 0;
  for (Pillar p : kAllPillars) {
    if (!asked[PillarIndex(p)]) continue;
    if (scores[PillarIndex(p)] != 0) {
      ++given;
    } else if (!allow_partial) {
      return WithDetail(
          absl::InvalidArgumentError(absl::StrCat(
              field(), ".scores: pillar ", PillarKey(p),
              " is missing (this round requires every asked pillar)")),
          v1::ERROR_CODE_PILLAR_MISSING, {p});
    }
  }
  if (given == 0) {
    return WithDetail(absl::InvalidArgumentError(absl::StrCat(
                          field(), ".scores: empty, a response needs a score")),
                      v1::ERROR_CODE_RESPONSE_EMPTY, {});
  }
  return scores;
}

// The response in canonical form: asked pillars in pillar order.
v1::Response Canonical(absl::string_view member_id, const Scores& scores) {
  v1::Response r;
  r.set_member_id(std::string(member_id));
  for (Pillar p : kAllPillars) {
    if (scores[PillarIndex(p)] == 0) continue;
    v1::PillarScore* s = r.add_scores();
    s->set_pillar(ToProto(p));
    s->set_score(scores[PillarIndex(p)]);
  }
  return r;
}

// Checks that `ids` are valid and strictly ascending (sorted, unique).
template <typename Range, typename GetId>
absl::Status CheckSortedIds(const Range& items, GetId get_id,
                            absl::string_view field) {
  const std::string* previous = nullptr;
  int i = 0;
  for (const auto& item : items) {
    const std::string& id = get_id(item);
    auto where = [&] { return absl::StrCat(field, "[", i, "]"); };
    if (!IsValidId(id)) return ValidateId(id, where());
    if (previous != nullptr && !(*previous < id)) {
      return absl::InvalidArgumentError(
          absl::StrCat(where(), ": \"", id, "\" is out of order or repeated"));
    }
    previous = &id;
    ++i;
  }
  return absl::OkStatus();
}

// The counts of a stored tally (empty when discarded at close).
absl::StatusOr<ScoreHistogram> TallyHistogram(const v1::PillarTally& tally) {
  std::array<int64_t, kScoreCategories> counts = {};
  if (tally.histogram_size() == 0) return ScoreHistogram();
  if (tally.histogram_size() != kScoreCategories) {
    return ScoreHistogram::FromCounts(std::vector<int64_t>(
        tally.histogram().begin(), tally.histogram().end()));
  }
  std::copy(tally.histogram().begin(), tally.histogram().end(), counts.begin());
  return ScoreHistogram::FromCounts(counts);
}

// Checks per-pillar tallies: one per asked pillar, in pillar order, each
// with five counts (or none), then `check(tally, n, where)` on each.
absl::Status CheckTallies(
    const google::protobuf::RepeatedPtrField<v1::PillarTally>& tallies,
    const std::array<bool, kPillarCount>& asked, absl::string_view field,
    absl::FunctionRef<absl::Status(const v1::PillarTally&, int64_t,
                                   const std::string&)>
        check) {
  int expected = 0;
  for (bool a : asked) expected += a;
  if (tallies.size() != expected) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": has ", tallies.size(), " tallies for ", expected,
                     " asked pillars"));
  }
  int t = 0;
  for (Pillar p : kAllPillars) {
    if (!asked[PillarIndex(p)]) continue;
    const v1::PillarTally& tally = tallies.Get(t);
    const std::string where = absl::StrCat(field, "[", t, "]");
    ++t;
    if (tally.pillar() != ToProto(p)) {
      return absl::InvalidArgumentError(absl::StrCat(
          where, ".pillar: expected ", PillarKey(p), " (pillar order)"));
    }
    absl::StatusOr<ScoreHistogram> h = TallyHistogram(tally);
    if (!h.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ".", h.status().message()));
    }
    if (tally.histogram_size() > 0 && tally.n() != 0) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ".n: ", tally.n(), " set beside the histogram"));
    }
    if (tally.n() < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ".n: ", tally.n(), " is negative"));
    }
    const int64_t n = tally.histogram_size() > 0 ? h->n() : tally.n();
    if (absl::Status s = check(tally, n, where); !s.ok()) return s;
  }
  return absl::OkStatus();
}

// The tally of pillar `p` in `tallies` (in pillar order), or null.
const v1::PillarTally* TallyOf(
    const google::protobuf::RepeatedPtrField<v1::PillarTally>& tallies,
    Pillar p) {
  for (const v1::PillarTally& tally : tallies) {
    if (tally.pillar() == ToProto(p)) return &tally;
  }
  return nullptr;
}

}  // namespace

absl::StatusOr<Round> Round::Create(const RoundOptions& options) {
  if (absl::Status s = ValidateId(options.id, "round.id"); !s.ok()) return s;
  if (absl::Status s = CheckCivilDate(options.date, "round.date"); !s.ok()) {
    return s;
  }
  if (absl::Status s = CheckMode(options.mode); !s.ok()) return s;
  if (absl::Status s = options.privacy.Validate(); !s.ok()) return s;
  if (absl::Status s = options.agreement.Validate(); !s.ok()) return s;
  absl::StatusOr<std::array<bool, kPillarCount>> asked = AskedPillars(
      options.pillars,
      [](Pillar p, const std::string&) -> absl::StatusOr<Pillar> { return p; },
      /*in_pillar_order=*/false);
  if (!asked.ok()) return asked.status();

  Round round;
  v1::Round& r = round.proto_;
  r.set_id(options.id);
  r.set_date(FormatCivilDate(options.date));
  r.set_mode(options.mode);
  *r.mutable_thresholds() = options.privacy.ToProto();
  *r.mutable_agreement() = options.agreement.ToProto();
  for (Pillar p : kAllPillars) {
    if (!(*asked)[PillarIndex(p)]) continue;
    r.add_pillars(ToProto(p));
    if (options.mode == v1::ROUND_MODE_CONFIDENTIAL) {
      v1::PillarTally* tally = r.add_tallies();
      tally->set_pillar(ToProto(p));
      for (int i = 0; i < kScoreCategories; ++i) tally->add_histogram(0);
    }
  }
  r.set_allow_partial(options.allow_partial);
  r.set_state(v1::ROUND_STATE_OPEN);
  round.Index();
  return round;
}

absl::StatusOr<Round> Round::FromProto(v1::Round proto) {
  if (absl::Status s = Validate(proto); !s.ok()) return s;
  Round round;
  round.proto_ = std::move(proto);
  round.Index();
  return round;
}

absl::Status Round::Validate(const v1::Round& proto) {
  if (absl::Status s = ValidateId(proto.id(), "round.id"); !s.ok()) return s;
  absl::StatusOr<absl::CivilDay> date =
      ParseCivilDate(proto.date(), "round.date");
  if (!date.ok()) return date.status();
  if (absl::Status s = CheckMode(proto.mode()); !s.ok()) return s;
  if (auto t = PrivacyThresholds::FromProto(proto.thresholds()); !t.ok()) {
    return t.status();
  }
  if (auto t = AgreementThresholds::FromProto(proto.agreement()); !t.ok()) {
    return t.status();
  }
  absl::StatusOr<std::array<bool, kPillarCount>> asked = AskedPillars(
      proto.pillars(),
      [](int value, const std::string& field) {
        return PillarFromProto(static_cast<v1::Pillar>(value), field);
      },
      /*in_pillar_order=*/true);
  if (!asked.ok()) return asked.status();

  if (proto.state() == v1::ROUND_STATE_CLOSED) {
    absl::StatusOr<absl::CivilDay> closed =
        ParseCivilDate(proto.closed_on(), "round.closed_on");
    if (!closed.ok()) return closed.status();
    if (*closed < *date) {
      return absl::InvalidArgumentError(
          absl::StrCat("round.closed_on: ", proto.closed_on(),
                       " is before the round's date ", proto.date()));
    }
  } else if (proto.state() == v1::ROUND_STATE_OPEN) {
    if (!proto.closed_on().empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "round.closed_on: \"", proto.closed_on(), "\" set on an open round"));
    }
  } else {
    return absl::InvalidArgumentError(
        absl::StrCat("round.state: ", static_cast<int>(proto.state()),
                     " is not ROUND_STATE_OPEN or ROUND_STATE_CLOSED"));
  }

  const bool closed = proto.state() == v1::ROUND_STATE_CLOSED;
  if (proto.mode() == v1::ROUND_MODE_OPEN) {
    if (proto.participants_size() > 0 || proto.tallies_size() > 0) {
      return absl::InvalidArgumentError(
          "round: an open round keeps responses, not participants or tallies");
    }
    if (absl::Status s = CheckSortedIds(
            proto.responses(),
            [](const v1::Response& r) -> const std::string& {
              return r.member_id();
            },
            "round.responses.member_id");
        !s.ok()) {
      return s;
    }
    for (int i = 0; i < proto.responses_size(); ++i) {
      absl::StatusOr<Scores> scores =
          CheckScores(proto.responses(i), *asked, proto.allow_partial(),
                      [i] { return absl::StrCat("round.responses[", i, "]"); });
      if (!scores.ok()) return scores.status();
    }
    // The scores of forgotten members: counts without ids.
    if (proto.forgotten_scores_size() > 0 ||
        proto.forgotten_participants_size() > 0) {
      if (absl::Status s = CheckSortedIds(
              proto.forgotten_participants(),
              [](const std::string& id) -> const std::string& { return id; },
              "round.forgotten_participants");
          !s.ok()) {
        return s;
      }
      const int forgotten = proto.forgotten_participants_size();
      int64_t given = 0;
      if (absl::Status s = CheckTallies(
              proto.forgotten_scores(), *asked, "round.forgotten_scores",
              [&](const v1::PillarTally& tally, int64_t n,
                  const std::string& where) -> absl::Status {
                given += n;
                if (tally.histogram_size() == 0 || n > forgotten ||
                    (!proto.allow_partial() && n != forgotten)) {
                  return absl::InvalidArgumentError(
                      absl::StrCat(where, ": holds ", n, " scores for ",
                                   forgotten, " forgotten respondents"));
                }
                return absl::OkStatus();
              });
          !s.ok()) {
        return s;
      }
      if (given < forgotten) {
        return absl::InvalidArgumentError(
            absl::StrCat("round.forgotten_participants: ", forgotten, " for ",
                         given, " forgotten scores"));
      }
    }
  } else {
    if (proto.responses_size() > 0) {
      return absl::InvalidArgumentError(
          "round.responses: a confidential round must not keep identified "
          "responses");
    }
    if (absl::Status s = CheckSortedIds(
            proto.participants(),
            [](const std::string& id) -> const std::string& { return id; },
            "round.participants");
        !s.ok()) {
      return s;
    }
    int64_t scores = 0;
    const PrivacyThresholds privacy =
        *PrivacyThresholds::FromProto(proto.thresholds());
    if (absl::Status s = CheckTallies(
            proto.tallies(), *asked, "round.tallies",
            [&](const v1::PillarTally& tally, int64_t n,
                const std::string& where) -> absl::Status {
              scores += n;
              if (n > proto.participants_size() ||
                  (!proto.allow_partial() && n != proto.participants_size())) {
                return absl::InvalidArgumentError(
                    absl::StrCat(where, ".histogram: holds ", n, " scores for ",
                                 proto.participants_size(), " participants"));
              }
              const bool discarded = tally.histogram_size() == 0;
              if (discarded && !closed) {
                return absl::InvalidArgumentError(absl::StrCat(
                    where, ".histogram: empty in a round that is not closed"));
              }
              if (closed && n < privacy.min_responses && !discarded) {
                return absl::InvalidArgumentError(absl::StrCat(
                    where, ".histogram: ", n,
                    " scores, fewer than min_responses ", privacy.min_responses,
                    ": a closed round keeps only their number"));
              }
              if (closed && n >= privacy.min_responses && discarded) {
                return absl::InvalidArgumentError(
                    absl::StrCat(where, ".histogram: discarded for ", n,
                                 " scores, at least min_responses"));
              }
              return absl::OkStatus();
            });
        !s.ok()) {
      return s;
    }
    // Every participant gave at least one score.
    if (scores < proto.participants_size()) {
      return absl::InvalidArgumentError(
          absl::StrCat("round.tallies: ", scores, " scores for ",
                       proto.participants_size(), " participants"));
    }
    if (proto.forgotten_scores_size() > 0 ||
        proto.forgotten_participants_size() > 0) {
      return absl::InvalidArgumentError(
          "round.forgotten_scores: kept by open rounds only");
    }
  }
  int d = 0;
  for (const v1::PillarDifferencing& diff : proto.differencing()) {
    const std::string where = absl::StrCat("round.differencing[", d++, "]");
    if (proto.mode() != v1::ROUND_MODE_CONFIDENTIAL || !closed) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ": kept by closed confidential rounds only"));
    }
    absl::StatusOr<Pillar> p =
        PillarFromProto(diff.pillar(), where + ".pillar");
    if (!p.ok()) return p.status();
    if (!(*asked)[PillarIndex(*p)]) {
      return absl::InvalidArgumentError(absl::StrCat(
          where, ".pillar: ", PillarKey(*p), " is not asked in this round"));
    }
    if (d > 1 && proto.differencing(d - 2).pillar() >= diff.pillar()) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ".pillar: out of pillar order or repeated"));
    }
    if (!IsValidId(diff.against()) || diff.against() == proto.id()) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ".against: \"", absl::CHexEscape(diff.against()),
                       "\" is not another round"));
    }
  }
  if (proto.close_order() < 0 || (proto.close_order() > 0 && !closed)) {
    return absl::InvalidArgumentError(
        absl::StrCat("round.close_order: ", proto.close_order(),
                     " on a round that is not closed"));
  }
  if (proto.has_members() && proto.members() < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("round.members: ", proto.members(), " is negative"));
  }
  return absl::OkStatus();
}

void Round::Index() {
  date_ = *ParseCivilDate(proto_.date(), "round.date");
  privacy_ = *PrivacyThresholds::FromProto(proto_.thresholds());
  agreement_ = *AgreementThresholds::FromProto(proto_.agreement());
  asked_ = {};
  pillars_.clear();
  if (proto_.pillars().empty()) asked_.fill(true);
  for (int value : proto_.pillars()) {
    asked_[PillarIndex(*PillarFromProto(static_cast<v1::Pillar>(value)))] =
        true;
  }
  for (Pillar p : kAllPillars) {
    if (asked_[PillarIndex(p)]) pillars_.push_back(p);
  }
}

absl::Status Round::CheckOpen() const {
  if (!is_closed()) return absl::OkStatus();
  return WithDetail(absl::FailedPreconditionError(absl::StrCat(
                        "round \"", proto_.id(), "\": closed on ",
                        proto_.closed_on(), ", it takes no more responses")),
                    v1::ERROR_CODE_ROUND_CLOSED,
                    {proto_.id(), proto_.closed_on()});
}

absl::Status Round::AddResponse(const Team& team,
                                const v1::Response& response) {
  if (absl::Status s = CheckOpen(); !s.ok()) return s;
  const std::string& member = response.member_id();
  if (absl::Status s =
          team.CheckCurrentMember(member, date_, "response.member_id");
      !s.ok()) {
    return s;
  }
  if (HasResponded(member)) {
    return WithDetail(
        absl::AlreadyExistsError(absl::StrCat(
            "response.member_id: \"", member,
            "\" has already answered round \"", proto_.id(), "\"")),
        v1::ERROR_CODE_ALREADY_ANSWERED, {member, proto_.id()});
  }
  absl::StatusOr<Scores> scores =
      CheckScores(response, asked_, proto_.allow_partial(),
                  [] { return std::string("response"); });
  if (!scores.ok()) return scores.status();

  // Everything is checked: apply.
  if (is_confidential()) {
    auto* ids = proto_.mutable_participants();
    const auto index =
        std::lower_bound(ids->begin(), ids->end(), member) - ids->begin();
    ids->Add()->assign(member.data(), member.size());  // may move the elements
    std::rotate(ids->begin() + index, ids->end() - 1, ids->end());
    for (v1::PillarTally& tally : *proto_.mutable_tallies()) {
      const int score = (*scores)[static_cast<size_t>(tally.pillar()) - 1];
      if (score != 0) {
        tally.set_histogram(score - kMinScore,
                            tally.histogram(score - kMinScore) + 1);
      }
    }
  } else {
    auto* responses = proto_.mutable_responses();
    auto pos =
        std::lower_bound(responses->begin(), responses->end(), member,
                         [](const v1::Response& r, const std::string& id) {
                           return r.member_id() < id;
                         });
    const int index = static_cast<int>(pos - responses->begin());
    *responses->Add() = Canonical(member, *scores);
    for (int i = responses->size() - 1; i > index; --i) {
      responses->SwapElements(i, i - 1);
    }
  }
  return absl::OkStatus();
}

absl::Status Round::Close(absl::CivilDay on) {
  if (is_closed()) {
    return WithDetail(absl::FailedPreconditionError(absl::StrCat(
                          "round \"", proto_.id(), "\": already closed on ",
                          proto_.closed_on())),
                      v1::ERROR_CODE_ROUND_ALREADY_CLOSED,
                      {proto_.id(), proto_.closed_on()});
  }
  if (absl::Status s = CheckCivilDate(on, "closed_on"); !s.ok()) return s;
  if (on < date_) {
    return WithDetail(absl::InvalidArgumentError(absl::StrCat(
                          "closed_on: ", FormatCivilDate(on),
                          " is before the round's date ", proto_.date())),
                      v1::ERROR_CODE_ROUND_CLOSE_BEFORE_START,
                      {FormatCivilDate(on), proto_.date()});
  }
  proto_.set_state(v1::ROUND_STATE_CLOSED);
  proto_.set_closed_on(FormatCivilDate(on));
  for (v1::PillarTally& tally : *proto_.mutable_tallies()) {
    const int64_t n = TallyCount(tally);
    if (n >= privacy_.min_responses) continue;
    tally.clear_histogram();
    tally.set_n(static_cast<int32_t>(n));
  }
  return absl::OkStatus();
}

int64_t Round::TallyCount(const v1::PillarTally& tally) {
  if (tally.histogram_size() == 0) return tally.n();
  int64_t n = 0;
  for (int32_t c : tally.histogram()) n += c;
  return n;
}

int Round::respondents() const {
  return is_confidential()
             ? proto_.participants_size()
             : proto_.responses_size() + proto_.forgotten_participants_size();
}

ScoreHistogram Round::Histogram(Pillar p) const {
  ScoreHistogram h;
  if (!asks(p)) return h;
  if (is_confidential()) {
    if (const v1::PillarTally* tally = TallyOf(proto_.tallies(), p)) {
      h = *TallyHistogram(*tally);
    }
    return h;
  }
  for (const v1::Response& r : proto_.responses()) {
    for (const v1::PillarScore& s : r.scores()) {
      if (s.pillar() == ToProto(p)) h.AddUnchecked(s.score());
    }
  }
  if (const v1::PillarTally* tally = TallyOf(proto_.forgotten_scores(), p)) {
    // Validated: the sum stays far inside the histogram's limit.
    (void)h.Merge(*TallyHistogram(*tally));
  }
  return h;
}

int64_t Round::ScoreCount(Pillar p) const {
  if (!asks(p)) return 0;
  if (is_confidential()) {
    const v1::PillarTally* tally = TallyOf(proto_.tallies(), p);
    return tally == nullptr ? 0 : TallyCount(*tally);
  }
  return Histogram(p).n();
}

bool Round::HasResponded(absl::string_view member_id) const {
  if (is_confidential()) {
    return std::binary_search(proto_.participants().begin(),
                              proto_.participants().end(), member_id);
  }
  return std::binary_search(
      proto_.responses().begin(), proto_.responses().end(), member_id,
      [](const auto& a, const auto& b) {
        auto key = [](const auto& x) -> absl::string_view {
          if constexpr (std::is_same_v<std::decay_t<decltype(x)>,
                                       v1::Response>) {
            return x.member_id();
          } else {
            return x;
          }
        };
        return key(a) < key(b);
      });
}

}  // namespace fives
