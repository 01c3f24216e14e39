#include "fives/score_csv.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "csv_rows.h"
#include "fives/catalog.h"
#include "fives/error_detail.h"
#include "fives/round.h"
#include "fives/string_rules.h"
#include "hash_table.h"
#include "journal_internal.h"

namespace fives {
namespace {

using csv_internal::CsvCell;
using csv_internal::CsvRow;

// Cells and headers are shown in messages up to this many bytes.
constexpr size_t kShownBytes = 40;

// `text` for a message: at most kShownBytes, cut between UTF-8 characters.
std::string Shown(absl::string_view text) {
  if (text.size() <= kShownBytes) return std::string(text);
  size_t end = kShownBytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
    --end;
  }
  return absl::StrCat(text.substr(0, end), "...");
}

std::string Quoted(absl::string_view text) {
  return absl::StrCat("\"", Shown(text), "\"");
}

// "line 4, column 3 (Synergy)".
std::string Where(int line, size_t column, absl::string_view header) {
  std::string where = absl::StrCat("line ", line, ", column ", column);
  if (!header.empty()) absl::StrAppend(&where, " (", Shown(header), ")");
  return where;
}

// The detail of a place ("line 4, column 3 (Synergy)") with `problem` as
// its part.
v1::ErrorDetail WhereDetail(int line, size_t column, absl::string_view header,
                            v1::ErrorDetail problem) {
  v1::ErrorDetail where =
      header.empty() ? MakeErrorDetail(v1::ERROR_CODE_CSV_CELL, {line, column})
                     : MakeErrorDetail(v1::ERROR_CODE_CSV_CELL_NAMED,
                                       {line, column, Shown(header)});
  *where.add_parts() = std::move(problem);
  return where;
}

v1::ErrorDetail LineDetail(int line, v1::ErrorDetail problem) {
  v1::ErrorDetail where = MakeErrorDetail(v1::ERROR_CODE_CSV_LINE, {line});
  *where.add_parts() = std::move(problem);
  return where;
}

// The detail of a refusal of the library's rules, or none (a code without
// a phrase: the import's text is then its English message).
v1::ErrorDetail DetailOrNone(const absl::Status& status) {
  return ErrorDetailOf(status).value_or(v1::ErrorDetail());
}

// The problems found, the first kMaxScoreCsvProblems kept, each in English
// and as a detail for people.
class Problems {
 public:
  void Add(std::string problem, v1::ErrorDetail detail) {
    if (listed_.size() < static_cast<size_t>(kMaxScoreCsvProblems)) {
      listed_.push_back(std::move(problem));
      details_.push_back(std::move(detail));
    }
    ++count_;
  }
  bool empty() const { return count_ == 0; }

  absl::Status ToStatus() const {
    std::string message = absl::StrCat(
        "scores CSV: ", count_, count_ == 1 ? " problem" : " problems",
        ", nothing imported: ", absl::StrJoin(listed_, "; "));
    v1::ErrorDetail detail =
        count_ == 1 ? MakeErrorDetail(v1::ERROR_CODE_CSV_PROBLEM, {})
                    : MakeErrorDetail(v1::ERROR_CODE_CSV_PROBLEMS, {count_});
    for (const v1::ErrorDetail& d : details_) *detail.add_parts() = d;
    if (count_ > listed_.size()) {
      absl::StrAppend(&message, "; and ", count_ - listed_.size(), " more");
      *detail.add_parts() =
          MakeErrorDetail(v1::ERROR_CODE_CSV_MORE, {count_ - listed_.size()});
    }
    return WithDetail(absl::InvalidArgumentError(message), detail);
  }

 private:
  std::vector<std::string> listed_;
  std::vector<v1::ErrorDetail> details_;
  size_t count_ = 0;
};

// The names a pillar's column may have, as written in the catalog.
std::vector<std::string> PillarHeaders(Pillar p) {
  std::vector<std::string> names;
  for (absl::string_view name :
       {absl::string_view(PillarName(p, Language::kEnglish)),
        absl::string_view(PillarName(p, Language::kDutch)), PillarKey(p)}) {
    bool known = false;
    for (const std::string& n : names) known |= absl::EqualsIgnoreCase(n, name);
    if (!known) names.emplace_back(name);
  }
  return names;
}

std::optional<Pillar> PillarOfHeader(absl::string_view header) {
  for (Pillar p : kAllPillars) {
    for (const std::string& name : PillarHeaders(p)) {
      if (absl::EqualsIgnoreCase(header, name)) return p;
    }
  }
  return std::nullopt;
}

bool IsMemberHeader(absl::string_view header) {
  for (absl::string_view name : kScoreCsvMemberHeaders) {
    if (absl::EqualsIgnoreCase(header, name)) return true;
  }
  return false;
}

// "a, b or c".
std::string OneOf(const std::vector<std::string>& items) {
  if (items.size() < 2) return absl::StrJoin(items, "");
  return absl::StrCat(absl::StrJoin(items.begin(), items.end() - 1, ", "),
                      " or ", items.back());
}

// What a column holds: the member, or a pillar's scores.
struct Column {
  std::string header;            // trimmed, as written
  std::optional<Pillar> pillar;  // none: the member column
};

// One import: the header, then the rows, checked against a working copy of
// the journal that takes each valid row's response.
class Import {
 public:
  Import(Journal working, Round round)
      : working_(std::move(working)),
        team_(working_.team()),
        round_(std::move(round)) {}

