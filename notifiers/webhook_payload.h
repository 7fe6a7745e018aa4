#pragma once
// The generic webhook: a JSON event shaped as Standard Webhooks suggests
// ({"type", "timestamp", "data"}) and the headers that sign it.

#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"
#include "notifiers/notifier.h"

namespace touchbase {

inline constexpr std::string_view k_webhook_event_type = "reminder.due";

// {"type": "reminder.due", "timestamp": RFC 3339 of `now`, "data": reminder_json(m)}.
std::string webhook_body(const ReminderMessage& m, Instant now);

// webhook-id (the idempotency key), webhook-timestamp and webhook-signature,
// as "Name: value" lines. `key` is the decoded secret.
std::vector<std::string> webhook_headers(std::string_view key, std::string_view id, Instant now, std::string_view body);

}  // namespace touchbase
