#include "csv_rows.h"

#include <csv.h>

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "fives/error_detail.h"

namespace fives::csv_internal {
namespace {

constexpr absl::string_view kByteOrderMark = "\xEF\xBB\xBF";

// The number of line breaks (LF, CRLF or a lone CR) in `text`.
int LineBreaks(absl::string_view text) {
  int breaks = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' ||
        (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
      ++breaks;
    }
  }
  return breaks;
}

// The length of the line at the start of `text`, its line break included.
size_t LineLength(absl::string_view text) {
  const size_t end = text.find_first_of("\r\n");
  if (end == absl::string_view::npos) return text.size();
  if (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') {
    return end + 2;
  }
  return end + 1;
}

// ';' when the first row holds more semicolons than commas outside quotes,
// else ','.
unsigned char Separator(absl::string_view text) {
  int commas = 0;
  int semicolons = 0;
  bool quoted = false;
  bool begun = false;
  for (char c : text) {
    if (c == '"') {
      quoted = !quoted;
    } else if (quoted) {
      continue;
    } else if (c == '\r' || c == '\n') {
      if (begun) break;  // empty lines before the first row are skipped
      continue;
    } else if (c == ',') {
      ++commas;
    } else if (c == ';') {
      ++semicolons;
    }
    begun = begun || (c != ' ' && c != '\t' && c != '\r' && c != '\n');
  }
  return semicolons > commas ? ';' : ',';
}

// What libcsv's callbacks build: the row being read, and the line being fed.
struct Reader {
  absl::FunctionRef<void(const CsvRow&)> on_row;
  CsvRow row;
  int line = 1;
};

void OnCell(void* data, size_t len, void* self) {
  Reader& r = *static_cast<Reader*>(self);
  CsvCell cell;
  if (len > 0) cell.text.assign(static_cast<const char*>(data), len);
  // libcsv reports a cell when the separator or line break after it is fed:
  // on the line the cell ends on.
  cell.line = r.line - LineBreaks(cell.text);
  r.row.cells.push_back(std::move(cell));
}

void OnRow(int, void* self) {
  Reader& r = *static_cast<Reader*>(self);
  if (!r.row.cells.empty()) r.on_row(r.row);
  r.row.cells.clear();
}

absl::Status ParseError(const Reader& r, int line, absl::string_view why,
                        v1::ErrorCode code) {
  v1::ErrorDetail where =
      MakeErrorDetail(v1::ERROR_CODE_CSV_CELL, {line, r.row.cells.size() + 1});
  *where.add_parts() = MakeErrorDetail(code, {});
  return WithDetail(
      absl::InvalidArgumentError(absl::StrCat(
          "line ", line, ", column ", r.row.cells.size() + 1, ": ", why)),
      where);
}

// Owns the parser's buffer.
class Parser {
 public:
  explicit Parser(size_t text_size) {
    csv_init(&parser_, CSV_STRICT | CSV_STRICT_FINI);
    // One block holds the longest cell: libcsv grows its buffer by a block
    // at a time, each growth a copy.
    csv_set_blk_size(&parser_, std::max<size_t>(text_size + 1, 128));
  }
  ~Parser() { csv_free(&parser_); }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  csv_parser* get() { return &parser_; }

 private:
  csv_parser parser_;
};

}  // namespace

absl::Status ReadCsvRows(absl::string_view text,
                         absl::FunctionRef<void(const CsvRow&)> row) {
  if (absl::StartsWith(text, kByteOrderMark)) {
    text.remove_prefix(kByteOrderMark.size());
  }
  Parser parser(text.size());
  csv_parser* p = parser.get();
  csv_set_delim(p, Separator(text));
  Reader reader{row, {}, 1};
  // Fed a line at a time, so that each cell knows its line.
  while (!text.empty()) {
    const absl::string_view line = text.substr(0, LineLength(text));
    text.remove_prefix(line.size());
    if (csv_parse(p, line.data(), line.size(), OnCell, OnRow, &reader) <
        line.size()) {
      if (csv_error(p) != CSV_EPARSE) {
        return absl::ResourceExhaustedError(absl::StrCat(
            "line ", reader.line, ": ", csv_strerror(csv_error(p))));
      }
      return ParseError(
          reader, reader.line,
          "a quote where none may be (a cell holding a quote is quoted "
          "whole, each quote in it doubled, and nothing follows its closing "
          "quote but spaces)",
          v1::ERROR_CODE_CSV_STRAY_QUOTE);
    }
    if (LineBreaks(line) > 0) ++reader.line;
  }
  if (csv_fini(p, OnCell, OnRow, &reader) != 0) {
    // The open cell began where its text so far began.
    const absl::string_view open(reinterpret_cast<const char*>(p->entry_buf),
                                 p->entry_pos);
    return ParseError(reader, reader.line - LineBreaks(open),
                      "a quoted cell is not closed before the end of the text",
                      v1::ERROR_CODE_CSV_OPEN_QUOTE);
  }
  return absl::OkStatus();
}

}  // namespace fives::csv_internal