  void Row(const CsvRow& row) {
    for (const CsvCell& cell : row.cells) {
      if (!absl::StripAsciiWhitespace(cell.text).empty()) {
        if (!header_seen_) {
          header_seen_ = true;
          header_line_ = row.line();
          Header(row);
        } else if (header_ok_) {
          Response(row);
        }
        return;
      }
    }
    // Every cell empty: skipped, as a spreadsheet's empty rows.
  }

  void AddProblem(std::string problem, v1::ErrorDetail detail) {
    problems_.Add(std::move(problem), std::move(detail));
  }

  absl::StatusOr<int> Finish(Journal& journal) && {
    if (!problems_.empty()) return problems_.ToStatus();
    if (!header_seen_) {
      return WithDetail(
          absl::InvalidArgumentError(
              "scores CSV: empty; expected a header row (the member column "
              "and a column per pillar) and a row per member"),
          v1::ERROR_CODE_CSV_EMPTY, {});
    }
    if (added_ == 0) {
      return WithDetail(absl::InvalidArgumentError(
                            absl::StrCat("scores CSV: only a header (line ",
                                         header_line_, "), no rows of scores")),
                        v1::ERROR_CODE_CSV_ONLY_HEADER, {header_line_});
    }
    journal = std::move(working_);
    return added_;
  }

 private:
  void Header(const CsvRow& row) {
    std::array<size_t, kPillarCount> pillar_column = {};  // 0: none
    size_t member_column = 0;
    bool unreadable = false;  // a cell that might have named what is missing
    for (size_t i = 0; i < row.cells.size(); ++i) {
      const CsvCell& cell = row.cells[i];
      const size_t column = i + 1;
      columns_.emplace_back();
      if (absl::Status s = CheckText(cell.text, "", TextKind::kName); !s.ok()) {
        AddProblem(absl::StrCat(Where(cell.line, column, ""), s.message()),
                   WhereDetail(cell.line, column, "", DetailOrNone(s)));
        unreadable = true;
        continue;
      }
      const std::string header(absl::StripAsciiWhitespace(cell.text));
      const std::string where = Where(cell.line, column, header);
      auto at = [&](v1::ErrorDetail problem) {
        return WhereDetail(cell.line, column, header, std::move(problem));
      };
      columns_.back() = {header, PillarOfHeader(header)};
      const std::optional<Pillar> pillar = columns_.back().pillar;
      if (header.empty()) {
        AddProblem(absl::StrCat(where, ": no column name"),
                   at(MakeErrorDetail(v1::ERROR_CODE_CSV_NO_COLUMN_NAME, {})));
      } else if (pillar.has_value()) {
        size_t& seen = pillar_column[PillarIndex(*pillar)];
        if (seen != 0) {
          AddProblem(
              absl::StrCat(where, ": ", PillarKey(*pillar), " again (column ",
                           seen, " is ", Shown(columns_[seen - 1].header), ")"),
              at(MakeErrorDetail(
                  v1::ERROR_CODE_CSV_PILLAR_AGAIN,
                  {*pillar, seen, Shown(columns_[seen - 1].header)})));
        } else if (!round_.asks(*pillar)) {
          AddProblem(absl::StrCat(where, ": round \"", round_.id(),
                                  "\" does not ask ", PillarKey(*pillar)),
                     at(MakeErrorDetail(v1::ERROR_CODE_CSV_PILLAR_NOT_ASKED,
                                        {round_.id(), *pillar})));
        }
        if (seen == 0) seen = column;
      } else if (IsMemberHeader(header)) {
        if (member_column != 0) {
          AddProblem(
              absl::StrCat(where, ": a second member column (column ",
                           member_column, " is ",
                           Shown(columns_[member_column - 1].header), ")"),
              at(MakeErrorDetail(
                  v1::ERROR_CODE_CSV_SECOND_MEMBER_COLUMN,
                  {member_column, Shown(columns_[member_column - 1].header)})));
        } else {
          member_column = column;
        }
      } else {
        AddProblem(absl::StrCat(where, ": not a column of scores (the member: ",
                                MemberHeaders(),
                                "; a pillar: its English or Dutch name, or "
                                "its key)"),
                   at(MakeErrorDetail(v1::ERROR_CODE_CSV_NOT_A_COLUMN,
                                      {MemberHeaderList()})));
      }
    }
    if (unreadable) return;
    if (member_column == 0) {
      AddProblem(absl::StrCat("line ", row.line(), ": no member column (",
                              MemberHeaders(), ")"),
                 LineDetail(row.line(),
                            MakeErrorDetail(v1::ERROR_CODE_CSV_NO_MEMBER_COLUMN,
                                            {MemberHeaderList()})));
    }
    for (Pillar p : round_.pillars()) {
      if (pillar_column[PillarIndex(p)] != 0) continue;
      std::vector<std::string> names;
      for (const std::string& name : PillarHeaders(p)) {
        names.push_back(absl::StrCat("\"", name, "\""));
      }
      AddProblem(absl::StrCat("line ", row.line(), ": no column for ",
                              PillarKey(p), " (", OneOf(names), ")"),
                 LineDetail(row.line(),
                            MakeErrorDetail(v1::ERROR_CODE_CSV_NO_PILLAR_COLUMN,
                                            {p, absl::StrJoin(names, ", ")})));
    }
    header_ok_ = problems_.empty();
  }

