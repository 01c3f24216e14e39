/// @file
/// The charter's styles, agreements and findings in words, in Dutch or
/// English: the catalog phrases the charter screens and reports name them
/// with.
#ifndef FIVES_CHARTER_PHRASES_H_
#define FIVES_CHARTER_PHRASES_H_

#include <string>

#include "absl/strings/string_view.h"
#include "fives/catalog.h"
#include "fives/v1/charter.pb.h"

namespace fives {

/// The style's name and its usual pitfall in `language` (catalog phrases
/// "style_<key>" and "style_<key>_pitfall"; `key` must be a style key of
/// kStylePairs, fives/charter.h).
absl::string_view StyleName(absl::string_view key, Language language);
absl::string_view StylePitfall(absl::string_view key, Language language);

/// The agreement's name, and what to make when it is missing, in `language`
/// (catalog phrases "agreement_<key>" and "agreement_<key>_next"; `key` as
/// AgreementKeys gives it, fives/charter.h).
absl::string_view AgreementName(absl::string_view key, Language language);
absl::string_view AgreementNextStep(absl::string_view key, Language language);

/// A finding of the charter (fives::ToProto of a CharterFinding, or one of
/// a CharterReview) in `language`: the catalog phrase "finding_<code>" with
/// its arguments, the dates among them written long (FormatLongDate) and the
/// words among them (decision models, steering moments) in the language
/// too; the English message for a finding without a code.
std::string FindingText(const v1::Finding& finding, Language language);

}  // namespace fives

#endif  // FIVES_CHARTER_PHRASES_H_
