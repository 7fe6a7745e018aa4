#pragma once
// Contacts as JSON objects, for `--json` listings and exports.

#include <nlohmann/json.hpp>

#include "core/contact.h"

namespace touchbase {

// Every field; absent optionals are null, the window is its text form.
nlohmann::json to_json(const Contact& c);
nlohmann::json to_json(const Touch& t);

}  // namespace touchbase
