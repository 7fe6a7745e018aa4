#pragma once
// Mattermost incoming webhooks: one Markdown message. Contact data is
// Markdown-escaped so it shows literally.

#include <nlohmann/json.hpp>

#include "notifiers/notifier.h"

namespace touchbase {

// Mattermost accepts 16,383 characters; reminders stay far below.
inline constexpr std::size_t k_mattermost_text_limit = 4000;

nlohmann::json mattermost_payload(const ReminderMessage& m);

}  // namespace touchbase
