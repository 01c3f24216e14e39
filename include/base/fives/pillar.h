/// @file
/// The five pillars of the 5S method, in the order the method gives them.
#ifndef FIVES_PILLAR_H_
#define FIVES_PILLAR_H_

#include <array>
#include <cstddef>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "fives/v1/pillar.pb.h"

namespace fives {

enum class Pillar {
  kStrategy = 0,
  kSynergy = 1,
  kStructure = 2,
  kSteering = 3,
  kSuccess = 4,
};

inline constexpr std::size_t kPillarCount = 5;

/// Every pillar, in the method's order.
inline constexpr std::array<Pillar, kPillarCount> kAllPillars = {
    Pillar::kStrategy, Pillar::kSynergy, Pillar::kStructure, Pillar::kSteering,
    Pillar::kSuccess};

/// Position of the pillar in the method's order, 0..4.
constexpr std::size_t PillarIndex(Pillar p) {
  return static_cast<std::size_t>(p);
}

/// Lower-case English key: "strategy", "synergy", "structure", "steering",
/// "success".
absl::string_view PillarKey(Pillar p);

/// The Dutch key, for labels a Dutch reader types: "strategie", "synergie",
/// "structuur", "sturing", "succes".
absl::string_view PillarKeyInDutch(Pillar p);

/// Parses a key as returned by PillarKey or PillarKeyInDutch
/// (case-insensitive).
absl::StatusOr<Pillar> PillarFromKey(absl::string_view key);

v1::Pillar ToProto(Pillar p);

/// True for PILLAR_STRATEGY .. PILLAR_SUCCESS.
constexpr bool IsValidPillar(int value) {
  return value >= 1 && value <= static_cast<int>(kPillarCount);
}

/// Fails with InvalidArgument naming `field` for PILLAR_UNSPECIFIED or an
/// unknown value.
absl::StatusOr<Pillar> PillarFromProto(v1::Pillar p,
                                       absl::string_view field = "pillar");

}  // namespace fives

#endif  // FIVES_PILLAR_H_
