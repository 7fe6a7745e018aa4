#include "core/url.h"

#include <gtest/gtest.h>

namespace touchbase {
namespace {

TEST(RedactUrl, KeepsSchemeAndHostAndDropsThePathWhereTheSecretIs) {
  EXPECT_EQ(redact_url("https://hooks.slack.com/services/T000/B000/XXXXSECRET"), "https://hooks.slack.com/…");
}

TEST(RedactUrl, DropsQueryAndCredentialsButKeepsThePort) {
  EXPECT_EQ(redact_url("https://user:pw@chat.googleapis.com:8443/v1/spaces/AAA/messages?key=K&token=T"),
            "https://chat.googleapis.com:8443/…");
}

TEST(RedactUrl, AnUnparsableUrlIsNotEchoed) {
  EXPECT_EQ(redact_url("not a url with secret"), "(invalid URL)");
}

TEST(OriginOf, KeepsSchemeHostAndPortInLowerCase) {
  EXPECT_EQ(origin_of("HTTPS://Hooks.Slack.com/services/T000/B000/X"), "https://hooks.slack.com");
  EXPECT_EQ(origin_of("http://127.0.0.1:8080?wait=true"), "http://127.0.0.1:8080");
  EXPECT_EQ(origin_of("smtp://[::1]:2525"), "smtp://[::1]:2525");
}

TEST(OriginOf, LeavesOutCredentialsAndEverythingAfterTheHost) {
  EXPECT_EQ(origin_of("smtps://user:p@ss@mail.example.com:465/x#frag"), "smtps://mail.example.com:465");
  EXPECT_EQ(origin_of("https://example.com/path@not-a-host"), "https://example.com");
}

TEST(OriginOf, TextThatIsNotAUrlIsItsOwnOrigin) {
  EXPECT_EQ(origin_of("not a url"), "not a url");
}

TEST(ParseUrl, SplitsSchemeHostAndPort) {
  auto parts = parse_url("smtp://[::1]:2525");
  ASSERT_TRUE(parts.ok());
  EXPECT_EQ(parts->scheme, "smtp");
  EXPECT_EQ(parts->host, "::1");
  EXPECT_EQ(parts->port, "2525");
}

TEST(IsLoopbackHost, RecognisesLocalhostAnd127SlashEightAndIpv6) {
  EXPECT_TRUE(is_loopback_host("localhost"));
  EXPECT_TRUE(is_loopback_host("127.0.0.1"));
  EXPECT_TRUE(is_loopback_host("127.10.20.30"));
  EXPECT_TRUE(is_loopback_host("::1"));
  EXPECT_FALSE(is_loopback_host("127.example.com"));
  EXPECT_FALSE(is_loopback_host("10.0.0.1"));
  EXPECT_FALSE(is_loopback_host("smtp.example.com"));
}

TEST(AppendQuery, AddsToAnExistingQueryAndEncodesTheValue) {
  EXPECT_EQ(append_query("https://x.test/m?key=K", "threadKey", "jane doe/1"),
            "https://x.test/m?key=K&threadKey=jane%20doe%2F1");
  EXPECT_EQ(append_query("https://x.test/m", "a", "b"), "https://x.test/m?a=b");
}

}  // namespace
}  // namespace touchbase
