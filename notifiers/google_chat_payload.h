#pragma once
// Google Chat incoming webhooks: text plus a card (cardsV2). Every reminder
// about the same contact goes to one thread (threadKey = the contact id), and
// the idempotency key is the requestId, so a repeated attempt does not post
// twice.

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "notifiers/notifier.h"

namespace touchbase {

inline constexpr std::string_view k_google_chat_reply_option = "REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD";
inline constexpr std::size_t k_google_chat_text_limit = 4000;

// The action links (action_rows()) end the card: a buttonList widget per
// row, each button opening its link.
nlohmann::json google_chat_payload(const ReminderMessage& m);

// `webhook_url` with messageReplyOption, threadKey and requestId added to its query.
std::string google_chat_url(std::string_view webhook_url, const ReminderMessage& m);

}  // namespace touchbase