  // The same for people in any language: "member, member_id, ..., naam".
  static std::string MemberHeaderList() {
    return absl::StrJoin(kScoreCsvMemberHeaders, ", ");
  }

  static std::string MemberHeaders() {
    return OneOf(std::vector<std::string>(std::begin(kScoreCsvMemberHeaders),
                                          std::end(kScoreCsvMemberHeaders)));
  }

  // The id of the member a member cell names (trimmed), or a problem.
  std::optional<std::string> Member(
      absl::string_view text, const std::string& where,
      absl::FunctionRef<v1::ErrorDetail(v1::ErrorDetail)> at) {
    if (text.empty()) {
      AddProblem(absl::StrCat(where, ": empty; give the member id"),
                 at(MakeErrorDetail(v1::ERROR_CODE_CSV_MEMBER_EMPTY, {})));
      return std::nullopt;
    }
    std::string id(text);
    if (team_.FindMember(id) == nullptr) {
      std::vector<std::string> named;
      for (const v1::Member& m : team_.proto().members()) {
        if (absl::EqualsIgnoreCase(m.display_name(), text)) {
          named.push_back(m.id());
        }
      }
      if (named.empty()) {
        AddProblem(absl::StrCat(where, ": ", Quoted(text),
                                " is neither the id nor the name of a member "
                                "of team \"",
                                team_.id(), "\""),
                   at(MakeErrorDetail(v1::ERROR_CODE_CSV_MEMBER_UNKNOWN,
                                      {Quoted(text), team_.id()})));
        return std::nullopt;
      }
      if (named.size() > 1) {
        AddProblem(
            absl::StrCat(where, ": ", Quoted(text), " is the name of ",
                         named.size(), " members (", absl::StrJoin(named, ", "),
                         "); give the member id"),
            at(MakeErrorDetail(
                v1::ERROR_CODE_CSV_MEMBER_AMBIGUOUS,
                {Quoted(text), named.size(), absl::StrJoin(named, ", ")})));
        return std::nullopt;
      }
      id = named[0];
    }
    if (absl::Status s = team_.CheckCurrentMember(id, round_.date(), where);
        !s.ok()) {
      AddProblem(std::string(s.message()), at(DetailOrNone(s)));
      return std::nullopt;
    }
    const std::string named_as =
        id == text ? Quoted(text) : absl::StrCat(Quoted(text), " (", id, ")");
    auto [seen, added] = lines_.try_emplace(id, cells_line_);
    if (!added) {
      AddProblem(absl::StrCat(where, ": ", named_as, " is also on line ",
                              seen->second),
                 at(MakeErrorDetail(v1::ERROR_CODE_CSV_MEMBER_TWICE,
                                    {named_as, seen->second})));
      return std::nullopt;
    }
    if (round_.HasResponded(id)) {
      AddProblem(absl::StrCat(where, ": ", named_as,
                              " already answered round \"", round_.id(), "\""),
                 at(MakeErrorDetail(v1::ERROR_CODE_ALREADY_ANSWERED,
                                    {named_as, round_.id()})));
      return std::nullopt;
    }
    return id;
  }

