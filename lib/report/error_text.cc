#include "fives/error_text.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "fives/charter_phrases.h"
#include "fives/error_detail.h"
#include "fives/pillar.h"

namespace fives {
namespace {

std::string ArgText(const v1::ErrorArg& arg, Language language) {
  switch (arg.value_case()) {
    case v1::ErrorArg::kPillar:
      if (IsValidPillar(arg.pillar())) {
        return PillarName(static_cast<Pillar>(arg.pillar() - 1), language);
      }
      return absl::StrCat(static_cast<int>(arg.pillar()));
    case v1::ErrorArg::kPhrase:
      return std::string(Phrase(arg.phrase(), language));
    case v1::ErrorArg::kText:
      return arg.text();
    case v1::ErrorArg::VALUE_NOT_SET:
      break;
  }
  return "";
}

// An error of the charter: its field, and the finding in words.
std::optional<std::string> CharterFindingText(const v1::ErrorDetail& detail,
                                              Language language) {
  if (detail.args_size() < 2) return std::nullopt;
  v1::Finding finding;
  finding.set_code(detail.args(1).text());
  for (int i = 2; i < detail.args_size(); ++i) {
    finding.add_args()->assign(detail.args(i).text());
  }
  const std::string finding_key = absl::StrCat("finding_", finding.code());
  if (Phrase(finding_key, language) == finding_key) return std::nullopt;
  return Say(ErrorPhraseKey(detail.code()), language, detail.args(0).text(),
             FindingText(finding, language));
}

// The detail in `language`; nullopt for a code without a phrase.
std::optional<std::string> DetailText(const v1::ErrorDetail& detail,
                                      Language language) {
  const std::string key = ErrorPhraseKey(detail.code());
  if (key.empty() || Phrase(key, language) == key) return std::nullopt;
  if (detail.code() == v1::ERROR_CODE_CHARTER_FINDING) {
    return CharterFindingText(detail, language);
  }
  std::vector<std::string> args;
  args.reserve(detail.args_size());
  for (const v1::ErrorArg& arg : detail.args()) {
    args.push_back(ArgText(arg, language));
  }
  std::string text = SayWith(key, language, args);
  // Parts nest only as deep as a status's payload does; the walk is
  // bounded by the detail's size.
  const char* separator = ": ";
  for (const v1::ErrorDetail& part : detail.parts()) {
    std::optional<std::string> part_text = DetailText(part, language);
    if (!part_text.has_value()) return std::nullopt;
    absl::StrAppend(&text, separator, *part_text);
    separator = "; ";
  }
  return text;
}

// The detail in `language`, or `message` when it cannot be written (no
// detail, or a code this version has no phrase for).
std::string TextOr(const v1::ErrorDetail& detail, absl::string_view message,
                   Language language) {
  std::optional<std::string> text = DetailText(detail, language);
  return text.has_value() ? *std::move(text) : std::string(message);
}

}  // namespace

std::string ErrorPhraseKey(v1::ErrorCode code) {
  constexpr absl::string_view kPrefix = "ERROR_CODE_";
  if (code == v1::ERROR_CODE_UNSPECIFIED || !v1::ErrorCode_IsValid(code)) {
    return "";
  }
  const std::string& name = v1::ErrorCode_Name(code);
  if (!absl::StartsWith(name, kPrefix)) return "";
  return absl::StrCat("error_",
                      absl::AsciiStrToLower(name.substr(kPrefix.size())));
}

std::string ErrorText(const absl::Status& status, Language language) {
  if (status.ok()) return "";
  std::optional<v1::ErrorDetail> detail = ErrorDetailOf(status);
  if (!detail.has_value()) return std::string(status.message());
  return TextOr(*detail, status.message(), language);
}

std::string ErrorText(const v1::Error& error, Language language) {
  return TextOr(error.detail(), error.message(), language);
}

}  // namespace fives
