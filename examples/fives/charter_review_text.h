// Text of the charter review (fives charter check, and the end of fives
// demo): per pillar the readiness, the agreements missing and stale, the
// warning signals over the checks and the findings; then the next
// agreement.
#ifndef FIVES_EXAMPLES_FIVES_CHARTER_REVIEW_TEXT_H_
#define FIVES_EXAMPLES_FIVES_CHARTER_REVIEW_TEXT_H_

#include <string>

#include "fives/catalog.h"
#include "fives/journal.h"
#include "fives/v1/charter.pb.h"

namespace fives::cli {

// The review: per pillar the readiness ("3/4"), the agreements missing and
// stale, the warning signals ticked and whether the latest check still saw
// them, the findings; then the next agreement and its next step.
std::string RenderCharterReview(const Journal& journal,
                                const v1::CharterReview& review, Language lang);

}  // namespace fives::cli

#endif  // FIVES_EXAMPLES_FIVES_CHARTER_REVIEW_TEXT_H_
