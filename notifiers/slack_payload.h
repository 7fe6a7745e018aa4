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
inline constexpr std::size_t k_slack_button_text_limit = 75;
inline constexpr std::size_t k_slack_button_url_limit = 3000;
inline constexpr std::size_t k_slack_action_id_limit = 255;
inline constexpr std::size_t k_slack_actions_per_block = 25;
inline constexpr std::size_t k_slack_max_blocks = 50;

// The action links (action_rows()) follow the text as link buttons, an
// actions block per row, each button's action_id the action's name.

nlohmann::json slack_payload(const ReminderMessage& m);

}  // namespace touchbase
