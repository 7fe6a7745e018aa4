#include "notifiers/smtp_outcome.h"

#include <gtest/gtest.h>

namespace touchbase {
namespace {

constexpr std::string_view k_endpoint = "email smtp://mx.example.com:587/…";

SmtpTranscript with_recipients(const std::vector<std::pair<std::string, std::string>>& replies) {
  SmtpTranscript t;
  t.on_command("MAIL FROM:<tb@example.com>\r\n");
  t.on_reply("250 OK\r\n");
  for (const auto& [address, reply] : replies) {
    t.on_command("RCPT TO:<" + address + ">\r\n");
    t.on_reply(reply + "\r\n");
  }
  return t;
}

TEST(ClassifySmtp, EveryRecipientAcceptedIsDelivered) {
  auto t = with_recipients({{"a@example.com", "250 OK"}});
  t.on_command("DATA\r\n");
  t.on_reply("354 go\r\n250 accepted\r\n");
  EXPECT_TRUE(classify_smtp(CURLE_OK, t, k_endpoint, "", "").ok());
}

TEST(ClassifySmtp, A4xxRecipientRefusalIsTransientAndNamesTheRecipient) {
  const auto t = with_recipients({{"a@example.com", "451 4.3.0 Try again later"}});
  const auto r = classify_smtp(CURLE_SEND_ERROR, t, k_endpoint, "RCPT failed: 451", "");
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.error().is_transient());
  EXPECT_EQ(r.error().message,
            "email smtp://mx.example.com:587/…: the server refused a@example.com (451 4.3.0 Try again later); "
            "nobody got the message");
  ASSERT_EQ(r.error().recipients.size(), 1u);
  EXPECT_EQ(r.error().recipients[0].code, 451);
}

TEST(ClassifySmtp, A5xxRecipientRefusalIsPermanent) {
  const auto t = with_recipients({{"a@example.com", "550 5.1.1 No such user"}});
  const auto r = classify_smtp(CURLE_SEND_ERROR, t, k_endpoint, "", "");
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.error().is_permanent());
}

TEST(ClassifySmtp, PartialAcceptanceIsAFailureThatSaysWhoHasTheMessage) {
  auto t = with_recipients({{"a@example.com", "250 OK"}, {"b@example.com", "550 5.1.1 No such user"}});
  t.on_command("DATA\r\n");
  t.on_reply("354 go\r\n250 accepted\r\n");
  const auto r = classify_smtp(CURLE_OK, t, k_endpoint, "", "");
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.error().is_permanent());
  EXPECT_NE(r.error().message.find("delivered to a@example.com"), std::string::npos) << r.error().message;
  EXPECT_EQ(r.error().recipients.size(), 2u);
}

TEST(ClassifySmtp, ARejectionAtTheEndOfDataIsAFailure) {
  auto t = with_recipients({{"a@example.com", "250 OK"}});
  t.on_command("DATA\r\n");
  t.on_reply("354 go\r\n554 5.6.0 Message content rejected\r\n");
  const auto r = classify_smtp(CURLE_WEIRD_SERVER_REPLY, t, k_endpoint, "", "");
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.error().is_permanent());
  EXPECT_EQ(r.error().message,
            "email smtp://mx.example.com:587/…: the server replied at the end of DATA: 554 5.6.0 Message content "
            "rejected");
}

TEST(ClassifySmtp, NoReplyAtAllIsATransportFailure) {
  SmtpTranscript t;
  const auto r =
      classify_smtp(CURLE_COULDNT_CONNECT, t, k_endpoint, "Failed to connect to mx.example.com port 587", "");
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.error().is_transient());
  EXPECT_EQ(r.error().message,
            "email smtp://mx.example.com:587/…: Couldn't connect to server: Failed to connect to "
            "mx.example.com port 587");
}

TEST(ClassifySmtp, MissingStarttlsIsPermanent) {
  SmtpTranscript t;
  t.on_reply("220 hi\r\n");
  t.on_command("EHLO me\r\n");
  t.on_reply("250 HELP\r\n");
  const auto r = classify_smtp(CURLE_USE_SSL_FAILED, t, k_endpoint, "STARTTLS not supported.", "");
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.error().is_permanent());
}

}  // namespace
}  // namespace touchbase