  // The score a score cell holds (trimmed): 1..5, or 0 for none.
  std::optional<int> Score(
      absl::string_view text, const std::string& where,
      absl::FunctionRef<v1::ErrorDetail(v1::ErrorDetail)> at) {
    if (text.empty()) {
      if (round_.proto().allow_partial()) return 0;
      AddProblem(
          absl::StrCat(where, ": empty, and round \"", round_.id(),
                       "\" takes no partial responses"),
          at(MakeErrorDetail(v1::ERROR_CODE_CSV_SCORE_EMPTY, {round_.id()})));
      return std::nullopt;
    }
    if (text.size() != 1 || text[0] < '1' || text[0] > '5') {
      AddProblem(
          absl::StrCat(where, ": ", Quoted(text), " is not a score 1-5"),
          at(MakeErrorDetail(v1::ERROR_CODE_CSV_NOT_A_SCORE, {Quoted(text)})));
      return std::nullopt;
    }
    return text[0] - '0';
  }

  void Response(const CsvRow& row) {
    cells_line_ = row.line();
    if (row.cells.size() != columns_.size()) {
      AddProblem(
          absl::StrCat("line ", row.line(), ": ", row.cells.size(),
                       row.cells.size() == 1 ? " cell" : " cells",
                       ", the header has ", columns_.size(), " columns"),
          LineDetail(row.line(),
                     MakeErrorDetail(v1::ERROR_CODE_CSV_CELL_COUNT,
                                     {row.cells.size(), columns_.size()})));
      return;
    }
    v1::Response response;
    bool ok = true;
    for (size_t i = 0; i < row.cells.size(); ++i) {
      const CsvCell& cell = row.cells[i];
      const Column& column = columns_[i];
      const std::string where = Where(cell.line, i + 1, column.header);
      auto at = [&](v1::ErrorDetail problem) {
        return WhereDetail(cell.line, i + 1, column.header, std::move(problem));
      };
      if (absl::Status s = CheckText(cell.text, "", TextKind::kName); !s.ok()) {
        AddProblem(absl::StrCat(where, s.message()), at(DetailOrNone(s)));
        ok = false;
        continue;
      }
      const absl::string_view text = absl::StripAsciiWhitespace(cell.text);
      if (!column.pillar.has_value()) {
        std::optional<std::string> id = Member(text, where, at);
        if (id.has_value()) response.set_member_id(*std::move(id));
        ok &= id.has_value();
        continue;
      }
      std::optional<int> score = Score(text, where, at);
      ok &= score.has_value();
      if (score.value_or(0) == 0) continue;
      v1::PillarScore* s = response.add_scores();
      s->set_pillar(ToProto(*column.pillar));
      s->set_score(*score);
    }
    if (!ok) return;
    if (response.scores_size() == 0) {
      AddProblem(absl::StrCat("line ", row.line(),
                              ": no score; a response needs at least one"),
                 LineDetail(row.line(),
                            MakeErrorDetail(v1::ERROR_CODE_CSV_NO_SCORE, {})));
      return;
    }
    // The journal's own rules, last: a refusal here is a rule the checks
    // above did not foresee.
    if (absl::Status s = working_.AddResponse(round_.id(), response); !s.ok()) {
      AddProblem(absl::StrCat("line ", row.line(), ": ", s.message()),
                 LineDetail(row.line(), DetailOrNone(s)));
      return;
    }
    ++added_;
  }

  Journal working_;
  // Responses change neither.
  const Team team_;
  const Round round_;
  Problems problems_;
  bool header_seen_ = false;
  bool header_ok_ = false;
  int header_line_ = 0;
  std::vector<Column> columns_;
  // The line of each member's row, by id.
  internal::HashMap<std::string, int> lines_;
  int cells_line_ = 0;
  int added_ = 0;
};

}  // namespace

absl::StatusOr<int> ImportScoresCsv(Journal& journal,
                                    absl::string_view round_id,
                                    absl::string_view csv) {
  if (csv.size() > kMaxScoreCsvBytes) {
    return WithDetail(
        absl::ResourceExhaustedError(absl::StrCat(
            "scores CSV: ", csv.size(), " bytes, more than the ",
            kMaxScoreCsvBytes, " fives reads (kMaxScoreCsvBytes)")),
        v1::ERROR_CODE_CSV_TOO_BIG, {csv.size(), kMaxScoreCsvBytes});
  }
  absl::StatusOr<Round> round =
      journal_internal::LoadRound(journal.proto(), round_id);
  if (!round.ok()) return round.status();
  if (absl::Status s = round->CheckOpen(); !s.ok()) return s;
  Import import(journal, *std::move(round));
  if (absl::Status s = csv_internal::ReadCsvRows(
          csv, [&](const CsvRow& row) { import.Row(row); });
      !s.ok()) {
    if (!absl::IsInvalidArgument(s)) return s;  // out of memory
    import.AddProblem(std::string(s.message()), DetailOrNone(s));
  }
  return std::move(import).Finish(journal);
}

}  // namespace fives
