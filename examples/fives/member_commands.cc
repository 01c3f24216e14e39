// fives member add | leave | forget | list: the members of the team over
// time.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "command_line.h"
#include "commands.h"
#include "fives/catalog.h"
#include "journal_file.h"
#include "report_output.h"

namespace fives::cli {
namespace {

int Add(const ParsedArgs& args) {
  absl::StatusOr<Language> lang = LangFlag(args);
  if (!lang.ok()) {
    return UsageError("member add", lang.status());
  }
  absl::StatusOr<std::optional<absl::CivilDay>> date = DateFlag(args, true);
  if (!date.ok()) {
    return UsageError("member add", date.status());
  }
  const std::string& id = args.positional[0];
  const std::string& name = args.positional[1];
  return UpdateJournal(args, [&](Journal& j) -> absl::StatusOr<std::string> {
    if (absl::Status s = j.AddMember(id, name, **date); !s.ok()) return s;
    return absl::StrCat(
        Say("done_member_add", *lang, id, name, LongDate(**date, *lang)), "\n");
  });
}

int Leave(const ParsedArgs& args) {
  absl::StatusOr<Language> lang = LangFlag(args);
  if (!lang.ok()) {
    return UsageError("member leave", lang.status());
  }
  absl::StatusOr<std::optional<absl::CivilDay>> date = DateFlag(args, true);
  if (!date.ok()) {
    return UsageError("member leave", date.status());
  }
  const std::string& id = args.positional[0];
  return UpdateJournal(args, [&](Journal& j) -> absl::StatusOr<std::string> {
    const int terms = j.proto().guardians_size();
    if (absl::Status s = j.RecordLeave(id, **date); !s.ok()) return s;
    std::string out = absl::StrCat(
        Say("done_member_leave", *lang, id, LongDate(**date, *lang)), "\n");
    if (j.proto().guardians_size() > terms) {
      absl::StrAppend(&out,
                      Say("done_guardian_passes", *lang,
                          j.proto().guardians().rbegin()->member_id()),
                      "\n");
    }
    return out;
  });
}

int Forget(const ParsedArgs& args) {
  absl::StatusOr<Language> lang = LangFlag(args);
  if (!lang.ok()) {
    return UsageError("member forget", lang.status());
  }
  const std::string& id = args.positional[0];
  return UpdateJournal(args, [&](Journal& j) -> absl::StatusOr<std::string> {
    if (absl::Status s = j.ForgetMember(id); !s.ok()) return s;
    // The pseudonym stands last: forgotten members come after the rest.
    const auto& members = j.proto().team().members();
    return absl::StrCat(
        Say("done_member_forget", *lang, id, members[members.size() - 1].id()),
        "\n");
  });
}

int List(const ParsedArgs& args) {
  absl::StatusOr<Language> lang = LangFlag(args);
  if (!lang.ok()) {
    return UsageError("member list", lang.status());
  }
  return ReadJournal(args, [&](const Journal& j) {
    const v1::Team& team = j.proto().team();
    if (args.Switch("json")) {
      PrintJson(team);
      return kExitOk;
    }
    return PrintDocument(j, DocumentOf(v1::DOCUMENT_KIND_MEMBERS, *lang),
                         "member list");
  });
}

constexpr Flag kAddFlags[] = {
    kJournalFlag,
    Flag::Value("date", "YYYY-MM-DD", "the day the member joins").Required(),
    kLangFlag,
};

constexpr Flag kLeaveFlags[] = {
    kJournalFlag,
    Flag::Value("date", "YYYY-MM-DD", "the day the member leaves").Required(),
    kLangFlag,
};

constexpr Flag kForgetFlags[] = {kJournalFlag, kLangFlag};

constexpr Flag kListFlags[] = {
    kJournalFlag,
    Flag::Switch("json", "print JSON, a fives.v1.Team"),
    kLangFlag,
};

constexpr Command kCommands[] = {
    {"member add", "ID NAME", "a member joins the team on the day of --date",
     kAddFlags, Add, 2, 2},
    {"member leave", "ID",
     "a member leaves (their history stays); the process guardian role "
     "passes on if they held it",
     kLeaveFlags, Leave, 1, 1},
    {"member forget", "ID",
     "erase a member: a pseudonym everywhere, their feedback texts removed",
     kForgetFlags, Forget, 1, 1},
    {"member list", "", "the members over time: joined, left, forgotten",
     kListFlags, List},
};

}  // namespace

absl::Span<const Command> MemberCommands() { return kCommands; }

}  // namespace fives::cli
