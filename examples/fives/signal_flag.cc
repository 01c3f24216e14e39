#include "signal_flag.h"

#include <initializer_list>
#include <set>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "fives/catalog.h"
#include "fives/error_detail.h"
#include "fives/pillar.h"

namespace fives::cli {

absl::StatusOr<std::vector<v1::SignalTick>> ParseSignalFlags(
    const std::vector<std::string>& values) {
  std::vector<v1::SignalTick> ticks;
  std::set<std::pair<int, int>> seen;
  for (const std::string& value : values) {
    const auto bad = [&](absl::string_view why, v1::ErrorCode code,
                         std::initializer_list<ErrorArgument> args) {
      return WithDetail(absl::InvalidArgumentError(
                            absl::StrCat("--signal \"", value, "\": ", why)),
                        code, args);
    };
    const size_t colon = value.find(':');
    if (colon == std::string::npos) {
      return bad(
          "expected PILLAR:N, e.g. strategy:2 (fives charter signals lists "
          "them)",
          v1::ERROR_CODE_SIGNAL_FORM, {});
    }
    const absl::string_view key =
        absl::StripAsciiWhitespace(absl::string_view(value).substr(0, colon));
    absl::StatusOr<Pillar> pillar = PillarFromKey(key);
    if (!pillar.ok()) {
      return bad(
          absl::StrCat(
              "\"", key,
              "\" is not a pillar (strategy, synergy, structure, steering, "
              "success)"),
          v1::ERROR_CODE_NOT_A_PILLAR, {key});
    }
    const int count =
        PillarTextsFor(*pillar, Language::kEnglish).warning_signals_size();
    const absl::string_view number =
        absl::StripAsciiWhitespace(absl::string_view(value).substr(colon + 1));
    int n = 0;
    if (!absl::SimpleAtoi(number, &n)) {
      return bad(absl::StrCat("\"", number, "\" is not a whole number"),
                 v1::ERROR_CODE_SIGNAL_NUMBER, {number});
    }
    if (n < 1 || n > count) {
      return bad(
          absl::StrCat(n, " is outside the ", count, " warning signals of ",
                       PillarKey(*pillar), " (1..", count,
                       "; fives charter signals lists them)"),
          v1::ERROR_CODE_SIGNAL_OUTSIDE, {n, count, *pillar});
    }
    if (!seen.emplace(static_cast<int>(*pillar), n).second) {
      return bad("given twice", v1::ERROR_CODE_SIGNAL_TWICE, {});
    }
    v1::SignalTick tick;
    tick.set_pillar(ToProto(*pillar));
    tick.set_number(n);
    ticks.push_back(std::move(tick));
  }
  return ticks;
}

}  // namespace fives::cli
