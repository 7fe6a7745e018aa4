// touchbase mailbox test OWNER against a real dovecot
// (tests/servers/dovecot_server.h): it logs in, lists the folders, counts the
// recent messages that concern contacts, and changes nothing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/servers/dovecot_server.h"
#include "tests/testing/workflow_fixture.h"

namespace touchbase::testing {
namespace {

using ::testing::HasSubstr;

constexpr const char* k_user = "alice@example.com";
constexpr const char* k_password = "imap-Passw0rd";

std::string mail(std::string_view from, std::string_view to, std::string_view extra = "") {
  return "From: " + std::string(from) + "\nTo: " + std::string(to) + "\nSubject: Re: pricing\n" + std::string(extra) +
         "Message-ID: <" + std::string(from) + ">\nDate: Tue, 24 Nov 2026 10:00:00 +0000\n\nYes.\n";
}

class MailboxCommandTest : public WorkflowTest {
 protected:
  TempDir imap_dir_;
  DovecotServer server_{imap_dir_.path(), k_user, k_password};

  void SetUp() override {
    ASSERT_TRUE(server_.ready()) << server_.error();
    dir_.write("imap-password", k_password);
  }
  void configure(std::string_view match, std::string_view password_file = "imap-password") {
    config_ = dir_.write("touchbase.toml", std::string(k_workflow_config) + "\n[owners.alice.mailbox]\nurl = \"" +
                                               server_.imap_url("INBOX") + "\"\nusername = \"" + k_user +
                                               "\"\npassword_file = \"" + std::string(password_file) +
                                               "\"\nsent = \"Sent\"\nmatch = \"" + std::string(match) + "\"\n");
  }
  void fill_mailbox() {
    const auto received = std::chrono::system_clock::time_point(now_ - std::chrono::days(1));
    server_.add_message("", mail("Jane Doe <jane@acme.example>", k_user), received);
    server_.add_message("", mail("joe@acme.example", k_user), received);
    server_.add_message("", mail("jane@acme.example", k_user, "Auto-Submitted: auto-replied\n"), received);
    server_.add_message("", mail("news@shop.example", k_user, "List-Id: <news.shop.example>\n"), received);
    server_.add_message("", mail("old@acme.example", k_user), now_ - std::chrono::days(30));
    server_.add_message("Sent", mail(k_user, "jane@acme.example"), received, Seen::yes);
    ok({"contact", "add", "jane", "--name", "Jane Doe", "--email", "Jane@Acme.example"});
  }
};

TEST_F(MailboxCommandTest, ItCountsWhatConcernsContactsByAddressAndChangesNothing) {
  configure("address");
  fill_mailbox();
  const auto flags = server_.flags();
  const std::string out = ok({"mailbox", "test", "alice"});
  EXPECT_THAT(out, HasSubstr("logged in to imap://127.0.0.1:" + std::to_string(server_.imap_port()) +
                             "/ as alice@example.com\n"));
  EXPECT_THAT(out, HasSubstr("folders: Sent, INBOX\n"));
  EXPECT_THAT(out, HasSubstr("INBOX: 4 messages since 2026-11-11, 2 concerning contacts (1 replies, 1 automatic "
                             "replies)\n"));
  EXPECT_THAT(out, HasSubstr("Sent: 1 message since 2026-11-11, 1 concerning contacts (1 sent to contacts)\n"));
  EXPECT_EQ(server_.flags(), flags);
  EXPECT_EQ(show("jane")["last_touch"], nullptr);
}

TEST_F(MailboxCommandTest, MatchingByDomainCountsAnotherAddressOfTheSameCompany) {
  configure("domain");
  fill_mailbox();
  EXPECT_THAT(ok({"mailbox", "test", "alice"}), HasSubstr("INBOX: 4 messages since 2026-11-11, 3 concerning contacts "
                                                          "(2 replies, 1 automatic replies)\n"));
}

TEST_F(MailboxCommandTest, ARefusedLoginIsAConfigurationError) {
  dir_.write("wrong-password", "nope");
  configure("address", "wrong-password");
  const auto r = touchbase({"mailbox", "test", "alice"});
  EXPECT_EQ(r.exit_code, 78);
  EXPECT_THAT(r.err, HasSubstr("the server refused the login"));
  EXPECT_THAT(r.err, ::testing::Not(HasSubstr("nope")));
}

TEST_F(MailboxCommandTest, AnOwnerWithoutAMailboxIsSaidSo) {
  const auto r = touchbase({"mailbox", "test", "bob"});
  EXPECT_EQ(r.exit_code, 78);
  EXPECT_THAT(r.err, HasSubstr("owner 'bob' has no [owners.bob.mailbox]"));
}

}  // namespace
}  // namespace touchbase::testing
