#pragma once
// The reminder as one flat JSON object, every field of ReminderMessage under
// its own name plus "text" (the plain-text rendering). The generic webhook
// carries it as its "data" and the command notifier writes it to stdin.

#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "notifiers/notifier.h"

namespace touchbase {

// ReminderMessage's text fields but the idempotency key, by their names in JSON.
inline constexpr std::pair<const char*, std::string ReminderMessage::*> k_message_texts[] = {
    {"headline", &ReminderMessage::headline},
    {"owner_name", &ReminderMessage::owner_name},
    {"contact_id", &ReminderMessage::contact_id},
    {"contact_name", &ReminderMessage::contact_name},
    {"company", &ReminderMessage::company},
    {"stage", &ReminderMessage::stage},
    {"channel", &ReminderMessage::channel},
    {"due_at", &ReminderMessage::due_at},
    {"why", &ReminderMessage::why},
    {"talking_point", &ReminderMessage::talking_point},
    {"talking_point_link", &ReminderMessage::talking_point_link},
    {"next_step", &ReminderMessage::next_step},
    {"log_command", &ReminderMessage::log_command},
};

nlohmann::json reminder_json(const ReminderMessage& m);

// Compact JSON text. Invalid UTF-8 in contact data is replaced by U+FFFD
// instead of throwing, so no field can make a delivery fail to start.
std::string dump_json(const nlohmann::json& value);

}  // namespace touchbase
