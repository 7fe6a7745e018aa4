#include "notifiers/request_builders.h"

#include "notifiers/google_chat_payload.h"
#include "notifiers/reminder_json.h"
#include "notifiers/webhook_payload.h"

namespace touchbase {

HttpNotifier::RequestBuilder chat_request(std::string url, JsonPayload payload) {
  return [url = std::move(url), payload](const ReminderMessage& m, Instant) {
    return HttpRequest{url, {}, dump_json(payload(m))};
  };
}

HttpNotifier::RequestBuilder google_chat_request(std::string url) {
  return [url = std::move(url)](const ReminderMessage& m, Instant) {
    return HttpRequest{google_chat_url(url, m), {}, dump_json(google_chat_payload(m))};
  };
}

HttpNotifier::RequestBuilder signed_webhook_request(std::string url, std::string key) {
  return [url = std::move(url), key = std::move(key)](const ReminderMessage& m, Instant now) {
    std::string body = webhook_body(m, now);
    auto headers = webhook_headers(key, m.idempotency_key, now, body);
    return HttpRequest{url, std::move(headers), std::move(body)};
  };
}

}  // namespace touchbase
