/// @file
/// A management team and its members over time. Leaving keeps the member's
/// history; only current members may answer a round.
#ifndef FIVES_TEAM_H_
#define FIVES_TEAM_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "fives/v1/team.pb.h"

namespace fives {

/// True for a valid opaque id: 1 to the id_bytes limit (default 64)
/// characters of [A-Za-z0-9._-] (see limits.h).
bool IsValidId(absl::string_view id);

/// InvalidArgument naming `field` and the value unless IsValidId(id).
absl::Status ValidateId(absl::string_view id, absl::string_view field);

/// Thread safety: one thread at a time; const methods may run concurrently.
class Team {
 public:
  /// A team without members. The id follows IsValidId; the name is non-empty.
  static absl::StatusOr<Team> Create(absl::string_view id,
                                     absl::string_view name);
  /// Checks a stored team: ids, unique member ids, names, dates in join
  /// order, left >= joined.
  static absl::Status Validate(const v1::Team& proto);
  /// A team from a stored one, validated.
  static absl::StatusOr<Team> FromProto(v1::Team proto);

  /// Adds a member who joins on `joined`. Fails (changing nothing) for an
  /// invalid or already used id or an empty display name.
  absl::Status AddMember(absl::string_view id, absl::string_view display_name,
                         absl::CivilDay joined);
  /// Records that a current member leaves on `left` (not before joining).
  absl::Status RecordLeave(absl::string_view id, absl::CivilDay left);

  /// The member with this id, or nullptr.
  const v1::Member* FindMember(absl::string_view id) const;
  /// OK when `id` is a member on `day` (joined on or before it, not yet left);
  /// otherwise NotFound (unknown id) or FailedPrecondition (not a member on
  /// that day), naming `field`, the id and the dates.
  absl::Status CheckCurrentMember(absl::string_view id, absl::CivilDay day,
                                  absl::string_view field = "member_id") const;
  /// The same for the member `member` itself (no lookup by id).
  static absl::Status CheckMemberOn(const v1::Member& member,
                                    absl::CivilDay day,
                                    absl::string_view field = "member_id");
  /// Number of members on `day`.
  int CountMembersOn(absl::CivilDay day) const;

  const std::string& id() const { return proto_.id(); }
  const std::string& name() const { return proto_.name(); }
  const v1::Team& proto() const { return proto_; }

 private:
  explicit Team(v1::Team proto) : proto_(std::move(proto)) {}
  v1::Team proto_;
};

}  // namespace fives

#endif  // FIVES_TEAM_H_
