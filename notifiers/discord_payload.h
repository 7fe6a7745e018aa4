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
// Discord's own limits: a description, and all the text of a message's embeds.
inline constexpr std::size_t k_discord_description_max = 4096;
inline constexpr std::size_t k_discord_embed_limit = 6000;

// The action links (action_rows()) end the embed's description as Markdown
// links, a line per row, within the description's and the embed's limits:
// whole links only, the pages first when not all fit
// (markdown_action_lines()). Not in "content": its 2,000 characters hold
// only some of ten links with signed tokens.
nlohmann::json discord_payload(const ReminderMessage& m);

}  // namespace touchbase
