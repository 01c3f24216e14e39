// Text of the team charter: the charter itself per pillar (fives charter
// show) and the catalog's warning signals with the numbers a check ticks
// them by. The review is in charter_review_text.h.
// Every word comes from the catalog, in English or Dutch; the team's own
// entries are shown as written.
#ifndef FIVES_EXAMPLES_FIVES_CHARTER_TEXT_H_
#define FIVES_EXAMPLES_FIVES_CHARTER_TEXT_H_

#include <string>

#include "fives/catalog.h"
#include "fives/journal.h"
#include "fives/pillar.h"
#include "fives/v1/charter.pb.h"

namespace fives::cli {

// "strategy:2": a warning signal as --signal takes it (N counts from 1;
// `index` from 0, as in SignalTick).
std::string SignalLabel(Pillar pillar, int index);

// The catalog's text of a warning signal; "?" for an index outside it.
std::string SignalText(Pillar pillar, int index, Language lang);

// The charter per pillar: the shared sentence, priorities, not-doing list,
// decisions past the strategy; the disagreement norm, feedback language
// and styles with their pitfalls; the decision register and log, meeting
// blocks, agenda and topic owners; KPIs, steering moments, communication
// and risks; the goals; the warning signals ticked, by check. Members by
// id and name.
std::string RenderCharter(const Journal& journal, Language lang);

// Every pillar's warning signals with their --signal PILLAR:N.
std::string RenderSignalCatalog(Language lang);

}  // namespace fives::cli

#endif  // FIVES_EXAMPLES_FIVES_CHARTER_TEXT_H_
