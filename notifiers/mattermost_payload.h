#pragma once
// Mattermost incoming webhooks: one Markdown message. Contact data is
// Markdown-escaped so it shows literally.

#include <nlohmann/json.hpp>

#include "notifiers/notifier.h"

namespace touchbase {

// Mattermost accepts 16,383 characters; reminders stay far below.
inline constexpr std::size_t k_mattermost_post_limit = 16383;
// The reminder's text is cut to this; the action links come after it, whole.
inline constexpr std::size_t k_mattermost_text_limit = 4000;

// The action links (action_rows()) end the text as Markdown links, a line
// per row (markdown_action_lines()).

nlohmann::json mattermost_payload(const ReminderMessage& m);

}  // namespace touchbase
