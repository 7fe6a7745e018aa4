// The HTTP endpoint for /metrics and /healthz, on 127.0.0.1.
#include "service/http_endpoint.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/resource.h>

#include <thread>

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>
#include <boost/asio/write.hpp>

#include "tests/testing/daemon_process.h"

namespace touchbase::testing {
namespace {

using ::testing::HasSubstr;

class HttpEndpointTest : public ::testing::Test {
 protected:
  HttpEndpointTest() {
    auto opened = HttpEndpoint::open(io_, "127.0.0.1:0", [](std::string_view path) {
      return HttpAnswer{path == "/metrics" ? 200u : 404u, "text/plain", "answer for " + std::string(path) + "\n"};
    });
    if (!opened) throw std::runtime_error(opened.error().message);
    endpoint_ = std::move(opened).value();
    port_ = endpoint_->port();
    work_ = std::thread([this] { io_.run(); });
  }
  ~HttpEndpointTest() override {
    io_.stop();
    work_.join();
  }

  boost::asio::io_context io_;
  std::unique_ptr<HttpEndpoint> endpoint_;
  int port_ = 0;
  std::thread work_;
};

TEST_F(HttpEndpointTest, AnswersWithTheHandlersStatusTypeAndBody) {
  auto reply = http_get(port_, "/metrics?format=text");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(reply->body, "answer for /metrics\n");
  EXPECT_THAT(reply->headers, HasSubstr("Content-Type: text/plain"));
  EXPECT_THAT(reply->headers, HasSubstr("Content-Length: 20"));
  EXPECT_EQ(http_get(port_, "/elsewhere")->status, 404);
}

TEST_F(HttpEndpointTest, OnlyGetAndHeadAreServed) {
  auto reply = http_request(port_, "POST", "/metrics");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 405);
  EXPECT_THAT(reply->headers, HasSubstr("Allow: GET, HEAD"));
  auto head = http_request(port_, "HEAD", "/metrics");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->body, "");
}

TEST(HttpEndpoint, AnAddressInUseIsReportedAsUnavailable) {
  boost::asio::io_context io;
  auto first = HttpEndpoint::open(io, "127.0.0.1:0", [](std::string_view) { return HttpAnswer{}; });
  ASSERT_TRUE(first.ok());
  auto taken = "127.0.0.1:" + std::to_string((*first)->port());
  auto second = HttpEndpoint::open(io, taken, [](std::string_view) { return HttpAnswer{}; });
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, Errc::unavailable);
  EXPECT_THAT(second.error().message, HasSubstr("cannot listen on " + taken));
}

TEST(HostAllowed, TheListeningHostLocalhostAndAddressesPassNamesThatCouldBeReboundDoNot) {
  struct Case {
    std::string_view header, listen;
    bool allowed;
  };
  const Case cases[] = {
      {"127.0.0.1:9464", "127.0.0.1", true},
      {"127.0.0.1", "127.0.0.1", true},
      {"localhost:9464", "127.0.0.1", true},
      {"LocalHost:9464", "127.0.0.1", true},
      {"[::1]:9464", "::1", true},
      {"10.0.0.7:9464", "0.0.0.0", true},  // any address of the machine
      {"metrics.internal:9464", "metrics.internal", true},
      {"Metrics.Internal", "metrics.internal", true},
      {"", "127.0.0.1", true},  // HTTP/1.0 without Host
      {"attacker.example:9464", "127.0.0.1", false},
      {"localhost.attacker.example", "127.0.0.1", false},
      {"metrics.internal.attacker.example", "metrics.internal", false},
  };
  for (const Case& c : cases) EXPECT_EQ(host_allowed(c.header, c.listen), c.allowed) << c.header << " / " << c.listen;
}

// A client socket to the endpoint, driven from the test thread.
class RawClient {
 public:
  RawClient(boost::asio::io_context& io, unsigned short port) : socket_(io) {
    socket_.connect({boost::asio::ip::make_address("127.0.0.1"), port});
  }
  void send(std::string_view text) { boost::asio::write(socket_, boost::asio::buffer(text.data(), text.size())); }
  // What has arrived so far, without waiting; "closed" once the server closed.
  std::string received() {
    socket_.non_blocking(true);
    char buffer[4096];
    boost::system::error_code ec;
    for (;;) {
      const std::size_t n = socket_.read_some(boost::asio::buffer(buffer), ec);
      if (ec == boost::asio::error::eof) return text_ + "closed";
      if (ec) return text_;
      text_.append(buffer, n);
    }
  }
  void close() { socket_.close(); }

 private:
  boost::asio::ip::tcp::socket socket_;
  std::string text_;
};

// An endpoint whose loop runs on the test thread, so a test sees every step.
class BoundedEndpointTest : public ::testing::Test {
 protected:
  void open(HttpLimits limits) {
    auto opened = HttpEndpoint::open(
        io_, "127.0.0.1:0",
        [](std::string_view) {
          return HttpAnswer{200, "text/plain", "ok\n"};
        },
        limits);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    endpoint_ = std::move(opened).value();
  }
  // Runs every handler that is ready, and no more.
  void settle() {
    for (int i = 0; i < 100; ++i) {
      io_.restart();
      if (io_.poll() == 0) return;
    }
  }
  bool eventually_received(RawClient& client, std::string_view text) {
    return eventually([&] {
      io_.restart();
      io_.poll();
      return client.received().find(text) != std::string::npos;
    });
  }

