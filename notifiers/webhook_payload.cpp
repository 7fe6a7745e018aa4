#include "notifiers/webhook_payload.h"

#include "core/json_string.h"
#include "notifiers/reminder_json.h"
#include "notifiers/standard_webhooks.h"
#include "notifiers/text.h"

namespace touchbase {

std::string webhook_body(const ReminderMessage& m, Instant now) {
  std::string body = R"({"type":)";
  append_json_string(body, k_webhook_event_type);
  body += R"(,"timestamp":)";
  append_json_string(body, format_rfc3339(now));
  body += R"(,"data":)";
  append_reminder_json(body, m);
  body += '}';
  return body;
}

std::vector<std::string> webhook_headers(std::string_view key, std::string_view id, Instant now,
                                         std::string_view body) {
  const auto timestamp = static_cast<std::int64_t>(now.time_since_epoch().count());
  return {
      "webhook-id: " + single_line(id),
      "webhook-timestamp: " + std::to_string(timestamp),
      "webhook-signature: " + sign_webhook(key, id, timestamp, body),
  };
}

}  // namespace touchbase
