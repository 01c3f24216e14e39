#include "fives/team.h"

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "fives/civil_date.h"
#include "fives/error_detail.h"
#include "fives/limits.h"
#include "fives/string_rules.h"
#include "hash_table.h"

namespace fives {
namespace {

// Joined date of a stored member (validated by FromProto or AddMember).
absl::CivilDay JoinedOf(const v1::Member& m) {
  return *ParseCivilDate(m.joined(), "joined");
}

// A forgotten member without dates: stands after every other member.
bool IsErased(const v1::Member& m) {
  return m.forgotten() && m.joined().empty();
}

}  // namespace

bool IsValidId(absl::string_view id) {
  if (id.empty() ||
      static_cast<int64_t>(id.size()) > GetLimit(Limit::kIdBytes)) {
    return false;
  }
  for (char c : id) {
    if (!absl::ascii_isalnum(c) && c != '.' && c != '_' && c != '-') {
      return false;
    }
  }
  return true;
}

absl::Status ValidateId(absl::string_view id, absl::string_view field) {
  if (IsValidId(id)) return absl::OkStatus();
  if (absl::Status s =
          CheckLimit(Limit::kIdBytes, static_cast<int64_t>(id.size()), field);
      !s.ok()) {
    return s;
  }
  return WithDetail(
      absl::InvalidArgumentError(absl::StrCat(
          field, ": \"", absl::CHexEscape(id), "\" is not a valid id (1-",
          GetLimit(Limit::kIdBytes), " characters of A-Z a-z 0-9 . _ -)")),
      v1::ERROR_CODE_ID_INVALID,
      {absl::CHexEscape(id), GetLimit(Limit::kIdBytes)});
}

absl::StatusOr<Team> Team::Create(absl::string_view id,
                                  absl::string_view name) {
  if (absl::Status s = ValidateId(id, "team.id"); !s.ok()) return s;
  if (name.empty()) {
    return WithDetail(
        absl::InvalidArgumentError("team.name: empty, a team needs a name"),
        v1::ERROR_CODE_TEAM_NAME_EMPTY, {});
  }
  if (absl::Status s = CheckText(name, "team.name", TextKind::kName); !s.ok())
    return s;
  v1::Team proto;
  proto.set_id(std::string(id));
  proto.set_name(std::string(name));
  return Team(std::move(proto));
}

absl::StatusOr<Team> Team::FromProto(v1::Team proto) {
  if (absl::Status s = Validate(proto); !s.ok()) return s;
  return Team(std::move(proto));
}

absl::Status Team::Validate(const v1::Team& proto) {
  if (absl::Status s = ValidateId(proto.id(), "team.id"); !s.ok()) return s;
  if (proto.name().empty()) {
    return WithDetail(
        absl::InvalidArgumentError("team.name: empty, a team needs a name"),
        v1::ERROR_CODE_TEAM_NAME_EMPTY, {});
  }
  internal::HashSet<std::string> seen;
  const v1::Member* above = nullptr;  // the member above with dates
  bool erased_above = false;
  for (int i = 0; i < proto.members_size(); ++i) {
    const v1::Member& m = proto.members(i);
    const std::string where = absl::StrCat("team.members[", i, "]");
    if (absl::Status s = ValidateId(m.id(), where + ".id"); !s.ok()) return s;
    if (!seen.insert(m.id()).second) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ".id: \"", m.id(), "\" appears twice"));
    }
    if (m.display_name().empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          where, ".display_name: empty for member \"", m.id(), "\""));
    }
    if (IsErased(m)) {
      if (!m.left().empty()) {
        return absl::InvalidArgumentError(absl::StrCat(
            where, ".left: ", m.left(), " kept for a forgotten member"));
      }
      erased_above = true;
      continue;
    }
    if (erased_above) {
      return absl::InvalidArgumentError(absl::StrCat(
          where, ": \"", m.id(),
          "\" stands after a forgotten member; forgotten members come last"));
    }
    absl::StatusOr<absl::CivilDay> joined =
        ParseCivilDate(m.joined(), where + ".joined");
    if (!joined.ok()) return joined.status();
    if (above != nullptr && *joined < JoinedOf(*above)) {
      return absl::InvalidArgumentError(absl::StrCat(
          where, ".joined: ", m.joined(), " is before the member above (",
          above->joined(), "); members are kept in join order"));
    }
    above = &m;
    if (!m.left().empty()) {
      absl::StatusOr<absl::CivilDay> left =
          ParseCivilDate(m.left(), where + ".left");
      if (!left.ok()) return left.status();
      if (*left < *joined) {
        return absl::InvalidArgumentError(absl::StrCat(
            where, ".left: ", m.left(), " is before joined ", m.joined()));
      }
    }
  }
  return absl::OkStatus();
}

