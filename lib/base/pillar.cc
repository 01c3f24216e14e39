#include "fives/pillar.h"

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace fives {
namespace {

constexpr std::array<absl::string_view, kPillarCount> kKeys = {
    "strategy", "synergy", "structure", "steering", "success"};

}  // namespace

absl::string_view PillarKey(Pillar p) { return kKeys[PillarIndex(p)]; }

absl::string_view PillarKeyInDutch(Pillar p) {
  static constexpr absl::string_view kDutchKeys[] = {
      "strategie", "synergie", "structuur", "sturing", "succes"};
  return kDutchKeys[PillarIndex(p)];
}

absl::StatusOr<Pillar> PillarFromKey(absl::string_view key) {
  const std::string lower = absl::AsciiStrToLower(key);
  for (Pillar p : kAllPillars) {
    if (lower == PillarKey(p) || lower == PillarKeyInDutch(p)) return p;
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "pillar: unknown key \"", key,
      "\" (expected strategy, synergy, structure, steering or success)"));
}

v1::Pillar ToProto(Pillar p) {
  return static_cast<v1::Pillar>(PillarIndex(p) + 1);
}

absl::StatusOr<Pillar> PillarFromProto(v1::Pillar p, absl::string_view field) {
  const int value = static_cast<int>(p);
  if (value < 1 || value > static_cast<int>(kPillarCount)) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": ", value,
                     " is not a pillar (expected 1..5, PILLAR_STRATEGY to "
                     "PILLAR_SUCCESS)"));
  }
  return static_cast<Pillar>(value - 1);
}

}  // namespace fives
