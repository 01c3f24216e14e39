#include "fives/limits.h"

#include <atomic>
#include <iterator>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "fives/error_detail.h"

namespace fives {
namespace {

constexpr int64_t kMiB = int64_t{1} << 20;

// The defaults, and why (a team of ten, a round, a plan and a check every
// six weeks: 9 rounds, 18 actions and 8 checks a year):
constexpr LimitSpec kSpecs[] = {
    // Ten years of such a team write 160 KiB: 32 MiB is two centuries of a
    // team that writes long texts.
    {Limit::kInputBytes, "input_bytes", "bytes", 32 * kMiB, 1024 * kMiB},
    // A hundred years of turnover in a team of ten is about 300 members.
    {Limit::kMembers, "members", "entries", 1000, 10'000'000},
    // A round every six weeks for a century: 870.
    {Limit::kRounds, "rounds", "entries", 1000, 1'000'000},
    // Two actions a plan and a few agreements a check, for a century.
    {Limit::kActions, "actions", "entries", 10'000, 10'000'000},
    // Weekly feedback on one action for twenty years.
    {Limit::kFeedback, "feedback", "entries", 1000, 1'000'000},
    // A check every six weeks for a century.
    {Limit::kChecks, "checks", "entries", 1000, 1'000'000},
    // The method asks for a handful of agreements per pillar; a charter
    // with every list long still has a few hundred entries.
    {Limit::kCharterEntries, "charter_entries", "entries", 1000, 1'000'000},
    // Ids are keys ("r12", "ann.de-vries", a UUID) of A-Z a-z 0-9 . _ -.
    {Limit::kIdBytes, "id_bytes", "bytes", 64, 4096},
    // A person's or a team's name, in any script.
    {Limit::kNameBytes, "name_bytes", "bytes", 256, 64 * 1024},
    // Feedback, notes and charter texts: a few pages.
    {Limit::kTextBytes, "text_bytes", "bytes", 16 * 1024, 16 * kMiB},
    // A journal nests seven levels deep; protobuf's own parsers stop at 100.
    {Limit::kDepth, "depth", "levels", 32, 100},
};
constexpr int kCount = static_cast<int>(std::size(kSpecs));

// The values in force, in the order of kSpecs; 0 means the default.
std::atomic<int64_t> g_values[kCount] = {};

int IndexOf(Limit limit) { return static_cast<int>(limit) - 1; }

bool Known(Limit limit) {
  const int i = IndexOf(limit);
  return i >= 0 && i < kCount;
}

}  // namespace

absl::Span<const LimitSpec> LimitSpecs() { return kSpecs; }

absl::StatusOr<LimitSpec> SpecOf(Limit limit) {
  if (!Known(limit)) {
    return absl::InvalidArgumentError(
        absl::StrCat("limit: ", static_cast<int>(limit), " is not a limit (1..",
                     kCount, ")"));
  }
  return kSpecs[IndexOf(limit)];
}

absl::StatusOr<Limit> LimitFromName(absl::string_view name) {
  for (const LimitSpec& spec : kSpecs) {
    if (spec.name == name) return spec.limit;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("limit: \"", name, "\" is not a limit (",
                   absl::StrJoin(kSpecs, ", ",
                                 [](std::string* out, const LimitSpec& s) {
                                   absl::StrAppend(out, s.name);
                                 }),
                   ")"));
}

int64_t GetLimit(Limit limit) {
  if (!Known(limit)) return 0;
  const int i = IndexOf(limit);
  const int64_t value = g_values[i].load(std::memory_order_relaxed);
  return value == 0 ? kSpecs[i].default_value : value;
}

absl::Status SetLimit(Limit limit, int64_t value) {
  absl::StatusOr<LimitSpec> spec = SpecOf(limit);
  if (!spec.ok()) return spec.status();
  if (value < 0 || value > spec->max_value) {
    return absl::InvalidArgumentError(absl::StrCat(
        spec->name, ": ", value, " is outside 1..", spec->max_value,
        " (0 restores the default, ", spec->default_value, ")"));
  }
  g_values[IndexOf(limit)].store(value, std::memory_order_relaxed);
  return absl::OkStatus();
}

absl::Status CheckLimit(Limit limit, int64_t value, absl::string_view field) {
  const int64_t most = GetLimit(limit);
  if (value <= most) return absl::OkStatus();
  const LimitSpec& spec = kSpecs[IndexOf(limit)];
  return InField(
      WithDetail(
          absl::ResourceExhaustedError(absl::StrCat(
              ": ", value, " ", spec.unit, ", more than the limit of ", most,
              " (\"", spec.name, "\")")),
          v1::ERROR_CODE_LIMIT,
          {value, ErrorArgument::Phrase(absl::StrCat("limit_unit_", spec.unit)),
           most}),
      field);
}

}  // namespace fives