absl::Status Team::AddMember(absl::string_view id,
                             absl::string_view display_name,
                             absl::CivilDay joined) {
  if (absl::Status s = ValidateId(id, "member.id"); !s.ok()) return s;
  if (display_name.empty()) {
    return WithDetail(
        absl::InvalidArgumentError(
            absl::StrCat("member.display_name: empty for member \"", id, "\"")),
        v1::ERROR_CODE_MEMBER_NAME_EMPTY, {std::string(id)});
  }
  if (absl::Status s =
          CheckText(display_name, "member.display_name", TextKind::kName);
      !s.ok()) {
    return s;
  }
  if (absl::Status s = CheckCivilDate(joined, "member.joined"); !s.ok()) {
    return s;
  }
  if (FindMember(id) != nullptr) {
    return WithDetail(absl::AlreadyExistsError(absl::StrCat(
                          "member.id: \"", id, "\" is already in team \"",
                          proto_.id(), "\" (ids are never reused)")),
                      v1::ERROR_CODE_MEMBER_EXISTS,
                      {std::string(id), proto_.id()});
  }
  // Keep members in join order; a member joining on the same day as others
  // goes after them.
  v1::Member m;
  m.set_id(std::string(id));
  m.set_display_name(std::string(display_name));
  m.set_joined(FormatCivilDate(joined));
  auto* members = proto_.mutable_members();
  int pos = members->size();
  while (pos > 0 && IsErased(members->Get(pos - 1))) --pos;
  while (pos > 0 && JoinedOf(members->Get(pos - 1)) > joined) --pos;
  *members->Add() = std::move(m);
  for (int i = members->size() - 1; i > pos; --i)
    members->SwapElements(i, i - 1);
  return absl::OkStatus();
}

absl::Status Team::RecordLeave(absl::string_view id, absl::CivilDay left) {
  if (absl::Status s = CheckCivilDate(left, "left"); !s.ok()) return s;
  v1::Member* member = nullptr;
  for (v1::Member& m : *proto_.mutable_members()) {
    if (m.id() == id) member = &m;
  }
  if (member == nullptr) {
    return WithDetail(
        absl::NotFoundError(absl::StrCat(
            "member_id: \"", id, "\" is not in team \"", proto_.id(), "\"")),
        v1::ERROR_CODE_MEMBER_UNKNOWN, {std::string(id), proto_.id()});
  }
  if (member->forgotten()) {
    return WithDetail(absl::FailedPreconditionError(
                          absl::StrCat("member_id: \"", id, "\" is forgotten")),
                      v1::ERROR_CODE_MEMBER_FORGOTTEN, {std::string(id)});
  }
  if (!member->left().empty()) {
    return WithDetail(
        absl::FailedPreconditionError(absl::StrCat(
            "member_id: \"", id, "\" already left on ", member->left())),
        v1::ERROR_CODE_MEMBER_ALREADY_LEFT, {std::string(id), member->left()});
  }
  if (left < JoinedOf(*member)) {
    return WithDetail(
        absl::InvalidArgumentError(absl::StrCat(
            "left: ", FormatCivilDate(left), " is before member \"", id,
            "\" joined on ", member->joined())),
        v1::ERROR_CODE_MEMBER_LEFT_BEFORE_JOINED,
        {FormatCivilDate(left), std::string(id), member->joined()});
  }
  member->set_left(FormatCivilDate(left));
  return absl::OkStatus();
}

const v1::Member* Team::FindMember(absl::string_view id) const {
  for (const v1::Member& m : proto_.members()) {
    if (m.id() == id) return &m;
  }
  return nullptr;
}

absl::Status Team::CheckCurrentMember(absl::string_view id, absl::CivilDay day,
                                      absl::string_view field) const {
  const v1::Member* m = FindMember(id);
  if (m == nullptr) {
    return WithDetail(absl::NotFoundError(absl::StrCat(
                          field, ": \"", absl::CHexEscape(id),
                          "\" is not a member of team \"", proto_.id(), "\"")),
                      v1::ERROR_CODE_MEMBER_UNKNOWN,
                      {absl::CHexEscape(id), proto_.id()});
  }
  return CheckMemberOn(*m, day, field);
}

absl::Status Team::CheckMemberOn(const v1::Member& member, absl::CivilDay day,
                                 absl::string_view field) {
  const v1::Member* m = &member;
  const std::string& id = member.id();
  if (m->forgotten()) {
    return WithDetail(absl::FailedPreconditionError(
                          absl::StrCat(field, ": \"", id, "\" is forgotten")),
                      v1::ERROR_CODE_MEMBER_FORGOTTEN, {id});
  }
  if (JoinedOf(*m) > day) {
    return WithDetail(absl::FailedPreconditionError(absl::StrCat(
                          field, ": \"", id, "\" joined on ", m->joined(),
                          ", after ", FormatCivilDate(day))),
                      v1::ERROR_CODE_MEMBER_NOT_YET_JOINED,
                      {id, m->joined(), FormatCivilDate(day)});
  }
  if (!m->left().empty() && *ParseCivilDate(m->left(), "left") <= day) {
    return WithDetail(
        absl::FailedPreconditionError(
            absl::StrCat(field, ": \"", id, "\" left the team on ", m->left())),
        v1::ERROR_CODE_MEMBER_HAS_LEFT, {id, m->left()});
  }
  return absl::OkStatus();
}

int Team::CountMembersOn(absl::CivilDay day) const {
  int count = 0;
  for (const v1::Member& m : proto_.members()) {
    if (CheckMemberOn(m, day, "").ok()) ++count;
  }
  return count;
}

}  // namespace fives
