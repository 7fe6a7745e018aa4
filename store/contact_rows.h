#pragma once
// A Contact as a row of the contacts table. Tags are stored as one text,
// comma-separated; the window in its written form ("mon-fri 16:00-17:30");
// dates as "YYYY-MM-DD"; the status by its name.

#include <SQLiteCpp/Statement.h>

#include <string>

#include "core/contact.h"
#include "core/result.h"

namespace touchbase {

// The statements, each taking the contact's columns as parameters ?1..?21
// (bind_contact) or returning them as columns 0..20 (read_contact).
const std::string& insert_contact_sql();
// Inserts, or updates the row in place on a conflicting id: unlike a
// REPLACE, the contact's touches and reminders stay, and a removed contact
// comes back.
const std::string& upsert_contact_sql();
const std::string& update_contact_sql();  // leaves a removed contact alone
// "id, name, ...": every column read_contact reads, in its order.
std::string contact_column_list();
const std::string& select_contacts_sql();  // the contacts not removed; ends before AND / ORDER BY

// Errc::data when `c` cannot be stored so that it reads back equal: an empty
// tag or one holding a comma, a window with no days or no hours, a value that
// is not a number, or a next-step date that does not exist.
Status check_storable(const Contact& c);

// REQUIRES: check_storable(c) succeeded.
void bind_contact(SQLite::Statement& stmt, const Contact& c);

// The texts bind_contact makes from a contact's fields (its window, tags,
// status and next-step date), kept for a statement bound in place.
struct ContactTexts {
  std::string window;
  std::string tags;
  std::string status;
  std::string next_step_date;
};

// As bind_contact, without copying the texts into the statement: `c` and
// `texts` must stay as they are until the statement has run (for a statement
// run for many contacts in a row). REQUIRES: check_storable(c) succeeded.
void bind_contact_in_place(SQLite::Statement& stmt, const Contact& c, ContactTexts& texts);

// The contact of the statement's current row, or, when a stored value does
// not read back (edited by hand: a window, status or next-step date that does
// not parse), its id and why.
Result<Contact, SkippedContact> read_contact_row(const SQLite::Statement& stmt);
// The same as an Error (Errc::data) naming the contact.
Result<Contact> read_contact(const SQLite::Statement& stmt);

// The columns of a touch that read_touch reads, in its order.
inline constexpr std::string_view k_touch_columns = "touched_at, outcome, note, talking_point, source";

// The touch whose k_touch_columns start at column `first` of the statement's
// current row; Errc::data naming `contact_id` when its outcome or source is
// not one this version knows.
Result<Touch> read_touch(const SQLite::Statement& stmt, int first, std::string_view contact_id);

}  // namespace touchbase
