// The chat and webhook notifiers against a real HTTP server on 127.0.0.1
// (tests/servers/http_server.py), which records every request it receives.

#include "notifiers/http_notifier.h"

#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <functional>

#include "core/clock.h"
#include "notifiers/discord_payload.h"
#include "notifiers/google_chat_payload.h"
#include "notifiers/mattermost_payload.h"
#include "notifiers/reminder_json.h"
#include "notifiers/request_builders.h"
#include "notifiers/slack_payload.h"
#include "notifiers/standard_webhooks.h"
#include "notifiers/teams_payload.h"
#include "tests/notifiers/notifier_testing.h"
#include "tests/servers/server_process.h"
#include "tests/testing/temp_dir.h"

namespace touchbase {
namespace {

using nlohmann::json;
using testing::deliver_and_wait;
using testing::sample_message;

constexpr const char* k_secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const Instant k_now = date::sys_days(date::year(2026) / 3 / 3) + std::chrono::hours(14);

class HttpNotifierTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    server_ = new testing::ServerProcess("http_server.py", dir_->path(), {"--secret", k_secret});
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
  }
  void SetUp() override { ASSERT_TRUE(server_->ready()) << server_->error(); }

  static std::string url(std::string_view path) {
    return "http://127.0.0.1:" + std::to_string(server_->port()) + std::string(path);
  }

  std::unique_ptr<Notifier> http(std::string channel, std::string endpoint, HttpNotifier::RequestBuilder build,
                                 CurlMulti& multi) {
    return std::make_unique<HttpNotifier>(std::move(channel), std::move(endpoint), std::move(build), multi, clock_,
                                          timeouts_);
  }

  // `channel` ("teams") posting payload(m) to `endpoint`.
  std::unique_ptr<Notifier> chat(std::string channel, const std::string& endpoint, JsonPayload payload) {
    return http(std::move(channel), endpoint, chat_request(endpoint, payload), curl_);
  }

  std::unique_ptr<Notifier> slack(const std::string& endpoint) { return slack_on(curl_, endpoint); }

  std::unique_ptr<Notifier> slack_on(CurlMulti& multi, const std::string& endpoint) {
    return http("slack", endpoint, chat_request(endpoint, slack_payload), multi);
  }

  // Starts one delivery per element of `results`, each to a contact of its own, and returns at once.
  static void start_deliveries(Notifier& notifier, std::vector<std::optional<DeliveryResult>>& results) {
    for (std::size_t i = 0; i < results.size(); ++i) {
      auto m = sample_message();
      m.contact_name = "Contact " + std::to_string(i);
      notifier.deliver(m, [&results, i](DeliveryResult r) { results[i] = std::move(r); });
    }
  }

  // Runs the io_context until `done` or until `limit` has passed.
  void run_until(const std::function<bool()>& done, std::chrono::milliseconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!done() && std::chrono::steady_clock::now() < deadline) io_.run_one_for(std::chrono::milliseconds(50));
  }

  DeliveryResult deliver(Notifier& notifier, const ReminderMessage& m = sample_message()) {
    const auto delivery = deliver_and_wait(notifier, m, io_);
    EXPECT_TRUE(delivery.result.has_value()) << "Done was not called";
    EXPECT_TRUE(delivery.on_io_context) << "Done must run on the io_context";
    return delivery.result.value_or(DeliveryFailure::permanent("no result"));
  }

  // The requests the server received whose path starts with `prefix`.
  static std::vector<json> requests(std::string_view prefix) {
    std::vector<json> out;
    for (auto& r : server_->records("requests.jsonl")) {
      if (r["path"].get<std::string>().rfind(prefix, 0) == 0) out.push_back(std::move(r));
    }
    return out;
  }

  static json only_request(std::string_view prefix) {
    auto all = requests(prefix);
    EXPECT_EQ(all.size(), 1u) << prefix;
    return all.empty() ? json::object() : all.front();
  }

  static testing::TempDir* dir_;
  static testing::ServerProcess* server_;
  boost::asio::io_context io_;
  CurlMulti curl_{io_};
  FakeClock clock_{k_now};
  TransferTimeouts timeouts_;
};

