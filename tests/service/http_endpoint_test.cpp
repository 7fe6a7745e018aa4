// The HTTP endpoint for /metrics and /healthz, on 127.0.0.1.
#include "service/http_endpoint.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <thread>

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

}  // namespace
}  // namespace touchbase::testing
