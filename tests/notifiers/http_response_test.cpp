#include "notifiers/http_response.h"

#include <gtest/gtest.h>

namespace touchbase {
namespace {

using std::chrono::seconds;

// Wed, 21 Oct 2015 07:28:00 GMT
const Instant k_now = date::sys_days(date::year(2015) / 10 / 21) + std::chrono::hours(7) + std::chrono::minutes(26);

TEST(ParseRetryAfter, ReadsDelaySeconds) {
  EXPECT_EQ(parse_retry_after("120", k_now), seconds(120));
  EXPECT_EQ(parse_retry_after(" 7 ", k_now), seconds(7));
  EXPECT_EQ(parse_retry_after("0", k_now), seconds(0));
}

TEST(ParseRetryAfter, ReadsAnHttpDateRelativeToNow) {
  EXPECT_EQ(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", k_now), seconds(120));
  EXPECT_EQ(parse_retry_after("Wednesday, 21-Oct-15 07:28:00 GMT", k_now), seconds(120));  // RFC 850
  EXPECT_EQ(parse_retry_after("Wed Oct 21 07:28:00 2015", k_now), seconds(120));           // asctime
}

TEST(ParseRetryAfter, ADateInThePastMeansNow) {
  EXPECT_EQ(parse_retry_after("Wed, 21 Oct 2015 07:00:00 GMT", k_now), seconds(0));
}

TEST(ParseRetryAfter, HugeValuesAreCapped) {
  EXPECT_EQ(parse_retry_after("999999999999", k_now), k_max_retry_after);
  EXPECT_EQ(parse_retry_after("Fri, 01 Jan 2100 00:00:00 GMT", k_now), k_max_retry_after);
}

TEST(ParseRetryAfter, RejectsAnythingElse) {
  EXPECT_EQ(parse_retry_after("", k_now), std::nullopt);
  EXPECT_EQ(parse_retry_after("-5", k_now), std::nullopt);
  EXPECT_EQ(parse_retry_after("1.5", k_now), std::nullopt);
  EXPECT_EQ(parse_retry_after("soon", k_now), std::nullopt);
}

TEST(ParseRetryAfterBody, ReadsDiscordsFractionalSecondsRoundedUp) {
  EXPECT_EQ(
      parse_retry_after_body(R"({"message": "You are being rate limited.", "retry_after": 64.57, "global": false})"),
      seconds(65));
  EXPECT_EQ(parse_retry_after_body(R"({"retry_after": 2})"), seconds(2));
  EXPECT_EQ(parse_retry_after_body("not json"), std::nullopt);
  EXPECT_EQ(parse_retry_after_body(R"({"retry_after": "2"})"), std::nullopt);
}

DeliveryFailure failure_of(const HttpResponse& r) {
  auto result = classify_http_response(r, k_now, "slack https://hooks.slack.com/…");
  EXPECT_FALSE(result.ok());
  return result.ok() ? DeliveryFailure{} : result.error();
}

TEST(ClassifyHttpResponse, TwoHundredsAreDelivered) {
  EXPECT_TRUE(classify_http_response({200, "ok", ""}, k_now, "x").ok());
  EXPECT_TRUE(classify_http_response({202, "", ""}, k_now, "x").ok());
  EXPECT_TRUE(classify_http_response({204, "", ""}, k_now, "x").ok());
}

TEST(ClassifyHttpResponse, ServerErrorsTimeoutsAndRateLimitsAreTransient) {
  for (long status : {408L, 429L, 500L, 502L, 503L, 599L}) {
    EXPECT_TRUE(failure_of({status, "", ""}).is_transient()) << status;
  }
  const auto f = failure_of({503, "busy\nright now", "30"});
  EXPECT_EQ(f.retry_after, seconds(30));
  EXPECT_EQ(f.message, "HTTP 503 from slack https://hooks.slack.com/…: busy right now");
}

TEST(ClassifyHttpResponse, A429BodysRetryAfterWinsOverTheHeader) {
  EXPECT_EQ(failure_of({429, R"({"retry_after": 1.2})", "60"}).retry_after, seconds(2));
  EXPECT_EQ(failure_of({429, "slow down", "60"}).retry_after, seconds(60));
}

TEST(ClassifyHttpResponse, ClientErrorsArePermanentAnd410MeansGone) {
  const auto not_found = failure_of({404, "no_service", ""});
  EXPECT_TRUE(not_found.is_permanent());
  EXPECT_FALSE(not_found.endpoint_gone);
  const auto gone = failure_of({410, "channel_is_archived", ""});
  EXPECT_TRUE(gone.is_permanent());
  EXPECT_TRUE(gone.endpoint_gone);
  EXPECT_TRUE(failure_of({301, "", ""}).is_permanent());
}

}  // namespace
}  // namespace touchbase
