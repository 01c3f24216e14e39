/// @file
/// One scoring round: every member scores the asked pillars 1..5, once.
/// An open round keeps who gave which score; a confidential round keeps only
/// per-pillar counts and, apart from them, the set of members who answered.
#ifndef FIVES_ROUND_H_
#define FIVES_ROUND_H_

#include <array>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "fives/agreement_thresholds.h"
#include "fives/pillar.h"
#include "fives/privacy_thresholds.h"
#include "fives/score_histogram.h"
#include "fives/team.h"
#include "fives/v1/round.pb.h"

namespace fives {

struct RoundOptions {
  /// Unique within the team; follows IsValidId.
  std::string id;
  /// Membership is judged on this date.
  absl::CivilDay date;
  v1::RoundMode mode = v1::ROUND_MODE_CONFIDENTIAL;
  PrivacyThresholds privacy;
  AgreementThresholds agreement;
  /// The pillars asked; empty means all five.
  std::vector<Pillar> pillars;
  /// Allow a response to leave asked pillars out.
  bool allow_partial = false;
};

/// Thread safety: one thread at a time; const methods may run concurrently.
class Round {
 public:
  /// A new round accepting responses. Fails for an invalid id, an unspecified
  /// mode, invalid thresholds or a pillar asked twice.
  static absl::StatusOr<Round> Create(const RoundOptions& options);
  /// Checks a stored round: every field, score and count, and that a
  /// confidential round holds no identified response.
  static absl::Status Validate(const v1::Round& proto);
  /// A round from a stored one, validated.
  static absl::StatusOr<Round> FromProto(v1::Round proto);

  /// OK while the round takes responses; FailedPrecondition once it is
  /// closed.
  absl::Status CheckOpen() const;

  /// Adds one member's response. Refused, changing nothing, when the round is
  /// closed, the member is unknown or not a member on the round's date, the
  /// member already answered, or a score is outside 1..5, names a pillar not
  /// asked or twice, or an asked pillar is missing (unless partial responses
  /// are allowed).
  absl::Status AddResponse(const Team& team, const v1::Response& response);

  /// Closes the round on `on` (not before the round's date); a closed round
  /// takes no more responses and cannot be closed again. A confidential
  /// round then discards the counts of every pillar with fewer than
  /// min_responses scores and keeps only their number: its figures are never
  /// shown, and with one or two scores the counts would be those members'
  /// scores.
  absl::Status Close(absl::CivilDay on);

  bool is_closed() const { return proto_.state() == v1::ROUND_STATE_CLOSED; }
  bool is_confidential() const {
    return proto_.mode() == v1::ROUND_MODE_CONFIDENTIAL;
  }
  const std::string& id() const { return proto_.id(); }
  absl::CivilDay date() const { return date_; }
  /// The asked pillars, in pillar order.
  const std::vector<Pillar>& pillars() const { return pillars_; }
  bool asks(Pillar p) const { return asked_[PillarIndex(p)]; }
  const PrivacyThresholds& privacy() const { return privacy_; }
  const AgreementThresholds& agreement() const { return agreement_; }
  /// Number of members who answered (forgotten members included).
  int respondents() const;
  /// The counts of one pillar's scores (empty when not asked, or discarded
  /// at close). Open rounds include the scores of forgotten members.
  ScoreHistogram Histogram(Pillar p) const;
  /// The number of scores of one pillar, also when its counts were
  /// discarded.
  int64_t ScoreCount(Pillar p) const;
  /// Whether `member_id` already answered.
  bool HasResponded(absl::string_view member_id) const;

  const v1::Round& proto() const { return proto_; }

  /// The number of scores of a stored tally, also when its counts were
  /// discarded.
  static int64_t TallyCount(const v1::PillarTally& tally);

 private:
  Round() = default;
  /// Fills the derived fields from proto_ (already validated).
  void Index();

  v1::Round proto_;
  absl::CivilDay date_;
  std::vector<Pillar> pillars_;
  std::array<bool, kPillarCount> asked_ = {};
  PrivacyThresholds privacy_;
  AgreementThresholds agreement_;
};

}  // namespace fives

#endif  // FIVES_ROUND_H_
