/// @file
/// Every screen of a team's journal for people to read, in English or Dutch:
/// the round's report with the verdict on the previous focus (and, as
/// Markdown or HTML, the whole meeting page), its pictures, the follow-up,
/// the actions, the check due, a recorded check, the process guardian, a
/// plan, the charter, the charter review, the warning signals and the
/// members. One call for all of them, so a host in any language shows what
/// the `fives` command shows, byte for byte: the command prints exactly
/// these documents. The C ABI's fives_journal_render and Python's
/// Journal.render are this call.
///
/// Every figure of a confidential round in these documents comes from the
/// round's report, built by the one disclosure decision (fives/disclosure.h).
#ifndef FIVES_JOURNAL_DOCUMENT_H_
#define FIVES_JOURNAL_DOCUMENT_H_

#include <string>

#include "absl/status/statusor.h"
#include "fives/journal.h"
#include "fives/v1/document.pb.h"

namespace fives {

/// The document `request` asks for (see fives.v1.DocumentRequest for what
/// each kind needs), as UTF-8 text. Errors name the request's field and
/// value: INVALID_ARGUMENT for an unknown kind, format or language, a format
/// the kind does not come in (pictures are SVG only; the other kinds text,
/// Markdown or HTML), a missing or malformed as_of, a negative stale_days;
/// NOT_FOUND for a round, plan, check or owner the journal does not have, or
/// a report asked of a journal without a closed round.
absl::StatusOr<std::string> RenderJournalDocument(
    const Journal& journal, const v1::DocumentRequest& request);

/// The documents that need no journal: DOCUMENT_KIND_SIGNALS, the same
/// bytes as RenderJournalDocument gives. INVALID_ARGUMENT, naming
/// request.kind, for every other kind.
absl::StatusOr<std::string> RenderCatalogDocument(
    const v1::DocumentRequest& request);

}  // namespace fives

#endif  // FIVES_JOURNAL_DOCUMENT_H_
