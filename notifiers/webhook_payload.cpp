#include "notifiers/webhook_payload.h"

#include "notifiers/reminder_json.h"
#include "notifiers/standard_webhooks.h"
#include "notifiers/text.h"

namespace touchbase {

std::string webhook_body(const ReminderMessage& m, Instant now) {
  nlohmann::json event = nlohmann::json::object();
  event["type"] = k_webhook_event_type;
  event["timestamp"] = format_rfc3339(now);
  event["data"] = reminder_json(m);  // moved in, not copied as an initializer list would
  return dump_json(event);
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
