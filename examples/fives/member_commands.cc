// fives member add | leave | forget | list: the members of the team over
// time.
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "command_line.h"
#include "commands.h"
#include "journal_file.h"

namespace fives::cli {
namespace {

constexpr absl::string_view kDateFlags[] = {"journal", "date"};

int Add(absl::Span<char* const> args) {
  static constexpr CommandSpec kSpec = {
      "member add", "fives member add ID NAME --date YYYY-MM-DD", kDateFlags, 2,
      2};
  absl::StatusOr<ParsedArgs> parsed = ParseCommand(kSpec, args);
  if (!parsed.ok()) return UsageError(parsed.status().message());
  absl::StatusOr<std::optional<absl::CivilDay>> date = DateFlag(true);
  if (!date.ok()) {
    return UsageError(absl::StrCat("member add: ", date.status().message()));
  }
  const std::string& id = parsed->positional[0];
  const std::string& name = parsed->positional[1];
  return UpdateJournal(
      "member add", [&](Journal& j) -> absl::StatusOr<std::string> {
        if (absl::Status s = j.AddMember(id, name, **date); !s.ok()) return s;
        return absl::StrFormat("member %s (%s) joined on %s\n", id, name,
                               absl::GetFlag(FLAGS_date));
      });
}

int Leave(absl::Span<char* const> args) {
  static constexpr CommandSpec kSpec = {
      "member leave", "fives member leave ID --date YYYY-MM-DD", kDateFlags, 1,
      1};
  absl::StatusOr<ParsedArgs> parsed = ParseCommand(kSpec, args);
  if (!parsed.ok()) return UsageError(parsed.status().message());
  absl::StatusOr<std::optional<absl::CivilDay>> date = DateFlag(true);
  if (!date.ok()) {
    return UsageError(absl::StrCat("member leave: ", date.status().message()));
  }
  const std::string& id = parsed->positional[0];
  return UpdateJournal(
      "member leave", [&](Journal& j) -> absl::StatusOr<std::string> {
        const int terms = j.proto().guardians_size();
        if (absl::Status s = j.RecordLeave(id, **date); !s.ok()) return s;
        std::string out = absl::StrFormat("member %s left on %s\n", id,
                                          absl::GetFlag(FLAGS_date));
        if (j.proto().guardians_size() > terms) {
          absl::StrAppend(&out, "the process guardian role passes to ",
                          j.proto().guardians().rbegin()->member_id(), "\n");
        }
        return out;
      });
}

int Forget(absl::Span<char* const> args) {
  static constexpr absl::string_view kFlags[] = {"journal"};
  static constexpr CommandSpec kSpec = {"member forget",
                                        "fives member forget ID", kFlags, 1, 1};
  absl::StatusOr<ParsedArgs> parsed = ParseCommand(kSpec, args);
  if (!parsed.ok()) return UsageError(parsed.status().message());
  const std::string& id = parsed->positional[0];
  return UpdateJournal(
      "member forget", [&](Journal& j) -> absl::StatusOr<std::string> {
        if (absl::Status s = j.ForgetMember(id); !s.ok()) return s;
        // The pseudonym stands last: forgotten members come after the rest.
        const auto& members = j.proto().team().members();
        return absl::StrFormat(
            "member %s is forgotten: %s everywhere, their feedback texts "
            "removed\n",
            id, members[members.size() - 1].id());
      });
}

int List(absl::Span<char* const> args) {
  static constexpr absl::string_view kFlags[] = {"journal", "json"};
  static constexpr CommandSpec kSpec = {"member list",
                                        "fives member list [--json]", kFlags};
  absl::StatusOr<ParsedArgs> parsed = ParseCommand(kSpec, args);
  if (!parsed.ok()) return UsageError(parsed.status().message());
  return ReadJournal("member list", [&](const Journal& j) {
    const v1::Team& team = j.proto().team();
    if (absl::GetFlag(FLAGS_json)) {
      PrintJson(team);
      return kExitOk;
    }
    absl::PrintF("team %s (%s): %d members over time\n", team.id(), team.name(),
                 team.members_size());
    size_t width = 0;
    for (const v1::Member& m : team.members()) {
      width = std::max(width, m.id().size());
    }
    for (const v1::Member& m : team.members()) {
      std::string line =
          absl::StrFormat("  %-*s  ", static_cast<int>(width), m.id());
      if (m.forgotten()) {
        absl::StrAppend(&line, "(forgotten)");
      } else {
        absl::StrAppend(&line, m.display_name(), "  joined ", m.joined());
        if (!m.left().empty()) absl::StrAppend(&line, "  left ", m.left());
      }
      absl::PrintF("%s\n", line);
    }
    return kExitOk;
  });
}

}  // namespace

int RunMember(absl::Span<char* const> args) {
  static constexpr Verb kVerbs[] = {
      {"add", Add}, {"leave", Leave}, {"forget", Forget}, {"list", List}};
  return RunGroup("member", kVerbs, args);
}

}  // namespace fives::cli
