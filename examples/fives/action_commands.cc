// fives plan, and fives action list | update | feedback: the team's answer
// to a round and the follow-up of its actions.
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "command_line.h"
#include "commands.h"
#include "fives/civil_date.h"
#include "fives/pillar.h"
#include "journal_file.h"
#include "journal_text.h"

ABSL_FLAG(std::string, focus, "",
          "plan: the focus pillar (strategy, synergy, structure, steering or "
          "success; default: the focus of the round's report)");
ABSL_FLAG(std::string, note, "", "plan: why the team chose this focus");
ABSL_FLAG(std::string, owner, "", "action list: only this owner's actions");
ABSL_FLAG(std::string, pillar, "", "action list: only this pillar's actions");
ABSL_FLAG(std::string, reason, "", "action update: why (required for drop)");
ABSL_FLAG(std::string, author, "", "action feedback: the member who reports");
ABSL_FLAG(std::string, text, "", "action feedback: what they report");
ABSL_FLAG(std::string, progress, "", "action feedback: progress 0..100");

namespace fives::cli {
namespace {

absl::StatusOr<std::optional<Pillar>> PillarFlag(absl::string_view flag,
                                                 const std::string& value) {
  if (value.empty()) return std::optional<Pillar>();
  absl::StatusOr<Pillar> p = PillarFromKey(value);
  if (!p.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--", flag, ": \"", value,
        "\" is not a pillar (strategy, synergy, structure, steering, "
        "success)"));
  }
  return std::optional<Pillar>(*p);
}

// 'OWNER|TITLE|VISIBLE RESULT[|DUE]'.
absl::StatusOr<ActionInput> ParseActionSpec(const std::string& spec) {
  std::vector<std::string> fields = absl::StrSplit(spec, '|');
  if (fields.size() < 3 || fields.size() > 4) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--action \"", spec,
        "\" is not 'OWNER|TITLE|VISIBLE RESULT[|DUE]' (fields separated by "
        "|)"));
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

}  // namespace

int RunPlan(absl::Span<char* const> args) {
  static constexpr absl::string_view kFlags[] = {"journal", "date", "action",
                                                 "focus", "note"};
  static constexpr absl::string_view kRepeatable[] = {"action"};
  static constexpr CommandSpec kSpec = {
      "plan",
      "fives plan ROUND --date YYYY-MM-DD --action 'OWNER|TITLE|VISIBLE "
      "RESULT[|DUE]' --action ... [--focus PILLAR] [--note TEXT]",
      kFlags,
      1,
      1,
      kRepeatable};
  absl::StatusOr<ParsedArgs> parsed = ParseCommand(kSpec, args);
  if (!parsed.ok()) return UsageError(parsed.status().message());
  absl::StatusOr<std::optional<absl::CivilDay>> date = DateFlag(true);
  if (!date.ok()) {
    return UsageError(absl::StrCat("plan: ", date.status().message()));
  }
  absl::StatusOr<std::optional<Pillar>> focus =
      PillarFlag("focus", absl::GetFlag(FLAGS_focus));
  if (!focus.ok()) {
    return UsageError(absl::StrCat("plan: ", focus.status().message()));
  }
  PlanInput input;
  input.round_id = parsed->positional[0];
  input.created = **date;
  input.focus = *focus;
  input.note = absl::GetFlag(FLAGS_note);
  for (const std::string& spec : parsed->Values("action")) {
    absl::StatusOr<ActionInput> action = ParseActionSpec(spec);
    if (!action.ok()) {
      return UsageError(absl::StrCat("plan: ", action.status().message()));
    }
    input.actions.push_back(*std::move(action));
  }
  if (input.actions.empty()) {
    return UsageError(absl::StrCat(
        "plan: no --action given, one per action (usage: ", kSpec.usage, ")"));
  }
  return UpdateJournal("plan", [&](Journal& j) -> absl::StatusOr<std::string> {
    absl::StatusOr<std::string> id = j.CreatePlan(input);
    if (!id.ok()) return id.status();
    const v1::Plan& plan = *j.proto().plans().rbegin();
    return absl::StrCat(
        RenderPlan(j, plan, Language::kEnglish),
        "the actions are proposed: open each with fives action update ID open "
        "--date YYYY-MM-DD\n");
  });
}

