// Mailbox URLs: TLS unless the server is on this machine, no credentials in them.

#include "mailbox/mailbox_url.h"

#include <gtest/gtest.h>

namespace touchbase {
namespace {

TEST(ParseMailboxUrl, SplitsTheServerFromTheFolder) {
  const auto url = parse_mailbox_url("imaps://imap.example.com/INBOX");
  ASSERT_TRUE(url.ok()) << url.error().message;
  EXPECT_EQ(url->server, "imaps://imap.example.com:993/");
  EXPECT_EQ(url->folder, "INBOX");
  EXPECT_EQ(parse_mailbox_url("imap://127.0.0.1:1143")->folder, "INBOX");
  EXPECT_EQ(parse_mailbox_url("imaps://h.example/Sent%20Items")->folder, "Sent Items");
}

TEST(ParseMailboxUrl, PlainImapIsOnlyForALoopbackHost) {
  EXPECT_TRUE(parse_mailbox_url("imap://localhost/INBOX").ok());
  EXPECT_TRUE(parse_mailbox_url("imap://[::1]:1143/INBOX").ok());
  const auto remote = parse_mailbox_url("imap://imap.example.com/INBOX");
  ASSERT_FALSE(remote.ok());
  EXPECT_NE(remote.error().message.find("plain text"), std::string::npos);
}

TEST(ParseMailboxUrl, CredentialsOtherSchemesAndQueriesAreRefusedWithoutRepeatingTheUrl) {
  for (const char* url : {"imaps://alice:s3cret@imap.example.com/", "https://imap.example.com/",
                          "imaps://imap.example.com/INBOX?x=s3cret", "not a url s3cret"}) {
    const auto result = parse_mailbox_url(url);
    ASSERT_FALSE(result.ok()) << url;
    EXPECT_EQ(result.error().message.find("s3cret"), std::string::npos) << result.error().message;
  }
}

}  // namespace
}  // namespace touchbase
