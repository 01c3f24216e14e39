// fives check due | record | tick, and fives guardian: the collaboration
// check every 6-8 weeks, the warning signals ticked at it, and the rotating
// process guardian.
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "command_line.h"
#include "commands.h"
#include "fives/charter.h"
#include "fives/civil_date.h"
#include "fives/error_detail.h"
#include "fives/journal_document.h"
#include "fives/pillar.h"
#include "journal_file.h"
#include "report_output.h"
#include "signal_flag.h"

namespace fives::cli {
namespace {

int Due(const ParsedArgs& args) {
  absl::StatusOr<std::optional<absl::CivilDay>> date = DateFlag(args, true);
  if (!date.ok()) {
    return UsageError("check due", date.status());
  }
  absl::StatusOr<Language> lang = LangFlag(args);
  if (!lang.ok()) {
    return UsageError("check due", lang.status());
  }
  return ReadJournal(args, [&](const Journal& j) {
    if (args.Switch("json")) {
      PrintJson(j.CheckDue(**date));
      return kExitOk;
    }
    v1::DocumentRequest request =
        DocumentOf(v1::DOCUMENT_KIND_CHECK_DUE, *lang);
    request.set_as_of(FormatCivilDate(**date));
    return PrintDocument(j, request, "check due");
  });
}

// --agree 'TEXT' or 'TEXT|OWNER|PILLAR|VISIBLE RESULT[|DUE]': an agreement,
// or one that becomes an action titled TEXT.
absl::Status ParseAgreement(const std::string& spec, int index,
                            CheckInput& input) {
  std::vector<std::string> fields = absl::StrSplit(spec, '|');
  for (std::string& f : fields) f = std::string(absl::StripAsciiWhitespace(f));
  if (fields.size() != 1 && fields.size() != 4 && fields.size() != 5) {
    return CommandLineError(v1::ERROR_CODE_AGREE_FORM, {spec});
  }
  input.agreements.push_back(fields[0]);
  if (fields.size() == 1) return absl::OkStatus();
  AgreementAction aa;
  aa.agreement = index;
  aa.action.title = fields[0];
  aa.action.owner_id = fields[1];
  absl::StatusOr<Pillar> pillar = PillarFromKey(fields[2]);
  if (!pillar.ok()) {
    return WithDetail(
        absl::InvalidArgumentError(absl::StrCat(
            "--agree \"", spec, "\": \"", fields[2],
            "\" is not a pillar (strategy, synergy, structure, steering, "
            "success)")),
        v1::ERROR_CODE_NOT_A_PILLAR, {fields[2]});
  }
  aa.action.pillar = *pillar;
  aa.action.visible_result = fields[3];
  if (fields.size() == 5) {
    absl::StatusOr<absl::CivilDay> due = ParseDateArg(fields[4], "--agree due");
    if (!due.ok()) return due.status();
    aa.action.due = *due;
  }
  input.agreement_actions.push_back(std::move(aa));
  return absl::OkStatus();
}

// --review 'ACTION=kept[:NOTE]', 'ACTION=done[:NOTE]',
// 'ACTION=dropped:REASON' or 'ACTION=replanned:YYYY-MM-DD[:NOTE]'.
absl::StatusOr<v1::ActionReview> ParseReview(const std::string& spec) {
  const size_t eq = spec.find('=');
  if (eq == std::string::npos || eq == 0) {
    return CommandLineError(v1::ERROR_CODE_REVIEW_NO_ACTION, {spec});
  }
  v1::ActionReview review;
  review.set_action_id(
      std::string(absl::StripAsciiWhitespace(spec.substr(0, eq))));
  const std::string rest = spec.substr(eq + 1);
  const size_t colon = rest.find(':');
  const std::string outcome =
      absl::AsciiStrToLower(absl::StripAsciiWhitespace(rest.substr(0, colon)));
  std::string detail = colon == std::string::npos ? "" : rest.substr(colon + 1);
  if (outcome == "kept") {
    review.set_outcome(v1::REVIEW_OUTCOME_KEPT);
    review.set_note(detail);
  } else if (outcome == "done") {
    review.set_outcome(v1::REVIEW_OUTCOME_DONE);
    review.set_note(detail);
  } else if (outcome == "dropped") {
    if (absl::StripAsciiWhitespace(detail).empty()) {
      return CommandLineError(v1::ERROR_CODE_REVIEW_DROP_REASON, {spec});
    }
    review.set_outcome(v1::REVIEW_OUTCOME_DROPPED);
    review.set_note(detail);
  } else if (outcome == "replanned") {
    const size_t more = detail.find(':');
    const std::string due = detail.substr(0, more);
    absl::StatusOr<absl::CivilDay> day = ParseDateArg(due, "--review new due");
    if (!day.ok()) return day.status();
    review.set_outcome(v1::REVIEW_OUTCOME_REPLANNED);
    review.set_new_due(due);
    if (more != std::string::npos) review.set_note(detail.substr(more + 1));
  } else {
    return CommandLineError(v1::ERROR_CODE_REVIEW_OUTCOME, {spec, outcome});
  }
  return review;
}

int Record(const ParsedArgs& args) {
  absl::StatusOr<Language> lang = LangFlag(args);
  if (!lang.ok()) {
    return UsageError("check record", lang.status());
  }
  absl::StatusOr<std::optional<absl::CivilDay>> date = DateFlag(args, true);
  if (!date.ok()) {
    return UsageError("check record", date.status());
  }
  CheckInput input;
  input.date = **date;
  input.helps = args.Values("helps");
  input.chafes = args.Values("chafes");
  input.hinders = args.Values("hinders");
  const std::vector<std::string>& agreements = args.Values("agree");
  for (size_t i = 0; i < agreements.size(); ++i) {
    if (absl::Status s =
            ParseAgreement(agreements[i], static_cast<int>(i), input);
        !s.ok()) {
      return UsageError("check record", s);
    }
  }
  for (const std::string& spec : args.Values("review")) {
    absl::StatusOr<v1::ActionReview> review = ParseReview(spec);
    if (!review.ok()) {
      return UsageError("check record", review.status());
    }
    input.reviews.push_back(*std::move(review));
  }
  absl::StatusOr<std::vector<v1::SignalTick>> signals =
      ParseSignalFlags(args.Values("signal"));
  if (!signals.ok()) {
    return UsageError("check record", signals.status());
  }
  input.signals = *std::move(signals);
  return UpdateJournal(args, [&](Journal& j) -> absl::StatusOr<std::string> {
    absl::StatusOr<std::string> id = j.RecordCheck(input);
    if (!id.ok()) return id.status();
    v1::DocumentRequest request = DocumentOf(v1::DOCUMENT_KIND_CHECK, *lang);
    request.set_check_id(*id);
    return RenderJournalDocument(j, request);
  });
}

// fives check tick CHECK --signal PILLAR:N...: warning signals the team
// ticked at a check already recorded.
int Tick(const ParsedArgs& args) {
  absl::StatusOr<Language> lang = LangFlag(args);
  if (!lang.ok()) {
    return UsageError("check tick", lang.status());
  }
  absl::StatusOr<std::vector<v1::SignalTick>> signals =
      ParseSignalFlags(args.Values("signal"));
  if (!signals.ok()) {
    return UsageError("check tick", signals.status());
  }
  if (signals->empty()) {
    return UsageError("check tick", CommandLineError(v1::ERROR_CODE_SIGNALS_NONE,
                                                     {args.Usage()}));
  }
  const std::string& check_id = args.positional[0];
  return UpdateJournal(args, [&](Journal& j) -> absl::StatusOr<std::string> {
    // A signal the check already has, in the numbers of --signal.
    for (const v1::SignalTick& t : j.proto().charter().signals()) {
      for (const v1::SignalTick& s : *signals) {
        if (t.check_id() == check_id && t.pillar() == s.pillar() &&
            t.number() == s.number()) {
          const Pillar p = *PillarFromProto(s.pillar());
          return WithContext(
              CommandLineError(v1::ERROR_CODE_SIGNAL_TICKED,
                               {p, s.number(), check_id}),
              absl::StrCat("--signal \"", SignalLabel(p, s.number()),
                           "\": "));
        }
      }
    }
    if (absl::Status s = j.TickSignals(check_id, *signals); !s.ok()) {
      return s;
    }
    v1::DocumentRequest request = DocumentOf(v1::DOCUMENT_KIND_CHECK, *lang);
    request.set_check_id(check_id);
    return RenderJournalDocument(j, request);
  });
}

int RunGuardian(const ParsedArgs& args) {
  absl::StatusOr<std::optional<absl::CivilDay>> date = DateFlag(args, true);
  if (!date.ok()) {
    return UsageError("guardian", date.status());
  }
  absl::StatusOr<Language> lang = LangFlag(args);
  if (!lang.ok()) {
    return UsageError("guardian", lang.status());
  }
  return ReadJournal(args, [&](const Journal& j) {
    if (args.Switch("json")) {
      PrintJson(j.GuardianReportOn(**date));
      return kExitOk;
    }
    v1::DocumentRequest request = DocumentOf(v1::DOCUMENT_KIND_GUARDIAN, *lang);
    request.set_as_of(FormatCivilDate(**date));
    return PrintDocument(j, request, "guardian");
  });
}

constexpr Flag kDueFlags[] = {
    kJournalFlag,
    Flag::Value("date", "YYYY-MM-DD", "the day to ask about").Required(),
    Flag::Switch("json", "print JSON, a fives.v1.CheckDue"),
    kLangFlag,
};

constexpr Flag kSignalFlag =
    Flag::Repeated("signal", "PILLAR:N", "tick a pillar's warning signal N");

constexpr Flag kRecordFlags[] = {
    kJournalFlag,
    Flag::Value("date", "YYYY-MM-DD", "the day of the check").Required(),
    Flag::Repeated("helps", "TEXT", "what helps the collaboration"),
    Flag::Repeated("chafes", "TEXT", "what chafes"),
    Flag::Repeated("hinders", "TEXT", "what hinders"),
    Flag::Repeated("agree", "'TEXT[|OWNER|PILLAR|VISIBLE RESULT[|DUE]]'",
                   "an agreement; with an owner it becomes an action"),
    Flag::Repeated("review",
                   "'ACTION=kept|done|dropped:REASON|replanned:YYYY-MM-DD'",
                   "the outcome of an open action"),
    kSignalFlag,
    kLangFlag,
};

constexpr absl::string_view kSignalDetails =
    "N counts from 1 in the order fives charter signals lists a pillar's\n"
    "warning signals.\n";

constexpr absl::string_view kRecordDetails =
    "One --review for every open action. N of --signal counts from 1 in the\n"
    "order fives charter signals lists a pillar's warning signals.\n";

constexpr Flag kTickFlags[] = {kJournalFlag, kSignalFlag.Required(), kLangFlag};

constexpr Flag kGuardianFlags[] = {
    kJournalFlag,
    Flag::Value("date", "YYYY-MM-DD", "the day to ask about").Required(),
    Flag::Switch("json", "print JSON, a fives.v1.GuardianReport"),
    kLangFlag,
};

constexpr Command kCheck[] = {
    {"check due", "", "is the collaboration check due, and what it must review",
     kDueFlags, Due},
    {"check record", "",
     "a collaboration check: what helps, chafes and hinders, what the team "
     "agrees, a review of every open action, warning signals ticked",
     kRecordFlags, Record, 0, 0, kRecordDetails},
    {"check tick", "CHECK", "warning signals ticked at a recorded check",
     kTickFlags, Tick, 1, 1, kSignalDetails},
};

constexpr Command kGuardian[] = {
    {"guardian", "", "the process guardian and the terms so far",
     kGuardianFlags, RunGuardian},
};

}  // namespace

absl::Span<const Command> CheckCommands() { return kCheck; }
absl::Span<const Command> GuardianCommands() { return kGuardian; }

}  // namespace fives::cli
