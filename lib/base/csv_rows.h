// The rows of CSV text as a web form or a spreadsheet exports it, read with
// libcsv (RFC 4180 quoting: quotes doubled inside quoted cells, separators
// and line breaks allowed there). Not installed.
#ifndef FIVES_LIB_CSV_ROWS_H_
#define FIVES_LIB_CSV_ROWS_H_

#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace fives::csv_internal {

struct CsvCell {
  // As read: unquoted, without the spaces and tabs around an unquoted cell.
  std::string text;
  // The line of the text the cell starts on, from 1.
  int line = 0;
};

struct CsvRow {
  // At least one.
  std::vector<CsvCell> cells;

  int line() const { return cells.front().line; }
};

// Reads `text` and calls `row` for each row, in order. A UTF-8 byte order
// mark at the start is skipped. The separator is ';' or ',', whichever the
// first row has more of outside quotes (',' when neither). Lines end in LF,
// CRLF or CR; lines with nothing but spaces and tabs are skipped.
// InvalidArgument, naming the line and column, for a quote where RFC 4180
// allows none, or a quoted cell that is never closed; the rows before it
// have been passed to `row`.
absl::Status ReadCsvRows(absl::string_view text,
                         absl::FunctionRef<void(const CsvRow&)> row);

}  // namespace fives::csv_internal

#endif  // FIVES_LIB_CSV_ROWS_H_
