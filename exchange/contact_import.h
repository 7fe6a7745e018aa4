#pragma once
// Turning a contacts file (CSV from a spreadsheet or CRM, or touchbase's own
// JSON export) into contacts. The whole file is checked before anything is
// stored: the caller gets either every contact or every problem, each naming
// its row and column.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/contact.h"
#include "exchange/column_map.h"
#include "exchange/contact_fields.h"
#include "exchange/csv_reader.h"

namespace touchbase {

struct ImportOptions {
  ImportRules rules;
  ColumnMap map;
  // The stored contacts. A row with the id of one of them, or without an id
  // but with its email (any case), updates it: the columns the file has
  // replace its fields and the others stay. Another row adds a contact, with
  // the row's id, else the email in lower case as its id.
  std::span<const Contact> existing;
};

struct ImportResult {
  std::vector<Contact> contacts;    // in file order; empty when errors is not
  std::vector<int> rows;            // the row each contact came from
  std::vector<std::string> errors;  // "row 4, column 'timezone': ..."
};

// Reads `csv` (the header first) as described at ImportOptions and
// set_contact_field, with formula guards removed (csv_reader.h). A cell that
// is not UTF-8 is an error naming its row and column. The header must name id or email; a new contact needs a
// name. Two rows naming the same contact (by id, or by email) are an error.
ImportResult import_contacts(std::string_view csv, const ImportOptions& options);
// The same with no map and no stored contacts.
ImportResult import_contacts(std::string_view csv, const ImportRules& rules);
// The same from records already read (read_csv, read_json_records).
ImportResult import_records(const std::vector<CsvRecord>& records, const ImportOptions& options);

}  // namespace touchbase
