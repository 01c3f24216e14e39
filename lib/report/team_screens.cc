// The screens of the team: a member's label and the members over time.
#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"
#include "fives/catalog.h"
#include "fives/report_text.h"
#include "screens.h"

namespace fives::screens {

std::string MemberLabel(const Journal& journal, absl::string_view id) {
  for (const v1::Member& m : journal.proto().team().members()) {
    if (m.id() == id && m.display_name() != id) {
      return absl::StrCat(id, " (", m.display_name(), ")");
    }
  }
  return std::string(id);
}

Outline MembersOutline(const Journal& journal, Language lang) {
  const v1::Team& team = journal.proto().team();
  Outline out;
  out.Title(Say("members_heading", lang, team.id(), team.name(),
                team.members_size()));
  // Ids padded to one width, so the names line up in a terminal.
  size_t width = 0;
  for (const v1::Member& m : team.members()) {
    width = std::max(width, m.id().size());
  }
  for (const v1::Member& m : team.members()) {
    std::string line =
        absl::StrCat(m.id(), std::string(width - m.id().size(), ' '), "  ");
    if (m.forgotten()) {
      absl::StrAppend(&line, Say("member_forgotten", lang));
    } else {
      absl::StrAppend(
          &line, m.display_name(), "  ",
          Say("member_joined", lang, FormatLongDate(m.joined(), lang)));
      if (!m.left().empty()) {
        absl::StrAppend(
            &line, "  ",
            Say("member_left", lang, FormatLongDate(m.left(), lang)));
      }
    }
    out.Line(1, std::move(line));
  }
  return out;
}

}  // namespace fives::screens
