#pragma once
// The reminder as one JSON object, every field of ReminderMessage but the
// attempt under its own name plus "text" (the plain-text rendering); the
// action links as "actions", an object from each name to its URL, absent
// when there are none (URLs as given: a consumer checks them). The
// generic webhook carries it as its "data" and the command notifier writes it
// to stdin.
//
// Written straight into a string rather than built as an nlohmann-json tree
// and dumped: it goes out with every delivery, and the tree and nlohmann's
// byte-by-byte escaping cost more than libcurl's whole transfer
// (bench/README.md). Parsed, it equals the object dump_json would write, with
// the members in an order of their own rather than alphabetical.

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "notifiers/notifier.h"

namespace touchbase {

std::string reminder_json(const ReminderMessage& m);
void append_reminder_json(std::string& out, const ReminderMessage& m);

// Compact JSON text. Invalid UTF-8 in contact data is replaced by U+FFFD
// instead of throwing, so no field can make a delivery fail to start.
std::string dump_json(const nlohmann::json& value);

}  // namespace touchbase
