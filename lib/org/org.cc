#include "fives/org.h"

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "fives/string_rules.h"
#include "fives/team.h"
#include "fives/text_format.h"
#include "hash_table.h"

namespace fives {
namespace {

std::string UnitField(int index, const v1::OrgUnit& unit) {
  return absl::StrCat("units[", index, "] (id \"", unit.id(), "\")");
}

}  // namespace

absl::StatusOr<Org> Org::FromProto(v1::Organization proto) {
  if (absl::Status s = CheckStrings(proto); !s.ok()) return s;
  if (absl::Status s = ValidateId(proto.id(), "id"); !s.ok()) return s;
  if (proto.name().empty()) {
    return absl::InvalidArgumentError("name: the organisation needs a name");
  }
  absl::StatusOr<PrivacyThresholds> privacy =
      PrivacyThresholds::FromProto(proto.privacy());
  if (!privacy.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("privacy: ", privacy.status().message()));
  }
  const int count = proto.units_size();
  if (count == 0) {
    return absl::InvalidArgumentError("units: the organisation has no units");
  }
  internal::HashMap<std::string, int> index;
  internal::HashMap<std::string, int> team_index;
  for (int i = 0; i < count; ++i) {
    const v1::OrgUnit& unit = proto.units(i);
    const std::string field = UnitField(i, unit);
    if (absl::Status s =
            ValidateId(unit.id(), absl::StrCat("units[", i, "].id"));
        !s.ok()) {
      return s;
    }
    if (!index.emplace(unit.id(), i).second) {
      return absl::InvalidArgumentError(
          absl::StrCat(field, ": the unit appears twice (first as units[",
                       index[unit.id()], "])"));
    }
    if (unit.name().empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(field, ".name: a unit needs a name"));
    }
    if (!unit.team_id().empty()) {
      if (absl::Status s = ValidateId(unit.team_id(), field + ".team_id");
          !s.ok()) {
        return s;
      }
      if (!team_index.emplace(unit.team_id(), i).second) {
        return absl::InvalidArgumentError(
            absl::StrCat(field, ".team_id: team \"", unit.team_id(),
                         "\" is already the team of units[",
                         team_index[unit.team_id()], "]"));
      }
    }
    internal::HashSet<std::string> keys;
    for (int a = 0; a < unit.attributes_size(); ++a) {
      const v1::OrgAttribute& attribute = unit.attributes(a);
      if (attribute.key().empty()) {
        return absl::InvalidArgumentError(absl::StrCat(
            field, ".attributes[", a, "].key: an attribute needs a key"));
      }
      if (!keys.insert(attribute.key()).second) {
        return absl::InvalidArgumentError(
            absl::StrCat(field, ".attributes[", a, "].key: \"", attribute.key(),
                         "\" is set twice"));
      }
    }
  }
  // Parents: one root, known parents that are not teams, no cycle.
  int root = -1;
  std::vector<std::vector<int>> children(count);
  for (int i = 0; i < count; ++i) {
    const v1::OrgUnit& unit = proto.units(i);
    if (unit.parent().empty()) {
      if (root >= 0) {
        return absl::InvalidArgumentError(
            absl::StrCat(UnitField(i, unit), ".parent: empty, but ",
                         UnitField(root, proto.units(root)),
                         " is already the root (one unit has no parent)"));
      }
      root = i;
      continue;
    }
    auto it = index.find(unit.parent());
    if (it == index.end()) {
      return absl::InvalidArgumentError(
          absl::StrCat(UnitField(i, unit), ".parent: no unit has the id \"",
                       unit.parent(), "\""));
    }
    if (!proto.units(it->second).team_id().empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(UnitField(i, unit), ".parent: \"", unit.parent(),
                       "\" is a team, and a team has no units below it"));
    }
    children[it->second].push_back(i);
  }
  if (root < 0) {
    return absl::InvalidArgumentError(
        "units: every unit has a parent, so the tree has a cycle and no root");
  }
  Org org;
  org.order_.reserve(count);
  org.parent_.assign(count, -1);
  org.depth_.assign(count, 0);
  org.end_.assign(count, 0);
  std::vector<int> position(count, -1);
  // Depth first without recursion: (unit, next child to visit).
  std::vector<std::pair<int, size_t>> stack = {{root, 0}};
  position[root] = 0;
  org.order_.push_back(root);
  while (!stack.empty()) {
    auto& [unit, next] = stack.back();
    if (next == children[unit].size()) {
      org.end_[position[unit]] = static_cast<int>(org.order_.size());
      stack.pop_back();
      continue;
    }
    const int child = children[unit][next++];
    const int at = static_cast<int>(org.order_.size());
    position[child] = at;
    org.parent_[at] = position[unit];
    org.depth_[at] = org.depth_[position[unit]] + 1;
    org.order_.push_back(child);
    stack.push_back({child, 0});
  }
  if (static_cast<int>(org.order_.size()) != count) {
    for (int i = 0; i < count; ++i) {
      if (position[i] < 0) {
        return absl::InvalidArgumentError(
            absl::StrCat(UnitField(i, proto.units(i)), ".parent: \"",
                         proto.units(i).parent(),
                         "\" leads round in a cycle, never to the root"));
      }
    }
  }
  // Groupings: each team takes the nearest value up its branch.
  internal::HashSet<std::string> group_keys;
  for (int k = 0; k < proto.group_by_size(); ++k) {
    const std::string& key = proto.group_by(k);
    if (key.empty() || !group_keys.insert(key).second) {
      return absl::InvalidArgumentError(
          absl::StrCat("group_by[", k, "]: \"", key,
                       key.empty() ? "\" is empty" : "\" is listed twice"));
    }
  }
  org.proto_ = std::move(proto);
  org.privacy_ = *privacy;
  org.is_team_.resize(count);
  for (int i = 0; i < count; ++i) {
    org.is_team_[i] = !org.Unit(i).team_id().empty();
  }
  for (int i = 0; i < count; ++i) {
    if (!org.IsTeam(i)) continue;
    org.team_unit_.emplace(org.Unit(i).team_id(), i);
    org.teams_by_id_.push_back(i);
  }
  std::sort(org.teams_by_id_.begin(), org.teams_by_id_.end(),
            [&](int a, int b) {
              return org.Unit(a).team_id() < org.Unit(b).team_id();
            });
  for (int u : org.teams_by_id_) {
    org.team_ids_sorted_.push_back(org.Unit(u).team_id());
  }
  for (const std::string& key : org.proto_.group_by()) {
    Grouping grouping;
    grouping.key = key;
    std::vector<std::string> value_of(count);
    for (int i = 0; i < count; ++i) {
      value_of[i] = i == 0 ? "" : value_of[org.parent_[i]];
      for (const v1::OrgAttribute& a : org.Unit(i).attributes()) {
        if (a.key() == key) value_of[i] = a.value();
      }
    }
    for (int i = 0; i < count; ++i) {
      if (org.IsTeam(i)) grouping.values.push_back(value_of[i]);
    }
    std::sort(grouping.values.begin(), grouping.values.end());
    grouping.values.erase(
        std::unique(grouping.values.begin(), grouping.values.end()),
        grouping.values.end());
    grouping.group_of_unit.assign(count, -1);
    for (int i = 0; i < count; ++i) {
      if (!org.IsTeam(i)) continue;
      grouping.group_of_unit[i] = static_cast<int>(
          std::lower_bound(grouping.values.begin(), grouping.values.end(),
                           value_of[i]) -
          grouping.values.begin());
    }
    org.groupings_.push_back(std::move(grouping));
  }
  SuppressionLayout table;
  table.parent = org.parent_;
  int next = count;
  for (size_t k = 0; k < org.groupings_.size(); ++k) {
    const Grouping& g = org.groupings_[k];
    table.group_grouping.insert(table.group_grouping.end(), g.values.size(),
                                static_cast<int>(k));
    std::vector<int> leaf_group(count, -1);
    for (int u = 0; u < count; ++u) {
      if (org.is_team_[u]) leaf_group[u] = next + g.group_of_unit[u];
    }
    next += static_cast<int>(g.values.size());
    table.leaf_group.push_back(std::move(leaf_group));
  }
  org.suppressor_ = std::make_shared<const Suppressor>(std::move(table));
  return org;
}

absl::StatusOr<Org> Org::Parse(absl::string_view text) {
  v1::Organization proto;
  if (absl::StartsWith(absl::StripLeadingAsciiWhitespace(text), "{")) {
    if (absl::Status s = ParseJson(text, "organisation", &proto); !s.ok()) {
      return s;
    }
  } else if (absl::Status s = ParseTextFormat(text, "organisation", &proto);
             !s.ok()) {
    return s;
  }
  return FromProto(std::move(proto));
}

int Org::TeamUnit(absl::string_view team_id) const {
  auto it = team_unit_.find(team_id);
  return it == team_unit_.end() ? -1 : it->second;
}

}  // namespace fives
