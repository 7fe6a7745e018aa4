// [owners.ID.mailbox]: every key read, defaults named, and errors that name the key.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/load_config.h"
#include "tests/config/config_test_support.h"

namespace touchbase::testing {
namespace {

using ::testing::ElementsAre;

std::string with_mailbox(std::string_view lines) {
  return "[owners.alice]\nnotify = [\"console\"]\n[owners.alice.mailbox]\n" + std::string(lines) +
         std::string(k_console) + std::string(k_prospect);
}

constexpr std::string_view k_login = "username = \"alice@example.com\"\npassword_env = \"TB_TEST_IMAP_PASSWORD\"\n";

TEST(ReadMailbox, AnOwnerWithoutAMailboxHasNone) {
  EXPECT_FALSE(load_ok(k_minimal_rest).owners.at("alice").mailbox);
}

TEST(ReadMailbox, EveryValueIsReadAndTheRestDefaults) {
  ScopedEnv password("TB_TEST_IMAP_PASSWORD", "imap-pw");
  const Config minimal = load_ok(with_mailbox("url = \"imaps://imap.example.com/INBOX\"\n" + std::string(k_login)));
  const MailboxConfig& m = minimal.owners.at("alice").mailbox.value();
  EXPECT_EQ(m.url, "imaps://imap.example.com/INBOX");
  EXPECT_EQ(m.username, "alice@example.com");
  EXPECT_EQ(m.password, "imap-pw");
  EXPECT_EQ(m.sent, "");
  EXPECT_EQ(m.poll, k_default_mailbox_poll);
  EXPECT_EQ(m.match, MailboxMatch::address);
  EXPECT_EQ(m.since, k_default_mailbox_since);
  const Config full = load_ok(with_mailbox("url = \"imap://127.0.0.1:1143/INBOX\"\n" + std::string(k_login) +
                                           "sent = \"Sent\"\npoll = \"5m\"\nmatch = \"domain\"\nsince = \"30d\"\n"));
  const MailboxConfig& f = full.owners.at("alice").mailbox.value();
  EXPECT_EQ(f.sent, "Sent");
  EXPECT_EQ(f.poll, std::chrono::minutes(5));
  EXPECT_EQ(f.match, MailboxMatch::domain);
  EXPECT_EQ(f.since, std::chrono::days(30));
}

TEST(ReadMailbox, PlainImapToAnotherHostAndCredentialsInTheUrlAreRefused) {
  ScopedEnv password("TB_TEST_IMAP_PASSWORD", "imap-pw");
  EXPECT_THAT(config_errors(with_mailbox("url = \"imap://imap.example.com/INBOX\"\n" + std::string(k_login))),
              ElementsAre("t.toml:4:7: owners.alice.mailbox.url: imap:// would send the password in plain text: use "
                          "imaps://, or imap:// only to a loopback host"));
  EXPECT_THAT(config_errors(with_mailbox("url = \"imaps://a:b@imap.example.com/\"\n" + std::string(k_login))),
              ElementsAre("t.toml:4:7: owners.alice.mailbox.url: credentials do not belong in the URL: set username, "
                          "and password_file or password_env"));
  EXPECT_THAT(config_errors(with_mailbox("url = \"https://imap.example.com/\"\n" + std::string(k_login))),
              ElementsAre("t.toml:4:7: owners.alice.mailbox.url: expected an IMAP URL like "
                          "\"imaps://imap.example.com/INBOX\""));
}

TEST(ReadMailbox, APasswordIsNeverInlineAndAlwaysGiven) {
  EXPECT_THAT(config_errors(with_mailbox("url = \"imaps://h.example/\"\nusername = \"a\"\npassword = \"pw\"\n")),
              ElementsAre("t.toml:3:1: owners.alice.mailbox.password_file: missing required key: give the password "
                          "as password_file or password_env",
                          "t.toml:6:1: owners.alice.mailbox.password: an inline password is not allowed: put it in a "
                          "file and use password_file, or use password_env"));
}

TEST(ReadMailbox, BadValuesNameTheirKey) {
  ScopedEnv password("TB_TEST_IMAP_PASSWORD", "imap-pw");
  EXPECT_THAT(
      config_errors(with_mailbox("url = \"imaps://h.example/\"\n" + std::string(k_login) +
                                 "poll = \"5s\"\nmatch = \"company\"\nsince = \"400d\"\nfolder = \"x\"\n")),
      ElementsAre("t.toml:7:8: owners.alice.mailbox.poll: expected between 30s and 1d, got 5s",
                  "t.toml:8:9: owners.alice.mailbox.match: expected \"address\" or \"domain\", got 'company'",
                  "t.toml:9:9: owners.alice.mailbox.since: expected between 1d and 365d, got 400d",
                  "t.toml:10:1: owners.alice.mailbox.folder: unknown key 'folder' in owners.alice.mailbox; expected "
                  "one of: url, username, password_file, password_env, sent, poll, match, since"));
}

}  // namespace
}  // namespace touchbase::testing
