#include "notifiers/webhook_payload.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "notifiers/reminder_json.h"
#include "notifiers/standard_webhooks.h"
#include "tests/notifiers/notifier_testing.h"

namespace touchbase {
namespace {

const Instant k_now = date::sys_days(date::year(2026) / 3 / 3) + std::chrono::hours(14);

TEST(WebhookPayload, BodyIsATypedEventCarryingEveryField) {
  const auto m = testing::sample_message();
  const auto body = nlohmann::json::parse(webhook_body(m, k_now));
  EXPECT_EQ(body["type"], "reminder.due");
  EXPECT_EQ(body["timestamp"], "2026-03-03T14:00:00Z");
  EXPECT_EQ(body.size(), 3u);
  EXPECT_EQ(body["data"], nlohmann::json::parse(reminder_json(m)));
  EXPECT_EQ(body["data"]["contact_name"], "Jane Doe");
  EXPECT_EQ(body["data"]["idempotency_key"], "rem-42-alice-mail");
  EXPECT_EQ(body["data"]["late"], false);
}

TEST(WebhookPayload, HeadersCarryTheIdTheTimestampAndTheSignatureOfThatBody) {
  const std::string key = "0123456789abcdef";
  const std::string body = R"({"a":1})";
  const auto headers = webhook_headers(key, "rem-1", k_now, body);
  const auto timestamp = k_now.time_since_epoch().count();
  ASSERT_EQ(headers.size(), 3u);
  EXPECT_EQ(headers[0], "webhook-id: rem-1");
  EXPECT_EQ(headers[1], "webhook-timestamp: " + std::to_string(timestamp));
  EXPECT_EQ(headers[2], "webhook-signature: " + sign_webhook(key, "rem-1", timestamp, body));
}

TEST(WebhookPayload, AnIdWithLineBreaksCannotAddAHeader) {
  const auto headers = webhook_headers("k", "rem\r\nX-Evil: 1", k_now, "{}");
  EXPECT_EQ(headers[0], "webhook-id: rem  X-Evil: 1");
}

TEST(WebhookPayload, TheDataCarriesTheActionLinks) {
  const auto body = nlohmann::json::parse(webhook_body(testing::sample_message_with_actions(), k_now));
  EXPECT_EQ(body["data"]["actions"]["touched"], testing::sample_action_url("touched"));
  EXPECT_EQ(body["data"]["actions"]["today"], testing::sample_action_url("today"));
  EXPECT_EQ(body["data"]["actions"].size(), 10u);
}

}  // namespace
}  // namespace touchbase
