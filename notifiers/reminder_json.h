#pragma once
// The reminder as one flat JSON object, every field of ReminderMessage under
// its own name plus "text" (the plain-text rendering). The generic webhook
// carries it as its "data" and the command notifier writes it to stdin.

#include <nlohmann/json.hpp>

#include "notifiers/notifier.h"

namespace touchbase {

nlohmann::json reminder_json(const ReminderMessage& m);

// Compact JSON text. Invalid UTF-8 in contact data is replaced by U+FFFD
// instead of throwing, so no field can make a delivery fail to start.
std::string dump_json(const nlohmann::json& value);

}  // namespace touchbase
