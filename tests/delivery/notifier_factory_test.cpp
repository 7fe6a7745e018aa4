#include "delivery/notifier_factory.h"

#include <gtest/gtest.h>

#include <sstream>

#include "notifiers/discord_payload.h"
#include "notifiers/google_chat_payload.h"
#include "notifiers/mattermost_payload.h"
#include "notifiers/request_builders.h"
#include "notifiers/slack_payload.h"
#include "notifiers/teams_payload.h"
#include "tests/notifiers/notifier_testing.h"
#include "tests/servers/server_process.h"
#include "tests/testing/temp_dir.h"

namespace touchbase {
namespace {

NotifierConfig config_of(NotifierKind kind, std::string url) {
  NotifierConfig c;
  c.name = "team";
  c.kind = kind;
  c.url = std::move(url);
  return c;
}

std::string error_of(const NotifierConfig& c) {
  const Status s = validate_notifier(c);
  EXPECT_FALSE(s.ok());
  if (s.ok()) return {};
  EXPECT_EQ(s.error().code, Errc::config);
  return s.error().message;
}

TEST(ValidateNotifier, ChatUrlsMustBeHttpsUnlessLoopback) {
  EXPECT_TRUE(validate_notifier(config_of(NotifierKind::slack, "https://hooks.slack.com/services/T/B/X")).ok());
  EXPECT_TRUE(validate_notifier(config_of(NotifierKind::discord, "http://127.0.0.1:8080/hook")).ok());
  const std::string message = error_of(config_of(NotifierKind::slack, "http://hooks.slack.com/services/T/B/SECRET"));
  EXPECT_EQ(message, "notifier \"team\" (slack): the url must be https:// (http:// only to a loopback host)");
  EXPECT_EQ(error_of(config_of(NotifierKind::teams, "")),
            "notifier \"team\" (teams): a url is required (url, url_file or url_env)");
}

TEST(ValidateNotifier, AWebhookNeedsAWhsecSecretAndTheErrorDoesNotRepeatIt) {
  auto c = config_of(NotifierKind::webhook, "https://crm.example.com/hooks/touchbase");
  c.secret = "plain-secret-value";
  const std::string message = error_of(c);
  EXPECT_EQ(message.find("plain-secret-value"), std::string::npos);
  EXPECT_NE(message.find("whsec_"), std::string::npos);
  c.secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  EXPECT_TRUE(validate_notifier(c).ok());
}

TEST(ValidateNotifier, EmailNeedsSmtpUrlFromAndTo) {
  auto c = config_of(NotifierKind::email, "smtp://smtp.example.com:587");
  c.from = "touchbase <touchbase@example.com>";
  c.to = {"alice@example.com"};
  EXPECT_TRUE(validate_notifier(c).ok());
  c.to = {};
  EXPECT_EQ(error_of(c), "notifier \"team\" (email): an email notifier needs at least one address in `to`");
  c.to = {"alice@example.com\r\nBcc: x@example.com"};
  EXPECT_NE(error_of(c).find("control characters"), std::string::npos);
  c.to = {"alice@example.com"};
  c.url = "https://smtp.example.com";
  EXPECT_NE(error_of(c).find("smtp://"), std::string::npos);
  c.url = "smtps://smtp.example.com";
  c.username = "touchbase";
  EXPECT_NE(error_of(c).find("needs a password"), std::string::npos);
}

TEST(ValidateNotifier, ACommandNeedsAProgram) {
  auto c = config_of(NotifierKind::command, "");
  EXPECT_NE(error_of(c).find("`command`"), std::string::npos);
  c.command = {"/usr/bin/true"};
  EXPECT_TRUE(validate_notifier(c).ok());
}

TEST(MakeNotifier, BuildsAConsoleNotifierThatWritesTheReminder) {
  boost::asio::io_context io;
  CurlMulti curl(io);
  std::ostringstream out;
  auto notifier = make_notifier(config_of(NotifierKind::console, ""), io, curl, out);
  ASSERT_TRUE(notifier.ok()) << notifier.error().message;
  const auto delivery = testing::deliver_and_wait(**notifier, testing::sample_message(), io);
  ASSERT_TRUE(delivery.result.has_value());
  EXPECT_TRUE(delivery.result->ok());
  EXPECT_NE(out.str().find("Follow up with Jane Doe (Acme GmbH, proposal)"), std::string::npos);
}

TEST(MakeNotifier, RefusesAnInvalidConfiguration) {
  boost::asio::io_context io;
  CurlMulti curl(io);
  std::ostringstream out;
  auto notifier = make_notifier(config_of(NotifierKind::slack, "ftp://example.com/x"), io, curl, out);
  ASSERT_FALSE(notifier.ok());
  EXPECT_EQ(notifier.error().code, Errc::config);
}

TEST(MakeNotifier, EachChatKindPostsItsOwnPayloadAndTheWebhookIsSigned) {
  // Given one notifier of each HTTP kind, built from its configuration, the
  // test server receives each kind's payload, and a webhook it can verify.
  constexpr const char* secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  testing::TempDir dir;
  testing::ServerProcess server("http_server.py", dir.path(), {"--secret", secret});
  ASSERT_TRUE(server.ready()) << server.error();
  const std::string base = "http://127.0.0.1:" + std::to_string(server.port());
  boost::asio::io_context io;
  CurlMulti curl(io);
  std::ostringstream out;
  const std::pair<NotifierKind, JsonPayload> chats[] = {{NotifierKind::slack, slack_payload},
                                                        {NotifierKind::teams, teams_payload},
                                                        {NotifierKind::discord, discord_payload},
                                                        {NotifierKind::mattermost, mattermost_payload},
                                                        {NotifierKind::google_chat, google_chat_payload}};
  for (const auto& [kind, payload] : chats) {
    auto notifier = make_notifier(config_of(kind, base + "/" + std::string(to_string(kind))), io, curl, out);
    ASSERT_TRUE(notifier.ok()) << notifier.error().message;
    const auto delivery = testing::deliver_and_wait(**notifier, testing::sample_message(), io);
    ASSERT_TRUE(delivery.result.has_value() && delivery.result->ok()) << to_string(kind);
  }
  auto webhook_config = config_of(NotifierKind::webhook, base + "/webhook");
  webhook_config.secret = secret;
  auto webhook = make_notifier(webhook_config, io, curl, out);
  ASSERT_TRUE(webhook.ok()) << webhook.error().message;
  ASSERT_TRUE(testing::deliver_and_wait(**webhook, testing::sample_message(), io).result.has_value());

  const auto requests = server.records("requests.jsonl");
  ASSERT_EQ(requests.size(), std::size(chats) + 1);
  for (std::size_t i = 0; i < std::size(chats); ++i) {
    const auto& [kind, payload] = chats[i];
    EXPECT_EQ(nlohmann::json::parse(requests[i]["body"].get<std::string>()), payload(testing::sample_message()))
        << to_string(kind);
  }
  const auto& google_chat = requests[std::size(chats) - 1];
  EXPECT_NE(google_chat["path"].get<std::string>().find("threadKey=jane-doe"), std::string::npos);
  EXPECT_EQ(requests.back()["signature_valid"], true);
}

}  // namespace
}  // namespace touchbase