testing::TempDir* HttpNotifierTest::dir_ = nullptr;
testing::ServerProcess* HttpNotifierTest::server_ = nullptr;

TEST_F(HttpNotifierTest, SlackReceivesTheBlockKitPayloadAsJson) {
  auto notifier = slack(url("/slack/services/T0/B0/SECRET"));
  const auto result = deliver(*notifier);
  EXPECT_TRUE(result.ok()) << result.error().message;
  const json request = only_request("/slack/");
  EXPECT_EQ(request["method"], "POST");
  EXPECT_EQ(request["headers"]["content-type"], "application/json");
  EXPECT_EQ(request["headers"]["user-agent"], "touchbase/" TOUCHBASE_VERSION);
  EXPECT_EQ(json::parse(request["body"].get<std::string>()), slack_payload(sample_message()));
}

TEST_F(HttpNotifierTest, TeamsWorkflowAnswering202IsDelivered) {
  auto notifier = chat("teams", url("/teams/workflow?status=202"), teams_payload);
  const auto result = deliver(*notifier);
  EXPECT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(json::parse(only_request("/teams/")["body"].get<std::string>()), teams_payload(sample_message()));
}

TEST_F(HttpNotifierTest, DiscordAndMattermostReceiveTheirPayloads) {
  auto discord = chat("discord", url("/discord/api/webhooks/1/tok?status=204&body="), discord_payload);
  auto mattermost = chat("mattermost", url("/mattermost/hooks/xyz"), mattermost_payload);
  const auto discord_result = deliver(*discord);
  EXPECT_TRUE(discord_result.ok()) << discord_result.error().message;
  const auto mattermost_result = deliver(*mattermost);
  EXPECT_TRUE(mattermost_result.ok()) << mattermost_result.error().message;
  EXPECT_EQ(json::parse(only_request("/discord/")["body"].get<std::string>()), discord_payload(sample_message()));
  EXPECT_EQ(json::parse(only_request("/mattermost/")["body"].get<std::string>()), mattermost_payload(sample_message()));
}

TEST_F(HttpNotifierTest, GoogleChatThreadsByContactAndSendsTheRequestId) {
  const std::string endpoint = url("/gchat/v1/spaces/AAA/messages?key=K&token=T");
  auto notifier = http("google-chat", endpoint, google_chat_request(endpoint), curl_);
  EXPECT_TRUE(deliver(*notifier).ok());
  const json request = only_request("/gchat/");
  EXPECT_EQ(request["path"],
            "/gchat/v1/spaces/AAA/messages?key=K&token=T&messageReplyOption=REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD"
            "&threadKey=jane-doe&requestId=rem-42-alice-mail");
  EXPECT_EQ(json::parse(request["body"].get<std::string>()), google_chat_payload(sample_message()));
}

TEST_F(HttpNotifierTest, TheReceiverVerifiesTheWebhookSignature) {
  const std::string endpoint = url("/crm/hooks/touchbase");
  auto notifier =
      http("webhook", endpoint, signed_webhook_request(endpoint, decode_webhook_secret(k_secret).value()), curl_);
  EXPECT_TRUE(deliver(*notifier).ok());
  const json request = only_request("/crm/");
  EXPECT_EQ(request["signature_valid"], true);
  EXPECT_EQ(request["headers"]["webhook-id"], "rem-42-alice-mail");
  EXPECT_EQ(request["headers"]["webhook-timestamp"], std::to_string(k_now.time_since_epoch().count()));
  const json body = json::parse(request["body"].get<std::string>());
  EXPECT_EQ(body["type"], "reminder.due");
  EXPECT_EQ(body["data"], nlohmann::json::parse(reminder_json(sample_message())));
}

TEST_F(HttpNotifierTest, AServerErrorIsTransientAndTheMessageHidesTheSecretPath) {
  auto notifier = slack(url("/e500/services/T0/B0/SECRET?status=500&body=internal"));
  const auto result = deliver(*notifier);
  ASSERT_FALSE(result.ok());
  EXPECT_TRUE(result.error().is_transient());
  EXPECT_EQ(result.error().retry_after, std::nullopt);
  EXPECT_EQ(result.error().message,
            "HTTP 500 from slack http://127.0.0.1:" + std::to_string(server_->port()) + "/…: internal");
}

