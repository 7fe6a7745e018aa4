#pragma once
// RFC 4180 CSV through libcsv: quoted fields, embedded commas, quotes and
// newlines, CRLF or LF line ends, and a leading UTF-8 byte-order mark.

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace touchbase {

struct CsvRecord {
  // 1-based record number, as a spreadsheet numbers rows: the header is row
  // 1, a record with embedded newlines is one row, blank lines are not rows.
  int row = 0;
  std::vector<std::string> fields;
};

// Every record of `text`, the header first. Blank lines are skipped. A
// malformed file (an unterminated quote, a stray quote) is Errc::data naming
// the row where parsing stopped.
Result<std::vector<CsvRecord>> read_csv(std::string_view text);

// `value` quoted for CSV when it needs to be: it holds a comma, a quote or a
// line break, or starts or ends with a space or tab (which a field not quoted
// loses).
std::string csv_escape(std::string_view value);

// A cell a spreadsheet would run as a formula made inert, as OWASP's
// CSV-injection guidance says: a cell that starts with =, +, -, @, a tab or a
// carriage return -- or with quotes (') before one of them -- gets a leading
// quote. formula_unguarded() undoes it exactly, so export -> import keeps
// every value: "=SUM(A1)" -> "'=SUM(A1)" -> "=SUM(A1)", "+1 555" -> "'+1 555".
std::string formula_guarded(std::string_view cell);
std::string formula_unguarded(std::string_view cell);
// formula_unguarded() on every field of the records after the header.
void remove_formula_guards(std::vector<CsvRecord>& records);

}  // namespace touchbase
