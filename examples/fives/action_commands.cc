// fives plan, and fives action list | update | feedback: the team's answer
// to a round and the follow-up of its actions.
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "command_line.h"
#include "commands.h"
#include "fives/catalog.h"
#include "fives/civil_date.h"
#include "fives/error_detail.h"
#include "fives/journal_document.h"
#include "fives/pillar.h"
#include "journal_file.h"
#include "report_output.h"

namespace fives::cli {
namespace {

absl::StatusOr<std::optional<Pillar>> PillarFlag(absl::string_view flag,
                                                 const std::string& value) {
  if (value.empty()) return std::optional<Pillar>();
  absl::StatusOr<Pillar> p = PillarFromKey(value);
  if (!p.ok()) {
    return WithDetail(
        absl::InvalidArgumentError(absl::StrCat(
            "--", flag, ": \"", value,
            "\" is not a pillar (strategy, synergy, structure, steering, "
            "success)")),
        v1::ERROR_CODE_NOT_A_PILLAR, {value});
  }
  return std::optional<Pillar>(*p);
}

// 'OWNER|TITLE|VISIBLE RESULT[|DUE]'.
absl::StatusOr<ActionInput> ParseActionSpec(const std::string& spec) {
  std::vector<std::string> fields = absl::StrSplit(spec, '|');
  if (fields.size() < 3 || fields.size() > 4) {
    return CommandLineError(v1::ERROR_CODE_ACTION_FORM, {spec});
  }
  for (std::string& f : fields) f = std::string(absl::StripAsciiWhitespace(f));
  ActionInput action;
  action.owner_id = fields[0];
  action.title = fields[1];
  action.visible_result = fields[2];
  if (fields.size() == 4) {
    absl::StatusOr<absl::CivilDay> due =
        ParseDateArg(fields[3], "--action due");
    if (!due.ok()) return due.status();
    action.due = *due;
  }
  return action;
}

int RunPlan(const ParsedArgs& args) {
  absl::StatusOr<Language> lang = LangFlag(args);
  if (!lang.ok()) {
    return UsageError("plan", lang.status());
  }
  absl::StatusOr<std::optional<absl::CivilDay>> date = DateFlag(args, true);
  if (!date.ok()) {
    return UsageError("plan", date.status());
  }
  absl::StatusOr<std::optional<Pillar>> focus =
      PillarFlag("focus", args.Value("focus"));
  if (!focus.ok()) {
    return UsageError("plan", focus.status());
  }
  PlanInput input;
  input.round_id = args.positional[0];
  input.created = **date;
  input.focus = *focus;
  input.note = args.Value("note");
  for (const std::string& spec : args.Values("action")) {
    absl::StatusOr<ActionInput> action = ParseActionSpec(spec);
    if (!action.ok()) {
      return UsageError("plan", action.status());
    }
    input.actions.push_back(*std::move(action));
  }
  if (input.actions.empty()) {
    return UsageError("plan", CommandLineError(v1::ERROR_CODE_ACTIONS_NONE,
                                               {args.Usage()}));
  }
  return UpdateJournal(args, [&](Journal& j) -> absl::StatusOr<std::string> {
    absl::StatusOr<std::string> id = j.CreatePlan(input);
    if (!id.ok()) return id.status();
    v1::DocumentRequest request = DocumentOf(v1::DOCUMENT_KIND_PLAN, *lang);
    request.set_plan_id(*id);
    absl::StatusOr<std::string> plan = RenderJournalDocument(j, request);
    if (!plan.ok()) return plan.status();
    return absl::StrCat(*plan, Say("done_plan_hint", *lang), "\n");
  });
}

int List(const ParsedArgs& args) {
  absl::StatusOr<std::optional<absl::CivilDay>> date = DateFlag(args, false);
  if (!date.ok()) {
    return UsageError("action list", date.status());
  }
  absl::StatusOr<std::optional<Pillar>> pillar =
      PillarFlag("pillar", args.Value("pillar"));
  if (!pillar.ok()) {
    return UsageError("action list", pillar.status());
  }
  absl::StatusOr<Language> lang = LangFlag(args);
  if (!lang.ok()) {
    return UsageError("action list", lang.status());
  }
  const std::string owner = args.Value("owner");
  return ReadJournal(args, [&](const Journal& j) {
    if (!owner.empty() && j.team().FindMember(owner) == nullptr) {
      return Refused(
          "action list",
          WithDetail(absl::NotFoundError(absl::StrCat(
                         "--owner: \"", owner, "\" is not a member of team \"",
                         j.team().id(), "\"")),
                     v1::ERROR_CODE_MEMBER_UNKNOWN, {owner, j.team().id()}));
    }
    const bool json = args.Switch("json");
    if (json && date->has_value()) {
      PrintJson(j.FollowUp(**date, owner, *pillar));
      return kExitOk;
    }
    if (json) {
      // No date: every action as it stands; the follow-up lists need a day.
      v1::ActionList list;
      for (const v1::Action* a : j.Actions(owner, *pillar)) {
        *list.add_actions() = *a;
      }
      PrintJson(list);
      return kExitOk;
    }
    v1::DocumentRequest request =
        DocumentOf(date->has_value() ? v1::DOCUMENT_KIND_FOLLOW_UP
                                     : v1::DOCUMENT_KIND_ACTIONS,
                   *lang);
    if (date->has_value()) request.set_as_of(FormatCivilDate(**date));
    request.set_owner_id(owner);
    if (*pillar) request.set_pillar(ToProto(**pillar));
    return PrintDocument(j, request, "action list");
  });
}

int Update(const ParsedArgs& args) {
  absl::StatusOr<Language> lang = LangFlag(args);
  if (!lang.ok()) {
    return UsageError("action update", lang.status());
  }
  const std::string& id = args.positional[0];
  const std::string& to = args.positional[1];
  if (to != "open" && to != "done" && to != "drop") {
    return UsageError("action update",
                      CommandLineError(v1::ERROR_CODE_FLAG_CHOICE,
                                       {to, "open, done, drop"}));
  }
  absl::StatusOr<std::optional<absl::CivilDay>> date = DateFlag(args, true);
  if (!date.ok()) {
    return UsageError("action update", date.status());
  }
  const std::string reason = args.Value("reason");
  if (to == "drop" && reason.empty()) {
    return UsageError("action update",
                      CommandLineError(v1::ERROR_CODE_DROP_NEEDS_REASON, {}));
  }
  if (to != "drop" && args.Has("reason")) {
    return UsageError(
        "action update",
        CommandLineError(v1::ERROR_CODE_FLAG_GOES_WITH, {"--reason", "drop"}));
  }
  return UpdateJournal(args, [&](Journal& j) -> absl::StatusOr<std::string> {
    absl::Status s = to == "open"   ? j.OpenAction(id, **date)
                     : to == "done" ? j.CompleteAction(id, **date)
                                    : j.DropAction(id, **date, reason);
    if (!s.ok()) return s;
    v1::DocumentRequest request = DocumentOf(v1::DOCUMENT_KIND_ACTIONS, *lang);
    request.set_action_id(id);
    return RenderJournalDocument(j, request);
  });
}

int Feedback(const ParsedArgs& args) {
  absl::StatusOr<Language> lang = LangFlag(args);
  if (!lang.ok()) {
    return UsageError("action feedback", lang.status());
  }
  absl::StatusOr<std::optional<absl::CivilDay>> date = DateFlag(args, true);
  if (!date.ok()) {
    return UsageError("action feedback", date.status());
  }
  const std::string author = args.Value("author");
  const std::string text = args.Value("text");
  if (author.empty() || text.empty()) {
    return UsageError("action feedback",
                      CommandLineError(v1::ERROR_CODE_FLAGS_REQUIRED,
                                       {"--author, --text", args.Usage()}));
  }
  std::optional<int> progress;
  if (args.Has("progress")) {
    const std::string value = args.Value("progress");
    int n = 0;
    if (value.empty() ||
        value.find_first_not_of("0123456789") != std::string::npos ||
        !absl::SimpleAtoi(value, &n) || n > 100) {
      return UsageError(
          "action feedback",
          WithDetail(
              absl::InvalidArgumentError(absl::StrCat(
                  "--progress: \"", value, "\" is not a whole number 0..100")),
              v1::ERROR_CODE_PROGRESS_NOT_A_NUMBER, {value}));
    }
    progress = n;
  }
  const std::string& id = args.positional[0];
  return UpdateJournal(args, [&](Journal& j) -> absl::StatusOr<std::string> {
    if (absl::Status s = j.AddFeedback(id, **date, author, text, progress);
        !s.ok()) {
      return s;
    }
    return absl::StrCat(Say("done_feedback", *lang, id, author), "\n");
  });
}

constexpr Flag kPlanFlags[] = {
    kJournalFlag,
    Flag::Value("date", "YYYY-MM-DD", "the day of the plan").Required(),
    Flag::Repeated("action", "'OWNER|TITLE|VISIBLE RESULT[|DUE]'",
                   "an action: who, what, a result anyone can see, the due day")
        .Required(),
    Flag::Value("focus", "PILLAR", "the focus pillar (default: the report's)"),
    Flag::Value("note", "TEXT", "why the team chose this focus"),
    kLangFlag,
};

constexpr absl::string_view kPlanDetails =
    "PILLAR is strategy, synergy, structure, steering or success. The\n"
    "actions start proposed: open each with fives action update ID open.\n";

constexpr Flag kListFlags[] = {
    kJournalFlag,
    Flag::Value("date", "YYYY-MM-DD", "the follow-up lists as of this day"),
    Flag::Value("owner", "ID", "only this member's actions"),
    Flag::Value("pillar", "KEY", "only this pillar's actions"),
    Flag::Switch("json", "print JSON (fives.v1.FollowUp or ActionList)"),
    kLangFlag,
};

constexpr absl::string_view kListDetails =
    "With --date: open, due soon, overdue, celebrate, what is needed, and\n"
    "the rates; without it every action as it stands.\n";

constexpr Flag kUpdateFlags[] = {
    kJournalFlag,
    Flag::Value("date", "YYYY-MM-DD", "the day of the change").Required(),
    Flag::Value("reason", "TEXT", "why the action is dropped (drop only)"),
    kLangFlag,
};

constexpr Flag kFeedbackFlags[] = {
    kJournalFlag,
    Flag::Value("date", "YYYY-MM-DD", "the day of the feedback").Required(),
    Flag::Value("author", "ID", "the member who reports").Required(),
    Flag::Value("text", "TEXT", "what they report").Required(),
    Flag::Value("progress", "0..100", "how far the action is, in percent"),
    kLangFlag,
};

constexpr Command kPlan[] = {
    {"plan", "ROUND",
     "the team's answer to a round: the focus and its actions (two by "
     "default)",
     kPlanFlags, RunPlan, 1, 1, kPlanDetails},
};

constexpr Command kAction[] = {
    {"action list", "",
     "the actions; with --date the follow-up lists as of that day", kListFlags,
     List, 0, 0, kListDetails},
    {"action update", "ID open|done|drop",
     "proposed -> open -> done, or drop (with a reason)", kUpdateFlags, Update,
     2, 2},
    {"action feedback", "ID", "a member reports on an action", kFeedbackFlags,
     Feedback, 1, 1},
};

}  // namespace

absl::Span<const Command> PlanCommands() { return kPlan; }
absl::Span<const Command> ActionCommands() { return kAction; }

}  // namespace fives::cli
