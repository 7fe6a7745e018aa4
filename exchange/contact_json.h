#pragma once
// Contacts and touches as JSON objects, for every `--json` listing and the
// JSON export, written with core/json_line.h.

#include <string>
#include <string_view>
#include <vector>

#include "core/contact.h"
#include "core/json_line.h"

namespace touchbase {

// One field of a contact: its key and its value as JSON text.
struct ContactField {
  std::string_view key;
  std::string json;
  bool is_text = false;  // a JSON string; `text` holds it unquoted
  std::string text;
};

// Every field, in key order; absent optionals are null, the window is its text form.
std::vector<ContactField> contact_fields(const Contact& c);

// Adds every field of `c` to `line`.
void add_contact(JsonLine& line, const Contact& c);
// One touch as a JSON object: at, outcome, note, talking_point (null when none).
std::string touch_json(const Touch& t);

// What differs between two states of a contact, one text per field in
// alphabetical order: "stage: 'discovery' -> 'proposal'".
std::vector<std::string> describe_changes(const Contact& before, const Contact& after);

}  // namespace touchbase