  static constexpr std::string_view k_get = "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  boost::asio::io_context io_;
  std::unique_ptr<HttpEndpoint> endpoint_;
};

TEST_F(BoundedEndpointTest, PastItsConnectionCapItWaitsForOneToCloseBeforeAcceptingAnother) {
  open(HttpLimits{.max_connections = 2});
  RawClient idle1(io_, endpoint_->port());
  RawClient idle2(io_, endpoint_->port());
  RawClient waiting(io_, endpoint_->port());
  waiting.send(k_get);
  settle();
  EXPECT_EQ(endpoint_->open_connections(), 2u);
  EXPECT_EQ(waiting.received(), "");

  idle1.close();
  ASSERT_TRUE(eventually_received(waiting, "HTTP/1.1 200 OK"));
  EXPECT_EQ(endpoint_->open_connections(), 2u);
}

TEST_F(BoundedEndpointTest, ARequestThatDoesNotArriveWholeInTimeIsCutOff) {
  open(HttpLimits{.read_timeout = std::chrono::milliseconds(50)});
  RawClient slow(io_, endpoint_->port());
  slow.send("GET /metrics HTTP/1.1\r\nHost: 127.0");  // and nothing more
  ASSERT_TRUE(eventually_received(slow, "closed"));
  EXPECT_EQ(slow.received(), "closed");
  EXPECT_TRUE(eventually([&] {
    settle();
    return endpoint_->open_connections() == 0;
  }));
}

TEST_F(BoundedEndpointTest, ARequestLargerThanTheLimitIsRefusedAndItsConnectionClosed) {
  open(HttpLimits{.max_request_bytes = 1024});
  RawClient large(io_, endpoint_->port());
  large.send("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: " + std::string(2048, 'x') + "\r\n\r\n");
  ASSERT_TRUE(eventually_received(large, "closed"));
  EXPECT_EQ(large.received().find("200 OK"), std::string::npos);
}

TEST_F(BoundedEndpointTest, AHostNameOtherThanItsOwnGets421AndNoAnswerFromTheHandler) {
  open(HttpLimits{});
  RawClient rebound(io_, endpoint_->port());
  rebound.send("GET /metrics HTTP/1.1\r\nHost: attacker.example:9464\r\n\r\n");
  ASSERT_TRUE(eventually_received(rebound, "closed"));
  EXPECT_THAT(rebound.received(), ::testing::StartsWith("HTTP/1.1 421 Misdirected Request"));
  EXPECT_EQ(rebound.received().find("ok\n"), std::string::npos);
}

TEST_F(BoundedEndpointTest, WithNoDescriptorsLeftItPausesAcceptingLogsOnceAndRecovers) {
  // Given clients waiting in the backlog while the process may open no more
  // files, a failed accept waits for its retry instead of spinning, and says
  // so once; with descriptors back, the waiting client is answered.
  std::ostringstream log;
  auto logger = std::make_shared<spdlog::logger>("test", std::make_shared<spdlog::sinks::ostream_sink_mt>(log));
  auto previous = spdlog::default_logger();
  spdlog::set_default_logger(logger);
  open(HttpLimits{.accept_retry_delay = std::chrono::milliseconds(200)});
  RawClient waiting(io_, endpoint_->port());
  waiting.send(k_get);

  rlimit limit{};
  ASSERT_EQ(::getrlimit(RLIMIT_NOFILE, &limit), 0);
  const rlimit saved = limit;
  limit.rlim_cur = static_cast<rlim_t>(::dup(0));  // the lowest free descriptor is now the limit
  ::close(static_cast<int>(limit.rlim_cur));
  ASSERT_EQ(::setrlimit(RLIMIT_NOFILE, &limit), 0);
  int handlers = 0;
  for (int i = 0; i < 1000 && io_.poll_one() > 0; ++i) ++handlers;
  ::setrlimit(RLIMIT_NOFILE, &saved);
  EXPECT_LE(handlers, 2) << "the accept loop spins";
  EXPECT_EQ(endpoint_->open_connections(), 0u);

  ASSERT_TRUE(eventually([&] {
    io_.restart();
    io_.run_one_for(std::chrono::milliseconds(50));
    return waiting.received().find("200 OK") != std::string::npos;
  }));
  spdlog::set_default_logger(previous);
  const std::string lines = log.str();
  EXPECT_THAT(lines, HasSubstr("http: cannot accept connections: Too many open files"));
  EXPECT_EQ(lines.find("cannot accept", lines.find("cannot accept") + 1), std::string::npos);
  EXPECT_THAT(lines, HasSubstr("http: accepting connections again"));
}

}  // namespace
}  // namespace touchbase::testing
