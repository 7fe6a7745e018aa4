// Polls of a real dovecot mailbox (tests/servers/dovecot_server.h): each
// reads only what is new since the mark it stored, a renumbered folder is read
// again without recording anything twice, and no message is marked seen.
#include "inbox/mailbox_poll.h"

#include <gtest/gtest.h>

#include "config/load_config.h"
#include "tests/servers/dovecot_server.h"
#include "tests/testing/temp_dir.h"

namespace touchbase {
namespace {

constexpr const char* k_user = "alice@example.com";
constexpr const char* k_password = "imap-Passw0rd";
const Instant k_now = parse_rfc3339("2026-11-25T09:30:00Z").value();

std::string reply(int n) {
  return "From: jane@acme.example\nTo: alice@example.com\nSubject: Re: " + std::to_string(n) + "\nMessage-ID: <" +
         std::to_string(n) + "@acme>\nDate: Tue, 24 Nov 2026 10:00:00 +0000\n\nYes.\n";
}

class MailboxPollTest : public ::testing::Test {
 protected:
  testing::TempDir dir_;
  testing::TempDir imap_dir_;
  testing::DovecotServer server_{imap_dir_.path(), k_user, k_password};
  std::unique_ptr<Store> store_ = open_sqlite_store(dir_ / "touchbase.db").value();
  std::optional<Config> config_;
  const std::chrono::system_clock::time_point received_{k_now - std::chrono::days(1)};

  void SetUp() override {
    ASSERT_TRUE(server_.ready()) << server_.error();
    Contact jane;
    jane.id = "jane";
    jane.name = "Jane Doe";
    jane.email = "jane@acme.example";
    ASSERT_TRUE(store_->add_contact(jane).ok());
    config_ = load_config_text(std::string("[owners.alice]\nnotify = [\"console\"]\n[owners.alice.mailbox]\nurl = \"") +
                                   server_.imap_url("INBOX") + "\"\nusername = \"" + k_user + "\"\npassword_file = \"" +
                                   dir_.write("pw", k_password).string() +
                                   "\"\nsent = \"Sent\"\n[notifiers.console]\nkind = \"console\"\n"
                                   "[cadences.prospect]\nsteps = [\"2d\"]\non_reply = \"prospect\"\n",
                               "t.toml", k_now)
                  .value();
    server_.add_message("Sent", "From: alice@example.com\nTo: x@y.example\n\n", received_, testing::Seen::yes);
  }

  PollOutcome poll() {
    BlockingImapConnection connection({parse_mailbox_url(server_.imap_url()).value(), k_user, k_password, ""});
    std::optional<MailboxResult<PollOutcome>> out;
    poll_mailbox(connection, *store_, *config_, "alice", k_now, [&](auto result) { out = std::move(result); });
    EXPECT_TRUE(out && out->ok()) << (out && !out->ok() ? out->error().message : "no result");
    return out && out->ok() ? out->value() : PollOutcome{};
  }
};

TEST_F(MailboxPollTest, EachPollReadsWhatIsNewSinceTheMarkItStored) {
  server_.add_message("", reply(1), received_);
  EXPECT_EQ(poll().recorded.touches, 1);
  EXPECT_EQ(store_->mailbox_mark("alice", "INBOX").value()->last_uid, 1u);
  EXPECT_EQ(store_->mailbox_mark("alice", "Sent").value()->last_uid, 1u);
  EXPECT_EQ(poll().recorded.touches, 0);
  server_.add_message("", reply(2), received_);
  EXPECT_EQ(poll().recorded.touches, 1);
  EXPECT_EQ(store_->touches("jane").value().size(), 2u);
  EXPECT_EQ(server_.flags(), (std::vector<std::string>{"", ""}));
}

TEST_F(MailboxPollTest, ARenumberedFolderIsReadAgainWithoutRecordingTwice) {
  server_.add_message("", reply(1), received_);
  poll();
  const auto before = store_->mailbox_mark("alice", "INBOX").value().value();
  server_.renumber();
  EXPECT_EQ(poll().recorded.touches, 0);
  const auto after = store_->mailbox_mark("alice", "INBOX").value().value();
  EXPECT_NE(after.uidvalidity, before.uidvalidity);
  EXPECT_EQ(store_->touches("jane").value().size(), 1u);
}

}  // namespace
}  // namespace touchbase
