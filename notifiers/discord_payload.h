#pragma once
// Discord webhooks: a short "content" line (Discord allows 2,000 characters)
// and one embed with the details. Mentions are disabled, so contact data
// can never ping anyone.

#include <nlohmann/json.hpp>

#include "notifiers/notifier.h"

namespace touchbase {

// Discord's limits, in characters; the embed's parts are kept well inside
// its 6,000-character total.
inline constexpr std::size_t k_discord_content_limit = 2000;
inline constexpr std::size_t k_discord_title_limit = 256;
inline constexpr std::size_t k_discord_description_limit = 1500;
inline constexpr std::size_t k_discord_field_limit = 500;
inline constexpr std::size_t k_discord_footer_limit = 500;

nlohmann::json discord_payload(const ReminderMessage& m);

}  // namespace touchbase
