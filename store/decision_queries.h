#pragma once
// The query behind Store::contacts_to_revisit(), here so that tests can check
// its plan: from the decisions due, by their index (otherwise SQLite walks the
// whole table by id), to their contacts, so a page costs the contacts due, not
// the address book.

#include <string>

namespace touchbase {

// Parameters: ?1 now (unix seconds), ?2 the id to start after.
const std::string& due_contacts_sql();

}  // namespace touchbase
