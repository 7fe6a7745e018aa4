#pragma once
// Turning CSV exported from a spreadsheet or CRM into contacts. The whole
// file is checked before anything is stored: the caller gets either every
// contact or every problem, each naming its row and column.

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/contact.h"
#include "exchange/csv_reader.h"

namespace touchbase {

// The columns touchbase reads; any other column is ignored.
inline constexpr std::string_view k_contact_columns[] = {"id",    "name",  "email",    "phone",      "company",
                                                         "title", "owner", "timezone", "window",     "cadence",
                                                         "stage", "tags",  "value",    "last_touch", "notes"};

// What a row may refer to. An empty set accepts any name.
struct ImportRules {
  std::set<std::string, std::less<>> owners;
  std::set<std::string, std::less<>> cadences;
};

struct ImportResult {
  std::vector<Contact> contacts;    // in file order; empty when errors is not
  std::vector<std::string> errors;  // "row 4, column 'timezone': ..."
};

// Reads `csv` (the header first). Required columns: id and name. Tags are
// separated by commas or semicolons; value is a number; last_touch is
// RFC 3339 or a date; window is like "mon-fri 16:00-17:30".
ImportResult import_contacts(std::string_view csv, const ImportRules& rules);

// A contact field given as text, checked: the same rules as a CSV cell.
// `column` is one of k_contact_columns except id.
Status set_contact_field(Contact& c, std::string_view column, std::string_view value, const ImportRules& rules);

}  // namespace touchbase
