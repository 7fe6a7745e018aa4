#pragma once
// Writing contacts out with their state, in forms `touchbase import` reads
// back to the same contacts.

#include <span>
#include <string>

#include "core/contact.h"

namespace touchbase {

// CSV (RFC 4180, LF line ends) with a header row: k_contact_columns, then
// k_state_columns. Instants are RFC 3339 in UTC, tags joined with ",", the
// value in its shortest exact form. Always UTF-8, so that import reads it
// back: bytes that are not (a database written by hand or by an older
// version) become U+FFFD, as in the JSON export.
std::string export_csv(std::span<const Contact> contacts);

// One JSON object per contact and line, as `contact list --json` prints.
std::string export_json_lines(std::span<const Contact> contacts);

}  // namespace touchbase
