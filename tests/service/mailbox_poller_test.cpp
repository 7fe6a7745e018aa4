// The owners' mailboxes polled on the daemon's loop, against a real dovecot
// (tests/servers/dovecot_server.h): a reply is recorded without blocking the
// loop and the daemon is woken; a refused login is told to the owner once and
// shown as failing; a server that cannot be reached is retried.
#include "service/mailbox_poller.h"

#include <gtest/gtest.h>

#include "config/load_config.h"
#include "tests/servers/dovecot_server.h"
#include "tests/testing/temp_dir.h"

namespace touchbase {
namespace {

constexpr const char* k_user = "alice@example.com";
constexpr const char* k_password = "imap-Passw0rd";
const Instant k_now = parse_rfc3339("2026-11-25T09:30:00Z").value();

class MailboxPollerTest : public ::testing::Test {
 protected:
  testing::TempDir dir_;
  testing::TempDir imap_dir_;
  testing::DovecotServer server_{imap_dir_.path(), k_user, k_password};
  std::unique_ptr<Store> store_ = open_sqlite_store(dir_ / "touchbase.db").value();
  FakeClock clock_{k_now};
  boost::asio::io_context io_;
  int woken_ = 0;

  void SetUp() override {
    ASSERT_TRUE(server_.ready()) << server_.error();
    Contact jane;
    jane.id = "jane";
    jane.name = "Jane Doe";
    jane.email = "jane@acme.example";
    ASSERT_TRUE(store_->add_contact(jane).ok());
    server_.add_message("",
                        "From: Jane Doe <jane@acme.example>\nTo: alice@example.com\nSubject: Re: pricing\n"
                        "Message-ID: <1@acme>\nDate: Tue, 24 Nov 2026 10:00:00 +0000\n\nYes.\n",
                        std::chrono::system_clock::time_point(k_now - std::chrono::days(1)));
  }

  Config config(const std::string& url, std::string_view password) {
    return load_config_text("[owners.alice]\nnotify = [\"console\"]\n[owners.alice.mailbox]\nurl = \"" + url +
                                "\"\nusername = \"" + k_user + "\"\npassword_file = \"" +
                                dir_.write("pw", password).string() +
                                "\"\n[notifiers.console]\nkind = \"console\"\n[cadences.prospect]\nsteps = [\"2d\"]\n",
                            "t.toml", k_now)
        .value();
  }

  // Runs the loop until the poller's state leaves "waiting" (or 5 s pass).
  MailboxState poll_once(MailboxPoller& poller) {
    poller.start();
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (poller.states().at(0).state == "waiting" && std::chrono::steady_clock::now() < deadline) {
      io_.run_for(std::chrono::milliseconds(20));
    }
    poller.stop();
    return poller.states().at(0);
  }

  std::vector<std::string> notice_headlines() {
    std::vector<std::string> out;
    const auto rows = store_->outbox_ready(k_now, 10).value();
    for (const auto& row : rows) {
      if (auto notice = store_->find_notice(row.notice_id).value()) out.push_back(notice->headline);
    }
    return out;
  }
};

TEST_F(MailboxPollerTest, AReplyIsRecordedOnTheLoopAndTheDaemonWoken) {
  const Config c = config(server_.imap_url("INBOX"), k_password);
  MailboxPoller poller(io_, c, *store_, clock_, [this] { ++woken_; });
  const MailboxState state = poll_once(poller);
  EXPECT_EQ(state.state, "ok") << state.error;
  EXPECT_EQ(state.last_read, k_now);
  EXPECT_EQ(store_->touches("jane").value().size(), 1u);
  EXPECT_EQ(woken_, 1);
  EXPECT_EQ(notice_headlines(), std::vector<std::string>{"Jane Doe replied: Re: pricing — follow-ups paused"});
  EXPECT_EQ(server_.flags(), std::vector<std::string>{""});
}

TEST_F(MailboxPollerTest, ARefusedLoginIsToldToTheOwnerOnceAndShownAsFailing) {
  const Config c = config(server_.imap_url("INBOX"), "wrong-Passw0rd");
  MailboxPoller poller(io_, c, *store_, clock_, [this] { ++woken_; });
  const MailboxState state = poll_once(poller);
  EXPECT_EQ(state.state, "failing");
  EXPECT_NE(state.error.find("refused the login"), std::string::npos) << state.error;
  EXPECT_EQ(notice_headlines(), std::vector<std::string>{"touchbase cannot read your mailbox"});
  EXPECT_TRUE(store_->touches("jane").value().empty());
}

TEST_F(MailboxPollerTest, AServerThatCannotBeReachedIsRetried) {
  const Config c = config("imap://127.0.0.1:1/INBOX", k_password);
  MailboxPoller poller(io_, c, *store_, clock_, [this] { ++woken_; });
  const MailboxState state = poll_once(poller);
  EXPECT_EQ(state.state, "retrying") << state.error;
  EXPECT_TRUE(notice_headlines().empty());
}

}  // namespace
}  // namespace touchbase