namespace {

int List(absl::Span<char* const> args) {
  static constexpr absl::string_view kFlags[] = {"journal", "date", "owner",
                                                 "pillar",  "json", "lang"};
  static constexpr CommandSpec kSpec = {
      "action list",
      "fives action list [--date YYYY-MM-DD] [--owner ID] [--pillar KEY] "
      "[--json] [--lang en|nl]",
      kFlags};
  absl::StatusOr<ParsedArgs> parsed = ParseCommand(kSpec, args);
  if (!parsed.ok()) return UsageError(parsed.status().message());
  absl::StatusOr<std::optional<absl::CivilDay>> date = DateFlag(false);
  if (!date.ok()) {
    return UsageError(absl::StrCat("action list: ", date.status().message()));
  }
  absl::StatusOr<std::optional<Pillar>> pillar =
      PillarFlag("pillar", absl::GetFlag(FLAGS_pillar));
  if (!pillar.ok()) {
    return UsageError(absl::StrCat("action list: ", pillar.status().message()));
  }
  absl::StatusOr<Language> lang = LangFlag();
  if (!lang.ok()) {
    return UsageError(absl::StrCat("action list: ", lang.status().message()));
  }
  const std::string owner = absl::GetFlag(FLAGS_owner);
  return ReadJournal("action list", [&](const Journal& j) {
    if (!owner.empty() && j.team().FindMember(owner) == nullptr) {
      return Refused("action list",
                     absl::NotFoundError(absl::StrCat("--owner: \"", owner,
                                                      "\" is not a member")));
    }
    const bool json = absl::GetFlag(FLAGS_json);
    if (date->has_value()) {
      const v1::FollowUp follow_up = j.FollowUp(**date, owner, *pillar);
      if (json) {
        PrintJson(follow_up);
      } else {
        absl::PrintF(
            "%s", RenderFollowUp(follow_up, j.config().due_soon_days, *lang));
      }
      return kExitOk;
    }
    // No date: every action as it stands; the follow-up lists need a day.
    std::vector<const v1::Action*> actions;
    for (const v1::Action& a : j.proto().actions()) {
      if (!owner.empty() && a.owner_id() != owner) continue;
      if (*pillar && a.pillar() != ToProto(**pillar)) continue;
      actions.push_back(&a);
    }
    if (json) {
      v1::ActionList list;
      for (const v1::Action* a : actions) *list.add_actions() = *a;
      PrintJson(list);
      return kExitOk;
    }
    absl::PrintF(
        "%d actions (give --date YYYY-MM-DD for open, due soon, overdue, "
        "celebrate and what is needed)\n",
        actions.size());
    for (const v1::Action* a : actions) {
      absl::PrintF("  %s\n", ActionLine(*a, *lang));
    }
    return kExitOk;
  });
}

int Update(absl::Span<char* const> args) {
  static constexpr absl::string_view kFlags[] = {"journal", "date", "reason"};
  static constexpr CommandSpec kSpec = {
      "action update",
      "fives action update ID open|done|drop --date YYYY-MM-DD [--reason TEXT]",
      kFlags, 2, 2};
  absl::StatusOr<ParsedArgs> parsed = ParseCommand(kSpec, args);
  if (!parsed.ok()) return UsageError(parsed.status().message());
  const std::string& id = parsed->positional[0];
  const std::string& to = parsed->positional[1];
  if (to != "open" && to != "done" && to != "drop") {
    return UsageError(absl::StrCat(
        "action update: \"", to,
        "\" is not open, done or drop (usage: ", kSpec.usage, ")"));
  }
  absl::StatusOr<std::optional<absl::CivilDay>> date = DateFlag(true);
  if (!date.ok()) {
    return UsageError(absl::StrCat("action update: ", date.status().message()));
  }
  const std::string reason = absl::GetFlag(FLAGS_reason);
  if (to == "drop" && reason.empty()) {
    return UsageError("action update: drop needs --reason TEXT");
  }
  if (to != "drop" && parsed->given.contains("reason")) {
    return UsageError("action update: --reason goes with drop only");
  }
  return UpdateJournal(
      "action update", [&](Journal& j) -> absl::StatusOr<std::string> {
        absl::Status s = to == "open"   ? j.OpenAction(id, **date)
                         : to == "done" ? j.CompleteAction(id, **date)
                                        : j.DropAction(id, **date, reason);
        if (!s.ok()) return s;
        for (const v1::Action& a : j.proto().actions()) {
          if (a.id() == id) {
            return absl::StrCat(ActionLine(a, Language::kEnglish), "\n");
          }
        }
        return std::string();
      });
}

int Feedback(absl::Span<char* const> args) {
  static constexpr absl::string_view kFlags[] = {"journal", "date", "author",
                                                 "text", "progress"};
  static constexpr CommandSpec kSpec = {
      "action feedback",
      "fives action feedback ID --date YYYY-MM-DD --author ID --text TEXT "
      "[--progress 0..100]",
      kFlags, 1, 1};
  absl::StatusOr<ParsedArgs> parsed = ParseCommand(kSpec, args);
  if (!parsed.ok()) return UsageError(parsed.status().message());
  absl::StatusOr<std::optional<absl::CivilDay>> date = DateFlag(true);
  if (!date.ok()) {
    return UsageError(
        absl::StrCat("action feedback: ", date.status().message()));
  }
  const std::string author = absl::GetFlag(FLAGS_author);
  const std::string text = absl::GetFlag(FLAGS_text);
  if (author.empty() || text.empty()) {
    return UsageError(absl::StrCat(
        "action feedback: --author and --text are required (usage: ",
        kSpec.usage, ")"));
  }
  std::optional<int> progress;
  if (parsed->given.contains("progress")) {
    const std::string value = absl::GetFlag(FLAGS_progress);
    int n = 0;
    if (value.empty() ||
        value.find_first_not_of("0123456789") != std::string::npos ||
        !absl::SimpleAtoi(value, &n) || n > 100) {
      return UsageError(absl::StrCat("action feedback: --progress \"", value,
                                     "\" is not a whole number 0..100"));
    }
    progress = n;
  }
  const std::string& id = parsed->positional[0];
  return UpdateJournal(
      "action feedback", [&](Journal& j) -> absl::StatusOr<std::string> {
        if (absl::Status s = j.AddFeedback(id, **date, author, text, progress);
            !s.ok()) {
          return s;
        }
        return absl::StrFormat("feedback on %s by %s recorded\n", id, author);
      });
}

}  // namespace

int RunAction(absl::Span<char* const> args) {
  static constexpr Verb kVerbs[] = {
      {"list", List}, {"update", Update}, {"feedback", Feedback}};
  return RunGroup("action", kVerbs, args);
}

}  // namespace fives::cli
