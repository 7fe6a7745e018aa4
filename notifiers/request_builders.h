#pragma once
// The requests of the chat and webhook notifiers (http_notifier.h): one
// RequestBuilder per channel, each a pure function of the reminder and `now`.

#include <string>

#include <nlohmann/json.hpp>

#include "notifiers/http_notifier.h"

namespace touchbase {

// The JSON body a channel makes of a reminder: slack_payload, teams_payload, ...
using JsonPayload = nlohmann::json (*)(const ReminderMessage& m);

// POSTs payload(m) to `url`: Slack, Teams, Discord, Mattermost.
HttpNotifier::RequestBuilder chat_request(std::string url, JsonPayload payload);

// POSTs google_chat_payload(m) to google_chat_url(url, m): one thread per contact.
HttpNotifier::RequestBuilder google_chat_request(std::string url);

// POSTs a Standard Webhooks event (webhook_payload.h) to `url`, signed with
// `key`, the decoded "whsec_" secret (decode_webhook_secret()).
HttpNotifier::RequestBuilder signed_webhook_request(std::string url, std::string key);

}  // namespace touchbase
