#include "command_help.h"

#include <algorithm>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace fives::cli {
namespace {

// Lines are wrapped before this column.
constexpr size_t kWidth = 79;
// The column where the overview's descriptions start.
constexpr size_t kSummaryColumn = 31;
// The widest flag column of a command's help; longer flags push their help
// line further right.
constexpr size_t kMaxFlagColumn = 30;

// `words` after `out`, whose last line is `column` wide, wrapped at kWidth
// with `indent` spaces before each further line.
void AppendWrapped(std::string& out, size_t column,
                   const std::vector<std::string>& words, size_t indent) {
  bool first = true;
  for (const std::string& word : words) {
    if (!first && column + 1 + word.size() > kWidth) {
      absl::StrAppend(&out, "\n", std::string(indent, ' '));
      column = indent;
    } else if (!first) {
      out += ' ';
      ++column;
    }
    out += word;
    column += word.size();
    first = false;
  }
  out += '\n';
}

// `line` with spaces up to `column`, or two when it is wider already.
void PadTo(std::string& line, size_t column) {
  line.append(line.size() + 2 > column ? 2 : column - line.size(), ' ');
}

std::vector<std::string> Words(absl::string_view text) {
  return absl::StrSplit(text, ' ', absl::SkipEmpty());
}

// The command's lines in an overview: each form, then its summary at
// kSummaryColumn (on the last form's line when there is room).
std::string OverviewEntry(const Command& command) {
  std::vector<std::string> forms;
  if (!command.overview.empty()) {
    forms = absl::StrSplit(command.overview, '\n');
  } else {
    // The usage line without "fives ".
    forms.push_back(Usage(command).substr(6));
  }
  std::string out;
  for (size_t i = 0; i + 1 < forms.size(); ++i) {
    absl::StrAppend(&out, "  ", forms[i], "\n");
  }
  absl::StrAppend(&out, "  ", forms.back());
  if (2 + forms.back().size() + 2 > kSummaryColumn) {
    absl::StrAppend(&out, "\n", std::string(kSummaryColumn, ' '));
  } else {
    out.append(kSummaryColumn - 2 - forms.back().size(), ' ');
  }
  AppendWrapped(out, kSummaryColumn, Words(command.summary), kSummaryColumn);
  return out;
}

// The notes of the overview that hold for every command.
constexpr absl::string_view kNotes =
    "Dates are YYYY-MM-DD. fives never reads the clock: where the day "
    "matters, --date is required. A flag marked repeatable takes one value "
    "each time it is given (taken whole, commas included); the fields of a "
    "value are separated by |. Every change is saved atomically: the journal "
    "file is replaced whole or not at all.\n"
    "\n"
    "Exit status: 0 ok; 1 refused (by the rules of the method, or a missing, "
    "unreadable, damaged or foreign journal, left untouched); 2 bad usage.\n";

// "(default: en)", "(required; repeatable)", or empty.
std::string FlagNotes(const Flag& flag) {
  std::vector<std::string> notes;
  if (flag.required) notes.push_back("required");
  if (flag.kind == Flag::Kind::kRepeated) notes.push_back("repeatable");
  if (!flag.default_value.empty()) {
    notes.push_back(absl::StrCat("default: ", flag.default_value));
  }
  if (notes.empty()) return "";
  return absl::StrCat(" (", absl::StrJoin(notes, "; "), ")");
}

// The flag as the full usage line shows it: "--date YYYY-MM-DD" when
// required, else in brackets.
std::string UsageWord(const Flag& flag) {
  if (flag.required) return FlagSynopsis(flag);
  std::string word = absl::StrCat("[", FlagSynopsis(flag), "]");
  if (flag.kind == Flag::Kind::kRepeated) {
    // "[--helps TEXT]...": the dots after the bracket.
    word = absl::StrCat("[--", flag.name, " ", flag.value, "]...");
  }
  return word;
}

}  // namespace

std::string OverviewHelp(absl::Span<const CommandSection> sections) {
  std::string out =
      "usage: fives COMMAND [ARGS] [FLAGS]\n"
      "\n"
      "fives help COMMAND (or fives COMMAND --help) gives a command's usage "
      "and\n"
      "every flag it takes, with its default; fives --version gives the "
      "version.\n";
  for (const CommandSection& section : sections) {
    out += '\n';
    if (!section.heading.empty()) {
      AppendWrapped(out, 0, Words(section.heading), 0);
    }
    for (const Command* command : section.commands) {
      out += OverviewEntry(*command);
    }
  }
  absl::StrAppend(&out, "\n");
  for (absl::string_view paragraph : absl::StrSplit(kNotes, '\n')) {
    if (paragraph.empty()) {
      out += '\n';
    } else {
      AppendWrapped(out, 0, Words(paragraph), 0);
    }
  }
  return out;
}

std::string GroupHelp(absl::string_view group,
                      absl::Span<const Command* const> commands) {
  std::string out =
      absl::StrCat("usage: fives ", group, " SUBCOMMAND [ARGS] [FLAGS]\n\n");
  for (const Command* command : commands) out += OverviewEntry(*command);
  out += '\n';
  AppendWrapped(
      out, 0,
      Words(absl::StrCat("fives help ", group, " SUBCOMMAND (or fives ", group,
                         " SUBCOMMAND --help) lists its flags.")),
      0);
  return out;
}

std::string CommandHelp(const Command& command) {
  // A line per form of the command (its overview's, else name and args);
  // the flags go after the last.
  std::vector<std::string> forms;
  if (!command.overview.empty()) {
    forms = absl::StrSplit(command.overview, '\n');
  } else {
    forms.push_back(command.args.empty()
                        ? std::string(command.name)
                        : absl::StrCat(command.name, " ", command.args));
  }
  std::string out;
  for (size_t i = 0; i < forms.size(); ++i) {
    const std::string start =
        absl::StrCat(i == 0 ? "usage: " : "       ", "fives");
    out += start;
    std::vector<std::string> words = Words(forms[i]);
    if (i + 1 == forms.size()) {
      for (const Flag& flag : command.flags) words.push_back(UsageWord(flag));
    }
    out += ' ';
    AppendWrapped(out, start.size() + 1, words, 7);
  }
  out += '\n';
  AppendWrapped(out, 0, Words(command.summary), 0);
  if (!command.details.empty()) absl::StrAppend(&out, "\n", command.details);
  if (command.flags.empty()) return out;
  size_t width = absl::string_view("-h, --help").size();
  for (const Flag& flag : command.flags) {
    const size_t w = FlagSynopsis(flag).size();
    if (w <= kMaxFlagColumn) width = std::max(width, w);
  }
  // A line per flag; past kWidth its words go on below its help's column.
  const size_t column = 2 + width + 2;
  out += "\nflags:\n";
  for (const Flag& flag : command.flags) {
    std::string line = absl::StrCat("  ", FlagSynopsis(flag));
    PadTo(line, column);
    const size_t start = line.size();
    out += line;
    AppendWrapped(out, start, Words(absl::StrCat(flag.help, FlagNotes(flag))),
                  column);
  }
  std::string line = "  -h, --help";
  PadTo(line, column);
  absl::StrAppend(&out, line, "this help\n");
  return out;
}

}  // namespace fives::cli