TEST_F(HttpNotifierTest, AnErrorBodyWithBytesThatAreNotUtf8AndControlsIsKeptPrintable) {
  // "\xFF\x1B[31mred\xC2\x9B\r\nforged": a byte that is not UTF-8, ESC, a C1 control (CSI), a line break.
  auto notifier = slack(url("/ebytes/x?status=500&body_hex=ff1b5b33316d726564c29b0d0a666f72676564"));
  const auto result = deliver(*notifier);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().message, "HTTP 500 from slack http://127.0.0.1:" + std::to_string(server_->port()) +
                                        "/…: \xEF\xBF\xBD [31mred\\u009B  forged");
}

TEST_F(HttpNotifierTest, A429WithRetryAfterIsTransientWithThatDelay) {
  auto notifier = slack(url("/e429/x?status=429&retry_after=7&body=rate_limited"));
  const auto result = deliver(*notifier);
  ASSERT_FALSE(result.ok());
  EXPECT_TRUE(result.error().is_transient());
  EXPECT_EQ(result.error().retry_after, std::chrono::seconds(7));
}

TEST_F(HttpNotifierTest, A503WithAnHttpDateRetryAfterWaitsUntilThen) {
  // 2026-03-03 14:02:00 GMT is two minutes after the fake clock's now.
  auto notifier = chat("mattermost", url("/e503/x?status=503&retry_after=Tue,%2003%20Mar%202026%2014:02:00%20GMT"),
                       mattermost_payload);
  const auto result = deliver(*notifier);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().retry_after, std::chrono::seconds(120));
}

TEST_F(HttpNotifierTest, Discords429BodyRetryAfterIsHonoured) {
  auto notifier =
      chat("discord",
           url("/d429/x?status=429&retry_after=60&body=%7B%22retry_after%22%3A%202.5%2C%20%22global%22%3A%20false%7D"),
           discord_payload);
  const auto result = deliver(*notifier);
  ASSERT_FALSE(result.ok());
  EXPECT_TRUE(result.error().is_transient());
  EXPECT_EQ(result.error().retry_after, std::chrono::seconds(3));
}

TEST_F(HttpNotifierTest, A410IsPermanentAndMarksTheEndpointGone) {
  auto notifier = slack(url("/e410/x?status=410&body=channel_is_archived"));
  const auto result = deliver(*notifier);
  ASSERT_FALSE(result.ok());
  EXPECT_TRUE(result.error().is_permanent());
  EXPECT_TRUE(result.error().endpoint_gone);
}

TEST_F(HttpNotifierTest, A404IsPermanentButNotGone) {
  auto notifier = slack(url("/e404/x?status=404&body=no_service"));
  const auto result = deliver(*notifier);
  ASSERT_FALSE(result.ok());
  EXPECT_TRUE(result.error().is_permanent());
  EXPECT_FALSE(result.error().endpoint_gone);
}

TEST_F(HttpNotifierTest, AServerThatNeverAnswersTimesOutAsTransient) {
  timeouts_.total = std::chrono::milliseconds(400);
  auto notifier = slack(url("/hang/services/T0/B0/SECRET"));
  const auto delivery = deliver_and_wait(*notifier, sample_message(), io_);
  ASSERT_TRUE(delivery.result.has_value());
  ASSERT_FALSE(delivery.result->ok());
  EXPECT_TRUE(delivery.result->error().is_transient());
  EXPECT_NE(delivery.result->error().message.find("Timeout was reached"), std::string::npos)
      << delivery.result->error().message;
  EXPECT_EQ(delivery.result->error().message.find("SECRET"), std::string::npos);
}

