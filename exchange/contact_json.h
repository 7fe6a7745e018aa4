#pragma once
// Contacts as JSON objects, for `--json` listings and exports.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/contact.h"

namespace touchbase {

// Every field; absent optionals are null, the window is its text form.
nlohmann::json to_json(const Contact& c);
nlohmann::json to_json(const Touch& t);

// What differs between two states of a contact, one text per field in
// alphabetical order: "stage: 'discovery' -> 'proposal'".
std::vector<std::string> describe_changes(const Contact& before, const Contact& after);

}  // namespace touchbase
