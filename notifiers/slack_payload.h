#pragma once
// Slack incoming webhooks: fallback text plus Block Kit blocks. Contact data
// is escaped for mrkdwn (&, <, >), so it can neither link nor mention.

#include <nlohmann/json.hpp>

#include "notifiers/notifier.h"

namespace touchbase {

// Slack's limits, in characters.
inline constexpr std::size_t k_slack_header_limit = 150;
inline constexpr std::size_t k_slack_text_limit = 3000;
inline constexpr std::size_t k_slack_field_limit = 2000;

nlohmann::json slack_payload(const ReminderMessage& m);

}  // namespace touchbase