TEST_F(HttpNotifierTest, ARefusedConnectionIsTransient) {
  // A port that was just free: nothing listens there.
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  auto notifier = slack("http://127.0.0.1:" + std::to_string(ntohs(address.sin_port)) + "/x");
  const auto result = deliver(*notifier);
  ASSERT_FALSE(result.ok());
  EXPECT_TRUE(result.error().is_transient());
  EXPECT_NE(result.error().message.find("Couldn't connect to server"), std::string::npos) << result.error().message;
}

TEST_F(HttpNotifierTest, DeliveriesToOneHostReuseTheConnection) {
  auto notifier = slack(url("/reuse/x"));
  EXPECT_TRUE(deliver(*notifier).ok());
  EXPECT_TRUE(deliver(*notifier).ok());
  const auto all = requests("/reuse/");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0]["client_port"], all[1]["client_port"]);
}

TEST_F(HttpNotifierTest, AfterTheServerClosesAConnectionTheNextDeliveryOpensAnother) {
  // Closed connections free their descriptors, which new ones then reuse.
  for (int i = 0; i < 6; ++i) {
    auto notifier = slack(url(i % 2 == 0 ? "/closing/x?close=1" : "/closing/x"));
    EXPECT_TRUE(deliver(*notifier).ok()) << "delivery " << i;
  }
  const auto all = requests("/closing/");
  ASSERT_EQ(all.size(), 6u);
  EXPECT_NE(all[0]["client_port"], all[1]["client_port"]);
  EXPECT_EQ(all[1]["client_port"], all[2]["client_port"]);  // kept open by the server
  EXPECT_NE(all[2]["client_port"], all[3]["client_port"]);
}

TEST_F(HttpNotifierTest, OverlappingDeliveriesShareTheHostsConnectionLimit) {
  // One connection per host: six overlapping deliveries queue for it.
  CurlMulti one_per_host(io_, CurlMulti::Options{1});
  auto notifier = slack_on(one_per_host, url("/overlap/x"));
  ASSERT_TRUE(notifier);
  std::vector<std::optional<DeliveryResult>> results(6);
  start_deliveries(*notifier, results);
  EXPECT_EQ(one_per_host.active(), results.size());
  run_until([&] { return std::all_of(results.begin(), results.end(), [](auto& r) { return r.has_value(); }); },
            std::chrono::seconds(10));
  for (auto& r : results) {
    ASSERT_TRUE(r.has_value());
    EXPECT_TRUE(r->ok());
  }
  const auto received = requests("/overlap/");
  ASSERT_EQ(received.size(), results.size());
  for (const auto& r : received) EXPECT_EQ(r["client_port"], received[0]["client_port"]);
  EXPECT_EQ(one_per_host.active(), 0u);
}

TEST_F(HttpNotifierTest, ADeliveryWaitingForABusyHostDoesNotHoldUpAnotherHost) {
  // One connection per host; 127.0.0.1's is held by a server that never
  // answers, and a second delivery there waits. localhost is another host.
  CurlMulti one_per_host(io_, CurlMulti::Options{1});
  timeouts_.total = std::chrono::seconds(5);
  auto hanging = slack_on(one_per_host, url("/hang/busy-host"));
  auto queued = slack_on(one_per_host, url("/busy-host/queued"));
  auto other = slack_on(one_per_host, "http://localhost:" + std::to_string(server_->port()) + "/other-host/x");
  ASSERT_TRUE(hanging && queued && other);
  std::optional<DeliveryResult> hanging_result, queued_result, other_result;
  hanging->deliver(sample_message(), [&](DeliveryResult r) { hanging_result = std::move(r); });
  queued->deliver(sample_message(), [&](DeliveryResult r) { queued_result = std::move(r); });
  other->deliver(sample_message(), [&](DeliveryResult r) { other_result = std::move(r); });
  EXPECT_EQ(one_per_host.active(), 3u);
  run_until([&] { return other_result.has_value(); }, std::chrono::seconds(3));
  ASSERT_TRUE(other_result.has_value());
  EXPECT_TRUE(other_result->ok());
  EXPECT_FALSE(hanging_result.has_value());
  EXPECT_FALSE(queued_result.has_value());
  EXPECT_EQ(requests("/busy-host/").size(), 0u);  // still waiting for 127.0.0.1's connection
  EXPECT_EQ(one_per_host.active(), 2u);
}

