/// @file
/// The organisation: a tree of units (organisation, division, department,
/// ... any depth) whose leaves are management teams, each with its journal,
/// and attribute groupings (region, kind) across the tree. Validated once;
/// the rollup (org_rollup.h) works on the indexed form.
#ifndef FIVES_ORG_H_
#define FIVES_ORG_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "fives/cell_suppression.h"
#include "fives/privacy_thresholds.h"
#include "fives/v1/org.pb.h"

namespace fives {

/// Thread safety: immutable after creation; may be shared by threads.
class Org {
 public:
  /// Validates `proto`: ids valid and unique, names non-empty, one root,
  /// every parent a known unit that is not a team, no cycle, team ids valid
  /// and unique, attributes with non-empty keys set once per unit, group_by
  /// keys unique, privacy at least the floors. The error names the unit
  /// ("units[3] (id \"sales\")") and the value.
  static absl::StatusOr<Org> FromProto(v1::Organization proto);
  /// From protobuf text format, or JSON when the text starts with '{'.
  static absl::StatusOr<Org> Parse(absl::string_view text);

  const v1::Organization& proto() const { return proto_; }
  const PrivacyThresholds& privacy() const { return privacy_; }

  /// Units depth first: the root is 0, a unit's subtree is the range
  /// [i, SubtreeEnd(i)), children in the order of the file.
  int UnitCount() const { return static_cast<int>(order_.size()); }
  const v1::OrgUnit& Unit(int i) const { return proto_.units(order_[i]); }
  int Parent(int i) const { return parent_[i]; }
  int Depth(int i) const { return depth_[i]; }
  int SubtreeEnd(int i) const { return end_[i]; }
  bool IsTeam(int i) const { return is_team_[i]; }
  /// The unit of a team id, or -1.
  int TeamUnit(absl::string_view team_id) const;
  /// The team units ordered by team id (byte order), and those ids.
  const std::vector<int>& TeamsById() const { return teams_by_id_; }
  const std::vector<std::string>& TeamIdsSorted() const {
    return team_ids_sorted_;
  }
  int TeamCount() const { return static_cast<int>(team_unit_.size()); }

  /// One group_by key: its values in sorted order (a team with no value for
  /// the key is in the group ""), and each unit's group (-1 for units that
  /// are not teams).
  struct Grouping {
    std::string key;
    std::vector<std::string> values;
    std::vector<int> group_of_unit;
  };
  const std::vector<Grouping>& Groupings() const { return groupings_; }

  /// The organisation as a table of cells for complementary suppression:
  /// the units (cell = unit index), then per grouping its groups (cells
  /// UnitCount() + g in the order of Groupings() and their values), with
  /// the suppressor of that shape, built once.
  int CellCount() const { return suppressor_->cells(); }
  const Suppressor& Suppression() const { return *suppressor_; }

 private:
  Org() = default;
  v1::Organization proto_;
  PrivacyThresholds privacy_;
  std::vector<int> order_, parent_, depth_, end_;
  std::vector<bool> is_team_;
  std::vector<int> teams_by_id_;
  std::vector<std::string> team_ids_sorted_;
  absl::flat_hash_map<std::string, int> team_unit_;
  std::vector<Grouping> groupings_;
  /// Shared by copies: an Org is immutable.
  std::shared_ptr<const Suppressor> suppressor_;
};

}  // namespace fives

#endif  // FIVES_ORG_H_