TEST_F(HttpNotifierTest, ADeliveryQueuedBehindAHungConnectionIsSentOnceItIsFreeAndNotFailedForWaiting) {
  // One connection per host, held by a request the server never answers
  // until it times out; the delivery queued behind it waits longer than its
  // own timeout, then is sent and delivered: its time starts when it is sent.
  CurlMulti one_per_host(io_, CurlMulti::Options{1});
  timeouts_.total = std::chrono::milliseconds(300);
  auto hanging = slack_on(one_per_host, url("/hang/holds-the-connection"));
  auto queued = slack_on(one_per_host, url("/queued-behind-hang/x"));
  ASSERT_TRUE(hanging && queued);
  std::optional<DeliveryResult> hanging_result, queued_result;
  hanging->deliver(sample_message(), [&](DeliveryResult r) { hanging_result = std::move(r); });
  queued->deliver(sample_message(), [&](DeliveryResult r) { queued_result = std::move(r); });
  run_until([&] { return hanging_result && queued_result; }, std::chrono::seconds(5));
  ASSERT_TRUE(hanging_result.has_value() && queued_result.has_value());
  ASSERT_FALSE(hanging_result->ok());
  EXPECT_NE(hanging_result->error().message.find("Timeout was reached"), std::string::npos);
  EXPECT_TRUE(queued_result->ok()) << queued_result->error().message;
  EXPECT_EQ(requests("/queued-behind-hang/").size(), 1u);
  EXPECT_EQ(one_per_host.active(), 0u);
}

TEST_F(HttpNotifierTest, DeliveriesQueuedBehindSlowAnswersEachGetTheirWholeTimeoutOnceSent) {
  // Two connections per host, each answer taking 500 ms: the last two of
  // eight deliveries wait 1.5 s, as long as their whole timeout, and are
  // delivered like the others, each sent once.
  CurlMulti two_per_host(io_, CurlMulti::Options{2});
  timeouts_.total = std::chrono::milliseconds(1500);
  auto notifier = slack_on(two_per_host, url("/slow-host/x?delay_ms=500"));
  ASSERT_TRUE(notifier);
  std::vector<std::optional<DeliveryResult>> results(8);
  start_deliveries(*notifier, results);
  run_until([&] { return std::all_of(results.begin(), results.end(), [](auto& r) { return r.has_value(); }); },
            std::chrono::seconds(10));
  for (auto& r : results) {
    ASSERT_TRUE(r.has_value());
    EXPECT_TRUE(r->ok()) << r->error().message;
  }
  EXPECT_EQ(requests("/slow-host/").size(), results.size());
}

TEST_F(HttpNotifierTest, AfterADeliveryTheIoContextRunsOutOfWork) {
  auto notifier = slack(url("/idle/x"));
  EXPECT_TRUE(deliver(*notifier).ok());
  // Nothing (no socket wait, no timer) keeps io_context::run going.
  io_.restart();
  io_.run_for(std::chrono::seconds(30));
  EXPECT_TRUE(io_.stopped()) << "something still holds the loop";  // run_for ended for want of work
}

TEST_F(HttpNotifierTest, DestroyingTheCurlMultiMidTransferAbandonsTheTransfer) {
  boost::asio::io_context io;
  bool done_called = false;
  {
    CurlMulti curl(io);
    auto notifier = slack_on(curl, url("/hang/abandoned"));
    notifier->deliver(sample_message(), [&](DeliveryResult) { done_called = true; });
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (requests("/hang/abandoned").empty() && std::chrono::steady_clock::now() < deadline) {
      io.run_one_for(std::chrono::milliseconds(50));
    }
    EXPECT_EQ(curl.active(), 1u);
  }
  io.restart();
  io.run_for(std::chrono::seconds(5));  // returns once the aborted waits have completed, harmlessly
  EXPECT_FALSE(done_called);
  EXPECT_EQ(requests("/hang/abandoned").size(), 1u);
}

}  // namespace
}  // namespace touchbase
